"""The shared store: a DuckLake catalog on PostgreSQL with its data files in a shared directory or
in object storage (s3://, credentials from the environment: `object_storage`).

`--db ducklake:postgres:dbname=mpp host=...` (or MPP_DB) with `--data-path DIR` (or MPP_DATA_PATH)
opens this instead of a DuckDB file. Many processes (offices uploading, dashboards reading) use it at
once: PostgreSQL keeps the catalog and its snapshots, DuckLake resolves concurrent commits.

The extensions are LOADed from the files the pinned PyPI packages (duckdb-ext-ducklake, -postgres,
-parquet, -httpfs) put in site-packages, built for this DuckDB version; nothing is ever INSTALLed
from the network, and autoloading is off so a missing file says so instead of downloading.

One code path: the migrations, views and queries are the same SQL as on a file. Where DuckLake lacks
a feature (no sequences, indexes, PRIMARY KEY/UNIQUE/CHECK/FOREIGN KEY constraints, nor defaults that
are not literals), `lake_ddl` leaves it out of the migration text for the lake only; the code never
relies on them: ids come from `next_id` (a PostgreSQL sequence beside the catalog), timestamps are
written explicitly, and upserts check first.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import duckdb

PREFIX = "ducklake:postgres:"
LAKE = "mpp_lake"  # the lake's name inside a connection (current_database() says we are on it)
CATALOG = "mpp_catalog"  # the same PostgreSQL database attached directly, for its id sequences
EXTENSIONS = ("parquet", "postgres_scanner", "httpfs", "ducklake")


class LakeUnavailable(RuntimeError):
    """The lake cannot be opened (no data path, extension files missing, catalog unreachable)."""


def is_lake(spec: str | os.PathLike | None) -> bool:
    return str(spec or "").startswith("ducklake:")


def data_path(explicit: str | os.PathLike | None = None) -> str:
    """Where the lake's Parquet files live: --data-path, else $MPP_DATA_PATH. A directory gets its
    trailing slash (DuckLake joins file names to it)."""
    path = str(explicit or os.environ.get("MPP_DATA_PATH") or "")
    if not path:
        raise LakeUnavailable(
            "Penyimpanan bersama butuh folder data: --data-path DIR atau MPP_DATA_PATH. "
            "/ A shared store needs a data path: --data-path DIR or MPP_DATA_PATH."
        )
    if "://" not in path:
        # Absolute and normalised: the catalog records the first open's path and DuckLake compares
        # it as a string (a doubled slash makes every live file look orphaned to its cleanup; a
        # relative path would be another folder from each working directory).
        path = os.path.abspath(path)
        try:
            Path(path).mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file of that name, or a folder we may not write in
            raise LakeUnavailable(
                f"Folder data penyimpanan bersama tidak dapat dipakai / the shared store's data path "
                f"cannot be used: {path} ({exc.strerror})"
            ) from None
    return path if path.endswith("/") else path + "/"


def extension_dir() -> Path:
    """<site-packages>/duckdb_ext/extensions/v<duckdb version>/<platform>, where the packages put
    the extension files."""
    spec = importlib.util.find_spec("duckdb_ext")
    if spec is None or not spec.submodule_search_locations:
        raise LakeUnavailable(
            "Paket ekstensi DuckLake tidak terpasang (pip install -r requirements.txt). "
            "/ DuckLake's extension packages are not installed."
        )
    platform = duckdb.execute("PRAGMA platform").fetchall()[0][0]
    return (
        Path(next(iter(spec.submodule_search_locations))) / "extensions" / f"v{duckdb.__version__}" / platform
    )


def open_lake(spec: str, data: str | os.PathLike | None = None, read_only: bool = False):
    """A connection whose default database is the lake `spec` (ducklake:postgres:CONNINFO)."""
    if not str(spec).startswith(PREFIX):
        raise LakeUnavailable(
            "Hanya katalog DuckLake di PostgreSQL yang didukung: ducklake:postgres:dbname=... "
            "/ Only a DuckLake catalog on PostgreSQL is supported: ducklake:postgres:dbname=..."
        )
    path = data_path(data)
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        for name in EXTENSIONS:
            file = extension_dir() / f"{name}.duckdb_extension"
            if not file.exists():
                raise LakeUnavailable(f"Berkas ekstensi tidak ada / extension file missing: {file}")
            con.execute(f"LOAD {literal(file)}")
        object_storage(con, path)
        options = f"DATA_PATH {literal(path)}" + (", READ_ONLY" if read_only else "")
        con.execute(f"ATTACH {literal(spec)} AS {LAKE} ({options})")
        con.execute(f"ATTACH {literal(spec[len(PREFIX) :])} AS {CATALOG} (TYPE postgres)")
        con.execute(f"USE {LAKE}")
    except duckdb.Error as exc:
        con.close()
        # DuckDB's message repeats the connection string, which may hold a password: it is cut out,
        # and the original error is not chained (a logged traceback would print it whole).
        raise LakeUnavailable(
            f"Penyimpanan bersama tidak dapat dibuka / the shared store cannot be opened "
            f"(data {path}): {without_secrets(str(exc).splitlines()[0], spec)[:200]}"
        ) from None
    except BaseException:
        con.close()
        raise
    return con


def object_storage(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """An s3:// data path: httpfs gets the credentials from the environment, as a TEMPORARY secret
    (this connection's memory only: never in the catalog, in ~/.duckdb, a log or a message). The
    values are bound parameters, so no error can quote them back from the statement's text."""
    if not path.startswith("s3://"):
        return
    settings = s3_settings(os.environ)
    options = ", ".join(f"{name} ?" for name in settings)
    try:
        con.execute(
            f"CREATE OR REPLACE TEMPORARY SECRET mpp_s3 (TYPE s3, PROVIDER config, {options})",
            list(settings.values()),
        )
    except duckdb.Error:
        # DuckDB's message could name a value: say only which settings were read.
        raise LakeUnavailable(
            "Pengaturan S3 dari lingkungan tidak dapat dipakai / the S3 settings in the environment "
            f"cannot be used ({', '.join(settings)}; MPP_S3_URL_STYLE is path or vhost)"
        ) from None


def s3_settings(env: Mapping[str, str]) -> dict[str, str | bool]:
    """The S3 secret's settings from the variables the AWS tools read: the key pair (required: the
    aws extension's credential chain is not among the packaged extensions), AWS_SESSION_TOKEN,
    AWS_REGION or AWS_DEFAULT_REGION, and for an S3-compatible store (MinIO, Ceph, Garage)
    AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL. Such a store gets path-style URLs (the bucket in the
    path, which they take without DNS set up per bucket); MPP_S3_URL_STYLE=vhost or path overrides."""
    missing = [name for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY") if not env.get(name)]
    if missing:
        raise LakeUnavailable(
            f"Data di S3 butuh {' dan '.join(missing)} di lingkungan. "
            f"/ An s3:// data path needs {' and '.join(missing)} in the environment."
        )
    settings: dict[str, str | bool] = {
        "KEY_ID": env["AWS_ACCESS_KEY_ID"],
        "SECRET": env["AWS_SECRET_ACCESS_KEY"],
    }
    if token := env.get("AWS_SESSION_TOKEN"):
        settings["SESSION_TOKEN"] = token
    if region := env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION"):
        settings["REGION"] = region
    if endpoint := env.get("AWS_ENDPOINT_URL_S3") or env.get("AWS_ENDPOINT_URL"):
        url = urlsplit(endpoint if "://" in endpoint else f"https://{endpoint}")
        settings.update(ENDPOINT=url.netloc, USE_SSL=url.scheme != "http", URL_STYLE="path")
    if style := env.get("MPP_S3_URL_STYLE"):
        settings["URL_STYLE"] = style
    return settings


def without_secrets(text: str, spec: str) -> str:
    """An error text fit to show: the lake's connection string and any password=... taken out."""
    for secret in (spec, spec[len(PREFIX) :]):
        if secret:
            text = text.replace(secret, "ducklake:postgres:…" if secret == spec else "…")
    return masked(text)


# A password in a libpq connection string: password=secret, password = 'with spaces', or the
# user:secret@ of a postgresql:// URI.
_PASSWORDS = (
    re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s\"']+)", re.I),
    re.compile(r"(://[^:/@\s\"']*:)[^@\s\"']*(?=@)"),
)


def masked(text: str) -> str:
    """`text` with every password of a PostgreSQL connection string in it shown as ***."""
    for pattern in _PASSWORDS:
        text = pattern.sub(r"\1***", text)
    return text


@contextmanager
def passwords_masked() -> Iterator[None]:
    """Around the use of a lake's connection: a DuckDB error that quotes the connection string (the
    catalog gone while a page or a load runs: "Unable to connect to Postgres at ...") is raised
    again, of the same type, with its password masked."""
    try:
        yield
    except duckdb.Error as exc:
        text = str(exc)
        if masked(text) == text:
            raise
        raise type(exc)(masked(text)) from None


def literal(text: str | os.PathLike) -> str:
    """A string as an SQL literal (LOAD and ATTACH take no bound parameters)."""
    return "'" + str(text).replace("'", "''") + "'"


def on_lake(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT current_database()").fetchall()[0][0] == LAKE


def next_id(con: duckdb.DuckDBPyConnection, sequence: str) -> int:
    """The next number of an id sequence (load_ids, site_ids, agency_ids): DuckDB's own on a file,
    PostgreSQL's on the lake (DuckLake has none, and max()+1 would hand two offices loading at once
    the same load id: concurrent inserts do not conflict in DuckLake)."""
    if not on_lake(con):
        return con.execute(f"SELECT nextval({literal(sequence)})").fetchall()[0][0]
    query = literal(f"SELECT nextval({literal(sequence)}) AS id")
    return con.execute(f"SELECT id FROM postgres_query({literal(CATALOG)}, {query})").fetchall()[0][0]


def snapshot(con: duckdb.DuckDBPyConnection) -> int:
    """The lake's latest snapshot: every commit (a load, an undo, a setting) makes a new one."""
    return con.execute(f"SELECT max(snapshot_id) FROM ducklake_snapshots({literal(LAKE)})").fetchall()[0][0]


def next_ids(con: duckdb.DuckDBPyConnection, sequence: str, count: int) -> list[int]:
    """`count` numbers of an id sequence, ascending, in one round trip, for rows inserted together
    (a lake push's events): next_id once a row would be a PostgreSQL query each."""
    if not on_lake(con):
        query = f"SELECT nextval({literal(sequence)}) FROM range({int(count)})"
    else:
        inner = literal(f"SELECT nextval({literal(sequence)}) AS id FROM generate_series(1, {int(count)})")
        query = f"SELECT id FROM postgres_query({literal(CATALOG)}, {inner})"
    return sorted(i for (i,) in con.execute(query).fetchall())


# ---- the migrations' DDL on the lake ------------------------------------------------------------

_SEQUENCE = re.compile(r"CREATE SEQUENCE IF NOT EXISTS (\w+) START (\d+)\s*;", re.I)
_DROPPED = (
    re.compile(r"CREATE\s+INDEX[^;]*;", re.I),
    re.compile(r"\bREFERENCES\s+\w+\s*\([^)]*\)", re.I),
    re.compile(r"\bDEFAULT\s+nextval\('[^']*'\)", re.I),
    re.compile(r"\bDEFAULT\s+current_timestamp\b", re.I),
    re.compile(r",\s*PRIMARY\s+KEY\s*\([^)]*\)", re.I),  # a table's key over several columns
    re.compile(r"\bUNIQUE\b", re.I),
    # A column added by a migration and then made NOT NULL (009): DuckLake refuses SET NOT NULL in
    # the transaction that added it; the column's literal default fills it all the same.
    re.compile(r"ALTER\s+TABLE\s+\w+\s+ALTER\s+COLUMN\s+\w+\s+SET\s+NOT\s+NULL\s*;", re.I),
)


def lake_ddl(text: str) -> str:
    """A migration's SQL as DuckLake takes it: sequences made in PostgreSQL, and indexes, keys,
    foreign keys, CHECK constraints and defaults that are not literals left out (the code keeps
    those rules itself). Columns and types stay exactly the same."""
    text = re.sub(r"--[^\n]*", "", text)  # (no string in a migration holds '--')
    text = _SEQUENCE.sub(
        lambda m: (
            f"CALL postgres_execute({literal(CATALOG)}, "
            f"{literal(f'CREATE SEQUENCE IF NOT EXISTS {m[1]} START {m[2]}')});"
        ),
        text,
    )
    for pattern in _DROPPED:
        text = pattern.sub("", text)
    text = re.sub(r"\bDEFAULT\s+(true|false)\b", r"DEFAULT '\1'", text, flags=re.I)  # a literal there
    text = re.sub(r"\bPRIMARY\s+KEY\b", "NOT NULL", text, flags=re.I)
    text = _drop_checks(text)
    text = re.sub(r"\bNOT NULL(\s+NOT NULL)+", "NOT NULL", text, flags=re.I)
    return re.sub(r",(\s*)\)", r"\1)", text)  # a table whose last entries were constraints


def _drop_checks(text: str) -> str:
    """Remove every CHECK (...) (with nested parentheses), and the comma before a table's own."""
    while (match := re.search(r"(,\s*)?\bCHECK\s*\(", text, re.I)) is not None:
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        text = text[: match.start()] + text[end:]
    return text
