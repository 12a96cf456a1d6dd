"""The reader's selection (sites, period, measure, language, provisional months) kept in two places:
the URL query, so a reload or a shared link reproduces the view, and the session, because Streamlit
clears the query when the reader moves to another page."""

from __future__ import annotations

import streamlit as st

PREFIX = "selection_"


def recall(key: str) -> str | None:
    """The value from the URL, else the one remembered in the session."""
    asked = st.query_params.get(key)
    return asked if asked is not None else st.session_state.get(PREFIX + key)


def recall_all(key: str) -> list[str]:
    asked = st.query_params.get_all(key)
    return asked if asked else list(st.session_state.get(PREFIX + key, []))


def remember(key: str, value) -> None:
    """Write a value (a string, or a list for a repeated parameter) to the URL and the session;
    None removes it."""
    if value is None:
        st.query_params.pop(key, None)
        st.session_state.pop(PREFIX + key, None)
        return
    if st.query_params.get_all(key) != (value if isinstance(value, list) else [value]):
        st.query_params[key] = value
    st.session_state[PREFIX + key] = value


def restore_url() -> None:
    """After a page change the URL is empty: put the remembered selection back, so a reload of the new
    page keeps it."""
    for name, value in st.session_state.items():
        if isinstance(name, str) and name.startswith(PREFIX) and name[len(PREFIX) :] not in st.query_params:
            st.query_params[name[len(PREFIX) :]] = value
