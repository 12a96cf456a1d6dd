"""Pure functions that turn what offices type into values: counts, months, dates, years, site names,
total labels and personal-data headers. No IO, no pandas; every function takes one cell or one text.

Conventions (tests rely on them):
- parse_count: blank (None, '', spaces) -> None, meaning "not reported" (an empty month column);
  a dash ('-', '–', '—') -> 0, the way recaps write zero; anything else must be a whole number >= 0,
  otherwise ValueError with an Indonesian message that quotes the value (CountTooLarge, a
  ValueError, for a number the store cannot hold; the plausible bound is validate.py's).
- parse_date: blank -> None; a value that is not a date -> ValueError.
- parse_month, find_year, find_site, parse_period_row: None when the text does not say.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from babel.numbers import NumberFormatError, parse_decimal

DASHES = {"-", "–", "—", "--", "−"}
EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (with the 1900 leap-year bug folded in)

# Every spelling seen in real headers, Indonesian and English, full and abbreviated.
MONTH_WORDS = {
    1: "januari january jan",
    2: "februari february pebruari feb peb",
    3: "maret march mar mrt",
    4: "april apr",
    5: "mei may",
    6: "juni june jun",
    7: "juli july jul",
    8: "agustus august agu agt ags aug agus",
    9: "september sep sept",
    10: "oktober october okt oct",
    11: "november nopember nov nop",
    12: "desember december des dec",
}
MONTHS = {word: number for number, words in MONTH_WORDS.items() for word in words.split()}

# The largest count a BIGINT column holds. Anything above cannot be stored, only wrap around; the
# bound on plausible counts (far lower, configurable) is checked in loaders/validate.py.
STORABLE = 2**63 - 1

TOTAL_LABELS = {
    "jumlah",
    "total",
    "subtotal",
    "grandtotal",
    "jumlahtotal",
    "totalkeseluruhan",
    "jumlahkeseluruhan",
    "jumlahseluruhnya",
    "totaljumlah",
    "jumlahakhir",
}


def _text(value) -> str:
    return unicodedata.normalize("NFKC", str(value)).replace("\u00a0", " ").strip()


# ---- counts ---------------------------------------------------------------------------------------


def parse_count(value) -> int | None:
    """A visit count as typed: 1263, 12.0, '1.263', '1,263', '1.263,00', '-' (zero), '' (None).

    A count is never fractional, so '1,263' and '1.263' both mean 1263 (thousands), while '1.26'
    or '12,5' are refused. Negative or non-numeric values raise ValueError.
    """
    if value is None or isinstance(value, bool):
        return _refuse_bool(value)
    if isinstance(value, int):
        return _non_negative(value, value)
    if isinstance(value, float):
        return _whole(Decimal(repr(value)) if math.isfinite(value) else None, value)
    text = _text(value).replace(" ", "")
    if not text:
        return None
    if text in DASHES:
        return 0
    return _whole(_decimal_from_text(text), value)


def _refuse_bool(value):
    if value is None:
        return None
    raise ValueError(f"{value!r} bukan jumlah kunjungan (nilai benar/salah, bukan angka)")


def _decimal_from_text(text: str) -> Decimal | None:
    sign = "-" if text[:1] in "-−" or (text[:1] == "(" and text[-1:] == ")") else ""
    body = text.strip("-−()+")
    if re.fullmatch(r"\d+", body):
        return Decimal(sign + body)
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", body):  # English grouping: 1,263 / 1,263.00
        return Decimal(sign + body.replace(",", ""))
    if re.fullmatch(r"\d+\.\d{1,2}|\d+\.\d{4,}", body):  # a decimal point, never a grouping
        return Decimal(sign + body)
    try:  # Indonesian: 1.263 / 1.263,00 / 12,0
        return Decimal(sign + str(parse_decimal(body, locale="id_ID", strict=True)))
    except (NumberFormatError, InvalidOperation):
        return None


def _whole(number: Decimal | None, raw) -> int:
    if number is None or not number.is_finite():  # 'INFINITY' and 'NaN' parse as Decimals
        raise ValueError(f"{raw!r} bukan angka: isi dengan bilangan bulat (mis. 1263) atau '-' untuk nol")
    if number != number.to_integral_value():
        raise ValueError(f"{raw!r} bukan bilangan bulat: jumlah kunjungan tidak boleh pecahan")
    return _non_negative(int(number), raw)


class CountTooLarge(ValueError):
    """A whole number too large to be stored as a count at all (validate.py names the cell)."""

    def __init__(self, value: int, raw):
        super().__init__(f"{raw!r} terlalu besar untuk sebuah jumlah kunjungan")
        self.value = value


def _non_negative(number: int, raw) -> int:
    if number < 0:
        raise ValueError(f"{raw!r} negatif: jumlah kunjungan tidak boleh kurang dari nol")
    if number > STORABLE:
        raise CountTooLarge(number, raw)
    return number


# ---- months, dates, years -------------------------------------------------------------------------


def parse_month(value) -> int | None:
    """The month a header names: 'JANUARI', 'Jan', 'Agt', 'Nop', 'OCTOBER ', 'Januari 2025', 'Jan-25',
    or a date/datetime cell. None for anything else ('BULAN', 'JUMLAH', 'Januari Izin')."""
    if isinstance(value, (date, datetime)):
        return value.month
    if value is None or isinstance(value, (int, float)):
        return None
    words = re.findall(r"[a-z]+|\d+", _text(value).lower())
    months = [MONTHS[w] for w in words if w in MONTHS]
    others = [w for w in words if w not in MONTHS and not re.fullmatch(r"\d{2}|\d{4}", w)]
    return months[0] if len(months) == 1 and not others else None


# A month column's cell as a date: Excel's serial numbers of 2000-01-01 .. 2099-12-31 (a big file's
# date cells arrive as serials); smaller numbers are month numbers (1..12) or nothing.
SERIAL_DATES = range(36526, 73051)
YEAR_FIRST = r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})(?:[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?)?"
MONTH_FIRST = r"(?P<m>\d{1,2})[-/.](?P<y>\d{4})"  # 05/2019, 5/2019


def parse_year_month(value) -> tuple[int | None, int] | None:
    """(year, month) of a cell in a month column, in every spelling offices use: a date or date-time
    cell (or its Excel serial), '2019-05-01', '2019-05-01 00:00:00', '2019-05', '05/2019', '5/2019',
    '01/05/2019', 'Mei 2019', 'May 2019', 'Mei-19'; the year is None where the cell names only the
    month ('Januari', 'Jan', 5). None when the cell names no month (13, 'BULAN', '2019')."""
    if isinstance(value, (date, datetime)):
        return value.year, value.month
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _number_month(value)
    text = _text(value)
    numbers = re.fullmatch(YEAR_FIRST, text) or re.fullmatch(MONTH_FIRST, text)
    if numbers:
        year, month = int(numbers["y"]), int(numbers["m"])
        return (year, month) if 1 <= month <= 12 else None
    if re.fullmatch(r"\d{1,2}(?:\.0+)?", text):
        return _number_month(float(text))
    if (day := _date_from_text(text)) is not None:
        return day.year, day.month
    named = parse_month(text)
    if named is None:
        return None
    short = re.fullmatch(r"[A-Za-z]+\.?[\s\-/']*(\d{2})", text)  # 'Mei-19', "Jan '25"
    return (2000 + int(short.group(1)) if short else find_year(text)), named


def _number_month(number: float) -> tuple[int | None, int] | None:
    if float(number).is_integer() and 1 <= number <= 12:
        return None, int(number)
    if int(number) in SERIAL_DATES:
        day = _excel_serial(number)
        return day.year, day.month
    return None


def find_year(value) -> int | None:
    """The year a title, sheet or file name states: 'REKAP ... TAHUN 2024' -> 2024; rekap_2025.xlsx
    -> 2025. The last one wins ('2024 s.d. 2025' -> 2025); only 2000-2099 count as years."""
    if isinstance(value, (date, datetime)):
        return value.year
    found = re.findall(r"(?<!\d)(20\d{2})(?!\d)", _text(value or ""))
    return int(found[-1]) if found else None


DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%y", "%d-%m-%y")


def parse_date(value) -> date | None:
    """A calendar day from a cell: date/datetime, an Excel serial (e.g. 45658 = 2025-01-01),
    '31/01/2025', '31-01-2025', '2025-01-31', '2025-01-31 08:15:00', '1 Januari 2025', '01 January 2026'.
    Day first always (Indonesian order). Blank -> None; anything else raises ValueError."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _excel_serial(value)
    text = _text(value or "")
    if not text:
        return None
    found = _date_from_text(text)
    if found is None:
        raise ValueError(f"{value!r} bukan tanggal: tulis sebagai dd/mm/yyyy, mis. 31/01/2025")
    return found


def _excel_serial(serial: float) -> date:
    if not 1 <= serial < 2958466:
        raise ValueError(f"{serial!r} bukan tanggal Excel yang masuk akal")
    return EXCEL_EPOCH + timedelta(days=int(serial))


def _date_from_text(text: str) -> date | None:
    head = re.split(r"[ T](?=\d{1,2}:\d{2})", text)[0].strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date()
        except ValueError:
            continue
    words = re.fullmatch(r"(\d{1,2})[\s\-/]+([A-Za-z]+)\.?[\s\-/]+(\d{4})", head)
    month = MONTHS.get(words.group(2).lower()) if words else None
    if not words or not month:
        return None
    try:
        return date(int(words.group(3)), month, int(words.group(1)))
    except ValueError:
        return None


DATE_IN_TEXT = r"\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|\d{4}-\d{2}-\d{2}"


def parse_period_row(value) -> tuple[date, date] | None:
    """The period a queue-system export states: 'Periode 01 January 2026 s.d. 31 January 2026' ->
    (2026-01-01, 2026-01-31). Also 's/d', 'sampai', '-' between the dates. None if not a period."""
    text = _text(value or "")
    found = re.findall(DATE_IN_TEXT, text)
    if len(found) != 2:
        return None
    first, last = (_date_from_text(part) for part in found)
    return (first, last) if first and last and first <= last else None


# ---- sites and labels -----------------------------------------------------------------------------

SITE_PATTERN = re.compile(
    r"\b(?P<mini>MINI\s+)?(?:MAL\s+PELAYANAN\s+PUBLIK|MALL\s+PELAYANAN\s+PUBLIK|MPP)\b\.?\s*"
    r"(?P<kind>KABUPATEN|KAB\b\.?|KOTA|KECAMATAN|KEC\b\.?)?\s*"
    r"(?P<place>[A-Z][A-Z ]*?)\s*(?=\bTAHUN\b|\bPERIODE\b|\bBULAN\b|\bPROVINSI\b|\bPROV\b|\d|[,.(\-:]|$)",
    re.IGNORECASE,
)
KINDS = {
    "kabupaten": "Kabupaten",
    "kab": "Kabupaten",
    "kota": "Kota",
    "kecamatan": "Kecamatan",
    "kec": "Kecamatan",
}


def find_site(value) -> str | None:
    """The site a title names, as the store writes it: 'MAL PELAYANAN PUBLIK KABUPATEN PASER TAHUN
    2024' -> 'MPP Kabupaten Paser'; 'MPP Kota Balikpapan' -> 'MPP Kota Balikpapan'."""
    match = SITE_PATTERN.search(_text(value or ""))
    if not match or not match.group("place").strip():
        return None
    place = " ".join(w.capitalize() for w in match.group("place").split())
    kind = KINDS.get((match.group("kind") or "").lower().rstrip(". "), "")
    prefix = "Mini MPP" if match.group("mini") else "MPP"
    return " ".join(p for p in (prefix, kind, place) if p)


def is_total_label(value) -> bool:
    """A row or column label that states a total: JUMLAH, 'J  U  M  L  A  H', TOTAL, SUB TOTAL,
    Grand Total. Not a block name such as 'JUMLAH IZIN' nor a measure like 'Total Nomor Terbit'."""
    if not isinstance(value, str):
        return False
    squeezed = re.sub(r"[^a-z]", "", _text(value).lower())
    return squeezed in TOTAL_LABELS


# ---- control characters ---------------------------------------------------------------------------

# C0 and C1 controls, DEL, and what XML 1.0 cannot hold at all (U+FFFE, U+FFFF, lone surrogates):
# a name carrying one cannot go into a .docx (python-docx refuses it) and shows as nothing anyway.
# Those that separate words (tab, line breaks, form feed, the file/group/record separators) become
# a space; the others are dropped. So are the bidirectional marks, embeddings, overrides and
# isolates (U+200E/F, U+061C, U+202A-E, U+2066-9): invisible, they reorder what is shown after them,
# so 'Rekap\u202eslx.exe' reads as another name than it is (a mapping's, an agency's).
SPACING_CONTROLS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85"
CONTROLS = re.compile(
    "[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
)


def without_controls(name: str) -> str:
    """A name without control characters, words still apart: 'Dinas\x00 X\x0bY' -> 'Dinas X Y'."""
    spaced = name.translate({ord(c): " " for c in SPACING_CONTROLS})
    return " ".join(CONTROLS.sub("", spaced).split())


def has_controls(name) -> bool:
    return isinstance(name, str) and CONTROLS.search(name) is not None


# ---- personal data --------------------------------------------------------------------------------

PERSONAL_WORDS = {
    "nik",
    "telepon",
    "telpon",
    "telp",
    "tlp",
    "phone",
    "hp",
    "handphone",
    "ponsel",
    "whatsapp",
    "wa",
    "alamat",
    "address",
    "email",
    "mail",
    "surel",
}
# Not 'KTP', 'KK' or 'NPWP': those also name services (columns of a Disdukcapil recap).
# These name personal data only in company: 'KTP' alone is a service, 'Kartu Identitas Anak' another,
# 'Kependudukan' part of an agency's name (Dinas Kependudukan ...), 'Jumlah Pemohon' a count.
PERSONAL_PAIRS = {
    ("no", "ktp"),
    ("nomor", "ktp"),
    ("nmr", "ktp"),
    ("nomer", "ktp"),
    ("nik", "ktp"),
    ("no", "identitas"),
    ("nomor", "identitas"),
    ("induk", "kependudukan"),
}
COUNT_WORDS = {"jumlah", "jml", "total", "banyak", "banyaknya", "rekap"}
# 'nama' names an organisation, not a person, when followed by one of these.
NOT_A_PERSON = {
    "instansi",
    "layanan",
    "skpd",
    "opd",
    "dinas",
    "kabupaten",
    "kota",
    "kecamatan",
    "desa",
    "kelurahan",
    "loket",
    "unit",
    "bulan",
    "site",
    "mpp",
    "perusahaan",
    "usaha",
    "produk",
    "jenis",
    "izin",
    "satuan",
    "provinsi",
    "sheet",
    "kategori",
    "bidang",
}


# A bare 'Nama' names a person in a list of events (tickets, visits), the entity itself elsewhere
# (NO | NAMA | JANUARI ... in a recap, or {"id", "nama"} in an agency list).
EVENT_WORDS = {
    "tanggal",
    "date",
    "jam",
    "time",
    "waktu",
    "status",
    "loket",
    "antrean",
    "antrian",
    "tiket",
    "ticket",
    "nik",
    "telepon",
    "telp",
    "hp",
    "wa",
    "whatsapp",
    "email",
}


def is_personal_column(header, siblings=None) -> bool:
    """True for a header naming personal data: NIK, No KTP, nomor identitas, nama / name, pemohon,
    telepon / phone / HP / no hp, WhatsApp / WA, alamat / address, email / e-mail / surel.
    'Nama Instansi', 'nama_skpd', 'KTP-el' or 'Jumlah Pemohon' are not.
    With siblings (the other headers of the row), a bare 'Nama' counts only beside event columns
    (tanggal, status, loket, ...); without them it always counts (the safe side)."""
    words = _words(header)
    if PERSONAL_WORDS.intersection(words) or _personal_phrase(words):
        return True
    if not {"nama", "name", "nm"}.intersection(words) or NOT_A_PERSON.intersection(words):
        return False
    if len(words) > 1 or siblings is None:
        return True
    return any(EVENT_WORDS.intersection(_words(s)) for s in siblings if s is not header)


def _personal_phrase(words: list[str]) -> bool:
    """No KTP, Nomor Identitas, Nomor Induk Kependudukan, Identitas, Pemohon (not Jumlah Pemohon)."""
    if PERSONAL_PAIRS.intersection(pairwise(words)) or words == ["identitas"]:
        return True
    return "pemohon" in words and not COUNT_WORDS.intersection(words)


# A value that is a person's, whatever its column is called: a NIK (16 digits) or an Indonesian
# mobile number (08..., 628..., +628...). An agency or service name never holds one.
PERSONAL_VALUE = re.compile(r"(?<!\d)(?:\d{16}|(?:\+62|62|0)8\d{7,11})(?!\d)")


def looks_personal(value) -> bool:
    """True for a text holding a NIK or a mobile number: 'Layanan 3201123456789012' or
    'Budi 081234567890'. 'KTP-el', 'Paspor 48 halaman' or '2025' are not."""
    if not isinstance(value, str):
        return False
    return PERSONAL_VALUE.search(value.replace(" ", "").replace("-", "")) is not None


def stored_file_name(file_name: str) -> str:
    """The name a file is kept under in the ledger and the originals: a NIK or a mobile number in it
    ('antrean_3171234567890001.xlsx', an export named after a person) becomes '…', since the store
    keeps no personal data (UU 27/2022); the name the user sees in the page's report is unchanged."""
    return PERSONAL_VALUE.sub("…", file_name)


def _words(header) -> list[str]:
    if not isinstance(header, str):
        return []
    return re.sub(r"[^a-z0-9]+", " ", _text(header).lower().replace("e-mail", "email")).split()
