"""Ticket exports as queue systems write them: date cells of every kind, status words as data (the
table ticket_statuses, --status), and single-office queues without an agency column (--agency)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from mpp.reference.ticket_statuses import add_status, meanings, status_key
from mpp.store import db
from tests import layout_files as lf

ROOT = Path(__file__).resolve().parents[1]
SITE = "MPP Kabupaten Sleman"
HEADER = lf.TICKET_HEADER[:8]  # No Antrean, Tanggal, Jam, Instansi, Layanan, Loket, Jenis, Status


def tickets(days: list, status: str = "Selesai") -> bytes:
    rows = [[f"A{i}", d, "08:00", "Samsat", "PKB", "1", "Langsung", status] for i, d in enumerate(days)]
    return lf.ticket_export(rows, HEADER)


def options(**given) -> Options:
    """Read in this process (the guard is tested elsewhere), so these tests stay in the fast subset."""
    return Options(site=SITE, actor=COMMAND_LINE, guarded=False, **given)


def daily(con) -> dict[date, int]:
    return dict(con.execute("SELECT day, sum(visits) FROM service_visits GROUP BY day").fetchall())


def queue_outcomes(con) -> list[tuple]:
    return con.execute("SELECT agency, month, cancelled, no_show FROM monthly_queue_outcomes").fetchall()


# ---- dates ---------------------------------------------------------------------------------------


def test_ticket_dates_as_date_cells_date_times_day_first_text_and_excel_serials(store):
    days = [date(2026, 2, 4), datetime(2026, 2, 4, 9, 30), "4/2/2026", 46057, date(2026, 2, 5)]
    report = ingest(store, "tiket.xlsx", tickets(days), options())
    assert report.outcome == "added", report.problems
    assert daily(store) == {date(2026, 2, 4): 4, date(2026, 2, 5): 1}  # serial 46057 is 4 February


# ---- statuses ------------------------------------------------------------------------------------


def test_the_seed_list_knows_the_words_queue_systems_write(store):
    known = meanings(store)
    for word, meaning in [
        ("Selesai", "served"),
        ("Sudah Dilayani", "served"),
        ("COMPLETED", "served"),
        ("FINISHED", "served"),
        ("Dibatalkan", "cancelled"),
        ("CANCELED", "cancelled"),
        ("Tidak Hadir", "no_show"),
        ("NO SHOW", "no_show"),
        ("No-show", "no_show"),
        ("ABSENT", "no_show"),
        ("Dipanggil", "waiting"),
        ("WAITING", "waiting"),
    ]:
        assert known[status_key(word)] == meaning, word


def test_only_served_tickets_are_visits_and_cancelled_and_no_show_are_queue_outcomes(store):
    rows = [
        ["A1", "02/02/2026", "08:00", "Samsat", "PKB", "1", "Langsung", status]
        for status in ["Selesai", "DONE", "Batal", "No Show", "Tidak Hadir", "Menunggu", "dipanggil"]
    ]
    report = ingest(store, "tiket.xlsx", lf.ticket_export(rows, HEADER), options())
    assert report.outcome == "added" and report.total == 2
    assert "2 dilayani (kunjungan); tidak dihitung: 1 batal, 2 tidak hadir, 2 menunggu" in report.notes
    assert queue_outcomes(store) == [("Samsat", date(2026, 2, 1), 1, 2)]


def test_an_unknown_status_refuses_the_file_listing_each_word_and_how_often(store):
    rows = [
        ["A1", "02/02/2026", "08:00", "Samsat", "PKB", "1", "Langsung", s]
        for s in ["Selesai", "Rampung", "Rampung", "Ditunda", "Rampung"]
    ]
    report = ingest(store, "tiket_feb.xlsx", lf.ticket_export(rows, HEADER), options())
    assert report.outcome == "refused"
    [found] = [p for p in report.problems if p.code == "status_tidak_dikenal"]
    assert found.file == "tiket_feb.xlsx" and found.sheet == "Data Antrean"
    assert "kolom H ('Status')" in found.message
    assert "'Rampung' (3 tiket), 'Ditunda' (1 tiket)" in found.message
    assert found.way_out == "status" and found.subject == "Rampung"  # the command line: --status
    assert daily(store) == {}


def test_a_status_mapped_with_the_option_loads_and_is_remembered_for_the_next_file(store):
    first = tickets(["02/02/2026"] * 3, status="Rampung")
    report = ingest(store, "tiket_1.xlsx", first, options(statuses={"RAMPUNG": "served"}))
    assert report.outcome == "added" and report.total == 3
    saved = store.execute(
        "SELECT word, meaning, source, added_by FROM ticket_statuses WHERE status_key = 'rampung'"
    ).fetchall()
    assert saved == [("RAMPUNG", "served", "analyst", "command-line")]
    again = ingest(store, "tiket_2.xlsx", tickets(["03/02/2026"] * 2, status="rampung"), options())
    assert again.outcome == "added" and again.total == 2


def test_an_admin_can_add_a_word_to_the_table(store):
    add_status(store, COMMAND_LINE, "Beres", "served")
    assert ingest(store, "tiket.xlsx", tickets(["02/02/2026"], status="BERES"), options()).total == 1


# ---- one office, no agency column ----------------------------------------------------------------


def queue_file() -> bytes:
    return lf.ticket_export(lf.single_office_queue(), lf.QUEUE_HEADER)


def test_a_single_office_queue_is_refused_without_agency_naming_the_option(store):
    report = ingest(store, "antrean_dpmptsp.xlsx", queue_file(), options())
    assert report.outcome == "refused"
    assert [p.code for p in report.problems] == ["kolom_instansi_tidak_ada"]
    message = report.problems[0].message
    assert "tidak punya kolom instansi" in message and report.problems[0].way_out == "agency"
    assert "'Keperluan/Layanan'" in message


def test_a_single_office_queue_loads_with_agency_44_visits_and_its_cancelled_ticket(store):
    report = ingest(store, "antrean_dpmptsp.xlsx", queue_file(), options(agency="DPMPTSP"))
    assert report.outcome == "added", report.problems
    assert report.total == 44  # not 45: the WAITING ticket was never served
    assert report.agencies == ["DPMPTSP"]
    assert report.period is not None and report.period.label() == "Februari 2026"
    services = store.execute(
        "SELECT service, sum(visits) FROM service_visits GROUP BY service ORDER BY service"
    ).fetchall()
    assert services == [("Izin Praktik Bidan", 15), ("NIB", 14), ("Persetujuan Bangunan Gedung", 15)]
    assert queue_outcomes(store) == [("DPMPTSP", date(2026, 2, 1), 1, 0)]
    assert "44 dilayani (kunjungan); tidak dihitung: 1 batal, 1 menunggu" in report.notes


def test_sleman_permit_recap_with_agency_is_one_agency_with_70_services(store, real_data):
    data = (real_data / "sleman_rekap_izin_2025.xlsx").read_bytes()
    given = options(agency="DPMPTSP", block="JUMLAH IZIN")
    report = ingest(store, "sleman_rekap_izin_2025.xlsx", data, given)
    assert report.outcome == "added", report.problems
    assert report.agencies == ["DPMPTSP"] and report.new_agencies == []
    assert report.total == 4219
    (services,) = store.execute("SELECT count(DISTINCT service) FROM service_visits").fetchone()
    assert services == 70
    bidan = store.execute(
        "SELECT sum(visits) FROM service_visits WHERE service = 'IZIN PRAKTIK BIDAN'"
    ).fetchone()
    assert bidan == (98,)  # 25 + 25 + 19 + 29 + 0 + 0


# ---- the command line ----------------------------------------------------------------------------


@pytest.mark.slow  # the command line in a child process
def test_command_line_agency_and_status(tmp_path):
    path = tmp_path / "antrean_dpmptsp.xlsx"
    statuses = ("SUKSES TERLAYANI", "CANCELLED", "WAITING")
    path.write_bytes(lf.ticket_export(lf.single_office_queue(statuses=statuses), lf.QUEUE_HEADER))
    store = tmp_path / "mpp.duckdb"

    def run(*args) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "loaders", "ingest", path, "--db", store, "--site", SITE, *args]
        return subprocess.run(list(map(str, command)), cwd=ROOT, capture_output=True, text=True, timeout=120)

    refused = run("--agency", "DPMPTSP")
    assert refused.returncode == 1
    assert "'SUKSES TERLAYANI' (44 tiket)" in refused.stdout and "--status" in refused.stdout
    loaded = run("--agency", "DPMPTSP", "--status", "SUKSES TERLAYANI=served")
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    assert "DITAMBAHKAN" in loaded.stdout and "total kunjungan layanan: 44" in loaded.stdout
    bad = run("--status", "SUKSES=dilayani")
    assert bad.returncode == 2 and "served, cancelled, no_show, waiting, other" in bad.stderr
    with db.connect(store, read_only=True) as con:
        assert meanings(con)["suksesterlayani"] == "served"
