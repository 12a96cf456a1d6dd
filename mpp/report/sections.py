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
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from mpp import fmt
from mpp.period import Measure
from mpp.present import charts, figures, timeline
from mpp.present.export import Column
from mpp.reference.events import kind_label
from mpp.report.gather import ReportData
from mpp.text.catalogue import t
from mpp.visits import channels
from mpp.visits.estimate import NoEstimate
from mpp.visits.like_for_like import LikeForLike
from mpp.visits.month_review import MIN_BASE

AGENCIES_IN_PDF = 30  # rows of the agency table in the PDF; the workbook has every agency


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


def _month(data: ReportData, short: bool = False) -> str:
    return fmt.month_label(data.month, data.lang, short=short)


def _mark(data: ReportData) -> str:
    return t("provisional_suffix", data.lang) if data.provisional else ""


def _excluded(comparison: LikeForLike, lang: str) -> str | None:
    if not comparison.excluded:
        return None
    return t(
        "report_compared_sites",
        lang,
        sites=", ".join(comparison.sites),
        excluded="; ".join(e.text(lang) for e in comparison.excluded),
    )


def month_in_review(data: ReportData) -> Section:
    """Ringkasan's three cards: the month, against the same month a year earlier and the month before."""
    lang, review = data.lang, data.view.review
    measure = data.measure.label(lang)
    yoy, mom = review.year_on_year, review.month_on_month
    shown = yoy.current.value if yoy.excluded else review.total.value
    rows = [
        (t("report_row_month", lang), _month(data), shown, None),
        (
            t("report_row_yoy", lang),
            fmt.month_label(yoy.base.period.start, lang),
            yoy.base.value,
            yoy.change_pct,
        ),
        (
            t("report_row_mom", lang),
            fmt.month_label(mom.base.period.start, lang),
            mom.base.value,
            mom.change_pct,
        ),
    ]
    frame = pd.DataFrame(rows, columns=["item", "period", "value", "change_pct"])
    lines = [
        t(
            "report_review_value",
            lang,
            measure=measure.capitalize(),
            month=_month(data),
            value=fmt.number(shown, lang=lang),
        )
        + _mark(data)
    ]
    for comparison, kind in ((yoy, "report_review_kind_yoy"), (mom, "report_review_kind_mom")):
        lines.append(
            t(
                "report_review_against",
                lang,
                base_month=fmt.month_label(comparison.base.period.start, lang),
                base=fmt.number(comparison.base.value, lang=lang),
                change=fmt.signed_percent(comparison.change_pct, lang=lang),
                note=t(kind, lang),
            )
        )
    notes = [n for n in (_excluded(yoy, lang), _excluded(mom, lang)) if n]
    columns = [
        Column("item", t("report_col_item", lang)),
        Column("period", t("report_col_period", lang)),
        Column("value", measure.capitalize(), "count"),
        Column("change_pct", t("report_col_change", lang), "change"),
    ]
    table = Table(
        t("report_sheet_review", lang),
        t("report_sec_review", lang, month=_month(data)),
        frame,
        columns,
        _month(data),
        measure,
    )
    return Section(
        "review",
        t("report_sec_review", lang, month=_month(data)),
        tuple(lines),
        (table,),
        notes=tuple(dict.fromkeys(notes)),
    )


def coverage(data: ReportData) -> Section:
    """Who reported the month, in each measure, and who has not yet (by name)."""
    lang, review = data.lang, data.view.review
    shown = [c for c in (review.agency_coverage, review.coverage) if c is not None]
    lines, rows = [], []
    for month in shown:
        lines.append(t("report_coverage_line", lang, month=_month(data), coverage=month.text(lang)))
        status = month.status
        missing = (
            [
                f"{name} ({m.site})" if len(data.sites) > 1 else name
                for m in status.site_months
                for name in m.missing
            ]
            if status
            else []
        )
        if missing:
            lines.append(t("report_coverage_missing", lang, names=", ".join(missing)))
        rows.append(
            (
                month.measure.label(lang),
                month.reporting,
                month.expected,
                t("report_yes" if month.complete else "report_no", lang),
            )
        )
    if any(m.status is not None and m.status.closed for m in shown):
        lines.append(t("report_coverage_closed", lang))
    frame = pd.DataFrame(rows, columns=["measure", "reporting", "expected", "complete"])
    columns = [
        Column("measure", t("measure", lang)),
        Column("reporting", t("report_col_reporting", lang), "count"),
        Column("expected", t("report_col_expected", lang), "count"),
        Column("complete", t("report_col_complete", lang)),
    ]
    table = Table(
        t("report_sheet_coverage", lang), t("report_sec_coverage", lang), frame, columns, _month(data), ""
    )
    return Section("coverage", t("report_sec_coverage", lang), tuple(dict.fromkeys(lines)), (table,))


def year_to_date(data: ReportData) -> Section:
    """Ringkasan's period cards: the year to date like for like, and the previous full year named as
    a period of another length."""
    lang, view = data.lang, data.view
    measure = data.measure.label(lang)
    compared, now, full = view.to_date, view.total, view.previous_full_year
    value = compared.current.value if compared.excluded else now.value
    period, base_period = now.period.label(lang), compared.base.period.label(lang)
    lines = [
        t(
            "report_to_date_line",
            lang,
            measure=measure.capitalize(),
            period=period,
            value=fmt.number(value, lang=lang),
        )
        + _mark(data)
    ]
    if compared.change_pct is None:
        lines.append(t("report_to_date_none", lang, base_period=base_period))
    else:
        lines.append(
            t(
                "report_to_date_growth",
                lang,
                base_period=base_period,
                base=fmt.number(compared.base.value, lang=lang),
                change=fmt.signed_percent(compared.change_pct, lang=lang),
            )
        )
    if full.value is not None:
        lines.append(
            t(
                "report_full_year_line",
                lang,
                year=full.period.start.year,
                months=fmt.months_count(full.period.months, lang),
                value=fmt.number(full.value, lang=lang),
            )
        )
    rows = [
        (t("report_row_to_date", lang), period, value, compared.change_pct),
        (t("report_row_to_date_base", lang), base_period, compared.base.value, None),
        (
            t("report_row_full_year", lang, year=full.period.start.year),
            full.period.label(lang),
            full.value,
            None,
        ),
    ]
    frame = pd.DataFrame(rows, columns=["item", "period", "value", "change_pct"])
    columns = [
        Column("item", t("report_col_item", lang)),
        Column("period", t("report_col_period", lang)),
        Column("value", measure.capitalize(), "count"),
        Column("change_pct", t("report_col_change", lang), "change"),
    ]
    table = Table(
        t("report_row_to_date", lang), t("report_sec_to_date", lang), frame, columns, period, measure
    )
    notes = tuple(n for n in (_excluded(compared, lang),) if n)
    return Section("to_date", t("report_sec_to_date", lang), tuple(lines), (table,), notes=notes)


def monthly_chart(data: ReportData) -> Section:
    """Ringkasan's chart: this year's months beside last year's, provisional months hatched."""
    lang, view = data.lang, data.view
    measure = data.measure.label(lang)
    year = view.through.year
    title = t("report_sec_chart", lang, measure=measure.capitalize(), year=year, last_year=year - 1)
    provisional = [m.month for m in view.coverage if m.provisional] + [
        m.month for m in view.provisional if m.measure is view.measure
    ]
    if data.provisional:
        provisional.append(data.month)
    fig = charts.year_against_year(
        view.monthly_now,
        view.monthly_last_year,
        view.measure,
        title,
        lang,
        provisional=provisional,
        provisional_label=t("provisional", lang),
    )
    fig = timeline.with_events(fig, data.chart_events, lang, axis="month_name", years=(year, year - 1))
    now = view.monthly_now.assign(number=lambda f: [m.month for m in f["month"]])
    before = view.monthly_last_year.assign(number=lambda f: [m.month for m in f["month"]])
    frame = pd.DataFrame({"number": range(1, 13)})
    frame["month"] = [fmt.month_name(n, lang) for n in frame["number"]]
    frame["now"] = frame["number"].map(now.set_index("number")["value"]) if not now.empty else None
    frame["before"] = frame["number"].map(before.set_index("number")["value"]) if not before.empty else None
    columns = [
        Column("month", t("month", lang)),
        Column("now", str(year), "count"),
        Column("before", str(year - 1), "count"),
    ]
    table = Table(t("report_sheet_monthly", lang), title, frame, columns, f"{year - 1}-{year}", measure)
    return Section("chart", title, charts=(Chart("grafik-bulanan", fig),), tables=(table,))


def agencies(data: ReportData) -> Section | None:
    """Instansi: every agency with its service visits and share of all service visits (base named)."""
    lang, shares = data.lang, data.view.agencies
    if shares.table.empty:
        return None
    period = data.period.label(lang)
    frame = shares.table.reset_index(drop=True).assign(rank=lambda f: range(1, len(f) + 1))
    unit = Measure.SERVICE_VISITS.label(lang)
    columns = [
        Column("rank", t("rank", lang), "count"),
        Column("agency", t("agency", lang)),
        Column("visits", t("service_visits", lang), "count"),
        Column("share", t("share", lang), "percent"),
    ]
    base = t("report_share_base", lang, base=fmt.number(shares.base.value, lang=lang), period=period) + _mark(
        data
    )
    table = Table(
        t("report_sheet_agencies", lang),
        t("report_sec_agencies", lang),
        frame,
        columns,
        period,
        unit,
        AGENCIES_IN_PDF,
    )
    top = frame.head(10)
    fig = figures.ranked_bars(
        top["agency"],
        top["visits"],
        top["share"].map(lambda share: fmt.percent(share, lang=lang)),
        f"{t('report_sec_agencies', lang)} {period}",
        unit,
        lang=lang,
    )
    notes = [base]
    if len(frame) > AGENCIES_IN_PDF:
        notes.append(t("report_agencies_more", lang, n=len(frame) - AGENCIES_IN_PDF))
    return Section(
        "agencies",
        t("report_sec_agencies", lang) + f" {period}",
        (base,),
        (table,),
        (Chart("instansi", fig, 420),),
        tuple(notes[1:]),
    )


def rose_and_fell(data: ReportData) -> Section | None:
    """The month in review's agencies that rose and fell most against the same month a year earlier."""
    lang, review = data.lang, data.view.review
    if review.agencies.empty:
        return None
    month, base = (
        _month(data, short=True),
        fmt.month_label(review.year_on_year.base.period.start, lang, short=True),
    )
    columns = [
        Column("agency", t("agency", lang)),
        Column("visits_same_month_last_year", base, "count"),
        Column("visits", month, "count"),
        Column("change", t("change_count", lang), "count"),
        Column("change_pct", t("change_percent", lang), "change"),
    ]
    heading = t(
        "report_sec_changes",
        lang,
        month=_month(data),
        base=fmt.month_label(review.year_on_year.base.period.start, lang),
    )
    unit = Measure.SERVICE_VISITS.label(lang)
    tables = tuple(
        Table(t(key, lang), t(key, lang), rows, columns, _month(data), unit)
        for key, rows in (("report_rose", review.risers()), ("report_fell", review.fallers()))
    )
    note = t(
        "agency_change_note",
        lang,
        month=_month(data),
        min_base=MIN_BASE,
        base=fmt.month_label(review.year_on_year.base.period.start, lang),
    )
    return Section("changes", heading, tables=tables, notes=(note,))


def peaks(data: ReportData) -> Section | None:
    """The busiest months of the year to date, highest first (as the home page and the press text)."""
    lang, view = data.lang, data.view
    if view.peaks.empty:
        return None
    period, measure = data.period.label(lang), data.measure.label(lang)
    frame = view.peaks.reset_index(drop=True).assign(rank=lambda f: range(1, len(f) + 1))
    columns = [
        Column("rank", t("rank", lang), "count"),
        Column("month", t("month", lang), "month"),
        Column("value", measure.capitalize(), "count"),
    ]
    table = Table(
        t("report_sheet_peaks", lang),
        t("report_sec_peaks", lang, period=period),
        frame,
        columns,
        period,
        measure,
    )
    return Section("peaks", t("report_sec_peaks", lang, period=period) + _mark(data), tables=(table,))


def service_channels(data: ReportData) -> Section | None:
    """Kanal: walk-in against online queue per month of the year to date, where files give channels."""
    lang, monthly = data.lang, data.channel_monthly
    if monthly.empty:
        return None
    period, unit = data.period.label(lang), Measure.SERVICE_VISITS.label(lang)
    present, outcomes = channels.channels_present(monthly), channels.outcomes_present(monthly)
    columns = [
        Column("month", t("month", lang), "month"),
        *[Column(c, channels.channel_label(c, lang), "count") for c in present],
        Column("total", t("total", lang), "count"),
        Column("online_share", f"{t('online_share', lang)} (%)", "percent"),
        *[Column(c, t(c, lang), "count") for c in outcomes],
    ]
    table = Table(
        t("report_sheet_channels", lang),
        t("report_sec_channels", lang, period=period),
        monthly,
        columns,
        period,
        unit,
    )
    fig = figures.stacked_bars(
        [fmt.month_label(m, lang, short=True) for m in monthly["month"]],
        {channels.channel_label(c, lang): monthly[c] for c in present},
        [fmt.month_label(m, lang) for m in monthly["month"]],
        t("channel_chart", lang, period=period),
        unit,
        lang=lang,
    )
    share = channels.online_share(monthly)
    lines = (
        (t("report_online_share_line", lang, share=fmt.percent(share, lang=lang)),)
        if share is not None
        else ()
    )
    return Section(
        "channels",
        t("report_sec_channels", lang, period=period),
        lines,
        (table,),
        (Chart("kanal", fig, 300),),
        (t("cancellations_note", lang),) if outcomes else (),
    )


def sites(data: ReportData) -> Section | None:
    """Lokasi: the selected sites and their Mini MPP outlets side by side, where there are several."""
    lang, table = data.lang, data.site_table
    if table.empty:
        return None
    period, measure = data.period.label(lang), data.measure.label(lang)
    columns = [
        Column("name", t("site", lang)),
        Column("total", data.period.label(lang, short=True), "count"),
        Column("last_year", data.period.shift_years(-1).label(lang, short=True), "count"),
        Column("change_pct", t("change_yoy", lang), "change"),
        Column("per_working_day", t("per_working_day", lang), "decimal"),
        Column("region_share", t("region_share", lang), "percent"),
    ]
    sheet = Table(
        t("report_sheet_sites", lang),
        t("report_sec_sites", lang, period=period),
        table,
        columns,
        period,
        measure,
    )
    return Section(
        "sites",
        t("report_sec_sites", lang, period=period),
        tables=(sheet,),
        notes=(t("region_share_note", lang),),
    )


def satisfaction(data: ReportData) -> Section | None:
    """The satisfaction index where a survey is loaded (the press text's figure)."""
    lang = data.lang
    if not data.satisfaction:
        return None
    lines = tuple(
        t(
            "report_satisfaction_line",
            lang,
            site=site,
            period=s.period_label,
            value=fmt.number(s.index, 2, lang=lang),
            grade=s.grade,
            label=s.label,
        )
        for site, s in data.satisfaction
    )
    frame = pd.DataFrame(
        [(site, s.period_label, s.index, s.grade, s.label) for site, s in data.satisfaction],
        columns=["site", "period", "index", "grade", "label"],
    )
    columns = [
        Column("site", t("site", lang)),
        Column("period", t("report_col_period", lang)),
        Column("index", "IKM", "decimal2"),
        Column("grade", t("report_col_grade", lang)),
        Column("label", ""),
    ]
    table = Table(
        t("report_sheet_satisfaction", lang),
        t("report_sec_satisfaction", lang),
        frame,
        columns,
        data.period.label(lang),
        "IKM",
    )
    return Section("satisfaction", t("report_sec_satisfaction", lang), lines, (table,))


def events_of_the_month(data: ReportData) -> Section | None:
    """The sites' events of the month (launches, openings, closings, holidays, outages), by day, as
    analysts put them on the timeline (mpp.reference.events.events_in); None when there are none."""
    lang, found = data.lang, data.month_events
    if not found:
        return None
    frame = pd.DataFrame(
        {
            "day": [fmt.day_label(e.day, lang) for e in found],
            "site": [e.site for e in found],
            "kind": [kind_label(e.kind, lang) for e in found],
            "label": [e.label for e in found],
        }
    )
    columns = [
        Column("day", t("event_day", lang)),
        *([Column("site", t("site", lang))] if len(data.sites) > 1 else []),
        Column("kind", t("event_kind", lang)),
        Column("label", t("event_label", lang)),
    ]
    heading = t("report_sec_events", lang)
    table = Table(t("events_title", lang), heading, frame, columns, _month(data), "-")
    return Section("events", heading, tables=(table,))


def year_end_estimate(data: ReportData) -> Section | None:
    """The estimated year-end total with its range and basis, labelled as an estimate, never data
    (mpp.visits.estimate, the same as Tren dan Puncak); where none can be made, why. Nothing once
    the year is complete: its real total is the report's own figure."""
    found, lang = data.estimate, data.lang
    if found is None or (isinstance(found, NoEstimate) and found.reason == "year_complete"):
        return None
    heading = t("estimate_card", lang, year=found.year)
    if isinstance(found, NoEstimate):
        return Section("estimate", heading, (found.text(lang),))
    lines = (t("estimate_caption", lang, text=found.text(lang), basis=found.basis_text(lang)),)
    notes = [t("estimate_card_help", lang)]
    if found.excluded:
        left_out = "; ".join(e.text(lang) for e in found.excluded)
        notes.append(t("estimate_excluded", lang, kept=", ".join(found.sites), excluded=left_out))
    return Section("estimate", heading, lines, notes=tuple(notes))


def press_paragraphs(data: ReportData) -> Section | None:
    """The Siaran Pers statement of each site, as checked by the draft checker: no wrong figure."""
    lang, found = data.lang, [s for s in data.statements if s is not None]
    if not found:
        return None
    lists, notes = [], []
    for statement in found:
        lists.append((statement.release.title, statement.paragraphs))
        checked = t(
            "report_press_checked", lang, ok=statement.check.count("ok"), notes=statement.check.count("note")
        )
        note = checked if not statement.withheld else t("report_press_withheld", lang, n=statement.withheld)
        notes.append(f"{statement.site}: {note}" if len(found) > 1 else note)
    return Section("press", t("report_sec_press", lang), lists=tuple(lists), notes=tuple(notes))


def footnotes(data: ReportData) -> Section:
    lang = data.lang
    lines = [
        t("report_note_measures", lang),
        t("report_note_like", lang),
        t("report_note_min_base", lang, min_base=MIN_BASE),
    ]
    if data.provisional:
        lines.append(t("provisional_included", lang, months=_month(data)))
    if data.demo:
        lines.append(t("report_demo_note", lang, sites=", ".join(data.demo)))
    lines.append(t("report_note_sources", lang, sources=data.sources))
    return Section("notes", t("report_sec_notes", lang), tuple(lines))


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
