"""An analyst in Chromium: logs in, uploads a corrected recap through the page, confirms, sees the
new total on the home page, undoes the load in Riwayat, and sees the old total again."""

import pytest

from mpp.store import db
from tests.apptest import make_accounts
from tests.browser_login import log_in_as_analyst
from tests.layout_files import yearly_recap
from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"
HOME = "/?site=MPP+Kota+Balikpapan&measure=service_visits&through=2025-09"


@pytest.fixture
def analyst_db(demo_db):
    make_accounts(demo_db, "analyst")
    with db.connect(demo_db) as con:
        september = con.execute(
            "SELECT visits FROM monthly_agency_visits WHERE agency = 'Disdukcapil' "
            "AND month = DATE '2025-09-01'"
        ).fetchall()[0][0]
    return demo_db, september


def _card_value(page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]', has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text()


def test_upload_confirm_see_then_undo(analyst_db, tmp_path):
    path, september = analyst_db
    corrected = tmp_path / "koreksi_september_2025.xlsx"
    corrected.write_bytes(
        yearly_recap(
            {"DISDUKCAPIL": [None] * 8 + [september + 1000]},
            title="REKAP KUNJUNGAN MPP KOTA BALIKPAPAN TAHUN 2025",
        )
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(path) as url, chromium_page() as page:
        page.goto(url + HOME)
        wait_rendered(page, "45.540")
        assert _card_value(page, "Kunjungan layanan Januari-September 2025") == "45.540"

        log_in_as_analyst(page, url + "/Unggah")
        wait_rendered(page, "Unggah Berkas")
        page.locator('input[type="file"]').first.set_input_files(str(corrected))
        wait_rendered(page, "akan menggantikan data yang ada")
        page.screenshot(path=str(SHOTS / "upload_preview.png"), full_page=True)
        page.get_by_role("button", name="Muat 1 berkas").click()
        wait_rendered(page, "menggantikan data sebelumnya")

        page.goto(url + HOME)
        wait_rendered(page, "46.540")
        assert _card_value(page, "Kunjungan layanan Januari-September 2025") == "46.540"

        page.goto(url + "/Riwayat")  # still logged in: the login survives a new page load
        wait_rendered(page, "Batalkan muatan")
        page.screenshot(path=str(SHOTS / "history.png"), full_page=True)
        page.get_by_text("Saya paham; batalkan muatan").click()
        page.get_by_role("button", name="Batalkan muatan").click()
        wait_rendered(page, "angka sebelumnya kembali berlaku")

        page.goto(url + HOME)
        wait_rendered(page, "45.540")
        assert _card_value(page, "Kunjungan layanan Januari-September 2025") == "45.540"
