"""`python -m mpp summary`: the JSON contract and the readable text."""
import json
import subprocess
import sys

from tests.live_server import ROOT


def _mpp(*args):
    return subprocess.run([sys.executable, "-m", "mpp", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_summary_json_reproduces_the_seed_figures(demo_db_file):
    done = _mpp("summary", "--db", str(demo_db_file), "--site", "MPP Kota Balikpapan",
                "--through", "2025-09", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["site"] == "MPP Kota Balikpapan"
    assert out["period"] == {"from": "2025-01", "to": "2025-09"}
    assert out["visitors_to_date"] == 41481
    assert out["visitors_same_period_last_year"] == 21576
    assert out["visitors_previous_full_year"] == 29158
    assert out["peak_months"] == [{"month": "2025-07", "visitors": 6814},
                                  {"month": "2025-09", "visitors": 5563},
                                  {"month": "2025-08", "visitors": 5120}]
    top = out["agencies"][:5]
    assert [(a["agency"], a["visits"], round(a["share"], 1)) for a in top] == [
        ("Disdukcapil", 11315, 24.8), ("DPMPTSP", 8767, 19.3), ("Bankaltimtara", 8382, 18.4),
        ("BPJS Kesehatan", 6726, 14.8), ("Kepolisian", 4434, 9.7)]
    assert len(out["agencies"]) == 27
    assert [a["visits"] for a in out["agencies"]] == sorted((a["visits"] for a in out["agencies"]),
                                                            reverse=True)


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
