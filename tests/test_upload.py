"""The upload workflow's core: preview writes nothing, unknown agencies are mapped and remembered,
the load is one transaction kept with its original, and roles are enforced in the core itself."""

from datetime import date

import duckdb
import pytest

from loaders import upload
from loaders.load import Options, ingest
from mpp.access.accounts import PermissionDenied, User
from mpp.period import Period
from mpp.store import history, ledger
from mpp.visits import metrics
from tests.layout_files import yearly_recap

pytestmark = pytest.mark.slow  # every load reads its file in a guarded child process

ANALYST, VIEWER = User("ana", "analyst"), User("vina", "viewer")
SITE = "MPP Kota Balikpapan"
OPTIONS = Options(site=SITE, year=2026)
RECAP = yearly_recap(
    {"DISDUKCAPIL": [100, "1.263", "-"], "Loket Samsat Keliling Kukar": [5, 6, 7]},
    title="REKAP KUNJUNGAN MPP KOTA BALIKPAPAN TAHUN 2026",
)


def _visits(con: duckdb.DuckDBPyConnection, agency):
    period = Period(date(2026, 1, 1), date(2026, 3, 1))
    rows = metrics.agency_shares(con, [SITE], period).table.set_index("agency")["visits"]
    return rows.get(agency)


def test_preview_writes_nothing_and_lists_the_unknown_agency(store):
    report = upload.preview(store, "rekap.xlsx", RECAP, OPTIONS)
    assert report.outcome == "refused"
    unknown = upload.unknown_agencies(report)
    assert [(u.spelling, u.sheet, u.cell, u.suggested) for u in unknown] == [
        ("Loket Samsat Keliling Kukar", "Rekap", "C6", None)
    ]
    assert store.execute("SELECT count(*) FROM loads").fetchall() == [(0,)]


def test_a_mapping_is_remembered_and_the_file_then_loads_with_its_original(store):
    upload.map_agency(store, ANALYST, "Loket Samsat Keliling Kukar", "Samsat")
    report = upload.preview(store, "rekap.xlsx", RECAP, OPTIONS)
    assert report.ok and dict(report.agency_totals) == {"Disdukcapil": 1363, "Samsat": 18}
    result = upload.load(store, ANALYST, "rekap.xlsx", RECAP, OPTIONS)
    assert result.outcome == "added"
    assert _visits(store, "Disdukcapil") == 1363 and _visits(store, "Samsat") == 18
    loaded = history.loads_table(store, ANALYST).iloc[0]
    assert (loaded["loaded_by"], loaded["file_name"]) == ("ana", "rekap.xlsx")
    assert ledger.original(store, ANALYST, loaded["sha256"]) == ("rekap.xlsx", RECAP)
    assert upload.load(store, ANALYST, "rekap (1).xlsx", RECAP, OPTIONS).outcome == "unchanged"


def test_add_as_new_agency(store):
    upload.add_agency(store, ANALYST, "Loket Samsat Keliling Kukar")
    assert upload.load(store, ANALYST, "rekap.xlsx", RECAP, OPTIONS).ok
    assert _visits(store, "Loket Samsat Keliling Kukar") == 18


def test_the_agency_forms_choices_are_saved_together_or_not_at_all(store):
    choices = {"Loket Samsat Keliling Kukar": "Samsat", "Disdukcapl": "Disdukcapil"}
    assert upload.settle_agencies(store, ANALYST, choices | {"IZIN REKLAME": upload.NEW_AGENCY}) == 3
    known = dict(
        store.execute("SELECT alias, source FROM agency_aliases WHERE source = 'analyst'").fetchall()
    )
    assert set(known) == {"Loket Samsat Keliling Kukar", "Disdukcapl", "IZIN REKLAME"}
    assert upload.load(store, ANALYST, "rekap.xlsx", RECAP, OPTIONS).ok
    with pytest.raises(ValueError, match="tidak ada"):
        upload.settle_agencies(store, ANALYST, {"Loket A": "Samsat", "Loket B": "Instansi Khayalan"})
    assert store.execute("SELECT count(*) FROM agency_aliases WHERE alias = 'Loket A'").fetchall() == [(0,)]
    with pytest.raises(PermissionDenied):
        upload.settle_agencies(store, VIEWER, {"Loket A": "Samsat"})


def test_a_viewer_cannot_write_even_calling_the_core_directly(store):
    with pytest.raises(PermissionDenied):
        upload.map_agency(store, VIEWER, "X", "Samsat")
    with pytest.raises(PermissionDenied):
        upload.add_agency(store, VIEWER, "X")
    with pytest.raises(PermissionDenied):
        upload.load(store, VIEWER, "rekap.xlsx", RECAP, OPTIONS)
    with pytest.raises(PermissionDenied):
        ingest(
            store, "rekap.xlsx", RECAP, Options(site=SITE, year=2026, unknown_agencies="add", actor=VIEWER)
        )
    assert store.execute("SELECT count(*) FROM loads").fetchall() == [(0,)]
    assert ingest(
        store,
        "rekap.xlsx",
        RECAP,
        Options(site=SITE, year=2026, unknown_agencies="add", actor=VIEWER, dry_run=True),
    ).ok
