"""Queue channels: walk-in (antrean langsung) against online queue, jemput bola and digital services,
over time and per agency, where the files give channels. Offices are moving people online, so the
online share is the figure a head of office asks for."""

from __future__ import annotations

import duckdb
import pandas as pd

from mpp.period import Period
from mpp.store.db import query_df
from mpp.text.catalogue import TEXT, t

CHANNELS = ("walk_in", "online", "jemput_bola", "digital")


def channel_label(channel: str, lang: str = "id") -> str:
    key = f"queue_channel_{channel}"
    return t(key, lang) if key in TEXT else channel


def _wide(found: pd.DataFrame, index: str) -> pd.DataFrame:
    """One column per channel present, then total and online_share (online of all, in percent)."""
    wide = found.pivot_table(index=index, columns="channel", values="visits", aggfunc="sum", fill_value=0)
    wide = wide[[c for c in CHANNELS if c in wide.columns]].astype("int64")
    wide["total"] = wide.sum(axis=1)
    online = wide.get("online", 0)
    wide["online_share"] = online / wide["total"].where(wide["total"] > 0) * 100
    return wide.reset_index().rename_axis(columns=None)


def channel_monthly(con: duckdb.DuckDBPyConnection, sites, period: Period) -> pd.DataFrame:
    """month, walk_in, online, ..., total, online_share: empty where no file gives channels."""
    found = query_df(con, "channel_monthly", sites=list(sites), start=period.start, last_day=period.last_day)
    if found.empty:
        return pd.DataFrame(columns=["month", "total", "online_share"])
    found["month"] = pd.to_datetime(found["month"]).dt.date
    return with_outcomes(con, sites, period, _wide(found, "month"), "month")


def channel_by_agency(con: duckdb.DuckDBPyConnection, sites, period: Period) -> pd.DataFrame:
    """agency, walk_in, online, ..., total, online_share, busiest agency first."""
    found = query_df(con, "channel_agency", sites=list(sites), start=period.start, last_day=period.last_day)
    if found.empty:
        return pd.DataFrame(columns=["agency", "total", "online_share"])
    wide = with_outcomes(con, sites, period, _wide(found, "agency"), "agency")
    return wide.sort_values(["total", "agency"], ascending=[False, True]).reset_index(drop=True)


def with_outcomes(
    con: duckdb.DuckDBPyConnection, sites, period: Period, wide: pd.DataFrame, by: str
) -> pd.DataFrame:
    """Add cancelled and no_show beside the channels where the queue system reported them; they are
    tickets that were not visits, so they stand apart from total."""
    found = query_df(con, "queue_outcomes", sites=list(sites), start=period.start, end=period.end, by=by)
    if found.empty:
        return wide
    if by == "month":
        found["key"] = pd.to_datetime(found["key"]).dt.date
    merged = wide.merge(found.rename(columns={"key": by}), on=by, how="left")
    return merged.fillna({"cancelled": 0, "no_show": 0}).astype({"cancelled": "int64", "no_show": "int64"})


def outcomes_present(frame: pd.DataFrame) -> list[str]:
    return [c for c in ("cancelled", "no_show") if c in frame.columns]


def channels_present(frame: pd.DataFrame) -> list[str]:
    return [c for c in CHANNELS if c in frame.columns]


def online_share(monthly: pd.DataFrame) -> float | None:
    """Online queue of all service visits with a channel over the whole period, in percent."""
    if "online" not in monthly or not monthly["total"].sum():
        return None
    return monthly["online"].sum() / monthly["total"].sum() * 100
