"""The satisfaction index (SKM / IKM, PermenPANRB 14/2017): exact arithmetic, grades, the weakest unsur.

NRR per unsur is the mean answer (1-4); IKM = (sum of NRR x 1/9) x 25. Everything is computed with
Fraction, so the weight 1/9 and every mean are exact and no float error can move a figure across a
grade boundary.

Rounding and grading, our choice: the index is rounded half-up to 2 decimals only for display, and the
grade is decided on that rounded value, the one an office publishes. A published 88,31 must read A:
grading the unrounded 88,305 as B would print "88,31 (B)", which contradicts the table of bounds any
reader checks against. Bounds are inclusive: A 88,31-100,00; B 76,61-88,30; C 65,00-76,60;
D 25,00-64,99.

Pure: no database, no IO. mpp/survey/report.py feeds it sums from the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from mpp import fmt
from mpp.text.catalogue import TEXT, t

UNSUR_CODES = ("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")
UNSUR = {code: t(f"skm_unsur_{code}") for code in UNSUR_CODES}  # code -> the regulation's name
# Age bands as survey forms print them; an exact age in a file is put in its band on load.
AGE_BANDS = (
    (0, 19, "< 20"),
    (20, 29, "20-29"),
    (30, 39, "30-39"),
    (40, 49, "40-49"),
    (50, 59, "50-59"),
    (60, 200, ">= 60"),
)
ANSWERS = range(1, 5)  # the 1-4 scale; anything else is refused at load, never converted
INDEX_FACTOR = 25  # turns a mean NRR on 1-4 into an index on 25-100


@dataclass(frozen=True)
class Grade:
    letter: str
    lowest: Decimal  # inclusive lower bound of the published (2-decimal) index

    @property
    def label(self) -> str:
        """Indonesian, as the regulation names it: 'Sangat Baik'."""
        return t(f"skm_grade_label_{self.letter}")

    @property
    def label_en(self) -> str:
        return t(f"skm_grade_label_{self.letter}", "en")

    def text(self) -> str:
        return f"{self.letter} ({self.label})"


GRADES = (
    Grade("A", Decimal("88.31")),
    Grade("B", Decimal("76.61")),
    Grade("C", Decimal("65.00")),
    Grade("D", Decimal("25.00")),
)
# Some offices print C as "Cukup" and D as "Kurang"; they are the same grades.
LETTER_SYNONYMS = {
    "sangat baik": "A",
    "baik": "B",
    "kurang baik": "C",
    "cukup": "C",
    "tidak baik": "D",
    "kurang": "D",
}


def age_band(age: int) -> str:
    """34 -> '30-39'."""
    return next(label for low, high, label in AGE_BANDS if low <= age <= high)


def unsur_name(code: str, lang: str = "id") -> str:
    """'Waktu' / 'Time'."""
    return t(f"skm_unsur_{code}", lang)


def group_label(dimension: str, value: str, lang: str = "id") -> str:
    """A respondent group as the reader's language names it: 'Laki-laki' / 'Male'. Indonesian keeps
    the file's own words; a group the catalogue does not know keeps them in English too."""
    key = f"skm_{dimension}_{re.sub(r'[^a-z0-9]+', '_', str(value).lower()).strip('_')}"
    return t(key, lang) if lang != "id" and key in TEXT else value


def nrr(total: int, count: int) -> Fraction:
    """Nilai rata-rata of one unsur: the mean answer, exact. nrr(215, 55) == Fraction(43, 11)."""
    if count <= 0:
        raise ValueError("an unsur without answers has no NRR")
    return Fraction(total, count)


def index(nrrs) -> Fraction:
    """IKM from the unsur NRRs with equal exact weights (1/9 for nine unsur), times 25."""
    nrrs = list(nrrs)
    if not nrrs:
        raise ValueError("no unsur, no index")
    weight = Fraction(1, len(nrrs))
    return sum((value * weight for value in nrrs), Fraction(0)) * INDEX_FACTOR


def published(value) -> Decimal:
    """The index as an office prints it: rounded half-up to 2 decimals (Fraction, Decimal or str)."""
    # A float goes through its shortest text: 88.305 means 88,305, not the binary 88.30499...
    exact = Fraction(str(value) if isinstance(value, float) else value)
    hundredths = (exact * 100 + Fraction(1, 2)).__floor__()
    return Decimal(hundredths) / 100


def grade(value) -> Grade:
    """The grade of an index, decided on its published 2-decimal value (bounds inclusive)."""
    shown = published(value)
    if not Decimal(25) <= shown <= Decimal(100):
        raise ValueError(f"IKM {shown} lies outside 25,00-100,00")
    return next(g for g in GRADES if shown >= g.lowest)


def grade_of_letter(text: str) -> Grade | None:
    """The grade a file prints ('A', 'b', 'Sangat Baik', 'Cukup'), or None if it is not one."""
    key = " ".join(str(text).split()).lower()
    letter = LETTER_SYNONYMS.get(key, key.upper())
    return next((g for g in GRADES if g.letter == letter), None)


def display(value, lang: str = "id") -> str:
    """Fraction(476, 5) -> '95,20': an exact value rounded half-up as published, Indonesian style
    (lang='en': '95.20')."""
    return fmt.number(published(value), 2, lang)


@dataclass(frozen=True)
class Survey:
    """The result of one group of respondents: NRR per unsur, index, grade, priority."""

    respondents: int
    nrr: dict[str, Fraction]  # 'U1' -> exact NRR, in unsur order
    label: str = ""  # what the group is: 'MPP Kota Balikpapan 2024'

    @property
    def ikm(self) -> Fraction:
        return index(self.nrr.values())

    @property
    def ikm_published(self) -> Decimal:
        return published(self.ikm)

    @property
    def grade(self) -> Grade:
        return grade(self.ikm)

    def priority(self) -> list[str]:
        """The unsur to improve first: the lowest NRR (every unsur tied at the lowest)."""
        lowest = min(self.nrr.values())
        return [code for code, value in self.nrr.items() if value == lowest]


def survey_from_sums(sums, respondents: int, label: str = "") -> Survey:
    """A Survey from (unsur, sum of answers, number of answers) rows, in any order."""
    by_code = {str(code).upper(): nrr(int(total), int(count)) for code, total, count in sums}
    ordered = {code: by_code[code] for code in UNSUR if code in by_code}
    return Survey(respondents=respondents, nrr=ordered, label=label)


def survey_from_answers(rows, label: str = "") -> Survey:
    """A Survey straight from answer rows, each a sequence of the nine answers U1..U9."""
    rows = [list(map(int, row)) for row in rows]
    sums = [(code, sum(row[i] for row in rows), len(rows)) for i, code in enumerate(UNSUR)]
    return survey_from_sums(sums, len(rows), label)
