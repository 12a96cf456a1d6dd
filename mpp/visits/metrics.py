"""The core figures: totals, monthly series, agency shares, peaks, growth, averages.

Every result carries its measure, its period and its sites (a `Figure`), and comparisons say whether
their two periods are of equal length (a `Comparison`), so a page cannot print an unlabelled number or
pass nine months against twelve off as growth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from mpp import calendar
from mpp.period import Measure, Period, add_months
from mpp.store.db import checked, query_df, query_rows

MONTHLY_QUERY = {Measure.VISITORS: "monthly_visitors", Measure.SERVICE_VISITS: "monthly_service_visits"}


@dataclass(frozen=True)
class Figure:
    """One count of one measure over one period for one or more sites."""

    value: int | None  # None when no month of the period has data
    measure: Measure
    period: Period
    sites: tuple[str, ...]
    months_with_data: int = 0

    @property
    def complete(self) -> bool:
        return self.months_with_data == self.period.months


@dataclass(frozen=True)
class Comparison:
    """A figure against a base figure of the same measure."""

    current: Figure
    base: Figure
    kind: str  # year_to_date | year_on_year | month_on_month | full_year

    @property
    def equal_periods(self) -> bool:
        """Like for like: same number of months, and both fully reported."""
        return (
            self.current.period.months == self.base.period.months
            and self.current.complete
            and self.base.complete
        )

    @property
    def change_pct(self) -> float | None:
        """Growth in percent, or None when there is no base or the periods differ."""
        if not self.equal_periods or not self.base.value or self.current.value is None:
            return None
        return (self.current.value - self.base.value) / self.base.value * 100


def _params(sites, period: Period) -> dict:
    return {"sites": list(sites), "start": period.start, "end": period.end}


def monthly(con: duckdb.DuckDBPyConnection, sites, period: Period, measure: Measure) -> pd.DataFrame:
    """One row per month of the period: month (date) and value (<NA> where nothing is reported)."""
    found = query_df(con, MONTHLY_QUERY[measure], **_params(sites, period))
    found["month"] = pd.to_datetime(found["month"]).dt.date
    frame = pd.DataFrame({"month": period.month_starts()})
    frame = frame.merge(found, on="month", how="left")
    frame["value"] = frame["value"].astype("Int64")
    return frame


def total(con: duckdb.DuckDBPyConnection, sites, period: Period, measure: Measure) -> Figure:
    series = monthly(con, sites, period, measure)["value"]
    reported = int(series.notna().sum())
    value = int(series.sum()) if reported else None
    return Figure(value, measure, period, tuple(sites), reported)


def latest_month(con: duckdb.DuckDBPyConnection, sites, measure: Measure) -> date | None:
    """The last month with data of this measure for these sites."""
    row = query_rows(con, "latest_month", sites=list(sites))[0]
    return row[0] if measure is Measure.VISITORS else row[1]


def first_month(con: duckdb.DuckDBPyConnection, sites, measure: Measure) -> date | None:
    row = query_rows(con, "first_month", sites=list(sites))[0]
    return row[0] if measure is Measure.VISITORS else row[1]


def compare(
    con: duckdb.DuckDBPyConnection, sites, current: Period, base: Period, measure: Measure, kind: str
) -> Comparison:
    return Comparison(total(con, sites, current, measure), total(con, sites, base, measure), kind)


def year_to_date(con: duckdb.DuckDBPyConnection, sites, through: date, measure: Measure) -> Comparison:
    """January..through against the same months a year earlier ("tahun kalender")."""
    period = Period.year_to_date(through)
    return compare(con, sites, period, period.shift_years(-1), measure, "year_to_date")


def year_on_year(con: duckdb.DuckDBPyConnection, sites, month: date, measure: Measure) -> Comparison:
    """One month against the same month a year earlier ("tahun ke tahun")."""
    period = Period.month(month)
    return compare(con, sites, period, period.shift_years(-1), measure, "year_on_year")


def month_on_month(con: duckdb.DuckDBPyConnection, sites, month: date, measure: Measure) -> Comparison:
    period = Period.month(month)
    return compare(con, sites, period, period.shift_months(-1), measure, "month_on_month")


def full_year(con: duckdb.DuckDBPyConnection, sites, year: int, measure: Measure) -> Comparison:
    period = Period.full_year(year)
    return compare(con, sites, period, period.shift_years(-1), measure, "full_year")


def peak_months(
    con: duckdb.DuckDBPyConnection, sites, period: Period, measure: Measure, n: int = 3
) -> pd.DataFrame:
    """The n busiest months, highest first (ties: the earlier month first)."""
    series = monthly(con, sites, period, measure).dropna()
    ranked = series.sort_values(["value", "month"], ascending=[False, True]).head(n)
    return ranked.reset_index(drop=True)


@dataclass(frozen=True)
class AgencyShares:
    """Agencies ranked by service visits, each with its share of `base` (all service visits)."""

    table: pd.DataFrame  # agency, visits, share (percent)
    base: Figure


def agency_shares(con: duckdb.DuckDBPyConnection, sites, period: Period) -> AgencyShares:
    table = query_df(con, "agency_totals", **_params(sites, period))[["agency", "visits"]]
    table["visits"] = table["visits"].astype("int64")
    base = total(con, sites, period, Measure.SERVICE_VISITS)
    table["share"] = table["visits"] / base.value * 100 if base.value else float("nan")
    return AgencyShares(table, base)


def agency_growth(con: duckdb.DuckDBPyConnection, sites, period: Period) -> pd.DataFrame:
    """Per agency: visits now, visits in the same months a year earlier, change in percent."""
    now = query_df(con, "agency_totals", **_params(sites, period))
    before = query_df(con, "agency_totals", **_params(sites, period.shift_years(-1)))
    table = now[["agency", "visits"]].merge(
        before[["agency", "visits"]].rename(columns={"visits": "visits_last_year"}), on="agency", how="left"
    )
    table["change_pct"] = (table["visits"] - table["visits_last_year"]) / table["visits_last_year"] * 100
    return table


def monthly_average(figure: Figure) -> float | None:
    """Average per reported month."""
    return (
        figure.value / figure.months_with_data
        if figure.months_with_data and figure.value is not None
        else None
    )


def site_working_days(con: duckdb.DuckDBPyConnection, sites, period: Period) -> dict[str, int]:
    """Working days in the period for each site, by its 5- or 6-day week."""
    weeks = dict(query_rows(con, "site_weeks", sites=list(sites)))
    return {site: calendar.working_days(period.start, period.last_day, weeks.get(site, 5)) for site in sites}


def per_working_day(con: duckdb.DuckDBPyConnection, sites, period: Period, measure: Measure) -> float | None:
    """The sites' combined average per working day: each site's total over its own working days."""
    days = site_working_days(con, sites, period)
    rates = [total(con, [site], period, measure) for site in sites]
    known = [(f.value, days[f.sites[0]]) for f in rates if f.value is not None and days[f.sites[0]]]
    return sum(v / d for v, d in known) if known else None


def agencies_active(con: duckdb.DuckDBPyConnection, sites, period: Period) -> int:
    return len(query_df(con, "agency_totals", **_params(sites, period)))


def previous_month(day: date) -> date:
    return add_months(day, -1)


def figure_of(series: pd.DataFrame, period: Period, measure: Measure, sites) -> Figure:
    """The figure of `period` from a monthly series already fetched (month, value): one query can then
    serve several figures. Months of the period missing from the series count as unreported."""
    part = series.loc[(series["month"] >= period.start) & (series["month"] <= period.end), "value"]
    reported = int(part.notna().sum())
    value = checked(int(part.astype("object").sum())) if reported else None  # exact, never wrapped
    return Figure(value, measure, period, tuple(sites), reported)
