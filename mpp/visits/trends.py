"""Trends and peaks: the monthly series with years overlaid, peak months ranked, the year x month
grid, and, where a site reports daily figures, the day-of-week pattern. Visits per working day use
each site's own 5- or 6-day week and the Indonesian holidays and cuti bersama."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from mpp import calendar
from mpp.period import Measure, Period
from mpp.store.db import query_df, query_rows
from mpp.text.catalogue import t
from mpp.visits import metrics


def history(con: duckdb.DuckDBPyConnection, sites, measure: Measure, through: date) -> Period | None:
    """From January of the first year with data up to `through`."""
    first = metrics.first_month(con, sites, measure)
    if first is None or first > through:
        return None
    return Period(date(first.year, 1, 1), Period.month(through).start)


def years_overlaid(con: duckdb.DuckDBPyConnection, sites, measure: Measure, through: date) -> pd.DataFrame:
    """month, year, month_no, value: one row per month of the history (value <NA> where unreported)."""
    period = history(con, sites, measure, through)
    if period is None:
        return pd.DataFrame(columns=["month", "year", "month_no", "value"])
    frame = metrics.monthly(con, sites, period, measure)
    frame["year"] = [m.year for m in frame["month"]]
    frame["month_no"] = [m.month for m in frame["month"]]
    return frame[["month", "year", "month_no", "value"]]


def ranked_months(series: pd.DataFrame, n: int = 12) -> pd.DataFrame:
    """rank, month, value: the busiest months first (ties: the earlier month first)."""
    known = series.dropna(subset=["value"])
    ranked = known.sort_values(["value", "month"], ascending=[False, True]).head(n)
    ranked = ranked[["month", "value"]].reset_index(drop=True)
    ranked.insert(0, "rank", range(1, len(ranked) + 1))
    return ranked


def year_month_grid(series: pd.DataFrame) -> pd.DataFrame:
    """Years as rows, months 1..12 as columns, <NA> where a month has no data."""
    grid = series.pivot(index="year", columns="month_no", values="value")
    return grid.reindex(columns=range(1, 13))


def daily(con: duckdb.DuckDBPyConnection, sites, period: Period, measure: Measure) -> pd.DataFrame:
    """day, value summed over the chosen sites, only where the data are daily."""
    found = query_df(
        con, "daily_totals", sites=list(sites), start=period.start, end=period.last_day, measure=measure.value
    )
    found = found.groupby("day", as_index=False)["value"].sum()
    found["day"] = pd.to_datetime(found["day"]).dt.date
    return found


def weekday_pattern(con: duckdb.DuckDBPyConnection, sites, period: Period, measure: Measure) -> pd.DataFrame:
    """weekday (0 = Monday), days open, total and average per open day, Monday first."""
    days = daily(con, sites, period, measure)
    if days.empty:
        return pd.DataFrame(columns=["weekday", "days", "total", "average"])
    days["weekday"] = [d.weekday() for d in days["day"]]
    pattern = days.groupby("weekday").agg(days=("value", "size"), total=("value", "sum"))
    pattern["average"] = pattern["total"] / pattern["days"]
    return pattern.reset_index()


def working_day_rates(
    con: duckdb.DuckDBPyConnection, sites, period: Period, measure: Measure
) -> pd.DataFrame:
    """month, value, working_days, per_day: each site's month over its own working days, summed.
    A site counts only in the months it reports."""
    column = "visitors" if measure is Measure.VISITORS else "service_visits"
    found = query_df(con, "site_monthly", sites=list(sites), start=period.start, end=period.end)
    found = found.dropna(subset=[column])
    weeks = dict(query_rows(con, "site_weeks", sites=list(sites)))
    found["working_days"] = [
        _working_days(m, weeks.get(s, 5)) for s, m in zip(found["site"], found["month"], strict=True)
    ]
    found["per_day"] = found[column] / found["working_days"].where(found["working_days"] > 0)
    rates = found.groupby("month").agg(
        value=(column, "sum"), working_days=("working_days", "max"), per_day=("per_day", "sum")
    )
    rates = rates.reset_index()
    rates["month"] = pd.to_datetime(rates["month"]).dt.date
    return rates


def _working_days(month, days_per_week: int) -> int:
    month = pd.Timestamp(month)
    return calendar.month_working_days(month.year, month.month, days_per_week)


def weekday_name(weekday: int, lang: str = "id") -> str:
    return t(f"weekday_{weekday}", lang)


@dataclass(frozen=True)
class TrendView:
    series: pd.DataFrame  # month, year, month_no, value over the whole history
    peaks: pd.DataFrame  # rank, month, value
    grid: pd.DataFrame  # year x month
    weekdays: pd.DataFrame  # weekday, days, total, average (empty without daily data)
    rates: pd.DataFrame  # month, value, working_days, per_day over the year to date
    period: Period  # the year to date
    per_working_day: float | None  # the year to date over each site's working days, summed


def trend_view(con: duckdb.DuckDBPyConnection, sites, measure: Measure, through: date) -> TrendView | None:
    """Everything the trends page shows, in one call; None when the sites have no data."""
    series = years_overlaid(con, sites, measure, through)
    if series["value"].notna().sum() == 0:
        return None
    period = Period.year_to_date(through)
    return TrendView(
        series,
        ranked_months(series),
        year_month_grid(series),
        weekday_pattern(con, sites, period, measure),
        working_day_rates(con, sites, period, measure),
        period,
        metrics.per_working_day(con, sites, period, measure),
    )
