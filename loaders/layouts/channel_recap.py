"""Queue-system daily channel recap (SiolaQ `Rekap Antrean Langsung dan Online`):
Tanggal | Instansi | Prefix Layanan | Layanan | Antrean Langsung | Antrean Online Hadir |
Total Nomor Terbit | Pembatalan Online | Tidak Hadir (No-show).

Visits are Total Nomor Terbit, kept by channel: walk_in = Antrean Langsung, online = Antrean Online
Hadir (their sum must be the total). Cancellations and no-shows are reported, never counted."""

from __future__ import annotations

import pandas as pd

from loaders import validate
from loaders.layouts.common import (
    Context,
    combine_sheets,
    count_at,
    filled_rows,
    find_row,
    header_index,
    problem,
    ref,
    service_frame,
    spellings,
    text,
    title_text,
)
from loaders.model import Parsed, Sheet
from loaders.normalize import find_site, is_total_label, parse_date, parse_period_row
from mpp.fmt import number
from mpp.reference.header_words import named

NAME = "antrean_kanal_harian"
TITLE = "rekap antrean harian langsung dan online"
KIND = "visits"
# What detect looks for, said when no layout recognises a sheet; the words are the table's.
EXPECTS = (
    f"kolom {named('day')}, {named('agency')}, {named('walk_in')}, {named('online_present')}, "
    f"{named('issued')}"
)
# The header words of each role (mpp/reference/data/header_words.csv).
HEADERS = {
    "day": spellings("day"),
    "agency": spellings("agency"),
    "service": spellings("service"),
    "walk_in": spellings("walk_in"),
    "online": spellings("online_present"),  # only online tickets whose holders came are visits
    "total": spellings("issued"),
    "cancelled": spellings("cancelled"),
    "no_show": spellings("no_show"),
}
REQUIRED = {"day", "agency", "walk_in", "online", "total"}
OUTCOME_COLUMNS = ["agency", "day", "service", "cancelled", "no_show", "cancelled_cell", "no_show_cell"]


def header_row(rows: list[list]) -> int | None:
    return find_row(rows, lambda row: header_index(row, HEADERS).keys() >= REQUIRED)


def detect(sheet: Sheet) -> float:
    return 0.95 if header_row(sheet.rows) is not None else 0.0


def parse(sheet: Sheet, context: Context) -> Parsed:
    rows = filled_rows(sheet)
    at = header_row(rows)
    assert at is not None  # detect() found it before parse() is called
    cols = header_index(rows[at], HEADERS)
    period = next(
        (p for row in rows[:at] for c in row if isinstance(c, str) and (p := parse_period_row(c))), None
    )
    problems: list = []
    records, outcomes = [], []
    for r in range(at + 1, len(rows)):
        if is_total_label(rows[r][cols["day"]]) or is_total_label(rows[r][cols["agency"]]):
            break
        day = row_day(rows, r, cols["day"], period, context.today, sheet, problems)
        if day is not None:
            records += row_records(rows, r, cols, day, sheet, problems)
            outcomes.append(row_outcome(rows, r, cols, day, sheet, problems))
    outcomes = pd.DataFrame(outcomes, columns=OUTCOME_COLUMNS).assign(sheet=sheet.name)
    notes = [
        f"tidak dihitung sebagai kunjungan (disimpan terpisah): pembatalan online "
        f"{number(outcomes['cancelled'].sum())}, tidak hadir {number(outcomes['no_show'].sum())}"
    ]
    years = {d.year for _, d, *_ in records}
    return Parsed(
        NAME,
        service_frame(records, sheet),
        site=find_site(title_text(rows[:at])),
        year=max(years) if years else None,
        problems=problems,
        notes=notes,
        outcomes=outcomes,
    )


def row_outcome(rows, r, cols, day, sheet, problems) -> tuple:
    """(agency, day, service, cancelled, no_show, and their cells) of one row; a column the export
    lacks counts 0 (and has no cell)."""
    counts = [
        (count_at(rows, r, cols[what], sheet, problems) or 0) if what in cols else 0
        for what in ("cancelled", "no_show")
    ]
    cells = [ref(r, cols[what]) if what in cols else None for what in ("cancelled", "no_show")]
    service = text(rows[r][cols["service"]]) if "service" in cols else None
    return (text(rows[r][cols["agency"]]), day, service or None, *counts, *cells)


def row_day(rows, r, col, period, today, sheet, problems):
    if text(rows[r][col]) == "":
        return None
    try:
        day = parse_date(rows[r][col])
    except ValueError as exc:
        problems.append(problem("tanggal_tidak_sah", f"{exc}.", sheet, ref(r, col)))
        return None
    if day is None:  # cannot be: the cell is not blank
        return None
    dated = validate.date_problems(sheet, [(day, (r, col))], today, period)
    problems += dated
    return None if dated else day


def row_records(rows, r, cols, day, sheet, problems) -> list[tuple]:
    agency = text(rows[r][cols["agency"]])
    service = text(rows[r][cols["service"]]) if "service" in cols else None
    walk_in, online, total = (
        count_at(rows, r, cols[c], sheet, problems) for c in ("walk_in", "online", "total")
    )
    if walk_in is None or online is None or total is None:
        return []
    if walk_in + online != total:
        problems.append(
            problem(
                "jumlah_tidak_cocok",
                f"Total Nomor Terbit {number(total)} bukan "
                f"Antrean Langsung {number(walk_in)} + Antrean Online Hadir "
                f"{number(online)}.",
                sheet,
                ref(r, cols["total"]),
            )
        )
    return [
        (agency, day, "day", service or None, channel, visits, ref(r, cols[channel]))
        for channel, visits in (("walk_in", walk_in), ("online", online))
        if visits
    ]


combine = combine_sheets  # a sheet per year, site or month: read them all
