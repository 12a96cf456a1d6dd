"""Local accounts, roles and the checks every core function makes before it touches the ledger,
the kept original files, agency aliases or accounts.

Roles, each including the ones before it:
- viewer: reads the dashboards (the figures, and in exports the names of the files behind them),
  not the ledger's who-loaded-what, not the files themselves; agency spellings are read by anyone
  (matching names), written by analysts;
- analyst: loads files, maps agency aliases, reads the load history (Riwayat) and downloads the
  original files (who loaded what is internal; the originals are the offices' own files), undoes loads;
- admin: lists and manages accounts.
The check lives here and is called by the core functions themselves (require(actor, role)), so hiding
a page is never the only guard. Nothing defaults to a role: the command line passes COMMAND_LINE and
the store's own upkeep (seeding agencies) SYSTEM, both explicitly.

Logins are throttled per client and per (name, client) (see authenticate), and an unknown name costs
the same argon2 verification as a known one, so the answer's timing does not tell which names exist.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mpp.text.catalogue import t

ROLES = ("viewer", "analyst", "admin")
# Failed logins within FAILURE_WINDOW that lock further tries for the window:
MAX_FAILURES = 5  # ... by one name from one client: a forgotten password, a guesser
CLIENT_MAX_FAILURES = 20  # ... from one client under any names: one guesser trying many names
# ... by one name from all clients together. The tradeoff: any bound per name lets whoever reaches it
# lock the real user out for the window, so it is set far above what one client may try (it takes
# 100 / MAX_FAILURES = 20 clients); it still caps a guesser with many addresses at 100 guesses per
# name per window, hopeless against an argon2 hash of a 10-character password.
NAME_MAX_FAILURES = 100
FAILURE_WINDOW = timedelta(minutes=15)
# Clients whose address is unknown (localhost, or a proxy that passes none) share one bucket: for
# them the limits are those of one client, never looser.
UNKNOWN_CLIENT = "?"


class PermissionDenied(PermissionError):
    """The acting user's role does not allow this."""


class LoginRefused(Exception):
    """Wrong name or password, a disabled account, or too many failures."""


class AccountExists(ValueError):
    """An account by that name is there already."""


class LastAdminRefused(ValueError):
    """The change would leave no active admin to manage accounts."""


class Hasher:
    """argon2id (salted, memory-hard) that counts its verifications: an unknown name must cost the
    same verification as a known one (tests count them; bench/bench_login.py times them)."""

    def __init__(self):
        self._argon2 = PasswordHasher()
        self.verifications = 0

    def hash(self, password: str) -> str:
        return self._argon2.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        """Does the password match? With no hash (an unknown name, an SSO-only account) a dummy
        hash is verified instead and the answer is False, after the same work."""
        self.verifications += 1
        try:
            return self._argon2.verify(password_hash or self._dummy, password) and bool(password_hash)
        except (VerificationError, InvalidHashError):
            return False

    @cached_property
    def _dummy(self) -> str:
        return self._argon2.hash(secrets.token_urlsafe(16))


HASHER = Hasher()


@dataclass(frozen=True)
class User:
    username: str
    role: str

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


# The command line is run by whoever has the server's files: it acts as an admin.
COMMAND_LINE = User("command-line", "admin")
# The store's own upkeep (the seed list of agencies and their spellings, made on every open).
SYSTEM = User("system", "admin")


def require(actor: User | None, role: str) -> None:
    """Raise PermissionDenied unless actor has at least `role`."""
    if actor is None or not actor.can(role):
        who = actor.username if actor else "anonim"
        raise PermissionDenied(
            f"{who} tidak berhak melakukan ini (perlu peran {role}). "
            f"/ {who} may not do this (needs role {role})."
        )


def new_password() -> str:
    return secrets.token_urlsafe(12)


def create_user(
    con: duckdb.DuckDBPyConnection, actor: User, username: str, role: str, password: str | None = None
) -> str:
    """Add an account (admins only). Returns its password: the one given or a new one-time one,
    which must be changed at first login."""
    require(actor, "admin")
    if role not in ROLES:
        raise ValueError(f"peran tidak dikenal: {role} (pilih {', '.join(ROLES)})")
    username = username.strip()
    # Checked here, not left to the key: the shared store (DuckLake) has no keys to refuse a second
    # account by the same name.
    if con.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchall():
        raise AccountExists(
            f"{t('account_exists', 'id', username=username)} / {t('account_exists', 'en', username=username)}"
        )
    one_time = password is None
    password = password or new_password()
    con.execute(
        "INSERT INTO users (username, password_hash, role, must_change_password, created_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, current_timestamp)",
        [username, HASHER.hash(password), role, one_time, actor.username],
    )
    return password


def bootstrap_admin(con: duckdb.DuckDBPyConnection) -> str | None:
    """First start: with no account at all, create `admin` with a one-time password and return it
    (the caller prints it to the console). Later starts return None."""
    if con.execute("SELECT count(*) FROM users").fetchall()[0][0]:
        return None
    return create_user(con, COMMAND_LINE, "admin", "admin")


def _throttled(con: duckdb.DuckDBPyConnection, username: str, client: str, now: datetime) -> bool:
    """Too many recent failures by this name from this client, from this client, or by this name?"""
    counts = con.execute(
        "SELECT count(*) FILTER (WHERE username = $name AND client = $client), "
        "count(*) FILTER (WHERE client = $client), count(*) FILTER (WHERE username = $name) "
        "FROM login_attempts WHERE NOT succeeded AND attempted_at > $since",
        {"name": username, "client": client, "since": now - FAILURE_WINDOW},
    ).fetchall()[0]
    return any(
        n >= limit
        for n, limit in zip(counts, (MAX_FAILURES, CLIENT_MAX_FAILURES, NAME_MAX_FAILURES), strict=True)
    )


def authenticate(
    con: duckdb.DuckDBPyConnection,
    username: str,
    password: str,
    client: str | None = None,
    now: datetime | None = None,
) -> User:
    """The user for a name and password, or LoginRefused. `client` is the caller's network address
    (None when unknown). Every attempt is recorded; past a limit above, further tries of that
    name, client or both are refused for the window, right password or not. Known and unknown
    names cost the same argon2 verification."""
    now, client = now or datetime.now(), client or UNKNOWN_CLIENT
    if _throttled(con, username, client, now):
        raise LoginRefused(
            "Terlalu banyak percobaan gagal; coba lagi dalam 15 menit. "
            "/ Too many failed attempts; try again in 15 minutes."
        )
    row = con.execute(
        "SELECT password_hash, role, disabled FROM users WHERE username = ?", [username]
    ).fetchall()
    usable = bool(row) and not row[0][2]
    ok = HASHER.verify(row[0][0] if usable else None, password) and usable
    con.execute(
        "INSERT INTO login_attempts (username, client, attempted_at, succeeded) VALUES (?, ?, ?, ?)",
        [username, client, now, ok],
    )
    if not ok:
        raise LoginRefused("Nama pengguna atau kata sandi salah. / Wrong username or password.")
    return User(username, row[0][1])


def must_change_password(con: duckdb.DuckDBPyConnection, actor: User) -> bool:
    """Must the acting user replace a one-time password first?"""
    row = con.execute(
        "SELECT must_change_password FROM users WHERE username = ?", [actor.username]
    ).fetchall()
    return bool(row and row[0][0])


def change_password(con: duckdb.DuckDBPyConnection, actor: User, username: str, new: str) -> None:
    """Users change their own password; admins anyone's. At least 10 characters."""
    if actor.username != username:
        require(actor, "admin")
    if len(new) < 10:
        raise ValueError("Kata sandi minimal 10 karakter. / At least 10 characters.")
    # a new token version ends the logins kept elsewhere (mpp.login_tokens); a user changing their
    # own password gets a fresh token for this browser
    con.execute(
        "UPDATE users SET password_hash = ?, must_change_password = false, "
        "token_version = token_version + 1 WHERE username = ?",
        [HASHER.hash(new), username],
    )


def set_role(
    con: duckdb.DuckDBPyConnection, actor: User, username: str, role: str, disabled: bool = False
) -> None:
    """Change an account's role or disable it (admins only); never the last active admin's."""
    require(actor, "admin")
    if role not in ROLES:
        raise ValueError(f"peran tidak dikenal: {role}")
    if (role != "admin" or disabled) and _active_admins(con) == [username]:
        raise LastAdminRefused(
            f"{username} adalah admin aktif terakhir: jadikan akun lain admin dulu. "
            f"/ {username} is the last active admin: make another account admin first."
        )
    # disabling ends the account's login tokens for good (re-enabling does not revive them)
    con.execute(
        "UPDATE users SET role = ?, disabled = ?, token_version = token_version + ? WHERE username = ?",
        [role, disabled, int(disabled), username],
    )


def _active_admins(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT username FROM users WHERE role = 'admin' AND NOT disabled ORDER BY username"
        ).fetchall()
    ]


def oidc_user(con: duckdb.DuckDBPyConnection, email: str) -> User | None:
    """An identity-provider login maps to the account named by its e-mail; unknown e-mails get no
    account (an admin adds them, with a role, first)."""
    row = con.execute("SELECT role, disabled FROM users WHERE lower(username) = lower(?)", [email]).fetchall()
    return User(email, row[0][0]) if row and not row[0][1] else None


def list_users(con: duckdb.DuckDBPyConnection, actor: User):
    """Every account with its role and state (admins only)."""
    require(actor, "admin")
    return con.execute(
        "SELECT username, role, disabled, must_change_password, created_at, created_by "
        "FROM users ORDER BY username"
    ).df()
