"""The events section of Lokasi dan Anggota: a site's events listed, one added (date, label, kind),
one removed. Analysts and admins; the core checks the role again. Labels are shown as text."""

from __future__ import annotations

import streamlit as st

from mpp import fmt
from mpp.access.accounts import User
from mpp.reference import events
from ui.base import flash, lang, read, t, write
from ui.tables import show_table
from ui.text import plain


def event_section(user: User | None, site: str) -> None:
    """List, add and remove the site's events."""
    st.subheader(t("events_title"))
    st.caption(t("events_intro"))
    found = read(events.list_events, site)
    if found:
        show_table(
            {
                t("event_number"): [str(e.event_id) for e in found],
                t("event_day"): [fmt.day_label(e.day, lang()) for e in found],
                t("event_kind"): [events.kind_label(e.kind, lang()) for e in found],
                t("event_label"): [e.label for e in found],
                t("col_added_by"): [e.added_by for e in found],
            }
        )
    else:
        st.info(t("events_none_site"))
    _add_form(user, site)
    if found:
        _remove_form(user, found)


def _add_form(user: User | None, site: str) -> None:
    with st.form("add_event", clear_on_submit=True):
        st.markdown(f"**{t('add_event')}**")
        # The widget's own range would stop ten years back; an MPP may have opened before that
        day = st.date_input(
            t("event_day"), min_value=events.FIRST_DAY, max_value=events.LAST_DAY, format="DD/MM/YYYY"
        )
        label = st.text_input(t("event_label"), max_chars=events.LABEL_MOST)
        kind = st.selectbox(t("event_kind"), events.KINDS, format_func=lambda k: events.kind_label(k, lang()))
        if st.form_submit_button(t("add_event")):
            event_id = _saved(events.add, user, site, day, label, kind)
            if event_id is not None:
                added = next(e for e in read(events.list_events, site) if e.event_id == event_id)
                flash(t("event_added_page", text=plain(added.text(lang()))))
                st.rerun()


def _remove_form(user: User | None, found: list[events.Event]) -> None:
    with st.form("remove_event"):
        st.markdown(f"**{t('remove_event')}**")
        # Selectbox options are plain text (see ui.text): the label goes in as written.
        chosen = st.selectbox(
            t("event_to_remove"), found, format_func=lambda e: f"{e.event_id} · {e.text(lang())}"
        )
        if st.form_submit_button(t("remove_event")) and chosen is not None:
            removed = _saved(events.remove, user, chosen.event_id)
            if removed is not None:
                flash(t("event_removed_page", text=plain(removed.text(lang()))))
                st.rerun()


def _saved(func, *args):
    """A write through the core; a refusal (the role, a bad date or label) is shown, not raised."""
    try:
        return write(func, *args)
    except events.EventRefused as refused:
        st.error(t("refused", reason=plain(refused.text(lang()))))
    except PermissionError as refused:
        st.error(t("refused", reason=plain(refused)))
    return None
