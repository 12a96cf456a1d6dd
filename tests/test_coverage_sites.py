"""Coverage of several sites read at once (coverage_site_months.sql, issue 16): a store with gaps
written in code (a site opened mid-year, an agency that stopped, a new one, members joining mid-month,
leaving and rejoining, a closed month), each branch of the rule pinned month by month, and the
overview's shared reading giving what a fresh read gives."""

from __future__ import annotations

import hashlib
from datetime import date

import duckdb
import pandas as pd
import pytest

from mpp.access.accounts import User
from mpp.period import Measure, Period
from mpp.reference.agencies import ensure_agency
from mpp.reference.sites import Site, ensure_site
from mpp.store import ledger
from mpp.visits import coverage
from mpp.visits.overview import overview

SAMARINDA, BONTANG, EMPTY = "MPP Kota Samarinda", "MPP Kota Bontang", "MPP Kota Tarakan"
ANALYST = User("ana", "analyst")
SV, VISITORS = Measure.SERVICE_VISITS, Measure.VISITORS
MONTHS = Period(date(2024, 1, 1), date(2025, 9, 1))


def _reports(site: str, month: date) -> list[str]:
    """Samarinda: Disdukcapil every month, Samsat January-March 2024 only, DPMPTSP from June 2025 on.
    Bontang opens in July 2025 with Disdukcapil and Samsat; Samsat sends nothing for August. Tarakan
    has no data."""
    if site == SAMARINDA:
        return (
            ["Disdukcapil"]
            + ["Samsat"] * (month <= date(2024, 3, 1))
            + ["DPMPTSP"] * (month >= date(2025, 6, 1))
        )
    if site != BONTANG or month < date(2025, 7, 1):
        return []
    return ["Disdukcapil"] + ["Samsat"] * (month != date(2025, 8, 1))


def _load(con: duckdb.DuckDBPyConnection, site: str) -> None:
    site_id = ensure_site(con, Site(site, "mpp", "Kota", None, "Kalimantan Timur", "Asia/Makassar"))
    rows = [(m, a, 10) for m in MONTHS.month_starts() for a in _reports(site, m)]
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=["day", "agency", "visits"])
    record = ledger.LoadRecord(
        file_name=f"rekap {site}.xlsx",
        sha256=hashlib.sha256(site.encode()).hexdigest(),
        layout="monthly_recap",
        measure="service_visits",
        site=site,
        period_from=MONTHS.start,
        period_to=MONTHS.end,
        loaded_by="ana",
    )
    load_id = ledger.record_load(con, record)
    ids = {a: ensure_agency(con, a) for a in frame["agency"].unique()}
    service = frame.assign(
        site_id=site_id, agency_id=frame["agency"].map(ids), grain="month", service=None, channel=None
    )
    visitors = pd.DataFrame(  # people entering at Samarinda from March 2024, none sent for May 2024
        [(site_id, m, "month", 500) for m in MONTHS.month_starts() if m >= date(2024, 3, 1)]
        if site == SAMARINDA
        else [],
        columns=ledger.VISITOR_COLUMNS,
    )
    visitors = visitors[visitors["day"] != date(2024, 5, 1)]
    ledger.write_facts(con, load_id, service=service[ledger.SERVICE_COLUMNS], visitors=visitors)


@pytest.fixture
def gaps(store):
    for site in (SAMARINDA, BONTANG, EMPTY):
        _load(store, site)
    coverage.add_member(store, ANALYST, SAMARINDA, "Imigrasi", date(2024, 6, 15), left=date(2024, 10, 1))
    coverage.add_member(store, ANALYST, SAMARINDA, "Imigrasi", date(2025, 1, 1))
    coverage.close_month(store, ANALYST, SAMARINDA, date(2024, 4, 1), SV)
    return store


def _months(con, sites, measure=SV, period=MONTHS) -> dict:
    return {
        (m.site, m.month): (m.expected, m.reporting, m.closed)
        for m in coverage.site_months(con, sites, measure, period)
    }


D, S, P, IM = "Disdukcapil", "Samsat", "DPMPTSP", "Imigrasi"


def test_each_branch_of_the_rule_month_by_month(gaps):
    found = _months(gaps, [BONTANG, SAMARINDA, EMPTY])
    at = {month: found[(SAMARINDA, month)] for site, month in found if site == SAMARINDA}
    assert at[date(2024, 1, 1)] == ((D, S), (D, S), False)  # the first month: what arrived
    assert at[date(2024, 4, 1)] == ((D, S), (D,), True)  # Samsat missing, the month closed
    assert at[date(2024, 6, 1)] == ((D, S), (D,), False)  # Imigrasi joined on the 15th: not yet
    assert at[date(2024, 7, 1)] == ((D, IM, S), (D,), False)
    assert at[date(2024, 9, 1)] == ((D, IM, S), (D,), False)  # leaves on 1 October
    assert at[date(2024, 10, 1)] == ((D, S), (D,), False)  # gone, and never reported
    assert at[date(2025, 1, 1)] == ((D, IM, S), (D,), False)  # a member again
    assert at[date(2025, 3, 1)] == ((D, IM, S), (D,), False)  # Samsat's March 2024 within 12 months
    assert at[date(2025, 4, 1)] == ((D, IM), (D,), False)  # ... and no longer
    assert at[date(2025, 6, 1)] == ((D, IM), (P, D), False)  # a new agency reports, not yet expected
    assert at[date(2025, 7, 1)] == ((P, D, IM), (P, D), False)
    bontang = [(month, found[(site, month)]) for site, month in found if site == BONTANG]
    assert bontang == [
        (date(2025, 7, 1), ((D, S), (D, S), False)),  # opened in July: nothing expected before
        (date(2025, 8, 1), ((D, S), (D,), False)),
        (date(2025, 9, 1), ((D, S), (D, S), False)),
    ]
    assert [site for site, _ in found][:1] == [BONTANG]  # in the order the sites were given
    assert all(site != EMPTY for site, _ in found)  # a site without data is never expected


def test_an_agency_that_stopped_is_expected_for_twelve_months_after_the_last_data(gaps):
    later = _months(gaps, [BONTANG], period=Period(date(2025, 10, 1), date(2026, 9, 1)))
    assert later[(BONTANG, date(2025, 10, 1))] == ((D, S), (), False)
    assert later[(BONTANG, date(2026, 8, 1))] == ((D, S), (), False)  # August 2025 is Samsat's gap
    assert later[(BONTANG, date(2026, 9, 1))] == ((D, S), (), False)
    assert (BONTANG, date(2026, 10, 1)) not in _months(
        gaps, [BONTANG], period=Period.month(date(2026, 10, 1))
    )


def test_visitors_are_expected_every_month_from_the_first(gaps):
    found = _months(gaps, [SAMARINDA, BONTANG], VISITORS, Period(date(2024, 1, 1), date(2024, 6, 1)))
    assert found == {
        (SAMARINDA, date(2024, m, 1)): ((SAMARINDA,), () if m == 5 else (SAMARINDA,), False)
        for m in (3, 4, 5, 6)
    }


def test_the_overviews_shared_reading_gives_what_a_fresh_read_gives(gaps):
    sites = [SAMARINDA, BONTANG]
    fresh = {
        (measure, period): coverage.site_months(gaps, subset, measure, period)
        for measure in Measure
        for subset in (sites, [BONTANG])
        for period in (MONTHS, Period.month(date(2025, 8, 1)), Period(date(2025, 6, 1), date(2026, 2, 1)))
    }
    with coverage.shared():
        for (measure, period), months in fresh.items():
            subset = sorted({m.site for m in months}, key=sites.index)
            assert coverage.site_months(gaps, subset or [BONTANG], measure, period) == months
        assert coverage.latest_complete_month(gaps, sites, SV) == date(2024, 4, 1)
    assert coverage.latest_complete_month(gaps, [BONTANG], SV) == date(2025, 9, 1)
    assert overview(gaps, sites, date(2025, 9, 1)) is not None
