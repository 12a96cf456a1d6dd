"""Where the store lives, its schema version, and how it behaves when another process holds it."""
import subprocess
import sys
import textwrap

import pytest

from mpp import db


def test_path_from_argument_then_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.setenv("MPP_DB", str(tmp_path / "env.duckdb"))
    assert db.db_path(tmp_path / "arg.duckdb") == tmp_path / "arg.duckdb"
    assert db.db_path() == tmp_path / "env.duckdb"
    monkeypatch.delenv("MPP_DB")
    assert db.db_path() == db.ROOT / "data" / "mpp.duckdb"


def test_new_store_has_schema_views_and_seed_agencies(tmp_path):
    with db.connect(tmp_path / "new.duckdb") as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchall() == [(db.SCHEMA_VERSION,)]
        columns = con.execute("DESCRIBE monthly_agency_visits").fetchall()
        assert [(c[0], c[1]) for c in columns] == [("site", "VARCHAR"), ("agency", "VARCHAR"),
                                                   ("month", "DATE"), ("visits", "BIGINT")]
        columns = con.execute("DESCRIBE monthly_site_visitors").fetchall()
        assert [(c[0], c[1]) for c in columns] == [("site", "VARCHAR"), ("month", "DATE"),
                                                   ("visitors", "BIGINT")]
        assert con.execute("SELECT count(*) FROM agencies").fetchall()[0][0] >= 40


def test_reopening_does_not_reapply_migrations(tmp_path):
    path = tmp_path / "s.duckdb"
    for _ in range(2):
        with db.connect(path) as con:
            versions = con.execute("SELECT count(*) FROM schema_version").fetchall()[0][0]
    assert versions == len(db._migrations())


def test_read_only_open_of_a_missing_store_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="tidak ditemukan"):
        with db.connect(tmp_path / "missing.duckdb", read_only=True):
            pass


def test_a_store_held_by_another_writer_is_reported_as_busy(tmp_path):
    path = tmp_path / "held.duckdb"
    with db.connect(path):
        pass
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(path)!r})
        print("held", flush=True)
        time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(db.StoreBusy, match="sedang dipakai proses lain"):
            with db.connect(path, read_only=True, wait=0.5):
                pass
    finally:
        holder.kill()
        holder.wait()


def test_a_store_made_before_the_seed_list_grew_gets_the_new_agencies(tmp_path):
    path = tmp_path / "old.duckdb"
    with db.connect(path) as con:
        con.execute("DELETE FROM agency_aliases WHERE agency_id = (SELECT agency_id FROM agencies "
                    "WHERE name = 'Kemenag')")
        con.execute("DELETE FROM agencies WHERE name = 'Kemenag'")
        con.execute("UPDATE settings SET value = 'older list' WHERE key = 'agency_seed_sha256'")
    with db.connect(path) as con:
        assert con.execute("SELECT count(*) FROM agencies WHERE name = 'Kemenag'").fetchall() == [(1,)]
        assert con.execute("SELECT count(*) FROM agency_aliases WHERE alias_key = 'kementrian agama'"
                           ).fetchall() == [(1,)]
