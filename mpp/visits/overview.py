"""The month in review and the period around it: everything the home page, `python -m mpp summary` and
the press text need, computed once from the core figures so the three always agree.

Figures use complete months only: the default "through" month is the latest complete one, and the
provisional months after it are listed with their coverage, never counted, unless the reader asks to
include them (`include_partial`), in which case every figure that uses one says "sementara".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from mpp.period import Measure, Period, kind_of
from mpp.visits import coverage, metrics, reporting
from mpp.visits.like_for_like import LikeForLike, like_for_like
from mpp.visits.month_review import MonthReview, month_review


@dataclass(frozen=True)
class Overview:
    sites: tuple[str, ...]
    measure: Measure  # the headline measure: visitors where reported
    through: date  # the last month of the period
    to_date: LikeForLike  # the period against the same months a year earlier, like for like
    total: metrics.Figure  # the period over the whole selection (with `coverage`)
    previous_full_year: metrics.Figure  # the whole previous year: a different length, labelled so
    peaks: pd.DataFrame  # month, value: the busiest months of the period
    agencies: metrics.AgencyShares  # service visits per agency, share of all service visits
    latest_month: date | None  # the last month with any data of the headline measure
    latest_complete_month: date | None  # the last complete month: the default "through"
    monthly_now: pd.DataFrame  # month, value: January-December of the through year
    monthly_last_year: pd.DataFrame
    review: MonthReview  # the through month: against a year and a month earlier
    coverage: tuple[reporting.MonthCoverage, ...]  # every month of the period
    provisional: tuple[reporting.MonthCoverage, ...]  # later months with partial data ("sementara")
    include_partial: bool = False
    previous_full_year_short: tuple[reporting.ShortYear, ...] = ()  # sites with part of that year

    @property
    def period(self) -> Period:
        return self.to_date.comparison.current.period

    @property
    def agencies_active(self) -> int:
        return len(self.agencies.table)

    @property
    def monthly_average(self) -> float | None:
        return metrics.monthly_average(self.total)

    def provisional_months(self) -> list[date]:
        """The months the monthly chart marks "sementara": those of the period not complete in the
        headline measure, the partial months after it, and the through month itself when part of it
        is missing in either measure (its agencies' service visits may be late where the gate count
        is in). The overview page and the report mark the same months."""
        months = [m.month for m in self.coverage if m.provisional]
        months += [m.month for m in self.provisional if m.measure is self.measure]
        if self.review.provisional:
            months.append(self.through)
        return list(dict.fromkeys(months))

    @property
    def uses_provisional(self) -> bool:
        """Does any figure of the period use a month that is not complete? Then it says "sementara".
        A month may be incomplete with no headline data at all (Balikpapan's visitors of October 2025)
        or in the agencies behind the shares (its service visits of that month): both count."""
        agencies = self.review.agency_coverage
        return (
            any(not m.complete for m in self.coverage)
            or self.to_date.is_provisional
            or (agencies is not None and not agencies.complete)
        )


def headline_measure(con: duckdb.DuckDBPyConnection, sites) -> Measure:
    """People entering where the sites report them, else service visits."""
    has_visitors = metrics.latest_month(con, sites, Measure.VISITORS) is not None
    return Measure.VISITORS if has_visitors else Measure.SERVICE_VISITS


def default_through(
    con: duckdb.DuckDBPyConnection, sites, include_partial: bool = False, measure: Measure | None = None
) -> date | None:
    """The latest complete month; with provisional months included the latest month with data, of
    `measure` when given (the overview's headline: Balikpapan's visitors end in September 2025, so a
    period through its service visits' October would put nine months under a ten-month label)."""
    if include_partial:
        measures = [measure] if measure else reporting.measures_with_data(con, sites)
        latest = (metrics.latest_month(con, sites, m) for m in measures)
        return max((month for month in latest if month is not None), default=None)
    return reporting.default_through(con, sites)


def overview(
    con: duckdb.DuckDBPyConnection,
    sites,
    through: date | None = None,
    measure: Measure | None = None,
    period: Period | None = None,
    include_partial: bool = False,
) -> Overview | None:
    """The overview of `period` (default: the year to date through `through`, by default the latest
    complete month); None when there is no data. Coverage is read once for all its figures."""
    with coverage.shared():
        return _overview(con, tuple(sites), through, measure, period, include_partial)


def _overview(
    con: duckdb.DuckDBPyConnection,
    sites: tuple[str, ...],
    through: date | None,
    measure: Measure | None,
    period: Period | None,
    include_partial: bool,
) -> Overview | None:
    measure = measure or headline_measure(con, sites)
    through = period.end if period else (through or default_through(con, sites, include_partial, measure))
    if through is None:
        return None
    period = period or Period.year_to_date(through)
    return _build(con, sites, measure, period, include_partial)


def _build(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, period: Period, include_partial: bool
) -> Overview:
    year, through = Period.full_year(period.end.year), period.end
    complete = reporting.latest_complete(con, sites, measure)
    return Overview(
        sites=sites,
        measure=measure,
        through=through,
        to_date=like_for_like(
            con, sites, period, period.shift_years(-1), measure, kind_of(period), include_partial
        ),
        total=metrics.total(con, sites, period, measure),
        previous_full_year=metrics.total(con, sites, Period.full_year(period.end.year - 1), measure),
        peaks=metrics.peak_months(con, sites, period, measure),
        agencies=metrics.agency_shares(con, sites, period),
        latest_month=metrics.latest_month(con, sites, measure),
        latest_complete_month=complete,
        monthly_now=metrics.monthly(con, sites, year, measure),
        monthly_last_year=metrics.monthly(con, sites, year.shift_years(-1), measure),
        review=month_review(con, sites, through, measure, include_partial),
        coverage=tuple(reporting.period_coverage(con, sites, measure, period)),
        provisional=_provisional(con, sites, measure, through),
        include_partial=include_partial,
        previous_full_year_short=reporting.short_years(
            con, sites, measure, Period.full_year(period.end.year - 1)
        ),
    )


def _provisional(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, through: date
) -> tuple[reporting.MonthCoverage, ...]:
    """The partial months after `through` in every measure the sites report, the headline's first: an
    agency reporting late leaves the month provisional even where the gate count is in."""
    measures = sorted(reporting.measures_with_data(con, sites), key=lambda m: m is not measure)
    return tuple(m for each in measures for m in reporting.provisional_months(con, sites, each, through))
