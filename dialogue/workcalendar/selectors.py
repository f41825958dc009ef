"""The working-day calendar as the rest of the product sees it: the statutory holidays
plus the exceptions stored in the database. Every deadline goes through `get_calendar`."""

from datetime import date

from django.core.cache import cache

from dialogue.lib.workdays import WorkingCalendar, statutory_holidays
from dialogue.workcalendar.models import CalendarException, ExceptionKind

_CACHE_KEY = "workcalendar:exceptions:v1"


def get_calendar() -> WorkingCalendar:
    data = cache.get(_CACHE_KEY)
    if data is None:
        rows = list(CalendarException.objects.values_list("date", "kind"))
        data = (
            [d for d, k in rows if k == ExceptionKind.DAY_OFF],
            [d for d, k in rows if k == ExceptionKind.WORKING_DAY],
        )
        cache.set(_CACHE_KEY, data, 300)
    return WorkingCalendar.from_exceptions(*data)


def invalidate_calendar() -> None:
    cache.delete(_CACHE_KEY)


def add_working_days(start: date, n: int) -> date:
    return get_calendar().add(start, n)


def working_days_between(start: date, end: date) -> int:
    return get_calendar().between(start, end)


def lateness(due: date | None, today: date, *, done_on: date | None = None) -> tuple[int, int | None]:
    """(working days late, working days left) of something due on `due`: while open,
    measured against today; once done (`done_on`), how late it was done (no days left)."""
    if not due:
        return 0, None
    calendar = get_calendar()
    if done_on is not None:
        return (calendar.between(due, done_on) if done_on > due else 0), None
    if due < today:
        return calendar.between(due, today), None
    return 0, calendar.between(today, due)


def year_overview(year: int) -> list[dict]:
    """Every day of `year` that is not an ordinary day: holidays, swaps, worked weekends."""
    calendar = get_calendar()
    exceptions = {e.date: e for e in CalendarException.objects.filter(date__year=year)}
    rows = []
    for day, name in sorted(statutory_holidays(year).items()):
        rows.append({"date": day, "name": name, "source": "statutory", "working": calendar.is_working_day(day)})
    for day, exc in exceptions.items():
        rows.append(
            {
                "date": day,
                "name": exc.reason,
                "source": "exception",
                "exception": exc,
                "working": calendar.is_working_day(day),
            }
        )
    rows.sort(key=lambda r: (r["date"], r["source"]))
    return rows


def month_grid(year: int, month: int) -> list[list[dict | None]]:
    """Weeks (Monday first) of one month, each day marked working or not, for the calendar page."""
    import calendar as std_calendar

    cal = get_calendar()
    weeks = []
    for week in std_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {
                    "date": d,
                    "in_month": d.month == month,
                    "working": cal.is_working_day(d),
                    "holiday": cal.holiday_name(d),
                }
                for d in week
            ]
        )
    return weeks
