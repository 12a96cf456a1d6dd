"""Ticket-level queue exports: one row per ticket with date (and time), agency, service, channel and a
status. Aggregated to daily counts per agency / service / channel; tickets are never stored.
Tickets whose status says cancelled or absent (Batal, Tidak Hadir, Dilewati, No-show, skipped) are not
visits: they are counted apart and reported.

The work is one DuckDB query over an Arrow table (the whole export from read.py's fast path, or the
grid of a small sheet), so a million tickets aggregate in well under a second."""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from loaders.layouts.common import Context, col_letter, find_row, header_index, problem, service_frame, text
from loaders.model import Parsed, Sheet
from mpp.fmt import number

NAME = "tiket_antrean"
TITLE = "ekspor tiket antrean (satu baris per tiket)"
KIND = "visits"
HEADERS = {
    "day": (
        "TANGGAL",
        "TGL",
        "WAKTU",
        "TANGGAL AMBIL",
        "WAKTU AMBIL",
        "TANGGAL ANTREAN",
        "TANGGAL KUNJUNGAN",
        "TANGGAL LAYANAN",
        "CREATED AT",
        "DATE",
        "TIMESTAMP",
    ),
    "agency": ("INSTANSI", "NAMA INSTANSI", "SKPD", "OPD", "NAMA SKPD", "AGENCY"),
    "service": ("LAYANAN", "JENIS LAYANAN", "NAMA LAYANAN", "SERVICE"),
    "status": ("STATUS", "STATUS ANTREAN", "STATUS ANTRIAN", "STATUS TIKET"),
    "ticket": (
        "NO ANTREAN",
        "NOMOR ANTREAN",
        "NO ANTRIAN",
        "NOMOR ANTRIAN",
        "NO TIKET",
        "NOMOR TIKET",
        "TIKET",
        "KODE ANTREAN",
        "KODE TIKET",
        "NO URUT",
    ),
    "channel": (
        "JENIS ANTREAN",
        "JENIS ANTRIAN",
        "KANAL",
        "SUMBER",
        "CHANNEL",
        "MEDIA",
        "TIPE ANTREAN",
        "SUMBER ANTREAN",
        "ASAL ANTREAN",
    ),
}
COUNT_HEADERS: dict[str, tuple[str, ...]] = {
    "count": ("JUMLAH", "JUMLAH PENGUNJUNG", "JUMLAH KUNJUNGAN", "TOTAL", "KUNJUNGAN")
}
# Statuses that are not visits, letters only, lower case.
NOT_VISITS = (
    "batal",
    "dibatalkan",
    "cancel",
    "cancelled",
    "canceled",
    "tidakhadir",
    "dilewati",
    "lewati",
    "skip",
    "skipped",
    "noshow",
    "absent",
    "expired",
    "kadaluarsa",
)
DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d"]


def header_row(rows: list[list]) -> int | None:
    def is_header(row):
        found = header_index(row, HEADERS).keys()
        return (
            {"day", "agency"} <= found
            and bool({"status", "ticket"} & found)
            and not header_index(row, COUNT_HEADERS)
        )

    return find_row(rows, is_header)


def detect(sheet: Sheet) -> float:
    return 0.85 if header_row(sheet.rows) is not None else 0.0


def parse(sheet: Sheet, context: Context) -> Parsed:
    at = header_row(sheet.rows)
    assert at is not None  # detect() found it before parse() is called
    cols = header_index(sheet.rows[at], HEADERS)
    table = tickets_table(sheet, at, cols, context)
    counts, bad = aggregate(table)
    letter = col_letter(cols["agency"])  # a group's cell: its first ticket's agency cell
    records = [
        (agency, day, "day", service or None, channel, int(visits), f"{letter}{at + 2 + first}")
        for agency, day, service, channel, visits, _, first in counts
        if visits
    ]
    problems = [bad_dates(bad, cols, at, sheet)] if bad[0] else []
    skipped = sum(int(row[5]) for row in counts)
    notes = [
        f"{number(len(table))} tiket dibaca; {number(skipped)} batal/tidak hadir/dilewati tidak dihitung"
    ]
    years = {r[1].year for r in records}
    return Parsed(
        NAME,
        service_frame(records, sheet),
        year=max(years) if years else None,
        problems=problems,
        notes=notes,
    )


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
        {role: pa.array([_cell_text(r[cols[role]]) for r in body], pa.string()) for role in names}
    )


def _cell_text(value):
    return (
        None if value is None else (value.isoformat(sep=" ") if hasattr(value, "isoformat") else str(value))
    )


def aggregate(table: pa.Table):
    """Daily counts per (agency, day, service, channel): visits, not-visits and the first row.
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
    status = "regexp_replace(lower(CAST(status AS VARCHAR)), '[^a-z]', '', 'g')"
    not_visit = f"coalesce({status} IN ({', '.join(repr(s) for s in NOT_VISITS)}), false)"
    return f"""
        SELECT trim(CAST(agency AS VARCHAR)) AS agency, {day_expr(table)} AS d,
               trim(CAST(service AS VARCHAR)) AS service, {channel_expr()} AS channel,
               coalesce(sum(tickets) FILTER (NOT {not_visit}), 0) AS visits,
               coalesce(sum(tickets) FILTER ({not_visit}), 0) AS skipped, min(first) AS first
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
