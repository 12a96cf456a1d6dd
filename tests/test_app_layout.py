"""What a reader sees of the page-layout fixes (issue 14), in AppTest on the demo data: the top-agencies
table with its change and downloads, the growth cards naming both periods, sites without data saying
since when they exist, the agency chosen from the URL, the load history's survey rows, and the print
footer."""

import pytest

from tests.apptest import as_analyst
from ui.base import css_string

BALIKPAPAN = "MPP Kota Balikpapan"


@pytest.fixture
def page(demo_db, open_app):
    def run(name: str, **params):
        return open_app(demo_db, f"pages/{name}", **params).run()

    return run


def _html(at) -> str:
    return " ".join(e.proto.body for e in at.get("html"))


def test_overview_top_agencies_have_a_change_column_beside_the_figure_and_downloads(page):
    at = page("0_Ringkasan.py")
    assert not at.exception
    table = at.dataframe[-1].value
    assert list(table.columns[:3]) == ["Instansi", "Kunjungan layanan", "Perubahan terhadap Jan-Sep 2024"]
    first = table.iloc[0]
    assert (first["Instansi"], first["Kunjungan layanan"], first["Jan-Sep 2024"]) == (
        "Disdukcapil",
        "11.315",
        "6.315",
    )
    assert first["Perubahan terhadap Jan-Sep 2024"] == "+79,2%"
    assert len(table) == 10
    downloads = [(b.label, b.proto.id) for b in at.get("download_button")]
    assert [label for label, key in downloads if "ringkasan-instansi" in key] == ["CSV", "XLSX"]


def test_growth_cards_say_what_they_compare(page):
    at = page("3_Pertumbuhan.py")
    cards = {m.label: m.proto.delta_description for m in at.metric}
    assert cards["Tahun kalender Januari-September 2025"] == (
        "Januari-September 2025 terhadap Januari-September 2024 (21.576)"
    )
    # No data a year earlier: said in words, not "(–)".
    assert cards["Setahun penuh 2024"] == (
        "Januari-Desember 2024; belum ada data Januari-Desember 2023 untuk dibandingkan"
    )
    assert "(–)" not in " ".join(cards.values())


def test_growth_cards_in_english(page):
    at = page("3_Pertumbuhan.py", lang="en")
    cards = {m.label: m.proto.delta_description for m in at.metric}
    assert cards["Full year 2024"] == "January-December 2024; no January-December 2023 data to compare with"


def test_sites_without_data_say_so_and_since_when(page):
    at = page("5_Lokasi.py")
    table = at.dataframe[0].value.set_index("Lokasi")
    assert table.at["Mini MPP Kecamatan Kota Bangun", "Keterangan"] == (
        "belum ada data pengunjung · ada sejak April 2026"
    )
    assert table.at[BALIKPAPAN, "Keterangan"] == ""
    captions = " ".join(c.value for c in at.caption)
    assert "Mini MPP Kecamatan Loa Janan: belum ada data pengunjung · ada sejak Januari 2026" in captions


def test_agencies_page_says_its_measure_and_keeps_the_readers_choice_for_other_pages(page):
    at = page("1_Instansi.py", measure="visitors")
    assert not [r for r in at.sidebar.radio if r.label == "Ukuran"]
    assert any("Ukuran di halaman ini: kunjungan layanan" in c.value for c in at.sidebar.caption)
    assert at.query_params["measure"] == "visitors"


def test_the_agency_in_the_url_is_chosen_and_a_choice_goes_to_the_url(page):
    at = page("1_Instansi.py", agency="Kepolisian")
    box = next(s for s in at.selectbox if s.label == "Instansi")
    assert box.value == "Kepolisian"
    assert any("Kepolisian" in c.proto.spec for c in at.get("plotly_chart"))
    box.select("Bankaltimtara").run()
    assert at.query_params["agency"] == "Bankaltimtara"


def test_an_unknown_agency_in_the_url_falls_back_to_the_first(page):
    at = page("1_Instansi.py", agency="Tidak Ada")
    assert next(s for s in at.selectbox if s.label == "Instansi").value == "Disdukcapil"


def test_figure_pages_carry_a_print_footer_with_site_period_source_and_date(page):
    at = page("3_Pertumbuhan.py")
    footer = _html(at)  # a margin box of the printed sheet: @page { @bottom-left { content: "..." } }
    assert "@bottom-left" in footer
    assert (
        css_string(f"Pantau MPP · {BALIKPAPAN} · pengunjung Januari-September 2025 · Sumber: ")[:-1] in footer
    )
    assert "Dicetak " in footer


def test_a_name_from_data_cannot_leave_the_footers_css_string():
    quoted = css_string('A" } body { x: "</style><script>')
    inner = quoted[1:-1]
    assert quoted[0] == quoted[-1] == '"'
    assert not set('"<>{}') & set(inner)


@pytest.fixture
def history(demo_db, open_app):
    return as_analyst(open_app, demo_db, "pages/9_Riwayat.py")


def test_history_puts_what_a_load_did_first_and_counts_survey_respondents(history):
    ledger = history.dataframe[0].value
    assert list(ledger.columns[:7]) == ["Muatan", "Waktu", "Lokasi", "Periode", "Baris", "Total", "Status"]
    survey = ledger[ledger["Berkas"] == "demo SKM: MPP Kota Balikpapan"].iloc[0]
    assert survey["Total"] == f"{survey['Baris']} responden"
    visits = ledger[ledger["Berkas"] == "demo: MPP Kota Balikpapan"].iloc[0]
    assert visits["Total"] == "148.794"
