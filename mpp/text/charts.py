"""Words inside the charts: the source line every chart (and its PNG) carries, years compared, axes."""

CHART_TEXT = {
    "chart_source": (
        "{sites} · {period} · Sumber: Pantau MPP, data {offices} · {day}",
        "{sites} · {period} · Source: Pantau MPP, data from {offices} · {day}",
    ),
    "chart_and_more": ("{names} dan {n} lainnya", "{names} and {n} more"),
    "chart_office": ("DPMPTSP {region}", "DPMPTSP {region}"),
    "years_against": ("{year} terhadap {base}", "{year} against {base}"),
    "skm_index_axis": ("IKM (skala 0-100, sumbu mulai dari 0)", "IKM (0-100 scale, axis from 0)"),
}
