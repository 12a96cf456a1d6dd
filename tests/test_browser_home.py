"""The home page in headless Chromium on a real `streamlit run` server over the demo database."""

import pytest

from tests.live_server import ROOT, chromium_page, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"


def test_home_page_reads_the_seed_figures(server):
    with chromium_page() as page:
        page.goto(server + "/")
        wait_rendered(page, "41.481")
        body = page.inner_text("body")
        assert "Pengunjung Januari-September 2025" in body
        assert "41.481" in body and "29.158" in body and "6.814" in body
        assert "Data demo" in body
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "home.png"), full_page=True)


def test_chart_labels_read_the_indonesian_way(server):
    with chromium_page() as page:
        page.goto(server + "/")
        wait_rendered(page, "41.481")
        page.wait_for_selector(".js-plotly-plot .bartext", timeout=30000)
        bar_labels = _svg_texts(page, ".js-plotly-plot .bartext")
        ticks = _svg_texts(page, ".js-plotly-plot .ytick text")
        assert "6.814" in bar_labels
        assert "6814" not in bar_labels and "6,814" not in bar_labels
        assert any(t in ticks for t in ("6.000", "7.000")), ticks


def _svg_texts(page, selector: str) -> list[str]:
    """What the chart draws: SVG text nodes have no innerText, so read textContent."""
    return page.eval_on_selector_all(selector, "els => els.map(e => e.textContent)")
