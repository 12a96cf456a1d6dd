"""Signed login tokens, so a reload of the page keeps the user logged in for the session's lifetime
(MPP_SESSION_HOURS) without storing sessions: the token names the user, when it was issued and the
account's token version, and carries an HMAC made with a secret kept in the store (settings
'login_token_secret', made on first use).

A token stops working once its issue time plus the session length of NOW has passed (so shortening
MPP_SESSION_HOURS shortens tokens already issued), when the account is disabled or removed, and when
the account's token version moves on: a log-out (end_all), a password change or disabling the account
bumps it (users.token_version), which ends every copy of every earlier token, not only the cookie of
the browser that logged out. The token also carries a fingerprint of the password hash.

    token = issue(con, user)
    verify(con, token, hours=8)   # -> (User('ani', 'analyst'), valid until), or None
    end_all(con, user)            # at log-out
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

import duckdb

from mpp.access.accounts import User

SECRET_KEY = "login_token_secret"


def _secret(con: duckdb.DuckDBPyConnection, create: bool) -> bytes | None:
    """The store's signing secret, made at the first login. On the shared store (no keys) two
    dashboards logging someone in at the same first moment could each add one: every reader takes
    the least, so all agree on it from then on."""
    row = con.execute("SELECT min(value) FROM settings WHERE key = ?", [SECRET_KEY]).fetchall()
    if row[0][0] is not None:
        return row[0][0].encode()
    if not create:
        return None
    value = secrets.token_hex(32)
    con.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [SECRET_KEY, value])
    return value.encode()


def _account(con: duckdb.DuckDBPyConnection, username: str) -> tuple[str, str] | None:
    """(role, the stamp a token carries: token version and password fingerprint) of an enabled
    account."""
    row = con.execute(
        "SELECT role, coalesce(password_hash, ''), disabled, token_version FROM users WHERE username = ?",
        [username],
    ).fetchall()
    if not row or row[0][2]:
        return None
    role, password_hash, _, version = row[0]
    return role, f"{version}.{hashlib.sha256(password_hash.encode()).hexdigest()[:16]}"


def _sign(secret: bytes, body: str) -> str:
    return hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()


def issue(con: duckdb.DuckDBPyConnection, user: User, now: datetime | None = None) -> str:
    """A token for `user`, issued now (a write: makes the secret on first use). How long it lasts is
    decided when it is verified, by the session length of that moment."""
    account = _account(con, user.username)
    if account is None:
        raise ValueError(f"akun {user.username!r} tidak aktif / account not active")
    issued = (now or datetime.now()).isoformat(timespec="seconds")
    body = f"{user.username}|{issued}|{account[1]}"
    secret = _secret(con, create=True)
    assert secret is not None  # create=True makes one when there is none
    signed = f"{body}|{_sign(secret, body)}"
    return base64.urlsafe_b64encode(signed.encode()).decode()


def verify(
    con: duckdb.DuckDBPyConnection, token: str, hours: float, now: datetime | None = None
) -> tuple[User, datetime] | None:
    """(the user, when the token expires: issued + `hours`, today's session length), or None for a
    token that is forged, expired, or no longer matches its account (logged out, password changed,
    disabled)."""
    try:
        text = base64.urlsafe_b64decode(token.encode()).decode()
        username, issued, stamp, signature = text.rsplit("|", 3)
        until = datetime.fromisoformat(issued) + timedelta(hours=hours)
    except (ValueError, OverflowError):
        return None
    secret = _secret(con, create=False)
    body = f"{username}|{issued}|{stamp}"
    if secret is None or not hmac.compare_digest(_sign(secret, body), signature):
        return None
    account = _account(con, username)
    if account is None or account[1] != stamp or until <= (now or datetime.now()):
        return None
    return User(username, account[0]), until


def end_all(con: duckdb.DuckDBPyConnection, user: User) -> None:
    """Log-out: every token `user` holds stops working, on every browser that kept one."""
    con.execute("UPDATE users SET token_version = token_version + 1 WHERE username = ?", [user.username])
