"""Press statements on the demo data: the exact figures of the seed article, each with its base."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from mpp import demo
from mpp.press.satisfaction import from_index
from mpp.press.statement import press_release, press_release_for, to_docx, to_txt
from mpp.store import db
from mpp.visits.overview import overview

ROOT = Path(__file__).resolve().parent.parent
SEP_2025 = date(2025, 9, 1)


@pytest.fixture(scope="module")
def view(demo_db_file):
    with db.connect(demo_db_file, read_only=True) as con:
        return overview(con, [demo.BALIKPAPAN], SEP_2025)


def test_visitors_to_date_and_like_for_like_growth(view):
    text = press_release(view).text()
    assert "Sepanjang Januari-September 2025, MPP Kota Balikpapan mencatat 41.481 pengunjung." in text
    assert (
        "naik 92,3 persen dibandingkan periode yang sama tahun sebelumnya "
        "(Januari-September 2025 terhadap Januari-September 2024), dari 21.576 menjadi 41.481 "
        "pengunjung."
    ) in text


def test_previous_full_year_only_when_asked_and_named_as_another_length(view):
    assert "29.158" not in press_release(view).text()
    text = press_release(view, full_year=True).text()
    assert (
        "sepanjang tahun 2024 (12 bulan) tercatat 29.158 pengunjung; angka setahun penuh ini bukan "
        "pembanding pertumbuhan bagi Januari-September 2025 (9 bulan)."
    ) in text


def test_agencies_are_service_visits_with_their_base_named(view):
    text = press_release(view).text()
    assert (
        "Disdukcapil dengan 11.315 kunjungan layanan atau 24,8 persen dari seluruh kunjungan layanan, "
        "disusul DPMPTSP 8.767 (19,3 persen), Bankaltimtara 8.382 (18,4 persen), BPJS Kesehatan 6.726 "
        "(14,8 persen), dan Kepolisian 4.434 (9,7 persen)."
    ) in text
    assert "Seluruh kunjungan layanan Januari-September 2025 berjumlah 45.540" in text
    assert "11.315 pengunjung" not in text and "27,3" not in text


def test_peak_month_then_the_next_two_and_the_monthly_average(view):
    text = press_release(view).text()
    assert (
        "Puncak kunjungan terjadi pada Juli 2025 dengan 6.814 pengunjung, disusul September 2025 "
        "(5.563 pengunjung) dan Agustus 2025 (5.120 pengunjung)."
    ) in text
    assert (
        "Rata-rata setiap bulan MPP Kota Balikpapan menerima 4.609 pengunjung selama Januari-September 2025."
        in text
    )


def test_english_writes_english_numbers(view):
    text = press_release(view, lang="en", full_year=True).text()
    assert "In January-September 2025, MPP Kota Balikpapan recorded 41,481 visitors." in text
    assert "92.3 percent more than in the same period a year earlier" in text
    assert "(January-September 2025 against January-September 2024)" in text
    assert "24.8 percent of all service visits" in text
    assert "the full year 2024 (12 months) recorded 29,158 visitors" in text
    assert "Visits peaked in July 2025 with 6,814 visitors, followed by September 2025" in text


# A number written the Indonesian way (41.481; 92,3; 95,62) or the English way (41,481; 92.3; 95.62):
# thousands have three digits after the mark, decimals one or two.
INDONESIAN_NUMBER = re.compile(r"\d\.\d{3}(?!\d)|\d,\d{1,2}(?!\d)")
ENGLISH_NUMBER = re.compile(r"\d,\d{3}(?!\d)|\d\.\d{1,2}(?!\d)")


@pytest.mark.parametrize("full_year", [False, True])
def test_each_language_writes_its_own_numbers_only(demo_db_file, full_year):
    """Every figure of the statement, the satisfaction index included: no Indonesian form in the
    English text, no English form in the Indonesian text."""
    with db.connect(demo_db_file, read_only=True) as con:
        english = press_release_for(con, demo.BALIKPAPAN, lang="en", full_year=full_year).text()
        indonesian = press_release_for(con, demo.BALIKPAPAN, full_year=full_year).text()
    assert "95.62" in english and "95,62" in indonesian
    assert INDONESIAN_NUMBER.findall(english) == []
    assert ENGLISH_NUMBER.findall(indonesian) == []
    assert len(ENGLISH_NUMBER.findall(english)) == len(INDONESIAN_NUMBER.findall(indonesian)) > 15


def test_a_decline_says_turun(view):
    from mpp.visits.like_for_like import LikeForLike
    from mpp.visits.metrics import Comparison

    swapped = LikeForLike(Comparison(view.to_date.base, view.to_date.current, "year_to_date"), ())
    text = press_release(replace(view, to_date=swapped)).text()
    assert "turun 48,0 persen" in text


def test_incomplete_base_year_gives_no_growth(demo_db_file):
    with db.connect(demo_db_file, read_only=True) as con:  # Balikpapan data start in January 2024
        text = press_release_for(con, demo.BALIKPAPAN, date(2024, 6, 1)).text()
    assert "belum dapat disajikan karena data periode tersebut belum lengkap" in text
    assert "naik" not in text


def test_satisfaction_index_with_its_grade(view):
    score = from_index(95.2, "2024")
    text = press_release(view, satisfaction=score).text()
    assert (
        "Indeks Kepuasan Masyarakat (IKM) MPP Kota Balikpapan 2024 tercatat 95,20 dengan mutu pelayanan A (Sangat Baik)."
        in text
    )


def test_txt_and_docx_exports_carry_the_same_paragraphs(view):
    release = press_release(view)
    assert to_txt(release).decode("utf-8").replace("\r\n", "\n") == release.text()
    document = Document(io.BytesIO(to_docx(release, date(2026, 11, 27))))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Kunjungan MPP Kota Balikpapan Januari-September 2025"
    assert texts[1] == "27 November 2026"
    assert texts[2:-1] == list(release.paragraphs)


def test_docx_is_a4_authored_by_the_office_dated_sourced_and_marked_demo(demo_db_file):
    """What an official opens in Word: A4, the office (the site) as author, the date, the source
    line at the foot, and 'DATA DEMO' above the title and in the page header for demo figures."""
    with db.connect(demo_db_file, read_only=True) as con:
        release = press_release_for(con, demo.BALIKPAPAN, SEP_2025)
    document = Document(io.BytesIO(to_docx(release, date(2026, 11, 27))))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.core_properties.author == "MPP Kota Balikpapan"
    assert document.core_properties.last_modified_by == "MPP Kota Balikpapan"
    assert document.core_properties.created.date() == date(2026, 11, 27)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "DATA DEMO"
    assert "bukan data resmi" in texts[1]
    assert texts[2:4] == ["Kunjungan MPP Kota Balikpapan Januari-September 2025", "27 November 2026"]
    assert texts[-1].startswith("Sumber: demo: MPP Kota Balikpapan")
    assert texts[-1].endswith("diolah dengan Pantau MPP.")
    assert [p.text for p in section.header.paragraphs] == ["DATA DEMO"]
    assert "python-docx" not in " ".join(
        str(getattr(document.core_properties, name)) for name in ("author", "comments", "last_modified_by")
    )


def test_english_docx_and_a_real_store_carry_no_demo_mark(demo_db_file):
    with db.connect(demo_db_file, read_only=True) as con:
        release = press_release_for(con, demo.BALIKPAPAN, SEP_2025, lang="en")
    document = Document(io.BytesIO(to_docx(replace(release, demo=()), date(2026, 1, 5))))
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == ["Visits to MPP Kota Balikpapan, January-September 2025", "5 January 2026"]
    assert "DEMO DATA" not in "\n".join(texts)
    assert texts[-1].startswith("Source: ") and texts[-1].endswith("compiled with Pantau MPP.")
    assert [p.text for p in document.sections[0].header.paragraphs] == [""]


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "mpp", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.slow
def test_cli_press(demo_db_file):
    done = run_cli("press", "--db", str(demo_db_file), "--site", demo.BALIKPAPAN, "--through", "2025-09")
    assert done.returncode == 0, done.stderr
    assert "41.481 pengunjung" in done.stdout and "29.158" not in done.stdout
    full = run_cli(
        "press",
        "--db",
        str(demo_db_file),
        "--site",
        demo.BALIKPAPAN,
        "--through",
        "2025-09",
        "--lang",
        "en",
        "--full-year",
    )
    assert "the full year 2024 (12 months) recorded 29,158 visitors" in full.stdout


@pytest.mark.slow
def test_cli_press_unknown_site(demo_db_file):
    done = run_cli("press", "--db", str(demo_db_file), "--site", "MPP Atlantis", "--through", "2025-09")
    assert done.returncode == 2 and "MPP Atlantis" in done.stderr


def test_satisfaction_index_from_the_survey_data(demo_con):
    text = press_release_for(demo_con, demo.BALIKPAPAN, date(2024, 12, 1)).text()
    assert (
        "Indeks Kepuasan Masyarakat (IKM) MPP Kota Balikpapan tahun 2024 tercatat 95,20 dengan mutu "
        "pelayanan A (Sangat Baik)."
    ) in text
    english = press_release_for(demo_con, demo.BALIKPAPAN, date(2024, 12, 1), lang="en").text()
    assert (
        "The public satisfaction index (IKM) of MPP Kota Balikpapan for 2024 was 95.20, service grade A (Very good)."
        in english
    )


def test_a_new_outlet_has_no_previous_year_and_a_short_period_no_peak(demo_con):
    text = press_release_for(
        demo_con, "Mini MPP Kecamatan Loa Janan", date(2026, 2, 1), full_year=True
    ).text()
    assert "tahun 2025" not in text and "Puncak" not in text and "–" not in text
    assert "Sepanjang Januari-Februari 2026, Mini MPP Kecamatan Loa Janan mencatat" in text
