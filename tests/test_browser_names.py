"""A site named like a tracking pixel, in headless Chromium on a real `streamlit run` server: the
browser fetches nothing from it, and everyone reads the names as they were written."""

from urllib.parse import urlencode, urlsplit

import pytest

from tests import hostile_names as hostile
from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered
from ui.text import WORD_JOINER

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def hostile_server(demo_db_file, tmp_path_factory):
    path = hostile.build(demo_db_file, tmp_path_factory.mktemp("hostile") / "hostile.duckdb")
    with streamlit_server(path) as url:
        yield url


def test_names_like_markdown_fetch_nothing_and_read_as_written(hostile_server):
    with chromium_page(height=2600) as page:
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(hostile_server + "/Instansi?" + urlencode([("site", s) for s in hostile.SITES]))
        wait_rendered(page, "Instansi teratas")
        page.wait_for_function(
            "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 3", timeout=30000
        )
        page.wait_for_timeout(1000)
        leaks = [
            u
            for u in asked
            if u.startswith((hostile.TRACKER.rsplit("/", 1)[0], "http://evil"))
            or urlsplit(u).path.endswith("/x")
        ]  # <img src=x> would ask for ./x
        assert not leaks and len(asked) > 10
        assert page.locator("[data-testid='stMain'] img, [data-testid='stMain'] a[href*='evil']").count() == 0
        body = page.inner_text("body").replace(WORD_JOINER, "")  # the invisible joiner after ':'
        for name in hostile.MARKDOWN:
            assert name in body, name
        ticks = page.eval_on_selector_all(".js-plotly-plot text", "els => els.map(e => e.textContent)")
        assert hostile.MARKDOWN[2] in ticks  # '<img ...>' drawn as text
        page.locator("[data-testid='stDataFrame']").first.hover()  # the table's own toolbar
        page.wait_for_timeout(500)
        assert page.get_by_role("button", name="Download as CSV").count() == 0
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "nama-berbahaya.png"), full_page=True)
