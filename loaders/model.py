"""The shapes the loader steps hand each other. Every step is a function of these; none does IO
except loaders/read.py (bytes in) and loaders/load.py with the kinds of data it writes through,
loaders/kinds/ (the store out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the guarded reader's child need not import pandas (0,5 s)
    import pandas as pd


@dataclass(frozen=True)
class Sheet:
    """One sheet as a grid of cached cell values (str, int, float, datetime, None), row by row.
    CSV files read as a single sheet named after the file."""

    name: str
    rows: list[list]
    hidden: bool = False
    merged: tuple = ()  # ((first_row, first_col, last_row, last_col), ...) 0-based
    formulas_without_value: tuple = ()  # ((row, col), ...) 0-based: a formula with no cached value
    truncated: bool = False  # rows holds the head only; the whole table is Workbook.frame


@dataclass(frozen=True)
class Workbook:
    file_name: str
    sha256: str
    sheets: list[Sheet]
    dropped_columns: tuple[str, ...] = ()  # personal-data columns removed on read (NIK, nama, ...)
    # Large ticket exports may arrive as one Arrow/pandas frame instead of a grid (fast path).
    # read_file gives a pyarrow.Table (header row as column names, personal columns left out).
    frame: pd.DataFrame | None = None
    # Columns (labels) holding a value that looks like a NIK or a mobile number under a header that
    # does not say so (a NIK under 'Keterangan'): the original of such a file is not kept either.
    personal_values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with where it is. code is stable (tests and docs rely on it)."""

    code: str
    message: str  # Indonesian, with the fix; English follows after ' / ' where useful
    file: str = ""
    sheet: str | None = None
    cell: str | None = None  # 'B7' (A1 style) or None when it concerns the whole file/sheet
    subject: str | None = None  # the value the problem is about, e.g. an unknown agency's spelling
    suggestions: tuple[str, ...] = ()  # what it probably should be, closest first
    # Every value the problem is about with how often it occurs, most first: the unknown ticket
    # statuses and their tickets, which the upload page asks the meaning of (the message shows 12)
    values: tuple[tuple[str, int], ...] = ()
    # What the user can give that the file lacks, one of WAY_OUTS. Each front end says it in its own
    # terms: the command line names its options (--site), the upload page its fields (Lokasi).
    way_out: str | None = None

    def __str__(self) -> str:
        where = ", ".join(
            p
            for p in (
                self.file,
                f"sheet '{self.sheet}'" if self.sheet else "",
                f"sel {self.cell}" if self.cell else "",
            )
            if p
        )
        return f"[{self.code}] {where}: {self.message}"


WAY_OUTS = (
    "site",  # the site's name: --site, or Lokasi on the page
    "year",  # the year of the data: --year, or Tahun
    "block",  # one month block of several (subject: the first block's name): --block, or Blok
    "unknown_agencies",  # an agency no alias knows (subject: its spelling): map it, or add it as new
    "layout",  # no layout recognised the sheet: rename its column headers
    "agency",  # a file without an agency column: --agency for its one agency
    "status",  # a ticket status the table does not know (subject: the commonest): --status WORD=MEANING
    "sum_duplicates",  # a long table's figure given twice: --sum-duplicates adds them up
)


class FileRefused(Exception):
    """A file that cannot be loaded; carries every problem found, not only the first."""

    refusal = True  # mpp.guard passes it back from the child as itself

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    def __reduce__(self):  # pickled with its problems (the default would keep only the text)
        return FileRefused, (self.problems,)


@dataclass(frozen=True)
class ColumnMapping:
    """What an analyst taught about a sheet no layout recognises (loaders/mapping.py): where its
    header is and which column holds what. Saved under a name for a site, it reads every later
    sheet whose header row is the same (header, each cell as layouts compare headers: common.key).

    Columns are named by their header text. The agency comes from agency_column, or is one agency
    for the whole file (agency). The period comes from date_column (a date per row; dates all on the
    1st of each month are monthly figures), or from month_columns ((header text, 'YYYY-MM') pairs,
    or 'MM' when the year comes from the file's title or name, as recaps do). The figure is
    count_column, or with None one row per ticket. With status_column, only the values in served
    count as visits; cancelled and no-show values go to the queue outcomes as the ticket status
    table says, any other value is not counted."""

    name: str
    header_row: int  # 1-based, as the spreadsheet numbers rows
    header: tuple[str, ...]  # the header row's cells, normalized (the signature later files match)
    agency_column: str | None = None
    agency: str | None = None  # one agency for the whole file, when it has no agency column
    service_column: str | None = None
    date_column: str | None = None
    month_columns: tuple[tuple[str, str], ...] = ()  # (header text, 'YYYY-MM' or 'MM')
    count_column: str | None = None  # None: one row per ticket
    status_column: str | None = None
    served: tuple[str, ...] = ()  # the status values that count as visits (as written)
    sheet: str | None = None  # which sheet; None: the first whose header matches
    sum_duplicates: bool = False  # rows with the same agency, service and date add up


@dataclass
class Parsed:
    """What a layout makes of a sheet: tidy rows with raw agency names, before agency matching.

    service columns: agency (raw name as written), day (date: the date for daily rows, first of
    month for monthly rows), grain ('day'|'month'), service (str|None), channel (str|None), visits (int),
    source_cell (A1 reference of the figure, for messages).
    visitors columns: day, grain, visitors, source_cell.
    """

    layout: str
    service: pd.DataFrame
    visitors: pd.DataFrame | None = None
    site: str | None = None  # as the file states it (title row, file name), if it does
    year: int | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. 'kolom NIK dibuang', 'blok JUMLAH IZIN'
    # Satisfaction survey (issue 7; service is then empty). skm_responses: one row per respondent,
    # agency (raw name or None for the whole mall), day, respondent, sex, age_band, education,
    # occupation, u1..u9 (1-4), source_cell, sheet. skm_summaries: scope ('unit'|'total'), unit,
    # period, day, ikm (Decimal), published_grade, item_count, item_values, respondents, source_cell.
    skm_responses: pd.DataFrame | None = None
    # Queue tickets that were not visits (channel recap): agency (raw), day, service, cancelled,
    # no_show. Stored beside the visits, never added to them.
    outcomes: pd.DataFrame | None = None
    skm_summaries: pd.DataFrame | None = None
    # A sheet read by a column mapping (layouts/mapped.py): its name, for the report, and the status
    # values it counts as visits (every other value of its status column is not a visit).
    mapping: str | None = None
    served_statuses: tuple[str, ...] | None = None
    # Months of monthly figures that are 0 for every agency, as the file gives them (before any was
    # left out as not yet reported): the upload page asks which they are (loaders/zero_months.py)
    zero_months: list = field(default_factory=list)
