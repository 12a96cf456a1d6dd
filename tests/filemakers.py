"""Files as offices send them, written in code to a tmp path. Every maker returns the path.

path = write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": [["NO", "INSTANSI"], [1, "Disdukcapil"]]})
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import xlsxwriter
import xlwt

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"


def write_xlsx(
    path: Path,
    sheets: dict[str, list[list]],
    *,
    merged: dict[str, list[str]] | None = None,
    hidden: tuple[str, ...] = (),
) -> Path:
    """An .xlsx written by openpyxl: values as given, formulas ('=SUM(..)') WITHOUT cached values,
    merged ranges per sheet as 'A1:C1', and hidden sheets."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in (merged or {}).get(name, []):
            sheet.merge_cells(cells)
        sheet.sheet_state = "hidden" if name in hidden else "visible"
    book.save(path)
    return Path(path) if isinstance(path, (str, Path)) else path


def write_xlsx_cached(path: Path, rows: list[list], formulas: dict[str, tuple[str, int]]) -> Path:
    """An .xlsx whose formulas carry cached values, as Excel saves them: formulas maps 'C4' to
    ('=SUM(C2:C3)', cached_value)."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Rekap")
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    for cell, (formula, value) in formulas.items():
        sheet.write_formula(cell, formula, None, value)
    book.close()
    return Path(path)


def write_xls(
    path: Path,
    sheets: dict[str, list[list]],
    *,
    merged: dict[str, list[tuple[int, int, int, int]]] | None = None,
    hidden: tuple[str, ...] = (),
) -> Path:
    """An old binary .xls (BIFF8), as local governments still send. merged: per sheet, 0-based
    (first_row, first_col, last_row, last_col) areas, valued by their top-left cell in rows."""
    book = xlwt.Workbook()
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        areas = (merged or {}).get(name, [])
        covered = {
            (r, c)
            for top, left, bottom, right in areas
            for r in range(top, bottom + 1)
            for c in range(left, right + 1)
        }
        for top, left, bottom, right in areas:
            sheet.write_merge(top, bottom, left, right, rows[top][left])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None and (r, c) not in covered:
                    sheet.write(r, c, value)
        sheet.visibility = 1 if name in hidden else 0
    book.save(str(path))
    return Path(path)


def write_csv(path: Path, rows: list[list], *, delimiter: str = ";", encoding: str = "utf-8-sig") -> Path:
    text = "\r\n".join(delimiter.join("" if v is None else str(v) for v in row) for row in rows)
    Path(path).write_bytes((text + "\r\n").encode(encoding))
    return Path(path)


def write_encrypted_xlsx(path: Path, password: str = "rahasia") -> Path:
    """A password-protected .xlsx: an OLE2 container holding EncryptionInfo + EncryptedPackage."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(Path(path).with_suffix(".plain.xlsx"), {"Rekap": [["NO", "INSTANSI"], [1, "X"]]})
    with open(plain, "rb") as source, open(path, "wb") as out:
        OOXMLFile(source).encrypt(password, out)
    plain.unlink()
    return Path(path)


def write_zip_bomb(path: Path, megabytes: int = 200) -> Path:
    """A valid-looking .xlsx whose one worksheet inflates ~1000x: megabytes of zeros, a few KB packed."""
    buffer = io.BytesIO()
    write_xlsx(buffer, {"Rekap": [["NO", "INSTANSI"]]})
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, source.read(item))
        with out.open("xl/worksheets/padding.xml", "w") as pad:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                pad.write(chunk)
    return Path(path)


def write_wide_xlsx(path: Path, dimension: str = "A1:XFD1048576") -> Path:
    """An .xlsx whose worksheet declares an absurd <dimension> (the whole grid), with tiny content."""
    buffer = io.BytesIO()
    write_xlsx(buffer, {"Rekap": [["NO", "INSTANSI"], [1, "X"]]})
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b'<dimension ref="A1:B2"/>', f'<dimension ref="{dimension}"/>'.encode())
            out.writestr(item, data)
    return Path(path)


def truncate(path: Path, keep: float = 0.5) -> Path:
    """The same file cut short, as an interrupted upload or copy leaves it."""
    data = Path(path).read_bytes()
    Path(path).write_bytes(data[: int(len(data) * keep)])
    return Path(path)


def write_png(path: Path) -> Path:
    """A PNG image, to be saved under a spreadsheet's name."""
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    Path(path).write_bytes(header + b"\x00" * 64)
    return Path(path)


def write_pdf(path: Path) -> Path:
    Path(path).write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    return Path(path)


def write_ticket_csv(path: Path, rows: int, *, with_personal: bool = True) -> Path:
    """A ticket-level queue export: one row per ticket, optionally with NIK, name and phone."""
    header = ["No", "Tanggal", "Jam", "Instansi", "Layanan", "Loket", "Status"]
    header += ["NIK", "Nama", "No HP"] if with_personal else []
    lines = [";".join(header)]
    statuses = ["Selesai", "Selesai", "Selesai", "Batal", "Tidak Hadir"]
    for i in range(rows):
        line = [
            str(i + 1),
            f"{i % 28 + 1:02d}/01/2025",
            "08:15",
            "Disdukcapil",
            "KTP-el",
            str(i % 4 + 1),
            statuses[i % 5],
        ]
        line += [f"3201{i:012d}", f"Warga {i}", f"0812{i:08d}"] if with_personal else []
        lines.append(";".join(line))
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Path(path)
