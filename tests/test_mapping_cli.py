"""Column mappings on the command line: `ingest --mapping FILE.json [--save-mapping]`, and
`python -m loaders mapping list|export|import|rename|delete --site S`, as an analyst runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from loaders import mapping
from loaders.__main__ import main
from mpp.store import db
from tests import layout_files as lf
from tests.test_column_mapping import FEBRUARY, HEADER, MARCH, QUEUE, SITE, monthly

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store_path(empty_store_file, tmp_path) -> Path:
    path = tmp_path / "store.duckdb"
    shutil.copy(empty_store_file, path)
    return path


@pytest.fixture
def shared(tmp_path) -> Path:
    """A mapping file another office exported."""
    path = tmp_path / "antrean.json"
    path.write_text(mapping.to_json(QUEUE), encoding="utf-8")
    return path


def files(tmp_path) -> tuple[Path, Path]:
    february, march = tmp_path / "antrean_februari.xlsx", tmp_path / "antrean_maret.xlsx"
    february.write_bytes(lf.long_sheet(HEADER, FEBRUARY))
    march.write_bytes(lf.long_sheet(HEADER, MARCH))
    return february, march


def cli(capsys, *args) -> tuple[int, str, str]:
    status = main([*map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def test_ingest_with_a_mapping_file_and_saved_for_the_next_month(store_path, shared, tmp_path, capsys):
    february, march = files(tmp_path)
    status, out, _ = cli(capsys, "ingest", february, "--site", SITE, "--db", store_path)
    assert status == 1 and "DITOLAK" in out and "--mapping PEMETAAN.json --save-mapping" in out
    status, out, err = cli(
        capsys, "ingest", february, "--site", SITE, "--mapping", shared, "--save-mapping", "--db", store_path
    )
    assert status == 0, out + err
    assert "antrean_februari.xlsx: DITAMBAHKAN" in out and "pemetaan  : Rekap antrean Dukcapil" in out
    status, out, _ = cli(capsys, "ingest", march, "--site", SITE, "--db", store_path)
    assert status == 0 and "pemetaan  : Rekap antrean Dukcapil" in out
    assert sum(monthly(store_path).values()) == 16 + 10


def test_a_mapping_given_without_save_is_not_saved(store_path, shared, tmp_path, capsys):
    february, _ = files(tmp_path)
    status, _, _ = cli(capsys, "ingest", february, "--site", SITE, "--mapping", shared, "--db", store_path)
    assert status == 0
    with db.connect(store_path, read_only=True) as con:
        assert mapping.for_site(con, None) == []


def test_a_hostile_mapping_file_stops_the_run_before_any_file_loads(store_path, tmp_path, capsys):
    february, _ = files(tmp_path)
    hostile = tmp_path / "jahat.json"
    hostile.write_text(json.dumps({"pantau_mpp_mapping": 1, "name": "=cmd|' /C calc'!A0", "header_row": "x"}))
    status, out, err = cli(
        capsys, "ingest", february, "--site", SITE, "--mapping", hostile, "--db", store_path
    )
    assert status == 1 and out == ""
    assert (
        "jahat.json" in err
        and "'header_row' harus bilangan bulat" in err
        and "kunci 'header' tidak ada" in err
    )
    missing = tmp_path / "tidak_ada.json"
    status, _, err = cli(capsys, "ingest", february, "--mapping", missing, "--db", store_path)
    assert status == 1 and "tidak_ada.json" in err and "tidak dapat dibaca" in err
    assert monthly(store_path) == {}


def test_import_list_export_rename_delete(store_path, shared, tmp_path, capsys):
    status, out, _ = cli(capsys, "mapping", "list", "--db", store_path)
    assert status == 0 and "Belum ada pemetaan kolom tersimpan" in out
    status, out, _ = cli(capsys, "mapping", "import", shared, "--site", SITE, "--db", store_path)
    assert status == 0 and f"Pemetaan 'Rekap antrean Dukcapil' disimpan untuk {SITE}" in out
    status, out, _ = cli(capsys, "mapping", "list", "--site", SITE, "--db", store_path)
    assert f"{SITE}  'Rekap antrean Dukcapil'  disimpan command-line" in out
    status, out, _ = cli(
        capsys, "mapping", "export", "Rekap antrean Dukcapil", "--site", SITE, "--db", store_path
    )
    assert status == 0 and mapping.from_json(out, "layar") == QUEUE
    exported = tmp_path / "keluar.json"
    cli(
        capsys,
        "mapping",
        "export",
        "Rekap antrean Dukcapil",
        "--site",
        SITE,
        "--to",
        exported,
        "--db",
        store_path,
    )
    assert mapping.read_mapping_file(exported) == QUEUE
    status, out, _ = cli(
        capsys, "mapping", "rename", "Rekap antrean Dukcapil", "Antrean", "--site", SITE, "--db", store_path
    )
    assert status == 0 and "sekarang bernama 'Antrean'" in out
    status, _, err = cli(
        capsys, "mapping", "export", "Rekap antrean Dukcapil", "--site", SITE, "--db", store_path
    )
    assert status == 1 and "Tidak ada pemetaan kolom 'Rekap antrean Dukcapil'" in err
    status, out, _ = cli(capsys, "mapping", "delete", "Antrean", "--site", SITE, "--db", store_path)
    assert status == 0 and "dihapus" in out
    status, _, err = cli(capsys, "mapping", "delete", "Antrean", "--site", SITE, "--db", store_path)
    assert status == 1 and "Tidak ada pemetaan kolom 'Antrean'" in err


def test_import_under_another_name_and_a_bad_file(store_path, shared, tmp_path, capsys):
    status, _, _ = cli(
        capsys, "mapping", "import", shared, "--site", SITE, "--name", "Dari Paser", "--db", store_path
    )
    assert status == 0
    with db.connect(store_path, read_only=True) as con:
        assert [m.name for m in mapping.for_site(con, SITE)] == ["Dari Paser"]
    bad = tmp_path / "rusak.json"
    bad.write_bytes(b"\xff\xfe{")
    status, _, err = cli(capsys, "mapping", "import", bad, "--site", SITE, "--db", store_path)
    assert status == 1 and "rusak.json" in err and "bukan JSON yang sah" in err
    status, _, err = cli(
        capsys, "mapping", "import", shared, "--site", SITE, "--name", "+1", "--db", store_path
    )
    assert status == 1 and "diawali = + - @" in err


def test_import_never_replaces_a_mapping_of_the_same_name(store_path, shared, tmp_path, capsys):
    status, _, _ = cli(capsys, "mapping", "import", shared, "--site", SITE, "--db", store_path)
    assert status == 0
    other = tmp_path / "lain.json"
    other.write_text(mapping.to_json(replace(QUEUE, count_column=None)), encoding="utf-8")
    status, out, err = cli(capsys, "mapping", "import", other, "--site", SITE, "--db", store_path)
    assert status == 1 and out == ""
    assert f"Nama 'Rekap antrean Dukcapil' sudah dipakai pemetaan kolom lain untuk {SITE}" in err
    with db.connect(store_path, read_only=True) as con:
        assert mapping.for_site(con, SITE) == [QUEUE]  # the one saved first, unchanged
    status, _, _ = cli(
        capsys, "mapping", "import", other, "--site", SITE, "--name", "Tanpa jumlah", "--db", store_path
    )
    assert status == 0


def test_the_mapping_commands_need_a_site_to_change_anything(capsys):
    with pytest.raises(SystemExit):
        main(["mapping", "delete", "Antrean"])
    assert "--site" in capsys.readouterr().err


@pytest.mark.slow
def test_ingest_mapping_as_a_scheduled_job_runs_it(store_path, shared, tmp_path):
    february, _ = files(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders",
            "ingest",
            str(february),
            "--site",
            SITE,
            "--mapping",
            str(shared),
            "--db",
            str(store_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pemetaan  : Rekap antrean Dukcapil" in result.stdout
    assert sum(monthly(store_path).values()) == 16
