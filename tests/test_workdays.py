from datetime import date

import pytest
from django.core.management import call_command

from dialogue.lib.workdays import WorkingCalendar, statutory_holidays
from dialogue.workcalendar.selectors import add_working_days, get_calendar, working_days_between

SWAPS_2026 = WorkingCalendar.from_exceptions(days_off=[date(2026, 1, 2)], working_days=[date(2026, 1, 10)])


def test_seven_working_days_after_the_friday_before_tet_2026_is_3_march():
    assert SWAPS_2026.add(date(2026, 2, 13), 7) == date(2026, 3, 3)


def test_seven_working_days_after_24_april_2026_skips_gio_to_in_lieu_and_30_4_1_5():
    assert SWAPS_2026.add(date(2026, 4, 24), 7) == date(2026, 5, 8)


def test_the_swapped_saturday_10_january_2026_is_a_working_day():
    assert SWAPS_2026.is_working_day(date(2026, 1, 10))
    assert not SWAPS_2026.is_working_day(date(2026, 1, 2))


def test_an_ordinary_saturday_is_not_a_working_day():
    assert not SWAPS_2026.is_working_day(date(2026, 1, 17))


def test_counting_back_is_the_inverse_of_counting_forward():
    assert SWAPS_2026.add(date(2026, 3, 3), -7) == date(2026, 2, 13)
    assert SWAPS_2026.add(date(2026, 5, 8), -7) == date(2026, 4, 24)


def test_counting_starts_the_day_after_the_event():
    # Monday + 1 working day is Tuesday, not Monday itself.
    assert SWAPS_2026.add(date(2026, 6, 1), 1) == date(2026, 6, 2)


def test_zero_days_from_a_holiday_lands_on_the_next_working_day():
    assert SWAPS_2026.add(date(2026, 9, 2), 0) == date(2026, 9, 3)


def test_working_days_between_counts_how_late_something_is():
    assert SWAPS_2026.between(date(2026, 2, 13), date(2026, 3, 3)) == 7
    assert SWAPS_2026.between(date(2026, 3, 3), date(2026, 2, 13)) == -7
    assert SWAPS_2026.between(date(2026, 3, 3), date(2026, 3, 3)) == 0


def test_tet_and_gio_to_follow_the_vietnamese_lunar_calendar():
    for year, tet, gio_to in [
        (2025, date(2025, 1, 29), date(2025, 4, 7)),
        (2026, date(2026, 2, 17), date(2026, 4, 26)),
        (2027, date(2027, 2, 6), date(2027, 4, 16)),
    ]:
        days = statutory_holidays(year)
        assert days[tet] == "Tết Nguyên Đán"
        assert "Giỗ Tổ Hùng Vương" in days[gio_to]


def test_a_lunar_holiday_block_is_moved_when_the_holidays_package_disagrees_with_lunar_vn(monkeypatch):
    import holidays as holidays_lib

    from dialogue.lib import workdays

    real = holidays_lib.country_holidays

    def shifted(*args, **kwargs):
        days = dict(real(*args, **kwargs).items())
        # Simulate a Chinese-table date one day early for the whole Tết block.
        tet = {d: n for d, n in days.items() if "Tết Nguyên Đán" in n}
        for d in tet:
            del days[d]
        days.update({date.fromordinal(d.toordinal() - 1): n for d, n in tet.items()})
        return days

    monkeypatch.setattr(workdays.holidays_lib, "country_holidays", shifted)
    workdays.statutory_holidays.cache_clear()
    try:
        assert workdays.statutory_holidays(2026)[date(2026, 2, 17)] == "Tết Nguyên Đán"
    finally:
        workdays.statutory_holidays.cache_clear()


def test_an_absurd_count_is_refused():
    with pytest.raises(ValueError):
        SWAPS_2026.add(date(2026, 1, 1), 100_000)


@pytest.mark.django_db
def test_the_database_calendar_carries_the_2026_swaps_from_a_fresh_migration():
    calendar = get_calendar()
    assert calendar.is_working_day(date(2026, 1, 10))
    assert not calendar.is_working_day(date(2026, 1, 2))
    assert add_working_days(date(2026, 2, 13), 7) == date(2026, 3, 3)
    assert working_days_between(date(2026, 1, 9), date(2026, 1, 12)) == 2  # Sat 10/01 worked


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2026-02-13", "7", "2026-03-03"),
        ("2026-04-24", "7", "2026-05-08"),
        ("2026-01-09", "1", "2026-01-10"),
        ("2026-03-03", "-7", "2026-02-13"),
    ],
)
def test_the_working_days_command_prints_the_iso_date(capsys, start, n, expected):
    call_command("working_days", "--from", start, "--add", n)
    assert capsys.readouterr().out.strip() == expected


@pytest.mark.django_db
def test_the_working_days_command_rejects_a_bad_date_in_vietnamese():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("working_days", "--from", "13/02/2026", "--add", "7")
