"""`python -m loaders` as scripts and scheduled jobs run it: a subprocess, its output and exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import layout_files as lf

pytestmark = pytest.mark.slow  # the command line in a child process

ROOT = Path(__file__).resolve().parents[1]
SLEMAN = Path(__file__).resolve().parents[2] / "shared" / "real-data" / "sleman_rekap_izin_2025.xlsx"


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "paser_2024.xlsx"
    good.write_bytes(lf.yearly_recap({"Disdukcapil": ["1.263", 2000], "Samsat": [10, 20]}))
    bad = tmp_path / "rusak_2024.xlsx"
    bad.write_bytes(
        lf.yearly_recap(
            {"Disdukcapil": [-5, "banyak"], "Kantor Antah": [1, 2]},
            title="REKAP MPP KABUPATEN PASER TAHUN 2024",
            total_row=False,
        )
    )
    return good, bad


def test_ingest_prints_what_it_loaded_and_exits_0(files, tmp_path):
    db = tmp_path / "mpp.duckdb"
    result = run("ingest", files[0], "--db", db)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "paser_2024.xlsx: DITAMBAHKAN" in out
    assert "rekap tahunan" in out and "MPP Kabupaten Paser" in out
    assert "Januari-Februari 2024" in out
    assert "total kunjungan layanan: 3.293" in out
    again = run("ingest", files[0], "--db", db)
    assert again.returncode == 0 and "TIDAK BERUBAH" in again.stdout


def test_refused_file_exits_1_naming_file_sheet_cell_and_every_problem(files, tmp_path):
    db = tmp_path / "mpp.duckdb"
    result = run("ingest", files[0], files[1], "--db", db)
    assert result.returncode == 1
    out = result.stdout
    assert "paser_2024.xlsx: DITAMBAHKAN" in out  # the good file still loads
    assert "rusak_2024.xlsx: DITOLAK, tidak ada yang diubah" in out
    assert "3 masalah" in out
    assert "sheet 'Rekap', sel C5" in out and "sel D5" in out
    assert "Kantor Antah" in out and "--unknown-agencies add" in out


def test_dry_run_then_history_undo_and_aliases(files, tmp_path):
    db = tmp_path / "mpp.duckdb"
    dry = run("ingest", files[0], "--db", db, "--dry-run")
    assert dry.returncode == 0 and "--dry-run" in dry.stdout
    assert "Belum ada muatan" in run("history", "--db", db).stdout
    run("ingest", files[0], "--db", db)
    history = run("history", "--db", db).stdout
    assert "paser_2024.xlsx" in history and "loaded" in history and "3.293" in history
    assert "Januari-Februari 2024" in history
    undo = run("undo", "1", "--db", db)
    assert undo.returncode == 0 and "dibatalkan" in undo.stdout
    assert "undone" in run("history", "--db", db).stdout
    assert run("undo", "1", "--db", db).returncode == 1
    added = run("alias", "add", "Kantor Antah", "Samsat", "--db", db)
    assert added.returncode == 0 and "'Kantor Antah' -> Samsat" in added.stdout
    assert "Kantor Antah" in run("alias", "list", "--db", db).stdout
    assert "-> Disdukcapil" in run("alias", "add", "Capil Paser", "Dukcapil", "--db", db).stdout
    assert run("alias", "add", "X", "Tidak Ada", "--db", db).returncode == 1


@pytest.mark.skipif(not SLEMAN.exists(), reason="real-data/sleman_rekap_izin_2025.xlsx tidak ada")
def test_real_sleman_recap(tmp_path):
    db = tmp_path / "mpp.duckdb"
    refused = run("ingest", SLEMAN, "--db", db)  # no --block and no --site: both said at once
    assert refused.returncode == 1 and '"JUMLAH IZIN"' in refused.stdout and "2 masalah" in refused.stdout
    result = run(
        "ingest",
        SLEMAN,
        "--db",
        db,
        "--block",
        "JUMLAH IZIN",
        "--unknown-agencies",
        "add",
        "--site",
        "MPP Kabupaten Sleman",
        "--year",
        "2025",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Januari-Juni 2025" in result.stdout and "4.219" in result.stdout
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    bidan = con.execute(
        "SELECT month, visits FROM monthly_agency_visits WHERE agency = 'IZIN PRAKTIK BIDAN' ORDER BY month"
    ).fetchall()
    totals = con.execute(
        "SELECT sum(visits) FROM monthly_agency_visits GROUP BY month ORDER BY month"
    ).fetchall()
    junk = con.execute(
        "SELECT count(*) FROM agencies WHERE name ILIKE '%J  U%' OR name ILIKE "
        "'%RETNO%' OR name ILIKE '%NIP%' OR name ILIKE 'Kepala%'"
    ).fetchall()
    con.close()
    assert bidan[0][1] == 25 and str(bidan[0][0]) == "2025-01-01"
    assert [t for (t,) in totals] == [709, 778, 1040, 646, 483, 563]
    assert junk == [(0,)]
