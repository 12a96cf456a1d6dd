"""Published SKM results: an index per unit (agency, kecamatan, counter) and a total row, one sheet per
period, as offices post them (e.g. IKM per kecamatan of Kabupaten Banyuwangi):

    No | Kecamatan | V1 .. V11 | Nilai Indeks | Mutu Pelayanan | Kinerja Unit Pelayanan
    1  | Pesanggaran | '0.30' ... | '84.43' | B | Baik
    Banyuwangi (merged over No and Kecamatan) | ... | '89.80' | A | Sangat Baik     <- the total row

Numbers typed as text ('84.43' or '84,43') are read exactly; a unit with '-' everywhere published
nothing and is skipped with a note. The item count is kept (9 unsur or an office's own 11 items): the
index cannot be recomputed from printed item values, so it is stored as printed and graded by our
bounds, with a note wherever the printed grade disagrees.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import PurePath

import pandas as pd

from loaders.layouts.common import Context, problem, ref, service_frame, text
from loaders.model import FileRefused, Parsed, Problem, Sheet
from loaders.normalize import find_year, is_total_label
from mpp.reference.header_words import named, words
from mpp.survey import skm

NAME = "skm_ringkasan"
TITLE = "SKM: hasil indeks per unit dan periode"
KIND = "published_indices"
# What detect looks for, said when no layout recognises a sheet; the words are the table's.
EXPECTS = (
    f"kolom unit (mis. {named('survey_unit')}, {named('unit')}), unsur (U1.. atau V1..) dan "
    f"{named('index', 2)}"
)


def hkey(value) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text(value).replace("_", " ")).upper().split())


def role_words(*roles: str) -> tuple[str, ...]:
    """The header words of these roles (mpp/reference/data/header_words.csv) as hkey writes them."""
    return tuple(dict.fromkeys(hkey(w) for w in words(*roles)))


INDEX_HEADERS = role_words("index")
UNIT_HEADERS = role_words("survey_unit", "unit", "agency")
GRADE_HEADERS = role_words("grade")
RESPONDENT_HEADERS = role_words("respondent_count")
NUMBER_HEADERS = role_words("row_number")
ITEM_HEADER = r"(?:U|V|UNSUR )0?(\d+)"
TOTAL_STARTS = ("RATA RATA", "IKM ", "NILAI IKM", "INDEKS KEPUASAN")
PLACEHOLDERS = ("", "-", "–", "—")
COLUMNS = [
    "scope",
    "unit",
    "period",
    "day",
    "ikm",
    "published_grade",
    "item_count",
    "item_values",
    "respondents",
    "source_cell",
]


def columns(row: list) -> dict | None:
    """Where index, unit, grade, respondents and the items are in a header row; None if not one."""
    keys = [hkey(c) for c in row]
    find = lambda names: next((i for i, k in enumerate(keys) if k in names), None)  # noqa: E731
    items = [i for i, k in enumerate(keys) if re.fullmatch(ITEM_HEADER, k)]
    found = {
        "index": find(INDEX_HEADERS),
        "unit": find(UNIT_HEADERS),
        "grade": find(GRADE_HEADERS),
        "respondents": find(RESPONDENT_HEADERS),
        "no": find(NUMBER_HEADERS),
        "items": items,
    }
    return found if found["index"] is not None and found["unit"] is not None and items else None


def header(sheet: Sheet) -> tuple[int, dict] | None:
    for at, row in enumerate(sheet.rows[:12]):
        found = columns(row)
        if found:
            return at, found
    return None


def detect(sheet: Sheet) -> float:
    return 0.96 if header(sheet) else 0.0


def decimal_of(value) -> Decimal | None:
    """'84.43', '84,43', 84.43 -> Decimal('84.43'); '-' or blank -> None; else ValueError."""
    raw = text(value)
    if raw in PLACEHOLDERS:
        return None
    if isinstance(value, float):
        raw = repr(value)  # the shortest text of the float, not binary
    try:
        return Decimal(raw.replace(",", ".") if raw.count(",") == 1 and "." not in raw else raw)
    except InvalidOperation:
        raise ValueError(f"{raw!r} bukan angka") from None


def unit_of(row: list, cols: dict) -> tuple[str, str]:
    """(scope, unit name): the total of the whole table is a row labelled JUMLAH / TOTAL / RATA-RATA /
    IKM ..., or one without a number in No (e.g. its name merged over No and the unit column)."""
    name = text(row[cols["unit"]])
    no = text(row[cols["no"]]) if cols["no"] is not None else "1"
    if cols["no"] is not None and not re.fullmatch(r"\d+(\.0+)?", no):
        return "total", no or name
    if is_total_label(name) or hkey(name).startswith(TOTAL_STARTS):
        return "total", name
    return "unit", name


def cell_decimal(row: list, r: int, c: int, problems: list, sheet: Sheet, file: str) -> Decimal | None:
    """The number in a cell, or None; a cell that is not one becomes a problem naming it."""
    try:
        return decimal_of(row[c])
    except ValueError as exc:
        problems.append(problem("skm_angka_tidak_sah", f"{exc}.", sheet, ref(r, c), file))
        return None


def in_scale(ikm: Decimal, cell: str, problems: list, sheet: Sheet, file: str) -> bool:
    if Decimal(25) <= ikm <= Decimal(100):
        return True
    problems.append(
        problem("skm_indeks_di_luar_skala", f"Nilai indeks {ikm} di luar 25-100.", sheet, cell, file)
    )
    return False


def row_record(row, r, cols, period, day, problems, sheet, context) -> dict | None:
    """One unit's published figures, or None for a blank or all-placeholder row."""
    read = partial(cell_decimal, row, r, problems=problems, sheet=sheet, file=context.file_name)
    ikm = read(c=cols["index"])
    scope, unit = unit_of(row, cols)
    if (
        ikm is None
        or not unit
        or not in_scale(ikm, ref(r, cols["index"]), problems, sheet, context.file_name)
    ):
        return None
    grade = text(row[cols["grade"]]) if cols["grade"] is not None else None
    count = read(c=cols["respondents"]) if cols["respondents"] is not None else None
    return {
        "scope": scope,
        "unit": unit,
        "period": period,
        "day": day,
        "ikm": ikm,
        "published_grade": grade or None,
        "item_count": len(cols["items"]),
        "item_values": [read(c=c) for c in cols["items"]],
        "respondents": int(count) if count is not None else None,
        "source_cell": ref(r, cols["index"]),
    }


def period_of(sheet: Sheet, context: Context) -> tuple[str, date]:
    """The period as the sheet names it ('2022 C') and the first day of its year."""
    year = find_year(sheet.name) or context.year or find_year(context.file_name)
    if year is None:
        raise FileRefused(
            [
                problem(
                    "tahun_tidak_diketahui",
                    "Tahun hasil IKM tidak tertulis di nama sheet maupun nama berkas.",
                    sheet,
                    file=context.file_name,
                    way_out="year",
                )
            ]
        )
    # A sheet named for its period ('2022 C') names it; a CSV's sheet is only the file's name.
    named = find_year(sheet.name) and sheet.name != PurePath(context.file_name).stem
    label = " ".join(sheet.name.split()) if named else str(year)
    return label, date(year, 1, 1)


def grade_notes(frame: pd.DataFrame, sheet: Sheet) -> list[str]:
    """Where the printed grade is not the one the bounds give (e.g. 88,31 printed B)."""
    notes = []
    for row in frame.itertuples():
        printed = skm.grade_of_letter(row.published_grade) if row.published_grade else None
        ours = skm.grade(row.ikm)
        if printed is not None and printed != ours:
            notes.append(
                f"sheet '{sheet.name}' {row.source_cell}: {row.unit} {skm.display(row.ikm)} "
                f"tercetak mutu {row.published_grade}, menurut batas PermenPANRB {ours.letter}"
            )
    return notes


def parse(sheet: Sheet, context: Context) -> Parsed:
    found = header(sheet)
    assert found is not None  # detect() found it before parse() is called
    at, cols = found
    period, day = period_of(sheet, context)
    problems: list[Problem] = []
    records: list[dict] = []
    skipped: list[str] = []
    for r in range(at + 1, len(sheet.rows)):
        row = list(sheet.rows[r]) + [None] * 64
        record = row_record(row, r, cols, period, day, problems, sheet, context)
        if record:
            records.append(record)
        elif text(row[cols["unit"]]) and not any(p.cell and p.cell.endswith(str(r + 1)) for p in problems):
            skipped.append(text(row[cols["unit"]]))
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    notes = [f"sheet '{sheet.name}': {', '.join(skipped)} tanpa nilai ('-'), dilewati"] if skipped else []
    notes += grade_notes(frame, sheet)
    return Parsed(
        NAME,
        service_frame([], sheet),
        year=day.year,
        problems=problems,
        notes=notes,
        skm_summaries=frame.assign(sheet=sheet.name),
    )


def combine(parsed: list[Parsed]) -> Parsed:
    """One Parsed for a workbook with one sheet per period."""
    frames = [p.skm_summaries for p in parsed]
    return Parsed(
        NAME,
        parsed[0].service,
        year=max(p.year for p in parsed if p.year is not None),  # parse() always sets it
        problems=[x for p in parsed for x in p.problems],
        notes=[x for p in parsed for x in p.notes],
        skm_summaries=pd.concat(frames, ignore_index=True),
    )
