"""Checks of the derived figures a draft states: shares, growth, comparisons, peaks, rankings,
averages, the number of agencies and the satisfaction index. Counts are in mpp/checker.py."""

from __future__ import annotations

from mpp import fmt
from mpp.period import Measure, Period
from mpp.press.checker.claims import Claim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, change_text, digit_slip, percent_text, period_text

SERVICE, VISITORS = Measure.SERVICE_VISITS, Measure.VISITORS


def same(stated: float, value: float | None, digits: int) -> bool:
    """Equal as printed: the product's own formatter decides the rounding."""
    return value is not None and fmt.number(stated, digits) == fmt.number(value, digits)


def _finding(status: str, claim: Claim, correct: str, cause: str | None = None, message: str = "") -> Finding:
    return Finding(status, claim.sentence, claim.quote, correct, cause, message)


# --- shares --------------------------------------------------------------------------------------


def check_share(claim: Claim, facts: Facts) -> Finding:
    if not claim.agency or claim.period is None:
        return Finding(
            "unchecked",
            claim.sentence,
            claim.quote,
            message="persentase tanpa instansi yang dapat diperiksa; tidak diperiksa.",
        )
    right = facts.share(claim.agency, claim.period)
    if right is None:
        return Finding(
            "unchecked",
            claim.sentence,
            claim.quote,
            message=f"tidak ada kunjungan layanan {claim.agency} {period_text(claim.period)}.",
        )
    digits, base = claim.extra["decimals"], claim.extra["base"]
    whole = facts.total(SERVICE, claim.period)
    visits = facts.total(SERVICE, claim.period, claim.agency)
    correct = (
        f"{percent_text(right, max(digits, 1))} dari seluruh {fmt.number(whole)} kunjungan layanan "
        f"{period_text(claim.period)} ({claim.agency} {fmt.number(visits)})"
    )
    if same(claim.value, right, digits):
        return _share_right(claim, facts, correct, base)
    return _share_wrong(claim, facts, correct, right)


def _visitor_base(claim: Claim, facts: Facts) -> str:
    wrong = facts.share(claim.agency, claim.period, VISITORS)
    visitors = facts.total(VISITORS, claim.period)
    if wrong is None:
        return ""
    return (
        f"{fmt.number(facts.total(SERVICE, claim.period, claim.agency))} dibagi "
        f"{fmt.number(visitors)} pengunjung memberi {percent_text(wrong)}, tetapi itu membagi "
        "kunjungan layanan dengan pengunjung: dua ukuran berbeda"
    )


def _share_right(claim: Claim, facts: Facts, correct: str, base: str | None) -> Finding:
    if claim.mention.form == "dot_decimal":
        return _finding(
            "wrong",
            claim,
            correct,
            "digit_typo",
            f"{claim.mention.text} memakai titik sebagai "
            f"tanda desimal; tulis {fmt.number(claim.value, claim.extra['decimals'])} persen.",
        )
    if base == "visitors":
        return _finding(
            "wrong",
            claim,
            correct,
            "wrong_base",
            "angka ini pangsa dari seluruh kunjungan layanan, bukan dari pengunjung; "
            f"{_visitor_base(claim, facts)}.",
        )
    if base == "service":
        return _finding("ok", claim, correct, message="sesuai data, basis disebut.")
    wrong = facts.share(claim.agency, claim.period, VISITORS)
    misread = (
        f" (dibagi {fmt.number(facts.total(VISITORS, claim.period))} pengunjung hasilnya "
        f"{percent_text(wrong)}: pembagian yang keliru, dua ukuran berbeda)"
        if wrong is not None
        else ""
    )
    return _finding(
        "note",
        claim,
        correct,
        "wording",
        'benar sebagai pangsa dari seluruh kunjungan layanan; sebut basisnya ("dari seluruh '
        f'kunjungan layanan") agar tidak dibaca sebagai pangsa pengunjung{misread}.',
    )


def _share_on_visitors(claim, facts, right):
    if same(claim.value, facts.share(claim.agency, claim.period, VISITORS), claim.extra["decimals"]):
        return "wrong_base", f"{_visitor_base(claim, facts)}."


def _share_rounding(claim, facts, right):
    digits = claim.extra["decimals"]  # within one unit of the last decimal written: 24,9 or 24 for 24,846
    if abs(claim.value - right) <= 10**-digits + 1e-9:
        return "rounding", f"{fmt.number(right, 3)} dibulatkan menjadi {fmt.number(right, digits)}."


def _share_typo(claim, facts, right):
    digits = claim.extra["decimals"]
    slip = digit_slip(claim.mention.text.replace(",", ""), fmt.number(right, digits).replace(",", ""))
    if slip:
        return "digit_typo", f"{claim.mention.text} vs {fmt.number(right, max(digits, 1))}: {slip}."


def _share_other_period(claim, facts, right):
    # Only spans of several months: with one decimal, some single month matches almost any share.
    for period in [p for p in facts.periods() if p.months > 1]:
        if same(claim.value, facts.share(claim.agency, period), claim.extra["decimals"]):
            return "other_period", f"{claim.quote} adalah pangsa {claim.agency} {period_text(period)}."


def _share_other_agency(claim, facts, right):
    for agency in facts.by_agency:
        if same(claim.value, facts.share(agency, claim.period), claim.extra["decimals"]):
            return "other_agency", f"{claim.quote} adalah pangsa {agency}."


# The likely causes of a wrong share, tried in this order: each returns (cause, explanation) or None.
SHARE_CAUSES = [_share_on_visitors, _share_rounding, _share_typo, _share_other_period, _share_other_agency]


def _share_wrong(claim: Claim, facts: Facts, correct: str, right: float) -> Finding:
    for cause in SHARE_CAUSES:
        found = cause(claim, facts, right)
        if found:
            return _finding("wrong", claim, correct, *found)
    return _finding("wrong", claim, correct, "no_match", "pangsa tidak cocok dengan data.")


# --- growth and comparisons ----------------------------------------------------------------------


def change(now: int | None, base: int | None) -> float | None:
    return (now - base) / base * 100 if now is not None and base else None


def like_for_like(facts: Facts, measure: Measure, period, agency=None, base=None) -> str:
    """'Januari-September 2025 terhadap Januari-September 2024: 41.481 terhadap 21.576 pengunjung, naik
    92,3 persen'. Against `base` when it is as long as the period (September against August 2025),
    else against the same months a year earlier: the comparison the draft should have made."""
    if base is None or base.months != period.months:
        base = period.shift_years(-1)
    now, then = facts.total(measure, period, agency), facts.total(measure, base, agency)
    if now is None or then is None or not facts.complete(measure, base, agency):
        return f"{period_text(period)} terhadap {period_text(base)}: data pembanding tidak lengkap"
    who = f" {agency}" if agency else ""
    return (
        f"{period_text(period)} terhadap {period_text(base)}: {fmt.number(now)} terhadap "
        f"{fmt.number(then)} {measure.label()}{who}, {change_text(change(now, then))}"
    )


def check_growth(claim: Claim, facts: Facts) -> Finding:
    measure = claim.measure or facts.headline
    current, base = claim.period, claim.extra["base"]
    now, then = facts.total(measure, current, claim.agency), facts.total(measure, base, claim.agency)
    fair = like_for_like(facts, measure, current, claim.agency, base)
    if now is None or then is None:
        return Finding("unchecked", claim.sentence, claim.quote, message=f"tidak ada data untuk {fair}.")
    if base.months != current.months:
        return _finding(
            "wrong",
            claim,
            fair,
            "unequal_periods",
            f"membandingkan {period_text(current)} ({fmt.months_count(current.months)}) dengan "
            f"{period_text(base)} ({fmt.months_count(base.months)}).",
        )
    stated, right, digits = claim.value, change(now, then), claim.extra["decimals"]
    if same(stated, right, digits):
        return _finding("ok", claim, fair, message=_rounded(right, digits) or "sesuai data.")
    naive = change(now, facts.total(measure, Period.full_year(current.end.year - 1), claim.agency))
    if same(stated, naive, digits):
        return _finding(
            "wrong",
            claim,
            fair,
            "unequal_periods",
            f"{claim.quote} membandingkan {period_text(current)} dengan setahun penuh "
            f"{current.end.year - 1}.",
        )
    # Within one unit of the last decimal written (93 for 92,3; 92,4 for 92,3): rounded the wrong way.
    if abs(stated - right) <= 10**-digits + 1e-9:
        return _finding(
            "wrong",
            claim,
            fair,
            "rounding",
            f"yang benar {change_text(right)}; dibulatkan "
            f"menjadi {percent_text(abs(right), digits)}, bukan {claim.quote}.",
        )
    return _finding("wrong", claim, fair, "wrong_growth", f"yang benar {change_text(right)}.")


def _rounded(right: float, digits: int) -> str | None:
    """A change written with fewer decimals than the product prints ('naik 92 persen' for 92,3) is
    right when it is that change rounded: the reader is told no more and no less than is true.
    BENAR, not CATATAN: a whole percent is the usual precision of a press text, not a slip."""
    if digits >= 1:
        return None
    return f"sesuai data: {change_text(right)}, dibulatkan menjadi {percent_text(abs(right), digits)}."


def check_comparison(claim: Claim, facts: Facts) -> Finding:
    current, base = claim.value
    measure = claim.measure or facts.headline
    fair = like_for_like(facts, measure, current.period, base=base.period)
    if current.period.months != base.period.months:
        return _finding(
            "wrong",
            claim,
            fair,
            "unequal_periods",
            f"{current.mention.text} ({period_text(current.period)}, "
            f"{fmt.months_count(current.period.months)}) dibandingkan dengan {base.mention.text} "
            f"({period_text(base.period)}, {fmt.months_count(base.period.months)}) bukan "
            "pertumbuhan; bandingkan periode yang sama panjang.",
        )
    grew = current.value >= base.value
    if grew == claim.extra["down"]:
        return _finding("wrong", claim, fair, "wrong_growth", "arah perubahan terbalik.")
    return _finding("ok", claim, fair, message="perbandingan setara.")


CHECKS = {"share": check_share, "growth": check_growth, "comparison": check_comparison}
