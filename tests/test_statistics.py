"""The statistics dashboard: figures on a dataset worked out by hand, the reporting periods,
scope (who sees which unit), the lists behind the figures, and the charts."""

import dataclasses
import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialogue.organisation.factories import make_person
from dialogue.organisation.roles import Role
from dialogue.petitions.models import Petition
from dialogue.statistics import selectors
from dialogue.statistics.selectors import PeriodBasis, PeriodKind, period_bounds, rows_behind, unit_statistics
from dialogue.workcalendar.selectors import get_calendar
from tests import test_statistics_fixtures as fx

dataset = fx.dataset
START, END, TODAY = fx.START, fx.END, fx.TODAY
MARCH = "start=01/03/2026&end=31/03/2026"


def _figures(stats) -> dict:
    return {name: getattr(stats, name) for name in fx.EXPECTED["province"]}


# ---------------------------------------------------------------- figures


def test_the_province_figures_match_the_dataset_worked_out_by_hand(dataset):
    stats = unit_statistics(unit=dataset.tree.province, start=START, end=END, today=TODAY)
    assert _figures(stats) == fx.EXPECTED["province"]
    assert stats.late_before == date(2026, 4, 1)
    assert stats.repeat_rate == pytest.approx(2 / 6)
    assert stats.on_time_share == pytest.approx(1 / 4)


def test_the_commune_figures_cover_only_its_subtree(dataset):
    stats = unit_statistics(unit=dataset.tree.commune, start=START, end=END, today=TODAY)
    assert _figures(stats) == fx.EXPECTED["commune"]


def test_the_breakdowns_count_by_field_jurisdiction_channel_and_status(dataset):
    stats = unit_statistics(unit=dataset.tree.province, start=START, end=END, today=TODAY)
    assert [(s.label, s.count) for s in stats.by_field] == [
        ("Đất đai", 3),
        ("Tài nguyên, môi trường", 2),
        ("Chưa phân loại", 1),
    ]
    assert {s.key: s.count for s in stats.by_level} == {"xa": 3, "tinh": 2, "none": 1}
    assert {s.key: s.count for s in stats.by_channel} == {"paper_citizen": 2, "spoken": 2, "mttq": 1, "online": 1}
    assert {s.key: s.count for s in stats.by_status} == {"grouped": 4, "triaged": 1, "received": 1}
    assert sum(s.share for s in stats.by_field) == pytest.approx(1)
    assert [(b.label, b.count) for b in stats.by_month] == [("03/2026", 6)]
    assert {s.key: s.count for s in stats.directives_by_status} == {
        "assigned": 1,
        "in_progress": 1,
        "reported": 1,
        "resolved": 1,
        "closed": 1,
    }


def test_late_items_are_grouped_by_the_unit_that_must_act(dataset):
    t = dataset.tree
    stats = unit_statistics(unit=t.province, start=START, end=END, today=TODAY)
    rows = {r.unit_name: (r.directives, r.answers, r.resolution) for r in stats.late_by_unit}
    assert rows == {t.agency_a.name: (1, 3, 0), t.agency_b.name: (1, 0, 1), "Chưa xác định đơn vị": (1, 0, 0)}
    assert stats.late_by_unit[0].unit_name == t.agency_a.name  # most late first


def test_the_average_working_days_skip_weekends_and_the_holidays_of_april_and_may(dataset):
    calendar = get_calendar()
    # The hand-counted figures of the dataset, checked against the calendar itself.
    assert calendar.between(date(2026, 3, 2), date(2026, 3, 21)) == 14
    assert calendar.between(date(2026, 3, 6), date(2026, 3, 21)) == 10
    assert calendar.between(date(2026, 3, 1), date(2026, 3, 27)) == 20
    assert calendar.between(date(2026, 3, 20), date(2026, 3, 27)) == 5
    assert calendar.between(date(2026, 3, 1), date(2026, 5, 5)) == 44  # 27/04, 30/04 and 01/05 off
    assert calendar.between(date(2026, 3, 20), date(2026, 5, 5)) == 29
    stats = unit_statistics(unit=dataset.tree.province, start=START, end=END, today=TODAY)
    assert stats.avg_days_to_answer == pytest.approx(12.25)
    assert stats.avg_days_to_resolve == pytest.approx(36.5)


def test_an_answer_approved_after_midnight_in_hanoi_counts_on_the_local_day(dataset):
    # Group 1 is due 20/03 and was approved at 00:30 on 21/03 in Hà Nội (17:30 on 20/03 UTC):
    # late. The group closed at 23:00 on 31/03 is resolved in March, the one at 00:30 on
    # 01/04 is not, although both are 31/03 in UTC.
    user = dataset.cast.province_officer
    late = rows_behind(user=user, unit=dataset.tree.province, start=START, end=END, metric="answers", key="late",
                       today=TODAY).queryset  # fmt: skip
    assert [g.due_date for g in late] == [date(2026, 3, 20)]
    assert [g.approved_on for g in late] == [date(2026, 3, 21)]
    resolved = rows_behind(user=user, unit=dataset.tree.province, start=START, end=END, metric="groups_resolved",
                           today=TODAY).queryset  # fmt: skip
    assert resolved.count() == 1


def test_working_day_average_is_the_average_of_the_differences(db):
    import random

    calendar = get_calendar()
    rng = random.Random(7)
    pairs = []
    for _ in range(300):
        start = date(2025, 12, 1) + timedelta(days=rng.randint(0, 120))
        pairs.append((start, start + timedelta(days=rng.randint(0, 90))))
    expected = sum(calendar.between(a, b) for a, b in pairs) / len(pairs)

    def per_day(days):
        counts = {}
        for d in days:
            counts[d] = counts.get(d, 0) + 1
        return list(counts.items())

    got = selectors._working_day_average(per_day([a for a, _ in pairs]), per_day([b for _, b in pairs]))
    assert got == pytest.approx(expected)
    assert selectors._working_day_average([], []) is None


def test_before_the_end_of_the_period_answers_not_yet_due_are_pending_not_late(dataset):
    stats = unit_statistics(unit=dataset.tree.province, start=START, end=END, today=date(2026, 3, 25))
    assert stats.late_before == date(2026, 3, 25)
    # Group 6 (due 31/03) is not yet due; group 3 (due 13/03) is overdue.
    assert (stats.answered_on_time, stats.answered_late, stats.answers_overdue, stats.answers_pending) == (1, 1, 1, 1)
    assert stats.on_time_share == pytest.approx(1 / 3)


def test_the_whole_country_adds_every_province(dataset):
    stats = unit_statistics(unit=None, start=START, end=END, today=TODAY)
    assert stats.petitions == 7
    assert stats.conferences == 4
    assert stats.participants == 10
    assert stats.directives_issued == 6


def test_the_dashboard_reads_a_handful_of_aggregate_queries_whatever_the_number_of_rows(dataset, login):
    client = login(dataset.cast.province_officer)
    url = f"/statistics/?unit={dataset.tree.province.pk}&{MARCH}"
    client.get(url)  # the first request of a session also writes the session
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    for i in range(60):
        Petition.objects.create(
            receiving_unit=dataset.tree.ban_dan_van,
            received_on=date(2026, 3, 1) + timedelta(days=i % 31),
            ack_due=date(2026, 3, 20),
            channel="online",
            content=f"Ý kiến {i}",
        )
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after.captured_queries) == len(before.captured_queries) <= 20


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("kind", "month", "basis", "expected"),
    [
        (PeriodKind.MONTH, 3, PeriodBasis.CUTOFF, (date(2026, 2, 15), date(2026, 3, 14))),
        (PeriodKind.MONTH, 1, PeriodBasis.CUTOFF, (date(2025, 12, 15), date(2026, 1, 14))),
        (PeriodKind.Q1, None, PeriodBasis.CUTOFF, (date(2025, 12, 15), date(2026, 3, 14))),
        (PeriodKind.H1, None, PeriodBasis.CUTOFF, (date(2025, 12, 15), date(2026, 6, 14))),
        (PeriodKind.M9, None, PeriodBasis.CUTOFF, (date(2025, 12, 15), date(2026, 9, 14))),
        (PeriodKind.YEAR, None, PeriodBasis.CUTOFF, (date(2025, 12, 15), date(2026, 12, 14))),
        (PeriodKind.MONTH, 2, PeriodBasis.CALENDAR, (date(2026, 2, 1), date(2026, 2, 28))),
        (PeriodKind.Q1, None, PeriodBasis.CALENDAR, (date(2026, 1, 1), date(2026, 3, 31))),
        (PeriodKind.H1, None, PeriodBasis.CALENDAR, (date(2026, 1, 1), date(2026, 6, 30))),
        (PeriodKind.M9, None, PeriodBasis.CALENDAR, (date(2026, 1, 1), date(2026, 9, 30))),
        (PeriodKind.YEAR, None, PeriodBasis.CALENDAR, (date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_the_reporting_periods_of_qd_11_have_exact_boundaries(kind, month, basis, expected):
    assert period_bounds(kind, year=2026, month=month, basis=basis) == expected


def test_the_first_and_last_day_of_a_period_are_both_included(dataset):
    t = dataset.tree
    assert unit_statistics(unit=t.province, start=date(2026, 3, 1), end=date(2026, 3, 1), today=TODAY).petitions == 1
    assert unit_statistics(unit=t.province, start=date(2026, 3, 31), end=date(2026, 3, 31), today=TODAY).petitions == 1
    # 27/02 and 01/04 lie outside March.
    assert unit_statistics(unit=t.province, start=date(2026, 2, 27), end=date(2026, 4, 1), today=TODAY).petitions == 8


def test_a_quick_period_on_the_dashboard_uses_the_data_cut_off(dataset, login):
    client = login(dataset.cast.province_officer)
    response = client.get(f"/statistics/?unit={dataset.tree.province.pk}&period=month&month=3&year=2026")
    stats = response.context["stats"]
    assert (stats.start, stats.end) == (date(2026, 2, 15), date(2026, 3, 14))
    assert stats.petitions == 4  # 27/02, 01/03, 02/03, 06/03
    response = client.get(f"/statistics/?unit={dataset.tree.province.pk}&period=q1&year=2026&basis=calendar")
    assert (response.context["stats"].start, response.context["stats"].end) == (date(2026, 1, 1), date(2026, 3, 31))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=31/03/2026&end=01/03/2026", "Ngày cuối kỳ không được trước ngày đầu kỳ."),
        ("start=01/03/2026&end=", "Nhập ngày đầu kỳ và ngày cuối kỳ (dd/mm/yyyy)."),
        ("start=32/03/2026&end=01/04/2026", "Nhập một ngày hợp lệ."),
        ("period=month&year=2026&month=", "Chọn tháng."),
    ],
)
def test_wrong_dates_are_explained_in_vietnamese_and_kept_in_the_form(dataset, login, query, message):
    client = login(dataset.cast.province_officer)
    response = client.get(f"/statistics/?unit={dataset.tree.province.pk}&{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "stats" not in response.context
    if "start=" in query:
        typed = query.split("start=")[1].split("&")[0]
        assert f'value="{typed}"' in response.content.decode()


# ---------------------------------------------------------------- scope


def test_the_province_officer_opens_the_dashboard_of_the_province_by_default(dataset, login):
    response = login(dataset.cast.province_officer).get("/statistics/")
    assert response.status_code == 200
    assert response.context["unit"] == dataset.tree.province
    labels = [c.label for c in response.context["choices"]]
    assert labels[:2] == ["Tỉnh Thái Nguyên", "Xã Cao Minh"]
    assert "Thành phố Hải Phòng" not in labels


def test_an_agency_officer_cannot_open_the_statistics(dataset, login):
    client = login(dataset.cast.agency_a)
    assert client.get("/statistics/").status_code == 403
    assert client.get(f"/statistics/?unit={dataset.tree.agency_a.pk}&{MARCH}").status_code == 403
    assert client.get(f"/statistics/rows/petitions/?unit={dataset.tree.province.pk}&{MARCH}").status_code == 403


def test_a_commune_officer_sees_the_commune_but_not_the_province(dataset, login):
    client = login(dataset.cast.commune_officer)
    response = client.get("/statistics/")
    assert response.context["unit"] == dataset.tree.commune
    assert [c.pk for c in response.context["choices"]] == [dataset.tree.commune.pk]
    assert client.get(f"/statistics/?unit={dataset.tree.province.pk}&{MARCH}").status_code == 404
    assert client.get(f"/statistics/rows/petitions/?unit={dataset.tree.province.pk}&{MARCH}").status_code == 404
    # Nor the whole country.
    assert client.get(f"/statistics/?unit=&{MARCH}").context["unit"] == dataset.tree.commune


def test_an_outsider_sees_only_their_own_province(dataset, login):
    client = login(dataset.cast.outsider)
    assert client.get(f"/statistics/?unit={dataset.tree.province.pk}&{MARCH}").status_code == 404
    assert client.get(f"/statistics/?unit={dataset.tree.commune.pk}&{MARCH}").status_code == 404
    stats = client.get(f"/statistics/?{MARCH}").context["stats"]
    assert stats.unit == dataset.tree.other_province
    assert (stats.petitions, stats.conferences, stats.participants, stats.directives_issued) == (1, 1, 5, 1)


def test_the_national_administrator_sees_the_whole_country_and_each_province(dataset, login):
    client = login(dataset.cast.admin)
    response = client.get(f"/statistics/?{MARCH}")
    assert response.context["unit"] is None
    assert response.context["stats"].petitions == 7
    assert response.context["choices"][0].pk is None
    response = client.get(f"/statistics/?unit={dataset.tree.province.pk}&{MARCH}")
    assert response.context["stats"].petitions == 6


def test_a_supervisor_of_the_commune_reads_its_statistics(dataset, login):
    supervisor = make_person("giam", "Phạm Văn Hưng", roles=[(Role.SUPERVISOR, dataset.tree.commune)])
    response = login(supervisor).get(f"/statistics/?{MARCH}")
    assert response.status_code == 200
    assert response.context["stats"].petitions == 3


def test_an_anonymous_visitor_is_sent_to_sign_in(client, dataset):
    for url in ("/statistics/", f"/statistics/rows/petitions/?{MARCH}"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login" in response["Location"] or "/accounts/" in response["Location"]


def test_a_wrong_unit_number_is_explained_not_a_crash(dataset, login):
    response = login(dataset.cast.province_officer).get(f"/statistics/?unit=abc&{MARCH}")
    assert response.status_code == 400
    assert "Chọn một đơn vị trong danh sách." in response.content.decode()


# ---------------------------------------------------------------- the lists behind the figures


@pytest.mark.parametrize("who", ["province", "commune"])
def test_every_figure_links_to_a_list_of_exactly_the_rows_it_counts(dataset, who):
    t = dataset.tree
    unit, user = (
        (t.province, dataset.cast.province_officer) if who == "province" else (t.commune, dataset.cast.commune_officer)
    )
    stats = unit_statistics(unit=unit, start=START, end=END, today=TODAY)
    figures = stats.figures()
    assert len(figures) > 30
    for metric, key, value in figures:
        rows = rows_behind(user=user, unit=unit, start=START, end=END, metric=metric, key=key, today=TODAY)
        assert rows.queryset.count() == value, (metric, key)


def test_the_list_pages_show_the_rows_of_the_figures_on_the_dashboard(dataset, login):
    client = login(dataset.cast.province_officer)
    page = client.get(f"/statistics/?unit={dataset.tree.province.pk}&{MARCH}")
    html = page.content.decode()
    links = set(re.findall(r'href="(/statistics/rows/[^"]+)"', html))
    assert len(links) > 30
    stats = page.context["stats"]
    expected = {(m, k): v for m, k, v in stats.figures()}
    for link in links:
        url = link.replace("&amp;", "&")
        response = client.get(url)
        assert response.status_code == 200, url
        metric = url.split("/")[3]
        key = re.search(r"key=([^&]*)", url)
        assert response.context["page"].paginator.count == expected[(metric, key.group(1) if key else "")], url


def test_a_list_shows_the_petitions_of_a_field_with_links_to_them(dataset, login):
    client = login(dataset.cast.province_officer)
    url = f"/statistics/rows/field/?unit={dataset.tree.province.pk}&{MARCH}&key={dataset.dat_dai.pk}"
    response = client.get(url)
    html = response.content.decode()
    assert "Đất đai" in html
    assert len(re.findall(r'href="/petitions/\d+/"', html)) == 3
    assert "3 dòng" in html


def test_the_list_of_late_directives_of_one_agency(dataset, login):
    client = login(dataset.cast.province_officer)
    url = f"/statistics/rows/late_directives/?unit={dataset.tree.province.pk}&{MARCH}&key={dataset.tree.agency_a.pk}"
    response = client.get(url)
    assert response.context["page"].paginator.count == 1
    assert "/conclusions/directives/" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/statistics/rows/nonsense/?{q}",
        "/statistics/rows/field/?{q}&key=abc",
        "/statistics/rows/status/?{q}&key=nonsense",
        "/statistics/rows/answers/?{q}&key=nonsense",
        "/statistics/rows/month/?{q}&key=2026-13",
    ],
)
def test_an_unknown_list_is_not_found(dataset, login, url):
    q = f"unit={dataset.tree.province.pk}&{MARCH}"
    assert login(dataset.cast.province_officer).get(url.format(q=q)).status_code == 404


def test_a_list_with_wrong_dates_says_why(dataset, login):
    response = login(dataset.cast.province_officer).get("/statistics/rows/petitions/?start=99/99/2026&end=01/04/2026")
    assert response.status_code == 400
    assert "Nhập một ngày hợp lệ." in response.content.decode()


# ---------------------------------------------------------------- charts


def test_the_charts_are_inline_svg_with_a_title_a_description_and_a_table(dataset, login):
    html = login(dataset.cast.province_officer).get(f"/statistics/?unit={dataset.tree.province.pk}&{MARCH}")
    html = html.content.decode()
    svgs = re.findall(r"<svg .*?</svg>", html, flags=re.S)
    assert len(svgs) >= 7
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "Đất đai: 3 (50,0 %)" in html  # the description says it in words
    assert html.count('<details class="chart__data">') >= 6
    assert "<script" not in html.split('<main id="main"')[1].split("</main>")[0]
    assert not re.search(r'(src|href)="https?://', html)


def test_an_old_code_no_choice_names_is_still_counted_and_listed(dataset):
    t = dataset.tree
    Petition.objects.create(
        receiving_unit=t.commune, received_on=date(2026, 3, 9), ack_due=date(2026, 3, 20), channel="fax", content="Cũ"
    )
    stats = unit_statistics(unit=t.province, start=START, end=END, today=TODAY)
    assert ("fax", "fax", 1) in [(s.key, s.label, s.count) for s in stats.by_channel]
    assert sum(s.count for s in stats.by_channel) == stats.petitions == 7
    rows = rows_behind(user=dataset.cast.province_officer, unit=t.province, start=START, end=END, metric="channel",
                       key="fax", today=TODAY)  # fmt: skip
    assert rows.queryset.count() == 1


def test_the_late_table_shows_the_units_with_most_late_first_and_the_rest_on_request(dataset, login, monkeypatch):
    from dialogue.statistics import views

    monkeypatch.setattr(views, "LATE_ROWS_SHOWN", 1)
    client = login(dataset.cast.province_officer)
    stats = unit_statistics(unit=dataset.tree.province, start=START, end=END, today=TODAY)
    assert len(stats.late_by_unit) > 1
    url = f"/statistics/?unit={dataset.tree.province.pk}&{MARCH}"
    html = client.get(url).content.decode()
    table = html.split('class="table stats-late"')[1].split("</table>")[0]
    assert table.count('<th scope="row">') == 1 and stats.late_by_unit[0].unit_name in table
    hidden = len(stats.late_by_unit) - 1
    assert f"Xem thêm {hidden} đơn vị" in html
    html = client.get(url + "&late=all").content.decode()
    table = html.split('class="table stats-late"')[1].split("</table>")[0]
    assert table.count('<th scope="row">') == len(stats.late_by_unit)
    assert "Xem thêm" not in html
    many = dataclasses.replace(stats, late_by_unit=stats.late_by_unit * 700)  # a country's thousands of units
    monkeypatch.setattr(views.selectors, "statistics_for_user", lambda **kwargs: many)
    html = client.get(url).content.decode()
    assert f"Xem thêm {len(many.late_by_unit) - 1:,} đơn vị".replace(",", ".") in html  # 2.099, as Vietnamese writes
