"""The home page in headless Chromium on a real `streamlit run` server over the demo database."""

import pytest

from mpp.text.catalogue import t
from tests.live_server import ROOT, chromium_page, wait_rendered
from ui.navigation import PAGES

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


def _menu(page) -> list[str]:
    return page.locator("[data-testid='stSidebarNav'] a").all_inner_texts()


def _drawn(page) -> None:
    """The script has finished and the chart is drawn: a screenshot shows the page, not placeholders."""
    page.wait_for_selector(".js-plotly-plot .bartext", timeout=30000)
    page.wait_for_timeout(1000)


def test_the_menu_names_every_page_in_the_chosen_language(server):
    """The sidebar's page names come from the text catalogue: Indonesian by default (Ringkasan first,
    never a file name such as "dashboard"), English after the switch, with no Indonesian name left."""
    indonesian = [t(key, "id") for _, key, _ in PAGES]
    english = [t(key, "en") for _, key, _ in PAGES]
    SHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_page(height=1400) as page:
        page.goto(server + "/")
        wait_rendered(page, "41.481")
        assert _menu(page) == indonesian and indonesian[0] == "Ringkasan"
        _drawn(page)
        page.screenshot(path=str(SHOTS / "home_menu_id.png"))
        page.locator("[data-testid='stSidebar'] label", has_text="English").click()
        wait_rendered(page, "Overview")
        page.wait_for_function(
            "() => document.querySelector(\"[data-testid='stSidebarNav'] a\").innerText == 'Overview'"
        )
        menu = _menu(page)
        assert menu == english and menu[:2] == ["Overview", "Agencies"]
        assert not set(menu) & (set(indonesian) - set(english))
        _drawn(page)
        assert "41,481" in page.inner_text("body")  # English figures the English way
        page.screenshot(path=str(SHOTS / "home_menu_en.png"))
        page.locator("[data-testid='stSidebarNav'] a", has_text="Agencies").click()
        wait_rendered(page, "Top agency")
        assert "/Instansi" in page.url and _menu(page) == english  # the language holds on the next page
