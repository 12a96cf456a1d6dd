"""Many writers at once on the shared store (DuckLake on PostgreSQL): offices loading at the same time
each land once, two loads of one slice never add up, the same file sent twice lands once, and a
reader is never held up by a writer (mpp/store/writers.py says what DuckLake reports and why).

One lake for the whole module (each test its own sites): loads run as `python -m loaders ingest`
in child processes started together, as offices would; they retry fast (MPP_WRITE_PAUSE).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from loaders import mapping
from loaders.load import Options, ingest
from loaders.mapping import ColumnMapping
from mpp.access import accounts
from mpp.access.accounts import COMMAND_LINE
from mpp.reference import events, members, sites
from mpp.store import db, lake, ledger, writers
from tests import lake as lake_fixtures
from tests import layout_files as lf

postgres = lake_fixtures.postgres  # the fixture, for this module
pytestmark = pytest.mark.slow  # a PostgreSQL cluster, and loads in child processes

ROOT = Path(__file__).resolve().parents[1]
ORIGINAL = {"Disdukcapil": [100, 200, 300], "Samsat": [10, 20, 30]}
OTHER = {"Disdukcapil": [1, 2, 3], "Samsat": [4, 5, 6]}
MONTHS = [date(2024, month, 1) for month in (1, 2, 3)]
# Enough tries for eight offices taking turns, with short pauses so the test stays quick.
RETRY = {"MPP_WRITE_TRIES": "12", "MPP_WRITE_PAUSE": "0.05"}


@pytest.fixture(scope="module")
def shared(postgres, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """(spec, data path) of the module's lake."""
    data = tmp_path_factory.mktemp("writers") / "lake-data"
    yield postgres.new_store(data), data
    db.close_lakes()


def recap(regency: str, figures: dict[str, list] = ORIGINAL) -> bytes:
    return lf.yearly_recap(
        figures, title=f"REKAPITULASI PENGUNJUNG MAL PELAYANAN PUBLIK KABUPATEN {regency} TAHUN 2024"
    )


def site_of(regency: str) -> str:
    return f"MPP Kabupaten {regency.title()}"


def expected(figures: dict[str, list]) -> dict[tuple[str, date], int]:
    return {
        (agency, month): n
        for agency, counts in figures.items()
        for month, n in zip(MONTHS, counts, strict=True)
    }


def figures(con: duckdb.DuckDBPyConnection, site: str) -> dict[tuple[str, date], int]:
    rows = con.execute(
        "SELECT agency, month, visits FROM monthly_agency_visits WHERE site = ?", [site]
    ).fetchall()
    return {(agency, month): visits for agency, month, visits in rows}


def loads_of(con: duckdb.DuckDBPyConnection, site: str) -> list[tuple[int, str]]:
    return con.execute("SELECT load_id, status FROM loads WHERE site = ? ORDER BY load_id", [site]).fetchall()


def ingest_at_once(shared: tuple[str, Path], paths: list[Path]) -> list[tuple[int, str]]:
    """Each file loaded by its own `python -m loaders ingest`, all started together: (exit code,
    output) of each, in order. Outputs are printed, so a failing run shows what each office saw."""
    spec, data = shared
    env = {**os.environ, "MPP_DATA_PATH": str(data), **RETRY}
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "loaders", "ingest", str(path), "--db", spec],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for path in paths
    ]
    results = []
    for child in children:
        out, _ = child.communicate(timeout=900)
        print(out)
        results.append((child.returncode, out))
    return results


def written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_eight_offices_loading_at_once_each_land_once(shared, tmp_path):
    regencies = ["PASER", "BERAU", "MALINAU", "NUNUKAN", "BULUNGAN", "SIGI", "POSO", "BANGGAI"]
    paths = [written(tmp_path, f"{r.lower()}_2024.xlsx", recap(r)) for r in regencies]
    started = time.monotonic()
    results = ingest_at_once(shared, paths)
    print(f"eight loads at once: {time.monotonic() - started:.1f} s")
    for code, out in results:
        assert code == 0 and "DITAMBAHKAN" in out, out
    with db.connect(shared[0], read_only=True, data_path=shared[1]) as con:
        ids = []
        for regency in regencies:
            site = site_of(regency)
            assert figures(con, site) == expected(ORIGINAL), site
            assert con.execute("SELECT count(*) FROM sites WHERE name = ?", [site]).fetchall() == [(1,)]
            ids += [load_id for load_id, status in loads_of(con, site) if status == "loaded"]
            assert len(loads_of(con, site)) == 1, site
        assert len(ids) == 8 and len(set(ids)) == 8


def test_two_loads_of_one_slice_at_once_leave_one_version_never_the_sum(shared, tmp_path):
    site = site_of("MUNA")
    paths = [
        written(tmp_path, "muna_2024.xlsx", recap("MUNA")),
        written(tmp_path, "muna_2024_revisi.xlsx", recap("MUNA", OTHER)),
    ]
    results = ingest_at_once(shared, paths)
    with db.connect(shared[0], read_only=True, data_path=shared[1]) as con:
        live = figures(con, site)
        assert live in (expected(ORIGINAL), expected(OTHER)), live  # one file's figures, whole
        loads = loads_of(con, site)
        statuses = sorted(status for _, status in loads)
        rows = con.execute(
            "SELECT count(*) FROM service_visits v JOIN sites s USING (site_id) WHERE s.name = ?", [site]
        ).fetchall()[0][0]
        assert con.execute("SELECT count(*) FROM sites WHERE name = ?", [site]).fetchall() == [(1,)]
        if len(loads) == 2:  # both landed: the later replaced the earlier, every row of it
            assert statuses == ["loaded", "superseded"]
            (winner,) = [i for i, status in loads if status == "loaded"]
            (loser,) = [i for i, status in loads if status == "superseded"]
            replaced = con.execute(
                "SELECT DISTINCT superseded_by FROM service_visits WHERE load_id = ?", [loser]
            ).fetchall()
            assert replaced == [(winner,)] and rows == 12
            assert sorted(code for code, _ in results) == [0, 0]
        else:  # the other office was refused, saying why, and wrote nothing
            assert statuses == ["loaded"] and rows == 6
            refused = [out for code, out in results if code != 0]
            assert len(refused) == 1 and "Penyimpanan bersama sibuk" in refused[0], refused


def test_the_same_file_sent_by_two_offices_at_once_lands_once(shared, tmp_path):
    site = site_of("BUTON")
    data = recap("BUTON")
    paths = [written(tmp_path, "buton_2024.xlsx", data), written(tmp_path, "buton_salinan.xlsx", data)]
    results = ingest_at_once(shared, paths)
    said = sorted(
        "added" if "DITAMBAHKAN" in out else "unchanged" if "TIDAK BERUBAH" in out else "refused"
        for _, out in results
    )
    assert said in (["added", "unchanged"], ["added", "refused"]), results
    if said[1] == "refused":
        assert any("Penyimpanan bersama sibuk" in out for _, out in results), results
    with db.connect(shared[0], read_only=True, data_path=shared[1]) as con:
        assert [status for _, status in loads_of(con, site)] == ["loaded"]
        assert figures(con, site) == expected(ORIGINAL)


def test_a_reader_is_never_held_up_by_a_writer(shared):
    """An office's load open (facts superseded and added, not committed): another office's dashboard
    reads the figures at once, the old ones, and the new ones once the load commits."""
    spec, data = shared
    site = site_of("KOLAKA")
    with db.connect(spec, data_path=data) as con:
        assert (
            ingest(con, "kolaka_2024.xlsx", recap("KOLAKA"), Options(actor=COMMAND_LINE)).outcome == "added"
        )
    with db.connect(spec, data_path=data) as writer:
        writer.execute("BEGIN TRANSACTION")
        try:
            corrected(writer, site, OTHER)
            with ThreadPoolExecutor(1) as pool:
                started = time.monotonic()
                seen = pool.submit(read_figures, spec, data, site).result(timeout=120)
                waited = time.monotonic() - started
        finally:
            writer.execute("COMMIT")
    print(f"read while a load was open: {waited:.2f} s")
    assert seen == expected(ORIGINAL) and waited < 30
    assert read_figures(spec, data, site) == expected(OTHER)


def read_figures(spec: str, data: Path, site: str) -> dict[tuple[str, date], int]:
    with db.connect(spec, read_only=True, data_path=data) as con:
        return figures(con, site)


def corrected(con: duckdb.DuckDBPyConnection, site: str, counts: dict[str, list]) -> None:
    """A corrected file's load written as the loaders write it (ledger row, facts superseding the
    slices'), inside the caller's open transaction."""
    site_id = con.execute("SELECT site_id FROM sites WHERE name = ?", [site]).fetchall()[0][0]
    agency = dict(con.execute("SELECT name, agency_id FROM agencies").fetchall())
    record = ledger.LoadRecord(
        "kolaka_revisi.xlsx", "f" * 64, "yearly_recap", "service_visits", site, *MONTHS[::2]
    )
    load_id = ledger.record_load(con, record)
    service = pd.DataFrame(
        [
            (site_id, agency[name], month, "month", None, None, n)
            for name, values in counts.items()
            for month, n in zip(MONTHS, values, strict=True)
        ],
        columns=ledger.SERVICE_COLUMNS,
    )
    ledger.write_facts(con, load_id, service=service)


def test_of_two_writes_that_overlap_the_later_runs_again_and_gives_up_saying_so(shared, monkeypatch):
    """What makes the loads above safe, made to happen on purpose: while office A's write is open,
    office B loads a file of another site (no row in common with A's) and commits first; A's commit
    then fails and A runs again. When B gets in first every time, A gives up saying so."""
    spec, data = shared
    monkeypatch.setattr(writers, "PAUSE_SECONDS", 0.01)
    monkeypatch.setattr(writers, "TRIES", 3)
    others = iter(["BOMBANA", "WAKATOBI", "KONAWE", "BAUBAU"])
    tries: list[int] = []
    with db.connect(spec, data_path=data) as office_a, db.connect(spec, data_path=data) as office_b:

        def write_while_b_loads(attempt: int, every_time: bool) -> None:
            tries.append(attempt)
            with writers.exclusive_transaction(office_a):
                office_a.execute("DELETE FROM settings WHERE key = 'default_site'")
                if attempt == 1 or every_time:
                    regency = next(others)
                    report = ingest(office_b, f"{regency}.xlsx", recap(regency), Options(actor=COMMAND_LINE))
                    assert report.outcome == "added", report.problems

        writers.with_retry_on_conflict(lambda n: write_while_b_loads(n, False), "busy_undo", load_id=1)
        assert tries == [1, 2]
        tries.clear()
        with pytest.raises(writers.WritesContended) as busy:
            writers.with_retry_on_conflict(lambda n: write_while_b_loads(n, True), "busy_undo", load_id=1)
    assert tries == [1, 2, 3]
    assert "Penyimpanan bersama sibuk" in str(busy.value) and "dicoba 3 kali" in str(busy.value)
    assert "Undoing load 1 was tried 3 times; nothing was changed" in str(busy.value)


def catalog_connections(spec: str, data: Path) -> int:
    """How many connections PostgreSQL has open to the lake's catalog database."""
    query = "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
    with db.connect(spec, read_only=True, data_path=data) as con:
        return con.execute(f"SELECT n FROM postgres_query('{lake.CATALOG}', '{query}')").fetchall()[0][0]


def test_writes_of_one_process_reuse_its_kept_lake_instance(shared):
    """A page's writes (a setting, an account, an event) open no new lake: the process's kept
    instance serves each, and PostgreSQL sees no new connection."""
    spec, data = shared
    with db.connect(spec, data_path=data) as con:
        assert ingest(con, "wajo.xlsx", recap("WAJO"), Options(actor=COMMAND_LINE)).outcome == "added"
    before = catalog_connections(spec, data)  # (opens the kept read-only instance)
    kept = db.kept_lake_instances()
    for n in range(3):
        with db.connect(spec, data_path=data) as con:
            db.set_setting(con, "bench_note", str(n))
            accounts.create_user(con, COMMAND_LINE, f"petugas{n}", "viewer", "rahasia-panjang-sekali")
            events.add(
                con, COMMAND_LINE, site_of("WAJO"), date(2024, 8, 17 - n), "Hari Kemerdekaan", "holiday"
            )
            assert catalog_connections(spec, data) == before  # (a lake opened for it would show)
    assert db.kept_lake_instances() == kept and len(kept) == 2  # one read-write, one read-only
    assert catalog_connections(spec, data) == before
    with db.connect(spec, read_only=True, data_path=data) as con:
        assert con.execute("SELECT value FROM settings WHERE key = 'bench_note'").fetchall() == [("2",)]
        assert con.execute("SELECT count(*) FROM users WHERE username LIKE 'petugas%'").fetchall() == [(3,)]
        assert len(events.events_in(con, site_of("WAJO"), date(2024, 8, 1))) == 3


def test_offices_loading_from_threads_of_one_process_take_turns_and_each_land_once(shared, monkeypatch):
    """Threads write through cursors of the one kept instance, each its own transaction: their
    writes conflict at commit as two processes' do, and the losers run again (writers.py)."""
    spec, data = shared
    monkeypatch.setattr(writers, "PAUSE_SECONDS", 0.05)
    regencies = ["KOLAKA UTARA", "KONAWE SELATAN", "MUNA BARAT", "BUTON TENGAH"]

    def load(regency: str):
        with db.connect(spec, data_path=data) as con:
            return ingest(con, f"{regency}.xlsx", recap(regency), Options(actor=COMMAND_LINE))

    with ThreadPoolExecutor(len(regencies)) as pool:
        reports = list(pool.map(load, regencies))
    assert [report.outcome for report in reports] == ["added"] * len(regencies)
    with db.connect(spec, read_only=True, data_path=data) as con:
        for regency in regencies:
            assert figures(con, site_of(regency)) == expected(ORIGINAL), regency
            assert [status for _, status in loads_of(con, site_of(regency))] == ["loaded"]


def test_a_site_added_by_two_offices_at_once_is_there_once(shared):
    """Office A's write adds a site and is still open when office B adds the same site from the page
    and commits: A's commit then fails (it runs again and finds the site), never a second row of the
    name, which would split the site's figures in two."""
    spec, data = shared
    name = "MPP Kabupaten Buton Selatan"
    with db.connect(spec, data_path=data) as office_a, db.connect(spec, data_path=data) as office_b:
        with pytest.raises(writers.WriteConflict), writers.exclusive_transaction(office_a):
            sites.ensure_site(office_a, sites.Site(name))
            sites.add_site(office_b, COMMAND_LINE, sites.Site(name))
        assert office_b.execute("SELECT count(*) FROM sites WHERE name = ?", [name]).fetchall() == [(1,)]


def test_a_member_added_by_two_offices_at_once_is_there_once(shared):
    """The same for a site's member: one spell of the agency, never two (a roster counting it twice)."""
    spec, data = shared
    site = "MPP Kabupaten Kolaka Timur"
    with db.connect(spec, data_path=data) as office_a, db.connect(spec, data_path=data) as office_b:
        sites.add_site(office_a, COMMAND_LINE, sites.Site(site))
        with pytest.raises(writers.WriteConflict), writers.exclusive_transaction(office_a):
            members.member_joined(office_a, COMMAND_LINE, site, "Disdukcapil", date(2024, 1, 1))
            members.add_member(office_b, COMMAND_LINE, site, "Disdukcapil", date(2024, 1, 1))
        assert len(members.member_list(office_b, site)) == 1


def test_a_mapping_imported_by_two_offices_at_once_is_saved_once(shared):
    """The same for a column mapping handed over to two offices' pages: one mapping of the name, never
    two (an import never replaces one)."""
    spec, data = shared
    queue = ColumnMapping(
        "Rekap antrean",
        header_row=1,
        header=("TANGGAL KUNJUNGAN", "LOKET TUJUAN", "BANYAKNYA"),
        agency_column="Loket Tujuan",
        date_column="Tanggal Kunjungan",
        count_column="Banyaknya",
    )
    site = "MPP Kabupaten Konawe Utara"
    with db.connect(spec, data_path=data) as office_a, db.connect(spec, data_path=data) as office_b:
        with pytest.raises(writers.WriteConflict), writers.exclusive_transaction(office_a):
            mapping.save(office_a, site, queue, COMMAND_LINE)
            mapping.save_imported(office_b, site, queue, COMMAND_LINE)
        assert [m.name for m in mapping.for_site(office_b, site)] == ["Rekap antrean"]
