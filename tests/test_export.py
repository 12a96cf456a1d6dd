"""Downloads: the figure on a card, in the table, in the CSV and in the XLSX is the same number, and a
formula-like agency name from an uploaded file reaches a spreadsheet as text, never as a formula."""

import csv
import io
import zipfile
from datetime import UTC, date, datetime

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from mpp import fmt
from mpp.period import Period
from mpp.present import export
from mpp.present.export import Column, ExportInfo
from mpp.visits import agency_report

COLUMNS = [
    Column("agency", "Instansi"),
    Column("visits", "Kunjungan layanan", "count"),
    Column("share", "Pangsa (%)", "percent"),
    Column("change_pct", "Perubahan", "change"),
]
INFO = ExportInfo(
    "Instansi",
    "MPP Kota Balikpapan",
    "Januari-September 2025",
    "kunjungan layanan",
    "demo: MPP Kota Balikpapan",
    "23 November 2026 15.40 WITA",
)
NASTY = pd.DataFrame(
    {
        "agency": ['=HYPERLINK("http://x","klik")', "+62 812 555", "@SUM(A1)", "-1+2", "Disdukcapil"],
        "visits": [5, 4, 3, 2, -7],
        "share": [1.25, 1.0, 0.75, 0.5, -1.75],
        "change_pct": [-4.06, 12.0, None, 0.0, -100.0],
    }
)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_csv_writes_formula_like_text_as_text_and_leaves_numbers_alone():
    rows = _csv_rows(export.to_csv(NASTY, COLUMNS))
    assert rows[0] == ["Instansi", "Kunjungan layanan", "Pangsa (%)", "Perubahan"]
    assert [r[0] for r in rows[1:]] == [
        '\'=HYPERLINK("http://x","klik")',
        "'+62 812 555",
        "'@SUM(A1)",
        "'-1+2",
        "Disdukcapil",
    ]
    assert rows[1][3] == "-4.1" and rows[5][1:] == ["-7", "-1.8", "-100.0"]
    assert rows[3][3] == ""  # no rate stays empty, not 0


def test_files_round_exactly_as_the_screen_does():
    frame = pd.DataFrame({"share": [24.85, 0.35, 1.25, 2.675], "visits": [2.5, 3.5, 11315.0, 0]})
    columns = [Column("share", "Pangsa", "percent"), Column("visits", "Kunjungan", "count")]
    shown = export.display(frame, columns).values.tolist()
    assert shown == [["24,8%", "2"], ["0,4%", "4"], ["1,2%", "11.315"], ["2,7%", "0"]]
    assert export.values(frame, columns) == [[24.8, 2], [0.4, 4], [1.2, 11315], [2.7, 0]]


def test_text_that_is_a_number_is_not_escaped():
    assert export.as_text("-4,1%") == "-4,1%" and export.as_text("-12") == "-12"
    assert export.as_text("=1+1") == "'=1+1" and export.as_text(-3) == -3


def test_xlsx_stores_formula_like_names_as_text_not_formulas():
    data = export.to_xlsx(NASTY, COLUMNS, INFO)
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml  # no formula anywhere in the sheet
    sheet = _sheet(data)
    names = [sheet.cell(row=r, column=1).value for r in range(9, 14)]
    assert names == ['=HYPERLINK("http://x","klik")', "+62 812 555", "@SUM(A1)", "-1+2", "Disdukcapil"]
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(9, 14))


def test_xlsx_title_block_and_numbers_stored_as_numbers():
    sheet = _sheet(export.to_xlsx(NASTY, COLUMNS, INFO))
    block = [(sheet.cell(row=r, column=1).value, sheet.cell(row=r, column=2).value) for r in range(2, 7)]
    assert sheet["A1"].value == "Instansi" and sheet["A1"].font.bold
    assert block == [
        ("Lokasi", "MPP Kota Balikpapan"),
        ("Periode", "Januari-September 2025"),
        ("Ukuran", "kunjungan layanan"),
        ("Sumber", "demo: MPP Kota Balikpapan"),
        ("Waktu ekspor", "23 November 2026 15.40 WITA"),
    ]
    assert [c.value for c in sheet[8]] == ["Instansi", "Kunjungan layanan", "Pangsa (%)", "Perubahan"]
    visits = sheet.cell(row=13, column=2)
    assert visits.value == -7 and visits.number_format == "#,##0"  # negative stays a number
    assert sheet.cell(row=9, column=3).value == 1.2 and sheet.cell(row=9, column=3).number_format == "#,##0.0"
    assert sheet.cell(row=11, column=4).value is None


@pytest.fixture
def ranking(demo_con):
    return agency_report.agency_ranking(
        demo_con, ["MPP Kota Balikpapan"], Period(date(2025, 1, 1), date(2025, 9, 1))
    )


def test_card_table_csv_and_xlsx_carry_the_same_figure(ranking):
    card = fmt.number(ranking.table["visits"].iloc[0]), fmt.percent(ranking.table["share"].iloc[0])
    shown = export.display(ranking.table, COLUMNS).iloc[0].tolist()
    csv_row = _csv_rows(export.to_csv(ranking.table, COLUMNS))[1]
    sheet_row = [c.value for c in _sheet(export.to_xlsx(ranking.table, COLUMNS, INFO))[9]]
    assert card == ("11.315", "24,8%")
    assert shown == ["Disdukcapil", "11.315", "24,8%", "+79,2%"]
    assert csv_row == ["Disdukcapil", "11315", "24.8", "79.2"]
    assert sheet_row == ["Disdukcapil", 11315, 24.8, 79.2]


def test_every_agency_row_agrees_between_table_and_files(ranking):
    shown = export.display(ranking.table, COLUMNS)
    rows = _csv_rows(export.to_csv(ranking.table, COLUMNS))[1:]
    assert len(rows) == 27
    for (name, visits, share, _), row in zip(shown.values.tolist(), rows, strict=True):
        assert [name, visits, share] == [row[0], fmt.number(int(row[1])), fmt.percent(float(row[2]))]


def test_export_time_in_the_sites_timezone():
    moment = datetime(2026, 11, 23, 7, 40, tzinfo=UTC)
    assert export.exported_at(moment, "Asia/Makassar") == "23 November 2026 15.40 WITA"
    assert export.exported_at(moment, "Asia/Jakarta", "en") == "23 November 2026 14:40 WIB"


def test_sources_name_the_files_behind_the_figures(demo_con):
    assert (
        export.data_sources(demo_con, ["MPP Kota Balikpapan"])
        == "demo: MPP Kota Balikpapan; demo: MPP Kota Balikpapan Oktober 2025"
    )  # the late month's own load


@pytest.mark.slow
def test_png_of_a_chart():
    png = export.to_png(go.Figure(go.Bar(x=["Jul"], y=[6814])), width=400, height=300)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000
