"""A login that survives a reload: Streamlit starts a new session on every reload, so the login is
kept in a cookie holding a signed token (mpp.login_tokens), read back through st.context.cookies.
The cookie lives as long as the login (MPP_SESSION_HOURS), is SameSite=Strict, and Secure over HTTPS."""

from __future__ import annotations

import json
from datetime import timedelta

import streamlit as st
import streamlit.components.v1 as components

from mpp.access import accounts, login_tokens
from mpp.store import db
from mpp.store.db import StoreBusy
from ui.base import READ_WAIT_SECONDS, store_path, write

COOKIE = "pantau_mpp_login"


def _set_cookie(value: str, seconds: int) -> None:
    """The page's own document sets it (the component frame shares its origin)."""
    script = (
        f"const secure = parent.location.protocol === 'https:' ? '; Secure' : '';"
        f"parent.document.cookie = {json.dumps(COOKIE)} + '=' + {json.dumps(value)}"
        f" + '; path=/; max-age={seconds}; SameSite=Strict' + secure;"
    )
    with st.sidebar:
        components.html(f"<script>{script}</script>", height=0)


def keep() -> None:
    """After a login: write the cookie on the next run (a login ends with st.rerun, which would cut
    off a script sent before it)."""
    st.session_state["login_cookie"] = "keep"
    st.session_state.pop("login_forgotten", None)


def forget() -> None:
    """At log-out: empty the cookie on the next run, and never restore from the old one meanwhile."""
    st.session_state["login_cookie"] = "forget"
    st.session_state["login_forgotten"] = True


def sync(hours: float) -> None:
    """Write or empty the cookie as the last login or log-out asked; every page calls this."""
    action, user = st.session_state.pop("login_cookie", None), st.session_state.get("user")
    if action == "keep" and user is not None:
        _set_cookie(write(login_tokens.issue, user), int(hours * 3600))
    elif action == "forget":
        _set_cookie("", 0)


def restore(hours: float):
    """(user, login time, must change password) of a valid cookie; None without one (also under
    AppTest, which has no browser and so no cookies)."""
    token = st.context.cookies.get(COOKIE)
    if not isinstance(token, str) or not token or st.session_state.get("login_forgotten"):
        return None
    try:
        with db.connect(store_path(), read_only=True, wait=READ_WAIT_SECONDS) as con:
            found = login_tokens.verify(con, token, hours)
            must_change = found is not None and accounts.must_change_password(con, found[0])
    except StoreBusy:
        return None
    if found is None:
        return None
    user, until = found
    return user, until - timedelta(hours=hours), must_change
