"""The demo data reproduce every figure the seed articles print, to the unit."""
from datetime import date

import pytest

from mpp import demo, metrics
from mpp.accounts import PermissionDenied, User
from mpp.demo import BALIKPAPAN, KUKAR, MINI_MPP
from mpp.overview import overview
from mpp.period import Measure, Period

SITE = [BALIKPAPAN]
V, S = Measure.VISITORS, Measure.SERVICE_VISITS
JAN_SEP_2025 = Period(date(2025, 1, 1), date(2025, 9, 1))


def test_visitors_2024_and_january_september_2025(demo_con):
    assert metrics.total(demo_con, SITE, Period.full_year(2024), V).value == 29158
    assert metrics.total(demo_con, SITE, JAN_SEP_2025, V).value == 41481


def test_no_balikpapan_data_after_september_2025(demo_con):
    assert metrics.latest_month(demo_con, SITE, V) == date(2025, 9, 1)
    assert metrics.latest_month(demo_con, SITE, S) == date(2025, 9, 1)


def test_july_2025_is_the_peak_then_september_then_august(demo_con):
    peaks = metrics.peak_months(demo_con, SITE, JAN_SEP_2025, V)
    assert list(peaks["month"]) == [date(2025, 7, 1), date(2025, 9, 1), date(2025, 8, 1)]
    assert peaks["value"].iloc[0] == 6814


def test_2024_months_are_about_2300_to_2500(demo_con):
    months = metrics.monthly(demo_con, SITE, Period.full_year(2024), V)["value"]
    assert months.between(2300, 2700).all()
    assert abs(months.mean() - 2430) < 10


def test_agencies_and_their_shares_of_all_service_visits(demo_con):
    shares = metrics.agency_shares(demo_con, SITE, JAN_SEP_2025)
    top = shares.table.head(5)
    assert list(top["agency"]) == ["Disdukcapil", "DPMPTSP", "Bankaltimtara", "BPJS Kesehatan", "Kepolisian"]
    assert list(top["visits"]) == [11315, 8767, 8382, 6726, 4434]
    assert [round(s, 1) for s in top["share"]] == [24.8, 19.3, 18.4, 14.8, 9.7]
    assert shares.base.measure is S and shares.base.value == 45540
    assert len(shares.table) == 27


def test_share_of_people_entering_would_be_a_different_figure(demo_con):
    """The trap in the seed: 11.315 / 41.481 is 27,3 %, not the published 24,8 %."""
    visitors = metrics.total(demo_con, SITE, JAN_SEP_2025, V).value
    assert round(11315 / visitors * 100, 1) == 27.3


def test_kutai_kartanegara_opens_february_2023_with_28_agencies(demo_con):
    assert metrics.first_month(demo_con, [KUKAR], V) == date(2023, 2, 1)
    assert metrics.agencies_active(demo_con, [KUKAR], Period.full_year(2024)) == 28
    daily = demo_con.execute(
        "SELECT min(visitors), max(visitors) FROM site_visitors JOIN sites USING (site_id) "
        "WHERE name = ? AND day < DATE '2023-04-01'", [KUKAR]).fetchall()[0]
    assert 25 <= daily[0] and daily[1] <= 50
    later = demo_con.execute(
        "SELECT min(visitors), max(visitors) FROM site_visitors JOIN sites USING (site_id) "
        "WHERE name = ? AND day >= DATE '2023-04-01'", [KUKAR]).fetchall()[0]
    assert 100 <= later[0] and later[1] <= 300


def test_mini_mpp_outlets_from_2026_belong_to_kukar(demo_con):
    rows = demo_con.execute("SELECT s.name, s.kind, p.name FROM sites s JOIN sites p "
                            "ON s.parent_site_id = p.site_id ORDER BY s.name").fetchall()
    assert {r[0] for r in rows} == set(MINI_MPP)
    assert {(r[1], r[2]) for r in rows} == {("mini_mpp", KUKAR)}
    for name in MINI_MPP:
        assert metrics.first_month(demo_con, [name], V).year == 2026


def test_demo_is_recorded_as_demo_loads(demo_con):
    layouts = demo_con.execute("SELECT DISTINCT layout, status FROM loads").fetchall()
    assert layouts == [("demo", "loaded")]


def test_overview_of_balikpapan(demo_con):
    view = overview(demo_con, SITE)
    assert view.measure is V and view.through == date(2025, 9, 1)
    assert view.to_date.current.value == 41481 and view.previous_full_year.value == 29158
    assert view.agencies_active == 27


def test_only_an_admin_writes_the_demo_data(store):
    for actor in (None, User("ana", "analyst")):
        with pytest.raises(PermissionDenied, match="perlu peran admin"):
            demo.build(store, actor)
    assert store.execute("SELECT count(*) FROM loads").fetchall() == [(0,)]
