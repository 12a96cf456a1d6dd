"""Queue-system daily matrix (SiolaQ `Rekap Layanan`): a title, `Periode 01 January 2026 s.d. 31
January 2026`, header No. | Instansi / Layanan | Tanggal with days 1..31 below. Each agency row is the
SUBTOTAL of the `↳ A — KTP-el` service rows under it: the service rows are kept, the agency rows only
checked, so nothing counts twice. An agency without service rows stands for itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from loaders import validate
from loaders.layouts.common import (
    Context,
    combine_sheets,
    count_at,
    filled_rows,
    find_row,
    formula_problems,
    header_index,
    problem,
    ref,
    service_frame,
    spellings,
    stated_sum_problem,
    text,
    title_text,
)
from loaders.model import FileRefused, Parsed, Sheet
from loaders.normalize import find_site, is_total_label, parse_period_row
from mpp.reference.header_words import named

NAME = "antrean_matriks_harian"
TITLE = "rekap layanan harian sistem antrean (matriks tanggal)"
KIND = "visits"
# What detect looks for, said when no layout recognises a sheet; the words are the table's.
EXPECTS = (
    f"kolom {named('agency')} / {named('service')} dan {named('day')}, dengan nomor hari 1..31 di baris "
    "bawahnya"
)
# The header words (mpp/reference/data/header_words.csv): 'Instansi / Layanan' starts with an agency word.
HEADERS = {"agency": spellings("agency"), "day": spellings("day")}
SERVICE_MARK = re.compile(r"^\s*(↳|->|→|-\s)\s*")
PREFIX = re.compile(r"^([A-Z0-9]{1,4})\s*[—–-]\s*(.+)$")


def header_row(rows: list[list]) -> int | None:
    return find_row(rows, lambda row: header_index(row, HEADERS).keys() == HEADERS.keys())


def detect(sheet: Sheet) -> float:
    """The header, and day numbers 1..31 in a row just below it."""
    at = header_row(sheet.rows)
    if at is None:
        return 0.0
    below = sheet.rows[at : at + 3]
    return 0.9 if any(sum(isinstance(v, int) and 1 <= v <= 31 for v in row) >= 5 for row in below) else 0.0


def period_of(rows: list[list], at: int, sheet: Sheet) -> tuple[date, date]:
    for row in rows[:at]:
        for cell in row:
            found = parse_period_row(cell) if isinstance(cell, str) else None
            if found:
                return found
    raise FileRefused(
        [
            problem(
                "periode_tidak_ada",
                "Baris 'Periode dd Bulan yyyy s.d. dd Bulan "
                "yyyy' tidak ditemukan di atas tabel; tanpa itu tanggal 1..31 tidak "
                "punya bulan.",
                sheet,
            )
        ]
    )


def day_columns(rows: list[list], at: int, sheet: Sheet) -> tuple[int, dict[int, int], int | None]:
    """(row of day numbers, column -> day, total column) under the header."""
    for r in range(at, min(at + 3, len(rows))):
        days = {c: int(v) for c, v in enumerate(rows[r]) if isinstance(v, int) and 1 <= v <= 31}
        if len(days) >= 5:
            total = next((c for c, v in enumerate(rows[r]) if c > max(days) and is_total_label(v)), None)
            total = (
                total
                if total is not None
                else next((c for c, v in enumerate(rows[at]) if c > max(days) and is_total_label(v)), None)
            )
            return r, days, total
    raise FileRefused(
        [problem("tanggal_tidak_ada", "Kolom tanggal 1..31 tidak ditemukan di bawah 'Tanggal'.", sheet)]
    )


def split_service(label: str) -> str:
    """'↳ A — KTP-el' -> 'KTP-el' (the queue prefix letter is a counter code, not a name)."""
    name = SERVICE_MARK.sub("", label)
    found = PREFIX.match(name)
    return found.group(2).strip() if found else name.strip()


def parse(sheet: Sheet, context: Context) -> Parsed:
    rows = filled_rows(sheet)
    at = header_row(rows)
    assert at is not None  # detect() found it before parse() is called
    start, end = period_of(rows, at, sheet)
    if (start.year, start.month) != (end.year, end.month):
        raise FileRefused(
            [
                problem(
                    "periode_lebih_dari_sebulan",
                    f"Periode {start:%d/%m/%Y} s.d. "
                    f"{end:%d/%m/%Y} melewati satu bulan; matriks tanggal 1..31 harus "
                    "satu bulan. Ekspor per bulan.",
                    sheet,
                )
            ]
        )
    day_row, days, total_col = day_columns(rows, at, sheet)
    label_col = header_index(rows[at], HEADERS)["agency"]
    matrix = Matrix(sheet, rows, days, (start, end), context.today)
    matrix.walk(day_row + 1, label_col, total_col)
    problems = matrix.problems + [
        p for check in matrix.checks if (p := stated_sum_problem(rows, sheet, *check))
    ]
    problems += formula_problems(sheet, range(day_row + 1, len(rows)), list(days))
    return Parsed(
        NAME,
        service_frame(matrix.records, sheet),
        site=find_site(title_text(rows[:at])),
        year=start.year,
        problems=problems,
    )


@dataclass
class Matrix:
    """Walks the rows once: service rows become daily records; agency, row-total and TOTAL rows
    become checks (row, col, parts) of what they state."""

    sheet: Sheet
    rows: list[list]
    days: dict[int, int]  # column -> day of month
    period: tuple[date, date]
    today: date
    records: list = field(default_factory=list)
    checks: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    counted: list = field(default_factory=list)  # rows whose figures count: for the TOTAL row

    def walk(self, first_row: int, label_col: int, total_col: int | None) -> None:
        agency, r = None, first_row
        services: list[int] = []
        for r in range(first_row, len(self.rows)):
            label = text(self.rows[r][label_col])
            if is_total_label(label):
                break
            if label and total_col is not None:
                self.checks.append((r, total_col, [(r, c) for c in self.days]))
            if label and SERVICE_MARK.match(label) and agency is not None:
                services.append(r)
                self.add(r, agency[1], split_service(label))
            elif label:
                self.close(agency, services)
                agency, services = (r, label), []
        self.close(agency, services)
        if r < len(self.rows) and is_total_label(text(self.rows[r][label_col])):
            self.checks += [(r, c, [(x, c) for x in self.counted]) for c in self.days]

    def close(self, agency, services) -> None:
        """An agency row sums its service rows; without any it is itself the figure."""
        if agency is None:
            return
        r, name = agency
        if services:
            self.checks += [(r, c, [(s, c) for s in services]) for c in self.days]
        else:
            self.add(r, name, None)

    def add(self, r: int, agency: str, service: str | None) -> None:
        self.counted.append(r)
        start, end = self.period
        for col, day_number in self.days.items():
            visits = count_at(self.rows, r, col, self.sheet, self.problems)
            if not visits:
                continue  # a zero day says nothing at day grain: the month slice is replaced whole
            day = _date(start, day_number)
            dated = validate.date_problems(self.sheet, [(day or end, (r, col))], self.today, self.period)
            if day is None or dated:
                self.problems += dated or [
                    problem(
                        "tanggal_di_luar_periode",
                        f"Tanggal {day_number} tidak ada pada bulan {start:%m/%Y}.",
                        self.sheet,
                        ref(r, col),
                    )
                ]
                continue
            self.records.append((agency, day, "day", service, None, visits, ref(r, col)))


def _date(start: date, day_number: int) -> date | None:
    try:
        return start.replace(day=day_number)
    except ValueError:
        return None


combine = combine_sheets  # a sheet per year, site or month: read them all
