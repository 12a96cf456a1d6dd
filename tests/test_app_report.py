"""The Laporan page in AppTest: the report's sections as the page with the overview's figures, the
demo mark, the PDF and workbook made on request, and the letterhead form for admins only."""

import pytest

from mpp.access.accounts import COMMAND_LINE
from mpp.report import pdf
from mpp.report.letterhead import letterhead
from mpp.store import db
from mpp.store.history import undo_load
from tests.apptest import as_admin

PAGE = "pages/12_Laporan.py"


def test_the_page_shows_the_report_of_the_latest_complete_month_and_makes_the_files(open_app, demo_db):
    at = open_app(demo_db, PAGE, site="MPP Kota Balikpapan").run()
    assert not at.exception
    assert at.selectbox[0].value.isoformat() == "2025-09-01"  # the latest complete month
    headings = [h.value for h in at.subheader]
    assert headings[:3] == [
        "Tinjauan bulan September 2025",
        "Kelengkapan laporan",
        "Tahun berjalan, sebanding",
    ]
    assert "Paragraf siaran pers (terperiksa)" in headings
    assert any(w.value == "DATA DEMO" for w in at.warning)
    text = " ".join(m.value for m in at.markdown)
    assert (
        "Pengunjung September 2025: 5.563" in text
        and "Terhadap Januari-September 2024 (21.576): +92,3%" in text
    )
    agencies = next(
        d.value for d in at.dataframe if "Instansi" in d.value.columns and "Pangsa" in d.value.columns
    )
    assert agencies.iloc[0].tolist()[1:] == ["Disdukcapil", "11.315", "24,8%"]
    assert not [e for e in at.expander if e.label == "Kop surat (admin)"]  # not for a reader

    next(b for b in at.button if b.label == "Buat PDF dan buku kerja").click()
    at.run()
    assert not at.exception and not at.error
    assert [b.proto.label for b in at.get("download_button")] == ["PDF", "XLSX"]
    assert any("Laporan selesai" in str(p.proto) for p in at.get("progress"))


@pytest.mark.slow
def test_an_admin_sets_the_letterhead_on_the_page(open_app, demo_db):
    at = as_admin(open_app, demo_db, "pages/10_Akun.py")
    at.switch_page(PAGE).run()
    assert not at.exception
    office = next(i for i in at.text_input if i.label == "Nama kantor")
    office.input("DPMPTSP Kota Balikpapan")
    next(a for a in at.text_area if a.label == "Alamat").input("Jl. Jenderal Sudirman No. 1")
    next(b for b in at.button if b.label == "Simpan kop surat").click()
    at.run()
    assert not at.exception
    with db.connect(demo_db, read_only=True) as con:
        saved = letterhead(con)
    assert (saved.name, saved.address) == ("DPMPTSP Kota Balikpapan", "Jl. Jenderal Sudirman No. 1")


def make_files(at):
    next(
        b for b in at.button if b.label in ("Buat PDF dan buku kerja", "Make the PDF and the workbook")
    ).click()
    return at.run()


@pytest.mark.slow
def test_the_files_of_earlier_figures_are_not_offered_after_an_undo(open_app, demo_db):
    at = make_files(open_app(demo_db, PAGE, site="MPP Kota Balikpapan").run())
    assert not at.exception and len(at.get("download_button")) == 2
    with db.connect(demo_db) as con:  # Balikpapan's October load undone: September's report changes
        undo_load(con, COMMAND_LINE, 8)  # (no provisional October after it, its chart and estimate)
    at.run()
    assert not at.exception and at.selectbox[0].value.isoformat() == "2025-09-01"
    assert not at.get("download_button")  # the PDF of the earlier figures is not offered
    at = make_files(at)
    assert len(at.get("download_button")) == 2


@pytest.mark.slow
def test_charts_that_cannot_be_drawn_and_a_slow_print_are_errors_not_tracebacks(
    open_app, demo_db, tmp_path, monkeypatch
):
    monkeypatch.setenv("BROWSER_PATH", "/bin/false")  # the charts' browser dies at start
    at = make_files(open_app(demo_db, PAGE, site="MPP Kota Balikpapan", lang="en").run())
    assert not at.exception
    assert [e.value for e in at.error] == [
        "The report's charts could not be drawn (BrowserFailedError), so no PDF was made. Try again; "
        "if it keeps failing, check Chromium on the server."
    ]
    assert not at.get("download_button")

    monkeypatch.delenv("BROWSER_PATH")
    slow = tmp_path / "chromium"
    slow.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setenv("MPP_CHROMIUM", str(slow))
    monkeypatch.setattr(pdf, "TIMEOUT", 2)
    at = make_files(at)
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Printing the PDF took more than 2 seconds and was stopped. Try again when the server is less busy."
    ]
