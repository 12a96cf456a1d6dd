"""A sentence as the claim builders (mpp/press/checker/claims.py) read it: its mentions, the numbers
not yet used by a claim, and where a figure belongs (its unit, agency, period and measure). The word
lists the builders look for are declared as data at the top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mpp.period import Measure, Period
from mpp.press.checker.reading import Mention, clause_of

VISITORS, SERVICE = Measure.VISITORS, Measure.SERVICE_VISITS
GROWTH_UP = (
    r"naik|meningkat|peningkatan|tumbuh|pertumbuhan|kenaikan|melonjak|lonjakan|bertambah|"
    r"increase[sd]?|rose|grew|growth|more|up|higher|lebih tinggi|lebih banyak"
)
GROWTH_DOWN = (
    r"turun|menurun|penurunan|berkurang|merosot|decrease[sd]?|fell|declined?|less|down|lower|"
    r"lebih rendah|lebih sedikit"
)
# A change written after the percent: '92,3 percent more', '5,1 persen lebih rendah'.
CHANGE_AFTER = (
    r"\s*(?:%|persen|percent)\s+"
    r"(more|higher|lebih (?:tinggi|banyak)|less|lower|lebih (?:rendah|sedikit))\b"
)
COMPARATIVE = r"dibandingkan|dibanding|daripada|terhadap|ketimbang|menjadi|compared|against|than|from"
PEAK = r"puncak|tertinggi|tersibuk|teramai|peak(?:ed)?|busiest|highest"
AGENCY_RANK = r"terbanyak|paling banyak|paling sering|paling ramai|tertinggi|terbesar|busiest|most"
AVERAGE = (
    r"rata-rata|rerata|average|bulanan|per bulan|sebulan|tiap bulan|setiap bulan|"
    r"a month|per month|monthly"
)
PER_DAY = r"per hari|sehari|setiap hari|tiap hari|tiap harinya|/hari|a day|per day|daily"
SATISFACTION = r"\bSKM\b|\bIKM\b|kepuasan|satisfaction"
PERCENT_AFTER = r"\s*(?:%|persen\b|percent\b)"
# A figure given as an estimate, not as data (the year-end estimate, mpp.visits.estimate).
ESTIMATE = (
    r"diperkirakan|perkiraan|prakiraan|diproyeksikan|proyeksi|diestimasikan|estimasi|"
    r"estimated?|projected|projection|forecast"
)
# Units right after a count: (pattern, what is counted). Declared as data, first match wins.
UNITS = [
    (r"kunjungan layanan|service visits", "service"),
    (r"pengunjung|orang|warga|jiwa|visitors|people", "visitors"),
    (r"kunjungan|antrean|antrian|tiket|visits", "visits"),
    (r"instansi|lembaga|entitas|tenant|agencies", "agencies"),
    (r"jenis layanan|layanan|services", "services"),
    (r"hari|minggu|bulan|tahun|jam|menit|kecamatan|kelurahan|desa|kali|days|months|years", "other"),
]
SCALES = {"ribu": 1000, "rb": 1000, "juta": 1_000_000, "thousand": 1000}
APPROXIMATE = r"sekitar|kurang lebih|hampir|nyaris|lebih dari|lebih kurang|±|about|around|nearly|over"


def words(pattern: str, text: str) -> bool:
    return re.search(rf"(?i)\b(?:{pattern})\b", text) is not None


@dataclass
class Sentence:
    text: str
    mentions: list[Mention]
    main: Period | None  # the draft's own period, for sentences that name none
    used: set[int] = field(default_factory=set)

    def of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def numbers(self) -> list[Mention]:
        return [m for m in self.of("number") if m.start not in self.used]

    def periods(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind in ("period", "month")]

    def after(self, mention: Mention, size: int = 40) -> str:
        return self.text[mention.end : mention.end + size]

    def take(self, mention: Mention) -> Mention:
        """The number, marked as used by a claim: a later builder does not read it again."""
        self.used.add(mention.start)
        return mention


# --- where a figure belongs: unit, agency, period ------------------------------------------------


def unit_of(sentence: Sentence, number: Mention) -> str | None:
    rest = sentence.after(number)
    rest = re.sub(rf"^\s*(?:{'|'.join(SCALES)})\b", "", rest)
    for pattern, unit in UNITS:
        if re.match(rf"\s*(?:{pattern})\b", rest, re.IGNORECASE):
            return unit
    return None


def quote_of(sentence: Sentence, number: Mention) -> str:
    """The figure with its unit, if it has one: '41.481 orang', '24,8 persen', '80 jenis layanan'."""
    units = "|".join([p for p, _ in UNITS] + list(SCALES) + ["persen", "percent", "poin"])
    match = re.match(rf"\s*(?:%|(?:{units})\b)?", sentence.after(number), re.IGNORECASE)
    return (number.text + (match.group() if match else "")).strip()  # the pattern matches always


def agency_of(sentence: Sentence, number: Mention) -> str | None:
    """The agency named last before the figure in its clause, with no other count between."""
    start, _ = clause_of(sentence.text, number.start)
    before = [
        m for m in sentence.mentions if start <= m.start < number.start and m.kind in ("agency", "number")
    ]
    agencies = [m for m in before if m.kind == "agency"]
    if not agencies:
        return None
    last = agencies[-1]
    counts_between = [
        m
        for m in before
        if m.kind == "number" and m.start > last.start and not re.match(PERCENT_AFTER, sentence.after(m))
    ]
    return None if counts_between else last.name


def period_of(sentence: Sentence, number: Mention) -> tuple[Period | None, bool]:
    """(period, strict): the nearest period in the figure's clause (strict: the figure belongs to it);
    else the nearest named before it, after it, or the draft's own period (loose)."""
    start, end = clause_of(sentence.text, number.start)
    periods = sentence.periods()
    inside = [p for p in periods if start <= p.start and p.end <= end]
    if inside:
        return min(inside, key=lambda p: _distance(p, number)).period, True
    before = [p for p in periods if p.end <= number.start]
    after = [p for p in periods if p.start >= number.end]
    chosen = before[-1] if before else (after[0] if after else None)
    return (chosen.period if chosen else sentence.main), False


def _distance(a: Mention, b: Mention) -> int:
    return b.start - a.end if a.end <= b.start else a.start - b.end


def measure_of(sentence: Sentence, number: Mention, agency: str | None) -> Measure | None:
    """Agency figures are service visits whatever the draft calls them; else the unit, else a measure
    word before the figure in its clause; None when either could be meant."""
    if agency:
        return SERVICE
    unit = unit_of(sentence, number)
    if unit in ("visitors", "service"):
        return VISITORS if unit == "visitors" else SERVICE
    start, _ = clause_of(sentence.text, number.start)
    before = sentence.text[start : number.start].lower()
    if "kunjungan layanan" in before or "service visits" in before:
        return SERVICE
    return VISITORS if re.search(r"pengunjung|visitors", before) else None
