"""The monthly report (issue 15): the PDF read back says the same numbers as the pages, the downloads
and the press text, to the unit; DATA DEMO and SEMENTARA on every page; A4; the workbook's sheets,
title blocks and numeric cells; --complete-only refuses; the schedule writes once, leaves an unchanged
report alone and keeps the earlier one when a late close completes the month."""

from __future__ import annotations

import io
import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pypdf
import pytest

from mpp import fmt
from mpp.__main__ import main
from mpp.access.accounts import COMMAND_LINE, User
from mpp.period import Measure
from mpp.press.statement import press_release_for
from mpp.report import letterhead as heads
from mpp.report.files import due, every_month, read_manifest, write_report
from mpp.report.gather import gather
from mpp.report.sections import SECTIONS
from mpp.store import db
from mpp.visits import coverage
from mpp.visits.overview import overview

pytestmark = pytest.mark.slow  # Chromium prints, kaleido draws: tens of seconds a report here

BALIKPAPAN = "MPP Kota Balikpapan"
SEPTEMBER, OCTOBER = date(2025, 9, 1), date(2025, 10, 1)
A4 = (595, 842)  # points
NOW = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def flat(text: str) -> str:
    """Whitespace as one space: justified and wrapped lines read back as the sentence."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def store(demo_db_file, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "demo.duckdb"
    shutil.copy(demo_db_file, path)
    with db.connect(path) as con:
        heads.set_letterhead(
            con, COMMAND_LINE, "DPMPTSP Kota Balikpapan", "Jl. Jenderal Sudirman No. 1\nBalikpapan"
        )
    return path


@pytest.fixture(scope="module")
def september(store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("september")
    with db.connect(store, read_only=True) as con:
        written = write_report(con, [BALIKPAPAN], SEPTEMBER, out, now=NOW)
    assert written.status == "written"
    return out / f"{written.stem}.pdf"


def test_the_pdf_says_the_figures_of_the_pages_and_the_press_text(store, september):
    text = flat(" ".join(pdf_pages(september)))
    with db.connect(store, read_only=True) as con:
        view = overview(con, [BALIKPAPAN], SEPTEMBER)
        release = press_release_for(con, BALIKPAPAN, SEPTEMBER)
    assert view is not None and release is not None
    review = view.review
    # Ringkasan's month in review and its period cards, formatted as the page formats them.
    assert f"Pengunjung September 2025: {fmt.number(review.total.value)}" in text  # 5.563
    yoy = review.year_on_year
    assert (
        f"Terhadap September 2024 ({fmt.number(yoy.base.value)}): {fmt.signed_percent(yoy.change_pct)}"
        in text
    )
    mom = review.month_on_month
    assert (
        f"Terhadap Agustus 2025 ({fmt.number(mom.base.value)}): {fmt.signed_percent(mom.change_pct)}" in text
    )
    to_date = view.to_date
    assert f"Pengunjung Januari-September 2025: {fmt.number(to_date.current.value)}" in text
    assert f"({fmt.number(to_date.base.value)}): {fmt.signed_percent(to_date.change_pct)}" in text
    assert "41.481" in text and "21.576" in text and "+92,3%" in text and "29.158" in text
    # Instansi: every agency with its visits and share (the CSV holds the same rounding), base named.
    for rank, row in enumerate(view.agencies.table.itertuples(), start=1):
        assert f"{rank} {row.agency} {fmt.number(row.visits)} {fmt.percent(row.share)}" in text
    assert "Disdukcapil 11.315 24,8%" in text
    assert f"Pangsa dari seluruh {fmt.number(view.agencies.base.value)} kunjungan layanan" in text  # 45.540
    for rank, peak in enumerate(view.peaks.itertuples(), start=1):
        assert f"{rank} {fmt.month_label(peak.month)} {fmt.number(peak.value)}" in text
    # The verified press paragraphs, word for word, and the checker's verdict.
    for paragraph in release.paragraphs:
        assert flat(paragraph) in text
    assert "tidak ada yang salah" in text
    assert "IKM 95,62" in text
    assert "Kelengkapan laporan" in text and "27 dari 27 instansi melapor" in text
    assert "DPMPTSP Kota Balikpapan" in text and "Jl. Jenderal Sudirman No. 1" in text


def test_every_page_is_a4_numbered_dated_and_marked_demo(september):
    reader = pypdf.PdfReader(september)
    pages = pdf_pages(september)
    assert len(pages) >= 3
    for number, (page, text) in enumerate(zip(reader.pages, pages, strict=True), start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4
        assert "DATA DEMO" in text
        assert "SEMENTARA" not in text  # September 2025 is complete
        assert f"Halaman {number} dari {len(pages)}" in text
        assert "Dibuat 27 November 2026 14.00 WITA" in text


def test_the_workbook_holds_the_same_figures_as_numbers(september):
    book = openpyxl.load_workbook(september.with_suffix(".xlsx"))
    assert book.sheetnames[:4] == ["Tinjauan bulan", "Kelengkapan", "Tahun berjalan", "Per bulan"]
    assert {"Instansi", "Naik terbanyak", "Turun terbanyak", "Puncak", "Kepuasan"} <= set(book.sheetnames)
    for sheet in book.worksheets:  # the export title block on each
        assert sheet["A2"].value == "Lokasi" and sheet["B2"].value == BALIKPAPAN
        assert sheet["A6"].value == "Waktu ekspor"
    agencies = book["Instansi"]
    rows = {r[1]: r for r in agencies.iter_rows(min_row=9, values_only=True)}
    assert rows["Disdukcapil"][2:] == (11315, 24.8)
    assert isinstance(rows["Disdukcapil"][2], int)
    review = list(book["Tinjauan bulan"].iter_rows(min_row=9, values_only=True))
    assert review[0][2] == 5563 and review[1][2:] == (2458, 126.3)
    assert book["Kepuasan"]["C9"].value == 95.62
    pngs = sorted(p.name for p in september.parent.glob("*.png"))
    assert pngs == [
        "laporan-mpp-kota-balikpapan-2025-09-grafik-bulanan.png",
        "laporan-mpp-kota-balikpapan-2025-09-instansi.png",
    ]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in september.parent.glob("*.png"))


def test_complete_only_refuses_a_month_not_every_agency_reported(store, tmp_path, capsys):
    out = tmp_path / "laporan"
    code = main(
        [
            "report",
            "--db",
            str(store),
            "--site",
            BALIKPAPAN,
            "--month",
            "2025-10",
            "--out",
            str(out),
            "--complete-only",
        ]
    )
    said = capsys.readouterr().err
    assert code == 1
    assert "Oktober 2025 belum lengkap untuk MPP Kota Balikpapan" in said
    assert "26 dari 27 instansi melapor" in said and "--complete-only" in said
    assert not out.exists() or not any(out.iterdir())


def test_report_without_chromium_is_a_clear_refusal(store, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MPP_CHROMIUM", str(tmp_path / "no-such-chromium"))
    code = main(
        ["report", "--db", str(store), "--site", BALIKPAPAN, "--month", "2025-09", "--out", str(tmp_path)]
    )
    assert code == 1
    assert "Chromium tidak ditemukan" in capsys.readouterr().err


def test_the_schedule_is_due_on_its_day_for_every_site_with_figures(store, tmp_path):
    with db.connect(store, read_only=True) as con:
        assert due(con, 5, tmp_path, date(2025, 11, 5)) == [
            ((BALIKPAPAN,), OCTOBER),
            (("MPP Kabupaten Kutai Kartanegara",), OCTOBER),
        ]
        assert due(con, 6, tmp_path, date(2025, 11, 5)) == []  # not yet its day


def test_a_provisional_month_is_marked_then_rewritten_when_closed_keeping_the_earlier(demo_db, tmp_path):
    out = tmp_path / "laporan"
    with db.connect(demo_db, read_only=True) as con:
        first = write_report(con, [BALIKPAPAN], OCTOBER, out, now=NOW)
    pdf = out / f"{first.stem}.pdf"
    pages = pdf_pages(pdf)
    assert all("SEMENTARA" in p and "DATA DEMO" in p for p in pages)
    assert read_manifest(out)[first.stem]["complete"] is False

    # The next daily run, before its day: only the provisional report is looked at, and it is unchanged.
    stamp = pdf.stat().st_mtime_ns
    with db.connect(demo_db, read_only=True) as con:
        again = every_month(con, 28, out, date(2025, 11, 2))
    assert [(w.stem, w.status) for w in again] == [(first.stem, "unchanged")]
    assert pdf.stat().st_mtime_ns == stamp and not (out / f"{first.stem}_v1.pdf").exists()

    # A late close completes October: the report is written again, the earlier kept as _v1.
    with db.connect(demo_db) as con:
        coverage.close_month(con, COMMAND_LINE, BALIKPAPAN, OCTOBER, Measure.SERVICE_VISITS)
        coverage.close_month(con, COMMAND_LINE, BALIKPAPAN, OCTOBER, Measure.VISITORS)
    with db.connect(demo_db, read_only=True) as con:
        later = every_month(con, 28, out, date(2025, 11, 3))
    assert [(w.stem, w.status) for w in later] == [(first.stem, "rewritten")]
    earlier = out / f"{first.stem}_v1.pdf"
    assert earlier.exists() and (out / f"{first.stem}_v1.xlsx").exists()
    assert all("SEMENTARA" in p for p in pdf_pages(earlier))
    assert not any("SEMENTARA" in p for p in pdf_pages(pdf))
    assert read_manifest(out)[first.stem]["complete"] is True
    # Complete now: later runs leave it alone.
    with db.connect(demo_db, read_only=True) as con:
        assert every_month(con, 28, out, date(2025, 11, 4)) == []


def test_only_an_admin_sets_the_letterhead_and_only_a_png_or_jpeg_logo(demo_db):
    with db.connect(demo_db) as con:
        with pytest.raises(PermissionError):
            heads.set_letterhead(con, User("ana", "analyst"), "Kantor", "")
        with pytest.raises(heads.LetterheadRefused):
            heads.set_letterhead(con, COMMAND_LINE, "Kantor", "", b"<svg onload='x'/>")
        png = io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 20).getvalue()
        saved = heads.set_letterhead(con, COMMAND_LINE, "Kantor", "Jalan 1", png)
    assert saved.logo.startswith("data:image/png;base64,")
    assert saved.name == "Kantor"


INDONESIAN_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,])|\d,\d{1,2}(?!\d)")


def test_the_english_report_writes_english_numbers_in_its_lines_and_charts(demo_con):
    data = gather(demo_con, [BALIKPAPAN], SEPTEMBER, "en", NOW)
    found = [s for s in (section(data) for section in SECTIONS) if s is not None]
    lines = " ".join(line for s in found for line in (*s.lines, *s.notes))
    assert "45,540" in lines and INDONESIAN_NUMBER.findall(lines) == []
    figures = [chart.figure for s in found for chart in s.charts]
    assert {fig.layout.separators for fig in figures} == {".,"}
    bars = next(c.figure for s in found for c in s.charts if c.name == "instansi").data[0]
    assert bars.text[0] == "11,315 (24.8%)"
