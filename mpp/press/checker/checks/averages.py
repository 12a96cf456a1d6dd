"""Averages: 'rata-rata 4.609 pengunjung per bulan' or '4.000 hingga 5.000 warga' a month, against
the total over the period's months with data."""

from __future__ import annotations

from mpp import fmt
from mpp.press.checker.checks.verdicts import finding, no_data, unchecked
from mpp.press.checker.claim import AverageClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, period_text


def check_average(claim: AverageClaim, facts: Facts) -> Finding:
    measure, period = claim.measure or facts.headline, claim.period
    if period is None:  # the store has no data to date the figure by
        return no_data(claim, measure.label())
    months = facts.months_with_data(measure, period)
    total = facts.total(measure, period)
    if not months or total is None:
        return unchecked(claim, f"tidak ada data {measure.label()} {period_text(period)}.")
    average, low, high = total / months, claim.low, claim.high
    correct = (
        f"rata-rata {fmt.number(round(average))} {measure.label()} per bulan {period_text(period)} "
        f"({fmt.number(total)} dalam {fmt.months_count(months)})"
    )
    if low != high:
        inside = low <= average <= high
        return finding(
            "ok" if inside else "wrong",
            claim,
            correct,
            None if inside else "no_match",
            "rata-rata berada dalam rentang itu." if inside else "rata-rata di luar rentang itu.",
        )
    if round(average) == low:
        return finding("ok", claim, correct, message="sesuai data.")
    if claim.approx and abs(average - low) <= 0.05 * average:
        return finding("note", claim, correct, "rounding", "angka dibulatkan.")
    return finding("wrong", claim, correct, "no_match", "rata-rata tidak sesuai data.")
