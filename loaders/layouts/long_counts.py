"""Long tables of counts, one figure per row (CSV or a sheet): daily (`tanggal` dd/mm/yyyy) or
monthly (`bulan`, with `tahun` or a year in the value), per agency, optionally per service and
channel. read.py has already sniffed `;` or `,` and the encoding (UTF-8 with or without BOM,
Windows-1252)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from loaders.layouts.common import (
    Context,
    combine_sheets,
    count_at,
    find_row,
    header_index,
    key,
    problem,
    ref,
    repeated_rows,
    resolve_year,
    service_frame,
    spellings,
    text,
    title_text,
    visitor_frame,
)
from loaders.model import Parsed, Sheet
from loaders.normalize import find_site, find_year, is_total_label, parse_date, parse_year_month
from mpp.reference.header_words import named

NAME = "tabel_panjang"
TITLE = "tabel panjang jumlah harian/bulanan"
KIND = "visits"
# What detect looks for, said when no layout recognises a sheet; the words are the table's.
EXPECTS = (
    f"kolom {named('agency')}, {named('day')} atau {named('month')} (dan {named('year')}), "
    f"dan {named('count', 2)}"
)
# The header words of each role (mpp/reference/data/header_words.csv).
HEADERS = {
    "day": spellings("day"),
    "month": spellings("month"),
    "year": spellings("year"),
    "agency": spellings("agency"),
    "service": spellings("service"),
    "channel": spellings("channel"),
    "count": spellings("count", "visitor_count"),
}
CHANNELS = {
    "walk_in": ("langsung", "offline", "walk", "loket"),
    "online": ("online", "daring"),
    "jemput_bola": ("jemput",),
    "digital": ("digital",),
}


VISITOR_COUNTS = spellings("visitor_count")  # people entering the mall, not service visits


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


# The key of one figure: a long table gives it once (the site is the file's).
SERVICE_KEY = ["agency", "day", "grain", "service", "channel"]
VISITOR_KEY = ["day", "grain"]


def parse(sheet: Sheet, context: Context) -> Parsed:
    at = header_row(sheet.rows)
    assert at is not None  # detect() found it before parse() is called
    rows = whole_table(sheet, at, context)
    cols = header_index(rows[at], HEADERS)
    problems: list = []
    service, visitors = figure_frames(rows, at, cols, context, sheet, problems)
    notes = []
    if "day" in cols and first_days_only(service, visitors):
        service, visitors = as_months(service), as_months(visitors)
        notes.append("semua tanggal jatuh pada tanggal 1 tiap bulan: dibaca sebagai angka bulanan")
    frames = [(service, SERVICE_KEY)] + ([(visitors, VISITOR_KEY)] if visitors is not None else [])
    if context.sum_duplicates:
        notes += summed_note(sum(len(repeated_rows(f, keys)) for f, keys in frames))
    else:
        problems += [p for f, keys in frames for p in duplicate_problems(f, keys, sheet, context)]
    years = {d.year for f, _ in frames for d in f["day"]}
    return Parsed(
        NAME,
        service,
        visitors,
        site=find_site(title_text(rows[:at])),
        year=max(years) if years else None,
        problems=problems,
        notes=notes,
    )


def figure_frames(rows, at, cols, context, sheet, problems) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """(service visits per agency, people entering where there is no agency column), one row a figure."""
    year = None if "day" in cols or "year" in cols else _year_or_none(context, sheet, rows, at)
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
    return service_frame(records, sheet), visitor_frame(visitors)


def first_days_only(service: pd.DataFrame, visitors: pd.DataFrame | None) -> bool:
    """Dates all on the 1st over more than one month: monthly figures, each dated by its month's
    first day (one row per month). A single first-of-month date may be one day's export; it stays daily."""
    days = pd.concat([service["day"], visitors["day"] if visitors is not None else pd.Series(dtype=object)])
    return not days.empty and all(d.day == 1 for d in days) and days.nunique() > 1


def as_months(frame: pd.DataFrame | None) -> pd.DataFrame | None:
    return None if frame is None else frame.assign(grain="month")


def duplicate_problems(frame: pd.DataFrame, keys: list[str], sheet: Sheet, context: Context) -> list:
    """Every figure the table gives twice, naming both rows: summed silently it would count twice."""
    return [
        problem(
            "baris_ganda",
            f"Baris {row_number(row.first_cell)} dan baris {row_number(row.source_cell)} sama-sama "
            f"memberi angka {figure_named(row)}; dijumlahkan akan terhitung ganda. Hapus salah satu "
            "baris.",
            sheet,
            row.source_cell,
            file=context.file_name,
            way_out="sum_duplicates",
        )
        for row in repeated_rows(frame, keys).itertuples()
    ]


def figure_named(row) -> str:
    """'Samsat, layanan PKB, kanal online, tanggal 03/01/2025' (or 'bulan 05/2019')."""
    parts = [getattr(row, "agency", None) or "pengunjung MPP"]
    parts += [f"layanan {row.service}"] if getattr(row, "service", "") else []
    parts += [f"kanal {row.channel}"] if getattr(row, "channel", "") else []
    when = f"bulan {row.day:%m/%Y}" if row.grain == "month" else f"tanggal {row.day:%d/%m/%Y}"
    return ", ".join([*parts, when])


def row_number(cell: str) -> str:
    """'D7' -> '7': the row as the spreadsheet (or a CSV opened in it) numbers it."""
    return cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def summed_note(count: int) -> list[str]:
    return [f"{count} baris dengan kunci yang sama dijumlahkan (atas permintaan)"] if count else []


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
                "tidak terbaca; tulis bulan (Januari atau 1) dan tahun.",
                sheet,
                ref(r, cols["month"]),
                way_out="year",
            )
        )
        return None
    return date(row_year, month, 1)


combine = combine_sheets  # a sheet per year, site or month: read them all
