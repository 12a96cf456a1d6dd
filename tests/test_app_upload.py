"""Unggah in AppTest: an analyst drops a recap, maps its unknown agency on the page, confirms,
and the home page shows the new figures."""

import pytest

from mpp.store import db
from tests.apptest import as_analyst, choose_agencies, problems_shown
from tests.layout_files import yearly_recap

PAGE = "pages/8_Unggah.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RECAP = yearly_recap(
    {"DISDUKCAPIL": [100, "1.263", "-"], "Loket Samsat Keliling Kukar": [5, 6, 7]},
    title="REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2026",
)


@pytest.fixture
def page(demo_db, open_app):
    return as_analyst(open_app, demo_db, PAGE)


def test_upload_map_confirm_and_see_the_figures(page, demo_db):
    at = page
    at.file_uploader[0].set_value(("rekap_samarinda.xlsx", RECAP, XLSX)).run()
    assert not at.exception
    assert "instansi_tidak_dikenal" in list(problems_shown(at)["Kode"])
    load_button = next(b for b in at.button if b.label.startswith("Muat "))
    assert load_button.label == "Muat 0 berkas" and load_button.disabled

    choose_agencies(at, {"Loket Samsat Keliling Kukar": "Samsat"})
    facts = " ".join(m.value for m in at.markdown)
    assert "Lokasi: **MPP Kota Samarinda**" in facts
    assert "Periode: **Januari-Maret 2026**" in facts
    assert "Kunjungan layanan: **1.381**" in facts
    per_agency = next(d.value for d in at.dataframe if "Instansi" in d.value.columns)
    assert per_agency.values.tolist() == [["Disdukcapil", "1.363"], ["Samsat", "18"]]

    next(b for b in at.button if b.label == "Muat 1 berkas").click()
    at.run()
    assert any("rekap_samarinda.xlsx: ditambahkan" in s.value for s in at.success)
    with db.connect(demo_db, read_only=True) as con:
        assert con.execute(
            "SELECT sum(visits) FROM monthly_agency_visits WHERE site = 'MPP Kota Samarinda'"
        ).fetchall() == [(1381,)]
        assert con.execute("SELECT loaded_by FROM loads ORDER BY load_id DESC LIMIT 1").fetchall() == [
            ("ana",)
        ]


def test_a_refused_file_shows_every_problem_with_its_cell(page):
    bad = yearly_recap({"DISDUKCAPIL": [100, "banyak", -3]}, title="REKAP MPP KOTA SAMARINDA TAHUN 2026")
    at = page
    at.file_uploader[0].set_value(("rusak.xlsx", bad, XLSX)).run()
    problems = problems_shown(at)
    assert len(problems) >= 2 and all(problems["Sel"])
    assert next(b for b in at.button if b.label.startswith("Muat ")).disabled
