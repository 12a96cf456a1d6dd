"""The analysis pages' charts: every label and hover text formatted on the server, the Indonesian way,
long agency names shortened on the axis but whole in the hover text."""

from datetime import date

import pandas as pd

from mpp.present import figures

LONG = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kutai Kartanegara"


def test_ranked_bars_label_figure_and_share():
    fig = figures.ranked_bars(
        ["Disdukcapil", LONG], [11315, 6814], ["24,8%", "14,9%"], "Instansi", "kunjungan layanan"
    )
    bar = fig.data[0]
    assert list(bar.text) == ["11.315 (24,8%)", "6.814 (14,9%)"]
    assert bar.y[1] == "Dinas Kependudukan dan Pencatat…" and len(bar.y[1]) == figures.NAME_WIDTH
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
    assert fig.data[1].marker.color == "#0b5394"  # the latest year darkest


def test_heatmap_cells_carry_formatted_figures_and_gaps_stay_empty():
    grid = pd.DataFrame(
        {7: pd.array([2493, 6814], dtype="Int64"), 10: pd.array([2496, None], dtype="Int64")},
        index=[2024, 2025],
    )
    fig = figures.year_month_heatmap(grid, "Pengunjung", "pengunjung")
    assert [list(row) for row in fig.data[0].text] == [["2.493", "2.496"], ["6.814", ""]]
    assert list(fig.data[0].x) == ["Jul", "Okt"]


def test_change_bars_sign_and_colour():
    fig = figures.change_bars(["Samsat", "Imigrasi"], [42.26, -4.06], "Pertumbuhan")
    assert list(fig.data[0].text) == ["+42,3%", "-4,1%"]
    assert fig.data[0].marker.color[1] != fig.data[0].marker.color[0]
    assert fig.layout.xaxis.range[0] < -4.06 < 42.26 < fig.layout.xaxis.range[1]


def test_share_donut_percent_labels():
    fig = figures.share_donut(["Disdukcapil", "Lainnya (22)"], [11315, 34225], [24.85, 75.15], "Pangsa", "kl")
    assert list(fig.data[0].text) == ["24,8%", "75,2%"]


def test_tags_in_an_agency_name_stay_text():
    fig = figures.ranked_bars(['<a href="x">Klik</a>'], [5], [""], "Instansi", "kunjungan layanan")
    assert fig.data[0].y[0].startswith("&lt;a href") and fig.data[0].customdata[0][0].startswith("&lt;a")
