"""Siaran Pers: press-statement paragraphs from the core figures, shown once with a copy button and
.txt/.docx downloads, and the draft checker: every figure of a pasted or uploaded draft checked against
the store, the findings grouped under their sentence."""

import streamlit as st

import ui
from mpp.press.checker.run import DraftRefused, check_draft
from mpp.press.statement import press_release_for, to_docx, to_txt

SHOW = {"wrong": st.error, "note": st.warning, "unchecked": st.info, "ok": st.success}

selection = ui.figures_page("press", provisional=False)
site = selection.sites[0] if len(selection.sites) == 1 else st.selectbox(ui.t("press_site"), selection.sites)

full_year = st.checkbox(ui.t("press_full_year"))
estimate = st.checkbox(ui.t("press_estimate"))
release = ui.read(
    press_release_for,
    site,
    selection.through,
    selection.measure,
    selection.period,
    selection.include_partial,
    estimate=estimate,
    lang=ui.lang(),
    full_year=full_year,
)
if release is None:
    st.info(ui.t("no_data"))
    st.stop()

st.subheader(ui.plain(release.title))
with st.container(border=True):
    for paragraph in release.paragraphs:
        st.markdown(ui.plain(paragraph))
name = f"siaran-pers-{site.lower().replace(' ', '-')}"
actions = st.container(horizontal=True, vertical_alignment="center")
with actions:
    ui.copy_button(release.text())
actions.download_button(
    "TXT", to_txt(release), f"{name}.txt", "text/plain", icon=":material/download:", on_click="ignore"
)
actions.download_button(
    "DOCX",
    to_docx(release),
    f"{name}.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    icon=":material/download:",
    on_click="ignore",
)

st.divider()
st.header(ui.t("checker"))
st.caption(ui.t("checker_help", site=ui.plain(site)))
uploaded = ui.file_uploader(ui.t("checker_upload"), ["txt", "docx"])
try:
    uploaded_text = ui.draft_text(uploaded.getvalue(), uploaded.name) if uploaded else ""
except ValueError as unreadable:  # DraftRefused: too big, a bomb, not a .docx
    st.error(ui.plain(str(unreadable)))  # the message names the uploaded file
    uploaded_text = ""
draft = st.text_area(ui.t("checker_paste"), uploaded_text, height=220)
try:
    report = ui.read(check_draft, site, draft) if draft.strip() else None
except DraftRefused as refused:  # a paste too long to check
    st.error(ui.plain(str(refused)))
    report = None
if report is not None:
    counts = {s: report.count(s) for s in SHOW}
    (st.error if report.has_errors else st.success)(ui.t("checker_summary", **counts))
    if not report.findings:
        st.info(ui.t("checker_none"))
    for sentence, findings in report.by_sentence(("wrong", "note", "unchecked")):  # problems first
        ui.findings_of(sentence, findings, SHOW)
    with st.expander(ui.t("checker_right", n=counts["ok"]), expanded=not report.has_errors):
        for sentence, findings in report.by_sentence(("ok",)):
            ui.findings_of(sentence, findings, SHOW)
