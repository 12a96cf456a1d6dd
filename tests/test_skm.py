"""The satisfaction index: exact arithmetic, grades at their bounds, the demo figures, the command line.
Loading the real survey files is tested in tests/test_skm_load.py."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpp import demo
from mpp.__main__ import main
from mpp.store import db
from mpp.survey import report, skm


@pytest.mark.parametrize(
    "value, letter, label",
    [
        ("100", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("25", "D", "Tidak Baik"),
    ],
)
def test_grade_bounds_are_inclusive(value, letter, label):
    assert skm.grade(value).letter == letter
    assert skm.grade(Decimal(value)).label == label
    assert skm.grade(float(value)).letter == letter  # 88.31 as a float is still A


def test_grade_is_decided_on_the_published_two_decimals():
    # 88,305 is printed 88,31, so it must read A; 88,30499... is printed 88,30: B.
    assert skm.published(Fraction(88305, 1000)) == Decimal("88.31")
    assert skm.grade(Fraction(88305, 1000)).letter == "A"
    assert skm.grade(Fraction(8830499, 100000)).letter == "B"
    assert skm.grade(Fraction(7660499, 100000)).letter == "C"


def test_every_published_value_has_the_grade_of_its_bounds():
    """All 7.501 two-decimal values from 25,00 to 100,00 against the table of bounds."""
    bounds = [("A", 8831, 10000), ("B", 7661, 8830), ("C", 6500, 7660), ("D", 2500, 6499)]
    for hundredths in range(2500, 10001):
        want = next(letter for letter, low, high in bounds if low <= hundredths <= high)
        assert skm.grade(Decimal(hundredths) / 100).letter == want, hundredths


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=60))
def test_index_is_exactly_25_s_over_9n(rows):
    """With every unsur answered, IKM = 25 x (sum of all answers) / (9 x respondents), exactly."""
    survey = skm.survey_from_answers(rows)
    total = sum(map(sum, rows))
    assert survey.ikm == Fraction(25 * total, 9 * len(rows))
    assert 25 <= survey.ikm <= 100
    assert survey.grade == skm.grade(skm.published(survey.ikm))
    assert min(survey.nrr.values()) == survey.nrr[survey.priority()[0]]


def test_index_outside_the_scale_has_no_grade():
    with pytest.raises(ValueError):
        skm.grade("24.99")
    with pytest.raises(ValueError):
        skm.grade("100.01")


def test_printed_grade_synonyms():
    assert skm.grade_of_letter("a").letter == "A"
    assert skm.grade_of_letter("Cukup").letter == "C"
    assert skm.grade_of_letter(" Sangat  Baik ").letter == "A"
    assert skm.grade_of_letter("Kurang").letter == "D"
    assert skm.grade_of_letter("E") is None


def test_the_weight_one_ninth_is_exact():
    # Float arithmetic gives 0.9999999999999999 for nine ninths; Fraction gives exactly 1.
    assert skm.index([Fraction(1)] * 9) == 25
    assert skm.index([Fraction(4)] * 9) == 100
    survey = skm.survey_from_answers([[4, 4, 4, 4, 4, 4, 4, 4, 3]])
    assert survey.ikm == Fraction(25 * 35, 9)  # 97,222...
    assert skm.display(survey.ikm) == "97,22"


def test_priority_is_the_lowest_unsur_with_ties():
    survey = skm.survey_from_answers([[4, 4, 3, 4, 4, 4, 4, 3, 4], [4, 4, 3, 4, 4, 4, 4, 3, 4]])
    assert survey.priority() == ["U3", "U8"]
    assert [skm.UNSUR[c] for c in survey.priority()] == ["Waktu", "Sarana dan Prasarana"]


def test_half_up_rounding_for_display():
    assert skm.display(Fraction(476, 5)) == "95,20"
    assert skm.display(Fraction(93745, 1000)) == "93,75"  # half-up, not half-even (93,74)
    assert skm.display(Fraction(93735, 1000)) == "93,74"


def test_age_bands():
    assert [skm.age_band(a) for a in (17, 20, 34, 59, 60, 81)] == [
        "< 20",
        "20-29",
        "30-39",
        "50-59",
        ">= 60",
        ">= 60",
    ]


@pytest.mark.parametrize(
    "site, year, text, respondents",
    [(demo.BALIKPAPAN, "2024", "95,20", 500), (demo.KUKAR, "2023", "93,11", 2500)],
)
def test_demo_reproduces_the_seed_indices_exactly(demo_con, site, year, text, respondents):
    survey = report.site_survey(demo_con, site, report.parse_period(year))
    assert skm.display(survey.ikm) == text
    assert survey.ikm == Fraction(text.replace(",", "."))  # exact, not merely rounded
    assert survey.respondents == respondents
    assert survey.grade.letter == "A"


def test_demo_answers_are_on_the_scale_and_per_agency(demo_con):
    low, high = demo_con.execute("SELECT min(answer), max(answer) FROM skm_answers").fetchall()[0]
    assert (low, high) == (2, 4)
    agencies = report.agency_surveys(demo_con, demo.KUKAR, report.parse_period("2023"))
    assert sum(a.respondents for a in agencies) == 2500
    assert all(a.grade.letter == "A" for a in agencies)


def test_trend_and_demographics(demo_con):
    years = report.trend(demo_con, demo.KUKAR, report.parse_period("2023..2024"))
    assert [(s.label, skm.display(s.ikm)) for _, s in years] == [("2023", "93,11"), ("2024", "93,78")]
    months = report.trend(demo_con, demo.BALIKPAPAN, report.parse_period("2024"), grain="month")
    assert len(months) == 12 and sum(s.respondents for _, s in months) == 500
    groups = report.demographics(demo_con, demo.BALIKPAPAN, report.parse_period("2024"))
    assert set(groups) == {"sex", "age_band", "education", "occupation"}
    assert sum(s.respondents for s in groups["sex"]) == 500
    with pytest.raises(ValueError):
        report.trend(demo_con, demo.KUKAR, report.parse_period("2023"), grain="week")


def test_cli_json(demo_db_file, capsys):
    assert (
        main(["skm", "--db", str(demo_db_file), "--site", demo.BALIKPAPAN, "--period", "2024", "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert {"ikm", "grade", "respondents", "unsur", "grade_label", "priority"} <= set(data)
    assert (data["ikm"], data["ikm_text"], data["grade"]) == (95.2, "95,20", "A")
    assert data["grade_label"] == "Sangat Baik" and data["respondents"] == 500
    assert [u["unsur"] for u in data["unsur"]] == [f"U{i}" for i in range(1, 10)]
    assert all(set(u) >= {"unsur", "nrr"} for u in data["unsur"])
    assert sum(u["nrr"] for u in data["unsur"]) / 9 * 25 == pytest.approx(95.2)
    assert data["priority"][0]["unsur"] == "U3"


def test_cli_one_agency(demo_db_file, capsys):
    assert (
        main(
            [
                "skm",
                "--db",
                str(demo_db_file),
                "--site",
                demo.KUKAR,
                "--period",
                "2023",
                "--agency",
                "Samsat",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    with db.connect(demo_db_file, read_only=True) as con:
        samsat = next(
            s
            for s in report.agency_surveys(con, demo.KUKAR, report.parse_period("2023"))
            if s.label == "Samsat"
        )
    assert (data["agency"], data["ikm_text"], data["respondents"]) == (
        "Samsat",
        skm.display(samsat.ikm),
        samsat.respondents,
    )
    assert sum(s["respondents"] for s in data["demographics"]["sex"]) == samsat.respondents


def test_cli_text_and_errors(demo_db_file, capsys):
    assert main(["skm", "--db", str(demo_db_file), "--site", demo.KUKAR]) == 0  # latest year
    out = capsys.readouterr().out
    assert "IKM 93,78, mutu A (Sangat Baik)" in out and "Prioritas perbaikan: U3 Waktu" in out
    assert main(["skm", "--db", str(demo_db_file), "--site", "MPP Entah"]) == 2
    assert main(["skm", "--db", str(demo_db_file), "--site", demo.KUKAR, "--period", "2019"]) == 1
    assert "Tidak ada jawaban SKM" in capsys.readouterr().err


def test_undo_gives_the_survey_back(demo_db):
    """A second load of the same slice supersedes the first; undoing it restores the first."""
    from mpp.access.accounts import COMMAND_LINE
    from mpp.demo import survey as demo_skm
    from mpp.store import ledger

    with db.connect(demo_db) as con:
        before = report.site_survey(con, demo.KUKAR, report.parse_period("2023")).ikm
        with db.transaction(con):
            load_id = demo_skm._load(con, *_kukar_2023_again(con))
        again = report.site_survey(con, demo.KUKAR, report.parse_period("2023"))
        assert again.respondents == 2500 and again.nrr["U3"] == 2 and again.ikm < before
        with db.transaction(con):
            ledger.undo(con, COMMAND_LINE, load_id)
        assert report.site_survey(con, demo.KUKAR, report.parse_period("2023")).ikm == before


def _kukar_2023_again(con: duckdb.DuckDBPyConnection):
    """The same respondents (so the same slices) with every U3 answer corrected to 2."""
    frame = (
        con.execute(
            "SELECT r.*, a.name AS agency FROM skm_responses r JOIN agencies a "
            "USING (agency_id) JOIN sites s USING (site_id) WHERE s.name = ? "
            "AND year(r.day) = 2023",
            [demo.KUKAR],
        )
        .df()
        .assign(u3=2)
    )
    return int(frame["site_id"].iloc[0]), demo.KUKAR, frame.drop(columns=["agency_id"])
