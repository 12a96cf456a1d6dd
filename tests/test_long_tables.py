"""Long tables (one figure a row): a figure given twice is refused naming both rows unless the user
asks to add them up, and first-of-month dates are months. Files made in code, loaded into DuckDB."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from loaders import read
from loaders.layouts import parse_workbook
from loaders.layouts.common import Context
from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from tests import layout_files as lf

ROOT = Path(__file__).resolve().parents[1]
AS_CLI = Options(actor=COMMAND_LINE)
SUMMING = Options(actor=COMMAND_LINE, sum_duplicates=True)
SITE = "MPP Kota Balikpapan"
FILE = "harian_mpp_kota_balikpapan.csv"
HEADER = ["Tanggal", "Instansi", "Layanan", "Jumlah"]
TWICE = [
    ["03/02/2025", "Samsat", "PKB", "5"],  # row 2
    ["03/02/2025", "Disdukcapil", "KTP", "7"],  # row 3
    ["03/02/2025", "Samsat", "PKB", "6"],  # row 4: row 2's key again
    ["04/02/2025", "Disdukcapil", "KTP", "1"],  # row 5
    ["03/02/2025", "Disdukcapil", "KTP", "2"],  # row 6: row 3's key again
    ["03/02/2025", "Samsat", "BBNKB", "4"],  # row 7: another service, not a duplicate
]


def parse(data: bytes, name: str = FILE, **context):
    return parse_workbook(read.read_file(None, data, name=name), Context(file_name=name, **context))


def stored(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, date, str], int]:
    """(agency, day, grain) -> visits, as service_visits holds them for the site."""
    rows = con.execute(
        "SELECT a.name, v.day, v.grain, sum(v.visits) FROM service_visits v JOIN agencies a USING (agency_id) "
        "JOIN sites s USING (site_id) WHERE s.name = ? AND v.superseded_by IS NULL GROUP BY ALL",
        [SITE],
    ).fetchall()
    return {(agency, day, grain): visits for agency, day, grain, visits in rows}


def monthly(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, date], int]:
    rows = con.execute(
        "SELECT agency, month, visits FROM monthly_agency_visits WHERE site = ?", [SITE]
    ).fetchall()
    return {(agency, month): visits for agency, month, visits in rows}


# ---- the same key twice ---------------------------------------------------------------------------


def test_every_figure_given_twice_is_a_problem_naming_both_rows():
    problems = parse(lf.long_csv(HEADER, TWICE)).problems
    assert [(p.code, p.cell) for p in problems] == [("baris_ganda", "D4"), ("baris_ganda", "D6")]
    samsat, disdukcapil = (p.message for p in problems)
    assert "Baris 2 dan baris 4" in samsat and "Samsat, layanan PKB, tanggal 03/02/2025" in samsat
    assert "Baris 3 dan baris 6" in disdukcapil and "Disdukcapil, layanan KTP" in disdukcapil
    assert all(p.way_out == "sum_duplicates" for p in problems)  # the command line: --sum-duplicates
    assert all(p.file == FILE for p in problems)


def test_a_file_with_a_figure_twice_is_refused_naming_file_sheet_and_rows_and_changes_nothing(store):
    report = ingest(store, FILE, lf.long_csv(HEADER, TWICE), AS_CLI)
    assert report.outcome == "refused"
    duplicates = [str(p) for p in report.problems if p.code == "baris_ganda"]
    assert len(duplicates) == 2
    assert duplicates[0].startswith(f"[baris_ganda] {FILE}, sheet ")
    assert "sel D4" in duplicates[0] and "Baris 2 dan baris 4" in duplicates[0]
    assert store.execute("SELECT count(*) FROM service_visits").fetchone() == (0,)


def test_sum_duplicates_adds_them_up_and_says_so(store):
    parsed = parse(lf.long_csv(HEADER, TWICE), sum_duplicates=True)
    assert parsed.problems == []
    assert "2 baris dengan kunci yang sama dijumlahkan (atas permintaan)" in parsed.notes
    report = ingest(store, FILE, lf.long_csv(HEADER, TWICE), SUMMING)
    assert report.outcome == "added", report.problems
    assert stored(store) == {
        ("Samsat", date(2025, 2, 3), "day"): 15,  # 5 + 6 for PKB, 4 for BBNKB
        ("Disdukcapil", date(2025, 2, 3), "day"): 9,
        ("Disdukcapil", date(2025, 2, 4), "day"): 1,
    }


def test_people_entering_given_twice_for_one_day_are_refused_too():
    data = lf.long_csv(["Tanggal", "Jumlah Pengunjung"], [["01/07/2025", "212"], ["01/07/2025", "3"]])
    problems = parse(data, "pengunjung.csv").problems
    assert [(p.code, p.cell) for p in problems] == [("baris_ganda", "B3")]
    assert "Baris 2 dan baris 3" in problems[0].message and "pengunjung MPP" in problems[0].message


def test_a_monthly_table_with_a_month_twice_names_the_month():
    data = lf.long_csv(
        ["Bulan", "Instansi", "Jumlah"], [["Mei 2019", "Samsat", "1"], ["2019-05-01", "Samsat", "2"]]
    )
    problems = parse(data, "bulanan.csv").problems
    assert [p.code for p in problems] == ["baris_ganda"]
    assert "Samsat, bulan 05/2019" in problems[0].message


# ---- first-of-month dates are months --------------------------------------------------------------


def first_of_month_rows(day: int = 1) -> list[list]:
    return [
        [f"{day:02d}/{month:02d}/2025", agency, "", str(n * month)]
        for month in (1, 2, 3)
        for agency, n in (("Samsat", 10), ("Disdukcapil", 100))
    ]


def test_dates_all_on_the_first_of_each_month_load_as_monthly_figures(store):
    report = ingest(store, FILE, lf.long_csv(HEADER, first_of_month_rows()), AS_CLI)
    assert report.outcome == "added", report.problems
    assert any("dibaca sebagai angka bulanan" in n for n in report.notes)
    assert stored(store) == {
        (agency, date(2025, m, 1), "month"): n * m
        for m in (1, 2, 3)
        for agency, n in (("Samsat", 10), ("Disdukcapil", 100))
    }
    assert monthly(store)[("Disdukcapil", date(2025, 3, 1))] == 300


def test_a_table_with_some_mid_month_dates_stays_daily(store):
    rows = [*first_of_month_rows(), ["15/02/2025", "Samsat", "", "4"]]
    report = ingest(store, FILE, lf.long_csv(HEADER, rows), AS_CLI)
    assert report.outcome == "added", report.problems
    grains = {grain for _, _, grain in stored(store)}
    assert grains == {"day"}
    assert monthly(store)[("Samsat", date(2025, 2, 1))] == 24


def test_one_first_of_month_date_alone_stays_a_day():
    parsed = parse(lf.long_csv(HEADER, [["01/02/2025", "Samsat", "PKB", "5"]]))
    assert parsed.service["grain"].tolist() == ["day"]


def test_first_of_month_dates_of_people_entering_are_monthly_too():
    rows = [["01/01/2025", "2.000"], ["01/02/2025", "1.800"]]
    parsed = parse(lf.long_csv(["Tanggal", "Jumlah Pengunjung"], rows), "pengunjung.csv")
    assert parsed.visitors[["day", "grain", "visitors"]].values.tolist() == [
        [date(2025, 1, 1), "month", 2000],
        [date(2025, 2, 1), "month", 1800],
    ]


@pytest.mark.parametrize(
    "cell", [date(2019, 5, 1), "2019-05-01", "Mei 2019", "May 2019", "05/2019", "5/2019"]
)
def test_a_month_column_of_any_spelling_loads_monthly_figures(store, cell):
    rows = [[cell, "Samsat", 12], [cell, "Disdukcapil", 30]]
    data = lf.long_sheet(["Bulan", "Instansi", "Jumlah"], rows, "REKAP KUNJUNGAN MPP KOTA BALIKPAPAN")
    report = ingest(store, "bulanan.xlsx", data, AS_CLI)
    assert report.outcome == "added", report.problems
    assert stored(store) == {
        ("Samsat", date(2019, 5, 1), "month"): 12,
        ("Disdukcapil", date(2019, 5, 1), "month"): 30,
    }


# ---- the command line -----------------------------------------------------------------------------


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow  # a child process
def test_the_command_line_refuses_a_figure_twice_and_adds_it_up_with_sum_duplicates(tmp_path):
    path = tmp_path / FILE
    path.write_bytes(lf.long_csv(HEADER, TWICE))
    store = tmp_path / "mpp.duckdb"
    refused = run_cli("ingest", path, "--db", store)
    assert refused.returncode == 1, refused.stderr
    assert f"{FILE}: DITOLAK" in refused.stdout and "2 masalah" in refused.stdout
    assert "[baris_ganda]" in refused.stdout and "Baris 2 dan baris 4" in refused.stdout
    summed = run_cli("ingest", path, "--db", store, "--sum-duplicates")
    assert summed.returncode == 0, summed.stdout + summed.stderr
    assert f"{FILE}: DITAMBAHKAN" in summed.stdout
    assert "total kunjungan layanan: 25" in summed.stdout
    assert "2 baris dengan kunci yang sama dijumlahkan (atas permintaan)" in summed.stdout
    with duckdb.connect(str(store), read_only=True) as con:
        assert stored(con)[("Samsat", date(2025, 2, 3), "day")] == 15


def test_satu_data_refuses_a_month_of_an_agency_given_twice():
    rows = [
        ["3510", "KABUPATEN BANYUWANGI", "2024", "1", "Disdukcapil", "1200", "orang"],
        ["3510", "KABUPATEN BANYUWANGI", "2024", "Januari", "Disdukcapil", "300", "orang"],
    ]
    parsed = parse(lf.long_csv(lf.SATU_DATA_HEADER, rows, sep=","), "satudata.csv")
    assert parsed.layout == "satu_data"
    assert [(p.code, p.cell) for p in parsed.problems] == [("baris_ganda", "F3")]
    assert "Disdukcapil, bulan 01/2024" in parsed.problems[0].message
