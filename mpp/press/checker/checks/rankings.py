"""Agency rankings: 'yang paling sering diakses ialah Disdukcapil, DPMPTSP, Bankaltimtara', the
agencies with the most service visits in the period, in order."""

from __future__ import annotations

from mpp import fmt
from mpp.period import Period
from mpp.press.checker.checks.verdicts import finding, no_data
from mpp.press.checker.claim import AgencyRankingClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, period_text


def ranking_text(facts: Facts, period: Period, n: int) -> str:
    top = facts.ranking(period)[: max(n, 1)]
    items = [f"{i}. {agency} {fmt.number(visits)}" for i, (agency, visits) in enumerate(top, 1)]
    return f"kunjungan layanan {period_text(period)}: {', '.join(items)}"


def check_agency_ranking(claim: AgencyRankingClaim, facts: Facts) -> Finding:
    if claim.period is None:  # the store has no data to date the ranking by
        return no_data(claim, "kunjungan layanan")
    names = list(claim.names)
    top = [agency for agency, _ in facts.ranking(claim.period)[: len(names)]]
    correct = ranking_text(facts, claim.period, len(names))
    if top == names:
        return finding("ok", claim, correct, message="urutan instansi sesuai data.")
    if sorted(top) == sorted(names):
        return finding("wrong", claim, correct, "swapped_order", "instansi yang sama, urutan berbeda.")
    return finding("wrong", claim, correct, "no_match", "instansi teratas tidak sesuai data.")
