"""Ringkasan (overview): the month in review for the chosen sites."""
import streamlit as st

import ui
from mpp import charts, fmt
from mpp.overview import overview

ui.page_setup("overview")
selection = ui.sidebar()
st.title(ui.t("overview"))
ui.demo_notice(selection.sites)

view = ui.read(overview, selection.sites, selection.through, selection.measure)
if view is None:
    st.info(ui.t("no_data"))
    st.stop()

lang, measure = ui.lang(), ui.measure_label(view.measure)
now, base, full = view.to_date.current, view.to_date.base, view.previous_full_year
st.caption(f"{ui.plain_all(view.sites)} · {measure} {now.period.label(lang)}")

cards = st.columns(3)
growth = view.to_date.change_pct
cards[0].metric(ui.t("to_date", measure=measure.capitalize(), period=now.period.label(lang)),
                fmt.number(now.value),
                delta=fmt.signed_percent(growth) if growth is not None else None,
                delta_description=ui.t("growth_vs", period=base.period.label(lang, short=True))
                if growth is not None else None, border=True)
cards[1].metric(f"{measure.capitalize()} {base.period.label(lang)}", fmt.number(base.value),
                help=ui.t("same_period_last_year") if growth is not None else ui.t("not_comparable"),
                border=True)
cards[2].metric(ui.t("full_year", year=full.period.start.year), fmt.number(full.value),
                help=ui.t("full_year_note", months=fmt.months_count(full.period.months, lang)),
                border=True)
st.caption(ui.t("full_year", year=full.period.start.year) + ": "
           + ui.t("full_year_note", months=fmt.months_count(full.period.months, lang)))

cards = st.columns(3)
if not view.peaks.empty:
    peak = view.peaks.iloc[0]
    cards[0].metric(ui.t("peak_month"), fmt.month_label(peak["month"], lang), border=True,
                    delta=ui.t("peak_value", value=fmt.number(peak["value"]), measure=measure),
                    delta_color="off", delta_arrow="off")
cards[1].metric(ui.t("agencies_active"), fmt.number(view.agencies_active), border=True,
                help=ui.t("agencies_active_note", period=now.period.label(lang)))
cards[2].metric(ui.t("latest_month"), fmt.month_label(view.latest_month, lang), border=True)

title = ui.t("monthly_chart", measure=measure.capitalize(), year=view.through.year,
             last_year=view.through.year - 1)
ui.plotly(charts.year_against_year(view.monthly_now, view.monthly_last_year, view.measure, title, lang))

st.subheader(ui.t("top_agencies"))
ui.agency_table(view.agencies, top=10)
st.caption(ui.t("share_base", base=fmt.number(view.agencies.base.value), period=now.period.label(lang)))
