"""The store options every command line takes, added by one function so each command says them
alike: --db (a DuckDB file, or a ducklake:postgres:... catalog) and --data-path (the lake's data
files; $MPP_DATA_PATH when not given).

    add_store_options(parser)            # on each command's parser
    args.db = store_of(args)             # once parsed: a db.Store that db.connect() opens
"""

from __future__ import annotations

import argparse

from mpp.store.db import Store
from mpp.text.catalogue import t


def both(key: str) -> str:
    """A text in both languages, for a command line's help."""
    return f"{t(key, 'id')} / {t(key, 'en')}"


def add_data_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-path", metavar="DIR", help=both("option_data_path"))


def add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help=both("option_db"))
    add_data_path(parser)


def store_of(args: argparse.Namespace) -> Store:
    """Where the command's store is: its --db and --data-path (each None when not given)."""
    return Store(args.db, args.data_path)
