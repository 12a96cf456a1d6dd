"""Column mappings saved per site (the store's table column_mappings): their JSON as the loaders
write it (loaders/mapping.py reads and checks it), their header signature, who saved them and when.
Anyone may read them (a preview applies them); analysts and admins save, rename and delete them.

    store(con, actor, "MPP Kota Balikpapan", "Rekap antrean", "TANGGAL | LOKET", spec_json)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from mpp.access.accounts import User, require
from mpp.store.db import query_rows, sql
from mpp.text.catalogue import t


class MappingRefused(ValueError):
    """No mapping by that name for the site, or the new name is taken (the message says which)."""

    def __init__(self, key: str, **values):
        super().__init__(f"{t(key, 'id', **values)} / {t(key, 'en', **values)}")


@dataclass(frozen=True)
class SavedMapping:
    site: str
    name: str
    spec: str  # the mapping's JSON
    saved_by: str
    saved_at: datetime


def saved(con: duckdb.DuckDBPyConnection, site: str | None) -> list[SavedMapping]:
    """The site's saved mappings, latest first; with no site, every site's."""
    return [SavedMapping(*row) for row in query_rows(con, "column_mappings_saved", site=site)]


def store(
    con: duckdb.DuckDBPyConnection, actor: User | None, site: str, name: str, header: str, spec: str
) -> None:
    """Save a mapping under its name for the site; the same name saved again replaces it."""
    require(actor, "analyst")
    assert actor is not None  # require() refused None
    con.execute(sql("column_mapping_delete"), {"site": site, "name": name})
    con.execute(
        sql("column_mapping_save"),
        {"site": site, "name": name, "header": header, "spec": spec, "saved_by": actor.username},
    )


def renamed(
    con: duckdb.DuckDBPyConnection, actor: User | None, site: str, old: str, new: str, spec: str
) -> None:
    """Rename a saved mapping (spec: its JSON under the new name)."""
    require(actor, "analyst")
    assert actor is not None  # require() refused None
    if old != new and any(m.name == new for m in saved(con, site)):
        raise MappingRefused("mapping_name_taken", name=new, site=site)
    if not any(m.name == old for m in saved(con, site)):
        raise MappingRefused("mapping_not_found", name=old, site=site)
    params = {"site": site, "old": old, "new": new, "spec": spec, "saved_by": actor.username}
    con.execute(sql("column_mapping_rename"), params)


def removed(con: duckdb.DuckDBPyConnection, actor: User | None, site: str, name: str) -> None:
    """Forget a saved mapping."""
    require(actor, "analyst")
    if not any(m.name == name for m in saved(con, site)):
        raise MappingRefused("mapping_not_found", name=name, site=site)
    con.execute(sql("column_mapping_delete"), {"site": site, "name": name})
