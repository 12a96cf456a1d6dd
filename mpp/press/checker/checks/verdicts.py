"""How a check words its verdict on a claim: right, wrong (with the likely cause), a note, or unchecked."""

from __future__ import annotations

from mpp import fmt
from mpp.period import Measure
from mpp.press.checker.claim import Claim
from mpp.press.checker.findings import Finding


def finding(status: str, claim: Claim, correct: str, cause: str | None = None, message: str = "") -> Finding:
    return Finding(status, claim.sentence, claim.quote, correct, cause, message)


def wrong(claim: Claim, correct: str, cause: str, message: str) -> Finding:
    return Finding("wrong", claim.sentence, claim.quote, correct, cause, message)


def note(claim: Claim, correct: str, message: str, cause: str = "wording") -> Finding:
    return Finding("note", claim.sentence, claim.quote, correct, cause, message)


def unchecked(claim: Claim, message: str) -> Finding:
    return Finding("unchecked", claim.sentence, claim.quote, message=message)


def no_data(claim: Claim, what: str) -> Finding:
    """No figure to check against: 'tidak ada data pengunjung di basis data.'"""
    return unchecked(claim, f"tidak ada data {what} di basis data.")


def same(stated: float, value: float | None, digits: int) -> bool:
    """Equal as printed: the product's own formatter decides the rounding."""
    return value is not None and fmt.number(stated, digits) == fmt.number(value, digits)


def other(measure: Measure) -> Measure:
    return Measure.SERVICE_VISITS if measure is Measure.VISITORS else Measure.VISITORS
