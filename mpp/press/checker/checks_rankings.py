"""Checks of peaks and rankings, averages, the number of agencies and the satisfaction index."""

from __future__ import annotations

from mpp import fmt
from mpp.period import Measure, Period
from mpp.press.checker.claims import Claim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, period_text


def _finding(status: str, claim: Claim, correct: str, cause: str | None = None, message: str = "") -> Finding:
    return Finding(status, claim.sentence, claim.quote, correct, cause, message)


# --- peak months ---------------------------------------------------------------------------------


def peaks_text(facts: Facts, scope: Period, n: int, measure: Measure) -> str:
    """'puncak Januari-September 2025: Juli 2025 (6.814 pengunjung), September 2025 (5.563), ...'."""
    found = facts.peaks(scope, measure, max(n, 3))
    items = [
        f"{fmt.month_label(m)} ({fmt.number(v)}{' ' + measure.label() if i == 0 else ''})"
        for i, (m, v) in enumerate(found)
    ]
    return f"puncak {period_text(scope)}: {', '.join(items)}"


def peak_scope(claim: Claim) -> Period:
    """The draft's period when it spans several months and the months lie in it, else the calendar
    year of the first month (its months with data: the year so far)."""
    months = [p.start for p in claim.value]
    span = claim.period
    if span and span.months > 1 and all(span.start <= m <= span.end for m in months):
        return claim.period
    return Period.full_year(months[0].year)


def check_peaks(claim: Claim, facts: Facts) -> Finding:
    months, scope = [p.start for p in claim.value], peak_scope(claim)
    measure, n = claim.measure or facts.headline, len(months)
    actual = [m for m, _ in facts.peaks(scope, measure, n)]
    if actual == months:
        return _finding("ok", claim, peaks_text(facts, scope, n, measure), message="urutan sesuai data.")
    if sorted(actual) == sorted(months):
        return _finding(
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
            return _finding(
                "wrong",
                claim,
                peaks_text(facts, shifted, n, measure),
                "other_year",
                f"bulan-bulan ini puncak {years}, bukan {months[0].year}; "
                f"{peaks_text(facts, scope, n, measure)}.",
            )
    return _finding(
        "wrong", claim, peaks_text(facts, scope, n, measure), "no_match", "bulan puncak tidak sesuai data."
    )


# --- agencies ------------------------------------------------------------------------------------


def ranking_text(facts: Facts, period: Period, n: int) -> str:
    top = facts.ranking(period)[: max(n, 1)]
    items = [f"{i}. {agency} {fmt.number(visits)}" for i, (agency, visits) in enumerate(top, 1)]
    return f"kunjungan layanan {period_text(period)}: {', '.join(items)}"


def check_agency_ranking(claim: Claim, facts: Facts) -> Finding:
    names = claim.value
    top = [agency for agency, _ in facts.ranking(claim.period)[: len(names)]]
    correct = ranking_text(facts, claim.period, len(names))
    if top == names:
        return _finding("ok", claim, correct, message="urutan instansi sesuai data.")
    if sorted(top) == sorted(names):
        return _finding("wrong", claim, correct, "swapped_order", "instansi yang sama, urutan berbeda.")
    return _finding("wrong", claim, correct, "no_match", "instansi teratas tidak sesuai data.")


def check_agencies_active(claim: Claim, facts: Facts) -> Finding:
    active = len(facts.ranking(claim.period))
    if not active:  # no agency data for the period: nothing to check against
        return Finding(
            "unchecked",
            claim.sentence,
            claim.quote,
            message=f"tidak ada data kunjungan layanan {period_text(claim.period)} di basis data.",
        )
    correct = f"{active} instansi dengan kunjungan layanan {period_text(claim.period)}"
    if active == claim.value:
        return _finding("ok", claim, correct, message="sesuai data.")
    return _finding("wrong", claim, correct, "no_match", "jumlah instansi tidak sesuai data.")


# --- averages and the satisfaction index ---------------------------------------------------------


def check_average(claim: Claim, facts: Facts) -> Finding:
    measure, period = claim.measure or facts.headline, claim.period
    months = facts.months_with_data(measure, period)
    if not months:
        return Finding(
            "unchecked",
            claim.sentence,
            claim.quote,
            message=f"tidak ada data {measure.label()} {period_text(period)}.",
        )
    total = facts.total(measure, period)
    average, (low, high) = total / months, claim.value
    correct = (
        f"rata-rata {fmt.number(round(average))} {measure.label()} per bulan {period_text(period)} "
        f"({fmt.number(total)} dalam {fmt.months_count(months)})"
    )
    if low != high:
        inside = low <= average <= high
        return _finding(
            "ok" if inside else "wrong",
            claim,
            correct,
            None if inside else "no_match",
            "rata-rata berada dalam rentang itu." if inside else "rata-rata di luar rentang itu.",
        )
    if round(average) == low:
        return _finding("ok", claim, correct, message="sesuai data.")
    if claim.extra.get("approx") and abs(average - low) <= 0.05 * average:
        return _finding("note", claim, correct, "rounding", "angka dibulatkan.")
    return _finding("wrong", claim, correct, "no_match", "rata-rata tidak sesuai data.")


def ikm_text(value, period: Period) -> str:
    """'IKM 2024 95,20 (mutu A, Sangat Baik)'."""
    from mpp.survey import skm

    grade = skm.grade(value)
    shown = fmt.number(skm.published(value), 2)
    return f"IKM {period_text(period)} {shown} (mutu {grade.letter}, {grade.label})"


def _surveyed_year(claim: Claim, facts: Facts):
    """A sentence that names no period may quote the index of an earlier year ("SKM 95,20"): the
    calendar year, of the last five, whose index it is."""
    for year in range(claim.period.end.year, claim.period.end.year - 5, -1):
        value = facts.satisfaction(Period.full_year(year))
        if value is not None and same_index(claim.value, value):
            return Period.full_year(year), value
    return None


def same_index(stated: float, value) -> bool:
    from mpp.survey import skm

    return fmt.number(stated, 2) == fmt.number(skm.published(value), 2)


def check_satisfaction(claim: Claim, facts: Facts) -> Finding:
    value = facts.satisfaction(claim.period) if claim.period else None
    if claim.period and not claim.extra["strict"] and (value is None or not same_index(claim.value, value)):
        found = _surveyed_year(claim, facts)
        if found:
            return _finding(
                "note",
                claim,
                ikm_text(found[1], found[0]),
                "wording",
                f"benar sebagai IKM {period_text(found[0])}; sebut tahunnya.",
            )
    if value is None:
        return Finding(
            "unchecked",
            claim.sentence,
            claim.quote,
            message=f"belum ada data survei kepuasan (SKM) {period_text(claim.period)} di basis data.",
        )
    correct = ikm_text(value, claim.period)
    if not same_index(claim.value, value):
        return _finding("wrong", claim, correct, "no_match", "nilai IKM tidak sesuai data.")
    if "persen" in claim.quote or "%" in claim.quote:
        return _finding("note", claim, correct, "wording", "IKM adalah indeks 25-100, bukan persen.")
    return _finding("ok", claim, correct, message="sesuai data.")


CHECKS = {
    "peaks": check_peaks,
    "agency_ranking": check_agency_ranking,
    "average": check_average,
    "agencies_active": check_agencies_active,
    "satisfaction": check_satisfaction,
}
