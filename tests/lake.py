"""A throwaway PostgreSQL cluster for the shared-store tests (tests/test_lake.py).

Debian's postgresql binaries (tasks.py `test` installs them when missing and it runs as root):
initdb in a temporary directory, a Unix socket only (listen_addresses='', no TCP port), stopped
and removed at the end of the session. Without the binaries the lake tests are skipped, saying so;
under CI=true that is a failure instead. PostgreSQL refuses to run as root, so as root the cluster
runs as the `postgres` user Debian's package creates.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mpp.store import db

MISSING = (
    "PostgreSQL (initdb, pg_ctl) not found: `apt-get install postgresql`, or `python3 tasks.py test` as root"
)


def postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(versions[0]).parent if versions else None


def _runner() -> str | None:
    """The user the server runs as: ourselves, or `postgres` when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail("running as root and there is no `postgres` user to run PostgreSQL as")
    return "postgres"


class Cluster:
    """A running throwaway cluster; `spec(name)` makes a new database and gives its lake spec."""

    def __init__(self, bin_dir: Path, root: Path, user: str | None):
        self.bin, self.root, self.user = bin_dir, root, user
        self.socket = root / "socket"
        self.made = 0

    def run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [str(self.bin / tool), *args], check=True, user=self.user, capture_output=True, timeout=120
        )

    def start(self) -> None:
        self.socket.mkdir()
        if self.user:
            shutil.chown(self.root, self.user)
            shutil.chown(self.socket, self.user)
        self.run("initdb", "-D", str(self.root / "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        options = f"-c listen_addresses='' -k {self.socket} -c fsync=off"
        self.run(
            "pg_ctl",
            "-D",
            str(self.root / "data"),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")

    def conninfo(self, database: str) -> str:
        return f"dbname={database} host={self.socket} user=postgres"

    def spec(self, template: str = "template0") -> str:
        """A new database (a copy of `template`): a lake of its own for one test."""
        self.made += 1
        name = f"lake{self.made}"
        self.run("createdb", "-h", str(self.socket), "-U", "postgres", "-T", template, name)
        return f"ducklake:postgres:{self.conninfo(name)}"

    def new_store(self, data: Path) -> str:
        """A lake with the schema and the seed lists, its files in `data`: a copy of one made once
        per session (seeding a lake row by row takes tens of seconds on a loaded machine)."""
        template, template_data = "lake_template", self.root / "template-data"
        if not template_data.exists():
            spec = f"ducklake:postgres:{self.conninfo(template)}"
            self.run("createdb", "-h", str(self.socket), "-U", "postgres", template)
            with db.connect(spec, data_path=template_data):
                pass
            db.close_lakes(spec)  # (a template in use cannot be copied)
        shutil.copytree(template_data, data)
        spec = self.spec(template)
        # The copy's files are elsewhere: tell its catalog (DuckLake refuses a DATA_PATH that differs
        # from the one recorded; the files' own paths are relative to it).
        moved = f"UPDATE ducklake_metadata SET value = '{data}/' WHERE key = 'data_path'"
        self.run("psql", "-h", str(self.socket), "-U", "postgres", "-d", f"lake{self.made}", "-c", moved)
        return spec


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    bin_dir = postgres_bin()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI: {MISSING}")
        pytest.skip(MISSING)
    # A short path: a Unix socket's path must stay under 108 bytes.
    cluster = Cluster(bin_dir, Path(tempfile.mkdtemp(prefix="mpp-pg-")), _runner())
    try:
        cluster.start()
        yield cluster
    finally:
        if (cluster.root / "data" / "postmaster.pid").exists():
            cluster.stop()
        shutil.rmtree(cluster.root, ignore_errors=True)


@pytest.fixture
def lake(postgres, tmp_path, monkeypatch) -> Iterator[str]:
    """A new shared store (schema and seed lists): its spec, with MPP_DATA_PATH set to its data.
    Afterwards the process's kept lake instances are closed (PostgreSQL allows 100 connections)."""
    data = tmp_path / "lake-data"
    monkeypatch.setenv("MPP_DATA_PATH", str(data))
    yield postgres.new_store(data)
    db.close_lakes()
