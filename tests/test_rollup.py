"""Regions and the provincial roll-up (issue 16) on a real DuckDB store of thirteen sites in two
provinces (tests/province_store.py): totals per province and per kabupaten/kota, growth like for like
over the sites complete in both periods only, the sites left out named with the reason, and each
site's coverage month by month."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from mpp.period import Measure, Period
from mpp.reference import regions
from mpp.reference.regions import UNKNOWN, Area
from mpp.reference.sites import Site, ensure_site, list_sites
from mpp.store import db
from mpp.visits.rollup import coverage_grid, excluded_table, province_rollup
from tests import province_store as ps

JAN_SEP_2025 = Period(date(2025, 1, 1), date(2025, 9, 1))
SV = Measure.SERVICE_VISITS


@pytest.fixture(scope="module")
def province_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("province") / "province.duckdb"
    with db.connect(path) as con:
        ps.build(con)
    return path


@pytest.fixture
def province(province_file):
    with db.connect(province_file, read_only=True) as con:
        yield con


def _rows(rollup, lang: str = "id") -> dict[str, dict]:
    return {row["group"]: row for row in rollup.table(lang).to_dict("records")}


def test_each_province_sums_what_its_sites_reported_and_grows_like_for_like(province):
    rollup = province_rollup(province, JAN_SEP_2025, SV)
    rows = _rows(rollup)
    assert list(rows) == [ps.KALSEL, ps.KALTIM, "Semua provinsi"]
    kaltim = rows[ps.KALTIM]
    # six sites x 3 agencies x 110 x 9 months, Bontang's 27.000 and Paser's 2.970 less one month of Samsat
    assert kaltim["total"] == 6 * 2970 + 27000 + 2970 - 110
    assert (kaltim["sites"], kaltim["complete"], kaltim["compared"]) == (8, 7, 6)
    # like for like: Bontang (+1.000 a month per agency, no 2024) and Paser are left out, so +10 %
    assert (kaltim["current"], kaltim["base"]) == (6 * 2970, 6 * 2700)
    assert round(kaltim["change_pct"], 1) == 10.0
    assert rows[ps.KALSEL]["total"] == 5 * 2970 and round(rows[ps.KALSEL]["change_pct"], 1) == 10.0
    whole = rows["Semua provinsi"]
    assert (whole["sites"], whole["compared"], whole["current"]) == (13, 11, 11 * 2970)


def test_the_sites_left_out_are_named_with_the_reason(province):
    rollup = province_rollup(province, JAN_SEP_2025, SV)
    assert sorted(e.text() for e in rollup.excluded) == [
        "MPP Kabupaten Paser: data Januari-September 2025 belum lengkap",
        "MPP Kota Bontang: tidak ada data Januari-September 2024",
    ]
    left_out = excluded_table(rollup, "en").set_index("name")
    assert left_out.at[ps.NEW_SITE, "why"] == "no data for January-September 2024"
    assert left_out.at[ps.NEW_SITE, "kabupaten_kota"] == "Kota Bontang"


def test_one_province_is_summed_per_kabupaten_kota(province):
    rollup = province_rollup(province, JAN_SEP_2025, SV, Area(ps.KALTIM))
    rows = _rows(rollup, "en")
    assert rollup.level == "kabupaten_kota"
    assert list(rows)[-1] == "All of Kalimantan Timur"
    assert rows[ps.KUKAR]["sites"] == 4 and round(rows[ps.KUKAR]["change_pct"], 1) == 10.0
    bontang = rows["Kota Bontang"]
    assert bontang["total"] == 27000 and bontang["compared"] == 0 and pd.isna(bontang["change_pct"])
    assert set(rollup.sites["name"]) == set(ps.SITES[:8])  # the province's sites only


def test_no_site_complete_in_both_periods_gives_no_growth(province):
    rollup = province_rollup(province, JAN_SEP_2025, SV, Area(ps.KALTIM, "Kota Bontang"))
    (row,) = rollup.table().to_dict("records")  # one group: no whole row beside it
    assert row["group"] == "Kota Bontang" and row["total"] == 27000 and pd.isna(row["change_pct"])


def test_coverage_per_site_month_by_month(province):
    grid = coverage_grid(province_rollup(province, JAN_SEP_2025, SV, Area(ps.KALTIM))).set_index("name")
    assert grid.at[ps.LATE_SITE, "Jun 2025"] == "2/3" and grid.at[ps.LATE_SITE, "Mei 2025"] == "✓"
    assert grid.at[ps.LATE_SITE, "complete_months"] == "8/9"
    a_year_earlier = coverage_grid(province_rollup(province, JAN_SEP_2025.shift_years(-1), SV), "en")
    bontang = a_year_earlier.set_index("name").loc[ps.NEW_SITE]
    assert bontang["Jan 2024"] == "–" and bontang["complete_months"] == "0/9"  # not open yet


def test_a_site_without_a_province_is_grouped_and_named_as_such(province_file, tmp_path):
    path = tmp_path / "store.duckdb"
    shutil.copy(province_file, path)
    with db.connect(path) as con:
        ensure_site(con, Site("MPP Tanpa Wilayah"))
        sites = regions.region_frame(list_sites(con))
        assert regions.provinces(sites) == [ps.KALSEL, ps.KALTIM, UNKNOWN]
        assert regions.sites_in(sites, Area(UNKNOWN)) == ["MPP Tanpa Wilayah"]
        rows = _rows(province_rollup(con, JAN_SEP_2025, SV))
    assert rows["Provinsi belum diisi"]["sites"] == 1 and pd.isna(rows["Provinsi belum diisi"]["total"])


def test_sites_are_chosen_by_region_only_in_a_store_of_many(province, demo_con):
    sites = regions.region_frame(list_sites(province))
    assert regions.grouped(sites) and not regions.grouped(list_sites(demo_con))
    assert regions.regencies(sites, ps.KALSEL) == [
        "Kabupaten Balangan",
        "Kabupaten Tabalong",
        "Kota Banjarbaru",
        "Kota Banjarmasin",
    ]
    assert regions.sites_in(sites, Area(ps.KALSEL, "Kabupaten Tabalong")) == [
        "MPP Kabupaten Tabalong",
        "Mini MPP Kecamatan Murung Pudak",
    ]
    assert regions.sites_in(sites, Area())[:2] == ["MPP Kabupaten Balangan", "MPP Kabupaten Tabalong"]
