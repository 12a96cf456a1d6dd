"""The DuckDB store: opening and upgrading it, named queries, the load ledger and its history."""
