"""The shared store (DuckLake on PostgreSQL): the same schema, views, ledger and figures as a file.

Each test gets a lake of its own on a throwaway PostgreSQL cluster (tests/lake.py); skipped with the
reason when PostgreSQL is not installed, failing under CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from mpp.period import Period
from mpp.store import db, history
from mpp.visits import metrics
from mpp.visits.overview import overview
from mpp.visits.summary import summary_dict
from tests import lake as lake_fixtures
from tests import layout_files as lf

postgres, lake = lake_fixtures.postgres, lake_fixtures.lake  # the fixtures, for this module
pytestmark = pytest.mark.slow  # a PostgreSQL cluster, and loads read in guarded child processes

ROOT = Path(__file__).resolve().parents[1]
AS_CLI = Options(actor=COMMAND_LINE)
PASER = "MPP Kabupaten Paser"
ORIGINAL = {"Disdukcapil": [100, 200, 300], "Samsat": [10, 20, 30]}
PUBLIC_VIEWS = (
    "monthly_agency_visits",
    "monthly_site_visitors",
    "daily_agency_visits",
    "monthly_queue_outcomes",
    "skm_respondents",
    "skm_answers",
    "skm_published",
)


def columns(con: duckdb.DuckDBPyConnection, view: str) -> list[tuple[str, str]]:
    return [(name, kind) for name, kind, *_ in con.execute(f"DESCRIBE {view}").fetchall()]


def figures(con: duckdb.DuckDBPyConnection, site: str = PASER) -> dict[tuple[str, date], int]:
    rows = con.execute(
        "SELECT agency, month, visits FROM monthly_agency_visits WHERE site = ?", [site]
    ).fetchall()
    return {(agency, month): visits for agency, month, visits in rows}


def test_the_lake_has_every_migration_and_the_same_public_views_as_a_file(lake, store):
    with db.connect(lake, read_only=True) as con:
        versions = {v for (v,) in con.execute("SELECT version FROM schema_version").fetchall()}
        assert versions == {version for version, _ in db._migrations()} and max(versions) == db.SCHEMA_VERSION
        for view in PUBLIC_VIEWS:
            assert columns(con, view) == columns(store, view), view
        # the seed lists, as on a file
        assert (
            con.execute("SELECT count(*) FROM agencies").fetchall()
            == store.execute("SELECT count(*) FROM agencies").fetchall()
        )


def test_a_file_lands_once_and_undo_gives_back_what_it_replaced(lake):
    with db.connect(lake) as con:
        data = lf.yearly_recap(ORIGINAL)
        first = ingest(con, "paser_2024.xlsx", data, AS_CLI)
        assert first.outcome == "added", first.problems
        assert figures(con)[("Disdukcapil", date(2024, 2, 1))] == 200
        again = ingest(con, "salinan.xlsx", data, AS_CLI)  # the same bytes
        assert again.outcome == "unchanged" and again.load_id == first.load_id
        assert con.execute("SELECT count(*) FROM loads").fetchall() == [(1,)]
        corrected = ingest(con, "revisi.xlsx", lf.yearly_recap({"Disdukcapil": [None, 250]}), AS_CLI)
        assert corrected.outcome == "replaced" and corrected.load_id != first.load_id
        assert figures(con)[("Disdukcapil", date(2024, 2, 1))] == 250
        history.undo_load(con, COMMAND_LINE, corrected.load_id)
        assert figures(con)[("Disdukcapil", date(2024, 2, 1))] == 200
        assert sum(figures(con).values()) == 660
        statuses = dict(con.execute("SELECT load_id, status FROM loads").fetchall())
        assert statuses == {first.load_id: "loaded", corrected.load_id: "undone"}
        loaded_at = con.execute("SELECT loaded_at FROM loads WHERE load_id = ?", [first.load_id]).fetchall()
        assert loaded_at[0][0] is not None


def recap_of(regency: str) -> bytes:
    return lf.yearly_recap(
        ORIGINAL, title=f"REKAPITULASI PENGUNJUNG MAL PELAYANAN PUBLIK KABUPATEN {regency} TAHUN 2024"
    )


def test_two_offices_loading_at_once_both_land(lake, tmp_path):
    files = []
    for regency in ("PASER", "BERAU"):
        path = tmp_path / f"{regency.lower()}_2024.xlsx"
        path.write_bytes(recap_of(regency))
        files.append(path)
    env = {**os.environ, "MPP_DATA_PATH": os.environ["MPP_DATA_PATH"]}
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "loaders", "ingest", str(path), "--db", lake],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    ]
    for child in children:
        out, err = child.communicate(timeout=600)
        assert child.returncode == 0, out + err
    with db.connect(lake, read_only=True) as con:
        assert sum(figures(con, PASER).values()) == 660
        assert sum(figures(con, "MPP Kabupaten Berau").values()) == 660
        ids = [i for (i,) in con.execute("SELECT load_id FROM loads").fetchall()]
        assert len(ids) == 2 and len(set(ids)) == 2


def dashboard_figures(con: duckdb.DuckDBPyConnection) -> dict:
    sites = (PASER, "MPP Kabupaten Berau")
    view = overview(con, sites, through=date(2024, 3, 1))
    assert view is not None
    period = Period(date(2024, 1, 1), date(2024, 3, 1))
    return {
        "summary": summary_dict(view),
        "monthly": metrics.monthly(con, sites, period, "service_visits").to_dict("records"),
        "shares": metrics.agency_shares(con, sites, period).table.to_dict("records"),
    }


def test_the_dashboard_shows_the_same_figures_on_the_lake_as_on_a_file(lake, store):
    loads = [
        ("paser_2024.xlsx", recap_of("PASER")),
        ("berau_2024.xlsx", recap_of("BERAU")),
        ("paser_revisi.xlsx", lf.yearly_recap({"Samsat": [15, None, 35]})),
    ]
    with db.connect(lake) as con:
        for name, data in loads:
            assert ingest(con, name, data, AS_CLI).outcome in ("added", "replaced")
        on_lake = dashboard_figures(con)
    for name, data in loads:
        assert ingest(store, name, data, AS_CLI).outcome in ("added", "replaced")
    assert on_lake == dashboard_figures(store)
    assert on_lake["summary"]["service_visits_to_date"] == 660 + 660 + 5 + 5
