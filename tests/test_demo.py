"""The demo data reproduce every figure the seed articles print, to the unit."""

from datetime import date

import pytest

from mpp import demo
from mpp.access.accounts import PermissionDenied, User
from mpp.demo.visits import BALANGAN, BALIKPAPAN, KUKAR, LATE_AGENCY, MINI_MPP
from mpp.period import Measure, Period
from mpp.visits import coverage, metrics
from mpp.visits.overview import overview

SITE = [BALIKPAPAN]
V, S = Measure.VISITORS, Measure.SERVICE_VISITS
JAN_SEP_2025 = Period(date(2025, 1, 1), date(2025, 9, 1))


def test_visitors_2024_and_january_september_2025(demo_con):
    assert metrics.total(demo_con, SITE, Period.full_year(2024), V).value == 29158
    assert metrics.total(demo_con, SITE, JAN_SEP_2025, V).value == 41481


def test_no_balikpapan_data_after_september_2025_but_october_service_visits_of_26_agencies(demo_con):
    """September 2025 is Balikpapan's latest complete month: October's service visits hold every agency
    but one (issue 11: the demo shows a partial month until the late agency's file is loaded)."""
    assert metrics.latest_month(demo_con, SITE, V) == date(2025, 9, 1)
    assert metrics.latest_month(demo_con, SITE, S) == date(2025, 10, 1)
    for measure in (V, S):
        assert coverage.latest_complete_month(demo_con, SITE, measure) == date(2025, 9, 1)
    october = coverage.month_status(demo_con, SITE, S, date(2025, 10, 1))
    assert not october.complete and october.missing == ((BALIKPAPAN, LATE_AGENCY),)
    assert coverage.coverage_text(october) == "26 dari 27 instansi melapor"


def test_balangan_is_judged_against_its_roster_of_18_from_december_2025(demo_con):
    members = coverage.member_list(demo_con, BALANGAN)
    assert len(members) == 18 and set(members["joined"].dt.date) == {date(2025, 12, 1)}
    december = coverage.month_status(demo_con, [BALANGAN], S, date(2025, 12, 1))
    assert coverage.coverage_text(december) == "15 dari 18 instansi melapor" and not december.complete
    assert [agency for _, agency in december.missing] == ["Kantor Pertanahan", "Kemenag", "Pengadilan Agama"]
    assert coverage.month_status(demo_con, [BALANGAN], S, date(2026, 1, 1)).complete
    assert coverage.latest_complete_month(demo_con, [BALANGAN], S) == date(2026, 10, 1)


def test_every_other_demo_month_is_complete(demo_con):
    partial = {(BALIKPAPAN, date(2025, 10, 1)), (BALANGAN, date(2025, 12, 1))}
    sites = [BALIKPAPAN, KUKAR, BALANGAN, *MINI_MPP]
    for measure in (V, S):
        found = coverage.site_months(demo_con, sites, measure, Period(date(2023, 1, 1), date(2026, 10, 1)))
        stopped = [m for m in found if m.site == BALIKPAPAN and m.month > date(2025, 10, 1)]
        assert {(m.site, m.month) for m in found if not m.complete and m not in stopped} <= partial


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
        "WHERE name = ? AND day < DATE '2023-04-01'",
        [KUKAR],
    ).fetchall()[0]
    assert daily[0] >= 25 and daily[1] <= 50
    later = demo_con.execute(
        "SELECT min(visitors), max(visitors) FROM site_visitors JOIN sites USING (site_id) "
        "WHERE name = ? AND day >= DATE '2023-04-01'",
        [KUKAR],
    ).fetchall()[0]
    assert later[0] >= 100 and later[1] <= 300


def test_mini_mpp_outlets_from_2026_belong_to_kukar(demo_con):
    rows = demo_con.execute(
        "SELECT s.name, s.kind, p.name FROM sites s JOIN sites p "
        "ON s.parent_site_id = p.site_id ORDER BY s.name"
    ).fetchall()
    assert {r[0] for r in rows} == set(MINI_MPP)
    assert {(r[1], r[2]) for r in rows} == {("mini_mpp", KUKAR)}
    for name, (_, opened) in MINI_MPP.items():
        assert metrics.first_month(demo_con, [name], V) == opened  # each outlet from its own start
        assert coverage.site_months(demo_con, [name], S, Period.month(opened))[0].complete
    opened = dict(demo_con.execute("SELECT name, opened FROM sites WHERE kind = 'mini_mpp'").fetchall())
    assert opened == {name: start for name, (_, start) in MINI_MPP.items()}


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
