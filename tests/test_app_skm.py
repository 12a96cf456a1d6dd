"""The Kepuasan page in Streamlit's AppTest: the demo indices (95,20 and 93,11) and a published table
(Banyuwangi), with every figure written the Indonesian way."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mpp.access.accounts import COMMAND_LINE
from mpp.store import db

PAGE = "pages/7_Kepuasan.py"
BANYUWANGI = Path(__file__).resolve().parents[2] / "shared" / "real-data" / "banyuwangi_ikm_kecamatan.xlsx"


def run_page(path, open_app, **params) -> AppTest:
    return open_app(path, PAGE, **params).run()


def cards(at) -> dict:
    return {m.label: (m.value, m.delta) for m in at.metric}


def specs(at) -> str:
    return " ".join(c.proto.spec for c in at.get("plotly_chart"))


def test_balikpapan_2024_is_95_20_with_grade_priority_and_charts(demo_db, open_app):
    at = run_page(demo_db, open_app, site="MPP Kota Balikpapan")
    assert not at.exception
    assert cards(at)["IKM Januari-September 2025"][0] == "95,62"  # the latest year, surveyed to September
    at.sidebar.selectbox[1].select("2024").run()
    shown = cards(at)
    assert shown["IKM 2024"] == ("95,20", "A (Sangat Baik)")
    assert shown["Mutu pelayanan"] == ("A", "Sangat Baik")
    assert shown["Responden"][0] == "500"
    assert shown["Prioritas perbaikan"][0] == "U3 Waktu"
    charts = specs(at)
    assert "U3 Waktu" in charts and "3,71" in charts and "95,20 (A)" in charts
    assert '"separators":",."' in charts.replace(" ", "")
    sex = at.dataframe[0].value
    assert list(sex.columns) == ["Jenis kelamin", "Responden", "IKM"]


def test_kutai_kartanegara_2023_is_93_11(demo_db, open_app):
    at = run_page(demo_db, open_app, site="MPP Kabupaten Kutai Kartanegara")
    at.sidebar.selectbox[1].select("2023").run()
    assert cards(at)["IKM Februari-Desember 2023"] == ("93,11", "A (Sangat Baik)")  # opened in February
    assert cards(at)["Responden"][0] == "2.500"


def test_english_labels_and_english_numbers(demo_db, open_app):
    at = run_page(demo_db, open_app, site="MPP Kota Balikpapan", lang="en")
    at.sidebar.selectbox[1].select("2024").run()
    assert cards(at)["Service quality"] == ("A", "Very good")
    assert cards(at)["IKM 2024"][0] == "95.20"
    assert "95.20 (A)" in specs(at) and "3.71" in specs(at) and "95,20" not in specs(at)
    assert all("." in v and "," not in v for v in at.dataframe[0].value["IKM"])
    assert cards(at)["Priority to improve"][0] == "U3 Time"  # survey labels follow the language too
    assert "U3 Time" in specs(at) and "U3 Waktu" not in specs(at)
    sex = at.dataframe[0].value
    assert set(sex["Sex"]) == {"Male", "Female"}


def test_a_published_table_shows_its_periods_and_units(demo_db, open_app):
    if not BANYUWANGI.is_file():
        pytest.skip(f"real office file missing: {BANYUWANGI}")
    from loaders.load import load_skm

    with db.connect(demo_db) as con:
        assert load_skm(con, BANYUWANGI, site="MPP Kabupaten Banyuwangi", actor=COMMAND_LINE).ok
    at = run_page(demo_db, open_app, site="MPP Kabupaten Banyuwangi")
    assert not at.exception
    assert cards(at)["IKM 2022 D"] == ("88,97", "A (Sangat Baik)")
    charts = specs(at)
    assert all(t in charts for t in ("86,20 (B)", "84,82 (B)", "89,80 (A)", "Wongsorejo", "79,43 (B)"))
    at.sidebar.selectbox[1].select("2021").run()
    assert cards(at)["IKM 2021"] == ("84,82", "B (Baik)")
    english = run_page(demo_db, open_app, site="MPP Kabupaten Banyuwangi", lang="en")
    english.sidebar.selectbox[1].select("2021").run()
    assert cards(english)["Service quality"] == ("B", "Good")


@pytest.mark.parametrize(
    "lang, card, sentence",
    [
        (
            "id",
            "IKM {period}",
            "Indeks Kepuasan Masyarakat (IKM) MPP Kota Balikpapan {period} tercatat {value}",
        ),
        (
            "en",
            "IKM {period}",
            "The public satisfaction index (IKM) of MPP Kota Balikpapan for {period} was {value}",
        ),
    ],
)
def test_the_page_and_the_press_statement_name_the_index_alike(demo_db, open_app, lang, card, sentence):
    """One label for one figure: the Kepuasan card and the Siaran Pers sentence give 95,62 for the
    same period, named the same way ('Januari-September 2025', the months the answers cover)."""
    at = run_page(demo_db, open_app, site="MPP Kota Balikpapan", lang=lang)
    label, (value, _) = next((k, v) for k, v in cards(at).items() if k.startswith("IKM "))
    period = label.removeprefix("IKM ")
    assert period == {"id": "Januari-September 2025", "en": "January-September 2025"}[lang]
    press = open_app(demo_db, "pages/6_Siaran_Pers.py", site="MPP Kota Balikpapan", lang=lang).run()
    statement = " ".join(m.value for m in press.markdown)
    assert sentence.format(period=period, value=value) in statement
