"""Bytes -> cell grids: the only IO of the loaders.

    wb = read_file("rekap_2025.xlsx")                 # or read_file(None, data, name="x.xlsx")
    wb.sheets[0].rows[4][2]                          # cached values, 0-based like Sheet.merged

The type comes from the bytes, not the extension. Safety checks (size, zip bomb, encryption, shape)
run before any parser; personal-data columns are blanked on read and listed in wb.dropped_columns
(blanked, not removed, so cell references in messages stay true), and columns whose cells hold a
NIK or a mobile number under any other header are listed in wb.personal_values (the original of
such a file is never kept: personal_data_reason). A sheet longer than
Limits.grid_rows keeps only its first rows as a grid (Sheet.truncated) and the whole table comes as an
Arrow table in wb.frame (the fast path for ticket exports; see read_table).
loaders/read_guarded.py runs read_file in a child process under memory and time limits: how every
user's file is read.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from contextlib import contextmanager
from itertools import zip_longest
from pathlib import Path
from xml.etree.ElementTree import ParseError

import fastexcel
import pyarrow as pa
import python_calamine as calamine

from loaders import fast, safety, xlsx_parts
from loaders.fast import dropped_columns, read_table
from loaders.model import FileRefused, Sheet, Workbook
from loaders.normalize import looks_personal
from loaders.safety import DEFAULT_LIMITS, Limits
from loaders.tabular import blank_personal_columns, header_row_index

__all__ = ["DEFAULT_LIMITS", "Limits", "dropped_columns", "read_file", "read_table"]


def read_file(
    path, data: bytes | None = None, *, name: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Workbook:
    """Read an upload into a Workbook, or raise FileRefused naming the file and the fix."""
    file = name or (Path(path).name if path else "berkas")
    if data is None and Path(path).stat().st_size > limits.stream_over:
        safety.check_size(Path(path).stat().st_size, file, limits, limits.max_stream_bytes)
        streamed = fast.csv_from_disk(path, file, limits)
        if streamed:
            return _workbook(file, streamed[2], [streamed[0]], streamed[1])
    data = _bytes(path, data, file, limits)
    kind = safety.sniff_kind(data, file)
    if kind == "csv":
        sheet, frame = fast.csv_sheet(data, file, limits, path)
        sheets = [sheet]
    elif kind == "json":
        sheets, frame = [_json_sheet(data, file, limits)], None
    else:
        sheets, frame = _excel_sheets(data, file, kind, limits)
    return _workbook(file, hashlib.sha256(data).hexdigest(), sheets, frame)


def _workbook(file: str, sha256: str, sheets: list[Sheet], frame) -> Workbook:
    _check_numbers(sheets, frame, file)
    sheets, dropped = _without_personal(sheets)
    dropped += fast.dropped_columns(frame) if frame is not None else ()
    found = [c for sheet in sheets for c in _grid_personal_values(sheet)]
    found += _frame_personal_values(frame) if frame is not None else []
    return Workbook(
        file,
        sha256,
        sheets,
        tuple(dict.fromkeys(d for d in dropped if d)),
        frame,
        tuple(dict.fromkeys(found)),
    )


def _bytes(path, data: bytes | None, file: str, limits: Limits) -> bytes:
    if data is None:
        safety.check_size(Path(path).stat().st_size, file, limits)  # before reading it at all
        data = Path(path).read_bytes()
    safety.check_size(len(data), file, limits)
    return data


# ---- numbers no count can be: past BIGINT (the store's type), infinite or NaN ------------------------

BIGINT = 2**63


def _check_numbers(sheets: list[Sheet], frame, file: str) -> None:
    for sheet in sheets:
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if type(value) in (int, float) and not -BIGINT < value < BIGINT:
                    raise _out_of_range(file, sheet.name, f"{safety.column_letters(c + 1)}{r + 1}", value)
    if frame is not None:
        _check_frame_numbers(frame, file)


def _check_frame_numbers(frame: pa.Table, file: str) -> None:
    """Arrow integers cannot pass BIGINT; floats can, and inf/NaN (NaN compares false: refused too)."""
    import pyarrow.compute as pc  # 0,2 s to import: only for the long tables that need it

    for name, column in zip(frame.column_names, frame.columns, strict=True):
        if pa.types.is_floating(column.type) and column.null_count < len(column):
            inside = pc.less(pc.abs(column), float(BIGINT))
            if not pc.all(pc.fill_null(inside, True)).as_py():
                raise _out_of_range(file, None, None, f"kolom '{name}'")


def _out_of_range(file: str, sheet: str | None, cell: str | None, value) -> FileRefused:
    where = f"Sel {cell} di sheet '{sheet}' berkas {file}" if cell else f"Berkas {file}"
    shown = f"{value:.6g}" if isinstance(value, float) else str(value)[:40]
    return safety.refuse(
        "number_out_of_range",
        file,
        f"{where} berisi angka {shown} di luar jangkauan "
        f"(lebih dari {safety.fmt_int(BIGINT - 1)}, tak berhingga, atau bukan angka). "
        "Perbaiki sel itu, simpan, lalu unggah lagi. / Number out of range.",
        sheet,
        cell,
    )


def _without_personal(sheets: list[Sheet]) -> tuple[list[Sheet], tuple[str, ...]]:
    kept: list[Sheet] = []
    dropped: tuple[str, ...] = ()
    for sheet in sheets:
        rows, names = blank_personal_columns(sheet.rows)
        kept.append(
            Sheet(sheet.name, rows, sheet.hidden, sheet.merged, sheet.formulas_without_value, sheet.truncated)
        )
        dropped += tuple(names)
    return kept, dropped


# ---- personal values under any header (a NIK under 'Keterangan') ------------------------------------


def personal_data_reason(book: Workbook) -> str | None:
    """Why this file's original may not be kept (UU 27/2022), or None: the personal-data columns the
    reader dropped (their labels), and the columns holding a value that looks like a NIK or a mobile
    number. Labels only, never a value: the reason is stored and shown in Riwayat."""
    reasons = [", ".join(book.dropped_columns)] if book.dropped_columns else []
    if book.personal_values:
        reasons.append(f"nilai mirip NIK/nomor HP di kolom {', '.join(book.personal_values)}")
    return "; ".join(reasons) or None


def _grid_personal_values(sheet: Sheet) -> list[str]:
    """The columns (header label, else letter) of a grid with a cell that looks_personal, each
    distinct value checked once (a 99.000-row ticket sheet: 0,3 s). Whole numbers are read as their
    digits: a NIK typed as a number is a 16-digit int (or float)."""
    header = header_row_index(sheet.rows)
    labels = sheet.rows[header] if header is not None else []
    found = []
    for c, column in enumerate(zip_longest(*sheet.rows)):
        texts = (_as_text(value) for value in set(column))
        if any(looks_personal(t) for t in texts if isinstance(t, str) and len(t) >= 9):  # 9+ digits
            label = labels[c] if c < len(labels) and isinstance(labels[c], str) else None
            found.append(label.strip() if label and label.strip() else safety.column_letters(c + 1))
    return found


def _as_text(value):
    if type(value) is float and value.is_integer():
        return str(int(value))
    return str(value) if type(value) is int else value


def _frame_personal_values(frame) -> list[str]:
    """The columns of a long table (text, or whole numbers as digits) with a value that
    looks_personal. Arrow narrows each column to its distinct values (whole numbers: those of nine
    digits or more), then to those with nine digits in a row once spaces and dashes go (what every
    match needs), so looks_personal sees a few candidates, not millions of rows: 1M tickets in
    0,06 s, 0,7 s when a column holds 1M distinct NIKs."""
    import pyarrow.compute as pc

    found = []
    for name, column in zip(frame.column_names, frame.columns, strict=True):
        if pa.types.is_floating(column.type):  # inf and NaN were refused by _check_numbers
            column = pc.cast(column.filter(pc.equal(column, pc.floor(column))), pa.int64(), safe=False)
        if pa.types.is_integer(column.type):
            column = pc.cast(pc.unique(column.filter(pc.greater_equal(column, 10**8))), pa.string())
        elif pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            column = pc.unique(column)
        else:
            continue
        digits = pc.replace_substring_regex(column, r"[ -]", "")
        candidates = column.filter(pc.match_substring_regex(digits, r"\d{9}"))
        if any(looks_personal(v) for v in candidates.to_pylist()):
            found.append(name)
    return found


# ---- Excel (.xlsx, .xlsm, .xlsb, .ods, .xls) through calamine ------------------------------------


def _excel_sheets(data: bytes, file: str, kind: str, limits: Limits):
    parts = None
    if kind in ("xlsx", "ods"):
        safety.check_zip(data, file, limits)
        with xml_refusals(file):
            parts = xlsx_parts.XlsxParts(data) if kind == "xlsx" else None
            _check_shared_strings(parts)
    book = _open_book(data, file)
    sheets, frame = [], None
    for meta in book.sheets_metadata:
        with safety.unexpected_as_refusal(file, meta.name):
            shape = _checked_shape(parts, meta.name, file, limits) if parts else None
            if parts and frame is None and parts.is_long(meta.name, shape, limits.grid_rows):
                sheets.append(_head_sheet(parts, meta, file, limits))
                frame = _long_frame(data, meta.name, file, limits)
                continue
            sheets.append(_grid_sheet(book, meta, file, parts, limits))
    return sheets, frame


# What a hostile or broken XML part raises in xlsx_parts: each is the file's fault, so a refusal.
PART_ERRORS = (ParseError, ValueError, IndexError, KeyError, zipfile.BadZipFile, EOFError, zlib.error)


@contextmanager
def xml_refusals(file: str, sheet: str | None = None):
    try:
        yield
    except PART_ERRORS as exc:
        where = f"sheet '{sheet}': " if sheet else ""
        raise safety.corrupt(file, where + _short(exc), sheet) from None


def _long_frame(data: bytes, sheet: str, file: str, limits: Limits):
    try:
        return fast.excel_frame(data, sheet, limits)
    except fastexcel.FastExcelError as exc:
        raise safety.corrupt(file, f"sheet '{sheet}': {_short(exc)}", sheet) from None


def _check_shared_strings(parts) -> None:
    """Inflate sharedStrings.xml once through zipfile, which stops at its declared size (checked
    against the cap) with a CRC error: calamine would inflate a lying member to its real size."""
    if parts and "xl/sharedStrings.xml" in parts.zip.namelist():
        with parts.open("xl/sharedStrings.xml") as stream:
            while stream.read(xlsx_parts.CHUNK):
                pass


def _checked_shape(
    parts: xlsx_parts.XlsxParts, sheet: str, file: str, limits: Limits
) -> tuple[int, int] | None:
    """The declared dimensions (calamine reserves them) and the real extent, both checked."""
    with xml_refusals(file, sheet):
        declared, real = parts.dimensions(sheet), parts.extent(sheet, limits.extent_scan)
    if declared:
        safety.check_shape(*declared, file, sheet, limits)
    if real:
        rows, cols, farthest = real
        safety.check_shape(rows, cols, file, sheet, limits, farthest)
    return real[:2] if real else declared


def _open_book(data: bytes, file: str):
    try:
        return calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise safety.encrypted(file) from None
    except (calamine.CalamineError, ValueError, OSError) as exc:
        raise safety.corrupt(file, _short(exc)) from None


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def _grid_sheet(book, meta, file: str, parts, limits: Limits) -> Sheet:
    try:
        raw = book.get_sheet_by_name(meta.name)
    except calamine.PasswordError:
        raise safety.encrypted(file) from None
    except (calamine.CalamineError, ValueError) as exc:
        raise safety.corrupt(file, f"sheet '{meta.name}': {_short(exc)}") from None
    safety.check_shape(raw.total_height, raw.total_width, file, meta.name, limits)
    rows = [[cell_value(c) for c in row] for row in raw.to_python(skip_empty_area=False)]
    merged = tuple((a[0], a[1], b[0], b[1]) for a, b in (raw.merged_cell_ranges or ()))
    with xml_refusals(file, meta.name):
        missing = parts.formulas_without_value(meta.name) if parts else ()
    return Sheet(meta.name, rows, _hidden(meta), merged, missing)


def _head_sheet(parts, meta, file: str, limits: Limits) -> Sheet:
    """The first rows of a big sheet, for layout detection; the rows themselves are in the frame.
    Streamed from the XML, so date cells hold Excel serials here (parse_date reads them)."""
    with xml_refusals(file, meta.name):
        rows = parts.head_rows(meta.name, limits.head_rows)
    return Sheet(meta.name, [[cell_value(c) for c in row] for row in rows], _hidden(meta), truncated=True)


def _hidden(meta) -> bool:
    return meta.visible != calamine.SheetVisibleEnum.Visible


def cell_value(cell):
    """calamine's value as the layouts want it: '' -> None, 12.0 -> 12, text stripped of NBSP."""
    if cell == "" or cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 2**53:
        return int(cell)
    if isinstance(cell, str):
        text = cell.replace("\u00a0", " ")
        return text if text.strip() else None
    return cell


# ---- JSON: a list of records, or the first list of records inside an object ------------------------


def _json_sheet(data: bytes, file: str, limits: Limits) -> Sheet:
    try:
        records = _first_records(json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant))
    except RecursionError:
        raise safety.corrupt(file, "JSON bersarang terlalu dalam / JSON nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, a 5000-digit number
        raise safety.corrupt(file, f"JSON tidak valid: {_short(exc)}") from None
    if not records:
        raise safety.not_spreadsheet(file, "JSON tanpa daftar baris (list of objects)")
    header = list(dict.fromkeys(k for r in records for k, v in r.items() if not _nested(v)))
    safety.check_shape(len(records) + 1, len(header), file, None, limits)
    rows = [header] + [[cell_value(r.get(k)) for k in header] for r in records]
    return Sheet(Path(file).stem, rows)


def _no_constant(name: str):
    raise ValueError(f"{name} bukan angka / not a number")


def _nested(value) -> bool:
    return isinstance(value, (dict, list))


def _first_records(node):
    """Breadth-first: the first list whose items are all objects."""
    queue = [node]
    while queue:
        item = queue.pop(0)
        if isinstance(item, list) and item and all(isinstance(x, dict) for x in item):
            return item
        queue.extend(item.values() if isinstance(item, dict) else item if isinstance(item, list) else [])
    return None
