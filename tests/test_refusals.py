"""Refusals instead of tracebacks: an error of ours while reading, parsing or preparing a file is said
as a refusal naming the file and the sheet, the store unchanged, the traceback in the log only."""

from __future__ import annotations

import logging

import pytest

from loaders import __main__ as cli
from loaders.layouts import yearly_recap
from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from tests import layout_files as lf

UNGUARDED = Options(site="MPP Kabupaten Paser", actor=COMMAND_LINE, guarded=False)
RECAP = {"Disdukcapil": [100, 200, 300], "Samsat": [10, 20, 30]}


def loads(con) -> int:
    return con.execute("SELECT count(*) FROM loads").fetchone()[0]


@pytest.fixture
def broken_parse(monkeypatch):
    def parse(sheet, context):
        raise TypeError("date.isoformat() takes no keyword arguments")

    monkeypatch.setattr(yearly_recap, "parse", parse)


def test_a_crash_while_parsing_a_sheet_is_refused_naming_the_sheet(store, broken_parse, caplog):
    with caplog.at_level(logging.ERROR):
        report = ingest(store, "paser_2024.xlsx", lf.yearly_recap(RECAP), UNGUARDED)
    assert report.outcome == "refused" and [p.code for p in report.problems] == ["unexpected"]
    found = report.problems[0]
    assert found.sheet == "Rekap" and found.file == "paser_2024.xlsx"
    assert "Kesalahan tak terduga saat membaca sheet 'Rekap' berkas paser_2024.xlsx" in found.message
    assert "berkas tidak dimuat" in found.message and "Traceback" not in found.message
    assert "isoformat" not in found.message  # the error itself is for the log, not the user
    assert "isoformat" in caplog.text and "Traceback" in caplog.text
    assert loads(store) == 0


def test_the_command_line_prints_the_refusal_not_a_traceback(tmp_path, broken_parse):
    path = tmp_path / "paser_2024.xlsx"
    path.write_bytes(lf.yearly_recap(RECAP))
    report = cli.ingest_one(tmp_path / "mpp.duckdb", path, UNGUARDED)
    lines = "\n".join(cli.report_lines(report))
    assert lines.startswith("paser_2024.xlsx: DITOLAK")
    assert "[unexpected] paser_2024.xlsx, sheet 'Rekap': Kesalahan tak terduga" in lines
    assert "Traceback" not in lines and "isoformat" not in lines


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
