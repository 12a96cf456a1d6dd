"""The Kepuasan page in headless Chromium on a real `streamlit run` server over the demo database:
the index and the chart labels read the Indonesian way (95,62; 3,73), never 95.62 or 3.73."""

import pytest

from tests.live_server import ROOT, chromium_page, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"


def svg_texts(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.textContent)")


def test_kepuasan_shows_the_index_grade_and_nrr_labels(server):
    with chromium_page(height=2200) as page:
        page.goto(server + "/Kepuasan?site=MPP+Kota+Balikpapan")  # the server's first request
        wait_rendered(page, "95,62")
        body = page.inner_text("body")
        menu = page.locator("[data-testid='stSidebarNav'] a").all_inner_texts()
        assert menu[0] == "Ringkasan" and "dashboard" not in menu  # through dashboard.py's menu
        assert "/Kepuasan" in page.url
        assert "IKM Januari-September 2025" in body and "Sangat Baik" in body and "U3 Waktu" in body
        page.wait_for_selector(".js-plotly-plot .bartext", timeout=30000)
        labels = svg_texts(page, ".js-plotly-plot .bartext")
        assert "3,73" in labels and "3.73" not in labels  # U3 Waktu, the priority
        assert any(t.endswith("(A)") and "," in t for t in labels)
        trend = svg_texts(page, ".js-plotly-plot .textpoint text")
        assert "95,20 (A)" in trend and "95,62 (A)" in trend
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "kepuasan.png"), full_page=True)
