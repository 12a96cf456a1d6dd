"""The upload page's one form for all of a file's unknown agency names: a table with, per name, the
agency it means (filled in only where loaders.upload suggests one, i.e. a name very much alike a
known agency; otherwise left empty for the analyst), and two choices for every name at once: add
them all as new agencies, or take them as the services of one agency (the whole-file agency option,
as --agency does on the command line: the Sleman permit recap is DPMPTSP's 70 services)."""

from __future__ import annotations

import hashlib

import streamlit as st

from loaders import upload
from ui.base import read, t, write
from ui.tables import edit_table, escaped_choices
from ui.text import plain

# Set by "all are services of one agency"; the options field takes it on the next run (a widget's
# value cannot change once it is drawn in a run).
PENDING_AGENCY = "pending_whole_file_agency"
WHOLE_FILE_AGENCY = "whole_file_agency"  # the options field's key
# Pixels for the names, pinned: most read whole on a laptop, and a phone (about 340 px for the table)
# still shows the start of the choice beside them and scrolls to it.
NAME_WIDTH = 240


def take_pending_agency() -> None:
    """Before the options are drawn: the agency chosen in a form below becomes the whole-file agency."""
    if PENDING_AGENCY in st.session_state:
        st.session_state[WHOLE_FILE_AGENCY] = st.session_state.pop(PENDING_AGENCY)


def agency_form(report, user) -> None:
    """Every unknown name of one file in one form; saving writes all choices in one transaction."""
    unknown = upload.unknown_agencies(report)
    if not unknown:
        return
    canonical = read(upload.canonical_names)
    names = "\n".join(u.spelling for u in unknown)
    key = f"agencies_{report.file_name}_{hashlib.sha256(names.encode()).hexdigest()[:12]}"
    meant = t("col_agency_meant")
    offered = escaped_choices([upload.NEW_AGENCY, *canonical])  # cell value -> the store's name
    with st.form(key):
        st.markdown(f"**{t('agency_form', n=len(unknown))}**")
        st.caption(t("agency_form_help"))
        edited = edit_table(
            {
                t("col_name_in_file"): [u.spelling for u in unknown],
                meant: [u.suggested for u in unknown],
                t("col_cell"): [upload.place(u.sheet, u.cell) for u in unknown],
            },
            key=f"{key}_table",
            disabled=[t("col_name_in_file"), t("col_cell")],
            height=min(38 + 35 * len(unknown), 420),
            placeholder=t("pick_agency"),
            column_config={  # the name stays in view while a phone scrolls to the choice
                t("col_name_in_file"): st.column_config.TextColumn(width=NAME_WIDTH, pinned=True),
                t("col_cell"): st.column_config.TextColumn(width="small"),
                meant: st.column_config.SelectboxColumn(
                    options=list(offered),
                    format_func=lambda c: t("as_new_agency") if c == upload.NEW_AGENCY else offered[c],
                    width="medium",
                ),
            },
        )
        save = st.form_submit_button(t("save_agency_choices"), type="primary")
        st.markdown(f"**{t('agencies_at_once')}**")
        add_all = st.form_submit_button(t("add_all_new"))
        owner = st.selectbox(
            t("services_owner"), canonical, index=None, placeholder=t("pick_agency"), key=f"{key}_owner"
        )
        as_services = st.form_submit_button(t("all_services_of"))
    if save:
        picked = zip(unknown, edited[meant], strict=True)
        chosen = {u.spelling: offered.get(c, c) for u, c in picked if isinstance(c, str)}
        if chosen:
            _settle(user, chosen)  # returns only when refused, having said why
        else:
            st.warning(t("no_agency_chosen", column=meant))
    elif add_all:
        _settle(user, {u.spelling: upload.NEW_AGENCY for u in unknown})
    elif as_services:
        _services_of(owner)


def _settle(user, chosen: dict[str, str]) -> None:
    try:
        n = write(upload.settle_agencies, user, chosen)
    except ValueError as refused:  # an agency gone since the form was drawn, a name that is none
        st.error(t("agencies_not_saved", reason=plain(str(refused))), icon="🚫")
        return
    st.session_state["aliases"] = st.session_state.get("aliases", 0) + 1
    st.toast(t("agencies_saved", n=n))
    st.rerun()


def _services_of(owner: str | None) -> None:
    if not owner:
        st.warning(t("owner_needed"))
        return
    st.session_state[PENDING_AGENCY] = owner
    st.toast(
        t(
            "services_of_chosen",
            agency=plain(owner),
            field=t("whole_file_agency"),
            options=t("upload_options"),
        )
    )
    st.rerun()
