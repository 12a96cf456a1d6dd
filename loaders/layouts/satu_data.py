"""Satu Data (open data portals) long format: kode_kabupaten_kota, nama_kabupaten_kota, tahun, bulan,
instansi, jumlah_pengunjung, satuan. Monthly figures per agency; the site is the kabupaten/kota the
rows name (one per file, else the file is refused as mixing sites)."""

from __future__ import annotations

from loaders.layouts import long_counts
from loaders.layouts.common import Context, find_row, key, problem, text
from loaders.model import FileRefused, Parsed, Sheet
from loaders.normalize import find_site

NAME = "satu_data"
TITLE = "format Satu Data (tahun, bulan, instansi, jumlah_pengunjung)"
KIND = "visits"
# What detect looks for, said when no layout recognises a sheet.
EXPECTS = "kolom kode_kabupaten_kota, nama_kabupaten_kota, tahun, bulan, instansi, jumlah_pengunjung"
REQUIRED = {"KODE KABUPATEN KOTA", "NAMA KABUPATEN KOTA", "TAHUN", "BULAN", "INSTANSI", "JUMLAH PENGUNJUNG"}


def header_row(rows: list[list]) -> int | None:
    return find_row(rows, lambda row: {key(c) for c in row} >= REQUIRED)


def detect(sheet: Sheet) -> float:
    return 0.98 if header_row(sheet.rows) is not None else 0.0


def parse(sheet: Sheet, context: Context) -> Parsed:
    parsed = long_counts.parse(sheet, context)
    parsed.layout, parsed.site = NAME, site_of(sheet)
    return parsed


def site_of(sheet: Sheet) -> str | None:
    at = header_row(sheet.rows)
    assert at is not None  # detect() found it before parse() is called
    col = next(c for c, v in enumerate(sheet.rows[at]) if key(v) == "NAMA KABUPATEN KOTA")
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
