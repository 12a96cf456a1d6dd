"""The load history (Riwayat): every load, what undoing one would change, and undoing it."""
from __future__ import annotations

import pandas as pd

from mpp import ledger
from mpp.accounts import User, require
from mpp.db import query_df, transaction


class UndoRefused(ValueError):
    """The load does not exist or was already undone."""


def loads_table(con) -> pd.DataFrame:
    """Every load, newest first: who, when, file, layout, site, period, rows, total, status."""
    return query_df(con, "loads_history")


def _status(con, load_id: int) -> str | None:
    found = con.execute("SELECT status FROM loads WHERE load_id = ?", [load_id]).fetchall()
    return found[0][0] if found else None


def _slices(con, load_id: int) -> pd.DataFrame:
    return query_df(con, "load_slices", load_id=load_id)


def undo_preview(con, load_id: int) -> pd.DataFrame:
    """Per site, agency and month the load touches: service visits now and after the undo.
    Worked out by undoing inside a transaction that is rolled back, so it is exact by construction."""
    if _status(con, load_id) in (None, "undone"):
        raise UndoRefused(f"Muatan {load_id} tidak ada atau sudah dibatalkan.")
    before = _slices(con, load_id)
    con.execute("BEGIN TRANSACTION")
    try:
        ledger.undo(con, load_id)
        after = query_df(con, "slices_visits", keys=before[["site", "agency", "month"]]
                         .astype(str).agg("|".join, axis=1).tolist())
    finally:
        con.execute("ROLLBACK")
    table = before.merge(after, on=["site", "agency", "month"], how="left", suffixes=("", "_after"))
    return table.assign(month=pd.to_datetime(table["month"]).dt.date,
                        visits=table["visits"].astype("int64"),
                        visits_after=table["visits_after"].fillna(0).astype("int64"))


def undo_load(con, actor: User, load_id: int) -> None:
    """Undo a load (analysts and admins), in one transaction."""
    require(actor, "analyst")
    if _status(con, load_id) in (None, "undone"):
        raise UndoRefused(f"Muatan {load_id} tidak ada atau sudah dibatalkan.")
    with transaction(con):
        ledger.undo(con, load_id)
