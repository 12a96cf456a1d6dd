"""Transposed recap: the yearly recap turned on its side, months as rows and agencies as columns.

Title rows above (site, year), a header row naming the agencies (left of them `NO` and `BULAN`, at
their right a JUMLAH column), one row per month (`Januari`, `Jan 2024`, `2024-01`, a date cell), a
JUMLAH row below and maybe a signature block. Months not yet reported are empty rows. Each stated
JUMLAH is checked against its figures with the yearly recap's checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from loaders.layouts import long_counts, yearly_recap
from loaders.layouts.common import (
    Context,
    combine_sheets,
    count_at,
    filled_rows,
    formula_problems,
    header_index,
    is_blank,
    is_number,
    key,
    problem,
    ref,
    resolve_year,
    service_frame,
    spellings,
    text,
    title_text,
)
from loaders.model import FileRefused, Parsed, Sheet
from loaders.normalize import find_site, is_total_label, parse_year_month
from mpp.reference.header_words import named

NAME = "rekap_transpos"
TITLE = "rekap tahunan transpos (bulan sebagai baris, instansi sebagai kolom)"
KIND = "visits"
# What detect looks for, said when no layout recognises a sheet.
EXPECTS = (
    f"kolom {named('month')} dengan satu baris per bulan (Januari ... Desember) dan nama instansi sebagai "
    "judul kolom"
)
SEARCH_ROWS = 60  # a title, a header and twelve months fit well within
# Headers beside the agencies that name none (mpp/reference/data/header_words.csv).
NOT_AGENCIES = spellings("row_number", "month", "year", "remark")


def month_cell(value) -> tuple[int | None, int] | None:
    """(year, month) a row's label names: month text in any spelling, or a first-of-month date.
    Plain numbers are row numbers (NO), never months here."""
    if isinstance(value, (date, datetime)):
        return (value.year, value.month) if value.day == 1 else None
    return parse_year_month(value) if isinstance(value, str) else None


def month_column(rows: list[list]) -> tuple[int, list[int]] | None:
    """(column, its month rows): the column naming the most distinct months (at least three) down
    the top of the sheet, one row each. A long table repeats its months, one per agency: not this."""
    width = max((len(r) for r in rows[:SEARCH_ROWS]), default=0)
    best = None
    for col in range(width):
        found = [r for r, row in enumerate(rows[:SEARCH_ROWS]) if col < len(row) and month_cell(row[col])]
        months = {month_cell(rows[r][col]) for r in found}
        if len(months) >= 3 and len(months) == len(found) and (best is None or len(found) > len(best[1])):
            best = (col, found)
    return best


def agency_columns(header: list, month_col: int) -> tuple[dict[int, str], int | None]:
    """({column: agency} right of the months, the JUMLAH column). A header a long table uses for a
    role (INSTANSI, LAYANAN, JUMLAH PENGUNJUNG, ...) is no agency: that sheet is a long table."""
    agencies: dict[int, str] = {}
    total_col = None
    for col in range(month_col + 1, len(header)):
        name = text(header[col])
        if is_total_label(name):
            total_col = col if total_col is None else total_col
        elif name and total_col is None and key(name) not in NOT_AGENCIES:
            agencies[col] = name
    roles = header_index([header[c] for c in agencies], long_counts.HEADERS)
    return ({} if roles else agencies), total_col


@dataclass
class Table:
    """Where a transposed recap's parts are (0-based rows and columns)."""

    header: int  # the row naming the agencies
    month_col: int
    months: dict[int, tuple[int | None, int]]  # month row -> (its year if it says one, month)
    agencies: dict[int, str]  # column -> agency
    total_col: int | None  # the JUMLAH column


def layout_of(rows: list[list]) -> Table | None:
    found = month_column(rows)
    if found is None or found[1][0] == 0:
        return None
    month_col, month_rows = found
    at = month_rows[0] - 1
    agencies, total_col = agency_columns(rows[at], month_col)
    figures = [rows[r][c] for r in month_rows for c in agencies if c < len(rows[r])]
    if not agencies or not any(is_number(v) for v in figures):
        return None
    months = {r: month for r in month_rows if (month := month_cell(rows[r][month_col]))}
    return Table(at, month_col, months, agencies, total_col)


def detect(sheet: Sheet) -> float:
    return 0.85 if layout_of(filled_rows(sheet)) is not None else 0.0


def total_row_of(rows: list[list], after: int, month_col: int) -> int | None:
    """The JUMLAH row below the last month: a total label left of the figures."""
    for r in range(after + 1, min(len(rows), after + 6)):
        if any(is_total_label(c) for c in rows[r][: month_col + 1]):
            return r
        if not all(is_blank(c) for c in rows[r]):
            return None
    return None


def parse(sheet: Sheet, context: Context) -> Parsed:
    rows = filled_rows(sheet)
    table = layout_of(rows)
    if table is None:  # only parsed once detect() found it
        raise FileRefused([problem("tata_letak_tidak_dikenal", "Sheet ini bukan rekap transpos.", sheet)])
    at, month_rows = table.header, list(table.months)
    # --year, else each month's own year ('Jan 2024', a date cell), else the title's
    needs_title = context.year or not all(y for y, _ in table.months.values())
    title_year = resolve_year(context, sheet, rows[:at]) if needs_title else 0
    total_row = total_row_of(rows, month_rows[-1], table.month_col)
    problems: list = formula_problems(
        sheet, range(at + 1, (total_row or month_rows[-1]) + 1), [*table.agencies, table.total_col]
    )
    records = [
        (agency, date(context.year or year or title_year, month, 1), "month", None, None, visits, ref(r, col))
        for r, (year, month) in table.months.items()
        for col, agency in table.agencies.items()
        if (visits := count_at(rows, r, col, sheet, problems)) is not None
    ]
    # The yearly recap's JUMLAH checks, rows and columns swapped: agencies are its month columns.
    sums = yearly_recap.Block("", {}, table.total_col)
    problems += yearly_recap.total_problems(rows, sheet, month_rows, total_row, table.agencies, sums)
    service = service_frame(records, sheet)
    return Parsed(
        NAME,
        service,
        site=find_site(title_text(rows[:at])),
        year=max((d.year for d in service["day"]), default=title_year or None),
        problems=problems,
    )


combine = combine_sheets  # a sheet per year: read them all
