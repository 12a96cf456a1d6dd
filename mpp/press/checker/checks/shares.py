"""Shares: '24,8 persen (dari seluruh kunjungan layanan)', an agency's service visits in percent of
all service visits, the one base the product uses; a share of visitors is the likely wrong base."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mpp import fmt
from mpp.period import Measure, Period
from mpp.press.checker.checks.verdicts import finding, same, unchecked
from mpp.press.checker.claim import ShareClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, digit_slip, percent_text, period_text

SERVICE, VISITORS = Measure.SERVICE_VISITS, Measure.VISITORS


def check_share(claim: ShareClaim, facts: Facts) -> Finding:
    if not claim.agency or claim.period is None:
        return unchecked(claim, "persentase tanpa instansi yang dapat diperiksa; tidak diperiksa.")
    right = facts.share(claim.agency, claim.period)
    if right is None:
        return unchecked(claim, f"tidak ada kunjungan layanan {claim.agency} {period_text(claim.period)}.")
    digits, base = claim.decimals, claim.base
    whole = facts.total(SERVICE, claim.period)
    visits = facts.total(SERVICE, claim.period, claim.agency)
    correct = (
        f"{percent_text(right, max(digits, 1))} dari seluruh {fmt.number(whole)} kunjungan layanan "
        f"{period_text(claim.period)} ({claim.agency} {fmt.number(visits)})"
    )
    if same(claim.value, right, digits):
        return _share_right(claim, facts, claim.agency, claim.period, correct, base)
    return _share_wrong(claim, facts, Owner(claim.agency, claim.period), correct, right)


def _visitor_base(facts: Facts, agency: str, period: Period) -> str:
    wrong = facts.share(agency, period, VISITORS)
    visitors = facts.total(VISITORS, period)
    if wrong is None:
        return ""
    return (
        f"{fmt.number(facts.total(SERVICE, period, agency))} dibagi "
        f"{fmt.number(visitors)} pengunjung memberi {percent_text(wrong)}, tetapi itu membagi "
        "kunjungan layanan dengan pengunjung: dua ukuran berbeda"
    )


def _share_right(
    claim: ShareClaim, facts: Facts, agency: str, period: Period, correct: str, base: str | None
) -> Finding:
    if claim.mention.form == "dot_decimal":
        return finding(
            "wrong",
            claim,
            correct,
            "digit_typo",
            f"{claim.mention.text} memakai titik sebagai "
            f"tanda desimal; tulis {fmt.number(claim.value, claim.decimals)} persen.",
        )
    if base == "visitors":
        return finding(
            "wrong",
            claim,
            correct,
            "wrong_base",
            "angka ini pangsa dari seluruh kunjungan layanan, bukan dari pengunjung; "
            f"{_visitor_base(facts, agency, period)}.",
        )
    if base == "service":
        return finding("ok", claim, correct, message="sesuai data, basis disebut.")
    wrong = facts.share(agency, period, VISITORS)
    misread = (
        f" (dibagi {fmt.number(facts.total(VISITORS, period))} pengunjung hasilnya "
        f"{percent_text(wrong)}: pembagian yang keliru, dua ukuran berbeda)"
        if wrong is not None
        else ""
    )
    return finding(
        "note",
        claim,
        correct,
        "wording",
        'benar sebagai pangsa dari seluruh kunjungan layanan; sebut basisnya ("dari seluruh '
        f'kunjungan layanan") agar tidak dibaca sebagai pangsa pengunjung{misread}.',
    )


@dataclass(frozen=True)
class Owner:
    """The agency and period a checkable share is about."""

    agency: str
    period: Period


Explained = tuple[str, str] | None  # (cause, explanation)


def _share_on_visitors(claim: ShareClaim, facts: Facts, owner: Owner, right: float) -> Explained:
    if same(claim.value, facts.share(owner.agency, owner.period, VISITORS), claim.decimals):
        return "wrong_base", f"{_visitor_base(facts, owner.agency, owner.period)}."
    return None


def _share_rounding(claim: ShareClaim, facts: Facts, owner: Owner, right: float) -> Explained:
    digits = claim.decimals  # within one unit of the last decimal written: 24,9 or 24 for 24,846
    if abs(claim.value - right) <= 10**-digits + 1e-9:
        return "rounding", f"{fmt.number(right, 3)} dibulatkan menjadi {fmt.number(right, digits)}."
    return None


def _share_typo(claim: ShareClaim, facts: Facts, owner: Owner, right: float) -> Explained:
    digits = claim.decimals
    slip = digit_slip(claim.mention.text.replace(",", ""), fmt.number(right, digits).replace(",", ""))
    if slip:
        return "digit_typo", f"{claim.mention.text} vs {fmt.number(right, max(digits, 1))}: {slip}."
    return None


def _share_other_period(claim: ShareClaim, facts: Facts, owner: Owner, right: float) -> Explained:
    # Only spans of several months: with one decimal, some single month matches almost any share.
    for period in [p for p in facts.periods() if p.months > 1]:
        if same(claim.value, facts.share(owner.agency, period), claim.decimals):
            return "other_period", f"{claim.quote} adalah pangsa {owner.agency} {period_text(period)}."
    return None


def _share_other_agency(claim: ShareClaim, facts: Facts, owner: Owner, right: float) -> Explained:
    for agency in facts.by_agency:
        if same(claim.value, facts.share(agency, owner.period), claim.decimals):
            return "other_agency", f"{claim.quote} adalah pangsa {agency}."
    return None


# The likely causes of a wrong share, tried in this order: each returns (cause, explanation) or None.
SHARE_CAUSES: list[Callable[[ShareClaim, Facts, Owner, float], Explained]] = [
    _share_on_visitors,
    _share_rounding,
    _share_typo,
    _share_other_period,
    _share_other_agency,
]


def _share_wrong(claim: ShareClaim, facts: Facts, owner: Owner, correct: str, right: float) -> Finding:
    for cause in SHARE_CAUSES:
        found = cause(claim, facts, owner, right)
        if found:
            return finding("wrong", claim, correct, *found)
    return finding("wrong", claim, correct, "no_match", "pangsa tidak cocok dengan data.")
