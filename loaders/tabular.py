"""Tables as offices write them, as pure functions: CSV text (encoding and delimiter sniffed),
the header row of a grid, and the personal-data columns to blank. loaders/fast.py reads whole tables.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

from loaders.normalize import is_personal_column, parse_count, parse_date

DELIMITERS = [";", ",", "\t", "|"]
# Long free-text fields (suggestions, descriptions) pass; the file size cap bounds them anyway.
csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
HEADER_SEARCH_ROWS = 30


# ---- text ------------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 (Excel's
    'CSV' on Indonesian Windows), else Latin-1, which decodes any byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the first lines into the same number (>1) of fields most often."""
    lines = [line for line in sample.splitlines()[:20] if line.strip()]

    def score(delimiter):
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        width, agreeing = Counter(counts).most_common(1)[0] if counts else (1, 0)
        return (width > 1, agreeing, width)

    return max(DELIMITERS, key=score)


HEAD_BYTES = 262144


def head_lines(data: bytes) -> bytes:
    """The first whole lines: cutting inside a UTF-8 character would make it look like cp1252."""
    head = data[:HEAD_BYTES]
    return head[: head.rfind(b"\n") + 1] if len(data) > HEAD_BYTES and b"\n" in head else head


def csv_rows(data: bytes) -> list[list]:
    text, _ = decode(data)
    delimiter = sniff_delimiter(text[:65536])
    return [[text_cell(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def text_cell(text: str):
    text = text.replace("\u00a0", " ")
    return text if text.strip() else None


def square(rows: list[list]) -> list[list]:
    width = max((len(r) for r in rows), default=0)
    return [r + [None] * (width - len(r)) for r in rows]


# ---- header rows and personal data -----------------------------------------------------------------


def header_row_index(rows: list[list]) -> int | None:
    """The first row (of the first 30) that looks like column labels: all its cells text, none a
    number or a date, and filled across at least half the table's width. Title rows ('REKAP' |
    'TAHUN 2024') are too narrow; data rows hold numbers or dates."""
    top = [[c for c in row if c is not None and str(c).strip()] for row in rows[:HEADER_SEARCH_ROWS]]
    width = max((len(filled) for filled in top), default=0)
    for index, filled in enumerate(top):
        wide = len(filled) >= max(2, width // 2)
        if wide and all(isinstance(c, str) and _is_label(c) for c in filled):
            return index
    return None


def _is_label(text: str) -> bool:
    if not re.search(r"[^\W\d_]", text):  # no letter at all: a number, a date, a dash
        return False
    for parse in (parse_count, parse_date) if re.search(r"\d", text) else ():
        try:
            if parse(text) is not None:
                return False
        except ValueError:
            pass
    return True


def blank_personal_columns(rows: list[list]) -> tuple[list[list], list[str]]:
    """Blank every column whose label (in the header row, or the row below it when that is labels
    too: two-level headers) names personal data. Blanked, not removed, so A1 references stay true."""
    header = header_row_index(rows)
    if header is None:
        return rows, []
    labels: dict[int, str] = {}
    below = rows[header + 1 : header + 2]
    second = [r for r in below if all(isinstance(c, str) and _is_label(c) for c in r if c is not None)]
    for row in [rows[header], *second]:
        for col, cell in enumerate(row):
            if isinstance(cell, str) and len(cell) <= 40 and is_personal_column(cell, row):
                labels.setdefault(col, cell.strip())
    if not labels:
        return rows, []
    return [
        [None if j in labels and i >= header else c for j, c in enumerate(row)] for i, row in enumerate(rows)
    ], list(labels.values())
