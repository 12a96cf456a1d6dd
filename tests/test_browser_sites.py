"""An analyst in Chromium on Lokasi dan Anggota: October 2025 of Balikpapan is partial (26 of 27, the
missing agency named), closing it makes it final; screenshots of both states to look at."""

import pytest

from tests.apptest import make_accounts
from tests.browser_login import log_in_as_analyst
from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"


def test_an_analyst_sees_the_partial_month_and_closes_it(demo_db):
    make_accounts(demo_db, "analyst")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(demo_db) as url, chromium_page(height=1800) as page:
        log_in_as_analyst(page, url + "/Lokasi_dan_Anggota")
        wait_rendered(page, "26 dari 27 instansi melapor")
        assert page.get_by_text("Belum melapor: Kantor Pertanahan").is_visible()
        page.screenshot(path=str(SHOTS / "sites_partial_month.png"), full_page=True)
        page.get_by_text("Saya paham: Oktober 2025 final").click()
        page.get_by_role("button", name="Tutup buku Oktober 2025").click()
        wait_rendered(page, "ditutup (tutup buku)")
        page.screenshot(path=str(SHOTS / "sites_closed_month.png"), full_page=True)
