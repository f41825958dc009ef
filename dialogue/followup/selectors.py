"""Reads of the follow-up of directives and petition groups, scoped to the person.

A directive's follow-up is read by whoever reads the directive (its units, and the
people working over the notice's issuing unit: drafters, chair, synthesis board,
supervisors); a group's by whoever reads the group. Everything else is 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.http import Http404
from django.utils import timezone

from dialogue.conclusions.models import Directive, DirectiveStatus
from dialogue.conclusions.selectors import directive_get_for_user
from dialogue.followup import services
from dialogue.followup.models import Escalation, Evidence, ProgressUpdate
from dialogue.followup.states import (
    ACTING_STATUSES,
    CLOSABLE_STATUSES,
    DUE_STATUSES,
    PROGRESS_STATUSES,
    REOPENABLE_STATUSES,
)
from dialogue.petitions.models import PetitionGroup
from dialogue.petitions.selectors import group_get_for_user
from dialogue.workcalendar.selectors import lateness

S = DirectiveStatus
STATUS_LABELS = dict(DirectiveStatus.choices)


def directive_for_user(*, user, pk: int) -> Directive:
    directive = directive_get_for_user(user=user, pk=pk)
    return (
        Directive.objects.select_related(
            "conclusion", "conclusion__conference", "conclusion__issuing_unit", "lead_unit", "group", "speaker_request"
        )
        .prefetch_related("supporting_units")
        .get(pk=directive.pk)
    )


def group_for_user(*, user, pk: int) -> PetitionGroup:
    return group_get_for_user(user=user, pk=pk)


def item_for_user(*, user, kind: str, pk: int):
    if kind == "directive":
        return directive_for_user(user=user, pk=pk)
    if kind == "group":
        return group_for_user(user=user, pk=pk)
    raise Http404


def evidence_for_user(*, user, pk: int) -> Evidence:
    """A file of a timeline, only for someone who reads the item it belongs to."""
    evidence = Evidence.objects.filter(pk=pk).select_related("update").first()
    if evidence is None:
        raise Http404
    update = evidence.update
    if update.directive_id:
        directive_for_user(user=user, pk=update.directive_id)
    else:
        group_for_user(user=user, pk=update.group_id)
    return evidence


def status_class(status: str, late: bool = False) -> str:
    if status in (S.RESOLVED, S.CLOSED):
        return "badge--ok"
    if late or status == S.CANNOT_RESOLVE:
        return "badge--off"
    return ""


@dataclass
class FollowupPage:
    item: object
    kind: str  # "directive" or "group"
    status: str
    status_label: str
    claimed: str
    claimed_label: str
    due: date | None
    late_by: int
    due_in: int | None
    done_late_by: int
    updates: list[ProgressUpdate]
    directives: list[Directive] = field(default_factory=list)
    escalations: list[Escalation] = field(default_factory=list)
    supporting_units: list = field(default_factory=list)
    can_update: bool = False
    can_support: bool = False
    can_review: bool = False
    actions: set[str] = field(default_factory=set)
    has_evidence: bool = False
    in_force: bool = True
    followed_through_directives: bool = False

    @property
    def badge(self) -> str:
        return status_class(self.status, bool(self.late_by))


def followup_page(*, user, item) -> FollowupPage:
    """What the follow-up page of `item` shows to `user`, and which forms they may use."""
    is_directive = services.is_directive(item)
    status = services.status_of(item)
    due = services.due_of(item)
    today = timezone.localdate()
    late_by, due_in, done_late_by = 0, None, 0
    if status in DUE_STATUSES:
        late_by, due_in = lateness(due, today)
    elif item.resolved_at and due:
        done_late_by, _ = lateness(due, today, done_on=timezone.localtime(item.resolved_at).date())
    claimed = services.claimed_of(item)
    updates = list(services.item_updates(item).order_by("-created_at", "-id"))
    directives: list[Directive] = []
    through_directives = False
    if not is_directive:
        directives = list(
            services.group_directives(item).select_related("conclusion", "lead_unit").order_by("due_date", "pk")
        )
        through_directives = bool(directives)
    in_force = status != S.PROPOSED if is_directive else bool(item.lead_unit_id)
    field_name = "directive" if is_directive else "group"
    escalations = list(
        Escalation.objects.filter(**{field_name: item}).select_related("from_unit", "to_unit").order_by("-created_at")
    )
    page = FollowupPage(
        item=item,
        kind=field_name,
        status=status,
        status_label=str(STATUS_LABELS.get(status, "")) if status else "",
        claimed=claimed,
        claimed_label=str(STATUS_LABELS.get(claimed, "")) if claimed else "",
        due=due,
        late_by=late_by,
        due_in=due_in,
        done_late_by=done_late_by,
        updates=updates,
        directives=directives,
        escalations=escalations,
        supporting_units=services.item_supporting_units(item),
        can_update=services.can_update(user, item),
        can_support=services.can_support(user, item),
        can_review=services.can_review(user, item),
        has_evidence=any(u.evidence.all() for u in updates) or services.has_evidence(item),
        in_force=in_force,
        followed_through_directives=through_directives,
    )
    if in_force and not through_directives:
        page.actions = _actions(page, status)
    return page


def _actions(page: FollowupPage, status: str) -> set[str]:
    actions = set()
    if (page.can_update or page.can_support) and status in (*PROGRESS_STATUSES, ""):
        actions.add("progress")
    if page.can_update and status in (*ACTING_STATUSES, ""):
        actions.add("report")
    if page.can_review:
        if status == S.REPORTED:
            actions |= {"accept", "return"}
        if status in CLOSABLE_STATUSES:
            actions.add("close")
        if status in (*DUE_STATUSES, ""):
            actions.add("due")
        if status in REOPENABLE_STATUSES:
            actions.add("reopen")
    return actions


@dataclass
class GroupPanel:
    group: PetitionGroup
    status: str
    status_label: str
    due: date | None
    late_by: int
    directives: int
    updates: int
    badge: str


def group_panel(*, group: PetitionGroup) -> GroupPanel:
    """The follow-up summary shown on the group's own page (its reader already passed the
    group's scope)."""
    status = group.followup_status
    late_by = 0
    if status in DUE_STATUSES:
        late_by, _ = lateness(group.resolve_due, timezone.localdate())
    return GroupPanel(
        group=group,
        status=status,
        status_label=str(STATUS_LABELS.get(status, "")) if status else "",
        due=group.resolve_due,
        late_by=late_by,
        directives=services.group_directives(group).count(),
        updates=services.item_updates(group).count(),
        badge=status_class(status, bool(late_by)),
    )
