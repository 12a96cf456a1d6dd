"""The month in review, like-for-like growth across sites, and the overview's coverage (issue 11), on
the demo store (Balikpapan's October 2025 is partial: 26 of 27 agencies) and on small stores made in
code."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from mpp import demo
from mpp.demo.visits import load_frames as _load
from mpp.period import Measure, Period
from mpp.reference.sites import Site
from mpp.visits.like_for_like import like_for_like
from mpp.visits.month_review import MIN_BASE, agency_changes, month_review
from mpp.visits.overview import overview

BALIKPAPAN, KUKAR = demo.BALIKPAPAN, demo.KUKAR
SEP_2025, OCT_2025, OCT_2026 = date(2025, 9, 1), date(2025, 10, 1), date(2026, 10, 1)


def test_the_pair_compares_like_for_like_and_names_the_site_left_out(demo_con):
    pair = overview(demo_con, [BALIKPAPAN, KUKAR], OCT_2026)
    alone = overview(demo_con, [KUKAR], OCT_2026)
    assert round(alone.to_date.change_pct, 1) == 7.8
    assert pair.to_date.change_pct == alone.to_date.change_pct  # not -45,3 any more
    assert pair.to_date.sites == (KUKAR,)
    assert [e.text() for e in pair.to_date.excluded] == [
        "MPP Kota Balikpapan: tidak ada data Januari-Oktober 2026"
    ]
    assert pair.total.value == alone.total.value  # the selection's total, Balikpapan had nothing


def test_default_through_is_the_latest_complete_month_and_october_is_provisional(demo_con):
    view = overview(demo_con, [BALIKPAPAN])
    assert view.through == SEP_2025 and view.latest_complete_month == SEP_2025
    assert view.to_date.current.value == 41481 and round(view.to_date.change_pct, 1) == 92.3
    assert not view.uses_provisional
    (october,) = view.provisional
    assert (october.month, october.measure, october.reporting, october.expected, october.complete) == (
        OCT_2025,
        Measure.SERVICE_VISITS,
        26,
        27,
        False,
    )
    assert october.text() == "26 dari 27 instansi melapor"


def test_a_provisional_month_gives_no_growth_unless_asked_for_and_then_says_so(demo_con):
    service = Measure.SERVICE_VISITS
    quiet = overview(demo_con, [BALIKPAPAN], OCT_2025, service)
    assert quiet.to_date.change_pct is None and quiet.review.year_on_year.change_pct is None
    asked = overview(demo_con, [BALIKPAPAN], OCT_2025, service, include_partial=True)
    assert asked.to_date.change_pct is not None and asked.uses_provisional
    assert asked.review.provisional and asked.to_date.provisional == (OCT_2025,)


def test_month_in_review_against_a_year_and_a_month_earlier(demo_con):
    review = month_review(demo_con, [BALIKPAPAN], SEP_2025, Measure.VISITORS)
    assert review.total.value == 5563
    assert review.year_on_year.base.value == 2458 and round(review.year_on_year.change_pct, 1) == 126.3
    assert review.month_on_month.base.value == 5120 and round(review.month_on_month.change_pct, 1) == 8.7
    assert (review.agency_coverage.reporting, review.agency_coverage.expected) == (27, 27)
    assert list(review.risers()["agency"]) == ["Disdukcapil", "DPMPTSP", "Bankaltimtara"]
    changes = review.agencies
    assert list(changes["change"]) == sorted(changes["change"], reverse=True)  # largest rises first
    small = changes[changes["visits_same_month_last_year"] < MIN_BASE]
    assert not small.empty and small["change_pct"].isna().all()


@pytest.fixture
def small_and_large(store):
    """Two agencies in one month a year apart: a counter going from 2 to 6, and a large one +10 %."""
    service = pd.DataFrame(
        {
            "agency": ["Imigrasi", "Disdukcapil"] * 2,
            "day": [date(2024, 5, 1)] * 2 + [date(2025, 5, 1)] * 2,
            "visits": [2, 1000, 6, 1100],
        }
    )
    _load(store, Site("MPP Uji"), "month", pd.DataFrame({"day": [], "visitors": []}), service)
    return store


def test_two_to_six_is_not_plus_two_hundred_percent_at_the_top(small_and_large):
    table = agency_changes(small_and_large, ["MPP Uji"], date(2025, 5, 1))
    assert list(table["agency"]) == ["Disdukcapil", "Imigrasi"]  # ranked by counts: +100 before +4
    assert round(table.loc[0, "change_pct"], 1) == 10.0
    assert table.loc[1, "change"] == 4 and pd.isna(table.loc[1, "change_pct"])


def test_an_agency_absent_in_a_complete_month_had_no_service(small_and_large):
    table = agency_changes(small_and_large, ["MPP Uji"], date(2024, 5, 1))
    assert dict(zip(table["agency"], table["visits"], strict=True)) == {"Disdukcapil": 1000, "Imigrasi": 2}
    later = agency_changes(small_and_large, ["MPP Uji"], date(2026, 5, 1))
    assert dict(zip(later["agency"], later["change"], strict=True)) == {"Disdukcapil": -1100, "Imigrasi": -6}


def test_quarter_period_is_compared_with_the_same_quarter_a_year_earlier(demo_con):
    q3 = Period(date(2025, 7, 1), date(2025, 9, 1))
    view = overview(demo_con, [BALIKPAPAN], period=q3)
    assert view.to_date.base.period == Period(date(2024, 7, 1), date(2024, 9, 1))
    assert view.to_date.current.value == 6814 + 5120 + 5563
    assert view.review.month == SEP_2025


def test_a_single_site_is_never_excluded(demo_con):
    one = Period.year_to_date(OCT_2026)
    result = like_for_like(demo_con, [BALIKPAPAN], one, one.shift_years(-1), Measure.VISITORS, "year_to_date")
    assert result.sites == (BALIKPAPAN,) and result.excluded == () and result.change_pct is None


def test_growth_page_view_is_like_for_like_too(demo_con):
    from mpp.visits.growth import growth_view

    pair = growth_view(demo_con, [BALIKPAPAN, KUKAR], OCT_2026, Measure.VISITORS)
    alone = growth_view(demo_con, [KUKAR], OCT_2026, Measure.VISITORS)
    assert pair.to_date.change_pct == alone.to_date.change_pct
    assert pair.sites == (KUKAR,) and [e.site for e in pair.excluded] == [BALIKPAPAN]


def test_chart_hatches_a_provisional_month_and_draws_no_zero_for_a_missing_one():
    from mpp.present import charts

    now = pd.DataFrame(
        {
            "month": [date(2025, m, 1) for m in range(1, 13)],
            "value": pd.array([1000] * 10 + [500, None], dtype="Int64"),
        }
    )
    bars = charts.year_against_year(
        now, now.iloc[:0], Measure.VISITORS, "t", provisional=[date(2025, 11, 1)]
    ).data[0]
    assert list(bars.text[-3:]) == ["1.000", "500*", ""]
    assert bars.customdata[-2][1] == "500 (sementara)"
    assert list(bars.marker.pattern.shape[-3:]) == ["", "/", ""]
    assert pd.isna(bars.y[-1])  # December: a gap, not a 0


def test_a_full_year_over_a_site_that_opened_late_or_stopped_says_it_is_not_twelve_months(demo_con):
    """Balangan opened in December 2025 and Balikpapan reported only January-September 2025: the
    "Setahun penuh 2025" figure over either names the months it really holds, here and in the press."""
    from mpp.press.statement import full_year_paragraph

    balangan = overview(demo_con, [demo.BALANGAN], OCT_2026)
    assert balangan.previous_full_year.value == 940
    assert [s.text() for s in balangan.previous_full_year_short] == [
        "MPP Kabupaten Balangan: data hanya Desember 2025 (1 bulan)"
    ]
    assert full_year_paragraph(balangan, "id").endswith(
        "Angka tahun 2025 itu belum setahun penuh untuk MPP Kabupaten Balangan: data hanya Desember 2025 "
        "(1 bulan)."
    )
    pair = overview(demo_con, [BALIKPAPAN, KUKAR], OCT_2026)
    assert [s.text("en") for s in pair.previous_full_year_short] == [
        "MPP Kota Balikpapan: data for January-September 2025 only (9 months)"
    ]
    assert overview(demo_con, [KUKAR], OCT_2026).previous_full_year_short == ()


def test_no_agency_rises_from_a_month_before_the_site_opened(demo_con):
    """Balangan opened in December 2025: October 2026 against October 2025 has no agency changes
    (every agency would 'rise' from nothing), and no growth."""
    review = overview(demo_con, [demo.BALANGAN], OCT_2026).review
    assert review.agencies.empty and review.year_on_year.change_pct is None


def test_a_site_one_month_late_keeps_the_month_incomplete_not_left_out(demo_db):
    """Balangan's October 2026 has not arrived yet while Kutai's has: October is provisional for the
    pair (Balangan is late, not stopped), and the figures end in September."""
    from mpp.store import db

    with db.connect(demo_db) as con:
        site = con.execute("SELECT site_id FROM sites WHERE name = ?", [demo.BALANGAN]).fetchall()[0][0]
        for table in ("service_visits", "site_visitors"):  # the office has not sent October yet
            con.execute(f"DELETE FROM {table} WHERE site_id = ? AND day >= ?", [site, OCT_2026])
    with db.connect(demo_db, read_only=True) as con:
        view = overview(con, [KUKAR, demo.BALANGAN])
        assert view.through == date(2026, 9, 1)
        (october,) = [m for m in view.provisional if m.measure is Measure.VISITORS]
        assert (october.month, october.complete, october.provisional) == (OCT_2026, False, True)
        assert october.text() == "1 dari 2 lokasi melapor"


def test_no_growth_when_no_site_is_complete_in_both_periods(store):
    """Site A reported until June 2025, site B from July 2025: between them 2025 has every month, but
    neither site is like for like with 2024, so there is no growth rate at all."""
    a, b = Site("MPP Kota A", "mpp", "Kota A"), Site("MPP Kota B", "mpp", "Kota B")
    months = [date(y, m, 1) for y in (2024, 2025) for m in range(1, 13)]
    visitors = lambda days: pd.DataFrame({"day": days, "visitors": 100})  # noqa: E731
    no_service = pd.DataFrame(columns=["agency", "day", "visits"])
    _load(store, a, "month", visitors([m for m in months if m < date(2025, 7, 1)]), no_service, "A")
    _load(store, b, "month", visitors([m for m in months if m >= date(2025, 7, 1)]), no_service, "B")
    both = like_for_like(
        store, [a.name, b.name], Period.full_year(2025), Period.full_year(2024), Measure.VISITORS, "full_year"
    )
    assert {e.site for e in both.excluded} == {a.name, b.name}
    assert both.change_pct is None
