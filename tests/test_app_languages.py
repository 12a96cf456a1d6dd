"""Numbers in the reader's language where the prose already had them: every chart's labels, hover text
and separators, the upload page's report and the history's tables. An English page writes 41,481 and
24.8%, an Indonesian one 41.481 and 24,8%, never the other's form."""

import json
import re

import pytest

from tests.apptest import log_in, make_accounts
from tests.layout_files import yearly_recap

KUKAR = "MPP Kabupaten Kutai Kartanegara"
CHART_PAGES = [
    ("0_Ringkasan.py", None),
    ("1_Instansi.py", None),
    ("2_Tren_dan_Puncak.py", None),
    ("3_Pertumbuhan.py", None),
    ("4_Kanal.py", KUKAR),  # Balikpapan's files give no channels
    ("5_Lokasi.py", None),
    ("7_Kepuasan.py", None),
]
# 41.481 / 24,8 written the Indonesian way; 41,481 / 24.8 the English way (a year or 2025-07 is neither).
FORMS = {
    "id": re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,])|\d,\d{1,2}(?!\d)"),
    "en": re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.])|\d\.\d{1,2}(?!\d)"),
}
OTHER = {"id": "en", "en": "id"}
SEPARATORS = {"id": ",.", "en": ".,"}
# What a reader sees of a figure: the words on and over it; colours and raw values are left out.
SHOWN = {"text", "hovertext", "customdata", "hovertemplate", "ticktext", "name"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def shown_strings(node, key: str = "") -> list[str]:
    """Every string of a plotly spec a reader sees: labels, hover text, tick text, titles, notes."""
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in shown_strings(v, k)]
    if isinstance(node, list):
        return [s for item in node for s in shown_strings(item, key)]
    return [node] if isinstance(node, str) and key in SHOWN else []


def chart_texts(at) -> tuple[list[str], list[str]]:
    """The charts' separators and every text a reader sees on them."""
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return [s["layout"]["separators"] for s in specs], [text for s in specs for text in shown_strings(s)]


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize(("page", "site"), CHART_PAGES)
def test_charts_write_numbers_in_the_pages_language(demo_db, open_app, page, site, lang):
    params = {"lang": lang} | ({"site": site} if site else {})
    at = open_app(demo_db, f"pages/{page}", **params).run()
    assert not at.exception, [e.value for e in at.exception]
    separators, texts = chart_texts(at)
    assert separators and set(separators) == {SEPARATORS[lang]}
    wrong = [text for text in texts if FORMS[OTHER[lang]].search(text)]
    assert wrong == [], wrong[:5]
    assert any(FORMS[lang].search(text) for text in texts), "the charts show figures in the page's form"


@pytest.mark.parametrize(
    ("lang", "label", "hover"),
    [
        ("en", "11,315 (24.8%)", "Disdukcapil<br>11,315 service visits · 24.8%<br>January-September 2025"),
        ("id", "11.315 (24,8%)", "Disdukcapil<br>11.315 kunjungan layanan · 24,8%<br>Januari-September 2025"),
    ],
)
def test_agency_bars_and_donut_in_the_pages_language(demo_db, open_app, lang, label, hover):
    at = open_app(demo_db, "pages/1_Instansi.py", lang=lang).run()
    traces = [trace for chart in at.get("plotly_chart") for trace in json.loads(chart.proto.spec)["data"]]
    bars = next(trace for trace in traces if trace["type"] == "bar")
    assert bars["text"][0] == label
    pie = next(trace for trace in traces if trace["type"] == "pie")
    assert pie["hovertext"][0] == hover


@pytest.fixture
def analyst_page(demo_db, open_app):
    """A page opened in English by an analyst who has logged in."""
    make_accounts(demo_db, "analyst")

    def open_(page: str):
        at = log_in(open_app(demo_db, page, lang="en").run(), "ana", "analis-rahasia")
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_


def test_the_upload_report_in_english_writes_english_numbers(analyst_page):
    recap = yearly_recap(
        {"DISDUKCAPIL": [100, "1.263", "-"], "SAMSAT": [5, 6, 7]},
        title="REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2026",
    )
    at = analyst_page("pages/8_Unggah.py")
    at.file_uploader[0].set_value(("rekap_samarinda.xlsx", recap, XLSX)).run()
    assert not at.exception
    facts = " ".join(m.value for m in at.markdown)
    assert "Service visits: **1,381**" in facts
    per_agency = next(d.value for d in at.dataframe if "Agency" in d.value.columns)
    assert per_agency.values.tolist() == [["Disdukcapil", "1,363"], ["Samsat", "18"]]


def test_the_history_in_english_writes_english_numbers(analyst_page):
    at = analyst_page("pages/9_Riwayat.py")
    ledger = at.dataframe[0].value
    figures = " ".join([*ledger["Rows"], *ledger["Total"]])
    assert FORMS["en"].search(figures) and not FORMS["id"].search(figures), figures
    at.selectbox[0].select(1).run()  # the Balikpapan demo load
    preview = at.dataframe[1].value
    now = " ".join(preview["Now"])
    assert FORMS["en"].search(now) and not FORMS["id"].search(now), now
