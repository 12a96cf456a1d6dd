"""Downloads of what a page shows: CSV, styled XLSX and PNG of a chart.

A table is a frame plus a list of `Column`s that say what each value is. The page shows `display()`,
the files hold `values()`: both round the same way, so a figure on a card, in the table, in the CSV and
in the XLSX is the same number (11.315 on screen is 11315 in the file; 24,8% is 24.8).

Cells a spreadsheet would run as a formula (=, +, -, @ first) are written as text: an agency name like
'=HYPERLINK(...)' or '+62 ...' from an uploaded file must never become a live formula on an official's
machine. Real numbers, negative ones included, stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd
import xlsxwriter

from mpp import fmt
from mpp.store.db import query_rows
from mpp.text.catalogue import t

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER_TEXT = re.compile(r"^[+-]?\d[\d.,]*%?$")
KINDS = ("text", "count", "percent", "change", "decimal", "decimal2", "month")
XLSX_FORMATS = {
    "count": "#,##0",
    "percent": "#,##0.0",
    "decimal": "#,##0.0",
    "decimal2": "#,##0.00",  # an index as published (IKM 95,20)
    "change": "+#,##0.0;-#,##0.0;0.0",
}
DIGITS = {"count": 0, "percent": 1, "change": 1, "decimal": 1, "decimal2": 2}
TIMEZONES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


@dataclass(frozen=True)
class Column:
    key: str  # the frame's column
    label: str  # the header a person reads
    kind: str = "text"  # text | count | percent | change | decimal | month
    on_screen: bool = True  # False: in the files only (a wide context column the page has no room for)


@dataclass(frozen=True)
class ExportInfo:
    """The title block of an XLSX file: what the figures are, where from, and when."""

    title: str
    sites: str
    period: str
    measure: str
    source: str
    exported_at: str


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _shown(value, kind: str, lang: str) -> str:
    if _missing(value):
        return fmt.NO_DATA
    shown: dict[str, Callable[[Any], str]] = {
        "count": lambda v: fmt.number(v, lang=lang),
        "percent": lambda v: fmt.percent(v, lang=lang),
        "change": lambda v: fmt.signed_percent(v, lang=lang),
        "decimal": lambda v: fmt.number(v, 1, lang),
        "decimal2": lambda v: fmt.number(v, 2, lang),
        "month": lambda v: fmt.month_label(v, lang),
    }
    return shown.get(kind, str)(value)


def _value(value, kind: str, lang: str):
    """The value a file stores: whole numbers as int, percents rounded as the screen rounds them."""
    if _missing(value):
        return None
    if kind in DIGITS:
        return _as_shown(value, DIGITS[kind])
    return fmt.month_label(value, lang) if kind == "month" else str(value)


def _as_shown(value, digits: int):
    """The number exactly as the screen rounds it (Babel rounds half to even on the decimal text, not
    as Python's round() on the binary float: 24.85 reads 24,8 on screen, so the file holds 24.8)."""
    text = fmt.number(value, digits).replace(".", "").replace(",", ".")
    return int(text) if digits == 0 else float(text)


def display(frame: pd.DataFrame, columns: list[Column], lang: str = "id") -> pd.DataFrame:
    """The table as a person reads it, every figure formatted on the server in the reader's language
    (11.315; 24,8% / 11,315; 24.8%)."""
    return pd.DataFrame(
        {c.label: [_shown(v, c.kind, lang) for v in frame[c.key]] for c in columns if c.on_screen}
    )


def values(frame: pd.DataFrame, columns: list[Column], lang: str = "id") -> list[list]:
    """The rows as files store them (header not included)."""
    cols = [[_value(v, c.kind, lang) for v in frame[c.key]] for c in columns]
    return [list(row) for row in zip(*cols, strict=True)] if cols else []


def as_text(cell):
    """Escape a formula-like text cell with a leading apostrophe; numbers are left alone."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START) and not NUMBER_TEXT.match(cell):
        return "'" + cell
    return cell


def to_csv(frame: pd.DataFrame, columns: list[Column], lang: str = "id") -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens Indonesian names correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([as_text(c.label) for c in columns])
    for row in values(frame, columns, lang):
        writer.writerow(["" if v is None else as_text(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _title_rows(info: ExportInfo, lang: str) -> list[tuple[str, str]]:
    keys = ("export_sites", "export_period", "export_measure", "export_source", "export_exported_at")
    labels = [t(key, lang) for key in keys]
    return list(
        zip(labels, (info.sites, info.period, info.measure, info.source, info.exported_at), strict=True)
    )


def to_xlsx(frame: pd.DataFrame, columns: list[Column], info: ExportInfo, lang: str = "id") -> bytes:
    """One styled sheet: a title block, a header row, numbers stored as numbers."""
    buffer = io.BytesIO()
    book = new_workbook(buffer)
    add_sheet(book, frame, columns, info, lang)
    book.close()
    return buffer.getvalue()


def new_workbook(target) -> xlsxwriter.Workbook:
    """A workbook that never turns a text cell into a formula, a number or a link."""
    return xlsxwriter.Workbook(
        target,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )


def add_sheet(
    book: xlsxwriter.Workbook,
    frame: pd.DataFrame,
    columns: list[Column],
    info: ExportInfo,
    lang: str = "id",
    name: str | None = None,
) -> None:
    """A sheet (named `name`, else after the title) with the title block, a header row and the rows
    as values() gives them; the monthly report writes one per table with this."""
    sheet = book.add_worksheet(_sheet_name(name or info.title))
    styles = _styles(book)
    sheet.write_string(0, 0, info.title, styles["title"])
    for row, (label, text) in enumerate(_title_rows(info, lang), start=1):
        sheet.write_string(row, 0, label, styles["label"])
        sheet.write_string(row, 1, text)
    header = len(_title_rows(info, lang)) + 2
    _write_table(sheet, header, columns, values(frame, columns, lang), styles)
    sheet.freeze_panes(header + 1, 0)


def _sheet_name(title: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Data"


def _styles(book) -> dict:
    styles = {kind: book.add_format({"num_format": f}) for kind, f in XLSX_FORMATS.items()}
    styles["title"] = book.add_format({"bold": True, "font_size": 14})
    styles["label"] = book.add_format({"bold": True, "font_color": "#555555"})
    styles["header"] = book.add_format(
        {
            "bold": True,
            "bg_color": "#0b5394",
            "font_color": "#ffffff",
            "border": 1,
            "text_wrap": True,
            "valign": "top",
        }
    )
    return styles


def _write_table(sheet, top: int, columns: list[Column], rows: list[list], styles: dict) -> None:
    for col, column in enumerate(columns):
        sheet.write_string(top, col, column.label, styles["header"])
        width = max([len(column.label)] + [len(str(r[col])) for r in rows]) + 2
        sheet.set_column(col, col, min(max(width, 10), 60))
    for r, row in enumerate(rows, start=top + 1):
        for col, (column, value) in enumerate(zip(columns, row, strict=True)):
            if value is None:
                sheet.write_blank(r, col, None)
            elif isinstance(value, str):
                sheet.write_string(r, col, value)  # text stays text, '=...' included
            else:
                sheet.write_number(r, col, value, styles.get(column.kind))


def exported_at(now: datetime, timezone: str, lang: str = "id") -> str:
    """'23 November 2026 15.40 WITA': the export time in the site's own timezone."""
    from zoneinfo import ZoneInfo

    local = now.astimezone(ZoneInfo(timezone))
    clock = local.strftime("%H.%M" if lang == "id" else "%H:%M")
    return (
        f"{local.day} {fmt.month_name(local.month, lang)} {local.year} {clock} "
        f"{TIMEZONES.get(timezone, timezone)}"
    )


def to_png(fig, width: int = 1100, height: int = 550) -> bytes:
    """The chart as the page draws it, rendered by kaleido with the system Chromium."""
    return fig.to_image(format="png", width=width, height=height, scale=2)


def data_sources(con: duckdb.DuckDBPyConnection, sites) -> str:
    """The files behind the figures, as the title block names them."""

    names = [row[0] for row in query_rows(con, "site_sources", sites=list(sites))]
    return "; ".join(names[:5]) + (f" (+{len(names) - 5})" if len(names) > 5 else "") or "–"
