"""Figures found but not in the store (visitors per day, kinds of services): reported, not checked."""

from __future__ import annotations

from mpp.press.checker.checks.verdicts import unchecked
from mpp.press.checker.claim import UncheckedClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding
from mpp.text.catalogue import t


def check_unchecked(claim: UncheckedClaim, facts: Facts) -> Finding:
    return unchecked(claim, t("unchecked_" + claim.reason))
