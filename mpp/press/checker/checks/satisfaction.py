"""The satisfaction index: 'SKM sebesar 95,20 poin', against the survey answers in the store, as
published (two decimals); a sentence that names no year may quote an earlier year's index."""

from __future__ import annotations

from fractions import Fraction

from mpp import fmt
from mpp.period import Period
from mpp.press.checker.checks.verdicts import finding, unchecked
from mpp.press.checker.claim import SatisfactionClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, period_text
from mpp.survey import skm


def ikm_text(value: Fraction, period: Period) -> str:
    """'IKM 2024 95,20 (mutu A, Sangat Baik)'."""
    grade = skm.grade(value)
    shown = fmt.number(skm.published(value), 2)
    return f"IKM {period_text(period)} {shown} (mutu {grade.letter}, {grade.label})"


def _surveyed_year(claim: SatisfactionClaim, facts: Facts, period: Period) -> tuple[Period, Fraction] | None:
    """A sentence that names no period may quote the index of an earlier year ("SKM 95,20"): the
    calendar year, of the last five, whose index it is."""
    for year in range(period.end.year, period.end.year - 5, -1):
        value = facts.satisfaction(Period.full_year(year))
        if value is not None and same_index(claim.value, value):
            return Period.full_year(year), value
    return None


def same_index(stated: float, value: Fraction) -> bool:
    return fmt.number(stated, 2) == fmt.number(skm.published(value), 2)


def check_satisfaction(claim: SatisfactionClaim, facts: Facts) -> Finding:
    period = claim.period
    if period is None:  # the store has no data to date the figure by
        return unchecked(claim, "belum ada data survei kepuasan (SKM) di basis data.")
    value = facts.satisfaction(period)
    if not claim.strict and (value is None or not same_index(claim.value, value)):
        found = _surveyed_year(claim, facts, period)
        if found:
            return finding(
                "note",
                claim,
                ikm_text(found[1], found[0]),
                "wording",
                f"benar sebagai IKM {period_text(found[0])}; sebut tahunnya.",
            )
    if value is None:
        return unchecked(claim, f"belum ada data survei kepuasan (SKM) {period_text(period)} di basis data.")
    correct = ikm_text(value, period)
    if not same_index(claim.value, value):
        return finding("wrong", claim, correct, "no_match", "nilai IKM tidak sesuai data.")
    if "persen" in claim.quote or "%" in claim.quote:
        return finding("note", claim, correct, "wording", "IKM adalah indeks 25-100, bukan persen.")
    return finding("ok", claim, correct, message="sesuai data.")
