"""The month's figures for the report, taken from the very core functions the pages, the CSV/XLSX
downloads and the press text use, so every number in the PDF is the one on screen, to the unit.

A month that is not complete for every measure the sites report (mpp.visits.coverage) is reported as
the pages report it with "Sertakan bulan sementara" on: every figure that uses it is provisional, and
the report says "SEMENTARA" on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import duckdb
import pandas as pd

from mpp import fmt
from mpp.period import Measure, Period
from mpp.present.export import data_sources, exported_at
from mpp.press.checker.findings import Finding
from mpp.press.checker.findings import Report as CheckReport
from mpp.press.checker.run import check_draft
from mpp.press.satisfaction import Satisfaction, satisfaction_for
from mpp.press.statement import PressRelease, press_release_for
from mpp.reference.events import Event, events_in, list_events
from mpp.reference.sites import demo_sites, list_sites
from mpp.report.letterhead import Letterhead, letterhead
from mpp.text.catalogue import t
from mpp.visits import channels, metrics, reporting, site_compare
from mpp.visits.estimate import NoEstimate, YearEndEstimate, year_end_estimate
from mpp.visits.overview import Overview, overview


class NoFigures(ValueError):
    """The sites have no figures for the month: there is nothing to report (`text(lang)` says so)."""

    def __init__(self, sites, month: date) -> None:
        self.sites, self.month = tuple(sites), month
        super().__init__(f"{', '.join(self.sites)}: {month:%Y-%m}")

    def text(self, lang: str = "id") -> str:
        return t(
            "report_no_figures", lang, sites=", ".join(self.sites), month=fmt.month_label(self.month, lang)
        )


@dataclass(frozen=True)
class VerifiedStatement:
    """A site's press statement and what the draft checker found in it. Only paragraphs with no wrong
    figure are printed (`paragraphs`); the statement is made from the same overview, so a wrong one
    would be a fault of ours, and the report says how many figures were checked."""

    site: str
    release: PressRelease
    check: CheckReport

    @property
    def paragraphs(self) -> tuple[str, ...]:
        wrong = [f.sentence for f in self.check.findings if f.status == "wrong"]
        return tuple(p for p in self.release.paragraphs if not any(s and s in p for s in wrong))

    @property
    def withheld(self) -> int:
        return len(self.release.paragraphs) - len(self.paragraphs)


@dataclass(frozen=True)
class ReportData:
    sites: tuple[str, ...]
    month: date
    lang: str
    view: Overview  # the overview through the month: the home page's figures
    complete: bool  # every measure of every site complete in the month (coverage core)
    demo: tuple[str, ...]  # the sites whose figures are demo data
    made_at: str  # '27 November 2026 14.05 WITA', in the first site's timezone
    sources: str  # the files behind the figures, as the export title block names them
    letterhead: Letterhead
    statements: tuple[VerifiedStatement | None, ...]  # one per site, checked (None: no figures)
    satisfaction: tuple[tuple[str, Satisfaction], ...]  # (site, index) where a survey exists
    channel_monthly: pd.DataFrame  # the Kanal page's monthly table over the period (may be empty)
    channel_agencies: pd.DataFrame
    site_table: pd.DataFrame  # the Lokasi page's rows of the sites and their Mini MPP outlets
    estimate: YearEndEstimate | NoEstimate | None = None  # the year-end estimate (mpp.visits.estimate)
    month_events: tuple[Event, ...] = ()  # the sites' events in the month (mpp.reference.events)
    chart_events: tuple[Event, ...] = ()  # ... in the two years the monthly chart shows, to the month's end

    @property
    def period(self) -> Period:
        return self.view.period

    @property
    def measure(self) -> Measure:
        return self.view.measure

    @property
    def provisional(self) -> bool:
        return not self.complete


def month_complete(con: duckdb.DuckDBPyConnection, sites, month: date) -> bool:
    """Complete when every measure the sites report is complete in the month (as Ringkasan's badge)."""
    measures = reporting.measures_with_data(con, sites)
    return bool(measures) and all(reporting.month_coverage(con, sites, m, month).complete for m in measures)


def missing_reports(con: duckdb.DuckDBPyConnection, sites, month: date, lang: str = "id") -> list[str]:
    """What keeps the month from being complete: '26 dari 27 instansi melapor', per measure."""
    found = (reporting.month_coverage(con, sites, m, month) for m in reporting.measures_with_data(con, sites))
    return [c.text(lang) for c in found if not c.complete]


def has_figures(con: duckdb.DuckDBPyConnection, sites, month: date) -> bool:
    one = Period.month(month)
    return any(metrics.total(con, sites, one, m).value is not None for m in Measure)


def report_months(con: duckdb.DuckDBPyConnection, sites) -> tuple[list[date], date | None]:
    """The months a report can be made for (newest first) and the one to offer first: the latest
    complete month, as every page's default, else the latest with figures."""
    measures = reporting.measures_with_data(con, sites)
    firsts = [m for m in (metrics.first_month(con, sites, each) for each in measures) if m]
    lasts = [m for m in (metrics.latest_month(con, sites, each) for each in measures) if m]
    if not firsts or not lasts:
        return [], None
    months = Period(min(firsts), max(lasts)).month_starts()[::-1]
    return months, reporting.default_through(con, sites) or months[0]


def gather(
    con: duckdb.DuckDBPyConnection,
    sites,
    month: date,
    lang: str = "id",
    now: datetime | None = None,
) -> ReportData:
    """Everything the report prints, for the sites and month; NoFigures when the month has none."""
    sites = tuple(sites)
    if not has_figures(con, sites, month):
        raise NoFigures(sites, month)
    complete = month_complete(con, sites, month)
    view = overview(con, sites, month, include_partial=not complete)
    if view is None:
        raise NoFigures(sites, month)
    known = list_sites(con)
    zones = known.loc[known["name"].isin(list(sites)), "timezone"]
    zone = next(iter(zones), "Asia/Jakarta")
    scores = ((site, satisfaction_for(con, site, view.period, lang)) for site in sites)
    return ReportData(
        sites=sites,
        month=month,
        lang=lang,
        view=view,
        complete=complete,
        demo=tuple(demo_sites(con, sites)),
        made_at=exported_at(now or datetime.now(UTC), zone, lang),
        sources=data_sources(con, sites),
        letterhead=letterhead(con),
        statements=tuple(_statement(con, site, month, complete, lang) for site in sites),
        satisfaction=tuple((site, score) for site, score in scores if score is not None),
        channel_monthly=channels.channel_monthly(con, sites, view.period),
        channel_agencies=channels.channel_by_agency(con, sites, view.period),
        site_table=_site_rows(con, sites, view),
        estimate=year_end_estimate(con, sites, month, view.measure),
        month_events=tuple(events_in(con, sites, month)),
        chart_events=tuple(list_events(con, sites, date(month.year - 1, 1, 1), Period.month(month).last_day)),
    )


def _statement(
    con: duckdb.DuckDBPyConnection, site: str, month: date, complete: bool, lang: str
) -> VerifiedStatement | None:
    """The Siaran Pers page's statement of the site through the month, checked by the draft checker.
    The checker reads Indonesian, so the Indonesian text is the one checked; an English statement
    is made from the same overview and kept or withheld paragraph by paragraph with it."""
    release = press_release_for(con, site, month, include_partial=not complete, lang=lang)
    checked = press_release_for(con, site, month, include_partial=not complete, lang="id")
    if release is None or checked is None:
        return None
    report = check_draft(con, site, checked.text())
    if lang != "id":  # map the Indonesian verdicts onto the English paragraphs, one for one
        wrong = {
            i
            for i, p in enumerate(checked.paragraphs)
            for f in report.findings
            if f.status == "wrong" and f.sentence in p
        }
        report = CheckReport(
            tuple(f for f in report.findings if f.status != "wrong")
            + tuple(_withheld(release.paragraphs[i]) for i in sorted(wrong) if i < len(release.paragraphs))
        )
    return VerifiedStatement(site, release, report)


def _withheld(paragraph: str) -> Finding:
    """The English paragraph whose Indonesian twin has a wrong figure: withheld with it."""
    return Finding("wrong", paragraph, paragraph[:40])


def _site_rows(con: duckdb.DuckDBPyConnection, sites, view: Overview) -> pd.DataFrame:
    """The selected sites and the Mini MPP outlets under them, as on the Lokasi page; empty when that
    is one site alone (the other sections already say it all)."""
    known = list_sites(con)
    names = [*sites, *known.loc[known["parent"].isin(list(sites)), "name"]]
    names = list(dict.fromkeys(names))
    if len(names) < 2:
        return pd.DataFrame()
    return site_compare.site_comparison(con, view.period, view.measure, names)
