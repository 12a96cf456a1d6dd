"""Local accounts, roles and the checks every writing core function makes.

Roles, each including the ones before it: viewer (reads dashboards), analyst (uploads, maps agency
aliases, undoes loads), admin (manages accounts). The check lives here and is called by the functions
that write, so hiding a page is never the only guard.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

ROLES = ("viewer", "analyst", "admin")
MAX_FAILURES = 5                       # failed logins per username ...
FAILURE_WINDOW = timedelta(minutes=15)  # ... within this window lock the account for the window
_hasher = PasswordHasher()             # argon2id, salted, memory-hard


class PermissionDenied(PermissionError):
    """The acting user's role does not allow this."""


class LoginRefused(Exception):
    """Wrong name or password, a disabled account, or too many failures."""


@dataclass(frozen=True)
class User:
    username: str
    role: str

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


# The command line is run by whoever has the server's files: it acts as an admin.
COMMAND_LINE = User("command-line", "admin")


def require(actor: User | None, role: str) -> None:
    """Raise PermissionDenied unless actor has at least `role`."""
    if actor is None or not actor.can(role):
        who = actor.username if actor else "anonim"
        raise PermissionDenied(f"{who} tidak berhak melakukan ini (perlu peran {role}). "
                               f"/ {who} may not do this (needs role {role}).")


def new_password() -> str:
    return secrets.token_urlsafe(12)


def create_user(con, actor: User, username: str, role: str, password: str | None = None) -> str:
    """Add an account (admins only). Returns its password: the one given or a new one-time one,
    which must be changed at first login."""
    require(actor, "admin")
    if role not in ROLES:
        raise ValueError(f"peran tidak dikenal: {role} (pilih {', '.join(ROLES)})")
    one_time = password is None
    password = password or new_password()
    con.execute("INSERT INTO users (username, password_hash, role, must_change_password, created_by) "
                "VALUES (?, ?, ?, ?, ?)", [username.strip(), _hasher.hash(password), role, one_time,
                                           actor.username])
    return password


def bootstrap_admin(con) -> str | None:
    """First start: with no account at all, create `admin` with a one-time password and return it
    (the caller prints it to the console). Later starts return None."""
    if con.execute("SELECT count(*) FROM users").fetchall()[0][0]:
        return None
    return create_user(con, COMMAND_LINE, "admin", "admin")


def _recent_failures(con, username: str, now: datetime) -> int:
    return con.execute("SELECT count(*) FROM login_attempts WHERE username = ? AND NOT succeeded "
                       "AND attempted_at > ?", [username, now - FAILURE_WINDOW]).fetchall()[0][0]


def authenticate(con, username: str, password: str, now: datetime | None = None) -> User:
    """The user for a name and password, or LoginRefused. Every attempt is recorded; after
    MAX_FAILURES failures in FAILURE_WINDOW the name is locked for the window, right password or not."""
    now = now or datetime.now()
    if _recent_failures(con, username, now) >= MAX_FAILURES:
        raise LoginRefused("Terlalu banyak percobaan gagal; coba lagi dalam 15 menit. "
                           "/ Too many failed attempts; try again in 15 minutes.")
    row = con.execute("SELECT password_hash, role, disabled FROM users WHERE username = ?",
                      [username]).fetchall()
    ok = bool(row) and not row[0][2] and _verify(row[0][0], password)
    con.execute("INSERT INTO login_attempts (username, attempted_at, succeeded) VALUES (?, ?, ?)",
                [username, now, ok])
    if not ok:
        raise LoginRefused("Nama pengguna atau kata sandi salah. / Wrong username or password.")
    return User(username, row[0][1])


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return password_hash is not None and _hasher.verify(password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def must_change_password(con, username: str) -> bool:
    row = con.execute("SELECT must_change_password FROM users WHERE username = ?", [username]).fetchall()
    return bool(row and row[0][0])


def change_password(con, actor: User, username: str, new: str) -> None:
    """Users change their own password; admins anyone's. At least 10 characters."""
    if actor.username != username:
        require(actor, "admin")
    if len(new) < 10:
        raise ValueError("Kata sandi minimal 10 karakter. / At least 10 characters.")
    con.execute("UPDATE users SET password_hash = ?, must_change_password = false WHERE username = ?",
                [_hasher.hash(new), username])


def set_role(con, actor: User, username: str, role: str, disabled: bool = False) -> None:
    require(actor, "admin")
    if role not in ROLES:
        raise ValueError(f"peran tidak dikenal: {role}")
    con.execute("UPDATE users SET role = ?, disabled = ? WHERE username = ?", [role, disabled, username])


def oidc_user(con, email: str) -> User | None:
    """An identity-provider login maps to the account named by its e-mail; unknown e-mails get no
    account (an admin adds them, with a role, first)."""
    row = con.execute("SELECT role, disabled FROM users WHERE lower(username) = lower(?)",
                      [email]).fetchall()
    return User(email, row[0][0]) if row and not row[0][1] else None


def list_users(con):
    return con.execute("SELECT username, role, disabled, must_change_password, created_at, created_by "
                       "FROM users ORDER BY username").df()
