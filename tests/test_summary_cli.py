"""`python -m mpp summary`: the JSON contract and the readable text."""

import json
import subprocess
import sys

import pytest

from tests.live_server import ROOT

pytestmark = pytest.mark.slow  # the command line in a child process


def _mpp(*args):
    return subprocess.run(
        [sys.executable, "-m", "mpp", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_summary_json_reproduces_the_seed_figures(demo_db_file):
    done = _mpp(
        "summary",
        "--db",
        str(demo_db_file),
        "--site",
        "MPP Kota Balikpapan",
        "--through",
        "2025-09",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["site"] == "MPP Kota Balikpapan"
    assert out["period"] == {"from": "2025-01", "to": "2025-09"}
    assert out["visitors_to_date"] == 41481
    assert out["visitors_same_period_last_year"] == 21576
    assert out["visitors_previous_full_year"] == 29158
    assert out["peak_months"] == [
        {"month": "2025-07", "visitors": 6814},
        {"month": "2025-09", "visitors": 5563},
        {"month": "2025-08", "visitors": 5120},
    ]
    top = out["agencies"][:5]
    assert [(a["agency"], a["visits"], round(a["share"], 1)) for a in top] == [
        ("Disdukcapil", 11315, 24.8),
        ("DPMPTSP", 8767, 19.3),
        ("Bankaltimtara", 8382, 18.4),
        ("BPJS Kesehatan", 6726, 14.8),
        ("Kepolisian", 4434, 9.7),
    ]
    assert len(out["agencies"]) == 27
    assert [a["visits"] for a in out["agencies"]] == sorted(
        (a["visits"] for a in out["agencies"]), reverse=True
    )


def test_summary_text_is_indonesian(demo_db_file):
    done = _mpp("summary", "--db", str(demo_db_file), "--site", "MPP Kota Balikpapan", "--through", "2025-09")
    assert done.returncode == 0, done.stderr
    assert "Pengunjung Januari-September 2025: 41.481" in done.stdout
    assert "Setahun penuh 2024 (12 bulan, periode berbeda panjang): 29.158" in done.stdout
    assert "Juli 2025 (6.814), September 2025 (5.563), Agustus 2025 (5.120)" in done.stdout
    assert "1. Disdukcapil: 11.315 (24,8%)" in done.stdout


def test_unknown_site_lists_the_known_ones(demo_db_file):
    done = _mpp("summary", "--db", str(demo_db_file), "--site", "MPP Entah")
    assert done.returncode == 2
    assert "MPP Kota Balikpapan" in done.stderr


def test_demo_refuses_to_overwrite_an_existing_store(demo_db_file):
    done = _mpp("demo", "--db", str(demo_db_file))
    assert done.returncode == 1 and "--force" in done.stderr


def _summary_json(demo_db_file, *args):
    done = _mpp("summary", "--db", str(demo_db_file), *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_summary_defaults_to_the_latest_complete_month_and_lists_coverage(demo_db_file):
    out = _summary_json(demo_db_file, "--site", "MPP Kota Balikpapan")
    assert out["period"] == {"from": "2025-01", "to": "2025-09"}  # October 2025 is partial
    assert out["latest_complete_month"] == "2025-09" and out["latest_month"] == "2025-10"
    assert out["visitors_to_date"] == 41481 and round(out["growth_pct"], 1) == 92.3
    months = [c["month"] for c in out["coverage"]]
    assert months == [f"2025-{m:02d}" for m in range(1, 11)]
    assert out["coverage"][-1] == {
        "month": "2025-10",
        "measure": "service_visits",
        "reporting": 26,
        "expected": 27,
        "complete": False,
    }
    assert all(c["complete"] for c in out["coverage"][:-1])
    assert out["excluded_sites"] == []
    assert out["month"] == {
        "month": "2025-09",
        "value": 5563,
        "same_month_last_year": 2458,
        "change_pct": 126.3222,
        "previous_month": 5120,
        "previous_month_change_pct": 8.6523,
    }
    first = out["agency_changes"][0]
    assert first == {
        "agency": "Disdukcapil",
        "visits": 1638,
        "visits_same_month_last_year": 730,
        "change": 908,
        "change_pct": 124.3836,
    }
    changes = [a["change"] for a in out["agency_changes"]]
    assert changes == sorted(changes, reverse=True) and len(changes) == 27


def test_summary_of_several_sites_is_like_for_like(demo_db_file):
    pair = _summary_json(
        demo_db_file,
        "--site",
        "MPP Kota Balikpapan",
        "--site",
        "MPP Kabupaten Kutai Kartanegara",
        "--through",
        "2026-10",
    )
    alone = _summary_json(demo_db_file, "--site", "MPP Kabupaten Kutai Kartanegara", "--through", "2026-10")
    assert pair["site"] == "MPP Kota Balikpapan, MPP Kabupaten Kutai Kartanegara"
    assert pair["growth_pct"] == alone["growth_pct"] and round(pair["growth_pct"], 1) == 7.8
    assert pair["excluded_sites"] == [
        {"site": "MPP Kota Balikpapan", "reason": "tidak ada data Januari-Oktober 2026"}
    ]
    assert pair["month"]["change_pct"] == alone["month"]["change_pct"]


def test_summary_text_names_the_provisional_month(demo_db_file):
    done = _mpp("summary", "--db", str(demo_db_file), "--site", "MPP Kota Balikpapan")
    assert "Oktober 2025 sementara, belum dihitung: 26 dari 27 instansi melapor" in done.stdout
    assert "Pengunjung September 2025: 5.563" in done.stdout
