"""The analysis pages' charts: every label and hover text formatted on the server, the Indonesian way,
long agency names shortened on the axis but whole in the hover text."""

from datetime import date

import pandas as pd

from mpp.present import charts, credits, figures, survey_charts
from mpp.survey.summary import IndexRow

LONG = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kutai Kartanegara"


def test_ranked_bars_label_figure_and_share():
    fig = figures.ranked_bars(
        ["Disdukcapil", LONG], [11315, 6814], ["24,8%", "14,9%"], "Instansi", "kunjungan layanan"
    )
    bar = fig.data[0]
    assert list(bar.text) == ["11.315 (24,8%)", "6.814 (14,9%)"]
    shown = fig.layout.annotations[1].text
    assert shown == "Dinas Kependudukan dan Pencatat…" and len(shown) == figures.NAME_WIDTH
    assert bar.customdata[1][0] == LONG  # the hover names the agency in full
    assert fig.layout.separators == ",." and fig.layout.xaxis.tickformat == ",d"
    assert fig.layout.xaxis.range[1] > 11315  # room for the label, no fixed maximum


def test_years_overlaid_hover_reads_month_and_figure():
    series = pd.DataFrame(
        {
            "month": [date(2024, 7, 1), date(2025, 7, 1)],
            "year": [2024, 2025],
            "month_no": [7, 7],
            "value": pd.array([2493, 6814], dtype="Int64"),
        }
    )
    fig = figures.years_overlaid(series, "Pengunjung", "pengunjung")
    assert [t.name for t in fig.data] == ["2024", "2025"]
    assert list(fig.data[1].customdata[0]) == ["Juli 2025", "6.814"]
    assert fig.data[1].marker.color == charts.PALETTE[0]  # the latest year darkest


def test_the_line_chart_title_names_the_years_it_compares():
    assert figures.compared_years([2024, 2025, 2025]) == "2025 terhadap 2024"
    assert figures.compared_years([2023, 2024, 2025], "en") == "2025 against 2023-2024"
    assert figures.compared_years([2025]) == "2025"


def test_heatmap_cells_carry_formatted_figures_and_gaps_stay_empty():
    grid = pd.DataFrame(
        {7: pd.array([2493, 6814], dtype="Int64"), 10: pd.array([2496, None], dtype="Int64")},
        index=[2024, 2025],
    )
    fig = figures.year_month_heatmap(grid, "Pengunjung", "pengunjung")
    cells = fig.data[0]
    # months down, years across: a phone gives each cell a sixth of its width, not a twelfth
    assert list(cells.y) == ["Jul", "Okt"] and list(cells.x) == ["2024", "2025"]
    assert [list(row) for row in cells.text] == [["2.493", "6.814"], ["2.496", ""]]
    assert cells.textfont.size >= 12 and cells.showscale is False
    assert cells.customdata[0][1] == ["Juli 2025", "6.814"]


def test_change_bars_sign_and_colour():
    fig = figures.change_bars(["Samsat", "Imigrasi"], [42.26, -4.06], "Pertumbuhan")
    assert list(fig.data[0].text) == ["+42,3%", "-4,1%"]
    assert fig.data[0].marker.color[1] != fig.data[0].marker.color[0]
    assert fig.layout.xaxis.range[0] < -4.06 < 42.26 < fig.layout.xaxis.range[1]


def test_share_donut_percent_labels_and_a_whole_hover():
    fig = figures.share_donut(
        ["Disdukcapil", "Lainnya (22)"],
        [11315, 34225],
        [24.85, 75.15],
        "Pangsa",
        "kunjungan layanan",
        "Januari-September 2025",
    )
    pie = fig.data[0]
    assert list(pie.text) == ["24,8%", "75,2%"]
    # once read "Disdukcapil,11.315,24,8%: - kunjungan layanan (-)": a pie's customdata in a template
    assert "customdata" not in pie.hovertemplate
    assert pie.hovertext[0] == "Disdukcapil<br>11.315 kunjungan layanan · 24,8%<br>Januari-September 2025"


def test_tags_in_an_agency_name_stay_text():
    fig = figures.ranked_bars(['<a href="x">Klik</a>'], [5], [""], "Instansi", "kunjungan layanan")
    assert fig.layout.annotations[0].text.startswith("&lt;a href")
    assert fig.data[0].customdata[0][0].startswith("&lt;a")


# The Sleman permit recap brings "IZIN PENDIRIAN SATUAN PENDIDIKAN ..." (and three "IZIN PRAKTEK
# PARAMEDIK VETERINER ...") as agencies: shortened alike, they were one category, their bars drawn
# over each other and their donut slices added up.
TWINS = [
    "IZIN PENDIRIAN SATUAN PENDIDIKAN NON FORMAL (TPA, SPS, KB, BIMBEL, LKP, TK)",
    "IZIN PENDIRIAN SATUAN PENDIDIKAN NON FORMAL (PKBM)",
]
TWIN_SHORT = figures.short_name(TWINS[0])


def test_names_shortened_alike_keep_their_own_bars():
    assert TWINS[0][:40] == TWINS[1][:40]
    ranked = figures.ranked_bars(TWINS, [120, 45], ["", ""], "Instansi", "kunjungan layanan")
    bar = ranked.data[0]
    assert len(set(bar.y)) == 2 and list(bar.x) == [120, 45]
    assert [c[0] for c in bar.customdata] == TWINS  # each hover names its own agency
    assert [a.text for a in ranked.layout.annotations] == [TWIN_SHORT, TWIN_SHORT]
    assert [a.y for a in ranked.layout.annotations] == list(bar.y)  # each name above its own bar
    change = figures.change_bars(TWINS, [12.5, -3.0], "Pertumbuhan")
    assert len(set(change.data[0].y)) == 2 and list(change.data[0].text) == ["+12,5%", "-3,0%"]
    assert [a.text for a in change.layout.annotations] == [TWIN_SHORT, TWIN_SHORT]
    stacked = figures.stacked_bars(
        [figures.short_name(n) for n in TWINS], {"Langsung": [10, 4]}, TWINS, "Kanal", "kl", horizontal=True
    )
    assert len(set(stacked.data[0].y)) == 2 and list(stacked.data[0].x) == [10, 4]


def test_names_shortened_alike_keep_their_own_slices():
    fig = figures.share_donut([*TWINS, "Samsat"], [120, 45, 80], [49.0, 18.4, 32.6], "Pangsa", "kl")
    pie = fig.data[0]
    assert len(set(pie.labels)) == 3 and list(pie.values) == [120, 45, 80]  # plotly adds up equal labels
    assert pie.labels[2] == "Samsat"  # a name no other shares stays as short as before
    legend = [label.replace("<br>", " ") for label in pie.labels[:2]]
    assert legend == TWINS  # the legend tells the two apart
    assert pie.hovertext[1].startswith(TWINS[1])


def test_survey_bars_of_one_label_stay_two_bars():
    rows = [
        IndexRow("Unit layanan <b>A</b>", 95.7, "95,70", "A", "Sangat Baik", "Very good", 120),
        IndexRow("Unit layanan <b>A</b>", 80.1, "80,10", "B", "Baik", "Good", 80),
    ]
    fig = survey_charts.index_bars(rows, "IKM per unit")
    assert len(set(fig.data[0].y)) == 2 and list(fig.data[0].x) == [95.7, 80.1]
    assert [a.text for a in fig.layout.annotations] == ["Unit layanan &lt;b&gt;A&lt;/b&gt;"] * 2
    assert list(fig.data[0].customdata) == ["Unit layanan &lt;b&gt;A&lt;/b&gt;"] * 2  # the hover's name


def test_every_title_sits_below_the_toolbar_and_wraps_for_a_phone():
    fig = figures.ranked_bars(
        ["Disdukcapil"], [11315], ["24,8%"], "Kunjungan layanan per instansi, Januari-September 2025", "kl"
    )
    title = fig.layout.title
    assert title.text == "Kunjungan layanan per instansi,<br>Januari-September 2025"
    assert title.yref == "container" and title.pad.t >= charts.TOOLBAR_BAND
    assert fig.layout.margin.t >= charts.TOOLBAR_BAND + 2 * 20  # the plot starts below both lines
    assert fig.layout.dragmode is False  # a finger scrolling the page does not zoom


def test_ranked_bars_labels_fit_beside_the_longest_bar_on_a_phone():
    fig = figures.ranked_bars(["Disdukcapil", "DPMPTSP"], [11315, 8767], ["24,8%", "19,3%"], "t", "kl")
    label_px = len("11.315 (24,8%)") * charts.LABEL_CHAR_PX
    end = fig.layout.xaxis.range[1]
    assert 11315 / end <= 1 - label_px / charts.PHONE_PLOT_PX  # the rest of ~330 px holds the label
    # names above the bars, not beside them, as notes: tick labels inside would hide the value axis' 0
    assert [a.text for a in fig.layout.annotations] == ["Disdukcapil", "DPMPTSP"]
    assert fig.layout.yaxis.showticklabels is False
    assert fig.data[0].textfont.size >= 11


def test_a_chart_carries_its_source_line_and_a_file_name_that_says_the_same():
    sites = pd.DataFrame(
        {
            "name": ["MPP Kota Balikpapan", "Mini MPP Kecamatan Loa Janan"],
            "kabupaten_kota": ["Kota Balikpapan", None],
        }
    )
    offices = credits.offices(sites, ["MPP Kota Balikpapan"])
    line = credits.source_line(["MPP Kota Balikpapan"], "Januari-September 2025", offices, date(2026, 11, 27))
    assert line == (
        "MPP Kota Balikpapan · Januari-September 2025 · Sumber: Pantau MPP, data DPMPTSP Kota Balikpapan"
        " · 27 November 2026"
    )
    assert credits.offices(sites, ["Mini MPP Kecamatan Loa Janan"]) == ["Mini MPP Kecamatan Loa Janan"]
    fig = charts.with_source(figures.monthly_bars(_months(), "Pengunjung", "pengunjung"), line)
    subtitle = fig.layout.title.subtitle.text.replace("<br>", " ")
    assert "MPP Kota Balikpapan" in subtitle and "Januari-September 2025" in subtitle
    assert "Sumber: Pantau MPP, data DPMPTSP Kota Balikpapan" in subtitle and "27 November 2026" in subtitle
    lines = fig.layout.title.text.count("<br>") + fig.layout.title.subtitle.text.count("<br>") + 2
    assert fig.layout.margin.t >= charts.TOOLBAR_BAND + 14 * lines  # none covers another
    assert charts.for_file(fig).layout.margin.t < fig.layout.margin.t  # no toolbar in a file
    name = credits.file_name(["MPP Kota Balikpapan"], "Januari-September 2025", "instansi-peringkat")
    assert name == "mpp-kota-balikpapan_januari-september-2025_instansi-peringkat"


def test_the_source_line_writes_tags_in_names_as_text():
    site, period = '<a href="http://x">MPP</a>', "Survei <b>2025</b>"
    sites = pd.DataFrame({"name": [site], "kabupaten_kota": ["Kota <br>Balikpapan"]})
    line = credits.source_line([site], period, credits.offices(sites, [site]), date(2026, 11, 27))
    fig = charts.with_source(figures.monthly_bars(_months(), "Pengunjung", "pengunjung"), line)
    subtitle = fig.layout.title.subtitle.text  # wrapped for a phone: <br> between its lines only
    assert "<a " not in subtitle and "<b>" not in subtitle and subtitle.count("<br>") <= 2
    shown = subtitle.replace("<br>", " ")
    assert '&lt;a href="http://x"&gt;MPP&lt;/a&gt;' in shown
    assert "Survei &lt;b&gt;2025&lt;/b&gt;" in shown and "DPMPTSP Kota &lt;br&gt;Balikpapan" in shown


def test_the_ikm_axis_starts_at_zero_and_says_so():
    rows = [
        IndexRow("Disdukcapil", 95.7, "95,70", "A", "Sangat Baik", "Very good", 120),
        IndexRow("Samsat", 91.2, "91,20", "A", "Sangat Baik", "Very good", 80),
    ]
    fig = survey_charts.index_bars(rows, "IKM per instansi")
    assert fig.layout.xaxis.range[0] == 0 and 0 in fig.layout.xaxis.tickvals
    assert "0" in fig.layout.xaxis.title.text and "IKM" in fig.layout.xaxis.title.text
    assert list(fig.data[0].text) == ["95,70 (A)", "91,20 (A)"]


def _months():
    return pd.DataFrame(
        {"month": [date(2025, m, 1) for m in (1, 2)], "value": pd.array([3612, 3705], dtype="Int64")}
    )


def test_an_english_page_draws_english_numbers():
    fig = figures.ranked_bars(["Disdukcapil"], [11315], ["24.8%"], "Agencies", "service visits", lang="en")
    assert list(fig.data[0].text) == ["11,315 (24.8%)"] and fig.layout.separators == ".,"
    donut = figures.share_donut(["Disdukcapil"], [11315], [24.85], "Shares", "service visits", "2025", "en")
    assert donut.data[0].hovertext[0] == "Disdukcapil<br>11,315 service visits · 24.8%<br>2025"
    assert list(figures.change_bars(["Samsat"], [42.26], "Growth", "en").data[0].text) == ["+42.3%"]
    assert figures.ranked_bars(["Disdukcapil"], [11315], ["24,8%"], "t", "kl").layout.separators == ",."
