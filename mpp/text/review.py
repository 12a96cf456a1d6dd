"""Interface text of the month in review, coverage and the period choice (issue 11), Indonesian first
with English beside; merged into catalogue.TEXT."""

REVIEW_TEXT = {
    "month_in_review": ("Tinjauan bulan {month}", "{month} in review"),
    "month_value": ("{measure} {month}", "{measure} {month}"),
    "against_last_year": ("Terhadap {month} (tahun ke tahun)", "Against {month} (year on year)"),
    "against_previous": ("Terhadap {month} (bulan sebelumnya)", "Against {month} (previous month)"),
    "base_was": ("{month}: {value}", "{month}: {value}"),
    "provisional": ("sementara", "provisional"),
    "provisional_suffix": (" (sementara)", " (provisional)"),
    "coverage_complete": ("{month}: {coverage}", "{month}: {coverage}"),
    "coverage_partial": (
        "{month} belum lengkap (sementara): {coverage}",
        "{month} incomplete (provisional): {coverage}",
    ),
    "provisional_note": (
        "Bulan sementara tidak dihitung dalam pertumbuhan, puncak, rata-rata dan peringkat. "
        'Aktifkan "Sertakan bulan sementara" di samping untuk melihatnya.',
        "Provisional months are not used in growth, peaks, averages or rankings. "
        'Turn on "Include provisional months" in the sidebar to see them.',
    ),
    "provisional_included": (
        'Angka bertanda "sementara" memuat bulan yang belum lengkap: {months}.',
        'Figures marked "provisional" use months not yet fully reported: {months}.',
    ),
    "excluded_sites": (
        "Pertumbuhan sebanding (like for like) hanya atas {kept}; tidak dibandingkan: {excluded}.",
        "Like-for-like growth over {kept} only; left out: {excluded}.",
    ),
    "rose_most": ("Naik terbanyak", "Rose most"),
    "fell_most": ("Turun terbanyak", "Fell most"),
    "no_change_rows": ("Tidak ada.", "None."),
    "change_count": ("Selisih", "Change"),
    "change_percent": ("Perubahan (%)", "Change (%)"),
    "agency_change_note": (
        "Kunjungan layanan {month} terhadap {base}, diurutkan menurut selisih jumlah; "
        "persen hanya dari basis sedikitnya {min_base} kunjungan layanan (di bawahnya "
        "perubahan kecil tampak besar).",
        "Service visits {month} against {base}, ranked by the change in counts; a percent "
        "only from a base of at least {min_base} service visits (below it small changes "
        "look large).",
    ),
    "period_heading": ("Periode {period}", "Period {period}"),
    "compared_sites_note": (
        "Hanya lokasi yang dibandingkan (sebanding di kedua periode): {sites}.",
        "Only the sites compared (complete in both periods): {sites}.",
    ),
    "selection_total": (
        "Jumlah seluruh lokasi terpilih, {period}: {value}.",
        "Total of every selected site, {period}: {value}.",
    ),
    "selection_total_note": (
        "Jumlah seluruh lokasi terpilih, {period}.",
        "Total of every selected site, {period}.",
    ),
    "include_partial": ("Sertakan bulan sementara", "Include provisional months"),
    "include_partial_help": (
        'Bulan yang belum lengkap (sampai {month}) ikut dihitung dan ditandai "sementara".',
        'Months not yet fully reported (up to {month}) are counted and marked "provisional".',
    ),
    "period_kind": ("Periode", "Period"),
    "period_quarter": ("Triwulan", "Quarter"),
    "period_semester": ("Semester", "Half year"),
    "period_year": ("Tahun", "Year"),
    "from_month": ("Dari bulan", "From month"),
    "months_with_data": (
        "{measure} {period}: data ada untuk {n} dari {months} bulan; bulan tanpa data "
        "tidak dihitung sebagai nol.",
        "{measure} {period}: data for {n} of {months} months; months without data are not counted as zero.",
    ),
    "period_total": ("{measure} {period}", "{measure} {period}"),
}
