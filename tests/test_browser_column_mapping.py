"""An analyst in Chromium: a sheet no layout recognises is mapped on the upload page, its monthly
totals previewed, the mapping saved and the file loaded; the next month's file with the same header
is recognised and loads with no mapping step. Screenshots of the form and its preview at 1366x768
and 390x844 (test-artifacts/screenshots/column_mapping_*.png)."""

import pytest

from mpp.store import db
from tests.apptest import make_accounts
from tests.browser_login import log_in_as_analyst
from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered
from tests.test_app_column_mapping import SITE, daily_sheet

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"


def pick(page, label: str, option: str) -> None:
    """Choose in a selectbox as a user does: open it, type, Enter."""
    box = page.get_by_role("combobox", name=label)
    box.click()
    box.fill(option)
    box.press("Enter")


def shoot(page, name: str, anchor: str) -> None:
    """What the analyst sees at 1366x768 and at 390x844, scrolled to `anchor`; and the whole
    page at each width (a tall window: Streamlit scrolls inside the page, not the document)."""
    for width, height, suffix in ((1366, 768, ""), (390, 844, "_mobile")):
        page.set_viewport_size({"width": width, "height": 2600})
        page.wait_for_timeout(1500)  # the layout and the tables redraw
        page.screenshot(path=str(SHOTS / f"{name}{suffix}_whole.png"))
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(800)
        page.get_by_text(anchor).first.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        page.screenshot(path=str(SHOTS / f"{name}{suffix}.png"))
    page.set_viewport_size({"width": 1366, "height": 768})


def test_a_mapped_sheet_loads_and_the_next_month_loads_by_itself(demo_db, tmp_path):
    make_accounts(demo_db, "analyst")
    august, september = tmp_path / "rekap_harian_agustus.xlsx", tmp_path / "rekap_harian_september.xlsx"
    august.write_bytes(daily_sheet(8))
    september.write_bytes(daily_sheet(9, samsat=40))
    SHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(demo_db) as url, chromium_page(width=1366, height=768) as page:
        log_in_as_analyst(page, url + "/Unggah")
        wait_rendered(page, "Unggah Berkas")
        page.locator('input[type="file"]').first.set_input_files(str(august))
        wait_rendered(page, "Petakan kolom: rekap_harian_agustus.xlsx")
        shoot(page, "column_mapping_form", "Baris judul kolom")

        pick(page, "Kolom instansi", "Unit Tujuan")
        wait_rendered(page, "Kolom tanggal")
        pick(page, "Kolom layanan (boleh tidak ada)", "Urusan")
        pick(page, "Kolom tanggal", "Hari Layanan")
        pick(page, "Kolom jumlah", "Banyak Orang")
        pick(page, "Kolom status tiket (boleh tidak ada)", "Hasil")
        wait_rendered(page, "Pratinjau: kunjungan layanan per bulan per instansi")
        shoot(page, "column_mapping_preview", "Nama pemetaan")

        name = page.get_by_label("Nama pemetaan")
        name.fill("Antrean harian Balikpapan")
        name.press("Enter")
        page.get_by_role("button", name="Simpan dan periksa lagi").click()
        wait_rendered(page, "dipetakan dengan 'Antrean harian Balikpapan'")
        shoot(page, "column_mapping_saved", "dipetakan dengan 'Antrean harian Balikpapan'")
        page.get_by_role("button", name="Muat 1 berkas").click()
        wait_rendered(page, "rekap_harian_agustus.xlsx: ditambahkan")

        page.locator('input[type="file"]').first.set_input_files(str(september))
        wait_rendered(page, "rekap_harian_september.xlsx: akan ditambahkan")
        assert "Petakan kolom" not in page.inner_text("body")
        page.get_by_role("button", name="Muat 1 berkas").click()
        wait_rendered(page, "rekap_harian_september.xlsx: ditambahkan")
        page.get_by_text("Pemetaan kolom tersimpan").click()
        wait_rendered(page, "Unduh sebagai JSON")
        shoot(page, "column_mapping_list", "Pemetaan kolom tersimpan")
    with db.connect(demo_db, read_only=True) as con:
        loaded = con.execute(
            "SELECT month, sum(visits) FROM monthly_agency_visits WHERE site = ? AND month >= DATE "
            "'2026-08-01' GROUP BY month ORDER BY month",
            [SITE],
        ).fetchall()
    assert [(m.month, v) for m, v in loaded] == [(8, 1212), (9, 45)]
