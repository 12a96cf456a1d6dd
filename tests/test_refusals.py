"""Refusals instead of tracebacks: an error of ours while reading, parsing or preparing a file is said
as a refusal naming the file and the sheet, the store unchanged, the traceback in the log only."""

from __future__ import annotations

import logging

import pytest
from openpyxl import Workbook

from loaders import __main__ as cli
from loaders.layouts import LAYOUTS, yearly_recap
from loaders.load import Options, ingest
from loaders.model import WAY_OUTS
from mpp import guard
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db
from tests import layout_files as lf
from tests.apptest import as_analyst, problems_shown

UNGUARDED = Options(site="MPP Kabupaten Paser", actor=COMMAND_LINE, guarded=False)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RECAP = {"Disdukcapil": [100, 200, 300], "Samsat": [10, 20, 30]}


def loads(con) -> int:
    return con.execute("SELECT count(*) FROM loads").fetchone()[0]


@pytest.fixture
def broken_parse(monkeypatch):
    def parse(sheet, context):
        nik = "3171" + "234567890001"  # built, so the traceback's source line does not show it
        raise TypeError(f"cell B7 {nik!r} is not a date")  # a message may quote a NIK

    monkeypatch.setattr(yearly_recap, "parse", parse)


def test_a_crash_while_parsing_a_sheet_is_refused_naming_the_sheet(store, broken_parse, caplog):
    with caplog.at_level(logging.ERROR):
        report = ingest(store, "paser_2024.xlsx", lf.yearly_recap(RECAP), UNGUARDED)
    assert report.outcome == "refused" and [p.code for p in report.problems] == ["unexpected"]
    found = report.problems[0]
    assert found.sheet == "Rekap" and found.file == "paser_2024.xlsx"
    assert "Kesalahan tak terduga saat membaca sheet 'Rekap' berkas paser_2024.xlsx" in found.message
    assert "berkas tidak dimuat" in found.message and "Traceback" not in found.message
    assert "3171234567890001" not in found.message  # the error itself is for the log, not the user
    assert "TypeError" in caplog.text and "Traceback" in caplog.text and "in parse" in caplog.text
    assert "3171234567890001" not in caplog.text  # the log says where, never the cell's value
    assert loads(store) == 0


def test_the_command_line_prints_the_refusal_not_a_traceback(tmp_path, broken_parse):
    path = tmp_path / "paser_2024.xlsx"
    path.write_bytes(lf.yearly_recap(RECAP))
    report = cli.ingest_one(tmp_path / "mpp.duckdb", path, UNGUARDED)
    lines = "\n".join(cli.report_lines(report))
    assert lines.startswith("paser_2024.xlsx: DITOLAK")
    assert "[unexpected] paser_2024.xlsx, sheet 'Rekap': Kesalahan tak terduga" in lines
    assert "Traceback" not in lines and "3171234567890001" not in lines


def test_a_crash_while_preparing_is_refused_and_writes_nothing(store, monkeypatch):
    from loaders.kinds import visits

    def prepare(*args, **kwargs):
        raise KeyError("agency_id")

    monkeypatch.setattr(visits, "prepare", prepare)
    report = ingest(store, "paser_2024.xlsx", lf.yearly_recap(RECAP), UNGUARDED)
    assert [p.code for p in report.problems] == ["unexpected"]
    assert report.problems[0].sheet == "Rekap" and loads(store) == 0


# ---- anything that is not a table is "not a spreadsheet", whatever its extension ------------------

MYSQL_DUMP = b"""-- MySQL dump 10.13  Distrib 8.0.36
--
-- Host: localhost    Database: antrean
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `tiket`;
CREATE TABLE `tiket` (`id` int, `instansi` varchar(80), `tanggal` date);
INSERT INTO `tiket` VALUES (1,'Disdukcapil','2026-01-05'),(2,'Samsat','2026-01-05');
"""
NOT_TABLES = {
    "antrean.sql": MYSQL_DUMP,
    "antrean.csv": MYSQL_DUMP,  # the extension lies
    "inserts.csv": b"INSERT INTO tiket VALUES (1,'Disdukcapil');\nINSERT INTO tiket VALUES (2,'Samsat');\n",
    "rekap.csv": b"\xef\xbb\xbf\r\n<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>",
    "surat.csv": b"Dengan hormat,\nBersama ini kami kirimkan rekap bulan Januari\nTerima kasih\n",
    "rekap.xlsx": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "foto.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
}


@pytest.mark.parametrize("name", NOT_TABLES)
def test_what_is_not_a_table_is_not_a_spreadsheet(store, name):
    report = ingest(store, name, NOT_TABLES[name], UNGUARDED)
    assert [p.code for p in report.problems] == ["not_spreadsheet"], report.problems
    assert f"Berkas {name} bukan lembar kerja" in report.problems[0].message
    assert loads(store) == 0


def test_tables_that_look_odd_are_still_read():
    from loaders import safety

    for data in (b"#,Instansi,Jumlah\n1,Samsat,3\n", b"Create Date;Instansi\n2024-01-01;Samsat\n"):
        assert safety.sniff_kind(data, "x.csv") == "csv"


# ---- a sheet no layout recognises: what was looked for, and what the sheet holds ------------------


def test_an_unknown_sheet_is_refused_saying_what_each_layout_looks_for(store):
    data = lf.long_csv(["Kode Barang", "Jenis Barang", "Stok"], [["B-01", "Kertas", 12]])
    report = ingest(store, "barang.csv", data, UNGUARDED)
    assert [p.code for p in report.problems] == ["tata_letak_tidak_dikenal"] * 2
    said, held = report.problems
    assert "Tidak ada sheet yang bentuknya dikenali (sheet: 'barang')" in said.message
    for layout in LAYOUTS:  # every layout says what it looks for
        assert f"{layout.TITLE}: {layout.EXPECTS}" in said.message
    assert "kolom Instansi, Tanggal atau Bulan (dan Tahun), dan Jumlah" in said.message
    assert said.way_out == "layout"
    assert held.sheet == "barang" and held.cell == "A1"
    assert held.message.startswith(
        "Baris pertama yang terisi (baris 1) berisi: 'Kode Barang', 'Jenis Barang', 'Stok'."
    )
    assert loads(store) == 0


def test_each_sheet_says_its_first_filled_row(store):
    book = Workbook()
    book.active.title = "Catatan"
    book.active["B3"] = "Rekap menyusul"
    book.create_sheet("Kosong")
    report = ingest(store, "catatan.xlsx", lf.to_bytes(book), UNGUARDED)
    held = {p.sheet: p for p in report.problems if p.sheet}
    assert held["Catatan"].cell == "A3" and "(baris 3) berisi: 'Rekap menyusul'." in held["Catatan"].message
    assert held["Kosong"].message.startswith("Sheet ini kosong")


# ---- the way out, in each front end's terms ------------------------------------------------------


def test_every_way_out_is_worded_on_the_command_line():
    assert set(cli.WAY_OUTS) == set(WAY_OUTS)


def test_the_command_line_names_its_options(tmp_path):
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(lf.yearly_recap(RECAP, title="REKAP PENGUNJUNG"))  # no site, no year
    report = cli.ingest_one(tmp_path / "mpp.duckdb", path, Options(actor=COMMAND_LINE, guarded=False))
    lines = "\n".join(cli.report_lines(report))
    assert (
        "Tahun data tidak tertulis di judul, nama sheet, maupun nama berkas. Sebutkan dengan --year YYYY."
        in lines
    )
    assert 'Sebutkan dengan --site NAMA (mis. --site "MPP Kota Balikpapan").' in lines


def test_the_page_names_its_fields_never_the_options(demo_db, open_app):
    with db.connect(demo_db) as con:
        before = con.execute("SELECT count(*) FROM loads").fetchone()[0]
    at = as_analyst(open_app, demo_db, "pages/8_Unggah.py")
    data = lf.yearly_recap({"Samsat": [1, 2], "Kantor Antah Berantah": [3, 4]}, title="REKAP PENGUNJUNG")
    at.file_uploader[0].set_value(("rekap.xlsx", data, XLSX)).run()
    assert not at.exception
    messages = " ".join(problems_shown(at)["Keterangan"])
    assert "Isi Tahun di «Pilihan (bila berkas tidak menyebutnya)»" in messages
    assert "Pilih Lokasi di «Pilihan (bila berkas tidak menyebutnya)»" in messages
    assert "--" not in messages and "python -m" not in messages
    assert at.expander[0].label == "Pilihan (bila berkas tidak menyebutnya)" and at.expander[0].proto.expanded
    with db.connect(demo_db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM loads").fetchone()[0] == before


def test_no_message_of_the_core_names_a_command_line_option():
    """Only the command line (loaders/__main__.py) words a way out as its options; a message made in
    the core is shown on the upload page too, so it carries a Problem.way_out instead."""
    import ast
    import re
    from pathlib import Path

    option = re.compile(r"--(site|year|block|unknown-agencies|agency|status|sum-duplicates|mapping)\b")
    root = Path(__file__).resolve().parent.parent / "loaders"
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "__main__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node)
        }
        found += [
            f"{path.relative_to(root.parent)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and option.search(node.value)
        ]
    assert found == []


@pytest.mark.slow
def test_a_crash_in_the_guarded_child_is_logged_without_the_cells_it_quotes(caplog):
    nik = "3171" + "234567890001"
    with caplog.at_level(logging.ERROR), pytest.raises(guard.ChildFailed):
        guard.run("tests.guard_targets:crash_quoting_a_nik", nik, memory_mb=512, timeout=30)
    assert "ValueError" in caplog.text and "crash_quoting_a_nik" in caplog.text
    assert nik not in caplog.text
