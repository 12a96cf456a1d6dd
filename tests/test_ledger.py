"""The load ledger: a later load replaces exactly the slices it covers; undo gives them back."""

from datetime import date

import duckdb
import pandas as pd
import pytest

from mpp.access.accounts import COMMAND_LINE, PermissionDenied, User
from mpp.reference.agencies import ensure_agency
from mpp.reference.sites import Site, ensure_site
from mpp.store import ledger
from mpp.store.db import transaction

MONTHS = [date(2025, m, 1) for m in (1, 2, 3)]


def _file(con: duckdb.DuckDBPyConnection, name, rows) -> int:
    """Load (agency_id, month, visits) rows for site 1 as file `name`, in one transaction."""
    with transaction(con):
        load_id = ledger.record_load(
            con, ledger.LoadRecord(name, name, "test", "service_visits", "MPP A", None, None)
        )
        frame = pd.DataFrame(
            [(1, a, d, "month", None, None, n) for a, d, n in rows], columns=ledger.SERVICE_COLUMNS
        )
        ledger.write_facts(con, load_id, frame)
    return load_id


def _visible(con: duckdb.DuckDBPyConnection) -> dict:
    rows = con.execute("SELECT agency, month, visits FROM monthly_agency_visits").fetchall()
    return {(a, m.month): v for a, m, v in rows}


def _status(con: duckdb.DuckDBPyConnection) -> dict:
    return dict(con.execute("SELECT file_name, status FROM loads").fetchall())


def _setup(store):
    ensure_site(store, Site("MPP A"))
    return ensure_agency(store, "Disdukcapil"), ensure_agency(store, "Samsat")


def test_corrected_file_replaces_only_its_slices(store):
    dukcapil, samsat = _setup(store)
    _file(store, "recap.xlsx", [(dukcapil, m, 100) for m in MONTHS] + [(samsat, m, 50) for m in MONTHS])
    _file(store, "feb-fix.xlsx", [(dukcapil, MONTHS[1], 120)])
    assert _visible(store) == {
        ("Disdukcapil", 1): 100,
        ("Disdukcapil", 2): 120,
        ("Disdukcapil", 3): 100,
        ("Samsat", 1): 50,
        ("Samsat", 2): 50,
        ("Samsat", 3): 50,
    }
    assert _status(store) == {"recap.xlsx": "loaded", "feb-fix.xlsx": "loaded"}
    assert store.execute("SELECT rows, total FROM loads WHERE file_name = 'feb-fix.xlsx'").fetchall() == [
        (1, 120)
    ]


def test_a_load_covering_everything_supersedes_the_earlier_one(store):
    dukcapil, _ = _setup(store)
    _file(store, "v1.xlsx", [(dukcapil, MONTHS[0], 10)])
    _file(store, "v2.xlsx", [(dukcapil, MONTHS[0], 11)])
    assert _visible(store) == {("Disdukcapil", 1): 11}
    assert _status(store) == {"v1.xlsx": "superseded", "v2.xlsx": "loaded"}


def test_undo_restores_what_the_load_replaced(store):
    dukcapil, _ = _setup(store)
    _file(store, "v1.xlsx", [(dukcapil, m, 10) for m in MONTHS])
    fix = _file(store, "v2.xlsx", [(dukcapil, MONTHS[0], 99)])
    with transaction(store):
        ledger.undo(store, COMMAND_LINE, fix)
    assert _visible(store) == {("Disdukcapil", m.month): 10 for m in MONTHS}
    assert _status(store) == {"v1.xlsx": "loaded", "v2.xlsx": "undone"}


def test_undo_of_a_middle_load_keeps_the_later_correction(store):
    dukcapil, _ = _setup(store)
    _file(store, "v1.xlsx", [(dukcapil, MONTHS[0], 10)])
    middle = _file(store, "v2.xlsx", [(dukcapil, MONTHS[0], 20)])
    _file(store, "v3.xlsx", [(dukcapil, MONTHS[0], 30)])
    with transaction(store):
        ledger.undo(store, COMMAND_LINE, middle)
    assert _visible(store) == {("Disdukcapil", 1): 30}
    with transaction(store):
        ledger.undo(store, COMMAND_LINE, 3)
    assert _visible(store) == {("Disdukcapil", 1): 10}


def test_same_bytes_are_found_in_the_ledger(store):
    dukcapil, _ = _setup(store)
    load_id = _file(store, "a.xlsx", [(dukcapil, MONTHS[0], 1)])
    assert ledger.find_loaded(store, "a.xlsx") == load_id
    with transaction(store):
        ledger.undo(store, COMMAND_LINE, load_id)
    assert ledger.find_loaded(store, "a.xlsx") is None


def test_a_failed_transaction_leaves_nothing(store):
    dukcapil, _ = _setup(store)
    try:
        with transaction(store):
            load_id = ledger.record_load(
                store, ledger.LoadRecord("bad", "bad", "t", "service_visits", None, None, None)
            )
            frame = pd.DataFrame(
                [(1, dukcapil, MONTHS[0], "month", None, None, -5)], columns=ledger.SERVICE_COLUMNS
            )
            ledger.write_facts(store, load_id, frame)  # visits >= 0 is a CHECK constraint
    except Exception:
        pass
    assert store.execute("SELECT count(*) FROM loads").fetchall() == [(0,)]
    assert _visible(store) == {}


def test_undo_needs_an_analyst_and_a_refused_one_changes_nothing(store):
    dukcapil, _ = _setup(store)
    first = _file(store, "rekap.xlsx", [(dukcapil, MONTHS[0], 100)])
    fix = _file(store, "koreksi.xlsx", [(dukcapil, MONTHS[0], 150)])
    for actor in (None, User("vina", "viewer")):
        with pytest.raises(PermissionDenied, match="perlu peran analyst"), transaction(store):
            ledger.undo(store, actor, fix)
        assert _visible(store) == {("Disdukcapil", 1): 150}
        assert _status(store) == {"rekap.xlsx": "superseded", "koreksi.xlsx": "loaded"}
    with transaction(store):
        ledger.undo(store, User("ana", "analyst"), fix)
    assert _visible(store) == {("Disdukcapil", 1): 100} and first == 1
