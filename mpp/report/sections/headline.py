"""The headline sections, as Ringkasan shows them: the month in review, who reported it, the year to
date like for like, the monthly chart this year against last, and the peaks."""

from __future__ import annotations

import pandas as pd

from mpp import fmt
from mpp.present import charts, timeline
from mpp.present.export import Column
from mpp.report.gather import ReportData
from mpp.report.sections.common import (
    Chart,
    Section,
    Table,
    excluded_note,
    figure_columns,
    month_of,
    provisional_mark,
)
from mpp.text.catalogue import t


def month_in_review(data: ReportData) -> Section:
    """Ringkasan's three cards: the month, against the same month a year earlier and the month before."""
    lang, review = data.lang, data.view.review
    measure = data.measure.label(lang)
    yoy, mom = review.year_on_year, review.month_on_month
    shown = yoy.current.value if yoy.excluded else review.total.value
    rows = [
        (t("report_row_month", lang), month_of(data), shown, None),
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
            month=month_of(data),
            value=fmt.number(shown, lang=lang),
        )
        + provisional_mark(data)
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
    notes = [n for n in (excluded_note(yoy, lang), excluded_note(mom, lang)) if n]
    columns = figure_columns(measure, lang)
    table = Table(
        t("report_sheet_review", lang),
        t("report_sec_review", lang, month=month_of(data)),
        frame,
        columns,
        month_of(data),
        measure,
    )
    return Section(
        "review",
        t("report_sec_review", lang, month=month_of(data)),
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
        lines.append(t("report_coverage_line", lang, month=month_of(data), coverage=month.text(lang)))
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
        t("report_sheet_coverage", lang), t("report_sec_coverage", lang), frame, columns, month_of(data), ""
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
        + provisional_mark(data)
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
    columns = figure_columns(measure, lang)
    table = Table(
        t("report_row_to_date", lang), t("report_sec_to_date", lang), frame, columns, period, measure
    )
    notes = tuple(n for n in (excluded_note(compared, lang),) if n)
    return Section("to_date", t("report_sec_to_date", lang), tuple(lines), (table,), notes=notes)


def monthly_chart(data: ReportData) -> Section:
    """Ringkasan's chart: this year's months beside last year's, provisional months hatched."""
    lang, view = data.lang, data.view
    measure = data.measure.label(lang)
    year = view.through.year
    title = t("report_sec_chart", lang, measure=measure.capitalize(), year=year, last_year=year - 1)
    provisional = view.provisional_months()
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
    return Section(
        "peaks", t("report_sec_peaks", lang, period=period) + provisional_mark(data), tables=(table,)
    )
