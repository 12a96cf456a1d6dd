"""A sheet read by a column mapping an analyst taught (loaders/mapping.py, model.ColumnMapping):
never detected by itself, it reads a sheet whose header row is the one the mapping was made on.
The figures it yields are visits like any layout's, so agency matching, duplicates, ticket statuses,
validation and the ledger apply unchanged.

A mapping the user gives for this file reads a sheet whose header matches before any layout looks at
it; a mapping saved for the site reads only a sheet no layout recognises (layouts.parse_workbook)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pandas as pd

from loaders.layouts import long_counts
from loaders.layouts.common import (
    Context,
    col_letter,
    count_at,
    filled_rows,
    formula_problems,
    key,
    problem,
    ref,
    resolve_year,
    service_frame,
    text,
    title_text,
)
from loaders.model import ColumnMapping, FileRefused, Parsed, Problem, Sheet, Workbook
from loaders.normalize import find_site, is_personal_column, is_total_label, parse_date, parse_year_month
from mpp.reference.ticket_statuses import status_key

NAME = "mapped"
TITLE = "tabel yang dipetakan analis (pemetaan kolom)"
KIND = "visits"
# What detect looks for, said when no layout recognises a sheet.
EXPECTS = "judul kolom yang sama persis dengan pemetaan kolom yang tersimpan"
MONTH = re.compile(r"(?:20\d\d-)?(?:0[1-9]|1[0-2])")  # 'YYYY-MM', or 'MM' with the year the file's
BLANK_STATUS = "(kosong)"  # how a ticket without a status is named in messages


def header_cells(sheet: Sheet, header_row: int) -> tuple[str, ...]:
    """Row header_row (1-based) of the sheet, each cell as layouts compare headers (common.key),
    trailing blank cells left off: the signature a mapping is matched on."""
    if not 1 <= header_row <= len(sheet.rows):
        return ()
    cells = [key(c) for c in sheet.rows[header_row - 1]]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def matches(mapping: ColumnMapping, sheet: Sheet) -> bool:
    """Does the sheet hold the mapping's header in its header row (and, when the mapping names a
    sheet, is it that sheet)?"""
    if mapping.sheet is not None and key(mapping.sheet) != key(sheet.name):
        return False
    return bool(mapping.header) and header_cells(sheet, mapping.header_row) == mapping.header


def chosen(workbook: Workbook, mappings) -> tuple[ColumnMapping, list[Sheet]] | None:
    """The first mapping whose header a visible sheet holds, with every visible sheet that holds it
    (a workbook of month sheets with one header reads them all, as month sheets do)."""
    for mapping in mappings:
        sheets = [s for s in workbook.sheets if not s.hidden and matches(mapping, s)]
        if sheets:
            return mapping, sheets
    return None


def detect(sheet: Sheet) -> float:
    """Never by itself: a mapping is chosen by its header (layouts.parse_workbook)."""
    return 0.0


def parse(sheet: Sheet, context: Context) -> Parsed:
    """The sheet by the first mapping of the context whose header it holds (given, then saved)."""
    mapping = next(m for m in (*context.mappings, *context.saved_mappings) if matches(m, sheet))
    return apply(mapping, sheet, context)


# ---- reading a sheet by its mapping ----------------------------------------------------------------


def mapping_problems(mapping: ColumnMapping, file: str = "", sheet: str | None = None) -> list[Problem]:
    """What makes a mapping unusable whatever the sheet: no agency, no period, a date column beside
    month columns, or a personal-data column (NIK, Nama, No HP) mapped, whose values would be
    stored as agency or service names."""
    said = []
    if bool(mapping.agency_column) == bool(mapping.agency):
        said.append("pilih kolom instansi atau satu instansi untuk seluruh berkas (salah satu)")
    if mapping.status_column and not mapping.served:
        said.append("pilih nilai status yang dihitung sebagai kunjungan")
    if bool(mapping.date_column) == bool(mapping.month_columns):
        said.append("pilih kolom tanggal atau kolom-kolom bulan (salah satu)")
    if mapping.month_columns and (mapping.count_column or mapping.status_column):
        said.append("kolom bulan sudah berisi jumlah: kolom jumlah dan status tidak dipakai bersamanya")
    # One column read for two roles (a month column mapped twice, the agency column also a month)
    # would count each figure twice or store counts as agency names.
    names = mapped_names(mapping)
    times = Counter(key(n) for n in names)
    twice = {key(n): n for n in reversed(names) if key(n) and times[key(n)] > 1}  # as first written
    said += [
        f"kolom '{n}' dipetakan lebih dari sekali; setiap kolom hanya untuk satu peran"
        for n in twice.values()
    ]
    said += [
        f"bulan {m!r} untuk kolom '{n}' harus YYYY-MM atau MM"
        for n, m in mapping.month_columns
        if not MONTH.fullmatch(m)
    ]
    problems = [
        problem("pemetaan_tidak_lengkap", f"Pemetaan '{mapping.name}': {s}.", file=file, sheet_name=sheet)
        for s in said
    ]
    return problems + [
        problem(
            "data_pribadi",
            f"Pemetaan '{mapping.name}' memakai kolom '{name}', yang berisi data pribadi; data pribadi "
            "tidak boleh dimuat (UU 27/2022). Pilih kolom lain. / A personal-data column is mapped.",
            file=file,
            sheet_name=sheet,
        )
        for name in mapped_names(mapping)
        if is_personal_column(name, list(mapping.header))
    ]


def mapped_names(mapping: ColumnMapping) -> list[str]:
    """The header texts of every column the mapping uses."""
    names = [
        mapping.agency_column,
        mapping.service_column,
        mapping.date_column,
        mapping.count_column,
        mapping.status_column,
    ]
    return [n for n in names if n] + [name for name, _ in mapping.month_columns]


def apply(mapping: ColumnMapping, sheet: Sheet, context: Context) -> Parsed:
    """The sheet read by the mapping: service visits per agency (raw name), day or month, service;
    with a status column, each count's status beside it (tickets.read_statuses reads them once
    the store says what the words mean). Every cell that cannot be read is a problem naming the
    sheet and the cell; a mapping that does not fit the sheet is refused naming the columns."""
    at = mapping.header_row - 1
    refused = mapping_problems(mapping, context.file_name, sheet.name)
    cols, missing = columns(mapping, sheet, at, context.file_name)
    if refused or missing:
        raise FileRefused(refused + missing)
    rows = long_counts.whole_table(sheet, at, context) if sheet.truncated else filled_rows(sheet)
    # A formula Excel never calculated reads as a blank cell: in a count column the figure would be
    # lost, in the agency or date column the whole row, silently. Said, as the recap layouts say it.
    used = [cols[key(name)] for name in mapped_names(mapping)]
    problems: list[Problem] = formula_problems(sheet, range(at + 1, len(rows)), used)
    reader = RowReader(mapping, cols, sheet, context, rows[:at], problems)
    records = [f for r in range(at + 1, len(rows)) for f in reader.figures(rows, r)]
    frame = figures_frame(records, mapping, sheet, at, cols)
    notes = [f"dipetakan dengan '{mapping.name}'"]
    if mapping.date_column and long_counts.first_days_only(frame, None):
        frame = frame.assign(grain="month")
        notes.append("semua tanggal jatuh pada tanggal 1 tiap bulan: dibaca sebagai angka bulanan")
    problems += repeated(frame, mapping, sheet, context, notes)
    years = {d.year for d in frame["day"]}
    return Parsed(
        NAME,
        frame,
        site=find_site(title_text(rows[:at])),
        year=max(years) if years else None,
        problems=problems,
        notes=notes,
        mapping=mapping.name,
        served_statuses=tuple(served_key(s) for s in mapping.served) if mapping.status_column else None,
    )


def columns(mapping: ColumnMapping, sheet: Sheet, at: int, file: str) -> tuple[dict[str, int], list[Problem]]:
    """Where each mapped header is in the header row: {header key: column}; a header the sheet
    lacks is a problem naming it."""
    header = sheet.rows[at] if 0 <= at < len(sheet.rows) else []
    found: dict[str, int] = {}
    for col, cell in enumerate(header):
        found.setdefault(key(cell), col)
    missing = [n for n in mapped_names(mapping) if key(n) not in found or not key(n)]
    return found, [
        problem(
            "kolom_pemetaan_tidak_ada",
            f"Kolom '{name}' dari pemetaan '{mapping.name}' tidak ada di baris {mapping.header_row}. "
            "/ A mapped column is missing from the header row.",
            sheet,
            f"A{mapping.header_row}",
            file=file,
        )
        for name in missing
    ]


class RowReader:
    """One row of the sheet as its figures, by the mapping: (agency, day, grain, service, None,
    visits, cell, status key, status word). Dates are read once per distinct value (a ticket
    export repeats a few hundred dates over a million rows)."""

    def __init__(self, mapping, cols, sheet, context, title_rows, problems):
        self.mapping, self.sheet, self.context, self.problems = mapping, sheet, context, problems
        self.at = {role: cols[key(n)] for role, n in roles(mapping).items()}
        year = year_of(mapping, sheet, context, title_rows)
        self.months = [(cols[key(name)], month_day(month, year)) for name, month in mapping.month_columns]
        self.days: dict = {}

    def figures(self, rows: list[list], r: int) -> list[tuple]:
        row = rows[r]
        labels = [row[c] for role, c in self.at.items() if role in ("agency", "service", "day")]
        if not any(text(v) for v in labels) or any(is_total_label(v) for v in labels):
            return []
        agency = text(row[self.at["agency"]]) if "agency" in self.at else self.mapping.agency
        if not agency:
            return []
        service = (text(row[self.at["service"]]) or None) if "service" in self.at else None
        status = self.status(row)
        if self.months:
            return [
                (agency, day, "month", service, None, n, ref(r, c), *status)
                for c, day in self.months
                if text(row[c]) and (n := count_at(rows, r, c, self.sheet, self.problems)) is not None
            ]
        when = self.day(row[self.at["day"]], r)
        count = count_at(rows, r, self.at["count"], self.sheet, self.problems) if "count" in self.at else 1
        if when is None or count is None:
            return []
        cell = ref(r, self.at.get("count", self.at["day"]))
        return [(agency, when[0], when[1], service, None, count, cell, *status)]

    def status(self, row: list) -> tuple[str, str]:
        if "status" not in self.at:
            return ("", "")
        word = text(row[self.at["status"]])
        return status_key(word), word or BLANK_STATUS

    def day(self, value, r: int) -> tuple[date, str] | None:
        """(date, 'day'), or (first of month, 'month') for a month written as one ('Mei 2025')."""
        cache_key = (type(value).__name__, text(value))
        if cache_key not in self.days:
            self.days[cache_key] = when_of(value)
        found = self.days[cache_key]
        if found is None and text(value):
            self.problems.append(
                problem(
                    "tanggal_tidak_sah",
                    f"{text(value)!r} bukan tanggal: tulis sebagai dd/mm/yyyy, mis. 31/01/2025.",
                    self.sheet,
                    ref(r, self.at["day"]),
                    file=self.context.file_name,
                )
            )
        return found


def served_key(word: str) -> str:
    """The key of a status value the mapping counts as visits; BLANK_STATUS is a blank status."""
    return "" if word == BLANK_STATUS else status_key(word)


def roles(mapping: ColumnMapping) -> dict[str, str]:
    """{role: header text} of the single columns the mapping uses."""
    named = {
        "agency": mapping.agency_column,
        "service": mapping.service_column,
        "day": mapping.date_column,
        "count": mapping.count_column,
        "status": mapping.status_column,
    }
    return {role: name for role, name in named.items() if name}


def when_of(value) -> tuple[date, str] | None:
    try:
        day = parse_date(value)
    except ValueError:
        day = None
    if day is not None:
        return day, "day"
    month = parse_year_month(value)
    return (date(month[0], month[1], 1), "month") if month and month[0] else None


def year_of(mapping: ColumnMapping, sheet: Sheet, context: Context, title_rows) -> int | None:
    """Month columns given as 'MM' take the year the user gave, else the title, the sheet's or the
    file's name (refused when none says); 'YYYY-MM' keeps its own."""
    if not any(len(m) == 2 for _, m in mapping.month_columns):
        return None
    return resolve_year(context, sheet, title_rows)


def month_day(month: str, year: int | None) -> date:
    """'2026-03' -> 2026-03-01; '03' -> the first of March of the file's year."""
    if len(month) == 2:
        assert year is not None  # year_of() found it for every 'MM'
        return date(year, int(month), 1)
    return date(int(month[:4]), int(month[5:7]), 1)


def figures_frame(records, mapping, sheet, at, cols) -> pd.DataFrame:
    """The tidy frame of every figure; with a status column, each figure's status key, word and
    column beside it, as the ticket layout gives them."""
    frame = service_frame([r[:7] for r in records], sheet)
    if not mapping.status_column:
        return frame
    col = cols[key(mapping.status_column)]
    return frame.assign(
        status=[r[7] for r in records],
        status_word=[r[8] for r in records],
        status_column=f"kolom {col_letter(col)} ('{text(sheet.rows[at][col])}')",
    )


def repeated(frame: pd.DataFrame, mapping, sheet: Sheet, context: Context, notes: list[str]) -> list[Problem]:
    """A figure a table of counts gives twice is refused naming both rows, as in a long table,
    unless the user or the mapping says such rows add up; one row per ticket always adds up."""
    if not (mapping.count_column or mapping.month_columns):
        return []
    keys = [*long_counts.SERVICE_KEY, *(["status"] if mapping.status_column else [])]
    if context.sum_duplicates or mapping.sum_duplicates:
        notes += long_counts.summed_note(len(long_counts.duplicate_problems(frame, keys, sheet, context)))
        return []
    return long_counts.duplicate_problems(frame, keys, sheet, context)


def status_meanings(statuses: pd.Series, served: tuple[str, ...], known: dict[str, str]) -> dict[str, str]:
    """What each status of a mapped sheet means: the mapping's served values are visits; any other
    value is cancelled or no-show where the ticket status table says so, else not counted."""
    return {
        k: "served" if k in served else (known[k] if known.get(k) in ("cancelled", "no_show") else "other")
        for k in statuses.dropna().unique()
    }
