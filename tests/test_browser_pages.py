"""The analysis pages in headless Chromium on a real `streamlit run` server over the demo database:
the figures and chart labels as the browser draws them, the downloads as an official gets them, and a
screenshot of each page under test-artifacts/screenshots/."""

import csv
import io

import openpyxl
import pytest

from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"
KUKAR = "site=MPP+Kabupaten+Kutai+Kartanegara"


@pytest.fixture(scope="module")
def browser_page():
    with chromium_page(height=2600) as page:
        yield page


def _open(page, url: str, text: str, charts: int) -> str:
    page.goto(url)
    wait_rendered(page, text)
    page.wait_for_function(  # every chart drawn, its texts included: a busy machine draws them one by one
        "n => { const plots = [...document.querySelectorAll('.js-plotly-plot')];"
        " return plots.length >= n && plots.every(p => p.querySelector('.main-svg text')); }",
        arg=charts,
        timeout=30000,
    )
    page.wait_for_timeout(500)
    return page.inner_text("body")


def _svg_texts(page, selector: str = ".js-plotly-plot text") -> list[str]:
    """What the charts draw: SVG text has no innerText, so read textContent."""
    return page.eval_on_selector_all(selector, "els => els.map(e => e.textContent)")


def _shot(page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its own container, so grow the window to fit it."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": max(2600, height + 100)})
    page.wait_for_timeout(1500)  # charts redraw at the new size
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 2600})


def _download(page, label: str, index: int = 0) -> bytes:
    with page.expect_download(timeout=60000) as info:
        page.locator("[data-testid='stDownloadButton'] button", has_text=label).nth(index).click()
    return info.value.path().read_bytes()


def test_agencies_page(server, browser_page):
    body = _open(browser_page, server + "/Instansi", "Disdukcapil", 3)
    assert "11.315 · 24,8%" in body and "45.540" in body
    labels = _svg_texts(browser_page)
    assert "11.315 (24,8%)" in labels and "Lainnya (17)" in labels
    assert "24,8%" in labels  # the share chart's slice
    _shot(browser_page, "instansi")


def test_agencies_downloads_carry_the_card_figures(server, browser_page):
    _open(browser_page, server + "/Instansi", "Disdukcapil", 3)
    rows = list(csv.reader(io.StringIO(_download(browser_page, "CSV").decode("utf-8-sig"))))
    assert rows[1][:4] == ["1", "Disdukcapil", "11315", "24.8"]
    sheet = openpyxl.load_workbook(io.BytesIO(_download(browser_page, "XLSX"))).active
    assert sheet["A1"].value == "Instansi" and sheet["B2"].value == "MPP Kota Balikpapan"
    assert [c.value for c in sheet[9]][:4] == [1, "Disdukcapil", 11315, 24.8]


def test_chart_png_download(server, browser_page):
    _open(browser_page, server + "/Instansi", "Disdukcapil", 3)
    with browser_page.expect_download(timeout=60000) as info:
        browser_page.locator("[data-testid='stDownloadButton'] button", has_text="PNG").first.click()
    assert info.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    name = "mpp-kota-balikpapan_januari-september-2025_instansi-peringkat.png"
    assert info.value.suggested_filename == name
    # the toolbar's own download: the same name, and the source line is drawn in the chart it copies
    drawn = "".join(_svg_texts(browser_page)).replace(" ", "")  # a wrapped line is one text per line
    assert "Sumber:PantauMPP,dataDPMPTSPKotaBalikpapan" in drawn
    with browser_page.expect_download(timeout=60000) as info:
        browser_page.locator(".js-plotly-plot").first.hover()
        browser_page.locator(".js-plotly-plot").first.locator(".modebar-btn").first.click()
    assert info.value.suggested_filename.startswith("mpp-kota-balikpapan_januari-september-2025_instansi-")


OVERLAPS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
    const bar = plot.querySelector('.modebar-container'), title = plot.querySelector('.gtitle');
    if (!bar || !title) return false;
    const a = bar.getBoundingClientRect(), b = title.getBoundingClientRect();
    return a.bottom > b.top && a.top < b.bottom && a.left < b.right && a.right > b.left; })"""
CLIPPED = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
    const box = plot.getBoundingClientRect();
    return [...plot.querySelectorAll('.bartext, .gtitle, .annotation-text')].filter(t => {
        const r = t.getBoundingClientRect(); return r.width && (r.right > box.right + 1 || r.left < box.left - 1);
    }).map(t => t.textContent); })"""


@pytest.mark.parametrize("path", ["/Instansi", f"/Lokasi?{KUKAR}", "/Pertumbuhan"])
def test_on_a_phone_the_toolbar_leaves_titles_free_and_labels_fit(server, browser_page, path):
    """At 390 px the toolbar once sat over chart titles and labels read '11.315 (24,8'."""
    browser_page.set_viewport_size({"width": 390, "height": 2400})
    try:
        _open(browser_page, server + path, "Pantau MPP", 2)
        browser_page.wait_for_timeout(1500)  # charts redraw at the phone's width
        assert not any(browser_page.evaluate(OVERLAPS))
        assert browser_page.evaluate(CLIPPED) == []
    finally:
        browser_page.set_viewport_size({"width": 1400, "height": 2600})


def test_trends_page_reads_the_july_peak(server, browser_page):
    body = _open(browser_page, server + "/Tren_dan_Puncak", "Bulan puncak", 3)
    assert "Juli 2025" in body and "6.814 pengunjung" in body
    labels = _svg_texts(browser_page)
    assert "6.814" in labels and "6814" not in labels and "6,814" not in labels
    ticks = _svg_texts(browser_page, ".js-plotly-plot .ytick text")
    assert "6.000" in ticks or "7.000" in ticks, ticks
    _shot(browser_page, "tren_dan_puncak")


def test_trends_page_with_daily_data(server, browser_page):
    body = _open(browser_page, f"{server}/Tren_dan_Puncak?{KUKAR}", "Hari tersibuk", 4)
    assert "Kamis" in body
    assert "Senin" in _svg_texts(browser_page)
    _shot(browser_page, "tren_dan_puncak_harian")


def test_growth_page(server, browser_page):
    body = _open(browser_page, server + "/Pertumbuhan", "Tahun kalender", 2)
    assert "41.481" in body and "+92,3%" in body
    assert "periode tidak setara (9 bulan terhadap 12 bulan)" in body
    labels = _svg_texts(browser_page)
    assert "6.814" in labels and "+79,2%" in labels  # July 2025 bar; Disdukcapil's growth
    _shot(browser_page, "pertumbuhan")


def test_channels_page(server, browser_page):
    body = _open(browser_page, f"{server}/Kanal?{KUKAR}&through=2026-10", "Porsi online", 2)
    assert "33.245" in body and "18.348" in body and "35,6%" in body
    assert "Antrean online" in _svg_texts(browser_page)
    _shot(browser_page, "kanal")


def test_channels_page_without_channel_data(server, browser_page):
    browser_page.goto(server + "/Kanal")
    wait_rendered(browser_page, "tidak memuat kanal antrean")
    _shot(browser_page, "kanal_tanpa_data")


def test_sites_page(server, browser_page):
    body = _open(browser_page, f"{server}/Lokasi?{KUKAR}&through=2026-09", "Perbandingan Lokasi", 2)
    assert "4.464" in body and "8,5%" in body
    labels = _svg_texts(browser_page)
    assert "40.812 (77,9%)" in labels and "231,9" in labels
    _shot(browser_page, "lokasi")


def test_english_switch_writes_english_numbers(server, browser_page):
    body = _open(browser_page, server + "/Tren_dan_Puncak?lang=en", "Peak month", 3)
    assert "July 2025" in body and "6,814 visitors" in body
    _shot(browser_page, "tren_dan_puncak_en")


LONG_NAME = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kutai Kartanegara (Loket 4)"
FORMULA_NAME = '=HYPERLINK("http://contoh.invalid","klik")'


@pytest.fixture(scope="module")
def odd_names_server(served_demo_db, tmp_path_factory):
    """The demo store plus two agencies an upload could bring: a very long name and a formula."""
    import shutil
    from datetime import date

    import pandas as pd

    from mpp.reference.agencies import ensure_agency
    from mpp.store import db, ledger

    path = tmp_path_factory.mktemp("odd") / "odd.duckdb"
    shutil.copy(served_demo_db, path)
    with db.connect(path) as con:
        site = con.execute("SELECT site_id FROM sites WHERE name = 'MPP Kota Balikpapan'").fetchall()[0][0]
        ids = [ensure_agency(con, LONG_NAME), ensure_agency(con, FORMULA_NAME)]
        load = ledger.record_load(
            con,
            ledger.LoadRecord("odd.xlsx", "odd", "test", "service_visits", "MPP Kota Balikpapan", None, None),
        )
        rows = [
            (site, ids[0], date(2025, 3, 1), "month", None, None, 4000),
            (site, ids[1], date(2025, 3, 1), "month", None, None, 3000),
        ]
        ledger.write_facts(con, load, pd.DataFrame(rows, columns=ledger.SERVICE_COLUMNS))
    with streamlit_server(path) as url:
        yield url


def test_long_and_formula_like_agency_names(odd_names_server, browser_page):
    _open(browser_page, odd_names_server + "/Instansi", "Disdukcapil", 3)
    labels = _svg_texts(browser_page, ".js-plotly-plot .annotation-text")  # names sit above their bars
    assert any(t.startswith("Dinas Kependudukan dan Pencatat") and t.endswith("…") for t in labels), labels
    assert '=HYPERLINK("http://contoh.inval…' in labels  # shown as the text it is
    _shot(browser_page, "instansi_nama_panjang")
    rows = list(csv.reader(io.StringIO(_download(browser_page, "CSV").decode("utf-8-sig"))))
    assert [r[1] for r in rows if "HYPERLINK" in r[1]] == ["'" + FORMULA_NAME]
    sheet = openpyxl.load_workbook(io.BytesIO(_download(browser_page, "XLSX"))).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value == FORMULA_NAME]
    assert cells and cells[0].data_type == "s"
