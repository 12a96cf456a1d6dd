"""Press-statement paragraphs in the style of an Indonesian government press release.

Built only from an `Overview`, the same figures the home page and `python -m mpp summary` show, so a
statement can never disagree with the dashboard. Two rules from domain.md shape every sentence:
growth is only ever like for like ("Januari-September 2025 terhadap Januari-September 2024"), and
agency figures are service visits ("kunjungan layanan"), never called visitors, with their base named.

    >>> release = press_release(view)            # doctest: +SKIP
    >>> release.text().splitlines()[0]            # doctest: +SKIP
    'Kunjungan MPP Kota Balikpapan Januari-September 2025'
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

import duckdb
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from mpp import fmt
from mpp.period import Measure, Period
from mpp.present.export import data_sources
from mpp.press.satisfaction import Satisfaction, satisfaction_for
from mpp.reference.sites import demo_sites
from mpp.text.catalogue import t
from mpp.visits.estimate import YearEndEstimate, year_end_estimate, years_label
from mpp.visits.overview import Overview, overview


def percent(value: float, lang: str) -> str:
    """Prose percent in the statement's language: '24,8 persen' / '24.8 percent'."""
    return fmt.percent(value, 1, prose=True, lang=lang)


def listing(items: list[str], lang: str) -> str:
    """'a, b, dan c' / 'a, b and c'."""
    if len(items) < 2:
        return "".join(items)
    comma = "," if lang == "id" and len(items) > 2 else ""
    return f"{', '.join(items[:-1])}{comma} {t('statement_and', lang)} {items[-1]}"


def period_name(period: Period, lang: str) -> str:
    """'Januari-September 2025'; a calendar year the way a release names it: 'tahun 2024' / '2024'."""
    if period.is_full_year:
        return t("statement_year", lang, year=period.start.year)
    return period.label(lang)


@dataclass(frozen=True)
class PressRelease:
    title: str
    paragraphs: tuple[str, ...]
    sites: tuple[str, ...] = ()  # the office that issues it: the Word file's author
    lang: str = "id"
    source: str = ""  # the files behind the figures, as exports name them
    demo: tuple[str, ...] = ()  # the sites whose figures are demo data

    def text(self) -> str:
        return "\n\n".join((self.title, *self.paragraphs)) + "\n"


def _mark(view: Overview, lang: str) -> str:
    """' (sementara)' after a figure that uses a provisional month; complete months only otherwise."""
    return t("statement_provisional_mark", lang) if view.uses_provisional else ""


def to_date_paragraph(view: Overview, lang: str) -> str:
    now = view.total
    return t(
        "statement_to_date",
        lang,
        period=period_name(now.period, lang),
        site=_site(view),
        value=fmt.number(now.value, lang=lang) + _mark(view, lang),
        measure=view.measure.label(lang),
    )


def provisional_paragraph(view: Overview, lang: str) -> str | None:
    """Name the provisional months a statement uses, when the reader chose to include them."""
    months = [fmt.month_label(m.month, lang) for m in view.coverage if m.provisional]
    return t("statement_provisional", lang, months=listing(months, lang)) if months else None


def growth_paragraph(view: Overview, lang: str) -> str:
    """Like for like only; `change_pct` is None when the base is missing or incomplete."""
    now, base, change = view.to_date.current, view.to_date.base, view.to_date.change_pct
    if change is None:  # say which side is incomplete: this period, or the base
        key = "statement_growth_none_current" if view.uses_provisional else "statement_growth_none"
        return t(key, lang, base_period=period_name(base.period, lang), period=period_name(now.period, lang))
    return t(
        "statement_growth_up" if change >= 0 else "statement_growth_down",
        lang,
        pct=percent(abs(change), lang) + _mark(view, lang),
        period=period_name(now.period, lang),
        base_period=period_name(base.period, lang),
        base_value=fmt.number(base.value, lang=lang),
        value=fmt.number(now.value, lang=lang),
        measure=view.measure.label(lang),
    )


def full_year_paragraph(view: Overview, lang: str) -> str | None:
    """The previous calendar year, named as a different length so nobody reads it as a growth base;
    nothing when that year has no data, or when the statement is itself about a calendar year."""
    year, now = view.previous_full_year, view.to_date.current
    if year.value is None or now.period.is_full_year:
        return None
    text = t(
        "statement_full_year",
        lang,
        year=year.period.start.year,
        months=fmt.months_count(12, lang),
        value=fmt.number(year.value, lang=lang),
        measure=view.measure.label(lang),
        period=period_name(now.period, lang),
        period_months=fmt.months_count(now.period.months, lang),
    )
    if view.previous_full_year_short:  # a site opened late or stopped reporting that year
        sites = "; ".join(short.text(lang) for short in view.previous_full_year_short)
        text += " " + t("statement_full_year_short", lang, year=year.period.start.year, sites=sites)
    return text


def agencies_paragraph(view: Overview, lang: str, top: int = 5) -> str | None:
    table = view.agencies.table.head(top)
    if table.empty:
        return None
    first, others = table.iloc[0], table.iloc[1:]
    items = [
        f"{r.agency} {fmt.number(r.visits, lang=lang)} ({percent(r.share, lang)})"
        for r in others.itertuples()
    ]
    rest = t("statement_agencies_rest", lang, items=listing(items, lang)) if items else ""
    return t(
        "statement_agencies",
        lang,
        first=first.agency,
        visits=fmt.number(first.visits, lang=lang),
        share=percent(first.share, lang),
        rest=rest,
        period=period_name(view.period, lang),
        base=fmt.number(view.agencies.base.value, lang=lang) + _mark(view, lang),
    )


def peaks_paragraph(view: Overview, lang: str) -> str | None:
    """The busiest month and the next two, highest first; a period of one or two months has none."""
    if view.peaks.empty or view.period.months < 3:
        return None
    measure = view.measure.label(lang)
    first, others = view.peaks.iloc[0], view.peaks.iloc[1:]
    items = [
        f"{fmt.month_label(r.month, lang)} ({fmt.number(r.value, lang=lang)} {measure})"
        for r in others.itertuples()
    ]
    rest = t("statement_peaks_rest", lang, items=listing(items, lang)) if items else ""
    return t(
        "statement_peaks",
        lang,
        month=fmt.month_label(first.month, lang),
        value=fmt.number(first.value, lang=lang) + _mark(view, lang),
        measure=measure,
        rest=rest,
    )


def average_paragraph(view: Overview, lang: str) -> str | None:
    average = view.monthly_average
    if average is None:
        return None
    return t(
        "statement_average",
        lang,
        site=_site(view),
        value=fmt.number(round(average), lang=lang) + _mark(view, lang),
        measure=view.measure.label(lang),
        period=period_name(view.period, lang),
    )


def estimate_paragraph(view: Overview, estimate: YearEndEstimate | None, lang: str) -> str | None:
    """The year-end estimate, only as "diperkirakan ...", with its basis; nothing for a year whose
    real total is known, or an estimate of another year or measure than the statement's."""
    if (
        estimate is None
        or estimate.actual is not None
        or estimate.year != view.period.end.year
        or estimate.measure is not view.measure
    ):
        return None
    return t(
        "statement_estimate",
        lang,
        basis=estimate.basis.label(lang),
        years=years_label(estimate.years, lang),
        measure=estimate.measure.label(lang),
        site=_site(view),
        year=estimate.year,
        range=estimate.range_text(lang),
    )


def satisfaction_paragraph(view: Overview, score: Satisfaction | None, lang: str) -> str | None:
    if score is None:
        return None
    return t(
        "statement_satisfaction",
        lang,
        site=_site(view),
        period=score.period_label,
        value=fmt.number(score.index, 2, lang),
        grade=score.grade,
        label=score.label,
    )


def press_release(
    view: Overview,
    *,
    lang: str = "id",
    full_year: bool = False,
    top: int = 5,
    satisfaction: Satisfaction | None = None,
    estimate: YearEndEstimate | None = None,
) -> PressRelease:
    """The statement for an overview. The previous full year only when asked (`full_year`), and never
    for a calendar year, whose like-for-like base it already is; the year-end estimate only when
    given, as "diperkirakan ..." (mpp.visits.estimate)."""
    paragraphs = [
        to_date_paragraph(view, lang),
        growth_paragraph(view, lang),
        full_year_paragraph(view, lang) if full_year else None,
        agencies_paragraph(view, lang, top),
        peaks_paragraph(view, lang),
        average_paragraph(view, lang),
        estimate_paragraph(view, estimate, lang),
        satisfaction_paragraph(view, satisfaction, lang),
        provisional_paragraph(view, lang),
    ]
    title = t("statement_title", lang, site=_site(view), period=period_name(view.period, lang))
    return PressRelease(title, tuple(p for p in paragraphs if p), view.sites, lang)


def press_release_for(
    con: duckdb.DuckDBPyConnection,
    site: str,
    through: date | None = None,
    measure: Measure | None = None,
    period: Period | None = None,
    include_partial: bool = False,
    estimate: bool = False,
    **options,
) -> PressRelease | None:
    """Overview plus satisfaction index of one site, as a statement; None when the site has no data.
    The measure defaults to the site's headline (visitors where reported), as on the home page; the
    period to the year to date through the latest complete month. Provisional months only when
    `include_partial`, and then every figure that uses one says "sementara". With `estimate`, the
    year-end estimate from the complete months of the through month's year."""
    view = overview(con, [site], through, measure, period, include_partial)
    if view is None:
        return None
    score = satisfaction_for(con, site, view.period, options.get("lang", "id"))
    found = year_end_estimate(con, [site], view.through, view.measure) if estimate else None
    projected = found if isinstance(found, YearEndEstimate) else None
    release = press_release(view, satisfaction=score, estimate=projected, **options)
    return replace(release, source=data_sources(con, [site]), demo=tuple(demo_sites(con, [site])))


def _site(view: Overview) -> str:
    return ", ".join(view.sites)


def to_txt(release: PressRelease) -> bytes:
    """UTF-8 text with Windows line ends, so Notepad on an office PC shows the paragraphs."""
    return release.text().replace("\n", "\r\n").encode("utf-8")


# What XML 1.0 cannot hold (python-docx refuses it: "All strings must be XML compatible"). The
# loaders strip control characters from names, but a store loaded before they did may hold one.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    return NOT_XML.sub("", text)


A4 = (Mm(210), Mm(297))  # Indonesian offices print on A4, not python-docx's US Letter
MARGIN = Mm(25)
DEMO_RED = RGBColor(0xB0, 0x00, 0x20)


def to_docx(release: PressRelease, made_on: date | None = None) -> bytes:
    """A Word document on A4, authored by the office (the site): the demo mark when the figures are
    demo data, the title, the date (default today), one paragraph each, and the source line."""
    made_on = made_on or date.today()
    document = Document()
    _a4(document)
    _properties(document, release, made_on)
    if release.demo:
        _demo_mark(document, release)
    document.add_heading(xml_safe(release.title), level=1)
    document.add_paragraph(fmt.day_label(made_on, release.lang))
    for paragraph in release.paragraphs:
        document.add_paragraph(xml_safe(paragraph))
    source = document.add_paragraph()
    line = source.add_run(xml_safe(t("statement_source", release.lang, source=release.source or fmt.NO_DATA)))
    line.italic, line.font.size = True, Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _a4(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = A4
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN


def _properties(document, release: PressRelease, made_on: date) -> None:
    """The office as author (never 'python-docx'), the title, the date the statement was made."""
    office = xml_safe(", ".join(release.sites)) or "Pantau MPP"
    props = document.core_properties
    props.author = props.last_modified_by = office
    props.title = xml_safe(release.title)
    props.comments = ""
    props.language = release.lang
    props.created = props.modified = datetime(made_on.year, made_on.month, made_on.day)


def _demo_mark(document, release: PressRelease) -> None:
    """'DATA DEMO' above the title and in every page's header, so a printed page cannot pass as real."""
    mark = t("statement_demo_mark", release.lang)
    for where in (document.sections[0].header.paragraphs[0], document.add_paragraph()):
        run = where.add_run(mark)
        run.bold, run.font.color.rgb = True, DEMO_RED
        where.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(xml_safe(t("statement_demo_note", release.lang, sites=", ".join(release.demo))))
