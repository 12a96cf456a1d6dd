"""What every section is made of (Table, Chart, Section) and the small pieces several share."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from mpp import fmt
from mpp.present.export import Column
from mpp.report.gather import ReportData
from mpp.text.catalogue import t
from mpp.visits.like_for_like import LikeForLike


@dataclass(frozen=True)
class Table:
    sheet: str  # the workbook's sheet name (unique, at most 31 characters)
    title: str  # the title block's title
    frame: pd.DataFrame
    columns: list[Column]
    period: str  # the title block's period and measure
    measure: str
    in_pdf: int | None = None  # rows shown in the PDF (None: all)


@dataclass(frozen=True)
class Chart:
    name: str  # the PNG file's name part: grafik-bulanan
    figure: go.Figure
    height: int = 340  # px in the PDF (A4 content is about 680 px wide)


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    lines: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()
    notes: tuple[str, ...] = field(default=())
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (caption, paragraphs), e.g. a statement


def month_of(data: ReportData, short: bool = False) -> str:
    return fmt.month_label(data.month, data.lang, short=short)


def provisional_mark(data: ReportData) -> str:
    return t("provisional_suffix", data.lang) if data.provisional else ""


def excluded_note(comparison: LikeForLike, lang: str) -> str | None:
    if not comparison.excluded:
        return None
    return t(
        "report_compared_sites",
        lang,
        sites=", ".join(comparison.sites),
        excluded="; ".join(e.text(lang) for e in comparison.excluded),
    )


def figure_columns(measure: str, lang: str) -> list[Column]:
    """The columns of a table of figures with their change: what, which period, the figure, the change
    (the month in review and the year to date)."""
    return [
        Column("item", t("report_col_item", lang)),
        Column("period", t("report_col_period", lang)),
        Column("value", measure.capitalize(), "count"),
        Column("change_pct", t("report_col_change", lang), "change"),
    ]
