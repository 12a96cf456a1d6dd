"""The year-end estimate (mpp/visits/estimate.py): the method on hand-made series with exact figures,
the cases where none is given and why, complete months only, the prose, the demo, the backtest the
README quotes, and the card on Tren dan Puncak."""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from bench import backtest_estimate
from mpp import demo
from mpp.demo.visits import load_frames
from mpp.period import Measure, Period
from mpp.reference.sites import Site
from mpp.report.gather import gather
from mpp.report.sections import sections
from mpp.visits.estimate import (
    NoEstimate,
    YearEndEstimate,
    project,
    prose_step,
    year_end_estimate,
    years_label,
)

ROOT = Path(__file__).resolve().parent.parent
V, SV = Measure.VISITORS, Measure.SERVICE_VISITS
SITE = "MPP Kabupaten Contoh"


def write(con, site: str, visitors: dict[int, list[int]], service: dict[str, dict[int, list[int]]] = {}):  # noqa: B006
    """Monthly figures of one site: visitors per year from January, service visits per agency."""
    people = [(date(y, m, 1), v) for y, values in visitors.items() for m, v in enumerate(values, 1)]
    visits = [
        (agency, date(y, m, 1), v)
        for agency, years in service.items()
        for y, values in years.items()
        for m, v in enumerate(values, 1)
    ]
    load_frames(
        con,
        Site(site),
        "month",
        pd.DataFrame(people, columns=["day", "visitors"]),
        pd.DataFrame(visits, columns=["agency", "day", "visits"]),
    )


# --- the arithmetic ------------------------------------------------------------------------------


def test_one_earlier_year_projects_the_share_and_takes_the_range_from_the_months():
    """2024 flat (a quarter of the year by March); 2025 January-March 110, 120, 130: 360 / 0,25."""
    found = project([110, 120, 130], [[100] * 12])
    assert found is not None
    assert found.value == pytest.approx(1440)
    # logs of the yearly totals the months imply (1.320, 1.440, 1.560): sd 0,08355; t(2) = 2,920;
    # h = 2,920 x 0,08355 x sqrt(1/3 + 1/9) = 0,16265; the rest of the year 1.080 x exp(-+h)
    assert found.low == pytest.approx(360 + 1080 * math.exp(-0.1626465), abs=0.01)
    assert (round(found.low, 1), round(found.high, 1)) == (1277.9, 1630.8)


def test_several_earlier_years_range_covers_each_years_profile():
    """2023 flat; 2024 with a busy first quarter (600 of 1.500). The months follow the mean profile
    exactly, so only the years' spread makes the range: 390 / 0,25 and 390 / 0,4."""
    found = project([130, 130, 130], [[100] * 12, [200] * 3 + [100] * 9])
    assert found is not None
    assert (found.value, found.low, found.high) == pytest.approx((1200, 975, 1560))


def test_months_without_a_share_give_no_projection():
    assert project([0, 0, 0], [[0, 0, 0] + [100] * 9]) is None


def test_the_prose_rounds_the_range_outwards_to_a_round_step():
    assert prose_step(53_063, 59_828, 56_058) == 1000
    assert prose_step(51_399, 53_445, 52_318) == 500
    assert prose_step(1320, 1320, 1320) == 10  # never to the unit: at least a hundredth
    assert years_label((2024,)) == "2024"
    assert years_label((2023, 2024)) == "2023-2024"
    assert years_label((2021, 2023, 2024)) == "2021, 2023 dan 2024"
    assert years_label((2021, 2024), "en") == "2021 and 2024"


# --- from the store ------------------------------------------------------------------------------


@pytest.fixture
def contoh(store):
    """Visitors: 2024 flat at 100, 2025 January-March 110, 120, 130. Service visits of two agencies:
    2024 every month; 2025 January-April, April from Disdukcapil only (Samsat has not reported)."""
    write(
        store,
        SITE,
        {2024: [100] * 12, 2025: [110, 120, 130]},
        {
            "Disdukcapil": {2024: [60] * 12, 2025: [66, 72, 78, 500]},
            "Samsat": {2024: [40] * 12, 2025: [44, 48, 52]},
        },
    )
    return store


def test_the_estimate_of_a_site_from_its_complete_months(contoh):
    found = year_end_estimate(contoh, [SITE], date(2025, 3, 1), V)
    assert isinstance(found, YearEndEstimate)
    assert (found.basis, found.years, found.to_date) == (
        Period(date(2025, 1, 1), date(2025, 3, 1)),
        (2024,),
        360,
    )
    assert round(found.value) == 1440 and found.rounded() == (1250, 1650)
    assert found.text() == "diperkirakan 1.250-1.650 pengunjung hingga Desember 2025"
    assert found.basis_text() == "dari Januari-Maret 2025 dan pola musiman 2024"
    assert found.text("en") == "an estimated 1,250-1,650 visitors by December 2025"  # English digits
    assert found.actual is None and found.excluded == ()


def test_a_partial_month_is_never_used(contoh):
    """April 2025 holds Disdukcapil's 500 but not Samsat: the estimate stops at March."""
    found = year_end_estimate(contoh, [SITE], date(2025, 4, 1), SV)
    assert isinstance(found, YearEndEstimate)
    assert found.basis == Period(date(2025, 1, 1), date(2025, 3, 1))
    assert found.to_date == 360 and round(found.value) == 1440  # 110 + 120 + 130, April left out
    assert "kunjungan layanan" in found.text()


@pytest.mark.parametrize(
    ("month", "measure", "reason", "text"),
    [
        (
            date(2025, 2, 1),
            V,
            "too_few_months",
            "Perkiraan akhir tahun 2025 belum dapat dibuat: baru Januari-Februari 2025 yang lengkap; "
            "perkiraan dibuat mulai 3 bulan lengkap.",
        ),
        (
            date(2024, 12, 1),
            V,
            "year_complete",
            "Tahun 2024 sudah lengkap: 1.200 pengunjung; tidak perlu perkiraan.",
        ),
        (
            date(2026, 3, 1),
            V,
            "no_complete_month",
            "Perkiraan akhir tahun 2026 belum dapat dibuat: belum ada bulan lengkap tahun ini.",
        ),
    ],
)
def test_no_estimate_says_why(contoh, month, measure, reason, text):
    found = year_end_estimate(contoh, [SITE], month, measure)
    assert isinstance(found, NoEstimate)
    assert (found.reason, found.text()) == (reason, text)


def test_no_estimate_without_an_earlier_complete_year(store):
    write(store, SITE, {2024: [100] * 11, 2025: [110, 120, 130, 140]})  # 2024 lacks December
    found = year_end_estimate(store, [SITE], date(2025, 4, 1), V)
    assert isinstance(found, NoEstimate) and found.reason == "no_earlier_year"
    assert found.text("en") == (
        "No year-end estimate for 2025: there is no complete earlier year for the seasonal pattern."
    )
    nothing = year_end_estimate(store, ["MPP Tanpa Data"], date(2025, 4, 1), V)
    assert isinstance(nothing, NoEstimate) and nothing.reason == "no_data"


# --- the demo ------------------------------------------------------------------------------------


def test_balikpapan_2025_from_january_september_and_2024(demo_con):
    found = year_end_estimate(demo_con, [demo.BALIKPAPAN], date(2025, 9, 1))
    assert isinstance(found, YearEndEstimate) and found.measure is V
    assert found.to_date == 41_481
    assert found.text() == "diperkirakan 53.000-60.000 pengunjung hingga Desember 2025"
    assert found.basis_text() == "dari Januari-September 2025 dan pola musiman 2024"


def test_a_site_without_an_earlier_year_is_left_out_by_name(demo_con):
    outlet = "Mini MPP Kecamatan Loa Janan"
    found = year_end_estimate(demo_con, [demo.KUKAR, outlet], date(2026, 10, 1), V)
    assert isinstance(found, YearEndEstimate)
    assert found.sites == (demo.KUKAR,) and found.years == (2024, 2025)
    assert [(e.site, e.why()) for e in found.excluded] == [
        (outlet, "tidak ada tahun lengkap sebelum Januari-Oktober 2026 untuk pola musiman")
    ]


def test_the_readme_quotes_what_the_backtest_prints(demo_con):
    printed = backtest_estimate.report(demo_con)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    summaries = [line for line in printed.splitlines() if re.match(r"(January|every month)", line)]
    assert len(summaries) == 2
    for line in summaries:
        assert line in readme, line


# --- the monthly report --------------------------------------------------------------------------


def test_the_monthly_report_has_the_estimate_section(demo_con):
    found = {s.key: s for s in sections(gather(demo_con, [demo.BALIKPAPAN], date(2025, 9, 1)))}
    estimate = found["estimate"]
    assert estimate.heading == "Perkiraan hingga Desember 2025"
    assert estimate.lines == (
        "Perkiraan, bukan data: diperkirakan 53.000-60.000 pengunjung hingga Desember 2025 (dari "
        "Januari-September 2025 dan pola musiman 2024).",
    )
    balangan = {s.key: s for s in sections(gather(demo_con, [demo.BALANGAN], date(2026, 10, 1), "en"))}
    assert balangan["estimate"].lines == (
        "No year-end estimate for 2026: there is no complete earlier year for the seasonal pattern.",
    )


# --- the page ------------------------------------------------------------------------------------


def test_trends_page_shows_the_estimate_labelled_as_one(demo_db, open_app):
    at = open_app(demo_db, "pages/2_Tren_dan_Puncak.py").run()
    assert not at.exception
    cards = {m.label: (m.value, m.delta) for m in at.metric}
    assert cards["Perkiraan hingga Desember 2025"] == (
        "53.000-60.000",
        "Jan-Sep 2025 · pola 2024",
    )
    captions = " ".join(c.value for c in at.caption)
    assert (
        "Perkiraan, bukan data: diperkirakan 53.000-60.000 pengunjung hingga Desember 2025 (dari "
        "Januari-September 2025 dan pola musiman 2024)." in captions
    )
    charts = " ".join(c.proto.spec for c in at.get("plotly_chart"))
    assert "53.000" not in charts and "60.000" not in charts  # never drawn as data


def test_trends_page_says_why_there_is_no_estimate(demo_db, open_app):
    at = open_app(demo_db, "pages/2_Tren_dan_Puncak.py", site=demo.BALANGAN, lang="en").run()
    assert not at.exception
    assert not [m for m in at.metric if m.label.startswith("Estimate")]
    captions = " ".join(c.value for c in at.caption)
    assert "No year-end estimate for 2026: there is no complete earlier year" in captions
