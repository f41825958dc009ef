"""Materialised daily figures for national scale (issue 8): the worker's refresh and the
dashboard's reading.

Counting the whole country's figures from ten million petitions takes seconds at every
visit (bench/national.py). `figures_refresh` counts them once, per day, for every root of
the unit tree (the provinces, and any central body at the root) and for the whole country,
into `DailyFigure` rows of a new `Snapshot`, and adds the summed metrics up by calendar
month into `MonthlyFigure` rows; `unit_statistics` then reads the whole months of its
period and the days at either end, for the country or a province, instead of a million
petitions (ten years of the country: about 120 rows of each figure, not 3,650). Units
below a province are counted live, as before: their petitions are few and their index
is selective.

Each figure keeps the definition of docs/statistics.md; the day it is counted on is the
day the dashboard's period filters on:

| metric | day | key | counts |
| --- | --- | --- | --- |
| conferences | conference date | "" or "held" | conferences not cancelled (held) |
| participants, interventions | conference date | | checked in; speakers who took the floor |
| petitions, repeats, answered, resolved | receipt | | petitions; raised before; with an approved answer; resolved |
| field, level, channel, status | receipt | the code ("" none) | petitions by each breakdown |
| answer_days, resolve_days | receipt | | working days from receipt to the answer / resolution, summed |
| answers_due, answered_on_time, answered_late | answer due date | | written answers |
| groups_resolved | local date resolved | | petition groups resolved or closed |
| directives | notice issued | status | directives of issued notices |
| directives_resolved | local date resolved (or closed) | | directives resolved or closed |

| unapproved | answer due date | | written answers not yet approved (overdue, not yet due) |
| late_answers, late_resolution, late_directives | the snapshot's day | lead unit | late on that day |

What is late is counted once, for the snapshot's day (`Snapshot.day`), by the unit that
must act: that is the "late" day of every period that ends today, which is what the
dashboard opens on. For a period over before that day the late figures are counted live
(`selectors._open_counts`): late items are few, and kept per day and unit they would make
most of a snapshot's rows.

A snapshot is used only when it is finished and younger than
STATISTICS_SUMMARY_MAX_AGE_MINUTES (default 180): if the worker stops, the dashboard goes
back to live counting rather than show old figures. The refresh does nothing but delete
the snapshots while the database holds fewer than STATISTICS_SUMMARY_MIN_PETITIONS
petitions (default 200,000): a province's installation counts live, always current.
Statuses are those of the refresh; the dashboard says when it was made.
"""

from __future__ import annotations

import time as clock
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import CharField, Count, F, Func, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast, Coalesce, TruncMonth
from django.utils import timezone
from django_tasks import task

from dialogue.conclusions.models import OPEN_DIRECTIVE_STATUSES, ConclusionStatus, Directive
from dialogue.petitions.models import AnswerMode, GroupStatus, Petition, PetitionGroup
from dialogue.plans.models import Conference, ConferenceStatus, Participant
from dialogue.proceedings.models import SpeakerRequest, SpeakerStatus
from dialogue.statistics.models import DailyFigure, MonthlyFigure, Snapshot, WorkingDayIndex
from dialogue.workcalendar.selectors import get_calendar

# Metrics summed over the days of the period; what is late on the snapshot's day.
LATE_METRICS = ("late_answers", "late_resolution", "late_directives")
PERIOD_METRICS = (
    "conferences", "participants", "interventions", "petitions", "repeats", "field", "level", "channel", "status",
    "answered", "resolved", "answer_days", "resolve_days", "answers_due", "answered_on_time", "answered_late",
    "groups_resolved", "directives", "directives_resolved",
)  # fmt: skip

DEFAULT_MIN_PETITIONS = 200_000
DEFAULT_MAX_AGE_MINUTES = 180
DEFAULT_REFRESH_MINUTES = 60


def min_petitions() -> int:
    return int(getattr(settings, "STATISTICS_SUMMARY_MIN_PETITIONS", DEFAULT_MIN_PETITIONS))


def max_age() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "STATISTICS_SUMMARY_MAX_AGE_MINUTES", DEFAULT_MAX_AGE_MINUTES)))


# ---------------------------------------------------------------- SQL helpers


class PathRoot(Func):
    """The id of the root of a tree path: '/571/3356/' -> 571."""

    output_field = IntegerField()

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(split_part({sql}, '/', 2) AS integer)", params

    def as_sql(self, compiler, connection, **extra_context):  # SQLite
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(substr({sql}, 2, instr(substr({sql}, 2), '/') - 1) AS integer)", (*params, *params)


def _key(expression) -> Coalesce:
    """A breakdown's code as text, "" for none."""
    return Coalesce(Cast(expression, CharField()), Value(""))


def _local_date(name: str):
    from dialogue.statistics.selectors import LocalDate  # the dashboard's own definition

    return LocalDate(name)


@dataclass(frozen=True)
class _Branch:
    """One metric made from the rows of a grouped query: (metric, key column or None,
    value expression over the query's columns, columns to group the query's rows by)."""

    metric: str
    key: str | None  # a column of the query, a quoted literal, or None for ""
    value: str


def _insert(cursor, snapshot: int, qs: QuerySet, branches: list[_Branch], *, regroup: bool) -> None:
    """INSERT the metrics of `branches` from the grouped query `qs` (columns root, day and
    the keys) in one statement: the query runs once as a common table expression. With
    `regroup`, each branch adds the query's rows up again by (root, day, its key)."""
    sql, params = qs.query.sql_with_params()
    table = DailyFigure._meta.db_table
    selects = []
    for branch in branches:
        key = "''" if not branch.key else branch.key if branch.key.startswith("'") else f"s.{branch.key}"
        group = f" GROUP BY s.root, s.day{', ' + key if branch.key else ''}" if regroup else ""
        value = f"SUM({branch.value})" if regroup else branch.value
        selects.append(f"SELECT {snapshot}, s.root, s.day, '{branch.metric}', {key}, {value} FROM s{group}")  # noqa: S608
    statement = (
        f"WITH s AS ({sql}) INSERT INTO {table} (snapshot_id, unit_id, day, metric, key, value) "
        + " UNION ALL ".join(selects)
    )
    cursor.execute(statement, params)


def _grouped(qs: QuerySet, root_path: str, day, **keys) -> QuerySet:
    """`qs` annotated with root and day (and keys), grouped by them."""
    qs = qs.annotate(root=PathRoot(root_path), day=day, **keys)
    return qs.values("root", "day", *keys).order_by()


# ---------------------------------------------------------------- refresh


def _petition_figures(cursor, snapshot: int) -> None:
    answered = Q(group__status=GroupStatus.APPROVED, group__approved_at__isnull=False)
    resolved = Q(group__followup_status__in=("resolved", "closed"), group__resolved_at__isnull=False)
    combos = _grouped(
        Petition.objects.all(),
        "receiving_unit__path",
        F("received_on"),
        field_key=_key("field_id"),
        level_key=F("level"),
        channel_key=F("channel"),
        status_key=F("status"),
    ).annotate(
        n=Count("*"),
        repeats=Count("repeat_of"),
        answered=Count("received_on", filter=answered),
        resolved=Count("received_on", filter=resolved),
    )
    _insert(
        cursor,
        snapshot,
        combos,
        [
            _Branch("petitions", None, "s.n"),
            _Branch("repeats", None, "s.repeats"),
            _Branch("answered", None, "s.answered"),
            _Branch("resolved", None, "s.resolved"),
            _Branch("field", "field_key", "s.n"),
            _Branch("level", "level_key", "s.n"),
            _Branch("channel", "channel_key", "s.n"),
            _Branch("status", "status_key", "s.n"),
        ],
        regroup=True,
    )
    # Working days to the answer and to the resolution: rows (root, receipt, end day),
    # each end and start replaced by its running count of working days.
    table = DailyFigure._meta.db_table
    days = WorkingDayIndex._meta.db_table
    for metric, condition, moment in (
        ("answer_days", answered, "group__approved_at"),
        ("resolve_days", resolved, "group__resolved_at"),
    ):
        pairs = _grouped(
            Petition.objects.filter(condition), "receiving_unit__path", F("received_on"), end_day=_local_date(moment)
        ).annotate(n=Count("*"))
        sql, params = pairs.query.sql_with_params()
        cursor.execute(
            f"WITH s AS ({sql}) INSERT INTO {table} (snapshot_id, unit_id, day, metric, key, value) "  # noqa: S608
            f"SELECT {snapshot}, s.root, s.day, '{metric}', '', SUM(s.n * (e.working_days - b.working_days)) FROM s "
            f"JOIN {days} b ON b.day = s.day JOIN {days} e ON e.day = s.end_day GROUP BY s.root, s.day",
            params,
        )


def _open_figures(cursor, snapshot: int, day: date) -> None:
    """What is late on the snapshot's day, by the unit that must act (counted on `day`):
    written answers not approved and follow-ups open past their due date, open directives
    of issued notices past theirs."""
    late = {
        "late_answers": PetitionGroup.objects.filter(answer_mode=AnswerMode.WRITTEN, due_date__lt=day).exclude(
            status=GroupStatus.APPROVED
        ),
        "late_resolution": PetitionGroup.objects.filter(
            followup_status__in=OPEN_DIRECTIVE_STATUSES, resolve_due__lt=day
        ),
    }
    for metric, qs in late.items():
        rows = _grouped(qs, "receiving_unit__path", Value(day), lead_key=_key("lead_unit_id")).annotate(n=Count("*"))
        _insert(cursor, snapshot, rows, [_Branch(metric, "lead_key", "s.n")], regroup=False)
    directives = Directive.objects.filter(
        conclusion__status=ConclusionStatus.ISSUED, status__in=OPEN_DIRECTIVE_STATUSES, due_date__lt=day
    )
    rows = _grouped(directives, "conclusion__issuing_unit__path", Value(day), lead_key=_key("lead_unit_id")).annotate(
        n=Count("*")
    )
    _insert(cursor, snapshot, rows, [_Branch("late_directives", "lead_key", "s.n")], regroup=False)


def _group_figures(cursor, snapshot: int) -> None:
    written = Q(answer_mode=AnswerMode.WRITTEN, due_date__isnull=False)
    approved = Q(status=GroupStatus.APPROVED)
    groups = PetitionGroup.objects.filter(written).alias(approved_day=_local_date("approved_at"))
    due = _grouped(groups, "receiving_unit__path", F("due_date")).annotate(
        due=Count("*"),
        on_time=Count("due_date", filter=approved & Q(approved_day__lte=F("due_date"))),
        late=Count("due_date", filter=approved & (Q(approved_at__isnull=True) | Q(approved_day__gt=F("due_date")))),
        unapproved=Count("due_date", filter=~approved),
    )
    _insert(
        cursor,
        snapshot,
        due,
        [
            _Branch("answers_due", None, "s.due"),
            _Branch("answered_on_time", None, "s.on_time"),
            _Branch("answered_late", None, "s.late"),
            _Branch("unapproved", None, "s.unapproved"),
        ],
        regroup=False,
    )
    resolved = _grouped(
        PetitionGroup.objects.filter(followup_status__in=("resolved", "closed"), resolved_at__isnull=False),
        "receiving_unit__path",
        _local_date("resolved_at"),
    ).annotate(n=Count("*"))
    _insert(cursor, snapshot, resolved, [_Branch("groups_resolved", None, "s.n")], regroup=False)


def _directive_figures(cursor, snapshot: int) -> None:
    issued = Directive.objects.filter(conclusion__status=ConclusionStatus.ISSUED)
    path = "conclusion__issuing_unit__path"
    by_status = _grouped(
        issued.filter(conclusion__issued_on__isnull=False),
        path,
        F("conclusion__issued_on"),
        status_key=F("status"),
    ).annotate(n=Count("*"))
    _insert(cursor, snapshot, by_status, [_Branch("directives", "status_key", "s.n")], regroup=False)
    done = _grouped(
        issued.filter(status__in=("resolved", "closed"))
        .alias(done_at=Coalesce("resolved_at", "closed_at"))
        .filter(done_at__isnull=False),
        path,
        _local_date("done_at"),
    ).annotate(n=Count("*"))
    _insert(cursor, snapshot, done, [_Branch("directives_resolved", None, "s.n")], regroup=False)


def _conference_figures(cursor, snapshot: int) -> None:
    # A conference still being planned may have no date yet: it falls in no period.
    live = Conference.objects.exclude(status=ConferenceStatus.CANCELLED).filter(date__isnull=False)
    conferences = _grouped(live, "host_unit__path", F("date")).annotate(
        n=Count("*"), held=Count("date", filter=Q(status=ConferenceStatus.HELD))
    )
    _insert(
        cursor,
        snapshot,
        conferences,
        [_Branch("conferences", None, "s.n"), _Branch("conferences", "'held'", "s.held")],
        regroup=False,
    )
    for metric, qs in (
        ("participants", Participant.objects.filter(attended=True)),
        ("interventions", SpeakerRequest.objects.filter(status=SpeakerStatus.DONE)),
    ):
        live_only = qs.exclude(conference__status=ConferenceStatus.CANCELLED).filter(conference__date__isnull=False)
        rows = _grouped(live_only, "conference__host_unit__path", F("conference__date")).annotate(n=Count("*"))
        _insert(cursor, snapshot, rows, [_Branch(metric, None, "s.n")], regroup=False)


def _monthly_figures(cursor, snapshot: int) -> None:
    """The summed metrics of the snapshot's days added up by calendar month, for every
    unit and for the country. What is late and the unapproved answers are read by day."""
    months = (
        DailyFigure.objects.filter(snapshot_id=snapshot, metric__in=PERIOD_METRICS)
        .annotate(month=TruncMonth("day"))
        .values("unit_id", "month", "metric", "key")
        .annotate(total=Sum("value"))
        .order_by()
    )
    sql, params = months.query.sql_with_params()
    cursor.execute(
        f"INSERT INTO {MonthlyFigure._meta.db_table} (snapshot_id, unit_id, month, metric, key, value) "  # noqa: S608
        f"SELECT {snapshot}, s.unit_id, s.month, s.metric, s.key, s.total FROM ({sql}) s",
        params,
    )


def _working_day_index() -> None:
    """The running count of working days over every date the figures may join on."""
    bounds = []
    for qs, name in ((Petition.objects, "received_on"), (PetitionGroup.objects, "approved_at"),
                     (PetitionGroup.objects, "resolved_at")):  # fmt: skip
        first = qs.order_by(name).exclude(**{f"{name}__isnull": True}).values_list(name, flat=True).first()
        last = qs.order_by(f"-{name}").exclude(**{f"{name}__isnull": True}).values_list(name, flat=True).first()
        for value in (first, last):
            if isinstance(value, datetime):
                value = timezone.localdate(value)
            if value is not None:
                bounds.append(value)
    WorkingDayIndex.objects.all().delete()
    if not bounds:
        return
    calendar = get_calendar()
    day, last = min(bounds) - timedelta(days=1), max(bounds) + timedelta(days=1)
    rows, count = [], 0
    while day <= last:
        if calendar.is_working_day(day):
            count += 1
        rows.append(WorkingDayIndex(day=day, working_days=count))
        day += timedelta(days=1)
    WorkingDayIndex.objects.bulk_create(rows, batch_size=2000)


def figures_refresh(*, force: bool = False) -> Snapshot | None:
    """Count every figure of the dashboard per day, per root unit and for the country, into
    a new snapshot; delete the older ones. Below STATISTICS_SUMMARY_MIN_PETITIONS petitions
    (unless `force`) only delete them: the dashboard counts live. Returns the snapshot."""
    global _none_seen_at
    _none_seen_at = None
    started = clock.perf_counter()
    petitions = Petition.objects.count()
    if petitions < min_petitions() and not force:
        Snapshot.objects.all().delete()
        return None
    table = DailyFigure._meta.db_table
    with transaction.atomic():
        snapshot = Snapshot.objects.create(started_at=timezone.now(), day=timezone.localdate(), petitions=petitions)
        _working_day_index()
        with connection.cursor() as cursor:
            _conference_figures(cursor, snapshot.pk)
            _petition_figures(cursor, snapshot.pk)
            _group_figures(cursor, snapshot.pk)
            _directive_figures(cursor, snapshot.pk)
            _open_figures(cursor, snapshot.pk, snapshot.day)
            # Zero rows say nothing; the whole country is the sum of its roots.
            cursor.execute(f"DELETE FROM {table} WHERE snapshot_id = %s AND value = 0", [snapshot.pk])  # noqa: S608
            cursor.execute(
                f"INSERT INTO {table} (snapshot_id, unit_id, day, metric, key, value) "  # noqa: S608
                f"SELECT snapshot_id, NULL, day, metric, key, SUM(value) FROM {table} WHERE snapshot_id = %s "
                "AND unit_id IS NOT NULL GROUP BY snapshot_id, day, metric, key",
                [snapshot.pk],
            )
            _monthly_figures(cursor, snapshot.pk)
        snapshot.monthly = True
        snapshot.rows = DailyFigure.objects.filter(snapshot=snapshot).count()
        snapshot.finished_at = timezone.now()
        snapshot.seconds = round(clock.perf_counter() - started, 1)
        snapshot.save(update_fields=["rows", "finished_at", "seconds", "monthly"])
    # The dashboard reads the newest finished snapshot; the others go.
    Snapshot.objects.exclude(pk=snapshot.pk).delete()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Planner statistics, and the visibility map without which the reads are not
        # index-only (autovacuum would come later). Not possible inside a transaction.
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {table}")
            cursor.execute(f"VACUUM (ANALYZE) {MonthlyFigure._meta.db_table}")
    return snapshot


# ---------------------------------------------------------------- reading


# When this process last found no snapshot at all (monotonic seconds): a small
# installation never has one, and its dashboard then runs no extra query for a minute.
_none_seen_at: float | None = None
NONE_RECHECK_SECONDS = 60


def current_snapshot(*, now: datetime | None = None) -> Snapshot | None:
    """The newest finished snapshot, if it is recent enough to be shown."""
    global _none_seen_at
    if _none_seen_at is not None and clock.monotonic() - _none_seen_at < NONE_RECHECK_SECONDS:
        return None
    snapshot = Snapshot.objects.filter(finished_at__isnull=False).order_by("-finished_at", "-id").first()
    if snapshot is None:
        _none_seen_at = clock.monotonic()
        return None
    _none_seen_at = None
    if snapshot.finished_at < (now or timezone.now()) - max_age():
        return None
    return snapshot


@dataclass
class Summed:
    """The figures of a period read from a snapshot."""

    period: dict[tuple[str, str], int]  # (metric, key) -> sum over the period
    # Petitions by receipt date; a whole month of the period as one entry on its first day.
    per_day: dict[date, int]
    # What is late on the snapshot's day, (metric, lead) -> count, and the written answers
    # due in the period and not approved, before that day and from it; None when the
    # period's "late" day is another day (then counted live).
    late: dict[tuple[str, str], int] | None = None
    overdue: int = 0
    pending: int = 0


def month_after(day: date) -> date:
    """The first day of the month after `day`'s."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_before(first_day: date) -> date:
    previous = first_day - timedelta(days=1)
    return date(previous.year, previous.month, 1)


def whole_months(start: date, end: date) -> tuple[date, date] | None:
    """The first days of the first and the last calendar month lying wholly within
    `start`–`end`, or None when there is no such month."""
    first = start if start.day == 1 else month_after(start)
    after_end = end + timedelta(days=1)
    last = date(end.year, end.month, 1) if after_end.day == 1 else _month_before(date(end.year, end.month, 1))
    return (first, last) if first <= last else None


def read(snapshot: Snapshot, unit_pk: int | None, start: date, end: date, late_before: date) -> Summed:
    """The period's sums: the whole months from `MonthlyFigure`, the days before the first
    and after the last of them from `DailyFigure` (every day when the snapshot has no
    monthly totals)."""
    figures = DailyFigure.objects.filter(snapshot=snapshot, unit_id=unit_pk)
    # A snapshot made by an older worker has no monthly totals (Snapshot.monthly).
    months = whole_months(start, end) if snapshot.monthly else None
    parts = []  # (rows, the name of their date)
    if months is None:
        parts.append((figures.filter(day__range=(start, end)), "day"))
    else:
        first, last = months
        parts.append(
            (MonthlyFigure.objects.filter(snapshot=snapshot, unit_id=unit_pk, month__range=(first, last)), "month")
        )
        after = month_after(last)
        if start < first or end >= after:
            parts.append((figures.filter(Q(day__gte=start, day__lt=first) | Q(day__gte=after, day__lte=end)), "day"))
    period: dict[tuple[str, str], int] = defaultdict(int)
    per_day: dict[date, int] = {}
    for rows, moment in parts:
        sums = rows.filter(metric__in=PERIOD_METRICS).values("metric", "key").annotate(total=Sum("value")).order_by()
        for metric, key, total in sums.values_list("metric", "key", "total"):
            period[(metric, key)] += total
        per_day.update(rows.filter(metric="petitions").values_list(moment, "value").order_by())
    summed = Summed(dict(period), per_day)
    if late_before == snapshot.day:
        late = figures.filter(metric__in=LATE_METRICS, day=snapshot.day).values_list("metric", "key", "value")
        summed.late = {(metric, key): value for metric, key, value in late}
        answers = figures.filter(metric="unapproved", day__range=(start, end)).aggregate(
            overdue=Sum("value", filter=Q(day__lt=late_before)), pending=Sum("value", filter=Q(day__gte=late_before))
        )
        summed.overdue, summed.pending = answers["overdue"] or 0, answers["pending"] or 0
    return summed


# ---------------------------------------------------------------- the worker's job


def refresh_slot(local: datetime) -> str | None:
    """“2026-11-24T07:00”: the current STATISTICS_REFRESH_MINUTES window (default an hour)."""
    minutes = int(getattr(settings, "STATISTICS_REFRESH_MINUTES", DEFAULT_REFRESH_MINUTES))
    now = local.hour * 60 + local.minute
    start = now - now % minutes
    return f"{local:%Y-%m-%d}T{start // 60:02d}:{start % 60:02d}"


@task()
def figures_refresh_task(run_id: int | None = None) -> dict:
    """The worker's job: refresh the daily figures, then mark the scheduled run finished."""
    snapshot = figures_refresh()
    if run_id is not None:
        from dialogue.reminders.models import ScheduledRun

        ScheduledRun.objects.filter(pk=run_id).update(finished_at=timezone.now())
    if snapshot is None:
        return {"snapshot": None}
    return {"snapshot": snapshot.pk, "rows": snapshot.rows, "seconds": snapshot.seconds}


def scheduled_task():
    """For `dialogue.reminders.scheduler.Job`: the task to enqueue."""
    return figures_refresh_task
