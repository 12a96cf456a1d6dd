"""Hostile files (issue 10): each is refused with its reason, naming the file (and sheet and cell where
there is one), on the command line (a subprocess, exit 1, no traceback, the store unchanged) and on
the upload page's path (loaders.upload.preview, what the page calls). Files are made in code, a few
KB each (tests/hostile_files.py)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from loaders import upload
from loaders.load import Options, ingest
from loaders.model import FileRefused
from loaders.read import Limits
from loaders.read_guarded import read_file_guarded
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db
from tests import hostile_files as h
from tests.layout_files import yearly_recap

ROOT = Path(__file__).resolve().parents[1]
SITE = "MPP Kota Balikpapan"
GOOD = yearly_recap({"Disdukcapil": [100, 200, 300]}, title="REKAP KUNJUNGAN MPP KOTA BALIKPAPAN TAHUN 2025")

# file name: (its bytes, code, where the problem is as Problem prints it, words of the message)
CASES = {
    "sel_jauh_2025.xlsx": (
        lambda: h.far_cell_xlsx("XFD1048576"),
        "too_many_columns",
        "sheet 'Rekap', sel XFD1048576",
        "16.384 kolom",
    ),
    "sel_lebar_2025.xlsx": (
        lambda: h.far_cell_xlsx("ALL90000"),
        "too_many_cells",
        "sheet 'Rekap', sel ALL90000",
        "90.000 baris x 1.000 kolom",
    ),
    "teks_bersama_2025.xlsx": (h.padded_shared_strings_xlsx, "zip_bomb", "", "sharedStrings.xml"),
    "ukuran_bohong_2025.xlsx": (h.lying_sizes_xlsx, "corrupt", "sheet 'Rekap'", "CRC"),
    "indeks_teks_2025.xlsx": (
        lambda: h.long_sheet_xlsx('<c r="A1" t="s"><v>abc</v></c>'),
        "corrupt",
        "sheet 'Rekap'",
        "invalid literal",
    ),
    "teks_hilang_2025.xlsx": (
        lambda: h.long_sheet_xlsx('<c r="A1" t="s"><v>99</v></c>', strings=("NO",)),
        "corrupt",
        "sheet 'Rekap'",
        "index out of range",
    ),
    "xml_rusak_2025.xlsx": (
        lambda: h.long_sheet_xlsx('<c r="A1"><v>1</v></c><c'),
        "corrupt",
        "sheet 'Rekap'",
        "not well-formed",
    ),
    "entitas_2025.xlsx": (
        lambda: h.long_sheet_xlsx('<c r="A1" t="inlineStr"><is><t>&c;</t></is></c>', prolog=h.ENTITY_PROLOG),
        "corrupt",
        "sheet 'Rekap'",
        "DOCTYPE/ENTITY",
    ),
    "bersarang_2025.json": (h.nested_json, "corrupt", "", "bersarang terlalu dalam"),
    "digit_2025.json": (lambda: h.json_records("9" * 5000), "corrupt", "", "JSON tidak valid"),
    "angka_besar_2025.json": (
        lambda: h.json_records("1e300"),
        "number_out_of_range",
        "sheet 'angka_besar_2025', sel B2",
        "1e+300",
    ),
    "angka_besar_2025.xlsx": (h.huge_number_xlsx, "number_out_of_range", "sheet 'Rekap', sel C2", "1e+300"),
    "lewat_bigint_2025.json": (
        lambda: h.json_records("9223372036854775808"),
        "number_out_of_range",
        "sheet 'lewat_bigint_2025', sel B2",
        "9223372036854775808",
    ),
}


def store_state(path: Path) -> list:
    with db.connect(path, read_only=True) as con:
        return con.execute(
            "SELECT (SELECT count(*) FROM loads), (SELECT count(*) FROM service_visits), "
            "(SELECT sum(visits) FROM service_visits)"
        ).fetchall()


@pytest.fixture(scope="module")
def command_line(tmp_path_factory):
    """One run of `python -m loaders ingest` over every hostile file, on a store holding one load."""
    folder = tmp_path_factory.mktemp("hostile")
    store = folder / "mpp.duckdb"
    assert ingest(store, "baik_2025.xlsx", GOOD, Options(site=SITE, actor=COMMAND_LINE)).outcome == "added"
    before = store_state(store)
    for name, (make, *_) in CASES.items():
        (folder / name).write_bytes(make())
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders",
            "ingest",
            *(str(folder / n) for n in CASES),
            "--db",
            str(store),
            "--site",
            SITE,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done, before, store_state(store)


def file_block(stdout: str, name: str) -> str:
    """The lines the command line printed about one file (from its 'name: OUTCOME' line on)."""
    blocks, current = {}, None
    for line in stdout.splitlines():
        current = next((n for n in CASES if line.startswith(n + ": ")), current)
        blocks.setdefault(current, []).append(line)
    return "\n".join(blocks[name])[len(name) + 2 :]


@pytest.mark.slow
def test_the_command_line_refuses_them_all_without_a_traceback_or_a_change(command_line):
    done, before, after = command_line
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr, done.stderr[-2000:]
    assert after == before
    assert done.stdout.count("DITOLAK, tidak ada yang diubah") == len(CASES)


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_command_line_refusal(command_line, name):
    _, code, where, words = CASES[name]
    block = file_block(command_line[0].stdout, name)
    assert block.startswith("DITOLAK"), block
    assert f"[{code}] {name}" + (f", {where}:" if where else ":") in block, block
    assert words in block and name in block.split(":", 1)[1]


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_upload_page_refusal(store, name):  # store: an empty store (conftest), open read-write
    make, code, where, words = CASES[name]
    report = upload.preview(store, name, make(), Options(site=SITE))
    assert report.outcome == "refused"
    (problem,) = report.problems
    assert (problem.code, problem.file) == (code, name)
    assert str(problem).startswith(f"[{code}] {name}" + (f", {where}:" if where else ":"))
    assert name in problem.message and words in problem.message


@pytest.mark.slow
def test_year_out_of_range_on_the_command_line(tmp_path):
    path = tmp_path / "rekap_2025.xlsx"
    path.write_bytes(GOOD)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders",
            "ingest",
            str(path),
            "--db",
            str(tmp_path / "s.duckdb"),
            "--site",
            SITE,
            "--year",
            "99999",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert (
        "[tahun_tidak_wajar] rekap_2025.xlsx: Tahun 99999 untuk berkas rekap_2025.xlsx tidak wajar"
    ) in done.stdout


@pytest.mark.slow
def test_year_out_of_range_on_the_upload_path(store):
    report = upload.preview(store, "rekap_2025.xlsx", GOOD, Options(site=SITE, year=99999))
    assert [p.code for p in report.problems] == ["tahun_tidak_wajar"]


@pytest.mark.slow
def test_a_crash_in_the_reader_is_unexpected_not_memory(caplog):
    with caplog.at_level(logging.ERROR), pytest.raises(FileRefused) as caught:
        read_file_guarded(None, "teks, bukan bytes", name="aneh.xlsx")  # the child raises TypeError
    (problem,) = caught.value.problems
    assert problem.code == "unexpected" and problem.file == "aneh.xlsx"
    assert problem.message.startswith(
        "Kesalahan tak terduga saat membaca berkas aneh.xlsx; berkas tidak dimuat"
    )
    assert "Traceback" not in problem.message and "TypeError" in caplog.text  # in the log, not for the user


@pytest.mark.slow
def test_a_reader_killed_for_memory_is_too_large():
    """A1 and XFD1048576 with the extent check lifted: calamine's 549 GB allocation fails under the
    child's address-space cap and Rust aborts; that death is memory, said as too_large."""
    loose = Limits(max_cols=20_000, max_cells=10**12)
    with pytest.raises(FileRefused) as caught:
        read_file_guarded(None, h.far_cell_xlsx("XFD1048576"), name="jauh.xlsx", limits=loose, memory_mb=1024)
    assert caught.value.problems[0].code == "too_large"


@pytest.mark.slow
def test_an_unexpected_error_while_loading_is_a_refusal_naming_the_file(tmp_path, caplog):
    store = tmp_path / "s.duckdb"
    with caplog.at_level(logging.ERROR):
        report = ingest(store, "rekap_2025.xlsx", GOOD, Options(site=123, actor=COMMAND_LINE))  # wrong type
    assert report.outcome == "refused"
    (problem,) = report.problems
    assert (problem.code, problem.file) == ("unexpected", "rekap_2025.xlsx")
    assert "rekap_2025.xlsx" in problem.message and "AttributeError" in caplog.text


def test_the_upload_page_shows_hostile_files_as_refusals(demo_db, open_app):
    """pages/8_Unggah.py itself: two hostile files dropped at once, each a refused report with its
    code, sheet and cell; nothing to load, no exception."""
    from tests.apptest import as_analyst, problems_shown

    at = as_analyst(open_app, demo_db, "pages/8_Unggah.py")
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].set_value(
        [
            ("sel_jauh_2025.xlsx", h.far_cell_xlsx("XFD1048576"), xlsx),
            ("ukuran_bohong_2025.xlsx", h.lying_sizes_xlsx(), xlsx),
        ]
    ).run()
    assert not at.exception
    rows = problems_shown(at).astype(str).values.tolist()
    assert any("too_many_columns" in r and "XFD1048576 (Rekap)" in r for r in rows), rows
    assert any("corrupt" in r and any("ukuran_bohong_2025.xlsx" in c for c in r) for r in rows), rows
    assert next(b for b in at.button if b.label.startswith("Muat ")).disabled
