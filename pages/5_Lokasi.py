"""Lokasi: every site side by side (city MPP, regency MPP, Mini MPP per kecamatan) over the same
months: total, per working day, change against a year earlier and share of its kabupaten/kota; then
the regional roll-up (per province, or per kabupaten/kota of the chosen province) with its growth like
for like, and each site's coverage month by month. In a store of many sites, the sites of the
province (or kabupaten/kota) chosen in the sidebar, grouped by region."""

import streamlit as st

import ui
from mpp import fmt
from mpp.present import figures
from mpp.present.export import Column
from mpp.visits import site_compare

TOP = 25  # sites in the charts; the table lists every one
selection = ui.figures_page("sites_page")

lang, measure, period = ui.lang(), selection.measure, selection.period
assert period is not None  # the sites have data (stopped above otherwise), so a period was chosen
many = ui.sites_grouped()
every = selection.area.province is None  # the sites of every province
names = ui.sites_of_area(selection.area) if many else None
table = ui.read(site_compare.site_comparison, period, measure, names)
if many:  # grouped: by province, then kabupaten/kota, as the sidebar lists them
    table = table.set_index("name").loc[names].reset_index()
table["note"] = site_compare.no_data_notes(table, measure, lang)
unit, label = measure.label(lang), period.label(lang)
if many:
    area, n = ui.plain(ui.area_name(selection.area)), fmt.number(len(table), lang=lang)
    st.caption(ui.t("sites_note_area", area=area, n=n, measure=unit, period=label))
else:
    st.caption(ui.t("sites_note", measure=unit, period=label))
ui.show_flash()  # "MPP ... dipilih" after a click on a bar

shown = site_compare.top_sites(table, TOP)
if len(table.dropna(subset=["total"])) > TOP:
    st.caption(ui.t("sites_top", n=TOP))
if shown.empty:
    st.info(ui.t("no_site_data", period=label))
else:
    left, right = st.columns(2)
    with left:
        clicked = ui.chart(
            figures.ranked_bars(
                shown["name"],
                shown["total"],
                shown["region_share"].map(lambda share: fmt.percent(share, lang=lang)),
                ui.t("sites_chart", measure=unit.capitalize(), period=label),
                unit,
                lang=lang,
            ),
            "lokasi-total",
            list(shown["name"]),
            label,
            clickable=True,
        )
    with right:
        clicked_per_day = ui.chart(
            figures.ranked_bars(
                shown["name"],
                shown["per_working_day"],
                [""] * len(shown),
                ui.t("sites_per_day_chart", measure=unit.capitalize(), period=label),
                ui.t("per_working_day_unit", measure=unit),
                digits=1,
                lang=lang,
            ),
            "lokasi-per-hari",
            list(shown["name"]),
            label,
            clickable=True,
        )
    st.caption(ui.t("site_click_hint"))
    # A click on either chart's bar makes that site the sidebar's choice for every page.
    for name, point in (("lokasi-total", clicked), ("lokasi-per-hari", clicked_per_day)):
        site = ui.new_click(name, None if point is None else shown["name"].iloc[point])
        if site is not None and list(selection.sites) != [site]:
            ui.choose_site(site, ui.t("site_chosen", site=ui.plain(site)))

last_year, short = period.shift_years(-1).label(lang, short=True), period.label(lang, short=True)
ui.table(
    table,
    [
        Column("name", ui.t("site")),
        *([] if many else [Column("kabupaten_kota", ui.t("region"), on_screen=False)]),
        Column("total", short, "count"),
        Column("last_year", last_year, "count"),
        Column("change_pct", ui.t("change_yoy"), "change"),
        Column("working_days", ui.t("working_days"), "count"),
        Column("per_working_day", ui.t("per_working_day"), "decimal"),
        Column("region_share", ui.t("region_share"), "percent"),
        Column("note", ui.t("site_note")),
        # many sites: their region on screen too, after the figures (a phone shows name and figures
        # first); the province only when the sites are of several
        *([Column("province", ui.t("region_province"), on_screen=every)] if many else []),
        *([Column("kabupaten_kota", ui.t("region"))] if many else []),
    ],
    "lokasi",
    (ui.t("sites_page"), label, unit),
    tuple(table["name"]),
)
missing = table[table["note"] != ""]
if not missing.empty:  # a Mini MPP that opened after the period: say so instead of a row of "-"
    st.caption(
        "; ".join(f"{ui.plain(n)}: {note}" for n, note in zip(missing["name"], missing["note"], strict=True))
    )
st.caption(ui.t("region_share_note") + " " + ui.t("per_working_day_note"))

found = ui.rollup_section(selection)
ui.coverage_section(found, selection)
