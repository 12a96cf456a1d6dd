"""Reading a draft press text: sentences, clauses, and every figure, month, period and agency it names.

Pure text work, no database: the checker (run.py) passes in the agency spellings it knows.
Numbers are read as written, and how they are written is kept (`form`), because a wrongly written
number is itself a finding: "41,481" reads in Indonesian as forty-one point four eight one.

    >>> [m.text for m in mentions("Hingga September 2025 tercatat 41.481 pengunjung.", {})]
    ['Hingga September 2025', '41.481']
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from mpp import fmt
from mpp.period import Period

MONTH_WORDS = {
    **{m.lower(): i for i, m in enumerate(fmt.MONTHS_ID, 1)},
    **{m.lower(): i for i, m in enumerate(fmt.MONTHS_EN, 1)},
    "agt": 8,
    "agu": 8,
    "ags": 8,
    "okt": 10,
    "nop": 11,
    "des": 12,
    "sept": 9,
}
MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in MONTH_WORDS), key=len, reverse=True)) + ")"
YEAR = r"(?:19|20)\d{2}"
UPTO = r"(?:-|–|—|s\.d\.?|s/d|hingga|sampai(?: dengan)?|to|through|until)"
# Period phrases, most specific first: (kind, pattern). Declared as data; `_period_from` reads them.
PERIOD_PATTERNS = [
    ("range", rf"({MONTH})\s*({YEAR})?\s*{UPTO}\s*({MONTH})\s+({YEAR})"),
    (
        "to_date",
        rf"(?i:hingga|sampai(?: dengan)?|s\.d\.?|s/d|per|through|until|up to)\s+"
        rf"(?i:akhir\s+|bulan\s+)?({MONTH})\s+({YEAR})",
    ),
    ("month", rf"({MONTH})\s+({YEAR})"),
    ("year", rf"(?i:sepanjang|selama|pada|tahun|in|during|throughout|year)\s+(?i:tahun\s+)?({YEAR})\b"),
    ("month", rf"\b({MONTH})\b"),
]
DATE = rf"(?<![\d.,])\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{MONTH}(?:\s+{YEAR})?"
# Periods named by reference to another period, resolved after the periods written out:
# "periode yang sama tahun 2024" / "tahun lalu" is the same months as the period it is compared with,
# in that year; "bulan tersebut", "periode ini" is the period the draft was just talking about.
REFERENCE_PATTERNS = [
    (
        "same_period",
        rf"(?i:(?:periode|kurun waktu) yang sama(?: pada| di)? tahun (?:lalu|sebelumnya|({YEAR}))|"
        rf"(?:the )?same period (?:(?:of|in) ({YEAR})|(?:last|a|the previous) year))",
    ),
    ("back", r"(?i:(?<![-\w])(bulan|periode) (?:tersebut|itu|ini)\b|\b(?:that|this) (month|period)\b)"),
]
NUMBER = re.compile(r"(?<![\w/.,])\d(?:[\d.,]*\d)?(?![\w/])")
ABBREVIATIONS = (
    "Kab",
    "Prov",
    "Kec",
    "Kel",
    "No",
    "Tbk",
    "Jl",
    "St",
    "Dr",
    "Drs",
    "Ir",
    "H",
    "Hj",
    "Rp",
    "dr",
    "Bpk",
    "Sdr",
    "a.n",
    "u.p",
    "dll",
    "dsb",
    "vs",
)


@dataclass(frozen=True)
class Mention:
    """One thing a sentence names, at [start, end) of the sentence."""

    kind: str  # number | period | month | agency
    start: int
    end: int
    text: str
    value: object = None  # number: digits as int (or float); period/month: Period; agency: its name
    form: str = "ok"  # numbers: ok | comma_thousands | malformed | unformatted | dot_decimal | decimal
    extra: dict = field(default_factory=dict, compare=False)

    # The value read as what its kind holds (the builders and the checker know the kind they asked for).
    @property
    def number(self) -> float:
        return cast(float, self.value)

    @property
    def period(self) -> Period:
        return cast(Period, self.value)

    @property
    def name(self) -> str:
        return cast(str, self.value)


# --- what the checker skips ----------------------------------------------------------------------

MAX_SENTENCE_CHARS = 1_500  # longer is not a sentence (a pasted table, garbage): not checked
MAX_SENTENCE_NUMBERS = 40  # the checker's work grows with the square of this


def too_long(sentence: str) -> bool:
    """A 'sentence' the checker skips: too long, or too many figures (a pasted table)."""
    return len(sentence) > MAX_SENTENCE_CHARS or len(NUMBER.findall(sentence)) > MAX_SENTENCE_NUMBERS


def sentences(text: str) -> list[str]:
    """Sentences, paragraph by paragraph; abbreviations (Kab., Rp.) and numbers (41.481) do not end one."""
    found = []
    for paragraph in re.split(r"\s*\n\s*", text):
        parts = re.split(r"(?<=[.!?])[\"”’]?\s+(?=[\"“(]?[A-Z0-9])", paragraph.strip())
        found += _rejoin_abbreviations([p for p in parts if p.strip()])
    return found


ABBREVIATION_END = r"\b(" + "|".join(map(re.escape, ABBREVIATIONS)) + r")\.$"


def _rejoin_abbreviations(parts: list[str]) -> list[str]:
    joined: list[str] = []
    for part in parts:
        # Only the tail is searched: the whole part would make a run of abbreviations quadratic.
        if joined and re.search(ABBREVIATION_END, joined[-1][-12:]):
            joined[-1] += " " + part
        else:
            joined.append(part)
    return joined


def clause_of(sentence: str, position: int) -> tuple[int, int]:
    """The [start, end) of the clause around position: commas, semicolons and colons end clauses; a
    comma between digits (24,8) does not, nor do brackets: "September 2025 (5.563 pengunjung)" binds
    the figure to its month."""
    stops = [m.start() for m in re.finditer(r"[;:]|,(?!\d)|(?<!\d),", sentence)]
    start = max([s + 1 for s in stops if s < position], default=0)
    end = min([s for s in stops if s >= position], default=len(sentence))
    return start, end


# --- numbers -------------------------------------------------------------------------------------


# A draft in English (the English press statement) writes 41,481 and 92.3: its numbers are read with
# the marks swapped. The language is the one most of these small words belong to.
ENGLISH_WORDS = re.compile(r"(?i)\b(?:the|of|and|with|in|to|visitors|percent|against|recorded)\b")
INDONESIAN_WORDS = re.compile(r"(?i)\b(?:yang|dan|dengan|dari|di|ke|pengunjung|persen|terhadap|tercatat)\b")
SWAP_MARKS = str.maketrans(".,", ",.")
ENGLISH_FORM = re.compile(r"\d{1,3}(?:,\d{3})+|\d+\.\d{1,2}")


def written_in_english(text: str) -> bool:
    """'In January-September 2025, MPP Kota Balikpapan recorded 41,481 visitors.' is English."""
    return len(ENGLISH_WORDS.findall(text)) > len(INDONESIAN_WORDS.findall(text))


def read_number(token: str, english: bool = False) -> tuple[object, str]:
    """(value, form) of a number as written. '41.481' -> (41481, 'ok'); '24,8' -> (24.8, 'decimal');
    '41,481' -> (41481, 'comma_thousands'); '41.48' -> (4148, 'malformed'): its digits only.
    An English draft's English forms are read with the marks swapped: '41,481' -> (41481, 'ok'),
    '92.3' -> (92.3, 'decimal'); its Indonesian forms as they are ('92,3 percent' reads 92.3)."""
    if english and ENGLISH_FORM.fullmatch(token):
        token = token.translate(SWAP_MARKS)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return int(token.replace(".", "")), "ok"
    if re.fullmatch(r"\d+", token):
        return int(token), "ok" if len(token) < 4 else "unformatted"
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):
        return int(token.replace(",", "")), "comma_thousands"
    if re.fullmatch(r"\d+,\d+", token):
        return float(token.replace(",", ".")), "decimal"
    if re.fullmatch(r"\d+\.\d{1,2}", token):
        return int(token.replace(".", "")), "malformed"
    return int(re.sub(r"\D", "", token)), "malformed"


def _is_day_of_month(sentence: str, match: re.Match) -> bool:
    after = sentence[match.end() : match.end() + 16]
    return len(match.group()) <= 2 and bool(re.match(rf"\s*(?:-\s*\d{{1,2}}\s*)?{MONTH}\b", after))


def number_mentions(sentence: str, english: bool = False) -> list[Mention]:
    found = []
    for match in NUMBER.finditer(sentence):
        token = match.group()
        if re.fullmatch(YEAR, token) or _is_day_of_month(sentence, match):
            continue
        if re.search(r"Rp\.?\s*$", sentence[: match.start()]):
            continue  # money is not a visit figure
        value, form = read_number(token, english)
        percent = re.match(r"\s*(?:%|persen|percent)", sentence[match.end() :])
        if percent and not english and re.fullmatch(r"\d+\.\d{1,2}", token):
            value, form = float(token), "dot_decimal"  # '24.8 persen': an English decimal point
        found.append(Mention("number", match.start(), match.end(), token, value, form))
    return found


# --- months, periods, agencies -------------------------------------------------------------------


def month_number(word: str) -> int:
    return MONTH_WORDS[word.lower()]


def _period_from(kind: str, groups: tuple, year: int | None) -> Period | None:
    if kind == "range":
        last = int(groups[3])
        first = int(groups[1] or last)
        return Period(date(first, month_number(groups[0]), 1), date(last, month_number(groups[2]), 1))
    if kind == "to_date":
        return Period.year_to_date(date(int(groups[1]), month_number(groups[0]), 1))
    if kind == "year":
        return Period.full_year(int(groups[0]))
    if len(groups) == 2:
        return Period.month(date(int(groups[1]), month_number(groups[0]), 1))
    return Period.month(date(year, month_number(groups[0]), 1)) if year else None


def period_mentions(
    sentence: str, default_year: int | None, earlier: tuple[Period, ...] = (), main: Period | None = None
) -> list[Mention]:
    """Periods and months named in the sentence; a month without a year takes the year of the last
    period named before it in the sentence, else `default_year`. References resolve to the periods
    they refer to: "bulan tersebut" to the period named before it in the sentence, else to one of
    `earlier` (the periods the last dated sentence named); "periode yang sama tahun lalu" to the
    months of the period it is compared with (in the sentence, else `main`) a year earlier."""
    # A day before a month is a calendar date ("digelar pada 16-17 Oktober 2024"), not a data period.
    taken = [Mention("date", m.start(), m.end(), m.group()) for m in re.finditer(DATE, sentence)]
    for kind, pattern in REFERENCE_PATTERNS + PERIOD_PATTERNS:
        for match in re.finditer(pattern, sentence):
            if any(m.start < match.end() and match.start() < m.end for m in taken):
                continue
            taken.append(
                Mention(
                    "period",
                    match.start(),
                    match.end(),
                    match.group(),
                    kind,
                    extra={"groups": match.groups()},
                )
            )
    taken = sorted((m for m in taken if m.kind != "date"), key=lambda m: m.start)
    named = _with_years([m for m in taken if m.value not in REFERENCE_KINDS], default_year)
    return _references([m for m in taken if m.value in REFERENCE_KINDS], named, earlier, main)


REFERENCE_KINDS = {kind for kind, _ in REFERENCE_PATTERNS}


def _with_years(taken: list[Mention], year: int | None) -> list[Mention]:
    resolved = []
    for mention in taken:
        period = _period_from(str(mention.value), mention.extra["groups"], year)
        if period is None:
            continue
        year = period.end.year
        kind = "month" if period.months == 1 and mention.value == "month" else "period"
        resolved.append(
            Mention(
                kind,
                mention.start,
                mention.end,
                mention.text,
                period,
                extra={"pattern": mention.value, "bare": len(mention.extra["groups"]) == 1},
            )
        )
    return resolved


def _references(
    refs: list[Mention], named: list[Mention], earlier: tuple[Period, ...], main: Period | None
) -> list[Mention]:
    """The named periods with the references resolved, in order of position; a reference with
    nothing to refer to is dropped (the sentence then takes the draft's period)."""
    found = list(named)
    for ref in sorted(refs, key=lambda m: m.value != "back"):  # "bulan tersebut" may anchor "tahun lalu"
        before = sorted((m for m in found if m.end <= ref.start), key=lambda m: m.start)
        after = sorted((m for m in found if m.start >= ref.end), key=lambda m: m.start)
        anchor = None
        if ref.value == "back":
            period = _referred(ref, [m.period for m in reversed(before)] or list(earlier))
        else:
            anchor = _current(before) or _current(after) or main
            period = _same_period(ref, anchor)
        if period is not None:
            found.append(
                Mention(
                    "period",
                    ref.start,
                    ref.end,
                    ref.text,
                    period,
                    extra={"pattern": ref.value, "refers": True, "anchor": anchor},
                )
            )
    return sorted(found, key=lambda m: m.start)


def _current(named: list[Mention]) -> Period | None:
    """Of the periods a sentence names, the one it is about: the latest-ending (then the longest);
    an earlier one is what it is compared with."""
    return max((m.period for m in named), key=lambda p: (p.end, p.months), default=None)


def _referred(ref: Mention, candidates: list[Period]) -> Period | None:
    """'bulan tersebut': the first single month of the candidates (the nearest before it in its own
    sentence, else the subject of the last dated sentence: "Pada Oktober 2025 ..., dibandingkan
    September 2025" is about October); 'periode ini': the latest-ending (longest) of them, the current
    period rather than the comparison base."""
    if not candidates:
        return None
    if any(g and g.lower() in ("bulan", "month") for g in ref.extra["groups"]):
        months = [p for p in candidates if p.months == 1]
        return months[0] if months else None
    return max(candidates, key=lambda p: (p.end, p.months))


def _same_period(ref: Mention, anchor: Period | None) -> Period | None:
    """The anchor's months in the year written ('tahun 2024'), else a year before ('tahun lalu')."""
    if anchor is None:
        return None
    year = next((int(g) for g in ref.extra["groups"] if g), None)
    return anchor.shift_years(year - anchor.end.year if year else -1)


def agency_mentions(sentence: str, spellings: dict[str, str]) -> list[Mention]:
    """Agencies by the spellings the store knows (spelling -> canonical name), the longest spelling
    first, case as written or in capitals: 'Perizinan' names DPMPTSP, the common noun 'perizinan' not."""
    pattern, canonical = _agency_pattern(tuple(sorted(spellings.items())))
    return [
        Mention("agency", m.start(), m.end(), m.group(), canonical[m.group()])
        for m in pattern.finditer(sentence)
    ]


@functools.lru_cache(maxsize=8)
def _agency_pattern(items: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, str]]:
    """One alternation for every spelling: a draft is hundreds of sentences, the list hundreds of names."""
    canonical: dict[str, str] = {}
    for spelling, name in items:
        canonical.setdefault(spelling, name)
        canonical.setdefault(spelling.upper(), name)
    ordered = sorted(canonical, key=len, reverse=True)
    alternation = "|".join(map(re.escape, ordered)) or r"(?!)"
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), canonical


def mentions(
    sentence: str,
    spellings: dict[str, str],
    default_year: int | None = None,
    earlier: tuple[Period, ...] = (),
    main: Period | None = None,
    english: bool = False,
) -> list[Mention]:
    """Everything the sentence names, in order of position (see `period_mentions` for the rest);
    `english`: the draft is English, its numbers read the English way."""
    found = number_mentions(sentence, english) + period_mentions(sentence, default_year, earlier, main)
    found += agency_mentions(sentence, spellings)
    return sorted(found, key=lambda m: m.start)
