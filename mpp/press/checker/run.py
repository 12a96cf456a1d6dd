"""The draft checker: every figure a draft press text states, checked against the store.

    text -> sentences -> mentions (mpp/draft.py) -> claims (mpp/claim_builders.py)
         -> one check per claim kind (`CHECKS` here and in mpp/checks_*.py) -> findings (mpp/findings.py)

Each finding quotes the sentence, gives the right figure with its measure, base and period, and names
the likely cause of a wrong one. A figure is right when it equals the store's figure for the period
the sentence gives it; when it does not, the causes are tried in a fixed order (`COUNT_CAUSES`).

    >>> report = check_draft(con, "MPP Kota Balikpapan", text)      # doctest: +SKIP
    >>> report.has_errors                                            # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import duckdb

from mpp import fmt
from mpp.period import Measure, Period
from mpp.press.checker.checks_rankings import peak_scope
from mpp.press.checker.claim_builders import claims_of
from mpp.press.checker.claims import Claim, Sentence
from mpp.press.checker.draft import MAX_SENTENCE_CHARS, MAX_SENTENCE_NUMBERS, mentions, sentences, too_long
from mpp.press.checker.draft_file import DraftRefused, check_length, check_sentences, read_draft
from mpp.press.checker.facts import Facts, agency_spellings
from mpp.press.checker.findings import Finding, Report, count_text, digit_slip, period_text
from mpp.visits.coverage import coverage_text

__all__ = ["DraftRefused", "check_draft", "check_text", "read_draft"]


def other(measure: Measure) -> Measure:
    return Measure.SERVICE_VISITS if measure is Measure.VISITORS else Measure.VISITORS


# --- counts --------------------------------------------------------------------------------------


def check_count(claim: Claim, facts: Facts) -> Finding:
    measures = [claim.measure] if claim.measure else [facts.headline, other(facts.headline)]
    periods = [claim.period] + ([] if claim.extra["strict"] else claim.extra["others"])
    for period in periods:
        for measure in measures:
            if facts.total(measure, period, claim.agency) == claim.value:
                return count_right(claim, measure, period)
    expected = facts.total(measures[0], claim.period, claim.agency)
    if expected is None:
        return _no_data(claim, measures[0])
    for cause in COUNT_CAUSES:
        found = cause(claim, facts, measures[0], expected)
        if found:
            return found
    return _wrong(
        claim,
        count_text(expected, measures[0], claim.period, claim.agency),
        "no_match",
        "angka ini tidak ditemukan pada periode, ukuran atau instansi mana pun di data.",
    )


def count_right(claim: Claim, measure: Measure, period: Period) -> Finding:
    correct = count_text(claim.value, measure, period, claim.agency)
    written = claim.mention.form
    if written == "comma_thousands":
        return _wrong(
            claim,
            correct,
            "digit_typo",
            f"{claim.mention.text} memakai koma sebagai pemisah "
            "ribuan; dalam bahasa Indonesia koma adalah tanda desimal. "
            f"Tulis {fmt.number(claim.value)}.",
        )
    if written == "unformatted":
        return _note(claim, correct, f"tulis {fmt.number(claim.value)} (titik sebagai pemisah ribuan).")
    if claim.agency and claim.extra["unit"] == "visitors":
        return _note(
            claim,
            correct,
            f"benar sebagai kunjungan layanan (antrean) {claim.agency}, bukan "
            'pengunjung: satu orang dapat dilayani beberapa instansi. Sebut "kunjungan layanan".',
        )
    return Finding("ok", claim.sentence, claim.quote, correct, message="sesuai data.")


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


def _approximate(claim, facts, measure, expected):
    """'sekitar 41.500' for 41.481 is honest: the true figure rounded to the place it is written to
    (hundreds), on the side the word says ('hampir 41.500': under it). A count is best given exactly,
    so an honest rounding is a CATATAN; a wrong one ('sekitar 41.800') is SALAH."""
    word, unit = claim.extra.get("approx"), claim.extra.get("precision", 1)
    if not word or unit <= 1:
        return None
    correct = count_text(expected, measure, claim.period, claim.agency)
    rounded = (expected + unit // 2) // unit * unit
    side = (expected <= claim.value) if word in BELOW else (expected > claim.value) if word in ABOVE else True
    if rounded == claim.value and side:
        return _note(
            claim,
            correct,
            f"angka dibulatkan dari {fmt.number(expected)}; sebut angka tepatnya bila ruang memungkinkan.",
            "rounding",
        )
    if abs(claim.value - expected) <= 0.05 * expected:
        if rounded == claim.value:  # the right rounding on the wrong side of the word
            more = "lebih" if expected > claim.value else "kurang"
            return _wrong(
                claim,
                correct,
                "rounding",
                f"{fmt.number(expected)} {more} dari "
                f"{fmt.number(claim.value)}, tidak sesuai dengan kata «{word}».",
            )
        place = PLACES.get(unit, f"kelipatan {fmt.number(unit)}")
        return _wrong(
            claim,
            correct,
            "rounding",
            f"{fmt.number(expected)} dibulatkan ke {place} menjadi "
            f"{fmt.number(rounded)}, bukan {fmt.number(claim.value)}.",
        )


def _digit_typo(claim, facts, measure, expected):
    slip = digit_slip(str(claim.value), str(expected))
    if claim.mention.form == "malformed" and slip is None:
        slip = "bentuk angka tidak sah"
    if slip:
        return _wrong(
            claim,
            count_text(expected, measure, claim.period, claim.agency),
            "digit_typo",
            f"{claim.mention.text} vs {fmt.number(expected)}: {slip}.",
        )


def _other_measure(claim, facts, measure, expected):
    if claim.agency is None and facts.total(other(measure), claim.period) == claim.value:
        return _wrong(
            claim,
            count_text(expected, measure, claim.period),
            "wrong_measure",
            f"{fmt.number(claim.value)} adalah {other(measure).label()} {period_text(claim.period)}, "
            f"bukan {measure.label()}.",
        )


def _other_period(claim, facts, measure, expected):
    named = claim.extra["others"]
    found = [p for p in named + facts.periods() if facts.total(measure, p, claim.agency) == claim.value]
    if not found:
        return None
    period = found[0]
    cause = "other_period"
    if period.months == claim.period.months and period.start.month == claim.period.start.month:
        cause = "other_year"
    elif period.months == 1 == claim.period.months and period in named:
        cause = "swapped_months"
    return _wrong(
        claim,
        count_text(expected, measure, claim.period, claim.agency),
        cause,
        f"angka itu milik {count_text(claim.value, measure, period, claim.agency)}, "
        f"bukan {period_text(claim.period)}.",
    )


def _other_agency(claim, facts, measure, expected):
    if not claim.agency:
        return None
    for agency in facts.by_agency:
        if facts.total(measure, claim.period, agency) == claim.value:
            return _wrong(
                claim,
                count_text(expected, measure, claim.period, claim.agency),
                "other_agency",
                f"{fmt.number(claim.value)} adalah kunjungan layanan {agency}, bukan {claim.agency}.",
            )


# The likely causes of a wrong count, tried in this order; the first that explains it is reported.
COUNT_CAUSES = [_approximate, _digit_typo, _other_measure, _other_period, _other_agency]


# --- shared helpers ------------------------------------------------------------------------------


def _wrong(claim: Claim, correct: str, cause: str, message: str) -> Finding:
    return Finding("wrong", claim.sentence, claim.quote, correct, cause, message)


def _note(claim: Claim, correct: str, message: str, cause: str = "wording") -> Finding:
    return Finding("note", claim.sentence, claim.quote, correct, cause, message)


def _no_data(claim: Claim, measure: Measure) -> Finding:
    who = f" {claim.agency}" if claim.agency else ""
    what = f"{measure.label()}{who} {period_text(claim.period)}" if claim.period else measure.label()
    return Finding("unchecked", claim.sentence, claim.quote, message=f"tidak ada data {what} di basis data.")


UNCHECKED_REASONS = {
    "per_day": "angka per hari tidak ada di data bulanan; tidak diperiksa.",
    "services": "jumlah jenis layanan tidak dicatat di basis data; tidak diperiksa.",
    "no_agency": "persentase tanpa instansi atau basis yang dapat diperiksa.",
}


def check_unchecked(claim: Claim, facts: Facts) -> Finding:
    return Finding("unchecked", claim.sentence, claim.quote, message=UNCHECKED_REASONS[claim.extra["reason"]])


# --- the draft -----------------------------------------------------------------------------------


def main_period(found: list[list], fallback: Period | None, latest: date | None = None) -> Period | None:
    """The draft's own period, which the sentences that name none are about.

    A press text leads with its headline total, which is a year to date or a full year ("Hingga
    September 2025", "Sepanjang 2024", a January alone); single months elsewhere are details (the
    peak, a late month) and must not date the rest. So: the latest-ending year to date the draft names
    (the longest of those ending in the same month; the earlier one is the comparison base), else
    the latest-ending period it names (a monthly statement: "Pada September 2025 ..."), else the year
    to date of the store. Periods ending after the store's latest month are plans ("Tahun 2026 kami
    targetkan"), not figures, and references ("periode yang sama tahun lalu") are not the draft's own."""
    periods = [
        m.value for ms in found for m in ms if m.kind in ("period", "month") and not m.extra.get("refers")
    ]
    periods = [p for p in periods if latest is None or p.end <= latest] or periods
    to_date = [p for p in periods if p.start.month == 1 and p.start.year == p.end.year]
    chosen = to_date or periods
    return max(chosen, key=lambda p: (p.end, p.months)) if chosen else fallback


def checks() -> dict:
    from mpp.press.checker.checks_figures import CHECKS as FIGURE_CHECKS
    from mpp.press.checker.checks_rankings import CHECKS as RANKING_CHECKS

    return {"count": check_count, "unchecked": check_unchecked, **FIGURE_CHECKS, **RANKING_CHECKS}


def check_text(facts: Facts, spellings: dict[str, str], text: str) -> Report:
    """Raises DraftRefused for a draft too long to check; skips (as unchecked) a 'sentence' too long
    or with too many figures, so the time stays bounded (~1 s of CPU at the length limit)."""
    check_length(text)
    texts = sentences(text)
    check_sentences(texts)
    kept = [t for t in texts if not too_long(t)]
    main = main_period(
        [mentions(t, spellings) for t in kept], facts.default_period(), facts.span.end if facts.span else None
    )
    year = main.end.year if main else None
    table, findings, earlier = checks(), [], ()
    for text_ in texts:
        if too_long(text_):
            findings.append(skipped(text_))
            continue
        sentence = Sentence(text_, mentions(text_, spellings, year, earlier, main), main)
        # A period written in a sentence is that sentence's, and what refers back to it ("bulan
        # tersebut") in the next ones; a comparison base ("periode yang sama tahun lalu") is not.
        earlier = (
            tuple(m.value for m in sentence.periods() if m.extra.get("pattern") != "same_period") or earlier
        )
        findings += [
            provisional(assumed(table[claim.kind](claim, facts), claim, sentence), claim, facts)
            for claim in claims_of(sentence)
        ]
    return Report(tuple(findings))


def assumed(finding: Finding, claim: Claim, sentence: Sentence) -> Finding:
    """Say which period was assumed when the sentence names none, or only refers back to one ("pada
    bulan tersebut"), and the figure did not check out."""
    if finding.status != "wrong" or claim.period is None:
        return finding
    named = sentence.periods()
    if not named:
        hint = f" (Kalimat tidak menyebut periode; dianggap {period_text(claim.period)}.)"
    elif all(m.extra.get("pattern") == "back" for m in named):
        hint = f" («{named[0].text}» dibaca sebagai {period_text(named[0].value)}.)"
    else:
        return finding
    return replace(finding, message=finding.message + hint)


# Wrong whatever the missing reports hold: the written figure, not the data, is at fault.
STRUCTURAL = {"unequal_periods", "wrong_base", "wrong_measure"}
AGENCY_BASE = {"share", "agency_ranking", "agencies_active"}  # figures over all agencies' service visits


def provisional(finding: Finding, claim: Claim, facts: Facts) -> Finding:
    """A figure from a month not every expected agency has reported yet ("Oktober 2025: 26 dari 27
    instansi melapor") is provisional: the store can neither confirm it nor refute it, so a figure that
    matches, or differs in a way the late reports could explain, is a CATATAN "data belum lengkap";
    a figure wrong in form or kind (nine months against twelve, the wrong base) stays SALAH."""
    if finding.status == "unchecked" or claim.kind == "satisfaction":
        return finding
    months = _partial_months(claim, facts)
    if not months:
        return finding
    said = "; ".join(f"{fmt.month_label(s.month)}: {coverage_text(s)}" for s in months)
    note = f"data belum lengkap ({said}); angka di basis data masih sementara."
    correct = f"{finding.correct} (sementara)" if finding.correct else ""
    if finding.status == "wrong" and (
        finding.cause in STRUCTURAL
        or (claim.mention is not None and claim.mention.form in ("comma_thousands", "dot_decimal"))
    ):
        return replace(finding, correct=correct, message=f"{finding.message} Juga: {note}")
    if finding.status == "wrong":
        note = f"tidak dapat dipastikan, {note} Menurut data yang ada: {finding.message}"
    elif finding.status == "note":
        note = f"{finding.message} Juga: {note}"
    return replace(finding, status="note", cause="partial", correct=correct, message=note)


def _partial_months(claim: Claim, facts: Facts) -> list:
    measure = Measure.SERVICE_VISITS if claim.kind in AGENCY_BASE else claim.measure or facts.headline
    periods = {
        "growth": lambda: [claim.period, claim.extra["base"]],
        "comparison": lambda: [c.period for c in claim.value],
        "peaks": lambda: [peak_scope(claim)],
    }.get(claim.kind, lambda: [claim.period])()
    found = {s.month: s for p in periods if p is not None for s in facts.partial(measure, p)}
    if claim.agency and claim.kind in ("count", "growth"):  # an agency's own figure is whole once it reported
        found = {m: s for m, s in found.items() if claim.agency in {name for _, name in s.missing}}
    return [found[m] for m in sorted(found)]


def skipped(sentence: str) -> Finding:
    shown = sentence if len(sentence) <= 200 else sentence[:200] + "…"
    return Finding(
        "unchecked",
        shown,
        shown[:40],
        message=(
            f"kalimat lebih dari {fmt.number(MAX_SENTENCE_CHARS)} karakter atau lebih dari "
            f"{MAX_SENTENCE_NUMBERS} angka (mis. tabel yang ditempel); tidak diperiksa. / Sentence too "
            "long to check."
        ),
    )


def check_draft(con: duckdb.DuckDBPyConnection, site: str, text: str) -> Report:
    """Every figure of the draft checked against the site's data in the store."""
    return check_text(Facts(con, site), agency_spellings(con), text)
