"""What the figures of a selection of sites may use: the latest complete month (the default "through"
month everywhere), the provisional months after it, and each site's completeness over a period.

A thin layer over mpp.coverage (who was expected, who reported, which months an analyst closed), so the
overview, the month in review, the summary and the press text ask one question in one place: a
selection of several sites is judged site by site, and a site that stopped reporting (MPP Kota
Balikpapan in 2026) does not hold back the months of the sites that report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from mpp import fmt
from mpp.period import Measure, Period, add_months
from mpp.store.db import query_rows
from mpp.text.catalogue import t
from mpp.visits import coverage, metrics


@dataclass(frozen=True)
class MonthCoverage:
    """Who reported in one month, summed over the selected sites: agencies for service visits, sites
    for visitors."""

    month: date
    measure: Measure
    reporting: int
    expected: int
    complete: bool  # every site expected that month is complete
    provisional: bool = False  # some site reported part of the month: its figures are "sementara"
    status: coverage.MonthStatus | None = field(default=None, repr=False, compare=False)

    def text(self, lang: str = "id") -> str:
        """'26 dari 27 instansi melapor' (visitors: 'lokasi')."""
        assert self.status is not None  # _summary, the one maker, always sets it
        return coverage.coverage_text(self.status, lang)

    def iso(self) -> dict:
        return {
            "month": self.month.strftime("%Y-%m"),
            "measure": self.measure.value,
            "reporting": self.reporting,
            "expected": self.expected,
            "complete": self.complete,
        }


def measures_with_data(con: duckdb.DuckDBPyConnection, sites) -> list[Measure]:
    return [m for m in Measure if metrics.latest_month(con, sites, m) is not None]


def latest_complete(con: duckdb.DuckDBPyConnection, sites, measure: Measure) -> date | None:
    """The latest month complete for the selection. A site silent from some month on (stopped, or not
    started) does not hold the months back: like_for_like leaves it out of growth by name."""
    return coverage.latest_complete_month(con, list(sites), measure)


def default_through(con: duckdb.DuckDBPyConnection, sites) -> date | None:
    """The default "through" month: the latest month complete in every measure the sites report, so
    the headline, the agency table and the month in review of one page end in the same month."""
    months = [latest_complete(con, sites, m) for m in measures_with_data(con, sites)]
    return min((m for m in months if m), default=None)


def _summary(status: coverage.MonthStatus) -> MonthCoverage:
    """An incomplete month that holds some data is provisional ("sementara"): a site sent part of it,
    or one site is in and another, only late (not stopped), is not."""
    partial = not status.complete and any(m.reporting for m in status.site_months)
    return MonthCoverage(
        status.month, status.measure, status.reporting, status.expected, status.complete, partial, status
    )


def month_coverage(con: duckdb.DuckDBPyConnection, sites, measure: Measure, month: date) -> MonthCoverage:
    return _summary(coverage.month_status(con, list(sites), measure, month))


def period_coverage(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, period: Period
) -> list[MonthCoverage]:
    return [_summary(s) for s in coverage.statuses(con, list(sites), measure, period)]


def provisional_months(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, after: date | None
) -> list[MonthCoverage]:
    """The months after `after` that hold some data but are not complete: shown as "sementara", never
    used in a figure unless the reader asks for them."""
    latest = metrics.latest_month(con, sites, measure)
    if latest is None or (after is not None and latest <= after):
        return []
    start = add_months(after, 1) if after else metrics.first_month(con, sites, measure)
    if start is None:  # cannot be, with a latest month: the first month exists too
        return []
    return [m for m in period_coverage(con, sites, measure, Period(start, latest)) if m.provisional]


def complete_sites(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, period: Period
) -> tuple[str, ...]:
    """The sites complete in every month of the period."""
    return coverage.complete_sites(con, list(sites), measure, period)


@dataclass(frozen=True)
class ShortYear:
    """A site whose data cover only part of a calendar year: it opened late (MPP Kabupaten Balangan,
    December 2025) or stopped reporting (MPP Kota Balikpapan after September 2025). A "full year"
    over such a site is not twelve months of it, and says so."""

    site: str
    span: Period  # first to last month with data in the year
    months: int  # months with data

    def text(self, lang: str = "id") -> str:
        count = fmt.months_count(self.months, lang)
        return t("short_year", lang, site=self.site, span=self.span.label(lang), count=count)


def short_years(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, year: Period
) -> tuple[ShortYear, ...]:
    """The selected sites with data in fewer than all months of `year` (and in at least one), in the
    order given: one query for every site (a province selects hundreds)."""
    params = {"sites": list(sites), "start": year.start, "last_day": year.last_day, "measure": measure.value}
    spans = {
        site: (months, first, last)
        for site, _, months, first, last in query_rows(con, "site_totals", **params)
    }
    found = []
    for site in sites:
        months, first, last = spans.get(site, (0, None, None))
        if 0 < months < year.months:
            found.append(ShortYear(site, Period(first, last), months))
    return tuple(found)
