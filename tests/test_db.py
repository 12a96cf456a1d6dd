"""Where the store lives, its schema version, how it behaves when another process holds it, and
damaged files (refused, never written to) and backups."""

import hashlib
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from mpp.store import db


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
        assert [(c[0], c[1]) for c in columns] == [
            ("site", "VARCHAR"),
            ("agency", "VARCHAR"),
            ("month", "DATE"),
            ("visits", "BIGINT"),
        ]
        columns = con.execute("DESCRIBE monthly_site_visitors").fetchall()
        assert [(c[0], c[1]) for c in columns] == [
            ("site", "VARCHAR"),
            ("month", "DATE"),
            ("visitors", "BIGINT"),
        ]
        assert con.execute("SELECT count(*) FROM agencies").fetchall()[0][0] >= 40


def test_reopening_does_not_reapply_migrations(tmp_path):
    path = tmp_path / "s.duckdb"
    for _ in range(2):
        with db.connect(path) as con:
            versions = con.execute("SELECT count(*) FROM schema_version").fetchall()[0][0]
    assert versions == len(db._migrations())


def test_read_only_open_of_a_missing_store_says_so(tmp_path):
    with (
        pytest.raises(FileNotFoundError, match="tidak ditemukan"),
        db.connect(tmp_path / "missing.duckdb", read_only=True),
    ):
        pass


@pytest.mark.slow
def test_a_store_held_by_another_writer_is_reported_as_busy(tmp_path):
    path = tmp_path / "held.duckdb"
    with db.connect(path):
        pass
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(path)!r})
        print("held", flush=True)
        time.sleep(30)
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with (
            pytest.raises(db.StoreBusy, match="sedang dipakai proses lain"),
            db.connect(path, read_only=True, wait=0.5),
        ):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_a_store_made_before_the_seed_list_grew_gets_the_new_agencies(tmp_path):
    path = tmp_path / "old.duckdb"
    with db.connect(path) as con:
        con.execute(
            "DELETE FROM agency_aliases WHERE agency_id = (SELECT agency_id FROM agencies "
            "WHERE name = 'Kemenag')"
        )
        con.execute("DELETE FROM agencies WHERE name = 'Kemenag'")
        con.execute("UPDATE settings SET value = 'older list' WHERE key = 'agency_seed_sha256'")
    with db.connect(path) as con:
        assert con.execute("SELECT count(*) FROM agencies WHERE name = 'Kemenag'").fetchall() == [(1,)]
        assert con.execute(
            "SELECT count(*) FROM agency_aliases WHERE alias_key = 'kementrian agama'"
        ).fetchall() == [(1,)]


# ---- damaged and foreign files: refused with a way out, never written to --------------------------


def _sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _data_block_offset(path) -> int:
    """Where a block holding service_visits' figures starts in the file."""
    with duckdb.connect(str(path), read_only=True) as con:
        block = con.execute(
            "SELECT min(block_id) FROM pragma_storage_info('service_visits') WHERE block_id >= 0"
        ).fetchall()[0][0]
        size = con.execute("SELECT block_size FROM pragma_database_size()").fetchall()[0][0]
    return db.HEADER_BYTES + block * size


def _damage(path, kind: str) -> None:
    data = bytearray(Path(path).read_bytes())
    noise = random.Random(kind).randbytes(4096)
    if kind == "truncated":
        data = data[: len(data) // 2]
    elif kind == "garbage_header":
        data[:4096] = noise
    elif kind == "database_header":
        data[4096:8192] = noise
    elif kind == "data_block":
        start = _data_block_offset(path) + 8  # keep the stored checksum, spoil the block
        data[start : start + 4096] = noise
    elif kind == "not_duckdb":
        data = b"SQLite format 3\x00" + noise * 4
    Path(path).write_bytes(bytes(data))


DAMAGE = ["truncated", "garbage_header", "database_header", "data_block", "not_duckdb"]


@pytest.fixture
def damaged(demo_db, request):
    db._checked.clear()  # as in a fresh process: this file's version was never checked
    _damage(demo_db, request.param)
    return demo_db


@pytest.mark.parametrize("damaged", DAMAGE, indirect=True)
def test_a_damaged_store_is_refused_with_what_to_do_and_left_untouched(damaged):
    before = _sha(damaged)
    for read_only in (False, True):
        with (
            pytest.raises(db.StoreCorrupt) as refused,
            db.connect(damaged, read_only=read_only, wait=0.5) as con,
        ):
            con.execute("SELECT sum(visits) FROM service_visits").fetchall()
        assert str(damaged) in str(refused.value)
        assert "python -m mpp backup" in str(refused.value) and "Restore it from a backup" in str(
            refused.value
        )
        assert _sha(damaged) == before


def test_another_programs_duckdb_file_is_not_taken_over(tmp_path):
    path = tmp_path / "lain.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE pesanan (id INTEGER)")
    before = _sha(path)
    with pytest.raises(db.StoreCorrupt, match="milik program lain"), db.connect(path):
        pass
    assert _sha(path) == before


@pytest.mark.slow
@pytest.mark.parametrize("damaged", ["truncated", "garbage_header", "data_block"], indirect=True)
def test_the_command_lines_say_so_and_exit_without_a_traceback(damaged):
    before = _sha(damaged)
    for module, args in (
        ("mpp", ["init"]),
        ("mpp", ["summary", "--site", "MPP Kota Balikpapan"]),
        ("loaders", ["history"]),
        ("mpp", ["backup", "--to", f"{damaged}.bak"]),
    ):
        done = subprocess.run(
            [sys.executable, "-m", module, *args, "--db", str(damaged)],
            cwd=db.ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1, (args, done.stderr)
        assert f"Berkas basis data {damaged} rusak" in done.stderr
        assert "Traceback" not in done.stderr + done.stdout
    assert _sha(damaged) == before
    assert not Path(f"{damaged}.bak").exists()


def test_backup_is_a_copy_that_opens_and_holds_the_same_rows(demo_db, tmp_path):
    copy = tmp_path / "cadangan" / "mpp-2026-11-27.duckdb"
    copy.parent.mkdir()
    db.backup(demo_db, copy)
    with db.connect(demo_db, read_only=True) as source, db.connect(copy) as restored:
        tables = [
            r[0] for r in source.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()
        ]
        assert len(tables) >= 10
        for table in tables:
            rows = f'SELECT * FROM "{table}" ORDER BY ALL'
            assert source.execute(rows).fetchall() == restored.execute(rows).fetchall(), table
        next_load = "SELECT last_value FROM duckdb_sequences() WHERE sequence_name = 'load_ids'"
        assert source.execute(next_load).fetchall() == restored.execute(next_load).fetchall()


def test_backup_never_overwrites_a_file(demo_db, tmp_path):
    existing = tmp_path / "ada.duckdb"
    existing.write_bytes(b"cadangan kemarin")
    with pytest.raises(FileExistsError, match="tidak menimpa"):
        db.backup(demo_db, existing)
    assert existing.read_bytes() == b"cadangan kemarin"
    with pytest.raises(FileNotFoundError, match=r"Folder .* tidak ada"):
        db.backup(demo_db, tmp_path / "belum-dibuat" / "cadangan.duckdb")


@pytest.mark.slow
def test_a_store_older_than_the_code_is_upgraded_before_a_read_only_command(tmp_path):
    """An office updates Pantau MPP and runs `summary` first: the read-only command upgrades the
    store once instead of failing on a column a later migration adds (sites.opened, schema 7)."""
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
        "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    for version, file in db._migrations():
        if version <= 5:
            con.execute(file.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
    con.execute("INSERT INTO sites (name) VALUES ('MPP Kota Lama')")
    con.close()
    done = subprocess.run(
        [sys.executable, "-m", "mpp", "summary", "--site", "MPP Kota Lama", "--db", str(path)],
        capture_output=True,
        text=True,
        cwd=db.ROOT,
    )
    assert "Traceback" not in done.stderr
    assert "Belum ada data untuk MPP Kota Lama" in done.stderr
    with db.connect(path, read_only=True) as con:
        versions = {v for (v,) in con.execute("SELECT version FROM schema_version").fetchall()}
    assert versions == {v for v, _ in db._migrations()}
