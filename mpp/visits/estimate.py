"""The year-end estimate: the total a selection of sites is likely to reach by December, with a range,
from the complete months reported so far this year and the seasonal profile of earlier complete years.

Method (README, "The year-end estimate"). Let January..k be the complete months of the year so far
(mpp.visits.coverage: a partial month is never used; several sites are taken like for like, the others
named) and `to_date` their total. For each earlier complete year j (all twelve months complete for
the same sites; at most MAX_YEARS, the newest) the share of its total made in January..k is s_j, and
p(m) its month m's share of the year. With the mean profile p and s = p(1) + ... + p(k):

    estimate = to_date / s                     (the rest of the year keeps the profile's proportions)

The range has two parts, and covers both:
- the profile's own spread: to_date / s_j for each earlier year j (nothing with one earlier year);
- the month-to-month variability of this year: each known month implies a yearly total
  y(m) / p(m); with d the standard deviation of their logarithms over the n known months, the rest of
  the year (estimate - to_date) is scaled by exp(+-h), h = t(n-1) * d * sqrt(1/n + 1/(12-k)), t the
  Student quantile for a nominal 90 % range (a prediction interval for the mean of the 12-k months to
  come, as if months varied independently; a trend makes them move together, which the backtest shows).

Not given (`NoEstimate`, with the reason) without data, before MIN_MONTHS complete months (with two,
t(1) = 6,3 makes the range span a factor of six), without an earlier complete year, or once December is
complete (the year's real total is then known).

    found = year_end_estimate(con, ["MPP Kota Balikpapan"], date(2025, 9, 1))
    found.text()      # 'diperkirakan 53.000-60.000 pengunjung hingga Desember 2025'
    found.basis_text()  # 'dari Januari-September 2025 dan pola musiman 2024'
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from mpp import fmt
from mpp.period import Measure, Period
from mpp.text.catalogue import t
from mpp.visits import coverage, metrics
from mpp.visits.like_for_like import Exclusion
from mpp.visits.overview import headline_measure

MIN_MONTHS = 3  # complete months before a range is given
MAX_YEARS = 5  # earlier complete years in the profile, the newest first: seasons drift
# Student t, 95th percentile (two-sided 90 %), by degrees of freedom 1..10 (12 - 1 months at most).
T90 = (6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812)
REASONS = ("no_data", "no_complete_month", "too_few_months", "no_earlier_year", "year_complete")


@dataclass(frozen=True)
class YearEndEstimate:
    """An estimated year-end total with its range; never a figure of data."""

    sites: tuple[str, ...]  # the sites estimated (like for like)
    measure: Measure
    basis: Period  # January..k of the year: the complete months used
    years: tuple[int, ...]  # the earlier complete years of the seasonal profile, oldest first
    to_date: int  # the total of the basis months
    value: float  # the estimate
    low: float  # its range
    high: float
    excluded: tuple[Exclusion, ...] = ()  # selected sites left out, and why
    actual: int | None = None  # the year's real total, when the store has all of it (a past year)

    @property
    def year(self) -> int:
        return self.basis.start.year

    def rounded(self) -> tuple[int, int]:
        """The range as prose gives it: outwards to a round step (`prose_step`)."""
        step = prose_step(self.low, self.high, self.value)
        return math.floor(self.low / step) * step, math.ceil(self.high / step) * step

    def range_text(self, lang: str = "id") -> str:
        """'53.000-60.000' ('1.320' when both ends round alike); '53,000-60,000' in English."""
        low, high = self.rounded()
        if low == high:
            return fmt.number(low, lang=lang)
        return f"{fmt.number(low, lang=lang)}-{fmt.number(high, lang=lang)}"

    def text(self, lang: str = "id") -> str:
        """'diperkirakan 53.000-60.000 pengunjung hingga Desember 2025'."""
        measure = self.measure.label(lang)
        return t("estimate_text", lang, range=self.range_text(lang), measure=measure, year=self.year)

    def basis_text(self, lang: str = "id") -> str:
        """'dari Januari-September 2025 dan pola musiman 2023-2024'."""
        return t("estimate_basis", lang, basis=self.basis.label(lang), years=years_label(self.years, lang))

    def short_basis_text(self, lang: str = "id") -> str:
        """'Jan-Sep 2025 · pola 2024': the basis where space is short (a card)."""
        basis = self.basis.label(lang, short=True)
        return t("estimate_card_basis", lang, basis=basis, years=years_label(self.years, lang))


@dataclass(frozen=True)
class NoEstimate:
    """Why there is no estimate; `actual` is the year's real total when the year is complete."""

    reason: str  # one of REASONS
    year: int
    measure: Measure
    basis: Period | None = None  # the complete months there are, when too few
    actual: int | None = None

    def text(self, lang: str = "id") -> str:
        """'Perkiraan akhir tahun belum dapat dibuat: belum ada tahun lengkap sebelum 2026.'"""
        values = {
            "year": self.year,
            "basis": self.basis.label(lang) if self.basis else "",
            "measure": self.measure.label(lang),
            "actual": fmt.number(self.actual, lang=lang),
            "months": MIN_MONTHS,
        }
        return t(f"estimate_none_{self.reason}", lang, **values)


def years_label(years: tuple[int, ...], lang: str = "id") -> str:
    """'2024'; '2023-2024' for consecutive years; '2021 dan 2023' otherwise."""
    if len(years) > 1 and years[-1] - years[0] == len(years) - 1:
        return f"{years[0]}-{years[-1]}"
    names = [str(y) for y in years]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t('statement_and', lang)} {names[-1]}"


def prose_step(low: float, high: float, value: float) -> int:
    """The round step of a range in prose: the largest of 1, 2, 5 x 10^n within a quarter of its
    width, and at least a hundredth of the estimate (no estimate is known to the unit)."""
    wanted = max((high - low) / 4, value / 100, 1)
    steps = [m * 10**n for n in range(12) for m in (1, 2, 5)]
    return max(s for s in steps if s <= wanted)


# --- reading the months --------------------------------------------------------------------------


def _values(con: duckdb.DuckDBPyConnection, sites, period: Period, measure: Measure) -> list[int]:
    """The period's monthly totals; a month without a row (a closed month without service) is 0."""
    series = metrics.monthly(con, sites, period, measure)["value"]
    return [0 if pd.isna(v) else int(v) for v in series.astype("object")]


def _basis_end(con: duckdb.DuckDBPyConnection, sites, measure: Measure, month: date) -> date | None:
    """The last month k <= `month` of its year with January..k all complete for the selection."""
    found = None
    for status in coverage.statuses(con, list(sites), measure, Period(date(month.year, 1, 1), month)):
        if not status.complete:
            break
        found = status.month
    return found


def _earlier_years(
    con: duckdb.DuckDBPyConnection, sites: tuple[str, ...], measure: Measure, year: int
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """(sites, years): the sites complete in the newest earlier year in which any is complete, and the
    earlier years (at most MAX_YEARS, the newest) in which all of those are complete."""
    first = metrics.first_month(con, sites, measure)
    kept: tuple[str, ...] = ()
    years: list[int] = []
    for y in range(year - 1, (first.year if first else year) - 1, -1):
        done = coverage.complete_sites(con, list(sites), measure, Period.full_year(y))
        kept = kept or done
        if kept and set(kept) <= set(done):
            years.append(y)
        if len(years) == MAX_YEARS:
            break
    return kept, tuple(sorted(years))


# --- the arithmetic ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Projection:
    """The estimate of one series and its range (pure arithmetic, no store)."""

    value: float
    low: float
    high: float


def project(current: list[int], earlier: list[list[int]]) -> Projection | None:
    """`current`: the months January..k of this year; `earlier`: each earlier complete year's twelve
    months. None when the profile gives January..k no share or fewer than two months can be compared."""
    k = len(current)
    profiles = [[v / sum(year) for v in year] for year in earlier if sum(year) > 0]
    if not profiles or k >= 12:
        return None
    profile = [statistics.fmean(p[m] for p in profiles) for m in range(12)]
    share, to_date = sum(profile[:k]), sum(current)
    if share <= 0:
        return None
    value = to_date / share
    implied = [math.log(v / p) for v, p in zip(current, profile[:k], strict=True) if v > 0 and p > 0]
    if len(implied) < 2:
        return None
    n = len(implied)
    h = T90[n - 2] * statistics.stdev(implied) * math.sqrt(1 / n + 1 / (12 - k))
    rest = value - to_date
    by_year = [to_date / sum(p[:k]) for p in profiles if sum(p[:k]) > 0]
    low = min([to_date + rest * math.exp(-h), *by_year])
    high = max([to_date + rest * math.exp(h), *by_year])
    return Projection(value, low, high)


# --- the estimate --------------------------------------------------------------------------------


def year_end_estimate(
    con: duckdb.DuckDBPyConnection, sites, month: date, measure: Measure | None = None
) -> YearEndEstimate | NoEstimate:
    """The estimated total of `month`'s year from its complete months up to `month`, for the sites
    (the headline measure by default: visitors where reported). See the module docstring."""
    sites = tuple(sites)
    measure = measure or headline_measure(con, sites)
    year = month.year
    end = _basis_end(con, sites, measure, month)
    if end is None:
        reason = "no_data" if metrics.latest_month(con, sites, measure) is None else "no_complete_month"
        return NoEstimate(reason, year, measure)
    basis = Period(date(year, 1, 1), end)
    if end.month == 12:
        return NoEstimate("year_complete", year, measure, basis, sum(_values(con, sites, basis, measure)))
    if basis.months < MIN_MONTHS:
        return NoEstimate("too_few_months", year, measure, basis)
    return _estimate(con, sites, measure, basis)


def _estimate(
    con: duckdb.DuckDBPyConnection, sites: tuple[str, ...], measure: Measure, basis: Period
) -> YearEndEstimate | NoEstimate:
    complete = coverage.complete_sites(con, list(sites), measure, basis)
    if not complete:  # each month complete, but never the same sites all through
        return NoEstimate("no_complete_month", basis.start.year, measure, basis)
    excluded = [_short(con, s, measure, basis) for s in sites if s not in complete]
    kept, years = _earlier_years(con, complete, measure, basis.start.year)
    excluded += [Exclusion(s, "no_earlier_year", basis) for s in complete if s not in kept]
    if not years:
        return NoEstimate("no_earlier_year", basis.start.year, measure, basis)
    current = _values(con, kept, basis, measure)
    earlier = [_values(con, kept, Period.full_year(y), measure) for y in years]
    found = project(current, earlier)
    if found is None:
        return NoEstimate("too_few_months", basis.start.year, measure, basis)
    return YearEndEstimate(
        kept,
        measure,
        basis,
        years,
        sum(current),
        found.value,
        found.low,
        found.high,
        tuple(excluded),
        _actual(con, kept, measure, basis.start.year),
    )


def _short(con: duckdb.DuckDBPyConnection, site: str, measure: Measure, basis: Period) -> Exclusion:
    """A site left out: no data in the months of the basis, or some of them incomplete."""
    empty = metrics.total(con, [site], basis, measure).value is None
    return Exclusion(site, "no_data" if empty else "incomplete", basis)


def _actual(con: duckdb.DuckDBPyConnection, sites, measure: Measure, year: int) -> int | None:
    """The year's real total when every month of it is complete for the sites (a past year)."""
    whole = Period.full_year(year)
    if coverage.complete_sites(con, list(sites), measure, whole) != tuple(sites):
        return None
    return sum(_values(con, sites, whole, measure))
