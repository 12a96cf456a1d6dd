"""Accounts: hashed passwords, roles enforced in the core, first-start admin, rate-limited logins."""

import contextlib
from datetime import datetime, timedelta

import pytest

from mpp.access import accounts
from mpp.access.accounts import COMMAND_LINE, LoginRefused, PermissionDenied, User


def test_first_start_creates_one_admin_with_a_one_time_password(store):
    password = accounts.bootstrap_admin(store)
    assert password and len(password) >= 12
    assert accounts.authenticate(store, "admin", password) == User("admin", "admin")
    assert accounts.must_change_password(store, User("admin", "admin"))
    assert accounts.bootstrap_admin(store) is None


def test_passwords_are_stored_only_as_slow_salted_hashes(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    accounts.create_user(store, COMMAND_LINE, "budi", "analyst", "rahasia-sekali")
    hashes = [r[0] for r in store.execute("SELECT password_hash FROM users ORDER BY username").fetchall()]
    assert all(h.startswith("$argon2id$") and "rahasia" not in h for h in hashes)
    assert hashes[0] != hashes[1]  # salted: same password, different hashes


def test_a_second_account_by_the_same_name_is_refused_saying_so(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    with pytest.raises(accounts.AccountExists, match=r"Akun ana sudah ada\. / An account named ana already"):
        accounts.create_user(store, COMMAND_LINE, " ana ", "admin", "lain-rahasia-lagi")
    assert store.execute("SELECT username, role FROM users").fetchall() == [("ana", "analyst")]


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    with pytest.raises(LoginRefused, match="Nama pengguna atau kata sandi salah"):
        accounts.authenticate(store, "ana", "salah")
    with pytest.raises(LoginRefused, match="Nama pengguna atau kata sandi salah"):
        accounts.authenticate(store, "tidak-ada", "salah")


@pytest.mark.slow  # dozens of argon2 verifications, slow by design
def test_failed_logins_are_rate_limited_then_released(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    now = datetime(2026, 1, 5, 9, 0)
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(LoginRefused):
            accounts.authenticate(store, "ana", "salah", "10.0.0.9", now)
    with pytest.raises(LoginRefused, match="Terlalu banyak percobaan"):  # right password, still locked
        accounts.authenticate(store, "ana", "rahasia-sekali", "10.0.0.9", now)
    later = now + accounts.FAILURE_WINDOW + timedelta(seconds=1)
    assert accounts.authenticate(store, "ana", "rahasia-sekali", "10.0.0.9", later).role == "analyst"


NOW = datetime(2026, 1, 5, 9, 0)


def _fail(store, name, client, times=1):
    for _ in range(times):
        with pytest.raises(LoginRefused):
            accounts.authenticate(store, name, "tebakan-salah", client, NOW)


@pytest.mark.slow  # dozens of argon2 verifications, slow by design
def test_a_guesser_on_one_client_cannot_lock_the_real_admin_out_from_another(store):
    password = accounts.bootstrap_admin(store)
    _fail(store, "admin", "203.0.113.7", times=20)  # the attack of the issue
    with pytest.raises(LoginRefused, match="Terlalu banyak percobaan"):
        accounts.authenticate(store, "admin", password, "203.0.113.7", NOW)
    assert accounts.authenticate(store, "admin", password, "10.0.0.2", NOW).role == "admin"


def _record(store, attempts):
    """Failures as authenticate records them: quicker than argon2 for each of dozens."""
    for name, client in attempts:
        store.execute(
            "INSERT INTO login_attempts (username, client, attempted_at, succeeded) VALUES (?, ?, ?, false)",
            [name, client, NOW - timedelta(minutes=1)],
        )


@pytest.mark.slow  # dozens of argon2 verifications, slow by design
def test_one_client_trying_many_names_is_stopped_while_others_log_in(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    _record(store, [(f"nama-{i}", "203.0.113.7") for i in range(accounts.CLIENT_MAX_FAILURES - 1)])
    _fail(store, "nama-terakhir", "203.0.113.7")
    with pytest.raises(LoginRefused, match="Terlalu banyak percobaan"):
        accounts.authenticate(store, "ana", "rahasia-sekali", "203.0.113.7", NOW)
    assert accounts.authenticate(store, "ana", "rahasia-sekali", "10.0.0.2", NOW).role == "analyst"


def _recorded_failures(store, name, clients):
    _record(store, [(name, client) for client in clients for _ in range(accounts.MAX_FAILURES)])


@pytest.mark.slow  # dozens of argon2 verifications, slow by design
def test_a_name_is_locked_for_every_client_only_at_a_much_higher_bound(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    clients = [f"198.51.100.{i}" for i in range(accounts.NAME_MAX_FAILURES // accounts.MAX_FAILURES)]
    _recorded_failures(store, "ana", clients[:-1])
    assert accounts.authenticate(store, "ana", "rahasia-sekali", "10.0.0.2", NOW).role == "analyst"
    _recorded_failures(store, "ana", clients[-1:])
    with pytest.raises(LoginRefused, match="Terlalu banyak percobaan"):
        accounts.authenticate(store, "ana", "rahasia-sekali", "10.0.0.2", NOW)


@pytest.mark.slow  # dozens of argon2 verifications, slow by design
def test_clients_without_an_address_share_one_bucket(store):
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    _fail(store, "ana", None, times=accounts.MAX_FAILURES)
    with pytest.raises(LoginRefused, match="Terlalu banyak percobaan"):
        accounts.authenticate(store, "ana", "rahasia-sekali", None, NOW)
    clients = store.execute("SELECT DISTINCT client FROM login_attempts").fetchall()
    assert clients == [(accounts.UNKNOWN_CLIENT,)]


@pytest.mark.slow  # dozens of argon2 verifications, slow by design
def test_unknown_names_cost_the_same_argon2_verification_as_known_ones(store):
    """The timing of an answer must not tell which names exist: each kind of attempt runs exactly
    one real argon2 verification (timed in bench/bench_login.py; no timed unit tests here)."""
    accounts.create_user(store, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
    accounts.create_user(store, COMMAND_LINE, "dodi", "analyst", "rahasia-sekali")
    accounts.set_role(store, COMMAND_LINE, "dodi", "analyst", disabled=True)
    store.execute("INSERT INTO users (username, role) VALUES ('sso@dpmptsp.go.id', 'viewer')")
    attempts = [
        ("ana", "rahasia-sekali"),
        ("ana", "salah"),
        ("tidak-ada", "salah"),
        ("dodi", "rahasia-sekali"),
        ("sso@dpmptsp.go.id", ""),
    ]
    for i, (name, password) in enumerate(attempts):
        before = accounts.HASHER.verifications
        with contextlib.suppress(LoginRefused):
            accounts.authenticate(store, name, password, f"10.0.0.{i}", NOW)
        assert accounts.HASHER.verifications == before + 1, name


def test_the_last_active_admin_cannot_be_demoted_or_disabled(store):
    accounts.bootstrap_admin(store)
    for role, disabled in (("analyst", False), ("viewer", False), ("admin", True)):
        with pytest.raises(accounts.LastAdminRefused, match="admin aktif terakhir"):
            accounts.set_role(store, COMMAND_LINE, "admin", role, disabled)
    assert store.execute("SELECT role, disabled FROM users").fetchall() == [("admin", False)]
    accounts.create_user(store, COMMAND_LINE, "budi", "admin", "rahasia-sekali")
    accounts.set_role(store, COMMAND_LINE, "admin", "analyst")
    with pytest.raises(accounts.LastAdminRefused):
        accounts.set_role(store, COMMAND_LINE, "budi", "admin", disabled=True)
    assert accounts.list_users(store, COMMAND_LINE).set_index("username")["role"].to_dict() == {
        "admin": "analyst",
        "budi": "admin",
    }


def test_only_admins_list_the_accounts(store):
    accounts.bootstrap_admin(store)
    for actor in (None, User("vina", "viewer"), User("ana", "analyst")):
        with pytest.raises(PermissionDenied):
            accounts.list_users(store, actor)
    assert list(accounts.list_users(store, User("admin", "admin"))["username"]) == ["admin"]


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
