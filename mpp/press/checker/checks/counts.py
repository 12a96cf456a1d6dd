"""Counts: '41.481 pengunjung Januari-September 2025', 'sekitar 41.500 orang', '11.315 kunjungan
layanan Disdukcapil'. A count is right when it equals the store's figure for the period the sentence
gives it (or, when the sentence does not tie it to one, another period it names); when it does not,
the likely causes are tried in a fixed order (`COUNT_CAUSES`)."""

from __future__ import annotations

from collections.abc import Callable

from mpp import fmt
from mpp.period import Measure, Period
from mpp.press.checker.checks.estimates import stated_as_fact
from mpp.press.checker.checks.verdicts import finding, no_data, note, other, wrong
from mpp.press.checker.claim import CountClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding, count_text, digit_slip, period_text


def check_count(claim: CountClaim, facts: Facts) -> Finding:
    measures = [claim.measure] if claim.measure else [facts.headline, other(facts.headline)]
    if claim.period is None:  # the store has no data to date the figure by
        return no_data(claim, measures[0].label())
    periods = [claim.period] + ([] if claim.strict else list(claim.others))
    for period in periods:
        for measure in measures:
            if facts.total(measure, period, claim.agency) == claim.value:
                return count_right(claim, measure, period)
    expected = facts.total(measures[0], claim.period, claim.agency)
    if expected is None:
        who = f" {claim.agency}" if claim.agency else ""
        return no_data(claim, f"{measures[0].label()}{who} {period_text(claim.period)}")
    for cause in COUNT_CAUSES:
        found = cause(claim, facts, measures[0], claim.period, expected)
        if found:
            return found
    return wrong(
        claim,
        count_text(expected, measures[0], claim.period, claim.agency),
        "no_match",
        "angka ini tidak ditemukan pada periode, ukuran atau instansi mana pun di data.",
    )


def count_right(claim: CountClaim, measure: Measure, period: Period) -> Finding:
    correct = count_text(claim.value, measure, period, claim.agency)
    written = claim.mention.form
    if written == "comma_thousands":
        return wrong(
            claim,
            correct,
            "digit_typo",
            f"{claim.mention.text} memakai koma sebagai pemisah "
            "ribuan; dalam bahasa Indonesia koma adalah tanda desimal. "
            f"Tulis {fmt.number(claim.value)}.",
        )
    if written == "unformatted":
        return note(claim, correct, f"tulis {fmt.number(claim.value)} (titik sebagai pemisah ribuan).")
    if claim.agency and claim.unit == "visitors":
        return note(
            claim,
            correct,
            f"benar sebagai kunjungan layanan (antrean) {claim.agency}, bukan "
            'pengunjung: satu orang dapat dilayani beberapa instansi. Sebut "kunjungan layanan".',
        )
    return finding("ok", claim, correct, message="sesuai data.")


BELOW = ("hampir", "nyaris", "nearly")  # the true figure is just under the one written
ABOVE = ("lebih dari", "over")  # ... just over it
PLACES = {
    10: "puluhan",
    100: "ratusan",
    1000: "ribuan",
    10_000: "puluhan ribu",
    100_000: "ratusan ribu",
    1_000_000: "jutaan",
}


def _approximate(
    claim: CountClaim, facts: Facts, measure: Measure, period: Period, expected: int
) -> Finding | None:
    """'sekitar 41.500' for 41.481 is honest: the true figure rounded to the place it is written to
    (hundreds), on the side the word says ('hampir 41.500': under it). A count is best given exactly,
    so an honest rounding is a CATATAN; a wrong one ('sekitar 41.800') is SALAH."""
    word, unit = claim.approx, claim.precision
    if not word or unit <= 1:
        return None
    correct = count_text(expected, measure, period, claim.agency)
    rounded = (expected + unit // 2) // unit * unit
    side = (expected <= claim.value) if word in BELOW else (expected > claim.value) if word in ABOVE else True
    if rounded == claim.value and side:
        return note(
            claim,
            correct,
            f"angka dibulatkan dari {fmt.number(expected)}; sebut angka tepatnya bila ruang memungkinkan.",
            "rounding",
        )
    if abs(claim.value - expected) <= 0.05 * expected:
        if rounded == claim.value:  # the right rounding on the wrong side of the word
            more = "lebih" if expected > claim.value else "kurang"
            return wrong(
                claim,
                correct,
                "rounding",
                f"{fmt.number(expected)} {more} dari "
                f"{fmt.number(claim.value)}, tidak sesuai dengan kata «{word}».",
            )
        place = PLACES.get(unit, f"kelipatan {fmt.number(unit)}")
        return wrong(
            claim,
            correct,
            "rounding",
            f"{fmt.number(expected)} dibulatkan ke {place} menjadi "
            f"{fmt.number(rounded)}, bukan {fmt.number(claim.value)}.",
        )
    return None


def _digit_typo(
    claim: CountClaim, facts: Facts, measure: Measure, period: Period, expected: int
) -> Finding | None:
    slip = digit_slip(str(claim.value), str(expected))
    if claim.mention.form == "malformed" and slip is None:
        slip = "bentuk angka tidak sah"
    if slip:
        return wrong(
            claim,
            count_text(expected, measure, period, claim.agency),
            "digit_typo",
            f"{claim.mention.text} vs {fmt.number(expected)}: {slip}.",
        )
    return None


def _other_measure(
    claim: CountClaim, facts: Facts, measure: Measure, period: Period, expected: int
) -> Finding | None:
    if claim.agency is None and facts.total(other(measure), period) == claim.value:
        return wrong(
            claim,
            count_text(expected, measure, period),
            "wrong_measure",
            f"{fmt.number(claim.value)} adalah {other(measure).label()} {period_text(period)}, "
            f"bukan {measure.label()}.",
        )
    return None


def _other_period(
    claim: CountClaim, facts: Facts, measure: Measure, period: Period, expected: int
) -> Finding | None:
    named = list(claim.others)
    found = [p for p in named + facts.periods() if facts.total(measure, p, claim.agency) == claim.value]
    if not found:
        return None
    theirs = found[0]
    cause = "other_period"
    if theirs.months == period.months and theirs.start.month == period.start.month:
        cause = "other_year"
    elif theirs.months == 1 == period.months and theirs in named:
        cause = "swapped_months"
    return wrong(
        claim,
        count_text(expected, measure, period, claim.agency),
        cause,
        f"angka itu milik {count_text(claim.value, measure, theirs, claim.agency)}, "
        f"bukan {period_text(period)}.",
    )


def _other_agency(
    claim: CountClaim, facts: Facts, measure: Measure, period: Period, expected: int
) -> Finding | None:
    if not claim.agency:
        return None
    for agency in facts.by_agency:
        if facts.total(measure, period, agency) == claim.value:
            return wrong(
                claim,
                count_text(expected, measure, period, claim.agency),
                "other_agency",
                f"{fmt.number(claim.value)} adalah kunjungan layanan {agency}, bukan {claim.agency}.",
            )
    return None


Cause = Callable[[CountClaim, Facts, Measure, Period, int], "Finding | None"]

# The likely causes of a wrong count, tried in this order; the first that explains it is reported.
COUNT_CAUSES: list[Cause] = [
    _approximate,
    _digit_typo,
    _other_measure,
    _other_period,
    _other_agency,
    stated_as_fact,  # months not yet reported: only an estimate (checks/estimates.py)
]
