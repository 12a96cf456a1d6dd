"""Who is using the page and what they may do: local logins, the office's SSO, sessions that expire,
one-time passwords replaced at first login. Roles are checked again by the core functions that write.
Viewers may read without logging in unless MPP_LOGIN_REQUIRED=1; a login lasts MPP_SESSION_HOURS."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import streamlit as st

from mpp.access import accounts, login_tokens
from ui import login_cookie
from ui.base import t, write
from ui.text import plain


def _session_hours() -> float:
    return float(os.environ.get("MPP_SESSION_HOURS", "8"))


def login_required() -> bool:
    return os.environ.get("MPP_LOGIN_REQUIRED", "0") == "1"


def _sso_configured() -> bool:
    """An office with an OIDC identity provider sets [auth] in .streamlit/secrets.toml."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def _sso_user():
    """The account of the identity-provider login, by its e-mail; None when there is none."""
    if not (_sso_configured() and st.user.is_logged_in and st.user.get("email")):
        return None
    return write(accounts.oidc_user, st.user.get("email"))


def current_user():
    """The logged-in user, or None (also when the login has expired)."""
    login_cookie.sync(_session_hours())  # the cookie a login or log-out of the last run asked for
    if "user" not in st.session_state and (sso := _sso_user()):
        st.session_state.update(user=sso, login_at=datetime.now(), must_change=False)
    if "user" not in st.session_state and (kept := login_cookie.restore(_session_hours())):
        st.session_state.update(user=kept[0], login_at=kept[1], must_change=kept[2])  # after a reload
    user, since = st.session_state.get("user"), st.session_state.get("login_at")
    if user and since and datetime.now() - since > timedelta(hours=_session_hours()):
        st.session_state.pop("user", None)
        st.toast(t("session_expired"))
        return None
    return user


def client_address() -> str | None:
    """The client's network address, for login throttling; None when unknown (localhost). Behind a
    reverse proxy Streamlit sees the proxy's address: with MPP_TRUSTED_PROXY=1 the address the proxy
    appended to X-Forwarded-For counts instead (only then: a client can send that header itself)."""
    if os.environ.get("MPP_TRUSTED_PROXY", "0") == "1":
        forwarded = (st.context.headers.get("X-Forwarded-For") or "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    address = st.context.ip_address
    return address if isinstance(address, str) else None  # AppTest's context gives a stand-in


def _login_form(where, key: str) -> None:
    if _sso_configured():
        where.button(t("log_in_sso"), key=key + "_sso", on_click=st.login)
    with where.form(key, clear_on_submit=True):
        name = st.text_input(t("username"))
        password = st.text_input(t("password"), type="password")
        if st.form_submit_button(t("log_in")):
            try:
                user = write(accounts.authenticate, name.strip(), password, client_address())
            except accounts.LoginRefused as refused:
                st.error(str(refused))
                return
            from datetime import datetime

            must_change = write(accounts.must_change_password, user)
            st.session_state.update(user=user, login_at=datetime.now(), must_change=must_change)
            login_cookie.keep()
            st.rerun()


def account_box() -> None:
    """Sidebar: who is logged in and a log-out button, or the login form."""
    user = current_user()
    if user:
        st.sidebar.caption(t("logged_in_as", user=plain(user.username), role=t("role_" + user.role)))
        if st.sidebar.button(t("log_out")):
            write(login_tokens.end_all, user)  # also the cookie a copy or another browser kept
            st.session_state.pop("user", None)
            login_cookie.forget()
            if _sso_configured() and st.user.is_logged_in:
                st.logout()
            st.rerun()
    else:
        _login_form(st.sidebar.expander(t("log_in")), "login_sidebar")


def require_role(role: str, must_log_in: bool = False):
    """At the top of a page that needs a role: the user, or a login prompt and stop."""
    user = current_user()
    if user is None and role == "viewer" and not (login_required() or must_log_in):
        return None
    if user is None or not user.can(role):
        st.warning(t("needs_role", role=t("role_" + role)))
        if user is None:
            _login_form(st, "login_page")
        st.stop()
    if st.session_state.get("must_change"):
        change_password_form(user, first_login=True)
        st.stop()
    return user


def change_password_form(user, first_login: bool = False) -> None:
    """A one-time password must be replaced before anything else is shown."""
    if first_login:
        st.info(t("change_one_time_password"))
    with st.form("change_password", clear_on_submit=True):
        new = st.text_input(t("new_password"), type="password")
        again = st.text_input(t("new_password_again"), type="password")
        if st.form_submit_button(t("change_password")):
            if new != again:
                st.error(t("passwords_differ"))
                return
            try:
                write(accounts.change_password, user, user.username, new)
            except ValueError as bad:
                st.error(str(bad))
                return
            st.session_state["must_change"] = False
            login_cookie.keep()  # the change ended the old token; a reload needs the new one
            st.success(t("password_changed"))
            st.rerun()
