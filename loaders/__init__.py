"""Spreadsheets -> tidy rows -> DuckDB: read, detect, parse, normalize, validate, load."""
