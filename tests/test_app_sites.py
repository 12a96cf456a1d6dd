"""Lokasi dan Anggota in AppTest on the demo data: coverage of a month, closing and reopening it, the
members of a site with their dates, and a new site; analysts only; names as plain text."""

from datetime import date

import pytest

from mpp.access import accounts
from mpp.demo.visits import BALANGAN, BALIKPAPAN
from mpp.period import Measure
from mpp.store import db
from mpp.visits import coverage
from tests.apptest import log_in, make_accounts

PAGE = "pages/11_Lokasi_dan_Anggota.py"
OCTOBER = date(2025, 10, 1)


@pytest.fixture
def page(demo_db, open_app):
    make_accounts(demo_db, "analyst", "viewer")
    return open_app(demo_db, PAGE)


def texts(at) -> list[str]:
    return [t.value for t in at.text]


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def status(demo_db, site=BALIKPAPAN, month=OCTOBER):
    with db.connect(demo_db, read_only=True) as con:
        return coverage.month_status(con, [site], Measure.SERVICE_VISITS, month)


def test_a_viewer_cannot_use_the_page(page):
    at = log_in(page.run(), "vina", "pembaca-rahasia")
    assert any("untuk peran analis" in w.value for w in at.warning)
    assert not at.text and not [b for b in at.button if b.label.startswith("Tutup buku")]


def test_the_partial_month_is_shown_then_closed_then_reopened(page, demo_db):
    at = log_in(page.run(), "ana", "analis-rahasia")
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox[1].value == OCTOBER  # the latest month with data first
    assert "Kunjungan layanan: 26 dari 27 instansi melapor · belum lengkap" in texts(at)
    assert "Belum melapor: Kantor Pertanahan" in texts(at)
    at.checkbox[0].check().run()
    button(at, "Tutup buku Oktober 2025").click()
    at.run()
    assert [s.value for s in at.success] == ["Oktober 2025 di MPP Kota Balikpapan ditutup (muatan 10)."]
    assert "Kunjungan layanan: 26 dari 27 instansi melapor · ditutup (tutup buku)" in texts(at)
    assert "Pengunjung: 0 dari 1 lokasi melapor · belum lengkap" in texts(at)  # nothing of it to close
    assert status(demo_db).complete
    button(at, "Buka kembali Oktober 2025").click()
    at.run()
    assert not status(demo_db).complete
    assert "Kunjungan layanan: 26 dari 27 instansi melapor · belum lengkap" in texts(at)


def test_members_of_balangan_are_listed_added_and_ended(page, demo_db):
    at = log_in(page.run(), "ana", "analis-rahasia")
    at.selectbox[0].set_value(BALANGAN).run()
    assert (
        "MPP · Paringin, Kabupaten Balangan · dibuka 1 Desember 2025 · kanal: tatap muka, aplikasi "
        "digital, jemput bola" in texts(at)
    )
    at.selectbox[1].set_value(date(2025, 12, 1)).run()
    assert "Kunjungan layanan: 15 dari 18 instansi melapor · belum lengkap" in texts(at)
    assert "Belum melapor: Kantor Pertanahan, Kemenag, Pengadilan Agama" in texts(at)
    roster = at.dataframe[0].value
    assert len(roster) == 18 and set(roster["Bergabung"]) == {"1 Desember 2025"}

    form = at.form[0]  # add a member: an agency not yet in the roster
    next(s for s in form.selectbox if s.label == "Instansi").set_value("Imigrasi")
    form.date_input[0].set_value(date(2026, 1, 1))
    form.form_submit_button[0].click()
    at.run()
    assert [s.value for s in at.success] == ["Imigrasi anggota MPP Kabupaten Balangan sejak 1 Januari 2026."]
    form = at.form[1]  # and Kemenag leaves
    form.selectbox[0].set_value("Kemenag")
    form.date_input[0].set_value(date(2026, 7, 1))
    form.form_submit_button[0].click()
    at.run()
    with db.connect(demo_db, read_only=True) as con:
        june, july = (
            coverage.month_status(con, [BALANGAN], Measure.SERVICE_VISITS, date(2026, m, 1)) for m in (6, 7)
        )
    assert coverage.coverage_text(june) == "18 dari 19 instansi melapor"  # Imigrasi has not reported
    assert coverage.coverage_text(july) == "17 dari 18 instansi melapor"  # Kemenag gone


def test_a_member_leaving_before_joining_is_refused_with_a_message(page, demo_db):
    at = log_in(page.run(), "ana", "analis-rahasia")
    at.selectbox[0].set_value(BALANGAN).run()
    form = at.form[1]
    form.selectbox[0].set_value("Samsat")
    form.date_input[0].set_value(date(2025, 1, 1))
    form.form_submit_button[0].click()
    at.run()
    assert not at.exception
    assert any("harus sesudah tanggal bergabung" in e.value for e in at.error)


def test_a_new_site_whose_name_holds_markdown_is_shown_literally(page, demo_db):
    at = log_in(page.run(), "ana", "analis-rahasia")
    form = at.form[-1]
    form.text_input[0].input("MPP *Kabupaten* Tabalong")
    form.text_input[1].input("Kabupaten Tabalong")
    next(s for s in form.selectbox if s.label == "Zona waktu").set_value("Asia/Makassar")
    form.date_input[0].set_value(date(2026, 12, 1))
    form.multiselect[0].set_value(["walk_in", "digital"])
    form.form_submit_button[0].click()
    at.run()
    assert [s.value for s in at.success] == ["Lokasi MPP \\*Kabupaten\\* Tabalong ditambahkan."]
    with db.connect(demo_db, read_only=True) as con:
        assert con.execute(
            "SELECT timezone, opened, channels FROM sites WHERE name = ?", ["MPP *Kabupaten* Tabalong"]
        ).fetchall() == [("Asia/Makassar", date(2026, 12, 1), ["walk_in", "digital"])]


def test_the_page_in_english(page):
    page.query_params["lang"] = "en"
    at = log_in(page.run(), "ana", "analis-rahasia")
    assert at.title[0].value == "Sites and members"
    assert "Service visits: 26 of 27 agencies reporting · incomplete" in texts(at)
    assert "Not reported: Kantor Pertanahan" in texts(at)


def test_a_close_is_undone_in_the_load_history(open_app, page, demo_db):
    with db.connect(demo_db) as con:
        load = coverage.close_month(con, accounts.User("ana", "analyst"), BALIKPAPAN, OCTOBER)
    at = log_in(open_app(demo_db, "pages/9_Riwayat.py").run(), "ana", "analis-rahasia")
    ledger = at.dataframe[0].value
    assert ledger.iloc[0][["Berkas", "Format", "Oleh"]].tolist() == [
        "Tutup buku Oktober 2025",
        "Tutup buku",
        "ana",
    ]
    at.selectbox[0].set_value(load).run()
    preview = at.dataframe[1].value
    assert preview[["Instansi", "Bulan", "Sekarang", "Sesudah dibatalkan"]].values.tolist() == [
        ["(tutup buku kunjungan layanan)", "Oktober 2025", "ditutup", "terbuka"]
    ]
    at.checkbox[0].check().run()
    button(at, "Batalkan muatan").click()
    at.run()
    assert not status(demo_db).complete and not status(demo_db).closed
