"""Yearly recap: agencies (or services) as rows, months as columns.

Title rows above, a one- or two-level header (`BULAN` or a block name over JANUARI..DESEMBER, English
names mixed in), a JUMLAH column per block and a JUMLAH row (letters maybe spaced: `J  U  M  L  A  H`),
numbers typed as text ("1.263"), `-` for zero, months not yet reported left empty, and a signature
block below. Several month blocks side by side (Sleman: JUMLAH IZIN, PENOLAKAN, ...) need --block.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from loaders import validate
from loaders.layouts.common import (
    Context,
    combine_sheets,
    count_at,
    filled_rows,
    find_row,
    formula_problems,
    is_blank,
    is_number,
    key,
    month_of,
    problem,
    ref,
    resolve_year,
    service_frame,
    spellings,
    stated_sum_problem,
    text,
    title_text,
)
from loaders.model import FileRefused, Parsed, Sheet
from loaders.normalize import find_site, is_total_label

NAME = "rekap_tahunan"
TITLE = "rekap tahunan (bulan sebagai kolom)"
KIND = "visits"
# What detect looks for, said when no layout recognises a sheet.
EXPECTS = "nama bulan JANUARI..DESEMBER sebagai judul kolom, instansi per baris, angka di bawahnya"
# Header words (mpp/reference/data/header_words.csv), matched whole: the row's agency (or unit),
# its service, and a group header over month columns that names no block.
AGENCY_HEADERS = spellings("agency", "unit")
SERVICE_HEADERS = spellings("service")
GROUP_HEADERS = spellings("month", "year")


@dataclass
class Block:
    name: str
    months: dict[int, int]  # column -> month number
    total_col: int | None


def month_row(rows: list[list]) -> int | None:
    """The header row that names at least three months."""
    return find_row(rows, lambda row: sum(month_of(c) is not None for c in row) >= 3)


def detect(sheet: Sheet) -> float:
    rows = sheet.rows[:30]
    at = month_row(rows)
    if at is None or month_of(sheet.name) is not None:
        return 0.0
    has_numbers = any(is_number(c) for row in sheet.rows[at + 1 : at + 12] for c in row)
    return 0.8 if has_numbers else 0.0


def blocks(rows: list[list], at: int) -> list[Block]:
    """Month blocks of the header row: a block restarts when its first month comes round again,
    and ends at its JUMLAH column. The block's name is the group header above its first month."""
    found: list[Block] = []
    current: Block | None = None
    above = rows[at - 1] if at > 0 else []
    for col, cell in enumerate(rows[at]):
        month = month_of(cell)
        if month is not None:
            name = text(above[col]) if col < len(above) else ""
            if current is None or restarts(current, month, name):
                current = Block(name, {}, None)
                found.append(current)
            current.months[col] = month
        elif current is not None and current.total_col is None and is_total_label(cell):
            current.total_col = col
    for number, block in enumerate(found, 1):
        block.name = block.name if block.name and key(block.name) not in GROUP_HEADERS else f"BLOK {number}"
    return found


def restarts(block: Block, month: int, name: str) -> bool:
    """A new block starts after a JUMLAH column, or when the first month comes round again under
    another group header; under the same (merged) header it is a duplicated month column."""
    first = next(iter(block.months.values()))
    return block.total_col is not None or (month == first and name != block.name)


def label_columns(rows: list[list], at: int, first_month_col: int) -> tuple[int, int | None]:
    """(agency column, service column) among the columns left of the months. An INSTANSI-like
    header names the agency and a LAYANAN-like one the service; otherwise the rightmost column
    holding text in the data rows is the row's name."""
    headers = {
        col: key(rows[r][col])
        for r in (at - 1, at)
        if r >= 0
        for col in range(first_month_col)
        if key(rows[r][col])
    }
    agency = next((c for c, h in headers.items() if h in AGENCY_HEADERS), None)
    service = next((c for c, h in headers.items() if h in SERVICE_HEADERS), None)
    if agency is None:
        texts = [
            c
            for c in range(first_month_col)
            if any(
                isinstance(r[c], str) and r[c].strip() and not is_number(r[c]) for r in rows[at + 1 : at + 40]
            )
        ]
        agency, service = (texts[-1] if texts else 0), None
    return agency, service


def choose_block(found: list[Block], context: Context, sheet: Sheet) -> Block:
    if len(found) == 1 and not context.block:
        return found[0]
    names = [b.name for b in found]
    wanted = key(context.block or "")
    for block in found:
        if wanted and key(block.name) == wanted:
            return block
    listed = ", ".join(f'"{n}"' for n in names)
    said = (
        f"Sheet ini berisi beberapa blok bulan: {listed}; pilih satu."
        if not context.block
        else f'Blok "{context.block}" tidak ada; blok yang ada: {listed}.'
    )
    asked = problem("blok_ganda" if not context.block else "blok_tidak_ada", said, sheet, way_out="block")
    raise FileRefused([replace(asked, subject=names[0])])


def table_rows(
    rows: list[list], at: int, first_month_col: int, name_col: int
) -> tuple[list[int], int | None]:
    """(data rows, total row) below the header: rows named in the name column, up to the JUMLAH
    row; the column-number row, blank rows and everything after JUMLAH (signatures) are skipped."""
    data: list[int] = []
    blank_run = 0
    for r in range(at + 1, len(rows)):
        labels = rows[r][:first_month_col]
        if any(is_total_label(c) for c in labels):
            return data, r
        name = rows[r][name_col]
        if isinstance(name, str) and name.strip() and not is_number(name):
            data.append(r)
            blank_run = 0
        elif all(is_blank(c) for c in rows[r]):
            blank_run += 1
            if data and blank_run >= 2:
                break
    return data, None


def reported_months(rows, data: list[int], block: Block) -> dict[int, int]:
    """Month columns with at least one figure: an empty column is a month not yet reported."""
    return {
        col: month for col, month in block.months.items() if any(not is_blank(rows[r][col]) for r in data)
    }


def parse(sheet: Sheet, context: Context) -> Parsed:
    rows = filled_rows(sheet)
    at = month_row(rows)
    assert at is not None  # detect() found it before parse() is called
    block = choose_block(blocks(rows, at), context, sheet)
    first = min(block.months)
    agency_col, service_col = label_columns(rows, at, first)
    year = resolve_year(context, sheet, rows[:at])
    data, total_row = table_rows(rows, at, first, agency_col)
    months = reported_months(rows, data, block)
    problems: list = formula_problems(
        sheet, range(at + 1, (total_row or len(rows) - 1) + 1), [*block.months, block.total_col]
    )
    records = []
    for r in data:
        for col, month in months.items():
            visits = count_at(rows, r, col, sheet, problems)
            if visits is not None:
                records.append(
                    (
                        text(rows[r][agency_col]),
                        date(year, month, 1),
                        "month",
                        text(rows[r][service_col]) if service_col is not None else None,
                        None,
                        visits,
                        ref(r, col),
                    )
                )
    problems += total_problems(rows, sheet, data, total_row, months, block)
    problems += validate.duplicate_month_problems(sheet, at, list(block.months))
    notes = [f"blok {block.name}"] if context.block else []
    return Parsed(
        NAME,
        service_frame(records, sheet),
        site=find_site(title_text(rows[:at])),
        year=year,
        problems=problems,
        notes=notes,
    )


def total_problems(rows, sheet, data, total_row, months, block) -> list:
    """A stated JUMLAH (row or column) that is not the sum of its figures is reported, not ignored."""
    checks = []
    if total_row is not None:
        for col in months:
            checks.append((total_row, col, [(r, col) for r in data]))
    if block.total_col is not None:
        for r in data:
            checks.append((r, block.total_col, [(r, col) for col in months]))
    return [p for cell in checks if (p := stated_sum_problem(rows, sheet, *cell))]


combine = combine_sheets  # a sheet per year, site or month: read them all
