"""Kepuasan: the satisfaction index (SKM/IKM) of a site: index and grade, NRR per unsur with the
priority to improve, the trend over periods, per agency (or unit) and by respondent group."""

import streamlit as st

import ui
from mpp import fmt
from mpp.present import survey_charts as skm_charts
from mpp.present.charts import as_label
from mpp.survey import report as skm_report
from mpp.survey import skm
from mpp.survey.summary import site_report

ui.page_setup("satisfaction")
st.title(ui.t("satisfaction"))
lang = ui.lang()
sites = ui.read(skm_report.survey_sites)
if not sites:
    st.info(ui.t("skm_no_data"))
    st.stop()
asked = st.query_params.get("site")
site = st.sidebar.selectbox(ui.t("site"), sites, index=sites.index(asked) if asked in sites else 0)
st.query_params["site"] = site
period = st.sidebar.selectbox(ui.t("skm_period"), ui.read(skm_report.survey_periods, site))
ui.demo_notice((site,))

data = ui.read(site_report, site, period)
own = data.index
grade_label = ui.t(f"skm_grade_label_{own.grade}")
period_name = data.period_name(lang)  # as the press statement names it: 'Januari-September 2025'
cards = st.columns(4)
cards[0].metric(
    ui.t("skm_index", period=ui.plain(period_name)),
    own.text(lang),
    border=True,
    delta=f"{own.grade} ({grade_label})",
    delta_arrow="off",
    delta_color="off",
)
cards[1].metric(
    ui.t("skm_grade"),
    own.grade,
    border=True,
    help=ui.t("skm_grade_bounds"),
    delta=grade_label,
    delta_arrow="off",
    delta_color="off",
)
cards[2].metric(ui.t("skm_respondents"), fmt.number(own.respondents, lang=lang), border=True)
priority = (
    ", ".join(ui.plain(f"{p.unsur} {skm.unsur_name(p.unsur, lang)}") for p in data.priority) or fmt.NO_DATA
)
cards[3].metric(ui.t("skm_priority"), priority, border=True, help=ui.t("skm_priority_note"))
st.caption(
    f"{ui.plain(site)} · "
    + (
        ui.t("skm_source_answers", n=fmt.number(own.respondents, lang=lang))
        if data.from_answers
        else ui.t("skm_source_published", items=data.item_count)
    )
)

period_label = as_label(period_name)  # chart titles: plotly reads tags in text
left, right = st.columns(2)
with left:
    if data.from_answers:
        ui.chart(
            skm_charts.nrr_bars(
                data.unsur,
                [p.unsur for p in data.priority],
                ui.t("skm_nrr_chart", period=period_label),
                lang,
            ),
            "skm-nrr",
            (site,),
            period_name,
        )
    else:
        ui.chart(
            skm_charts.item_bars(data.items, ui.t("skm_items_chart", period=period_label), lang),
            "skm-butir",
            (site,),
            period_name,
        )
with right:
    ui.chart(
        skm_charts.trend_line(data.trend, ui.t("skm_trend_chart"), lang), "skm-tren", (site,), period_name
    )

groups = data.groups
if groups:
    title = ui.t("skm_agency_chart" if data.from_answers else "skm_unit_chart", period=period_label)
    ui.chart(
        skm_charts.index_bars(groups, title, lang),
        "skm-instansi" if data.from_answers else "skm-unit",
        (site,),
        period_name,
    )
disagree = [
    ui.plain(f"{r.label} {r.text(lang)} ({r.published_grade})")
    for r in [own, *groups]
    if r.grade_agrees is False
]
if disagree:
    st.warning(ui.t("skm_grade_disagrees", rows="; ".join(disagree)))

if data.from_answers:
    st.subheader(ui.t("skm_demographics"))
    align = st.column_config.TextColumn(alignment="right")  # counts and indices line up by their digits
    for column, (dimension, rows) in zip(st.columns(2) * 2, data.demographics.items(), strict=True):
        ui.show_table(
            {
                ui.t(f"skm_dimension_{dimension}"): [skm.group_label(dimension, r.label, lang) for r in rows],
                ui.t("skm_respondents"): [fmt.number(r.respondents, lang=lang) for r in rows],
                "IKM": [f"{r.text(lang)} ({r.grade})" for r in rows],
            },
            where=column,
            column_config={ui.t("skm_respondents"): align, "IKM": align},
        )
