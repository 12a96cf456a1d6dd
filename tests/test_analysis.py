"""The analysis core behind the pages (agencies, trends, growth, channels, sites) on a small store
written in the test, so every expected value is worked out by hand."""

from datetime import date

import duckdb
import pandas as pd
import pytest

from mpp.period import Measure, Period
from mpp.reference.agencies import ensure_agency
from mpp.reference.sites import Site, ensure_site
from mpp.store import ledger
from mpp.visits import agency_report, channels, growth, site_compare, trends

V, S = Measure.VISITORS, Measure.SERVICE_VISITS
JAN_SEP_25 = Period(date(2025, 1, 1), date(2025, 9, 1))


def _load(con: duckdb.DuckDBPyConnection, site_id, grain="month", visitors=(), service=()) -> None:
    """service rows: (agency_id, day, visits[, channel[, service]])."""
    load_id = ledger.record_load(con, ledger.LoadRecord("t.xlsx", "sha", "test", "mixed", None, None, None))
    vis = pd.DataFrame([(site_id, d, grain, n) for d, n in visitors], columns=ledger.VISITOR_COLUMNS)
    rows = [
        (site_id, r[0], r[1], grain, r[4] if len(r) > 4 else None, r[3] if len(r) > 3 else None, r[2])
        for r in service
    ]
    ledger.write_facts(con, load_id, pd.DataFrame(rows, columns=ledger.SERVICE_COLUMNS), vis)


@pytest.fixture
def city(store):
    """MPP Kota: monthly, three agencies; 2024 fully reported; 2025 up to March."""
    site = ensure_site(store, Site("MPP Kota", kabupaten_kota="Kota X"))
    dukcapil, samsat, bank = (ensure_agency(store, n) for n in ("Disdukcapil", "Samsat", "=HYPERLINK(1)"))
    visitors = [(date(2024, m, 1), 100 * m) for m in range(1, 13)]
    visitors += [(date(2025, 1, 1), 150), (date(2025, 2, 1), 400), (date(2025, 3, 1), 400)]
    service = [(dukcapil, date(2024, m, 1), 50) for m in range(1, 13)]
    service += [(samsat, date(2024, m, 1), 40) for m in range(1, 13)]
    service += [(dukcapil, date(2025, m, 1), 60) for m in (1, 2, 3)]
    service += [(samsat, date(2025, m, 1), 30) for m in (1, 2, 3)] + [(bank, date(2025, 3, 1), 10)]
    _load(store, site, visitors=visitors, service=service)
    return store


def test_agencies_ranked_with_share_of_service_visits_and_change(city):
    ranking = agency_report.agency_ranking(city, ["MPP Kota"], Period(date(2025, 1, 1), date(2025, 3, 1)))
    table = ranking.table
    assert list(table["agency"]) == ["Disdukcapil", "Samsat", "=HYPERLINK(1)"]
    assert list(table["visits"]) == [180, 90, 10] and ranking.base.value == 280
    assert table["share"].round(2).tolist() == [64.29, 32.14, 3.57]
    assert table["change_pct"].round(1).tolist()[:2] == [20.0, -25.0]  # 180/150, 90/120
    assert pd.isna(table["change_pct"].iloc[2]) and ranking.comparable


def test_no_change_when_last_year_is_not_fully_reported(city):
    ranking = agency_report.agency_ranking(city, ["MPP Kota"], Period(date(2025, 3, 1), date(2025, 4, 1)))
    assert not ranking.comparable and ranking.table["change_pct"].isna().all()


def test_top_n_puts_the_rest_in_lainnya(city):
    table = agency_report.agency_ranking(city, ["MPP Kota"], JAN_SEP_25).table
    top = agency_report.top_with_others(table, 1)
    assert list(top["agency"]) == ["Disdukcapil", "Lainnya (2)"] and list(top["visits"]) == [180, 100]
    assert top["share"].sum() == pytest.approx(100)
    assert list(agency_report.top_with_others(table, 5, "en")["agency"])[-1] == "=HYPERLINK(1)"


def test_one_agency_trend_leaves_unreported_months_empty(city):
    trend = agency_report.agency_trend(
        city, ["MPP Kota"], "Samsat", Period(date(2025, 2, 1), date(2025, 5, 1))
    )
    assert trend["value"].tolist()[:2] == [30, 30] and trend["value"][2:].isna().all()


def test_services_where_the_files_name_them(store):
    site = ensure_site(store, Site("MPP S"))
    agency = ensure_agency(store, "Imigrasi")
    _load(
        store,
        site,
        service=[
            (agency, date(2025, 1, 1), 30, None, "Paspor baru"),
            (agency, date(2025, 1, 1), 10, None, "Paspor ganti"),
        ],
    )
    services = agency_report.agency_services(store, ["MPP S"], "Imigrasi", Period.month(date(2025, 1, 1)))
    assert services.values.tolist() == [["Paspor baru", 30, 75.0], ["Paspor ganti", 10, 25.0]]


def test_peaks_ranked_and_the_year_by_month_grid(city):
    series = trends.years_overlaid(city, ["MPP Kota"], V, date(2025, 3, 1))
    peaks = trends.ranked_months(series, 3)
    assert peaks[["month", "value"]].values.tolist() == [
        [date(2024, 12, 1), 1200],
        [date(2024, 11, 1), 1100],
        [date(2024, 10, 1), 1000],
    ]
    grid = trends.year_month_grid(series)
    assert grid.loc[2025, 2] == 400 and pd.isna(grid.loc[2025, 4]) and grid.loc[2024, 12] == 1200


def test_ties_rank_the_earlier_month_first(city):
    series = trends.years_overlaid(city, ["MPP Kota"], V, date(2025, 3, 1))
    peaks = trends.ranked_months(series[series["year"] == 2025], 2)
    assert peaks["month"].tolist() == [date(2025, 2, 1), date(2025, 3, 1)]


@pytest.fixture
def regency(store):
    """MPP Kab (daily, 6-day week, walk-in/online) and its Mini MPP outlet (daily, 5-day week)."""
    mpp = ensure_site(store, Site("MPP Kab", kabupaten_kota="Kab Y", working_days_per_week=6))
    mini = ensure_site(store, Site("Mini MPP Z", "mini_mpp", "Kab Y", "Z", parent="MPP Kab"))
    dukcapil, samsat = ensure_agency(store, "Disdukcapil"), ensure_agency(store, "Samsat")
    # January 2025: Mon 6th and Tue 7th; Wednesday 1st is New Year (open anyway in the data).
    days = [(date(2025, 1, 6), 10), (date(2025, 1, 7), 20), (date(2025, 1, 13), 30), (date(2025, 1, 1), 5)]
    _load(
        store,
        mpp,
        "day",
        visitors=days,
        service=[
            (dukcapil, date(2025, 1, 6), 8, "walk_in"),
            (dukcapil, date(2025, 1, 6), 2, "online"),
            (samsat, date(2025, 1, 7), 15, "walk_in"),
            (samsat, date(2025, 2, 3), 5, "online"),
        ],
    )
    _load(store, mini, "day", visitors=[(date(2025, 1, 6), 19)])
    return store


def test_weekday_pattern_averages_each_open_day(regency):
    pattern = trends.weekday_pattern(regency, ["MPP Kab"], Period.month(date(2025, 1, 1)), V)
    assert pattern.values.tolist() == [[0, 2, 40, 20.0], [1, 1, 20, 20.0], [2, 1, 5, 5.0]]
    assert trends.weekday_name(0) == "Senin" and trends.weekday_name(4, "en") == "Friday"


def test_per_working_day_uses_each_sites_week_and_the_holidays(regency):
    # January 2025 has 27 Monday-Saturdays, 23 weekdays; 1, 27, 28 and 29 January are holidays or
    # cuti bersama: 23 working days at the 6-day MPP, 19 at the 5-day outlet.
    rates = trends.working_day_rates(regency, ["MPP Kab", "Mini MPP Z"], Period.month(date(2025, 1, 1)), V)
    assert rates["value"].tolist() == [84] and rates["working_days"].tolist() == [23]
    assert rates["per_day"].iloc[0] == pytest.approx(65 / 23 + 19 / 19)


def test_channels_per_month_and_per_agency_with_online_share(regency):
    period = Period(date(2025, 1, 1), date(2025, 2, 1))
    monthly = channels.channel_monthly(regency, ["MPP Kab"], period)
    assert monthly[["walk_in", "online", "total"]].values.tolist() == [[23, 2, 25], [0, 5, 5]]
    assert monthly["online_share"].tolist() == [8.0, 100.0]
    assert channels.online_share(monthly) == pytest.approx(7 / 30 * 100)
    agencies = channels.channel_by_agency(regency, ["MPP Kab"], period)
    assert agencies[["agency", "total"]].values.tolist() == [["Samsat", 20], ["Disdukcapil", 10]]


def test_no_channels_is_an_empty_table(city):
    assert channels.channel_monthly(city, ["MPP Kota"], JAN_SEP_25).empty
    assert channels.channel_by_agency(city, ["MPP Kota"], JAN_SEP_25).empty


def test_month_on_month_of_a_year_and_unequal_periods_labelled(city):
    view = growth.growth_view(city, ["MPP Kota"], date(2025, 3, 1), V)
    assert view.monthly["change_pct"].round(1).tolist() == [50.0, 100.0, 33.3]
    assert view.to_date.change_pct == pytest.approx((950 - 600) / 600 * 100)
    assert view.full_years.base.value is None and view.full_years.change_pct is None
    partial = view.partial_against_full
    assert not partial.equal_periods and partial.change_pct is None
    assert (partial.current.value, partial.base.value) == (950, 7800)


def test_agency_growth_fastest_first_new_agencies_last(city):
    table = growth.agency_growth(city, ["MPP Kota"], Period(date(2025, 1, 1), date(2025, 3, 1)))
    assert table["agency"].tolist() == ["Disdukcapil", "Samsat", "=HYPERLINK(1)"]
    assert pd.isna(table["change_pct"].iloc[2]) and table["visits"].tolist() == [180, 90, 10]


def test_sites_side_by_side_with_region_share(regency, city):
    table = site_compare.site_comparison(regency, Period.month(date(2025, 1, 1)), V).set_index("name")
    assert table.loc["MPP Kab", "total"] == 65 and table.loc["Mini MPP Z", "total"] == 19
    assert table.loc["MPP Kab", "region_share"] == pytest.approx(65 / 84 * 100)
    assert table.loc["MPP Kota", "region_share"] == 100
    assert table.loc["MPP Kab", "working_days"] == 23 and table.loc["Mini MPP Z", "working_days"] == 19
    assert table.loc["MPP Kota", "change_pct"] == pytest.approx(50.0)
    assert pd.isna(table.loc["MPP Kab", "change_pct"])  # no January 2024 to compare with


def test_why_a_comparison_has_no_rate(city):
    view = growth.growth_view(city, ["MPP Kota"], date(2025, 3, 1), V)
    assert growth.why_no_rate(view.to_date) is None
    assert growth.why_no_rate(view.full_years) == "no_base"
    assert growth.why_no_rate(view.partial_against_full) == "unequal"
    later = growth.growth_view(city, ["MPP Kota"], date(2025, 5, 1), V)
    assert growth.why_no_rate(later.to_date) == "incomplete"  # April and May 2025 not reported


def test_top_sites_for_the_charts(regency, city):
    table = site_compare.site_comparison(regency, Period.month(date(2025, 1, 1)), V)
    assert site_compare.top_sites(table, 2)["name"].tolist() == ["MPP Kota", "MPP Kab"]
