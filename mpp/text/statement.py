"""Sentences of the press statement (`python -m mpp press`, the Siaran Pers page): one template per
key, filled with figures formatted in the statement's language (41.481 / 41,481)."""

STATEMENT_TEXT = {
    "statement_title": ("Kunjungan {site} {period}", "Visits to {site}, {period}"),
    "statement_to_date": (
        "Sepanjang {period}, {site} mencatat {value} {measure}.",
        "In {period}, {site} recorded {value} {measure}.",
    ),
    "statement_growth_up": (
        "Jumlah ini naik {pct} dibandingkan periode yang sama tahun sebelumnya "
        "({period} terhadap {base_period}), dari {base_value} menjadi {value} {measure}.",
        "This is {pct} more than in the same period a year earlier "
        "({period} against {base_period}), up from {base_value} to {value} {measure}.",
    ),
    "statement_growth_down": (
        "Jumlah ini turun {pct} dibandingkan periode yang sama tahun sebelumnya "
        "({period} terhadap {base_period}), dari {base_value} menjadi {value} {measure}.",
        "This is {pct} less than in the same period a year earlier "
        "({period} against {base_period}), down from {base_value} to {value} {measure}.",
    ),
    "statement_growth_none": (
        "Perbandingan dengan periode yang sama tahun sebelumnya ({base_period}) belum dapat "
        "disajikan karena data periode tersebut belum lengkap.",
        "No comparison with the same period a year earlier ({base_period}) is given: "
        "its data are incomplete.",
    ),
    "statement_growth_none_current": (
        "Perbandingan dengan periode yang sama tahun sebelumnya ({base_period}) belum "
        "dapat disajikan karena data {period} belum lengkap (sementara).",
        "No comparison with the same period a year earlier ({base_period}) is "
        "given: the data of {period} are incomplete (provisional).",
    ),
    "statement_full_year": (
        "Sebagai gambaran dengan panjang periode berbeda, sepanjang tahun {year} ({months}) "
        "tercatat {value} {measure}; angka setahun penuh ini bukan pembanding pertumbuhan "
        "bagi {period} ({period_months}).",
        "For reference, over a period of different length, the full year {year} ({months}) "
        "recorded {value} {measure}; a full year is not a growth base for {period} "
        "({period_months}).",
    ),
    "statement_full_year_short": (
        "Angka tahun {year} itu belum setahun penuh untuk {sites}.",
        "That {year} figure is not a full year for {sites}.",
    ),
    "statement_agencies": (
        "Berdasarkan kunjungan layanan, instansi dengan kunjungan terbanyak adalah {first} "
        "dengan {visits} kunjungan layanan atau {share} dari seluruh kunjungan layanan{rest}. "
        "Seluruh kunjungan layanan {period} berjumlah {base}; satu pengunjung dapat dilayani "
        "lebih dari satu instansi.",
        "By service visits, the busiest agency was {first} with {visits} service visits, "
        "{share} of all service visits{rest}. All service visits in {period} came to {base}; "
        "one visitor may be served by more than one agency.",
    ),
    "statement_agencies_rest": (", disusul {items}", ", followed by {items}"),
    "statement_peaks": (
        "Puncak kunjungan terjadi pada {month} dengan {value} {measure}{rest}.",
        "Visits peaked in {month} with {value} {measure}{rest}.",
    ),
    "statement_peaks_rest": (", disusul {items}", ", followed by {items}"),
    "statement_average": (
        "Rata-rata setiap bulan {site} menerima {value} {measure} selama {period}.",
        "On average {site} received {value} {measure} a month in {period}.",
    ),
    "statement_satisfaction": (
        "Indeks Kepuasan Masyarakat (IKM) {site} {period} tercatat {value} dengan mutu "
        "pelayanan {grade} ({label}).",
        "The public satisfaction index (IKM) of {site} for {period} was {value}, "
        "service grade {grade} ({label}).",
    ),
    "statement_provisional": (
        "Angka {months} bersifat sementara karena belum semua instansi melapor; angka ini dapat berubah.",
        "The figures for {months} are provisional: not every agency has reported yet, so they may change.",
    ),
    "statement_provisional_mark": (" (sementara)", " (provisional)"),
    "statement_and": ("dan", "and"),
    "statement_year": ("tahun {year}", "{year}"),
    # the Word file: the mark of demo figures, and the source line at its foot
    "statement_demo_mark": ("DATA DEMO", "DEMO DATA"),
    "statement_demo_note": (
        "Angka {sites} dalam naskah ini adalah data demo yang disusun ulang dari berita, bukan data resmi.",
        "The figures of {sites} in this text are demo data rebuilt from news articles, not official data.",
    ),
    "statement_source": (
        "Sumber: {source}; diolah dengan Pantau MPP.",
        "Source: {source}; compiled with Pantau MPP.",
    ),  # a calendar year as a release names it
}
