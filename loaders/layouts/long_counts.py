"""Long tables of counts, one figure per row (CSV or a sheet): daily (`tanggal` dd/mm/yyyy) or
monthly (`bulan`, with `tahun` or a year in the value), per agency, optionally per service and
channel. read.py has already sniffed `;` or `,` and the encoding (UTF-8 with or without BOM,
Windows-1252)."""

from __future__ import annotations

from datetime import date

from loaders.layouts.common import (
    Context,
    combine_sheets,
    count_at,
    find_row,
    header_index,
    key,
    problem,
    ref,
    resolve_year,
    service_frame,
    text,
    title_text,
    visitor_frame,
)
from loaders.model import Parsed, Sheet
from loaders.normalize import find_site, find_year, is_total_label, parse_date, parse_year_month

NAME = "tabel_panjang"
TITLE = "tabel panjang jumlah harian/bulanan"
KIND = "visits"
HEADERS = {
    "day": ("TANGGAL", "TGL", "DATE", "HARI TANGGAL"),
    "month": ("BULAN", "PERIODE", "MONTH"),
    "year": ("TAHUN", "YEAR"),
    "agency": ("INSTANSI", "NAMA INSTANSI", "SKPD", "OPD", "NAMA SKPD", "AGENCY", "PERANGKAT DAERAH"),
    "service": ("LAYANAN", "JENIS LAYANAN", "NAMA LAYANAN", "SERVICE"),
    "channel": ("KANAL", "JENIS ANTREAN", "SALURAN", "CHANNEL"),
    "count": (
        "JUMLAH",
        "JUMLAH KUNJUNGAN",
        "JUMLAH PENGUNJUNG",
        "KUNJUNGAN",
        "PENGUNJUNG",
        "JUMLAH LAYANAN",
        "VISITS",
        "TOTAL",
    ),
}
CHANNELS = {
    "walk_in": ("langsung", "offline", "walk", "loket"),
    "online": ("online", "daring"),
    "jemput_bola": ("jemput",),
    "digital": ("digital",),
}


VISITOR_COUNTS = ("JUMLAH PENGUNJUNG", "PENGUNJUNG", "PENGUNJUNG MPP", "JUMLAH PENGUNJUNG MPP")


def header_row(rows: list[list]) -> int | None:
    """Counts per agency, or, without an agency column, people entering the mall (pengunjung)."""

    def is_header(row):
        cols = header_index(row, HEADERS)
        if "count" not in cols or not {"day", "month"} & cols.keys():
            return False
        return "agency" in cols or key(row[cols["count"]]) in VISITOR_COUNTS

    return find_row(rows, is_header)


def detect(sheet: Sheet) -> float:
    """The header, then a first row that is one figure: agency, count and its date or month filled
    (a recap's second header row, months under BULAN, is not)."""
    at = header_row(sheet.rows)
    if at is None or at + 1 >= len(sheet.rows):
        return 0.0
    cols, first = header_index(sheet.rows[at], HEADERS), sheet.rows[at + 1]
    when = cols["day"] if "day" in cols else cols["month"]  # the header has one or the other
    filled = all(text(first[c]) for c in (cols.get("agency", when), cols["count"], when))
    return 0.8 if filled else 0.0


def parse(sheet: Sheet, context: Context) -> Parsed:
    at = header_row(sheet.rows)
    assert at is not None  # detect() found it before parse() is called
    rows = whole_table(sheet, at, context)
    cols = header_index(rows[at], HEADERS)
    year = None if "day" in cols or "year" in cols else _year_or_none(context, sheet, rows, at)
    problems: list = []
    label = cols.get("agency", cols["day"] if "day" in cols else cols["month"])
    figures = [
        f
        for r in range(at + 1, len(rows))
        if text(rows[r][label])
        and not is_total_label(rows[r][label])
        and (f := row_figure(rows, r, cols, year, context, sheet, problems))
    ]
    records = [f for f in figures if len(f) == 7]  # per agency: service visits
    visitors = [f for f in figures if len(f) == 4]  # no agency column: people entering
    years = {f[1].year for f in records} | {f[0].year for f in visitors}
    return Parsed(
        NAME,
        service_frame(records, sheet),
        visitor_frame(visitors),
        site=find_site(title_text(rows[:at])),
        year=max(years) if years else None,
        problems=problems,
    )


def whole_table(sheet: Sheet, at: int, context: Context) -> list[list]:
    """The grid, or for a table longer than read.py keeps as a grid (its head only, Sheet.truncated)
    the whole table from its Arrow frame, each column under its header's cell, so every figure is
    read (and checked) and cell references stay true. Columns the frame left out (personal data)
    stay blank."""
    if not sheet.truncated or context.frame is None:
        return sheet.rows
    blank = [None] * context.frame.num_rows
    columns = [_column(context.frame, label) or blank for label in sheet.rows[at]]
    return sheet.rows[: at + 1] + [list(cells) for cells in zip(*columns, strict=True)]


def _column(frame, label) -> list | None:
    names = (label, label.strip()) if isinstance(label, str) else ()
    return next((frame.column(n).to_pylist() for n in names if n in frame.column_names), None)


def row_figure(rows, r, cols, year, context, sheet, problems) -> tuple | None:
    """One row as a service-visit record, or as a visitors record when there is no agency."""
    day = row_day(rows[r], r, cols, year, context, sheet, problems)
    visits = count_at(rows, r, cols["count"], sheet, problems)
    if day is None or visits is None:
        return None
    grain, cell = ("day" if "day" in cols else "month"), ref(r, cols["count"])
    if "agency" not in cols:
        return day, grain, visits, cell
    return (
        text(rows[r][cols["agency"]]),
        day,
        grain,
        _opt(rows[r], cols, "service"),
        channel_of(_opt(rows[r], cols, "channel")),
        visits,
        cell,
    )


def _year_or_none(context, sheet, rows, at):
    """A monthly table may carry the year in each month value ('Januari 2025', '2025-01')."""
    try:
        return resolve_year(context, sheet, rows[:at])
    except Exception:
        return None


def _opt(row, cols, role):
    return (text(row[cols[role]]) or None) if role in cols else None


def channel_of(value: str | None) -> str | None:
    low = (value or "").lower()
    return next((name for name, words in CHANNELS.items() if any(w in low for w in words)), None)


def row_day(row, r, cols, year, context, sheet, problems) -> date | None:
    if "day" in cols:
        try:
            return parse_date(row[cols["day"]])
        except ValueError as exc:
            problems.append(problem("tanggal_tidak_sah", f"{exc}.", sheet, ref(r, cols["day"])))
            return None
    return row_month(row, r, cols, year, context, sheet, problems)


def row_month(row, r, cols, year, context, sheet, problems) -> date | None:
    """The month of a row in any usual spelling (normalize.parse_year_month); the year from --year,
    else the cell, else the year column, else the title."""
    value = row[cols["month"]]
    found = parse_year_month(value)
    month = found[1] if found else None
    row_year = (
        context.year
        or (found[0] if found else None)
        or (find_year(text(row[cols["year"]])) if "year" in cols else None)
        or year
    )
    if not month or not row_year:
        what = "bulan" if not month else "tahun"
        problems.append(
            problem(
                f"{what}_tidak_terbaca",
                f"{what.capitalize()} dari {text(value)!r} "
                "tidak terbaca; tulis bulan (Januari atau 1) dan tahun, atau pakai "
                "--year.",
                sheet,
                ref(r, cols["month"]),
            )
        )
        return None
    return date(row_year, month, 1)


combine = combine_sheets  # a sheet per year, site or month: read them all
