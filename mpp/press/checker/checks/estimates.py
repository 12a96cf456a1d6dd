"""Estimates: 'diperkirakan 55.000-58.000 pengunjung hingga Desember 2025' against the range of the
year-end estimate (mpp.visits.estimate), the same the Tren dan Puncak page shows; and a count stated
as data for months not yet reported ('hingga Desember 2025 tercatat 56.000 pengunjung' in October),
which may only be written as an estimate."""

from __future__ import annotations

from datetime import date

from mpp import fmt
from mpp.period import Measure, Period
from mpp.press.checker.checks.verdicts import finding, unchecked, wrong
from mpp.press.checker.claim import CountClaim, EstimateClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding
from mpp.text.catalogue import t
from mpp.visits.estimate import NoEstimate, YearEndEstimate, year_end_estimate


def estimate_of(facts: Facts, year: int, measure: Measure) -> YearEndEstimate | NoEstimate:
    """The site's estimate of `year` from every complete month of it the store holds."""
    return year_end_estimate(facts.con, [facts.site], date(year, 12, 1), measure)


def estimate_text(found: YearEndEstimate) -> str:
    """'perkiraan 53.000-60.000 pengunjung hingga Desember 2025 (dari Januari-September 2025 ...)'."""
    return t(
        "estimate_check_correct",
        range=found.range_text(),
        measure=found.measure.label(),
        year=found.year,
        basis=found.basis_text(),
    )


def check_estimate(claim: EstimateClaim, facts: Facts) -> Finding:
    if claim.agency:
        return unchecked(claim, t("estimate_check_agency"))
    if claim.period is None or claim.period.end.month != 12:
        return unchecked(claim, t("estimate_check_month"))
    found = estimate_of(facts, claim.period.end.year, claim.measure or facts.headline)
    if isinstance(found, NoEstimate):
        return _without_estimate(claim, found)
    low, high = found.rounded()
    if low <= claim.low and claim.high <= high:
        return finding("ok", claim, estimate_text(found), message=t("estimate_check_inside"))
    message = t("estimate_check_outside", stated=claim.quote, range=found.range_text())
    return wrong(claim, estimate_text(found), "outside_estimate", message)


def _without_estimate(claim: EstimateClaim, found: NoEstimate) -> Finding:
    """A year already complete has its real total: an estimate of it is a note when it holds the
    total, else wrong. Otherwise there is no range to check against, and the finding says why."""
    if found.reason != "year_complete" or found.actual is None:
        return unchecked(claim, found.text())
    if claim.low <= found.actual <= claim.high:
        return finding("note", claim, "", "wording", found.text())
    return wrong(claim, "", "no_match", found.text())


def stated_as_fact(
    claim: CountClaim, facts: Facts, measure: Measure, period: Period, expected: int
) -> Finding | None:
    """A count (not an agency's) for a period running past the months with data, not equal to the
    data it has: a figure for months not yet reported, stated as data. It may only be an estimate."""
    latest = facts.latest(measure)
    if claim.agency or latest is None or period.end <= latest:
        return None
    found = estimate_of(facts, period.end.year, measure)
    values = {
        "month": fmt.month_label(period.end),
        "measure": measure.label(),
        "latest": fmt.month_label(latest),
    }
    if isinstance(found, NoEstimate):
        message = t("estimate_check_as_fact_none", reason=found.text(), **values)
        return wrong(claim, "", "estimate_as_fact", message)
    shown = f"{found.text()} ({found.basis_text()})"
    message = t("estimate_check_as_fact", estimate=shown, **values)
    return wrong(claim, estimate_text(found), "estimate_as_fact", message)
