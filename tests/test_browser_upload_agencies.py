"""An analyst in Chromium drops the Sleman permit recap: its 70 permit types are one form with
nothing chosen for them; "all are services of one agency" with DPMPTSP checks the file again as
DPMPTSP's 70 services, and it loads. Screenshots at 1366x768 and 390x844."""

import pytest

from mpp.store import db
from tests.apptest import make_accounts
from tests.browser_login import log_in_as_analyst
from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"
SLEMAN = "sleman_rekap_izin_2025.xlsx"
SITE = "MPP Kabupaten Sleman"


def test_the_sleman_recap_in_one_form_loaded_as_dpmptsp_services(demo_db, real_data):
    make_accounts(demo_db, "analyst")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(demo_db) as url, chromium_page(width=1366, height=768) as page:
        log_in_as_analyst(page, url + "/Unggah")
        wait_rendered(page, "Unggah Berkas")
        page.get_by_text("Pilihan (bila berkas tidak menyebutnya)").click()
        wait_rendered(page, "Jumlahkan baris ganda")
        for label, value in (("Lokasi baru", SITE), ("Blok", "JUMLAH IZIN")):
            field = page.get_by_label(label)
            field.fill(value)
            field.press("Enter")
            wait_rendered(page, "Unggah Berkas")
        page.locator('input[type="file"]').first.set_input_files(str(real_data / SLEMAN))
        wait_rendered(page, "Instansi tidak dikenal (70 nama)")
        assert page.get_by_text("Petakan '").count() == 0  # no form per name
        page.wait_for_timeout(1500)  # the table and the editor draw after the script
        shots(page, "upload_agencies")

        owner = page.get_by_role("combobox", name="…atau semua nama ini layanan")
        owner.click()
        owner.fill("DPMPTSP")
        page.get_by_role("option", name="DPMPTSP", exact=True).click()
        page.get_by_role("button", name="Jadikan layanan instansi ini").click()
        wait_rendered(page, "Kunjungan layanan: 4.219")
        assert page.get_by_text("Instansi tidak dikenal (").count() == 0
        page.get_by_role("button", name="Muat 1 berkas").click()
        wait_rendered(page, f"{SLEMAN}: ditambahkan (muatan")
        page.set_viewport_size({"width": 1366, "height": 2000})
        page.wait_for_timeout(1000)
        page.screenshot(path=str(SHOTS / "upload_agencies_loaded_1366.png"))
        assert page.get_by_role("button", name="Muat 0 berkas").is_disabled()
    with db.connect(demo_db, read_only=True) as con:
        loaded = con.execute(
            "SELECT count(DISTINCT agency_id), count(DISTINCT service), sum(visits) FROM service_visits "
            "JOIN sites USING (site_id) WHERE sites.name = ?",
            [SITE],
        ).fetchall()
    assert loaded == [(1, 70, 4219)]


def shots(page, name: str) -> None:
    """The form in view at 1366x768 and 390x844, and the whole page at each width (Streamlit
    scrolls inside the page, so a tall viewport shows all of it)."""
    for width, height in ((1366, 768), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(1000)
        page.get_by_text("Instansi tidak dikenal (70 nama)").scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        page.screenshot(path=str(SHOTS / f"{name}_{width}.png"))
        page.set_viewport_size({"width": width, "height": 4000})
        page.wait_for_timeout(1000)
        page.screenshot(path=str(SHOTS / f"{name}_{width}_whole.png"))
    page.set_viewport_size({"width": 1366, "height": 768})
