"""Interface text of `python -m mpp lake upkeep`: the shared store's nightly maintenance."""

UPKEEP_TEXT: dict[str, tuple[str, str]] = {
    "upkeep_help": (
        "perawatan penyimpanan bersama (gabung berkas kecil, hapus snapshot dan berkas lama)",
        "upkeep of the shared store (merge small files, expire snapshots, remove old files)",
    ),
    "upkeep_older_than": (
        "umur snapshot dan berkas yang boleh dihapus, mis. 7d, 36h, 90m (bawaan 7d)",
        "age of the snapshots and files that may go, e.g. 7d, 36h, 90m (default 7d)",
    ),
    "upkeep_dry_run_help": ("hanya tampilkan apa yang akan dilakukan", "only show what would be done"),
    "upkeep_bad_age": (
        "--older-than harus berbentuk angka dengan d, h atau m (mis. 7d), bukan {text!r}",
        "--older-than must be a number with d, h or m (e.g. 7d), not {text!r}",
    ),
    "upkeep_no_store": ("Basis data tidak ditemukan: {store}", "Database not found: {store}"),
    "upkeep_done": ("Perawatan penyimpanan bersama selesai:", "Upkeep of the shared store done:"),
    "upkeep_merged": (
        "  berkas data digabung: {before} menjadi {after}",
        "  data files merged: {before} into {after}",
    ),
    "upkeep_expired": ("  snapshot lama dihapus: {snapshots}", "  old snapshots expired: {snapshots}"),
    "upkeep_removed": (
        "  berkas dihapus dari folder data: {old} berkas lama, {orphans} berkas yatim",
        "  files removed from the data folder: {old} old files, {orphans} orphaned files",
    ),
    "upkeep_dry_run": (
        "Uji coba perawatan (tidak ada yang diubah):",
        "Upkeep dry run (nothing was changed):",
    ),
    "upkeep_would_merge": (
        "  berkas data sekarang: {before} (penggabungan tidak dapat diuji coba)",
        "  data files now: {before} (merging has no dry run)",
    ),
    "upkeep_would_expire": (
        "  snapshot lama yang akan dihapus: {snapshots}",
        "  old snapshots that would be expired: {snapshots}",
    ),
    "upkeep_would_remove": (
        "  berkas yang akan dihapus dari folder data: {old} berkas lama, {orphans} berkas yatim",
        "  files that would be removed from the data folder: {old} old files, {orphans} orphaned files",
    ),
    "upkeep_file_checkpoint": (
        "Berkas DuckDB tidak butuh perawatan penyimpanan bersama; CHECKPOINT dijalankan.",
        "A DuckDB file needs no shared-store upkeep; CHECKPOINT was run.",
    ),
    "upkeep_file_dry_run": (
        "Berkas DuckDB tidak butuh perawatan penyimpanan bersama; CHECKPOINT akan dijalankan.",
        "A DuckDB file needs no shared-store upkeep; CHECKPOINT would be run.",
    ),
    "upkeep_busy": (
        "Penyimpanan bersama sibuk: kantor lain sedang menulis. Perawatan dicoba {tries} kali dan "
        "tidak mengubah apa pun. Jalankan lagi nanti.",
        "The shared store is busy: other offices are writing. The upkeep was tried {tries} times and "
        "changed nothing. Run it again later.",
    ),
}
