"""The fast path: whole tables as Arrow, without Python lists of a million rows. Ticket exports
come this way: Excel through one fastexcel parse of the non-personal columns (the header found in
the streamed head of the sheet XML), CSV through DuckDB's read_csv, streamed from disk when it is
on disk. Personal columns are never read into the table; their labels ride in its metadata.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import fastexcel
import pyarrow as pa

from loaders import safety, tabular
from loaders.model import Sheet
from loaders.normalize import is_personal_column
from loaders.safety import DEFAULT_LIMITS, Limits
from loaders.tabular import (
    HEADER_SEARCH_ROWS,
    csv_rows,
    decode,
    head_lines,
    header_row_index,
    sniff_delimiter,
    square,
)
from loaders.xlsx_parts import XlsxParts


def csv_sheet(
    data: bytes, file: str, limits: Limits = DEFAULT_LIMITS, path=None
) -> tuple[Sheet, pa.Table | None]:
    """One sheet named after the file; a CSV longer than grid_rows keeps its head as the grid and
    comes whole as an Arrow frame (read from path when given, saving a temporary copy)."""
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    rows = csv_rows(head_lines(data) if lines > limits.grid_rows else data)
    safety.check_shape(lines, max((len(r) for r in rows[:1000]), default=0), file, None, limits)
    if lines <= limits.grid_rows:
        return Sheet(Path(file).stem, square(rows)), None
    frame = _csv_table(path, data, None)
    return Sheet(Path(file).stem, square(rows[: limits.head_rows]), truncated=True), frame


def csv_from_disk(path, file: str, limits: Limits) -> tuple[Sheet, pa.Table, str] | None:
    """A big CSV on disk, never held whole: hashed and counted in chunks, parsed by DuckDB from
    the file. (sheet of head rows, frame, sha256), or None when it is not a long CSV."""
    with open(path, "rb") as handle:
        head = handle.read(tabular.HEAD_BYTES)
    if head.startswith((b"PK", safety.CFB_MAGIC)) or safety.sniff_kind(head, file) != "csv":
        return None
    digest, lines = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(8 * safety.MB), b""):
            digest.update(chunk)
            lines += chunk.count(b"\n")
    if lines <= limits.grid_rows:
        return None
    rows = csv_rows(head_lines(head))
    safety.check_shape(lines, max((len(r) for r in rows), default=0), file, None, limits)
    sheet = Sheet(Path(file).stem, square(rows[: limits.head_rows]), truncated=True)
    return sheet, _csv_table(path, head, None), digest.hexdigest()


# ---- whole tables, from bytes or a path ----------------------------------------------------------


def read_table(
    path,
    data: bytes | None = None,
    *,
    sheet: str | int | None = None,
    header_row: int | None = None,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> pa.Table:
    """A whole ticket export as an Arrow table, personal columns left out (their labels are in
    dropped_columns(table)). header_row (0-based) is found when not given. Excel via fastexcel,
    CSV via DuckDB read_csv; dates stay text for the layout to parse day-first."""
    file = name or (Path(path).name if path else "berkas")
    source = data if data is not None else Path(path).read_bytes()
    safety.check_size(len(source), file, limits)
    kind = safety.sniff_kind(source, file)
    if kind == "csv":
        return _csv_table(path, source, header_row)
    if kind in ("xlsx", "ods"):
        safety.check_zip(source, file, limits)
    return _excel_table(source, sheet if sheet is not None else 0, header_row, limits)


def excel_frame(data: bytes, sheet: str, limits: Limits = DEFAULT_LIMITS) -> pa.Table:
    """A big sheet of a workbook read_file already checked, as Arrow (the fast path)."""
    return _excel_table(data, sheet, None, limits)


def dropped_columns(table: pa.Table) -> tuple[str, ...]:
    meta = (table.schema.metadata or {}).get(b"dropped_columns", b"")
    return tuple(filter(None, meta.decode().split("|")))


def _with_dropped(table: pa.Table, dropped: list[str]) -> pa.Table:
    return table.replace_schema_metadata({b"dropped_columns": "|".join(dropped).encode()})


def excel_head(data: bytes, sheet: str | int, n_rows: int) -> list[list]:
    """The first rows of a sheet. From the .xlsx XML, streamed, when it is one: fastexcel (like
    calamine) parses the whole sheet even for n_rows, which costs seconds on a ticket export."""
    if data.startswith(b"PK"):
        parts = XlsxParts(data)
        names = list(parts.members)
        name = names[sheet] if isinstance(sheet, int) and sheet < len(names) else sheet
        if name in parts.members:
            return parts.head_rows(name, n_rows)
    head = fastexcel.read_excel(data).load_sheet(sheet, header_row=None, n_rows=n_rows)
    return [list(r.values()) for r in head.to_arrow().to_pylist()]


def _excel_table(data: bytes, sheet, header_row: int | None, limits: Limits) -> pa.Table:
    """One fastexcel parse, of the non-personal columns only (chosen from the streamed head)."""
    head = excel_head(data, sheet, HEADER_SEARCH_ROWS)
    if header_row is None:
        header_row = header_row_index(head) or 0
    labels = head[header_row] if header_row < len(head) else []
    personal = {i for i, c in enumerate(labels) if isinstance(c, str) and is_personal_column(c, labels)}
    keep = [i for i in range(len(labels)) if i not in personal] or None
    loaded = fastexcel.read_excel(data).load_sheet(sheet, header_row=header_row, use_columns=keep)
    return _with_dropped(loaded.to_arrow(), [labels[i].strip() for i in sorted(personal)])


def _csv_table(path, data: bytes, header_row: int | None) -> pa.Table:
    text, encoding = decode(head_lines(data))
    delimiter = sniff_delimiter(text[:65536])
    head = csv_rows(head_lines(data))[:50]
    header_row = header_row if header_row is not None else header_row_index(head) or 0
    labels = head[header_row]
    dropped = [c for c in labels if isinstance(c, str) and is_personal_column(c, labels)]
    with _on_disk(path, data) as file:
        table = _duckdb_csv(file, delimiter, header_row, encoding, dropped)
    return _with_dropped(table, dropped)


def _duckdb_csv(file: str, delimiter: str, skip: int, encoding: str, dropped: list[str]) -> pa.Table:
    # DuckDB reads Latin-1 natively, not cp1252; the two differ only in rare 0x80-0x9F symbols.
    encoding = {"utf-8-sig": "utf-8", "cp1252": "latin-1"}.get(encoding, encoding)
    import duckdb  # 0,3 s to import: only for long CSVs, not in every guarded read's child

    exclude = f"EXCLUDE ({', '.join(_quote(c) for c in dropped)})" if dropped else ""
    con = duckdb.connect()
    try:
        return con.sql(
            f"SELECT * {exclude} FROM read_csv($file, delim=$delim, header=true, skip=$skip, "
            "encoding=$enc, auto_type_candidates=['BIGINT', 'DOUBLE', 'VARCHAR'])",
            params={"file": file, "delim": delimiter, "skip": skip, "enc": encoding},
        ).to_arrow_table()
    finally:
        con.close()


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


class _on_disk:
    """DuckDB reads files, not bytes: use the path when there is one, else a temporary copy."""

    def __init__(self, path, data: bytes):
        self.path, self.data = path, data
        self.temp: str | None = None

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
