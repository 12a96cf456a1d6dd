"""Comparisons: '41.481 ..., meningkat dibandingkan 29.158 pengunjung sepanjang 2024', two counts
called growth without a percent. Right when the periods are equally long and the direction is the
one written; nine months against twelve is not growth."""

from __future__ import annotations

from mpp import fmt
from mpp.press.checker.checks.growth import like_for_like
from mpp.press.checker.checks.verdicts import finding, no_data
from mpp.press.checker.claim import ComparisonClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, period_text


def check_comparison(claim: ComparisonClaim, facts: Facts) -> Finding:
    current, base = claim.current, claim.base
    measure = claim.measure or facts.headline
    now, then = current.period, base.period
    if now is None or then is None:  # not made: the builder compares dated counts only
        return no_data(claim, measure.label())
    fair = like_for_like(facts, measure, now, base=then)
    if now.months != then.months:
        return finding(
            "wrong",
            claim,
            fair,
            "unequal_periods",
            f"{current.mention.text} ({period_text(now)}, "
            f"{fmt.months_count(now.months)}) dibandingkan dengan {base.mention.text} "
            f"({period_text(then)}, {fmt.months_count(then.months)}) bukan "
            "pertumbuhan; bandingkan periode yang sama panjang.",
        )
    grew = current.value >= base.value
    if grew == claim.down:
        return finding("wrong", claim, fair, "wrong_growth", "arah perubahan terbalik.")
    return finding("ok", claim, fair, message="perbandingan setara.")
