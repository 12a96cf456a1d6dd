"""The history page's core: the ledger listing, an exact undo preview, and undo guarded by role."""

from datetime import date

import duckdb
import pandas as pd
import pytest

from mpp.access.accounts import PermissionDenied, User
from mpp.reference.agencies import ensure_agency
from mpp.reference.sites import Site, ensure_site
from mpp.store import history, ledger
from mpp.store.db import transaction

ANALYST, VIEWER = User("ana", "analyst"), User("vina", "viewer")


def _file(con: duckdb.DuckDBPyConnection, name, rows) -> int:
    with transaction(con):
        load_id = ledger.record_load(
            con, ledger.LoadRecord(name, name, "test", "service_visits", "MPP A", None, None, "ana")
        )
        frame = pd.DataFrame(
            [(1, a, d, "month", None, None, n) for a, d, n in rows], columns=ledger.SERVICE_COLUMNS
        )
        ledger.write_facts(con, load_id, frame)
    return load_id


@pytest.fixture
def two_loads(store):
    ensure_site(store, Site("MPP A"))
    dukcapil = ensure_agency(store, "Disdukcapil")
    _file(store, "rekap.xlsx", [(dukcapil, date(2025, 1, 1), 100), (dukcapil, date(2025, 2, 1), 200)])
    fix = _file(store, "koreksi.xlsx", [(dukcapil, date(2025, 2, 1), 250)])
    return store, fix


def test_history_lists_every_load_newest_first(two_loads):
    store, _ = two_loads
    table = history.loads_table(store, ANALYST)
    assert list(table["file_name"]) == ["koreksi.xlsx", "rekap.xlsx"]
    assert list(table["status"]) == ["loaded", "loaded"]
    assert list(table["total"]) == [250, 300]


def test_undo_preview_shows_what_the_undo_restores_and_changes_nothing(two_loads):
    store, fix = two_loads
    preview = history.undo_preview(store, ANALYST, fix)
    assert preview[["measure", "agency", "month", "value", "value_after"]].values.tolist() == [
        ["service_visits", "Disdukcapil", date(2025, 2, 1), 250, 200]
    ]
    assert store.execute("SELECT sum(visits) FROM monthly_agency_visits").fetchall() == [(350,)]


def test_undo_needs_an_analyst(two_loads):
    store, fix = two_loads
    with pytest.raises(PermissionDenied):
        history.undo_load(store, VIEWER, fix)
    with pytest.raises(PermissionDenied):
        history.undo_load(store, None, fix)
    history.undo_load(store, ANALYST, fix)
    assert store.execute("SELECT sum(visits) FROM monthly_agency_visits").fetchall() == [(300,)]
    with pytest.raises(history.UndoRefused, match="sudah dibatalkan"):
        history.undo_load(store, ANALYST, fix)


def test_original_files_are_kept_by_hash(store):
    with transaction(store):
        ledger.keep_original(store, "abc", "rekap.xlsx", b"PK\x03\x04 bytes")
        ledger.keep_original(store, "abc", "rekap (1).xlsx", b"PK\x03\x04 bytes")  # same bytes again
    assert ledger.original(store, ANALYST, "abc") == ("rekap.xlsx", b"PK\x03\x04 bytes")
    assert ledger.original(store, ANALYST, "nope") is None


def test_undo_preview_of_a_survey_load_counts_respondents(demo_db):
    from mpp.store import db

    with db.connect(demo_db) as con:
        survey = con.execute(
            "SELECT load_id FROM loads WHERE file_name LIKE 'demo SKM: MPP Kota%'"
        ).fetchall()[0][0]
        preview = history.undo_preview(con, ANALYST, survey)
    assert set(preview["measure"]) == {"skm_respondents"}
    assert preview["value"].sum() > 0 and preview["value_after"].sum() == 0


def _everything(con: duckdb.DuckDBPyConnection) -> list:
    """The whole ledger and its facts, to see that a refused call changed nothing."""
    return [
        con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        for table in ("loads", "service_visits", "originals")
    ]


def test_history_preview_and_originals_need_an_analyst(two_loads):
    store, fix = two_loads
    with transaction(store):
        ledger.keep_original(store, "abc", "rekap.xlsx", b"PK\x03\x04 bytes")
    before = _everything(store)
    for actor in (None, VIEWER):
        with pytest.raises(PermissionDenied, match="perlu peran analyst"):
            history.loads_table(store, actor)
        with pytest.raises(PermissionDenied):
            history.undo_preview(store, actor, fix)
        with pytest.raises(PermissionDenied):
            ledger.original(store, actor, "abc")
    assert _everything(store) == before
    assert len(history.loads_table(store, ANALYST)) == 2
    assert ledger.original(store, User("admin", "admin"), "abc")[0] == "rekap.xlsx"
