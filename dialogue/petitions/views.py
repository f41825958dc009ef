"""Petition intake, triage, merging, assignment and answers. Views parse input, look
things up through scoped selectors, call one service and render."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogue.core.errors import ServiceError, apply_to_form, call_for_message
from dialogue.documents.pdf import libreoffice_path
from dialogue.organisation.models import Unit, UnitStatus
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import bodies_in, province_of, scope_q, user_can
from dialogue.petitions import imports, selectors, services
from dialogue.petitions.forms import (
    AckForm,
    AnswerForm,
    AnswerModeForm,
    AssignForm,
    ContributionForm,
    FilterForm,
    ForwardForm,
    GroupForm,
    ImportForm,
    PetitionEditForm,
    PetitionForm,
    ReviewForm,
    SavedFilterForm,
    TriageForm,
)
from dialogue.petitions.models import (
    Attachment,
    Field,
    GroupStatus,
    ImportBatch,
    ImportStatus,
    Petition,
    PetitionerKind,
    PetitionStatus,
)
from dialogue.petitions.public import display_tracking_code
from dialogue.petitions.suggest import suggest
from dialogue.plans.selectors import conference_get_for_user
from dialogue.plans.services import administrative_area
from dialogue.privacy.access import record_contact_access, record_group_access, record_import_access

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require(user, capability: str, unit: Unit | None = None) -> None:
    if not user_can(user, capability, unit):
        raise PermissionDenied


def _bodies(area: Unit):
    """Living agencies and bodies of an area that can answer or support (not villages)."""
    return bodies_in(area)


def _competent_candidates(unit: Unit):
    """Bodies of the receiving unit's province: its own and its communes' (for forwarding).
    A historical unit (old Bắc Giang) forwards within its successor province."""
    return bodies_in(province_of(administrative_area(unit)))


# ---------------------------------------------------------------- lists


def _filters_from(request) -> tuple[FilterForm, selectors.PetitionFilters]:
    form = FilterForm(request.GET or None)
    f = selectors.PetitionFilters()
    if form.is_valid():
        data = form.cleaned_data
        f = selectors.PetitionFilters(
            query=data["q"] or "",
            conference=data["conference"],
            field=data["field"] or "",
            level=data["level"] or "",
            agency=data["agency"],
            status=data["status"] or "",
            channel=data["channel"] or "",
            date_from=data["date_from"],
            date_to=data["date_to"],
            raised_before=data["raised_before"],
            ack_due=data["ack_due"],
        )
    # Sent by the citizen (the portal or a connected application): either public channel.
    f.online = request.GET.get("online") == "on"
    return form, f


@login_required
def petition_list(request):
    if not user_can(request.user, Capability.PETITION_VIEW) and not user_can(request.user, Capability.ANSWER_PREPARE):
        raise PermissionDenied
    form, filters = _filters_from(request)
    conference = None
    if filters.conference:
        conference = conference_get_for_user(user=request.user, pk=filters.conference)
    petitions = selectors.petition_list_for_user(user=request.user, filters=filters)
    # At national scale the total of a long list is estimated, not counted (selectors.petition_page).
    page = selectors.petition_page(petitions, request.GET.get("page"))
    page.object_list = _mark_identity(request.user, page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "conference": conference,
        "querystring": query.urlencode(),
        "saved_filters": request.user.petition_filters.all(),
        "save_form": SavedFilterForm(initial={"query": query.urlencode()}),
        "can_intake": user_can(request.user, Capability.PETITION_INTAKE),
        "can_triage": user_can(request.user, Capability.PETITION_TRIAGE),
        "ack_overdue": selectors.ack_due_count(user=request.user),
        "today": timezone.localdate(),
        "online": filters.online,
    }
    return render(request, "petitions/petition_list.html", context)


def _mark_identity(user, petitions) -> list[Petition]:
    """Set `hide_identity` on each petition: True where the petitioner asked to keep their
    identity from the answering agencies and `user` is not among those who may see it."""
    petitions = list(petitions)
    hidden = selectors.identity_hidden_ids(user=user, petitions=petitions)
    for petition in petitions:
        petition.hide_identity = petition.pk in hidden
    return petitions


@login_required
@require_POST
def filter_save(request):
    form = SavedFilterForm(request.POST)
    if form.is_valid():
        call_for_message(
            request,
            lambda: services.saved_filter_save(
                owner=request.user, name=form.cleaned_data["name"], query=form.cleaned_data["query"]
            ),
            _("The search was saved."),
        )
    return redirect(f"{reverse('petitions:petition_list')}?{request.POST.get('query', '')}")


@login_required
@require_POST
def filter_delete(request, pk: int):
    services.saved_filter_delete(owner=request.user, pk=pk)
    return redirect("petitions:petition_list")


# ---------------------------------------------------------------- intake


def _intake_units(user):
    return Unit.objects.filter(scope_q(user, Capability.PETITION_INTAKE), status=UnitStatus.ACTIVE)


@login_required
def petition_create(request):
    _require(request.user, Capability.PETITION_INTAKE)
    kind = request.GET.get("kind") or request.POST.get("kind") or "citizen"
    if kind not in ("citizen", "organisation"):
        raise Http404
    conference = None
    conference_id = request.GET.get("conference") or request.POST.get("conference")
    if conference_id and str(conference_id).isdigit():
        conference = conference_get_for_user(user=request.user, pk=int(conference_id))
    units = _intake_units(request.user)
    initial = {"submission_key": uuid.uuid4(), "received_on": timezone.localdate()}
    if conference is not None:
        initial["receiving_unit"] = conference.plan.issuing_unit_id
        if conference.date and conference.date < timezone.localdate():
            initial["received_on"] = conference.date
    form = PetitionForm(request.POST or None, unit_queryset=units, kind=kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            petition = services.petition_receive(
                actor=request.user,
                receiving_unit=data["receiving_unit"],
                conference=conference,
                channel=data["channel"],
                petitioner_kind=PetitionerKind.ORGANISATION if kind == "organisation" else PetitionerKind.CITIZEN,
                name=data.get("name", ""),
                phone=data.get("phone", ""),
                address=data.get("address", ""),
                organisation=data.get("organisation", ""),
                position=data.get("position", ""),
                content=data["content"],
                received_on=data["received_on"],
                submission_key=data["submission_key"],
            )
        except ServiceError as error:
            apply_to_form(form, error)  # the typed text stays in the form
        else:
            messages.success(request, _("The petition was recorded."))
            if request.POST.get("next") == "another":
                params = {"kind": kind}
                if conference:
                    params["conference"] = conference.pk
                return redirect(f"{reverse('petitions:petition_create')}?{urlencode(params)}")
            return redirect("petitions:petition_detail", petition.pk)
    chosen = form["receiving_unit"].value()
    current = units.filter(pk=chosen).first() if chosen and str(chosen).isdigit() else None
    context = {"form": form, "kind": kind, "conference": conference, "current_unit": current}
    return render(request, "petitions/petition_form.html", context)


@login_required
def petition_detail(request, pk: int):
    petition = selectors.petition_get_for_user(user=request.user, pk=pk)
    unit = petition.receiving_unit
    can_triage = user_can(request.user, Capability.PETITION_TRIAGE, unit)
    can_intake = user_can(request.user, Capability.PETITION_INTAKE, unit)
    competent = _competent_candidates(unit)
    show_identity = selectors.can_see_identity(request.user, petition)
    context = {
        "petition": petition,
        "show_identity": show_identity,
        "tracking_code": display_tracking_code(petition.tracking_code or ""),
        "files": list(petition.files.all()) if show_identity else [],
        "file_count": petition.files.count(),
        "can_triage": can_triage,
        "can_intake": can_intake,
        "similar": selectors.similar_petitions(user=request.user, petition=petition) if can_triage else [],
        "outside_scope": services.outside_scope(petition),
        "today": timezone.localdate(),
    }
    if can_triage and petition.status in (PetitionStatus.RECEIVED, PetitionStatus.TRIAGED, PetitionStatus.GROUPED):
        suggestion = suggest(petition)
        initial = {
            "field": petition.field_id or _field_id(suggestion),
            "level": petition.level or suggestion["level"],
            "competent_unit": petition.competent_unit_id
            or (suggestion["agencies"][0]["id"] if suggestion["agencies"] else None),
        }
        context["suggestion"] = suggestion
        context["triage_form"] = TriageForm(initial=initial, unit_queryset=competent)
        context["forward_form"] = ForwardForm(
            initial={"competent_unit": petition.competent_unit_id}, unit_queryset=competent
        )
    if can_intake and not petition.acknowledged_on:
        context["ack_form"] = AckForm(initial={"kind": "forwarded" if petition.status == "forwarded" else "accepted"})
    record_contact_access(request.user, [petition], where="petition_detail")
    return render(request, "petitions/petition_detail.html", context)


def _field_id(suggestion: dict) -> int | None:
    if not suggestion["fields"]:
        return None
    field = Field.objects.filter(code=suggestion["fields"][0]["code"]).first()
    return field.pk if field else None


@login_required
def petition_update(request, pk: int):
    petition = selectors.petition_get_for_user(user=request.user, pk=pk)
    _require(request.user, Capability.PETITION_INTAKE, petition.receiving_unit)
    names = ["channel", "name", "organisation", "position", "phone", "address", "content", "received_on"]
    initial = {name: getattr(petition, name) for name in names} | {"version": petition.version}
    form = PetitionEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.petition_update(actor=request.user, petition=petition, expected_version=version, **data)
        except ServiceError as error:
            apply_to_form(form, error)
        else:
            messages.success(request, _("The petition was saved."))
            return redirect("petitions:petition_detail", petition.pk)
    record_contact_access(request.user, [petition], where="petition_edit")
    return render(request, "petitions/petition_edit.html", {"form": form, "petition": petition})


@login_required
@require_POST
def petition_triage(request, pk: int):
    petition = selectors.petition_get_for_user(user=request.user, pk=pk)
    _require(request.user, Capability.PETITION_TRIAGE, petition.receiving_unit)
    form = TriageForm(request.POST, unit_queryset=_competent_candidates(petition.receiving_unit))
    if form.is_valid():
        data = form.cleaned_data
        call_for_message(
            request,
            lambda: services.petition_triage(
                actor=request.user,
                petition=petition,
                field=data["field"],
                level=data["level"],
                competent_unit=data["competent_unit"],
                suggestion=suggest(petition),
            ),
            _("The classification was saved."),
        )
    else:
        messages.error(request, _("Choose the field and the jurisdiction."))
    return redirect("petitions:petition_detail", petition.pk)


@login_required
@require_POST
def petition_forward(request, pk: int):
    petition = selectors.petition_get_for_user(user=request.user, pk=pk)
    _require(request.user, Capability.PETITION_TRIAGE, petition.receiving_unit)
    form = ForwardForm(request.POST, unit_queryset=_competent_candidates(petition.receiving_unit))
    if form.is_valid():
        if call_for_message(
            request,
            lambda: services.petition_forward(
                actor=request.user, petition=petition, competent_unit=form.cleaned_data["competent_unit"]
            ),
            _("The petition was forwarded; its answer will come back to this conference."),
        ):
            return redirect("petitions:group_detail", Petition.objects.get(pk=petition.pk).group_id)
    else:
        messages.error(request, _("Choose the competent unit."))
    return redirect("petitions:petition_detail", petition.pk)


@login_required
@require_POST
def petition_acknowledge(request, pk: int):
    petition = selectors.petition_get_for_user(user=request.user, pk=pk)
    _require(request.user, Capability.PETITION_INTAKE, petition.receiving_unit)
    form = AckForm(request.POST)
    if form.is_valid():
        call_for_message(
            request,
            lambda: services.petition_acknowledge(
                actor=request.user, petition=petition, kind=form.cleaned_data["kind"],
                on_date=form.cleaned_data["on_date"],
            ),
            _("The acknowledgment was recorded."),
        )  # fmt: skip
    return redirect("petitions:petition_detail", petition.pk)


# ---------------------------------------------------------------- groups


def _selected_petitions(request) -> list[Petition]:
    ids = [int(x) for x in request.POST.getlist("petitions") if x.isdigit()]
    visible = selectors.petition_list_for_user(user=request.user).filter(pk__in=ids)
    return list(visible)


def _back(request) -> str:
    """Where the list form came from (its filters kept); only an address of this site."""
    back = request.POST.get("back", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False):
        return back
    return reverse("petitions:petition_list")


@login_required
@require_POST
def group_create(request):
    petitions = _selected_petitions(request)
    if not petitions:
        messages.error(request, _("Choose at least one petition."))
        return redirect(_back(request))
    _require(request.user, Capability.PETITION_TRIAGE, petitions[0].receiving_unit)
    try:
        group = services.group_create(actor=request.user, petitions=petitions, summary=request.POST.get("summary", ""))
    except ServiceError as error:
        messages.error(request, str(error.message))
        return redirect(_back(request))
    messages.success(request, _("%(count)s petitions were merged into one group.") % {"count": len(petitions)})
    return redirect("petitions:group_detail", group.pk)


@login_required
@require_POST
def group_add(request, pk: int):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    _require(request.user, Capability.PETITION_TRIAGE, group.receiving_unit)
    petitions = _selected_petitions(request)
    call_for_message(request, lambda: services.group_add(actor=request.user, group=group, petitions=petitions),
          _("The petitions were added to the group."))  # fmt: skip
    return redirect("petitions:group_detail", group.pk)


@login_required
@require_POST
def group_split(request, pk: int):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    _require(request.user, Capability.PETITION_TRIAGE, group.receiving_unit)
    petitions = list(group.petitions.filter(pk__in=[int(x) for x in request.POST.getlist("petitions") if x.isdigit()]))
    try:
        new_group = services.group_split(actor=request.user, group=group, petitions=petitions)
    except ServiceError as error:
        messages.error(request, str(error.message))
        return redirect("petitions:group_detail", group.pk)
    messages.success(request, _("The petitions were split into a new group."))
    return redirect("petitions:group_detail", new_group.pk)


@login_required
def group_detail(request, pk: int):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    unit = group.receiving_unit
    user = request.user
    can_triage = user_can(user, Capability.PETITION_TRIAGE, unit)
    can_answer = services.can_answer(user, group) and group.status in (GroupStatus.ASSIGNED, GroupStatus.RETURNED)
    can_contribute = services.can_contribute(user, group) and group.status != GroupStatus.APPROVED
    can_review = user_can(user, Capability.ANSWER_REVIEW, unit) and group.status == GroupStatus.SUBMITTED
    bodies = _competent_candidates(unit)
    petitions = _mark_identity(
        user, group.petitions.select_related("field", "conference").order_by("received_on", "id")
    )
    context = {
        "group": group,
        "petitions": petitions,
        "supports": group.supports.select_related("unit", "contributed_by"),
        "answers": group.answers.select_related("submitted_by", "reviewed_by").prefetch_related("attachments"),
        "can_triage": can_triage,
        "can_answer": can_answer,
        "can_contribute": can_contribute,
        "can_review": can_review,
        "can_mode": user_can(user, Capability.ANSWER_MODE, unit),
        "repeats": group.previous_group,
    }
    if can_triage:
        context["group_form"] = GroupForm(
            initial={"summary": group.summary, "field": group.field_id, "level": group.level}
        )
        if group.status in (GroupStatus.OPEN, GroupStatus.ASSIGNED, GroupStatus.RETURNED):
            context["assign_form"] = AssignForm(
                initial={
                    "lead_unit": group.lead_unit_id,
                    "supporting_units": [s.unit_id for s in context["supports"]],
                    "due_date": group.due_date,
                },
                unit_queryset=bodies,
            )
    if can_answer:
        latest = group.answers.first()
        context["answer_form"] = AnswerForm(initial={"text": latest.text if latest else ""})
    if can_contribute:
        context["contribution_form"] = ContributionForm()
    if can_review:
        context["review_form"] = ReviewForm()
    if context["can_mode"]:
        context["mode_form"] = AnswerModeForm(initial={"mode": group.answer_mode})
    return render(request, "petitions/group_detail.html", context)


def _group_post(request, pk, form_class, call, message, **form_kwargs):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    form = form_class(request.POST, request.FILES, **{k: v(group) for k, v in form_kwargs.items()})
    if form.is_valid():
        try:
            call(group, form.cleaned_data)
        except ServiceError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, message)
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return redirect("petitions:group_detail", group.pk)


@login_required
@require_POST
def group_update(request, pk: int):
    def call(group, data):
        return services.group_update(
            actor=request.user, group=group, summary=data["summary"], field=data["field"], level=data["level"]
        )

    return _group_post(request, pk, GroupForm, call, _("The group was saved."))


@login_required
@require_POST
def group_assign(request, pk: int):
    def call(group, data):
        return services.group_assign(
            actor=request.user,
            group=group,
            lead_unit=data["lead_unit"],
            supporting_units=list(data["supporting_units"]),
            due_date=data["due_date"],
        )

    return _group_post(
        request, pk, AssignForm, call, _("The group was assigned."),
        unit_queryset=lambda g: _competent_candidates(g.receiving_unit),
    )  # fmt: skip


def _answered_at(data) -> datetime | None:
    """A past date from the form stands for that day (shown without a time); today is now."""
    day = data.get("answered_on")
    if day is None or day == timezone.localdate():
        return None
    return timezone.make_aware(datetime.combine(day, time(0)))


@login_required
@require_POST
def answer_submit(request, pk: int):
    def call(group, data):
        return services.answer_submit(
            actor=request.user, group=group, text=data["text"], files=data["files"], at=_answered_at(data)
        )

    return _group_post(request, pk, AnswerForm, call, _("The answer was submitted for review."))


@login_required
@require_POST
def support_contribute(request, pk: int):
    def call(group, data):
        return services.support_contribute(actor=request.user, group=group, text=data["text"])

    return _group_post(request, pk, ContributionForm, call, _("Your contribution was added."))


@login_required
@require_POST
def answer_review(request, pk: int):
    def call(group, data):
        return services.answer_review(
            actor=request.user,
            group=group,
            approve=data["decision"] == "approve",
            comment=data["comment"],
            followup_until=data.get("followup_until"),
        )

    return _group_post(request, pk, ReviewForm, call, _("The review was recorded."))


@login_required
@require_POST
def answer_mode(request, pk: int):
    def call(group, data):
        return services.group_set_answer_mode(actor=request.user, group=group, mode=data["mode"])

    return _group_post(request, pk, AnswerModeForm, call, _("Saved."))


@login_required
def attachment_download(request, pk: int):
    attachment = Attachment.objects.filter(pk=pk).select_related("answer__group").first()
    if attachment is None:
        raise Http404
    selectors.group_get_for_user(user=request.user, pk=attachment.answer.group_id)  # 404 outside scope
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def petition_file_download(request, pk: int):
    """A file the citizen attached: only for those who may read the petition and see who
    sent it; never cached, never shown inline (its type was checked on upload)."""
    item = selectors.petition_file_get_for_user(user=request.user, pk=pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=item.name or "tep")
    response["Content-Type"] = item.content_type or "application/octet-stream"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def inbox(request):
    _require(request.user, Capability.ANSWER_PREPARE)
    state = request.GET.get("state", "open")
    if state not in ("open", "late", "returned", "approved", "all"):
        state = "open"
    rows = selectors.inbox_for_user(user=request.user, state=state)
    return render(request, "petitions/inbox.html", {"rows": rows, "state": state, "today": timezone.localdate()})


@login_required
def conference_groups(request, pk: int):
    conference = conference_get_for_user(user=request.user, pk=pk)
    groups = selectors.group_list_for_user(user=request.user, conference=conference)
    context = {
        "conference": conference,
        "groups": groups,
        "pending": selectors.petition_list_for_user(
            user=request.user, filters=selectors.PetitionFilters(conference=conference.pk)
        ).filter(group__isnull=True, status__in=[PetitionStatus.RECEIVED, PetitionStatus.TRIAGED]),
        "can_intake": user_can(request.user, Capability.PETITION_INTAKE, conference.plan.issuing_unit),
        "can_triage": user_can(request.user, Capability.PETITION_TRIAGE, conference.plan.issuing_unit),
        "pdf_available": libreoffice_path() is not None,
    }
    return render(request, "petitions/conference_groups.html", context)


@login_required
def conference_report(request, pk: int, fmt: str):
    from dialogue.petitions import documents

    conference = conference_get_for_user(user=request.user, pk=pk)
    _require(request.user, Capability.PETITION_VIEW, conference.plan.issuing_unit)
    groups = (
        selectors.group_list_for_user(user=request.user, conference=conference)
        .select_related("field", "lead_unit", "previous_group")
        .prefetch_related("petitions", "supports__unit")
    )
    name = f"bao-cao-tong-hop-y-kien-hoi-nghi-{conference.pk}"
    if fmt == "xlsx":
        data, content_type = documents.synthesis_report_workbook(conference, groups), XLSX
        record_group_access(request.user, groups, where="synthesis_workbook")
    elif fmt in ("docx", "pdf"):
        from dialogue.documents import PdfUnavailable, docx_to_pdf, render_docx

        data, content_type = render_docx(documents.synthesis_report_document(conference, groups)), DOCX
        if fmt == "pdf":
            try:
                data, content_type = docx_to_pdf(data), "application/pdf"
            except PdfUnavailable:
                raise Http404 from None
    else:
        raise Http404
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def paper_form(request, pk: int, kind: str, fmt: str = "docx"):
    """The seed 000 paper forms for a conference, with a QR code to send opinions online."""
    from dialogue.documents import PdfUnavailable, docx_to_pdf
    from dialogue.petitions import documents

    conference = conference_get_for_user(user=request.user, pk=pk)
    if kind not in ("citizen", "organisation") or fmt not in ("docx", "pdf"):
        raise Http404
    online_url = request.build_absolute_uri(reverse("portal:home")) + f"?hoi-nghi={conference.pk}"
    data, content_type = documents.paper_form_document(conference, kind, online_url=online_url), DOCX
    if fmt == "pdf":
        try:
            data, content_type = docx_to_pdf(data), "application/pdf"
        except PdfUnavailable:
            raise Http404 from None
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="phieu-y-kien-{kind}-{conference.pk}.{fmt}"'
    return response


# ---------------------------------------------------------------- import


@login_required
def import_upload(request):
    _require(request.user, Capability.PETITION_INTAKE)
    conference = None
    conference_id = request.GET.get("conference") or request.POST.get("conference")
    if conference_id and str(conference_id).isdigit():
        conference = conference_get_for_user(user=request.user, pk=int(conference_id))
    units = _intake_units(request.user)
    initial = {"receiving_unit": conference.plan.issuing_unit_id} if conference else {}
    form = ImportForm(request.POST or None, request.FILES or None, unit_queryset=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            batch = imports.import_upload(
                actor=request.user,
                data=form.files["file"].read(),
                file_name=form.cleaned_data["file"].name,
                receiving_unit=form.cleaned_data["receiving_unit"],
                conference=conference,
                default_channel=form.cleaned_data["channel"],
            )
        except ServiceError as error:
            apply_to_form(form, error)
        else:
            return redirect("petitions:import_detail", pk=batch.pk)
    chosen = form["receiving_unit"].value()
    current = units.filter(pk=chosen).first() if chosen and str(chosen).isdigit() else None
    recent = ImportBatch.objects.filter(receiving_unit__in=units).select_related("receiving_unit", "conference")[:10]
    return render(
        request,
        "petitions/import_upload.html",
        {"form": form, "conference": conference, "current_unit": current, "recent": recent},
    )


def _import_get(user, pk: int) -> ImportBatch:
    """An import of a unit the person may take petitions in for; any other is 404."""
    batch = ImportBatch.objects.select_related("receiving_unit", "conference", "created_by").filter(pk=pk).first()
    if batch is None or not _intake_units(user).filter(pk=batch.receiving_unit_id).exists():
        raise Http404
    return batch


@login_required
def import_detail(request, pk: int):
    """The import's page: progress while the worker reads or writes, then the report
    with the person's choice, then the result. The progress part refreshes itself."""
    _require(request.user, Capability.PETITION_INTAKE)
    batch = _import_get(request.user, pk)
    running = batch.status in (ImportStatus.CHECKING, ImportStatus.QUEUED, ImportStatus.IMPORTING)
    context = {
        "batch": batch,
        "running": running,
        "stale": imports.import_is_stale(batch),
        "percent": _percent(batch),
    }
    if request.htmx and request.GET.get("part") == "progress":
        if not running:
            # Finished: the whole page changes (report or result), so load it.
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return render(request, "petitions/_import_progress.html", context)
    record_import_access(request.user, batch)
    return render(request, "petitions/import_detail.html", context)


def _percent(batch: ImportBatch) -> int | None:
    if not batch.progress_total:
        return None
    return min(100, round(100 * batch.progress_done / batch.progress_total))


@login_required
@require_POST
def import_start(request, pk: int):
    batch = _import_get(request.user, pk)
    action = request.POST.get("mode", "")
    try:
        if action == "cancel":
            imports.import_cancel(actor=request.user, batch=batch)
            messages.info(request, _("The import was cancelled; nothing was written."))
        elif action == "restart":
            imports.import_restart(actor=request.user, batch=batch)
        else:
            imports.import_start(actor=request.user, batch=batch, only_valid=action == "valid")
    except ServiceError as error:
        messages.error(request, str(error.message))
    return redirect("petitions:import_detail", pk=batch.pk)


@login_required
def import_template(request):
    from dialogue.petitions.excel import build_template

    response = HttpResponse(build_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-y-kien-kien-nghi.xlsx"'
    return response
