"""Text of the store itself: the shared store's (DuckLake's) refusals on the command line, and
accounts the store already has."""

STORE_TEXT: dict[str, tuple[str, str]] = {
    "lake_backup_refused": (
        "`backup` menyalin berkas DuckDB saja. Penyimpanan bersama (DuckLake) dicadangkan dalam dua "
        "bagian yang disimpan bersama: (1) basis data katalognya di PostgreSQL, mis. "
        "`pg_dump -Fc -f katalog.dump NAMA_BASIS_DATA`, lalu (2) salinan folder datanya "
        "(MPP_DATA_PATH), mis. `cp -a FOLDER_DATA cadangan-data`. Katalog dulu, folder sesudahnya: "
        "berkas yang ditulis di antaranya hanya menjadi lebihan yang tidak dirujuk. Pulihkan keduanya "
        "bersama (pg_restore ke basis data kosong, folder di tempatnya semula).",
        "`backup` copies a DuckDB file only. Back up a shared store (DuckLake) as two parts kept "
        "together: (1) its catalog database in PostgreSQL, e.g. `pg_dump -Fc -f catalog.dump "
        "DATABASE_NAME`, then (2) a copy of its data directory (MPP_DATA_PATH), e.g. "
        "`cp -a DATA_DIR data-backup`. The catalog first, the directory after: files written in "
        "between are only extras nothing refers to. Restore both together (pg_restore into an empty "
        "database, the directory back where it was).",
    ),
    "account_exists": ("Akun {username} sudah ada.", "An account named {username} already exists."),
}
