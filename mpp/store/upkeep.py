"""`python -m mpp lake upkeep`: the shared store's nightly maintenance, DuckLake's own calls in order.

    with db.connect(store) as con:
        done = upkeep(con, timedelta(days=7), dry_run=False)
        print("\\n".join(done.lines("en")))

1. ducklake_merge_adjacent_files: every commit (a load, an undo, a push) adds small Parquet files;
   they are merged into one per table, so a page reads a few files instead of hundreds.
2. ducklake_expire_snapshots older than the age: time travel to before it is given up (the ledger of
   loads, replace and undo is in the tables, not in the snapshots).
3. ducklake_cleanup_old_files scheduled for deletion longer ago than the age (merged or expired
   files: a reader's query still scanning one when it was scheduled has long finished).
4. ducklake_delete_orphaned_files older than the age, and never younger than ORPHAN_MIN_AGE: a load
   still running has written files that no snapshot names yet, orphans until it commits; deleting
   them would make its commit name files that are gone.

What DuckLake does with a load at the same time (tried with the extension for DuckDB 1.4.4, format
0.3, on PostgreSQL): a merge that commits after a load deleted from the table fails ("Transaction
conflict - attempting to compact table ... but another transaction has deleted from it") and is run
again (with_retry_on_conflict) on what the load left; a load that commits after a merge goes through,
its deletes applied to the merged files (the figures as the load meant them). So upkeep needs no
exclusive claim of the store, and could not take one: DuckLake refuses a transaction that both
changes rows (the claim) and compacts ("Transactions can either make changes OR perform compaction -
not both"). Expiring snapshots and deleting files conflict with nothing. A merge that lost leaves
the files it had written as orphans, removed by a later upkeep once older than the age.

The merge has no dry run in DuckLake (and one rolled back leaves its written files behind), so a dry
run counts the data files it would merge and lists what the other three would remove.

On a DuckDB file there is nothing of this: a CHECKPOINT (the write-ahead log into the file) is all a
file needs, so one nightly line serves either store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import duckdb

from mpp.fmt import number
from mpp.store import writers
from mpp.store.db import transaction
from mpp.store.lake import LAKE, literal, on_lake
from mpp.text.catalogue import t

ORPHAN_MIN_AGE = timedelta(days=1)  # no load or push runs this long, so its files are never taken
_AGE = re.compile(r"^\s*(\d+)\s*([dhm])\s*$", re.I)
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}
META = f"__ducklake_metadata_{LAKE}"  # DuckLake's own tables of the lake, in the catalog database


class BadAge(ValueError):
    """An --older-than that is not a number of days, hours or minutes."""


def parse_age(text: str) -> timedelta:
    """'7d', '36h' or '90m' as a timedelta."""
    match = _AGE.match(text)
    if match is None:
        raise BadAge(text)
    return timedelta(**{_UNITS[match[2].lower()]: int(match[1])})


@dataclass(frozen=True)
class Upkeep:
    """What an upkeep did (or, a dry run, would do)."""

    dry_run: bool
    checkpoint_only: bool = False  # a DuckDB file: a CHECKPOINT and nothing else
    files_before: int = 0  # live data files before the merge
    files_after: int = 0  # and after it (a dry run: the same)
    snapshots_expired: int = 0
    old_files_removed: int = 0
    orphans_removed: int = 0

    def lines(self, lang: str = "id") -> list[str]:
        if self.checkpoint_only:
            return [t("upkeep_file_dry_run" if self.dry_run else "upkeep_file_checkpoint", lang)]
        n = {
            "before": number(self.files_before, lang=lang),
            "after": number(self.files_after, lang=lang),
            "snapshots": number(self.snapshots_expired, lang=lang),
            "old": number(self.old_files_removed, lang=lang),
            "orphans": number(self.orphans_removed, lang=lang),
        }
        if self.dry_run:
            keys = ("upkeep_dry_run", "upkeep_would_merge", "upkeep_would_expire", "upkeep_would_remove")
        else:
            keys = ("upkeep_done", "upkeep_merged", "upkeep_expired", "upkeep_removed")
        return [t(key, lang, **n) for key in keys]


def upkeep(con: duckdb.DuckDBPyConnection, age: timedelta, dry_run: bool = False) -> Upkeep:
    """The shared store's maintenance (see the module docstring); on a file, a CHECKPOINT."""
    if not on_lake(con):
        if not dry_run:
            con.execute("CHECKPOINT")
        return Upkeep(dry_run=dry_run, checkpoint_only=True)
    before = live_data_files(con)
    if dry_run:
        expired = count(con, "ducklake_expire_snapshots", age, dry_run=True)
    else:
        writers.with_retry_on_conflict(lambda _try: merge(con), "upkeep_busy")
        expired = count(con, "ducklake_expire_snapshots", age, dry_run=False)
    return Upkeep(
        dry_run=dry_run,
        files_before=before,
        files_after=before if dry_run else live_data_files(con),
        snapshots_expired=expired,
        old_files_removed=count(con, "ducklake_cleanup_old_files", age, dry_run),
        orphans_removed=count(con, "ducklake_delete_orphaned_files", max(age, ORPHAN_MIN_AGE), dry_run),
    )


def merge(con: duckdb.DuckDBPyConnection) -> None:
    """Merge each table's small files, alone in its transaction (DuckLake compacts in no other); a
    load that deleted from a table meanwhile makes it a WriteConflict, to be run again."""
    try:
        with transaction(con):
            con.execute(f"CALL ducklake_merge_adjacent_files({literal(LAKE)})")
    except duckdb.TransactionException as exc:
        if not writers.is_conflict(exc):
            raise
        raise writers.WriteConflict(str(exc).splitlines()[-1][:300]) from exc


def count(con: duckdb.DuckDBPyConnection, function: str, age: timedelta, dry_run: bool) -> int:
    """Run one of DuckLake's maintenance functions on what is older than `age`: how many snapshots or
    files it expired or removed (a dry run: would)."""
    seconds = int(age.total_seconds())
    query = (
        f"SELECT count(*) FROM {function}({literal(LAKE)}, dry_run => {'true' if dry_run else 'false'}, "
        f"older_than => now() - to_seconds({seconds}))"
    )
    return con.execute(query).fetchall()[0][0]


def live_data_files(con: duckdb.DuckDBPyConnection) -> int:
    """The data files the lake's latest snapshot reads (every table's), as DuckLake lists them."""
    query = f"SELECT count(*) FROM {META}.ducklake_data_file WHERE end_snapshot IS NULL"
    return con.execute(query).fetchall()[0][0]
