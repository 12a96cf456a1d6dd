"""Text every page shares: the app title, the sidebar, the cards of the overview, busy and empty
notices."""

COMMON_TEXT = {
    "app_title": ("Pantau MPP", "Pantau MPP"),
    "overview": ("Ringkasan", "Overview"),
    "site": ("Lokasi", "Site"),
    "sites": ("Lokasi", "Sites"),
    "through": ("Sampai bulan", "Up to month"),
    "measure": ("Ukuran", "Measure"),
    "language": ("Bahasa", "Language"),
    # the language switch names each language in its own words, whatever the current one
    "language_id": ("Bahasa Indonesia", "Bahasa Indonesia"),
    "language_en": ("English", "English"),
    "demo_notice": (
        "Data demo: angka {sites} adalah data contoh yang disusun ulang dari berita, "
        "bukan data resmi. Unggah berkas kantor Anda untuk menggantinya.",
        "Demo data: the figures of {sites} are sample data rebuilt from news articles, "
        "not official data. Upload your office's files to replace them.",
    ),
    "no_data": ("Belum ada data untuk lokasi ini.", "No data for this site yet."),
    "no_sites": ("Belum ada lokasi di basis data.", "No sites in the database yet."),
    "to_date": ("{measure} {period}", "{measure} {period}"),
    "same_period_last_year": (
        "Periode yang sama tahun lalu: pembanding pertumbuhan yang setara.",
        "The same months a year earlier: the like-for-like growth base.",
    ),
    "growth_vs": ("dibanding {period}", "against {period}"),
    "not_comparable": ("tidak sebanding: data tidak lengkap", "not comparable: incomplete data"),
    "full_year": ("Setahun penuh {year}", "Full year {year}"),
    "full_year_short": (
        "Setahun penuh {year} belum lengkap: {sites}",
        "Full year {year} is not complete: {sites}",
    ),
    "full_year_note": (
        "{months}, periode berbeda panjang: bukan pembanding pertumbuhan",
        "{months}, a period of different length: not a growth base",
    ),
    "peak_month": ("Bulan puncak", "Peak month"),
    "peak_value": ("{value} {measure}", "{value} {measure}"),
    "agencies_active": ("Instansi aktif", "Active agencies"),
    "agencies_active_note": ("dengan kunjungan layanan {period}", "with service visits {period}"),
    "latest_month": ("Data terakhir", "Latest data"),
    "monthly_chart": (
        "{measure} per bulan: {year} dibanding {last_year}",
        "{measure} per month: {year} against {last_year}",
    ),
    "top_agencies": ("Instansi teratas", "Top agencies"),
    "agency": ("Instansi", "Agency"),
    "service_visits": ("Kunjungan layanan", "Service visits"),
    "share": ("Pangsa", "Share"),
    "share_base": (
        "Pangsa dari seluruh {base} kunjungan layanan {period} (antrean yang dilayani), "
        "bukan dari jumlah pengunjung: satu orang dapat mengunjungi beberapa instansi.",
        "Share of all {base} service visits {period} (queue tickets served), not of people "
        "entering: one person may visit several agencies.",
    ),
    "month": ("Bulan", "Month"),
    "busy": (
        "Basis data sedang dipakai proses lain; coba muat ulang sebentar lagi.",
        "The database is busy with another process; reload in a moment.",
    ),
    # many offices writing to the shared store at once (mpp/store/writers.py): a write that kept
    # losing to other offices' writes is refused whole
    "busy_load": (
        "Penyimpanan bersama sibuk: kantor lain sedang menulis. Berkas {file} dicoba {tries} kali; "
        "tidak ada yang dimuat. Kirim lagi sebentar lagi.",
        "The shared store is busy: other offices are writing. {file} was tried {tries} times; "
        "nothing was loaded. Send it again in a moment.",
    ),
    "busy_retried": (
        "dicoba {tries} kali: penulisan lain berjalan pada saat yang sama",
        "tried {tries} times: another write was running at the same time",
    ),
    "busy_undo": (
        "Penyimpanan bersama sibuk: kantor lain sedang menulis. Pembatalan muatan {load_id} dicoba "
        "{tries} kali; tidak ada yang diubah. Coba lagi sebentar lagi.",
        "The shared store is busy: other offices are writing. Undoing load {load_id} was tried "
        "{tries} times; nothing was changed. Try again in a moment.",
    ),
    "busy_agencies": (
        "Penyimpanan bersama sibuk: kantor lain sedang menulis. Pilihan instansi dicoba {tries} kali; "
        "tidak ada yang disimpan. Coba lagi sebentar lagi.",
        "The shared store is busy: other offices are writing. The agency choices were tried {tries} "
        "times; nothing was saved. Try again in a moment.",
    ),
    "busy_site": (
        "Penyimpanan bersama sibuk: kantor lain sedang menulis. Lokasi {site} dicoba ditambahkan "
        "{tries} kali; tidak ada yang disimpan. Coba lagi sebentar lagi.",
        "The shared store is busy: other offices are writing. Adding the site {site} was tried "
        "{tries} times; nothing was saved. Try again in a moment.",
    ),
    "busy_member": (
        "Penyimpanan bersama sibuk: kantor lain sedang menulis. Anggota {agency} di {site} dicoba "
        "ditambahkan {tries} kali; tidak ada yang disimpan. Coba lagi sebentar lagi.",
        "The shared store is busy: other offices are writing. Adding {agency} as a member of {site} "
        "was tried {tries} times; nothing was saved. Try again in a moment.",
    ),
    "busy_mapping": (
        "Penyimpanan bersama sibuk: kantor lain sedang menulis. Pemetaan kolom {name} untuk {site} "
        "dicoba disimpan {tries} kali; tidak ada yang disimpan. Coba lagi sebentar lagi.",
        "The shared store is busy: other offices are writing. Saving the column mapping {name} for "
        "{site} was tried {tries} times; nothing was saved. Try again in a moment.",
    ),
    "busy_month": (
        "Penyimpanan bersama sibuk: kantor lain sedang menulis. Tutup buku atau buka kembali {month} "
        "di {site} dicoba {tries} kali; tidak ada yang diubah. Coba lagi sebentar lagi.",
        "The shared store is busy: other offices are writing. Closing or reopening {month} at {site} "
        "was tried {tries} times; nothing was changed. Try again in a moment.",
    ),
}
