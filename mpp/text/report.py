"""Text of the monthly report (PDF, workbook, the Laporan page and `python -m mpp report`), Indonesian
first with English beside; merged into catalogue.TEXT."""

REPORT_TEXT = {
    "report_page": ("Laporan Bulanan", "Monthly Report"),
    "report_title": ("Laporan Bulanan Kunjungan {sites}", "Monthly Visits Report, {sites}"),
    "report_period": (
        "Periode: {month} (tahun berjalan {period})",
        "Period: {month} (year to date {period})",
    ),
    "report_made": ("Dibuat {when}", "Made {when}"),
    "report_page_of": ("Halaman", "Page"),
    "report_of": ("dari", "of"),
    "report_demo_mark": ("DATA DEMO", "DEMO DATA"),
    "report_provisional_mark": ("SEMENTARA", "PROVISIONAL"),
    "report_demo_note": (
        "Angka {sites} adalah data demo, bukan data resmi.",
        "The figures of {sites} are demo data, not official figures.",
    ),
    "report_provisional_note": (
        "{month} belum lengkap: {coverage}. Semua angka yang memakai bulan ini bersifat sementara.",
        "{month} is not complete: {coverage}. Every figure that uses this month is provisional.",
    ),
    # sections
    "report_sec_review": ("Tinjauan bulan {month}", "{month} in review"),
    "report_review_value": ("{measure} {month}: {value}", "{measure} {month}: {value}"),
    "report_review_against": (
        "Terhadap {base_month} ({base}): {change}{note}",
        "Against {base_month} ({base}): {change}{note}",
    ),
    "report_review_kind_yoy": (" (tahun ke tahun)", " (year on year)"),
    "report_review_kind_mom": (" (bulan sebelumnya)", " (previous month)"),
    "report_compared_sites": (
        "Dibandingkan sebanding atas {sites}; {excluded}.",
        "Compared like for like over {sites}; {excluded}.",
    ),
    "report_sec_coverage": ("Kelengkapan laporan", "Who reported"),
    "report_coverage_line": ("{month}: {coverage}", "{month}: {coverage}"),
    "report_coverage_missing": ("Belum melapor: {names}.", "Not yet reported: {names}."),
    "report_coverage_closed": ("Bulan ini ditutup (tutup buku).", "This month is closed (final)."),
    "report_sec_to_date": ("Tahun berjalan, sebanding", "Year to date, like for like"),
    "report_to_date_line": ("{measure} {period}: {value}", "{measure} {period}: {value}"),
    "report_to_date_growth": (
        "Terhadap {base_period} ({base}): {change}",
        "Against {base_period} ({base}): {change}",
    ),
    "report_to_date_none": (
        "Pertumbuhan tidak dihitung: periode {base_period} tidak sebanding atau belum lengkap.",
        "No growth given: {base_period} is not comparable or not complete.",
    ),
    "report_full_year_line": (
        "Setahun penuh {year} ({months}): {value}; periode lain panjangnya, bukan dasar pertumbuhan.",
        "Full year {year} ({months}): {value}; a period of another length, not a growth base.",
    ),
    "report_sec_chart": (
        "{measure} per bulan, {year} terhadap {last_year}",
        "{measure} per month, {year} against {last_year}",
    ),
    "report_sec_agencies": ("Instansi menurut kunjungan layanan", "Agencies by service visits"),
    "report_share_base": (
        "Pangsa dari seluruh {base} kunjungan layanan {period} (bukan dari pengunjung).",
        "Shares of all {base} service visits {period} (not of visitors).",
    ),
    "report_agencies_more": (
        "{n} instansi lain ada di buku kerja.",
        "{n} more agencies are in the workbook.",
    ),
    "report_sec_changes": (
        "Naik dan turun terbanyak, {month} terhadap {base}",
        "Rose and fell most, {month} against {base}",
    ),
    "report_rose": ("Naik terbanyak", "Rose most"),
    "report_fell": ("Turun terbanyak", "Fell most"),
    "report_sec_peaks": ("Bulan puncak {period}", "Peak months {period}"),
    "report_sec_channels": ("Kanal layanan {period}", "Service channels {period}"),
    "report_online_share_line": (
        "Antrean online: {share} dari kunjungan layanan berkanal.",
        "Online queue: {share} of service visits with a channel.",
    ),
    "report_sec_sites": ("Lokasi {period}", "Sites {period}"),
    "report_sec_satisfaction": ("Indeks Kepuasan Masyarakat", "Public satisfaction index"),
    "report_satisfaction_line": (
        "{site}, {period}: IKM {value} (mutu {grade}, {label})",
        "{site}, {period}: index {value} (grade {grade}, {label})",
    ),
    "report_sec_events": ("Peristiwa bulan ini", "Events of the month"),
    "report_sec_estimate": ("Perkiraan akhir tahun", "Year-end estimate"),
    "report_sec_press": ("Paragraf siaran pers (terperiksa)", "Press paragraphs (checked)"),
    "report_press_checked": (
        "Diperiksa dengan pemeriksa draf: {ok} angka benar, {notes} catatan, tidak ada yang salah.",
        "Checked by the draft checker: {ok} figures right, {notes} notes, none wrong.",
    ),
    "report_press_withheld": (
        "{n} paragraf tidak dicetak karena pemeriksa menemukan angka yang salah.",
        "{n} paragraphs left out: the checker found a wrong figure.",
    ),
    "report_sec_notes": ("Catatan", "Notes"),
    "report_note_measures": (
        "Pengunjung menghitung orang yang masuk mal; kunjungan layanan menghitung tiket antrean yang "
        "dilayani per instansi. Satu orang dapat mengunjungi beberapa instansi, jadi kedua ukuran tidak "
        "dijumlahkan dan pangsa instansi selalu dari seluruh kunjungan layanan.",
        "Visitors count people entering the mall; service visits count queue tickets served per agency. "
        "One person may visit several agencies, so the two are never added, and agency shares are always "
        "shares of all service visits.",
    ),
    "report_note_like": (
        "Pertumbuhan hanya antara periode yang sama panjang dan sama-sama lengkap (sebanding), atas lokasi "
        "yang lengkap di kedua periode.",
        "Growth only between periods of equal length that are both complete (like for like), over the "
        "sites complete in both.",
    ),
    "report_note_min_base": (
        "Persentase perubahan instansi hanya dari dasar {min_base} kunjungan layanan ke atas.",
        "An agency's change in percent is given only from a base of {min_base} service visits.",
    ),
    "report_note_sources": ("Sumber: {sources}.", "Sources: {sources}."),
    # table columns
    "report_col_item": ("Uraian", "Item"),
    "report_col_period": ("Periode", "Period"),
    "report_col_value": ("Nilai", "Value"),
    "report_col_grade": ("Mutu", "Grade"),
    "report_col_change": ("Perubahan", "Change"),
    "report_col_base": ("Dasar", "Base"),
    "report_row_month": ("Bulan ini", "This month"),
    "report_row_yoy": ("Bulan yang sama tahun lalu", "Same month last year"),
    "report_row_mom": ("Bulan sebelumnya", "Previous month"),
    "report_row_to_date": ("Tahun berjalan", "Year to date"),
    "report_row_to_date_base": ("Periode yang sama tahun lalu", "Same period last year"),
    "report_row_full_year": ("Setahun penuh {year}", "Full year {year}"),
    # sheets
    "report_sheet_review": ("Tinjauan bulan", "Month in review"),
    "report_sheet_monthly": ("Per bulan", "Monthly"),
    "report_sheet_agencies": ("Instansi", "Agencies"),
    "report_sheet_changes": ("Naik turun", "Rose and fell"),
    "report_sheet_peaks": ("Puncak", "Peaks"),
    "report_sheet_channels": ("Kanal", "Channels"),
    "report_sheet_sites": ("Lokasi", "Sites"),
    "report_sheet_coverage": ("Kelengkapan", "Coverage"),
    "report_sheet_satisfaction": ("Kepuasan", "Satisfaction"),
    "report_col_reporting": ("Melapor", "Reporting"),
    "report_col_expected": ("Diharapkan", "Expected"),
    "report_col_complete": ("Lengkap", "Complete"),
    "report_yes": ("ya", "yes"),
    "report_no": ("tidak", "no"),
    # the Laporan page and the command line
    "report_pick_sites": ("Lokasi", "Sites"),
    "report_pick_month": ("Bulan", "Month"),
    "report_make": ("Buat PDF dan buku kerja", "Make the PDF and the workbook"),
    "report_making": ("Menyusun laporan…", "Making the report…"),
    "report_made_ok": ("Laporan selesai.", "Report ready."),
    "report_no_figures": (
        "Tidak ada angka untuk {sites} pada {month}.",
        "No figures for {sites} in {month}.",
    ),
    "report_no_chromium": (
        "Chromium tidak ditemukan, jadi PDF tidak dapat dibuat. Pasang dengan `apt-get install -y chromium` "
        "(atau atur MPP_CHROMIUM ke program Chromium/Chrome).",
        "Chromium was not found, so no PDF can be made. Install it with `apt-get install -y chromium` "
        "(or set MPP_CHROMIUM to a Chromium/Chrome program).",
    ),
    "report_print_failed": (
        "Chromium tidak menulis PDF ({why}). Coba lagi; bila tetap gagal, periksa program Chromium "
        "(MPP_CHROMIUM).",
        "Chromium wrote no PDF ({why}). Try again; if it keeps failing, check the Chromium program "
        "(MPP_CHROMIUM).",
    ),
    "report_print_slow": (
        "Mencetak PDF memakan lebih dari {seconds} detik dan dihentikan. Coba lagi saat server tidak sibuk.",
        "Printing the PDF took more than {seconds} seconds and was stopped. Try again when the server is "
        "less busy.",
    ),
    "report_charts_failed": (
        "Grafik laporan tidak dapat digambar ({why}), jadi PDF tidak dibuat. Coba lagi; bila tetap gagal, "
        "periksa Chromium di server.",
        "The report's charts could not be drawn ({why}), so no PDF was made. Try again; if it keeps "
        "failing, check Chromium on the server.",
    ),
    "report_skipped": ("dilewati", "skipped"),
    "report_not_complete": (
        "{month} belum lengkap untuk {sites} ({coverage}); dengan --complete-only tidak ada laporan. "
        "Tanpa opsi itu laporan ditulis bertanda SEMENTARA.",
        "{month} is not complete for {sites} ({coverage}); with --complete-only no report is written. "
        "Without that option the report is written marked PROVISIONAL.",
    ),
    "report_letterhead": ("Kop surat (admin)", "Letterhead (admin)"),
    "report_letterhead_name": ("Nama kantor", "Office name"),
    "report_letterhead_address": ("Alamat", "Address"),
    "report_letterhead_logo": ("Logo (PNG/JPEG)", "Logo (PNG/JPEG)"),
    "report_letterhead_remove_logo": ("Hapus logo", "Remove the logo"),
    "report_letterhead_save": ("Simpan kop surat", "Save the letterhead"),
    "report_letterhead_saved": ("Kop surat disimpan.", "Letterhead saved."),
    "report_written": ("ditulis", "written"),
    "report_unchanged": ("tidak berubah", "unchanged"),
    "report_kept_earlier": ("laporan lama disimpan sebagai {name}", "the earlier report kept as {name}"),
}
