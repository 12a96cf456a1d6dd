"""Working at the same time: two command-line loads and a reader at once lose nothing and surface no
lock error; a load killed halfway (kill -9) leaves the store as it was before it."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from mpp.store import db
from tests.layout_files import yearly_recap
from tests.live_server import ROOT

pytestmark = pytest.mark.slow  # command-line loads in child processes

SITES = ["MPP Kota Samarinda", "MPP Kabupaten Paser"]


def _recaps(tmp_path, site: str) -> list[str]:
    """Three yearly recaps of one site, one per year, each with two agencies."""
    paths = []
    for year in (2023, 2024, 2025):
        path = tmp_path / f"{site.replace(' ', '_')}_{year}.xlsx"
        path.write_bytes(
            yearly_recap(
                {"DISDUKCAPIL": [year - 2000] * 12, "SAMSAT": [7] * 12},
                title=f"REKAP KUNJUNGAN {site.upper()} TAHUN {year}",
            )
        )
        paths.append(str(path))
    return paths


def _python(*args, **kwargs):
    return subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs
    )


def test_two_writers_and_a_reader_at_once(demo_db, tmp_path):
    reader_script = textwrap.dedent(f"""
        import time
        from mpp.store import db
        from mpp.visits.overview import overview
        deadline = time.monotonic() + 20
        reads = 0
        while time.monotonic() < deadline:
            with db.connect({str(demo_db)!r}, read_only=True) as con:
                assert overview(con, ["MPP Kota Balikpapan"]).to_date.current.value == 41481
            reads += 1
        print(reads)
    """)
    reader = _python("-c", reader_script)
    writers = [
        _python("-m", "loaders", "ingest", *_recaps(tmp_path, site), "--db", str(demo_db)) for site in SITES
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, out + err
        assert "lock" not in (out + err).lower()
    out, err = reader.communicate(timeout=300)
    assert reader.returncode == 0, err
    assert int(out) > 0
    with db.connect(demo_db, read_only=True) as con:
        loaded = con.execute(
            "SELECT site, count(*) FROM loads WHERE layout <> 'demo' AND status = 'loaded' "
            "GROUP BY site ORDER BY site"
        ).fetchall()
        totals = dict(
            con.execute(
                "SELECT site, sum(visits) FROM monthly_agency_visits "
                "WHERE site IN (SELECT unnest(?)) GROUP BY site",
                [SITES],
            ).fetchall()
        )
    assert loaded == [("MPP Kabupaten Paser", 3), ("MPP Kota Samarinda", 3)]
    assert totals == {site: 12 * (23 + 24 + 25) + 3 * 12 * 7 for site in SITES}


def test_a_load_killed_halfway_leaves_the_store_as_it_was(demo_db):
    """The child writes half a load inside the real transaction, says so, and is killed -9."""
    child = _python(
        "-c",
        textwrap.dedent(f"""
        import sys, time
        import pandas as pd
        from mpp.store import db
        from mpp.store import ledger
        with db.connect({str(demo_db)!r}) as con:
            with db.transaction(con):
                load_id = ledger.record_load(con, ledger.LoadRecord(
                    "besar.xlsx", "sha", "rekap_tahunan", "service_visits", "MPP Kota Balikpapan",
                    None, None, "ana"))
                rows = pd.DataFrame([(1, 1, pd.Timestamp(2025, 7, 1).date(), "month", None, None, 999999)],
                                    columns=ledger.SERVICE_COLUMNS)
                ledger.write_facts(con, load_id, rows)
                print("halfway", flush=True)
                time.sleep(60)
    """),
    )
    assert child.stdout.readline().strip() == "halfway"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with db.connect(demo_db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM loads WHERE file_name = 'besar.xlsx'").fetchall() == [(0,)]
        assert con.execute(
            "SELECT sum(visitors) FROM monthly_site_visitors WHERE site = 'MPP Kota Balikpapan' "
            "AND month BETWEEN DATE '2025-01-01' AND DATE '2025-09-01'"
        ).fetchall() == [(41481,)]
        assert con.execute("SELECT count(*) FROM service_visits WHERE visits = 999999").fetchall() == [(0,)]
        assert con.execute(
            "SELECT count(*) FROM service_visits WHERE superseded_by IS NOT NULL"
        ).fetchall() == [(0,)]
