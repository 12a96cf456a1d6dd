"""Peak months: 'Puncak kunjungan terjadi pada Juli 2025, disusul September dan Agustus', the
busiest months of the draft's period (or of the first month's year), in order."""

from __future__ import annotations

from mpp import fmt
from mpp.period import Measure, Period
from mpp.press.checker.checks.verdicts import finding
from mpp.press.checker.claim import PeaksClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, period_text


def peaks_text(facts: Facts, scope: Period, n: int, measure: Measure) -> str:
    """'puncak Januari-September 2025: Juli 2025 (6.814 pengunjung), September 2025 (5.563), ...'."""
    found = facts.peaks(scope, measure, max(n, 3))
    items = [
        f"{fmt.month_label(m)} ({fmt.number(v)}{' ' + measure.label() if i == 0 else ''})"
        for i, (m, v) in enumerate(found)
    ]
    return f"puncak {period_text(scope)}: {', '.join(items)}"


def check_peaks(claim: PeaksClaim, facts: Facts) -> Finding:
    months, scope = [p.start for p in claim.months], claim.scope()
    measure, n = claim.measure or facts.headline, len(months)
    actual = [m for m, _ in facts.peaks(scope, measure, n)]
    if actual == months:
        return finding("ok", claim, peaks_text(facts, scope, n, measure), message="urutan sesuai data.")
    if sorted(actual) == sorted(months):
        return finding(
            "wrong",
            claim,
            peaks_text(facts, scope, n, measure),
            "swapped_months",
            "bulan yang sama, urutan berbeda.",
        )
    for years in sorted({m.year for m in facts.monthly(measure)} - {months[0].year}):
        shifted = scope.shift_years(years - months[0].year)
        found = [m for m, _ in facts.peaks(shifted, measure, n)]
        if [m.month for m in found] == [m.month for m in months]:
            return finding(
                "wrong",
                claim,
                peaks_text(facts, shifted, n, measure),
                "other_year",
                f"bulan-bulan ini puncak {years}, bukan {months[0].year}; "
                f"{peaks_text(facts, scope, n, measure)}.",
            )
    return finding(
        "wrong", claim, peaks_text(facts, scope, n, measure), "no_match", "bulan puncak tidak sesuai data."
    )
