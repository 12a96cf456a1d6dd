"""The page-layout fixes of issue 14 in headless Chromium on a real server: a click on a bar chooses
that agency (Instansi, and the URL says ?agency=) or that site (Lokasi); printing shows the page
alone with the footer; on a phone the month in review's chart starts on the first screen and the
top agencies' change is in view."""

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from pypdf import PdfReader

from tests.live_server import ROOT, chromium_page, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"
KUKAR = "MPP Kabupaten Kutai Kartanegara"
BARS = ".stPlotlyChart .trace.bars .point path"


def _query(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def _click_bar(page, index: int, chosen: str) -> None:
    """Click the middle of a bar as a person does (plotly's drag layer above the bars takes the
    click) until the JavaScript condition `chosen` holds. On a busy machine the first click can land
    while the chart is still being drawn again, its click handler not yet attached; a person clicks
    again too."""
    for _ in range(3):
        bar = page.locator(BARS).nth(index)
        bar.scroll_into_view_if_needed()
        box = bar.bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(300)  # plotly picks the point under the pointer on hover
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            page.wait_for_function(f"() => {chosen}", timeout=15000)
            return
        except PlaywrightTimeout:
            page.mouse.move(0, 0)
    raise AssertionError(f"three clicks on bar {index} never made {chosen} true: {page.url}")


def _settle(page, text: str) -> str:
    wait_rendered(page, text)
    page.wait_for_timeout(1000)  # charts draw, and the URL follows the script's last update
    return page.inner_text("body")


def test_clicking_an_agencys_bar_chooses_it_and_puts_it_in_the_url(server):
    with chromium_page(width=1366, height=900) as page:
        page.goto(f"{server}/Instansi")
        _settle(page, "Satu instansi")
        # The fifth bar: Kepolisian.
        _click_bar(page, 4, "location.search.includes('agency=Kepolisian')")
        body = _settle(page, "Kunjungan layanan Kepolisian per bulan")
        assert _query(page)["agency"] == "Kepolisian"
        assert "Kunjungan layanan Kepolisian per bulan" in body
        page.reload()  # the choice is restored from the URL
        _settle(page, "Kunjungan layanan Kepolisian per bulan")


def test_clicking_a_sites_bar_chooses_that_site(server):
    with chromium_page(width=1366, height=900) as page:
        page.goto(f"{server}/Lokasi")
        _settle(page, "Perbandingan Lokasi")
        _click_bar(
            page, 1, "document.body.innerText.includes('dipilih: halaman lain')"
        )  # the second bar of the first chart: Kutai Kartanegara
        body = _settle(page, "dipilih: halaman lain kini menampilkan lokasi ini")
        assert f"{KUKAR} dipilih" in body
        assert _query(page)["site"] == KUKAR


def test_print_shows_the_page_alone_with_a_footer(server):
    with chromium_page(width=1366, height=900) as page:
        page.goto(f"{server}/Pertumbuhan")
        _settle(page, "Tahun ke tahun per bulan")
        # A printer lays the page out at the sheet's width (A4 at the print zoom: about 1000 px); the
        # emulation keeps the window's, so give the window that width first.
        page.set_viewport_size({"width": 1000, "height": 900})
        page.emulate_media(media="print")
        page.wait_for_timeout(2000)  # charts redraw at the printed width
        assert not page.locator("[data-testid='stSidebar']").is_visible()
        assert page.locator(".mpp-print-table").first.is_visible()  # the whole table, not the grid
        assert not page.locator(".stDataFrame").first.is_visible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        pdf = SHOTS / "print_pertumbuhan.pdf"
        page.pdf(path=str(pdf), format="A4")
    sheets = [page.extract_text() or "" for page in PdfReader(pdf).pages]  # what the sheets say
    footer = "MPP Kota Balikpapan · pengunjung Januari-September 2025 · Sumber:"
    assert sheets and all(footer in " ".join(s.split()) for s in sheets), sheets[-1][-400:]
    assert any("Dicetak" in s for s in sheets) and any("Pantau MPP" in s for s in sheets)


def test_on_a_phone_the_months_chart_starts_on_the_first_screen(server):
    with chromium_page(width=390, height=844) as page:
        page.goto(f"{server}/")
        _settle(page, "Instansi teratas")
        chart = page.locator(".stPlotlyChart").first.bounding_box()
        assert chart is not None and chart["y"] < 844
        cards = page.locator("[data-testid='stMetric']")
        tops = {round(cards.nth(i).bounding_box()["y"]) for i in range(3)}
        assert len(tops) == 1  # the month's three cards stand in one row
        page.screenshot(path=str(SHOTS / "ringkasan_phone_first_screen.png"))
