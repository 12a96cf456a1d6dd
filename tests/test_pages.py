"""Every page in Streamlit's AppTest on the demo data. The first test is generated from pages/*.py, so
a page another engineer adds is covered too; the others check the figures a head of office reads."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mpp import fmt
from mpp.present import charts
from mpp.store import db
from tests.live_server import ROOT

PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
KUKAR = "MPP Kabupaten Kutai Kartanegara"
OURS = ["1_Instansi.py", "2_Tren_dan_Puncak.py", "3_Pertumbuhan.py", "4_Kanal.py", "5_Lokasi.py"]


@pytest.fixture
def open_page(demo_db, open_app):
    def run(page: str, **params) -> AppTest:
        return open_app(demo_db, f"pages/{page}", **params).run()

    return run


def _cards(at) -> dict:
    return {m.label: (m.value, m.delta) for m in at.metric}


def _texts(at, kind: str) -> str:
    return " ".join(e.value for e in getattr(at, kind))


def _table(at, index: int) -> list[list[str]]:
    return at.dataframe[index].value.values.tolist()


def _chart_specs(at) -> str:
    """Every chart's plotly JSON, which is what the browser draws."""
    return " ".join(c.proto.spec for c in at.get("plotly_chart"))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_runs_on_the_demo_data(open_page, page, lang):
    at = open_page(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title or at.main.text_input, "the page shows a title or its login form"


def test_agencies_ranked_with_share_base_and_change(open_page):
    at = open_page("1_Instansi.py")
    assert _cards(at)["Instansi teratas"] == ("Disdukcapil", "11.315 · 24,8%")
    assert _cards(at)["Seluruh kunjungan layanan"][0] == "45.540"
    rows = _table(at, 0)
    # on screen the change stands beside the figure, so a phone shows it without scrolling sideways
    assert rows[0] == ["1", "Disdukcapil", "11.315", "+79,2%", "24,8%", "6.315"]
    assert [r[4] for r in rows[:5]] == ["24,8%", "19,3%", "18,4%", "14,8%", "9,7%"]
    assert "Pangsa dari seluruh 45.540 kunjungan layanan Januari-September 2025" in _texts(at, "caption")
    specs = _chart_specs(at)
    assert "Lainnya (17)" in specs and "11.315 (24,8%)" in specs


def test_one_agency_trend_and_no_services_said_plainly(open_page):
    at = open_page("1_Instansi.py")
    assert "1.901" in _chart_specs(at)  # Disdukcapil, July 2025
    assert "tidak memuat jenis layanan" in _texts(at, "info")


def test_trend_peak_is_july_2025(open_page):
    at = open_page("2_Tren_dan_Puncak.py")
    assert _cards(at)["Bulan puncak"] == ("Juli 2025", "6.814 pengunjung")
    peaks = _table(at, 0)
    assert peaks[:3] == [
        ["1", "Juli 2025", "6.814"],
        ["2", "September 2025", "5.563"],
        ["3", "Agustus 2025", "5.120"],
    ]
    assert "Pola harian tidak tersedia" in _texts(at, "info")  # Balikpapan reports monthly
    assert "6.814" in _chart_specs(at)


def test_trend_with_daily_data_shows_the_weekday_pattern(open_page):
    at = open_page("2_Tren_dan_Puncak.py", site=KUKAR)
    assert "Hari tersibuk" in _cards(at)
    assert "Senin" in _chart_specs(at) and not at.info[1:]


def test_measure_choice_lives_in_the_url(open_page):
    at = open_page("2_Tren_dan_Puncak.py", measure="service_visits")
    assert at.query_params["measure"] == "service_visits"
    assert _cards(at)["Bulan puncak"][1].endswith("kunjungan layanan")


def test_growth_like_for_like_and_unequal_periods_labelled(open_page):
    at = open_page("3_Pertumbuhan.py")
    cards = _cards(at)
    assert cards["Tahun kalender Januari-September 2025"] == ("41.481", "+92,3%")
    assert cards["Jan-Sep 2025 terhadap setahun 2024"] == ("41.481", "tanpa angka pertumbuhan")
    compares = {m.label: m.proto.delta_description for m in at.metric}  # said on the card itself
    assert compares["Tahun kalender Januari-September 2025"] == (
        "Januari-September 2025 terhadap Januari-September 2024 (21.576)"
    )
    assert "belum ada data Januari-Desember 2023 untuk dibandingkan" in compares["Setahun penuh 2024"]
    captions = _texts(at, "caption")
    assert "periode tidak setara (9 bulan terhadap 12 bulan): bukan pertumbuhan" in captions
    assert ["Juli 2025", "6.814", "+173,3%", "2.493"] in _table(at, 0)


def test_channels_walk_in_against_online(open_page, demo_db):
    at = open_page("4_Kanal.py", site=KUKAR, through="2026-10")
    cards = _cards(at)
    assert cards["Antrean langsung"][0] == "33.245" and cards["Antrean online"][0] == "18.348"
    assert cards["Porsi online"][0] == "35,6%"
    outcomes = "SELECT sum(cancelled), sum(no_show) FROM monthly_queue_outcomes WHERE site = ? AND "
    with db.connect(demo_db, read_only=True) as con:
        year = con.execute(outcomes + "month >= DATE '2026-01-01'", [KUKAR]).fetchall()[0]
        july = con.execute(outcomes + "month = DATE '2026-07-01'", [KUKAR]).fetchall()[0]
    assert cards["Pembatalan online"][0] == fmt.number(year[0])
    assert cards["Tidak hadir"][0] == fmt.number(year[1])
    assert [
        "Juli 2026",
        "3.805",
        "2.348",
        "6.153",
        "38,2%",
        fmt.number(july[0]),
        fmt.number(july[1]),
    ] in _table(at, 0)
    assert "ditampilkan di samping kanal, di luar total" in _texts(at, "caption")


def test_channels_say_so_where_a_site_has_none(open_page):
    at = open_page("4_Kanal.py")
    assert "tidak memuat kanal antrean" in _texts(at, "info") and not at.dataframe


def test_sites_side_by_side(open_page):
    at = open_page("5_Lokasi.py")
    rows = {r[0]: r for r in _table(at, 0)}
    assert rows["MPP Kota Balikpapan"][1:] == ["41.481", "+92,3%", "21.576", "173", "239,8", "100,0%", ""]
    assert rows["Mini MPP Kecamatan Loa Janan"][1:] == ["–"] * 6 + [  # opened in 2026
        "belum ada data pengunjung · ada sejak Januari 2026"
    ]


def test_sites_with_mini_mpp_share_of_the_regency(open_page):
    at = open_page("5_Lokasi.py", site=KUKAR, through="2026-09")
    rows = {r[0]: r for r in _table(at, 0)}
    assert rows["Mini MPP Kecamatan Loa Janan"][1] == "4.464"
    assert rows["Mini MPP Kecamatan Loa Janan"][-2] == "8,5%"
    assert rows[KUKAR][-2] == "77,9%"


def test_pages_speak_english_with_english_numbers(open_page):
    at = open_page("1_Instansi.py", lang="en")
    assert at.title[0].value == "Agencies"
    assert _cards(at)["Top agency"] == ("Disdukcapil", "11,315 · 24.8%")
    assert _cards(at)["All service visits"][0] == "45,540"


def test_chart_specs_carry_the_indonesian_locale(open_page):
    at = open_page("2_Tren_dan_Puncak.py")
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec)["layout"]
        assert layout["separators"] == ",."


def test_an_english_page_draws_its_charts_toolbar_in_english(open_page):
    for lang in ("en", "id"):
        charts_drawn = open_page("1_Instansi.py", lang=lang).get("plotly_chart")
        assert charts_drawn and {json.loads(c.proto.config)["locale"] for c in charts_drawn} == {lang}


def test_home_page_follows_the_measure_choice(open_app, demo_db):
    # the demo's October 2025 is partial (26 of 27 agencies)
    at = open_app(demo_db, measure="service_visits", through="2025-09").run()
    assert not at.exception
    assert _cards(at)["Kunjungan layanan Januari-September 2025"][0] == "45.540"


@pytest.fixture
def small_office(tmp_path) -> Path:
    """A new office's first upload: one site, two agencies, three months, no visitors count."""
    from datetime import date

    import pandas as pd

    from mpp.reference.agencies import ensure_agency
    from mpp.reference.sites import Site, ensure_site
    from mpp.store import db, ledger

    path = tmp_path / "small.duckdb"
    with db.connect(path) as con:
        site = ensure_site(con, Site("MPP Kecil", working_days_per_week=6))
        ids = [ensure_agency(con, "Disdukcapil"), ensure_agency(con, "Samsat")]
        load = ledger.record_load(
            con, ledger.LoadRecord("a.xlsx", "a", "test", "service_visits", "MPP Kecil", None, None)
        )
        rows = [
            (site, a, date(2026, m, 1), "month", service, None, 50 * m + a)
            for a in ids
            for m in (1, 2, 3)
            for service in ("KTP-el", "Kartu Keluarga")
        ]
        ledger.write_facts(con, load, pd.DataFrame(rows, columns=ledger.SERVICE_COLUMNS))
    return path


@pytest.mark.parametrize("page", OURS)
def test_our_pages_on_a_small_new_office(open_app, small_office, page):
    at = open_app(small_office, f"pages/{page}").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Januari-Maret 2026" in " ".join(
        [
            _texts(at, "caption"),
            *[m.label + m.value for m in at.metric],
            _chart_specs(at),
            str(at.dataframe[0].value if at.dataframe else ""),
        ]
    ) or "tidak memuat kanal" in _texts(at, "info")


def test_service_visits_measure_on_sites_and_growth(open_page):
    # the demo's October 2025 is partial (26 of 27 agencies): these figures are of January-September
    at = open_page("5_Lokasi.py", measure="service_visits", through="2025-09")
    assert {r[0]: r for r in _table(at, 0)}["MPP Kota Balikpapan"][1] == "45.540"
    at = open_page("3_Pertumbuhan.py", measure="service_visits", through="2025-09")
    assert _cards(at)["Tahun kalender Januari-September 2025"][0] == "45.540"


def test_an_agencys_services_where_the_files_name_them(open_app, small_office):
    at = open_app(small_office, "pages/1_Instansi.py").run()
    services = _table(at, 1)
    assert [row[0] for row in services] == ["KTP-el", "Kartu Keluarga"]
    assert services[0][2] == "50,0%"


def test_growth_over_an_included_provisional_month_says_sementara(open_page):
    """Balikpapan's October 2025 service visits hold 26 of 27 agencies: included at the reader's
    request, every growth figure over it is marked, never a bare rate."""
    at = open_page("3_Pertumbuhan.py", measure="service_visits", partial="1", through="2025-10")
    cards = _cards(at)
    assert "Tahun kalender Januari-Oktober 2025 (sementara)" in cards
    assert any(s.value.endswith("(sementara)") for s in at.subheader)
    at = open_page("3_Pertumbuhan.py", measure="service_visits", through="2025-09")
    assert "Tahun kalender Januari-September 2025" in _cards(at)


def _layouts(at) -> list[dict]:
    return [json.loads(chart.proto.spec)["layout"] for chart in at.get("plotly_chart")]


@pytest.mark.parametrize(
    ("page", "site"),
    [
        *[
            (p, "MPP Kota Balikpapan")
            for p in ["0_Ringkasan.py", *OURS, "7_Kepuasan.py"]
            if p != "4_Kanal.py"
        ],
        ("4_Kanal.py", KUKAR),  # Balikpapan's files give no channels
    ],
)
def test_every_chart_names_its_sites_period_and_source_and_its_png_file(open_page, page, site):
    """A downloaded PNG once carried no site, period or source: the line is in the figure itself, and
    the toolbar's download is named site_period_chart.png."""
    at = open_page(page, site=site)
    region = site.removeprefix("MPP ")
    assert at.get("plotly_chart"), "the page draws charts"
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec)["layout"]
        source = layout["title"]["subtitle"]["text"].replace("<br>", " ")
        assert site in source and f"Sumber: Pantau MPP, data DPMPTSP {region}" in source, source
        assert any(str(year) in source for year in range(2023, 2027)), source  # the period
        assert layout["title"]["pad"]["t"] >= charts.TOOLBAR_BAND  # the toolbar never covers it
        options = json.loads(chart.proto.config)["toImageButtonOptions"]
        assert options["filename"].startswith(site.lower().replace(" ", "-")), options


def test_trend_titles_name_the_years_and_the_donut_hover_reads_whole(open_page):
    titles = [
        layout["title"]["text"].replace("<br>", " ") for layout in _layouts(open_page("2_Tren_dan_Puncak.py"))
    ]
    assert "Pengunjung per bulan, 2025 terhadap 2024" in titles
    at = open_page("1_Instansi.py")
    pie = next(
        trace
        for chart in at.get("plotly_chart")
        for trace in json.loads(chart.proto.spec)["data"]
        if trace["type"] == "pie"
    )
    assert pie["hovertext"][0] == "Disdukcapil<br>11.315 kunjungan layanan · 24,8%<br>Januari-September 2025"
    assert "customdata" not in pie["hovertemplate"]
