"""Unggah in AppTest, the fields a file may need beyond site, year and block: one agency for a
single-office queue export, and the meaning of ticket statuses the table does not know."""

import pytest

from mpp.reference.ticket_statuses import meanings
from mpp.store import db
from tests import layout_files as lf
from tests.apptest import as_analyst, problems_shown

PAGE = "pages/8_Unggah.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SITE = "MPP Kota Balikpapan"
ONE_AGENCY = "Satu instansi untuk seluruh berkas"


@pytest.fixture
def page(demo_db, open_app):
    return as_analyst(open_app, demo_db, PAGE)


def seen(at) -> str:
    """What the page says: its markdown, captions and tables."""
    return " ".join(
        [*(m.value for m in at.markdown), *(c.value for c in at.caption)]
        + [str(d.value.to_dict()) for d in [*at.dataframe, *at.table]]
    )


def load_button(at):
    return next(b for b in at.button if b.label.startswith("Muat "))


def store_visits(path) -> list[tuple]:
    with db.connect(path, read_only=True) as con:
        return con.execute(
            "SELECT agency, sum(visits) FROM monthly_agency_visits WHERE site = ? "
            "AND month = DATE '2026-02-01' GROUP BY agency",
            [SITE],
        ).fetchall()


def test_a_single_office_queue_is_loaded_with_the_agency_picked_on_the_page(page, demo_db):
    at = page
    queue = lf.ticket_export(lf.single_office_queue(), lf.QUEUE_HEADER)
    at.file_uploader[0].set_value(("antrean_dpmptsp.xlsx", queue, XLSX)).run()
    assert not at.exception
    problems = problems_shown(at)
    refusal = problems[problems["Kode"] == "kolom_instansi_tidak_ada"]["Keterangan"].iloc[0]
    assert f"pilih instansinya di «{ONE_AGENCY}»" in refusal
    assert "--agency" not in refusal
    assert at.expander[0].proto.expanded  # the options open by themselves
    assert load_button(at).disabled

    next(s for s in at.selectbox if s.label == "Lokasi").select(SITE)
    next(s for s in at.selectbox if s.label == ONE_AGENCY).select("DPMPTSP")
    at.run()
    assert not at.exception
    facts = seen(at)
    assert "Kunjungan layanan: **44**" in facts  # the WAITING ticket was never served
    assert "kolom_instansi_tidak_ada" not in facts
    assert load_button(at).label == "Muat 1 berkas"

    load_button(at).click()
    at.run()
    assert any("antrean_dpmptsp.xlsx: ditambahkan" in s.value for s in at.success)
    assert store_visits(demo_db) == [("DPMPTSP", 44)]


def test_an_unknown_status_is_given_its_meaning_on_the_page_and_saved_with_the_load(page, demo_db):
    at = page
    statuses = ("SUKSES TERLAYANI", "CANCELLED", "WAITING")
    queue = lf.ticket_export(lf.single_office_queue(statuses=statuses), lf.QUEUE_HEADER)
    next(s for s in at.selectbox if s.label == "Lokasi").select(SITE)
    next(s for s in at.selectbox if s.label == ONE_AGENCY).select("DPMPTSP")
    at.file_uploader[0].set_value(("antrean_dpmptsp.xlsx", queue, XLSX)).run()
    assert not at.exception
    problems = problems_shown(at)
    refusal = problems[problems["Kode"] == "status_tidak_dikenal"]["Keterangan"].iloc[0]
    assert "'SUKSES TERLAYANI' (44 tiket)" in refusal
    assert "formulir Arti status tiket di bawah" in refusal and "--status" not in refusal
    assert "**Arti status tiket**" in seen(at)
    meaning = next(s for s in at.selectbox if s.label == "'SUKSES TERLAYANI' (44 tiket) berarti")
    assert meaning.value is None  # no meaning chosen for the analyst
    assert meaning.options == [
        "Dilayani (dihitung sebagai kunjungan)",
        "Batal",
        "Tidak hadir",
        "Menunggu",
        "Lainnya",
    ]

    meaning.select("served")
    next(b for b in at.button if b.label == "Periksa lagi dengan arti ini").click()
    at.run()
    assert not at.exception
    facts = seen(at)
    assert "status_tidak_dikenal" not in facts
    assert "Kunjungan layanan: **44**" in facts
    assert "'SUKSES TERLAYANI' = Dilayani (dihitung sebagai kunjungan)" in facts
    with db.connect(demo_db, read_only=True) as con:
        assert "suksesterlayani" not in meanings(con)  # only the load saves it

    load_button(at).click()
    at.run()
    assert any("antrean_dpmptsp.xlsx: ditambahkan" in s.value for s in at.success)
    assert store_visits(demo_db) == [("DPMPTSP", 44)]
    with db.connect(demo_db, read_only=True) as con:
        saved = con.execute(
            "SELECT meaning, added_by FROM ticket_statuses WHERE status_key = 'suksesterlayani'"
        ).fetchall()
    assert saved == [("served", "ana")]


def test_rows_given_twice_are_added_up_when_the_box_is_ticked(page):
    at = page
    twice = [
        ["03/02/2025", "Samsat", "PKB", "5"],
        ["03/02/2025", "Samsat", "PKB", "6"],  # the row above's figure again
        ["04/02/2025", "Disdukcapil", "KTP", "1"],
    ]
    data = lf.long_csv(["Tanggal", "Instansi", "Layanan", "Jumlah"], twice)
    at.file_uploader[0].set_value(("harian_mpp_kota_balikpapan.csv", data, "text/csv")).run()
    assert not at.exception
    problems = problems_shown(at)
    refusal = problems[problems["Kode"] == "baris_ganda"]["Keterangan"].iloc[0]
    assert "centang «Jumlahkan baris ganda»" in refusal and "--sum-duplicates" not in refusal
    assert at.expander[0].proto.expanded

    next(c for c in at.checkbox if c.label == "Jumlahkan baris ganda").check()
    at.run()
    assert not at.exception
    facts = seen(at)
    assert "baris_ganda" not in facts and "Kunjungan layanan: **12**" in facts
    assert not load_button(at).disabled
