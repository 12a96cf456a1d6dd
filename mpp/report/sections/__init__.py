"""The report as a list of small sections, each a function of the gathered figures that returns a
`Section` (heading, lines, tables, charts, notes) or None where the data have nothing for it.

The PDF (html.py), the workbook (workbook.py) and the Laporan page all walk `SECTIONS`, so a section
added here appears in all three. Tables are a frame plus `mpp.present.export.Column`s, formatted by the
same `display()` / `values()` as every page's table and its CSV/XLSX download: 11.315 in the PDF is
11315 in the workbook.

The events of the month (mpp.reference.events) and the year-end estimate (mpp.visits.estimate) are
sections like the others, each one function in `SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable

from mpp.report.gather import ReportData
from mpp.report.sections.breakdown import (
    AGENCIES_IN_PDF,
    agencies,
    rose_and_fell,
    satisfaction,
    service_channels,
    sites,
)
from mpp.report.sections.common import Chart, Section, Table
from mpp.report.sections.context import events_of_the_month, footnotes, press_paragraphs, year_end_estimate
from mpp.report.sections.headline import coverage, month_in_review, monthly_chart, peaks, year_to_date

__all__ = ["AGENCIES_IN_PDF", "SECTIONS", "Chart", "Section", "Table", "sections"]


SectionFunction = Callable[[ReportData], Section | None]


SECTIONS: tuple[SectionFunction, ...] = (
    month_in_review,
    coverage,
    year_to_date,
    monthly_chart,
    agencies,
    rose_and_fell,
    peaks,
    service_channels,
    sites,
    satisfaction,
    events_of_the_month,
    year_end_estimate,
    press_paragraphs,
    footnotes,
)


def sections(data: ReportData) -> list[Section]:
    """Every section the data have, in the report's order."""
    return [section for make in SECTIONS if (section := make(data)) is not None]
