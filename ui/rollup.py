"""The Lokasi page's regional sections: the roll-up per province (or per kabupaten/kota of the chosen
province) with its like-for-like change and the sites it leaves out, then each site's coverage month
by month. Figures from mpp.visits.rollup, formatted on the server like every table."""

from __future__ import annotations

import streamlit as st

from mpp import fmt
from mpp.present.export import Column
from mpp.visits import rollup as core
from ui.base import lang, read, t
from ui.page import Selection
from ui.tables import table, text_table


def rollup_section(selection: Selection) -> core.RollUp:
    """The roll-up of the sidebar's area over the selection's period and measure; returned for the
    coverage section, which shows the same sites."""
    assert selection.period is not None
    period, language = selection.period, lang()
    found = read(core.province_rollup, period, selection.measure, selection.area, selection.include_partial)
    unit, now, before = selection.measure.label(language), period.label(language), found.base_period
    st.subheader(t("rollup_title"))
    level = t(f"rollup_level_{found.level}")
    st.caption(
        t("rollup_intro", measure=unit.capitalize(), period=now, level=level, base=before.label(language))
    )
    short, base_short = period.label(language, short=True), before.label(language, short=True)
    columns = [
        Column("group", t(f"rollup_group_{found.level}")),
        Column("total", t("rollup_total", period=short), "count"),
        Column("change_pct", t("rollup_change"), "change"),
        Column("sites", t("rollup_sites"), "count"),
        Column("complete", t("rollup_complete"), "count"),
        Column("compared", t("rollup_compared"), "count"),
        Column("current", t("rollup_current", period=short), "count"),
        Column("base", t("rollup_base", period=base_short), "count"),
    ]
    frame = found.table(language)
    table(frame, columns, "rekap-wilayah", (t("rollup_title"), now, unit), tuple(found.sites["name"]))
    _excluded(found)
    return found


def _excluded(found: core.RollUp) -> None:
    """How many sites the change leaves out, and (opened on demand: there may be hundreds) which and why."""
    n, of = len(found.excluded), len(found.sites)
    if int(found.whole["compared"].iloc[0]) == 0:
        st.info(t("rollup_no_growth"))
    if not n:
        st.caption(t("rollup_all_compared", n=fmt.number(of, lang=lang())))
        return
    st.caption(t("rollup_excluded", n=fmt.number(n, lang=lang()), of=fmt.number(of, lang=lang())))
    with st.expander(t("rollup_excluded_list", n=fmt.number(n, lang=lang()))):
        left_out = core.excluded_table(found, lang())
        text_table(
            {
                t("site"): left_out["name"],
                t("region_province"): [found.group_name(p, lang()) for p in left_out["province"]],
                t("region"): left_out["kabupaten_kota"],
                t("rollup_why"): left_out["why"],
            }
        )


def coverage_section(found: core.RollUp, selection: Selection) -> None:
    """Which months each site of the roll-up has reported, complete or in part."""
    assert selection.period is not None
    language = lang()
    st.subheader(t("site_coverage_title"))
    st.caption(t("site_coverage_note"))
    grid = core.coverage_grid(found, language)
    months = [c for c in grid.columns if c not in ("name", "province", "kabupaten_kota", "complete_months")]
    columns = [
        Column("name", t("site")),
        Column("complete_months", t("site_coverage_months")),
        *[Column(m, m) for m in months],
        Column("province", t("region_province"), on_screen=False),
        Column("kabupaten_kota", t("region"), on_screen=False),
    ]
    label, unit = selection.period.label(language), selection.measure.label(language)
    table(grid, columns, "kelengkapan-lokasi", (t("site_coverage_title"), label, unit), tuple(grid["name"]))
