"""The store's figures for one site, held in memory while a draft is checked.

A draft may name any month, year or period, and a wrong figure is best explained by the period or
measure it really belongs to, so the checker needs every monthly figure at hand, not one query per
guess. The monthly series come from the same core queries as every page (mpp.visits.metrics), and every
total here is their sum, exactly as `metrics.total` computes it.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import duckdb
import pandas as pd

from mpp.period import Measure, Period
from mpp.press.satisfaction import index_for
from mpp.store.db import query_df
from mpp.visits import coverage, metrics

SERVICE = Measure.SERVICE_VISITS


class Facts:
    """Monthly visitors, service visits and service visits per agency of one site."""

    def __init__(self, con: duckdb.DuckDBPyConnection, site: str):
        self.site = site
        self.con = con  # for the satisfaction index and coverage, read while the draft is checked
        self._partial: dict = {}
        self.span = _span(con, site)
        self.series = {m: _series(con, site, self.span, m) for m in Measure} if self.span else {}
        self.by_agency = _agency_series(con, site, self.span) if self.span else {}

    @property
    def headline(self) -> Measure:
        """Visitors where the site reports them, else service visits (as the overview does)."""
        return Measure.VISITORS if self.series.get(Measure.VISITORS) else SERVICE

    def monthly(self, measure: Measure, agency: str | None = None) -> dict[date, int]:
        return self.by_agency.get(agency, {}) if agency else self.series.get(measure, {})

    def total(self, measure: Measure, period: Period, agency: str | None = None) -> int | None:
        """The sum over the period's months with data; None when none has data."""
        values = [v for m, v in self.monthly(measure, agency).items() if period.start <= m <= period.end]
        return sum(values) if values else None

    def months_with_data(self, measure: Measure, period: Period, agency: str | None = None) -> int:
        return sum(period.start <= m <= period.end for m in self.monthly(measure, agency))

    def complete(self, measure: Measure, period: Period, agency: str | None = None) -> bool:
        months = self.monthly(measure, agency)
        return all(m in months for m in period.month_starts())

    def share(self, agency: str, period: Period, base: Measure = SERVICE) -> float | None:
        """The agency's service visits in percent of all service visits (or, to explain a wrong
        figure, of visitors: the base the product never uses)."""
        visits, whole = self.total(SERVICE, period, agency), self.total(base, period)
        return visits / whole * 100 if visits is not None and whole else None

    def ranking(self, period: Period) -> list[tuple[str, int]]:
        """Agencies by service visits, highest first (ties by name, as agency_totals.sql orders)."""
        totals = [(a, self.total(SERVICE, period, a)) for a in self.by_agency]
        return sorted([(a, v) for a, v in totals if v], key=lambda item: (-item[1], item[0]))

    def peaks(self, period: Period, measure: Measure, n: int = 3) -> list[tuple[date, int]]:
        """The n busiest months, highest first (ties: the earlier month first), as metrics.peak_months."""
        months = [(m, v) for m, v in self.monthly(measure).items() if period.start <= m <= period.end]
        return sorted(months, key=lambda item: (-item[1], item[0]))[:n]

    def partial(self, measure: Measure, period: Period) -> list:
        """The months of the period that some but not all expected reporters have reported, and that
        no analyst has closed (mpp.visits.coverage): their figures are provisional ("sementara")."""
        if measure not in self._partial:  # every month of the site's data at once, on first need
            found = coverage.statuses(self.con, [self.site], measure, self.span) if self.span else []
            self._partial[measure] = {s.month: s for s in found if s.reporting and not s.complete}
        return [s for m, s in sorted(self._partial[measure].items()) if period.start <= m <= period.end]

    def satisfaction(self, period: Period) -> Fraction | None:
        return index_for(self.con, self.site, period)

    def latest(self, measure: Measure) -> date | None:
        return max(self.monthly(measure), default=None)

    def default_period(self) -> Period | None:
        """The year to date through the latest month: what a statement is about when it names none."""
        latest = self.latest(self.headline)
        return Period.year_to_date(latest) if latest else None

    def periods(self) -> list[Period]:
        """Every period a figure could come from: each month, each year to date, each full year."""
        months = sorted(set().union(*[set(s) for s in self.series.values()])) if self.series else []
        found = [Period.month(m) for m in months] + [Period.year_to_date(m) for m in months if m.month > 1]
        return found + [Period.full_year(y) for y in sorted({m.year for m in months})]


def _span(con: duckdb.DuckDBPyConnection, site: str) -> Period | None:
    firsts = [d for m in Measure if (d := metrics.first_month(con, [site], m))]
    lasts = [d for m in Measure if (d := metrics.latest_month(con, [site], m))]
    return Period(_as_date(min(firsts)), _as_date(max(lasts))) if firsts else None


def _as_date(value) -> date:
    return pd.Timestamp(value).date().replace(day=1)


def _series(con: duckdb.DuckDBPyConnection, site: str, span: Period, measure: Measure) -> dict[date, int]:
    frame = metrics.monthly(con, [site], span, measure).dropna()
    return {row.month: int(row.value) for row in frame.itertuples()}


def _agency_series(con: duckdb.DuckDBPyConnection, site: str, span: Period) -> dict[str, dict[date, int]]:
    frame = query_df(con, "agency_monthly", sites=[site], start=span.start, end=span.end)
    series: dict[str, dict[date, int]] = {}
    for row in frame.itertuples():
        series.setdefault(row.agency, {})[_as_date(row.month)] = int(row.visits)
    return series


def agency_spellings(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every spelling the store knows for an agency (canonical names and aliases) -> canonical name."""
    rows = con.execute(
        "SELECT a.name, al.alias FROM agencies a LEFT JOIN agency_aliases al USING (agency_id)"
    ).fetchall()
    spellings = {name: name for name, _ in rows}
    spellings.update({alias: name for name, alias in rows if alias and len(alias) > 2})
    return spellings
