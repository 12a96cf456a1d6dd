"""Reading a draft press text: sentences, clauses, and every figure, month, period and agency it names.

Pure text work, no database: the checker (mpp/checker.py) passes in the agency spellings it knows.
Numbers are read as written, and how they are written is kept (`form`), because a wrongly written
number is itself a finding: "41,481" reads in Indonesian as forty-one point four eight one.

    >>> [m.text for m in mentions("Hingga September 2025 tercatat 41.481 pengunjung.", {})]
    ['Hingga September 2025', '41.481']
"""
from __future__ import annotations

import functools
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mpp import fmt
from mpp.period import Period

MONTH_WORDS = {**{m.lower(): i for i, m in enumerate(fmt.MONTHS_ID, 1)},
               **{m.lower(): i for i, m in enumerate(fmt.MONTHS_EN, 1)},
               "agt": 8, "agu": 8, "ags": 8, "okt": 10, "nop": 11, "des": 12, "sept": 9}
MONTH = r"(?:%s)" % "|".join(sorted((m.capitalize() for m in MONTH_WORDS), key=len, reverse=True))
YEAR = r"(?:19|20)\d{2}"
UPTO = r"(?:-|–|—|s\.d\.?|s/d|hingga|sampai(?: dengan)?|to|through|until)"
# Period phrases, most specific first: (kind, pattern). Declared as data; `_period_from` reads them.
PERIOD_PATTERNS = [
    ("range", rf"({MONTH})\s*({YEAR})?\s*{UPTO}\s*({MONTH})\s+({YEAR})"),
    ("to_date", rf"(?i:hingga|sampai(?: dengan)?|s\.d\.?|s/d|per|through|until|up to)\s+"
                rf"(?i:akhir\s+|bulan\s+)?({MONTH})\s+({YEAR})"),
    ("month", rf"({MONTH})\s+({YEAR})"),
    ("year", rf"(?i:sepanjang|selama|pada|tahun|in|during|throughout|year)\s+(?i:tahun\s+)?({YEAR})\b"),
    ("month", rf"\b({MONTH})\b"),
]
DATE = rf"(?<![\d.,])\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{MONTH}(?:\s+{YEAR})?"
# Periods named by reference to another period, resolved after the periods written out:
# "periode yang sama tahun 2024" / "tahun lalu" is the same months as the period it is compared with,
# in that year; "bulan tersebut", "periode ini" is the period the draft was just talking about.
REFERENCE_PATTERNS = [
    ("same_period", rf"(?i:(?:periode|kurun waktu) yang sama(?: pada| di)? tahun (?:lalu|sebelumnya|({YEAR}))|"
                    rf"(?:the )?same period (?:(?:of|in) ({YEAR})|(?:last|a|the previous) year))"),
    ("back", r"(?i:(?<![-\w])(bulan|periode) (?:tersebut|itu|ini)\b|\b(?:that|this) (month|period)\b)"),
]
NUMBER = re.compile(r"(?<![\w/.,])\d(?:[\d.,]*\d)?(?![\w/])")
ABBREVIATIONS = ("Kab", "Prov", "Kec", "Kel", "No", "Tbk", "Jl", "St", "Dr", "Drs", "Ir", "H", "Hj",
                 "Rp", "dr", "Bpk", "Sdr", "a.n", "u.p", "dll", "dsb", "vs")


@dataclass(frozen=True)
class Mention:
    """One thing a sentence names, at [start, end) of the sentence."""
    kind: str            # number | period | month | agency
    start: int
    end: int
    text: str
    value: object = None  # number: digits as int (or float); period/month: Period; agency: its name
    form: str = "ok"      # numbers: ok | comma_thousands | malformed | unformatted | dot_decimal | decimal
    extra: dict = field(default_factory=dict, compare=False)


# --- reading, under limits ------------------------------------------------------------------------
# A press draft is 2-10 KB of text (the seed article: 3.678 characters, 29 sentences). The limits
# leave ten times room and bound the checker's time: 100.000 characters check in about 1 s of CPU.

KB, MB = 1024, 1024 * 1024
MAX_DRAFT_CHARS = 100_000          # pasted or read text
MAX_DRAFT_BYTES = 5 * MB           # an uploaded .txt/.docx (a .docx with a photo is 1-3 MB)
MAX_DOCUMENT_XML = 20 * MB         # word/document.xml unpacked: ~100 KB of text is ~1-2 MB of XML
MAX_RATIO = 200                    # unpacked / packed of a zip member over 1 MB, as for spreadsheets
MAX_SENTENCES = 1_000              # the seed article has 29; 100.000 characters of prose ~760
MAX_SENTENCE_CHARS = 1_500         # longer is not a sentence (a pasted table, garbage): not checked
MAX_SENTENCE_NUMBERS = 40          # the checker's work grows with the square of this
WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DraftRefused(ValueError):
    """A draft that is not read or checked, with the reason in Indonesian (English after ' / ')."""
    refusal = True          # mpp.guard passes it back from the child as itself


def read_draft(source, name: str | None = None) -> str:
    """The text of a draft file: a path (.txt or .docx) or the raw bytes of either. A .docx is read
    in a child process under a memory and time cap (mpp.guard), after its zip sizes are checked."""
    name = name or (Path(source).name if isinstance(source, (str, Path)) else "naskah")
    data = _draft_bytes(source, name)
    text = _docx_guarded(data, name) if data[:2] == b"PK" else _decoded(data)
    check_length(text, name)
    return text


def _draft_bytes(source, name: str) -> bytes:
    size = Path(source).stat().st_size if isinstance(source, (str, Path)) else len(source)
    if size > MAX_DRAFT_BYTES:
        raise DraftRefused(f"Berkas naskah {name} berukuran {fmt.number(size // KB)} KB, melebihi batas "
                           f"{fmt.number(MAX_DRAFT_BYTES // MB)} MB. Tempel teksnya saja, atau simpan "
                           "tanpa gambar. / The draft file is too large.")
    return Path(source).read_bytes() if isinstance(source, (str, Path)) else bytes(source)


def _decoded(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def check_length(text: str, name: str | None = None) -> None:
    """Refuse a draft too long to be a press statement (and to check in bounded time)."""
    if len(text) > MAX_DRAFT_CHARS:
        what = f"Naskah {name}" if name else "Naskah yang ditempel"
        raise DraftRefused(f"{what} berisi {fmt.number(len(text))} karakter, melebihi batas "
                           f"{fmt.number(MAX_DRAFT_CHARS)} (sebuah siaran pers biasanya 2.000-10.000). "
                           "Periksa per bagian. / The draft is too long to check.")


def check_sentences(texts: list[str]) -> None:
    if len(texts) > MAX_SENTENCES:
        raise DraftRefused(f"Naskah berisi {fmt.number(len(texts))} kalimat, melebihi batas "
                           f"{fmt.number(MAX_SENTENCES)}. Periksa per bagian. / Too many sentences to check.")


def too_long(sentence: str) -> bool:
    """A 'sentence' the checker skips: too long, or too many figures (a pasted table)."""
    return len(sentence) > MAX_SENTENCE_CHARS or len(NUMBER.findall(sentence)) > MAX_SENTENCE_NUMBERS


def _docx_guarded(data: bytes, name: str) -> str:
    from mpp import guard
    _check_docx_zip(data, name)
    try:
        return guard.run("mpp.draft:docx_text", data, name, memory_mb=512, timeout=30)
    except guard.ChildFailed as failed:
        raise DraftRefused(f"Naskah {name} tidak dapat dibaca dengan aman ({failed.kind}); tidak "
                           "diperiksa. Tempel teksnya saja. / The .docx could not be read safely.") from None


def _check_docx_zip(data: bytes, name: str) -> None:
    """Declared sizes, before anything is inflated (zipfile then stops a member at its declared size)."""
    try:
        infos = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _not_docx(name, "arsip zip rusak") from None
    document = infos.get("word/document.xml")
    if document is None:
        raise _not_docx(name, "tanpa word/document.xml")
    bomb = [i for i in infos.values() if i.file_size > MB and i.file_size > MAX_RATIO * max(1, i.compress_size)]
    if document.file_size > MAX_DOCUMENT_XML or bomb:
        raise DraftRefused(f"Naskah {name} mengembang menjadi {fmt.number(document.file_size // MB)} MB "
                           f"teks XML saat dibuka (batas {fmt.number(MAX_DOCUMENT_XML // MB)} MB, "
                           f"{MAX_RATIO} kali ukurannya): bukan naskah siaran pers yang wajar. Tempel "
                           "teksnya saja. / The .docx unpacks to too much.")


def _not_docx(name: str, why: str) -> DraftRefused:
    return DraftRefused(f"Naskah {name} bukan berkas .docx yang utuh ({why}). Simpan ulang dari Word, "
                        "atau tempel teksnya. / Not a readable .docx.")


def docx_text(data: bytes, name: str) -> str:
    """The paragraphs of word/document.xml, streamed (runs in the guarded child). No DOCTYPE is
    accepted (expat would expand its entities), and reading stops past MAX_DRAFT_CHARS."""
    import xml.etree.ElementTree as ET
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            with archive.open("word/document.xml") as stream:
                head = stream.read(65536)        # a DOCTYPE comes before the root element
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise _not_docx(name, "XML memuat DOCTYPE/ENTITY")
            with archive.open("word/document.xml") as stream:
                return "\n\n".join(_paragraphs(ET.iterparse(stream)))
    except (ET.ParseError, zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise _not_docx(name, str(exc)[:120]) from None


def _paragraphs(events):
    size = 0
    for _, element in events:
        if element.tag == f"{WORD}p":
            text = "".join(t.text or "" for t in element.iter(f"{WORD}t"))
            element.clear()
            yield text
            size += len(text)
            if size > MAX_DRAFT_CHARS:       # enough to refuse it as too long
                return


def sentences(text: str) -> list[str]:
    """Sentences, paragraph by paragraph; abbreviations (Kab., Rp.) and numbers (41.481) do not end one."""
    found = []
    for paragraph in re.split(r"\s*\n\s*", text):
        parts = re.split(r"(?<=[.!?])[\"”’]?\s+(?=[\"“(]?[A-Z0-9])", paragraph.strip())
        found += _rejoin_abbreviations([p for p in parts if p.strip()])
    return found


def _rejoin_abbreviations(parts: list[str]) -> list[str]:
    joined: list[str] = []
    for part in parts:
        # Only the tail is searched: the whole part would make a run of abbreviations quadratic.
        if joined and re.search(r"\b(%s)\.$" % "|".join(map(re.escape, ABBREVIATIONS)), joined[-1][-12:]):
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

def read_number(token: str) -> tuple[object, str]:
    """(value, form) of a number as written. '41.481' -> (41481, 'ok'); '24,8' -> (24.8, 'decimal');
    '41,481' -> (41481, 'comma_thousands'); '41.48' -> (4148, 'malformed'): its digits only."""
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
    after = sentence[match.end():match.end() + 16]
    return len(match.group()) <= 2 and bool(re.match(rf"\s*(?:-\s*\d{{1,2}}\s*)?{MONTH}\b", after))


def number_mentions(sentence: str) -> list[Mention]:
    found = []
    for match in NUMBER.finditer(sentence):
        token = match.group()
        if re.fullmatch(YEAR, token) or _is_day_of_month(sentence, match):
            continue
        if re.search(r"Rp\.?\s*$", sentence[:match.start()]):
            continue                          # money is not a visit figure
        value, form = read_number(token)
        percent = re.match(r"\s*(?:%|persen|percent)", sentence[match.end():])
        if percent and re.fullmatch(r"\d+\.\d{1,2}", token):
            value, form = float(token), "dot_decimal"     # '24.8 persen': an English decimal point
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


def period_mentions(sentence: str, default_year: int | None, earlier: tuple[Period, ...] = (),
                    main: Period | None = None) -> list[Mention]:
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
            taken.append(Mention("period", match.start(), match.end(), match.group(), kind,
                                 extra={"groups": match.groups()}))
    taken = sorted((m for m in taken if m.kind != "date"), key=lambda m: m.start)
    named = _with_years([m for m in taken if m.value not in REFERENCE_KINDS], default_year)
    return _references([m for m in taken if m.value in REFERENCE_KINDS], named, earlier, main)


REFERENCE_KINDS = {kind for kind, _ in REFERENCE_PATTERNS}


def _with_years(taken: list[Mention], year: int | None) -> list[Mention]:
    resolved = []
    for mention in taken:
        period = _period_from(mention.value, mention.extra["groups"], year)
        if period is None:
            continue
        year = period.end.year
        kind = "month" if period.months == 1 and mention.value == "month" else "period"
        resolved.append(Mention(kind, mention.start, mention.end, mention.text, period,
                                extra={"pattern": mention.value, "bare": len(mention.extra["groups"]) == 1}))
    return resolved


def _references(refs: list[Mention], named: list[Mention], earlier: tuple[Period, ...],
                main: Period | None) -> list[Mention]:
    """The named periods with the references resolved, in order of position; a reference with
    nothing to refer to is dropped (the sentence then takes the draft's period)."""
    found = list(named)
    for ref in sorted(refs, key=lambda m: m.value != "back"):     # "bulan tersebut" may anchor "tahun lalu"
        before = sorted((m for m in found if m.end <= ref.start), key=lambda m: m.start)
        after = sorted((m for m in found if m.start >= ref.end), key=lambda m: m.start)
        anchor = None
        if ref.value == "back":
            period = _referred(ref, [m.value for m in reversed(before)] or list(earlier))
        else:
            anchor = _current(before) or _current(after) or main
            period = _same_period(ref, anchor)
        if period is not None:
            found.append(Mention("period", ref.start, ref.end, ref.text, period,
                                 extra={"pattern": ref.value, "refers": True, "anchor": anchor}))
    return sorted(found, key=lambda m: m.start)


def _current(named: list[Mention]) -> Period | None:
    """Of the periods a sentence names, the one it is about: the latest-ending (then the longest);
    an earlier one is what it is compared with."""
    return max((m.value for m in named), key=lambda p: (p.end, p.months), default=None)


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
    return [Mention("agency", m.start(), m.end(), m.group(), canonical[m.group()])
            for m in pattern.finditer(sentence)]


@functools.lru_cache(maxsize=8)
def _agency_pattern(items: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, str]]:
    """One alternation for every spelling: a draft is hundreds of sentences, the list hundreds of names."""
    canonical = {}
    for spelling, name in items:
        canonical.setdefault(spelling, name)
        canonical.setdefault(spelling.upper(), name)
    ordered = sorted(canonical, key=len, reverse=True)
    alternation = "|".join(map(re.escape, ordered)) or r"(?!)"
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), canonical


def mentions(sentence: str, spellings: dict[str, str], default_year: int | None = None,
             earlier: tuple[Period, ...] = (), main: Period | None = None) -> list[Mention]:
    """Everything the sentence names, in order of position (see `period_mentions` for the rest)."""
    found = number_mentions(sentence) + period_mentions(sentence, default_year, earlier, main)
    found += agency_mentions(sentence, spellings)
    return sorted(found, key=lambda m: m.start)
