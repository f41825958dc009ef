"""Recommendations to the higher level: the inbox of the higher unit (received) and of the
lower one (sent), the recommendation's page with the answer and return forms, and the
form that forwards a matter. Views parse input, look up through scoped selectors, call
one service and render."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dialogue.conclusions.selectors import directive_get_for_user
from dialogue.core.errors import call_for_form
from dialogue.followup import escalation as esc
from dialogue.followup import services
from dialogue.followup.forms_escalation import EscalationAnswerForm, EscalationForm, EscalationReturnForm
from dialogue.followup.models import EscalationStatus
from dialogue.followup.views_tracking import evidence_response
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import user_can
from dialogue.petitions.selectors import group_get_for_user
from dialogue.workcalendar.selectors import lateness

BOXES = ("received", "sent")
STATES = ("pending", "done", "all")


def _may_use_inbox(user) -> bool:
    return any(
        user_can(user, capability)
        for capability in (Capability.ESCALATION_ANSWER, Capability.FOLLOWUP_UPDATE, Capability.FOLLOWUP_REVIEW)
    )


@login_required
def escalation_inbox(request):
    user = request.user
    if not _may_use_inbox(user):
        raise PermissionDenied
    receives = user_can(user, Capability.ESCALATION_ANSWER) or user_can(user, Capability.FOLLOWUP_UPDATE)
    box = request.GET.get("box") or ("received" if receives else "sent")
    if box not in BOXES:
        box = "received"
    state = request.GET.get("state", "pending")
    if state not in STATES:
        state = "pending"
    rows = esc.escalation_list_for_user(user=user, box=box, state=state)
    return render(
        request,
        "followup/escalation/inbox.html",
        {"rows": rows, "box": box, "state": state, "counts": esc.escalation_counts(user=user)},
    )


def _detail_context(request, escalation, *, answer_form=None, return_form=None) -> dict:
    user = request.user
    item = esc.item_of(escalation)
    pending = escalation.status == EscalationStatus.PENDING
    may_answer = pending and esc.can_answer(user, escalation)
    if may_answer:
        answer_form = answer_form or EscalationAnswerForm(
            initial={"version": escalation.version, "submission_key": uuid.uuid4()}
        )
        return_form = return_form or EscalationReturnForm(initial={"version": escalation.version})
    update = esc.answer_update(escalation)
    late_by, due_in = 0, None
    if pending:
        late_by, due_in = lateness(escalation.due_date, timezone.localdate())
    return {
        "escalation": escalation,
        "item": item,
        "item_text": esc.item_text(item),
        "conference": esc.item_conference(item),
        "responsible": item.lead_unit,
        "may_answer": may_answer,
        "answer_form": answer_form if may_answer else None,
        "return_form": return_form if may_answer else None,
        "evidence": list(update.evidence.all()) if update else [],
        "history": [e for e in esc.item_escalations(item) if e.pk != escalation.pk],
        "late_by": late_by,
        "due_in": due_in,
    }


@login_required
def escalation_detail(request, pk: int):
    escalation = esc.escalation_get_for_user(user=request.user, pk=pk)
    return render(request, "followup/escalation/detail.html", _detail_context(request, escalation))


def _answerable(request, pk: int):
    escalation = esc.escalation_get_for_user(user=request.user, pk=pk)
    if not esc.can_answer(request.user, escalation):
        raise PermissionDenied
    return escalation


@login_required
@require_POST
def escalation_answer(request, pk: int):
    escalation = _answerable(request, pk)
    form = EscalationAnswerForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        done = call_for_form(
            request,
            form,
            lambda: esc.escalation_answer(
                actor=request.user,
                escalation=escalation,
                answer_text=data["answer_text"],
                files=data["files"],
                expected_version=data["version"],
                submission_key=data["submission_key"],
            ),
            _("The answer was sent back to the unit that owns the matter."),
        )
        if done:
            return redirect("followup:escalation_detail", escalation.pk)
    context = _detail_context(request, escalation, answer_form=form)
    return render(request, "followup/escalation/detail.html", context, status=400)


@login_required
@require_POST
def escalation_return(request, pk: int):
    escalation = _answerable(request, pk)
    form = EscalationReturnForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        done = call_for_form(
            request,
            form,
            lambda: esc.escalation_return(
                actor=request.user, escalation=escalation, reason=data["reason"], expected_version=data["version"]
            ),
            _("The matter was returned to the lower level."),
        )
        if done:
            return redirect("followup:escalation_detail", escalation.pk)
    context = _detail_context(request, escalation, return_form=form)
    return render(request, "followup/escalation/detail.html", context, status=400)


def _item_for_user(user, kind: str, pk: int):
    if kind == "directive":
        return directive_get_for_user(user=user, pk=pk)
    if kind == "group":
        return group_get_for_user(user=user, pk=pk)
    raise Http404


@login_required
def escalation_create(request, kind: str, pk: int):
    item = _item_for_user(request.user, kind, pk)
    if esc.sender_unit(request.user, item) is None:
        raise PermissionDenied
    item_page = services.item_url(item)
    if not esc.can_escalate(request.user, item) and request.method == "GET":
        messages.error(request, _("This matter cannot be forwarded to the higher level now."))
        return redirect(item_page)
    targets = esc.escalation_targets(item)
    form = EscalationForm(
        request.POST or None,
        targets=targets,
        initial={"submission_key": uuid.uuid4(), "version": item.version, "due_date": esc.default_due()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = call_for_form(
            request,
            form,
            lambda: esc.escalation_create(
                actor=request.user,
                item=item,
                to_unit=data["to_unit"],
                request_text=data["request_text"],
                due_date=data["due_date"],
                submission_key=data["submission_key"],
                expected_version=data["version"],
            ),
            _("The recommendation was sent to the higher level."),
        )
        if created:
            return redirect("followup:escalation_detail", created.pk)
    return render(
        request,
        "followup/escalation/form.html",
        {
            "item": item,
            "kind": kind,
            "item_text": esc.item_text(item),
            "item_page": item_page,
            "form": form,
            "working_days": esc.answer_working_days(),
            "has_targets": targets.exists(),
        },
    )


@login_required
def escalation_evidence(request, pk: int, evidence_pk: int):
    """A document attached to the higher level's answer, for the people who see the recommendation."""
    escalation = esc.escalation_get_for_user(user=request.user, pk=pk)
    update = esc.answer_update(escalation)
    evidence = update.evidence.filter(pk=evidence_pk).first() if update else None
    if evidence is None:
        raise Http404
    return evidence_response(evidence)
