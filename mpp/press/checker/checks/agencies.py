"""The number of agencies: '27 instansi', those with service visits in the period."""

from __future__ import annotations

from mpp.press.checker.checks.verdicts import finding, no_data, unchecked
from mpp.press.checker.claim import AgenciesActiveClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, period_text


def check_agencies_active(claim: AgenciesActiveClaim, facts: Facts) -> Finding:
    if claim.period is None:  # the store has no data to date the figure by
        return no_data(claim, "kunjungan layanan")
    active = len(facts.ranking(claim.period))
    if not active:  # no agency data for the period: nothing to check against
        return unchecked(
            claim, f"tidak ada data kunjungan layanan {period_text(claim.period)} di basis data."
        )
    correct = f"{active} instansi dengan kunjungan layanan {period_text(claim.period)}"
    if active == claim.value:
        return finding("ok", claim, correct, message="sesuai data.")
    return finding("wrong", claim, correct, "no_match", "jumlah instansi tidak sesuai data.")
