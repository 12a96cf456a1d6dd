"""Interface text of regions (issue 16): the sidebar's choice of sites by province and kabupaten/kota
in a store of many sites, and the regional roll-up and coverage per site on the Lokasi page."""

REGION_TEXT: dict[str, tuple[str, str]] = {
    # The sidebar of a store of many sites
    "region_province": ("Provinsi", "Province"),
    "region_kabkota": ("Kabupaten/kota", "Regency/city"),
    "region_all_provinces": ("Semua provinsi", "All provinces"),
    "region_all_regencies": ("Semua kabupaten/kota", "All regencies/cities"),
    "region_unknown_province": ("Provinsi belum diisi", "Province not filled in"),
    "region_unknown_kabkota": ("Kabupaten/kota belum diisi", "Regency/city not filled in"),
    "region_in_province": ("provinsi {province}", "{province}"),
    "region_everywhere": ("semua provinsi", "every province"),
    "region_all_sites": ("Semua lokasi di {area} ({n})", "All sites in {area} ({n})"),
    # The Lokasi page of a store of many sites: the sites of the sidebar's area
    "sites_note_area": (
        "Lokasi di {area} ({n}), {measure} {period}: MPP kota/kabupaten dan Mini MPP kecamatan.",
        "Sites in {area} ({n}), {measure} {period}: city/regency MPPs and Mini MPP outlets.",
    ),
    # The roll-up on Lokasi
    "rollup_title": ("Rekap wilayah", "Regional roll-up"),
    "rollup_intro": (
        "{measure}, {period}, per {level}. Total: semua yang dilaporkan. Perubahan sebanding: hanya "
        "lokasi yang lengkap pada {period} dan {base} (setiap instansi yang diharapkan melapor, atau "
        "bulannya ditutup), dibandingkan dengan bulan yang sama setahun sebelumnya.",
        "{measure}, {period}, per {level}. Total: everything reported. Like-for-like change: only the "
        "sites complete in {period} and in {base} (every expected agency reported, or the month was "
        "closed), against the same months a year earlier.",
    ),
    "rollup_level_province": ("provinsi", "province"),
    "rollup_level_kabupaten_kota": ("kabupaten/kota", "regency/city"),
    "rollup_group_province": ("Provinsi", "Province"),
    "rollup_group_kabupaten_kota": ("Kabupaten/kota", "Regency/city"),
    "rollup_unknown_province": ("Provinsi belum diisi", "Province not filled in"),
    "rollup_unknown_kabupaten_kota": ("Kabupaten/kota belum diisi", "Regency/city not filled in"),
    "rollup_all_provinces": ("Semua provinsi", "All provinces"),
    "rollup_whole": ("Seluruh {area}", "All of {area}"),
    "rollup_sites": ("Lokasi", "Sites"),
    "rollup_complete": ("Lengkap", "Complete"),
    "rollup_compared": ("Dibandingkan", "Compared"),
    "rollup_total": ("Total {period}", "Total {period}"),
    "rollup_current": ("Sebanding {period}", "Like for like {period}"),
    "rollup_base": ("Sebanding {period}", "Like for like {period}"),
    "rollup_change": ("Perubahan sebanding", "Like-for-like change"),
    "rollup_excluded": (
        "{n} dari {of} lokasi tidak dibandingkan: datanya tidak lengkap pada salah satu periode.",
        "{n} of {of} sites left out of the change: not fully reported in one of the periods.",
    ),
    "rollup_excluded_list": ("Lokasi yang tidak dibandingkan ({n})", "Sites left out of the change ({n})"),
    "rollup_all_compared": (
        "Semua {n} lokasi lengkap pada kedua periode dan dibandingkan.",
        "All {n} sites are complete in both periods and compared.",
    ),
    "rollup_why": ("Alasan", "Why"),
    "rollup_no_growth": (
        "Tidak ada lokasi yang lengkap pada kedua periode: perubahan sebanding tidak dapat dihitung.",
        "No site is complete in both periods: there is no like-for-like change.",
    ),
    # Coverage per site
    "site_coverage_title": ("Kelengkapan laporan per lokasi", "Reporting coverage per site"),
    "site_coverage_note": (
        "Lokasi dengan bulan lengkap paling sedikit di atas. ✓ lengkap (atau bulannya ditutup); 26/27: "
        "instansi yang melapor dari yang diharapkan; belum: belum ada laporan; –: tidak diharapkan "
        "(belum buka, atau sudah lama berhenti melapor).",
        "Sites with the fewest complete months first. ✓ complete (or the month closed); 26/27: agencies "
        "reporting of those expected; not in: nothing reported yet; –: not expected (not open yet, or "
        "stopped reporting long ago).",
    ),
    "site_coverage_missing": ("belum", "not in"),
    "site_coverage_months": ("Bulan lengkap", "Complete months"),
}
