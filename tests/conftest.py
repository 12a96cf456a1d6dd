"""Shared fixtures: real DuckDB files in temporary folders, the demo data set, the real office files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from mpp import demo
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db
from tests import apptest
from tests.live_server import chromium_path, streamlit_server

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REAL_DATA = SHARED / "real-data"
SEEDS = SHARED / "seeds"

# Property tests check what a function returns, never how fast: a per-example deadline only measures how
# busy this 2-core machine is (speed is measured in bench/).
settings.register_profile("pantau", deadline=None)
settings.load_profile("pantau")


def pytest_sessionstart(session):
    """Real office files and seed articles live beside the repository in ../shared. A clone without
    them skips the tests that read them, each saying which file is missing; in CI, where ../shared is
    part of the checkout, its absence would skip them silently, so the run stops here instead."""
    if os.environ.get("CI") and not SHARED.is_dir():
        pytest.exit(f"CI: {SHARED} is missing (real office files and seed articles); check it out", 1)


@pytest.hookimpl(tryfirst=True)  # before -m deselects by these markers
def pytest_collection_modifyitems(config, items):
    """A test that opens the dashboard in AppTest (through the open_app fixture) is marked `apptest`,
    so `-m "not apptest"` leaves out every one of them, in any file. Browser tests need Debian's
    Chromium: in CI its absence is a failure, locally a visible skip."""
    for item in items:
        if "open_app" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.apptest)
    if chromium_path() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(
        reason="Chromium tidak terpasang / not installed: apt-get install -y chromium "
        "(or run `python3 tasks.py test`, which installs it as root)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory) -> Path:
    """The demo data set, built once per test run. Read it; copy it (demo_db) to write."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with db.connect(path) as con:
        demo.build(con, COMMAND_LINE)
    return path


@pytest.fixture
def demo_db(demo_db_file, tmp_path) -> Path:
    """A private, writable copy of the demo database."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_file, path)
    return path


@pytest.fixture(scope="module")
def served_demo_db(demo_db_file, tmp_path_factory) -> Path:
    """A copy of the demo database for one module's server or pages: the dashboard writes to its
    store on start (schema upgrade, first admin), which must not leak into demo_db_file."""
    path = tmp_path_factory.mktemp("served") / "demo.duckdb"
    shutil.copy(demo_db_file, path)
    return path


@pytest.fixture(scope="module")
def server(served_demo_db):
    """A real `streamlit run` server over the module's copy of the demo data; yields its URL."""
    with streamlit_server(served_demo_db) as url:
        yield url


@pytest.fixture
def open_app(monkeypatch):
    """A page of the dashboard in AppTest over a store: open_app(demo_db, "pages/9_Riwayat.py",
    lang="en"), not yet run (set more query parameters, log in, then .run())."""

    def open_(store: Path, page: str = apptest.HOME, **params):
        monkeypatch.setenv("MPP_DB", str(store))
        return apptest.open_page(page, **params)

    return open_


@pytest.fixture
def demo_con(demo_db_file):
    with db.connect(demo_db_file, read_only=True) as con:
        yield con


@pytest.fixture(scope="session")
def empty_store_file(tmp_path_factory) -> Path:
    """A new store (schema and seed agencies only), made once per test run: a new file runs every
    migration, which costs most of a small test. Copy it (store) to write."""
    path = tmp_path_factory.mktemp("empty") / "store.duckdb"
    with db.connect(path):
        pass
    return path


@pytest.fixture
def store(empty_store_file, tmp_path):
    """An empty store (schema and seed agencies only), open read-write."""
    path = tmp_path / "store.duckdb"
    shutil.copy(empty_store_file, path)
    with db.connect(path) as con:
        yield con


@pytest.fixture
def real_data() -> Path:
    if not REAL_DATA.is_dir():
        pytest.skip(f"real office files not found at {REAL_DATA}")
    return REAL_DATA


@pytest.fixture
def seed_text():
    """The text of a real article in ../shared/seeds by its number: seed_text("000"). Looked up when
    a test runs, not at import, so a clone without ../shared collects; there such a test is skipped,
    and under CI (where the shared folder is part of the checkout) it fails."""

    def read(number: str) -> str:
        found = sorted(SEEDS.glob(f"{number}_*.txt"))
        if not found:
            message = f"seed article {number}_*.txt not found in {SEEDS}"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        return found[0].read_text(encoding="utf-8")

    return read
