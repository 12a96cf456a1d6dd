"""Reading a draft: sentences, numbers as written, months, periods and agencies (no database)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpp import fmt
from mpp.period import Period
from mpp.press.checker.reading import mentions, read_number, sentences

SPELLINGS = {
    "Disdukcapil": "Disdukcapil",
    "Perizinan": "DPMPTSP",
    "DPMPTSP": "DPMPTSP",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu": "DPMPTSP",
}


def named(sentence: str, year: int | None = 2025) -> list[tuple[str, str, object]]:
    return [(m.kind, m.text, m.value) for m in mentions(sentence, SPELLINGS, year)]


def test_sentences_keep_numbers_and_abbreviations_whole():
    text = (
        "Hingga September 2025 tercatat 41.481 pengunjung. DPMPTSP Kab. Paser mencatat 24,8 persen!\n"
        "Kepala Dinas, Senin (27/10/2025), menyebut angka itu."
    )
    assert sentences(text) == [
        "Hingga September 2025 tercatat 41.481 pengunjung.",
        "DPMPTSP Kab. Paser mencatat 24,8 persen!",
        "Kepala Dinas, Senin (27/10/2025), menyebut angka itu.",
    ]


def test_numbers_as_written():
    assert read_number("41.481") == (41481, "ok")
    assert read_number("24,8") == (24.8, "decimal")
    assert read_number("41,481") == (41481, "comma_thousands")
    assert read_number("41.48") == (4148, "malformed")
    assert read_number("41481") == (41481, "unformatted")
    assert read_number("27") == (27, "ok")


@pytest.mark.slow
@given(st.integers(min_value=0, max_value=10**9))
def test_every_figure_the_product_prints_reads_back(value):
    assert read_number(fmt.number(value)) == (value, "ok")


def test_periods_the_bps_way_and_months_taking_the_year_before_them():
    assert named("Hingga September 2025, disusul Agustus.") == [
        ("period", "Hingga September 2025", Period(date(2025, 1, 1), date(2025, 9, 1))),
        ("month", "Agustus", Period.month(date(2025, 8, 1))),
    ]
    assert named("Januari-September 2025 terhadap Januari–September 2024")[1][2] == Period(
        date(2024, 1, 1), date(2024, 9, 1)
    )
    assert named("sepanjang 2024")[0][2] == Period.full_year(2024)
    assert named("Oktober 2024-Maret 2025")[0][2] == Period(date(2024, 10, 1), date(2025, 3, 1))


def test_dates_years_and_days_are_not_figures_or_periods():
    assert named("Evaluasi digelar pada 16-17 Oktober 2024 di Balikpapan, Senin (27/10/2025).") == []
    assert named("Tahun 2024 tercatat 29.158 pengunjung.") == [
        ("period", "Tahun 2024", Period.full_year(2024)),
        ("number", "29.158", 29158),
    ]


def test_agencies_by_their_spellings_but_not_common_nouns():
    found = named(
        "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) mengurus perizinan."
    )
    assert [(k, v) for k, _, v in found] == [("agency", "DPMPTSP"), ("agency", "DPMPTSP")]
    assert named("DISDUKCAPIL melayani Perizinan")[0][2] == "Disdukcapil"
    assert named("DISDUKCAPIL melayani Perizinan")[1][2] == "DPMPTSP"


def test_references_take_the_period_they_refer_to():
    """'periode yang sama tahun 2024' is the same months in 2024; 'bulan tersebut' the month named
    before it in the sentence, else the first month of the last dated sentence (its subject: July, not
    the September it is compared with); 'periode ini' the current period; with nothing, nothing."""
    ytd = Period(date(2025, 1, 1), date(2025, 9, 1))
    found = named("Hingga September 2025 naik 92,3 persen dibandingkan periode yang sama tahun 2024.")
    assert found[-1] == ("period", "periode yang sama tahun 2024", ytd.shift_years(-1))
    found = mentions("Naik 8 persen dibandingkan periode yang sama tahun lalu.", SPELLINGS, 2025, main=ytd)
    assert [m.value for m in found if m.kind == "period"] == [ytd.shift_years(-1)]
    july = Period.month(date(2025, 7, 1))
    found = mentions(
        "Pada bulan tersebut tercatat 6.814 pengunjung.",
        SPELLINGS,
        2025,
        earlier=(ytd, july, Period.month(date(2025, 9, 1))),
    )
    assert [m.value for m in found if m.kind == "period"] == [july]
    found = mentions("Pada periode ini tercatat 41.481 pengunjung.", SPELLINGS, 2025, earlier=(july, ytd))
    assert [m.value for m in found if m.kind == "period"] == [ytd]
    assert [m.kind for m in mentions("Pada bulan tersebut tercatat 6.814 pengunjung.", SPELLINGS)] == [
        "number"
    ]
