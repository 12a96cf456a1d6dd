"""Satu Data (open data portals) long format: kode_kabupaten_kota, nama_kabupaten_kota, tahun, bulan,
instansi, jumlah_pengunjung, satuan. Monthly figures per agency; the site is the kabupaten/kota the
rows name (one per file, else the file is refused as mixing sites)."""

from __future__ import annotations

from loaders.layouts import long_counts
from loaders.layouts.common import Context, find_row, key, problem, spellings, text
from loaders.model import FileRefused, Parsed, Sheet
from loaders.normalize import find_site
from mpp.reference.header_words import named

NAME = "satu_data"
TITLE = "format Satu Data (tahun, bulan, instansi, jumlah_pengunjung)"
KIND = "visits"
# The columns of the format, each by its role's words (mpp/reference/data/header_words.csv), matched whole.
COLUMNS = {
    "site_code": spellings("site_code"),
    "site_name": spellings("site_name"),
    "year": spellings("year"),
    "month": spellings("month"),
    "agency": spellings("agency"),
    "count": spellings("count", "visitor_count"),
}
# What detect looks for, said when no layout recognises a sheet; the words are the table's.
EXPECTS = "kolom " + ", ".join(named(role) for role in COLUMNS)


def header_row(rows: list[list]) -> int | None:
    """The row that has a column of every role."""
    return find_row(rows, lambda row: all(not {key(c) for c in row}.isdisjoint(w) for w in COLUMNS.values()))


def columns_of(row: list, role: str) -> list[int]:
    return [c for c, v in enumerate(row) if key(v) in COLUMNS[role]]


def detect(sheet: Sheet) -> float:
    return 0.98 if header_row(sheet.rows) is not None else 0.0


def parse(sheet: Sheet, context: Context) -> Parsed:
    parsed = long_counts.parse(sheet, context)
    parsed.layout, parsed.site = NAME, site_of(sheet)
    return parsed


def site_of(sheet: Sheet) -> str | None:
    at = header_row(sheet.rows)
    assert at is not None  # detect() found it before parse() is called
    col = columns_of(sheet.rows[at], "site_name")[0]
    places = {text(r[col]) for r in sheet.rows[at + 1 :] if text(r[col])}
    if len(places) > 1:
        raise FileRefused(
            [
                problem(
                    "lokasi_ganda",
                    f"Berkas memuat beberapa kabupaten/kota "
                    f"({', '.join(sorted(places))}); unggah satu berkas per MPP.",
                    sheet,
                )
            ]
        )
    return find_site(f"MPP {places.pop()}") if places else None
