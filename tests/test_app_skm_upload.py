"""Survey files through the upload page (Unggah), as an analyst would send them."""

from pathlib import Path

import pytest

from mpp.store import db
from tests.apptest import as_analyst, choose_agencies, problems_shown

PAGE = "pages/8_Unggah.py"
PANGKEP = Path(__file__).resolve().parents[2] / "shared" / "real-data" / "pangkep_skm_responden.csv"


def test_upload_a_survey_map_its_agency_and_load(demo_db, open_app):
    if not PANGKEP.is_file():
        pytest.skip(f"real office file missing: {PANGKEP}")
    at = as_analyst(open_app, demo_db, PAGE)
    at.text_input[0].set_value("MPP Kabupaten Pangkajene dan Kepulauan").run()  # the new site
    at.file_uploader[0].set_value(("pangkep_skm_responden.csv", PANGKEP.read_bytes(), "text/csv")).run()
    assert not at.exception
    assert "instansi_tidak_dikenal" in list(problems_shown(at)["Kode"])
    choose_agencies(at, {"PTSP Kemenag": "Kemenag"})
    assert "IKM 93,74 (A) dari 55 responden" in " ".join(c.value for c in at.caption)
    facts = " ".join(m.value for m in at.markdown)
    assert "Format: **SKM: jawaban per responden**" in facts and "Responden: **55**" in facts
    assert "Kunjungan layanan" not in facts
    next(b for b in at.button if b.label == "Muat 1 berkas").click()
    at.run()
    assert any("pangkep_skm_responden.csv: ditambahkan" in s.value for s in at.success)
    with db.connect(demo_db, read_only=True) as con:
        assert con.execute(
            "SELECT count(*), count(DISTINCT agency) FROM skm_respondents WHERE site = "
            "'MPP Kabupaten Pangkajene dan Kepulauan'"
        ).fetchall() == [(55, 13)]
