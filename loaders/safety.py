"""Checks on the raw bytes of an upload, made BEFORE any parser sees them: what the file really is
(whatever its extension says), whether it is empty, too big, a zip bomb, encrypted or absurdly wide.

Every refusal is a FileRefused carrying one Problem with a stable code and an Indonesian message that
names the file and says how to fix it.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from loaders import tabular
from loaders.model import FileRefused, Problem
from mpp.guard import stack_only

MB = 1024 * 1024
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """What an upload may be. The defaults admit a 1M-row ticket .xlsx (37 MB, ~10x compression)
    and a 10M-row ticket CSV, and refuse what would take the server down."""

    max_bytes: int = 400 * MB  # a file held in memory (uploads, workbooks)
    max_stream_bytes: int = 8192 * MB  # a long CSV on disk, streamed and never held whole
    stream_over: int = 64 * MB  # CSVs on disk bigger than this are streamed
    max_uncompressed: int = 2048 * MB  # all members of an .xlsx/.ods zip, as declared
    max_ratio: int = 200  # uncompressed / compressed, of the file and of each member
    # over 10 MB; deflate bombs reach ~1000, real sheets ~10-30
    max_shared_strings: int = 256 * MB  # sharedStrings.xml unpacked: calamine holds it whole; a 1M-row
    # ticket export with a name and phone per row has ~60 MB
    max_cells: int = 40_000_000  # rows x columns of the dense grid a reader allocates (~32 bytes
    # each in calamine): Excel's 1.048.576 rows x 38 columns
    extent_scan: int = 16 * MB  # sheet XML up to this size is scanned for its real extent:
    # every recap and monthly sheet (KBs); the scan costs ~1 s per
    # 16 MB on a loaded machine. Bigger sheets: the memory cap
    max_rows: int = 20_000_000
    max_cols: int = 1_000  # a daily matrix has ~35 columns, a ticket export ~20
    grid_rows: int = 100_000  # above this a sheet comes as an Arrow frame (fast path)
    head_rows: int = 50  # rows of a big sheet kept as a grid, for layout detection


DEFAULT_LIMITS = Limits()

SIGNATURES = [  # (magic bytes, what it is) for files that are surely not spreadsheets
    (b"%PDF", "PDF"),
    (b"\x89PNG", "gambar PNG"),
    (b"\xff\xd8\xff", "gambar JPEG"),
    (b"GIF8", "gambar GIF"),
    (b"\x1f\x8b", "arsip gzip"),
    (b"Rar!", "arsip RAR"),
    (b"7z\xbc\xaf", "arsip 7z"),
    (b"MZ", "program Windows"),
    (b"\x7fELF", "program"),
]
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2: old .xls, or an encrypted .xlsx
HOW_TO_SAVE = "Buka di Excel lalu simpan ulang sebagai Excel Workbook (.xlsx) atau CSV, dan unggah lagi."


def refuse(
    code: str, file: str, message: str, sheet: str | None = None, cell: str | None = None
) -> FileRefused:
    return FileRefused([Problem(code, message, file=file, sheet=sheet, cell=cell)])


def fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def sniff_kind(data: bytes, file: str) -> str:
    """'xlsx', 'ods', 'xls', 'json' or 'csv', from the bytes; refuses empty and non-spreadsheets."""
    if not data[:65536].strip() and not data.strip():  # strip() copies: only when it may be blank
        raise refuse(
            "empty",
            file,
            f"Berkas {file} kosong (0 byte atau hanya spasi). "
            "Periksa bahwa berkas yang benar terpilih, lalu unggah lagi.",
        )
    for magic, what in SIGNATURES:
        if data.startswith(magic):
            raise not_spreadsheet(file, f"isinya {what}")
    if data.startswith(b"PK"):
        return _zip_kind(data, file)
    if data.startswith(CFB_MAGIC):
        return _cfb_kind(data, file)
    return _text_kind(data, file)


def unexpected(file: str, sheet: str | None = None) -> FileRefused:
    """A failure that is not the file's known fault: said as a refusal, the traceback in the log."""
    where = f"sheet '{sheet}' berkas {file}" if sheet else f"berkas {file}"
    return refuse(
        "unexpected",
        file,
        f"Kesalahan tak terduga saat membaca {where}; berkas tidak dimuat. Laporkan ke admin "
        "beserta berkasnya. / Unexpected error while reading "
        + (f"sheet '{sheet}'" if sheet else "the file")
        + "; nothing was loaded.",
        sheet,
    )


@contextmanager
def unexpected_as_refusal(file: str, sheet: str | None = None) -> Iterator[None]:
    """Any error of ours (a bug, a cell no parser foresaw) while reading or parsing one sheet
    becomes the file's refusal naming that sheet; the traceback goes to the server log, never to
    the user. A refusal passes as itself, and running out of memory stays what the guard says."""
    try:
        yield
    except MemoryError:
        raise
    except Exception as exc:
        if getattr(exc, "refusal", False):
            raise
        log.error("unexpected error reading %s, sheet %s:\n%s", file, sheet, stack_only(exc))
        raise unexpected(file, sheet) from None


def not_spreadsheet(file: str, what: str) -> FileRefused:
    return refuse(
        "not_spreadsheet",
        file,
        f"Berkas {file} bukan lembar kerja ({what}), apa pun "
        f"ekstensinya. Unggah berkas Excel (.xlsx/.xls) atau CSV. {HOW_TO_SAVE}",
    )


def _zip_kind(data: bytes, file: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise corrupt(file, "arsip zip-nya terpotong atau rusak") from None
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return "xlsx"
    if "content.xml" in names and "mimetype" in names:
        return "ods"
    raise not_spreadsheet(file, "arsip zip tanpa buku kerja Excel, mis. dokumen Word")


def corrupt(file: str, why: str, sheet: str | None = None) -> FileRefused:
    return refuse(
        "corrupt",
        file,
        f"Berkas {file} rusak atau tidak lengkap ({why}). Biasanya unggahan "
        f"atau salinan terputus: ambil lagi berkas aslinya. {HOW_TO_SAVE}",
        sheet,
    )


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _cfb_kind(data: bytes, file: str) -> str:
    """An OLE2 container: an encrypted .xlsx carries EncryptionInfo/EncryptedPackage streams,
    an old .xls a Workbook (BIFF8) or Book (BIFF5) stream. Directory names are UTF-16LE."""
    if _utf16("EncryptionInfo") in data or _utf16("EncryptedPackage") in data:
        raise encrypted(file)
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "xls"
    if _cfb_truncated(data):
        raise corrupt(file, "berkas terpotong: daftar isinya hilang")
    raise not_spreadsheet(file, "dokumen Office lama yang bukan buku kerja Excel")


def _cfb_truncated(data: bytes) -> bool:
    """The header says where the directory sector is; a cut file ends before it."""
    if len(data) < 512:
        return True
    sector = 1 << int.from_bytes(data[0x1E:0x20], "little")
    directory = int.from_bytes(data[0x30:0x34], "little")
    return sector not in (512, 4096) or (directory + 2) * sector > len(data)


def encrypted(file: str) -> FileRefused:
    return refuse(
        "encrypted",
        file,
        f"Berkas {file} dilindungi kata sandi (terenkripsi), jadi tidak "
        "bisa dibaca. Buka di Excel dengan kata sandinya, hapus kata sandi (File > Info > "
        "Protect Workbook > Encrypt with Password, kosongkan), simpan, lalu unggah lagi.",
    )


def _text_kind(data: bytes, file: str) -> str:
    head = data[:65536]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise not_spreadsheet(file, "berkas biner yang tidak dikenal")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<")):
        raise not_spreadsheet(file, "halaman HTML/XML yang diberi nama lembar kerja")
    if start.startswith((b"{", b"[")):
        return "json"
    if SQL_DUMP.match(start):
        raise not_spreadsheet(file, "dump SQL: perintah basis data, bukan tabel")
    if not has_columns(tabular.head_lines(head)):
        raise not_spreadsheet(file, "teks tanpa kolom: tidak ada pemisah ; , tab atau | di barisnya")
    return "csv"


# How a database dump starts (mysqldump, pg_dump, sqlite .dump): comments, then statements. A CSV
# header never starts with two SQL words in a row ('CREATE TABLE', 'INSERT INTO').
SQL_DUMP = re.compile(
    rb"(--|/\*)|(create\s+(table|database|schema|index|view)|insert\s+into|drop\s+(table|database)"
    rb"|set\s+(names|sql_mode|@|foreign_key_checks|statement_timeout|client_encoding)|begin\s*(;|transaction)"
    rb"|pragma\s|lock\s+tables)"
)


def has_columns(head: bytes) -> bool:
    """Whether the first lines of a text split into two or more fields on some delimiter: a table.
    A letter, a note or a list of names does not."""
    text, _ = tabular.decode(head)
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    delimiter = tabular.sniff_delimiter("\n".join(lines))
    return any(sum(bool(f.strip()) for f in row) > 1 for row in csv.reader(lines, delimiter=delimiter))


def check_size(size: int, file: str, limits: Limits, cap: int | None = None) -> None:
    cap = cap or limits.max_bytes
    if size > cap:
        raise refuse(
            "too_large",
            file,
            f"Berkas {file} berukuran {fmt_int(size // MB)} MB, "
            f"melebihi batas {fmt_int(cap // MB)} MB. Pecah per bulan atau per "
            "instansi, atau simpan sebagai CSV, lalu unggah bagian-bagiannya.",
        )


def check_zip(data: bytes, file: str, limits: Limits) -> None:
    """Declared sizes of the zip members, before anything is decompressed: a bomb is refused, of the
    whole file and of each member (a stored member of padding must not dilute an inflating one)."""
    infos = zip_members(data, file)
    for info in infos:
        _check_member(info, file, limits)
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > 10 * MB and unpacked / packed > limits.max_ratio:
        raise bomb(file, unpacked // packed, limits)
    if unpacked > limits.max_uncompressed:
        raise refuse(
            "too_large",
            file,
            f"Isi berkas {file} sebesar {fmt_int(unpacked // MB)} MB "
            f"setelah dibuka, melebihi batas {fmt_int(limits.max_uncompressed // MB)} MB. "
            "Pecah per bulan atau per instansi, lalu unggah bagian-bagiannya.",
        )


def zip_members(data: bytes, file: str) -> list[zipfile.ZipInfo]:
    try:
        return zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise corrupt(file, "arsip zip-nya terpotong atau rusak") from None


def _check_member(info: zipfile.ZipInfo, file: str, limits: Limits) -> None:
    if info.file_size > 10 * MB and info.file_size / max(1, info.compress_size) > limits.max_ratio:
        raise bomb(file, info.file_size // max(1, info.compress_size), limits, info.filename)
    if info.filename.lower().endswith("sharedstrings.xml") and info.file_size > limits.max_shared_strings:
        raise refuse(
            "too_large",
            file,
            f"Teks bersama (sharedStrings.xml) berkas {file} sebesar "
            f"{fmt_int(info.file_size // MB)} MB setelah dibuka, melebihi batas "
            f"{fmt_int(limits.max_shared_strings // MB)} MB. Pecah per bulan, lalu unggah "
            "bagian-bagiannya. / Shared strings too large.",
        )


def bomb(file: str, ratio: int, limits: Limits, member: str | None = None) -> FileRefused:
    part = f"Bagian {member} dari berkas {file}" if member else f"Berkas {file}"
    return refuse(
        "zip_bomb",
        file,
        f"{part} mengembang {fmt_int(ratio)} kali saat dibuka (batas "
        f"{limits.max_ratio} kali): ini bukan lembar kerja yang wajar (zip bomb). "
        f"Simpan ulang dari Excel. {HOW_TO_SAVE}",
    )


DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:?([A-Z]+)?(\d+)?"')


def declared_dimensions(zf: zipfile.ZipFile, member: str) -> tuple[int, int] | None:
    """(rows, cols) that a worksheet's <dimension> element declares, from its first 4 KB."""
    with zf.open(member) as stream:
        head = stream.read(4096)
    found = DIMENSION.search(head)
    if not found or not found.group(2):
        return None
    return int(found.group(2)), column_number(found.group(1).decode())


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def check_shape(
    rows: int, cols: int, file: str, sheet: str | None, limits: Limits, cell: str | None = None
) -> None:
    """cell: the farthest cell, when the extent was found by scanning the sheet rather than declared."""
    where = f"Sheet '{sheet}' di berkas {file}" if sheet else f"Berkas {file}"
    reach = f" (sampai sel {cell})" if cell else ""
    if cols > limits.max_cols:
        raise refuse(
            "too_many_columns",
            file,
            f"{where} berisi {fmt_int(cols)} kolom{reach}, melebihi "
            f"batas {fmt_int(limits.max_cols)}. Hapus kolom kosong atau yang tidak perlu "
            "(pilih kolom, Delete), simpan, lalu unggah lagi.",
            sheet,
            cell,
        )
    if rows > limits.max_rows:
        raise refuse(
            "too_many_rows",
            file,
            f"{where} berisi {fmt_int(rows)} baris{reach}, melebihi batas "
            f"{fmt_int(limits.max_rows)}. Pecah per bulan, lalu unggah bagian-bagiannya.",
            sheet,
            cell,
        )
    if rows * cols > limits.max_cells:
        raise refuse(
            "too_many_cells",
            file,
            f"{where} membentang {fmt_int(rows)} baris x "
            f"{fmt_int(cols)} kolom{reach}, melebihi batas {fmt_int(limits.max_cells)} sel. "
            "Hapus sel terisi yang jauh di luar tabel (Ctrl+End menunjukkannya), simpan, lalu "
            "unggah lagi. / The sheet's used range is too large.",
            sheet,
            cell,
        )


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
