"""Tables as offices export them: CSV text (delimiter and encoding sniffed), header rows, personal-data
columns, and the fast path that reads a whole ticket export into Arrow (fastexcel for Excel, DuckDB's
read_csv for CSV) without building Python lists of a million rows.
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from collections import Counter
from pathlib import Path

import duckdb
import fastexcel
import pyarrow as pa

from loaders import safety
from loaders.model import Sheet
from loaders.normalize import is_personal_column, parse_count, parse_date
from loaders.safety import DEFAULT_LIMITS, Limits

DELIMITERS = [";", ",", "\t", "|"]
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


def csv_sheet(data: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Sheet, pa.Table | None]:
    """One sheet named after the file; a CSV longer than grid_rows keeps its head as the grid and
    comes whole as an Arrow frame."""
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    text, _ = decode(data[:262144] if lines > limits.grid_rows else data)
    delimiter = sniff_delimiter(text[:65536])
    rows = [[_cell(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    safety.check_shape(lines, max((len(r) for r in rows[:1000]), default=0), file, None, limits)
    if lines <= limits.grid_rows:
        return Sheet(Path(file).stem, _square(rows)), None
    frame = read_table(None, data, name=file, limits=limits)
    return Sheet(Path(file).stem, _square(rows[:limits.head_rows]), truncated=True), frame


def _cell(text: str):
    text = text.replace("\u00a0", " ")
    return text if text.strip() else None


def _square(rows: list[list]) -> list[list]:
    width = max((len(r) for r in rows), default=0)
    return [r + [None] * (width - len(r)) for r in rows]


# ---- header rows and personal data -----------------------------------------------------------------

def header_row_index(rows: list[list]) -> int | None:
    """The first row (of the first 30) that looks like column labels: at least two filled cells, all
    text, none of them a number or a date. Title rows (one cell) and data rows do not qualify."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        filled = [c for c in row if c is not None and str(c).strip()]
        if len(filled) >= 2 and all(isinstance(c, str) and _is_label(c) for c in filled):
            return index
    return None


def _is_label(text: str) -> bool:
    for parse in (parse_count, parse_date):
        try:
            if parse(text) is not None:
                return False
        except ValueError:
            pass
    return True


def blank_personal_columns(rows: list[list]) -> tuple[list[list], list[str]]:
    """Blank every column whose label (in the header row or the row below it, for two-level
    headers) names personal data. Blanked, not removed, so A1 references stay true."""
    header = header_row_index(rows)
    if header is None:
        return rows, []
    labels = {}
    for row in rows[header:header + 2]:
        for col, cell in enumerate(row):
            if isinstance(cell, str) and len(cell) <= 40 and is_personal_column(cell, row):
                labels.setdefault(col, cell.strip())
    if not labels:
        return rows, []
    return [[None if j in labels and i >= header else c for j, c in enumerate(row)]
            for i, row in enumerate(rows)], list(labels.values())


# ---- the fast path ---------------------------------------------------------------------------------

def read_table(path, data: bytes | None = None, *, sheet: str | int | None = None,
               header_row: int | None = None, name: str | None = None,
               limits: Limits = DEFAULT_LIMITS) -> pa.Table:
    """A whole ticket export as an Arrow table, personal columns left out (their labels are in
    dropped_columns(table)). header_row (0-based) is found when not given. Excel via fastexcel,
    CSV via DuckDB read_csv; dates stay text for the layout to parse day-first."""
    file = name or (Path(path).name if path else "berkas")
    source = data if data is not None else Path(path).read_bytes()
    kind = safety.sniff_kind(source, file)
    if kind == "csv":
        return _csv_table(path, source, header_row)
    return _excel_table(source, sheet if sheet is not None else 0, header_row, limits)


def dropped_columns(table: pa.Table) -> tuple[str, ...]:
    meta = (table.schema.metadata or {}).get(b"dropped_columns", b"")
    return tuple(filter(None, meta.decode().split("|")))


def _with_dropped(table: pa.Table, dropped: list[str]) -> pa.Table:
    return table.replace_schema_metadata({b"dropped_columns": "|".join(dropped).encode()})


def excel_head(data: bytes, sheet: str | int, n_rows: int) -> list[list]:
    head = fastexcel.read_excel(data).load_sheet(sheet, header_row=None, n_rows=n_rows)
    return [list(r.values()) for r in head.to_arrow().to_pylist()]


def _excel_table(data: bytes, sheet, header_row: int | None, limits: Limits) -> pa.Table:
    if header_row is None:
        header_row = header_row_index(excel_head(data, sheet, HEADER_SEARCH_ROWS)) or 0
    dropped = []
    reader = fastexcel.read_excel(data)
    labels = reader.load_sheet(sheet, header_row=header_row, n_rows=1).available_columns()

    def keep(column) -> bool:
        personal = is_personal_column(column.name, [c.name for c in labels])
        dropped.extend([column.name] if personal else [])
        return not personal
    loaded = reader.load_sheet(sheet, header_row=header_row, use_columns=keep)
    return _with_dropped(loaded.to_arrow(), dropped)


def _csv_table(path, data: bytes, header_row: int | None) -> pa.Table:
    text, encoding = decode(data[:262144])
    delimiter = sniff_delimiter(text[:65536])
    head = [[_cell(c) for c in r] for r in csv.reader(io.StringIO(text), delimiter=delimiter)][:50]
    header_row = header_row if header_row is not None else header_row_index(head) or 0
    labels = head[header_row]
    dropped = [c for c in labels if isinstance(c, str) and is_personal_column(c, labels)]
    with _on_disk(path, data) as file:
        table = _duckdb_csv(file, delimiter, header_row, encoding, dropped)
    return _with_dropped(table, dropped)


def _duckdb_csv(file: str, delimiter: str, skip: int, encoding: str, dropped: list[str]) -> pa.Table:
    # DuckDB reads Latin-1 natively, not cp1252; the two differ only in rare 0x80-0x9F symbols.
    encoding = {"utf-8-sig": "utf-8", "cp1252": "latin-1"}.get(encoding, encoding)
    exclude = f"EXCLUDE ({', '.join(_quote(c) for c in dropped)})" if dropped else ""
    con = duckdb.connect()
    try:
        return con.sql(
            f"SELECT * {exclude} FROM read_csv($file, delim=$delim, header=true, skip=$skip, "
            "encoding=$enc, auto_type_candidates=['BIGINT', 'DOUBLE', 'VARCHAR'])",
            params={"file": file, "delim": delimiter, "skip": skip, "enc": encoding}).to_arrow_table()
    finally:
        con.close()


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


class _on_disk:
    """DuckDB reads files, not bytes: use the path when there is one, else a temporary copy."""

    def __init__(self, path, data: bytes):
        self.path, self.data, self.temp = path, data, None

    def __enter__(self) -> str:
        if self.path and Path(self.path).exists():
            return str(self.path)
        handle, self.temp = tempfile.mkstemp(suffix=".csv")
        with os.fdopen(handle, "wb") as out:
            out.write(self.data)
        return self.temp

    def __exit__(self, *exc):
        if self.temp:
            os.unlink(self.temp)
