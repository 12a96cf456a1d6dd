"""Unggah: drop files, see what each holds and every problem, map unknown agencies (and the columns
of a sheet no layout recognises), then confirm."""

import streamlit as st

import ui
from loaders import read_guarded

user = ui.page_setup("upload", role="analyst")
read_guarded.warm_up()  # the readers start their imports while the analyst picks a file
st.title(ui.t("upload"))
st.caption(ui.t("upload_intro"))
ui.show_flash()

options = ui.upload_options()
files = ui.file_uploader(
    ui.t("files"), ["xlsx", "xlsm", "xls", "csv", "txt", "json"], accept_multiple_files=True
)
ui.saved_mappings(user, options)
ui.forget_gone(files)
if not files:
    st.stop()

reports = ui.preview_uploads(files, options)
for file in files:
    ui.upload_report(file, reports[file.name], user, options)
    ui.column_mapping(file, reports[file.name], options, user)

ready = [f for f in files if ui.ready_to_load(f, reports[f.name])]
if st.button(ui.t("load_files", n=len(ready)), type="primary", disabled=not ready):
    ui.load_files(files, reports, options, user)
