"""Interface text of the shared store (DuckLake on PostgreSQL): the command-line options that name a
store, and `python -m mpp lake push` (its refusals and its summary)."""

LAKE_TEXT: dict[str, tuple[str, str]] = {
    "option_db": (
        "berkas basis data, atau katalog ducklake:postgres:... (bawaan: $MPP_DB atau data/mpp.duckdb)",
        "database file, or a ducklake:postgres:... catalog (default: $MPP_DB or data/mpp.duckdb)",
    ),
    "option_data_path": (
        "folder berkas data penyimpanan bersama (bawaan: $MPP_DATA_PATH)",
        "the shared store's data folder (default: $MPP_DATA_PATH)",
    ),
    # python -m mpp lake push: what it did
    "push_summary": (
        "{file} -> penyimpanan bersama: {pushed} muatan baru, {already} sudah ada, {replaced} muatan di "
        "sana diganti, {undone} dibatalkan; {rows} baris data.",
        "{file} -> shared store: {pushed} new loads, {already} already there, {replaced} loads there "
        "replaced, {undone} undone; {rows} rows of data.",
    ),
    "push_site_line": (
        "  {site}: {loads} muatan baru, {rows} baris; kunjungan layanan di penyimpanan bersama "
        "{visits_lake} (di berkas {visits_file})",
        "  {site}: {loads} new loads, {rows} rows; service visits in the shared store {visits_lake} "
        "(in the file {visits_file})",
    ),
    # ... and why it pushed nothing
    "push_from_lake": (
        "--from harus berkas DuckDB sebuah kantor, bukan penyimpanan bersama; tidak ada yang dikirim.",
        "--from must be an office's DuckDB file, not a shared store; nothing was pushed.",
    ),
    "push_to_file": (
        "--to harus katalog penyimpanan bersama (ducklake:postgres:...); tidak ada yang dikirim.",
        "--to must be a shared store's catalog (ducklake:postgres:...); nothing was pushed.",
    ),
    "push_no_file": (
        "{file} tidak ada atau bukan berkas; tidak ada yang dikirim.",
        "{file} does not exist or is not a file; nothing was pushed.",
    ),
    "push_not_a_store": (
        "{file} bukan basis data Pantau MPP ({reason}); tidak ada yang dikirim.",
        "{file} is not a Pantau MPP store ({reason}); nothing was pushed.",
    ),
    "push_busy": (
        "{file} sedang ditulis proses lain; tidak ada yang dikirim. Coba lagi sebentar.",
        "{file} is being written by another process; nothing was pushed. Try again shortly.",
    ),
    "push_schema_older": (
        "{file} memakai skema lama (versi {have}; kode ini versi {want}), dan pengiriman tidak pernah "
        "mengubah berkas kantor. Buat cadangan, perbarui dengan `python -m mpp init --db {file}`, lalu "
        "kirim lagi. Tidak ada yang dikirim.",
        "{file} has an older schema (version {have}; this code has {want}), and a push never changes "
        "the office's file. Back it up, upgrade it with `python -m mpp init --db {file}`, then push "
        "again. Nothing was pushed.",
    ),
    "push_schema_newer": (
        "{file} dibuat oleh Pantau MPP yang lebih baru (skema versi {have}; kode ini versi {want}). "
        "Perbarui Pantau MPP di mesin ini, lalu kirim lagi. Tidak ada yang dikirim.",
        "{file} was made by a newer Pantau MPP (schema version {have}; this code has {want}). Update "
        "Pantau MPP on this machine, then push again. Nothing was pushed.",
    ),
    "push_site_conflict": (
        "Lokasi '{site}' sudah ada di penyimpanan bersama dengan {field} lain (berkas: {ours}; "
        "penyimpanan bersama: {theirs}), jadi itu tempat lain dengan nama yang sama. Tidak ada yang "
        "dikirim: samakan keterangan lokasi itu atau ganti namanya di salah satunya, lalu kirim lagi.",
        "Site '{site}' exists in the shared store with another {field} (file: {ours}; shared store: "
        "{theirs}): another place of the same name. Nothing was pushed: make the two agree, or rename "
        "one, then push again.",
    ),
    "push_agency_conflict": (
        "Instansi '{agency}' di berkas adalah, di penyimpanan bersama, ejaan dari '{canonical}'. Tidak "
        "ada yang dikirim: satukan keduanya (ejaan atau nama instansi) di berkas atau di penyimpanan "
        "bersama, lalu kirim lagi.",
        "Agency '{agency}' of the file is, in the shared store, a spelling of '{canonical}'. Nothing "
        "was pushed: make them one (a spelling or the agency's name) in the file or the shared store, "
        "then push again.",
    ),
    "push_agency_level": (
        "Instansi '{agency}' bertingkat {ours} di berkas tetapi {theirs} di penyimpanan bersama. Tidak "
        "ada yang dikirim: samakan tingkatnya, lalu kirim lagi.",
        "Agency '{agency}' is of level {ours} in the file but {theirs} in the shared store. Nothing "
        "was pushed: make the levels agree, then push again.",
    ),
    "push_conflict": (
        "Kantor lain menulis data yang sama ke penyimpanan bersama pada saat yang sama; pengiriman ini "
        "dibatalkan utuh dan tidak ada yang dikirim. Jalankan lagi. ({error})",
        "Another office wrote the same data to the shared store at the same moment; this push was "
        "rolled back whole and nothing was pushed. Run it again. ({error})",
    ),
    "push_busy_lake": (
        "Penyimpanan bersama sibuk: kantor lain sedang menulis. Pengiriman {file} dicoba {tries} kali; "
        "tidak ada yang dikirim. Jalankan lagi sebentar lagi.",
        "The shared store is busy: other offices are writing. Pushing {file} was tried {tries} times; "
        "nothing was pushed. Run it again in a moment.",
    ),
    "push_failed": (
        "Pengiriman gagal dan dibatalkan utuh; tidak ada yang dikirim ({error}).",
        "The push failed and was rolled back whole; nothing was pushed ({error}).",
    ),
    "push_field_kind": ("jenis", "kind"),
    "push_field_kabupaten_kota": ("kabupaten/kota", "kabupaten/kota"),
    "push_field_province": ("provinsi", "province"),
    "push_field_parent": ("MPP induk", "parent MPP"),
}
