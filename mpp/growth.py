"""Growth, like for like: each month against the same month a year earlier ("tahun ke tahun"), the year
to date against the same months a year earlier ("tahun kalender"), and full year against full year.
A comparison of periods of unequal length, or not fully reported, has no growth rate; its label says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from mpp import metrics
from mpp.period import Measure, Period


@dataclass(frozen=True)
class GrowthView:
    through: date
    monthly: pd.DataFrame                  # month, value, last_year, change_pct
    to_date: metrics.Comparison            # January..through against the same months a year earlier
    full_years: metrics.Comparison         # the last full year against the one before
    partial_against_full: metrics.Comparison  # this year so far against last full year: unequal


def monthly_year_on_year(con, sites, year: int, measure: Measure, through: date) -> pd.DataFrame:
    """month, value, last_year, change_pct for January..through: None where either month is missing."""
    period = Period(date(year, 1, 1), Period.month(through).start)
    now = metrics.monthly(con, sites, period, measure)
    before = metrics.monthly(con, sites, period.shift_years(-1), measure)
    now["last_year"] = before["value"].to_numpy()
    change = (now["value"] - now["last_year"]) / now["last_year"].where(now["last_year"] > 0) * 100
    now["change_pct"] = change.astype("Float64")
    return now


def growth_view(con, sites, through: date, measure: Measure) -> GrowthView:
    year = through.year
    this_year = metrics.total(con, sites, Period.year_to_date(through), measure)
    last_full = metrics.total(con, sites, Period.full_year(year - 1), measure)
    return GrowthView(
        through=through,
        monthly=monthly_year_on_year(con, sites, year, measure, through),
        to_date=metrics.year_to_date(con, sites, through, measure),
        full_years=metrics.full_year(con, sites, year - 1, measure),
        partial_against_full=metrics.Comparison(this_year, last_full, "partial_year"),
    )


def agency_growth(con, sites, period: Period) -> pd.DataFrame:
    """agency, visits, visits_last_year, change_pct, fastest growing first; agencies new this year
    (no visits a year earlier) last, without a rate."""
    table = metrics.agency_growth(con, sites, period)
    table["visits"] = table["visits"].astype("int64")
    table["visits_last_year"] = table["visits_last_year"].astype("Int64")
    table["change_pct"] = table["change_pct"].astype("Float64")
    return table.sort_values(["change_pct", "visits"], ascending=[False, False],
                             na_position="last").reset_index(drop=True)


def why_no_rate(comparison: metrics.Comparison) -> str | None:
    """Why a comparison shows no growth rate: 'unequal' periods (nine months against twelve),
    'no_base' (nothing reported a year earlier) or 'incomplete' months; None when it has one."""
    now, base = comparison.current, comparison.base
    if now.period.months != base.period.months:
        return "unequal"
    if not base.value:
        return "no_base"
    return None if comparison.equal_periods else "incomplete"
