"""The column mapping as a careless or malicious user meets it (issue 13): mapping JSON that is huge,
deep, not numbers, of the wrong types, with control or bidirectional characters and formulas; a
mapping that names a personal-data column or one column twice; mapped sheets with merged cells,
uncalculated formulas, text numbers, negative counts, impossible dates and sloppy status words;
saved mappings that meet another kind of file or each other; the same file sent again and a
corrected one; the command line's `--mapping` and `mapping` actions; zero months. Every case either
loads the right figures or is refused naming file, sheet and cell with the store unchanged; never
a traceback, never personal data stored. Files made in code, loaded into real DuckDB files."""

from __future__ import annotations

import json
import os
import shutil
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from loaders import mapping, read, upload
from loaders.__main__ import main
from loaders.layouts.common import Context
from loaders.load import Options, ingest
from loaders.mapping import ColumnMapping, from_json, header_cells, to_json
from loaders.model import FileRefused
from loaders.read_guarded import read_file_guarded
from mpp.access.accounts import COMMAND_LINE, User
from mpp.store import db
from tests import filemakers as fm
from tests import layout_files as lf
from tests.apptest import as_analyst

SITE = "MPP Kota Balikpapan"
OTHER_SITE = "MPP Kabupaten Paser"
HEADER = ["Tanggal Kunjungan", "Loket Tujuan", "Banyaknya"]
FEBRUARY = [["03/02/2026", "Dukcapil", 5], ["04/02/2026", "Samsat", 7], ["27/02/2026", "Dukcapil", 4]]
QUEUE = ColumnMapping(
    "Rekap antrean",
    header_row=1,
    header=("TANGGAL KUNJUNGAN", "LOKET TUJUAN", "BANYAKNYA"),
    agency_column="Loket Tujuan",
    date_column="Tanggal Kunjungan",
    count_column="Banyaknya",
)
WIDE_HEADER = ["Loket", "Jan", "Feb"]
WIDE = ColumnMapping(
    "Bulanan",
    1,
    ("LOKET", "JAN", "FEB"),
    agency_column="Loket",
    month_columns=(("Jan", "2025-01"), ("Feb", "2025-02")),
)
ANALYST = User("ani", "analyst")
NIK, PHONE = "3171234567890001", "081234567890"


@pytest.fixture
def store_path(empty_store_file, tmp_path) -> Path:
    path = tmp_path / "store.duckdb"
    shutil.copy(empty_store_file, path)
    return path


def load(store_path: Path, data: bytes, name: str = "antrean_februari.xlsx", **options):
    return ingest(store_path, name, data, Options(site=SITE, actor=COMMAND_LINE, **options))


def monthly(store_path: Path) -> dict[tuple[str, date], int]:
    with db.connect(store_path, read_only=True) as con:
        rows = con.execute("SELECT agency, month, visits FROM monthly_agency_visits").fetchall()
    return {(agency, month): visits for agency, month, visits in rows}


def stored_text(store_path: Path) -> str:
    """Every row of every table of the store, as one text: what a search for a NIK would read."""
    with db.connect(store_path, read_only=True) as con:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return json.dumps({t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}, default=repr)


def loads_count(store_path: Path) -> int:
    with db.connect(store_path, read_only=True) as con:
        return con.execute("SELECT count(*) FROM loads").fetchone()[0]


def sheet_of(data: bytes):
    return read.read_file(None, data, name="x.xlsx").sheets[0]


def codes_and_cells(problems) -> list[tuple[str, str | None, str | None]]:
    return sorted((p.code, p.sheet, p.cell) for p in problems)


# ---- mapping JSON as a hostile office would send it ------------------------------------------------


def spec(**changes) -> str:
    return json.dumps({**json.loads(to_json(QUEUE)), **changes})


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # duplicate keys: the last one is what json reads, and it is checked like any other
        (
            '{"pantau_mpp_mapping": 1, "name": "ok", "name": "=HYPERLINK(\\"http://x\\")", '
            '"header_row": 1, "header": ["A"], "agency": "Samsat", "date_column": "A"}',
            "diawali = + - @",
        ),
        (spec().replace('"header_row": 1', '"header_row": Infinity'), "bukan JSON yang sah"),
        (spec().replace('"header_row": 1', '"header_row": -Infinity'), "bukan JSON yang sah"),
        (spec().replace('"header_row": 1', '"header_row": 1e999'), "'header_row' harus bilangan bulat"),
        (spec().replace('"header_row": 1', '"header_row": ' + "9" * 5000), "bukan JSON yang sah"),
        (spec(header_row=0), "'header_row' harus bilangan bulat 1-1000"),
        (spec(header_row=-3), "'header_row' harus bilangan bulat 1-1000"),
        (spec(header_row=1001), "'header_row' harus bilangan bulat 1-1000"),
        (spec(header_row=1.0), "'header_row' harus bilangan bulat 1-1000"),
        (
            spec(
                date_column=None,
                count_column=None,
                month_columns=[[f"B{i}", "2025-01"] for i in range(10_000)],
            ),
            "paling banyak 1.000",
        ),
        (spec(header=[f"K{i}" for i in range(10_000)]), "'header' harus daftar teks, paling banyak 1.000"),
        (spec(header=[[["x"]]]), "'header' memuat 1 nilai yang bukan teks pendek"),
        (spec(served="Selesai", status_column="Status"), "'served' harus daftar teks"),
        (spec(name=["Rekap"]), "'name' harus teks"),
        (spec(name="   "), "'name' harus teks"),
        (spec(agency_column=7), "'agency_column' harus teks atau null"),
        (spec(name="Rekap\u202eslx.exe"), "karakter kendali"),  # shown as 'Rekapexe.xls'
        (spec(agency_column="Loket\u2067Tujuan"), "karakter kendali"),
        (spec(name="Rekap\x1b[31m"), "karakter kendali"),
        (spec(agency="-2+3", agency_column=None), "diawali = + - @"),
        ('{"a":' * 5000 + "1" + "}" * 5000, "bersarang terlalu dalam"),
        (json.dumps(json.loads(spec())).encode("utf-16"), "bukan JSON yang sah"),
        ("\ufeff\ufeff" + spec(), "bukan JSON yang sah"),
        (spec(pantau_mpp_mapping="1"), "versi '1' tidak dikenal"),
        (spec(agency_column="NIK", header=["TANGGAL KUNJUNGAN", "NIK", "BANYAKNYA"]), "data pribadi"),
        (spec(service_column="No. Telp"), "data pribadi"),
    ],
)
def test_a_hostile_mapping_file_is_refused_naming_the_file(text, said):
    with pytest.raises(FileRefused) as refused:
        from_json(text, "kiriman.json")
    messages = " ".join(p.message for p in refused.value.problems)
    assert said in messages, messages
    assert all(p.file == "kiriman.json" for p in refused.value.problems)


@pytest.mark.parametrize(
    "changes",
    [
        {"month_columns": (("Jan", "2025-01"), ("Jan", "2025-02"))},  # one column, two months
        {"agency_column": "Jan"},  # the agency column is also a month's counts
        {"agency_column": "Loket", "service_column": "LOKET"},  # the same column written otherwise
    ],
)
def test_a_column_mapped_for_two_roles_is_refused_not_counted_twice(changes):
    """Mapped twice, one column's figures would count in two months (or counts become agency
    names): refused before anything is read, naming the column."""
    twice = replace(WIDE, **changes)
    with pytest.raises(FileRefused) as refused:
        from_json(to_json(twice), "kiriman.json")
    assert [p.code for p in refused.value.problems] == ["pemetaan_tidak_lengkap"]
    assert "dipetakan lebih dari sekali" in refused.value.problems[0].message
    with pytest.raises(FileRefused):
        mapping.apply(twice, sheet_of(lf.long_sheet(WIDE_HEADER, [["Dukcapil", 5, 6]])), Context())


def test_two_columns_given_one_month_are_refused_as_the_same_figure_twice(store_path):
    same_month = replace(WIDE, month_columns=(("Jan", "2025-01"), ("Feb", "2025-01")))
    data = lf.long_sheet(WIDE_HEADER, [["Dukcapil", 5, 6]])
    report = load(store_path, data, name="rekap_2025.xlsx", mappings=(same_month,))
    assert report.outcome == "refused"
    assert codes_and_cells(report.problems) == [("baris_ganda", "Data", "C2")]
    assert monthly(store_path) == {}


def test_a_header_row_beyond_the_sheet_is_refused_naming_the_row(store_path):
    """Row 900 of a 4-row sheet holds no header: the mapping reads nothing, the file is refused as
    unrecognised, and the mapping applied by hand names the row it looked in."""
    far = replace(QUEUE, header_row=900)
    data = lf.long_sheet(HEADER, FEBRUARY)
    report = load(store_path, data, mappings=(far,))
    assert report.outcome == "refused"
    assert {p.code for p in report.problems} == {"tata_letak_tidak_dikenal"}
    assert loads_count(store_path) == 0
    with pytest.raises(FileRefused) as refused:
        mapping.apply(far, sheet_of(data), Context(file_name="x.xlsx"))
    assert {(p.code, p.sheet, p.cell) for p in refused.value.problems} == {
        ("kolom_pemetaan_tidak_ada", "Data", "A900")
    }


def test_a_mapping_whose_header_is_empty_or_blank_reads_no_sheet():
    sheet = sheet_of(lf.long_sheet(HEADER, FEBRUARY))
    for header in ((), ("",), ("", "")):
        assert not mapping.matches(replace(QUEUE, header=header), sheet)


# ---- personal data ---------------------------------------------------------------------------------


def test_nik_and_phone_numbers_in_a_mapped_service_column_are_refused_and_never_stored(store_path):
    """Under a harmless header ('Keterangan Layanan') the values are a NIK and a phone number: the
    mapping is allowed, the file is refused cell by cell, and nothing of it reaches the store."""
    header = ["Tanggal", "Keterangan Layanan", "Loket", "Banyaknya"]
    data = lf.long_sheet(header, [["03/02/2026", NIK, "Dukcapil", 3], ["04/02/2026", PHONE, "Samsat", 2]])
    mapped = ColumnMapping(
        "Keterangan",
        1,
        header_cells(sheet_of(data), 1),
        "Loket",
        service_column="Keterangan Layanan",
        date_column="Tanggal",
        count_column="Banyaknya",
    )
    report = load(store_path, data, mappings=(mapped,), save_mappings=True)
    assert report.outcome == "refused"
    assert codes_and_cells(report.problems) == [
        ("data_pribadi", "Data", "B2"),
        ("data_pribadi", "Data", "B3"),
    ]
    kept = stored_text(store_path)
    assert NIK not in kept and PHONE not in kept
    assert loads_count(store_path) == 0


def test_a_nik_in_a_mapped_agency_column_is_never_offered_as_an_agency(store_path):
    """The agency column holds NIKs (its header 'N.I.K' escapes the header check): refused as
    personal data, and the agency form is never offered the NIK to save as an agency."""
    header = ["Tanggal", "N.I.K", "Banyaknya"]
    data = lf.long_sheet(header, [["03/02/2026", NIK, 3], ["04/02/2026", "Loket Wisata Halal", 2]])
    mapped = ColumnMapping(
        "Per orang",
        1,
        header_cells(sheet_of(data), 1),
        "N.I.K",
        date_column="Tanggal",
        count_column="Banyaknya",
    )
    with db.connect(store_path) as con:
        report = upload.preview(con, "antrean.xlsx", data, Options(site=SITE, mappings=(mapped,)))
    assert ("data_pribadi", "Data", "B2") in codes_and_cells(report.problems)
    assert [u.spelling for u in upload.unknown_agencies(report)] == ["Loket Wisata Halal"]
    assert NIK not in stored_text(store_path)


@pytest.mark.parametrize(
    "changes",
    [
        {"agency": NIK, "agency_column": None},
        {"header": ["TANGGAL KUNJUNGAN", "LOKET TUJUAN", "BANYAKNYA", NIK]},
        {"served": ["Selesai", PHONE], "status_column": "Banyaknya"},
        {"name": f"Antrean {PHONE}"},
    ],
)
def test_a_mapping_holding_a_nik_or_phone_number_is_refused_and_never_saved(store, changes):
    with pytest.raises(FileRefused, match="NIK atau nomor HP"):
        from_json(spec(**changes), "kiriman.json")
    with pytest.raises(FileRefused, match="NIK atau nomor HP"):
        mapping.save(
            store,
            SITE,
            replace(QUEUE, **{k: tuple(v) if isinstance(v, list) else v for k, v in changes.items()}),
            ANALYST,
        )
    assert mapping.for_site(store, None) == []


def test_a_data_row_taken_for_the_header_row_is_not_saved_with_its_nik(store):
    """On the page the analyst picks the header row: a data row holding a NIK under a harmless
    header (not blanked on read) would become the saved header signature, kept and shared."""
    header = ["Tanggal", "Keterangan", "Loket", "Banyaknya"]
    sheet = sheet_of(lf.long_sheet(header, [["03/02/2026", NIK, "Dukcapil", 3]]))
    careless = ColumnMapping(
        "Salah baris",
        2,
        header_cells(sheet, 2),
        agency="Disdukcapil",
        date_column="03 02 2026",
        count_column="3",
    )
    with pytest.raises(FileRefused, match="bukan baris data"):
        mapping.save(store, SITE, careless, ANALYST)
    assert NIK not in json.dumps(store.execute("SELECT * FROM column_mappings").fetchall(), default=str)


def test_a_mapped_ticket_export_with_personal_columns_loads_its_counts_and_keeps_no_person(store_path):
    """NIK, Nama Pemohon and No HP beside the mapped columns, and a NIK typed into an unmapped note:
    the served tickets load; no value of a person is in any table, and the original is not kept."""
    header = ["Tanggal", "NIK", "Nama Pemohon", "No HP", "Loket", "Status", "Catatan"]
    rows = [
        ["03/02/2026", NIK, "Budi Santoso", PHONE, "Dukcapil", "Selesai", None],
        [
            "03/02/2026",
            "3171234567890002",
            "Siti Aminah",
            "081298765432",
            "Dukcapil",
            "Batal",
            "NIK 3171234567890003",
        ],
    ]
    data = lf.long_sheet(header, rows)
    tickets = ColumnMapping(
        "Tiket",
        1,
        header_cells(sheet_of(data), 1),
        "Loket",
        date_column="Tanggal",
        status_column="Status",
        served=("Selesai",),
    )
    report = load(store_path, data, mappings=(tickets,), save_mappings=True)
    assert report.outcome == "added", report.problems
    assert monthly(store_path) == {("Disdukcapil", date(2026, 2, 1)): 1}
    kept = stored_text(store_path)
    for personal in (NIK, "3171234567890003", "Budi", "Siti", PHONE, "081298765432"):
        assert personal not in kept, personal
    with db.connect(store_path, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM originals").fetchone() == (0,)
        (withheld,) = con.execute("SELECT original_withheld FROM loads").fetchone()
    assert withheld and NIK not in withheld


# ---- mapped sheets as offices write them -------------------------------------------------------------


def test_an_agency_merged_over_its_service_rows_names_each_row(tmp_path, store_path):
    rows = [
        ["Loket", "Layanan", "Tanggal", "Banyaknya"],
        ["Dukcapil", "KTP", "03/02/2026", 5],
        [None, "KK", "03/02/2026", 2],
        ["Samsat", "Pajak", "03/02/2026", 4],
    ]
    path = fm.write_xlsx(tmp_path / "gabung.xlsx", {"Data": rows}, merged={"Data": ["A2:A3"]})
    merged = ColumnMapping(
        "Gabung",
        1,
        ("LOKET", "LAYANAN", "TANGGAL", "BANYAKNYA"),
        "Loket",
        service_column="Layanan",
        date_column="Tanggal",
        count_column="Banyaknya",
    )
    report = load(store_path, path.read_bytes(), name="gabung.xlsx", mappings=(merged,))
    assert report.outcome == "added", report.problems
    assert monthly(store_path) == {("Disdukcapil", date(2026, 2, 1)): 7, ("Samsat", date(2026, 2, 1)): 4}


def test_a_formula_excel_never_calculated_is_refused_not_loaded_as_a_gap(tmp_path, store_path):
    """A workbook written by a program has formulas without values: the count (C2) and the agency
    (A3) read as blank, which would drop Dukcapil's figure and a whole row without a word."""
    rows = [
        ["Loket", "Tanggal", "Banyaknya"],
        ["Dukcapil", "03/02/2026", "=2+3"],
        ['=HYPERLINK("http://x","Samsat")', "03/02/2026", 1],
        ["Samsat", "04/02/2026", 4],
    ]
    path = fm.write_xlsx(tmp_path / "rumus.xlsx", {"Data": rows})
    formulas = ColumnMapping(
        "Rumus",
        1,
        ("LOKET", "TANGGAL", "BANYAKNYA"),
        "Loket",
        date_column="Tanggal",
        count_column="Banyaknya",
    )
    report = load(store_path, path.read_bytes(), name="rumus.xlsx", mappings=(formulas,))
    assert report.outcome == "refused"
    assert codes_and_cells(report.problems) == [
        ("rumus_tanpa_nilai", "Data", "A3"),
        ("rumus_tanpa_nilai", "Data", "C2"),
    ]
    assert monthly(store_path) == {}


def test_a_formula_with_its_saved_value_reads_that_value(tmp_path, store_path):
    rows = [["Loket", "Tanggal", "Banyaknya"], ["Dukcapil", "03/02/2026", None], ["Samsat", "04/02/2026", 4]]
    path = fm.write_xlsx_cached(tmp_path / "tersimpan.xlsx", rows, {"C2": ("=2+3", 5)})
    formulas = ColumnMapping(
        "Rumus",
        1,
        ("LOKET", "TANGGAL", "BANYAKNYA"),
        "Loket",
        date_column="Tanggal",
        count_column="Banyaknya",
    )
    report = load(store_path, path.read_bytes(), name="tersimpan.xlsx", mappings=(formulas,))
    assert report.outcome == "added", report.problems
    assert monthly(store_path) == {("Disdukcapil", date(2026, 2, 1)): 5, ("Samsat", date(2026, 2, 1)): 4}


def test_text_numbers_and_dashes_read_as_numbers(store_path):
    rows = [
        ["03/02/2026", "Dukcapil", "1.263"],
        ["04/02/2026", "Samsat", "-"],
        ["05/02/2026", "Samsat", " 12 "],
    ]
    report = load(store_path, lf.long_sheet(HEADER, rows), mappings=(QUEUE,))
    assert report.outcome == "added", report.problems
    assert monthly(store_path) == {("Disdukcapil", date(2026, 2, 1)): 1263, ("Samsat", date(2026, 2, 1)): 12}


def test_negative_fractional_and_impossible_cells_are_each_refused_by_cell(store_path):
    rows = [
        ["31/02/2026", "Dukcapil", 1],  # no 31 February
        ["03/02/2026", "Samsat", -4],
        ["05/02/2026", "Samsat", 2.5],
        ["06/02/2026", "Samsat", "1,5"],
        ["07/02/2126", "Samsat", 3],  # a century ahead
        ["08/02/2026", "Samsat", 6],
    ]
    report = load(store_path, lf.long_sheet(HEADER, rows), mappings=(QUEUE,))
    assert report.outcome == "refused"
    found = codes_and_cells(report.problems)
    assert ("tanggal_tidak_sah", "Data", "A2") in found
    assert ("angka_negatif", "Data", "C3") in found
    assert ("angka_tidak_sah", "Data", "C4") in found
    assert ("angka_tidak_sah", "Data", "C5") in found
    assert any(code == "tanggal_di_masa_depan" and sheet == "Data" for code, sheet, _ in found)
    assert monthly(store_path) == {} and loads_count(store_path) == 0


def test_status_values_with_stray_spaces_and_case_count_as_their_word(store_path):
    header = ["Tanggal", "Loket", "Status"]
    rows = [
        ["03/02/2026", "Dukcapil", "Selesai "],
        ["03/02/2026", "Dukcapil", " SELESAI"],
        ["03/02/2026", "Dukcapil", "selesai"],
        ["03/02/2026", "Dukcapil", "Batal  "],
    ]
    tickets = ColumnMapping(
        "Tiket",
        1,
        ("TANGGAL", "LOKET", "STATUS"),
        "Loket",
        date_column="Tanggal",
        status_column="Status",
        served=("Selesai",),
    )
    report = load(store_path, lf.long_sheet(header, rows), mappings=(tickets,))
    assert report.outcome == "added", report.problems
    assert monthly(store_path) == {("Disdukcapil", date(2026, 2, 1)): 3}
    with db.connect(store_path, read_only=True) as con:
        assert con.execute("SELECT agency, cancelled FROM monthly_queue_outcomes").fetchall() == [
            ("Disdukcapil", 1)
        ]


# ---- saved mappings meeting other files and each other ------------------------------------------------


def test_a_saved_mapping_never_reads_a_sheet_a_layout_recognises(store_path):
    """A careless mapping saved on the yearly recap's own header (agency from the 'NO' column)
    does not take the recap from its layout: the figures are the recap's."""
    recap = lf.yearly_recap({"DISDUKCAPIL": [100, 90], "Samsat": [5, 6]})
    careless = ColumnMapping(
        "Salah",
        3,
        header_cells(sheet_of(recap), 3),
        agency_column="NO",
        month_columns=(("BULAN", "2024-01"),),
    )
    with db.connect(store_path) as con:
        mapping.save(con, "MPP Kabupaten Paser", careless, ANALYST)
    report = ingest(store_path, "rekap_2024.xlsx", recap, Options(actor=COMMAND_LINE))
    assert report.outcome == "added", report.problems
    assert report.mapping is None and report.layout == "rekap_tahunan"
    assert monthly(store_path)[("Disdukcapil", date(2024, 2, 1))] == 90


def test_a_saved_mapping_meeting_a_file_of_another_kind_with_its_header_refuses_by_cell(store_path):
    """Same header, other content (statuses where counts were): refused naming the cells, never
    guessed."""
    with db.connect(store_path) as con:
        mapping.save(con, SITE, QUEUE, ANALYST)
    rows = [["03/02/2026", "Dukcapil", "Selesai"], ["04/02/2026", "Samsat", "Batal"]]
    report = load(store_path, lf.long_sheet(HEADER, rows))
    assert report.outcome == "refused"
    found = codes_and_cells(report.problems)
    assert {("angka_tidak_sah", "Data", "C2"), ("angka_tidak_sah", "Data", "C3")} <= set(found), found
    assert monthly(store_path) == {}


def test_of_two_saved_mappings_with_one_header_the_sites_own_reads_the_file(store_path):
    with db.connect(store_path) as con:
        mapping.save(
            con, SITE, replace(QUEUE, name="Milik Balikpapan", agency_column=None, agency="Samsat"), ANALYST
        )
        mapping.save(con, OTHER_SITE, replace(QUEUE, name="Milik Paser"), ANALYST)  # saved later
    report = load(store_path, lf.long_sheet(HEADER, FEBRUARY))
    assert report.mapping == "Milik Balikpapan"
    assert monthly(store_path) == {("Samsat", date(2026, 2, 1)): 16}


def test_of_two_mappings_given_with_one_header_the_first_reads_the_file(store_path):
    first = replace(QUEUE, name="Pertama")
    second = replace(QUEUE, name="Kedua", agency_column=None, agency="Samsat")
    report = load(store_path, lf.long_sheet(HEADER, FEBRUARY), mappings=(first, second))
    assert report.mapping == "Pertama"
    assert monthly(store_path) == {("Disdukcapil", date(2026, 2, 1)): 9, ("Samsat", date(2026, 2, 1)): 7}


def test_the_same_file_again_changes_nothing_and_a_corrected_one_replaces_what_it_covers(store_path):
    february = lf.long_sheet(HEADER, FEBRUARY)
    assert load(store_path, february, mappings=(QUEUE,), save_mappings=True).outcome == "added"
    march = lf.long_sheet(HEADER, [["02/03/2026", "Dukcapil", 9]])
    assert load(store_path, march, name="antrean_maret.xlsx").outcome == "added"
    again = load(store_path, february, name="antrean_februari (1).xlsx")
    assert again.outcome == "unchanged" and loads_count(store_path) == 2
    corrected = lf.long_sheet(HEADER, [["03/02/2026", "Dukcapil", 6], ["27/02/2026", "Dukcapil", 4]])
    report = load(store_path, corrected, name="antrean_februari_koreksi.xlsx")
    assert report.outcome == "replaced", report.problems
    assert monthly(store_path) == {
        ("Disdukcapil", date(2026, 2, 1)): 10,  # 5 -> 6 on the 3rd
        ("Samsat", date(2026, 2, 1)): 7,  # not in the correction: kept
        ("Disdukcapil", date(2026, 3, 1)): 9,  # another month: kept
    }


# ---- the command line --------------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"a":' * 5000 + "1" + "}" * 5000, "bersarang terlalu dalam"),
        (" " * (300 * 1024), "melebihi batas 256 KB"),
        (None, "tidak dapat dibaca"),  # a folder
        (spec(service_column="NIK", header=[*QUEUE.header, "NIK"]), "data pribadi"),
    ],
)
def test_ingest_with_a_hostile_mapping_file_refuses_it_naming_it_and_writes_nothing(
    capsys, tmp_path, store_path, content, said
):
    given = tmp_path / "pemetaan.json"
    given.mkdir() if content is None else given.write_text(content, encoding="utf-8")
    data = tmp_path / "antrean_februari.xlsx"
    data.write_bytes(lf.long_sheet(HEADER, FEBRUARY))
    code, out, err = run(
        capsys, "ingest", str(data), "--site", SITE, "--mapping", str(given), "--db", str(store_path)
    )
    assert code == 1 and "pemetaan.json" in err and said in err
    assert "Traceback" not in out + err
    assert loads_count(store_path) == 0


def test_mapping_export_to_a_folder_that_does_not_exist_is_said_not_raised(capsys, tmp_path, store_path):
    with db.connect(store_path) as con:
        mapping.save(con, SITE, QUEUE, ANALYST)
    target = tmp_path / "tidak_ada" / "pemetaan.json"
    code, _, err = run(
        capsys, "mapping", "export", QUEUE.name, "--site", SITE, "--to", str(target), "--db", str(store_path)
    )
    assert code == 1 and "tidak dapat ditulis" in err and str(target) in err
    assert not target.exists()


def test_mapping_import_for_no_site_or_under_a_bad_name_saves_nothing(capsys, tmp_path, store_path):
    given = tmp_path / "pemetaan.json"
    given.write_text(to_json(QUEUE), encoding="utf-8")
    for extra in (
        ["--site", ""],
        ["--site", "  "],
        ["--site", SITE, "--name", "=HYPERLINK(1)"],
        ["--site", SITE, "--name", "a\u202eb"],
    ):
        code, _, err = run(capsys, "mapping", "import", str(given), *extra, "--db", str(store_path))
        assert code == 1 and "pemetaan_tidak_sah" in err, (extra, err)
    with db.connect(store_path, read_only=True) as con:
        assert mapping.for_site(con, None) == []


def test_mapping_export_defuses_formula_like_names_for_the_spreadsheet_that_opens_it(capsys, store_path):
    risky = replace(QUEUE, header=("TANGGAL KUNJUNGAN", "LOKET", "BANYAKNYA"), agency_column="-Loket")
    with db.connect(store_path) as con:
        mapping.save(con, SITE, risky, ANALYST)
    code, out, _ = run(capsys, "mapping", "export", QUEUE.name, "--site", SITE, "--db", str(store_path))
    assert code == 0 and json.loads(out)["agency_column"] == "'-Loket"
    assert from_json(out, "x.json").agency_column == "'-Loket"


def test_the_command_line_says_a_month_of_zero_for_every_agency(capsys, tmp_path, store_path):
    recap = lf.yearly_recap(
        {"DISDUKCAPIL": [100, 90, "-"], "Samsat": [5, 6, 0]},
        title="REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2025",
    )
    path = tmp_path / "rekap_2025.xlsx"
    path.write_bytes(recap)
    code, out, _ = run(capsys, "ingest", str(path), "--db", str(store_path))
    assert code == 0, out
    assert "PERHATIAN : bulan 03/2025 bernilai 0 untuk semua instansi" in out


# ---- zero months --------------------------------------------------------------------------------------

SAMARINDA = "REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2025"


def test_one_agency_at_zero_in_a_month_is_asked_about(store_path):
    report = ingest(
        store_path,
        "rekap.xlsx",
        lf.yearly_recap({"DISDUKCAPIL": [100, 0, 7]}, title=SAMARINDA),
        Options(dry_run=True),
    )
    assert report.ok and report.zero_months == [date(2025, 2, 1)]


def test_a_month_of_dashes_and_a_month_of_zeros_are_both_asked_a_month_of_blanks_is_no_figure(store_path):
    recap = lf.yearly_recap(
        {"DISDUKCAPIL": [100, "-", 0, None], "Samsat": [5, "-", 0, None]}, title=SAMARINDA
    )
    report = ingest(store_path, "rekap.xlsx", recap, Options(actor=COMMAND_LINE))
    assert report.ok and report.zero_months == [date(2025, 2, 1), date(2025, 3, 1)]
    assert {month for _, month in monthly(store_path)} == {date(2025, m, 1) for m in (1, 2, 3)}


def test_daily_figures_of_zero_are_never_asked_about(store_path):
    rows = [["03/02/2026", "Dukcapil", 0], ["04/02/2026", "Samsat", 0]]
    report = load(store_path, lf.long_sheet(HEADER, rows), dry_run=True, mappings=(QUEUE,))
    assert report.ok and report.zero_months == []


def test_every_month_left_out_refuses_the_file_and_writes_nothing(store_path):
    recap = lf.yearly_recap({"DISDUKCAPIL": ["-", "-"], "Samsat": [0, 0]}, title=SAMARINDA)
    months = (date(2025, 1, 1), date(2025, 2, 1))
    report = ingest(store_path, "rekap.xlsx", recap, Options(actor=COMMAND_LINE, unreported_months=months))
    assert report.outcome == "refused" and [p.code for p in report.problems] == ["kosong"]
    assert loads_count(store_path) == 0 and monthly(store_path) == {}


def test_a_correction_leaving_out_a_month_not_yet_reported_keeps_that_months_figures(store_path):
    first = lf.yearly_recap({"DISDUKCAPIL": [100, 90, 50], "Samsat": [5, 6, 7]}, title=SAMARINDA)
    assert ingest(store_path, "rekap_maret.xlsx", first, Options(actor=COMMAND_LINE)).outcome == "added"
    corrected = lf.yearly_recap({"DISDUKCAPIL": [101, 90, "-"], "Samsat": [5, 6, "-"]}, title=SAMARINDA)
    options = Options(actor=COMMAND_LINE, unreported_months=(date(2025, 3, 1),))
    assert ingest(store_path, "rekap_koreksi.xlsx", corrected, options).outcome == "replaced"
    figures = monthly(store_path)
    assert figures[("Disdukcapil", date(2025, 1, 1))] == 101
    assert figures[("Disdukcapil", date(2025, 3, 1))] == 50 and figures[("Samsat", date(2025, 3, 1))] == 7


# ---- the guarded reader ------------------------------------------------------------------------------


@pytest.mark.slow
def test_after_a_read_that_timed_out_a_mapped_file_previews_right(monkeypatch, store_path, tmp_path):
    monkeypatch.setenv("MPP_GUARDED_READS", "1")
    monkeypatch.setenv("MPP_GUARDED_READS_WAIT", "120")
    with db.connect(store_path) as con:
        mapping.save(con, SITE, QUEUE, ANALYST)
    pipe = tmp_path / "tak_berujung.csv"
    os.mkfifo(pipe)  # nobody ever writes: the child waits until the time limit
    with pytest.raises(FileRefused) as slow:
        read_file_guarded(pipe, timeout=2)
    assert slow.value.problems[0].code == "too_slow"
    with db.connect(store_path) as con:
        report = upload.preview(
            con, "antrean_februari.xlsx", lf.long_sheet(HEADER, FEBRUARY), Options(site=SITE)
        )
    assert report.ok and report.mapping == QUEUE.name
    assert report.monthly_totals == [("Disdukcapil", "2026-02", 9), ("Samsat", "2026-02", 7)]


@pytest.mark.slow
def test_mapped_previews_from_many_threads_each_get_their_own_figures(monkeypatch, store_path):
    monkeypatch.setenv("MPP_GUARDED_READS", "2")
    monkeypatch.setenv("MPP_GUARDED_READS_WAIT", "120")
    with db.connect(store_path) as con:
        mapping.save(con, SITE, QUEUE, ANALYST)
    files = {f"antrean_{i}.xlsx": lf.long_sheet(HEADER, [["03/02/2026", "Dukcapil", i]]) for i in range(1, 7)}
    results: dict[str, list] = {}

    def preview(name: str) -> None:
        with db.connect(store_path, read_only=True) as con:
            results[name] = upload.preview(con, name, files[name], Options(site=SITE)).monthly_totals

    threads = [threading.Thread(target=preview, args=(name,)) for name in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    assert results == {f"antrean_{i}.xlsx": [("Disdukcapil", "2026-02", i)] for i in range(1, 7)}


# ---- the page ---------------------------------------------------------------------------------------

PAGE = "pages/8_Unggah.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_HEADER = ["Hari Layanan", "Unit Tujuan", "Urusan", "Banyak Orang"]


def widget(elements, label: str):
    return next(w for w in elements if w.label == label)


def test_the_page_refuses_one_column_for_two_roles_and_a_hostile_import_without_a_traceback(
    demo_db, open_app
):
    at = as_analyst(open_app, demo_db, PAGE)
    rows = [["01/08/2026", "Disdukcapil", "KTP-el", 5], ["02/08/2026", "Samsat", "PKB", 7]]
    data = lf.long_sheet(PAGE_HEADER, rows, title="REKAP HARIAN MPP KOTA BALIKPAPAN")
    at.file_uploader[0].set_value(("rekap_harian_agustus.xlsx", data, XLSX)).run()
    widget(at.selectbox, "Kolom instansi").select("Unit Tujuan")
    widget(at.selectbox, "Kolom layanan (boleh tidak ada)").select("Unit Tujuan")  # careless: twice
    widget(at.selectbox, "Kolom tanggal").select("Hari Layanan")
    widget(at.selectbox, "Kolom jumlah").select("Banyak Orang")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("kolom 'Unit Tujuan' dipetakan lebih dari sekali" in i.value for i in at.info)
    assert widget(at.button, "Simpan dan periksa lagi").disabled

    spoofed = {**json.loads(to_json(QUEUE)), "name": "Rekap\u202eslx.exe"}
    at.file_uploader(key="cm_import_file").set_value(
        ("kiriman.json", json.dumps(spoofed).encode(), "application/json")
    )
    widget(at.selectbox, "Lokasi pemetaan yang diimpor").select("MPP Kabupaten Balangan")
    at.run()
    widget(at.button, "Impor").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    refusal = " ".join(e.value for e in at.error)
    assert "Berkas kiriman.json tidak diimpor" in refusal and "karakter kendali" in refusal
    with db.connect(demo_db, read_only=True) as con:
        assert mapping.for_site(con, None) == []
