"""`python -m mpp site add|members`: a site and its roster set up before the first file (issue 11)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from mpp.period import Measure
from mpp.store import db
from mpp.store.db import ROOT
from mpp.visits import coverage

pytestmark = pytest.mark.slow  # the command line in a child process

BALANGAN = "MPP Kabupaten Balangan"


def mpp(path, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mpp", *args, "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_new_mpp_with_its_roster_from_the_command_line(tmp_path):
    path = tmp_path / "store.duckdb"
    added = mpp(
        path,
        "site",
        "add",
        BALANGAN,
        "--kind",
        "mpp",
        "--kabupaten-kota",
        "Kabupaten Balangan",
        "--kecamatan",
        "Paringin",
        "--opened",
        "2025-12-01",
        "--channel",
        "walk_in",
        "--channel",
        "digital",
        "--channel",
        "jemput_bola",
    )
    assert added.returncode == 0 and "ditambahkan" in added.stdout, added.stderr
    assert mpp(path, "site", "members", BALANGAN).stdout.startswith(f"{BALANGAN} belum punya anggota")
    for agency in ("Dinas Kependudukan dan Pencatatan Sipil", "Samsat", "Bank Kalsel"):
        done = mpp(path, "site", "members", BALANGAN, "--add", agency, "--from", "2025-12-01")
        assert done.returncode == 0, done.stderr
    left = mpp(path, "site", "members", BALANGAN, "--leave", "Samsat", "--on", "2026-03-01")
    assert left.stdout.strip() == f"Samsat keluar dari {BALANGAN} pada 1 Maret 2026."
    listed = mpp(path, "site", "members", BALANGAN).stdout.splitlines()
    assert listed == [
        "Bank Kalsel: sejak 1 Desember 2025",
        "Disdukcapil: sejak 1 Desember 2025",
        "Samsat: sejak 1 Desember 2025 sampai 1 Maret 2026",
    ]
    with db.connect(path, read_only=True) as con:
        row = con.execute("SELECT kind, kabupaten_kota, kecamatan, opened, channels FROM sites").fetchall()
        assert row == [
            (
                "mpp",
                "Kabupaten Balangan",
                "Paringin",
                date(2025, 12, 1),
                ["walk_in", "digital", "jemput_bola"],
            )
        ]
        december = coverage.month_status(con, [BALANGAN], Measure.SERVICE_VISITS, date(2025, 12, 1))
        assert coverage.coverage_text(december) == "0 dari 3 instansi melapor"
        april = coverage.month_status(con, [BALANGAN], Measure.SERVICE_VISITS, date(2026, 4, 1))
        assert coverage.coverage_text(april) == "0 dari 2 instansi melapor"


def test_mistakes_are_refused_with_a_message_and_change_nothing(tmp_path):
    path = tmp_path / "store.duckdb"
    assert mpp(path, "site", "add", BALANGAN, "--kabupaten-kota", "Kabupaten Balangan").returncode == 0
    twice = mpp(path, "site", "add", BALANGAN, "--kabupaten-kota", "Kabupaten Balangan")
    assert twice.returncode == 1 and "sudah ada" in twice.stderr
    orphan = mpp(
        path,
        "site",
        "add",
        "Mini MPP Kecamatan Awayan",
        "--kind",
        "mini_mpp",
        "--kabupaten-kota",
        "Kabupaten Balangan",
        "--parent",
        "MPP Kabupaten Entah",
    )
    assert orphan.returncode == 1 and "induk" in orphan.stderr
    unknown = mpp(
        path, "site", "members", BALANGAN, "--add", "Bank Kalsel Cabang Paringin X", "--from", "2025-12-01"
    )
    assert unknown.returncode == 1 and "'Bank Kalsel Cabang Paringin X' tidak dikenal" in unknown.stderr
    no_date = mpp(path, "site", "members", BALANGAN, "--add", "Samsat")
    assert no_date.returncode == 2 and "--from" in no_date.stderr
    nowhere = mpp(path, "site", "members", "MPP Entah")
    assert nowhere.returncode == 2 and "tidak ada" in nowhere.stderr
    for result in (twice, orphan, unknown, no_date, nowhere):
        assert "Traceback" not in result.stderr
    with db.connect(path, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM sites").fetchall() == [(1,)]
        assert con.execute("SELECT count(*) FROM site_members").fetchall() == [(0,)]


def test_a_mini_mpp_outlet_under_its_regency_mpp(tmp_path):
    path = tmp_path / "store.duckdb"
    mpp(path, "site", "add", BALANGAN, "--kabupaten-kota", "Kabupaten Balangan")
    done = mpp(
        path,
        "site",
        "add",
        "Mini MPP Kecamatan Awayan",
        "--kind",
        "mini_mpp",
        "--kabupaten-kota",
        "Kabupaten Balangan",
        "--kecamatan",
        "Awayan",
        "--parent",
        BALANGAN,
        "--opened",
        "2026-06-01",
    )
    assert done.returncode == 0, done.stderr
    with db.connect(path, read_only=True) as con:
        assert con.execute(
            "SELECT s.kind, p.name, s.opened FROM sites s JOIN sites p ON s.parent_site_id = p.site_id"
        ).fetchall() == [("mini_mpp", BALANGAN, date(2026, 6, 1))]
