"""Signed login tokens: what lets a reload keep a login for the session's lifetime, and nothing more."""

import base64
from datetime import datetime, timedelta

from mpp.access import accounts, login_tokens
from mpp.access.accounts import COMMAND_LINE, User

NOW = datetime(2026, 11, 27, 8, 0)


def _ana(store) -> User:
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    return User("ana", "analyst")


def test_a_token_gives_back_its_user_until_it_expires(store):
    token = login_tokens.issue(store, _ana(store), NOW)
    assert login_tokens.verify(store, token, 8, NOW + timedelta(hours=7)) == (
        User("ana", "analyst"),
        NOW + timedelta(hours=8),
    )
    assert login_tokens.verify(store, token, 8, NOW + timedelta(hours=8, seconds=1)) is None


def test_a_forged_or_garbled_token_is_refused(store):
    token = login_tokens.issue(store, _ana(store), NOW)
    name, issued, stamp, signature = base64.urlsafe_b64decode(token).decode().rsplit("|", 3)
    longer = f"{name}|{(NOW + timedelta(days=30)).isoformat(timespec='seconds')}|{stamp}|{signature}"
    assert login_tokens.verify(store, base64.urlsafe_b64encode(longer.encode()).decode(), 8, NOW) is None
    admin = f"admin|{issued}|{stamp}|{signature}"
    assert login_tokens.verify(store, base64.urlsafe_b64encode(admin.encode()).decode(), 8, NOW) is None
    assert login_tokens.verify(store, "bukan-token", 8, NOW) is None
    assert login_tokens.verify(store, "", 8, NOW) is None


def test_a_shorter_session_length_shortens_tokens_already_issued(store):
    token = login_tokens.issue(store, _ana(store), NOW)
    later = NOW + timedelta(hours=3)
    assert login_tokens.verify(store, token, 8, later) == (User("ana", "analyst"), NOW + timedelta(hours=8))
    assert login_tokens.verify(store, token, 2, later) is None  # MPP_SESSION_HOURS lowered to 2


def test_a_log_out_ends_every_copy_of_the_token(store):
    ana = _ana(store)
    token = login_tokens.issue(store, ana, NOW)
    other_browser = login_tokens.issue(store, ana, NOW + timedelta(minutes=5))
    login_tokens.end_all(store, ana)
    assert login_tokens.verify(store, token, 8, NOW + timedelta(minutes=10)) is None
    assert login_tokens.verify(store, other_browser, 8, NOW + timedelta(minutes=10)) is None
    fresh = login_tokens.issue(store, ana, NOW + timedelta(minutes=20))  # logging in again works
    assert login_tokens.verify(store, fresh, 8, NOW + timedelta(minutes=30))[0] == ana


def test_a_password_change_or_a_disabled_account_ends_the_token(store):
    ana = _ana(store)
    token = login_tokens.issue(store, ana, NOW)
    accounts.change_password(store, ana, "ana", "rahasia-baru-sekali")
    assert login_tokens.verify(store, token, 8, NOW) is None
    token = login_tokens.issue(store, ana, NOW)  # the fresh token the change itself asks for
    assert login_tokens.verify(store, token, 8, NOW)[0] == ana
    accounts.set_role(store, COMMAND_LINE, "ana", "viewer")
    assert login_tokens.verify(store, token, 8, NOW)[0] == User("ana", "viewer")  # the role of today
    accounts.set_role(store, COMMAND_LINE, "ana", "viewer", disabled=True)
    assert login_tokens.verify(store, token, 8, NOW) is None
    accounts.set_role(store, COMMAND_LINE, "ana", "viewer")
    assert login_tokens.verify(store, token, 8, NOW) is None  # enabled again: the old token stays dead


def test_the_secret_lives_in_the_store_not_in_the_token(store):
    token = login_tokens.issue(store, _ana(store), NOW)
    secret = store.execute("SELECT value FROM settings WHERE key = 'login_token_secret'").fetchall()[0][0]
    assert len(secret) == 64 and secret not in base64.urlsafe_b64decode(token).decode()
