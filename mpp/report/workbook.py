"""The report's tables in one workbook: a named sheet per table, each with the export title block
(what, sites, period, measure, source, when), numbers as numbers, text never a formula."""

from __future__ import annotations

import io

from mpp.present.export import ExportInfo, add_sheet, new_workbook
from mpp.report.gather import ReportData
from mpp.report.sections import Section, Table


def sheet_names(tables: list[Table]) -> list[str]:
    """The tables' sheet names, unique and at most 31 characters (Excel's limit)."""
    names: list[str] = []
    for table in tables:
        name, n = table.sheet[:31], 2
        while name.lower() in (known.lower() for known in names):
            name, n = f"{table.sheet[: 31 - len(str(n)) - 1]} {n}", n + 1
        names.append(name)
    return names


def workbook(data: ReportData, sections: list[Section]) -> bytes:
    tables = [table for section in sections for table in section.tables]
    buffer = io.BytesIO()
    book = new_workbook(buffer)
    for table, name in zip(tables, sheet_names(tables), strict=True):
        info = ExportInfo(
            table.title, ", ".join(data.sites), table.period, table.measure, data.sources, data.made_at
        )
        add_sheet(book, table.frame, table.columns, info, data.lang, name)
    book.close()
    return buffer.getvalue()
