"""Hostile files, made in code and small on disk: what an attacker (or a broken exporter) hands the
upload page, the draft checker or the command line. Every maker returns the file's bytes.

    data = far_cell_xlsx("XFD1048576")       # 5 KB; a dense grid to that cell would need 549 GB
"""

from __future__ import annotations

import io
import struct
import zipfile

from tests.filemakers import write_xlsx

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _recap_parts() -> dict[str, bytes]:
    buffer = io.BytesIO()
    write_xlsx(buffer, {"Rekap": [["NO", "INSTANSI", "JANUARI"], [1, "Disdukcapil", 10]]})
    with zipfile.ZipFile(buffer) as source:
        return {item.filename: source.read(item) for item in source.infolist()}


def xlsx_with(replace: dict[str, bytes], stored: dict[str, bytes] | None = None) -> bytes:
    """A small recap .xlsx with some parts replaced (deflated) and some added uncompressed."""
    parts = {**_recap_parts(), **replace}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
        for name, data in (stored or {}).items():
            out.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def sheet_xml(cells: str, dimension: str | None = None, prolog: str = "") -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{MAIN}">{dim}'
        f"<sheetData>{cells}</sheetData></worksheet>"
    ).encode()


def far_cell_xlsx(ref: str = "XFD1048576") -> bytes:
    """A1 and one cell far away, no <dimension>: calamine would allocate the whole grid between."""
    row = int("".join(c for c in ref if c.isdigit()))
    cells = (
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>NO</t></is></c></row>'
        f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'
    )
    return xlsx_with({"xl/worksheets/sheet1.xml": sheet_xml(cells)})


def padded_shared_strings_xlsx(megabytes: int = 24, padding_kb: int = 400) -> bytes:
    """sharedStrings.xml inflating ~1000x, diluted by a stored member of random-looking bytes so the
    ratio over the whole file stays low (the 16,7 MB / 1,8 GB attack, scaled down)."""
    strings = (f'<sst xmlns="{MAIN}"><si><t>' + "A" * (megabytes * 1024 * 1024) + "</t></si></sst>").encode()
    padding = bytes((i * 7919 + (i >> 8) * 31) % 251 for i in range(padding_kb * 1024))
    return xlsx_with({"xl/sharedStrings.xml": strings}, stored={"xl/media/padding.bin": padding})


def lying_sizes_xlsx() -> bytes:
    """Every zip header of the sheet says it unpacks to 10 bytes; it unpacks to much more."""
    return lie_about_size(xlsx_with({}), "xl/worksheets/sheet1.xml", 10)


def lie_about_size(archive: bytes, member: str, size: int) -> bytes:
    """The zip with the member's uncompressed size in its local and central headers set to size."""
    data, name = bytearray(archive), member.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = data.find(signature)
        while start >= 0:
            if data[start + name_at : start + name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_at, size)
            start = data.find(signature, start + 4)
    return bytes(data)


def long_sheet_xlsx(
    head_cells: str, rows: int = 100_050, prolog: str = "", strings: tuple[str, ...] = ()
) -> bytes:
    """A sheet reaching further down than a grid holds (so its head is streamed from the XML by
    xlsx_parts.head_rows), whose first row is head_cells as written; two rows, a few KB."""
    last = f'<row r="{rows}"><c r="A{rows}"><v>1</v></c></row>'
    xml = sheet_xml(f'<row r="1">{head_cells}</row>{last}', f"A1:C{rows}", prolog)
    shared = f'<sst xmlns="{MAIN}">' + "".join(f"<si><t>{t}</t></si>" for t in strings) + "</sst>"
    return xlsx_with(
        {"xl/worksheets/sheet1.xml": xml, **({"xl/sharedStrings.xml": shared.encode()} if strings else {})}
    )


ENTITY_PROLOG = (
    '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)


def huge_number_xlsx(value: float = 1e300) -> bytes:
    """A recap whose Disdukcapil JANUARI (C2) holds a number no count can be."""
    buffer = io.BytesIO()
    write_xlsx(buffer, {"Rekap": [["NO", "INSTANSI", "JANUARI"], [1, "Disdukcapil", value]]})
    return buffer.getvalue()


def nested_json(depth: int = 100_000) -> bytes:
    return b"[" * depth + b"]" * depth


def json_records(value: str) -> bytes:
    """A list of records whose JANUARI figure of Disdukcapil is `value` as written in the JSON."""
    return (
        f'[{{"INSTANSI": "Disdukcapil", "JANUARI": {value}}}, {{"INSTANSI": "Samsat", "JANUARI": 5}}]'
    ).encode()


def docx_bomb(megabytes: int = 60) -> bytes:
    """A .docx whose word/document.xml inflates ~1000x (the 240 KB / 60 MB draft of issue 10)."""
    word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    text = "Kunjungan 41.481 orang. " * (megabytes * 1024 * 1024 // 24)
    xml = (
        f'<w:document xmlns:w="{word}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", "<Types/>")
        out.writestr("word/document.xml", xml)
    return buffer.getvalue()
