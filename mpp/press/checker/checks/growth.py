"""Growth: 'naik 92,3 persen dibandingkan periode yang sama tahun 2024', the change of the period
against its base. Right when equal as printed; nine months against a full year is the likely wrong
base, and the like-for-like comparison is what the draft should have written."""

from __future__ import annotations

from mpp import fmt
from mpp.period import Measure, Period
from mpp.press.checker.checks.verdicts import finding, no_data, same, unchecked
from mpp.press.checker.claim import GrowthClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, change_text, percent_text, period_text


def change(now: int | None, base: int | None) -> float | None:
    return (now - base) / base * 100 if now is not None and base else None


def like_for_like(
    facts: Facts, measure: Measure, period: Period, agency: str | None = None, base: Period | None = None
) -> str:
    """'Januari-September 2025 terhadap Januari-September 2024: 41.481 terhadap 21.576 pengunjung, naik
    92,3 persen'. Against `base` when it is as long as the period (September against August 2025),
    else against the same months a year earlier: the comparison the draft should have made."""
    if base is None or base.months != period.months:
        base = period.shift_years(-1)
    now, then = facts.total(measure, period, agency), facts.total(measure, base, agency)
    growth = change(now, then)
    if now is None or then is None or growth is None or not facts.complete(measure, base, agency):
        return f"{period_text(period)} terhadap {period_text(base)}: data pembanding tidak lengkap"
    who = f" {agency}" if agency else ""
    return (
        f"{period_text(period)} terhadap {period_text(base)}: {fmt.number(now)} terhadap "
        f"{fmt.number(then)} {measure.label()}{who}, {change_text(growth)}"
    )


def check_growth(claim: GrowthClaim, facts: Facts) -> Finding:
    measure = claim.measure or facts.headline
    current, base = claim.period, claim.base
    if current is None or base is None:  # the store has no data to date the figure by
        return no_data(claim, measure.label())
    now, then = facts.total(measure, current, claim.agency), facts.total(measure, base, claim.agency)
    fair = like_for_like(facts, measure, current, claim.agency, base)
    right = change(now, then)
    if now is None or right is None:  # no figures, or none in the base to grow from
        return unchecked(claim, f"tidak ada data untuk {fair}.")
    if base.months != current.months:
        return finding(
            "wrong",
            claim,
            fair,
            "unequal_periods",
            f"membandingkan {period_text(current)} ({fmt.months_count(current.months)}) dengan "
            f"{period_text(base)} ({fmt.months_count(base.months)}).",
        )
    stated, digits = claim.value, claim.decimals
    if same(stated, right, digits):
        return finding("ok", claim, fair, message=_rounded(right, digits) or "sesuai data.")
    naive = change(now, facts.total(measure, Period.full_year(current.end.year - 1), claim.agency))
    if same(stated, naive, digits):
        return finding(
            "wrong",
            claim,
            fair,
            "unequal_periods",
            f"{claim.quote} membandingkan {period_text(current)} dengan setahun penuh "
            f"{current.end.year - 1}.",
        )
    # Within one unit of the last decimal written (93 for 92,3; 92,4 for 92,3): rounded the wrong way.
    if abs(stated - right) <= 10**-digits + 1e-9:
        return finding(
            "wrong",
            claim,
            fair,
            "rounding",
            f"yang benar {change_text(right)}; dibulatkan "
            f"menjadi {percent_text(abs(right), digits)}, bukan {claim.quote}.",
        )
    return finding("wrong", claim, fair, "wrong_growth", f"yang benar {change_text(right)}.")


def _rounded(right: float, digits: int) -> str | None:
    """A change written with fewer decimals than the product prints ('naik 92 persen' for 92,3) is
    right when it is that change rounded: the reader is told no more and no less than is true.
    BENAR, not CATATAN: a whole percent is the usual precision of a press text, not a slip."""
    if digits >= 1:
        return None
    return f"sesuai data: {change_text(right)}, dibulatkan menjadi {percent_text(abs(right), digits)}."
