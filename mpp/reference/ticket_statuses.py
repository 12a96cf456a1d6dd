"""What the status words of queue-ticket exports mean: served, cancelled, no_show, waiting or other.

The seed list (data/ticket_statuses.csv) is data an office can edit, one word a row as queue systems
write it (Selesai, COMPLETED, Batal, Tidak Hadir, Menunggu, ...); the store keeps it in the table
ticket_statuses, where an analyst adds the words of a new queue system once
(`python -m loaders ingest --status WORD=MEANING`). Words match on their key: case, spaces and
punctuation never make a new word ('No-show', 'NO SHOW' and 'noshow' are one).

    meanings(con)["completed"]   # 'served'
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import duckdb

from mpp.access.accounts import SYSTEM, User, require

SEED_FILE = Path(__file__).resolve().parent / "data" / "ticket_statuses.csv"
MEANINGS = ("served", "cancelled", "no_show", "waiting", "other")  # only 'served' tickets are visits


def status_key(word: str) -> str:
    """'Sudah  Dilayani.' -> 'sudahdilayani': lower case, letters and digits only. The ticket layout's
    SQL (loaders/layouts/tickets.py STATUS_KEY) computes the same key for every status it groups."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKC", str(word)).lower())


def seed_rows(path: Path = SEED_FILE) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def seed_meanings(path: Path = SEED_FILE) -> dict[str, str]:
    """{key: meaning} of the seed list alone: for reading a file without a store."""
    return {status_key(row["word"]): row["meaning"] for row in seed_rows(path)}


def seed_statuses(con: duckdb.DuckDBPyConnection, path: Path = SEED_FILE) -> int:
    """Insert the seed words that are missing; never changes a word the store knows. One INSERT,
    not one a word: on the shared store every INSERT is a data file of its own."""
    known = {key for (key,) in con.execute("SELECT status_key FROM ticket_statuses").fetchall()}
    rows = []
    for row in seed_rows(path):
        if row["meaning"] not in MEANINGS:
            raise ValueError(f"meaning must be one of {', '.join(MEANINGS)}: {row['meaning']!r}")
        key = status_key(row["word"])
        if key and key not in known:
            known.add(key)
            rows.append((key, " ".join(str(row["word"]).split()), row["meaning"], "seed", SYSTEM.username))
    if rows:
        values = ", ".join(["(?, ?, ?, ?, ?, current_timestamp)"] * len(rows))
        con.execute(
            f"INSERT INTO ticket_statuses (status_key, word, meaning, source, added_by, added_at) VALUES {values}",
            [value for row in rows for value in row],
        )
    return len(rows)


def meanings(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """{key: meaning} of every word the store knows."""
    return dict(con.execute("SELECT status_key, meaning FROM ticket_statuses").fetchall())


def add_status(
    con: duckdb.DuckDBPyConnection, actor: User | None, word: str, meaning: str, source: str = "analyst"
) -> int:
    """Remember what a status word means (analysts and admins; the seed list as SYSTEM), with who
    said so. Returns 1 when added, 0 when the word was known (its meaning is then left as it is)."""
    require(actor, "analyst")
    assert actor is not None  # require() refused None
    if meaning not in MEANINGS:
        raise ValueError(f"meaning must be one of {', '.join(MEANINGS)}: {meaning!r}")
    key = status_key(word)
    if not key or con.execute("SELECT 1 FROM ticket_statuses WHERE status_key = ?", [key]).fetchall():
        return 0
    con.execute(
        "INSERT INTO ticket_statuses (status_key, word, meaning, source, added_by, added_at) "
        "VALUES (?, ?, ?, ?, ?, current_timestamp)",
        [key, " ".join(str(word).split()), meaning, source, actor.username],
    )
    return 1


def set_status(con: duckdb.DuckDBPyConnection, actor: User | None, word: str, meaning: str) -> None:
    """What an analyst said a word means (--status WORD=MEANING): added, or its meaning changed."""
    if not add_status(con, actor, word, meaning):
        assert actor is not None  # add_status() required an analyst
        con.execute(
            "UPDATE ticket_statuses SET meaning = ?, source = 'analyst', added_by = ?, "
            "added_at = current_timestamp WHERE status_key = ? AND meaning <> ?",
            [meaning, actor.username, status_key(word), meaning],
        )
