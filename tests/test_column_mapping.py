"""Column mapping, taught once (issue 13): a sheet no layout recognises is refused; mapped, it loads
the right monthly figures per agency; saved for the site, the next month's file loads by itself; the
JSON that offices share is checked field by field. Files made in code, loaded into real DuckDB files."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from loaders import mapping, read
from loaders.layouts import parse_workbook
from loaders.layouts.common import Context
from loaders.load import Options, ingest
from loaders.mapping import ColumnMapping, from_json, header_cells, to_json
from loaders.model import FileRefused
from mpp.access.accounts import COMMAND_LINE, PermissionDenied, User
from mpp.reference.mappings import MappingRefused
from mpp.store import db
from tests import layout_files as lf

SITE = "MPP Kota Balikpapan"
HEADER = ["Tanggal Kunjungan", "Loket Tujuan", "Banyaknya"]
FEBRUARY = [
    ["03/02/2026", "Dukcapil", 5],
    ["04/02/2026", "Samsat", 7],
    ["27/02/2026", "Dukcapil", 4],
]
MARCH = [["02/03/2026", "Dukcapil", 9], ["03/03/2026", "Samsat", 1], ["JUMLAH", None, 10]]
QUEUE = ColumnMapping(
    "Rekap antrean Dukcapil",
    header_row=1,
    header=("TANGGAL KUNJUNGAN", "LOKET TUJUAN", "BANYAKNYA"),
    agency_column="Loket Tujuan",
    date_column="Tanggal Kunjungan",
    count_column="Banyaknya",
)
ANALYST = User("ani", "analyst")


@pytest.fixture
def store_path(empty_store_file, tmp_path) -> Path:
    path = tmp_path / "store.duckdb"
    shutil.copy(empty_store_file, path)
    return path


def load(store_path: Path, data: bytes, name: str = "antrean_februari.xlsx", **options):
    return ingest(store_path, name, data, Options(site=SITE, actor=COMMAND_LINE, **options))


def monthly(store_path: Path) -> dict[tuple[str, date], int]:
    with db.connect(store_path, read_only=True) as con:
        rows = con.execute(
            "SELECT agency, month, visits FROM monthly_agency_visits WHERE site = ?", [SITE]
        ).fetchall()
    return {(agency, month): visits for agency, month, visits in rows}


def sheet_of(data: bytes, name: str = "antrean.xlsx"):
    return read.read_file(None, data, name=name).sheets[0]


# ---- refused without a mapping, loaded with one ----------------------------------------------------


def test_a_queue_export_no_layout_knows_is_refused_without_a_mapping(store_path):
    report = load(store_path, lf.long_sheet(HEADER, FEBRUARY))
    assert report.outcome == "refused"
    assert {p.code for p in report.problems} == {"tata_letak_tidak_dikenal"}
    assert any("'Tanggal Kunjungan', 'Loket Tujuan', 'Banyaknya'" in p.message for p in report.problems)
    assert monthly(store_path) == {}


def test_with_a_mapping_it_loads_the_monthly_figures_per_agency(store_path):
    report = load(store_path, lf.long_sheet(HEADER, FEBRUARY), mappings=(QUEUE,))
    assert report.outcome == "added", report.problems
    assert report.mapping == "Rekap antrean Dukcapil"
    assert "dipetakan dengan 'Rekap antrean Dukcapil'" in report.notes
    assert report.monthly_totals == [("Disdukcapil", "2026-02", 9), ("Samsat", "2026-02", 7)]
    assert monthly(store_path) == {("Disdukcapil", date(2026, 2, 1)): 9, ("Samsat", date(2026, 2, 1)): 7}


def test_the_header_is_the_signature_a_mapping_matches():
    sheet = sheet_of(lf.long_sheet(HEADER, FEBRUARY))
    assert header_cells(sheet, 1) == QUEUE.header
    assert mapping.matches(QUEUE, sheet)
    other = sheet_of(lf.long_sheet(["Tanggal Kunjungan", "Loket", "Banyaknya"], FEBRUARY))
    assert not mapping.matches(QUEUE, other)
    assert not mapping.matches(replace(QUEUE, sheet="Rekap"), sheet)  # the sheet is 'Data'


def test_a_mapping_does_not_read_a_sheet_whose_header_differs(store_path):
    data = lf.long_sheet(["Tanggal Kunjungan", "Loket Tujuan", "Banyaknya Tiket"], FEBRUARY)
    report = load(store_path, data, mappings=(QUEUE,))
    assert report.outcome == "refused"
    assert {p.code for p in report.problems} == {"tata_letak_tidak_dikenal"}


def test_a_saved_mapping_reads_the_next_months_file_by_itself(store_path):
    first = load(store_path, lf.long_sheet(HEADER, FEBRUARY), mappings=(QUEUE,), save_mappings=True)
    assert first.outcome == "added"
    with db.connect(store_path, read_only=True) as con:
        assert mapping.for_site(con, SITE) == [QUEUE]
    report = load(store_path, lf.long_sheet(HEADER, MARCH), name="antrean_maret.xlsx")
    assert report.outcome == "added", report.problems
    assert report.mapping == "Rekap antrean Dukcapil"
    assert monthly(store_path) == {
        ("Disdukcapil", date(2026, 2, 1)): 9,
        ("Samsat", date(2026, 2, 1)): 7,
        ("Disdukcapil", date(2026, 3, 1)): 9,  # the JUMLAH row is a total, not a day
        ("Samsat", date(2026, 3, 1)): 1,
    }


def test_a_saved_mapping_also_serves_a_file_whose_site_is_known_only_from_its_title(store_path):
    with db.connect(store_path) as con:
        mapping.save(con, SITE, QUEUE, ANALYST)
    data = lf.long_sheet(HEADER, MARCH, title="Rekap antrean MPP Kota Balikpapan")
    titled = replace(QUEUE, header_row=2)
    with db.connect(store_path) as con:
        mapping.save(con, SITE, replace(titled, name="Dengan judul"), ANALYST)
    report = ingest(store_path, "rekap.xlsx", data, Options(actor=COMMAND_LINE))
    assert report.outcome == "added", report.problems
    assert (report.site, report.mapping) == (SITE, "Dengan judul")


def test_re_sending_the_same_file_changes_nothing(store_path):
    data = lf.long_sheet(HEADER, FEBRUARY)
    assert load(store_path, data, mappings=(QUEUE,), save_mappings=True).outcome == "added"
    before = monthly(store_path)
    again = load(store_path, data)
    assert again.outcome == "unchanged"
    assert monthly(store_path) == before
    with db.connect(store_path, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM loads").fetchone() == (1,)


def test_a_given_mapping_wins_over_a_saved_one_with_the_same_header(store_path):
    with db.connect(store_path) as con:
        mapping.save(con, SITE, replace(QUEUE, agency=None), ANALYST)
    one_office = replace(QUEUE, name="Satu loket", agency_column=None, agency="Samsat")
    report = load(store_path, lf.long_sheet(HEADER, FEBRUARY), mappings=(one_office,))
    assert report.mapping == "Satu loket"
    assert monthly(store_path) == {("Samsat", date(2026, 2, 1)): 16}


def test_another_sites_mapping_serves_only_when_it_takes_the_agency_from_a_column(store_path):
    """A header belongs to a queue system, so a mapping saved for Paser reads Balikpapan's file; one
    agency for the whole file is Paser's own fact, so such a mapping never reads another's file."""
    one_office = replace(QUEUE, name="Satu loket", agency_column=None, agency="Samsat")
    with db.connect(store_path) as con:
        mapping.save(con, "MPP Kabupaten Paser", one_office, ANALYST)
    report = load(store_path, lf.long_sheet(HEADER, FEBRUARY))
    assert report.outcome == "refused" and monthly(store_path) == {}
    assert {p.code for p in report.problems} == {"tata_letak_tidak_dikenal"}
    with db.connect(store_path) as con:
        mapping.save(con, "MPP Kabupaten Paser", QUEUE, ANALYST)
    report = load(store_path, lf.long_sheet(HEADER, FEBRUARY))
    assert report.outcome == "added" and report.mapping == QUEUE.name
    assert monthly(store_path) == {("Disdukcapil", date(2026, 2, 1)): 9, ("Samsat", date(2026, 2, 1)): 7}


# ---- what a mapping reads -------------------------------------------------------------------------


def test_month_columns_take_the_year_of_the_title():
    header = ["Nama Loket", "Bln 1", "Bln 2", "Bln 3"]
    rows = [["Dukcapil", 120, "1.263", None], ["Samsat", "-", 40, None]]
    data = lf.long_sheet(header, rows, title="Rekap kunjungan MPP Kota Balikpapan tahun 2025")
    wide = ColumnMapping(
        "Rekap bulanan",
        header_row=2,
        header=header_cells(sheet_of(data), 2),
        agency_column="Nama Loket",
        month_columns=(("Bln 1", "01"), ("Bln 2", "02"), ("Bln 3", "03")),
    )
    parsed = parse_workbook(read.read_file(None, data, name="rekap.xlsx"), Context(mappings=(wide,)))
    assert mapping.preview_totals(parsed) == [
        ("Dukcapil", "2025-01", 120),
        ("Dukcapil", "2025-02", 1263),
        ("Samsat", "2025-01", 0),
        ("Samsat", "2025-02", 40),
    ]  # March not reported yet: blank cells are no figure
    assert set(parsed.service["grain"]) == {"month"}
    assert parsed.site == SITE


def test_month_columns_without_a_year_anywhere_are_refused_asking_for_it():
    header = ["Nama Loket", "Bln 1"]
    data = lf.long_sheet(header, [["Dukcapil", 5]])
    wide = ColumnMapping(
        "Tanpa tahun", 1, header_cells(sheet_of(data), 1), "Nama Loket", month_columns=(("Bln 1", "01"),)
    )
    with pytest.raises(FileRefused) as refused:
        parse_workbook(read.read_file(None, data, name="rekap.xlsx"), Context(mappings=(wide,)))
    assert [(p.code, p.way_out) for p in refused.value.problems] == [("tahun_tidak_diketahui", "year")]


def test_one_row_per_ticket_counts_only_the_served_values(store_path):
    header = ["Waktu Ambil", "Loket", "Keterangan"]
    rows = [
        ["04/02/2026", "Dukcapil", "COMPLETED"],
        ["04/02/2026", "Dukcapil", "COMPLETED"],
        ["04/02/2026", "Dukcapil", "CANCELLED"],
        ["05/02/2026", "Dukcapil", "WAITING"],
        ["05/02/2026", "Samsat", "Beres"],  # a word no table knows: not counted, never refused
        ["05/02/2026", "Samsat", "Beres"],
    ]
    data = lf.long_sheet(header, rows)
    tickets = ColumnMapping(
        "Tiket",
        1,
        header_cells(sheet_of(data), 1),
        agency_column="Loket",
        date_column="Waktu Ambil",
        status_column="Keterangan",
        served=("Completed", "beres"),
    )
    report = load(store_path, data, mappings=(tickets,))
    assert report.outcome == "added", report.problems
    assert monthly(store_path) == {("Disdukcapil", date(2026, 2, 1)): 2, ("Samsat", date(2026, 2, 1)): 2}
    with db.connect(store_path, read_only=True) as con:
        outcomes = con.execute("SELECT agency, cancelled, no_show FROM monthly_queue_outcomes").fetchall()
    assert outcomes == [("Disdukcapil", 1, 0)]


def test_first_of_month_dates_are_monthly_figures():
    rows = [["01/01/2026", "Dukcapil", 300], ["01/02/2026", "Dukcapil", 280]]
    parsed = parse_workbook(
        read.read_file(None, lf.long_sheet(HEADER, rows), name="x.xlsx"), Context(mappings=(QUEUE,))
    )
    assert set(parsed.service["grain"]) == {"month"}
    assert mapping.preview_totals(parsed) == [("Dukcapil", "2026-01", 300), ("Dukcapil", "2026-02", 280)]


def test_a_figure_given_twice_is_refused_naming_both_rows_unless_the_mapping_adds_them_up():
    rows = [["03/02/2026", "Dukcapil", 5], ["03/02/2026", "Dukcapil", 6]]
    book = read.read_file(None, lf.long_sheet(HEADER, rows), name="x.xlsx")
    parsed = parse_workbook(book, Context(mappings=(QUEUE,)))
    assert [(p.code, p.cell) for p in parsed.problems] == [("baris_ganda", "C3")]
    assert "Baris 2 dan baris 3" in parsed.problems[0].message
    summed = parse_workbook(book, Context(mappings=(replace(QUEUE, sum_duplicates=True),)))
    assert summed.problems == [] and mapping.preview_totals(summed) == [("Dukcapil", "2026-02", 11)]


def test_every_unreadable_cell_is_a_problem_naming_its_cell():
    rows = [["03/02/2026", "Dukcapil", "lima"], ["kemarin", "Samsat", 7], ["05/02/2026", "Samsat", -2]]
    parsed = parse_workbook(
        read.read_file(None, lf.long_sheet(HEADER, rows), name="x.xlsx"), Context(mappings=(QUEUE,))
    )
    assert sorted((p.code, p.sheet, p.cell) for p in parsed.problems) == [
        ("angka_negatif", "Data", "C4"),
        ("angka_tidak_sah", "Data", "C2"),
        ("tanggal_tidak_sah", "Data", "A3"),
    ]


def test_a_mapped_column_the_sheet_lacks_is_refused_naming_it():
    sheet = sheet_of(lf.long_sheet(HEADER, FEBRUARY))
    with pytest.raises(FileRefused) as refused:
        mapping.apply(replace(QUEUE, service_column="Layanan"), sheet, Context(file_name="x.xlsx"))
    (problem,) = refused.value.problems
    assert problem.code == "kolom_pemetaan_tidak_ada" and "'Layanan'" in problem.message


def test_the_page_is_offered_each_column_with_sample_values():
    sheet = sheet_of(lf.long_sheet(HEADER, FEBRUARY))
    assert mapping.columns_of(sheet, 1) == [
        ("Tanggal Kunjungan", ("03/02/2026", "04/02/2026", "27/02/2026")),
        ("Loket Tujuan", ("Dukcapil", "Samsat")),
        ("Banyaknya", ("5", "7", "4")),
    ]
    assert mapping.likely_header_row(sheet) == 1


# ---- personal data --------------------------------------------------------------------------------

PERSONAL_HEADER = ["Tanggal", "NIK", "Nama Pemohon", "No HP", "Loket", "Banyaknya"]
PERSONAL_ROWS = [["03/02/2026", "3171234567890001", "Budi Santoso", "081234567890", "Dukcapil", 3]]


def test_personal_data_columns_are_never_offered_nor_stored(store_path):
    data = lf.long_sheet(PERSONAL_HEADER, PERSONAL_ROWS)
    sheet = sheet_of(data)
    offered = [name for name, _ in mapping.columns_of(sheet, 1)]
    assert offered == ["Tanggal", "Loket", "Banyaknya"]
    mapped = ColumnMapping(
        "Dengan NIK", 1, header_cells(sheet, 1), "Loket", date_column="Tanggal", count_column="Banyaknya"
    )
    report = load(store_path, data, mappings=(mapped,), save_mappings=True)
    assert report.outcome == "added", report.problems
    with db.connect(store_path, read_only=True) as con:
        kept = json.dumps(con.execute("SELECT * FROM column_mappings").fetchall(), default=str)
        names = con.execute("SELECT DISTINCT service FROM service_visits").fetchall()
    assert "3171234567890001" not in kept and "Budi" not in kept and "0812" not in kept
    assert names == [(None,)]


def test_a_mapping_that_maps_a_personal_column_is_refused():
    named = replace(QUEUE, service_column="Nama Pemohon")
    with pytest.raises(FileRefused) as refused:
        from_json(to_json(named), "bagikan.json")
    assert [p.code for p in refused.value.problems] == ["data_pribadi"]
    assert "'Nama Pemohon'" in refused.value.problems[0].message


# ---- JSON -----------------------------------------------------------------------------------------


def test_json_round_trip():
    full = replace(
        QUEUE,
        service_column="Layanan",
        status_column="Status",
        served=("Selesai", "(kosong)"),
        sheet="Data",
        sum_duplicates=True,
    )
    text = to_json(full)
    assert json.loads(text)["pantau_mpp_mapping"] == 1
    assert from_json(text, "x.json") == full
    assert from_json(text.encode("utf-8-sig"), "x.json") == full
    wide = ColumnMapping(
        "Bulanan", 3, ("NAMA", "BLN 1"), agency="Samsat", month_columns=(("Bln 1", "2025-01"),)
    )
    assert from_json(to_json(wide), "x.json") == wide


def spec(**changes) -> str:
    return json.dumps({**json.loads(to_json(QUEUE)), **changes})


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("x" * (300 * 1024), "melebihi batas 256 KB"),
        ("[" * 100_000 + "]" * 100_000, "bersarang terlalu dalam"),
        ("{'name': 1}", "bukan JSON yang sah"),
        ('{"pantau_mpp_mapping": 1, "header_row": NaN}', "bukan JSON yang sah"),
        ("[1, 2]", "bukan pemetaan kolom Pantau MPP"),
        (spec(pantau_mpp_mapping=7), "versi 7 tidak dikenal"),
        (spec(header_row="1"), "'header_row' harus bilangan bulat"),
        (spec(header_row=True), "'header_row' harus bilangan bulat"),
        (spec(header={"a": 1}), "'header' harus daftar teks"),
        (spec(month_columns=[["Bln 1"]]), "'month_columns' harus daftar pasangan"),
        (spec(served=["ok", 3]), "'served' memuat 1 nilai"),
        (spec(name='=HYPERLINK("http://x")'), "diawali = + - @"),
        (spec(agency="@SUM(A1)", agency_column=None), "diawali = + - @"),
        (spec(name="a" * 500), "lebih dari 200 karakter"),
        (spec(name="Rekap\x00"), "karakter kendali"),
        (spec(sum_duplicates="ya"), "'sum_duplicates' harus true atau false"),
        (spec(macro="x"), "kunci 'macro' tidak dikenal"),
    ],
)
def test_a_hostile_mapping_file_is_refused_naming_the_file(text, said):
    with pytest.raises(FileRefused) as refused:
        from_json(text, "kiriman.json")
    messages = " ".join(p.message for p in refused.value.problems)
    assert said in messages
    assert all(p.file == "kiriman.json" and "kiriman.json" in p.message for p in refused.value.problems)


def test_every_problem_of_a_mapping_file_is_said_at_once():
    text = json.dumps({"pantau_mpp_mapping": 1, "name": 5, "header_row": 0, "agency": "=1+1"})
    with pytest.raises(FileRefused) as refused:
        from_json(text, "kiriman.json")
    messages = [p.message for p in refused.value.problems]
    assert len(messages) == 4, messages  # header missing; name, header_row of the wrong type; a formula
    assert {p.code for p in refused.value.problems} == {"pemetaan_tidak_sah"}


def test_a_mapping_with_no_agency_or_no_period_is_refused():
    text = spec(agency_column=None, date_column=None)
    with pytest.raises(FileRefused) as refused:
        from_json(text, "kiriman.json")
    assert [p.code for p in refused.value.problems] == ["pemetaan_tidak_lengkap"] * 2


# ---- the saved mappings of a site -----------------------------------------------------------------


def test_save_list_rename_and_delete(store):
    mapping.save(store, SITE, QUEUE, ANALYST)
    mapping.save(store, "MPP Kabupaten Paser", replace(QUEUE, name="Paser"), ANALYST)
    assert [m.name for m in mapping.for_site(store, SITE)] == ["Rekap antrean Dukcapil"]
    assert {m.name for m in mapping.for_site(store, None)} == {"Rekap antrean Dukcapil", "Paser"}
    mapping.save(store, SITE, replace(QUEUE, count_column=None), ANALYST)  # the same name replaces it
    assert mapping.for_site(store, SITE) == [replace(QUEUE, count_column=None)]
    mapping.rename(store, SITE, "Rekap antrean Dukcapil", "Antrean  harian", ANALYST)
    assert [m.name for m in mapping.for_site(store, SITE)] == ["Antrean harian"]
    mapping.save(store, SITE, replace(QUEUE, name="Lain"), ANALYST)
    with pytest.raises(MappingRefused, match="sudah dipakai"):
        mapping.rename(store, SITE, "Lain", "Antrean harian", ANALYST)
    with pytest.raises(FileRefused, match="diawali"):
        mapping.rename(store, SITE, "Lain", "=cmd", ANALYST)
    mapping.delete(store, SITE, "Antrean harian", ANALYST)
    assert [m.name for m in mapping.for_site(store, SITE)] == ["Lain"]
    with pytest.raises(MappingRefused, match="Tidak ada pemetaan kolom 'Antrean harian'"):
        mapping.delete(store, SITE, "Antrean harian", ANALYST)
    saved_by = store.execute("SELECT DISTINCT saved_by FROM column_mappings").fetchall()
    assert saved_by == [("ani",)]


def test_only_analysts_and_admins_change_saved_mappings(store):
    viewer = User("vina", "viewer")
    with pytest.raises(PermissionDenied):
        mapping.save(store, SITE, QUEUE, viewer)
    mapping.save(store, SITE, QUEUE, ANALYST)
    for change in (
        lambda: mapping.rename(store, SITE, QUEUE.name, "Baru", viewer),
        lambda: mapping.delete(store, SITE, QUEUE.name, viewer),
        lambda: mapping.save(store, SITE, QUEUE, None),
    ):
        with pytest.raises(PermissionDenied):
            change()
    assert mapping.for_site(store, SITE) == [QUEUE]


def test_a_store_made_before_mappings_gets_the_table(empty_store_file, tmp_path):
    path = tmp_path / "old.duckdb"
    shutil.copy(empty_store_file, path)
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE column_mappings")
        con.execute("DELETE FROM schema_version WHERE version = 11")
    with db.connect(path, read_only=True) as con:
        assert mapping.for_site(con, SITE) == []


def test_a_version_written_as_true_is_not_version_1():
    with pytest.raises(FileRefused, match="versi True tidak dikenal"):
        from_json(spec(pantau_mpp_mapping=True), "kiriman.json")


def test_a_status_column_without_served_values_or_two_agencies_is_incomplete():
    sheet = sheet_of(lf.long_sheet(HEADER, FEBRUARY))
    unclear = replace(QUEUE, agency="Samsat", status_column="Banyaknya", count_column=None)
    with pytest.raises(FileRefused) as refused:
        mapping.apply(unclear, sheet, Context(file_name="x.xlsx"))
    messages = [p.message for p in refused.value.problems]
    assert [p.code for p in refused.value.problems] == ["pemetaan_tidak_lengkap"] * 2
    assert "(salah satu)" in messages[0] and "nilai status yang dihitung" in messages[1]


def test_a_mapping_to_save_without_a_usable_name_refuses_the_load_before_writing(store_path):
    unnamed = replace(QUEUE, name="=1+1")
    report = load(store_path, lf.long_sheet(HEADER, FEBRUARY), mappings=(unnamed,), save_mappings=True)
    assert report.outcome == "refused"
    assert [p.code for p in report.problems] == ["pemetaan_tidak_sah"]
    assert monthly(store_path) == {}
