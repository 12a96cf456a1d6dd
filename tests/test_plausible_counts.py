"""A count is a plausible count (issue 10, item 3): 5e18, 1e9 (number or text) and a number beyond
BIGINT are refused with their cells on the command line and on the upload page, the store
unchanged; a load refused after its preview shows as a refusal; a figure that overflows anyway is an
error message on the page, not a dead page."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import duckdb
import pandas as pd
import pytest

from loaders import upload
from loaders.load import ingest
from loaders.pipeline import Options
from mpp.access import accounts
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db, ledger
from tests.apptest import as_analyst, problems_shown
from tests.layout_files import long_csv, yearly_recap
from tests.live_server import ROOT

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITLE = "REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2025"
# figures as typed in C5 and D5 (January, February of the first agency); the second agency is fine
HOSTILE = {
    "5e18": [5 * 10**18, 5 * 10**18],
    "1e9 angka": [1e9, 7],
    "1e9 teks": ["1e9", 7],
    "melebihi BIGINT": ["9223372036854775808", 7],
}
EXPECTED = {
    "5e18": [("C5", "5.000.000.000.000.000.000"), ("D5", "5.000.000.000.000.000.000")],
    "1e9 angka": [("C5", "1.000.000.000")],
    "1e9 teks": [("C5", "1.000.000.000")],
    "melebihi BIGINT": [("C5", "9.223.372.036.854.775.808")],
}


def recap(cells) -> bytes:
    return yearly_recap(
        {"Disdukcapil": cells, "Imigrasi": [10, 20]}, title=TITLE, total_row=False, total_col=False
    )


def snapshot(path) -> tuple:
    """Everything a load writes: the ledger, the facts, the originals."""
    with db.connect(path, read_only=True) as con:
        return tuple(
            con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("loads", "service_visits", "site_visitors", "originals", "agencies")
        )


@pytest.fixture(autouse=True)
def default_bounds(monkeypatch):
    monkeypatch.delenv("MPP_MAX_DAILY_COUNT", raising=False)
    monkeypatch.delenv("MPP_MAX_MONTHLY_COUNT", raising=False)


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "mpp.duckdb"
    with db.connect(path) as con:
        ingest(
            con, "awal_2025.xlsx", recap([100, 200]), Options(site="MPP Kota Samarinda", actor=COMMAND_LINE)
        )
    return path


@pytest.mark.slow
@pytest.mark.parametrize("case", list(HOSTILE))
def test_command_line_refuses_an_implausible_count_naming_the_cell(case, store, tmp_path):
    before = snapshot(store)
    file = tmp_path / "rekap_2025.xlsx"
    file.write_bytes(recap(HOSTILE[case]))
    done = subprocess.run(
        [sys.executable, "-m", "loaders", "ingest", str(file), "--db", str(store)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "DITOLAK, tidak ada yang diubah" in done.stdout
    for cell, value in EXPECTED[case]:
        assert (
            f"[angka_tidak_wajar] rekap_2025.xlsx, sheet 'Rekap', sel {cell}: Angka {value} di sel {cell}"
        ) in done.stdout
    assert done.stdout.count("angka_tidak_wajar") == len(EXPECTED[case])  # all of them, at once
    assert snapshot(store) == before


@pytest.mark.slow
@pytest.mark.parametrize("case", list(HOSTILE))
def test_upload_preview_and_load_refuse_an_implausible_count(case, store):
    before = snapshot(store)
    analyst = accounts.User("ana", "analyst")
    with db.connect(store) as con:
        preview = upload.preview(con, "rekap_2025.xlsx", recap(HOSTILE[case]), Options())
        loaded = upload.load(con, analyst, "rekap_2025.xlsx", recap(HOSTILE[case]), Options())
    for report in (preview, loaded):
        assert report.outcome == "refused" and not report.ok
        assert [(p.code, p.sheet, p.cell) for p in report.problems] == [
            ("angka_tidak_wajar", "Rekap", cell) for cell, _ in EXPECTED[case]
        ]
    assert snapshot(store) == before


@pytest.mark.slow
def test_the_bound_is_per_grain_and_configurable(store, monkeypatch):
    """A daily CSV: 100.000 a day passes, 100.001 is refused; MPP_MAX_DAILY_COUNT moves the bound."""
    daily = long_csv(
        ["Tanggal", "Instansi", "Jumlah"],
        [["02/01/2025", "Disdukcapil", 100_000], ["03/01/2025", "Disdukcapil", 100_001]],
    )
    with db.connect(store) as con:
        report = ingest(con, "harian.csv", daily, Options(site="MPP Kota Samarinda", dry_run=True))
        assert [(p.code, p.cell) for p in report.problems] == [("angka_tidak_wajar", "C3")]
        message = report.problems[0].message
        assert "tidak mungkin untuk satu instansi dalam satu hari (batas 100.000)" in message
        monkeypatch.setenv("MPP_MAX_DAILY_COUNT", "200000")
        assert ingest(con, "harian.csv", daily, Options(site="MPP Kota Samarinda", dry_run=True)).ok
        monkeypatch.setenv("MPP_MAX_DAILY_COUNT", "banyak")  # a typo keeps the default bound
        assert not ingest(con, "harian.csv", daily, Options(site="MPP Kota Samarinda", dry_run=True)).ok


@pytest.mark.slow
def test_a_million_a_month_loads_and_the_ledger_total_is_exact(store):
    with db.connect(store) as con:
        report = ingest(
            con,
            "besar_2025.xlsx",
            recap([1_000_000, 999_999]),
            Options(site="MPP Kota Samarinda", actor=COMMAND_LINE),
        )
        assert report.ok and report.total == 1_000_000 + 999_999 + 30
        assert con.execute("SELECT total FROM loads WHERE load_id = ?", [report.load_id]).fetchall() == [
            (1_000_000 + 999_999 + 30,)
        ]


# ---- the pages -------------------------------------------------------------------------------------


@pytest.fixture
def upload_page(store, open_app):
    return as_analyst(open_app, store, "pages/8_Unggah.py")


def test_upload_page_shows_the_implausible_cell_and_offers_no_load(upload_page, store):
    before = snapshot(store)
    at = upload_page
    at.file_uploader[0].set_value(("rekap_2025.xlsx", recap(HOSTILE["melebihi BIGINT"]), XLSX)).run()
    assert not at.exception
    problems = problems_shown(at)
    assert problems[["Kode", "Sel"]].values.tolist() == [["angka_tidak_wajar", "C5 (Rekap)"]]
    assert "Angka 9.223.372.036.854.775.808 di sel C5" in problems["Keterangan"].iloc[0]
    assert all("-9.223" not in m.value for m in at.markdown)  # no negative total previewed
    button = next(b for b in at.button if b.label.startswith("Muat "))
    assert button.label == "Muat 0 berkas" and button.disabled
    assert snapshot(store) == before


def test_a_load_refused_after_its_preview_shows_as_a_refusal_not_a_success(upload_page, store, monkeypatch):
    """The preview passes; the bound is lowered before "Muat" (as a store or setting that changed in
    between): the load is refused, and the page says so in red with the problem, never in green."""
    at = upload_page
    at.file_uploader[0].set_value(("rekap_2025.xlsx", recap([500, 600]), XLSX)).run()
    next(b for b in at.button if b.label == "Muat 1 berkas").click()
    monkeypatch.setenv("MPP_MAX_MONTHLY_COUNT", "550")
    at.run()
    assert not at.exception
    assert not at.success, [s.value for s in at.success]
    assert any("rekap_2025.xlsx: ditolak, tidak ada yang dimuat" in e.value for e in at.error)
    problems = problems_shown(at)
    assert problems[["Kode", "Sel"]].values.tolist() == [["angka_tidak_wajar", "D5 (Rekap)"]]


def overflowing(store) -> None:
    """A store written before the bound (rows put in by hand here): two 5e18 figures for Balikpapan."""
    with db.connect(store) as con:
        con.execute(
            "INSERT INTO service_visits (site_id, agency_id, day, grain, visits, load_id) "
            "SELECT site_id, agency_id, day, grain, 5000000000000000000, load_id "
            "FROM service_visits JOIN sites USING (site_id) WHERE superseded_by IS NULL "
            "AND name = 'MPP Kota Balikpapan' AND day >= '2025-01-01' LIMIT 2"
        )


@pytest.mark.parametrize("script", ["dashboard.py", "pages/1_Instansi.py", "pages/6_Siaran_Pers.py"])
def test_a_figure_that_overflows_anyway_is_a_message_not_a_dead_page(script, demo_db, open_app):
    """The page names the problem and the way out, and raises nothing."""
    overflowing(demo_db)
    at = open_app(demo_db, script, site="MPP Kota Balikpapan").run()
    assert not at.exception
    assert any("tidak dapat dihitung" in e.value and "Riwayat" in e.value for e in at.error)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["summary", "press"])
def test_summary_and_press_say_which_load_to_undo_instead_of_a_traceback(command, demo_db):
    overflowing(demo_db)
    done = subprocess.run(
        [sys.executable, "-m", "mpp", command, "--site", "MPP Kota Balikpapan", "--db", str(demo_db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "python -m loaders undo" in done.stderr


@pytest.mark.slow
def test_a_long_csv_of_counts_is_read_whole_and_bounded_on_the_fast_path(store, tmp_path, monkeypatch):
    """100.050 daily rows: read.py keeps the head as a grid and the table as an Arrow frame. Every
    row counts (none left behind in the frame) and the implausible one is named by its cell."""
    lines = ["Tanggal;Instansi;Layanan;Jumlah"]
    for i in range(100_050):
        day = f"{1 + (i // 60) % 28:02d}/{1 + (i // 1680) % 12:02d}/{2019 - i // 20160}"
        lines.append(f"{day};Disdukcapil;Layanan {i % 60};{5_000_000 if i == 100_040 else 5}")
    file = tmp_path / "harian_panjang.csv"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = Options(site="MPP Kota Samarinda", dry_run=True)
    report = ingest(store, file.name, file, options)
    assert [(p.code, p.cell) for p in report.problems] == [("angka_tidak_wajar", "D100042")]
    monkeypatch.setenv("MPP_MAX_DAILY_COUNT", "5000000")
    report = ingest(store, file.name, file, options)
    assert report.ok and report.total == 5 * 100_049 + 5_000_000


@pytest.mark.slow
def test_a_ledger_total_beyond_bigint_fails_instead_of_wrapping(store):
    """Below the loaders (rows written by hand): two 5e18 rows fit a BIGINT each, their total does not.
    The total is summed exactly, so the ledger refuses it rather than storing -8.446.744.073.709.551.616."""
    with db.connect(store) as con:
        site_id, agency_id = con.execute("SELECT site_id, agency_id FROM service_visits").fetchall()[0]
        facts = pd.DataFrame(
            {
                "site_id": site_id,
                "agency_id": agency_id,
                "grain": "month",
                "service": None,
                "day": [date(2024, 1, 1), date(2024, 2, 1)],
                "channel": None,
                "visits": [5 * 10**18] * 2,
            }
        )
        con.execute("BEGIN TRANSACTION")
        load_id = ledger.record_load(
            con,
            ledger.LoadRecord(
                "x.xlsx", "x", "rekap_tahunan", "service_visits", "MPP Kota Samarinda", None, None
            ),
        )
        with pytest.raises(duckdb.Error):
            ledger.write_facts(con, load_id, facts)
        con.execute("ROLLBACK")
        assert ledger.exact_sum(facts["visits"]) == 10**19
