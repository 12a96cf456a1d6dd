"""The sections that break the figures down, as the pages of the same names: agencies ranked with
their shares and those that rose and fell most (Instansi), channels (Kanal), sites and outlets (Lokasi)
and the satisfaction index (Kepuasan)."""

from __future__ import annotations

import pandas as pd

from mpp import fmt
from mpp.period import Measure
from mpp.present import figures
from mpp.present.export import Column
from mpp.report.gather import ReportData
from mpp.report.sections.common import Chart, Section, Table, month_of, provisional_mark
from mpp.text.catalogue import t
from mpp.visits import channels
from mpp.visits.month_review import MIN_BASE

AGENCIES_IN_PDF = 30  # rows of the agency table in the PDF; the workbook has every agency


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
    base = t(
        "report_share_base", lang, base=fmt.number(shares.base.value, lang=lang), period=period
    ) + provisional_mark(data)
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
        month_of(data, short=True),
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
        month=month_of(data),
        base=fmt.month_label(review.year_on_year.base.period.start, lang),
    )
    unit = Measure.SERVICE_VISITS.label(lang)
    tables = tuple(
        Table(t(key, lang), t(key, lang), rows, columns, month_of(data), unit)
        for key, rows in (("report_rose", review.risers()), ("report_fell", review.fallers()))
    )
    note = t(
        "agency_change_note",
        lang,
        month=month_of(data),
        min_base=MIN_BASE,
        base=fmt.month_label(review.year_on_year.base.period.start, lang),
    )
    return Section("changes", heading, tables=tables, notes=(note,))


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
            value=fmt.number(s.index, 2, lang),
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
