"""A sheet read by a column mapping an analyst taught (loaders/mapping.py, model.ColumnMapping):
never detected by itself, it reads a sheet whose header row is the one the mapping was made on.
The figures it yields are visits like any layout's, so agency matching, duplicates, ticket statuses,
validation and the ledger apply unchanged."""

from __future__ import annotations

from loaders.layouts.common import Context, key, text
from loaders.model import ColumnMapping, Parsed, Sheet

NAME = "mapped"
TITLE = "tabel yang dipetakan analis (pemetaan kolom)"
KIND = "visits"
# What detect looks for, said when no layout recognises a sheet.
EXPECTS = "judul kolom yang sama persis dengan pemetaan kolom yang tersimpan"


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


def detect(sheet: Sheet) -> float:
    """Never by itself: a mapping is chosen by its header (parse_workbook)."""
    return 0.0


def apply(mapping: ColumnMapping, sheet: Sheet, context: Context) -> Parsed:
    """The sheet read by the mapping: service visits per agency (raw name), day or month, service;
    with a status column, the status of each count beside it (read_statuses reads them). Every
    cell that cannot be read is a problem naming the sheet and the cell."""
    raise NotImplementedError(text(mapping.name))
