"""Laporan: the monthly report of the chosen sites and month, its sections shown as the page, the A4 PDF
and the workbook made on request (with progress), and the letterhead, which admins edit here."""

from datetime import UTC, datetime

import streamlit as st

import ui
from mpp import fmt
from mpp.report import build
from mpp.report.gather import NoFigures, report_months
from mpp.report.html import marks, period_line, title

user = ui.page_setup("report_page")
st.title(ui.t("report_page"))
ui.show_flash()
lang = ui.lang()

names = ui.site_names()
asked = [s for s in st.query_params.get_all("site") if s in names] or names[:1]
sites = tuple(st.multiselect(ui.t("report_pick_sites"), names, default=asked) or asked)
ui.demo_notice(sites)
months, first = ui.read(report_months, sites)
if not months:
    st.info(ui.t("no_data"))
    st.stop()
month = st.selectbox(
    ui.t("report_pick_month"),
    months,
    index=months.index(first) if first in months else 0,
    format_func=lambda m, lang=lang: fmt.month_label(m, lang),
)
made_at = datetime.now(UTC).replace(second=0, microsecond=0)  # the minute: cached reads stay fresh
try:
    data, found = ui.read(build.figures_of, sites, month, lang, made_at)
except NoFigures as none:
    st.info(ui.plain(none.text(lang)))
    st.stop()

shown_marks = marks(data)
if shown_marks:
    st.warning(" · ".join(shown_marks), icon=":material/warning:")
ui.report_files(data, found)  # the button above the long report

st.divider()
st.header(ui.plain(title(data)))
st.caption(ui.plain(period_line(data)))
ui.report_sections(data, found)
ui.letterhead_form(user)
