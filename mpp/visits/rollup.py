"""The provincial roll-up: the sites of a province (or of every province) summed per province, or per
kabupaten/kota within one province, with growth like for like and each site's coverage month by month.

Growth compares only the sites complete in the period and in the same months a year earlier (every
expected agency reported, or an analyst closed the month: mpp.visits.coverage), as like_for_like does
for a selection; the others are named with the reason, so a Mini MPP that opened this year or an MPP
that stopped reporting never passes for a rise or a fall of the province. The totals are what the
sites reported, complete or not, beside how many of them are complete.

    rollup = province_rollup(con, Period.year_to_date(date(2025, 9, 1)), Measure.VISITORS)
    rollup.table("id")        # one row per province, then the whole
    rollup.excluded[0].text() # 'MPP Kabupaten Balangan: tidak ada data Januari-September 2024'
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from mpp import fmt
from mpp.period import Measure, Period
from mpp.reference.regions import UNKNOWN, Area, in_area, region_frame
from mpp.reference.sites import list_sites
from mpp.store.db import query_df
from mpp.text.catalogue import t
from mpp.visits.coverage import SiteMonth, site_months
from mpp.visits.like_for_like import Exclusion

COUNTS = ["sites", "complete", "compared"]
FIGURES = ["total", "current", "base"]


@dataclass(frozen=True)
class RollUp:
    """The sites of an area summed per group (provinces; the kabupaten/kota of one province)."""

    area: Area
    period: Period
    measure: Measure
    level: str  # province | kabupaten_kota: what one row of `groups` is
    groups: pd.DataFrame  # group, sites, complete, compared, total, current, base, change_pct
    whole: pd.DataFrame  # the same columns, one row: every site of the area
    sites: pd.DataFrame  # name, province, kabupaten_kota, total, months, compared: grouped order
    excluded: tuple[Exclusion, ...]  # the sites left out of the growth, and why
    coverage: tuple[SiteMonth, ...]  # every (site, month) of the period expected or with data

    @property
    def base_period(self) -> Period:
        return self.period.shift_years(-1)

    def group_name(self, group: str, lang: str = "id") -> str:
        """The group as a reader reads it ('Provinsi belum diisi' for sites without one)."""
        return group if group != UNKNOWN else t(f"rollup_unknown_{self.level}", lang)

    def whole_name(self, lang: str = "id") -> str:
        """'Seluruh Kalimantan Timur', 'Semua provinsi'."""
        if self.area.province is None:
            return t("rollup_all_provinces", lang)
        return t("rollup_whole", lang, area=self.group_name(self.area.province, lang))

    def table(self, lang: str = "id") -> pd.DataFrame:
        """The groups, then the whole area as the last row (only when there are several groups)."""
        rows = self.groups.assign(group=[self.group_name(g, lang) for g in self.groups["group"]])
        if len(rows) < 2:
            return rows.reset_index(drop=True)
        whole = self.whole.assign(group=self.whole_name(lang))
        return pd.concat([rows, whole], ignore_index=True)


def _site_totals(con: duckdb.DuckDBPyConnection, names, period: Period, measure: Measure) -> pd.DataFrame:
    base = period.shift_years(-1)
    return query_df(
        con,
        "rollup_site_totals",
        sites=list(names),
        measure=measure.value,
        start=period.start,
        last_day=period.last_day,
        base_start=base.start,
        base_last_day=base.last_day,
    ).set_index("site")


def _complete_months(found: list[SiteMonth], period: Period) -> pd.Series:
    """Per site, its complete months within the period."""
    done = [m.site for m in found if m.complete and period.start <= m.month <= period.end]
    return pd.Series(done, dtype="object").value_counts()


def _exclusion(site: pd.Series, periods: dict[str, Period]) -> Exclusion:
    """Why a site is not compared: no data at all in a period first (a Mini MPP opened this year has
    no base), else the first period it is incomplete in; the period now before the base."""
    short = [key for key in periods if not site[f"{key}_complete"]]
    empty = [key for key in short if not site[f"{key}_months"]]
    return Exclusion(site["name"], "no_data" if empty else "incomplete", periods[(empty or short)[0]])


def _per_site(con, sites: pd.DataFrame, period: Period, measure: Measure, include_partial: bool):
    """Each site's totals now and a year earlier, whether it is complete in each, and its months."""
    base = period.shift_years(-1)
    totals = _site_totals(con, sites["name"], period, measure)
    found = site_months(con, list(sites["name"]), measure, Period(min(base.start, period.start), period.end))
    table = sites[["name", "province", "kabupaten_kota"]].join(totals, on="name")
    for key, span in (("now", period), ("base", base)):
        months = table["months" if key == "now" else "base_months"].fillna(0).astype(int)
        table[f"{key}_months"] = months
        complete = months if include_partial else table["name"].map(_complete_months(found, span))
        table[f"{key}_complete"] = complete.fillna(0).astype(int).eq(span.months)
    table["compared"] = table["now_complete"] & table["base_complete"]
    return table, tuple(m for m in found if m.month >= period.start)


def _sums(table: pd.DataFrame, by: str | None) -> pd.DataFrame:
    """sites, complete, compared, total (reported), current and base (the compared sites only)."""
    parts = table.assign(
        sites=1,
        complete=table["now_complete"].astype(int),
        compared=table["compared"].astype(int),
        current=table["total"].where(table["compared"]),
        base=table["base_total"].where(table["compared"]),
        group="" if by is None else table[by],
    )
    summed = parts.groupby("group", sort=False)[COUNTS + FIGURES].sum(min_count=1).reset_index()
    summed[COUNTS] = summed[COUNTS].fillna(0).astype(int)
    summed[FIGURES] = summed[FIGURES].round().astype("Int64")  # whole visits (where() made them floats)
    summed["change_pct"] = ((summed["current"] - summed["base"]) / summed["base"] * 100).where(
        summed["base"] > 0
    )
    return summed


def province_rollup(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    measure: Measure,
    area: Area | None = None,
    include_partial: bool = False,
) -> RollUp:
    """The area's sites summed per province (every province) or per kabupaten/kota (one province),
    with growth against the same months a year earlier over the sites complete in both. With
    `include_partial`, a month with any data counts as reported (the reader asked for provisional
    months; the figures then are provisional too)."""
    area = area or Area()
    sites = in_area(region_frame(list_sites(con)), area)
    table, coverage = _per_site(con, sites, period, measure, include_partial)
    level = "province" if area.province is None else "kabupaten_kota"
    periods = {"now": period, "base": period.shift_years(-1)}
    excluded = tuple(_exclusion(site, periods) for _, site in table[~table["compared"]].iterrows())
    shown = table[["name", "province", "kabupaten_kota", "total", "now_months", "compared"]]
    return RollUp(
        area,
        period,
        measure,
        level,
        _sums(table, level),
        _sums(table, None),
        shown.rename(columns={"now_months": "months"}).reset_index(drop=True),
        excluded,
        coverage,
    )


def coverage_grid(rollup: RollUp, lang: str = "id") -> pd.DataFrame:
    """Each site of the roll-up with a column per month of the period: '✓' complete (or closed),
    '26/27' agencies reporting of those expected, the word for 'not in' when nothing came of what
    was expected, '–' when nothing was expected (not yet open, long stopped); then its complete
    months ('9/12'). The sites with the fewest complete months first, else in the roll-up's grouped
    order."""
    months = rollup.period.month_starts()
    labels = [fmt.month_label(m, lang, short=True) for m in months]
    cells = {(m.site, m.month): _cell(m, lang) for m in rollup.coverage}
    complete = pd.Series([m.site for m in rollup.coverage if m.complete], dtype="object").value_counts()
    grid = rollup.sites[["name", "province", "kabupaten_kota"]].copy()
    for month, label in zip(months, labels, strict=True):
        grid[label] = [cells.get((site, month), fmt.NO_DATA) for site in grid["name"]]
    done = grid["name"].map(complete).fillna(0).astype(int)
    grid["complete_months"] = [
        f"{fmt.number(n, lang=lang)}/{fmt.number(len(months), lang=lang)}" for n in done
    ]
    # the gaps first: among hundreds of sites, the few behind are what a reader looks for
    return grid.iloc[done.argsort(kind="stable")].reset_index(drop=True)


def _cell(month: SiteMonth, lang: str) -> str:
    if month.complete:
        return "✓"
    if not month.reported:
        return t("site_coverage_missing", lang)
    return f"{fmt.number(len(month.reported), lang=lang)}/{fmt.number(len(month.expected), lang=lang)}"


def excluded_table(rollup: RollUp, lang: str = "id") -> pd.DataFrame:
    """The sites left out of the growth: name, province, kabupaten_kota, why ('tidak ada data ...')."""
    why = {e.site: e.why(lang) for e in rollup.excluded}
    found = rollup.sites[rollup.sites["name"].isin(list(why))][["name", "province", "kabupaten_kota"]]
    return found.assign(why=found["name"].map(why)).reset_index(drop=True)
