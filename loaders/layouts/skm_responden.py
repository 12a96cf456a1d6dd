"""SKM raw answers (PermenPANRB 14/2017): one row per respondent with U1..U9, or one row per answer
(respondent, unsur, answer). Agency, date and demographics come along; names, phone numbers and
free-text suggestions (saran) are never kept: they identify people.

    id_responden | tgl_responden | instansi | jkel | pekerjaan | pendidikan | U1 .. U9 | saran
    responden | tanggal | instansi | unsur (U1 / 1 / Persyaratan) | jawaban

Answers must be 1-4; a 5 (a 1-5 form), a 0, a blank or a word refuses the file, naming each cell.
A respondent listed twice keeps the last answers, as survey apps do when a form is re-sent.
"""

from __future__ import annotations

import re

import pandas as pd

from loaders.layouts import skm_ringkasan
from loaders.layouts.common import Context, problem, ref, service_frame, text
from loaders.layouts.skm_answers import AnswerChecker
from loaders.model import Parsed, Problem, Sheet
from loaders.normalize import parse_date
from mpp.reference.header_words import named, words
from mpp.survey.skm import UNSUR, age_band

NAME = "skm_responden"
TITLE = "SKM: jawaban per responden"
KIND = "survey_answers"
# What detect looks for, said when no layout recognises a sheet; the words are the table's.
EXPECTS = (
    f"kolom U1..U9 (satu baris per responden), atau {named('respondent')}, {named('unsur')} dan "
    f"{named('answer')}"
)


def header_key(value) -> str:
    return " ".join(text(value).replace("_", " ").upper().split())


def role_words(*roles: str) -> tuple[str, ...]:
    """The header words of these roles (mpp/reference/data/header_words.csv) as header_key writes them;
    where a header row has several, the earliest word wins."""
    return tuple(dict.fromkeys(header_key(w) for w in words(*roles)))


ROLES = {  # role -> header spellings (upper case, '_' read as a space), matched exactly
    "respondent": role_words("respondent"),
    "day": role_words("survey_day", "day", "day_and_time"),
    "agency": role_words("agency", "unit"),
    "sex": role_words("sex"),
    "age": role_words("age"),
    "education": role_words("education"),
    "occupation": role_words("occupation"),
    "unsur": role_words("unsur"),
    "answer": role_words("answer"),
    "answer_rows": role_words("answer_rows"),  # a pivoted export: answer rows behind a row
}
# How a long file names an unsur: U1, 1, Unsur 1, P1 or its name (Persyaratan).
UNSUR_SPELLINGS = {
    **{c: c for c in UNSUR},
    **{c[1:]: c for c in UNSUR},
    **{f"UNSUR {c[1:]}": c for c in UNSUR},
    **{f"P{c[1:]}": c for c in UNSUR},
    **{n.upper(): c for c, n in UNSUR.items()},
}
UNSUR_HEADER = r"(?:U|P|UNSUR )0?(\d+)"
DEMOGRAPHICS = ["sex", "age_band", "education", "occupation"]
COLUMNS = ["agency", "day", "respondent", *DEMOGRAPHICS, *(c.lower() for c in UNSUR), "source_cell"]


def columns_of(row: list) -> tuple[dict[str, int], dict[str, int]]:
    """(role -> column, unsur code -> column) of a header row."""
    keys = [header_key(c) for c in row]
    roles = {}
    for role, spellings in ROLES.items():
        found = [i for i, k in enumerate(keys) if k in spellings]
        if found:
            roles[role] = min(found, key=lambda i: spellings.index(keys[i]))
    numbered = [(i, re.fullmatch(UNSUR_HEADER, k)) for i, k in enumerate(keys)]
    unsur = {f"U{int(m[1])}": i for i, m in numbered if m and 1 <= int(m[1]) <= 9}
    return roles, unsur


def extra_items(row: list) -> list[str]:
    """Item headers beyond U9 (U10, U11): a survey that is not the nine unsur of 14/2017."""
    found = [re.fullmatch(UNSUR_HEADER, header_key(c)) for c in row]
    return [m[0] for m in found if m and int(m[1]) > 9]


def header(sheet: Sheet) -> tuple[int, dict, dict] | None:
    """The header row within the first 10, as (row, roles, unsur columns), or None."""
    for at, row in enumerate(sheet.rows[:10]):
        roles, unsur = columns_of(row)
        if len(unsur) == 9 or {"respondent", "unsur", "answer"} <= set(roles):
            return at, roles, unsur
    return None


def detect(sheet: Sheet) -> float:
    """Sure of U1..U9 or respondent/unsur/answer columns, unless the header also has an index column:
    then it is a published table of NRR per unit (skm_ringkasan), not answers."""
    found = header(sheet)
    if found is None:
        return 0.0
    if any(header_key(c) in skm_ringkasan.INDEX_HEADERS for c in sheet.rows[found[0]]):
        return 0.5
    return 0.97 if len(found[2]) == 9 else 0.93


def demographics(row: list, roles: dict) -> dict:
    cell = {r: text(row[c]) or None if c < len(row) else None for r, c in roles.items()}
    age = cell.get("age")
    band = skm_age(age) if age else None
    return {
        "sex": cell.get("sex"),
        "age_band": band,
        "education": cell.get("education"),
        "occupation": cell.get("occupation"),
    }


def skm_age(value: str) -> str:
    """An exact age becomes its band; a band as the form prints it ('20-29') stays as written."""
    return age_band(int(float(value))) if value.replace(".", "", 1).isdigit() else value


def day_at(row: list, at: int, col: int | None, checker: AnswerChecker):
    """The respondent's day, or None with a problem naming the cell (no date column: see parse)."""
    if col is None:
        return None
    try:
        day = parse_date(row[col])
    except ValueError as exc:
        checker.add("skm_tanggal_tidak_sah", f"{exc}.", ref(at, col))
        return None
    if day is None:
        checker.add(
            "skm_tanggal_kosong",
            "Tanggal pengisian survei kosong: setiap responden perlu tanggal agar masuk periode yang benar.",
            ref(at, col),
        )
    return day


def respondent_record(row, at, roles, checker) -> dict:
    col = roles.get("respondent")
    agency = text(row[roles["agency"]]) if "agency" in roles else ""
    return {
        "agency": agency or None,
        "day": day_at(row, at, roles.get("day"), checker),
        "respondent": (text(row[col]) if col is not None else "") or f"baris {at + 1}",
        **demographics(row, roles),
        "source_cell": ref(at, 0),
    }


def wide_records(sheet, at, roles, unsur, checker) -> list[dict]:
    records = []
    for r in range(at + 1, len(sheet.rows)):
        row = list(sheet.rows[r]) + [None] * 64
        if all(text(row[c]) == "" for c in unsur.values()) and not text(row[roles.get("respondent", 0)]):
            continue  # blank row or a note below the table
        record = respondent_record(row, r, roles, checker)
        for code, c in unsur.items():
            record[code.lower()] = checker.read(row[c], ref(r, c))
        records.append(record)
    return records


def long_records(sheet, at, roles, checker) -> list[dict]:
    """One record per respondent from answer rows; a repeated (respondent, unsur) keeps the last."""
    by_respondent: dict[str, dict] = {}
    for r in range(at + 1, len(sheet.rows)):
        row = list(sheet.rows[r]) + [None] * 64
        who = text(row[roles["respondent"]])
        if not who:
            continue
        record = by_respondent.get(who) or respondent_record(row, r, roles, checker)
        by_respondent[who] = record
        code = UNSUR_SPELLINGS.get(header_key(row[roles["unsur"]]))
        if code is None:
            checker.add(
                "skm_unsur_tidak_dikenal",
                f"Unsur {text(row[roles['unsur']])!r} tidak dikenal: tulis U1..U9 atau nama unsurnya.",
                ref(r, roles["unsur"]),
            )
            continue
        record[code.lower()] = checker.read(row[roles["answer"]], ref(r, roles["answer"]))
    return list(by_respondent.values())


def incomplete(records: list[dict], sheet, context) -> list[Problem]:
    """Long files: a respondent without an answer to every unsur cannot be counted."""
    found = []
    for record in records:
        missing = [c for c in UNSUR if c.lower() not in record]
        if missing:
            found.append(
                problem(
                    "skm_unsur_tidak_lengkap",
                    f"Responden {record['respondent']} tidak menjawab {', '.join(missing)}.",
                    sheet,
                    record["source_cell"],
                    context.file_name,
                )
            )
    return found


def last_answers(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """A respondent listed twice (the same id and agency: a re-sent form) keeps the last row."""
    keys = ["respondent", "agency"]
    repeated = frame[frame.duplicated(keys, keep="last")]
    notes = [
        f"responden {r} tercatat lebih dari sekali; jawaban terakhir dipakai"
        for r in repeated["respondent"].drop_duplicates()
    ]
    return frame.drop_duplicates(keys, keep="last").reset_index(drop=True), notes


def header_problems(sheet: Sheet, at: int, roles: dict, context: Context) -> list[Problem]:
    """A file without dates cannot be put in a period; raw answers count only for the nine unsur of
    14/2017 (U10, U11 mean another survey)."""
    found = (
        []
        if "day" in roles
        else [
            problem(
                "skm_kolom_tanggal_tidak_ada",
                "Tidak ada kolom tanggal (mis. 'tanggal' atau 'tgl_responden'): "
                "setiap responden perlu tanggal pengisian.",
                sheet,
                ref(at, 0),
                context.file_name,
            )
        ]
    )
    extra = extra_items(sheet.rows[at])
    if not extra:
        return found
    return [
        *found,
        problem(
            "skm_bukan_9_unsur",
            f"Ada kolom {', '.join(extra)}: jawaban mentah dimuat hanya "
            "untuk 9 unsur PermenPANRB 14/2017. Muat ringkasan indeksnya sebagai tabel hasil "
            "IKM.",
            sheet,
            ref(at, 0),
            context.file_name,
        ),
    ]


def answered_twice(sheet: Sheet, at: int, roles: dict) -> list[str]:
    """A pivoted export that counts the answer rows behind each respondent: more than nine means the
    form was sent again and the export kept one answer per unsur (the last, as survey apps do)."""
    col, who = roles.get("answer_rows"), roles.get("respondent")
    if col is None or who is None:
        return []
    rows = [r for r in sheet.rows[at + 1 :] if col < len(r) and text(r[col]).isdigit()]
    return [
        f"responden {text(r[who])}: {text(r[col])} baris jawaban di sumber (mengisi lebih dari "
        "sekali); satu jawaban per unsur dipakai"
        for r in rows
        if int(text(r[col])) > 9
    ]


def parse(sheet: Sheet, context: Context) -> Parsed:
    found = header(sheet)
    assert found is not None  # detect() found it before parse() is called
    at, roles, unsur = found
    checker, problems = AnswerChecker(sheet, context.file_name), header_problems(sheet, at, roles, context)
    if len(unsur) == 9:
        records = wide_records(sheet, at, roles, unsur, checker)
    else:
        records = long_records(sheet, at, roles, checker)
        problems += incomplete(records, sheet, context)
    frame = pd.DataFrame.from_records(records, columns=COLUMNS).assign(sheet=sheet.name)
    frame, notes = last_answers(frame)
    notes += answered_twice(sheet, at, roles)
    if "saran" in {header_key(c).lower() for c in sheet.rows[at]}:
        notes.append("kolom saran tidak disimpan (teks bebas dapat memuat data pribadi)")
    return Parsed(
        NAME, service_frame([], sheet), problems=problems + checker.report(), notes=notes, skm_responses=frame
    )


def combine(parsed: list[Parsed]) -> Parsed:
    """Several answer sheets of one workbook, e.g. one per agency. A sheet without an agency column
    then names its agency (and the note says so); a single sheet never does (it is often 'Sheet1')."""
    frames, notes = [], [n for p in parsed for n in p.notes]
    for part in parsed:
        frame = part.skm_responses
        assert frame is not None  # parse() always sets it
        if frame["agency"].isna().all() and not frame.empty:
            frame = frame.assign(agency=frame["sheet"])
            notes.append(f"sheet '{frame['sheet'].iloc[0]}' tanpa kolom instansi: nama sheet dipakai")
        frames.append(frame)
    return Parsed(
        NAME,
        parsed[0].service,
        problems=[x for p in parsed for x in p.problems],
        notes=list(dict.fromkeys(notes)),
        skm_responses=pd.concat(frames, ignore_index=True),
    )
