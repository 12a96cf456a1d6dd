"""The words a column header may carry for each role a layout reads: data an office can edit.

The table (data/header_words.csv) holds one word a row, `role,word,note`, as offices write it
(`Keperluan/Layanan`, `Nama Instansi`, `Tgl`); lines starting with '#' say how to add one. Every
layout in loaders/layouts/ takes its header words from here, so adding a row teaches every layout
that reads the role, and the words a refusal names (named()) come from the same rows. A role is
what a layout reads (ROLES); a new role needs code, a new word does not.

Read once, at import, and checked: a row with a role ROLES does not know, an empty word, or a word
its role already has (whatever its case, spaces and punctuation) stops the program, naming the
line, rather than leaving a layout to guess.

    words("service")   # ('Layanan', 'Jenis Layanan', 'Nama Layanan', 'Keperluan/Layanan', ...)
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent / "data" / "header_words.csv"
COLUMNS = ["role", "word", "note"]

# The roles the layouts read, and what a column of each holds.
ROLES = {
    "agency": "the agency (instansi) of each row",
    "unit": "a unit or institution, where whole headers are matched (yearly recap, survey)",
    "service": "the service (layanan) of each row",
    "day": "the date of each row",
    "survey_day": "the day a survey respondent answered",
    "day_and_time": "a date with its time (ticket exports, survey forms)",
    "month": "the month of each row",
    "year": "the year of each row",
    "count": "a count of service visits",
    "visitor_count": "a count of people entering the mall",
    "status": "a ticket's status",
    "ticket": "a ticket's number",
    "channel": "the channel of each row (walk-in, online, ...)",
    "queue_source": "the channel of a ticket, as queue systems name it",
    "walk_in": "walk-in visits, a channel's own column",
    "online": "online visits, a channel's own column",
    "jemput_bola": "pick-up service visits, a channel's own column",
    "digital": "digital service visits, a channel's own column",
    "online_present": "online tickets whose holders came (daily channel recap)",
    "issued": "queue numbers issued (daily channel recap)",
    "cancelled": "cancelled online tickets (daily channel recap)",
    "no_show": "tickets whose holders did not come (daily channel recap)",
    "site_code": "the region's code (Satu Data)",
    "site_name": "the region's name (Satu Data)",
    "row_number": "a row number (No)",
    "remark": "a remark (Keterangan)",
    "respondent": "a survey respondent",
    "sex": "a respondent's sex",
    "age": "a respondent's age or age band",
    "education": "a respondent's education",
    "occupation": "a respondent's occupation",
    "unsur": "the survey element (unsur) of an answer row",
    "answer": "a survey answer",
    "answer_rows": "how many answer rows are behind a respondent",
    "index": "a published satisfaction index",
    "grade": "a published grade (mutu)",
    "respondent_count": "how many respondents a published index rests on",
    "survey_unit": "a place or service as the unit of published survey results",
}


class HeaderWordsError(ValueError):
    """The table is not what the layouts can read: says which file and line, and why."""


def word_key(word: str) -> str:
    """'Keperluan / layanan' -> 'KEPERLUAN LAYANAN': how two spellings are one word."""
    return " ".join(re.sub(r"[\W_]+", " ", str(word).upper()).split())


def read_table(path: Path = WORDS_FILE) -> dict[str, tuple[str, ...]]:
    """{role: its words, in the table's order}, every role of ROLES with at least one word."""
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    if not lines or [h.strip() for h in cells(lines[0][1])] != COLUMNS:
        where = f"{path}, baris {lines[0][0]}" if lines else str(path)
        raise HeaderWordsError(f"{where}: baris judul harus {','.join(COLUMNS)}")
    for number, line in lines[1:]:
        add_word(found, cells(line), f"{path}, baris {number}")
    empty = [role for role, words in found.items() if not words]
    if empty:
        raise HeaderWordsError(f"{path}: peran tanpa kata satu pun: {', '.join(empty)}")
    return {role: tuple(words) for role, words in found.items()}


def cells(line: str) -> list[str]:
    return next(csv.reader([line]))


def add_word(found: dict[str, list[str]], row: list[str], where: str) -> None:
    """One row of the table into found, or HeaderWordsError naming the line."""
    if len(row) not in (2, 3):
        raise HeaderWordsError(f"{where}: harus role,word,note; ada {len(row)} kolom: {row}")
    role, word = row[0].strip(), " ".join(row[1].split())
    if role not in found:
        raise HeaderWordsError(f"{where}: peran {role!r} tidak dikenal (yang ada: {', '.join(ROLES)})")
    if not word_key(word):
        raise HeaderWordsError(f"{where}: kata untuk peran {role!r} kosong")
    same = next((w for w in found[role] if word_key(w) == word_key(word)), None)
    if same is not None:
        raise HeaderWordsError(f"{where}: {word!r} sudah ada untuk peran {role!r} (sebagai {same!r})")
    found[role].append(word)


WORDS = read_table()


def words(*roles: str) -> tuple[str, ...]:
    """The words of these roles, in the table's order, each once."""
    unknown = [role for role in roles if role not in WORDS]
    if unknown:
        raise KeyError(f"peran tidak dikenal: {', '.join(unknown)}")
    return tuple(dict.fromkeys(w for role in roles for w in WORDS[role]))


def named(role: str, shown: int = 1) -> str:
    """How a refusal names a role: its first word, and the next shown-1 as alternatives:
    named('count', 2) -> 'Jumlah (atau Jumlah Kunjungan)'."""
    first, *others = words(role)[:shown]
    return f"{first} (atau {', '.join(others)})" if others else first
