"""Laporan: the monthly report of the chosen sites and month, its sections shown as the page, the A4 PDF
and the workbook made on request (with progress), and the letterhead, which admins edit here."""

from datetime import UTC, datetime

import streamlit as st

import ui
from mpp import fmt
from mpp.present.export import display
from mpp.report import build
from mpp.report import letterhead as heads
from mpp.report.gather import NoFigures, report_months
from mpp.report.html import marks, period_line, title
from mpp.report.pdf import ChromiumMissing, PrintFailed

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
except NoFigures:
    st.info(ui.t("report_no_figures", sites=ui.plain_all(sites), month=fmt.month_label(month, lang)))
    st.stop()

shown_marks = marks(data)
if shown_marks:
    st.warning(" · ".join(shown_marks), icon=":material/warning:")

# Make the files first: the button sits above the long report.
key = f"report-{'|'.join(sites)}-{month:%Y-%m}-{lang}"
if st.button(ui.t("report_make"), icon=":material/picture_as_pdf:", type="primary"):
    bar = st.progress(0.0, text=ui.t("report_making"))
    try:
        made = build.render(
            data, found, lambda done, steps: bar.progress(done / steps, ui.t("report_making"))
        )
    except (ChromiumMissing, PrintFailed) as failed:
        st.error(ui.plain(str(failed)))
    else:
        st.session_state[key] = (made.pdf, made.xlsx)
        bar.progress(1.0, text=ui.t("report_made_ok"))
if key in st.session_state:
    pdf, xlsx = st.session_state[key]
    name = f"laporan-{'_'.join(s.lower().replace(' ', '-') for s in sites)}-{month:%Y-%m}"
    row = st.container(horizontal=True)
    row.download_button(
        "PDF", pdf, f"{name}.pdf", "application/pdf", icon=":material/download:", on_click="ignore"
    )
    row.download_button(
        "XLSX",
        xlsx,
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        on_click="ignore",
    )

st.divider()
st.header(ui.plain(title(data)))
st.caption(ui.plain(period_line(data)))
for section in found:
    st.subheader(ui.plain(section.heading))
    for line in section.lines:
        st.markdown(ui.plain(line))
    for chart in section.charts:
        ui.plotly(chart.figure, chart.name, sites, data.period.label(lang))
    for table in section.tables:
        if len(section.tables) > 1:
            st.markdown(f"**{ui.plain(table.title)}**")
        if table.frame.empty:
            st.caption(ui.t("no_change_rows"))
            continue
        shown = display(table.frame, table.columns, lang)
        right = st.column_config.TextColumn(alignment="right")
        numeric = [c.label for c in table.columns if c.on_screen and c.kind not in ("text", "month")]
        ui.show_table(shown, column_config={c: right for c in numeric}, width="stretch")
    for caption, paragraphs in section.lists:
        st.markdown(f"**{ui.plain(caption)}**")
        for paragraph in paragraphs:
            st.markdown(ui.plain(paragraph))
    for note in section.notes:
        st.caption(ui.plain(note))

if user is not None and user.can("admin"):
    current = ui.read(heads.letterhead)
    with st.expander(ui.t("report_letterhead")), st.form("letterhead"):
        office = st.text_input(ui.t("report_letterhead_name"), current.name, max_chars=heads.MAX_TEXT)
        address = st.text_area(ui.t("report_letterhead_address"), current.address, max_chars=heads.MAX_TEXT)
        logo = st.file_uploader(ui.t("report_letterhead_logo"), type=["png", "jpg", "jpeg"])
        if current.logo:
            st.image(current.logo, width=120)
        remove = st.checkbox(ui.t("report_letterhead_remove_logo")) if current.logo else False
        if st.form_submit_button(ui.t("report_letterhead_save")):
            try:
                ui.write(
                    heads.set_letterhead, user, office, address, logo.getvalue() if logo else None, remove
                )
            except (heads.LetterheadRefused, PermissionError) as refused:
                st.error(ui.plain(str(refused)))
            else:
                ui.flash(ui.t("report_letterhead_saved"))
                st.rerun()
