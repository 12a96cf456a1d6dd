"""Accounts: hashed passwords, roles enforced in the core, first-start admin, rate-limited logins."""
from datetime import datetime, timedelta

import pytest

from mpp import accounts
from mpp.accounts import COMMAND_LINE, LoginRefused, PermissionDenied, User


def test_first_start_creates_one_admin_with_a_one_time_password(store):
    password = accounts.bootstrap_admin(store)
    assert password and len(password) >= 12
    assert accounts.authenticate(store, "admin", password) == User("admin", "admin")
    assert accounts.must_change_password(store, "admin")
    assert accounts.bootstrap_admin(store) is None


def test_passwords_are_stored_only_as_slow_salted_hashes(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    accounts.create_user(store, COMMAND_LINE, "budi", "analyst", "rahasia-sekali")
    hashes = [r[0] for r in store.execute("SELECT password_hash FROM users ORDER BY username").fetchall()]
    assert all(h.startswith("$argon2id$") and "rahasia" not in h for h in hashes)
    assert hashes[0] != hashes[1]                      # salted: same password, different hashes


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    with pytest.raises(LoginRefused, match="Nama pengguna atau kata sandi salah"):
        accounts.authenticate(store, "ana", "salah")
    with pytest.raises(LoginRefused, match="Nama pengguna atau kata sandi salah"):
        accounts.authenticate(store, "tidak-ada", "salah")


def test_failed_logins_are_rate_limited_then_released(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    now = datetime(2026, 1, 5, 9, 0)
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(LoginRefused):
            accounts.authenticate(store, "ana", "salah", now)
    with pytest.raises(LoginRefused, match="Terlalu banyak percobaan"):
        accounts.authenticate(store, "ana", "rahasia-sekali", now)     # right password, still locked
    later = now + accounts.FAILURE_WINDOW + timedelta(seconds=1)
    assert accounts.authenticate(store, "ana", "rahasia-sekali", later).role == "analyst"


def test_roles_are_enforced_in_the_core(store):
    viewer, analyst = User("vina", "viewer"), User("ana", "analyst")
    with pytest.raises(PermissionDenied, match="perlu peran admin"):
        accounts.create_user(store, analyst, "x", "viewer")
    with pytest.raises(PermissionDenied, match="perlu peran analyst"):
        accounts.require(viewer, "analyst")
    with pytest.raises(PermissionDenied):
        accounts.require(None, "viewer")
    accounts.require(analyst, "analyst")


def test_disabled_accounts_cannot_log_in(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    accounts.set_role(store, COMMAND_LINE, "ana", "analyst", disabled=True)
    with pytest.raises(LoginRefused):
        accounts.authenticate(store, "ana", "rahasia-sekali")


def test_password_change_rules(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    ana = User("ana", "analyst")
    with pytest.raises(ValueError, match="minimal 10"):
        accounts.change_password(store, ana, "ana", "pendek")
    with pytest.raises(PermissionDenied):
        accounts.change_password(store, ana, "admin", "panjang-sekali-ya")
    accounts.change_password(store, ana, "ana", "kata-sandi-baru")
    assert accounts.authenticate(store, "ana", "kata-sandi-baru") == ana


def test_identity_provider_logins_map_to_known_emails_only(store):
    accounts.create_user(store, COMMAND_LINE, "kepala@dpmptsp.go.id", "viewer", "x" * 12)
    assert accounts.oidc_user(store, "Kepala@DPMPTSP.go.id").role == "viewer"
    assert accounts.oidc_user(store, "orang@lain.id") is None
