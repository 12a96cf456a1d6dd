"""Transposed recaps (months as rows, agencies as columns, a JUMLAH row and column): recognised,
their JUMLAH checked, loaded into DuckDB. Files made in code."""

from __future__ import annotations

from datetime import date

import duckdb

from loaders import read
from loaders.layouts import parse_workbook
from loaders.layouts.common import Context
from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from tests import layout_files as lf

AS_CLI = Options(actor=COMMAND_LINE)
PASER = "MPP Kabupaten Paser"
FIGURES = {"Disdukcapil": ["1.263", 200, "-"], "Samsat": [10, 20, 30], "Imigrasi": [5, None, 7]}


def parse(data: bytes, name: str = "rekap_transpos.xlsx", **context):
    return parse_workbook(read.read_file(None, data, name=name), Context(file_name=name, **context))


def monthly(parsed, agency: str) -> dict[date, int]:
    rows = parsed.service[parsed.service["agency"] == agency]
    return dict(zip(rows["day"], rows["visits"], strict=True))


def stored(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, date], int]:
    rows = con.execute(
        "SELECT agency, month, visits FROM monthly_agency_visits WHERE site = ?", [PASER]
    ).fetchall()
    return {(agency, month): visits for agency, month, visits in rows}


def test_months_as_rows_and_agencies_as_columns_read_per_agency_and_month():
    parsed = parse(lf.transposed_recap(FIGURES))
    assert parsed.layout == "rekap_transpos" and parsed.problems == []
    assert parsed.site == PASER and parsed.year == 2024
    assert monthly(parsed, "Disdukcapil") == {
        date(2024, 1, 1): 1263,
        date(2024, 2, 1): 200,
        date(2024, 3, 1): 0,
    }
    assert monthly(parsed, "Samsat") == {date(2024, 1, 1): 10, date(2024, 2, 1): 20, date(2024, 3, 1): 30}
    assert monthly(parsed, "Imigrasi") == {date(2024, 1, 1): 5, date(2024, 3, 1): 7}  # February blank
    assert set(parsed.service["grain"]) == {"month"}
    assert "JUMLAH" not in set(parsed.service["agency"])  # neither the JUMLAH row nor the column


def test_a_jumlah_row_that_disagrees_is_a_problem_at_its_cell():
    parsed = parse(lf.transposed_recap(FIGURES, stated_totals={1: 99}))
    assert [(p.code, p.cell) for p in parsed.problems] == [("jumlah_tidak_cocok", "D16")]
    assert "99" in parsed.problems[0].message and "60" in parsed.problems[0].message


def test_a_jumlah_column_that_disagrees_is_a_problem_at_its_cell():
    parsed = parse(lf.transposed_recap(FIGURES, stated_row_totals={1: 7}))
    assert [(p.code, p.cell) for p in parsed.problems] == [("jumlah_tidak_cocok", "F5")]


def test_month_rows_that_carry_their_year_need_no_year_in_the_title():
    months = [date(2023, 7, 1), "Agustus 2023", "2023-09", "10/2023"]
    data = lf.transposed_recap(
        {"Samsat": [1, 2, 3, 4]}, title="REKAP KUNJUNGAN MPP KABUPATEN PASER", months=months
    )
    parsed = parse(data, "rekap.xlsx")
    assert parsed.problems == []
    assert monthly(parsed, "Samsat") == {date(2023, m, 1): m - 6 for m in (7, 8, 9, 10)}


def test_a_transposed_recap_loads_into_the_store(store):
    report = ingest(store, "rekap_transpos_2024.xlsx", lf.transposed_recap(FIGURES), AS_CLI)
    assert report.outcome == "added", report.problems
    assert report.site == PASER and report.total == 1263 + 200 + 60 + 12
    assert stored(store) == {
        ("Disdukcapil", date(2024, 1, 1)): 1263,
        ("Disdukcapil", date(2024, 2, 1)): 200,
        ("Disdukcapil", date(2024, 3, 1)): 0,
        ("Samsat", date(2024, 1, 1)): 10,
        ("Samsat", date(2024, 2, 1)): 20,
        ("Samsat", date(2024, 3, 1)): 30,
        ("Imigrasi", date(2024, 1, 1)): 5,
        ("Imigrasi", date(2024, 3, 1)): 7,
    }


def test_a_disagreeing_jumlah_refuses_the_file_and_changes_nothing(store):
    report = ingest(
        store, "rekap_transpos_2024.xlsx", lf.transposed_recap(FIGURES, stated_totals={0: 1}), AS_CLI
    )
    assert report.outcome == "refused"
    assert [p.code for p in report.problems] == ["jumlah_tidak_cocok"]
    assert stored(store) == {}


def test_a_long_monthly_table_of_one_agency_stays_a_long_table():
    rows = [[month, "Samsat", n] for n, month in enumerate(lf.MONTHS, 1)]
    parsed = parse(lf.long_sheet(["Bulan", "Instansi", "Jumlah"], rows, "REKAP MPP KABUPATEN PASER 2024"))
    assert parsed.layout == "tabel_panjang"
    assert monthly(parsed, "Samsat")[date(2024, 12, 1)] == 12


def test_a_monthly_table_of_people_entering_stays_a_long_table():
    rows = [[month, n] for n, month in enumerate(lf.MONTHS[:4], 1)]
    data = lf.long_sheet(["Bulan", "Jumlah Pengunjung"], rows, "REKAP MPP KABUPATEN PASER 2024")
    parsed = parse(data)
    assert parsed.layout == "tabel_panjang" and parsed.visitors["visitors"].tolist() == [1, 2, 3, 4]
