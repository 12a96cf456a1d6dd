"""Signed login tokens, so a reload of the page keeps the user logged in for the session's lifetime
(MPP_SESSION_HOURS) without storing sessions: the token names the user and its expiry, and carries an
HMAC made with a secret kept in the store (settings 'login_token_secret', made on first use).

A token stops working when it expires, when the account is disabled or removed, or when its password
changes (the token carries a fingerprint of the password hash), so a log-out on a shared office PC
plus a password change ends every copy.

    token = issue(con, user, hours=8)
    verify(con, token)            # -> User('ani', 'analyst'), or None
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from mpp.accounts import User

SECRET_KEY = "login_token_secret"


def _secret(con, create: bool) -> bytes | None:
    row = con.execute("SELECT value FROM settings WHERE key = ?", [SECRET_KEY]).fetchall()
    if row:
        return row[0][0].encode()
    if not create:
        return None
    value = secrets.token_hex(32)
    con.execute("INSERT INTO settings VALUES (?, ?)", [SECRET_KEY, value])
    return value.encode()


def _account(con, username: str) -> tuple[str, str] | None:
    """(role, password fingerprint) of an enabled account."""
    row = con.execute("SELECT role, coalesce(password_hash, ''), disabled FROM users WHERE username = ?",
                      [username]).fetchall()
    if not row or row[0][2]:
        return None
    return row[0][0], hashlib.sha256(row[0][1].encode()).hexdigest()[:16]


def _sign(secret: bytes, body: str) -> str:
    return hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()


def issue(con, user: User, hours: float, now: datetime | None = None) -> str:
    """A token for `user`, valid `hours` from now (a write: makes the secret on first use)."""
    account = _account(con, user.username)
    if account is None:
        raise ValueError(f"akun {user.username!r} tidak aktif / account not active")
    expires = (now or datetime.now()) + timedelta(hours=hours)
    body = f"{user.username}|{expires.isoformat(timespec='seconds')}|{account[1]}"
    signed = f"{body}|{_sign(_secret(con, create=True), body)}"
    return base64.urlsafe_b64encode(signed.encode()).decode()


def verify(con, token: str, now: datetime | None = None) -> tuple[User, datetime] | None:
    """(the user, when the token expires), or None for a token that is forged, expired, or no longer
    matches its account."""
    try:
        text = base64.urlsafe_b64decode(token.encode()).decode()
        username, expires, fingerprint, signature = text.rsplit("|", 3)
        until = datetime.fromisoformat(expires)
    except ValueError:
        return None
    secret = _secret(con, create=False)
    body = f"{username}|{expires}|{fingerprint}"
    if secret is None or not hmac.compare_digest(_sign(secret, body), signature):
        return None
    account = _account(con, username)
    if account is None or account[1] != fingerprint or until <= (now or datetime.now()):
        return None
    return User(username, account[0]), until
