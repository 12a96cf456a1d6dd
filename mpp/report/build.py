"""One report made whole: the figures gathered, the sections, the PDF, the workbook and the PNGs, and a
fingerprint of the figures (what the schedule compares to know whether a report changed)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from mpp.present.export import values
from mpp.report import charts
from mpp.report.gather import ReportData, gather
from mpp.report.html import report_html
from mpp.report.pdf import chromium, print_pdf
from mpp.report.sections import Chart, Section, sections
from mpp.report.workbook import workbook


@dataclass(frozen=True)
class Made:
    data: ReportData
    html: str
    pdf: bytes
    xlsx: bytes
    pngs: dict[str, bytes]  # chart name -> PNG


def fingerprint(data: ReportData, found: list[Section]) -> str:
    """sha256 of every figure and line the report prints (not the time it was made): two reports with
    the same fingerprint say the same."""
    content = {
        "sites": data.sites,
        "month": data.month.isoformat(),
        "lang": data.lang,
        "complete": data.complete,
        "demo": data.demo,
        "letterhead": [data.letterhead.name, data.letterhead.address, data.letterhead.logo],
        "sections": [
            {
                "heading": s.heading,
                "lines": s.lines,
                "notes": s.notes,
                "lists": s.lists,
                "tables": [values(tb.frame, tb.columns, data.lang) for tb in s.tables],
            }
            for s in found
        ],
    }
    text = json.dumps(content, ensure_ascii=False, default=str, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def figures_of(
    con: duckdb.DuckDBPyConnection, sites, month: date, lang: str = "id", now: datetime | None = None
) -> tuple[ReportData, list[Section]]:
    data = gather(con, sites, month, lang, now)
    return data, sections(data)


def render(data: ReportData, found: list[Section], progress=None) -> Made:
    """Draw the charts (SVG for the PDF, PNG files), print the PDF and write the workbook; no store
    needed, so a caller closes its connection first (the browsers take minutes on a busy server).
    `progress(step, of)` is told as each part is done (the page's progress bar). A chart or a print
    that fails is PrintFailed, in the report's language."""
    chromium(data.lang)  # refuse before drawing anything when there is nothing to print with
    every: list[Chart] = [chart for section in found for chart in section.charts]
    steps, done = len(every) * 2 + 2, 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, steps)

    images = charts.draw([(chart.figure, chart.height) for chart in every], data.lang, step)
    drawn = {id(chart): svg for chart, (svg, _) in zip(every, images, strict=True)}
    pngs = {chart.name: png for chart, (_, png) in zip(every, images, strict=True)}
    page = report_html(data, found, lambda chart: drawn[id(chart)])
    pdf = print_pdf(page, data.lang)
    step()
    book = workbook(data, found)
    step()
    return Made(data, page, pdf, book, pngs)
