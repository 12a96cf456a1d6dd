"""The DuckDB store: where it lives, opening it (with schema upgrades), and running named queries.

DuckDB allows one writing process or many readers, never both, so connections are short-lived and
opening retries on the file lock with backoff before it gives up with a message a person can read.

A damaged or foreign file is refused before anything writes to it (StoreCorrupt): its header must say
DuckDB, and before the first read-write open of each version of the file a read-only pass reads every
table and looks up a row by each key (DuckDB checks each block's checksum as it reads it). Opening
read-write would otherwise rewrite the views and checkpoint, changing the file before the damage
shows. `backup` writes a consistent copy to restore from.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from mpp.reference import ticket_statuses
from mpp.reference.agencies import SEED_FILE, seed_agencies
from mpp.store import lake
from mpp.text.catalogue import t

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB = ROOT / "data" / "mpp.duckdb"
SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
QUERY_DIR = Path(__file__).resolve().parent / "queries"
# How long an open waits for another process to release the file (a writer loading a big file).
LOCK_WAIT_SECONDS = float(os.environ.get("MPP_LOCK_WAIT", "60"))


class StoreBusy(RuntimeError):
    """The database stayed locked by another process for longer than we wait."""


class LakeBackupRefused(ValueError):
    """`backup` on a shared store: a DuckLake is a PostgreSQL catalog and a data directory, backed
    up together with PostgreSQL's own tools and a copy of the directory."""


class StoreCorrupt(RuntimeError):
    """The file is not a readable Pantau MPP store (damaged, truncated, or another program's file)."""

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(
            f"Berkas basis data {path} rusak atau bukan basis data Pantau MPP ({reason}); berkas itu "
            f"tidak diubah. Pulihkan dari cadangan: hentikan dasbor, ganti berkas itu dengan cadangan "
            f"terakhir (dibuat dengan `python -m mpp backup --to BERKAS`), lalu jalankan "
            f"`python -m mpp init --db {path}`. / The database file {path} is damaged or not a Pantau "
            f"MPP store ({reason}); it was not changed. Restore it from a backup: stop the dashboard, "
            f"replace the file with the latest backup, then run `python -m mpp init --db {path}`."
        )


@dataclass(frozen=True)
class Store(os.PathLike):
    """Where a store is, as a command line names it: --db (a DuckDB file or a ducklake: spec; None
    is $MPP_DB, else data/mpp.duckdb) and, for a lake, --data-path (None is $MPP_DATA_PATH). It is
    path-like, so code that only passes a store's path on (loaders.load.ingest, backup) carries the
    data path to connect() unchanged."""

    spec: str | None = None
    data_path: str | None = None

    def __fspath__(self) -> str:
        spec = self.spec or os.environ.get("MPP_DB")
        return str(spec) if lake.is_lake(spec) else str(db_path(spec))

    def __str__(self) -> str:
        """As messages name it: a lake's spec without a password (one belongs in ~/.pgpass)."""
        return lake.masked(self.__fspath__())  # (a quoted password, or one in a URI, too)


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: an explicit path, else $MPP_DB, else data/mpp.duckdb."""
    return Path(explicit or os.environ.get("MPP_DB") or DEFAULT_DB)


def store_spec(explicit: str | os.PathLike | None = None) -> str:
    """The store as given (a Store, a path or a spec; None is $MPP_DB, else data/mpp.duckdb): a
    shared store's ducklake: spec as it is, else the file's path."""
    return os.fspath(
        explicit if isinstance(explicit, Store) else Store(os.fspath(explicit) if explicit else None)
    )


def exists(spec: str | os.PathLike | None = None) -> bool:
    """Is there a store to read yet? A file: when it exists. A lake: always (the first open of a
    lake never made creates it)."""
    spec = store_spec(spec)
    return lake.is_lake(spec) or Path(spec).exists()


def holds_data(spec: str | os.PathLike | None = None) -> bool:
    """Is there a store with something in it already (the demo goes only into a new one)? A file:
    when it exists. A lake: when it has a load (opened read-write, which creates the schema of a new
    one, as the command about to write would: a new lake cannot be opened read-only)."""
    if not lake.is_lake(store_spec(spec)):
        return Path(store_spec(spec)).exists()
    with connect(spec) as con:  # (a Store carries its data path on)
        return con.execute("SELECT count(*) FROM loads").fetchall()[0][0] > 0


def _migrations() -> list[tuple[int, Path]]:
    files = sorted(SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql"))
    return [(int(f.name[:3]), f) for f in files]


SCHEMA_VERSION = _migrations()[-1][0]


def migration_versions() -> set[int]:
    """The numbers of every migration this code has (a store has them all once upgraded)."""
    return {version for version, _ in _migrations()}


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Could not set lock" in text or "Conflicting lock" in text)


def _open(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    try:
        return _retry_on_lock(lambda: duckdb.connect(str(path), read_only=read_only), path, wait)
    except duckdb.Error as exc:  # a header or metadata block that does not check out
        if _is_damage(exc):
            raise StoreCorrupt(path, _first_line(exc)) from exc
        raise


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200]


def _retry_on_lock(action, path: Path, wait: float):
    """action(), retried with backoff while another process holds the file's lock."""
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            return action()
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
    order, and a store upgraded to 007 must still get 006. On a lake the same files run as
    lake.lake_ddl gives them (no keys, indexes or sequences there)."""
    ddl = lake.lake_ddl if lake.on_lake(con) else str
    con.execute(
        ddl(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
            "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
        )
    )
    applied = {v for (v,) in con.execute("SELECT version FROM schema_version").fetchall()}
    for version, file in _migrations():
        if version not in applied:
            with transaction(con):
                con.execute(ddl(file.read_text(encoding="utf-8")))
                _data_migration(con, file.with_suffix(".py"))
                con.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, current_timestamp)",
                    [version],
                )
    _refresh_views(con)
    _refresh_seed(con)
    return SCHEMA_VERSION


def _refresh_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the public views when views.sql differs from the text they were made from. Only
    then: on a lake every CREATE OR REPLACE is a snapshot, which would make each office's open
    conflict with every other's."""
    text = (SCHEMA_DIR / "views.sql").read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    if con.execute("SELECT value FROM settings WHERE key = 'views_sha256'").fetchall() == [(digest,)]:
        return
    with transaction(con):
        con.execute(text)
        set_setting(con, "views_sha256", digest)


def set_setting(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Set an office setting (inside the caller's transaction when there is one). Delete and insert
    rather than INSERT OR REPLACE, which needs the key constraint a lake does not have."""
    con.execute("DELETE FROM settings WHERE key = ?", [key])
    con.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [key, value])


def _lacks_migrations(con: duckdb.DuckDBPyConnection) -> bool:
    """Does the store miss a migration this code has? (Read-only opens cannot upgrade it.)"""
    try:
        applied = {v for (v,) in con.execute("SELECT version FROM schema_version").fetchall()}
    except duckdb.CatalogException:
        return True
    return any(version not in applied for version, _ in _migrations())


def _data_migration(con: duckdb.DuckDBPyConnection, file: Path) -> None:
    """A migration's second half in Python (NNN_name.py beside NNN_name.sql, with migrate(con)),
    for a change SQL cannot make, such as re-reading stored files (006_personal_data.py)."""
    if not file.exists():
        return
    spec = importlib.util.spec_from_file_location(f"mpp_schema_{file.stem}", file)
    assert spec is not None and spec.loader is not None  # a .py file that exists always has both
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.migrate(con)


def _refresh_seed(con: duckdb.DuckDBPyConnection) -> None:
    """Add what is new in the editable seed lists (mpp/reference/data/agencies.csv and
    ticket_statuses.csv) to stores made before they changed; only when a file's hash differs from
    the one recorded, so opening stays cheap."""
    for path, setting, seed in (
        (SEED_FILE, "agency_seed_sha256", seed_agencies),
        (ticket_statuses.SEED_FILE, "ticket_status_seed_sha256", ticket_statuses.seed_statuses),
    ):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        known = con.execute("SELECT value FROM settings WHERE key = ?", [setting]).fetchall()
        if known and known[0][0] == digest:
            continue
        with transaction(con):
            seed(con)
            set_setting(con, setting, digest)


@contextmanager
def connect(
    path: str | os.PathLike | None = None,
    *,
    read_only: bool = False,
    wait: float = LOCK_WAIT_SECONDS,
    data_path: str | os.PathLike | None = None,
):
    """A short-lived connection. Read-write opens create and upgrade the schema first; a damaged
    or foreign file raises StoreCorrupt, before anything is written to it. A ducklake: spec opens
    the shared store instead (mpp/store/lake.py), with the same schema and the same SQL, its files
    in data_path (else the Store's, else $MPP_DATA_PATH)."""
    if isinstance(path, Store):
        data_path = data_path or path.data_path
        path = path.spec
    spec = path or os.environ.get("MPP_DB")
    if lake.is_lake(spec):
        with _connect_lake(str(spec), read_only, data_path) as con, lake.passwords_masked():
            yield con
        return
    file = db_path(path)
    if read_only and not file.exists():
        raise FileNotFoundError(f"Basis data tidak ditemukan / database not found: {file}")
    file.parent.mkdir(parents=True, exist_ok=True)
    if file.exists():
        check_store(file, wait, every_block=not read_only)
    con = _open(file, read_only, wait)
    if read_only and _lacks_migrations(con):  # a store older than this code: upgrade it once
        con.close()
        with connect(file, wait=wait):
            pass
        con = _open(file, read_only, wait)
    try:
        if not read_only:
            upgrade(con)
        yield con
    except duckdb.Error as exc:  # a damaged block met while reading or writing
        if _is_damage(exc):
            raise StoreCorrupt(file, _first_line(exc)) from exc
        raise
    finally:
        con.close()
    if not read_only:  # our own write: this version of the file is known good
        _checked[str(file)] = _file_version(file)


@contextmanager
def _connect_lake(spec: str, read_only: bool, data: str | os.PathLike | None):
    """The lake: no file lock to wait for (DuckLake readers never wait for a writer) and no file to
    check. Each use gets a cursor of the process's kept instance (_kept_lake): read-only for a read,
    read-write (upgraded once, when it opened) for a write."""
    key = (spec, lake.data_path(data), read_only)
    cursor = _kept_lake(spec, data, read_only).cursor()
    try:
        cursor.execute(f"USE {lake.LAKE}")
        yield cursor
    except (duckdb.ConnectionException, duckdb.IOException):
        _forget_lake(key)  # perhaps the catalog dropped it (PostgreSQL restarted): the next use reopens
        raise
    finally:
        cursor.close()  # (rolls back a transaction the block left open)


# One DuckDB instance per lake, mode (read-only, read-write) and process, kept open: opening one
# loads four extensions and reads the catalog (seconds on a busy machine, for every figure and every
# write of a page), while a kept one costs nothing and still works on the latest commit (DuckLake
# starts each transaction on the newest snapshot). A cursor is a connection of its own to the
# instance, with its own transaction: two threads writing through two cursors conflict at COMMIT as
# two processes do (tests/test_lake_writers.py), and mpp/store/writers.py runs the loser again.
# Reads keep an instance of their own, attached READ_ONLY: a read can then never write, whatever a
# cached function does, at the price of two more PostgreSQL connections.
_lakes: dict[tuple[str, str, bool], duckdb.DuckDBPyConnection] = {}
_lakes_lock = threading.RLock()  # (a reader's first open may open the writer to upgrade the lake)


def _kept_lake(spec: str, data: str | os.PathLike | None, read_only: bool) -> duckdb.DuckDBPyConnection:
    """The kept instance of a lake, opened at its first use."""
    key = (spec, lake.data_path(data), read_only)
    with _lakes_lock:
        if key not in _lakes:
            _lakes[key] = _open_lake_reader(spec, data) if read_only else _open_lake_writer(spec, data)
        return _lakes[key]


def _open_lake_writer(spec: str, data: str | os.PathLike | None) -> duckdb.DuckDBPyConnection:
    """A read-write instance, the lake created or upgraded first (once per process and lake)."""
    con = lake.open_lake(spec, data)
    try:
        upgrade(con)
    except BaseException:
        con.close()
        raise
    return con


def _open_lake_reader(spec: str, data: str | os.PathLike | None) -> duckdb.DuckDBPyConnection:
    """A read-only instance; a lake never made, or older than this code, is made or upgraded by the
    kept writer first, as a file is."""
    try:
        con = lake.open_lake(spec, data, read_only=True)
    except lake.LakeUnavailable:  # perhaps a catalog never made: a read-write open makes it
        con = None
    if con is None or _lacks_migrations(con):
        if con is not None:
            con.close()
        _kept_lake(spec, data, read_only=False)
        con = lake.open_lake(spec, data, read_only=True)
    return con


def _forget_lake(key: tuple[str, str, bool]) -> None:
    with _lakes_lock:
        dropped = _lakes.pop(key, None)
    if dropped is not None:
        dropped.close()


def kept_lake_instances() -> list[duckdb.DuckDBPyConnection]:
    """The lake instances this process keeps open (for tests: writes reuse one)."""
    with _lakes_lock:
        return list(_lakes.values())


def close_lakes(spec: str | None = None) -> None:
    """Close the kept lake instances, read-only and read-write (each holds two PostgreSQL
    connections), of the lake `spec` or of every lake: for a process done with its lakes, such as a
    test that made one of its own, or that copies one (PostgreSQL copies no database in use)."""
    with _lakes_lock:
        keys = [key for key in _lakes if spec in (None, key[0])]
        kept = [_lakes.pop(key) for key in keys]
    for con in kept:
        con.close()


def version(spec: str | os.PathLike | None = None) -> tuple:
    """Changes whenever a write commits, so cached figures never outlive the data they came from: a
    file's and its write-ahead log's modification times; a lake's latest snapshot."""
    spec = store_spec(spec)
    if lake.is_lake(spec):
        with connect(spec, read_only=True) as con:
            return (lake.snapshot(con),)
    files = [Path(spec), Path(spec + ".wal")]
    return tuple(f.stat().st_mtime_ns if f.exists() else 0 for f in files)


# ---- damaged and foreign files ----------------------------------------------------------------

MAGIC_OFFSET, MAGIC = 8, b"DUCK"  # DuckDB's main header: an 8-byte checksum, then "DUCK"
HEADER_BYTES = 3 * 4096  # the main header and the two alternating database headers
_checked: dict[str, tuple] = {}  # path -> (size, mtime) of the version found readable


def _is_damage(exc: Exception) -> bool:
    text = str(exc)
    return any(
        sign in text
        for sign in (
            "Corrupt database file",
            "Could not read enough bytes",
            "not a valid DuckDB database file",
            "version number",
        )
    )


def _file_version(file: Path) -> tuple:
    stat = file.stat()
    return stat.st_size, stat.st_mtime_ns


def check_store(file: Path, wait: float = LOCK_WAIT_SECONDS, every_block: bool = True) -> None:
    """Raise StoreCorrupt unless `file` is a readable Pantau MPP store, without writing to it: its
    header says DuckDB, and (every_block) a read-only pass reads every table, so a damaged block is
    found before a read-write open checkpoints over it. Done once per version of the file."""
    header = _header(file)
    if len(header) < HEADER_BYTES or header[MAGIC_OFFSET : MAGIC_OFFSET + 4] != MAGIC:
        raise StoreCorrupt(file, "bukan berkas DuckDB atau terpotong / not a DuckDB file, or truncated")
    if every_block and _checked.get(str(file)) != _file_version(file):
        try:
            con = _open(file, True, wait)
        except duckdb.ConnectionException:  # this process has it open read-write right now
            return  # (another thread's write): in use, so readable
        try:
            _read_every_table(con, file)
        except duckdb.Error as exc:
            if _is_damage(exc):
                raise StoreCorrupt(file, _first_line(exc)) from exc
            raise
        finally:
            con.close()
        _checked[str(file)] = _file_version(file)


def _header(file: Path) -> bytes:
    with open(file, "rb") as handle:
        return handle.read(HEADER_BYTES)


def _read_every_table(con: duckdb.DuckDBPyConnection, file: Path) -> None:
    """Every column of every table read once (hashing makes DuckDB load each block), and one row
    looked up by each single-column key, which loads that key's index blocks; a DuckDB file with
    tables but no schema_version belongs to another program."""
    tables = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchall()
    ]
    if tables and "schema_version" not in tables:
        raise StoreCorrupt(file, "berkas DuckDB milik program lain / another program's DuckDB file")
    for table in tables:
        con.execute(f'SELECT max(hash(COLUMNS(*))) FROM "{table}"').fetchall()
    for table, column in con.execute(
        "SELECT table_name, constraint_column_names[1] FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') AND len(constraint_column_names) = 1 "
        "AND database_name = current_database()"
    ).fetchall():
        _look_up_one(con, table, column)


def _look_up_one(con: duckdb.DuckDBPyConnection, table: str, column: str) -> None:
    found = con.execute(f'SELECT "{column}" FROM "{table}" LIMIT 1').fetchall()
    if found:
        con.execute(f'SELECT count(*) FROM "{table}" WHERE "{column}" = ?', [found[0][0]]).fetchall()


def backup(
    source: str | os.PathLike | None, target: str | os.PathLike, wait: float = LOCK_WAIT_SECONDS
) -> Path:
    """Write a consistent copy of the store to a new file `target` (never over an existing one):
    one COPY FROM DATABASE, a single read transaction, so a load running meanwhile is in the copy
    whole or not at all. The copy is then opened and checked like any store. A shared store is
    refused (LakeBackupRefused, saying how to back one up): its catalog is in PostgreSQL."""
    if lake.is_lake(store_spec(source)):
        raise LakeBackupRefused(f"{t('lake_backup_refused', 'id')} / {t('lake_backup_refused', 'en')}")
    file, copy = db_path(source), Path(target)
    if copy.exists():
        raise FileExistsError(
            f"{copy} sudah ada; cadangan tidak menimpa berkas. "
            f"/ {copy} exists; a backup never overwrites a file."
        )
    if not file.exists():
        raise FileNotFoundError(f"Basis data tidak ditemukan / database not found: {file}")
    if not copy.parent.is_dir():
        raise FileNotFoundError(f"Folder {copy.parent} tidak ada / folder not found: {copy.parent}")
    check_store(file, wait)
    try:
        _copy_database(file, copy, wait)
        check_store(copy, wait)
    except BaseException:
        for leftover in (copy, Path(f"{copy}.wal")):
            leftover.unlink(missing_ok=True)
        raise
    return copy


def _copy_database(file: Path, copy: Path, wait: float) -> None:
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {_literal(copy)} AS backup_copy")
        _retry_on_lock(lambda: con.execute(f"ATTACH {_literal(file)} AS store (READ_ONLY)"), file, wait)
        # The schema (tables, keys, indexes, sequences at their current value, views) in one COPY, then
        # the rows table by table, referenced tables first, all in one read transaction: DuckDB 1.4's
        # COPY FROM DATABASE copies the rows in an order that breaks the foreign keys (sites after
        # service_visits).
        with transaction(con):
            con.execute("COPY FROM DATABASE store TO backup_copy (SCHEMA)")
            for table in _referenced_first(con, "store"):
                con.execute(f'INSERT INTO backup_copy."{table}" SELECT * FROM store."{table}"')
    finally:
        con.close()


def _referenced_first(con: duckdb.DuckDBPyConnection, database: str) -> list[str]:
    """The database's tables, each after the tables its foreign keys refer to."""
    tables = [
        name
        for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = ? ORDER BY table_name",
            [database],
        ).fetchall()
    ]
    refers: dict[str, set[str]] = {table: set() for table in tables}
    for table, referenced in con.execute(
        "SELECT table_name, referenced_table FROM duckdb_constraints() "
        "WHERE constraint_type = 'FOREIGN KEY' AND database_name = ?",
        [database],
    ).fetchall():
        refers[table].add(referenced)
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and refers[t] <= {*ordered, t}]
        ordered += ready or [t for t in tables if t not in ordered]  # (a cycle: as they come)
    return ordered


def _literal(path: Path) -> str:
    """A path as an SQL string literal (ATTACH takes no bound parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


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
