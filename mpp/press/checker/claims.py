"""From the figures a sentence names to the claims it makes: "41.481 visitors in January-September
2025", "Disdukcapil has 24,8 percent", "growth of 92,3 percent", "the peak was July, then September".

Each builder takes a `Sentence` (mpp/press/checker/sentence.py) and returns claims, marking the numbers
it has used so a later builder does not read them again (an average's "4.000 hingga 5.000" are not two
visitor counts). The builders run in the order of `BUILDERS`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mpp.period import Period
from mpp.press.checker.claim import (
    AgenciesActiveClaim,
    AgencyRankingClaim,
    AverageClaim,
    Claim,
    ComparisonClaim,
    CountClaim,
    EstimateClaim,
    GrowthClaim,
    PeaksClaim,
    SatisfactionClaim,
    ShareClaim,
    UncheckedClaim,
)
from mpp.press.checker.reading import Mention, clause_of
from mpp.press.checker.sentence import (
    AGENCY_RANK,
    APPROXIMATE,
    AVERAGE,
    CHANGE_AFTER,
    COMPARATIVE,
    ESTIMATE,
    GROWTH_DOWN,
    GROWTH_UP,
    PEAK,
    PER_DAY,
    PERCENT_AFTER,
    SATISFACTION,
    SCALES,
    SERVICE,
    Sentence,
    agency_of,
    measure_of,
    period_of,
    quote_of,
    unit_of,
    words,
)

RANGE_WORD = r"\s*(?:-|–|hingga|sampai(?: dengan)?|s\.d\.?|to)\s*"


def is_percent(s: Sentence, n: Mention) -> bool:
    return re.match(PERCENT_AFTER, s.after(n)) is not None


def average_claims(s: Sentence, _claims) -> list[Claim]:
    """'rata-rata ... 4.000 hingga 5.000 warga' (a range) or 'rata-rata 4.609 pengunjung'."""
    counts = [n for n in s.numbers() if not is_percent(s, n) and n.form != "decimal"]
    if not words(AVERAGE, s.text) or not counts:
        return []
    first, period = counts[0], period_of(s, counts[0])[0]
    second = counts[1] if len(counts) > 1 else None
    if second and re.fullmatch(RANGE_WORD, s.text[first.end : second.start], re.IGNORECASE):
        s.take(first)
        return [
            AverageClaim(
                sentence=s.text,
                quote=f"{first.text}{s.text[first.end : second.start]}{quote_of(s, second)}",
                mention=s.take(second),
                low=first.number,
                high=second.number,
                period=period,
                measure=measure_of(s, second, None),
            )
        ]
    return [
        AverageClaim(
            sentence=s.text,
            quote=quote_of(s, first),
            mention=s.take(first),
            low=first.number,
            high=first.number,
            period=period,
            measure=measure_of(s, first, None),
            approx=_approximate(s, first),
        )
    ]


def estimate_claims(s: Sentence, _claims) -> list[Claim]:
    """'diperkirakan 55.000-58.000 pengunjung hingga Desember 2025', 'diperkirakan mencapai 57.000
    kunjungan': the first count (or range of counts) after an estimate word, about the year end of
    the latest period the sentence names (without one, of the draft's year)."""
    match = re.search(rf"(?i)\b(?:{ESTIMATE})\b", s.text)
    if not match:
        return []
    counts = [n for n in s.numbers() if n.start > match.end() and not is_percent(s, n)]
    counts = [n for n in counts if n.number * (_scale(s, n) or 1) >= 100 or unit_of(s, n)]
    if not counts:
        return []
    first, second = counts[0], counts[1] if len(counts) > 1 else None
    ranged = second is not None and re.fullmatch(RANGE_WORD, s.text[first.end : second.start], re.I)
    last = second if ranged and second else first
    quote = (
        f"{first.text}{s.text[first.end : last.start]}{quote_of(s, last)}" if ranged else quote_of(s, last)
    )
    s.take(first)
    return [
        EstimateClaim(
            sentence=s.text,
            quote=quote,
            mention=s.take(last),
            low=round(first.number * (_scale(s, first) or _scale(s, last) or 1)),
            high=round(last.number * (_scale(s, last) or 1)),
            period=_estimated_period(s),
            measure=measure_of(s, last, None),
            agency=agency_of(s, first),
        )
    ]


def _estimated_period(s: Sentence) -> Period | None:
    """The latest-ending period the sentence names ('hingga Desember 2025'), else the draft's year."""
    named = [m.period for m in s.periods() if not m.extra.get("refers")]
    if named:
        return max(named, key=lambda p: (p.end, p.months))
    return Period.full_year(s.main.end.year) if s.main else None


def rate_claims(s: Sentence, _claims) -> list[Claim]:
    """Visitors per day ("25-50 orang", "100-300 orang per hari") are not in the store's monthly
    figures: in a sentence about days, people counts are found, reported, not checked."""
    if not words(PER_DAY, s.text):
        return []
    numbers = s.numbers()
    people = [
        n
        for i, n in enumerate(numbers)
        if unit_of(s, n) == "visitors"
        or (
            i + 1 < len(numbers)
            and re.fullmatch(RANGE_WORD, s.text[n.end : numbers[i + 1].start])
            and unit_of(s, numbers[i + 1]) == "visitors"
        )
    ]
    return [unchecked(s, n, "per_day") for n in people]


def unchecked(s: Sentence, n: Mention, reason: str) -> UncheckedClaim:
    return UncheckedClaim(sentence=s.text, quote=quote_of(s, n), mention=s.take(n), reason=reason)


def unit_claims(s: Sentence, _claims) -> list[Claim]:
    """'27 instansi' (agencies with service visits) and '80 jenis layanan' (not in the store)."""
    found: list[Claim] = []
    for n in s.numbers():
        unit = unit_of(s, n)
        if unit == "agencies":
            found.append(
                AgenciesActiveClaim(
                    sentence=s.text,
                    quote=quote_of(s, n),
                    mention=s.take(n),
                    value=n.number,
                    period=period_of(s, n)[0],
                )
            )
        elif unit == "services":
            found.append(unchecked(s, n, "services"))
        elif unit == "other":
            s.used.add(n.start)  # days, months, kecamatan: not figures of visits
    return found


def percent_claims(s: Sentence, _claims) -> list[Claim]:
    found: list[Claim] = []
    for n in [n for n in s.numbers() if is_percent(s, n)]:
        start, _ = clause_of(s.text, n.start)
        before = s.text[max(start, n.start - 40) : n.start]
        after = re.match(CHANGE_AFTER, s.after(n), re.IGNORECASE)
        if not words(f"{GROWTH_UP}|{GROWTH_DOWN}", before) and re.match(
            BASE_AFTER, s.after(n), re.IGNORECASE
        ):
            before = s.text[start : n.start]  # '... naik 8,7 persen dibandingkan Agustus dan 126,3 persen
            # dibandingkan ...': the second one's growth word is further back
        if words(f"{GROWTH_UP}|{GROWTH_DOWN}", before) or after:
            down = words(GROWTH_DOWN, after.group(1) if after else _last_growth_word(before))
            found.append(growth_claim(s, n, down))
        elif words(SATISFACTION, s.text):
            found.append(satisfaction_claim(s, n))
        else:
            found.append(share_claim(s, n))
    return _shared_base(found)


BASE_AFTER = PERCENT_AFTER + r"\s*(?:dibandingkan|dibanding|compared)\b"


def _last_growth_word(text: str) -> str:
    found = re.findall(rf"(?i)\b(?:{GROWTH_UP}|{GROWTH_DOWN})\b", text)
    return found[-1] if found else ""


def _shared_base(claims: list[Claim]) -> list[Claim]:
    """A list of shares names its base once ('24,8 persen dari seluruh kunjungan layanan, disusul
    DPMPTSP 8.767 (19,3 persen)'): the others in the sentence share it."""
    named = {c.base for c in claims if isinstance(c, ShareClaim) and c.base}
    if len(named) != 1:
        return claims
    return [
        replace(c, base=next(iter(named))) if isinstance(c, ShareClaim) and not c.base else c for c in claims
    ]


def growth_claim(s: Sentence, n: Mention, down: bool) -> GrowthClaim:
    """Growth of the period the sentence is about (the latest-ending it names, else the draft's)
    against its base: the first other period named after the figure ('naik 8,7 persen dibandingkan
    Agustus 2025', '... periode yang sama tahun 2024'), else one named before it, else the same months
    a year earlier. Two growths in one sentence each take the base written after them."""
    own = [p.period for p in s.periods() if p.extra.get("pattern") != "same_period"]
    current = max(own, key=lambda p: (p.end, p.months), default=s.main)
    others = [p for p in s.periods() if p.period != current]
    after = [p for p in others if p.start >= n.end]
    base = (after or others)[0].period if others else None
    agency = agency_of(s, n)
    measure = SERVICE if agency or "kunjungan layanan" in s.text.lower() else None
    return GrowthClaim(
        sentence=s.text,
        quote=quote_of(s, n),
        mention=s.take(n),
        value=-n.number if down else n.number,
        period=current,
        measure=measure,
        agency=agency,
        base=base or (current.shift_years(-1) if current else None),
        decimals=decimals(n),
    )


def decimals(n: Mention) -> int:
    """How many decimals a percent is written with: '92' 0, '92,3' 1, '19,25' 2."""
    return len(re.split(r"[,.]", n.text + ",")[1])


def share_claim(s: Sentence, n: Mention) -> ShareClaim:
    """A share and whose it is: the count it follows ('11.315 pengunjung (24,8 persen)'), else the
    agency before it in its clause; and the base it names, if any ('dari seluruh kunjungan layanan')."""
    owner = _count_before(s, n) or n
    base = re.match(
        PERCENT_AFTER + r"\s*(?:dari|of)\s+(?:seluruh|total|jumlah|keseluruhan|all)?\s*"
        r"(kunjungan layanan|service visits|pengunjung|visitors|kunjungan|visits)",
        s.after(n, 80),
        re.IGNORECASE,
    )
    base_unit = (
        {
            "kunjungan layanan": "service",
            "service visits": "service",
            "pengunjung": "visitors",
            "visitors": "visitors",
        }.get(base.group(1).lower())
        if base
        else None
    )
    if base_unit is None and owner is not n and unit_of(s, owner) == "service":
        base_unit = "service"  # '11.315 kunjungan layanan (24,8%)': the count names the base
    return ShareClaim(
        sentence=s.text,
        quote=quote_of(s, n),
        mention=s.take(n),
        value=n.number,
        period=period_of(s, owner)[0],
        agency=agency_of(s, owner) if owner is not n else _agency_in_clause(s, n),
        base=base_unit,
        decimals=decimals(n),
    )


def _count_before(s: Sentence, n: Mention) -> Mention | None:
    earlier = [m for m in s.of("number") if m.end <= n.start and not is_percent(s, m)]
    if not earlier or n.start - earlier[-1].end > 40:
        return None
    gap = s.text[earlier[-1].end : n.start]
    return (
        earlier[-1]
        if not any(a.start >= earlier[-1].end and a.end <= n.start for a in s.of("agency"))
        and not re.search(r"[;.]", gap)
        else None
    )


def _agency_in_clause(s: Sentence, n: Mention) -> str | None:
    start, _ = clause_of(s.text, n.start)
    agencies = [a for a in s.of("agency") if start <= a.start < n.start]
    return agencies[-1].name if agencies else None


def satisfaction_claims(s: Sentence, _claims) -> list[Claim]:
    """'SKM sebesar 95,20 poin': a decimal in a sentence about satisfaction."""
    if not words(SATISFACTION, s.text):
        return []
    return [
        satisfaction_claim(s, n)
        for n in s.numbers()
        if n.form == "decimal" or re.fullmatch(r"\d+\.\d\d", n.text)
    ]


def satisfaction_claim(s: Sentence, n: Mention) -> SatisfactionClaim:
    period, strict = period_of(s, n)
    return SatisfactionClaim(
        sentence=s.text,
        quote=quote_of(s, n),
        mention=s.take(n),
        value=float(n.text.replace(",", ".")),
        period=period,
        strict=strict or bool(s.periods()),
    )


def count_claims(s: Sentence, _claims) -> list[Claim]:
    found: list[Claim] = []
    for n in s.numbers():
        scale = _scale(s, n)
        if (n.form == "decimal" and not scale) or (n.number * (scale or 1) < 100 and not unit_of(s, n)):
            continue  # '20 Mini MPP', '2 hari': not figures of visits
        agency = agency_of(s, n)
        period, strict = period_of(s, n)
        others = [p.period for p in s.periods() if p.period != period]
        found.append(
            CountClaim(
                sentence=s.text,
                quote=quote_of(s, n),
                mention=s.take(n),
                value=round(n.number * (scale or 1)),
                period=period,
                measure=measure_of(s, n, agency),
                agency=agency,
                strict=strict,
                others=tuple(others),
                unit=unit_of(s, n),
                approx=_approximate(s, n) or ("sekitar" if scale else None),
                precision=_precision(n, scale),
            )
        )
    return found


def _scale(s: Sentence, n: Mention) -> int | None:
    match = re.match(rf"\s*({'|'.join(SCALES)})\b", s.after(n), re.IGNORECASE)
    return SCALES[match.group(1).lower()] if match else None


def _approximate(s: Sentence, n: Mention) -> str | None:
    """The word that makes the figure an approximation ('sekitar', 'hampir', 'lebih dari'), if any."""
    found = re.findall(rf"(?i)(?<!\w)({APPROXIMATE})(?!\w)", s.text[max(0, n.start - 20) : n.start])
    return found[-1].lower() if found else None


def _precision(n: Mention, scale: int | None) -> int:
    """The unit a count is written to, from its last nonzero digit: '41.500' 100, '41,5 ribu' 100,
    '40 ribu' 10.000, '41.481' 1."""
    if n.form == "decimal":
        return max((scale or 1) // 10 ** len(n.text.split(",")[1]), 1)
    digits = re.sub(r"\D", "", n.text)
    return 10 ** (len(digits) - len(digits.rstrip("0"))) * (scale or 1)


def comparison_claims(s: Sentence, claims: list[Claim]) -> list[Claim]:
    """'41.481 ..., meningkat dibandingkan 29.158 pengunjung sepanjang 2024': two counts of the site
    compared as growth, without a percent."""
    counts = [c for c in claims if isinstance(c, CountClaim) and c.agency is None and c.period]
    if (
        any(isinstance(c, GrowthClaim) for c in claims)
        or len(counts) < 2
        or not (words(f"{GROWTH_UP}|{GROWTH_DOWN}", s.text) and words(COMPARATIVE, s.text))
    ):
        return []
    first, second = counts[0], counts[1]
    if first.period is None or second.period is None or first.period == second.period:
        return []  # which count is which period is not written: not a claim
    current, base = (first, second) if first.period.end >= second.period.end else (second, first)
    return [
        ComparisonClaim(
            sentence=s.text,
            quote=f"{first.quote} … {second.quote}",
            current=current,
            base=base,
            measure=current.measure or base.measure,
            down=words(GROWTH_DOWN, s.text),
        )
    ]


def peak_claims(s: Sentence, _claims) -> list[Claim]:
    """'Puncak kunjungan terjadi pada Juli 2025 ..., disusul September dan Agustus': months in order."""
    match = re.search(rf"(?i)\b(?:{PEAK})\b", s.text)
    months = [m for m in s.of("month") if match and m.start > match.start()]
    if not match or not months:
        return []
    quote = s.text[match.start() : months[-1].end]
    measure = SERVICE if re.search(r"(?i)kunjungan layanan|service visits", s.text) else None
    return [
        PeaksClaim(
            sentence=s.text,
            quote=quote,
            months=tuple(m.period for m in months),
            period=s.main,
            measure=measure,
        )
    ]


def agency_ranking_claims(s: Sentence, _claims) -> list[Claim]:
    """'yang paling sering diakses ialah Disdukcapil ..., DPMPTSP ..., Bankaltimtara ...'."""
    match = re.search(rf"(?i)\b(?:{AGENCY_RANK})\b", s.text)
    if not match:
        return []
    after = [a for a in s.of("agency") if a.start > match.start()]
    before = [a for a in s.of("agency") if a.start < match.start()]
    chosen = after or before[-1:]
    names = list(dict.fromkeys(a.name for a in chosen))
    if not names:
        return []
    period = period_of(s, chosen[0])[0]
    return [AgencyRankingClaim(sentence=s.text, quote=", ".join(names), names=tuple(names), period=period)]


BUILDERS = [
    estimate_claims,
    rate_claims,
    average_claims,
    unit_claims,
    percent_claims,
    satisfaction_claims,
    count_claims,
    comparison_claims,
    peak_claims,
    agency_ranking_claims,
]


def claims_of(sentence: Sentence) -> list[Claim]:
    """The sentence's claims in the order the draft states them (rankings and comparisons last)."""
    found: list[Claim] = []
    for builder in BUILDERS:
        found += builder(sentence, found)
    return sorted(found, key=lambda c: c.mention.start if c.mention else len(sentence.text))
