"""The worker's snapshot of daily figures (issue 8, dialogue/statistics/summary.py): the
dashboard of the country and of a province read from it give exactly the figures counted
live, on the hand-worked dataset of test_statistics_fixtures and its traps (Hà Nội
midnight, holidays, the "late" day); below a province the figures stay live; a stale or
missing snapshot means live figures; the refresh is the worker's job."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dialogue.petitions.models import Petition
from dialogue.plans.models import Conference, ConferenceStatus
from dialogue.reminders.models import ScheduledRun
from dialogue.statistics import summary
from dialogue.statistics.models import DailyFigure, MonthlyFigure, Snapshot
from dialogue.statistics.selectors import unit_statistics
from tests import test_statistics_fixtures as fx

dataset = fx.dataset
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
MARCH = "start=01/03/2026&end=31/03/2026"

PERIODS = [
    (fx.START, fx.END, fx.TODAY),  # March, seen from mid-April: the "late" day is 01/04
    (fx.START, fx.END, date(2026, 3, 25)),  # March, still running: the "late" day is today
    (date(2026, 1, 1), date(2026, 12, 31), fx.TODAY),  # a year, by month
    (date(2024, 1, 1), date(2026, 12, 31), fx.TODAY),  # three years, by year
    (date(2026, 3, 20), date(2026, 3, 20), fx.TODAY),  # one day
    (date(2026, 2, 1), date(2026, 2, 28), fx.TODAY),  # the month before
    # Days at both ends around whole months: 15–28/02, March whole, 01–05/04.
    (date(2026, 2, 15), date(2026, 4, 5), fx.TODAY),
    (date(2025, 12, 15), date(2026, 3, 20), fx.TODAY),  # across the new year, March in days
    # What the dashboard opens on: from 1 January to today, whose late items the snapshot
    # counted on its own day.
    (date(2026, 1, 1), None, None),
]


def _everything(stats) -> dict:
    return {
        "figures": sorted(stats.figures()),
        "late_by_unit": stats.late_by_unit,
        "by_month": stats.by_month,
        "avg_answer": stats.avg_days_to_answer,
        "avg_resolve": stats.avg_days_to_resolve,
        "shares": (stats.by_field, stats.by_level, stats.by_channel, stats.by_status, stats.directives_by_status),
        "late_before": stats.late_before,
    }


@pytest.mark.parametrize(("start", "end", "today"), PERIODS)
@pytest.mark.parametrize("who", ["province", "other_province", "country"])
def test_the_snapshot_gives_exactly_the_live_figures(dataset, who, start, end, today):
    unit = None if who == "country" else getattr(dataset.tree, who)
    end = end or timezone.localdate()
    live = unit_statistics(unit=unit, start=start, end=end, today=today)
    assert live.as_of is None
    snapshot = summary.figures_refresh(force=True)
    summed = unit_statistics(unit=unit, start=start, end=end, today=today)
    assert summed.as_of == snapshot.finished_at
    expected, found = _everything(live), _everything(summed)
    for name in ("avg_answer", "avg_resolve"):
        assert found.pop(name) == pytest.approx(expected.pop(name))
    assert found == expected


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2026, 3, 1), date(2026, 3, 31), (date(2026, 3, 1), date(2026, 3, 1))),
        (date(2026, 3, 2), date(2026, 3, 31), None),
        (date(2026, 3, 1), date(2026, 3, 30), None),
        (date(2026, 2, 15), date(2026, 4, 5), (date(2026, 3, 1), date(2026, 3, 1))),
        (date(2025, 11, 30), date(2026, 2, 28), (date(2025, 12, 1), date(2026, 2, 1))),
        (date(2024, 2, 1), date(2024, 2, 29), (date(2024, 2, 1), date(2024, 2, 1))),  # a leap year
        (date(2024, 2, 1), date(2024, 2, 28), None),
        (date(2017, 1, 1), date(2026, 12, 31), (date(2017, 1, 1), date(2026, 12, 1))),
    ],
)
def test_a_period_is_read_as_its_whole_months_and_the_days_either_side(start, end, months):
    assert summary.whole_months(start, end) == months


def test_the_whole_months_come_from_the_monthly_totals_and_the_days_either_side_from_the_days(dataset):
    snapshot = summary.figures_refresh(force=True)
    assert MonthlyFigure.objects.filter(snapshot=snapshot, unit=None, month=date(2026, 3, 1), metric="petitions")
    year = unit_statistics(unit=None, start=date(2026, 1, 1), end=date(2026, 12, 31), today=fx.TODAY)
    days = unit_statistics(unit=None, start=date(2026, 3, 2), end=date(2026, 3, 31), today=fx.TODAY)
    assert (year.petitions, days.petitions) == (9, 6)
    # Without March's daily rows, the year (March read as a month) is unchanged, while
    # 02–31/03 (read in days) has lost them.
    DailyFigure.objects.filter(snapshot=snapshot, day__month=3, metric__in=summary.PERIOD_METRICS).delete()
    assert unit_statistics(unit=None, start=date(2026, 1, 1), end=date(2026, 12, 31), today=fx.TODAY) == year
    assert unit_statistics(unit=None, start=date(2026, 3, 2), end=date(2026, 3, 31), today=fx.TODAY).petitions == 0


def test_a_snapshot_of_an_older_worker_without_monthly_totals_is_read_by_day(dataset):
    summary.figures_refresh(force=True)
    year = unit_statistics(unit=None, start=date(2026, 1, 1), end=date(2026, 12, 31), today=fx.TODAY)
    # What a worker older than the monthly totals leaves: daily rows only, the flag unset.
    MonthlyFigure.objects.all().delete()
    Snapshot.objects.update(monthly=False)
    again = unit_statistics(unit=None, start=date(2026, 1, 1), end=date(2026, 12, 31), today=fx.TODAY)
    assert again == year and again.petitions == 9


def test_a_conference_still_without_a_date_does_not_stop_the_refresh(dataset):
    undated = Conference.objects.filter(status=ConferenceStatus.HELD).first()
    undated.pk, undated.date, undated.status = None, None, ConferenceStatus.PLANNED
    undated.save()
    live = unit_statistics(unit=None, start=date(2026, 1, 1), end=date(2026, 12, 31), today=fx.TODAY)
    snapshot = summary.figures_refresh(force=True)
    summed = unit_statistics(unit=None, start=date(2026, 1, 1), end=date(2026, 12, 31), today=fx.TODAY)
    assert summed.as_of == snapshot.finished_at
    expected, found = _everything(live), _everything(summed)
    for name in ("avg_answer", "avg_resolve"):
        assert found.pop(name) == pytest.approx(expected.pop(name))
    assert found == expected


def test_the_province_figures_worked_out_by_hand_come_out_of_the_snapshot(dataset):
    summary.figures_refresh(force=True)
    stats = unit_statistics(unit=dataset.tree.province, start=fx.START, end=fx.END, today=fx.TODAY)
    assert stats.as_of is not None
    for name, value in fx.EXPECTED["province"].items():
        assert getattr(stats, name) == pytest.approx(value), name


def test_the_late_items_of_today_come_from_the_snapshot_and_of_a_past_period_live(dataset):
    snapshot = summary.figures_refresh(force=True)
    assert snapshot.day == timezone.localdate()
    today = summary.read(snapshot, None, date(2026, 1, 1), snapshot.day, snapshot.day)
    assert today.late is not None
    assert sum(v for (metric, _key), v in today.late.items() if metric == "late_directives") > 0
    assert summary.read(snapshot, None, fx.START, fx.END, date(2026, 4, 1)).late is None


def test_a_commune_is_counted_live_even_with_a_snapshot(dataset):
    summary.figures_refresh(force=True)
    stats = unit_statistics(unit=dataset.tree.commune, start=fx.START, end=fx.END, today=fx.TODAY)
    assert stats.as_of is None
    assert stats.petitions == 3


def test_live_counting_can_be_asked_for(dataset):
    summary.figures_refresh(force=True)
    assert unit_statistics(unit=None, start=fx.START, end=fx.END, today=fx.TODAY, live=True).as_of is None


def test_what_arrives_after_the_refresh_waits_for_the_next_one(dataset):
    summary.figures_refresh(force=True)
    Petition.objects.create(
        receiving_unit=dataset.tree.ban_dan_van, received_on=date(2026, 3, 5), ack_due=date(2026, 3, 19),
        channel="online", content="Đề nghị sửa đường",
    )  # fmt: skip
    assert unit_statistics(unit=None, start=fx.START, end=fx.END, today=fx.TODAY).petitions == 7
    summary.figures_refresh(force=True)
    assert unit_statistics(unit=None, start=fx.START, end=fx.END, today=fx.TODAY).petitions == 8
    assert Snapshot.objects.count() == 1
    assert not DailyFigure.objects.exclude(snapshot=Snapshot.objects.get()).exists()


def test_a_small_installation_counts_live_and_keeps_no_snapshot(dataset, settings):
    summary.figures_refresh(force=True)
    settings.STATISTICS_SUMMARY_MIN_PETITIONS = 1000
    assert summary.figures_refresh() is None
    assert not Snapshot.objects.exists()
    assert not DailyFigure.objects.exists()
    settings.STATISTICS_SUMMARY_MIN_PETITIONS = 5
    assert summary.figures_refresh() is not None


def test_a_snapshot_older_than_the_limit_is_not_shown(dataset, settings):
    snapshot = summary.figures_refresh(force=True)
    settings.STATISTICS_SUMMARY_MAX_AGE_MINUTES = 60
    Snapshot.objects.filter(pk=snapshot.pk).update(finished_at=timezone.now() - timedelta(minutes=61))
    assert summary.current_snapshot() is None
    assert unit_statistics(unit=None, start=fx.START, end=fx.END, today=fx.TODAY).as_of is None


def test_an_unfinished_snapshot_is_never_read(dataset):
    Snapshot.objects.create(started_at=timezone.now(), day=timezone.localdate())
    assert summary.current_snapshot() is None


def test_the_dashboard_says_when_the_figures_were_compiled(dataset, login):
    snapshot = summary.figures_refresh(force=True)
    client = login(dataset.cast.admin)
    response = client.get(f"/statistics/?{MARCH}")
    assert response.context["stats"].as_of == snapshot.finished_at
    moment = timezone.localtime(snapshot.finished_at).strftime("%H:%M %d/%m/%Y")
    assert f"Số liệu tổng hợp lúc {moment}; danh sách chi tiết là số liệu hiện tại" in response.content.decode()
    commune = login(dataset.cast.commune_officer).get(f"/statistics/?{MARCH}").content.decode()
    assert "Số liệu tổng hợp lúc" not in commune


def test_the_dashboard_of_the_country_reads_a_few_small_queries_from_the_snapshot(dataset, login):
    summary.figures_refresh(force=True)
    client = login(dataset.cast.admin)
    client.get(f"/statistics/?{MARCH}")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/statistics/?{MARCH}").status_code == 200
    figures = [q["sql"] for q in queries.captured_queries if '"petitions_petition"' in q["sql"]]
    assert figures == []  # not one read of the petitions (open groups and directives are read live)
    assert len(queries.captured_queries) <= 15


def test_an_agency_officer_is_still_refused_the_statistics_with_a_snapshot(dataset, login):
    summary.figures_refresh(force=True)
    assert login(dataset.cast.agency_a).get(f"/statistics/?{MARCH}").status_code == 403
    outsider = login(dataset.cast.outsider)
    assert outsider.get(f"/statistics/?unit={dataset.tree.province.pk}&{MARCH}").status_code == 404


def test_the_refresh_runs_in_the_window_of_the_slot(settings):
    settings.STATISTICS_REFRESH_MINUTES = 60
    assert summary.refresh_slot(datetime(2026, 11, 24, 7, 59, tzinfo=HANOI)) == "2026-11-24T07:00"
    settings.STATISTICS_REFRESH_MINUTES = 30
    assert summary.refresh_slot(datetime(2026, 11, 24, 7, 31, tzinfo=HANOI)) == "2026-11-24T07:30"


def test_the_worker_task_refreshes_and_marks_its_run_finished(dataset, settings):
    settings.STATISTICS_SUMMARY_MIN_PETITIONS = 1
    run = ScheduledRun.objects.create(job="statistics.refresh", slot="2026-11-24T07:00", enqueued_at=timezone.now())
    result = summary.scheduled_task().enqueue(run_id=run.pk).return_value
    assert result["snapshot"] == Snapshot.objects.get().pk
    run.refresh_from_db()
    assert run.finished_at is not None
