"""The canonical agency list, its aliases, and matching the names files use to canonical agencies.

The seed list (data/agencies.csv) is data an office can edit: one canonical agency a row, as the press
names it, with its official name, level of government and the spellings offices use for it. An alias
ending in ' *' ('Kantor Imigrasi *') also matches that name followed by a place ('Kantor Imigrasi
Kelas II Pemalang'): offices of national agencies are named after the town they sit in.

    matcher = AgencyMatcher.from_store(con)
    matcher.match("Polres Paser (SKCK)", "Paser")     # Match(agency_id=7, canonical='Kepolisian', ...)
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import duckdb

from mpp.access.accounts import User, require
from mpp.store.lake import next_id, next_ids

SEED_FILE = Path(__file__).resolve().parent / "data" / "agencies.csv"


def agency_key(name: str) -> str:
    """The spelling-insensitive key of a name: case, spacing, punctuation and '&' vs 'dan' never make a
    new agency. 'Dinas Kependudukan & Pencatatan Sipil ' -> 'dinas kependudukan dan pencatatan sipil'."""
    text = unicodedata.normalize("NFKC", str(name)).lower().replace("&", " dan ")
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def alias_key(spelling: str) -> str:
    """agency_key, keeping a trailing ' *' (an alias that a place name may follow)."""
    key = agency_key(spelling)
    return f"{key} *" if key and str(spelling).rstrip().endswith("*") else key


def seed_rows(path: Path = SEED_FILE) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def seed_agencies(con: duckdb.DuckDBPyConnection, path: Path = SEED_FILE) -> int:
    """Insert the seed agencies and aliases that are missing; never changes an existing one. One
    INSERT a table, not one a row: on the shared store every INSERT is a data file of its own, which
    every later query lists."""
    rows = seed_rows(path)
    ids = dict(con.execute("SELECT name, agency_id FROM agencies").fetchall())
    new: dict[str, dict] = {}  # name -> the first row naming an agency the store lacks
    for row in rows:
        if row["name"] not in ids:
            new.setdefault(row["name"], row)
    fresh = list(zip(next_ids(con, "agency_ids", len(new)), new.values(), strict=True)) if new else []
    insert_rows(
        con,
        "agencies (agency_id, name, long_name, level)",
        [(agency_id, row["name"], row["long_name"], row["level"]) for agency_id, row in fresh],
    )
    ids.update((row["name"], agency_id) for agency_id, row in fresh)
    known = {key for (key,) in con.execute("SELECT alias_key FROM agency_aliases").fetchall()}
    aliases = []
    for row in rows:
        for spelling in [row["name"], row["long_name"], *filter(None, row["aliases"].split("|"))]:
            key = alias_key(spelling)
            if key and key not in known:
                known.add(key)
                aliases.append((key, spelling.strip(), ids[row["name"]], "seed"))
    insert_rows(con, "agency_aliases (alias_key, alias, agency_id, source)", aliases)
    return len(aliases)


def insert_rows(con: duckdb.DuckDBPyConnection, into: str, rows: list[tuple]) -> None:
    """rows, as bound parameters, in one INSERT INTO `into` (a table and its columns)."""
    if rows:
        values = ", ".join(["(" + ", ".join("?" * len(rows[0])) + ")"] * len(rows))
        con.execute(f"INSERT INTO {into} VALUES {values}", [value for row in rows for value in row])


def ensure_agency(
    con: duckdb.DuckDBPyConnection, name: str, long_name: str | None = None, level: str = "lainnya"
) -> int:
    """The id of the agency with this canonical name, created if missing."""
    found = con.execute("SELECT agency_id FROM agencies WHERE name = ?", [name]).fetchall()
    if found:
        return found[0][0]
    new_id = next_id(con, "agency_ids")  # (not a column default: the shared store has none)
    con.execute(
        "INSERT INTO agencies (agency_id, name, long_name, level) VALUES (?, ?, ?, ?)",
        [new_id, name, long_name, level],
    )
    return new_id


def add_alias(
    con: duckdb.DuckDBPyConnection, actor: User | None, spelling: str, agency_id: int, source: str = "analyst"
) -> int:
    """Remember a spelling for an agency (analysts and admins; the seed list as SYSTEM). Returns 1
    when added, 0 when the key was known."""
    require(actor, "analyst")
    key = alias_key(spelling)
    if not key:
        return 0
    known = con.execute("SELECT 1 FROM agency_aliases WHERE alias_key = ?", [key]).fetchall()
    if known:
        return 0
    con.execute(
        "INSERT INTO agency_aliases (alias_key, alias, agency_id, source) VALUES (?, ?, ?, ?)",
        [key, spelling.strip(), agency_id, source],
    )
    return 1


# ---- matching ------------------------------------------------------------------------------------

# Frequent misspellings, word by word, as they appear in real lists.
SPELLING = {
    "kementrian": "kementerian",
    "kemetrian": "kementerian",
    "kepolisan": "kepolisian",
    "ketenagakerjan": "ketenagakerjaan",
    "kesahatan": "kesehatan",
    "penanamam": "penanaman",
    "kependudukkan": "kependudukan",
    "pencatatn": "pencatatan",
}
PROVINCIAL = re.compile(r"\b(prov|provinsi|propinsi|pemprov|pemrov|pemprop|pemerintah provinsi)\b.*$")
PLACE_SUFFIX = re.compile(r" (kab|kabupaten|kota|kec|kecamatan|pemkab|pemkot) \S.*$")
COUNTER = re.compile(r" \d{1,2}$")
LEGAL_FORM = re.compile(r"^pt |^perum |^perumda | persero$| tbk$| persero tbk$")
WILDCARD_MAX_WORDS = 4


# How alike two names must be (difflib's ratio of their keys, noise rules applied to the raw name)
# before a canonical name is offered as what an unknown name probably is. Measured on the real agency
# lists in ../shared/real-data (Batang, Deli Serdang, Tabalong: 80 names) against the seed list, each
# name matched with the alias that resolves it left out, as a new spelling would arrive: every
# closest name at 0,9 or above was the right agency (the Disdukcapil counters 0,96, 'Kementerian
# Agama' 0,97, DPUPR 0,91); below it wrong ones begin ('Bank BRI' -> Bank BSI 0,875, 'Dinas
# Perikanan' -> Dinas Pertanian 0,867, 'BPJS Ketenagakerjaan' -> its provincial office 0,851). The 70
# permit types of the Sleman recap, which are no agency at all, reach 0,65 at most. A wrong
# suggestion that one click saves misfiles every later file; a missing one costs a pick from a list.
SUGGEST_FROM = 0.9


@dataclass(frozen=True)
class Match:
    """agency_id None means unresolved: suggestions then hold the canonical names alike enough to
    offer (SUGGEST_FROM), closest first, at most 3; often none."""

    agency_id: int | None
    canonical: str | None
    rule: str  # which rules resolved it: 'alias', 'alias+counter', ...
    suggestions: tuple[str, ...] = ()


class AgencyMatcher:
    """Resolves raw agency names through the alias table and the noise rules of domain.md;
    never by similarity alone (similar names are only offered as suggestions)."""

    def __init__(self, agencies: dict[int, tuple[str, str]], aliases: dict[str, int]):
        self.agencies = agencies  # agency_id -> (canonical name, level)
        self.exact = {k: i for k, i in aliases.items() if not k.endswith(" *")}
        self.prefixes = sorted(
            ((k[:-2], i) for k, i in aliases.items() if k.endswith(" *")), key=lambda item: -len(item[0])
        )
        # every key an unknown name is compared with: the aliases and the canonical names themselves
        self.known_keys = {agency_key(name): i for i, (name, _) in agencies.items()} | self.exact

    @classmethod
    def from_store(cls, con: duckdb.DuckDBPyConnection) -> AgencyMatcher:
        agencies = {
            i: (n, lvl) for i, n, lvl in con.execute("SELECT agency_id, name, level FROM agencies").fetchall()
        }
        aliases = dict(con.execute("SELECT alias_key, agency_id FROM agency_aliases").fetchall())
        for agency_id, (name, _) in agencies.items():
            aliases.setdefault(agency_key(name), agency_id)
        return cls(agencies, aliases)

    def match(self, raw_name: str, site_kabupaten_kota: str | None = None) -> Match:
        for key, rule in candidate_keys(raw_name, site_kabupaten_kota):
            found = self._lookup(key)
            if found is not None:
                agency_id, how = found
                return Match(agency_id, self.agencies[agency_id][0], "+".join(filter(None, [how, rule])))
        return Match(None, None, "unknown", self.suggestions(raw_name, site_kabupaten_kota))

    def _lookup(self, key: str) -> tuple[int, str] | None:
        if key in self.exact:
            return self.exact[key], "alias"
        provincial = PROVINCIAL.search(key) is not None
        for prefix, agency_id in self.prefixes:
            rest = key[len(prefix) + 1 :].split() if key.startswith(prefix + " ") else []
            level_ok = not provincial or self.agencies[agency_id][1] == "provinsi"
            if rest and len(rest) <= WILDCARD_MAX_WORDS and level_ok:
                return agency_id, "place"
        return None

    def suggestions(self, raw_name: str, place: str | None = None, n: int = 3) -> tuple[str, ...]:
        """The canonical names whose own key or an alias is at least SUGGEST_FROM alike the raw name
        (noise rules applied), closest first: 'KEMENTRIAN AGAMA' -> ('Kemenag',) even where no alias
        knows that spelling; 'IZIN PRAKTIK PERAWAT' -> () (a permit type, no agency)."""
        scores: dict[int, float] = {}
        for key, _ in candidate_keys(raw_name, place):
            for agency_id, score in alike(key, self.known_keys).items():
                scores[agency_id] = max(score, scores.get(agency_id, 0.0))
        closest = sorted(scores, key=lambda agency_id: -scores[agency_id])[:n]
        return tuple(self.agencies[agency_id][0] for agency_id in closest)


def alike(key: str, known: dict[str, int]) -> dict[int, float]:
    """The agencies whose key is at least SUGGEST_FROM alike `key` (difflib's ratio: matching
    characters over both lengths), with the ratio; cheap upper bounds skip the rest first."""
    found: dict[int, float] = {}
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(key)
    for other, agency_id in known.items():
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() >= SUGGEST_FROM and matcher.quick_ratio() >= SUGGEST_FROM:
            score = matcher.ratio()
            if score >= SUGGEST_FROM and score > found.get(agency_id, 0.0):
                found[agency_id] = score
    return found


def candidate_keys(raw_name: str, place: str | None = None):
    """(key, rule) pairs to try in order, each dropping one more kind of noise: the name as
    written, a provincial marker kept but the province's name dropped, a parenthesised note,
    'PT'/'Persero', a counter number, a 'Kab./Kota X' suffix or the site's own place, then known
    misspellings; last, the note alone ('... (PDAM)'). The provincial marker is never dropped: a
    provincial office is a different agency."""
    key = agency_key(raw_name)
    steps = [("", key)]
    steps.append(("provinsi", PROVINCIAL.sub("provinsi", key)))
    steps.append(("note", _provincial(agency_key(re.sub(r"\([^)]*\)", " ", str(raw_name))))))
    steps.append(("legal_form", LEGAL_FORM.sub("", steps[-1][1]).strip()))
    steps.append(("counter", COUNTER.sub("", steps[-1][1])))
    steps.append(("place", _without_place(steps[-1][1], place)))
    steps.append(("spelling", " ".join(SPELLING.get(w, w) for w in steps[-1][1].split())))
    seen, rules = set(), []
    for rule, candidate in steps:
        if candidate and candidate not in seen:
            seen.add(candidate)
            rules.append(rule)
            yield candidate, "+".join(filter(None, rules))
    if PROVINCIAL.search(key):
        return  # '(Dinkes)' would name the kabupaten's office
    for note in re.findall(r"\(([^)]*)\)", str(raw_name)):  # 'Perusahaan Daerah Air Minum (PDAM)'
        yield agency_key(note), "note_only"


def _provincial(key: str) -> str:
    return PROVINCIAL.sub("provinsi", key).strip()


def _without_place(key: str, place: str | None) -> str:
    key = PLACE_SUFFIX.sub("", key) if not key.endswith("provinsi") else key
    own = re.sub(r"^(kabupaten|kab|kota) ", "", agency_key(place or ""))
    if own and key.endswith(" " + own):
        key = key[: -len(own) - 1]
    return key.strip()
