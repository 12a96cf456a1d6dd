"""Loading files into the store: one transaction, re-sent files, corrected files, undo, refusals."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db, ledger
from tests import layout_files as lf

pytestmark = pytest.mark.slow  # every load reads its file in a guarded child process

AS_CLI = Options(actor=COMMAND_LINE)  # loads as the command line makes them

PASER = "MPP Kabupaten Paser"
ORIGINAL = {"Disdukcapil": [100, 200, 300], "Samsat": [10, 20, 30]}


def figures(con: duckdb.DuckDBPyConnection, site: str = PASER) -> dict[tuple[str, date], int]:
    rows = con.execute(
        "SELECT agency, month, visits FROM monthly_agency_visits WHERE site = ?", [site]
    ).fetchall()
    return {(agency, month): visits for agency, month, visits in rows}


def loads(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("SELECT load_id, status FROM loads ORDER BY load_id").fetchall()


def test_yearly_recap_is_added_with_site_period_and_total(store):
    report = ingest(store, "paser_2024.xlsx", lf.yearly_recap(ORIGINAL), AS_CLI)
    assert report.outcome == "added", report.problems
    assert report.site == PASER and report.period.label() == "Januari-Maret 2024"
    assert report.total == 660 and report.rows == 6
    assert report.agencies == ["Disdukcapil", "Samsat"]
    assert figures(store)[("Disdukcapil", date(2024, 2, 1))] == 200
    assert loads(store) == [(report.load_id, "loaded")]


def test_same_bytes_again_change_nothing(store):
    data = lf.yearly_recap(ORIGINAL)
    first = ingest(store, "paser_2024.xlsx", data, AS_CLI)
    again = ingest(store, "salinan.xlsx", data, AS_CLI)
    assert again.outcome == "unchanged" and again.load_id == first.load_id
    assert again.total == 660 and again.period.label() == "Januari-Maret 2024"
    assert again.agencies == ["Disdukcapil", "Samsat"]
    assert len(loads(store)) == 1
    assert sum(figures(store).values()) == 660


def test_corrected_file_replaces_exactly_its_slices(store):
    first = ingest(store, "paser_2024.xlsx", lf.yearly_recap(ORIGINAL), AS_CLI)
    corrected = ingest(store, "paser_2024_revisi.xlsx", lf.yearly_recap({"Disdukcapil": [None, 250]}), AS_CLI)
    assert corrected.outcome == "replaced"
    got = figures(store)
    assert got[("Disdukcapil", date(2024, 2, 1))] == 250  # the corrected slice
    assert got[("Disdukcapil", date(2024, 1, 1))] == 100  # untouched slices stay
    assert got[("Samsat", date(2024, 2, 1))] == 20
    assert loads(store) == [(first.load_id, "loaded"), (corrected.load_id, "loaded")]


def test_undo_restores_what_the_load_replaced(store):
    ingest(store, "paser_2024.xlsx", lf.yearly_recap(ORIGINAL), AS_CLI)
    before = figures(store)
    corrected = ingest(
        store, "revisi.xlsx", lf.yearly_recap({"Disdukcapil": [1, 2, 3], "Samsat": [4, 5, 6]}), AS_CLI
    )
    assert corrected.outcome == "replaced" and loads(store)[0][1] == "superseded"
    with db.transaction(store):
        ledger.undo(store, COMMAND_LINE, corrected.load_id)
    assert figures(store) == before
    assert [status for _, status in loads(store)] == ["loaded", "undone"]


def test_refused_file_changes_nothing_and_lists_every_problem(store):
    data = lf.yearly_recap({"Dinas Entah Apa": [1, "x"], "Samsat": [-1, 2]}, total_row=False)
    report = ingest(store, "paser_2024.xlsx", data, AS_CLI)
    assert report.outcome == "refused"
    found = {(p.code, p.cell) for p in report.problems}
    assert {("angka_tidak_sah", "D5"), ("angka_negatif", "C6")} <= found
    assert any(p.code == "instansi_tidak_dikenal" and "Dinas Entah Apa" in p.message for p in report.problems)
    assert all(p.file == "paser_2024.xlsx" for p in report.problems)
    assert loads(store) == [] and figures(store) == {}
    assert store.execute("SELECT count(*) FROM sites").fetchall()[0][0] == 0


def test_unknown_agencies_added_when_asked(store):
    data = lf.yearly_recap({"Dinas Entah Apa": [5], "Samsat": [1]})
    report = ingest(store, "paser_2024.xlsx", data, Options(unknown_agencies="add", actor=COMMAND_LINE))
    assert report.outcome == "added" and report.new_agencies == ["Dinas Entah Apa"]
    assert figures(store)[("Dinas Entah Apa", date(2024, 1, 1))] == 5


def test_dry_run_writes_nothing(store):
    report = ingest(store, "paser_2024.xlsx", lf.yearly_recap(ORIGINAL), Options(dry_run=True))
    assert report.outcome == "added" and report.dry_run and report.total == 660
    assert loads(store) == [] and figures(store) == {}


def test_site_and_year_options_override_the_file(store):
    report = ingest(
        store,
        "rekap.xlsx",
        lf.yearly_recap(ORIGINAL),
        Options(site="MPP Kota Balikpapan", year=2023, actor=COMMAND_LINE),
    )
    assert report.site == "MPP Kota Balikpapan" and report.period.label() == "Januari-Maret 2023"
    assert figures(store, "MPP Kota Balikpapan")[("Samsat", date(2023, 3, 1))] == 30


def test_no_site_anywhere_is_refused_asking_for_the_option(store):
    data = lf.yearly_recap(ORIGINAL, title="REKAP PENGUNJUNG TAHUN 2024")
    report = ingest(store, "rekap.xlsx", data, AS_CLI)
    assert report.outcome == "refused"
    assert [p.code for p in report.problems] == ["lokasi_tidak_diketahui"]
    assert report.problems[0].way_out == "site"  # the command line says --site, the page Lokasi


def test_site_from_the_file_name(store):
    data = lf.yearly_recap(ORIGINAL, title="REKAP PENGUNJUNG TAHUN 2024")
    report = ingest(store, "mpp_kota_balikpapan_2024.xlsx", data, AS_CLI)
    assert report.outcome == "added" and report.site == "MPP Kota Balikpapan"


def test_month_sheets_file_loads_one_transaction(store):
    data = lf.monthly_sheets(
        {"JANUARI": {"Disdukcapil": {"KTP-el": 5, "KK": 7}}, "FEBRUARI": {"Disdukcapil": {"KTP-el": 3}}}
    )
    report = ingest(store, "rekap.xlsx", data, AS_CLI)
    assert report.outcome == "added" and report.total == 15
    assert report.period.label() == "Januari-Februari 2025"
    assert figures(store, "MPP Kota Balikpapan")[("Disdukcapil", date(2025, 1, 1))] == 12


def test_ingest_takes_a_path_to_the_store(tmp_path):
    path = tmp_path / "mpp.duckdb"
    report = ingest(path, "paser.xlsx", lf.yearly_recap(ORIGINAL), AS_CLI)
    assert report.outcome == "added"
    with db.connect(path, read_only=True) as con:
        assert sum(figures(con).values()) == 660


def test_future_months_and_duplicated_month_columns_are_refused(store):
    months = ["JANUARI", "FEBRUARI", "FEBRUARI", "MARET"]
    report = ingest(
        store, "paser_2024.xlsx", lf.yearly_recap({"Samsat": [1, 2, 3, 4]}, months=months), AS_CLI
    )
    assert report.outcome == "refused" and ("bulan_ganda", "E4") in {
        (p.code, p.cell) for p in report.problems
    }
    future = lf.yearly_recap({"Samsat": [1, 2]}, title="REKAP MPP KABUPATEN PASER TAHUN 2099")
    report = ingest(store, "paser.xlsx", future, AS_CLI)
    assert [(p.code, p.cell) for p in report.problems] == [
        ("tanggal_di_masa_depan", "C5"),
        ("tanggal_di_masa_depan", "D5"),
    ]
    assert loads(store) == []


def test_ticket_export_report_says_personal_columns_were_dropped(store):
    report = ingest(store, "tiket_mpp_kota_balikpapan.xlsx", lf.ticket_export(lf.ticket_rows(40)), AS_CLI)
    assert report.outcome == "added" and report.total == 31
    assert "kolom data pribadi dibuang: NIK" in report.notes
    columns = {
        c
        for (c,) in store.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'service_visits'"
        ).fetchall()
    }
    assert not columns & {"NIK", "nik", "nama", "No HP"}
    daily = store.execute("SELECT count(*) FROM daily_agency_visits").fetchall()[0][0]
    assert daily > 0


def test_not_a_spreadsheet_is_refused_and_nothing_changes(store):
    report = ingest(store, "rekap.xlsx", b"%PDF-1.4 not a spreadsheet", AS_CLI)
    assert report.outcome == "refused" and report.problems[0].file == "rekap.xlsx"
    assert loads(store) == []


def test_people_entering_the_mall_load_as_visitors_not_service_visits(store):
    data = lf.long_csv(["Tanggal", "Jumlah Pengunjung"], [["01/07/2025", "212"], ["02/07/2025", "1.305"]])
    report = ingest(store, "pengunjung_mpp_kota_balikpapan.csv", data, AS_CLI)
    assert report.outcome == "added" and report.visitors == 1517 and report.total == 0
    rows = store.execute("SELECT site, month, visitors FROM monthly_site_visitors").fetchall()
    assert rows == [("MPP Kota Balikpapan", date(2025, 7, 1), 1517)]
    assert figures(store, "MPP Kota Balikpapan") == {}


def test_formula_without_cached_value_is_refused(store):
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(lf.yearly_recap({"Samsat": [1, 2]})))
    book["Rekap"]["D5"] = "=C5*2"  # openpyxl saves formulas without a value
    out = io.BytesIO()
    book.save(out)
    report = ingest(store, "paser_2024.xlsx", out.getvalue(), AS_CLI)
    assert report.outcome == "refused"
    assert ("rumus_tanpa_nilai", "D5") in {(p.code, p.cell) for p in report.problems}


def test_dry_run_says_it_would_replace_a_slice_already_loaded(store):
    ingest(store, "paser_2024.xlsx", lf.yearly_recap(ORIGINAL), AS_CLI)
    dry = ingest(store, "revisi.xlsx", lf.yearly_recap({"Samsat": [None, 21]}), Options(dry_run=True))
    assert dry.outcome == "replaced" and dry.dry_run
    other = ingest(store, "baru.xlsx", lf.yearly_recap({"Imigrasi": [5]}), Options(dry_run=True))
    assert other.outcome == "added"
    assert len(loads(store)) == 1 and figures(store)[("Samsat", date(2024, 2, 1))] == 20


@pytest.mark.slow
def test_a_file_on_disk_and_a_guarded_read_load_the_same(tmp_path):
    file = tmp_path / "paser_2024.xlsx"
    file.write_bytes(lf.yearly_recap(ORIGINAL))
    first = ingest(tmp_path / "a.duckdb", file.name, file, AS_CLI)  # a path: streamed when big
    guarded = ingest(
        tmp_path / "b.duckdb", file.name, file.read_bytes(), Options(guarded=True, actor=COMMAND_LINE)
    )
    assert first.outcome == guarded.outcome == "added" and first.total == guarded.total == 660
    assert ingest(tmp_path / "a.duckdb", "lagi.xlsx", file, AS_CLI).outcome == "unchanged"


def test_two_spellings_of_one_new_agency_make_one_agency(store):
    data = lf.yearly_recap({"Dinas Entah Apa": [5], "DINAS ENTAH  APA ": [2]})
    report = ingest(store, "paser_2024.xlsx", data, Options(unknown_agencies="add", actor=COMMAND_LINE))
    assert report.new_agencies == ["Dinas Entah Apa"] and report.agencies == ["Dinas Entah Apa"]
    assert figures(store) == {("Dinas Entah Apa", date(2024, 1, 1)): 7}


def test_a_recap_with_no_month_reported_yet_is_refused_as_empty(store):
    report = ingest(store, "paser_2024.xlsx", lf.yearly_recap({"Samsat": [None, None]}), AS_CLI)
    assert [p.code for p in report.problems] == ["kosong"] and loads(store) == []


def test_resending_an_old_file_after_a_correction_says_how_to_bring_it_back(store):
    data = lf.yearly_recap(ORIGINAL)
    ingest(store, "paser_2024.xlsx", data, AS_CLI)
    correction = ingest(store, "revisi.xlsx", lf.yearly_recap({"Samsat": [None, 21]}), AS_CLI)
    again = ingest(store, "paser_2024.xlsx", data, AS_CLI)
    assert again.outcome == "unchanged"
    assert any(f"muatan {correction.load_id}" in n and "undo" in n for n in again.notes)
    assert figures(store)[("Samsat", date(2024, 2, 1))] == 21


def test_site_from_a_sheet_name(store):
    data = lf.monthly_sheets({"Januari": {"Samsat": {"PKB": 4}}}, year_title="REKAP TAHUN 2025")
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    book.create_sheet("MPP Kabupaten Paser")["A1"] = "catatan"
    out = io.BytesIO()
    book.save(out)
    report = ingest(store, "rekap.xlsx", out.getvalue(), AS_CLI)
    assert report.outcome == "added" and report.site == "MPP Kabupaten Paser"


def test_a_daily_file_replaces_only_the_days_it_covers(store):
    """Weekly ticket exports: 16-31 January must not wipe 1-15 January sent the week before."""

    def tickets(days, n=1):
        rows = [
            [f"A{d}{i}", f"{d:02d}/01/2026", "08:00", "Samsat", "PKB", "1", "Langsung", "Selesai"]
            for d in days
            for i in range(n)
        ]
        return lf.ticket_export(rows, lf.TICKET_HEADER[:8])

    first = ingest(store, "tiket_mpp_kota_balikpapan_1.xlsx", tickets(range(1, 16)), AS_CLI)
    second = ingest(store, "tiket_mpp_kota_balikpapan_2.xlsx", tickets(range(16, 32)), AS_CLI)
    assert first.outcome == "added" and second.outcome == "added"
    assert figures(store, "MPP Kota Balikpapan") == {("Samsat", date(2026, 1, 1)): 31}
    fixed = ingest(store, "tiket_mpp_kota_balikpapan_1_revisi.xlsx", tickets(range(1, 16), 2), AS_CLI)
    assert fixed.outcome == "replaced"
    assert figures(store, "MPP Kota Balikpapan") == {("Samsat", date(2026, 1, 1)): 46}
    with db.transaction(store):
        ledger.undo(store, COMMAND_LINE, second.load_id)
    assert figures(store, "MPP Kota Balikpapan") == {("Samsat", date(2026, 1, 1)): 30}


def test_cancellations_and_no_shows_are_kept_beside_the_visits_and_undone_with_them(store):
    rows = [
        ("02-01-2026", "DISDUKCAPIL", "A", "KTP-el", 10, 5, 2, 1),
        ("03-01-2026", "Imigrasi", "B", "Paspor", 3, 0, 0, 4),
    ]
    report = ingest(
        store, "antrean.xlsx", lf.channel_recap(rows), Options(site="MPP Kota Surabaya", actor=COMMAND_LINE)
    )
    assert report.ok and report.total == 18
    outcomes = store.execute(
        "SELECT agency, cancelled, no_show FROM monthly_queue_outcomes ORDER BY agency"
    ).fetchall()
    assert outcomes == [("Disdukcapil", 2, 1), ("Imigrasi", 0, 4)]
    assert store.execute("SELECT sum(visits) FROM monthly_agency_visits").fetchall() == [(18,)]
    with db.transaction(store):
        ledger.undo(store, COMMAND_LINE, report.load_id)
    assert store.execute("SELECT count(*) FROM monthly_queue_outcomes").fetchall() == [(0,)]


def test_without_an_actor_nothing_is_written_but_a_dry_run_still_reads(store, tmp_path):
    from mpp.access.accounts import PermissionDenied

    data = lf.yearly_recap(ORIGINAL)
    with pytest.raises(PermissionDenied, match="anonim tidak berhak"):
        ingest(store, "paser_2024.xlsx", data)
    assert loads(store) == [] and figures(store) == {}
    assert ingest(store, "paser_2024.xlsx", data, Options(dry_run=True)).total == 660
    path = tmp_path / "baru.duckdb"
    with pytest.raises(PermissionDenied):
        ingest(path, "paser_2024.xlsx", data)  # given a path: refused before it opens
    assert not path.exists()
