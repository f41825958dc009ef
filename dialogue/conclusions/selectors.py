"""Reads of conclusion notices and directives, scoped to what the person may see.

The drafters (secretariat, synthesis board) and the chair see the notices of the units
they work over; once issued, everyone working over the issuing unit reads it, and a unit
given a directive reads the notice and the directives addressed to it — nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dialogue.conclusions.models import (
    OPEN_DIRECTIVE_STATUSES,
    Conclusion,
    ConclusionStatus,
    Directive,
    DirectiveStatus,
)
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import any_of, scope_q
from dialogue.workcalendar.selectors import lateness


def _addressed_q(user, prefix: str = "") -> Q:
    """Directives whose lead or supporting unit lies in the person's units."""
    lead = scope_q(user, Capability.TASK_UPDATE, field=f"{prefix}lead_unit__path")
    supports = Directive.supporting_units.through.objects.filter(
        scope_q(user, Capability.TASK_UPDATE, field="unit__path"),
        directive=OuterRef(f"{prefix}pk" if prefix else "pk"),
    )
    return any_of(lead, Q(Exists(supports)))


def directive_scope_q(user) -> Q:
    """Issued directives addressed to the person's units."""
    return Q(conclusion__status=ConclusionStatus.ISSUED) & _addressed_q(user)


def _over_unit_q(user) -> Q:
    """Notices of the units the person works over: every state for drafters and chairs,
    issued ones for everyone else there."""
    drafting = any_of(
        scope_q(user, Capability.CONCLUSION_DRAFT, field="issuing_unit__path"),
        scope_q(user, Capability.CONCLUSION_ISSUE, field="issuing_unit__path"),
    )
    return any_of(
        drafting, Q(status=ConclusionStatus.ISSUED) & scope_q(user, Capability.PLAN_VIEW, field="issuing_unit__path")
    )


def conclusion_scope_q(user) -> Q:
    addressed = Q(status=ConclusionStatus.ISSUED) & Q(
        pk__in=Directive.objects.filter(directive_scope_q(user)).values("conclusion_id")
    )
    return any_of(_over_unit_q(user), addressed)


def conclusion_get_for_user(*, user, pk: int) -> Conclusion:
    conclusion = (
        Conclusion.objects.filter(conclusion_scope_q(user), pk=pk)
        .select_related("conference", "conference__plan", "conference__host_unit", "issuing_unit")
        .first()
    )
    if conclusion is None:
        raise Http404
    return conclusion


def conclusion_of_conference(conference) -> Conclusion | None:
    return (
        Conclusion.objects.filter(conference=conference)
        .exclude(status=ConclusionStatus.CANCELLED)
        .select_related("issuing_unit")
        .first()
    )


def conclusion_directives(conclusion: Conclusion) -> QuerySet[Directive]:
    return conclusion.directives.select_related("lead_unit", "group", "speaker_request").prefetch_related(
        "supporting_units"
    )


def directive_get_for_user(*, user, pk: int) -> Directive:
    """A directive as its units see it, or as the people over the issuing unit see it."""
    visible = Conclusion.objects.filter(_over_unit_q(user)).values("pk")
    directive = (
        Directive.objects.filter(Q(pk=pk), any_of(directive_scope_q(user), Q(conclusion__in=visible)))
        .select_related("conclusion", "conclusion__conference", "lead_unit", "group")
        .first()
    )
    if directive is None:
        raise Http404
    return directive


@dataclass
class DirectiveRow:
    directive: Directive
    role: str  # "lead", "support" or "review" (the synthesis board of the issuing unit)
    late_by: int
    due_in: int | None


# The filters of the directives list (issue 6): open (anything somebody must still act
# on), to act on (the person's units must work), awaiting review (reported results the
# person's synthesis board decides), late, resolved (resolved, partly or cannot be
# resolved, not yet closed), closed, all.
INBOX_STATES = ("open", "act", "review", "late", "resolved", "closed", "all")
ACT_STATUSES = (DirectiveStatus.ASSIGNED, DirectiveStatus.IN_PROGRESS, DirectiveStatus.PARTLY_RESOLVED)
RESOLVED_STATUSES = (DirectiveStatus.RESOLVED, DirectiveStatus.PARTLY_RESOLVED, DirectiveStatus.CANNOT_RESOLVE)


def _review_q(user, prefix: str = "") -> Q:
    """Issued directives whose notice the person's synthesis board follows up."""
    return Q(**{f"{prefix}conclusion__status": ConclusionStatus.ISSUED}) & scope_q(
        user, Capability.FOLLOWUP_REVIEW, field=f"{prefix}conclusion__issuing_unit__path"
    )


def inbox_scope_q(user) -> Q:
    """The directives list: those addressed to the person's units, and those the
    person's synthesis board reviews."""
    return any_of(directive_scope_q(user), _review_q(user))


def _state_q(user, state: str) -> Q:
    today = timezone.localdate()
    if state == "open":
        return Q(status__in=OPEN_DIRECTIVE_STATUSES)
    if state == "act":
        return Q(status__in=ACT_STATUSES) & scope_q(user, Capability.FOLLOWUP_UPDATE, field="lead_unit__path")
    if state == "review":
        return Q(status=DirectiveStatus.REPORTED) & _review_q(user)
    if state == "late":
        return Q(status__in=OPEN_DIRECTIVE_STATUSES, due_date__lt=today)
    if state == "resolved":
        return Q(status__in=RESOLVED_STATUSES)
    if state == "closed":
        return Q(status=DirectiveStatus.CLOSED)
    return Q()


def directive_inbox_for_user(*, user, state: str = "open", limit: int = 500) -> list[DirectiveRow]:
    """Directives the person's units must act on or support, or the person's synthesis
    board reviews, in one of `INBOX_STATES`: late first, then by due date."""
    today = timezone.localdate()
    qs = (
        Directive.objects.filter(inbox_scope_q(user))
        .filter(_state_q(user, state if state in INBOX_STATES else "open"))
        .select_related("lead_unit", "conclusion", "conclusion__conference")
    )
    lead_q = scope_q(user, Capability.TASK_UPDATE, field="lead_unit__path")
    rows_qs = list(qs.order_by("due_date", "id")[:limit])
    ids = [d.pk for d in rows_qs]
    lead_ids = set(Directive.objects.filter(lead_q, pk__in=ids).values_list("pk", flat=True))
    addressed = set(Directive.objects.filter(directive_scope_q(user), pk__in=ids).values_list("pk", flat=True))
    rows = []
    for directive in rows_qs:
        late_by, due_in = 0, None
        if directive.status in OPEN_DIRECTIVE_STATUSES:
            late_by, due_in = lateness(directive.due_date, today)
        role = "lead" if directive.pk in lead_ids else ("support" if directive.pk in addressed else "review")
        rows.append(DirectiveRow(directive, role, late_by, due_in))
    rows.sort(key=lambda r: (-r.late_by, r.directive.due_date or date.max))
    return rows


def directive_inbox_counts(*, user) -> dict[str, int]:
    """How many directives each filter of the list holds, for its tabs."""
    base = Directive.objects.filter(inbox_scope_q(user))
    return {state: base.filter(_state_q(user, state)).count() for state in INBOX_STATES}


def directive_counts(*, user) -> dict:
    """Open and late directives of the person's units, for the home page and the inbox."""
    today = timezone.localdate()
    qs = Directive.objects.filter(directive_scope_q(user), status__in=OPEN_DIRECTIVE_STATUSES)
    return {"open": qs.count(), "late": qs.filter(due_date__lt=today).count()}


def countdown(due: date | None, *, done: bool = False) -> dict:
    """Working days left before `due` (or late by), for the draft's countdown."""
    late_by, due_in = lateness(due, timezone.localdate()) if not done else (0, None)
    return {"due": due, "late_by": late_by, "due_in": due_in}


__all__ = ["DirectiveStatus"]
