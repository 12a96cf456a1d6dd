"""What the layout modules share: the parse context, cell text, merged-cell filling, header search
and the tidy frames every layout returns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from loaders import validate
from loaders.model import ColumnMapping, FileRefused, Parsed, Problem, Sheet
from loaders.normalize import find_year, parse_count, parse_month
from mpp.reference.header_words import words

if TYPE_CHECKING:
    import pyarrow as pa

SERVICE_COLUMNS = ["agency", "day", "grain", "service", "channel", "visits", "source_cell"]
VISITOR_COLUMNS = ["day", "grain", "visitors", "source_cell"]


@dataclass
class Context:
    """What a layout needs beyond the sheet: the file's name, and the options the user gave."""

    file_name: str = ""
    year: int | None = None  # --year: overrides what the file says
    block: str | None = None  # --block: one month block of a sheet with several
    agency: str | None = None  # --agency: the one agency of a file that has no agency column
    frame: pa.Table | pa.RecordBatch | None = None  # the whole table when read.py gave only a sheet's head
    sum_duplicates: bool = False  # --sum-duplicates: a long table's repeated figures are added up
    # Column mappings (loaders/mapping.py): those the user gives for this file read a sheet whose
    # header matches before any layout; the site's saved ones only a sheet no layout recognises.
    mappings: tuple[ColumnMapping, ...] = ()
    saved_mappings: tuple[ColumnMapping, ...] = ()
    today: date = field(default_factory=date.today)


def text(value) -> str:
    """A cell as clean text: '' for empty, numbers without a trailing '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def key(value) -> str:
    """Text for matching headers: upper case, letters and digits only, single spaces."""
    return " ".join(re.sub(r"[\W_]+", " ", text(value).upper()).split())


def spellings(*roles: str) -> tuple[str, ...]:
    """The header keys of these roles' words in the header-word table (mpp/reference/header_words.py),
    as key() writes a header: what header_index and the layouts compare a header cell with."""
    return tuple(dict.fromkeys(key(word) for word in words(*roles)))


def is_blank(value) -> bool:
    return text(value) in ("",)


col_letter = validate.column_letters  # 0 -> 'A'
ref = validate.cell_ref  # 0-based (row, col) -> 'B7'


def filled_rows(sheet: Sheet) -> list[list]:
    """The grid with every merged area holding its top-left value, so an agency merged over its
    service rows names each of them. Rows are padded to one width."""
    width = max((len(r) for r in sheet.rows), default=0)
    rows = [list(r) + [None] * (width - len(r)) for r in sheet.rows]
    for top, left, bottom, right in sheet.merged:
        if top >= len(rows) or left >= width:
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            for c in range(left, min(right, width - 1) + 1):
                rows[r][c] = value
    return rows


def find_row(rows: list[list], wanted, limit: int = 30) -> int | None:
    """The first row (of the top `limit`) for which wanted(row) is true."""
    for index, row in enumerate(rows[:limit]):
        if wanted(row):
            return index
    return None


def header_index(row: list, names: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Which column holds each wanted header: names maps a role to the header keys that mean it.
    The first column whose key equals (or starts with) one of the spellings wins."""
    found: dict[str, int] = {}
    for role, spellings in names.items():
        for col, cell in enumerate(row):
            cell_key = key(cell)
            if cell_key and any(cell_key == s or cell_key.startswith(s + " ") for s in spellings):
                found[role] = col
                break
    return found


def service_frame(records: list[tuple], sheet: Sheet | None = None) -> pd.DataFrame:
    """Records (agency, day, grain, service, channel, visits, source_cell) -> the tidy frame, with
    the sheet's name beside source_cell so a problem can say where it is."""
    frame = pd.DataFrame.from_records(records, columns=SERVICE_COLUMNS)
    frame["visits"] = frame["visits"].astype("int64")
    frame["sheet"] = sheet.name if sheet else None
    return frame


def visitor_frame(records: list[tuple]) -> pd.DataFrame | None:
    if not records:
        return None
    frame = pd.DataFrame.from_records(records, columns=VISITOR_COLUMNS)
    frame["visitors"] = frame["visitors"].astype("int64")
    return frame


def problem(
    code: str,
    message: str,
    sheet: Sheet | None = None,
    cell: str | None = None,
    file: str = "",
    sheet_name: str | None = None,
    way_out: str | None = None,
) -> Problem:
    """way_out: what the user can give instead (model.WAY_OUTS), said by each front end."""
    sheet_name = sheet.name if sheet else sheet_name
    return Problem(code, message, file=file, sheet=sheet_name, cell=cell, way_out=way_out)


def title_text(rows: list[list], limit: int = 8) -> str:
    """The words above a table (title rows), for finding the site and the year."""
    return " ".join(text(c) for row in rows[:limit] for c in row if isinstance(c, str) and c.strip())


def is_number(value) -> bool:
    """A cell holding a count (a number, '1.263' or '-')."""
    if is_blank(value):
        return False
    try:
        return parse_count(value) is not None
    except ValueError:
        return False


def month_of(value) -> int | None:
    """The month a header cell names; numbers are never months here (1..12 are column numbers)."""
    return parse_month(value) if isinstance(value, str) else None


def count_at(rows: list[list], row: int, col: int, sheet: Sheet, problems: list) -> int | None:
    """The count in a cell; a bad one becomes a problem naming the cell, and None."""
    try:
        return parse_count(rows[row][col])
    except ValueError:
        problems += validate.count_problems(sheet, [(row, col)])
        return None


def formula_problems(sheet: Sheet, rows: range, cols) -> list[Problem]:
    """A formula whose value Excel never saved reads as empty: say so rather than load a gap."""
    cols = set(cols)
    return validate.formula_problems(
        sheet, [(r, c) for r, c in sheet.formulas_without_value if r in rows and c in cols]
    )


def resolve_year(context: Context, sheet: Sheet, rows: list[list]) -> int:
    """--year, else the title rows, else the sheet name, else the file name; refused if none say."""
    year = (
        context.year or find_year(title_text(rows)) or find_year(sheet.name) or find_year(context.file_name)
    )
    if year is None:
        raise FileRefused(
            [
                problem(
                    "tahun_tidak_diketahui",
                    "Tahun data tidak tertulis di judul, nama sheet, maupun nama berkas.",
                    sheet,
                    way_out="year",
                )
            ]
        )
    return year


def stated_sum_problem(rows: list[list], sheet: Sheet, row: int, col: int, parts) -> Problem | None:
    """A stated total (JUMLAH, SUB TOTAL, an agency's subtotal row) that is not the sum of the cells
    `parts` ((row, col) pairs): the problem validate.py reports at the stated cell, or None."""
    found = validate.total_problems(sheet, (row, col), parts)
    return found[0] if found else None


def combine_sheets(parsed: list[Parsed]) -> Parsed:
    """Several sheets of one workbook in one layout as one result (month sheets, a recap per year).
    A figure two sheets both give (same agency, day, service, channel) would count twice: refused."""
    service = pd.concat([p.service for p in parsed], ignore_index=True)
    visitors = [p.visitors for p in parsed if p.visitors is not None]
    first = parsed[0]
    outcomes = [p.outcomes for p in parsed if p.outcomes is not None]
    return Parsed(
        first.layout,
        service,
        pd.concat(visitors, ignore_index=True) if visitors else None,
        site=next((p.site for p in parsed if p.site), None),
        year=first.year,
        problems=[q for p in parsed for q in p.problems] + twice_given(service),
        notes=list(dict.fromkeys(n for p in parsed for n in p.notes)),
        outcomes=pd.concat(outcomes, ignore_index=True) if outcomes else None,
    )


FIGURE_KEY = ["agency", "day", "service", "channel"]  # one figure of a file (its site is the file's)


def twice_given(service: pd.DataFrame, limit: int = 10) -> list[Problem]:
    """A figure two sheets both give, each at most once: the later sheet's cell, naming the first's."""
    seen = _blank_filled(service)
    again = seen[
        seen.duplicated(FIGURE_KEY, keep="first")
        & seen.duplicated([*FIGURE_KEY, "sheet"], keep=False).eq(False)
    ]
    return [
        Problem(
            "data_ganda",
            f"Angka {row.agency} untuk {row.day:%m/%Y} sudah "
            f"ada di sheet '{row.first_sheet}' sel {row.first_cell}; dimuat "
            "dua kali akan terhitung ganda. Hapus salah satunya.",
            sheet=row.sheet,
            cell=row.source_cell,
        )
        for row in with_first(seen, again.head(limit), FIGURE_KEY).itertuples()
    ]


def repeated_rows(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Every row of one table whose key an earlier row already gives (a long table's figure typed
    twice), with where that earlier row is (first_cell); empty when each key is given once."""
    seen = _blank_filled(frame)
    return with_first(seen, seen[seen.duplicated(keys, keep="first")], keys)


def with_first(seen: pd.DataFrame, again: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The rows `again` beside the sheet and cell of the first row of `seen` with the same key."""
    first = seen.drop_duplicates(keys)[[*keys, "sheet", "source_cell"]]
    first = first.rename(columns={"sheet": "first_sheet", "source_cell": "first_cell"})
    return again.merge(first, on=keys, how="left")


def _blank_filled(frame: pd.DataFrame) -> pd.DataFrame:
    """No service or channel is one key, not NaN (which never equals itself)."""
    filled = {c: frame[c].fillna("") for c in ("service", "channel") if c in frame}
    return frame.assign(**filled, **({} if "sheet" in frame else {"sheet": None}))
