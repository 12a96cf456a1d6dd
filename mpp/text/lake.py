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
}
