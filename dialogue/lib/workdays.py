"""Vietnamese working-day arithmetic, pure: no database, no settings.

A working day is Monday to Friday unless it is a public holiday (Labour Code 2019,
art. 112, as published each year including days off in lieu) or an official swap makes
it a day off; a Saturday or Sunday becomes a working day when a swap says so (2026:
Saturday 10/01 worked for Friday 02/01). Counting starts the day after the event
(Civil Code art. 147): 7 working days after Friday 13/02/2026 is 03/03/2026.

Statutory holidays come from the `holidays` package (Vietnam). The lunar holidays
(Tết, Giỗ Tổ Hùng Vương 10/3) are checked against `lunar-vn`, which computes the
Vietnamese calendar at UTC+7; where the two disagree, lunar-vn wins and the holiday
block is moved to the Vietnamese date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays as holidays_lib
import lunar_vn

# An absurd count would loop for ages; no deadline in the domain is a decade long.
MAX_WORKING_DAYS = 2600


# The name the `holidays` package gives the anchor day of each lunar holiday, and a test
# for every day that belongs to the same block (Tết spans several days, Giỗ Tổ may have
# a day in lieu).
_LUNAR_HOLIDAYS = (
    (1, 1, "Tết Nguyên Đán", lambda name: "Tết Nguyên Đán" in name or name == "29 Tết"),
    (3, 10, "Ngày Giỗ Tổ Hùng Vương", lambda name: "Giỗ Tổ Hùng Vương" in name),
)


@lru_cache(maxsize=64)
def statutory_holidays(year: int) -> Mapping[date, str]:
    """Public holidays of one year, in Vietnamese, with Tết and Giỗ Tổ on Vietnamese lunar dates."""
    days = dict(holidays_lib.country_holidays("VN", years=year, language="vi").items())
    for lunar_month, lunar_day, anchor_name, in_block in _LUNAR_HOLIDAYS:
        expected = lunar_vn.lunar_to_solar(lunar_vn.LunarDate(lunar_day, lunar_month, year))
        anchor = next((d for d, name in days.items() if name == anchor_name), None)
        if anchor is None:
            days[expected] = anchor_name
        elif anchor != expected:
            block = {d: name for d, name in days.items() if in_block(name)}
            for d in block:
                del days[d]
            for d, name in block.items():
                days[d + (expected - anchor)] = name
    return days


@dataclass(frozen=True)
class WorkingCalendar:
    """Holidays plus the exceptions an administrator has recorded.

    `days_off` are extra days off (e.g. a swapped Friday); `working_days` are days that
    are worked although they would otherwise be off (e.g. a swapped Saturday).
    """

    days_off: frozenset[date] = field(default_factory=frozenset)
    working_days: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def from_exceptions(cls, days_off: Iterable[date] = (), working_days: Iterable[date] = ()) -> WorkingCalendar:
        return cls(frozenset(days_off), frozenset(working_days))

    def holiday_name(self, day: date) -> str | None:
        return statutory_holidays(day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        if day in self.working_days:
            return True
        if day in self.days_off:
            return False
        if day.weekday() >= 5:
            return False
        return day not in statutory_holidays(day.year)

    def add(self, start: date, n: int) -> date:
        """The date `n` working days after `start` (before it when n is negative).

        n == 0 returns `start` itself if it is a working day, else the next working day.
        """
        if abs(n) > MAX_WORKING_DAYS:
            raise ValueError(f"working-day count out of range: {n}")
        if n == 0:
            day = start
            while not self.is_working_day(day):
                day += timedelta(days=1)
            return day
        step = timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        day = start
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative when end < start.

        This is how late something is: due Monday, done Wednesday -> 2.
        """
        if end == start:
            return 0
        sign = 1 if end > start else -1
        lo, hi = (start, end) if sign > 0 else (end, start)
        count = 0
        day = lo
        while day < hi:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return sign * count
