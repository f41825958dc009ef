"""Reads of plans, conferences and tasks, scoped to what the person may see.

A plan is visible to people working over its issuing unit, and to the units it gives
duties to (an agency sees the plans that assign it tasks, and nothing else).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dialogue.lib.text import fold
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import any_of, scope_q
from dialogue.plans.models import (
    Conference,
    ConferenceStatus,
    Participant,
    Plan,
    PlanStatus,
    Task,
    TaskStatus,
    TimelineTemplate,
)
from dialogue.workcalendar.selectors import lateness


def _task_scope_q(user, prefix: str = "") -> Q:
    return scope_q(user, Capability.TASK_UPDATE, field=f"{prefix}unit__path")


def plan_scope_q(user, prefix: str = "") -> Q:
    own = scope_q(user, Capability.PLAN_VIEW, field=f"{prefix}issuing_unit__path")
    assigned = Exists(Task.objects.filter(_task_scope_q(user), plan=OuterRef(f"{prefix}pk" if prefix else "pk")))
    return any_of(own, Q(assigned))


def plan_list_for_user(*, user, query: str = "", year: int | None = None, status: str = "") -> QuerySet[Plan]:
    qs = Plan.objects.filter(plan_scope_q(user)).select_related("issuing_unit")
    if year:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    if query:
        for word in fold(query).split():
            if word.isdigit():
                qs = qs.filter(Q(number=int(word)) | Q(search_folded__contains=word))
            else:
                qs = qs.filter(search_folded__contains=word)
    return qs.order_by("-year", "-issued_on", "-created_at")


def plan_get_for_user(*, user, pk: int) -> Plan:
    plan = Plan.objects.filter(plan_scope_q(user), pk=pk).select_related("issuing_unit", "issuing_unit__kind").first()
    if plan is None:
        raise Http404
    return plan


def conference_get_for_user(*, user, pk: int) -> Conference:
    visible = Plan.objects.filter(plan_scope_q(user)).values("pk")
    conference = (
        Conference.objects.filter(pk=pk, plan__in=visible)
        .select_related("plan", "plan__issuing_unit", "host_unit", "timeline_template")
        .first()
    )
    if conference is None:
        raise Http404
    return conference


def task_get_for_user(*, user, pk: int) -> Task:
    visible = Plan.objects.filter(plan_scope_q(user)).values("pk")
    task = (
        Task.objects.filter(pk=pk, plan__in=visible)
        .select_related("plan", "plan__issuing_unit", "unit", "conference", "done_by")
        .first()
    )
    if task is None:
        raise Http404
    return task


def participant_get_for_user(*, user, pk: int) -> Participant:
    visible = Plan.objects.filter(plan_scope_q(user)).values("pk")
    participant = (
        Participant.objects.filter(pk=pk, conference__plan__in=visible)
        .select_related("conference", "conference__plan", "delegation")
        .first()
    )
    if participant is None:
        raise Http404
    return participant


def timeline_templates_for(unit) -> QuerySet[TimelineTemplate]:
    """Templates offered to everyone plus those of the unit or a unit above it."""
    ancestors = [int(p) for p in unit.path.strip("/").split("/") if p]
    return (
        TimelineTemplate.objects.filter(Q(unit__isnull=True) | Q(unit_id__in=ancestors), is_active=True)
        .prefetch_related("steps")
        .order_by("name")
    )


@dataclass
class TaskRow:
    task: Task
    late_by: int  # working days past due (0 when not late)
    due_in: int | None  # working days left (None when late, done or undated)


def _decorate(tasks, today: date) -> list[TaskRow]:
    rows = []
    for task in tasks:
        if task.status == TaskStatus.OPEN:
            late_by, due_in = lateness(task.due_date, today)
        elif task.status == TaskStatus.DONE and task.done_on:
            late_by, due_in = lateness(task.due_date, today, done_on=task.done_on)
        else:
            late_by, due_in = 0, None
        rows.append(TaskRow(task, late_by, due_in))
    return rows


def plan_tasks(plan: Plan, *, today: date | None = None) -> list[TaskRow]:
    today = today or timezone.localdate()
    tasks = plan.tasks.select_related("unit", "conference", "responsibility", "done_by").order_by(
        "due_date", "responsibility__order", "order", "id"
    )
    return _decorate(tasks, today)


@dataclass
class Progress:
    total: int
    done: int
    open: int
    late: int
    undated: int

    @property
    def percent(self) -> int:
        counted = self.total
        return round(100 * self.done / counted) if counted else 0


def progress_of(rows: list[TaskRow]) -> Progress:
    live = [r for r in rows if r.task.status != TaskStatus.CANCELLED]
    return Progress(
        total=len(live),
        done=sum(1 for r in live if r.task.status == TaskStatus.DONE),
        open=sum(1 for r in live if r.task.status == TaskStatus.OPEN),
        late=sum(1 for r in live if r.task.status == TaskStatus.OPEN and r.late_by > 0),
        undated=sum(1 for r in live if r.task.status == TaskStatus.OPEN and not r.task.due_date),
    )


def tasks_for_home(*, user, limit: int = 12) -> tuple[list[TaskRow], int]:
    """Open duties of the units the person works for, most urgent first."""
    today = timezone.localdate()
    qs = (
        Task.objects.filter(_task_scope_q(user), status=TaskStatus.OPEN)
        .exclude(plan__status=PlanStatus.CANCELLED)
        .select_related("plan", "unit", "conference")
        .order_by(F("due_date").asc(nulls_last=True), "id")
    )
    total = qs.count()
    return _decorate(qs[:limit], today), total


def task_list_for_user(*, user, state: str = "open") -> list[TaskRow]:
    today = timezone.localdate()
    qs = (
        Task.objects.filter(_task_scope_q(user))
        .exclude(plan__status=PlanStatus.CANCELLED)
        .select_related("plan", "unit", "conference")
    )
    if state == "open":
        qs = qs.filter(status=TaskStatus.OPEN)
    elif state == "late":
        qs = qs.filter(status=TaskStatus.OPEN, due_date__lt=today)
    elif state == "done":
        qs = qs.filter(status=TaskStatus.DONE)
    qs = qs.order_by(F("due_date").asc(nulls_last=True), "id")
    return _decorate(qs[:500], today)


@dataclass
class AgendaEntry:
    day: date
    kind: str  # "conference" or "task"
    conference: Conference | None = None
    task: Task | None = None


def agenda_for_user(*, user, start: date, end: date) -> list[AgendaEntry]:
    """Conferences and deadlines between `start` and `end` across the units the person may see."""
    visible = Plan.objects.filter(plan_scope_q(user)).exclude(status=PlanStatus.CANCELLED).values("pk")
    conferences = (
        Conference.objects.filter(plan__in=visible, date__gte=start, date__lte=end)
        .exclude(status=ConferenceStatus.CANCELLED)
        .select_related("plan", "host_unit")
    )
    tasks = Task.objects.filter(
        Q(plan__in=visible), status=TaskStatus.OPEN, due_date__gte=start, due_date__lte=end
    ).select_related("plan", "unit", "conference")
    entries = [AgendaEntry(c.date, "conference", conference=c) for c in conferences]
    entries += [AgendaEntry(t.due_date, "task", task=t) for t in tasks]
    entries.sort(key=lambda e: (e.day, 0 if e.kind == "conference" else 1))
    return entries


def conference_detail(conference: Conference) -> Conference:
    return (
        Conference.objects.filter(pk=conference.pk)
        .select_related("plan", "plan__issuing_unit", "host_unit", "timeline_template")
        .prefetch_related(
            "chairs",
            "served_units",
            "agenda_items",
            Prefetch("delegations", queryset=conference.delegations.select_related("unit", "parent")),
            Prefetch("participants", queryset=conference.participants.select_related("delegation")),
        )
        .get()
    )


def conference_warnings(conference: Conference, *, today: date | None = None) -> list[str]:
    """What a secretary must know before it is too late; in Vietnamese, for the page."""
    from django.utils.translation import gettext as _

    today = today or timezone.localdate()
    warnings = []
    if conference.status in (ConferenceStatus.HELD, ConferenceStatus.CANCELLED) or not conference.date:
        return warnings
    status = announce_status(conference, today=today)
    if status.overdue:
        warnings.append(
            _(
                "The conference must be announced publicly at least %(days)s days before it (Law 72/2025/QH15, "
                "art. 43); the latest lawful day was %(deadline)s and it is not announced yet."
            )
            % {"days": status.min_days, "deadline": status.deadline.strftime("%d/%m/%Y")}
        )
    late = conference.tasks.filter(status=TaskStatus.OPEN, due_date__lt=today).count()
    if late:
        warnings.append(_("%(count)s preparation tasks are late.") % {"count": late})
    return warnings


@dataclass
class AnnounceStatus:
    """Where a conference stands with its public announcement (for the staff pages)."""

    min_days: int
    announced: bool
    announced_at: object  # datetime or None
    announced_by: object  # User or None (None when announced: the system)
    late_reason: str
    deadline: date | None
    days_left: int | None  # calendar days until the latest lawful day (negative: passed)
    open: bool  # the conference is still ahead and neither held nor cancelled
    missing: list[str]

    @property
    def overdue(self) -> bool:
        """Not announced and the latest lawful day has passed, the conference still ahead."""
        return self.open and not self.announced and self.days_left is not None and self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0

    @property
    def due_soon(self) -> bool:
        """Not announced and the latest lawful day is within three days (or passed)."""
        return self.open and not self.announced and self.days_left is not None and self.days_left <= 3

    @property
    def late(self) -> bool:
        return self.announced and bool(self.late_reason)


def announce_status(conference: Conference, *, today: date | None = None) -> AnnounceStatus:
    from dialogue.plans.services import announce_deadline, announce_min_days, announce_missing

    today = today or timezone.localdate()
    deadline = announce_deadline(conference)
    return AnnounceStatus(
        min_days=announce_min_days(),
        announced=conference.announced_at is not None,
        announced_at=conference.announced_at,
        announced_by=conference.announced_by if conference.announced_by_id else None,
        late_reason=conference.announce_late_reason,
        deadline=deadline,
        days_left=(deadline - today).days if deadline else None,
        open=conference.status not in (ConferenceStatus.HELD, ConferenceStatus.CANCELLED)
        and (conference.date is None or conference.date >= today),
        missing=announce_missing(conference),
    )


def announcements_due(*, user, today: date | None = None, within: int = 3, limit: int = 20) -> list[Conference]:
    """Conferences the person may edit that are not announced and whose latest lawful day
    is within `within` days or has passed while the conference is still ahead, most urgent
    first; each carries `.announce` (an AnnounceStatus)."""
    from dialogue.plans.services import announce_min_days

    today = today or timezone.localdate()
    qs = (
        Conference.objects.filter(
            scope_q(user, Capability.PLAN_MANAGE, field="plan__issuing_unit__path"),
            announced_at__isnull=True,
            date__gte=today,
            date__lte=today + timedelta(days=announce_min_days() + within),
        )
        .exclude(status__in=[ConferenceStatus.HELD, ConferenceStatus.CANCELLED])
        .exclude(plan__status=PlanStatus.CANCELLED)
        .select_related("plan", "host_unit")
        .order_by("date", "start_time", "id")[:limit]
    )
    rows = list(qs)
    for conference in rows:
        conference.announce = announce_status(conference, today=today)
    return rows


def delegation_totals(conference: Conference) -> dict:
    delegations = list(conference.delegations.all())
    top = [d for d in delegations if d.parent_id is None]
    # A delegation without its own size counts what its parts expect.
    expected = sum(
        d.expected_size or sum(c.expected_size or 0 for c in delegations if c.parent_id == d.pk) for d in top
    )
    return {
        "expected": expected,
        "participants": conference.participants.count(),
        "confirmed": conference.participants.filter(invitation_status="confirmed").count(),
        "attended": conference.participants.filter(attended=True).count(),
    }


def upcoming_conferences(*, user, days: int = 60, limit: int = 6) -> list[Conference]:
    today = timezone.localdate()
    visible = Plan.objects.filter(plan_scope_q(user)).exclude(status=PlanStatus.CANCELLED).values("pk")
    rows = list(
        Conference.objects.filter(plan__in=visible, date__gte=today, date__lte=today + timedelta(days=days))
        .exclude(status=ConferenceStatus.CANCELLED)
        .select_related("plan", "host_unit", "announced_by")
        .order_by("date", "start_time")[:limit]
    )
    for conference in rows:
        conference.announce = announce_status(conference, today=today)
    return rows
