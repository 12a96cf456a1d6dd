"""The monthly report on the Laporan page: the files made on request (the PDF and the workbook, kept
for the figures they were made from), the report's sections as the page, and the letterhead form for
admins. mpp/report/ makes the report; this only shows it."""

from __future__ import annotations

import streamlit as st

from mpp.present.export import display
from mpp.report import build, files
from mpp.report import letterhead as heads
from mpp.report.gather import ReportData
from mpp.report.pdf import ChromiumMissing, PrintFailed
from mpp.report.sections import Section
from ui.base import flash, lang, read, t, write
from ui.charts import plotly
from ui.tables import show_table
from ui.text import plain

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_files(data: ReportData, found: list[Section]) -> None:
    """The button that makes the PDF and the workbook, with progress, and their downloads. They are
    kept under the fingerprint of the figures they print: after a load or an undo the figures differ,
    and the files of the earlier figures are no longer offered."""
    key = f"report-{build.fingerprint(data, found)}"
    if st.button(t("report_make"), icon=":material/picture_as_pdf:", type="primary"):
        bar = st.progress(0.0, text=t("report_making"))
        try:
            made = build.render(
                data, found, lambda done, steps: bar.progress(done / steps, t("report_making"))
            )
        except (ChromiumMissing, PrintFailed) as failed:
            bar.empty()
            st.error(plain(str(failed)), icon=":material/error:")
        else:
            st.session_state[key] = (made.pdf, made.xlsx)
            bar.progress(1.0, text=t("report_made_ok"))
    if key not in st.session_state:
        return
    pdf, xlsx = st.session_state[key]
    name = files.stem(data.sites, data.month, data.lang)
    row = st.container(horizontal=True)
    row.download_button(
        "PDF", pdf, f"{name}.pdf", "application/pdf", icon=":material/download:", on_click="ignore"
    )
    row.download_button("XLSX", xlsx, f"{name}.xlsx", XLSX, icon=":material/download:", on_click="ignore")


def report_sections(data: ReportData, found: list[Section]) -> None:
    """Every section as the PDF prints it: heading, lines, charts, tables, lists and notes."""
    for section in found:
        st.subheader(plain(section.heading))
        for line in section.lines:
            st.markdown(plain(line))
        for chart in section.charts:
            plotly(chart.figure, chart.name, data.sites, data.period.label(lang()))
        for table in section.tables:
            if len(section.tables) > 1:
                st.markdown(f"**{plain(table.title)}**")
            if table.frame.empty:
                st.caption(t("no_change_rows"))
                continue
            shown = display(table.frame, table.columns, lang())
            right = st.column_config.TextColumn(alignment="right")
            numeric = [c.label for c in table.columns if c.on_screen and c.kind not in ("text", "month")]
            show_table(shown, column_config={c: right for c in numeric}, width="stretch")
        for caption, paragraphs in section.lists:
            st.markdown(f"**{plain(caption)}**")
            for paragraph in paragraphs:
                st.markdown(plain(paragraph))
        for note in section.notes:
            st.caption(plain(note))


def letterhead_form(user) -> None:
    """The office's name, address and logo on every report; admins only (the core checks it too)."""
    if user is None or not user.can("admin"):
        return
    current = read(heads.letterhead)
    with st.expander(t("report_letterhead")), st.form("letterhead"):
        office = st.text_input(t("report_letterhead_name"), current.name, max_chars=heads.MAX_TEXT)
        address = st.text_area(t("report_letterhead_address"), current.address, max_chars=heads.MAX_TEXT)
        logo = st.file_uploader(t("report_letterhead_logo"), type=["png", "jpg", "jpeg"])
        if current.logo:
            st.image(current.logo, width=120)
        remove = st.checkbox(t("report_letterhead_remove_logo")) if current.logo else False
        if st.form_submit_button(t("report_letterhead_save")):
            try:
                write(heads.set_letterhead, user, office, address, logo.getvalue() if logo else None, remove)
            except (heads.LetterheadRefused, PermissionError) as refused:
                st.error(plain(str(refused)))
            else:
                flash(t("report_letterhead_saved"))
                st.rerun()
