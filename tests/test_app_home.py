"""The home page (Ringkasan) in Streamlit's AppTest, on the demo data: the figures a head of office reads."""

import re

import pytest

from mpp.period import Measure
from tests.apptest import open_page


@pytest.fixture
def home(demo_db, open_app):
    return open_app(demo_db)


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
    assert list(table["Instansi"][:5]) == [
        "Disdukcapil",
        "DPMPTSP",
        "Bankaltimtara",
        "BPJS Kesehatan",
        "Kepolisian",
    ]
    assert list(table["Kunjungan layanan"][:2]) == ["11.315", "8.767"]
    assert list(table["Pangsa"][:5]) == ["24,8%", "19,3%", "18,4%", "14,8%", "9,7%"]
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
    at.sidebar.selectbox[1].select_index(2).run()  # newest first: Sep, Aug, Jul 2025
    cards = _metrics(at)
    assert cards["Pengunjung Januari-Juli 2025"][0] == "30.798"
    assert at.query_params["through"] == "2025-07"


def test_english_switch(home):
    home.query_params["lang"] = "en"
    at = home.run()
    cards = _metrics(at)
    assert cards["Visitors January-September 2025"][0] == "41,481"
    assert cards["Against September 2024 (year on year)"] == ("+126.3%", "Sep 2024: 2,458")
    assert "Peak month" in cards


# A number written the Indonesian way (41.481; 92,3) or the English way (41,481; 92.3).
INDONESIAN_NUMBER = re.compile(r"\d\.\d{3}(?!\d)|\d,\d{1,2}(?!\d)")
ENGLISH_NUMBER = re.compile(r"\d,\d{3}(?!\d)|\d\.\d{1,2}(?!\d)")


def _written(at) -> str:
    """The overview's cards (value and delta), captions, markdown and tables as text."""
    cards = [f"{m.value} {m.delta or ''}" for m in at.metric]
    prose = [e.value for e in (*at.markdown, *at.caption, *at.info, *at.warning)]
    tables = [" ".join(map(str, frame.value.to_numpy().ravel())) for frame in at.dataframe]
    return "\n".join(cards + prose + tables)


def test_each_language_writes_its_own_numbers(home):
    """English cards, captions and tables write 41,481 and 126.3%; Indonesian 41.481 and 126,3%."""
    indonesian = _written(home.run())
    assert "41.481" in indonesian and ENGLISH_NUMBER.findall(indonesian) == []
    home.query_params["lang"] = "en"
    english = _written(home.run())
    assert "41,481" in english and INDONESIAN_NUMBER.findall(english) == []


def test_another_site_from_the_url(home):
    home.query_params["site"] = "MPP Kabupaten Kutai Kartanegara"
    at = home.run()
    assert not at.exception
    assert any(label.startswith("Pengunjung Januari-Oktober 2026") for label in _metrics(at))


def test_partial_october_shows_a_badge_and_the_complete_months_figures(home):
    """The demo holds October 2025 for 26 of Balikpapan's 27 agencies: a provisional month."""
    at = home.run()
    badges = " ".join(m.value for m in at.markdown)
    assert "September 2025: 27 dari 27 instansi melapor" in badges
    assert "Oktober 2025 belum lengkap (sementara): 26 dari 27 instansi melapor" in badges
    cards = _metrics(at)
    assert cards["Pengunjung September 2025"][0] == "5.563"
    assert cards["Terhadap September 2024 (tahun ke tahun)"] == ("+126,3%", "Sep 2024: 2.458")
    assert cards["Terhadap Agustus 2025 (bulan sebelumnya)"] == ("+8,7%", "Agu 2025: 5.120")
    assert cards["Pengunjung Januari-September 2025"] == ("41.481", "+92,3%")
    assert not any("sementara" in label for label in cards)
    assert at.query_params["through"] == "2025-09"
    risers = at.dataframe[0].value
    assert list(risers.iloc[:, 0]) == ["Disdukcapil", "DPMPTSP", "Bankaltimtara"]
    assert list(risers.iloc[0, 1:]) == ["730", "1.638", "+908", "+124,4%"]


def test_including_the_provisional_month_marks_every_figure_sementara(home):
    at = home.run()
    at.sidebar.radio[1].set_value(Measure.SERVICE_VISITS).run()
    at.sidebar.toggle[0].set_value(True).run()
    cards = _metrics(at)
    assert at.query_params["through"] == "2025-10" and at.query_params["partial"] == "1"
    assert cards["Kunjungan layanan Oktober 2025 (sementara)"][0] != "–"
    assert "Kunjungan layanan Januari-Oktober 2025 (sementara)" in cards
    assert any("sementara" in w.value and "Oktober 2025" in w.value for w in at.warning)
    at.switch_page("pages/1_Instansi.py").run()  # the choice holds on the next page
    assert at.query_params["partial"] == "1" and at.query_params["through"] == "2025-10"
    assert any("sementara" in w.value and "Oktober 2025" in w.value for w in at.warning)


def test_the_pair_names_balikpapan_as_left_out(home):
    home.query_params["site"] = ["MPP Kota Balikpapan", "MPP Kabupaten Kutai Kartanegara"]
    at = home.run()
    cards = _metrics(at)
    assert cards["Pengunjung Januari-Oktober 2026"][1] == "+7,8%"
    captions = " ".join(c.value for c in at.caption)
    assert "tidak dibandingkan: MPP Kota Balikpapan: tidak ada data Januari-Oktober 2026" in captions


def test_a_quarter_is_compared_with_the_same_quarter_a_year_earlier(home):
    home.query_params.update(period="quarter", through="2025-09")
    at = home.run()
    cards = _metrics(at)
    assert cards["Pengunjung Juli-September 2025"][0] == "17.497"
    assert "Pengunjung Juli-September 2024" in cards
    assert any("Triwulan III 2025 (Juli-September 2025)" in s.value for s in at.subheader)


def test_the_selection_survives_moving_to_another_page_and_back(home):
    home.query_params.update(
        site="MPP Kabupaten Kutai Kartanegara", period="semester", through="2026-06", lang="en"
    )
    at = home.run()
    at.switch_page("pages/1_Instansi.py").run()
    assert not at.exception
    assert at.query_params["site"] == "MPP Kabupaten Kutai Kartanegara"
    assert at.query_params["period"] == "semester" and at.query_params["through"] == "2026-06"
    assert at.query_params["lang"] == "en"
    at.switch_page("pages/0_Ringkasan.py").run()
    assert any(label.startswith("Visitors January-June 2026") for label in _metrics(at))


def test_a_full_year_over_a_site_that_opened_in_december_says_so(home):
    home.query_params["site"] = "MPP Kabupaten Balangan"
    at = home.run()
    assert _metrics(at)["Setahun penuh 2025"][0] == "940"
    captions = " ".join(c.value for c in at.caption)
    assert (
        "Setahun penuh 2025 belum lengkap: MPP Kabupaten Balangan: data hanya Desember 2025 (1 bulan)"
        in captions
    )


def test_a_growth_card_holds_the_figure_of_the_sites_it_compares(home):
    """Kutai with a Mini MPP opened in 2026: the rate is Kutai's alone (like for like), so the card
    beside it shows Kutai's figure, and the selection's total is said apart."""
    from mpp.demo.visits import MINI_MPP

    mini = next(iter(MINI_MPP))
    home.query_params["site"] = ["MPP Kabupaten Kutai Kartanegara", mini]
    at = home.run()
    assert not at.exception
    alone = open_page(site="MPP Kabupaten Kutai Kartanegara")  # over the same store as home
    kutai = _metrics(alone.run())["Pengunjung Januari-Oktober 2026"]
    pair = _metrics(at)["Pengunjung Januari-Oktober 2026"]
    assert pair == kutai and pair[1] == "+7,8%"
    captions = " ".join(c.value for c in at.caption)
    assert "Jumlah seluruh lokasi terpilih, Januari-Oktober 2026: " in captions


def test_month_on_month_over_other_sites_than_the_first_card_names_its_own_figures(home):
    """Kutai with the Loa Janan outlet: October against October compares Kutai alone (the outlet
    opened in 2026) but October against September compares both; each rate card shows its own pair."""
    home.query_params["site"] = ["MPP Kabupaten Kutai Kartanegara", "Mini MPP Kecamatan Loa Janan"]
    at = home.run()
    cards = _metrics(at)
    assert cards["Pengunjung Oktober 2026"][0] == "5.251"
    assert cards["Terhadap September 2026 (bulan sebelumnya)"] == (
        "+1,7%",
        "Okt 2026: 5.803 · Sep 2026: 5.705",
    )
    assert cards["Terhadap Oktober 2025 (tahun ke tahun)"] == ("+2,3%", "Okt 2025: 5.135")
