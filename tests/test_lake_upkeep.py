"""`python -m mpp lake upkeep`: DuckLake's maintenance in one command, on one shared store after a
few loads and an undo; and on a DuckDB file, a CHECKPOINT."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from loaders.load import Options, ingest
from mpp.__main__ import main
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db, history, lake, upkeep
from tests import lake as lake_fixtures
from tests import layout_files as lf
from tests.test_lake import PUBLIC_VIEWS

postgres, lake_store = lake_fixtures.postgres, lake_fixtures.lake  # the fixtures, for this module
pytestmark = pytest.mark.slow  # a PostgreSQL cluster

AS_CLI = Options(actor=COMMAND_LINE)


def recap(regency: str, figures: dict) -> bytes:
    return lf.yearly_recap(
        figures, title=f"REKAPITULASI PENGUNJUNG MAL PELAYANAN PUBLIK KABUPATEN {regency} TAHUN 2024"
    )


def public_figures(spec: str) -> dict[str, list[tuple]]:
    with db.connect(spec, read_only=True) as con:
        return {
            view: sorted(map(str, con.execute(f"SELECT * FROM {view}").fetchall())) for view in PUBLIC_VIEWS
        }


def catalogue_state(spec: str) -> tuple[int, int]:
    """(data files the lake reads, snapshots)."""
    with db.connect(spec, read_only=True) as con:
        return upkeep.live_data_files(con), lake.snapshot(con)


def files_on_disk(data: Path) -> set[Path]:
    return set(data.rglob("*.parquet"))


def run(capsys, *args: str) -> str:
    assert main(["lake", "upkeep", *args, "--lang", "en"]) == 0
    return capsys.readouterr().out


def test_upkeep_merges_expires_and_removes_without_changing_a_figure(lake_store, capsys):
    spec, data = lake_store, Path(os.environ["MPP_DATA_PATH"])
    with db.connect(spec) as con:
        assert (
            ingest(con, "paser.xlsx", recap("PASER", {"Disdukcapil": [100, 200, 300]}), AS_CLI).outcome
            == "added"
        )
        assert ingest(con, "berau.xlsx", recap("BERAU", {"Samsat": [10, 20, 30]}), AS_CLI).outcome == "added"
        fix = ingest(con, "revisi.xlsx", recap("PASER", {"Disdukcapil": [None, 250]}), AS_CLI)
        assert fix.outcome == "replaced"
        history.undo_load(con, COMMAND_LINE, fix.load_id)
    figures = public_figures(spec)
    assert "200" in str(figures["monthly_agency_visits"])  # the undo gave back the original
    # A killed load's file three days old, and one of a load still running (written a moment ago).
    stale, running = data / "main" / "killed-load.parquet", data / "main" / "running-load.parquet"
    for orphan in (stale, running):
        orphan.write_bytes(b"PAR1")
    os.utime(stale, (time.time() - 3 * 86400,) * 2)

    before, disk = catalogue_state(spec), files_on_disk(data)
    said = run(capsys, "--db", spec, "--older-than", "0m", "--dry-run")
    assert "Upkeep dry run (nothing was changed):" in said
    assert "1 orphaned files" in said  # the stale one only
    assert catalogue_state(spec) == before and files_on_disk(data) == disk

    said = run(capsys, "--db", spec, "--older-than", "0m")
    files, _ = catalogue_state(spec)
    assert said.startswith("Upkeep of the shared store done:")
    assert f"data files merged: {before[0]:,} into {files:,}".replace(",", ".") in said
    assert files < before[0]  # each commit's small files, now one per table
    assert "1 orphaned files" in said
    assert not stale.exists() and running.exists()  # never the files of a load younger than a day
    assert len(files_on_disk(data)) < len(disk)  # the merged-away files are gone from the folder
    assert public_figures(spec) == figures

    again = run(capsys, "--db", spec, "--older-than", "0m")
    assert "0 orphaned files" in again and running.exists()
    assert catalogue_state(spec)[0] <= files + 2  # (the upkeep's own claim of the store)
    assert public_figures(spec) == figures


def test_on_a_file_upkeep_is_a_checkpoint(tmp_path, capsys):
    file = tmp_path / "mpp.duckdb"
    with db.connect(file) as con:
        con.execute("INSERT INTO settings (key, value) VALUES ('note', 'x')")
    said = run(capsys, "--db", str(file), "--dry-run")
    assert said.strip() == "A DuckDB file needs no shared-store upkeep; CHECKPOINT would be run."
    assert (
        run(capsys, "--db", str(file)).strip()
        == "A DuckDB file needs no shared-store upkeep; CHECKPOINT was run."
    )
    assert not Path(f"{file}.wal").exists()  # the log is in the file
    assert main(["lake", "upkeep", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "Basis data tidak ditemukan" in capsys.readouterr().err and not (tmp_path / "none.duckdb").exists()
