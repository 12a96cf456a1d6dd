"""Core figures on a small store written in the test, so every expected value is worked by hand."""

from datetime import date

import duckdb
import pandas as pd
import pytest

from mpp.period import Measure, Period
from mpp.reference.agencies import ensure_agency
from mpp.reference.sites import Site, ensure_site
from mpp.store import ledger
from mpp.visits import metrics

V, S = Measure.VISITORS, Measure.SERVICE_VISITS


def _load(con: duckdb.DuckDBPyConnection, site_id, visitors=None, service=None) -> int:
    load_id = ledger.record_load(con, ledger.LoadRecord("t.xlsx", "sha", "test", "mixed", None, None, None))
    vis = pd.DataFrame(
        [(site_id, d, "month", n) for d, n in (visitors or [])], columns=ledger.VISITOR_COLUMNS
    )
    svc = pd.DataFrame(
        [(site_id, a, d, "month", None, None, n) for a, d, n in (service or [])],
        columns=ledger.SERVICE_COLUMNS,
    )
    ledger.write_facts(con, load_id, svc, vis)
    return load_id


@pytest.fixture
def two_sites(store):
    a = ensure_site(store, Site("MPP A", working_days_per_week=5))
    b = ensure_site(store, Site("MPP B", working_days_per_week=6))
    x, y = ensure_agency(store, "Disdukcapil"), ensure_agency(store, "Samsat")
    _load(
        store,
        a,
        visitors=[
            (date(2024, 1, 1), 100),
            (date(2024, 2, 1), 200),
            (date(2024, 3, 1), 300),
            (date(2025, 1, 1), 150),
            (date(2025, 2, 1), 250),
        ],
        service=[
            (x, date(2025, 1, 1), 120),
            (y, date(2025, 1, 1), 60),
            (x, date(2025, 2, 1), 200),
            (x, date(2024, 1, 1), 90),
            (y, date(2024, 1, 1), 30),
        ],
    )
    _load(store, b, visitors=[(date(2025, 1, 1), 50)])
    return store


def test_total_names_measure_period_and_sites(two_sites):
    fig = metrics.total(two_sites, ["MPP A"], Period.year_to_date(date(2025, 2, 1)), V)
    assert (fig.value, fig.measure, fig.sites, fig.months_with_data) == (400, V, ("MPP A",), 2)
    assert fig.period.label() == "Januari-Februari 2025" and fig.complete


def test_several_sites_add_up(two_sites):
    assert metrics.total(two_sites, ["MPP A", "MPP B"], Period.month(date(2025, 1, 1)), V).value == 200


def test_monthly_series_leaves_unreported_months_empty_not_zero(two_sites):
    series = metrics.monthly(two_sites, ["MPP A"], Period.full_year(2025), V)
    assert len(series) == 12 and list(series["value"][:2]) == [150, 250]
    assert series["value"][2:].isna().all()


def test_no_data_is_none_not_zero(two_sites):
    fig = metrics.total(two_sites, ["MPP A"], Period.full_year(2023), V)
    assert fig.value is None and fig.months_with_data == 0


def test_year_to_date_against_same_months_a_year_earlier(two_sites):
    cmp = metrics.year_to_date(two_sites, ["MPP A"], date(2025, 2, 1), V)
    assert (cmp.current.value, cmp.base.value) == (400, 300)
    assert cmp.base.period.label() == "Januari-Februari 2024"
    assert cmp.equal_periods and cmp.change_pct == pytest.approx(100 / 3)


def test_unequal_or_incomplete_periods_give_no_growth(two_sites):
    cmp = metrics.compare(
        two_sites, ["MPP A"], Period.year_to_date(date(2025, 2, 1)), Period.full_year(2024), V, "unequal"
    )
    assert not cmp.equal_periods and cmp.change_pct is None
    cmp = metrics.full_year(two_sites, ["MPP A"], 2025, V)  # 2025 has 2 of 12 months
    assert not cmp.current.complete and cmp.change_pct is None


def test_month_on_month_and_year_on_year(two_sites):
    assert metrics.month_on_month(two_sites, ["MPP A"], date(2025, 2, 1), V).change_pct == pytest.approx(
        (250 - 150) / 150 * 100
    )
    assert metrics.year_on_year(two_sites, ["MPP A"], date(2025, 2, 1), V).change_pct == pytest.approx(25.0)


def test_agency_shares_use_all_service_visits_as_base(two_sites):
    shares = metrics.agency_shares(two_sites, ["MPP A"], Period.year_to_date(date(2025, 2, 1)))
    assert list(shares.table["agency"]) == ["Disdukcapil", "Samsat"]
    assert list(shares.table["visits"]) == [320, 60]
    assert shares.base.value == 380 and shares.base.measure is S
    assert list(shares.table["share"].round(2)) == [84.21, 15.79]


def test_agency_growth_against_same_months(two_sites):
    growth = metrics.agency_growth(two_sites, ["MPP A"], Period.month(date(2025, 1, 1)))
    row = growth.set_index("agency").loc["Disdukcapil"]
    assert (row["visits"], row["visits_last_year"]) == (120, 90)
    assert row["change_pct"] == pytest.approx(100 / 3)


def test_peak_months_highest_first(two_sites):
    peaks = metrics.peak_months(two_sites, ["MPP A"], Period.full_year(2024), V, n=2)
    assert list(peaks["month"]) == [date(2024, 3, 1), date(2024, 2, 1)]


def test_monthly_average_over_reported_months(two_sites):
    fig = metrics.total(two_sites, ["MPP A"], Period.full_year(2025), V)
    assert metrics.monthly_average(fig) == 200


def test_per_working_day_uses_each_sites_week(two_sites):
    # January 2025: 31 days; holidays 1 Jan (Wed), 27 Jan (Mon), 28 Jan cuti bersama (Tue),
    # 29 Jan (Wed). Mon-Fri: 23 days less 4 = 19. Mon-Sat: 27 days less 4 = 23.
    days = metrics.site_working_days(two_sites, ["MPP A", "MPP B"], Period.month(date(2025, 1, 1)))
    assert days == {"MPP A": 19, "MPP B": 23}
    rate = metrics.per_working_day(two_sites, ["MPP A", "MPP B"], Period.month(date(2025, 1, 1)), V)
    assert rate == pytest.approx(150 / 19 + 50 / 23)
