"""Statistics of the dialogue work of a unit and its whole subtree over a period (issue 6).

The API the dashboard and the periodic reports share:

- `period_bounds(kind, year=…, month=…, basis=…)` — the reporting periods of QĐ 11-QĐi/TW
  (month, quarter 1, 6 months, 9 months, year) as dates;
- `unit_statistics(*, unit, start, end, today=None) -> Statistics` — every figure, for a
  unit's subtree (`unit=None`: the whole country), unscoped: callers check access;
- `statistics_for_user(*, user, unit_pk, start, end)` — the same, for a person: 403 without
  `Capability.STATISTICS_VIEW`, 404 for a unit outside their scope;
- `rows_behind(*, user, unit, start, end, metric, key)` — the rows a figure counts, for the
  click-through lists; `Statistics.figures()` names every (metric, key) it shows.

Every figure is computed by a few aggregate queries (GROUP BY and conditional counts);
nothing is read row by row. The definitions (docs/statistics.md) live in the `_q_*` and
`_base_*` helpers below, which both the aggregates and `rows_behind` use, so a list always
holds exactly the rows its figure counts.
"""

from __future__ import annotations

import calendar as std_calendar
import operator
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache, reduce
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogue.conclusions.models import OPEN_DIRECTIVE_STATUSES, ConclusionStatus, Directive, DirectiveStatus
from dialogue.organisation.models import Level, Unit, UnitCategory, UnitStatus
from dialogue.organisation.roles import Capability
from dialogue.organisation.selectors import scope_paths, user_can
from dialogue.petitions.models import (
    AnswerMode,
    Channel,
    Field,
    FollowUpStatus,
    GroupStatus,
    JurisdictionLevel,
    Petition,
    PetitionGroup,
    PetitionStatus,
)
from dialogue.plans.models import Conference, ConferenceStatus, Participant
from dialogue.proceedings.models import SpeakerRequest, SpeakerStatus
from dialogue.statistics import summary
from dialogue.workcalendar.selectors import get_calendar

# ---------------------------------------------------------------- reporting periods


class PeriodKind:
    """Quick choices: the periodic reports of Quy định 11-QĐi/TW (monthly, quarter 1,
    6 months, 9 months, yearly), each counted from the start of the year."""

    MONTH = "month"
    Q1 = "q1"
    H1 = "h1"
    M9 = "m9"
    YEAR = "year"
    CUSTOM = "custom"

    choices = [
        (CUSTOM, _("Chosen dates")),
        (MONTH, _("Month")),
        (Q1, _("Quarter 1")),
        (H1, _("6 months")),
        (M9, _("9 months")),
        (YEAR, _("Year")),
    ]


class PeriodBasis:
    """How a reporting period is cut. `CUTOFF` (default): the data cut-off of Decree
    09/2019/NĐ-CP art. 12 — from the 15th of the month before the period to the 14th of
    its last month (a year: 15/12 of the year before to 14/12). `CALENDAR`: whole months."""

    CUTOFF = "cutoff"
    CALENDAR = "calendar"

    choices = [
        (CUTOFF, _("Data cut-off (15th to 14th, Decree 09/2019)")),
        (CALENDAR, _("Calendar months")),
    ]


# The last month of each cumulative period.
_LAST_MONTH = {PeriodKind.Q1: 3, PeriodKind.H1: 6, PeriodKind.M9: 9, PeriodKind.YEAR: 12}
CUTOFF_DAY = 15


def period_bounds(
    kind: str, *, year: int, month: int | None = None, basis: str = PeriodBasis.CUTOFF
) -> tuple[date, date]:
    """(first day, last day) of a reporting period, both included.

    Calendar basis: a month is the 1st to its last day; quarter 1, 6 months, 9 months and
    the year run from 1 January to the end of March, June, September, December.
    Cut-off basis (Decree 09/2019/NĐ-CP art. 12): each starts on the 15th of the month
    before and ends on the 14th of its last month — month 3/2026 is 15/02–14/03/2026,
    quarter 1 of 2026 is 15/12/2025–14/03/2026, the year 2026 is 15/12/2025–14/12/2026.
    """
    if kind == PeriodKind.MONTH:
        if month is None or not 1 <= month <= 12:
            raise ValueError("a monthly period needs a month")
        first_month, last_month = month, month
    elif kind in _LAST_MONTH:
        first_month, last_month = 1, _LAST_MONTH[kind]
    else:
        raise ValueError(f"unknown period {kind!r}")
    if basis == PeriodBasis.CALENDAR:
        return date(year, first_month, 1), date(year, last_month, std_calendar.monthrange(year, last_month)[1])
    if basis != PeriodBasis.CUTOFF:
        raise ValueError(f"unknown basis {basis!r}")
    before = date(year - 1, 12, CUTOFF_DAY) if first_month == 1 else date(year, first_month - 1, CUTOFF_DAY)
    return before, date(year, last_month, CUTOFF_DAY - 1)


def default_period(today: date | None = None) -> tuple[date, date]:
    """From 1 January of this year to today."""
    today = today or timezone.localdate()
    return date(today.year, 1, 1), today


# ---------------------------------------------------------------- the figures


@dataclass(frozen=True)
class Share:
    """One row of a breakdown: what (`key`, `label`), how many, and the share of the total."""

    metric: str
    key: str
    label: str
    count: int
    share: float | None


@dataclass(frozen=True)
class Bucket:
    """Petitions received in one month (or year) of the period."""

    metric: str  # "month" or "year"
    key: str  # "2026-03" or "2026"
    label: str  # "03/2026" or "2026"
    start: date
    end: date
    count: int


@dataclass(frozen=True)
class LateRow:
    """What a unit that must act has late: directives, answers, resolutions of petition groups."""

    unit_pk: int | None
    unit_name: str
    directives: int
    answers: int
    resolution: int

    @property
    def key(self) -> str:
        return str(self.unit_pk) if self.unit_pk else "none"

    @property
    def total(self) -> int:
        return self.directives + self.answers + self.resolution


@dataclass(frozen=True)
class Statistics:
    """Every figure of the dashboard for `unit`'s subtree (None: the whole country) from
    `start` to `end`, both included. `late_before`: an open item due before this day is
    late (today, or the day after the period when the period is over)."""

    unit: Unit | None
    start: date
    end: date
    late_before: date
    # Conferences (not cancelled) hosted in the subtree, dated in the period.
    conferences: int
    conferences_held: int
    participants: int  # checked in at those conferences
    interventions: int  # speakers who took the floor there
    # Petitions received in the period by a unit of the subtree.
    petitions: int
    repeats: int  # raised before (repeat_of set)
    by_field: tuple[Share, ...]
    by_level: tuple[Share, ...]
    by_channel: tuple[Share, ...]
    by_status: tuple[Share, ...]
    by_month: tuple[Bucket, ...]
    # Written answers of petition groups due in the period.
    answers_due: int
    answered_on_time: int
    answered_late: int
    answers_overdue: int
    answers_pending: int
    # Working days from receipt to the group's approved answer / resolution.
    answered_petitions: int
    avg_days_to_answer: float | None
    resolved_petitions: int
    avg_days_to_resolve: float | None
    # Resolved (or closed) in the period.
    groups_resolved: int
    directives_resolved: int
    # Directives of conclusion notices issued in the period.
    directives_issued: int
    directives_by_status: tuple[Share, ...]
    # Late now: open with a due date before `late_before`.
    late_directives: int
    late_answers: int
    late_resolution: int
    late_by_unit: tuple[LateRow, ...] = field(default_factory=tuple)
    # When the figures come from the worker's snapshot of daily figures: when it was made
    # (statuses are those of that moment). None: counted now.
    as_of: datetime | None = None

    @property
    def repeat_rate(self) -> float | None:
        return self.repeats / self.petitions if self.petitions else None

    @property
    def answered(self) -> int:
        return self.answered_on_time + self.answered_late

    @property
    def answers_judged(self) -> int:
        """Answers due in the period that were given or whose due date has passed."""
        return self.answered_on_time + self.answered_late + self.answers_overdue

    @property
    def on_time_share(self) -> float | None:
        return self.answered_on_time / self.answers_judged if self.answers_judged else None

    @property
    def resolved(self) -> int:
        return self.groups_resolved + self.directives_resolved

    @property
    def late(self) -> int:
        return self.late_directives + self.late_answers + self.late_resolution

    def figures(self) -> list[tuple[str, str, int]]:
        """(metric, key, value) of every figure the dashboard links to its rows."""
        out = [
            ("conferences", "", self.conferences),
            ("conferences", "held", self.conferences_held),
            ("participants", "", self.participants),
            ("interventions", "", self.interventions),
            ("petitions", "", self.petitions),
            ("petitions", "repeat", self.repeats),
            ("petitions", "answered", self.answered_petitions),
            ("petitions", "resolved", self.resolved_petitions),
            ("answers", "due", self.answers_due),
            ("answers", "on_time", self.answered_on_time),
            ("answers", "late", self.answered_late),
            ("answers", "overdue", self.answers_overdue),
            ("answers", "pending", self.answers_pending),
            ("groups_resolved", "", self.groups_resolved),
            ("directives_resolved", "", self.directives_resolved),
            ("directives", "", self.directives_issued),
            ("late_directives", "", self.late_directives),
            ("late_answers", "", self.late_answers),
            ("late_resolution", "", self.late_resolution),
        ]
        for rows in (self.by_field, self.by_level, self.by_channel, self.by_status, self.directives_by_status):
            out += [(r.metric, r.key, r.count) for r in rows]
        out += [(b.metric, b.key, b.count) for b in self.by_month]
        for row in self.late_by_unit:
            out += [
                ("late_directives", row.key, row.directives),
                ("late_answers", row.key, row.answers),
                ("late_resolution", row.key, row.resolution),
            ]
        return out


# ---------------------------------------------------------------- definitions

RESOLVED_STATUSES = (FollowUpStatus.RESOLVED, FollowUpStatus.CLOSED)
RESOLVED_DIRECTIVE_STATUSES = (DirectiveStatus.RESOLVED, DirectiveStatus.CLOSED)
NONE_KEY = "none"  # a breakdown row of petitions not yet classified, a late item without a unit


@lru_cache(maxsize=8)
def _fixed_utc_offset(tzname: str) -> int | None:
    """Seconds east of UTC when the zone has kept one offset since 1976 (Vietnam: +7 h,
    no daylight saving), else None."""
    zone = ZoneInfo(tzname)
    offsets = {datetime(year, month, 1, 12, tzinfo=zone).utcoffset() for year in range(1976, 2101) for month in (1, 7)}
    if len(offsets) != 1:
        return None
    return int(offsets.pop().total_seconds())


class LocalDate(TruncDate):
    """The local calendar date of a timestamp (an answer approved at 23:30 on 05/05 in
    Hà Nội is 05/05, although UTC already says 06/05).

    PostgreSQL gets Django's `(x AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`. On SQLite
    Django calls a Python function for every row; with a zone of one fixed offset,
    SQLite's own `date(x, '+25200 seconds')` gives the same dates natively."""

    def as_sqlite(self, compiler, connection, **extra_context):
        offset = _fixed_utc_offset(self.get_tzname())
        if offset is None:
            return self.as_sql(compiler, connection, **extra_context)
        sql, params = compiler.compile(self.lhs)
        return f"date({sql}, %s)", (*params, f"{offset:+d} seconds")


def _under(unit: Unit | None, field_name: str) -> Q:
    """Rows whose unit (through `field_name`) lies in `unit`'s subtree; everything for None."""
    return Q() if unit is None else Q(**{f"{field_name}__path__startswith": unit.path})


def _day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, end + 1 day 00:00) in local time, for timestamps."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


@dataclass(frozen=True)
class _Window:
    unit: Unit | None
    start: date
    end: date
    late_before: date

    @property
    def moments(self) -> tuple[datetime, datetime]:
        return _day_bounds(self.start, self.end)


def _window(unit: Unit | None, start: date, end: date, today: date | None) -> _Window:
    if start > end:
        raise ValueError("the period ends before it starts")
    today = today or timezone.localdate()
    return _Window(unit, start, end, min(end + timedelta(days=1), today))


# Conferences hosted in the subtree and dated in the period, not cancelled.
def _base_conferences(w: _Window) -> QuerySet[Conference]:
    return Conference.objects.filter(_under(w.unit, "host_unit"), date__range=(w.start, w.end)).exclude(
        status=ConferenceStatus.CANCELLED
    )


def _base_petitions(w: _Window) -> QuerySet[Petition]:
    return Petition.objects.filter(_under(w.unit, "receiving_unit"), received_on__range=(w.start, w.end))


# A petition whose group's written answer was approved / whose matter is resolved.
_Q_PETITION_ANSWERED = Q(group__status=GroupStatus.APPROVED, group__approved_at__isnull=False)
_Q_PETITION_RESOLVED = Q(group__followup_status__in=RESOLVED_STATUSES, group__resolved_at__isnull=False)


def _base_groups(w: _Window) -> QuerySet[PetitionGroup]:
    return PetitionGroup.objects.filter(_under(w.unit, "receiving_unit"))


def _group_conditions(w: _Window) -> dict[str, Q]:
    """The petition-group figures, each a condition on a group of the subtree. A group
    answered live at the conference has no written answer to count."""
    written_due = Q(answer_mode=AnswerMode.WRITTEN, due_date__range=(w.start, w.end))
    approved = Q(status=GroupStatus.APPROVED)
    on_time = approved & Q(approved_day__lte=F("due_date"))
    late = approved & (Q(approved_at__isnull=True) | Q(approved_day__gt=F("due_date")))
    first, after = w.moments
    return {
        "due": written_due,
        "on_time": written_due & on_time,
        "late": written_due & late,
        "overdue": written_due & ~approved & Q(due_date__lt=w.late_before),
        "pending": written_due & ~approved & Q(due_date__gte=w.late_before),
        "resolved": Q(followup_status__in=RESOLVED_STATUSES, resolved_at__gte=first, resolved_at__lt=after),
        "late_answers": Q(answer_mode=AnswerMode.WRITTEN, due_date__lt=w.late_before) & ~approved,
        "late_resolution": Q(followup_status__in=OPEN_DIRECTIVE_STATUSES, resolve_due__lt=w.late_before),
    }


def _base_directives(w: _Window) -> QuerySet[Directive]:
    """Directives of issued notices of the subtree's units (the issuer's subtree, whoever must act)."""
    return Directive.objects.filter(
        _under(w.unit, "conclusion__issuing_unit"), conclusion__status=ConclusionStatus.ISSUED
    )


def _directive_conditions(w: _Window) -> dict[str, Q]:
    first, after = w.moments
    return {
        "issued": Q(conclusion__issued_on__range=(w.start, w.end)),
        # Resolved or closed in the period (a matter closed without a resolution date
        # counts on the day it was closed).
        "resolved": Q(status__in=RESOLVED_DIRECTIVE_STATUSES, done_at__gte=first, done_at__lt=after),
        "late": Q(status__in=OPEN_DIRECTIVE_STATUSES, due_date__lt=w.late_before),
    }


def _annotated_groups(qs: QuerySet[PetitionGroup]) -> QuerySet[PetitionGroup]:
    return qs.alias(approved_day=LocalDate("approved_at"))


def _annotated_directives(qs: QuerySet[Directive]) -> QuerySet[Directive]:
    return qs.alias(done_at=Coalesce("resolved_at", "closed_at"))


# ---------------------------------------------------------------- computing


def _working_day_average(starts: Iterable[tuple[date, int]], ends: Iterable[tuple[date, int]]) -> float | None:
    """Average working days from each start to its end, given only how many items start
    and end on each date.

    `WorkingCalendar.between(a, b)` is index(b) − index(a) for a running count of working
    days, so the average of differences is the difference of the averages: two GROUP BY
    date queries instead of one computation per petition."""
    starts, ends = [r for r in starts if r[1]], [r for r in ends if r[1]]
    n_start, n_end = sum(n for _, n in starts), sum(n for _, n in ends)
    if not n_start or not n_end:
        return None
    days = [d for d, _ in starts] + [d for d, _ in ends]
    first, last = min(days), max(days)
    calendar = get_calendar()
    index: dict[date, int] = {}
    count, day = 0, first
    while day <= last:
        if calendar.is_working_day(day):
            count += 1
        index[day] = count
        day += timedelta(days=1)
    return sum(index[d] * n for d, n in ends) / n_end - sum(index[d] * n for d, n in starts) / n_start


def _share(metric: str, key: str, label, count: int, total: int) -> Share:
    return Share(metric, key, str(label), count, count / total if total else None)


def _shares(metric: str, counts: dict[str, int], choices, total: int) -> list[Share]:
    """Rows in the order of `choices`; a code no choice names (an old value) keeps its code."""
    labels = dict(choices)
    order = [code for code, _label in choices] + sorted(code for code in counts if code not in labels)
    return [
        _share(metric, code or NONE_KEY, labels.get(code, code), counts[code], total)
        for code in order
        if counts.get(code)
    ]


def _months(w: _Window, per_day: dict[date, int]) -> tuple[Bucket, ...]:
    """Petitions by month of the period (by year when the period is longer than 24 months)."""
    by_year = (w.end.year - w.start.year) * 12 + w.end.month - w.start.month >= 24
    buckets: list[Bucket] = []
    cursor = date(w.start.year, 1 if by_year else w.start.month, 1)
    while cursor <= w.end:
        if by_year:
            last = date(cursor.year, 12, 31)
            key, label, nxt = str(cursor.year), str(cursor.year), date(cursor.year + 1, 1, 1)
        else:
            last = date(cursor.year, cursor.month, std_calendar.monthrange(cursor.year, cursor.month)[1])
            key, label = f"{cursor.year}-{cursor.month:02d}", f"{cursor.month:02d}/{cursor.year}"
            nxt = last + timedelta(days=1)
        lo, hi = max(cursor, w.start), min(last, w.end)
        count = sum(n for d, n in per_day.items() if lo <= d <= hi)
        buckets.append(Bucket("year" if by_year else "month", key, label, lo, hi, count))
        cursor = nxt
    return tuple(buckets)


_BREAKDOWNS = ("field_id", "level", "channel", "status")


@dataclass
class _Counts:
    """The raw counts of a window, gathered live or from a snapshot of daily figures."""

    conferences: int = 0
    conferences_held: int = 0
    participants: int = 0
    interventions: int = 0
    petitions: int = 0
    repeats: int = 0
    # Breakdowns of the petitions: field id (None: not classified), level, channel, status.
    by: dict[str, dict] = field(default_factory=lambda: {k: defaultdict(int) for k in _BREAKDOWNS})
    per_day: dict[date, int] = field(default_factory=dict)
    answered_petitions: int = 0
    resolved_petitions: int = 0
    avg_answer: float | None = None
    avg_resolve: float | None = None
    groups: dict[str, int] = field(default_factory=dict)
    # The unit that must act (None: none named) -> [late directives, late answers, late resolution].
    late: dict[int | None, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    directives_by_status: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    directives_resolved: int = 0
    late_directives: int = 0


def _live_counts(w: _Window) -> _Counts:
    """Every count from the rows themselves: eleven aggregate queries whatever the data size."""
    counts = _Counts()
    conferences = _base_conferences(w)
    conf = conferences.aggregate(n=Count("id"), held=Count("id", filter=Q(status=ConferenceStatus.HELD)))
    counts.conferences, counts.conferences_held = conf["n"], conf["held"]
    counts.participants = Participant.objects.filter(conference__in=conferences.values("pk"), attended=True).count()
    counts.interventions = SpeakerRequest.objects.filter(
        conference__in=conferences.values("pk"), status=SpeakerStatus.DONE
    ).count()

    # Petitions: one pass grouped by what the breakdowns need. COUNT(*), not COUNT(id): the
    # petition queries then read only columns an index on the receipt date can hold.
    petitions = _base_petitions(w)
    combos = list(
        petitions.values("field_id", "level", "channel", "status")
        .annotate(n=Count("*"), repeats=Count("repeat_of"))
        .order_by()
    )
    counts.petitions = sum(r["n"] for r in combos)
    counts.repeats = sum(r["repeats"] for r in combos)
    for row in combos:
        for name, counter in counts.by.items():
            counter[row[name]] += row["n"]

    # Receipt dates (all, answered, resolved) and the answer / resolution dates.
    received = list(
        petitions.values("received_on")
        .annotate(
            n=Count("*"),
            # (Django refuses COUNT(*) with a filter; received_on is never empty.)
            answered=Count("received_on", filter=_Q_PETITION_ANSWERED),
            resolved=Count("received_on", filter=_Q_PETITION_RESOLVED),
        )
        .order_by()
    )
    approved_days = (
        petitions.filter(_Q_PETITION_ANSWERED)
        .values(day=LocalDate("group__approved_at"))
        .annotate(n=Count("*"))
        .values_list("day", "n")
        .order_by()
    )
    resolved_days = (
        petitions.filter(_Q_PETITION_RESOLVED)
        .values(day=LocalDate("group__resolved_at"))
        .annotate(n=Count("*"))
        .values_list("day", "n")
        .order_by()
    )
    counts.per_day = {r["received_on"]: r["n"] for r in received}
    counts.answered_petitions = sum(r["answered"] for r in received)
    counts.resolved_petitions = sum(r["resolved"] for r in received)
    counts.avg_answer = _working_day_average([(r["received_on"], r["answered"]) for r in received], approved_days)
    counts.avg_resolve = _working_day_average([(r["received_on"], r["resolved"]) for r in received], resolved_days)

    # Petition groups: every figure in one pass, by the unit that must act.
    conditions = _group_conditions(w)
    any_group = reduce(operator.or_, conditions.values())
    group_rows = list(
        _annotated_groups(_base_groups(w))
        .filter(any_group)
        .values("lead_unit_id")
        .annotate(**{name: Count("id", filter=condition) for name, condition in conditions.items()})
        .order_by()
    )
    counts.groups = {name: sum(r[name] for r in group_rows) for name in conditions}

    # Directives: issued in the period by status, resolved in the period, late by unit.
    dconds = _directive_conditions(w)
    directive_rows = list(
        _annotated_directives(_base_directives(w))
        .filter(dconds["issued"] | dconds["resolved"] | dconds["late"])
        .values("lead_unit_id", "status")
        .annotate(**{name: Count("id", filter=condition) for name, condition in dconds.items()})
        .order_by()
    )
    for row in directive_rows:
        counts.directives_by_status[row["status"]] += row["issued"]
        counts.late[row["lead_unit_id"]][0] += row["late"]
    counts.directives_resolved = sum(r["resolved"] for r in directive_rows)
    counts.late_directives = sum(r["late"] for r in directive_rows)
    for row in group_rows:
        counts.late[row["lead_unit_id"]][1] += row["late_answers"]
        counts.late[row["lead_unit_id"]][2] += row["late_resolution"]
    return counts


def _open_counts(w: _Window, counts: _Counts) -> None:
    """What is open now, counted live even with a snapshot: written answers overdue or not
    yet due, and the late answers, resolutions and directives by the unit that must act.
    Open items are few whatever the history (partial indexes on petition groups)."""
    conditions = _group_conditions(w)
    wanted = {name: conditions[name] for name in ("overdue", "pending", "late_answers", "late_resolution")}
    group_rows = list(
        _base_groups(w)
        .filter(reduce(operator.or_, wanted.values()))
        .values("lead_unit_id")
        .annotate(**{name: Count("id", filter=condition) for name, condition in wanted.items()})
        .order_by()
    )
    for name in wanted:
        counts.groups[name] = sum(r[name] for r in group_rows)
    for row in group_rows:
        counts.late[row["lead_unit_id"]][1] += row["late_answers"]
        counts.late[row["lead_unit_id"]][2] += row["late_resolution"]
    directive_rows = list(
        _base_directives(w)
        .filter(_directive_conditions(w)["late"])
        .values("lead_unit_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in directive_rows:
        counts.late[row["lead_unit_id"]][0] += row["n"]
    counts.late_directives = sum(r["n"] for r in directive_rows)


def _snapshot_counts(w: _Window, snapshot) -> _Counts:
    """The same counts from a snapshot's daily figures (summary.py); what is late is read
    from it when the period's "late" day is the snapshot's day, else counted live."""
    summed = summary.read(snapshot, w.unit.pk if w.unit else None, w.start, w.end, w.late_before)
    period = summed.period
    counts = _Counts(
        conferences=period.get(("conferences", ""), 0),
        conferences_held=period.get(("conferences", "held"), 0),
        participants=period.get(("participants", ""), 0),
        interventions=period.get(("interventions", ""), 0),
        petitions=period.get(("petitions", ""), 0),
        repeats=period.get(("repeats", ""), 0),
        per_day=summed.per_day,
        answered_petitions=period.get(("answered", ""), 0),
        resolved_petitions=period.get(("resolved", ""), 0),
        directives_resolved=period.get(("directives_resolved", ""), 0),
    )
    for (metric, key), value in period.items():
        if metric == "field":
            counts.by["field_id"][int(key) if key else None] += value
        elif metric in ("level", "channel", "status"):
            counts.by[metric][key] += value
        elif metric == "directives":
            counts.directives_by_status[key] += value
    if counts.answered_petitions:
        counts.avg_answer = period.get(("answer_days", ""), 0) / counts.answered_petitions
    if counts.resolved_petitions:
        counts.avg_resolve = period.get(("resolve_days", ""), 0) / counts.resolved_petitions
    counts.groups = {
        "due": period.get(("answers_due", ""), 0),
        "on_time": period.get(("answered_on_time", ""), 0),
        "late": period.get(("answered_late", ""), 0),
        "resolved": period.get(("groups_resolved", ""), 0),
    }
    if summed.late is None:
        _open_counts(w, counts)
        return counts
    counts.groups.update(overdue=summed.overdue, pending=summed.pending, late_answers=0, late_resolution=0)
    slot = {"late_directives": 0, "late_answers": 1, "late_resolution": 2}
    for (metric, key), value in summed.late.items():
        counts.late[int(key) if key else None][slot[metric]] += value
        if metric == "late_directives":
            counts.late_directives += value
        else:
            counts.groups[metric] += value
    return counts


def unit_statistics(
    *, unit: Unit | None, start: date, end: date, today: date | None = None, live: bool = False
) -> Statistics:
    """Every figure for `unit`'s subtree (None: the whole country) from `start` to `end`.

    The whole country and a root of the tree (a province) are read from the worker's latest
    snapshot of daily figures when there is a recent one (summary.py; `as_of` says when it
    was made), unless `live`; anything else is counted from the rows.
    Not scoped: the caller has checked the person may see `unit` (statistics_for_user)."""
    w = _window(unit, start, end, today)
    snapshot = None
    if not live and (unit is None or unit.parent_id is None):
        snapshot = summary.current_snapshot()
    counts = _snapshot_counts(w, snapshot) if snapshot else _live_counts(w)
    total = counts.petitions
    sums = counts.by
    fields = dict(Field.objects.filter(pk__in=[k for k in sums["field_id"] if k]).values_list("pk", "name"))
    by_field = sorted(
        (
            _share("field", str(k) if k else NONE_KEY, fields.get(k) or _("Not yet classified"), n, total)
            for k, n in sums["field_id"].items()
        ),
        key=lambda s: (s.key == NONE_KEY, -s.count, s.label),
    )
    by_level = _shares("level", sums["level"], [*JurisdictionLevel.choices, ("", _("Not yet classified"))], total)
    by_channel = sorted(_shares("channel", sums["channel"], Channel.choices, total), key=lambda s: -s.count)
    by_status = _shares("status", sums["status"], PetitionStatus.choices, total)
    directives_issued = sum(counts.directives_by_status.values())
    directives_by_status = _shares(
        "directives", counts.directives_by_status, DirectiveStatus.choices, directives_issued
    )
    late = {k: v for k, v in counts.late.items() if any(v)}
    names = dict(Unit.objects.filter(pk__in=[k for k in late if k]).values_list("pk", "name"))
    late_by_unit = sorted(
        (LateRow(k, names.get(k, "") if k else str(_("No unit named")), *v) for k, v in late.items()),
        key=lambda r: (-r.total, r.unit_name),
    )
    groups = counts.groups
    return Statistics(
        unit=unit,
        start=w.start,
        end=w.end,
        late_before=w.late_before,
        conferences=counts.conferences,
        conferences_held=counts.conferences_held,
        participants=counts.participants,
        interventions=counts.interventions,
        petitions=total,
        repeats=counts.repeats,
        by_field=tuple(by_field),
        by_level=tuple(by_level),
        by_channel=tuple(by_channel),
        by_status=tuple(by_status),
        by_month=_months(w, counts.per_day),
        answers_due=groups["due"],
        answered_on_time=groups["on_time"],
        answered_late=groups["late"],
        answers_overdue=groups["overdue"],
        answers_pending=groups["pending"],
        answered_petitions=counts.answered_petitions,
        avg_days_to_answer=counts.avg_answer,
        resolved_petitions=counts.resolved_petitions,
        avg_days_to_resolve=counts.avg_resolve,
        groups_resolved=groups["resolved"],
        directives_resolved=counts.directives_resolved,
        directives_issued=directives_issued,
        directives_by_status=tuple(directives_by_status),
        late_directives=counts.late_directives,
        late_answers=groups["late_answers"],
        late_resolution=groups["late_resolution"],
        late_by_unit=tuple(late_by_unit),
        as_of=snapshot.finished_at if snapshot else None,
    )


# ---------------------------------------------------------------- scope


def can_view_statistics(user) -> bool:
    return user_can(user, Capability.STATISTICS_VIEW)


def is_national(user) -> bool:
    """Whether the person's statistics cover the whole country (a national role)."""
    return scope_paths(user, Capability.STATISTICS_VIEW) is None


def statistics_unit_for_user(*, user, unit_pk: int | None) -> Unit | None:
    """The unit whose statistics the person asks for (None: the whole country).
    403 without the capability; 404 for a unit outside their scope, or for the whole
    country when they have no national role."""
    if not can_view_statistics(user):
        raise PermissionDenied
    if unit_pk is None:
        if is_national(user):
            return None
        raise Http404
    unit = Unit.objects.select_related("kind").filter(pk=unit_pk).first()
    if unit is None or not user_can(user, Capability.STATISTICS_VIEW, unit):
        raise Http404
    return unit


def default_unit_pk(user) -> int | None:
    """Where the dashboard opens: the whole country for a national role, else the
    person's outermost unit (the highest level first)."""
    paths = scope_paths(user, Capability.STATISTICS_VIEW)
    if paths is None:
        return None
    outer = Unit.objects.filter(path__in=paths).order_by("level", "depth", "name_folded").first()
    if outer is None:
        raise PermissionDenied
    return outer.pk


def statistics_for_user(*, user, unit_pk: int | None, start: date, end: date, today: date | None = None) -> Statistics:
    unit = statistics_unit_for_user(user=user, unit_pk=unit_pk)
    return unit_statistics(unit=unit, start=start, end=end, today=today)


@dataclass(frozen=True)
class UnitChoice:
    pk: int | None
    label: str
    depth: int

    @property
    def indent(self) -> str:
        """Non-breaking spaces that show the tree in a <select>."""
        return "\u00a0" * 3 * self.depth


def statistics_unit_choices(*, user, current: Unit | None) -> list[UnitChoice]:
    """The unit picker: the whole country (national roles), the provinces, districts and
    communes in the person's scope (for a national role, the provinces and the communes of
    the province being looked at), and the person's own units when they are not
    administrative ones. Villages are left out (reachable by address)."""
    paths = scope_paths(user, Capability.STATISTICS_VIEW)
    admin_levels = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)
    units = Unit.objects.filter(status=UnitStatus.ACTIVE, kind__category=UnitCategory.ADMINISTRATIVE)
    choices: list[UnitChoice] = []
    if paths is None:
        choices.append(UnitChoice(None, str(_("The whole country")), 0))
        q = Q(level=Level.PROVINCE, parent__isnull=True)
        if current is not None:
            root = current.path.split("/")[1]
            q |= Q(path__startswith=f"/{root}/", level__in=admin_levels)
        rows = units.filter(q)
    else:
        if not paths:
            return []
        q = Q(pk__in=[])
        for path in paths:
            q |= Q(path__startswith=path)
        rows = units.filter(q, level__in=admin_levels) | Unit.objects.filter(path__in=paths)
    rows = list(rows.distinct().values_list("pk", "name", "depth", "path", "name_folded"))
    if current is not None and all(row[0] != current.pk for row in rows):
        rows.append((current.pk, current.name, current.depth, current.path, current.name_folded))
    # Each unit followed by the units under it, by name without accents (Đ sorts as D).
    folded = {row[3]: row[4] for row in rows}

    def sort_key(row):
        parts = row[3].strip("/").split("/")
        chain = ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]
        return [folded[p] for p in chain if p in folded]

    rows.sort(key=sort_key)
    top = min((row[2] for row in rows), default=0)
    shift = 1 if paths is None else 0
    choices += [UnitChoice(pk, name, depth - top + shift) for pk, name, depth, _, _ in rows]
    return choices


# ---------------------------------------------------------------- rows behind a figure

# metric -> (kind of row, title)
METRICS: dict[str, tuple[str, object]] = {
    "conferences": ("conference", _("Conferences")),
    "participants": ("participant", _("Participants checked in")),
    "interventions": ("intervention", _("Interventions at the conferences")),
    "petitions": ("petition", _("Petitions received")),
    "field": ("petition", _("Petitions received, by field")),
    "level": ("petition", _("Petitions received, by jurisdiction")),
    "channel": ("petition", _("Petitions received, by channel")),
    "status": ("petition", _("Petitions received, by status")),
    "month": ("petition", _("Petitions received in the month")),
    "year": ("petition", _("Petitions received in the year")),
    "answers": ("group", _("Written answers due in the period")),
    "groups_resolved": ("group", _("Petition groups resolved in the period")),
    "late_answers": ("group", _("Petition groups with a late answer")),
    "late_resolution": ("group", _("Petition groups late to be resolved")),
    "directives": ("directive", _("Directives of notices issued in the period")),
    "directives_resolved": ("directive", _("Directives resolved in the period")),
    "late_directives": ("directive", _("Late directives")),
}


@dataclass(frozen=True)
class Rows:
    kind: str  # conference, participant, intervention, petition, group, directive
    title: str
    detail: str  # what the key chose ("Đất đai", "Sở Xây dựng"), or ""
    queryset: QuerySet


def _int_key(key: str) -> int:
    try:
        return int(key)
    except (TypeError, ValueError):
        raise Http404 from None


def _unit_key(q_field: str, key: str) -> tuple[Q, str]:
    if not key:
        return Q(), ""
    if key == NONE_KEY:
        return Q(**{f"{q_field}__isnull": True}), str(_("No unit named"))
    pk = _int_key(key)
    return Q(**{q_field: pk}), Unit.objects.filter(pk=pk).values_list("name", flat=True).first() or ""


def _labelled(choices, key: str, rows: QuerySet) -> str:
    """The label of a code; an old code no choice names is its own label while rows still
    have it (the breakdown shows it), anything else is 404."""
    label = dict(choices).get(key)
    if label is None:
        if not key or not rows.exists():
            raise Http404
        return key
    return str(label)


def _petition_rows(w: _Window, metric: str, key: str) -> tuple[QuerySet, str]:
    qs = _base_petitions(w)
    if metric == "petitions":
        extra = {
            "": (Q(), ""),
            "repeat": (Q(repeat_of__isnull=False), _("Raised before")),
            "answered": (_Q_PETITION_ANSWERED, _("With an approved answer")),
            "resolved": (_Q_PETITION_RESOLVED, _("Resolved")),
        }
        if key not in extra:
            raise Http404
        q, detail = extra[key]
        return qs.filter(q), str(detail)
    if metric == "field":
        if key == NONE_KEY:
            return qs.filter(field__isnull=True), str(_("Not yet classified"))
        found = Field.objects.filter(pk=_int_key(key)).first()
        if found is None:
            raise Http404
        return qs.filter(field=found), found.name
    if metric == "level":
        if key == NONE_KEY:
            return qs.filter(level=""), str(_("Not yet classified"))
        return qs.filter(level=key), _labelled(JurisdictionLevel.choices, key, qs.filter(level=key))
    if metric == "channel":
        return qs.filter(channel=key), _labelled(Channel.choices, key, qs.filter(channel=key))
    if metric == "status":
        return qs.filter(status=key), _labelled(PetitionStatus.choices, key, qs.filter(status=key))
    # month / year: the part of the period inside it.
    try:
        if metric == "month":
            year, month = (int(x) for x in key.split("-"))
            lo, hi = date(year, month, 1), date(year, month, std_calendar.monthrange(year, month)[1])
            label = f"{month:02d}/{year}"
        else:
            year = int(key)
            lo, hi, label = date(year, 1, 1), date(year, 12, 31), str(year)
    except ValueError:
        raise Http404 from None
    return qs.filter(received_on__range=(max(lo, w.start), min(hi, w.end))), label


def rows_behind(*, user, unit: Unit | None, start: date, end: date, metric: str, key: str = "", today=None) -> Rows:
    """The rows one figure of the dashboard counts, for the person (same scope rules as
    statistics_for_user); 404 for an unknown metric or key."""
    if not can_view_statistics(user):
        raise PermissionDenied
    if (unit is None and not is_national(user)) or (
        unit is not None and not user_can(user, Capability.STATISTICS_VIEW, unit)
    ):
        raise Http404
    if metric not in METRICS:
        raise Http404
    kind, title = METRICS[metric]
    w = _window(unit, start, end, today)
    detail = ""
    if kind in ("conference", "participant", "intervention"):
        conferences = _base_conferences(w)
        if kind == "conference":
            if key not in ("", "held"):
                raise Http404
            qs = conferences.filter(status=ConferenceStatus.HELD) if key == "held" else conferences
            detail = str(_("Held")) if key == "held" else ""
        elif key:
            raise Http404
        elif kind == "participant":
            qs = Participant.objects.filter(conference__in=conferences.values("pk"), attended=True)
        else:
            qs = SpeakerRequest.objects.filter(conference__in=conferences.values("pk"), status=SpeakerStatus.DONE)
    elif kind == "petition":
        qs, detail = _petition_rows(w, metric, key)
    elif kind == "group":
        conditions = _group_conditions(w)
        qs = _annotated_groups(_base_groups(w))
        if metric == "answers":
            labels = {
                "due": _("Due in the period"),
                "on_time": _("Answered on time"),
                "late": _("Answered late"),
                "overdue": _("Overdue, not answered"),
                "pending": _("Not yet due"),
            }
            if key not in labels:
                raise Http404
            qs, detail = qs.filter(conditions[key]), str(labels[key])
        elif metric == "groups_resolved":
            if key:
                raise Http404
            qs = qs.filter(conditions["resolved"])
        else:
            unit_q, detail = _unit_key("lead_unit_id", key)
            qs = qs.filter(conditions[metric], unit_q)
    else:
        conditions = _directive_conditions(w)
        qs = _annotated_directives(_base_directives(w))
        if metric == "directives":
            qs = qs.filter(conditions["issued"])
            if key:
                qs = qs.filter(status=key)
                detail = _labelled(DirectiveStatus.choices, key, qs)
        elif metric == "directives_resolved":
            if key:
                raise Http404
            qs = qs.filter(conditions["resolved"])
        else:
            unit_q, detail = _unit_key("lead_unit_id", key)
            qs = qs.filter(conditions["late"], unit_q)
    return Rows(kind, str(title), detail, _ordered(kind, qs))


def _ordered(kind: str, qs: QuerySet) -> QuerySet:
    if kind == "conference":
        return (
            qs.select_related("host_unit", "plan")
            .annotate(present=Count("participants", filter=Q(participants__attended=True), distinct=True))
            .order_by("-date", "-id")
        )
    if kind == "participant":
        return qs.select_related("conference", "conference__host_unit").order_by(
            "-conference__date", "conference_id", "id"
        )
    if kind == "intervention":
        return qs.select_related("conference", "conference__host_unit", "answered_by_unit").order_by(
            "-conference__date", "conference_id", "position", "id"
        )
    if kind == "petition":
        return qs.select_related("field", "receiving_unit", "group").order_by("-received_on", "-id")
    if kind == "group":
        return (
            qs.select_related("lead_unit", "receiving_unit", "field")
            .annotate(approved_on=LocalDate("approved_at"))
            .order_by(F("due_date").asc(nulls_last=True), "id")
        )
    return qs.select_related("lead_unit", "conclusion").order_by(F("due_date").asc(nulls_last=True), "id")
