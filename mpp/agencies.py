"""The canonical agency list and its aliases.

The seed list (data/agencies.csv) is data an office can edit: one canonical agency a row, as the press
names it, with its official name, level of government and the spellings offices use for it.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

SEED_FILE = Path(__file__).resolve().parent / "data" / "agencies.csv"


def agency_key(name: str) -> str:
    """The spelling-insensitive key of a name: case, spacing, punctuation and '&' vs 'dan' never make a
    new agency. 'Dinas Kependudukan & Pencatatan Sipil ' -> 'dinas kependudukan dan pencatatan sipil'."""
    text = unicodedata.normalize("NFKC", str(name)).lower().replace("&", " dan ")
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def seed_rows(path: Path = SEED_FILE) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def seed_agencies(con, path: Path = SEED_FILE) -> int:
    """Insert the seed agencies and aliases that are missing; never changes an existing one."""
    added = 0
    for row in seed_rows(path):
        agency_id = ensure_agency(con, row["name"], row["long_name"], row["level"])
        spellings = [row["name"], row["long_name"], *filter(None, row["aliases"].split("|"))]
        for spelling in spellings:
            added += add_alias(con, spelling, agency_id, "seed")
    return added


def ensure_agency(con, name: str, long_name: str | None = None, level: str = "lainnya") -> int:
    """The id of the agency with this canonical name, created if missing."""
    found = con.execute("SELECT agency_id FROM agencies WHERE name = ?", [name]).fetchall()
    if found:
        return found[0][0]
    return con.execute("INSERT INTO agencies (name, long_name, level) VALUES (?, ?, ?) "
                       "RETURNING agency_id", [name, long_name, level]).fetchall()[0][0]


def add_alias(con, spelling: str, agency_id: int, source: str = "analyst") -> int:
    """Remember a spelling for an agency. Returns 1 when added, 0 when the key was known."""
    key = agency_key(spelling)
    if not key:
        return 0
    known = con.execute("SELECT 1 FROM agency_aliases WHERE alias_key = ?", [key]).fetchall()
    if known:
        return 0
    con.execute("INSERT INTO agency_aliases (alias_key, alias, agency_id, source) VALUES (?, ?, ?, ?)",
                [key, spelling.strip(), agency_id, source])
    return 1
