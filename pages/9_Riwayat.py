"""Riwayat: every load, its original file, and undo after a confirmation that shows what it restores."""

import streamlit as st

import ui
from mpp.store import history, ledger

user = ui.page_setup("history", role="analyst")
st.title(ui.t("history"))
st.caption(ui.t("history_intro"))
ui.show_flash()

loads = ui.write(history.loads_table, user)
if loads.empty:
    st.info(ui.t("no_loads"))
    st.stop()
ui.loads_table(loads)

choice = st.selectbox(
    ui.t("pick_load"),
    list(loads["load_id"]),
    format_func=lambda i: f"{i} · {loads.set_index('load_id').at[i, 'file_name']}",
)
row = loads.set_index("load_id").loc[choice]
kept = ui.write(ledger.original, user, row["sha256"])
if kept:
    st.download_button(ui.t("download_original"), kept[1], file_name=kept[0])
elif isinstance(row["original_withheld"], str):  # personal data: never kept (UU 27/2022)
    st.info(ui.t("original_not_kept", columns=ui.plain(row["original_withheld"])), icon="🔒")
else:
    st.caption(ui.t("no_original"))

if row["status"] != "undone":
    st.subheader(ui.t("undo_title", load=choice))
    preview = ui.write(history.undo_preview, user, int(choice))
    st.write(ui.t("undo_preview"))
    ui.undo_preview_table(preview)
    if st.checkbox(ui.t("confirm_undo", load=choice)) and st.button(ui.t("undo"), type="primary"):
        ui.write(history.undo_load, user, int(choice))
        ui.flash(ui.t("undone", load=choice))
        st.rerun()
