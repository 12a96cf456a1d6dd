"""The Indonesian working calendar: national holidays and cuti bersama, 5- or 6-day weeks."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _days_off(year: int) -> holidays.HolidayBase:
    # 'government' adds cuti bersama, the joint leave days offices close on.
    return holidays.Indonesia(years=year, categories=("public", "government"))


def is_working_day(day: date, days_per_week: int = 5) -> bool:
    """Monday-Friday (or -Saturday for 6-day sites) that is no holiday or cuti bersama."""
    return day.weekday() < days_per_week and day not in _days_off(day.year)


def working_days(first: date, last: date, days_per_week: int = 5) -> int:
    """Working days from first to last inclusive."""
    count, day = 0, first
    while day <= last:
        count += is_working_day(day, days_per_week)
        day += timedelta(days=1)
    return count


@lru_cache(maxsize=64)
def _named_days_off(year: int, language: str) -> holidays.HolidayBase:
    return holidays.Indonesia(years=year, categories=("public", "government"), language=language)


def days_off(first: date, last: date, lang: str = "id") -> list[tuple[date, str]]:
    """The national holidays and cuti bersama from first to last inclusive, by day, named in the
    reader's language ('Cuti Bersama Idul Fitri' / 'Eid al-Fitr Joint Holiday')."""
    language = "en_US" if lang == "en" else "id"
    found = [
        (day, name)
        for year in range(first.year, last.year + 1)
        for day, name in _named_days_off(year, language).items()
        if first <= day <= last
    ]
    return sorted(found)


def holiday_name(day: date) -> str | None:
    """The holiday or cuti bersama on this day, if any."""
    return _days_off(day.year).get(day)


@lru_cache(maxsize=4096)
def month_working_days(year: int, month: int, days_per_week: int = 5) -> int:
    """Working days in one calendar month (cached: pages ask for the same months over and over)."""
    first = date(year, month, 1)
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return working_days(first, last, days_per_week)
