"""The write side of the store: the load ledger, replacing slices, and undo.

A slice is (site, agency, month) for service visits and (site, month) for visitors. A load that covers
a slice marks the rows already there superseded_by itself and adds its own; undo deletes its rows and
gives the slice back to whatever it replaced. Rows are never updated otherwise, so every figure can be
traced to the load (and the file) it came from.

undo and original check the acting user's role (analyst) themselves; record_load, write_facts,
keep_original and find_loaded run only inside a load that loaders/load.py has already checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from mpp.access.accounts import User, require
from mpp.store.lake import next_id

SERVICE_COLUMNS = ["site_id", "agency_id", "day", "grain", "service", "channel", "visits"]
VISITOR_COLUMNS = ["site_id", "day", "grain", "visitors"]
# (table, the columns after site_id that with the month make its slice)
SKM_RESPONSE_COLUMNS = [
    "site_id",
    "agency_id",
    "day",
    "respondent",
    "sex",
    "age_band",
    "education",
    "occupation",
    *(f"u{i}" for i in range(1, 10)),
]
SKM_SUMMARY_COLUMNS = [
    "site_id",
    "scope",
    "unit",
    "period",
    "day",
    "ikm",
    "published_grade",
    "item_count",
    "item_values",
    "respondents",
]
OUTCOME_COLUMNS = ["site_id", "agency_id", "day", "grain", "service", "cancelled", "no_show"]
# A month closed ("tutup buku") or reopened by an analyst: one row per site, measure and month.
CLOSURE_COLUMNS = ["site_id", "measure", "day", "closed"]
SLICE_KEYS = {
    "service_visits": ("site_id", "agency_id"),
    "site_visitors": ("site_id",),
    "queue_outcomes": ("site_id", "agency_id"),
    # SKM: a survey of the whole mall has no agency (NULL), hence the null-safe match below
    "skm_responses": ("site_id", "agency_id"),
    "skm_summaries": ("site_id", "scope", "unit", "period"),
    "month_closures": ("site_id", "measure"),
}


@dataclass(frozen=True)
class LoadRecord:
    file_name: str
    sha256: str
    layout: str
    measure: str
    site: str | None
    period_from: date | None
    period_to: date | None
    loaded_by: str = "system"
    note: str | None = None


def find_loaded(con: duckdb.DuckDBPyConnection, sha256: str) -> int | None:
    """The live load of exactly these bytes, if any: the same file again changes nothing."""
    rows = con.execute(
        "SELECT load_id FROM loads WHERE sha256 = ? AND status <> 'undone' ORDER BY load_id DESC LIMIT 1",
        [sha256],
    ).fetchall()
    return rows[0][0] if rows else None


def record_load(con: duckdb.DuckDBPyConnection, record: LoadRecord) -> int:
    """The new load's ledger row; its id comes from the store's sequence (next_id: a lake has no
    column defaults from sequences, nor RETURNING), its time from the clock here too."""
    load_id = next_id(con, "load_ids")
    con.execute(
        "INSERT INTO loads (load_id, file_name, sha256, layout, measure, site, period_from, "
        "period_to, loaded_by, note, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)",
        [
            load_id,
            record.file_name,
            record.sha256,
            record.layout,
            record.measure,
            record.site,
            record.period_from,
            record.period_to,
            record.loaded_by,
            record.note,
        ],
    )
    return load_id


def _slice_match(table: str, alias: str = "t") -> str:
    keys = SLICE_KEYS[table]
    same = " AND ".join(f"i.{k} IS NOT DISTINCT FROM {alias}.{k}" for k in keys)
    return f"{same} AND date_trunc('month', i.day) = date_trunc('month', {alias}.day)"


# Tables holding day and month rows. A daily row replaces only the days its load covers, so a file
# of 16-31 January leaves 1-15 January of an earlier daily file alone (weekly ticket exports); a
# monthly row, or a monthly row already there, is the whole month.
GRAINED = ("service_visits", "site_visitors", "queue_outcomes")


def _covered_days(con: duckdb.DuckDBPyConnection, load_id: int, table: str) -> tuple[str, list]:
    if table not in GRAINED:
        return "", []
    span = con.execute("SELECT period_from, period_to FROM loads WHERE load_id = ?", [load_id]).fetchall()
    first, last = span[0] if span and span[0][0] and span[0][1] else (date.min, date.max)
    return " AND (i.grain = 'month' OR t.grain = 'month' OR t.day BETWEEN ? AND ?)", [first, last]


def _replace(
    con: duckdb.DuckDBPyConnection, load_id: int, table: str, frame: pd.DataFrame, columns: list[str]
) -> int:
    """Supersede the live rows of every slice the frame covers, then insert the frame's rows."""
    if frame.empty:
        return 0
    replace_rows(con, load_id, table, frame[columns], columns)
    return len(frame)


def replace_rows(con: duckdb.DuckDBPyConnection, load_id: int, table: str, rows, columns: list[str]) -> None:
    """Supersede the live rows of every slice `rows` covers, then insert them as load_id's (inside
    the caller's transaction). rows: anything DuckDB registers (a DataFrame, an Arrow table) with
    exactly `columns`; lake push (mpp/store/push.py) gives Arrow, which keeps DECIMAL lists as they are."""
    days, span = _covered_days(con, load_id, table)
    con.register("incoming", rows)
    try:
        con.execute(
            f"UPDATE {table} t SET superseded_by = ? WHERE t.superseded_by IS NULL "
            f"AND EXISTS (SELECT 1 FROM incoming i WHERE {_slice_match(table)}{days})",
            [load_id, *span],
        )
        con.execute(
            f"INSERT INTO {table} ({', '.join(columns)}, load_id) "
            f"SELECT {', '.join(columns)}, ? FROM incoming",
            [load_id],
        )
    finally:
        con.unregister("incoming")


def place_rows(con: duckdb.DuckDBPyConnection, load_id: int, table: str, rows, columns: list[str]) -> None:
    """replace_rows for a load that may arrive after later ones (lake push: an office's load of
    last month reaching a lake that has loaded the same slice since): it takes its place by
    loaded_at. It supersedes the slice's rows of earlier loads that are live or were superseded by a
    later load, and its rows arrive superseded by the earliest later load that covers them, so the
    latest load still wins and undoing any load hands the slice on along one chain, none counted
    twice. With no later load in the slice this is exactly replace_rows."""
    at = con.execute("SELECT loaded_at FROM loads WHERE load_id = ?", [load_id]).fetchall()[0][0]
    days, span = _covered_days(con, load_id, table)
    con.register("incoming", rows)
    try:
        con.execute(
            f"""UPDATE {table} t SET superseded_by = ?
            WHERE t.load_id IN (SELECT load_id FROM loads WHERE loaded_at <= ? AND load_id <> ?)
            AND (t.superseded_by IS NULL OR t.superseded_by IN (SELECT load_id FROM loads WHERE loaded_at > ?))
            AND EXISTS (SELECT 1 FROM incoming i WHERE {_slice_match(table)}{days})""",
            [load_id, at, load_id, at, *span],
        )
        con.execute(
            f"""INSERT INTO {table} ({", ".join(columns)}, load_id, superseded_by)
            SELECT {", ".join(f"i.{c}" for c in columns)}, ?, (
                SELECT arg_min(t.load_id, l.loaded_at) FROM {table} t JOIN loads l USING (load_id)
                WHERE l.loaded_at > ? AND {_slice_match(table)}{_later_covers(table)})
            FROM incoming i""",
            [load_id, at],
        )
    finally:
        con.unregister("incoming")


def _later_covers(table: str) -> str:
    """Does the later load `l` cover the incoming row `i`? A daily row only within l's days (as
    _covered_days says for a new load), a monthly row on either side the whole month."""
    if table not in GRAINED:
        return ""
    return (
        " AND (i.grain = 'month' OR t.grain = 'month' OR l.period_from IS NULL "
        "OR i.day BETWEEN l.period_from AND l.period_to)"
    )


def write_facts(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    service: pd.DataFrame | None = None,
    visitors: pd.DataFrame | None = None,
    skm_responses: pd.DataFrame | None = None,
    skm_summaries: pd.DataFrame | None = None,
    queue_outcomes: pd.DataFrame | None = None,
    closures: pd.DataFrame | None = None,
) -> None:
    """Add a load's rows (inside the caller's transaction) and record its row count and total.
    SKM rows, queue outcomes and month closures count in `rows` only: they are not visits."""
    rows = total = 0
    for table, frame, columns in (
        ("skm_responses", skm_responses, SKM_RESPONSE_COLUMNS),
        ("skm_summaries", skm_summaries, SKM_SUMMARY_COLUMNS),
        ("queue_outcomes", queue_outcomes, OUTCOME_COLUMNS),
        ("month_closures", closures, CLOSURE_COLUMNS),
    ):
        if frame is not None and not frame.empty:
            rows += _replace(con, load_id, table, frame, columns)
    if service is not None and not service.empty:
        rows += _replace(con, load_id, "service_visits", service, SERVICE_COLUMNS)
        total += exact_sum(service["visits"])
    if visitors is not None and not visitors.empty:
        rows += _replace(con, load_id, "site_visitors", visitors, VISITOR_COLUMNS)
        total += exact_sum(visitors["visitors"])
    con.execute("UPDATE loads SET rows = ?, total = ? WHERE load_id = ?", [rows, total, load_id])
    refresh_statuses(con)


def exact_sum(counts: pd.Series) -> int:
    """A sum in Python integers: an int64 sum wraps around silently past 9,2e18, while this one
    stays exact, and a total too large for the ledger's BIGINT then fails the load's transaction
    (refused, nothing written) instead of being stored negative."""
    return int(counts.astype("object").sum())


def refresh_statuses(con: duckdb.DuckDBPyConnection) -> None:
    """A load none of whose rows is live any more is 'superseded'; one with live rows is 'loaded'."""
    con.execute(f"""
        UPDATE loads SET status = CASE WHEN live.n > 0 THEN 'loaded' ELSE 'superseded' END
        FROM (SELECT l.load_id,
                     {_live_counts()} AS n
              FROM loads l WHERE l.status <> 'undone' AND l.rows > 0) live
        WHERE loads.load_id = live.load_id""")


def _live_counts() -> str:
    return " + ".join(
        f"(SELECT count(*) FROM {table} v WHERE v.load_id = l.load_id AND v.superseded_by IS NULL)"
        for table in SLICE_KEYS
    )


def undo(con: duckdb.DuckDBPyConnection, actor: User, load_id: int) -> None:
    """Take a load back (inside the caller's transaction; analysts and admins): its rows go, and the
    rows it replaced become live again, unless a later load has since replaced that slice too."""
    require(actor, "analyst")
    for table in SLICE_KEYS:
        # Where a later load superseded our rows, the rows we had superseded now belong to it.
        con.execute(
            f"""
            UPDATE {table} t SET superseded_by = (
                SELECT max(i.superseded_by) FROM {table} i
                WHERE i.load_id = ? AND {_slice_match(table)})
            WHERE t.superseded_by = ?""",
            [load_id, load_id],
        )
        con.execute(f"DELETE FROM {table} WHERE load_id = ?", [load_id])
    con.execute("UPDATE loads SET status = 'undone' WHERE load_id = ?", [load_id])
    refresh_statuses(con)


def keep_original(con: duckdb.DuckDBPyConnection, sha256: str, file_name: str, content: bytes) -> None:
    """Keep a loaded file's bytes (once per sha256), inside the load's transaction. (Not INSERT OR
    IGNORE: that needs the key a lake does not have.)"""
    con.execute(
        "INSERT INTO originals (sha256, file_name, size, content) SELECT ?, ?, ?, ? "
        "WHERE NOT EXISTS (SELECT 1 FROM originals WHERE sha256 = ?)",
        [sha256, file_name, len(content), content, sha256],
    )


def withhold_original(con: duckdb.DuckDBPyConnection, load_id: int, reason: str) -> None:
    """Record that a load's original is not kept, and why (the personal-data columns' labels, or
    'nilai mirip NIK/nomor HP di kolom X': never a value), inside the load's transaction."""
    con.execute("UPDATE loads SET original_withheld = ? WHERE load_id = ?", [reason, load_id])


def original(con: duckdb.DuckDBPyConnection, actor: User, sha256: str) -> tuple[str, bytes] | None:
    """(file name, bytes) of a loaded file, if kept (analysts and admins: the offices' own files)."""
    require(actor, "analyst")
    found = con.execute("SELECT file_name, content FROM originals WHERE sha256 = ?", [sha256]).fetchall()
    return (found[0][0], bytes(found[0][1])) if found else None
