"""Growth, like for like: each month against the same month a year earlier ("tahun ke tahun"), the year
to date against the same months a year earlier ("tahun kalender"), and full year against full year.
A comparison of periods of unequal length, or not fully reported, has no growth rate; its label says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from mpp.period import Measure, Period
from mpp.visits import metrics
from mpp.visits.like_for_like import Exclusion, like_for_like


@dataclass(frozen=True)
class GrowthView:
    through: date
    monthly: pd.DataFrame  # month, value, last_year, change_pct
    to_date: metrics.Comparison  # January..through against the same months a year earlier
    full_years: metrics.Comparison  # the last full year against the one before
    partial_against_full: metrics.Comparison  # this year so far against last full year: unequal
    sites: tuple[str, ...] = ()  # the sites compared: complete in both years to date
    excluded: tuple[Exclusion, ...] = ()  # the sites left out of the comparison, and why
    provisional: tuple[date, ...] = ()  # incomplete months the reader asked to include ("sementara")

    @property
    def this_year(self) -> pd.DataFrame:
        """month, value: January..through, for the year-against-year chart."""
        return self.monthly[["month", "value"]]

    @property
    def last_year(self) -> pd.DataFrame:
        """month, value: the same months a year earlier, dated in their own year."""
        return pd.DataFrame(
            {
                "month": [m.replace(year=m.year - 1) for m in self.monthly["month"]],
                "value": self.monthly["last_year"],
            }
        )


def monthly_year_on_year(series: pd.DataFrame, through: date) -> pd.DataFrame:
    """month, value, last_year, change_pct for January..through: None where either month is missing.
    `series` is the monthly series (month, value) from January a year earlier."""
    period = Period.year_to_date(through)
    by_month = series.set_index("month")["value"]
    now = pd.DataFrame({"month": period.month_starts()})
    now["value"] = by_month.reindex(now["month"]).to_numpy()
    now["last_year"] = by_month.reindex(period.shift_years(-1).month_starts()).to_numpy()
    change = (now["value"] - now["last_year"]) / now["last_year"].where(now["last_year"] > 0) * 100
    now["change_pct"] = change.astype("Float64")
    return now


def growth_view(
    con: duckdb.DuckDBPyConnection, sites, through: date, measure: Measure, include_partial: bool = False
) -> GrowthView:
    """Every comparison of the page from one monthly series (January two years back to `through`), over
    the sites complete in both years to date (like for like; the others are named in `excluded`).
    `provisional` names the incomplete months the years to date hold, so the page marks every figure
    over them "sementara"."""
    ytd, year = Period.year_to_date(through), through.year
    same = like_for_like(con, sites, ytd, ytd.shift_years(-1), measure, "year_to_date", include_partial)
    sites = same.sites
    series = metrics.monthly(con, sites, Period(date(year - 2, 1, 1), ytd.end), measure)

    def figure(period: Period) -> metrics.Figure:
        return metrics.figure_of(series, period, measure, sites)

    last_full = figure(Period.full_year(year - 1))
    return GrowthView(
        through=through,
        monthly=monthly_year_on_year(series, through),
        to_date=metrics.Comparison(figure(ytd), figure(ytd.shift_years(-1)), "year_to_date"),
        full_years=metrics.Comparison(last_full, figure(Period.full_year(year - 2)), "full_year"),
        partial_against_full=metrics.Comparison(figure(ytd), last_full, "partial_year"),
        sites=tuple(sites),
        excluded=same.excluded,
        provisional=same.provisional,
    )


def agency_growth(con: duckdb.DuckDBPyConnection, sites, period: Period) -> pd.DataFrame:
    """agency, visits, visits_last_year, change_pct, fastest growing first; agencies new this year
    (no visits a year earlier) last, without a rate."""
    table = metrics.agency_growth(con, sites, period)
    table["visits"] = table["visits"].astype("int64")
    table["visits_last_year"] = table["visits_last_year"].astype("Int64")
    table["change_pct"] = table["change_pct"].astype("Float64")
    return table.sort_values(
        ["change_pct", "visits"], ascending=[False, False], na_position="last"
    ).reset_index(drop=True)


def why_no_rate(comparison: metrics.Comparison) -> str | None:
    """Why a comparison shows no growth rate: 'unequal' periods (nine months against twelve),
    'no_base' (nothing reported a year earlier) or 'incomplete' months; None when it has one."""
    now, base = comparison.current, comparison.base
    if now.period.months != base.period.months:
        return "unequal"
    if not base.value:
        return "no_base"
    return None if comparison.equal_periods else "incomplete"
