"""Interface text of the analysis pages (Instansi, Tren & Puncak, Pertumbuhan, Kanal, Lokasi),
Indonesian first with English beside; merged into catalogue.TEXT so pages look every key up the same way."""

PAGE_TEXT = {
    "agencies": ("Instansi", "Agencies"),
    "no_agency_data": (
        "Belum ada data kunjungan layanan per instansi untuk periode ini.",
        "No service visits per agency for this period yet.",
    ),
    "agencies_measure_note": (
        "angka instansi selalu kunjungan layanan (antrean yang dilayani)",
        "agency figures are always service visits (queue tickets served)",
    ),
    "top_agency": ("Instansi teratas", "Top agency"),
    "share_base_short": (
        "Basis pangsa: seluruh antrean yang dilayani, bukan jumlah pengunjung.",
        "The base of the shares: every queue ticket served, not people entering.",
    ),
    "all_service_visits": ("Seluruh kunjungan layanan", "All service visits"),
    "top_n": ("Jumlah instansi yang ditampilkan (sisanya: Lainnya)", "Agencies shown (the rest: Others)"),
    "agency_chart": ("{measure} per instansi, {period}", "{measure} per agency, {period}"),
    "share_chart": (
        "Pangsa instansi<br><sup>dari {base} kunjungan layanan {period}</sup>",
        "Agency shares<br><sup>of {base} service visits {period}</sup>",
    ),
    "agency_ranking": ("Peringkat instansi", "Agencies ranked"),
    "rank": ("No.", "No."),
    "change_vs": ("Perubahan terhadap {period}", "Change against {period}"),
    "change_not_comparable": (
        "Perubahan tidak dihitung: data {period} tidak lengkap, jadi tidak setara.",
        "No change shown: {period} is not fully reported, so it is not like for like.",
    ),
    "one_agency": ("Satu instansi", "One agency"),
    "agency_trend": (
        "Kunjungan layanan {agency} per bulan, {period}",
        "Service visits of {agency} per month, {period}",
    ),
    "no_services": (
        "Data {agency} tidak memuat jenis layanan (hanya jumlah per instansi).",
        "The files give no service types for {agency} (agency totals only).",
    ),
    "service": ("Jenis layanan", "Service"),
    "services": ("Layanan", "Services"),
    "trends": ("Tren & Puncak", "Trends & Peaks"),
    "peak_over": ("Bulan tersibuk {period}", "The busiest month of {period}"),
    "per_working_day_card": ("Rata-rata per hari kerja", "Average per working day"),
    "per_working_day_note": (
        "Hari kerja: Senin-Jumat (atau Senin-Sabtu untuk lokasi 6 hari kerja), "
        "tanpa hari libur nasional dan cuti bersama.",
        "Working days: Monday-Friday (Monday-Saturday at 6-day sites), without "
        "national holidays and cuti bersama.",
    ),
    "busiest_weekday": ("Hari tersibuk", "Busiest weekday"),
    "per_day_value": ("{value} {measure} per hari", "{value} {measure} a day"),
    "years_chart": ("{measure} per bulan, {years}", "{measure} per month, {years}"),
    "peaks_ranked": ("Bulan puncak, berurutan", "Peak months ranked"),
    "heatmap_chart": ("{measure} per bulan dan tahun", "{measure} by month and year"),
    "per_working_day_title": ("Per hari kerja, {period}", "Per working day, {period}"),
    "per_working_day_chart": ("{measure} per hari kerja", "{measure} per working day"),
    "per_working_day_unit": ("{measure} per hari kerja", "{measure} per working day"),
    "working_days": ("Hari kerja", "Working days"),
    "per_working_day": ("Per hari kerja", "Per working day"),
    "no_daily_data": (
        "Pola harian tidak tersedia: data lokasi ini bulanan, bukan harian.",
        "No day-of-week pattern: this site reports monthly, not daily figures.",
    ),
    "weekday_chart": (
        "{measure} rata-rata per hari buka, {period}",
        "{measure} on average per open day, {period}",
    ),
    "per_day_unit": ("{measure} per hari", "{measure} a day"),
    "growth": ("Pertumbuhan", "Growth"),
    "no_rate": ("tanpa angka pertumbuhan", "no growth rate"),
    "against": ("{now} terhadap {base} ({value})", "{now} against {base} ({value})"),
    "no_rate_no_base": ("belum ada data pembanding", "nothing reported to compare with"),
    "no_rate_incomplete": ("data tidak lengkap: tidak setara", "incomplete data: not like for like"),
    "no_rate_unequal": (
        "periode tidak setara ({now} terhadap {base}): bukan pertumbuhan",
        "unequal periods ({now} against {base}): not a growth rate",
    ),
    "growth_to_date": ("Tahun kalender {period}", "Year to date {period}"),
    "growth_partial": ("{period} terhadap setahun {year}", "{period} against full year {year}"),
    "year_on_year_title": ("Tahun ke tahun per bulan", "Year on year per month"),
    "year_on_year_chart": (
        "{measure} per bulan dibanding bulan yang sama tahun lalu",
        "{measure} per month against the same month a year earlier",
    ),
    "same_month_last_year": ("Bulan yang sama tahun lalu", "Same month a year earlier"),
    "change_yoy": ("Perubahan", "Change"),
    "agency_growth_title": ("Pertumbuhan per instansi, {period}", "Growth per agency, {period}"),
    "no_agency_growth": (
        "Belum ada pembanding tahun lalu untuk instansi.",
        "No agency figures a year earlier.",
    ),
    "agency_growth_chart": ("Kunjungan layanan {now} terhadap {base}", "Service visits {now} against {base}"),
    "agency_growth_note": (
        "Kunjungan layanan (antrean yang dilayani). Instansi tanpa data tahun lalu "
        "tidak diberi angka pertumbuhan.",
        "Service visits (queue tickets served). Agencies without figures a year earlier get no growth rate.",
    ),
    "channels": ("Kanal Antrean", "Queue Channels"),
    "no_channel_data": (
        "Data {sites} untuk {period} tidak memuat kanal antrean (langsung/online). "
        "Kanal tersedia bila berkas berasal dari sistem antrean, mis. rekap antrean "
        "langsung dan online.",
        "The data of {sites} for {period} carry no queue channels (walk-in/online). "
        "Channels come with queue-system files such as the walk-in and online recap.",
    ),
    "channels_measure_note": ("antrean yang dilayani per kanal", "queue tickets served per channel"),
    "online_share": ("Porsi online", "Online share"),
    "online_share_note": (
        "Antrean online yang hadir dari seluruh kunjungan layanan berkanal.",
        "Online-queue visitors who came, of all service visits with a channel.",
    ),
    "channel_chart": ("Kunjungan layanan per kanal, {period}", "Service visits per channel, {period}"),
    "total": ("Jumlah", "Total"),
    "channel_by_agency": ("Kanal per instansi", "Channels per agency"),
    "channel_agency_chart": ("Kanal per instansi, {period}", "Channels per agency, {period}"),
    "cancellations_note": (
        "Pembatalan online dan tidak hadir (no-show) tidak dihitung sebagai kunjungan: "
        "ditampilkan di samping kanal, di luar total, bila sistem antrean melaporkannya.",
        "Online cancellations and no-shows are not visits: shown beside the channels, "
        "outside the total, where the queue system reports them.",
    ),
    "cancelled": ("Pembatalan online", "Online cancellations"),
    "no_show": ("Tidak hadir", "No-shows"),
    "sites_page": ("Perbandingan Lokasi", "Sites Compared"),
    "sites_note": (
        "Semua lokasi, {measure} {period}: MPP kota/kabupaten dan Mini MPP kecamatan.",
        "Every site, {measure} {period}: city/regency MPPs and Mini MPP outlets.",
    ),
    "sites_top": (
        "Grafik: {n} lokasi terbesar; tabel di bawah memuat semua lokasi.",
        "Charts: the {n} largest sites; the table below lists every site.",
    ),
    "no_site_data": ("Tidak ada lokasi dengan data untuk {period}.", "No site has data for {period}."),
    "sites_chart": (
        "{measure} per lokasi, {period}<br><sup>dalam kurung: pangsa wilayah</sup>",
        "{measure} per site, {period}<br><sup>in brackets: share of region</sup>",
    ),
    "sites_per_day_chart": ("{measure} per hari kerja, {period}", "{measure} per working day, {period}"),
    "region": ("Kabupaten/kota", "Regency/city"),
    "region_share": ("Pangsa wilayah (%)", "Share of region (%)"),
    "region_share_note": (
        "Pangsa wilayah: bagian lokasi dari seluruh lokasi di kabupaten/kota yang sama "
        "(MPP dan Mini MPP-nya).",
        "Share of region: the site's part of every site in the same regency/city "
        "(the MPP and its Mini MPP outlets).",
    ),
}
