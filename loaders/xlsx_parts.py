"""What calamine does not tell about an .xlsx, read from its XML parts: the dimensions each worksheet
declares (checked before parsing) and formula cells that carry no cached value.

A workbook written by a program (openpyxl, some web exports) and never opened in Excel has formulas
without results: calamine then returns an empty cell, which would silently load as "not reported".
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import xml.etree.ElementTree as ET

from loaders.safety import MB, column_number, declared_dimensions

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?:/>|>(.*?)</c>)', re.DOTALL)
CACHED = re.compile(rb"<v>[^<]+</v>")
FORMULA_SCAN_LIMIT = 64 * MB   # bigger sheets are ticket exports: plain values, no formulas


class XlsxParts:
    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.members = _sheet_members(self.zip)

    def dimensions(self, sheet: str) -> tuple[int, int] | None:
        member = self.members.get(sheet)
        return declared_dimensions(self.zip, member) if member else None

    def formulas_without_value(self, sheet: str) -> tuple[tuple[int, int], ...]:
        """((row, col), ...) 0-based: cells with <f> but no non-empty <v>."""
        member = self.members.get(sheet)
        if not member or self.zip.getinfo(member).file_size > FORMULA_SCAN_LIMIT:
            return ()
        xml = self.zip.read(member)
        if b"<f" not in xml:
            return ()
        return tuple((int(row) - 1, column_number(col.decode()) - 1)
                     for col, row, inner in CELL.findall(xml)
                     if inner and b"<f" in inner and not CACHED.search(inner))


def _sheet_members(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> zip member of its XML, through workbook.xml and its relationships."""
    try:
        book = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", NS)}
    members = {}
    for sheet in book.iterfind("m:sheets/m:sheet", NS):
        target = targets.get(sheet.get(f"{{{NS['r']}}}id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        if path in zf.namelist():
            members[sheet.get("name")] = path
    return members
