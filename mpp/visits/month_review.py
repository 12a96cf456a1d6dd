"""The month in review, what a head asks first: the through month against the same month a year earlier
and against the month before, the agencies that rose and fell most, and who has reported.

Agencies are ranked by the change in counts, not in percent: a small counter going from 2 to 6 visits
is "+200 %" and means nothing. The percent is given beside the count only from a base of MIN_BASE
service visits: a monthly count of n varies by about the square root of n by chance alone (Poisson),
so at 50 a change is known to about ±14 % and a rate below that base would mostly report noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from mpp.period import Measure, Period
from mpp.store.db import query_df
from mpp.visits import metrics, reporting
from mpp.visits.like_for_like import LikeForLike, like_for_like

MIN_BASE = 50  # service visits in the base month below which no percent change is given


@dataclass(frozen=True)
class MonthReview:
    month: date
    measure: Measure
    sites: tuple[str, ...]
    total: metrics.Figure  # the whole selection's month, with its coverage below
    year_on_year: LikeForLike  # against the same month a year earlier, like for like
    month_on_month: LikeForLike  # against the month before, like for like
    agencies: pd.DataFrame  # agency, visits, visits_same_month_last_year, change, change_pct
    coverage: reporting.MonthCoverage  # who reported the month (the headline measure)
    agency_coverage: reporting.MonthCoverage | None  # agencies reporting service visits, if any

    @property
    def provisional(self) -> bool:
        """Part of the month is still missing for some site (in either measure)."""
        return self.coverage.provisional or bool(self.agency_coverage and self.agency_coverage.provisional)

    def risers(self, n: int = 3) -> pd.DataFrame:
        rated = self.agencies.dropna(subset=["change"])
        return rated[rated["change"] > 0].head(n)

    def fallers(self, n: int = 3) -> pd.DataFrame:
        rated = self.agencies.dropna(subset=["change"])
        return rated[rated["change"] < 0].sort_values(["change", "agency"]).head(n)


def agency_changes(con: duckdb.DuckDBPyConnection, sites, month: date, complete: bool = True) -> pd.DataFrame:
    """agency, visits, visits_same_month_last_year, change, change_pct: largest rises first. In a
    complete month an agency without figures had no service (0); in a provisional one it is unknown."""
    base_month = Period.month(month).shift_years(-1).start
    table = query_df(con, "agency_month_change", sites=list(sites), month=month, base_month=base_month)
    table["visits"] = table["visits"].astype("Int64")
    if complete:
        table["visits"] = table["visits"].fillna(0)
    base = table["visits_same_month_last_year"].astype("Int64")
    table["visits_same_month_last_year"] = base
    table["change"] = (table["visits"] - base.fillna(0)).astype("Int64")
    rate = (table["visits"] - base) / base.where(base >= MIN_BASE) * 100
    table["change_pct"] = rate.astype("Float64")
    return table.sort_values(["change", "agency"], ascending=[False, True], na_position="last").reset_index(
        drop=True
    )


def month_review(
    con: duckdb.DuckDBPyConnection, sites, month: date, measure: Measure, include_partial: bool = False
) -> MonthReview:
    sites, one = tuple(sites), Period.month(month)
    year_on_year = like_for_like(
        con, sites, one, one.shift_years(-1), measure, "year_on_year", include_partial
    )
    month_on_month = like_for_like(
        con, sites, one, one.shift_months(-1), measure, "month_on_month", include_partial
    )
    has_agencies = metrics.latest_month(con, sites, Measure.SERVICE_VISITS) is not None
    agency_coverage = (
        reporting.month_coverage(con, sites, Measure.SERVICE_VISITS, month) if has_agencies else None
    )
    compared = _agency_sites(con, sites, one, include_partial) if has_agencies else ()
    complete = (
        bool(compared) and reporting.month_coverage(con, compared, Measure.SERVICE_VISITS, month).complete
    )
    return MonthReview(
        month=month,
        measure=measure,
        sites=sites,
        total=metrics.total(con, sites, one, measure),
        year_on_year=year_on_year,
        month_on_month=month_on_month,
        agencies=agency_changes(con, compared, month, complete) if compared else _empty(),
        coverage=reporting.month_coverage(con, sites, measure, month),
        agency_coverage=agency_coverage,
    )


def _agency_sites(
    con: duckdb.DuckDBPyConnection, sites, one: Period, include_partial: bool
) -> tuple[str, ...]:
    """Agency changes are like for like too: over the sites whose service visits are complete in both
    months; none when the base month has no figures (a site that opened since: MPP Kabupaten Balangan
    against October 2025), where every agency would otherwise "rise" from nothing."""
    compared = like_for_like(
        con, sites, one, one.shift_years(-1), Measure.SERVICE_VISITS, "year_on_year", include_partial
    )
    return compared.sites if compared.base.value else ()


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=["agency", "visits", "visits_same_month_last_year", "change", "change_pct"])
