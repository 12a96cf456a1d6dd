"""Queue-system daily matrix (SiolaQ `Rekap Layanan`): a title, `Periode 01 January 2026 s.d. 31
January 2026`, header No. | Instansi / Layanan | Tanggal with days 1..31 below. Each agency row is the
SUBTOTAL of the `↳ A — KTP-el` service rows under it: the service rows are kept, the agency rows only
checked, so nothing counts twice. An agency without service rows stands for itself."""
from __future__ import annotations

import re
from datetime import date

from loaders.layouts.common import (combine_sheets, Context, count_at, filled_rows, find_row,
                                    formula_problems, key, problem, ref, service_frame,
                                    stated_sum_problem, text, title_text)
from loaders.model import FileRefused, Parsed, Sheet
from loaders.normalize import find_site, is_total_label, parse_period_row

NAME = "antrean_matriks_harian"
TITLE = "rekap layanan harian sistem antrean (matriks tanggal)"
SERVICE_MARK = re.compile(r"^\s*(↳|->|→|-\s)\s*")
PREFIX = re.compile(r"^([A-Z0-9]{1,4})\s*[—–-]\s*(.+)$")


def header_row(rows: list[list]) -> int | None:
    def is_header(row):
        keys = [key(c) for c in row]
        return any(k.startswith("INSTANSI") for k in keys) and "TANGGAL" in keys
    return find_row(rows, is_header)


def detect(sheet: Sheet) -> float:
    """The header, and day numbers 1..31 in a row just below it."""
    at = header_row(sheet.rows)
    if at is None:
        return 0.0
    below = sheet.rows[at:at + 3]
    return 0.9 if any(sum(isinstance(v, int) and 1 <= v <= 31 for v in row) >= 5 for row in below) else 0.0


def period_of(rows: list[list], at: int, sheet: Sheet) -> tuple[date, date]:
    for row in rows[:at]:
        for cell in row:
            found = parse_period_row(cell) if isinstance(cell, str) else None
            if found:
                return found
    raise FileRefused([problem("periode_tidak_ada", "Baris 'Periode dd Bulan yyyy s.d. dd Bulan "
                               "yyyy' tidak ditemukan di atas tabel; tanpa itu tanggal 1..31 tidak "
                               "punya bulan.", sheet)])


def day_columns(rows: list[list], at: int) -> tuple[int, dict[int, int], int | None]:
    """(row of day numbers, column -> day, total column) under the header."""
    for r in range(at, min(at + 3, len(rows))):
        days = {c: int(v) for c, v in enumerate(rows[r]) if isinstance(v, int) and 1 <= v <= 31}
        if len(days) >= 5:
            total = next((c for c, v in enumerate(rows[r]) if c > max(days) and is_total_label(v)), None)
            total = total if total is not None else next(
                (c for c, v in enumerate(rows[at]) if c > max(days) and is_total_label(v)), None)
            return r, days, total
    raise FileRefused([problem("tanggal_tidak_ada", "Kolom tanggal 1..31 tidak ditemukan di bawah "
                               "'Tanggal'.", None)])


def split_service(label: str) -> str:
    """'↳ A — KTP-el' -> 'KTP-el' (the queue prefix letter is a counter code, not a name)."""
    name = SERVICE_MARK.sub("", label)
    found = PREFIX.match(name)
    return found.group(2).strip() if found else name.strip()


def parse(sheet: Sheet, context: Context) -> Parsed:
    rows = filled_rows(sheet)
    at = header_row(rows)
    start, end = period_of(rows, at, sheet)
    if (start.year, start.month) != (end.year, end.month):
        raise FileRefused([problem("periode_lebih_dari_sebulan", f"Periode {start:%d/%m/%Y} s.d. "
                                   f"{end:%d/%m/%Y} melewati satu bulan; matriks tanggal 1..31 harus "
                                   "satu bulan. Ekspor per bulan.", sheet)])
    day_row, days, total_col = day_columns(rows, at)
    label_col = next(c for c, v in enumerate(rows[at]) if key(v).startswith("INSTANSI"))
    problems: list = []
    records, checks = walk(rows, day_row, label_col, days, total_col, (start, end), sheet, problems)
    problems += [p for check in checks if (p := stated_sum_problem(rows, sheet, *check))]
    problems += formula_problems(sheet, range(day_row + 1, len(rows)), list(days))
    return Parsed(NAME, service_frame(records, sheet), site=find_site(title_text(rows[:at])),
                  year=start.year, problems=problems)


def walk(rows, day_row, label_col, days, total_col, period, sheet, problems):
    """Service rows become daily records; agency and total rows become checks."""
    records, checks, agency, services, every = [], [], None, [], []
    for r in range(day_row + 1, len(rows)):
        label = text(rows[r][label_col])
        if not label:
            continue
        if is_total_label(label):
            close_agency(rows, agency, services, days, period, sheet, problems, records, checks, every)
            agency = None
            checks += [(r, c, [(x, c) for x in every]) for c in days]
            break
        if total_col is not None:
            checks.append((r, total_col, [(r, c) for c in days]))
        if SERVICE_MARK.match(label) and agency is not None:
            services.append(r)
            every.append(r)
            records += day_records(rows, r, agency[1], split_service(label), days, period, sheet, problems)
            continue
        close_agency(rows, agency, services, days, period, sheet, problems, records, checks, every)
        agency, services = (r, label), []
    close_agency(rows, agency, services, days, period, sheet, problems, records, checks, every)
    return records, checks


def close_agency(rows, agency, services, days, period, sheet, problems, records, checks, every):
    """An agency row sums its service rows; without any it is itself the figure."""
    if agency is None:
        return
    r, name = agency
    if services:
        checks += [(r, c, [(s, c) for s in services]) for c in days]
    else:
        every.append(r)
        records += day_records(rows, r, name, None, days, period, sheet, problems)


def day_records(rows, r, agency, service, days, period, sheet, problems) -> list[tuple]:
    start, end = period
    out = []
    for col, day_number in days.items():
        visits = count_at(rows, r, col, sheet, problems)
        if not visits:
            continue        # zero days carry no information at day grain; the month slice is replaced whole
        day = _date(start, day_number)
        if day is None or not start <= day <= end:
            problems.append(problem("di_luar_periode", f"Angka {visits} pada tanggal {day_number}, "
                                    f"di luar periode {start:%d/%m/%Y} s.d. {end:%d/%m/%Y}.",
                                    sheet, ref(r, col)))
            continue
        out.append((agency, day, "day", service, None, visits, ref(r, col)))
    return out


def _date(start: date, day_number: int) -> date | None:
    try:
        return start.replace(day=day_number)
    except ValueError:
        return None


combine = combine_sheets   # a sheet per year, site or month: read them all
