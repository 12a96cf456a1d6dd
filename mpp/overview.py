"""The month in review: everything the home page, `python -m mpp summary` and the press text need,
computed once from the core figures so the three always agree."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from mpp import metrics
from mpp.period import Measure, Period


@dataclass(frozen=True)
class Overview:
    sites: tuple[str, ...]
    measure: Measure                     # the headline measure: visitors where reported
    through: date                        # the last month of the year-to-date period
    to_date: metrics.Comparison          # January..through against the same months a year earlier
    previous_full_year: metrics.Figure   # the whole previous year: a different length, labelled so
    peaks: pd.DataFrame                  # month, value: the busiest months of the year to date
    agencies: metrics.AgencyShares       # service visits per agency, share of all service visits
    latest_month: date | None            # the last month with data of the headline measure
    monthly_now: pd.DataFrame            # month, value: January-December of the current year
    monthly_last_year: pd.DataFrame

    @property
    def period(self) -> Period:
        return self.to_date.current.period

    @property
    def agencies_active(self) -> int:
        return len(self.agencies.table)

    @property
    def monthly_average(self) -> float | None:
        return metrics.monthly_average(self.to_date.current)


def headline_measure(con, sites) -> Measure:
    """People entering where the sites report them, else service visits."""
    has_visitors = metrics.latest_month(con, sites, Measure.VISITORS) is not None
    return Measure.VISITORS if has_visitors else Measure.SERVICE_VISITS


def overview(con, sites, through: date | None = None, measure: Measure | None = None) -> Overview | None:
    """The overview up to `through` (default: the latest month with data); None when there is no data."""
    sites = tuple(sites)
    measure = measure or headline_measure(con, sites)
    latest = metrics.latest_month(con, sites, measure)
    through = through or latest
    if through is None:
        return None
    to_date = metrics.year_to_date(con, sites, through, measure)
    year = Period.full_year(through.year)
    return Overview(
        sites=sites, measure=measure, through=through, to_date=to_date,
        previous_full_year=metrics.total(con, sites, year.shift_years(-1), measure),
        peaks=metrics.peak_months(con, sites, to_date.current.period, measure),
        agencies=metrics.agency_shares(con, sites, to_date.current.period),
        latest_month=latest,
        monthly_now=metrics.monthly(con, sites, year, measure),
        monthly_last_year=metrics.monthly(con, sites, year.shift_years(-1), measure),
    )
