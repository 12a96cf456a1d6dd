"""Interface text of the column mapping on the upload page: the form that teaches the loader an
unknown sheet once, its preview, and the list of saved mappings (rename, delete, export, import).
Indonesian first with English beside; merged into catalogue.TEXT."""

MAPPING_PAGE_TEXT = {
    "cm_title": ("Petakan kolom: {name}", "Map the columns: {name}"),
    "cm_intro": (
        "Tidak ada bentuk yang mengenali berkas ini. Tunjukkan kolomnya sekali: pemetaan disimpan "
        "untuk lokasinya, dan berkas berikutnya dengan judul kolom yang sama dikenali sendiri.",
        "No layout recognises this file. Show its columns once: the mapping is saved for its site, "
        "and later files with the same column headers are recognised by themselves.",
    ),
    "cm_sheet": ("Lembar", "Sheet"),
    "cm_first_rows": ("Baris pertama lembar «{sheet}»", "The first rows of sheet «{sheet}»"),
    "cm_row": ("Baris", "Row"),
    "cm_header_row": ("Baris judul kolom", "Header row"),
    "cm_agency_from": ("Instansi", "Agency"),
    "cm_agency_from_column": ("dari satu kolom", "from a column"),
    "cm_agency_from_one": ("satu instansi untuk seluruh berkas", "one agency for the whole file"),
    "cm_agency_column": ("Kolom instansi", "Agency column"),
    "cm_one_agency": ("Instansi seluruh berkas", "The whole file's agency"),
    "cm_service_column": ("Kolom layanan (boleh tidak ada)", "Service column (optional)"),
    "cm_no_column": ("(tidak ada)", "(none)"),
    "cm_dates_from": ("Tanggal atau bulan", "Date or month"),
    "cm_dates_from_date": ("satu kolom tanggal", "one date column"),
    "cm_dates_from_months": ("satu kolom per bulan", "one column per month"),
    "cm_date_column": ("Kolom tanggal", "Date column"),
    "cm_month_columns": ("Kolom bulan", "Month columns"),
    "cm_month_of": ("Bulan kolom «{column}» (TTTT-BB)", "Month of column «{column}» (YYYY-MM)"),
    "cm_count_column": ("Kolom jumlah", "Count column"),
    "cm_one_row_per_ticket": ("(satu baris per tiket)", "(one row per ticket)"),
    "cm_status_column": ("Kolom status tiket (boleh tidak ada)", "Ticket status column (optional)"),
    "cm_served_values": (
        "Nilai status yang berarti dilayani (dihitung sebagai kunjungan)",
        "Status values that mean served (counted as visits)",
    ),
    "cm_column_choice": ("{letter}: {header}", "{letter}: {header}"),
    "cm_samples": ("contoh: {values}", "e.g. {values}"),
    "cm_preview": (
        "Pratinjau: kunjungan layanan per bulan per instansi (belum dimuat)",
        "Preview: service visits per month per agency (not loaded yet)",
    ),
    "cm_preview_total": ("Jumlah", "Total"),
    "cm_preview_head": (
        "Berkas besar: pratinjau ini dari {rows} baris pertama saja; angka lengkapnya tampil setelah "
        "berkas diperiksa lagi.",
        "A large file: this preview reads its first {rows} rows only; the full figures show once the "
        "file is checked again.",
    ),
    "cm_preview_none": (
        "Belum ada angka untuk ditampilkan: lengkapi pilihan kolom di atas.",
        "No figures to show yet: complete the column choices above.",
    ),
    "cm_preview_problems": ("Yang belum cocok dengan pilihan ini:", "What does not fit these choices yet:"),
    "cm_name": ("Nama pemetaan", "Mapping name"),
    "cm_name_default": ("Pemetaan {sheet}", "Mapping {sheet}"),
    "cm_save": ("Simpan dan periksa lagi", "Save and check again"),
    "cm_saved": (
        "Pemetaan '{name}' disimpan untuk {site}; berkas diperiksa lagi.",
        "Mapping '{name}' saved for {site}; the file was checked again.",
    ),
    "cm_need_site": (
        "Pilih Lokasi di «{options}» dulu: pemetaan disimpan per lokasi.",
        "Pick the site under «{options}» first: a mapping is saved per site.",
    ),
    "cm_need_name": ("Beri nama pemetaan ini.", "Give this mapping a name."),
    "cm_need_preview": (
        "Belum bisa disimpan: pratinjau belum menunjukkan angka.",
        "Not saved yet: the preview shows no figures.",
    ),
    "cm_refused": ("Pemetaan ini tidak dapat dipakai: {reason}", "This mapping cannot be used: {reason}"),
    "cm_unreadable": (
        "Lembar berkas ini tidak dapat dibaca untuk dipetakan: {reason}",
        "The file's sheets cannot be read for mapping: {reason}",
    ),
    # Saved mappings
    "cm_saved_title": ("Pemetaan kolom tersimpan", "Saved column mappings"),
    "cm_saved_intro": (
        "Berkas yang judul kolomnya sama dengan pemetaan lokasinya dikenali sendiri saat diunggah.",
        "A file whose column headers match a mapping of its site is recognised by itself on upload.",
    ),
    "cm_none_saved": ("Belum ada pemetaan kolom tersimpan.", "No column mapping saved yet."),
    "cm_col_site": ("Lokasi", "Site"),
    "cm_col_name": ("Nama", "Name"),
    "cm_col_sheet": ("Lembar", "Sheet"),
    "cm_col_header": ("Judul kolom", "Column headers"),
    "cm_pick": ("Pemetaan", "Mapping"),
    "cm_new_name": ("Nama baru", "New name"),
    "cm_rename": ("Ganti nama", "Rename"),
    "cm_renamed": ("Pemetaan diganti namanya menjadi '{name}'.", "Mapping renamed to '{name}'."),
    "cm_delete": ("Hapus pemetaan", "Delete mapping"),
    "cm_deleted": ("Pemetaan '{name}' dihapus.", "Mapping '{name}' deleted."),
    "cm_download": ("Unduh sebagai JSON", "Download as JSON"),
    "cm_import": ("Impor pemetaan (berkas JSON)", "Import a mapping (JSON file)"),
    "cm_import_site": ("Lokasi pemetaan yang diimpor", "Site of the imported mapping"),
    "cm_import_button": ("Impor", "Import"),
    "cm_imported": ("Pemetaan '{name}' diimpor untuk {site}.", "Mapping '{name}' imported for {site}."),
    "cm_import_refused": (
        "Berkas {file} tidak diimpor: {reason}",
        "{file} was not imported: {reason}",
    ),
    "cm_pick_site": ("(pilih lokasi)", "(pick a site)"),
    "cm_pick_column": ("(pilih kolom)", "(pick a column)"),
    "cm_pick_columns": ("(pilih kolom-kolomnya)", "(pick the columns)"),
    "cm_pick_agency": ("(pilih instansi)", "(pick an agency)"),
    "cm_pick_values": ("(pilih nilainya)", "(pick the values)"),
}
