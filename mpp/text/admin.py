"""Interface text of the analysts' and admins' pages: login, accounts, upload, history."""

ADMIN_TEXT = {
    "session_expired": ("Sesi Anda berakhir; silakan masuk lagi.", "Your session expired; log in again."),
    "username": ("Nama pengguna", "Username"),
    "password": ("Kata sandi", "Password"),
    "log_in": ("Masuk", "Log in"),
    "log_out": ("Keluar", "Log out"),
    "log_in_sso": ("Masuk dengan akun kantor (SSO)", "Log in with the office account (SSO)"),
    "logged_in_as": ("Masuk sebagai {user} ({role})", "Logged in as {user} ({role})"),
    "needs_role": (
        "Halaman ini untuk peran {role} ke atas. Silakan masuk dengan akun yang sesuai.",
        "This page needs the {role} role or higher. Please log in with such an account.",
    ),
    "role_viewer": ("pembaca", "viewer"),
    "role_analyst": ("analis", "analyst"),
    "role_admin": ("admin", "admin"),
    "change_one_time_password": (
        "Anda masuk dengan kata sandi sekali pakai. Buat kata sandi baru dulu.",
        "You logged in with a one-time password. Choose a new one first.",
    ),
    "new_password": ("Kata sandi baru (minimal 10 karakter)", "New password (at least 10 characters)"),
    "new_password_again": ("Ulangi kata sandi baru", "New password again"),
    "change_password": ("Ganti kata sandi", "Change password"),
    "passwords_differ": ("Kedua kata sandi tidak sama.", "The two passwords differ."),
    "password_changed": ("Kata sandi diganti.", "Password changed."),
    "accounts": ("Akun", "Accounts"),
    "my_account": ("Akun saya", "My account"),
    "all_accounts": ("Semua akun", "All accounts"),
    "add_account": ("Tambah akun", "Add an account"),
    "role": ("Peran", "Role"),
    "account_added": (
        "Akun {user} dibuat. Kata sandi sekali pakai (tampil sekali ini saja): {password}",
        "Account {user} created. One-time password (shown this once only): {password}",
    ),
    "change_role": ("Ubah peran atau nonaktifkan", "Change role or disable"),
    "disabled": ("Nonaktif", "Disabled"),
    "save": ("Simpan", "Save"),
    "saved": ("Tersimpan.", "Saved."),
    "history": ("Riwayat Muatan", "Load history"),
    "history_intro": (
        "Setiap berkas yang pernah dimuat. Berkas asli dapat diunduh lagi; sebuah muatan "
        "dapat dibatalkan, dan angka yang digantikannya kembali berlaku.",
        "Every file ever loaded. The original can be downloaded again; a load can be "
        "undone, and the figures it replaced apply again.",
    ),
    "no_loads": ("Belum ada muatan.", "No loads yet."),
    "col_load": ("Muatan", "Load"),
    "col_when": ("Waktu", "When"),
    "col_who": ("Oleh", "By"),
    "col_file": ("Berkas", "File"),
    "col_layout": ("Format", "Layout"),
    "col_period": ("Periode", "Period"),
    "col_rows": ("Baris", "Rows"),
    "col_total": ("Total", "Total"),
    "col_status": ("Status", "Status"),
    "status_loaded": ("dimuat", "loaded"),
    "status_superseded": ("digantikan", "superseded"),
    "status_undone": ("dibatalkan", "undone"),
    "pick_load": ("Pilih muatan", "Choose a load"),
    "download_original": ("Unduh berkas asli", "Download the original file"),
    "no_original": (
        "Berkas asli muatan ini tidak tersimpan (data demo atau muatan lama).",
        "The original of this load is not kept (demo data or an old load).",
    ),
    "figure_too_large": (
        "Angka di halaman ini tidak dapat dihitung: sebuah muatan berisi angka yang "
        "terlalu besar untuk dijumlahkan. Batalkan muatan itu di halaman Riwayat "
        "(lihat kolom Total), lalu muat ulang berkas yang sudah diperbaiki.",
        "The figures on this page cannot be computed: a load holds a number too large "
        "to add up. Undo that load on the Riwayat page (see the Total column), then "
        "load the corrected file.",
    ),
    # {columns}: the ledger's reason, the personal-data columns' labels, 'nilai mirip NIK/nomor HP
    # di kolom X' or 'tidak dapat dibaca ulang' (never a value)
    "original_not_kept": (
        "Berkas asli tidak disimpan karena data pribadi ({columns}) — UU 27/2022. "
        "Hanya angka yang dimuat yang disimpan.",
        "The original file is not kept because of personal data ({columns}) — "
        "Indonesia's Law 27/2022 on personal data. Only the loaded figures are kept.",
    ),
    "undo_title": ("Batalkan muatan {load}", "Undo load {load}"),
    "undo_preview": (
        "Yang berubah bila dibatalkan (kunjungan layanan per instansi dan bulan; pengunjung per bulan):",
        "What changes if undone (service visits per agency and month; visitors per month):",
    ),
    "visitors_row": ("(pengunjung)", "(visitors)"),
    "skm_respondents_row": ("(responden SKM)", "(SKM respondents)"),
    "now": ("Sekarang", "Now"),
    "after_undo": ("Sesudah dibatalkan", "After undo"),
    "confirm_undo": ("Saya paham; batalkan muatan {load}", "I understand; undo load {load}"),
    "undo": ("Batalkan muatan", "Undo load"),
    "undone": (
        "Muatan {load} dibatalkan; angka sebelumnya kembali berlaku.",
        "Load {load} undone; the previous figures apply again.",
    ),
}

UPLOAD_TEXT = {
    "upload": ("Unggah Berkas", "Upload files"),
    "upload_intro": (
        "Seret satu atau beberapa berkas (xlsx, xls, csv). Setiap berkas diperiksa dulu; "
        "tidak ada yang disimpan sebelum Anda menekan tombol muat. Berkas yang sama persis "
        "tidak mengubah apa pun; berkas koreksi menggantikan tepat bulan dan instansi yang "
        "dicakupnya.",
        "Drop one or several files (xlsx, xls, csv). Each is checked first; nothing is saved "
        "until you press the load button. The same file again changes nothing; a corrected "
        "file replaces exactly the months and agencies it covers.",
    ),
    "upload_options": ("Pilihan (bila berkas tidak menyebutnya)", "Options (when the file does not say)"),
    "site_from_file": ("(dari berkas)", "(from the file)"),
    "new_site": (
        "Lokasi baru (nama lengkap, mis. MPP Kabupaten Paser)",
        "New site (full name, e.g. MPP Kabupaten Paser)",
    ),
    "year": ("Tahun", "Year"),
    "block": (
        "Blok (untuk lembar dengan beberapa blok bulan, mis. JUMLAH IZIN)",
        "Block (for sheets with several month blocks, e.g. JUMLAH IZIN)",
    ),
    "whole_file_agency": ("Satu instansi untuk seluruh berkas", "One agency for the whole file"),
    "agency_from_file": ("(dari kolom instansi berkas)", "(from the file's agency column)"),
    "sum_duplicates": ("Jumlahkan baris ganda", "Add up duplicate rows"),
    "statuses_mapped": (
        "Arti status tiket yang dipilih: {statuses}.",
        "Ticket status meanings chosen: {statuses}.",
    ),
    "forget_statuses": ("Lupakan arti status ini", "Forget these status meanings"),
    "files": ("Berkas", "Files"),
    "reading": ("Membaca {name} ({i} dari {n})…", "Reading {name} ({i} of {n})…"),
    "read_done": ("{n} berkas diperiksa.", "{n} files checked."),
    "layout": ("Format", "Layout"),
    "rows": ("Baris", "Rows"),
    "visitors_total": ("Pengunjung", "Visitors"),
    "outcome_added": ("akan ditambahkan", "will be added"),
    "outcome_replaced": (
        "akan menggantikan data yang ada untuk bulan dan instansi yang sama",
        "will replace the stored figures of the same months and agencies",
    ),
    "outcome_unchanged": (
        "sudah pernah dimuat persis sama: tidak ada yang berubah",
        "already loaded exactly so: nothing changes",
    ),
    "outcome_refused": ("ditolak: perbaiki masalah di bawah ini", "refused: fix the problems below"),
    "problems": ("Masalah ({n})", "Problems ({n})"),
    "col_code": ("Kode", "Code"),
    "col_sheet": ("Lembar", "Sheet"),
    "col_cell": ("Sel", "Cell"),
    "col_message": ("Keterangan", "Message"),
    # The way out of a problem (loaders.model.WAY_OUTS) in the page's terms: its fields, never the
    # command line's options. {options} is the title of the options above the files.
    "way_out_site": (
        "Pilih Lokasi di «{options}», atau ketik Lokasi baru di sana, lalu periksa lagi.",
        "Choose the Site under «{options}», or type a new site there, then check again.",
    ),
    "way_out_year": (
        "Isi Tahun di «{options}», lalu periksa lagi.",
        "Fill in the Year under «{options}», then check again.",
    ),
    "way_out_block": (
        "Isi Blok di «{options}» dengan salah satunya (mis. {subject}), lalu periksa lagi.",
        "Fill in the Block under «{options}» with one of them (e.g. {subject}), then check again.",
    ),
    "way_out_unknown_agencies": (
        "Petakan ke instansi yang dikenal, atau tambahkan sebagai instansi baru, di formulir di bawah.",
        "Map it to a known agency, or add it as a new agency, in the form below.",
    ),
    "way_out_agency": (
        "Bila semua barisnya milik satu instansi, pilih instansinya di «{agency}» pada «{options}», "
        "lalu periksa lagi.",
        "If every row belongs to one agency, choose it under «{agency}» in «{options}», then check again.",
    ),
    "way_out_status": (
        "Pilih arti setiap status di formulir Arti status tiket di bawah, lalu periksa lagi; artinya "
        "disimpan saat berkas dimuat.",
        "Choose what each status means in the Ticket status meanings form below, then check again; "
        "the meanings are saved when the file loads.",
    ),
    "way_out_sum_duplicates": (
        "Bila keduanya memang harus dijumlahkan, centang «{sum}» di «{options}», lalu periksa lagi.",
        "If both should be added up, tick «{sum}» in «{options}», then check again.",
    ),
    "way_out_layout": (
        "Petakan kolomnya sekali di «Petakan kolom» di bawah, atau ganti judul kolom di berkas agar "
        "cocok dengan salah satu bentuk itu lalu unggah lagi.",
        "Map its columns once under «Map the columns» below, or rename the file's column headers to "
        "match one of those layouts and upload it again.",
    ),
    "status_form": ("Arti status tiket", "Ticket status meanings"),
    "status_means": ("'{word}' ({n} tiket) berarti", "'{word}' ({n} tickets) means"),
    "status_pick": ("Pilih artinya", "Choose its meaning"),
    "status_meaning_served": ("Dilayani (dihitung sebagai kunjungan)", "Served (counted as a visit)"),
    "status_meaning_cancelled": ("Batal", "Cancelled"),
    "status_meaning_no_show": ("Tidak hadir", "No-show"),
    "status_meaning_waiting": ("Menunggu", "Waiting"),
    "status_meaning_other": ("Lainnya", "Other"),
    "check_statuses": ("Periksa lagi dengan arti ini", "Check again with these meanings"),
    "status_none_chosen": (
        "Pilih arti setidaknya satu status.",
        "Choose the meaning of at least one status.",
    ),
    "as_new_agency": ("➕ tambahkan sebagai instansi baru", "➕ add as a new agency"),
    "agency_form": ("Instansi tidak dikenal ({n} nama)", "Unknown agencies ({n} names)"),
    "agency_form_help": (
        "Pilih untuk setiap nama instansi yang dimaksud, atau tambahkan sebagai instansi baru; "
        "pilihan berlaku juga untuk berkas berikutnya. Hanya nama yang sangat mirip dengan instansi "
        "yang dikenal sudah terisi: periksa dulu. Nama tanpa pilihan tetap tidak dikenal.",
        "Choose for each name the agency it means, or add it as a new agency; the choice holds for "
        "later files too. Only names very much alike a known agency are filled in: check them. "
        "Names left without a choice stay unknown.",
    ),
    "col_name_in_file": ("Nama di berkas", "Name in the file"),
    "col_agency_meant": ("Instansi yang dimaksud", "Agency meant"),
    "pick_agency": ("Pilih instansi", "Choose the agency"),
    "save_agency_choices": ("Simpan pilihan", "Save the choices"),
    "agencies_at_once": ("Sekaligus untuk semua nama", "For all names at once"),
    "add_all_new": ("Tambahkan semua sebagai instansi baru", "Add all as new agencies"),
    "services_owner": (
        "…atau semua nama ini layanan (jenis izin, loket) dari satu instansi:",
        "…or all these names are services (permit types, counters) of one agency:",
    ),
    "all_services_of": ("Jadikan layanan instansi ini", "Make them this agency's services"),
    "no_agency_chosen": (
        "Belum ada pilihan: isi kolom «{column}», atau pakai pilihan sekaligus.",
        "Nothing chosen: fill in the «{column}» column, or use a choice for all names at once.",
    ),
    "owner_needed": ("Pilih instansinya dulu.", "Choose the agency first."),
    "agencies_saved": (
        "{n} nama disimpan; berkas diperiksa ulang.",
        "{n} names saved; the file is checked again.",
    ),
    "agencies_not_saved": (
        "Pilihan instansi tidak disimpan, tidak ada yang berubah: {reason}",
        "The agency choices were not saved, nothing changed: {reason}",
    ),
    "services_of_chosen": (
        "Seluruh berkas diperiksa ulang sebagai layanan {agency} («{field}» di «{options}»).",
        "The whole file is checked again as services of {agency} («{field}» in «{options}»).",
    ),
    "col_problem": ("Masalah", "Problem"),
    "unknown_agencies_row": (
        "{n} nama instansi tidak dikenal; pilih instansinya di formulir Instansi tidak dikenal di bawah.",
        "{n} agency names unknown; choose their agencies in the Unknown agencies form below.",
    ),
    "given_option": ("{value} (pilihan)", "{value} (chosen)"),
    "fact_block": ("Blok", "Block"),
    "zero_months_warning": (
        "{months}: angka 0 untuk semua instansi. Bila bulan itu belum dilaporkan ('-' diketik "
        "untuk bulan yang belum ada angkanya), angka 0 akan tercatat sebagai bulan tanpa kunjungan.",
        "{months}: 0 for every agency. If that month is not yet reported ('-' typed for a month "
        "without figures yet), the 0 would be recorded as a month without visits.",
    ),
    "zero_month_question": ("{month}: 0 untuk semua instansi berarti", "{month}: 0 for every agency means"),
    "zero_month_not_reported": (
        "belum dilaporkan (bulan ini tidak dimuat)",
        "not yet reported (this month is not loaded)",
    ),
    "zero_month_real": ("memang nol (dimuat sebagai 0)", "really zero (loaded as 0)"),
    "zero_month_pick": ("Pilih jawabannya", "Choose the answer"),
    "check_zero_months": ("Periksa lagi dengan jawaban ini", "Check again with these answers"),
    "zero_months_unanswered": (
        "Jawab dulu pertanyaan bulan bernilai 0 di atas; sampai itu berkas ini tidak dimuat.",
        "Answer the question about the months of 0 above first; until then this file is not loaded.",
    ),
    "loaded_status": ("{name}: {outcome} (muatan {load})", "{name}: {outcome} (load {load})"),
    "load_files": ("Muat {n} berkas", "Load {n} files"),
    "loaded_result": ("{name}: {outcome} (muatan {load}).", "{name}: {outcome} (load {load})."),
    "result_added": ("ditambahkan", "added"),
    "result_replaced": ("menggantikan data sebelumnya", "replaced"),
    "load_refused": (
        "{name}: ditolak, tidak ada yang dimuat. Perbaiki masalah di bawah ini, lalu unggah lagi.",
        "{name}: refused, nothing was loaded. Fix the problems below, then upload again.",
    ),
    "result_unchanged": ("tidak berubah", "unchanged"),
    "result_refused": ("ditolak", "refused"),
    "notes": ("Catatan", "Notes"),
}

SITE_TEXT = {
    "site_setup": ("Lokasi dan Anggota", "Sites and members"),
    "site_setup_intro": (
        "Siapkan lokasi baru sebelum berkas pertamanya, catat instansi anggotanya beserta "
        "tanggal bergabung dan keluar, dan tutup buku bulan yang sudah final: instansi yang "
        "belum melapor dianggap tidak melayani. Tutup buku dan buka kembali tercatat di "
        "Riwayat Muatan dan dapat dibatalkan di sana.",
        "Set up a new site before its first file, record its member agencies with the days "
        "they joined and left, and close months that are final: agencies still missing had "
        "no service. Closing and reopening are recorded in the load history and can be "
        "undone there.",
    ),
    "coverage_title": ("Kelengkapan dan tutup buku", "Coverage and closing a month"),
    "no_months": (
        "Belum ada bulan untuk lokasi ini: belum ada data maupun anggota.",
        "No months for this site yet: neither data nor members.",
    ),
    "nothing_expected": ("tidak ada yang diharapkan melapor", "nobody expected to report"),
    "state_complete": ("lengkap", "complete"),
    "state_partial": ("belum lengkap", "incomplete"),
    "state_closed": ("ditutup (tutup buku)", "closed"),
    "not_reported": ("Belum melapor: {names}", "Not reported: {names}"),
    "confirm_close": (
        "Saya paham: {month} final; yang belum melapor dianggap tidak melayani",
        "I understand: {month} is final; agencies still missing had no service",
    ),
    "close_month": ("Tutup buku {month}", "Close {month}"),
    "reopen_month": ("Buka kembali {month}", "Reopen {month}"),
    "closed_done": ("{month} di {site} ditutup (muatan {load}).", "{month} at {site} closed (load {load})."),
    "reopened_done": (
        "{month} di {site} dibuka kembali (muatan {load}).",
        "{month} at {site} reopened (load {load}).",
    ),
    "members_title": ("Instansi anggota", "Member agencies"),
    "no_members": (
        "Belum ada anggota tercatat: bulan-bulan lokasi ini dinilai dari riwayat datanya.",
        "No members recorded: this site's months are judged by its data history.",
    ),
    "col_joined": ("Bergabung", "Joined"),
    "col_left": ("Keluar", "Left"),
    "col_added_by": ("Dicatat oleh", "By"),
    "add_member": ("Tambah anggota", "Add a member"),
    "joined_on": ("Bergabung sejak", "Member since"),
    "new_agency_name": (
        "…atau instansi baru (nama seperti ditulis pers)",
        "…or a new agency (name as the press writes it)",
    ),
    "member_added": ("{agency} anggota {site} sejak {day}.", "{agency} is a member of {site} since {day}."),
    "end_member": ("Catat keluar", "Record leaving"),
    "left_on": ("Keluar pada", "Left on"),
    "member_left": ("{agency} keluar dari {site} pada {day}.", "{agency} left {site} on {day}."),
    "add_site": ("Lokasi baru", "New site"),
    "site_name": ("Nama lokasi (mis. MPP Kabupaten Balangan)", "Site name (e.g. MPP Kabupaten Balangan)"),
    "kind": ("Jenis", "Kind"),
    "kind_mpp": ("MPP", "MPP"),
    "kind_mini_mpp": ("Mini MPP", "Mini MPP"),
    "kabupaten_kota": ("Kabupaten/kota", "Regency/city"),
    "kecamatan": ("Kecamatan", "District"),
    "province": ("Provinsi", "Province"),
    "timezone": ("Zona waktu", "Time zone"),
    "parent": ("MPP induk (untuk Mini MPP)", "Parent MPP (for a Mini MPP)"),
    "no_parent": ("(tidak ada)", "(none)"),
    "opened": ("Tanggal dibuka", "Opened on"),
    "site_channels": ("Kanal layanan", "Service channels"),
    "channel_walk_in": ("tatap muka", "walk-in"),
    "channel_online": ("antrean daring", "online queue"),
    "channel_jemput_bola": ("jemput bola", "mobile service"),
    "channel_digital": ("aplikasi digital", "digital app"),
    "site_added": ("Lokasi {site} ditambahkan.", "Site {site} added."),
    "site_facts": (
        "{kind} · {place} · dibuka {opened} · kanal: {channels}",
        "{kind} · {place} · opened {opened} · channels: {channels}",
    ),
    "unknown": ("tidak diketahui", "unknown"),
    "refused": ("Tidak disimpan: {reason}", "Not saved: {reason}"),
    "closed_row": ("(tutup buku {measure})", "(month closed, {measure})"),
    "month_closed": ("ditutup", "closed"),
    "month_open": ("terbuka", "open"),
    "layout_close_month": ("Tutup buku", "Month closed"),
    "layout_reopen_month": ("Buka kembali", "Month reopened"),
}
