"""One sheet per month (JANUARI, FEBRUARI, ...): NO | NAMA INSTANSI | JENIS LAYANAN | JUMLAH, each
agency merged over its service rows, SUB TOTAL rows per agency and a TOTAL row at the end.
Every month sheet of the workbook is parsed; the month comes from the sheet's name."""

from __future__ import annotations

from datetime import date

from loaders.layouts.common import (
    Context,
    combine_sheets,
    count_at,
    filled_rows,
    find_row,
    formula_problems,
    header_index,
    is_blank,
    key,
    month_of,
    ref,
    resolve_year,
    service_frame,
    spellings,
    stated_sum_problem,
    text,
    title_text,
)
from loaders.model import Parsed, Sheet
from loaders.normalize import find_site, is_total_label
from mpp.reference.header_words import named

NAME = "per_bulan"
TITLE = "satu sheet per bulan"
KIND = "visits"
# What detect looks for, said when no layout recognises a sheet; the words are the table's.
EXPECTS = (
    f"sheet bernama bulan (JANUARI, FEBRUARI, ...) dengan kolom {named('agency')} dan {named('count')} "
    f"(atau {named('walk_in')}/{named('online')})"
)
# The header words of each role (mpp/reference/data/header_words.csv).
HEADERS = {
    "agency": spellings("agency"),
    "service": spellings("service"),
    "count": spellings("count"),
    # Channels, where the office counts them apart; JUMLAH is then their sum.
    "walk_in": spellings("walk_in"),
    "online": spellings("online"),
    "jemput_bola": spellings("jemput_bola"),
    "digital": spellings("digital"),
}
CHANNELS = ("walk_in", "online", "jemput_bola", "digital")


def header_row(rows: list[list]) -> int | None:
    def is_header(row):
        found = header_index(row, HEADERS).keys()
        return "agency" in found and ("count" in found or bool(found & set(CHANNELS)))

    return find_row(rows, is_header)


def detect(sheet: Sheet) -> float:
    if month_of(sheet.name.strip()) is None:
        return 0.0
    return 0.9 if header_row(sheet.rows) is not None else 0.0


def is_subtotal(label) -> bool:
    return is_total_label(label) and key(label).replace(" ", "").startswith("SUB")


def figure_columns(cols: dict) -> dict[str | None, int]:
    """channel -> column holding its figures; {None: JUMLAH} when the sheet has no channels."""
    found: dict[str | None, int] = {c: cols[c] for c in CHANNELS if c in cols}
    return found or {None: cols["count"]}


def parse(sheet: Sheet, context: Context) -> Parsed:
    rows = filled_rows(sheet)
    at, month = header_row(rows), month_of(sheet.name.strip())
    assert at is not None and month is not None  # detect() found it before parse() is called
    cols = header_index(rows[at], HEADERS)
    year = resolve_year(context, sheet, rows[:at])
    day = date(year, month, 1)
    problems: list = []
    records, checks = walk(rows, at, cols, sheet, day, problems)
    problems += [p for check in checks if (p := stated_sum_problem(rows, sheet, *check))]
    problems += formula_problems(
        sheet, range(at + 1, len(rows)), [*figure_columns(cols).values(), cols.get("count")]
    )
    return Parsed(
        NAME,
        service_frame(records, sheet),
        site=find_site(title_text(rows[:at])),
        year=year,
        problems=problems,
    )


def walk(rows, at, cols, sheet, day, problems):
    """Service rows become records; SUB TOTAL and TOTAL rows become checks (row, col, parts)."""
    records: list[tuple] = []
    checks: list[tuple] = []
    since_subtotal: list[int] = []
    every: list[int] = []
    figures = figure_columns(cols)
    summed = [*figures.values(), *([cols["count"]] if "count" in cols and None not in figures else [])]
    label_cols = range(min(summed))
    for r in range(at + 1, len(rows)):
        labels = [rows[r][c] for c in label_cols]
        if any(is_subtotal(c) for c in labels):
            checks += [(r, c, [(x, c) for x in since_subtotal]) for c in summed]
            since_subtotal = []
        elif any(is_total_label(c) for c in labels):
            checks += [(r, c, [(x, c) for x in every]) for c in summed]
            break
        elif not is_blank(rows[r][cols["agency"]]) and any(not is_blank(rows[r][c]) for c in summed):
            records += row_records(rows, r, cols, figures, day, sheet, problems)
            checks += (
                [(r, cols["count"], [(r, c) for c in figures.values()])] if len(summed) > len(figures) else []
            )
            since_subtotal.append(r)
            every.append(r)
    return records, checks


def row_records(rows, r, cols, figures, day, sheet, problems) -> list[tuple]:
    agency = text(rows[r][cols["agency"]])
    service = (text(rows[r][cols["service"]]) or None) if "service" in cols else None
    out = []
    for channel, col in figures.items():
        visits = count_at(rows, r, col, sheet, problems)
        if visits is not None:
            out.append((agency, day, "month", service, channel, visits, ref(r, col)))
    return out


combine = combine_sheets
