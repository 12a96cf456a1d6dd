"""The sidebar and Lokasi over a store of many sites in two provinces (issue 16), in AppTest: a
province (and kabupaten/kota) chosen first, "all sites of the province" as one choice kept in the URL,
and Lokasi's sites grouped by region with the regional roll-up and coverage per site. One office
(the demo) keeps its flat list of sites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mpp.store import db
from tests import province_store as ps


@pytest.fixture(scope="module")
def province_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("province-app") / "province.duckdb"
    with db.connect(path) as con:
        ps.build(con)
    return path


@pytest.fixture
def province(province_file, tmp_path) -> Path:
    path = tmp_path / "province.duckdb"
    shutil.copy(province_file, path)
    return path


# Kalimantan Timur's sites as grouped: by kabupaten/kota, the MPP before its Mini MPP outlets
KALTIM_SITES = [
    *ps.REGIONS[ps.KALTIM][ps.KUKAR],
    ps.LATE_SITE,
    "MPP Kota Balikpapan",
    ps.NEW_SITE,
    "MPP Kota Samarinda",
]


def _sidebar_boxes(at) -> dict:
    return {box.label: box for box in at.sidebar.selectbox}


def _cards(at) -> dict:
    return {m.label: m.value for m in at.metric}


def _rows(at, index: int, key: str) -> dict:
    return {row[key]: row for row in at.dataframe[index].value.to_dict("records")}


def test_the_province_is_chosen_first_and_then_sites_within_it(open_app, province):
    at = open_app(province, "pages/1_Instansi.py").run()
    boxes = _sidebar_boxes(at)
    assert boxes["Provinsi"].value == ps.KALTIM  # the default site's province
    assert boxes["Kabupaten/kota"].value == "*"  # every one of them
    assert at.sidebar.multiselect[0].options == KALTIM_SITES
    assert at.sidebar.multiselect[0].value == [
        "MPP Kota Balikpapan"
    ]  # the office's own site  # Kaltim, by regency
    boxes["Provinsi"].set_value(ps.KALSEL).run()
    assert at.query_params["province"] == ps.KALSEL
    assert at.sidebar.multiselect[0].value == ["MPP Kabupaten Balangan"]  # the first site of the province
    whole = next(t for t in at.sidebar.toggle if t.label.startswith("Semua lokasi"))
    assert whole.label == "Semua lokasi di provinsi Kalimantan Selatan (5)"
    whole.set_value(True).run()
    assert at.query_params["all_sites"] == "1" and not at.sidebar.multiselect  # one choice: no list
    assert _cards(at)["Seluruh kunjungan layanan"] == "14.850"  # five sites x 2.970, Jan-Sep 2025


def test_the_url_reproduces_a_kabupaten_kota_choice(open_app, province):
    at = open_app(
        province, "pages/1_Instansi.py", province=ps.KALSEL, kabkota="Kabupaten Tabalong", all_sites="1"
    ).run()
    assert not at.exception
    assert _sidebar_boxes(at)["Kabupaten/kota"].value == "Kabupaten Tabalong"
    assert any(t.label == "Semua lokasi di Kabupaten Tabalong (2)" for t in at.sidebar.toggle)
    assert _cards(at)["Seluruh kunjungan layanan"] == "5.940"


def test_lokasi_lists_the_provinces_sites_by_region_with_the_roll_up(open_app, province):
    at = open_app(province, "pages/5_Lokasi.py", province=ps.KALTIM).run()
    assert not at.exception
    sites = at.dataframe[0].value
    assert list(sites["Lokasi"]) == KALTIM_SITES  # Kutai Kartanegara first
    assert sites["Kabupaten/kota"].iloc[0] == ps.KUKAR and "Provinsi" not in sites  # one province
    assert any("Lokasi di provinsi Kalimantan Timur (8)" in c.value for c in at.caption)
    rollup = _rows(at, 1, "Kabupaten/kota")
    assert rollup["Seluruh Kalimantan Timur"]["Total Jan-Sep 2025"] == "47.680"
    assert rollup["Seluruh Kalimantan Timur"]["Perubahan sebanding"] == "+10,0%"
    assert rollup["Kota Bontang"]["Perubahan sebanding"] == "–"
    assert any("2 dari 8 lokasi tidak dibandingkan" in c.value for c in at.caption)
    left_out = at.table[0].value  # in the expander: which sites, and why
    assert "MPP Kota Bontang" in left_out.to_string() and "tidak ada data Januari-September 2024" in (
        left_out.to_string()
    )
    coverage = at.dataframe[2].value
    late = coverage.iloc[0]  # the site with a gap first
    assert (late["Lokasi"], late["Jun 2025"], late["Bulan lengkap"]) == (ps.LATE_SITE, "2/3", "8/9")


def test_lokasi_in_english_over_every_province(open_app, province):
    at = open_app(province, "pages/5_Lokasi.py", province="*", lang="en").run()
    assert not at.exception
    assert list(_sidebar_boxes(at))[:2] == ["Province", "Period"]  # no regency/city of every province
    assert [s.value for s in at.subheader][-2:] == ["Regional roll-up", "Reporting coverage per site"]
    rollup = _rows(at, 1, "Province")
    assert rollup["All provinces"]["Total Jan-Sep 2025"] == "62,530"
    assert rollup["All provinces"]["Compared"] == "11"
    sites = at.dataframe[0].value
    assert len(sites) == 13 and sites["Province"].iloc[0] == ps.KALSEL  # every province, by name


def test_one_office_keeps_its_flat_list_and_sees_its_provinces_rolled_up(open_app, demo_db):
    at = open_app(demo_db, "pages/5_Lokasi.py").run()
    assert [box.label for box in at.sidebar.selectbox] == ["Periode", "Sampai bulan"]
    assert not [t for t in at.sidebar.toggle if t.label.startswith("Semua lokasi")]
    rollup = _rows(at, 1, "Provinsi")
    assert rollup["Kalimantan Timur"]["Total Jan-Sep 2025"] == "79.092"
    assert rollup["Kalimantan Selatan"]["Lokasi"] == "1"
    assert rollup["Semua provinsi"]["Perubahan sebanding"] == "+50,0%"
