"""Periods of whole calendar months, and what a figure measures. Every figure the core returns carries
both, so no page can print an unlabelled number or compare nine months with twelve unawares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from mpp import fmt
from mpp.text.catalogue import t


class Measure(str, Enum):  # noqa: UP042 - a StrEnum would change str(measure) and f"{measure}"
    """Two different counts that must never be divided by one another (see domain.md)."""

    VISITORS = "visitors"  # pengunjung: people entering the mall
    SERVICE_VISITS = "service_visits"  # kunjungan layanan: queue tickets served by agencies

    def label(self, lang: str = "id") -> str:
        return t(f"measure_{self.value}", lang)


def month_start(day: date) -> date:
    return date(day.year, day.month, 1)


def add_months(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, order=True)
class Period:
    """Whole months from `start` to `end` inclusive; both are first days of months."""

    start: date
    end: date

    def __post_init__(self):
        if self.start.day != 1 or self.end.day != 1 or self.end < self.start:
            raise ValueError(f"not a period of whole months: {self.start}..{self.end}")

    @classmethod
    def month(cls, day: date) -> Period:
        return cls(month_start(day), month_start(day))

    @classmethod
    def year_to_date(cls, through: date) -> Period:
        """January up to and including the month of `through`."""
        return cls(date(through.year, 1, 1), month_start(through))

    @classmethod
    def full_year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 1))

    @classmethod
    def parse(cls, text: str) -> Period:
        """'2025-07' (one month) or '2025-01..2025-09'."""
        first, _, last = text.partition("..")
        start = date.fromisoformat(first.strip() + "-01")
        return cls(start, date.fromisoformat((last or first).strip() + "-01"))

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def last_day(self) -> date:
        return date.fromordinal(add_months(self.end, 1).toordinal() - 1)

    @property
    def is_full_year(self) -> bool:
        return self.start.month == 1 and self.end.month == 12 and self.start.year == self.end.year

    def month_starts(self) -> list[date]:
        return [add_months(self.start, i) for i in range(self.months)]

    def shift_years(self, years: int) -> Period:
        return Period(add_months(self.start, 12 * years), add_months(self.end, 12 * years))

    def shift_months(self, months: int) -> Period:
        return Period(add_months(self.start, months), add_months(self.end, months))

    def label(self, lang: str = "id", short: bool = False) -> str:
        """'Januari-September 2025' (short: 'Jan-Sep 2025')."""
        return fmt.span_label(self.start, self.end, lang, short)

    def iso(self) -> dict:
        return {"from": self.start.strftime("%Y-%m"), "to": self.end.strftime("%Y-%m")}


# The periods a reader can choose (sidebar), as data: kind -> how many months it spans, or None for
# "from January" (year to date) and "any range" (custom). Each is compared with the same range a year
# earlier, so every comparison is like for like by construction.
PERIOD_KINDS = ("month", "quarter", "semester", "year_to_date", "year", "custom")
ROMAN = ("I", "II", "III", "IV")


def quarter(year: int, number: int) -> Period:
    """Triwulan `number` (1-4) of `year`."""
    start = date(year, 3 * number - 2, 1)
    return Period(start, add_months(start, 2))


def semester(year: int, number: int) -> Period:
    """Semester `number` (1-2) of `year`."""
    start = date(year, 6 * number - 5, 1)
    return Period(start, add_months(start, 5))


def period_of(kind: str, through: date, start: date | None = None) -> Period:
    """The period of `kind` that ends with (or, for a quarter, semester or year, contains) the month
    `through`; `custom` runs from `start` to `through`."""
    through = month_start(through)
    if kind == "month":
        return Period.month(through)
    if kind == "quarter":
        return quarter(through.year, (through.month - 1) // 3 + 1)
    if kind == "semester":
        return semester(through.year, 1 if through.month <= 6 else 2)
    if kind == "year":
        return Period.full_year(through.year)
    if kind == "custom":
        return Period(min(month_start(start or through), through), through)
    return Period.year_to_date(through)


def kind_of(period: Period) -> str:
    """The kind a period is: the inverse of period_of, 'custom' when it is none of the named ones."""
    for kind in ("month", "quarter", "semester", "year", "year_to_date"):  # a full year is named so
        if period_of(kind, period.end) == period:
            return kind
    return "custom"


def period_name(period: Period, lang: str = "id") -> str:
    """A period named as a report names it: 'Triwulan III 2025 (Juli-September 2025)',
    'Semester I 2025 (Januari-Juni 2025)', otherwise its months ('Januari-Oktober 2025')."""
    kind, months = kind_of(period), period.label(lang)
    if kind == "quarter":
        number = ROMAN[(period.start.month - 1) // 3]
        return t("period_name_quarter", lang, number=number, year=period.start.year, months=months)
    if kind == "semester":
        number = ROMAN[period.start.month // 6]
        return t("period_name_semester", lang, number=number, year=period.start.year, months=months)
    return months
