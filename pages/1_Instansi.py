"""Instansi: agencies ranked by service visits, their share (base named) and change against the same
months a year earlier; top N with "Lainnya"; one agency's monthly trend and its services."""

import streamlit as st

import ui
from mpp import fmt
from mpp.period import Measure, Period
from mpp.present import figures, timeline
from mpp.present.export import Column
from mpp.reference import events
from mpp.visits import agency_report

selection = ui.figures_page("agencies", measure=Measure.SERVICE_VISITS)

lang, sites, period = ui.lang(), selection.sites, selection.period
assert period is not None  # the sites have data (stopped above otherwise), so a period was chosen
ranking = ui.read(agency_report.agency_ranking, sites, period)
if ranking.table.empty:
    st.info(ui.t("no_agency_data"))
    st.stop()
unit, label = Measure.SERVICE_VISITS.label(lang), period.label(lang)
st.caption(f"{ui.plain_all(sites)} · {unit} {label} · " + ui.t("agencies_measure_note"))

first = ranking.table.iloc[0]
cards = ui.card_row("agencies")
cards[0].metric(
    ui.t("top_agency"),
    ui.plain(first["agency"]),
    border=True,
    delta=f"{fmt.number(first['visits'], lang=lang)} · {fmt.percent(first['share'], lang=lang)}",
    delta_arrow="off",
    delta_color="off",
)
cards[1].metric(
    ui.t("all_service_visits"),
    fmt.number(ranking.base.value, lang=lang),
    border=True,
    delta=label,
    delta_arrow="off",
    delta_color="off",
    help=ui.t("share_base_short"),
)
cards[2].metric(ui.t("agencies_active"), fmt.number(len(ranking.table), lang=lang), border=True)

count = len(ranking.table)
top_n = st.slider(ui.t("top_n"), 3, min(25, count), min(10, count)) if count > 3 else count
top = agency_report.top_with_others(ranking.table, top_n, lang)
left, right = st.columns([3, 2])
with left:
    clicked = ui.chart(
        figures.ranked_bars(
            top["agency"],
            top["visits"],
            top["share"].map(lambda share: fmt.percent(share, lang=lang)),
            ui.t("agency_chart", measure=unit.capitalize(), period=label),
            unit,
            lang=lang,
        ),
        "instansi-peringkat",
        sites,
        label,
        clickable=True,
    )
    st.caption(ui.t("agency_click_hint"))
with right:
    ui.chart(
        figures.share_donut(
            top["agency"],
            top["visits"],
            top["share"],
            ui.t("share_chart", base=fmt.number(ranking.base.value, lang=lang), period=label),
            unit,
            label,
            lang,
        ),
        "instansi-pangsa",
        sites,
        label,
    )

st.subheader(ui.t("agency_ranking"))
last_year, short, short_last = (
    period.shift_years(-1).label(lang),
    period.label(lang, short=True),
    period.shift_years(-1).label(lang, short=True),
)
columns = [
    Column("rank", ui.t("rank"), "count"),
    Column("agency", ui.t("agency")),
    Column("visits", short, "count"),
    Column("share", f"{ui.t('share')} (%)", "percent"),
    Column("visits_last_year", short_last, "count"),
    Column("change_pct", ui.t("change_vs", period=short_last), "change"),
]
ui.table(ranking.table, columns, "instansi", (ui.t("agencies"), label, unit), sites)
st.caption(ui.t("share_base", base=fmt.number(ranking.base.value, lang=lang), period=label))
if not ranking.comparable:
    st.warning(ui.t("change_not_comparable", period=last_year))

st.subheader(ui.t("one_agency"))
# A click on a bar chooses that agency ("Lainnya" is none); the choice is kept in the URL (?agency=).
agency = ui.pick(
    "agency",
    ui.t("agency"),
    list(ranking.table["agency"]),
    clicked=None if clicked is None else top["agency"].iloc[clicked],
)
history = Period(period.shift_years(-1).start, period.end)
trend = ui.read(agency_report.agency_trend, sites, agency, history)
ui.chart(
    timeline.with_events(
        figures.monthly_bars(
            trend,
            ui.t("agency_trend", agency=figures.as_label(agency), period=history.label(lang)),
            unit,
            lang,
        ),
        ui.read(events.list_events, sites),
        lang,
    ),
    "instansi-tren",
    sites,
    history.label(lang),
)
services = ui.read(agency_report.agency_services, sites, agency, period)
if services.empty:
    st.info(ui.t("no_services", agency=ui.plain(agency)))
else:
    ui.table(
        services,
        [
            Column("service", ui.t("service")),
            Column("visits", ui.t("service_visits"), "count"),
            Column("share", f"{ui.t('share')} (%)", "percent"),
        ],
        "instansi-layanan",
        (f"{ui.t('services')} {agency}", label, unit),
        sites,
    )
