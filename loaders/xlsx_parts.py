"""What calamine does not tell about an .xlsx, read from its XML parts: the dimensions each worksheet
declares and its real extent (checked before calamine allocates a dense grid) and formula cells that
carry no cached value.

Every part parsed here is checked first for a DOCTYPE (UnsafeXml): the stdlib's expat expands internal
entities. Python's zipfile checks each member's CRC at its end, so a member lying about its size
raises BadZipFile rather than inflating past it; read.py turns these errors into refusals.

A workbook written by a program (openpyxl, some web exports) and never opened in Excel has formulas
without results: calamine then returns an empty cell, which would silently load as "not reported".
"""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile

from loaders.safety import MB, column_letters, column_number, declared_dimensions
from mpp.guard import unsafe_xml

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
CACHED = re.compile(rb"<v>[^<]+</v>")
FORMULA_SCAN_LIMIT = 64 * MB
BYTES_PER_ROW = 200  # bigger sheets are ticket exports: plain values, no formulas
# Any r="..." attribute: a cell's (B7) or a row's (7). Calamine places a cell by its own r, not its row's.
REFERENCE = re.compile(rb' r="([A-Z]*)(\d+)"')
CHUNK = 4 * MB


class UnsafeXml(ValueError):
    """An XML part with a DOCTYPE (entities), or not UTF-8: refused before parsing."""


class XlsxParts:
    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.members = _sheet_members(self)

    def dimensions(self, sheet: str) -> tuple[int, int] | None:
        member = self.members.get(sheet)
        return declared_dimensions(self.zip, member) if member else None

    def extent(self, sheet: str, scan_limit: int) -> tuple[int, int, str] | None:
        """(rows, cols, farthest cell) the sheet really reaches, from every r="..." in its XML, not
        its <dimension>: a 5 KB sheet with cells A1 and XFD1048576 would make calamine allocate
        549 GB. Sheets bigger than scan_limit (ticket exports) are left to the child's memory cap."""
        member = self.members.get(sheet)
        if not member or self.zip.getinfo(member).file_size > scan_limit:
            return None
        rows, col = 0, b""
        with self.open(member) as stream:
            tail = b""
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                block = tail + chunk
                found = REFERENCE.findall(block)
                rows = max([rows, *map(int, {r for _, r in found})])
                col = max([col, *{c for c, _ in found}], key=lambda c: (len(c), c))
                tail = block[-64:]
        cols = column_number(col.decode()) if col else 1
        return rows, cols, f"{column_letters(cols)}{rows}"

    def open(self, member: str):
        """The member as a stream, once its start is known to be safe XML."""
        with self.zip.open(member) as stream:
            why = unsafe_xml(stream.read(65536))
        if why:
            raise UnsafeXml(f"{member}: {why}")
        return self.zip.open(member)

    def read(self, member: str) -> bytes:
        data = self.zip.read(member)
        why = unsafe_xml(data[:65536])
        if why:
            raise UnsafeXml(f"{member}: {why}")
        return data

    def is_long(self, sheet: str, shape: tuple[int, int] | None, grid_rows: int) -> bool:
        """More rows than a grid should hold: as declared, or (some writers declare nothing)
        guessed from the XML size at a generous 200 bytes per row."""
        if shape:
            return shape[0] > grid_rows
        member = self.members.get(sheet)
        if not member:
            return False
        return self.zip.getinfo(member).file_size > grid_rows * BYTES_PER_ROW

    def formulas_without_value(self, sheet: str) -> tuple[tuple[int, int], ...]:
        """((row, col), ...) 0-based: cells with <f> but no non-empty <v>."""
        member = self.members.get(sheet)
        if not member or self.zip.getinfo(member).file_size > FORMULA_SCAN_LIMIT:
            return ()
        xml = self.read(member)
        return tuple(cell for cell in map(_uncached_formula, _formula_cells(xml)) if cell)

    def head_rows(self, sheet: str, n_rows: int) -> list[list]:
        """The first n_rows of a worksheet as cell values (text, numbers; dates stay serials),
        streamed: a 1M-row sheet is not parsed to find its header."""
        member = self.members.get(sheet)
        if not member:
            return []
        grid: dict[int, dict[int, object]] = {}
        with self.open(member) as stream:
            for _, element in ET.iterparse(stream):
                if element.tag == f"{{{NS['m']}}}row":
                    grid[int(element.get("r", len(grid) + 1)) - 1] = _row_cells(element)
                    element.clear()
                    if len(grid) >= n_rows:
                        break
        return _resolve_strings(self, _as_rows(grid, n_rows))


def _formula_cells(xml: bytes):
    """The XML of each cell holding a formula, found from its <f> (a recap has few formulas;
    scanning every cell would cost more than reading the sheet)."""
    for found in re.finditer(rb"<f[ >/]", xml):
        start, end = xml.rfind(b"<c ", 0, found.start()), xml.find(b"</c>", found.end())
        if start >= 0 and end >= 0:
            yield xml[start:end]


def _uncached_formula(cell: bytes) -> tuple[int, int] | None:
    ref = re.match(rb'<c r="([A-Z]+)(\d+)"', cell)
    if not ref or CACHED.search(cell):
        return None
    return int(ref.group(2)) - 1, column_number(ref.group(1).decode()) - 1


def _row_cells(row) -> dict[int, object]:
    cells: dict[int, object] = {}
    for index, cell in enumerate(row.iterfind("m:c", NS)):
        ref = re.match(r"([A-Z]+)", cell.get("r", "")) if cell.get("r") else None
        col = column_number(ref.group(1)) - 1 if ref else index
        kind, value = cell.get("t", "n"), cell.findtext("m:v", None, NS)
        if kind == "inlineStr":
            cells[col] = "".join(t.text or "" for t in cell.iter(f"{{{NS['m']}}}t"))
        elif kind == "s" and value:
            cells[col] = SharedIndex(int(value))
        elif value:
            cells[col] = value if kind in ("str", "e") else _number(value)
    return cells


class SharedIndex(int):
    """A cell that points into sharedStrings.xml, resolved once the head is read."""


def _number(text: str):
    number = float(text)
    return int(number) if number.is_integer() else number


def _as_rows(grid: dict[int, dict[int, object]], n_rows: int) -> list[list]:
    width = max((max(cells, default=-1) + 1 for cells in grid.values()), default=0)
    height = min(n_rows, max(grid, default=-1) + 1)
    return [[grid.get(r, {}).get(c) for c in range(width)] for r in range(height)]


def _resolve_strings(parts: XlsxParts, rows: list[list]) -> list[list]:
    """Replace SharedIndex cells by their text, streaming sharedStrings.xml only as far as needed."""
    wanted = max((c for row in rows for c in row if isinstance(c, SharedIndex)), default=-1)
    if wanted < 0:
        return rows
    strings = []
    with parts.open("xl/sharedStrings.xml") as stream:
        for _, element in ET.iterparse(stream):
            if element.tag == f"{{{NS['m']}}}si":
                strings.append("".join(t.text or "" for t in element.iter(f"{{{NS['m']}}}t")))
                element.clear()
                if len(strings) > wanted:
                    break
    return [[strings[c] if isinstance(c, SharedIndex) else c for c in row] for row in rows]


def _sheet_members(parts: XlsxParts) -> dict[str, str]:
    """Sheet name -> zip member of its XML, through workbook.xml and its relationships."""
    zf = parts.zip
    try:
        book = ET.fromstring(parts.read("xl/workbook.xml"))
        rels = ET.fromstring(parts.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", NS)}
    members = {}
    for sheet in book.iterfind("m:sheets/m:sheet", NS):
        target = targets.get(sheet.get(f"{{{NS['r']}}}id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        name = sheet.get("name")
        if name is not None and path in zf.namelist():  # a sheet without a name is never asked for
            members[name] = path
    return members
