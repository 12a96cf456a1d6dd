"""What a page costs on the shared store when every write and role-dependent read opens a lake, and
what a new lake's seed lists cost: one run on a throwaway PostgreSQL cluster (tests/lake.py).

    .venv/bin/python bench/bench_lake_connections.py

Prints seconds for: a new lake's first open (migrations and seed lists), the demo written into it,
ten short writes (a setting each), then, in Streamlit's AppTest as the admin, each page's first
load (Ringkasan, Riwayat, Laporan) and a second load of each.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("MPP_BENCH_ROOT") or Path(__file__).resolve().parents[1])
sys.path.insert(0, str(ROOT))

from mpp.__main__ import main
from mpp.access import accounts
from mpp.store import db
from tests import lake as lake_fixtures
from tests.apptest import log_in, open_page

PAGES = ("pages/0_Ringkasan.py", "pages/9_Riwayat.py", "pages/12_Laporan.py")


def timed(label: str, action) -> None:
    start = time.perf_counter()
    action()
    print(f"{label:<40} {time.perf_counter() - start:7.2f} s", flush=True)


def pages() -> None:
    at = log_in(open_page("pages/10_Akun.py").run(), "kepala", "kepala-rahasia")
    for round_ in ("first", "again"):
        for page in PAGES:
            at.switch_page(page)
            timed(f"page {page[6:]} ({round_})", at.run)
            assert not at.exception, [e.value for e in at.exception]


def run() -> None:
    bin_dir = lake_fixtures.postgres_bin()
    if bin_dir is None:
        sys.exit(lake_fixtures.MISSING)
    cluster = lake_fixtures.Cluster(
        bin_dir, Path(tempfile.mkdtemp(prefix="mpp-pg-")), "postgres" if os.geteuid() == 0 else None
    )
    cluster.start()
    try:
        spec, data = cluster.spec(), Path(tempfile.mkdtemp(prefix="mpp-lake-")) / "data"
        os.environ.update(MPP_DB=spec, MPP_DATA_PATH=str(data))
        timed("new lake: first open (init)", lambda: db.connect(spec).__enter__())
        timed("demo into the lake", lambda: main(["demo", "--db", spec, "--force"]))

        def writes() -> None:
            for i in range(10):
                with db.connect(spec) as con:
                    db.set_setting(con, "bench", str(i))

        timed("ten short writes", writes)
        with db.connect(spec) as con:
            accounts.create_user(con, accounts.COMMAND_LINE, "kepala", "admin", "kepala-rahasia")
        pages()
    finally:
        try:
            db.close_lakes()
        finally:
            cluster.stop()


if __name__ == "__main__":
    run()
