"""The year-end estimate in a press text: the statement gives it only as "diperkirakan ...", and the
draft checker checks such sentences against the estimate's range (mpp.visits.estimate), and flags a
figure for months not yet reported stated as data."""

from __future__ import annotations

import pytest

from mpp import demo
from mpp.press.checker.run import check_draft
from mpp.press.statement import press_release_for

SITE = demo.BALIKPAPAN
RANGE = "perkiraan 53.000-60.000 pengunjung hingga Desember 2025 (dari Januari-September 2025 dan pola musiman 2024)"


@pytest.fixture
def check(demo_con):
    return lambda text: check_draft(demo_con, SITE, text)


def finding(report, stated: str):
    found = [f for f in report.findings if f.stated == stated]
    assert len(found) == 1, [f.stated for f in report.findings]
    return found[0]


@pytest.mark.parametrize(
    ("draft", "stated"),
    [
        (
            "Jumlah pengunjung diperkirakan 55.000-58.000 pengunjung hingga Desember 2025.",
            "55.000-58.000 pengunjung",
        ),
        ("Hingga akhir tahun 2025, kunjungan diperkirakan mencapai 57.000 kunjungan.", "57.000 kunjungan"),
        ("By December 2025 the mall is estimated to reach 53.000-60.000 visitors.", "53.000-60.000 visitors"),
    ],
)
def test_an_estimate_inside_the_range_is_right(check, draft, stated):
    found = finding(check(draft), stated)
    assert (found.status, found.correct, found.message) == ("ok", RANGE, "dalam rentang perkiraan.")


def test_an_estimate_outside_the_range_is_wrong_and_says_the_range(check):
    found = finding(
        check("Hingga Desember 2025 diperkirakan 55.000-65.000 pengunjung."), "55.000-65.000 pengunjung"
    )
    assert (found.status, found.cause, found.correct) == ("wrong", "outside_estimate", RANGE)
    assert found.message == "55.000-65.000 pengunjung di luar rentang perkiraan 53.000-60.000."
    assert "Kemungkinan sebab: di luar rentang perkiraan." in found.line()


def test_an_estimate_stated_as_fact_for_months_not_reported_is_wrong(check):
    report = check("Hingga Desember 2025 jumlah pengunjung mencapai 56.000 orang.")
    found = finding(report, "56.000 orang")
    assert (found.status, found.cause, found.correct) == ("wrong", "estimate_as_fact", RANGE)
    assert found.message == (
        "Desember 2025 belum ada datanya (pengunjung tercatat hingga September 2025); angka untuk bulan "
        "yang belum dilaporkan hanya dapat ditulis sebagai perkiraan, mis. «diperkirakan 53.000-60.000 "
        "pengunjung hingga Desember 2025 (dari Januari-September 2025 dan pola musiman 2024)»."
    )
    assert report.has_errors


def test_a_figure_of_the_months_reported_is_still_a_fact(check):
    """41.481 is what January-September holds: no estimate is involved."""
    assert (
        finding(check("Hingga September 2025 tercatat 41.481 pengunjung."), "41.481 pengunjung").status
        == "ok"
    )


def test_an_estimate_of_a_complete_year_names_its_real_total(check):
    found = finding(
        check("Sepanjang 2024 diperkirakan 29.000-30.000 pengunjung."), "29.000-30.000 pengunjung"
    )
    assert (found.status, found.message) == (
        "note",
        "Tahun 2024 sudah lengkap: 29.158 pengunjung; tidak perlu perkiraan.",
    )
    wrong = finding(check("Sepanjang 2024 diperkirakan 31.000 pengunjung."), "31.000 pengunjung")
    assert wrong.status == "wrong"


def test_estimates_that_are_not_made_are_not_checked(check):
    month = finding(check("Diperkirakan 7.000 pengunjung pada Oktober 2025."), "7.000 pengunjung")
    agency = finding(
        check("Disdukcapil diperkirakan melayani 15.000 kunjungan layanan hingga Desember 2025."),
        "15.000 kunjungan layanan",
    )
    assert (month.status, agency.status) == ("unchecked", "unchecked")
    assert agency.message == "perkiraan per instansi tidak dihitung; tidak diperiksa."


def test_the_statement_gives_the_estimate_only_when_asked_and_the_checker_finds_it_right(demo_con):
    plain = press_release_for(demo_con, SITE)
    assert plain is not None and "diperkirakan" not in plain.text()
    release = press_release_for(demo_con, SITE, estimate=True)
    assert release is not None
    sentence = (
        "Berdasarkan data Januari-September 2025 dan pola musiman 2024, MPP Kota Balikpapan diperkirakan "
        "menerima 53.000-60.000 pengunjung hingga Desember 2025; angka ini perkiraan, bukan data."
    )
    assert sentence in release.paragraphs
    report = check_draft(demo_con, SITE, release.text())
    assert finding(report, "53.000-60.000 pengunjung").status == "ok"
    assert not report.has_errors
    english = press_release_for(demo_con, SITE, estimate=True, lang="en")
    assert english is not None and (
        "MPP Kota Balikpapan is estimated to reach 53,000-60,000 visitors by December 2025; this is an "
        "estimate, not data." in english.text()
    )


def test_no_estimate_sentence_where_none_can_be_made(demo_con):
    release = press_release_for(demo_con, demo.BALANGAN, estimate=True)
    assert release is not None and "diperkirakan" not in release.text()
