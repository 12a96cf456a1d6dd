"""Sites side by side: a city MPP, a regency MPP and its Mini MPP outlets per kecamatan, each with its
total, its average per working day (its own 5- or 6-day week, holidays and cuti bersama), its change
against the same months a year earlier, and its share of its region (every site of its kabupaten/kota).
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from mpp import calendar, fmt
from mpp.period import Measure, Period
from mpp.reference.sites import list_sites
from mpp.store.db import query_df
from mpp.text.catalogue import t


def _site_totals(con: duckdb.DuckDBPyConnection, names, period: Period, measure: Measure) -> pd.DataFrame:
    """total, months, first, last per site (index): only reported months count."""
    found = query_df(
        con,
        "site_totals",
        sites=list(names),
        start=period.start,
        last_day=period.last_day,
        measure=measure.value,
    )
    return found.set_index("site")


def _working_days(site: pd.Series) -> int | None:
    """Working days of the months the site reported (an outlet opened mid-period counts from then)."""
    if pd.isna(site["first"]):
        return None
    months = Period(pd.Timestamp(site["first"]).date(), pd.Timestamp(site["last"]).date()).month_starts()
    return sum(
        calendar.month_working_days(m.year, m.month, int(site["working_days_per_week"])) for m in months
    )


def site_comparison(
    con: duckdb.DuckDBPyConnection, period: Period, measure: Measure, names=None
) -> pd.DataFrame:
    """kind, name, province, kabupaten_kota, kecamatan, total, last_year, change_pct, working_days, per_working_day,
    region_share, since (the day it opened, else its first month with any data; None when neither is
    known): one row per site (default: every site), MPPs first."""
    sites = list_sites(con)
    if names is not None:
        sites = sites[sites["name"].isin(list(names))]
    now = _site_totals(con, sites["name"], period, measure)
    before = _site_totals(con, sites["name"], period.shift_years(-1), measure)
    table = sites.merge(now, left_on="name", right_index=True, how="left")
    table["last_year"] = table["name"].map(before["total"])
    full = table["months"].eq(period.months) & table["name"].map(before["months"]).eq(period.months)
    table["change_pct"] = ((table["total"] - table["last_year"]) / table["last_year"] * 100).where(full)
    table["working_days"] = table.apply(_working_days, axis=1)
    table["per_working_day"] = table["total"] / table["working_days"].where(table["working_days"] > 0)
    region = table.groupby("kabupaten_kota")["total"].transform("sum")
    table["region_share"] = table["total"] / region.where(region > 0) * 100
    first = query_df(con, "site_first_data").set_index("site")["first"]
    table["since"] = [
        _as_date(opened) or _as_date(first.get(name))
        for opened, name in zip(table["opened"], table["name"], strict=True)
    ]
    columns = [
        "kind",
        "name",
        "province",
        "kabupaten_kota",
        "kecamatan",
        "parent",
        "total",
        "last_year",
        "change_pct",
        "working_days",
        "per_working_day",
        "region_share",
        "since",
    ]
    return table[columns].reset_index(drop=True)


def _as_date(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def no_data_notes(table: pd.DataFrame, measure: Measure, lang: str = "id") -> list[str]:
    """Per row, why a site shows no figures: "belum ada data pengunjung · ada sejak April 2026" (a
    Mini MPP opened after the period, or a site that reports only the other measure); "" where the
    site has figures."""
    return [
        ""
        if pd.notna(total)
        else t("site_no_data", lang, measure=measure.label(lang))
        + ("" if since is None else " · " + t("site_since", lang, month=fmt.month_label(since, lang)))
        for total, since in zip(table["total"], table["since"], strict=True)
    ]


def top_sites(table: pd.DataFrame, n: int = 25) -> pd.DataFrame:
    """The n sites with the largest totals, largest first, for the charts (the table keeps them all)."""
    return table.dropna(subset=["total"]).sort_values(["total", "name"], ascending=[False, True]).head(n)
