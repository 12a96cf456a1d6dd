"""What a reader chose stays chosen, in headless Chromium on a real `streamlit run` server: the sites,
period and language survive moving to another page and a reload, and so does a login (for the
session's lifetime, also after a first login's password change; a log-out ends the token itself, not
only the cookie); Ringkasan in the partial state, screenshot at 1366x768."""

import shutil
from urllib.parse import parse_qs, urlparse

import pytest

from mpp.access import accounts
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db
from tests.browser_login import submit_login
from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"
KUKAR = "MPP Kabupaten Kutai Kartanegara"


@pytest.fixture(scope="module")
def served(served_demo_db, tmp_path_factory):
    """The demo store with an analyst account whose password is known."""
    path = tmp_path_factory.mktemp("selection") / "demo.duckdb"
    shutil.copy(served_demo_db, path)
    with db.connect(path) as con:
        accounts.create_user(con, COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
        one_time = accounts.create_user(con, COMMAND_LINE, "budi", "analyst")
    with streamlit_server(path) as url:
        yield url, one_time


def _query(page) -> dict:
    return {k: v if len(v) > 1 else v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def _settle(page, text: str) -> str:
    wait_rendered(page, text)
    page.wait_for_timeout(800)  # the URL follows the script's last query update
    return page.inner_text("body")


def test_selection_survives_a_page_change_and_a_reload(served):
    served, _ = served
    with chromium_page() as page:
        page.goto(f"{served}/?site={KUKAR.replace(' ', '+')}&period=quarter&through=2026-09&lang=en")
        body = _settle(page, "Visitors July-September 2026")  # metric cards draw after the text
        assert "Quarter III 2026 (July-September 2026)" in body
        page.locator("[data-testid='stSidebarNav'] a", has_text="Agencies").click()  # the menu in English too
        body = _settle(page, "Agencies ranked")
        assert "July-September 2026" in body and "Disdukcapil" in body
        assert _query(page) == {
            "site": KUKAR,
            "period": "quarter",
            "through": "2026-09",
            "lang": "en",
            "measure": "visitors",
        }
        page.reload()
        body = _settle(page, "Agencies ranked")
        assert "July-September 2026" in body and KUKAR in body


def _log_in(page, name: str, password: str, where: str = "stSidebar") -> None:
    """With the sidebar's form, or the one a page that needs a login shows (where='stMain')."""
    form = page.locator(f"[data-testid='{where}']")
    if where == "stSidebar":
        form.locator("[data-testid='stExpander']", has_text="Masuk").click()
    submit_login(form, name, password)
    _settle(page, f"Masuk sebagai {name}")


def _login_cookie(page) -> dict:
    page.wait_for_function("() => document.cookie.includes('pantau_mpp_login=')", timeout=20000)
    return next(c for c in page.context.cookies() if c["name"] == "pantau_mpp_login")


def test_a_reload_keeps_the_login_and_a_log_out_ends_it(served):
    served, _ = served
    with chromium_page() as page:
        page.goto(served + "/")
        _settle(page, "41.481")
        _log_in(page, "ana", "rahasia-sekali")
        kept = _login_cookie(page)
        page.reload()
        assert "Masuk sebagai ana" in _settle(page, "41.481")
        page.get_by_role("button", name="Keluar").click()
        _settle(page, "41.481")
        page.wait_for_function("() => !document.cookie.includes('pantau_mpp_login=')", timeout=20000)
        page.reload()
        assert "Masuk sebagai ana" not in _settle(page, "41.481")
        page.context.add_cookies([kept])  # a copy of the old cookie (another tab, a saved one)
        page.reload()
        assert "Masuk sebagai ana" not in _settle(page, "41.481")


def test_a_first_login_survives_a_reload_after_the_password_change(served):
    served, one_time = served
    with chromium_page() as page:
        page.goto(served + "/Akun")
        _settle(page, "Silakan masuk")
        _log_in(page, "budi", one_time, where="stMain")
        _settle(page, "kata sandi sekali pakai")
        first = _login_cookie(page)["value"]
        page.get_by_label("Kata sandi baru (minimal 10 karakter)").fill("kata-sandi-budi-baru")
        page.get_by_label("Ulangi kata sandi baru").fill("kata-sandi-budi-baru")
        page.get_by_role("button", name="Ganti kata sandi").click()
        _settle(page, "Akun saya")
        page.wait_for_function("old => !document.cookie.includes(old)", arg=first, timeout=20000)
        page.reload()
        body = _settle(page, "Akun saya")
        assert "Masuk sebagai budi" in body and "sekali pakai" not in body


def test_ringkasan_in_the_partial_state_at_laptop_size(served):
    served, _ = served
    with chromium_page(width=1366, height=768) as page:
        page.goto(served + "/")
        body = _settle(page, "+126,3%")  # metric cards draw after the text
        assert (
            "Oktober 2025 belum lengkap" in body
            and "26 dari 27 instansi melapor" in body
            and "27 dari 27 instansi melapor" in body
        )
        assert "Tinjauan bulan September 2025" in body and "5.563" in body and "+126,3%" in body
        assert "Naik terbanyak" in body and "Turun terbanyak" in body  # the tables are drawn on canvas
        page.wait_for_selector(".js-plotly-plot .bartext", timeout=30000)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "ringkasan_1366x768.png"))
        height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        page.set_viewport_size({"width": 1366, "height": height + 100})  # Streamlit scrolls inside
        page.wait_for_timeout(1500)
        page.screenshot(path=str(SHOTS / "ringkasan_1366_full.png"), full_page=True)
