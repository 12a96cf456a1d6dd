"""Agencies (instansi) of the chosen sites: ranked with share and change against the same months a year
earlier, a top-N view with the rest bucketed as "Lainnya", one agency's monthly trend and its services.

Shares are of all service visits (kunjungan layanan) of the period, never of people entering: the base
travels with the table so the page can name it.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from mpp.period import Measure, Period
from mpp.store.db import query_df
from mpp.text.catalogue import t
from mpp.visits import metrics


@dataclass(frozen=True)
class AgencyRanking:
    table: pd.DataFrame  # rank, agency, visits, share, visits_last_year, change_pct
    base: metrics.Figure  # all service visits of the period: the share's base
    last_year: metrics.Figure  # the same months a year earlier: the change's base

    @property
    def comparable(self) -> bool:
        """Change is shown only when both periods are fully reported."""
        return self.base.complete and self.last_year.complete


def agency_ranking(con: duckdb.DuckDBPyConnection, sites, period: Period) -> AgencyRanking:
    """Two queries: agencies in both periods, and the monthly series that makes both bases."""
    before = period.shift_years(-1)
    table = query_df(
        con,
        "agency_change",
        sites=list(sites),
        start=period.start,
        last_day=period.last_day,
        base_start=before.start,
        base_last_day=before.last_day,
    )
    series = metrics.monthly(con, sites, Period(before.start, period.end), Measure.SERVICE_VISITS)
    base, last_year = (metrics.figure_of(series, p, Measure.SERVICE_VISITS, sites) for p in (period, before))
    table["visits"] = table["visits"].astype("int64")
    table["visits_last_year"] = table["visits_last_year"].astype("Int64")
    table["share"] = table["visits"] / base.value * 100 if base.value else float("nan")
    before_visits = table["visits_last_year"].where(table["visits_last_year"] > 0)
    change = ((table["visits"] - before_visits) / before_visits * 100).astype("Float64")
    table["change_pct"] = change if base.complete and last_year.complete else change * pd.NA
    table.insert(0, "rank", range(1, len(table) + 1))
    return AgencyRanking(
        table[["rank", "agency", "visits", "share", "visits_last_year", "change_pct"]], base, last_year
    )


def top_with_others(table: pd.DataFrame, n: int, lang: str = "id") -> pd.DataFrame:
    """agency, visits, share: the top n agencies, then one "Lainnya" row for all the others."""
    top = table.head(n)[["agency", "visits", "share"]]
    rest = table.iloc[n:]
    if rest.empty:
        return top.reset_index(drop=True)
    others = pd.DataFrame(
        {
            "agency": [t("agencies_others", lang, n=len(rest))],
            "visits": [int(rest["visits"].sum())],
            "share": [rest["share"].sum()],
        }
    )
    return pd.concat([top, others], ignore_index=True)


def agency_trend(con: duckdb.DuckDBPyConnection, sites, agency: str, period: Period) -> pd.DataFrame:
    """month, value: one agency's service visits per month (<NA> where it reported nothing)."""
    found = query_df(
        con, "agency_trend", sites=list(sites), agency=agency, start=period.start, end=period.end
    )
    found["month"] = pd.to_datetime(found["month"]).dt.date
    frame = pd.DataFrame({"month": period.month_starts()}).merge(found, on="month", how="left")
    frame["value"] = frame["value"].astype("Int64")
    return frame


def agency_services(con: duckdb.DuckDBPyConnection, sites, agency: str, period: Period) -> pd.DataFrame:
    """service, visits, share of the agency's named services; empty where files give agency totals."""
    found = query_df(
        con, "agency_services", sites=list(sites), agency=agency, start=period.start, last_day=period.last_day
    )
    total = found["visits"].sum()
    found["share"] = found["visits"] / total * 100 if total else float("nan")
    return found
