"""`python -m mpp lake push`: an office's DuckDB file into the shared store (mpp/store/push.py).

The lake tests each get a lake of their own on a throwaway PostgreSQL cluster (tests/lake.py); the
refusals need no lake (a push checks the file before it writes anything, into any store).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from loaders.load import Options, ingest, load_skm
from mpp.__main__ import main
from mpp.access.accounts import COMMAND_LINE
from mpp.reference import events, mappings, members
from mpp.reference.agencies import add_alias, ensure_agency
from mpp.reference.sites import Site, ensure_site
from mpp.store import db, history, push, writers
from mpp.store.lake import LAKE
from mpp.store.push import PushRefused, push_store
from tests import lake as lake_fixtures
from tests import layout_files as lf
from tests.test_skm_load import csv_bytes, row

postgres, lake = lake_fixtures.postgres, lake_fixtures.lake  # the fixtures, for this module
pytestmark = pytest.mark.slow  # a PostgreSQL cluster, and loads read in guarded child processes

ROOT = Path(__file__).resolve().parents[1]
AS_CLI = Options(actor=COMMAND_LINE)
PASER = "MPP Kabupaten Paser"
BERAU = "MPP Kabupaten Berau"
BERAU_TITLE = "REKAPITULASI PENGUNJUNG MAL PELAYANAN PUBLIK KABUPATEN BERAU TAHUN 2024"
# What the public views show of a site, load ids left out (they are each store's own).
VIEWS = {
    "monthly_agency_visits": "agency, month, visits",
    "monthly_site_visitors": "month, visitors",
    "skm_respondents": "agency, day, respondent, sex, age_band, education, occupation, u1, u5, u9",
}
LEDGER = "file_name, sha256, layout, site, period_from, period_to, rows, total, loaded_by, loaded_at, status"


def seen(con: duckdb.DuckDBPyConnection, site: str = PASER) -> dict[str, list[tuple]]:
    return {
        view: sorted(con.execute(f"SELECT {columns} FROM {view} WHERE site = ?", [site]).fetchall(), key=str)
        for view, columns in VIEWS.items()
    }


def ledger_rows(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return sorted(con.execute(f"SELECT {LEDGER} FROM loads").fetchall(), key=str)


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = ("loads", "service_visits", "skm_responses", "sites", "agencies", "agency_aliases", "originals")
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in tables}


def snapshots(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(f"SELECT count(*) FROM ducklake_snapshots('{LAKE}')").fetchall()[0][0]


def timeline(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Paser's events, their ids left out (each store's own)."""
    return [(e.day, e.label, e.kind, e.added_by, e.added_at) for e in events.list_events(con, PASER)]


def office_store(path: Path) -> dict[str, int]:
    """A file store with a recap, a correction of part of it, an undone correction, another site's
    recap and a survey; returns the load ids by name."""
    survey = csv_bytes([row("R1", [4, 3, 4, 4, 3, 4, 4, 3, 4]), row("R2", [3, 3, 3, 4, 4, 4, 3, 3, 3])])
    loads = {}
    with db.connect(path) as con:
        for name, data in (
            ("paser_2024.xlsx", lf.yearly_recap({"Disdukcapil": [100, 200, 300], "Samsat": [10, 20, 30]})),
            ("paser_revisi.xlsx", lf.yearly_recap({"Disdukcapil": [None, 250]})),
            ("paser_salah.xlsx", lf.yearly_recap({"Samsat": [99, 99, 99]})),
            ("berau_2024.xlsx", lf.yearly_recap({"Disdukcapil": [7, 8, 9]}, title=BERAU_TITLE)),
        ):
            report = ingest(con, name, data, AS_CLI)
            assert report.outcome in ("added", "replaced"), report.problems
            loads[name] = report.load_id
        history.undo_load(con, COMMAND_LINE, loads["paser_salah.xlsx"])
        skm = load_skm(con, "skm_paser.csv", survey, site=PASER, actor=COMMAND_LINE, unknown_agencies="add")
        assert skm.outcome == "added", skm.problems
        for day, label in ((date(2024, 4, 10), "Idulfitri"), (date(2024, 6, 17), "Iduladha")):
            events.add(con, COMMAND_LINE, PASER, day, label, "holiday")
    return loads


def test_a_pushed_store_shows_the_same_figures_and_ledger_and_a_second_push_changes_nothing(lake, tmp_path):
    file = tmp_path / "kantor.duckdb"
    loads = office_store(file)
    with db.connect(lake) as con:
        pushed = push_store(con, file, COMMAND_LINE)
    assert (pushed.pushed, pushed.already, pushed.undone, pushed.replaced) == (5, 0, 0, 0)
    with db.connect(file, read_only=True) as office, db.connect(lake, read_only=True) as shared:
        assert seen(shared) == seen(office) and seen(shared, BERAU) == seen(office, BERAU)
        assert seen(shared)["monthly_agency_visits"][:2] == [
            ("Disdukcapil", date(2024, 1, 1), 100),
            ("Disdukcapil", date(2024, 2, 1), 250),
        ]
        assert len(seen(shared)["skm_respondents"]) == 2
        assert timeline(shared) == timeline(office) and len(timeline(shared)) == 2
        # every load keeps its identity: file, sha256, who, when, and its status (undone too)
        assert ledger_rows(shared) == ledger_rows(office)
        statuses = dict(shared.execute("SELECT file_name, status FROM loads").fetchall())
        assert statuses["paser_salah.xlsx"] == "undone"
        before, taken = counts(shared), snapshots(shared)
    with db.connect(lake) as con:
        again = push_store(con, file, COMMAND_LINE)
        assert (again.pushed, again.already, again.rows) == (0, 5, 0)
        assert counts(con) == before and snapshots(con) == taken

    # The office corrects March and takes back its first correction; the next push brings the lake
    # up to date: the correction replaces the lake's slice, the undo is undone there too.
    with db.connect(file) as con:
        march = ingest(con, "paser_maret.xlsx", lf.yearly_recap({"Disdukcapil": [None, None, 333]}), AS_CLI)
        assert march.outcome == "replaced", march.problems
        history.undo_load(con, COMMAND_LINE, loads["paser_revisi.xlsx"])
    with db.connect(lake) as con:
        update = push_store(con, file, COMMAND_LINE)
        assert (update.pushed, update.undone, update.replaced) == (1, 1, 1)
        assert [line for line in update.lines() if PASER in line] == [
            f"  {PASER}: 1 muatan baru, 1 baris; kunjungan layanan di penyimpanan bersama 693 (di berkas 693)"
        ]
    with db.connect(file, read_only=True) as office, db.connect(lake, read_only=True) as shared:
        assert seen(shared) == seen(office)
        assert ("Disdukcapil", date(2024, 3, 1), 333) in seen(shared)["monthly_agency_visits"]
        assert ledger_rows(shared) == ledger_rows(office)
        # the lake's ledger shows which load replaced the recap's March
        replaced_by = shared.execute(
            "SELECT DISTINCT l.file_name FROM service_visits v JOIN loads l ON l.load_id = v.superseded_by "
            "JOIN loads r ON r.load_id = v.load_id WHERE r.file_name = 'paser_2024.xlsx'"
        ).fetchall()
        assert replaced_by == [("paser_maret.xlsx",)]


def test_another_office_writing_at_the_same_moment_is_said_so(lake):
    """DuckLake finds a conflict only at COMMIT and names it on its message's second line."""
    with db.connect(lake) as first, db.connect(lake) as second:
        first.execute("BEGIN TRANSACTION")
        first.execute("DELETE FROM agencies WHERE name = 'Samsat'")
        second.execute("DELETE FROM agencies WHERE name = 'Samsat'")
        with pytest.raises(duckdb.TransactionException) as lost:
            first.execute("COMMIT")
    message = str(push.refusal(lost.value))
    assert "Another office wrote the same data to the shared store at the same moment" in message
    assert "Run it again" in message and "Transaction conflict" in message


def test_a_push_and_a_load_at_the_same_moment_take_turns(lake, office):
    """A push decides from what it reads, so it claims the lake as a load does: a load whose
    transaction overlapped it loses at its commit and is run again (mpp/store/writers.py)."""
    with db.connect(office) as con:
        ensure_site(con, Site("MPP Kota Contoh", kabupaten_kota="Kota Contoh"))
    with db.connect(lake) as loading, db.connect(lake) as pushing:
        meanwhile = writers.exclusive_transaction(loading)
        meanwhile.__enter__()  # another office's load, its transaction open
        assert push_store(pushing, office, COMMAND_LINE).other_rows == 1  # the site, committed first
        with pytest.raises(writers.WriteConflict):
            meanwhile.__exit__(None, None, None)


def cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )


def test_the_demo_store_pushed_on_the_command_line_gives_the_same_summary(lake, tmp_path):
    demo = tmp_path / "demo.duckdb"
    data = os.environ["MPP_DATA_PATH"]
    env = {k: v for k, v in os.environ.items() if k not in ("MPP_DATA_PATH", "MPP_DB")}
    assert cli("mpp", "demo", "--db", str(demo), env=env).returncode == 0
    pushed = cli("mpp", "lake", "push", "--from", str(demo), "--to", lake, "--data-path", data, env=env)
    assert pushed.returncode == 0, pushed.stderr
    assert "9 muatan baru, 0 sudah ada" in pushed.stdout
    assert "MPP Kota Balikpapan: 3 muatan baru" in pushed.stdout
    summary = (
        "summary",
        "--site",
        "MPP Kota Balikpapan",
        "--site",
        "MPP Kabupaten Kutai Kartanegara",
        "--json",
    )
    on_file = cli("mpp", *summary, "--db", str(demo), env=env)
    on_lake = cli("mpp", *summary, "--db", lake, "--data-path", data, env=env)
    assert on_lake.returncode == 0, on_lake.stderr
    assert on_lake.stdout == on_file.stdout and '"service_visits_to_date"' in on_lake.stdout
    # the loaders' command line takes --data-path too
    listed = cli("loaders", "history", "--db", lake, "--data-path", data, env=env)
    assert listed.returncode == 0, listed.stderr
    assert "demo: MPP Kota Balikpapan" in listed.stdout
    # without a data path the lake says what it needs
    missing = cli("loaders", "history", "--db", lake, env=env)
    assert missing.returncode == 1 and "--data-path DIR" in missing.stderr


# ---- refusals: nothing pushed, the office's file unchanged -----------------------------------------


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def office(empty_store_file, tmp_path) -> Path:
    path = tmp_path / "kantor.duckdb"
    shutil.copy(empty_store_file, path)
    return path


def refused(target: duckdb.DuckDBPyConnection, file: Path) -> str:
    with pytest.raises(PushRefused) as caught:
        push_store(target, file, COMMAND_LINE)
    assert target.execute("SELECT count(*) FROM loads").fetchall() == [(0,)]
    return str(caught.value)


def test_a_file_that_is_not_a_store_is_refused(store, tmp_path):
    other = tmp_path / "catatan.duckdb"
    other.write_text("bukan basis data\n" * 1000)
    message = refused(store, other)
    assert "bukan basis data Pantau MPP" in message and "is not a Pantau MPP store" in message
    assert "tidak ada" in refused(store, tmp_path / "hilang.duckdb")


def test_an_older_store_is_refused_and_left_as_it_is(store, office):
    with db.connect(office) as con:
        con.execute("DELETE FROM schema_version WHERE version = ?", [db.SCHEMA_VERSION])
    before = digest(office)
    message = refused(store, office)
    assert f"python -m mpp init --db {office}" in message and "Nothing was pushed" in message
    assert digest(office) == before


def test_a_site_or_agency_that_is_another_in_the_target_is_refused(store, office):
    with db.connect(office) as con:
        ensure_site(con, Site("MPP Kota Contoh", kabupaten_kota="Kota Contoh"))
        ensure_agency(con, "Kantor Contoh")
    ensure_site(store, Site("MPP Kota Contoh", kabupaten_kota="Kabupaten Contoh"))
    message = refused(store, office)
    assert "Lokasi 'MPP Kota Contoh'" in message and "kabupaten/kota" in message
    assert "Kota Contoh" in message and "Kabupaten Contoh" in message
    store.execute("UPDATE sites SET kabupaten_kota = NULL WHERE name = 'MPP Kota Contoh'")
    disdukcapil = store.execute("SELECT agency_id FROM agencies WHERE name = 'Disdukcapil'").fetchall()[0][0]
    add_alias(store, COMMAND_LINE, "Kantor Contoh", disdukcapil)
    message = refused(store, office)
    assert "'Kantor Contoh'" in message and "'Disdukcapil'" in message


def test_a_site_the_target_knows_by_name_only_gets_the_files_description(store, office):
    with db.connect(office) as con:
        ensure_site(
            con, Site("MPP Kota Contoh", kabupaten_kota="Kota Contoh", channels=("walk_in", "online"))
        )
    ensure_site(store, Site("MPP Kota Contoh"))
    push_store(store, office, COMMAND_LINE)
    assert store.execute(
        "SELECT kabupaten_kota, channels FROM sites WHERE name = 'MPP Kota Contoh'"
    ).fetchall() == [("Kota Contoh", ["walk_in", "online"])]


def test_a_sites_events_members_and_mappings_go_with_it_once(store, office):
    contoh = "MPP Kota Contoh"
    with db.connect(office) as con:
        ensure_site(con, Site(contoh, kabupaten_kota="Kota Contoh"))
        events.add(con, COMMAND_LINE, contoh, date(2024, 1, 15), "Peresmian gedung baru", "opening")
        members.add_member(con, COMMAND_LINE, contoh, "Disdukcapil", date(2024, 1, 2))
        mappings.store(con, COMMAND_LINE, contoh, "Ekspor antrean", "tanggal|jumlah", '{"day": "tanggal"}')
    for _ in range(2):  # the second push finds all of it there
        push_store(store, office, COMMAND_LINE)
        assert [(e.day, e.label) for e in events.list_events(store, contoh)] == [
            (date(2024, 1, 15), "Peresmian gedung baru")
        ]
        assert list(members.member_list(store, contoh)["agency"]) == ["Disdukcapil"]
        assert [(m.name, m.spec) for m in mappings.saved(store, contoh)] == [
            ("Ekspor antrean", '{"day": "tanggal"}')
        ]


def test_a_mapping_saved_in_the_target_after_the_files_stays(store, office):
    contoh = "MPP Kota Contoh"
    with db.connect(office) as con:
        ensure_site(con, Site(contoh))
        mappings.store(con, COMMAND_LINE, contoh, "Ekspor antrean", "tanggal", '{"day": "tanggal"}')
        mappings.store(con, COMMAND_LINE, contoh, "Rekap lama", "bulan", '{"month": "bulan"}')
    ensure_site(store, Site(contoh))
    mappings.store(store, COMMAND_LINE, contoh, "Ekspor antrean", "tgl", '{"day": "tgl"}')
    push_store(store, office, COMMAND_LINE)
    assert sorted((m.name, m.spec) for m in mappings.saved(store, contoh)) == [
        ("Ekspor antrean", '{"day": "tgl"}'),
        ("Rekap lama", '{"month": "bulan"}'),
    ]


def test_a_member_that_left_in_the_target_stays_gone(store, office):
    contoh = "MPP Kota Contoh"
    with db.connect(office) as con:
        ensure_site(con, Site(contoh))
        members.add_member(con, COMMAND_LINE, contoh, "Disdukcapil", date(2024, 1, 2))
    push_store(store, office, COMMAND_LINE)
    members.leave_member(store, COMMAND_LINE, contoh, "Disdukcapil", date(2024, 6, 30))
    push_store(store, office, COMMAND_LINE)
    assert list(members.member_list(store, contoh)["left_on"].dt.date) == [date(2024, 6, 30)]


def test_the_command_refuses_a_file_as_its_target(office, capsys):
    assert main(["lake", "push", "--from", str(office), "--to", str(office)]) == 1
    assert "ducklake:postgres:" in capsys.readouterr().err


def test_every_table_is_pushed_or_said_to_stay(store):
    """A table a migration adds is left behind by a push until push.py says what becomes of it."""
    tables = {name for (name,) in store.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert tables == {*push.FACTS, *push.COPIED, *push.STAYS}


def months(con: duckdb.DuckDBPyConnection, agency: str = "Disdukcapil") -> list[tuple]:
    """An agency's months at Paser as the public view shows them (one row a month: none counted twice)."""
    return con.execute(
        "SELECT month, visits FROM monthly_agency_visits WHERE site = ? AND agency = ? ORDER BY month",
        [PASER, agency],
    ).fetchall()


def test_each_slice_ends_with_its_latest_load_whichever_store_it_was_loaded_in(lake, tmp_path):
    """The lake got the office's correction file straight from the office before the office loaded
    it, and a March of its own after the office's recap: the push keeps the office's correction and
    the lake's later March; undoing that March gives the slice back to the office's recap."""
    recap = lf.yearly_recap({"Disdukcapil": [100, 200, 300]})
    revisi = lf.yearly_recap({"Disdukcapil": [None, 250]})
    file = tmp_path / "kantor.duckdb"
    with db.connect(lake) as con:
        assert ingest(con, "paser_revisi.xlsx", revisi, AS_CLI).outcome == "added"
    with db.connect(file) as con:
        assert ingest(con, "paser_2024.xlsx", recap, AS_CLI).outcome == "added"
        assert ingest(con, "paser_revisi.xlsx", revisi, AS_CLI).outcome == "replaced"
    with db.connect(lake) as con:
        march = ingest(con, "maret_pusat.xlsx", lf.yearly_recap({"Disdukcapil": [None, None, 444]}), AS_CLI)
        assert march.outcome == "added", march.problems
    with db.connect(lake) as con:
        push_store(con, file, COMMAND_LINE)
        assert months(con) == [(date(2024, 1, 1), 100), (date(2024, 2, 1), 250), (date(2024, 3, 1), 444)]
        history.undo_load(con, COMMAND_LINE, march.load_id)
        assert months(con) == [(date(2024, 1, 1), 100), (date(2024, 2, 1), 250), (date(2024, 3, 1), 300)]
    with db.connect(lake) as con:
        assert push_store(con, file, COMMAND_LINE).pushed == 0
