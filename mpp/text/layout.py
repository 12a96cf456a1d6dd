"""Interface text of the page layout (issue 14): the print footer, what a page's measure is, sites
without data, the growth cards' comparisons, and the load history's survey rows."""

LAYOUT_TEXT = {
    "print_footer": (
        "Pantau MPP · {sites} · {measure} {period} · Sumber: {source} · Dicetak {date}",
        "Pantau MPP · {sites} · {measure} {period} · Source: {source} · Printed {date}",
    ),
    "measure_fixed": (
        "Ukuran di halaman ini: {measure} (angka per instansi selalu antrean yang dilayani). "
        "Pilihan ukuran berlaku di halaman lain.",
        "Measure on this page: {measure} (figures per agency are always queue tickets served). "
        "The measure choice applies on the other pages.",
    ),
    "agency_click_hint": (
        "Klik batang instansi untuk melihatnya di bawah.",
        "Click an agency's bar to see it below.",
    ),
    "site_click_hint": (
        "Klik batang lokasi untuk memilihnya di semua halaman.",
        "Click a site's bar to choose it on every page.",
    ),
    "against_missing": (
        "{now}; belum ada data {base} untuk dibandingkan",
        "{now}; no {base} data to compare with",
    ),
    "respondents_total": ("{n} responden", "{n} respondents"),
    "site_no_data": ("belum ada data {measure}", "no {measure} data yet"),
    "site_since": ("ada sejak {month}", "exists since {month}"),
    "site_note": ("Keterangan", "Note"),
    "site_chosen": (
        "{site} dipilih: halaman lain kini menampilkan lokasi ini.",
        "{site} chosen: the other pages now show this site.",
    ),
}
