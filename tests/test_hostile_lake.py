"""The shared store (DuckLake on PostgreSQL) used the way offices and operators get it wrong: a load
killed before its commit, a catalog out of reach with a password in its spec, a data path that is a
file, a push while another office writes.

Lakes come from tests/lake.py's throwaway PostgreSQL cluster (a few seconds each); the tests that
need no catalog use a spec whose socket does not exist.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import traceback
from pathlib import Path

import duckdb
import pytest

from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from mpp.reference.sites import Site, ensure_site
from mpp.store import db, push, writers
from mpp.store.lake import LAKE, LakeUnavailable, data_path
from tests import lake as lake_fixtures
from tests import layout_files as lf

postgres, lake = lake_fixtures.postgres, lake_fixtures.lake  # the fixtures, for this module
pytestmark = pytest.mark.slow  # a PostgreSQL cluster, and commands in child processes

ROOT = Path(__file__).resolve().parents[1]
AS_CLI = Options(actor=COMMAND_LINE)
PASER = "MPP Kabupaten Paser"
ORIGINAL = {"Disdukcapil": [100, 200, 300], "Samsat": [10, 20, 30]}
SECRET = "Rahasia-Sekali-42"
# A catalog that is not there (no server listens on that socket), named with a password.
UNREACHABLE = f"ducklake:postgres:dbname=mpp host=/nonexistent-socket user=mpp password={SECRET}"

# A load that dies (SIGKILL, as a power cut or the OOM killer would) inside its transaction, after
# its rows are written to Parquet files and before the commit.
KILLED_LOAD = """
import os, signal, sys
from pathlib import Path
import loaders.load as load
from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db

remember = load.remember_mapping
def remember_then_die(*args, **kwargs):
    remember(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)

load.remember_mapping = remember_then_die
with db.connect(sys.argv[1]) as con:
    ingest(con, "revisi.xlsx", Path(sys.argv[2]).read_bytes(), Options(actor=COMMAND_LINE))
"""


def figures(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT site, agency, month, visits FROM monthly_agency_visits ORDER BY ALL"
    ).fetchall()


def parquet_files(data: Path) -> set[Path]:
    return set(data.rglob("*.parquet"))


def printed(error: BaseException) -> str:
    """An error as a traceback shows it, with the errors it was raised from."""
    return "".join(traceback.format_exception(error))


def run(*command: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_load_killed_before_its_commit_leaves_nothing_and_its_files_can_be_cleaned(lake, tmp_path):
    data = Path(os.environ["MPP_DATA_PATH"])
    with db.connect(lake) as con:
        assert ingest(con, "paser_2024.xlsx", lf.yearly_recap(ORIGINAL), AS_CLI).outcome == "added"
        before, ledger = figures(con), con.execute("SELECT load_id, status FROM loads").fetchall()
    files = parquet_files(data)
    corrected = tmp_path / "revisi.xlsx"
    corrected.write_bytes(lf.yearly_recap({"Disdukcapil": [1000, 2000, 3000]}))
    child = subprocess.run(
        [sys.executable, "-c", KILLED_LOAD, lake, str(corrected)], cwd=ROOT, capture_output=True, timeout=600
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    orphans = parquet_files(data) - files
    assert orphans  # its rows reached the data path, but no snapshot names them
    with db.connect(lake, read_only=True) as con:
        assert figures(con) == before
        assert con.execute("SELECT load_id, status FROM loads").fetchall() == ledger
    # What README's "Shared store" section tells an operator to run: the dead load's files go, only they.
    with db.connect(lake) as con:
        con.execute(f"CALL ducklake_delete_orphaned_files('{LAKE}', cleanup_all => true)")
        assert parquet_files(data) == files
        assert figures(con) == before
        again = ingest(con, "revisi.xlsx", corrected.read_bytes(), AS_CLI)
        assert again.outcome == "replaced", again.problems
        visits = {(agency, month.month): n for _, agency, month, n in figures(con)}
        assert visits[("Disdukcapil", 2)] == 2000 and visits[("Samsat", 2)] == 20


def test_a_catalog_out_of_reach_never_shows_the_password_of_its_spec(tmp_path):
    office = tmp_path / "kantor.duckdb"
    with db.connect(office) as con:
        ingest(con, "paser_2024.xlsx", lf.yearly_recap(ORIGINAL), AS_CLI)
    sheet = tmp_path / "paser_2024.xlsx"
    sheet.write_bytes(lf.yearly_recap(ORIGINAL))
    data = {"MPP_DATA_PATH": str(tmp_path / "lake-data")}
    pushed = run("mpp", "lake", "push", "--from", str(office), "--to", UNREACHABLE, **data)
    assert pushed.returncode == 1
    assert "tidak dapat dibuka / the shared store cannot be opened" in pushed.stderr
    assert SECRET not in pushed.stdout + pushed.stderr and "Traceback" not in pushed.stderr
    for command in (
        ("mpp", "summary", "--site", PASER, "--db", UNREACHABLE),
        ("loaders", "ingest", str(sheet), "--db", UNREACHABLE),
    ):
        said = run(*command, **data)
        assert said.returncode == 1
        assert SECRET not in said.stdout + said.stderr, command
    with pytest.raises(LakeUnavailable) as refused, db.connect(UNREACHABLE, data_path=tmp_path / "lake-data"):
        pass
    assert SECRET not in printed(refused.value)  # as a log or a traceback would show it


def test_the_dashboard_over_a_catalog_out_of_reach_shows_no_password(open_app, tmp_path, monkeypatch):
    monkeypatch.setenv("MPP_DATA_PATH", str(tmp_path / "lake-data"))
    at = open_app(UNREACHABLE).run()
    shown = [e.value for e in at.error] + [str(e.value) for e in at.exception] + [e.body for e in at.markdown]
    shown += [str(e.stack_trace) for e in at.exception]
    assert shown and not any(SECRET in text for text in shown)


def test_a_catalog_lost_while_a_page_reads_raises_without_the_password(postgres, lake):
    with_password = f"{lake} password={SECRET}"  # (the cluster trusts local users: it is ignored)
    database = lake.split("dbname=")[1].split()[0]
    with pytest.raises(duckdb.Error) as lost, db.connect(with_password, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM agencies").fetchall()[0][0] > 0
        # the catalog's database goes away under the open connection
        postgres.run(
            "psql",
            "-h",
            str(postgres.socket),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-c",
            f"ALTER DATABASE {database} ALLOW_CONNECTIONS false",
            "-c",
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'",
        )
        with contextlib.suppress(duckdb.Error):  # "server closed the connection unexpectedly"
            con.execute("SELECT count(*) FROM loads").fetchall()
        con.execute("SELECT count(*) FROM loads").fetchall()  # "Unable to connect to Postgres at ..."
    assert SECRET not in printed(lost.value)


def test_a_data_path_that_is_a_file_is_said_plainly(tmp_path):
    office, taken = tmp_path / "kantor.duckdb", tmp_path / "lake-data"
    with db.connect(office):
        pass
    taken.write_text("not a folder")
    said = run("mpp", "lake", "push", "--from", str(office), "--to", UNREACHABLE, "--data-path", str(taken))
    assert said.returncode == 1 and "Traceback" not in said.stderr
    assert f"the shared store's data path cannot be used: {taken}" in said.stderr


def test_a_push_while_another_office_writes_takes_its_turn_and_never_doubles_a_site(lake, tmp_path):
    office = tmp_path / "kantor.duckdb"
    with db.connect(office) as con:
        ingest(con, "paser_2024.xlsx", lf.yearly_recap(ORIGINAL), AS_CLI)
    with db.connect(lake) as other, db.connect(lake) as con:
        # Another office's load is half way: it has claimed the store and created the site.
        with pytest.raises(writers.WriteConflict), writers.exclusive_transaction(other):
            ensure_site(other, Site(PASER))
            pushed = push.push_store(con, office, COMMAND_LINE)  # commits first
        # The other office's load runs again from the start (with_retry_on_conflict), finding the site.
        assert pushed.pushed == 1
        assert con.execute("SELECT count(*) FROM sites WHERE name = ?", [PASER]).fetchall() == [(1,)]
        assert sum(n for *_, n in figures(con)) == 660


def test_the_same_store_pushed_by_two_processes_at_once_lands_once(lake, tmp_path):
    office = tmp_path / "kantor.duckdb"
    with db.connect(office) as con:
        ingest(con, "paser_2024.xlsx", lf.yearly_recap(ORIGINAL), AS_CLI)
    command = [sys.executable, "-m", "mpp", "lake", "push", "--from", str(office), "--to", lake]
    env = {**os.environ, "MPP_WRITE_PAUSE": "0.05"}
    both = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for _ in range(2)
    ]
    for child in both:
        out, _ = child.communicate(timeout=900)
        assert child.returncode == 0, out
    with db.connect(lake, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM sites WHERE name = ?", [PASER]).fetchall() == [(1,)]
        assert con.execute("SELECT count(*) FROM loads").fetchall() == [(1,)]
        assert sum(n for *_, n in figures(con)) == 660


def test_a_data_path_is_recorded_absolute_and_without_doubled_slashes(tmp_path, monkeypatch):
    """The catalog records the data path of its first open, and DuckLake compares it as a string:
    /srv//mpp-lake made every live file look orphaned to ducklake_delete_orphaned_files (which
    would delete the whole lake), and a relative path meant another folder from each working
    directory."""
    monkeypatch.chdir(tmp_path)
    assert data_path(f"{tmp_path}//lake/./data") == f"{tmp_path}/lake/data/"
    assert data_path("lake-data") == f"{tmp_path}/lake-data/"
    assert data_path("s3://bucket//lake") == "s3://bucket//lake/"  # (object storage: as given)
