"""The draft checker: every figure a draft press text states, checked against the store.

    text -> sentences -> mentions (reading.py) -> claims (claims.py, the kinds in claim.py)
         -> one check per kind of claim (checks/, registered in `checks.CHECKS`) -> findings (findings.py)

Each finding quotes the sentence, gives the right figure with its measure, base and period, and names
the likely cause of a wrong one. A figure is right when it equals the store's figure for the period
the sentence gives it; when it does not, each check tries the likely causes in a fixed order.
Here: the draft's own period, the period a sentence refers back to, and the provisional months.

    >>> report = check_draft(con, "MPP Kota Balikpapan", text)      # doctest: +SKIP
    >>> report.has_errors                                            # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import duckdb

from mpp import fmt
from mpp.period import Measure, Period
from mpp.press.checker.checks import check
from mpp.press.checker.claim import Claim, ClaimKind
from mpp.press.checker.claims import claims_of
from mpp.press.checker.draft_file import DraftRefused, check_length, check_sentences, read_draft
from mpp.press.checker.facts import Facts, agency_spellings
from mpp.press.checker.findings import Finding, Report, period_text
from mpp.press.checker.reading import (
    MAX_SENTENCE_CHARS,
    MAX_SENTENCE_NUMBERS,
    Mention,
    mentions,
    sentences,
    too_long,
    written_in_english,
)
from mpp.press.checker.sentence import Sentence
from mpp.visits.coverage import coverage_text

__all__ = ["DraftRefused", "check_draft", "check_text", "read_draft"]


def main_period(
    found: list[list[Mention]], fallback: Period | None, latest: date | None = None
) -> Period | None:
    """The draft's own period, which the sentences that name none are about.

    A press text leads with its headline total, which is a year to date or a full year ("Hingga
    September 2025", "Sepanjang 2024", a January alone); single months elsewhere are details (the
    peak, a late month) and must not date the rest. So: the latest-ending year to date the draft names
    (the longest of those ending in the same month; the earlier one is the comparison base), else
    the latest-ending period it names (a monthly statement: "Pada September 2025 ..."), else the year
    to date of the store. Periods ending after the store's latest month are plans ("Tahun 2026 kami
    targetkan"), not figures, and references ("periode yang sama tahun lalu") are not the draft's own."""
    periods = [
        m.period for ms in found for m in ms if m.kind in ("period", "month") and not m.extra.get("refers")
    ]
    periods = [p for p in periods if latest is None or p.end <= latest] or periods
    to_date = [p for p in periods if p.start.month == 1 and p.start.year == p.end.year]
    chosen = to_date or periods
    return max(chosen, key=lambda p: (p.end, p.months)) if chosen else fallback


def check_text(facts: Facts, spellings: dict[str, str], text: str) -> Report:
    """Raises DraftRefused for a draft too long to check; skips (as unchecked) a 'sentence' too long
    or with too many figures, so the time stays bounded (~1 s of CPU at the length limit)."""
    check_length(text)
    texts = sentences(text)
    check_sentences(texts)
    kept = [t for t in texts if not too_long(t)]
    english = written_in_english(text)
    main = main_period(
        [mentions(t, spellings, english=english) for t in kept],
        facts.default_period(),
        facts.span.end if facts.span else None,
    )
    year = main.end.year if main else None
    findings: list[Finding] = []
    earlier: tuple[Period, ...] = ()
    for text_ in texts:
        if too_long(text_):
            findings.append(skipped(text_))
            continue
        sentence = Sentence(text_, mentions(text_, spellings, year, earlier, main, english), main)
        # A period written in a sentence is that sentence's, and what refers back to it ("bulan
        # tersebut") in the next ones; a comparison base ("periode yang sama tahun lalu") is not.
        earlier = (
            tuple(m.period for m in sentence.periods() if m.extra.get("pattern") != "same_period") or earlier
        )
        findings += [
            provisional(assumed(check(claim, facts), claim, sentence), claim, facts)
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
        hint = f" («{named[0].text}» dibaca sebagai {period_text(named[0].period)}.)"
    else:
        return finding
    return replace(finding, message=finding.message + hint)


# Wrong whatever the missing reports hold: the written figure, not the data, is at fault.
STRUCTURAL = {"unequal_periods", "wrong_base", "wrong_measure"}
# Figures over all agencies' service visits.
AGENCY_BASE = {ClaimKind.SHARE, ClaimKind.AGENCY_RANKING, ClaimKind.AGENCIES_ACTIVE}


def provisional(finding: Finding, claim: Claim, facts: Facts) -> Finding:
    """A figure from a month not every expected agency has reported yet ("Oktober 2025: 26 dari 27
    instansi melapor") is provisional: the store can neither confirm it nor refute it, so a figure that
    matches, or differs in a way the late reports could explain, is a CATATAN "data belum lengkap";
    a figure wrong in form or kind (nine months against twelve, the wrong base) stays SALAH."""
    if finding.status == "unchecked" or claim.kind is ClaimKind.SATISFACTION:
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
    found = {s.month: s for p in claim.data_periods() if p is not None for s in facts.partial(measure, p)}
    if claim.agency and claim.kind in (
        ClaimKind.COUNT,
        ClaimKind.GROWTH,
    ):  # an agency's own figure is whole once it reported
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
