"""Events in Chromium at 1366x768: an analyst adds one on Lokasi dan Anggota, and the daily chart of Tren &
Puncak draws the Mini MPP's opening and the national holidays; screenshots of both to look at."""

from urllib.parse import quote

import pytest

from mpp.demo.visits import KUKAR
from tests.apptest import make_accounts
from tests.browser_login import log_in_as_analyst
from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"


def test_an_event_added_on_the_page_and_events_on_the_charts(demo_db):
    make_accounts(demo_db, "analyst")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(demo_db) as url, chromium_page(1366, 768) as page:
        log_in_as_analyst(page, url + "/Lokasi_dan_Anggota")
        wait_rendered(page, "Hapus peristiwa")  # the table is a canvas: its text is not in the page
        page.get_by_label("Keterangan", exact=True).fill("Server antrean online mati")
        page.get_by_role("button", name="Tambah peristiwa").click()
        wait_rendered(page, "Peristiwa ditambahkan")
        page.get_by_text("Tambah peristiwa").first.scroll_into_view_if_needed()
        page.get_by_role("heading", name="Peristiwa").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "events_section.png"))

        sites = "&".join(f"site={quote(s)}" for s in (KUKAR, "Mini MPP Kecamatan Loa Janan"))
        page.goto(f"{url}/Tren_dan_Puncak?{sites}")
        wait_rendered(page, "per hari")
        chart = page.locator(".js-plotly-plot").filter(has_text="Libur nasional dan cuti bersama").first
        chart.scroll_into_view_if_needed()
        page.wait_for_timeout(1000)
        assert "Mini MPP Loa Janan dibuka" in chart.inner_text()
        page.screenshot(path=str(SHOTS / "events_daily_chart.png"))
        years = page.locator(".js-plotly-plot").first
        years.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        assert "MPP Kutai Kartanegara resmi beroperasi" in years.inner_text()
        page.screenshot(path=str(SHOTS / "events_years_chart.png"))
