"""The load history (Riwayat): every load, what undoing one would change, and undoing it.
Each function takes the acting user and needs an analyst: who loaded what is not for viewers."""

from __future__ import annotations

import duckdb
import pandas as pd

from mpp.access.accounts import User, require
from mpp.store import ledger, writers
from mpp.store.db import query_df


class UndoRefused(ValueError):
    """The load does not exist or was already undone."""


def loads_table(con: duckdb.DuckDBPyConnection, actor: User) -> pd.DataFrame:
    """Every load, newest first: who, when, file, layout, site, period, rows, total, status, and the
    respondents of a survey load."""
    require(actor, "analyst")
    return query_df(con, "loads_history")


def _status(con: duckdb.DuckDBPyConnection, load_id: int) -> str | None:
    found = con.execute("SELECT status FROM loads WHERE load_id = ?", [load_id]).fetchall()
    return found[0][0] if found else None


def undo_preview(con: duckdb.DuckDBPyConnection, actor: User, load_id: int) -> pd.DataFrame:
    """Per slice the load touches (site, measure, agency or None, month): the figure now
    (`value`) and after the undo (`value_after`, missing where no figure is left: no data, not 0).
    Worked out by undoing inside a transaction that is rolled back, so it is exact by construction."""
    require(actor, "analyst")
    if _status(con, load_id) in (None, "undone"):
        raise UndoRefused(f"Muatan {load_id} tidak ada atau sudah dibatalkan.")
    before = _dated(query_df(con, "load_slices", load_id=load_id))
    keys = [f"{r.measure}|{r.site}|{r.agency or ''}|{r.month.isoformat()}" for r in before.itertuples()]
    con.execute("BEGIN TRANSACTION")
    try:
        ledger.undo(con, actor, load_id)
        after = _dated(query_df(con, "slices_visits", keys=keys))
    finally:
        con.execute("ROLLBACK")
    table = before.merge(
        after, on=["site", "measure", "agency", "month"], how="left", suffixes=("", "_after")
    )
    return table.assign(
        value=table["value"].astype("int64"), value_after=table["value_after"].astype("Int64")
    )


def _dated(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(month=pd.to_datetime(frame["month"]).dt.date)


def undo_load(con: duckdb.DuckDBPyConnection, actor: User, load_id: int) -> None:
    """Undo a load (analysts and admins), in one exclusive transaction: when another office writes
    at the same time, it runs again on what that write left (mpp/store/writers.py), where the load
    may have been undone already (UndoRefused)."""
    require(actor, "analyst")
    writers.with_retry_on_conflict(lambda _: _undo_once(con, actor, load_id), "busy_undo", load_id=load_id)


def _undo_once(con: duckdb.DuckDBPyConnection, actor: User, load_id: int) -> None:
    with writers.exclusive_transaction(con):
        if _status(con, load_id) in (None, "undone"):
            raise UndoRefused(f"Muatan {load_id} tidak ada atau sudah dibatalkan.")
        ledger.undo(con, actor, load_id)
