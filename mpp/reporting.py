"""What the figures of a selection of sites may use: the latest complete month (the default "through"
month everywhere), the provisional months after it, and each site's completeness over a period.

A thin layer over mpp.coverage (who was expected, who reported, which months an analyst closed), so the
overview, the month in review, the summary and the press text ask one question in one place: a
selection of several sites is judged site by site, and a site that stopped reporting (MPP Kota
Balikpapan in 2026) does not hold back the months of the sites that report.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mpp import coverage, metrics
from mpp.period import Measure, Period, add_months


@dataclass(frozen=True)
class MonthCoverage:
    """Who reported in one month, summed over the selected sites: agencies for service visits, sites
    for visitors."""
    month: date
    measure: Measure
    reporting: int
    expected: int
    complete: bool              # every site expected that month is complete
    provisional: bool = False   # some site reported part of the month: its figures are "sementara"

    def iso(self) -> dict:
        return {"month": self.month.strftime("%Y-%m"), "reporting": self.reporting,
                "expected": self.expected, "complete": self.complete}


def measures_with_data(con, sites) -> list[Measure]:
    return [m for m in Measure if metrics.latest_month(con, sites, m) is not None]


def latest_complete(con, sites, measure: Measure) -> date | None:
    """The latest month complete for at least one of the sites: each site is judged on its own, and the
    sites not complete in a month are left out of its growth by name (like_for_like)."""
    months = [coverage.latest_complete_month(con, [site], measure) for site in sites]
    return max((m for m in months if m), default=None)


def default_through(con, sites) -> date | None:
    """The default "through" month: the latest month complete in every measure the sites report, so
    the headline, the agency table and the month in review of one page end in the same month."""
    months = [latest_complete(con, sites, m) for m in measures_with_data(con, sites)]
    return min((m for m in months if m), default=None)


def month_coverage(con, sites, measure: Measure, month: date) -> MonthCoverage:
    """Summed over the sites; provisional when a site has part of the month in. A site with nothing
    in it does not make the month provisional: it is absent, and named where it is left out."""
    each = [coverage.month_status(con, [site], measure, month) for site in sites]
    return MonthCoverage(month, measure, sum(s.reporting for s in each), sum(s.expected for s in each),
                         all(s.complete or not s.expected for s in each) and any(s.complete for s in each),
                         any(s.reporting and not s.complete for s in each))


def provisional_months(con, sites, measure: Measure, after: date | None) -> list[MonthCoverage]:
    """The months after `after` that hold some data but are not complete: shown as "sementara", never
    used in a figure unless the reader asks for them."""
    latest = metrics.latest_month(con, sites, measure)
    if latest is None or (after is not None and latest <= after):
        return []
    start = add_months(after, 1) if after else metrics.first_month(con, sites, measure)
    months = [month_coverage(con, sites, measure, m) for m in Period(start, latest).month_starts()]
    return [m for m in months if m.provisional]


def period_coverage(con, sites, measure: Measure, period: Period) -> list[MonthCoverage]:
    return [month_coverage(con, sites, measure, m) for m in period.month_starts()]


def complete_sites(con, sites, measure: Measure, period: Period) -> tuple[str, ...]:
    """The sites complete in every month of the period (and with data in it)."""
    return coverage.complete_sites(con, list(sites), measure, period)
