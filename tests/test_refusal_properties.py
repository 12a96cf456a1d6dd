"""Property (hypothesis): every layout's fixture, with its cells retyped (date, date-time, Excel serial
number, text date, text number, empty), blank rows and columns added, and rows and sheets reordered,
either loads the same figures or is refused with a problem; no error of ours escapes as `unexpected`.

Files go through ingest() as the command line calls it, unguarded for speed (a few guarded at the end).
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from tests import layout_files as lf

pytestmark = pytest.mark.slow  # a property test, and a guarded read in a child process

SITE = "MPP Kota Balikpapan"
UNGUARDED = Options(site=SITE, unknown_agencies="add", dry_run=True, actor=COMMAND_LINE, guarded=False)
SETTINGS = settings(
    max_examples=int(os.environ.get("MPP_PROPERTY_EXAMPLES", 30)),  # more to hunt, e.g. 300
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
EXCEL_EPOCH = datetime(1899, 12, 30)


@dataclass
class Grid:
    """A workbook as the tests change it: sheets of cell values and their merged ranges (1-based)."""

    sheets: list[tuple[str, list[list], list[tuple[int, int, int, int]]]]
    header: int | None  # the header row (0-based) of a long table, whose records may be reordered


def grid_of(data: bytes, csv_file: bool, header: int | None = None) -> Grid:
    if csv_file:
        text = data.decode("utf-8-sig")
        rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=";" if ";" in text else ",")]
        return Grid([("Data", rows, [])], header)
    book = load_workbook(io.BytesIO(data))
    sheets = []
    for sheet in book.worksheets:
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges]
        sheets.append((sheet.title, rows, merged))
    return Grid(sheets, header)


def xlsx_of(grid: Grid) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows, merged in grid.sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for r1, c1, r2, c2 in merged:
            sheet.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    return lf.to_bytes(book)


# Each fixture: (file name, bytes, a CSV?, header row of a long table or None). Built once.
def fixtures() -> dict[str, tuple[str, bytes, bool, int | None]]:
    tickets = lf.ticket_rows(40)
    return {
        "rekap_tahunan": (
            "rekap_2024.xlsx",
            lf.yearly_recap({"Disdukcapil": [100, 200, 300], "Samsat": [10, "1.263", "-"]}),
            False,
            None,
        ),
        "per_bulan": (
            "bulanan.xlsx",
            lf.monthly_sheets(
                {"JANUARI": {"Disdukcapil": {"KTP-el": 5, "KK": 7}}, "FEBRUARI": {"Samsat": {"PKB": 3}}}
            ),
            False,
            None,
        ),
        "antrean_matriks_harian": (
            "matriks.xlsx",
            lf.queue_matrix(
                {"Disdukcapil": {"KTP-el": {1: 3, 2: 4}, "KK": {2: 1}}, "Samsat": {"": {1: 2}}}, days=5
            ),
            False,
            None,
        ),
        "antrean_kanal_harian": (
            "kanal.xlsx",
            lf.channel_recap(
                [
                    ("05-01-2026", "Disdukcapil", "A", "KTP-el", 3, 2, 1, 0),
                    ("06-01-2026", "Samsat", "B", "PKB", 4, 0, 0, 1),
                ]
            ),
            False,
            2,
        ),
        "tiket_antrean": ("tiket.xlsx", lf.ticket_export(tickets), False, 0),
        "tiket_csv": ("tiket.csv", lf.ticket_csv(tickets), True, 0),
        "tabel_panjang": (
            "harian.csv",
            lf.long_csv(
                ["Tanggal", "Instansi", "Layanan", "Jumlah"],
                [["01/02/2025", "Disdukcapil", "KTP", "1.234"], ["02/02/2025", "Samsat", "PKB", "7"]],
            ),
            True,
            0,
        ),
        "tabel_panjang_bulanan": (
            "bulanan.csv",
            lf.long_csv(
                ["bulan", "tahun", "instansi", "jumlah"],
                [["Januari", "2025", "Samsat", "5"], ["Feb", "2025", "Samsat", "7"]],
            ),
            True,
            0,
        ),
        "rekap_transpos": (
            "transpos_2024.xlsx",
            lf.transposed_recap({"Disdukcapil": [100, 200, 300], "Samsat": [10, "1.263", "-"]}),
            False,
            None,
        ),
        "skm_responden": (
            "skm_2026.xlsx",
            lf.long_sheet(
                ["id_responden", "tgl_responden", "instansi", *(f"U{i}" for i in range(1, 10))],
                [
                    [f"R{n}", f"0{n}/01/2026", "Disdukcapil", *([3, 4, 4, 3, 4, 4, 3, 4, 4])]
                    for n in range(1, 6)
                ],
            ),
            False,
            0,
        ),
        "satu_data": (
            "satudata.csv",
            lf.long_csv(
                lf.SATU_DATA_HEADER,
                [
                    ["3510", "KABUPATEN BANYUWANGI", "2024", "1", "Disdukcapil", "1200", "orang"],
                    ["3510", "KABUPATEN BANYUWANGI", "2024", "Februari", "Samsat", "300", "orang"],
                ],
                sep=",",
            ),
            True,
            0,
        ),
    }


FIXTURES = fixtures()


# ---- the changes ---------------------------------------------------------------------------------

TEXT_DATE = re.compile(r"^(\d{2})[/-](\d{2})[/-](\d{4})$")


def as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str) and (found := TEXT_DATE.match(value.strip())):
        day, month, year = map(int, found.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None


DATE_FORMS = ("date", "datetime", "serial", "text_dmy", "text_iso")


def date_as(day: date, form: str):
    """A date as an office's file may hold it. openpyxl writes a date and a date-time alike (a
    serial with a date format); a serial is a bare number; text is what a CSV or a typed cell holds."""
    if form == "date":
        return day
    if form == "datetime":
        return datetime(day.year, day.month, day.day, 9, 30)
    if form == "serial":
        return (datetime(day.year, day.month, day.day) - EXCEL_EPOCH).days
    return day.strftime("%d/%m/%Y") if form == "text_dmy" else day.isoformat()


def number_as(value: int, form: str):
    if form == "text":
        return str(value)
    if form == "text_thousands":
        return f"{value:,}".replace(",", ".")
    return float(value) if form == "float" else value


def retyped(grid: Grid, date_form: str, number_form: str) -> Grid:
    """Every date cell in date_form, every whole number in number_form (figures unchanged)."""
    sheets = []
    for name, rows, merged in grid.sheets:
        new = []
        for row in rows:
            cells = []
            for value in row:
                day = as_date(value)
                if day is not None:
                    value = date_as(day, date_form)
                elif type(value) is int:
                    value = number_as(value, number_form)
                cells.append(value)
            new.append(cells)
        sheets.append((name, new, merged))
    return Grid(sheets, grid.header)


def with_blank_row(grid: Grid, sheet: int, at: int) -> Grid:
    """A blank row inserted before row `at` (1-based) of one sheet, merges below it shifted."""
    sheets = list(grid.sheets)
    name, rows, merged = sheets[sheet]
    at = min(at, len(rows) + 1)
    if any(r1 < at <= r2 for r1, _, r2, _ in merged):  # never split a merged range
        return grid
    rows = [*rows[: at - 1], [None] * max((len(r) for r in rows), default=1), *rows[at - 1 :]]
    merged = [(r1 + (r1 >= at), c1, r2 + (r1 >= at), c2) for r1, c1, r2, c2 in merged]
    sheets[sheet] = (name, rows, merged)
    header = grid.header + (at - 1 <= grid.header) if grid.header is not None else None
    return Grid(sheets, header)


def with_blank_column(grid: Grid, sheet: int, at: int) -> Grid:
    sheets = list(grid.sheets)
    name, rows, merged = sheets[sheet]
    if any(c1 < at <= c2 for _, c1, _, c2 in merged):
        return grid
    rows = [[*r[: at - 1], None, *r[at - 1 :]] for r in rows]
    merged = [(r1, c1 + (c1 >= at), r2, c2 + (c1 >= at)) for r1, c1, r2, c2 in merged]
    sheets[sheet] = (name, rows, merged)
    return Grid(sheets, grid.header)


def with_records_shuffled(grid: Grid, order: list[int]) -> Grid:
    """The records of a long table (rows below its header) in another order."""
    if grid.header is None:
        return grid
    name, rows, merged = grid.sheets[0]
    head, records = rows[: grid.header + 1], rows[grid.header + 1 :]
    ranked = sorted(range(len(records)), key=lambda i: order[i % len(order)] * 1000 + i)
    return Grid([(name, head + [records[i] for i in ranked], merged), *grid.sheets[1:]], grid.header)


def with_cell_emptied(grid: Grid, sheet: int, row: int, col: int) -> Grid:
    sheets = list(grid.sheets)
    name, rows, merged = sheets[sheet]
    if rows and rows[row % len(rows)]:
        rows = [list(r) for r in rows]
        line = rows[row % len(rows)]
        line[col % len(line)] = None
    sheets[sheet] = (name, rows, merged)
    return Grid(sheets, grid.header)


@st.composite
def changes(draw):
    """(fixture, changed bytes, whether the figures must stay the same)."""
    key = draw(st.sampled_from(sorted(FIXTURES)))
    name, data, csv_file, header = FIXTURES[key]
    grid = grid_of(data, csv_file, header)
    date_form = draw(st.sampled_from(DATE_FORMS))
    grid = retyped(
        grid,
        date_form,
        draw(st.sampled_from(("int", "float", "text", "text_thousands"))),
    )
    for _ in range(draw(st.integers(0, 2))):
        sheet = draw(st.integers(0, len(grid.sheets) - 1))
        if draw(st.booleans()):
            grid = with_blank_row(grid, sheet, draw(st.integers(1, 40)))
        else:
            grid = with_blank_column(grid, sheet, draw(st.integers(1, 12)))
    if draw(st.booleans()):
        grid = with_records_shuffled(grid, draw(st.lists(st.integers(0, 9), min_size=1, max_size=10)))
    if len(grid.sheets) > 1 and draw(st.booleans()):
        grid = Grid(list(reversed(grid.sheets)), grid.header)
    same = True
    if draw(st.integers(0, 3)) == 0:  # an emptied cell may change the figures, or refuse the file
        sheet = draw(st.integers(0, len(grid.sheets) - 1))
        grid = with_cell_emptied(grid, sheet, draw(st.integers(0, 60)), draw(st.integers(0, 12)))
        same = False
    as_csv = csv_file and draw(st.booleans())
    return (
        key,
        date_form,
        (name if as_csv else name.replace(".csv", ".xlsx")),
        csv_of(grid) if as_csv else xlsx_of(grid),
        same,
    )


def csv_of(grid: Grid) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in grid.sheets[0][1]:
        writer.writerow(
            ["" if v is None else v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in row]
        )
    return out.getvalue().encode("utf-8-sig")


# ---- the properties ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    """Each fixture's figures as loaded unchanged: (total, period)."""
    from mpp.store import db

    with db.connect(tmp_path_factory.mktemp("base") / "s.duckdb") as con:
        found = {}
        for key, (name, data, _, _) in FIXTURES.items():
            report = ingest(con, name, data, UNGUARDED)
            assert report.ok, (key, report.problems)
            found[key] = (report.total, report.period)
        yield con, found


@SETTINGS
@given(changes())
def test_a_changed_file_loads_the_same_figures_or_is_refused(expected, change):
    con, figures = expected
    key, _, name, data, same = change
    report = ingest(con, name, data, UNGUARDED)
    codes = [p.code for p in report.problems]
    assert "unexpected" not in codes, (key, report.problems)
    if report.ok:
        if same:
            assert (report.total, report.period) == figures[key], (key, report.notes)
    else:
        assert report.problems and all(p.message for p in report.problems)


def test_a_few_changed_files_read_under_the_guard(expected):
    con, figures = expected
    guarded = Options(site=SITE, unknown_agencies="add", dry_run=True, actor=COMMAND_LINE, guarded=True)
    for key in ("tiket_antrean", "rekap_tahunan"):
        name, data, csv_file, header = FIXTURES[key]
        grid = with_blank_row(retyped(grid_of(data, csv_file, header), "serial", "text"), 0, 1)
        report = ingest(con, name, xlsx_of(grid), guarded)
        assert "unexpected" not in [p.code for p in report.problems], report.problems
        if report.ok:
            assert (report.total, report.period) == figures[key]
