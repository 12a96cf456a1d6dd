"""Checks that turn findings into Problem lists. Each check looks at everything it is given and
returns every problem (never raises at the first), each with a stable code, the cell in A1 style and
an Indonesian message that says how to fix it. Layouts call them with 0-based (row, col) positions.

    problems = count_problems(sheet, cells) + total_problems(sheet, stated=(9, 4), parts=[...])

Codes (shared with loaders/layouts/common.py): angka_tidak_sah, angka_negatif, angka_tidak_wajar,
tanggal_di_masa_depan, tanggal_di_luar_periode, bulan_ganda, jumlah_tidak_cocok, rumus_tanpa_nilai.

Every visit layout's figures pass through count_bound_problems (loaders/kinds/visits.py calls it on the
parsed frames, grid and fast path alike), so the bound on a plausible count lives here only.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from itertools import pairwise

import pandas as pd

from loaders.model import Parsed, Problem, Sheet
from loaders.normalize import CountTooLarge, parse_count, parse_month
from mpp.fmt import month_name, number

Cell = tuple[int, int]  # (row, col), 0-based


def column_letters(col: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    """0-based (row, col) -> 'B7'."""
    return f"{column_letters(col)}{row + 1}"


def at(sheet: Sheet | None, cell: Cell | None, code: str, message: str, file: str = "") -> Problem:
    return Problem(
        code, message, file=file, sheet=sheet.name if sheet else None, cell=cell_ref(*cell) if cell else None
    )


def _value(sheet: Sheet, cell: Cell):
    row, col = cell
    return sheet.rows[row][col] if row < len(sheet.rows) and col < len(sheet.rows[row]) else None


# ---- counts ---------------------------------------------------------------------------------------


def count_problems(sheet: Sheet, cells: Iterable[Cell], file: str = "") -> list[Problem]:
    """Every count cell that is negative or not a number (blank and '-' are fine)."""
    problems = []
    for cell in cells:
        try:
            parse_count(_value(sheet, cell))
        except CountTooLarge as exc:
            problems.append(
                at(sheet, cell, "angka_tidak_wajar", _too_large(exc.value, cell_ref(*cell)), file)
            )
        except ValueError as exc:
            code = "angka_negatif" if "negatif" in str(exc) else "angka_tidak_sah"
            problems.append(at(sheet, cell, code, f"{exc}. Perbaiki isi sel ini lalu unggah lagi.", file))
    return problems


def counted(sheet: Sheet, cell: Cell) -> int:
    """A cell's count for sums: blank, '-' and bad cells count 0 (bad ones are reported apart)."""
    try:
        return parse_count(_value(sheet, cell)) or 0
    except ValueError:
        return 0


def total_problems(
    sheet: Sheet, stated: Cell, parts: Iterable[Cell], file: str = "", what: str = "Jumlah"
) -> list[Problem]:
    """A stated total (JUMLAH row or column, SUB TOTAL, an agency's subtotal) that is not the sum of
    the cells it sums. A blank stated total is not checked (nothing was stated)."""
    try:
        claim = parse_count(_value(sheet, stated))
    except ValueError:
        return []  # reported by count_problems
    if claim is None:
        return []
    actual = sum(counted(sheet, cell) for cell in parts)
    if claim == actual:
        return []
    return [
        at(
            sheet,
            stated,
            "jumlah_tidak_cocok",
            f"{what} tertulis {number(claim)}, tetapi angka-angka yang dijumlahkannya berjumlah "
            f"{number(actual)} (selisih {number(claim - actual)}). Perbaiki angka atau "
            "jumlahnya, lalu unggah lagi.",
            file,
        )
    ]


def row_total_problems(
    sheet: Sheet, total_row: int, data_rows: Iterable[int], cols: Iterable[int], file: str = ""
) -> list[Problem]:
    """A JUMLAH row: in each column, the stated figure against the sum of the data rows."""
    data_rows = list(data_rows)
    return [
        p
        for col in cols
        for p in total_problems(sheet, (total_row, col), [(r, col) for r in data_rows], file)
    ]


def column_total_problems(
    sheet: Sheet, total_col: int, data_cols: Iterable[int], rows: Iterable[int], file: str = ""
) -> list[Problem]:
    """A JUMLAH column: on each row, the stated figure against the sum of the month columns."""
    data_cols = list(data_cols)
    return [
        p
        for row in rows
        for p in total_problems(sheet, (row, total_col), [(row, c) for c in data_cols], file)
    ]


# ---- plausible counts -----------------------------------------------------------------------------

# The largest MPPs serve about 1.000-2.000 people a day, all agencies together (a few hundred at one
# agency), so roughly 40.000-60.000 a month for a whole mall. One agency's (or one site's visitors')
# figure above 100.000 in a day (50x the busiest whole mall's day) or 1.000.000 in a month (some 20x
# its month) is a typo, a shifted column or a hostile file, never a busy month. The bounds are per cell; sums of bounded cells stay far below
# what a BIGINT holds. Raise them with the environment variables for a use we did not foresee;
# they cannot go above MAX_BOUND, which keeps every sum of a file's cells storable.
BOUNDS = {"day": ("MPP_MAX_DAILY_COUNT", 100_000), "month": ("MPP_MAX_MONTHLY_COUNT", 1_000_000)}
MAX_BOUND = 10**12
PERIOD_WORDS = {"day": "satu hari", "month": "satu bulan"}
LISTED = 50  # bound problems listed one by one; the rest are counted in one more problem


def count_bound(grain: str) -> int:
    """The largest plausible count of one cell at this grain ('day' or 'month'), from the
    environment (MPP_MAX_DAILY_COUNT, MPP_MAX_MONTHLY_COUNT) or the default."""
    name, default = BOUNDS["month" if grain == "month" else "day"]
    try:
        return min(max(int(os.environ.get(name, default)), 1), MAX_BOUND)
    except ValueError:  # a typo in the setting must not open the gate
        return default


def count_bound_problems(parsed: Parsed, file: str = "") -> list[Problem]:
    """Every figure of a parsed file above the bound for its grain, each at its cell. Service
    visits per agency, visitors per site, and cancellations / no-shows of a queue recap."""
    checks = [
        (parsed.service, "visits", "source_cell", "satu instansi"),
        (parsed.visitors, "visitors", "source_cell", "pengunjung satu lokasi"),
        (parsed.outcomes, "cancelled", "cancelled_cell", "pembatalan satu instansi"),
        (parsed.outcomes, "no_show", "no_show_cell", "tidak hadir satu instansi"),
    ]
    found = [
        p
        for frame, column, cells, what in checks
        if frame is not None and not frame.empty
        for p in _above_bound(frame, column, cells, what, file)
    ]
    if len(found) <= LISTED:
        return found
    rest = Problem(
        "angka_tidak_wajar",
        f"... dan {number(len(found) - LISTED)} angka lain juga di atas batas.",
        file=file,
    )
    return [*found[:LISTED], rest]


def _above_bound(frame: pd.DataFrame, column: str, cells: str, what: str, file: str) -> list[Problem]:
    grains = frame["grain"] if "grain" in frame else pd.Series("day", index=frame.index)
    bounds = grains.eq("month").map({True: count_bound("month"), False: count_bound("day")})
    over = frame[frame[column].to_numpy() > bounds.to_numpy()]
    return [
        Problem(
            "angka_tidak_wajar",
            _implausible(int(row[column]), row.get(cells), grain, what),
            file=file,
            sheet=row.get("sheet"),
            cell=row.get(cells),
        )
        for (_, row), grain in zip(over.iterrows(), grains[over.index], strict=True)
    ]


def _implausible(value: int, cell: str | None, grain: str, what: str) -> str:
    name, _ = BOUNDS["month" if grain == "month" else "day"]
    where = f" di sel {cell}" if cell else ""
    return (
        f"Angka {number(value)}{where} tidak mungkin untuk {what} dalam "
        f"{PERIOD_WORDS.get(grain, 'satu hari')} (batas {number(count_bound(grain))}). Periksa "
        f"angkanya (salah ketik, kolom tergeser?) lalu unggah lagi; bila memang benar, naikkan "
        f"batas dengan {name}."
    )


def _too_large(value: int, cell: str) -> str:
    return (
        f"Angka {number(value)} di sel {cell} terlalu besar untuk jumlah kunjungan mana pun dan "
        "tidak dapat disimpan. Periksa angkanya lalu unggah lagi."
    )


# ---- dates and months -----------------------------------------------------------------------------


def date_problems(
    sheet: Sheet | None,
    dated: Iterable[tuple[date, Cell | None]],  # no cell: the caller places the problem
    today: date,
    period: tuple[date, date] | None = None,
    file: str = "",
) -> list[Problem]:
    """Figures dated after today, or outside the period the file states ('Periode 01 January 2026
    s.d. 31 January 2026'). One problem per cell."""
    problems = []
    for day, cell in dated:
        if day > today:
            problems.append(
                at(
                    sheet,
                    cell,
                    "tanggal_di_masa_depan",
                    f"Tanggal {day:%d/%m/%Y} belum terjadi (hari ini {today:%d/%m/%Y}). "
                    "Periksa tahun atau tanggalnya.",
                    file,
                )
            )
        elif period and not period[0] <= day <= period[1]:
            problems.append(
                at(
                    sheet,
                    cell,
                    "tanggal_di_luar_periode",
                    f"Tanggal {day:%d/%m/%Y} di luar periode berkas ({period[0]:%d/%m/%Y} "
                    f"s.d. {period[1]:%d/%m/%Y}). Periksa tanggal atau periode di judul.",
                    file,
                )
            )
    return problems


def duplicate_month_problems(
    sheet: Sheet, header_row: int, cols: Iterable[int] | None = None, file: str = ""
) -> list[Problem]:
    """The same month named by two columns of a header row ('AGUSTUS' and 'Agt'): which one counts
    cannot be known, so both are reported, at the second one."""
    row = sheet.rows[header_row]
    seen: dict[int, list[int]] = defaultdict(list)
    for col in cols if cols is not None else range(len(row)):
        month = parse_month(row[col]) if col < len(row) and isinstance(row[col], str) else None
        if month:
            seen[month].append(col)
    return [
        at(
            sheet,
            (header_row, again),
            "bulan_ganda",
            f"Bulan {month_name(month)} muncul di dua kolom ({cell_ref(header_row, first)} dan "
            f"{cell_ref(header_row, again)}). Hapus atau gabungkan salah satunya.",
            file,
        )
        for month, found in seen.items()
        for first, again in pairwise(found)
    ]


def formula_problems(sheet: Sheet, within: Iterable[Cell] | None = None, file: str = "") -> list[Problem]:
    """Formula cells Excel never calculated (no cached value): they would load as blanks."""
    wanted = set(within) if within is not None else None
    return [
        at(
            sheet,
            cell,
            "rumus_tanpa_nilai",
            "Sel berisi rumus tanpa nilai tersimpan. Buka berkas di Excel, simpan ulang (agar "
            "nilainya dihitung), lalu unggah lagi.",
            file,
        )
        for cell in sheet.formulas_without_value
        if wanted is None or cell in wanted
    ]
