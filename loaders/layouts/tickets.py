"""Ticket-level queue exports: one row per ticket with date (and time), agency, service, channel and a
status. Aggregated to daily counts per agency / service / channel and status word; tickets are never
stored. What a status word means (served, cancelled, no-show, waiting, other) is data, in the store's
table ticket_statuses (mpp/reference/ticket_statuses.py): read_statuses() applies it once the store is
open, keeping served tickets as visits and cancelled and no-show tickets as queue outcomes.

A queue that serves one office writes no agency column: its rows all belong to the agency the user
names (--agency), and its service column (Keperluan/Layanan) is the service.

The work is one DuckDB query over an Arrow table (the whole export from read.py's fast path, or the
grid of a small sheet), so a million tickets aggregate in well under a second."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from loaders.layouts.common import (
    Context,
    col_letter,
    find_row,
    header_index,
    problem,
    service_frame,
    spellings,
    text,
)
from loaders.model import FileRefused, Parsed, Problem, Sheet
from mpp.fmt import number
from mpp.reference.header_words import named
from mpp.reference.ticket_statuses import MEANINGS

NAME = "tiket_antrean"
TITLE = "ekspor tiket antrean (satu baris per tiket)"
KIND = "visits"
# What detect looks for, said when no layout recognises a sheet; the words are the table's.
EXPECTS = (
    f"kolom {named('day')}, {named('agency')}, dan {named('status')} atau {named('ticket')} "
    f"(tanpa kolom {named('count')})"
)
# The header words of each role (mpp/reference/data/header_words.csv).
HEADERS = {
    "day": spellings("day", "day_and_time"),
    "agency": spellings("agency"),
    "service": spellings("service"),
    "status": spellings("status"),
    "ticket": spellings("ticket"),
    "channel": spellings("channel", "queue_source"),
}
COUNT_HEADERS = {"count": spellings("count")}  # a count column: a long table, not tickets
# The key of a status word (mpp.reference.ticket_statuses.status_key), in SQL.
STATUS_KEY = "regexp_replace(lower(trim(CAST(status AS VARCHAR))), '[^a-z0-9]', '', 'g')"
EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0: serial 46057 is 4 February 2026
SERIALS = range(20_000, 80_000)  # 1954..2119: a number in the date column this size is a serial
DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d"]


def header_row(rows: list[list]) -> int | None:
    """The header: a date, an agency or a service (a single office's queue), and a status or a
    ticket number; never a count (that is a long table of counts)."""

    def is_header(row):
        found = header_index(row, HEADERS).keys()
        return (
            "day" in found
            and bool({"agency", "service"} & found)
            and bool({"status", "ticket"} & found)
            and not header_index(row, COUNT_HEADERS)
        )

    return find_row(rows, is_header)


def detect(sheet: Sheet) -> float:
    return 0.85 if header_row(sheet.rows) is not None else 0.0


def parse(sheet: Sheet, context: Context) -> Parsed:
    """Ticket counts per (agency, day, service, channel, status word): the service frame, with the
    status word's key, its spelling and its column beside each count (read_statuses reads them)."""
    at = header_row(sheet.rows)
    assert at is not None  # detect() found it before parse() is called
    cols = header_index(sheet.rows[at], HEADERS)
    if "agency" not in cols and not context.agency:
        raise FileRefused([no_agency_column(sheet, at)])
    table = tickets_table(sheet, at, cols, context)
    if "agency" not in cols:  # one office's queue: every ticket is the agency's the user named
        table = table.append_column("agency", pa.array([context.agency] * len(table), pa.string()))
    counts, bad = aggregate(table)
    letter = col_letter(cols.get("agency", cols["day"]))  # a group's cell: its first ticket's row
    records = [
        (agency, day, "day", service or None, channel, int(tickets), f"{letter}{at + 2 + first}")
        for agency, day, service, channel, _, _, tickets, first in counts
    ]
    frame = service_frame(records, sheet).assign(
        status=[row[4] for row in counts],
        status_word=[row[5] for row in counts],
        status_column=status_column(sheet, at, cols),
    )
    problems = [bad_dates(bad, cols, at, sheet)] if bad[0] else []
    years = {r[1].year for r in records}
    return Parsed(
        NAME,
        frame,
        year=max(years) if years else None,
        problems=problems,
        notes=[f"{number(len(table))} tiket dibaca"],
    )


def no_agency_column(sheet: Sheet, at: int) -> Problem:
    headers = ", ".join(f"'{text(c)}'" for c in sheet.rows[at] if text(c))
    return problem(
        "kolom_instansi_tidak_ada",
        f"Ekspor tiket ini tidak punya kolom instansi (baris {at + 1}: {headers}). / No agency column.",
        sheet,
        way_out="agency",
    )


def status_column(sheet: Sheet, at: int, cols: dict) -> str | None:
    """Where the statuses are, for a message: kolom H ('Status'); None when the file has none."""
    if "status" not in cols:
        return None
    return f"kolom {col_letter(cols['status'])} ('{text(sheet.rows[at][cols['status']])}')"


def tickets_table(sheet: Sheet, at: int, cols: dict, context: Context) -> pa.Table:
    """The columns we use, named by role: from the whole export when read.py gave one, else from
    the grid. Every role is text or a timestamp, so one query fits both."""
    names = {role: text(sheet.rows[at][col]) for role, col in cols.items() if role != "ticket"}
    if sheet.truncated and context.frame is not None:
        frame = context.frame
        by_name = {n: n for n in frame.column_names}
        return pa.table(
            {role: frame.column(by_name[name]) for role, name in names.items() if name in by_name}
        )
    body = sheet.rows[at + 1 :]
    return pa.table(
        {
            role: pa.array(
                [(day_text if role == "day" else _cell_text)(r[cols[role]]) for r in body], pa.string()
            )
            for role in names
        }
    )


def _cell_text(value):
    return (
        None if value is None else (value.isoformat(sep=" ") if hasattr(value, "isoformat") else str(value))
    )


def day_text(value) -> str | None:
    """A date cell as text the date formats read: a date-time cell keeps its time (cut off later), a
    date cell has no time to keep, and a number of Excel's day serials (46057) is the day it counts."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and int(value) in SERIALS:
        return (EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
    return _cell_text(value)


def aggregate(table: pa.Table):
    """Daily counts per (agency, day, service, channel, status word): tickets and the first row.
    Stage 1 only groups the raw texts (a hash aggregate, fast over millions of tickets); dates,
    statuses and channels are then interpreted once per distinct value, not once per ticket."""
    con = duckdb.connect()
    try:
        con.register("tickets", table.append_column("n", pa.array(np.arange(len(table)))))
        con.execute(f"CREATE TEMP TABLE raw AS {stage_one(table)}")
        counts = con.execute(stage_two(table)).fetchall()
        bad = con.execute(
            f"SELECT sum(tickets), min(first), any_value(day) FROM raw "
            f"WHERE day IS NOT NULL AND {day_expr(table)} IS NULL"
        ).fetchall()[0]
    finally:
        con.close()
    return counts, bad


def stage_one(table: pa.Table) -> str:
    """Group the raw values only: no function runs per ticket except cutting a time off a date,
    and that only when the dates carry one (a million distinct timestamps would not group)."""
    has = set(table.column_names)
    day = "day" if is_date_typed(table) or not has_time(table) else "split_part(trim(day), ' ', 1)"
    pick = {role: role if role in has else "NULL" for role in ("service", "channel", "status")}
    return (
        f"SELECT agency, {day} AS day, {pick['service']} AS service, {pick['channel']} AS "
        f"channel, {pick['status']} AS status, count(*) AS tickets, min(n) AS first "
        "FROM tickets WHERE agency IS NOT NULL GROUP BY ALL"
    )


def has_time(table: pa.Table) -> bool:
    """Do the dates (a sample of them) carry a time of day, as in '02/01/2026 08:15'?"""
    sample = table.column("day").slice(0, 1000).to_pylist()
    return any(" " in str(v).strip() or "T" in str(v) for v in sample if v is not None)


def is_date_typed(table: pa.Table) -> bool:
    kind = table.schema.field("day").type
    return pa.types.is_timestamp(kind) or pa.types.is_date(kind)


def day_expr(table: pa.Table) -> str:
    if is_date_typed(table):
        return "CAST(day AS DATE)"
    formats = ", ".join(f"'{f}'" for f in DATE_FORMATS)
    return f"CAST(try_strptime(trim(CAST(day AS VARCHAR)), [{formats}]) AS DATE)"


def stage_two(table: pa.Table) -> str:
    """Per (agency, day, service, channel, status word): the tickets and the first one's row."""
    status_key = f"nullif({STATUS_KEY}, '')"
    return f"""
        SELECT trim(CAST(agency AS VARCHAR)) AS agency, {day_expr(table)} AS d,
               trim(CAST(service AS VARCHAR)) AS service, {channel_expr()} AS channel,
               {status_key} AS status, any_value(trim(CAST(status AS VARCHAR))) AS word,
               sum(tickets) AS tickets, min(first) AS first
        FROM raw WHERE trim(CAST(agency AS VARCHAR)) <> '' AND {day_expr(table)} IS NOT NULL
        GROUP BY ALL ORDER BY first"""


def channel_expr() -> str:
    value = "lower(CAST(channel AS VARCHAR))"
    return (
        f"CASE WHEN {value} LIKE '%online%' OR {value} LIKE '%daring%' THEN 'online' "
        f"WHEN {value} LIKE '%jemput%' THEN 'jemput_bola' WHEN {value} LIKE '%digital%' "
        f"THEN 'digital' WHEN regexp_matches({value}, 'langsung|offline|walk|onsite|loket|kios') "
        "THEN 'walk_in' END"
    )


def bad_dates(bad, cols, at, sheet):
    count, first, example = bad
    return problem(
        "tanggal_tidak_sah",
        f"{number(count)} tiket bertanggal tidak terbaca "
        f"(mis. {example!r}); tulis tanggal sebagai dd/mm/yyyy.",
        sheet,
        f"{col_letter(cols['day'])}{at + 2 + first}",
    )


# ---- what the statuses mean ------------------------------------------------------------------------

OUTCOME_COLUMNS = [
    "agency",
    "day",
    "service",
    "cancelled",
    "no_show",
    "cancelled_cell",
    "no_show_cell",
    "sheet",
]
SAID = {"cancelled": "batal", "no_show": "tidak hadir", "waiting": "menunggu", "other": "lainnya"}


def read_statuses(parsed: Parsed, meanings: dict[str, str], file_name: str = "") -> Parsed:
    """The parsed export with its statuses read: served tickets are the visits, cancelled and no-show
    tickets the queue outcomes, waiting and other tickets left out (said in a note). meanings maps a
    status key to its meaning (the store's table and the words the user mapped). A ticket without
    a status is served, as in an export without a status column. A word meanings does not know is a
    problem listing every such word and how many tickets carry it."""
    tickets = parsed.service
    if "status" not in tickets:
        return parsed
    meaning = tickets["status"].map(lambda k: "served" if pd.isna(k) else meanings.get(k))
    unknown = tickets[meaning.isna()]
    if not unknown.empty:
        return replace(parsed, problems=[*parsed.problems, unknown_statuses(unknown, file_name)])
    served = tickets[meaning == "served"].drop(columns=["status", "status_word", "status_column"])
    keys = ["agency", "day", "grain", "service", "channel", "sheet"]
    visits = served.groupby(keys, dropna=False, sort=False).agg(
        visits=("visits", "sum"), source_cell=("source_cell", "first")
    )
    totals = {m: int(tickets.loc[meaning == m, "visits"].sum()) for m in MEANINGS}
    return replace(
        parsed,
        service=visits.reset_index()[[*keys[:-1], "visits", "source_cell", "sheet"]],
        outcomes=queue_outcomes(tickets, meaning),
        notes=[*parsed.notes, status_note(totals)],
    )


def queue_outcomes(tickets: pd.DataFrame, meaning: pd.Series) -> pd.DataFrame | None:
    """Cancelled and no-show tickets per (agency, day, service), as a queue recap states them."""
    missed = tickets[meaning.isin(["cancelled", "no_show"])]
    if missed.empty:
        return None
    counts = missed.assign(
        cancelled=missed["visits"].where(meaning[missed.index] == "cancelled", 0),
        no_show=missed["visits"].where(meaning[missed.index] == "no_show", 0),
    )
    rows = counts.groupby(["agency", "day", "service", "sheet"], dropna=False, sort=False).agg(
        cancelled=("cancelled", "sum"), no_show=("no_show", "sum"), cell=("source_cell", "first")
    )
    rows = rows.reset_index()
    return rows.assign(cancelled_cell=rows["cell"], no_show_cell=rows["cell"])[OUTCOME_COLUMNS]


def status_note(totals: dict[str, int]) -> str:
    """'31 dilayani (kunjungan); tidak dihitung: 4 batal, 5 tidak hadir'."""
    left_out = [f"{number(n)} {SAID[m]}" for m, n in totals.items() if m != "served" and n]
    served = f"{number(totals['served'])} dilayani (kunjungan)"
    return served + (f"; tidak dihitung: {', '.join(left_out)}" if left_out else "")


def unknown_statuses(unknown: pd.DataFrame, file_name: str, shown: int = 12) -> Problem:
    """Every status word the table does not know, most tickets first, and the way out."""
    counts = (
        unknown.groupby("status", sort=False)
        .agg(word=("status_word", "first"), tickets=("visits", "sum"))
        .sort_values("tickets", ascending=False, kind="stable")
    )
    values = tuple((str(w), int(n)) for w, n in zip(counts["word"], counts["tickets"], strict=True))
    words = [f"'{w}' ({number(n)} tiket)" for w, n in values]
    more = f", dan {number(len(words) - shown)} lainnya" if len(words) > shown else ""
    example = counts["word"].iloc[0]
    return Problem(
        "status_tidak_dikenal",
        f"Status tiket di {unknown['status_column'].iloc[0]} tidak dikenal: "
        f"{', '.join(words[:shown])}{more}. Hanya tiket berstatus dilayani dihitung sebagai kunjungan, "
        "jadi arti setiap status harus diketahui; berkas tidak dimuat. / Unknown ticket status.",
        file=file_name,
        sheet=unknown["sheet"].iloc[0],
        subject=example,
        values=values,
        way_out="status",
    )
