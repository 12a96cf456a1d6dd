"""Signed login tokens: what lets a reload keep a login for the session's lifetime, and nothing more."""
import base64
from datetime import datetime, timedelta

from mpp import accounts, login_tokens
from mpp.accounts import COMMAND_LINE, User

NOW = datetime(2026, 11, 27, 8, 0)


def _ana(store) -> User:
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    return User("ana", "analyst")


def test_a_token_gives_back_its_user_until_it_expires(store):
    token = login_tokens.issue(store, _ana(store), 8, NOW)
    assert login_tokens.verify(store, token, NOW + timedelta(hours=7)) == (User("ana", "analyst"),
                                                                           NOW + timedelta(hours=8))
    assert login_tokens.verify(store, token, NOW + timedelta(hours=8, seconds=1)) is None


def test_a_forged_or_garbled_token_is_refused(store):
    token = login_tokens.issue(store, _ana(store), 8, NOW)
    name, expires, fingerprint, signature = base64.urlsafe_b64decode(token).decode().rsplit("|", 3)
    longer = f"{name}|{(NOW + timedelta(days=30)).isoformat(timespec='seconds')}|{fingerprint}|{signature}"
    assert login_tokens.verify(store, base64.urlsafe_b64encode(longer.encode()).decode(), NOW) is None
    admin = f"admin|{expires}|{fingerprint}|{signature}"
    assert login_tokens.verify(store, base64.urlsafe_b64encode(admin.encode()).decode(), NOW) is None
    assert login_tokens.verify(store, "bukan-token", NOW) is None
    assert login_tokens.verify(store, "", NOW) is None


def test_a_password_change_or_a_disabled_account_ends_the_token(store):
    ana = _ana(store)
    token = login_tokens.issue(store, ana, 8, NOW)
    accounts.change_password(store, ana, "ana", "rahasia-baru-sekali")
    assert login_tokens.verify(store, token, NOW) is None
    token = login_tokens.issue(store, ana, 8, NOW)
    accounts.set_role(store, COMMAND_LINE, "ana", "viewer")
    assert login_tokens.verify(store, token, NOW)[0] == User("ana", "viewer")     # the role of today
    accounts.set_role(store, COMMAND_LINE, "ana", "viewer", disabled=True)
    assert login_tokens.verify(store, token, NOW) is None


def test_the_secret_lives_in_the_store_not_in_the_token(store):
    token = login_tokens.issue(store, _ana(store), 8, NOW)
    secret = store.execute("SELECT value FROM settings WHERE key = 'login_token_secret'").fetchall()[0][0]
    assert len(secret) == 64 and secret not in base64.urlsafe_b64decode(token).decode()
