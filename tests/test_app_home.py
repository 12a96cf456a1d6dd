"""The home page (Ringkasan) in Streamlit's AppTest, on the demo data: the figures a head of office reads."""
import pytest
from streamlit.testing.v1 import AppTest

from tests.live_server import ROOT


@pytest.fixture
def home(demo_db, monkeypatch):
    monkeypatch.setenv("MPP_DB", str(demo_db))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def _metrics(at) -> dict:
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_cards_show_the_seed_figures_the_indonesian_way(home):
    at = home.run()
    assert not at.exception
    cards = _metrics(at)
    assert cards["Pengunjung Januari-September 2025"] == ("41.481", "+92,3%")
    assert cards["Pengunjung Januari-September 2024"][0] == "21.576"
    assert cards["Setahun penuh 2024"][0] == "29.158"
    assert cards["Bulan puncak"] == ("Juli 2025", "6.814 pengunjung")
    assert cards["Instansi aktif"][0] == "27"
    assert cards["Data terakhir"][0] == "September 2025"


def test_full_year_is_labelled_as_a_different_length(home):
    at = home.run()
    captions = " ".join(c.value for c in at.caption)
    assert "Setahun penuh 2024: 12 bulan, periode berbeda panjang" in captions


def test_top_agencies_with_counts_and_shares_and_their_base(home):
    at = home.run()
    table = at.dataframe[-1].value
    assert list(table.iloc[:, 0][:5]) == ["Disdukcapil", "DPMPTSP", "Bankaltimtara", "BPJS Kesehatan",
                                          "Kepolisian"]
    assert list(table.iloc[:, 1][:2]) == ["11.315", "8.767"]
    assert list(table.iloc[:, 2][:5]) == ["24,8%", "19,3%", "18,4%", "14,8%", "9,7%"]
    captions = " ".join(c.value for c in at.caption)
    assert "Pangsa dari seluruh 45.540 kunjungan layanan Januari-September 2025" in captions


def test_says_plainly_that_it_shows_demo_data(home):
    at = home.run()
    assert any("Data demo" in i.value and "MPP Kota Balikpapan" in i.value for i in at.info)


def test_site_and_month_live_in_the_url(home):
    at = home.run()
    assert at.query_params["site"] == "MPP Kota Balikpapan"
    assert at.query_params["through"] == "2025-09"


def test_choosing_an_earlier_month_recomputes_year_to_date(home):
    at = home.run()
    at.sidebar.selectbox[1].select_index(2).run()        # newest first: Sep, Aug, Jul 2025
    cards = _metrics(at)
    assert cards["Pengunjung Januari-Juli 2025"][0] == "30.798"
    assert at.query_params["through"] == "2025-07"


def test_english_switch(home):
    home.query_params["lang"] = "en"
    at = home.run()
    cards = _metrics(at)
    assert cards["Visitors January-September 2025"][0] == "41.481"
    assert "Peak month" in cards


def test_another_site_from_the_url(home):
    home.query_params["site"] = "MPP Kabupaten Kutai Kartanegara"
    at = home.run()
    assert not at.exception
    assert any(label.startswith("Pengunjung Januari-Oktober 2026") for label in _metrics(at))
