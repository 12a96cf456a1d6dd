"""Tren & Puncak: the monthly series with years overlaid, peak months ranked, the year x month grid,
and with daily data the day-of-week pattern; visits per working day by the site's own calendar."""

import streamlit as st

import ui
from mpp import fmt
from mpp.present import figures, timeline
from mpp.present.export import Column
from mpp.reference import events
from mpp.visits import trends
from ui.estimate import show_year_end_estimate

selection = ui.figures_page("trends")
view = ui.read(trends.trend_view, selection.sites, selection.measure, selection.through)
if view is None:
    st.info(ui.t("no_data"))
    st.stop()

lang, sites, measure = ui.lang(), selection.sites, selection.measure
unit, label = measure.label(lang), view.period.label(lang)
span = fmt.span_label(view.series["month"].iloc[0], view.series["month"].iloc[-1], lang)
st.caption(f"{ui.plain_all(sites)} · {unit} {span}")

peak = view.peaks.iloc[0]
rates = view.rates
cards = ui.card_row("trends")
cards[0].metric(
    ui.t("peak_month"),
    fmt.month_label(peak["month"], lang),
    border=True,
    delta=ui.t("peak_value", value=fmt.number(peak["value"], lang=lang), measure=unit),
    delta_color="off",
    delta_arrow="off",
    help=ui.t("peak_over", period=span),
)
cards[1].metric(
    ui.t("per_working_day_card"),
    fmt.number(view.per_working_day, 1, lang=lang),
    border=True,
    delta=label,
    delta_color="off",
    delta_arrow="off",
    help=ui.t("per_working_day_note"),
)
if not view.weekdays.empty:
    busiest = view.weekdays.sort_values("average", ascending=False).iloc[0]
    cards[2].metric(
        ui.t("busiest_weekday"),
        trends.weekday_name(int(busiest["weekday"]), lang),
        delta=ui.t("per_day_value", value=fmt.number(busiest["average"], 1, lang=lang), measure=unit),
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
show_year_end_estimate(selection)

marked = ui.read(events.list_events, sites)
ui.chart(
    timeline.with_events(
        figures.years_overlaid(
            view.series,
            ui.t(
                "years_chart",
                measure=unit.capitalize(),
                years=figures.compared_years(view.series["year"], lang),
            ),
            unit,
            lang,
        ),
        marked,
        lang,
        axis="month_name",
        years=set(view.series["year"]),
    ),
    "tren-tahun",
    sites,
    span,
)
left, right = st.columns([2, 3])
with left:
    st.subheader(ui.t("peaks_ranked"))
    ui.table(
        view.peaks,
        [
            Column("rank", ui.t("rank"), "count"),
            Column("month", ui.t("month"), "month"),
            Column("value", unit.capitalize(), "count"),
        ],
        "puncak",
        (ui.t("peaks_ranked"), span, unit),
        sites,
    )
with right:
    ui.chart(
        figures.year_month_heatmap(view.grid, ui.t("heatmap_chart", measure=unit.capitalize()), unit, lang),
        "tren-peta-panas",
        sites,
        span,
    )

st.subheader(ui.t("per_working_day_title", period=label))
ui.chart(
    figures.category_bars(
        [fmt.month_label(m, lang, short=True) for m in rates["month"]],
        rates["per_day"],
        [fmt.month_label(m, lang) for m in rates["month"]],
        ui.t("per_working_day_chart", measure=unit.capitalize()),
        ui.t("per_working_day_unit", measure=unit),
        digits=1,
        lang=lang,
    ),
    "tren-hari-kerja",
    sites,
    label,
)
ui.table(
    rates,
    [
        Column("month", ui.t("month"), "month"),
        Column("value", unit.capitalize(), "count"),
        Column("working_days", ui.t("working_days"), "count"),
        Column("per_day", ui.t("per_working_day"), "decimal"),
    ],
    "hari-kerja",
    (ui.t("per_working_day_title", period=label), label, unit),
    sites,
)
st.caption(ui.t("per_working_day_note"))

if view.weekdays.empty:
    st.info(ui.t("no_daily_data"))
else:
    days = ui.read(trends.daily, sites, view.period, measure)
    daily = timeline.daily_bars(
        days, ui.t("daily_chart", measure=unit.capitalize(), period=label), unit, lang
    )
    ui.chart(
        timeline.with_days_off(
            timeline.with_events(daily, marked, lang, axis="day"),
            view.period.start,
            view.period.last_day,
            lang,
        ),
        "tren-harian",
        sites,
        label,
    )
    names = [trends.weekday_name(int(d), lang) for d in view.weekdays["weekday"]]
    ui.chart(
        figures.category_bars(
            names,
            view.weekdays["average"],
            names,
            ui.t("weekday_chart", measure=unit.capitalize(), period=label),
            ui.t("per_day_unit", measure=unit),
            digits=1,
            lang=lang,
        ),
        "tren-hari",
        sites,
        label,
    )
