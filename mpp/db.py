"""The DuckDB store: where it lives, opening it (with schema upgrades), and running named queries.

DuckDB allows one writing process or many readers, never both, so connections are short-lived and
opening retries on the file lock with backoff before it gives up with a message a person can read.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "mpp.duckdb"
SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
QUERY_DIR = Path(__file__).resolve().parent / "queries"
# How long an open waits for another process to release the file (a writer loading a big file).
LOCK_WAIT_SECONDS = float(os.environ.get("MPP_LOCK_WAIT", "60"))


class StoreBusy(RuntimeError):
    """The database stayed locked by another process for longer than we wait."""


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: an explicit path, else $MPP_DB, else data/mpp.duckdb."""
    return Path(explicit or os.environ.get("MPP_DB") or DEFAULT_DB)


def _migrations() -> list[tuple[int, Path]]:
    files = sorted(SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql"))
    return [(int(f.name[:3]), f) for f in files]


SCHEMA_VERSION = _migrations()[-1][0]


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Could not set lock" in text or "Conflicting lock" in text)


def _open(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() >= deadline:
                if _is_lock_error(exc):
                    raise StoreBusy(
                        f"Basis data {path.name} sedang dipakai proses lain (mis. pemuatan berkas); "
                        f"coba lagi sebentar. / The database is busy with another process."
                    ) from exc
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def upgrade(con: duckdb.DuckDBPyConnection) -> int:
    """Apply every migration the store has not had yet, in order, each in its own transaction. Not
    only those above its version: migrations written side by side (006 and 007) may arrive in either
    order, and a store upgraded to 007 must still get 006."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
    applied = {v for (v,) in con.execute("SELECT version FROM schema_version").fetchall()}
    for version, file in _migrations():
        if version not in applied:
            with transaction(con):
                con.execute(file.read_text(encoding="utf-8"))
                _data_migration(con, file.with_suffix(".py"))
                con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
    con.execute((SCHEMA_DIR / "views.sql").read_text(encoding="utf-8"))
    _refresh_seed(con)
    return SCHEMA_VERSION


def _data_migration(con, file: Path) -> None:
    """A migration's second half in Python (NNN_name.py beside NNN_name.sql, with migrate(con)),
    for a change SQL cannot make, such as re-reading stored files (006_personal_data.py)."""
    if not file.exists():
        return
    spec = importlib.util.spec_from_file_location(f"mpp_schema_{file.stem}", file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.migrate(con)


def _refresh_seed(con) -> None:
    """Add what is new in the editable seed list of agencies (mpp/data/agencies.csv) to stores made
    before it changed; only when the file's hash differs from the one recorded, so opening stays cheap."""
    from mpp.agencies import SEED_FILE, seed_agencies
    digest = hashlib.sha256(SEED_FILE.read_bytes()).hexdigest()
    known = con.execute("SELECT value FROM settings WHERE key = 'agency_seed_sha256'").fetchall()
    if known and known[0][0] == digest:
        return
    with transaction(con):
        seed_agencies(con)
        con.execute("INSERT OR REPLACE INTO settings VALUES ('agency_seed_sha256', ?)", [digest])


@contextmanager
def connect(path: str | os.PathLike | None = None, *, read_only: bool = False,
            wait: float = LOCK_WAIT_SECONDS):
    """A short-lived connection. Read-write opens create and upgrade the schema first."""
    file = db_path(path)
    if read_only and not file.exists():
        raise FileNotFoundError(f"Basis data tidak ditemukan / database not found: {file}")
    file.parent.mkdir(parents=True, exist_ok=True)
    con = _open(file, read_only, wait)
    try:
        if not read_only:
            upgrade(con)
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection):
    """All or nothing: commit when the block ends, roll back on any error."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def sql(name: str) -> str:
    """The text of queries/NAME.sql."""
    return (QUERY_DIR / f"{name}.sql").read_text(encoding="utf-8")


class FigureTooLarge(OverflowError):
    """A sum beyond what a BIGINT holds: only a store loaded before counts were bounded has one.
    Pages and commands turn it into a message saying which load to undo."""


BIGINT_MAX = 2**63 - 1


def checked(value: int) -> int:
    """A figure that fits a BIGINT, else FigureTooLarge (never a wrapped-around number)."""
    if abs(value) > BIGINT_MAX:
        raise FigureTooLarge(f"{value} lebih besar dari yang dapat dijumlahkan")
    return value


def query_df(con: duckdb.DuckDBPyConnection, name: str, **params):
    """Run a named query with bound $parameters and return a pandas DataFrame. A sum() comes as
    HUGEINT, which pandas receives as a float: one beyond BIGINT would wrap when a caller makes it
    an int64, so it raises FigureTooLarge here instead."""
    result = con.execute(sql(name), params)
    huge = [column for column, kind, *_ in result.description if str(kind) == "HUGEINT"]
    frame = result.df()
    for column in huge:
        if (frame[column].abs() >= 2.0**63).any():
            raise FigureTooLarge(f"{name}.{column}: jumlah lebih besar dari yang dapat disimpan")
    return frame


def query_rows(con: duckdb.DuckDBPyConnection, name: str, **params) -> list[tuple]:
    return con.execute(sql(name), params).fetchall()
