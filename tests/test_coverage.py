"""Reporting coverage (issue 11): who was expected, who reported, complete months, closing a month.
Files are made in code and loaded by the real loaders into a real temporary DuckDB store."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import duckdb
import pytest

from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE, PermissionDenied, User
from mpp.store import db, history
from mpp.store.db import ROOT
from mpp.visits import coverage
from mpp.visits.coverage import Measure, Period
from tests import layout_files as lf

pytestmark = pytest.mark.slow  # every load reads its file in a guarded child process

PASER = "MPP Kabupaten Paser"
BALIKPAPAN = "MPP Kota Balikpapan"
ANALYST = User("ana", "analyst")
SV = Measure.SERVICE_VISITS
AS_CLI = Options(actor=COMMAND_LINE)


def title(year: int) -> str:
    return f"REKAPITULASI PENGUNJUNG MAL PELAYANAN PUBLIK KABUPATEN PASER TAHUN {year}"


def load_recap(store, year: int, figures: dict[str, list]) -> None:
    report = ingest(store, f"paser_{year}.xlsx", lf.yearly_recap(figures, title(year)), AS_CLI)
    assert report.ok, report.problems


@pytest.fixture
def paser(store):
    """Disdukcapil every month of 2024 and 2025; Samsat January-March 2024 only."""
    load_recap(store, 2024, {"Disdukcapil": [100] * 12, "Samsat": [10, 20, 30]})
    load_recap(store, 2025, {"Disdukcapil": [110] * 12})
    return store


def month_of(
    con: duckdb.DuckDBPyConnection, month: date, site: str = PASER, measure: Measure = SV
) -> coverage.SiteMonth:
    found = coverage.site_months(con, [site], measure, Period.month(month))
    assert len(found) == 1
    return found[0]


def test_expected_and_reporting_per_month(paser):
    months = coverage.site_months(paser, [PASER], SV, Period(date(2024, 1, 1), date(2024, 4, 1)))
    assert [(m.month.month, m.expected, m.reporting, m.complete) for m in months] == [
        (1, ("Disdukcapil", "Samsat"), ("Disdukcapil", "Samsat"), True),  # first month: what came
        (2, ("Disdukcapil", "Samsat"), ("Disdukcapil", "Samsat"), True),
        (3, ("Disdukcapil", "Samsat"), ("Disdukcapil", "Samsat"), True),
        (4, ("Disdukcapil", "Samsat"), ("Disdukcapil",), False),
    ]
    assert months[3].missing == ("Samsat",)
    status = coverage.month_status(paser, [PASER], SV, date(2024, 4, 1))
    assert (status.reporting, status.expected, status.complete) == (1, 2, False)
    assert coverage.coverage_text(status) == "1 dari 2 instansi melapor"
    assert coverage.coverage_text(status, "en") == "1 of 2 agencies reporting"
    assert status.missing == ((PASER, "Samsat"),)


def test_an_agency_silent_for_twelve_months_is_no_longer_expected(paser):
    assert month_of(paser, date(2025, 3, 1)).missing == ("Samsat",)  # March 2024 is within 12 months
    april = month_of(paser, date(2025, 4, 1))
    assert april.expected == ("Disdukcapil",) and april.complete
    assert coverage.latest_complete_month(paser, [PASER], SV) == date(2025, 12, 1)
    assert coverage.complete_sites(paser, [PASER], SV, Period(date(2025, 4, 1), date(2025, 12, 1))) == (
        PASER,
    )
    assert coverage.complete_sites(paser, [PASER], SV, Period.full_year(2025)) == ()


def test_a_member_is_expected_from_the_month_it_joined_until_it_left(paser):
    assert (
        coverage.add_member(paser, ANALYST, PASER, "Kantor Imigrasi Kelas II", date(2024, 6, 1)) == "Imigrasi"
    )
    assert month_of(paser, date(2024, 5, 1)).expected == ("Disdukcapil", "Samsat")
    assert month_of(paser, date(2024, 6, 1)).expected == ("Disdukcapil", "Imigrasi", "Samsat")
    coverage.leave_member(paser, ANALYST, PASER, "Imigrasi", date(2024, 9, 15))
    assert "Imigrasi" in month_of(paser, date(2024, 8, 1)).expected
    assert "Imigrasi" not in month_of(paser, date(2024, 9, 1)).expected  # left during September
    listed = coverage.member_list(paser, PASER)
    assert list(listed["agency"]) == ["Imigrasi"] and listed["left_on"][0].date() == date(2024, 9, 15)


def test_a_member_that_left_is_not_expected_whatever_its_history(paser):
    coverage.add_member(paser, ANALYST, PASER, "Samsat", date(2024, 1, 1), left=date(2024, 4, 1))
    assert month_of(paser, date(2024, 3, 1)).expected == ("Disdukcapil", "Samsat")
    april = month_of(paser, date(2024, 4, 1))
    assert april.expected == ("Disdukcapil",) and april.complete
    assert coverage.latest_complete_month(paser, [PASER], SV) == date(2025, 12, 1)


def test_a_new_site_with_a_roster_is_judged_against_it_before_its_first_file(store):
    load_recap(store, 2024, {"Disdukcapil": [100] * 12})
    for agency in ("Disdukcapil", "Samsat", "Imigrasi"):
        coverage.add_member(store, ANALYST, PASER, agency, date(2025, 1, 1))
    january = month_of(store, date(2025, 1, 1))
    assert (january.expected, january.reporting, january.complete) == (
        ("Disdukcapil", "Imigrasi", "Samsat"),
        (),
        False,
    )
    load_recap(store, 2025, {"Disdukcapil": [5], "Samsat": [6]})
    status = coverage.month_status(store, [PASER], SV, date(2025, 1, 1))
    assert coverage.coverage_text(status) == "2 dari 3 instansi melapor" and not status.complete
    assert coverage.latest_complete_month(store, [PASER], SV) == date(2024, 12, 1)


def visitors_csv(rows: list[tuple[str, int]]) -> bytes:
    return lf.long_csv(["Tanggal", "Jumlah Pengunjung"], [[d, str(n)] for d, n in rows])


def test_a_visitors_site_is_expected_every_month_from_its_first(store):
    ingest(
        store,
        "pengunjung_mpp_kota_balikpapan.csv",
        visitors_csv([("15/03/2025", 50), ("02/05/2025", 70)]),
        AS_CLI,
    )
    months = coverage.site_months(
        store, [BALIKPAPAN], Measure.VISITORS, Period(date(2025, 1, 1), date(2025, 6, 1))
    )
    assert [(m.month.month, m.reporting, m.complete) for m in months] == [
        (3, (BALIKPAPAN,), True),
        (4, (), False),
        (5, (BALIKPAPAN,), True),
        (6, (), False),
    ]
    assert months[1].expected == (BALIKPAPAN,)
    status = coverage.month_status(store, [BALIKPAPAN], Measure.VISITORS, date(2025, 4, 1))
    assert coverage.coverage_text(status) == "0 dari 1 lokasi melapor"
    # a month after its last one, within LATE_MONTHS of the newest data, finds the site late, not
    # stopped (silent): it would hold a selection's month back until it reports or falls further behind
    assert coverage.month_status(store, [BALIKPAPAN], Measure.VISITORS, date(2025, 6, 1)).silent == ()
    assert coverage.latest_complete_month(store, [BALIKPAPAN], Measure.VISITORS) == date(2025, 5, 1)


def test_a_silent_site_does_not_hold_back_the_other_sites_months(paser):
    ingest(paser, "pengunjung_mpp_kota_balikpapan.csv", visitors_csv([("15/03/2024", 50)]), AS_CLI)
    ingest(
        paser,
        "pengunjung_mpp_kabupaten_paser.csv",
        visitors_csv([(f"01/{m:02}/2025", 9) for m in (1, 2)]),
        AS_CLI,
    )
    both = [BALIKPAPAN, PASER]
    status = coverage.month_status(paser, both, Measure.VISITORS, date(2025, 2, 1))
    assert status.silent == (BALIKPAPAN,) and status.complete
    assert coverage.coverage_text(status) == "1 dari 2 lokasi melapor"  # the whole selection, honestly
    assert coverage.latest_complete_month(paser, both, Measure.VISITORS) == date(2025, 2, 1)
    assert coverage.complete_sites(paser, both, Measure.VISITORS, Period.month(date(2025, 2, 1))) == (PASER,)


def statuses(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [s for (s,) in con.execute("SELECT status FROM loads ORDER BY load_id").fetchall()]


def test_close_makes_a_month_complete_reopen_partial_and_undo_restores(paser):
    april = date(2024, 4, 1)
    close = coverage.close_month(paser, ANALYST, PASER, april)
    closed = month_of(paser, april)
    assert closed.closed and closed.complete and closed.missing == ("Samsat",)
    assert coverage.month_status(paser, [PASER], SV, april).complete
    assert paser.execute(
        "SELECT file_name, layout, measure, site, loaded_by FROM loads WHERE load_id = ?", [close]
    ).fetchall() == [("Tutup buku April 2024", "close_month", "service_visits", PASER, "ana")]

    reopen = coverage.reopen_month(paser, ANALYST, PASER, april)
    assert not month_of(paser, april).complete
    assert statuses(paser)[-2:] == ["superseded", "loaded"]

    history.undo_load(paser, ANALYST, reopen)  # the close applies again
    assert month_of(paser, april).complete and statuses(paser)[-2:] == ["loaded", "undone"]
    history.undo_load(paser, ANALYST, close)  # and now nothing was ever closed
    assert not month_of(paser, april).closed
    assert paser.execute("SELECT count(*) FROM month_closures").fetchall() == [(0,)]


def test_close_one_measure_and_refusals(paser):
    april = date(2024, 4, 1)
    coverage.close_month(paser, ANALYST, PASER, april, SV)
    assert coverage.is_closed(paser, PASER, april, SV)
    assert not coverage.is_closed(paser, PASER, april, Measure.VISITORS)
    with pytest.raises(coverage.CoverageRefused, match="sudah ditutup"):
        coverage.close_month(paser, ANALYST, PASER, april, SV)
    with pytest.raises(coverage.CoverageRefused, match="belum berakhir"):
        coverage.close_month(paser, ANALYST, PASER, date.today())
    with pytest.raises(coverage.CoverageRefused, match="tidak ada"):
        coverage.close_month(paser, ANALYST, "MPP Entah", april)
    with pytest.raises(coverage.CoverageRefused, match="Belum ada data"):
        coverage.close_month(paser, ANALYST, PASER, date(2026, 1, 1))  # no file for it yet


def test_closing_both_measures_closes_only_those_reported(paser):
    close = coverage.close_month(paser, ANALYST, PASER, date(2024, 4, 1))
    assert paser.execute("SELECT measure FROM month_closures WHERE load_id = ?", [close]).fetchall() == [
        ("service_visits",)
    ]
    assert paser.execute("SELECT measure FROM loads WHERE load_id = ?", [close]).fetchall() == [
        ("service_visits",)
    ]


def test_a_viewer_cannot_close_reopen_or_change_members(paser):
    viewer = User("vera", "viewer")
    before = paser.execute("SELECT count(*) FROM loads").fetchall()
    for write in (
        lambda: coverage.close_month(paser, viewer, PASER, date(2024, 4, 1)),
        lambda: coverage.reopen_month(paser, viewer, PASER, date(2024, 4, 1)),
        lambda: coverage.add_member(paser, viewer, PASER, "Samsat", date(2024, 1, 1)),
    ):
        with pytest.raises(PermissionDenied):
            write()
    assert paser.execute("SELECT count(*) FROM loads").fetchall() == before
    assert paser.execute("SELECT count(*) FROM site_members").fetchall() == [(0,)]


def test_unknown_agency_is_refused_with_suggestions_or_added_when_asked(paser):
    with pytest.raises(coverage.MembershipRefused, match="tidak dikenal"):
        coverage.add_member(
            paser, ANALYST, PASER, "Bank Kalsel Syariah Cabang Tanah Grogot", date(2025, 1, 1)
        )
    assert (
        coverage.add_member(
            paser, COMMAND_LINE, PASER, "Koperasi Serba Usaha Paser", date(2025, 1, 1), new_agency=True
        )
        == "Koperasi Serba Usaha Paser"
    )
    with pytest.raises(coverage.MembershipRefused, match="sudah menjadi anggota"):
        coverage.add_member(paser, ANALYST, PASER, "Koperasi Serba Usaha Paser", date(2025, 6, 1))


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mpp", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_close_month_on_the_command_line(tmp_path):
    path = tmp_path / "store.duckdb"
    with db.connect(path) as con:
        load_recap(con, 2024, {"Disdukcapil": [100] * 12, "Samsat": [10, 20, 30]})
    done = run_cli("close-month", "--site", PASER, "--month", "2024-04", "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert "ditutup" in done.stdout and "1 dari 2 instansi melapor" in done.stdout
    again = run_cli("close-month", "--site", PASER, "--month", "2024-04", "--db", str(path))
    assert again.returncode == 1 and "sudah ditutup" in again.stderr and "Traceback" not in again.stderr
    reopened = run_cli("close-month", "--site", PASER, "--month", "2024-04", "--reopen", "--db", str(path))
    assert reopened.returncode == 0 and "dibuka kembali" in reopened.stdout
    with db.connect(path, read_only=True) as con:
        assert not coverage.month_status(con, [PASER], SV, date(2024, 4, 1)).complete
    unknown = run_cli("close-month", "--site", "MPP Entah", "--month", "2024-04", "--db", str(path))
    assert unknown.returncode == 2 and "tidak ada" in unknown.stderr
