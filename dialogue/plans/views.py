"""Plans, conferences and tasks. Views parse input, look things up through scoped
selectors, call one service and render."""

from __future__ import annotations

import calendar as pycalendar
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogue.core.errors import ServiceError, call_for_form, call_for_message
from dialogue.core.uploads import download_type
from dialogue.followup.escalation import conference_escalations
from dialogue.lib.text import fold
from dialogue.organisation.models import Unit, UnitCategory, UnitStatus, User
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import bodies_in, scope_q, user_can
from dialogue.plans import documents, selectors, services
from dialogue.plans.announce import FIRST_HOUR
from dialogue.plans.forms import (
    AgendaItemForm,
    AnnounceForm,
    ChairForm,
    ConferenceForm,
    DelegationForm,
    IssueForm,
    ParticipantForm,
    PlanForm,
    ProgrammeForm,
    ResponsibilityForm,
    TaskCompleteForm,
    TaskEditForm,
    TaskForm,
    TimelineChoiceForm,
    UnannounceForm,
)
from dialogue.plans.models import (
    ConferenceStatus,
    InvitationStatus,
    PlanStatus,
    Programme,
    TaskStatus,
)
from dialogue.plans.states import CONFERENCE_TRANSITIONS, INVITATION_TRANSITIONS
from dialogue.workcalendar.selectors import get_calendar


def _require_manage(user, plan) -> None:
    if not services.can_manage_plan(user, plan):
        raise PermissionDenied


def _manage_units(user):
    return Unit.objects.filter(scope_q(user, Capability.PLAN_MANAGE), status=UnitStatus.ACTIVE)


def _people_near(plan):
    """People working in the plan's area: candidates for signer, chairs and participants."""
    area = services.administrative_area(plan.issuing_unit) if plan else None
    qs = User.objects.filter(is_active=True).select_related("organisation")
    if area is not None:
        qs = qs.filter(organisation__path__startswith=area.path)
    return qs.order_by("full_name")


def _bodies_in(area: Unit):
    """Bodies (not administrative units) in an area, for choosing who does a duty; a
    historical plan's dissolved bodies included."""
    return bodies_in(area, max_depth=3, active_only=False)


# ---------------------------------------------------------------- plans


@login_required
def plan_list(request):
    if not user_can(request.user, Capability.PLAN_VIEW) and not user_can(request.user, Capability.TASK_UPDATE):
        raise PermissionDenied
    query = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    try:
        year = int(request.GET.get("year") or 0) or None
    except ValueError:
        year = None
    plans = selectors.plan_list_for_user(user=request.user, query=query, year=year, status=status)
    page = Paginator(plans, 30).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "status": status,
        "year": year,
        "statuses": PlanStatus.choices,
        "can_create": user_can(request.user, Capability.PLAN_MANAGE),
    }
    return render(request, "plans/plan_list.html", context)


def _plan_fields(data: dict) -> dict:
    fields = {k: v for k, v in data.items() if k in services.PLAN_FIELDS}
    return fields


@login_required
def plan_create(request):
    if not user_can(request.user, Capability.PLAN_MANAGE):
        raise PermissionDenied
    units = _manage_units(request.user)
    form = PlanForm(
        request.POST or None,
        unit_queryset=units,
        signer_queryset=User.objects.filter(
            scope_q(request.user, Capability.PLAN_MANAGE, field="organisation__path"), is_active=True
        ).order_by("full_name"),
        initial={"basis_verb": "Thực hiện", "tasks_heading": "III. TỔ CHỨC THỰC HIỆN"},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit = data.pop("issuing_unit")
        bases = data.pop("legal_bases", "").splitlines()
        data.pop("version", None)
        plan = call_for_form(
            request,
            form,
            lambda: services.plan_create(
                actor=request.user, issuing_unit=unit, legal_bases=bases, **_plan_fields(data)
            ),
            _("The plan was created as a draft."),
        )
        if plan:
            return redirect("plans:plan_detail", plan.pk)
    chosen = form["issuing_unit"].value()
    current = units.filter(pk=chosen).first() if chosen and str(chosen).isdigit() else None
    return render(request, "plans/plan_form.html", {"form": form, "plan": None, "current_unit": current})


@login_required
def plan_update(request, pk: int):
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, plan)
    initial = {name: getattr(plan, name) for name in services.PLAN_FIELDS}
    initial["legal_bases"] = "\n".join(b.citation for b in plan.legal_bases.all())
    initial["version"] = plan.version
    form = PlanForm(
        request.POST or None,
        initial=initial,
        unit_queryset=Unit.objects.none(),
        signer_queryset=_people_near(plan),
        editing=True,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        bases = data.pop("legal_bases", "").splitlines()
        version = data.pop("version", None)
        updated = call_for_form(
            request,
            form,
            lambda: services.plan_update(
                actor=request.user, plan=plan, expected_version=version, legal_bases=bases, **_plan_fields(data)
            ),
            _("The plan was saved."),
        )
        if updated:
            return redirect("plans:plan_detail", plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


@login_required
def plan_detail(request, pk: int):
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    rows = selectors.plan_tasks(plan)
    can_manage = services.can_manage_plan(request.user, plan)
    conferences = list(
        plan.conferences.select_related("host_unit", "programme", "announced_by")
        .prefetch_related("chairs")
        .order_by("order", "date")
    )
    by_conference = {}
    for row in rows:
        if row.task.conference_id:
            by_conference.setdefault(row.task.conference_id, []).append(row)
    today = timezone.localdate()
    for conference in conferences:
        conference.progress = selectors.progress_of(by_conference.get(conference.pk, []))
        conference.announce = selectors.announce_status(conference, today=today)
    responsibilities = list(plan.responsibilities.select_related("unit"))
    document_rows = {r.pk: [] for r in responsibilities}
    for row in rows:
        if row.task.responsibility_id in document_rows:
            document_rows[row.task.responsibility_id].append(row)
    for item in responsibilities:
        item.rows = sorted(document_rows[item.pk], key=lambda r: (r.task.order, r.task.pk))
    timeline = sorted(
        [("conference", c.date, c) for c in conferences if c.date]
        + [("task", r.task.due_date, r) for r in rows if r.task.due_date and r.task.status != TaskStatus.CANCELLED],
        key=lambda e: (e[1], 0 if e[0] == "conference" else 1),
    )
    context = {
        "plan": plan,
        "can_manage": can_manage,
        "is_draft": plan.status == PlanStatus.DRAFT,
        "legal_bases": plan.legal_bases.all(),
        "conferences": conferences,
        "responsibilities": responsibilities,
        "progress": selectors.progress_of(rows),
        "late_rows": [r for r in rows if r.late_by and r.task.status == TaskStatus.OPEN],
        "timeline": timeline,
        "programmes": plan.programmes.all(),
        "today": timezone.localdate(),
        "pdf_available": documents.pdf_available(),
        "task_form": TaskForm(plan=plan) if can_manage else None,
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
def plan_issue(request, pk: int):
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, plan)
    form = IssueForm(request.POST or None, initial={"issued_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        issued = call_for_form(
            request,
            form,
            lambda: services.plan_issue(
                actor=request.user,
                plan=plan,
                issued_on=form.cleaned_data["issued_on"],
                number=form.cleaned_data["number"],
            ),
            _("The plan was issued."),
        )
        if issued:
            return redirect("plans:plan_detail", plan.pk)
    return render(request, "plans/plan_issue.html", {"form": form, "plan": plan})


@login_required
@require_POST
def plan_cancel(request, pk: int):
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, plan)
    call_for_message(request, lambda: services.plan_cancel(actor=request.user, plan=plan), _("The plan was cancelled."))
    return redirect("plans:plan_detail", plan.pk)


@login_required
def plan_document(request, pk: int, fmt: str):
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    return _document_response(documents.plan_document(plan), documents.plan_filename(plan), fmt)


def _document_response(doc, filename: str, fmt: str):
    try:
        data, content_type, name = documents.render(doc, filename, fmt)
    except documents.PdfUnavailable:
        raise Http404(_("PDF is not available on this server; download the DOCX.")) from None
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = documents.content_disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# ---------------------------------------------------------------- responsibilities and tasks


@login_required
def responsibility_form(request, pk: int, item_pk: int | None = None):
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, plan)
    item = plan.responsibilities.filter(pk=item_pk).first() if item_pk else None
    if item_pk and item is None:
        raise Http404
    area = services.administrative_area(plan.issuing_unit)
    units = Unit.objects.filter(path__startswith=area.path)
    initial = {"unit": item.unit_id, "label": item.label, "intro": item.intro} if item else {}
    form = ResponsibilityForm(request.POST or None, unit_queryset=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if item:
            call = lambda: services.responsibility_update(  # noqa: E731
                actor=request.user, responsibility=item, unit=data["unit"], label=data["label"], intro=data["intro"]
            )
        else:
            call = lambda: services.responsibility_add(  # noqa: E731
                actor=request.user, plan=plan, unit=data["unit"], label=data["label"], intro=data["intro"]
            )
        if call_for_form(request, form, call, _("The responsibility was saved.")):
            return redirect(f"{plan_url(plan)}#tasks")
    chosen = form["unit"].value()
    current = units.filter(pk=chosen).first() if chosen and str(chosen).isdigit() else None
    return render(
        request,
        "plans/responsibility_form.html",
        {"form": form, "plan": plan, "item": item, "current_unit": current},
    )


def plan_url(plan) -> str:
    from django.urls import reverse

    return reverse("plans:plan_detail", args=[plan.pk])


@login_required
@require_POST
def responsibility_delete(request, pk: int, item_pk: int):
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, plan)
    item = plan.responsibilities.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    call_for_message(
        request,
        lambda: services.responsibility_delete(actor=request.user, responsibility=item),
        _("The responsibility and its duties were removed."),
    )
    return redirect(f"{plan_url(plan)}#tasks")


@login_required
def task_create(request, pk: int):
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, plan)
    form = TaskForm(request.POST or None, plan=plan, initial={"responsibility": request.GET.get("responsibility")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        task = call_for_form(
            request,
            form,
            lambda: services.task_add(
                actor=request.user,
                plan=plan,
                responsibility=data["responsibility"],
                description=data["description"],
                due_date=data["due_date"],
            ),
            _("The duty was added."),
        )
        if task:
            return redirect(f"{plan_url(plan)}#tasks")
    return render(request, "plans/task_form.html", {"form": form, "plan": plan, "task": None})


@login_required
def task_detail(request, pk: int):
    task = selectors.task_get_for_user(user=request.user, pk=pk)
    can_update = services.can_update_task(request.user, task)
    form = TaskCompleteForm()
    if request.method == "POST":
        if not can_update:
            raise PermissionDenied
        form = TaskCompleteForm(request.POST, request.FILES)
        if form.is_valid():
            done = call_for_form(
                request,
                form,
                lambda: services.task_complete(
                    actor=request.user,
                    task=task,
                    note=form.cleaned_data["note"],
                    file=form.cleaned_data["file"],
                    done_on=form.cleaned_data["done_on"],
                ),
                _("The task was marked done."),
            )
            if done:
                return redirect("plans:task_detail", task.pk)
    row = selectors._decorate([task], timezone.localdate())[0]
    context = {
        "task": task,
        "row": row,
        "form": form,
        "can_update": can_update,
        "can_manage": services.can_manage_plan(request.user, task.plan),
    }
    return render(request, "plans/task_detail.html", context)


@login_required
@require_POST
def task_reopen(request, pk: int):
    task = selectors.task_get_for_user(user=request.user, pk=pk)
    if not services.can_update_task(request.user, task):
        raise PermissionDenied
    call_for_message(request, lambda: services.task_reopen(actor=request.user, task=task), _("The task is open again."))
    return redirect("plans:task_detail", task.pk)


@login_required
def task_update(request, pk: int):
    task = selectors.task_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, task.plan)
    form = TaskEditForm(request.POST or None, initial={"description": task.description, "due_date": task.due_date})
    if request.method == "POST" and form.is_valid():
        saved = call_for_form(
            request,
            form,
            lambda: services.task_update(
                actor=request.user,
                task=task,
                description=form.cleaned_data["description"],
                due_date=form.cleaned_data["due_date"],
            ),
            _("The duty was saved."),
        )
        if saved:
            return redirect("plans:task_detail", task.pk)
    return render(request, "plans/task_form.html", {"form": form, "plan": task.plan, "task": task})


@login_required
@require_POST
def task_delete(request, pk: int):
    task = selectors.task_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, task.plan)
    plan = task.plan
    call_for_message(request, lambda: services.task_delete(actor=request.user, task=task), _("The duty was removed."))
    return redirect(f"{plan_url(plan)}#tasks")


@login_required
def task_file(request, pk: int):
    task = selectors.task_get_for_user(user=request.user, pk=pk)
    if not task.evidence:
        raise Http404
    name = task.evidence_name or "tep"
    handle = task.evidence.open("rb")
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=download_type(name))
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def task_list(request):
    if not user_can(request.user, Capability.TASK_UPDATE):
        raise PermissionDenied
    state = request.GET.get("state", "open")
    if state not in ("open", "late", "done", "all"):
        state = "open"
    rows = selectors.task_list_for_user(user=request.user, state=state)
    return render(request, "plans/task_list.html", {"rows": rows, "state": state})


# ---------------------------------------------------------------- conferences


def _conference_form(request, plan, conference=None):
    area = services.administrative_area(plan.issuing_unit)
    hosts = Unit.objects.filter(path__startswith=area.path, kind__category=UnitCategory.ADMINISTRATIVE)
    anchor = conference.host_unit if conference else area
    served = Unit.objects.filter(parent=anchor, kind__category=UnitCategory.ADMINISTRATIVE).order_by("name_folded")
    if conference:
        served = served | conference.served_units.all()
        initial = {name: getattr(conference, name) for name in services.CONFERENCE_FIELDS}
        initial["host_unit"] = conference.host_unit_id
        initial["served_units"] = list(conference.served_units.values_list("pk", flat=True))
        initial["version"] = conference.version
    else:
        initial = {"host_unit": area.pk, "format": "in_person"}
    form = ConferenceForm(request.POST or None, initial=initial, host_queryset=hosts, served_queryset=served.distinct())
    return form, hosts


@login_required
def conference_create(request, pk: int):
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, plan)
    form, hosts = _conference_form(request, plan)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        served = data.pop("served_units")
        data.pop("version", None)
        conference = call_for_form(
            request,
            form,
            lambda: services.conference_create(actor=request.user, plan=plan, served_units=served, **data),
            _("The conference was added to the plan."),
        )
        if conference:
            _warn_announcement(request, conference)
            return redirect("plans:conference_detail", conference.pk)
    return _render_conference_form(request, form, hosts, plan, None)


def _render_conference_form(request, form, hosts, plan, conference):
    chosen = form["host_unit"].value()
    current = hosts.filter(pk=chosen).first() if chosen and str(chosen).isdigit() else None
    return render(
        request,
        "plans/conference_form.html",
        {"form": form, "plan": plan, "conference": conference, "current_unit": current},
    )


def _warn_announcement(request, conference) -> None:
    """A date that leaves fewer days than the law requires before the conference, while
    it is not announced: say so at once (Law 72/2025/QH15, art. 43)."""
    status = selectors.announce_status(conference)
    if not status.open or status.announced or status.days_left is None or status.days_left >= 0:
        return
    messages.warning(
        request,
        _(
            "The conference is less than %(days)s days away and not yet announced on the public portal: the law "
            "requires it to be announced at least %(days)s days before (Law 72/2025/QH15, art. 43). Announce it "
            "now, saying why it is late, or move the date."
        )
        % {"days": status.min_days},
    )


@login_required
def conference_update(request, pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    plan = conference.plan
    _require_manage(request.user, plan)
    form, hosts = _conference_form(request, plan, conference)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        served = data.pop("served_units")
        version = data.pop("version", None)
        old_date = conference.date
        saved = call_for_form(
            request,
            form,
            lambda: services.conference_update(
                actor=request.user, conference=conference, expected_version=version, served_units=served, **data
            ),
            _("The conference was saved."),
        )
        if saved:
            if saved.date != old_date and saved.tasks.filter(offset_working_days__isnull=False).exists():
                messages.info(request, _("Open deadlines were recomputed from the new date and the units were told."))
            _warn_announcement(request, saved)
            return redirect("plans:conference_detail", conference.pk)
    return _render_conference_form(request, form, hosts, plan, conference)


@login_required
def conference_detail(request, pk: int):
    conference = selectors.conference_detail(selectors.conference_get_for_user(user=request.user, pk=pk))
    plan = conference.plan
    can_manage = services.can_manage_plan(request.user, plan)
    rows = selectors._decorate(
        conference.tasks.select_related("unit", "done_by").order_by("due_date", "order"), timezone.localdate()
    )
    people = _people_near(plan)
    delegations = list(conference.delegations.all())
    top = [d for d in delegations if d.parent_id is None]
    for d in top:
        d.subs = [c for c in delegations if c.parent_id == d.pk]
    context = {
        "conference": conference,
        "plan": plan,
        "can_manage": can_manage,
        "rows": rows,
        "progress": selectors.progress_of(rows),
        "warnings": selectors.conference_warnings(conference),
        "delegations": top,
        "totals": selectors.delegation_totals(conference),
        "agenda_minutes": sum(i.duration_minutes for i in conference.agenda_items.all()),
        # "Held" is offered from the conference day on (the service refuses it earlier);
        # "cancel" comes last, away from the everyday buttons.
        "next_statuses": [
            (s, ConferenceStatus(s).label)
            for s in sorted(CONFERENCE_TRANSITIONS.allowed(conference.status), key=lambda s: s == "cancelled")
            if s != ConferenceStatus.HELD or (conference.date and conference.date <= timezone.localdate())
        ],
        "invitation_moves": {
            s: [(t, InvitationStatus(t).label) for t in INVITATION_TRANSITIONS.allowed(s)] for s in InvitationStatus
        },
        "is_today_or_past": bool(conference.date and conference.date <= timezone.localdate()),
        "pdf_available": documents.pdf_available(),
        # Matters of this conference recommended to the higher level, with their answers.
        "escalations": conference_escalations(conference=conference),
        "announce": selectors.announce_status(conference),
        "first_auto_hour": FIRST_HOUR,
    }
    if can_manage:
        context.update(
            chair_form=ChairForm(person_queryset=people),
            delegation_form=DelegationForm(conference=conference),
            participant_form=ParticipantForm(conference=conference, person_queryset=people),
            agenda_form=AgendaItemForm(),
            announce_form=_announce_form(conference, context["announce"]),
            unannounce_form=UnannounceForm(initial={"version": conference.version}),
        )
    return render(request, "plans/conference_detail.html", context)


def _announce_form(conference, status) -> AnnounceForm:
    form = AnnounceForm(initial={"version": conference.version})
    # After the latest lawful day the reason is required (the service refuses without it).
    form.fields["late_reason"].required = status.overdue
    return form


@login_required
@require_POST
def conference_announce(request, pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    form = AnnounceForm(request.POST)
    if form.is_valid():
        call_for_message(
            request,
            lambda: services.conference_announce(
                actor=request.user,
                conference=conference,
                late_reason=form.cleaned_data["late_reason"],
                expected_version=form.cleaned_data["version"],
            ),
            _("The conference is announced on the public portal."),
        )
    return redirect(f"{conference_url(conference)}#announce")


@login_required
@require_POST
def conference_unannounce(request, pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    form = UnannounceForm(request.POST)
    if form.is_valid():
        call_for_message(
            request,
            lambda: services.conference_unannounce(
                actor=request.user,
                conference=conference,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            ),
            _("The conference was withdrawn from the public portal."),
        )
    else:
        messages.error(request, str(services.MSG_UNANNOUNCE_REASON))
    return redirect(f"{conference_url(conference)}#announce")


@login_required
@require_POST
def conference_status(request, pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    status = request.POST.get("status", "")
    if status not in ConferenceStatus.values:
        raise Http404
    call_for_message(
        request,
        lambda: services.conference_set_status(actor=request.user, conference=conference, status=status),
        _("The status of the conference was changed."),
    )
    return redirect("plans:conference_detail", conference.pk)


def _conference_subform(request, pk, form_class, call, message, anchor, **form_kwargs):
    """The small add-forms of the conference page: post, call the service, go back."""
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    if request.method != "POST":
        return redirect("plans:conference_detail", conference.pk)
    kwargs = {k: (v(conference) if callable(v) else v) for k, v in form_kwargs.items()}
    form = form_class(request.POST, **kwargs)
    if form.is_valid():
        try:
            call(conference, form.cleaned_data)
        except ServiceError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, message)
    else:
        errors = "; ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}" for f, e in form.errors.items()
        )
        messages.error(request, errors)
    return redirect(f"{conference_url(conference)}#{anchor}")


def conference_url(conference) -> str:
    from django.urls import reverse

    return reverse("plans:conference_detail", args=[conference.pk])


@login_required
def chair_add(request, pk: int):
    def call(conference, data):
        return services.chair_add(
            actor=request.user,
            conference=conference,
            person=data["person"],
            name=data["name"],
            position=data["position"],
        )

    return _conference_subform(
        request,
        pk,
        ChairForm,
        call,
        _("The chair was added."),
        "chairs",
        person_queryset=lambda c: _people_near(c.plan),
    )


@login_required
@require_POST
def chair_remove(request, pk: int, item_pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    chair = conference.chairs.filter(pk=item_pk).first()
    if chair is None:
        raise Http404
    call_for_message(
        request, lambda: services.chair_remove(actor=request.user, chair=chair), _("The chair was removed.")
    )
    return redirect(f"{conference_url(conference)}#chairs")


@login_required
def delegation_add(request, pk: int):
    def call(conference, data):
        return services.delegation_add(
            actor=request.user,
            conference=conference,
            name=data["name"],
            expected_size=data["expected_size"],
            parent=data["parent"],
            note=data["note"],
        )

    return _conference_subform(
        request, pk, DelegationForm, call, _("The delegation was added."), "participants", conference=lambda c: c
    )


@login_required
@require_POST
def delegation_delete(request, pk: int, item_pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    delegation = conference.delegations.filter(pk=item_pk).first()
    if delegation is None:
        raise Http404
    call_for_message(
        request,
        lambda: services.delegation_delete(actor=request.user, delegation=delegation),
        _("The delegation was removed."),
    )
    return redirect(f"{conference_url(conference)}#participants")


@login_required
def participant_add(request, pk: int):
    def call(conference, data):
        return services.participant_add(actor=request.user, conference=conference, **data)

    return _conference_subform(
        request,
        pk,
        ParticipantForm,
        call,
        _("The participant was added."),
        "participants",
        conference=lambda c: c,
        person_queryset=lambda c: _people_near(c.plan),
    )


@login_required
@require_POST
def participant_invitation(request, pk: int):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, participant.conference.plan)
    status = request.POST.get("status", "")
    if status not in InvitationStatus.values:
        raise Http404
    call_for_message(
        request,
        lambda: services.participant_set_invitation(actor=request.user, participant=participant, status=status),
        _("The invitation of %(name)s is now: %(status)s.")
        % {"name": participant.full_name, "status": InvitationStatus(status).label},
    )
    return _back_to_participants(request, participant)


def _back_to_participants(request, participant):
    if request.htmx:
        participant.refresh_from_db()
        return render(
            request,
            "plans/_participant_row.html",
            {
                "p": participant,
                "can_manage": True,
                "conference": participant.conference,
                "is_today_or_past": bool(
                    participant.conference.date and participant.conference.date <= timezone.localdate()
                ),
                "invitation_moves": {
                    s: [(t, InvitationStatus(t).label) for t in INVITATION_TRANSITIONS.allowed(s)]
                    for s in InvitationStatus
                },
            },
        )
    return redirect(f"{conference_url(participant.conference)}#participants")


@login_required
@require_POST
def participant_attendance(request, pk: int):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, participant.conference.plan)
    attended = request.POST.get("attended") == "1"
    call_for_message(
        request,
        lambda: services.participant_set_attendance(actor=request.user, participant=participant, attended=attended),
        _("Attendance recorded."),
    )
    return _back_to_participants(request, participant)


@login_required
@require_POST
def participant_remove(request, pk: int):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk)
    conference = participant.conference
    _require_manage(request.user, conference.plan)
    call_for_message(
        request,
        lambda: services.participant_remove(actor=request.user, participant=participant),
        _("The participant was removed."),
    )
    return redirect(f"{conference_url(conference)}#participants")


@login_required
@require_POST
def invitations_sent(request, pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    count = services.invitations_mark_sent(actor=request.user, conference=conference)
    messages.success(request, _("%(count)s participants marked as invited.") % {"count": count})
    return redirect(f"{conference_url(conference)}#participants")


@login_required
@require_POST
def agenda_prefill(request, pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    count = services.agenda_prefill(actor=request.user, conference=conference)
    if count:
        messages.success(request, _("The standard order of business was added (%(count)s items).") % {"count": count})
    else:
        messages.info(request, _("The agenda already has items; nothing was added."))
    return redirect(f"{conference_url(conference)}#agenda")


@login_required
def agenda_add(request, pk: int):
    def call(conference, data):
        return services.agenda_item_add(actor=request.user, conference=conference, **data)

    return _conference_subform(request, pk, AgendaItemForm, call, _("The agenda item was added."), "agenda")


@login_required
def agenda_update(request, pk: int, item_pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    item = conference.agenda_items.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    form = AgendaItemForm(
        request.POST or None,
        initial={"title": item.title, "presenter": item.presenter, "duration_minutes": item.duration_minutes},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and call_for_form(
            request,
            form,
            lambda: services.agenda_item_update(actor=request.user, item=item, **form.cleaned_data),
            _("The agenda item was saved."),
        )
    ):
        return redirect(f"{conference_url(conference)}#agenda")
    return render(request, "plans/agenda_form.html", {"form": form, "conference": conference, "item": item})


@login_required
@require_POST
def agenda_move(request, pk: int, item_pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    item = conference.agenda_items.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    services.agenda_item_move(actor=request.user, item=item, up=request.POST.get("direction") == "up")
    return redirect(f"{conference_url(conference)}#agenda")


@login_required
@require_POST
def agenda_delete(request, pk: int, item_pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, conference.plan)
    item = conference.agenda_items.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    services.agenda_item_delete(actor=request.user, item=item)
    messages.success(request, _("The agenda item was removed."))
    return redirect(f"{conference_url(conference)}#agenda")


# Words most bodies' names share: they count for little when matching a step to a body.
_GENERIC_WORDS = {
    "ban", "uy", "dang", "xa", "tinh", "cac", "va", "nhan", "dan", "co", "quan", "so", "nganh", "thanh", "pho",
    "thi", "huyen", "phuong", "viet", "nam", "to", "chuc", "cua", "doi", "thon",
}  # fmt: skip


def _words(text: str) -> set[str]:
    return set(fold(text).replace(",", " ").replace("-", " ").split())


def _match_score(hint: set[str], unit: Unit) -> float:
    shared = hint & (_words(unit.name) | _words(unit.short_name))
    return sum(0.1 if word in _GENERIC_WORDS else 1.0 for word in shared)


def _guess_unit(step, candidates: list[Unit]) -> Unit | None:
    """The body that best matches the step's “usually done by”: distinctive words (MTTQ,
    Văn phòng, Công an) count fully, common ones (ủy ban, nhân dân, xã) a little; the
    shorter name wins a tie. None when too little matches."""
    hint = _words(step.responsible_hint)
    scored = [(_match_score(hint, unit), -len(unit.name), unit) for unit in candidates]
    scored = [row for row in scored if row[0] >= 0.3]
    return max(scored, key=lambda row: row[:2])[2] if scored else None


@login_required
def timeline_apply(request, pk: int):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    plan = conference.plan
    _require_manage(request.user, plan)
    templates = selectors.timeline_templates_for(plan.issuing_unit)
    choice = TimelineChoiceForm(request.GET or None, templates=templates)
    template = choice.cleaned_data["template"] if choice.is_valid() else None
    candidates = list(_bodies_in(services.administrative_area(conference.host_unit)))
    if services.administrative_area(conference.host_unit) != services.administrative_area(plan.issuing_unit):
        candidates += list(_bodies_in(services.administrative_area(plan.issuing_unit)))
    steps = []
    if template is not None:
        for step in template.steps.all():
            guess = _guess_unit(step, candidates) or plan.issuing_unit
            steps.append({"step": step, "unit_id": guess.pk, "due": None})
        if conference.date:
            for item in steps:
                step = item["step"]
                item["due"] = services._due_date(
                    conference.date, step.offset_working_days, step.min_calendar_days_before
                )
    if request.method == "POST" and template is not None:
        allowed = {u.pk: u for u in candidates} | {plan.issuing_unit.pk: plan.issuing_unit}
        chosen = {}
        for item in steps:
            raw = request.POST.get(f"unit_{item['step'].pk}", "")
            unit = allowed.get(int(raw)) if raw.isdigit() else None
            if unit is None:
                messages.error(request, _("Choose a responsible unit for every step."))
                break
            chosen[item["step"].pk] = unit
        else:
            tasks = services.timeline_apply(actor=request.user, conference=conference, template=template, units=chosen)
            messages.success(
                request,
                _("The timeline was applied: %(count)s preparation tasks with their deadlines.")
                % {"count": len(tasks)},
            )
            return redirect(f"{conference_url(conference)}#timeline")
    context = {
        "conference": conference,
        "plan": plan,
        "choice": choice,
        "template": template,
        "steps": steps,
        "candidates": candidates if template else [],
        "issuing_unit": plan.issuing_unit,
    }
    return render(request, "plans/timeline_apply.html", context)


@login_required
def conference_document(request, pk: int, kind: str, fmt: str):
    conference = selectors.conference_get_for_user(user=request.user, pk=pk)
    if kind == "announcement":
        doc, name = documents.announcement_document(conference), documents.announcement_filename(conference)
    elif kind == "invitation":
        participant = delegation = None
        if request.GET.get("participant", "").isdigit():
            participant = conference.participants.filter(pk=int(request.GET["participant"])).first()
            if participant is None:
                raise Http404
        elif request.GET.get("delegation", "").isdigit():
            delegation = conference.delegations.filter(pk=int(request.GET["delegation"])).first()
            if delegation is None:
                raise Http404
        doc = documents.invitation_document(conference, participant=participant, delegation=delegation)
        name = documents.invitation_filename(conference, participant=participant, delegation=delegation)
    else:
        raise Http404
    return _document_response(doc, name, fmt)


# ---------------------------------------------------------------- programmes


@login_required
def programme_create(request, pk: int):
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    _require_manage(request.user, plan)
    form = ProgrammeForm(request.POST or None, initial={"format": "in_person"}, person_queryset=_people_near(plan))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        programme = call_for_form(
            request,
            form,
            lambda: services.programme_create(actor=request.user, plan=plan, **data),
            _("The recurring programme was saved."),
        )
        if programme:
            created = services.programme_generate(actor=request.user, programme=programme)
            messages.success(request, _("%(count)s conferences were generated.") % {"count": len(created)})
            return redirect(f"{plan_url(plan)}#conferences")
    return render(request, "plans/programme_form.html", {"form": form, "plan": plan})


@login_required
@require_POST
def programme_generate(request, pk: int):
    programme = Programme.objects.filter(pk=pk).select_related("plan").first()
    if programme is None:
        raise Http404
    plan = selectors.plan_get_for_user(user=request.user, pk=programme.plan_id)
    _require_manage(request.user, plan)
    created = services.programme_generate(actor=request.user, programme=programme)
    messages.success(request, _("%(count)s conferences were generated.") % {"count": len(created)})
    return redirect(f"{plan_url(plan)}#conferences")


# ---------------------------------------------------------------- agenda (calendar)


@login_required
def calendar_view(request):
    if not user_can(request.user, Capability.PLAN_VIEW):
        raise PermissionDenied
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
        start = date(year, month, 1)
    except ValueError:
        start = today.replace(day=1)
    end = start.replace(day=pycalendar.monthrange(start.year, start.month)[1])
    entries = selectors.agenda_for_user(user=request.user, start=start, end=end)
    days: dict[date, list] = {}
    for entry in entries:
        days.setdefault(entry.day, []).append(entry)
    previous = (start - timedelta(days=1)).replace(day=1)
    following = end + timedelta(days=1)
    working = get_calendar()
    weeks = [
        [
            {
                "day": d,
                "in_month": d.month == start.month,
                "entries": days.get(d, []),
                "working": working.is_working_day(d),
            }
            for d in week
        ]
        for week in pycalendar.Calendar().monthdatescalendar(start.year, start.month)
    ]
    context = {
        "start": start,
        "weeks": weeks,
        "weekday_heads": [_("Mo"), _("Tu"), _("We"), _("Th"), _("Fr"), _("Sa"), _("Su")],
        "days": sorted(days.items()),
        "previous": previous,
        "following": following,
        "today": today,
        "upcoming": selectors.upcoming_conferences(user=request.user, limit=10),
        "announce_due": selectors.announcements_due(user=request.user, today=today),
    }
    return render(request, "plans/calendar.html", context)
