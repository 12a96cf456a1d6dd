"""Many writers at once: offices loading into the shared store (DuckLake) at the same time.

What DuckLake reports, as tried with the extension built for DuckDB 1.4.4 (DuckLake format 0.3) on
PostgreSQL 15, two connections on one lake:
- Conflicts are found at COMMIT only. The later commit then raises duckdb.TransactionException
  "Failed to commit DuckLake transaction. Transaction conflict - attempting to delete from file with
  index "7" - but another transaction has deleted from it", and its transaction is gone (rolled
  back, nothing of it visible). DuckLake retries a commit by itself (ducklake_max_retry_count, 10)
  only when the changes do not conflict.
- They conflict when both delete or update rows of the same data file (any rows of it, not only the
  same ones); when one altered a table the other then inserts into, deletes from or alters; when
  both create a table or a view of one name (CREATE OR REPLACE VIEW too).
- They do NOT conflict: two inserts into one table; deletes from different files of one table; an
  insert beside a delete; a DELETE that matches no row followed by an INSERT (both commit, the key
  is there twice); an insert that commits before another's ALTER.
- Readers never wait: while a writer's transaction is open, another connection reads the last
  committed figures at once, and the new ones after the commit.

So DuckLake does not protect a load's check-then-insert: the same bytes already loaded? the site or
an agency new? the slice empty? Two offices loading a site's first file at once would both commit,
and its figures would add up. Every write that decides from what it reads (a load, an undo, settling
agencies) is therefore an exclusive_transaction: it first rewrites one shared row (settings
'last_write'), so two that overlap delete from the same file and the later commit fails; the loser
runs again from the start (with_retry_on_conflict) on the state the winner left, where it may find
its file 'unchanged' or replace the winner's slice. Writers take turns; readers are never held up.
On a DuckDB file nothing is claimed: its lock lets one process write, and its keys refuse a second
site or agency of one name; threads of that process that meet DuckDB's own "Conflict on update!"
(a TransactionException too) are tried again the same way.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import duckdb

from mpp.store import lake
from mpp.store.db import StoreBusy, transaction
from mpp.text.catalogue import t

T = TypeVar("T")
CLAIM = "last_write"  # the settings row every exclusive write rewrites
# How often a write that lost to another office's is run again, and the first pause between tries
# (doubling, at most MAX_PAUSE, each jittered so the losers do not meet again).
TRIES = max(1, int(os.environ.get("MPP_WRITE_TRIES", "15")))
PAUSE_SECONDS = float(os.environ.get("MPP_WRITE_PAUSE", "0.2"))
MAX_PAUSE_SECONDS = 3.0


class WriteConflict(RuntimeError):
    """Another write committed over what this one read: run it again from the start."""


class WritesContended(StoreBusy):
    """A write still lost after every try; nothing of it was written. The message says which, in
    Indonesian and English (a StoreBusy: pages and commands say it as they say a busy store)."""


def is_conflict(exc: BaseException) -> bool:
    """DuckLake's commit conflict, or DuckDB's own between two transactions of one process."""
    return isinstance(exc, duckdb.TransactionException) and "conflict" in str(exc).lower()


@contextmanager
def exclusive_transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A transaction that no other exclusive one overlaps: of two that do, the later raises
    WriteConflict (see the module docstring) and is rolled back whole, like on any error."""
    shared = lake.on_lake(con)  # a file's lock and keys keep its writers apart already
    if shared:
        _ensure_claim_row(con)
    try:
        with transaction(con):
            if shared:
                con.execute(
                    "UPDATE settings SET value = CAST(current_timestamp AS VARCHAR) WHERE key = ?", [CLAIM]
                )
            yield con
    except duckdb.TransactionException as exc:
        if not is_conflict(exc):
            raise
        raise WriteConflict(str(exc).splitlines()[-1][:300]) from exc


def _ensure_claim_row(con: duckdb.DuckDBPyConnection) -> None:
    """The claimed row, committed before the first exclusive write (a row added inside it would
    conflict with nothing). Two offices adding it at once add it twice: both rows are claimed."""
    if con.execute("SELECT 1 FROM settings WHERE key = ?", [CLAIM]).fetchall():
        return
    with transaction(con):
        con.execute("INSERT INTO settings (key, value) VALUES (?, '')", [CLAIM])


def with_retry_on_conflict(action: Callable[[int], T], busy: str, **values) -> T:
    """action(try), try = 1, 2, ...: run again from the start while it raises WriteConflict, after a
    short jittered pause; after TRIES tries WritesContended, with the catalogue's text `busy` filled
    with values and the number of tries. action must re-read whatever it decides from: the winner
    changed it."""
    attempt = 1
    while True:
        try:
            return action(attempt)
        except WriteConflict as lost:
            if attempt >= TRIES:
                said = {**values, "tries": attempt}
                raise WritesContended(f"{t(busy, 'id', **said)} / {t(busy, 'en', **said)}") from lost
        time.sleep(min(PAUSE_SECONDS * 2 ** (attempt - 1), MAX_PAUSE_SECONDS) * random.uniform(0.5, 1.5))
        attempt += 1
