"""Conclusion notices, their directives and publication. Views parse input, look things
up through scoped selectors, call one service and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogue.conclusions import documents, selectors, services
from dialogue.conclusions.forms import ConclusionForm, DirectiveForm, IssueForm, PolicyForm
from dialogue.conclusions.models import ConclusionStatus, Directive, PublicationStatus
from dialogue.core.errors import ServiceError, call_for_form, call_for_message
from dialogue.organisation.models import Level, Unit, UnitCategory, UnitStatus
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import unit_get_for_user, user_can
from dialogue.plans import documents as plan_documents
from dialogue.plans.selectors import conference_get_for_user


def _require_draft(user, conclusion) -> None:
    if not services.can_draft(user, conclusion.issuing_unit):
        raise PermissionDenied


def _require_issue(user, conclusion) -> None:
    if not services.can_issue(user, conclusion.issuing_unit):
        raise PermissionDenied


def _units_for(conclusion):
    province = services._province_of(conclusion.issuing_unit)
    return (
        Unit.objects.filter(path__startswith=province.path, status=UnitStatus.ACTIVE, level__lte=Level.COMMUNE)
        .exclude(kind__category=UnitCategory.ADMINISTRATIVE)
        .select_related("kind")
        .order_by("level", "name")
    )


# ---------------------------------------------------------------- the notice


@login_required
@require_POST
def conclusion_draft(request, conference_pk: int):
    conference = conference_get_for_user(user=request.user, pk=conference_pk)
    if not services.can_draft(request.user, conference.plan.issuing_unit):
        raise PermissionDenied
    try:
        conclusion = services.conclusion_draft(actor=request.user, conference=conference)
    except ServiceError as error:
        messages.error(request, str(error.message))
        return redirect("plans:conference_detail", conference.pk)
    messages.success(request, _("The draft conclusion notice is ready; check it and complete the directives."))
    return redirect("conclusions:detail", conclusion.pk)


@login_required
def conclusion_detail(request, pk: int):
    conclusion = selectors.conclusion_get_for_user(user=request.user, pk=pk)
    user = request.user
    can_draft = services.can_draft(user, conclusion.issuing_unit)
    can_issue = services.can_issue(user, conclusion.issuing_unit)
    is_draft = conclusion.status == ConclusionStatus.DRAFT
    directives = list(selectors.conclusion_directives(conclusion))
    if not (can_draft or can_issue) and conclusion.status == ConclusionStatus.ISSUED:
        # People reading an issued notice through their directives see only their own.
        visible = set(
            Directive.objects.filter(selectors.directive_scope_q(user), conclusion=conclusion).values_list(
                "pk", flat=True
            )
        )
        if not user_can(user, Capability.PLAN_VIEW, conclusion.issuing_unit):
            directives = [d for d in directives if d.pk in visible]
    publication = getattr(conclusion, "publication", None) if conclusion.status == ConclusionStatus.ISSUED else None
    publication_late = None
    if publication and publication.due_date and publication.status == PublicationStatus.PENDING:
        publication_late = max((timezone.localdate() - publication.due_date).days, 0)
    context = {
        "conclusion": conclusion,
        "directives": directives,
        "can_edit": can_draft and is_draft,
        "can_draft": can_draft,
        "can_issue": can_issue,
        "countdown": selectors.countdown(conclusion.due_date, done=conclusion.status == ConclusionStatus.ISSUED),
        "publication": publication,
        "publication_late": publication_late,
        "issue_form": IssueForm(initial={"issued_on": timezone.localdate()})
        if can_issue and conclusion.status == ConclusionStatus.APPROVED
        else None,
        "pdf_available": plan_documents.pdf_available(),
    }
    return render(request, "conclusions/detail.html", context)


@login_required
def conclusion_edit(request, pk: int):
    conclusion = selectors.conclusion_get_for_user(user=request.user, pk=pk)
    _require_draft(request.user, conclusion)
    if conclusion.status != ConclusionStatus.DRAFT:
        messages.error(request, str(services.MSG_ONLY_DRAFT))
        return redirect("conclusions:detail", conclusion.pk)
    initial = {name: getattr(conclusion, name) for name in services.CONCLUSION_FIELDS}
    initial["version"] = conclusion.version
    form = ConclusionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        saved = call_for_form(
            request,
            form,
            lambda: services.conclusion_update(
                actor=request.user, conclusion=conclusion, expected_version=version, **data
            ),
            _("The draft was saved."),
        )
        if saved:
            return redirect("conclusions:detail", conclusion.pk)
    return render(request, "conclusions/edit.html", {"conclusion": conclusion, "form": form})


@login_required
@require_POST
def conclusion_refresh(request, pk: int):
    conclusion = selectors.conclusion_get_for_user(user=request.user, pk=pk)
    _require_draft(request.user, conclusion)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        result = services.conclusion_refresh(actor=request.user, conclusion=conclusion, expected_version=version)
    except ServiceError as error:
        messages.error(request, str(error.message))
        return redirect("conclusions:detail", conclusion.pk)
    if result.directives or result.lines:
        messages.success(
            request,
            _("Added from the conference: %(directives)s directives, %(lines)s lines of what was answered or settled.")
            % {"directives": result.directives, "lines": result.lines},
        )
    else:
        messages.info(request, _("The draft already holds everything recorded at the conference."))
    return redirect("conclusions:detail", conclusion.pk)


@login_required
@require_POST
def conclusion_cancel(request, pk: int):
    conclusion = selectors.conclusion_get_for_user(user=request.user, pk=pk)
    _require_draft(request.user, conclusion)
    if call_for_message(
        request,
        lambda: services.conclusion_cancel(actor=request.user, conclusion=conclusion),
        _("The draft was cancelled."),
    ):
        return redirect("plans:conference_detail", conclusion.conference_id)
    return redirect("conclusions:detail", conclusion.pk)


@login_required
@require_POST
def conclusion_approve(request, pk: int):
    conclusion = selectors.conclusion_get_for_user(user=request.user, pk=pk)
    _require_issue(request.user, conclusion)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    call_for_message(
        request,
        lambda: services.conclusion_approve(actor=request.user, conclusion=conclusion, expected_version=version),
        _("The notice was approved."),
    )
    return redirect("conclusions:detail", conclusion.pk)


@login_required
@require_POST
def conclusion_return(request, pk: int):
    conclusion = selectors.conclusion_get_for_user(user=request.user, pk=pk)
    _require_issue(request.user, conclusion)
    call_for_message(
        request,
        lambda: services.conclusion_return(actor=request.user, conclusion=conclusion),
        _("The notice was sent back to the drafters."),
    )
    return redirect("conclusions:detail", conclusion.pk)


@login_required
def conclusion_issue(request, pk: int):
    conclusion = selectors.conclusion_get_for_user(user=request.user, pk=pk)
    _require_issue(request.user, conclusion)
    form = IssueForm(request.POST or None, initial={"issued_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        issued = call_for_form(
            request,
            form,
            lambda: services.conclusion_issue(
                actor=request.user,
                conclusion=conclusion,
                issued_on=form.cleaned_data["issued_on"],
                number=form.cleaned_data["number"],
            ),
            _("The notice was issued; the units were given their directives."),
        )
        if issued:
            return redirect("conclusions:detail", conclusion.pk)
    return render(request, "conclusions/issue.html", {"conclusion": conclusion, "form": form})


@login_required
def conclusion_document(request, pk: int, fmt: str):
    conclusion = selectors.conclusion_get_for_user(user=request.user, pk=pk)
    if conclusion.status != ConclusionStatus.ISSUED and not (
        services.can_draft(request.user, conclusion.issuing_unit)
        or services.can_issue(request.user, conclusion.issuing_unit)
    ):
        raise Http404
    doc = documents.conclusion_document(conclusion)
    try:
        data, content_type, name = documents.render(doc, documents.conclusion_filename(conclusion), fmt)
    except plan_documents.PdfUnavailable:
        raise Http404(_("PDF is not available on this server; download the DOCX.")) from None
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = plan_documents.content_disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# ---------------------------------------------------------------- directives of the draft


def _directive_form_page(request, conclusion, directive=None):
    _require_draft(request.user, conclusion)
    if conclusion.status != ConclusionStatus.DRAFT:
        messages.error(request, str(services.MSG_ONLY_DRAFT))
        return redirect("conclusions:detail", conclusion.pk)
    units = _units_for(conclusion)
    if directive is not None:
        initial = {
            "version": directive.version,
            "matter": directive.matter,
            "lead_unit": directive.lead_unit_id,
            "supporting_units": [u.pk for u in directive.supporting_units.all()],
            "expected_result": directive.expected_result,
            "due_date": directive.due_date,
        }
    else:
        deadlines = services.policy_for(conclusion.issuing_unit)
        initial = {"due_date": services.directive_due(conclusion.conference, deadlines)}
    form = DirectiveForm(request.POST or None, initial=initial, unit_queryset=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {
            "matter": data["matter"],
            "lead_unit": data["lead_unit"],
            "supporting_units": list(data["supporting_units"]),
            "expected_result": data["expected_result"],
            "due_date": data["due_date"],
        }
        if directive is None:
            call = lambda: services.directive_add(actor=request.user, conclusion=conclusion, **values)  # noqa: E731
            message = _("The directive was added.")
        else:
            call = lambda: services.directive_update(  # noqa: E731
                actor=request.user, directive=directive, expected_version=data["version"], **values
            )
            message = _("The directive was saved.")
        if call_for_form(request, form, call, message):
            return redirect("conclusions:detail", conclusion.pk)
    return render(
        request, "conclusions/directive_form.html", {"conclusion": conclusion, "directive": directive, "form": form}
    )


@login_required
def directive_add(request, pk: int):
    conclusion = selectors.conclusion_get_for_user(user=request.user, pk=pk)
    return _directive_form_page(request, conclusion)


def _draft_directive(request, pk: int):
    directive = selectors.directive_get_for_user(user=request.user, pk=pk)
    conclusion = directive.conclusion
    _require_draft(request.user, conclusion)
    return directive, conclusion


@login_required
def directive_edit(request, pk: int):
    directive, conclusion = _draft_directive(request, pk)
    return _directive_form_page(request, conclusion, directive)


@login_required
@require_POST
def directive_delete(request, pk: int):
    directive, conclusion = _draft_directive(request, pk)
    call_for_message(
        request,
        lambda: services.directive_delete(actor=request.user, directive=directive),
        _("The directive was removed."),
    )
    return redirect("conclusions:detail", conclusion.pk)


@login_required
@require_POST
def directive_move(request, pk: int, direction: str):
    directive, conclusion = _draft_directive(request, pk)
    call_for_message(
        request,
        lambda: services.directive_move(actor=request.user, directive=directive, up=direction == "up"),
        _("The order of the directives was changed."),
    )
    return redirect(f"{reverse('conclusions:detail', args=[conclusion.pk])}#directive-{directive.pk}")


@login_required
def directive_detail(request, pk: int):
    directive = selectors.directive_get_for_user(user=request.user, pk=pk)
    late_by, due_in = 0, None
    if directive.status in selectors.OPEN_DIRECTIVE_STATUSES:
        cd = selectors.countdown(directive.due_date)
        late_by, due_in = cd["late_by"], cd["due_in"]
    return render(
        request,
        "conclusions/directive_detail.html",
        {"directive": directive, "conclusion": directive.conclusion, "late_by": late_by, "due_in": due_in},
    )


@login_required
def directive_inbox(request):
    if not user_can(request.user, Capability.TASK_UPDATE):
        raise PermissionDenied
    state = request.GET.get("state", "open")
    if state not in selectors.INBOX_STATES:
        state = "open"
    rows = selectors.directive_inbox_for_user(user=request.user, state=state)
    return render(request, "conclusions/inbox.html", {"rows": rows, "state": state})


# ---------------------------------------------------------------- publication


@login_required
def publication(request, pk: int):
    conclusion = selectors.conclusion_get_for_user(user=request.user, pk=pk)
    _require_draft(request.user, conclusion)
    record = getattr(conclusion, "publication", None)
    if conclusion.status != ConclusionStatus.ISSUED or record is None:
        raise Http404
    if request.method == "POST":
        call_for_message(
            request,
            lambda: services.publication_publish(actor=request.user, publication=record),
            _("The notice was published with personal data masked."),
        )
        return redirect("conclusions:publication", conclusion.pk)
    preview = record.public_text if record.status == PublicationStatus.PUBLISHED else services.public_text(conclusion)
    late = None
    if record.due_date and record.status == PublicationStatus.PENDING:
        late = max((timezone.localdate() - record.due_date).days, 0)
    return render(
        request,
        "conclusions/publication.html",
        {"conclusion": conclusion, "publication": record, "preview": preview, "late": late},
    )


# ---------------------------------------------------------------- deadlines of a unit


@login_required
def policy_edit(request, unit_pk: int):
    unit = unit_get_for_user(user=request.user, pk=unit_pk)
    if not services.can_draft(request.user, unit):
        raise PermissionDenied
    current = services.policy_for(unit)
    own = current.source if current.source and current.source.unit_id == unit.pk else None
    initial = {
        "version": own.version if own else None,
        "notice_working_days": current.notice_working_days,
        "directive_working_days": current.directive_working_days,
        "publication_days": current.publication_days,
    }
    form = PolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        if call_for_form(
            request,
            form,
            lambda: services.policy_save(actor=request.user, unit=unit, expected_version=version, **data),
            _("The deadlines were saved."),
        ):
            return redirect("conclusions:policy", unit.pk)
    inherited = current.source.unit if current.source and not own else None
    return render(
        request, "conclusions/policy.html", {"unit": unit, "form": form, "own": own, "inherited_from": inherited}
    )
