"""An analyst in Chromium: a ticket export with a status the table does not know is refused; the
page asks what the word means, checks the file again with it, and loads it."""

import pytest

from mpp.store import db
from tests import layout_files as lf
from tests.apptest import make_accounts
from tests.browser_login import log_in_as_analyst
from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"
HEADER = lf.TICKET_HEADER[:8]  # No Antrean, Tanggal, Jam, Instansi, Layanan, Loket, Jenis, Status


def test_an_unknown_status_mapped_on_the_page(demo_db, tmp_path):
    make_accounts(demo_db, "analyst")
    rows = [
        [
            f"A{i}",
            "02/02/2026",
            "08:00",
            "Samsat",
            "PKB",
            "1",
            "Langsung",
            "RAMPUNG" if i < 7 else "GAGAL",
        ]
        for i in range(9)
    ]
    path = tmp_path / "tiket_mpp_kota_balikpapan.xlsx"
    path.write_bytes(lf.ticket_export(rows, HEADER))
    SHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(demo_db) as url, chromium_page(height=1800) as page:
        log_in_as_analyst(page, url + "/Unggah")
        wait_rendered(page, "Unggah Berkas")
        page.locator('input[type="file"]').first.set_input_files(str(path))
        wait_rendered(page, "'RAMPUNG' (7 tiket) berarti")
        page.get_by_text("Pilihan (bila berkas tidak menyebutnya)").click()  # show the new fields too
        wait_rendered(page, "Jumlahkan baris ganda")
        page.wait_for_timeout(1500)  # the expander's opening and the problems table's drawing
        page.screenshot(path=str(SHOTS / "upload_status_form.png"), full_page=True)

        for word, meaning in (("RAMPUNG", "Dilayani"), ("GAGAL", "Batal")):
            choice = page.get_by_role("combobox", name=f"'{word}'")
            choice.click()
            choice.fill(meaning)  # the list narrows to the one meaning; Enter picks it
            choice.press("Enter")
        page.get_by_role("button", name="Periksa lagi dengan arti ini").click()
        wait_rendered(page, "Kunjungan layanan: 7")
        page.wait_for_timeout(1000)
        page.screenshot(path=str(SHOTS / "upload_status_mapped.png"), full_page=True)
        page.get_by_role("button", name="Muat 1 berkas").click()
        wait_rendered(page, "tiket_mpp_kota_balikpapan.xlsx: ditambahkan")
    with db.connect(demo_db, read_only=True) as con:
        saved = con.execute(
            "SELECT word, meaning FROM ticket_statuses WHERE source = 'analyst' ORDER BY word"
        ).fetchall()
    assert saved == [("GAGAL", "cancelled"), ("RAMPUNG", "served")]
