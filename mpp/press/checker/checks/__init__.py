"""The checks of a draft's claims: one module per kind of claim, registered in `CHECKS` (kind ->
check). A check takes its claim and the store's figures (`Facts`) and returns one `Finding`.

A new kind of claim is a dataclass in mpp/press/checker/claim.py, a builder in claims.py, a module
here and one line in `CHECKS`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mpp.press.checker.checks.agencies import check_agencies_active
from mpp.press.checker.checks.averages import check_average
from mpp.press.checker.checks.comparisons import check_comparison
from mpp.press.checker.checks.counts import check_count
from mpp.press.checker.checks.estimates import check_estimate
from mpp.press.checker.checks.growth import check_growth
from mpp.press.checker.checks.peaks import check_peaks
from mpp.press.checker.checks.rankings import check_agency_ranking
from mpp.press.checker.checks.satisfaction import check_satisfaction
from mpp.press.checker.checks.shares import check_share
from mpp.press.checker.checks.unchecked import check_unchecked
from mpp.press.checker.claim import Claim, ClaimKind
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding

# Each check takes the claim class of its kind (CountClaim for COUNT, ...): `check` dispatches on it.
Check = Callable[[Any, Facts], Finding]

CHECKS: dict[ClaimKind, Check] = {
    ClaimKind.COUNT: check_count,
    ClaimKind.SHARE: check_share,
    ClaimKind.GROWTH: check_growth,
    ClaimKind.COMPARISON: check_comparison,
    ClaimKind.PEAKS: check_peaks,
    ClaimKind.AGENCY_RANKING: check_agency_ranking,
    ClaimKind.AVERAGE: check_average,
    ClaimKind.AGENCIES_ACTIVE: check_agencies_active,
    ClaimKind.SATISFACTION: check_satisfaction,
    ClaimKind.ESTIMATE: check_estimate,
    ClaimKind.UNCHECKED: check_unchecked,
}


def check(claim: Claim, facts: Facts) -> Finding:
    """The finding on one claim, by the check registered for its kind."""
    return CHECKS[claim.kind](claim, facts)
