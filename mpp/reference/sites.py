"""Sites: a city or regency MPP, or a Mini MPP outlet in a kecamatan."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import duckdb
import pandas as pd

from mpp.access.accounts import User, require
from mpp.store import writers
from mpp.store.db import query_df, query_rows
from mpp.store.lake import next_id

KINDS = ("mpp", "mini_mpp")
CHANNELS = ("walk_in", "online", "jemput_bola", "digital")  # as service_visits.channel allows


@dataclass(frozen=True)
class Site:
    name: str
    kind: str = "mpp"  # mpp | mini_mpp
    kabupaten_kota: str | None = None
    kecamatan: str | None = None
    province: str | None = None
    timezone: str = "Asia/Jakarta"  # WIB; Asia/Makassar is WITA, Asia/Jayapura WIT
    working_days_per_week: int = 5
    parent: str | None = None  # the regency MPP of a Mini MPP outlet
    opened: date | None = None  # the day it opened to the public, when known
    channels: tuple[str, ...] | None = None  # of CHANNELS: how it serves, when known


class SiteRefused(ValueError):
    """A site that cannot be added as described (the message says why)."""


def ensure_site(con: duckdb.DuckDBPyConnection, site: Site) -> int:
    """The id of the site with this name, created with the given description if missing."""
    found = con.execute("SELECT site_id FROM sites WHERE name = ?", [site.name]).fetchall()
    if found:
        return found[0][0]
    fields = asdict(site)
    fields["channels"] = list(site.channels) if site.channels else None
    parent = fields.pop("parent")
    parent_id = ensure_site(con, Site(parent)) if parent else None
    columns = ["site_id", *fields, "parent_site_id"]
    new_id = next_id(con, "site_ids")  # (not a column default: the shared store has none)
    con.execute(
        f"INSERT INTO sites ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [new_id, *fields.values(), parent_id],
    )
    return new_id


def add_site(con: duckdb.DuckDBPyConnection, actor: User, site: Site) -> int:
    """Set up a new site before its first file (analysts and admins): refused when the name is taken,
    the kind or a channel unknown, or the parent MPP missing. Returns its id."""
    require(actor, "analyst")
    # Exclusive on the shared store: two offices adding one name at once would both find it free and
    # both commit (DuckLake has no key to refuse the second); the later one runs again and is refused.
    return writers.with_retry_on_conflict(lambda _: _add_once(con, site), "busy_site", site=site.name)


def _add_once(con: duckdb.DuckDBPyConnection, site: Site) -> int:
    with writers.exclusive_transaction(con):
        return _checked_and_added(con, site)


def _checked_and_added(con: duckdb.DuckDBPyConnection, site: Site) -> int:
    name = site.name.strip()
    if not name:
        raise SiteRefused("Nama lokasi kosong. / The site needs a name.")
    if site_id(con, name) is not None:
        raise SiteRefused(f"Lokasi {name!r} sudah ada. / The site exists already.")
    if site.kind not in KINDS:
        raise SiteRefused(f"Jenis {site.kind!r} tidak dikenal (pilih {', '.join(KINDS)}).")
    unknown = [c for c in site.channels or () if c not in CHANNELS]
    if unknown:
        raise SiteRefused(f"Kanal tidak dikenal: {', '.join(unknown)} (pilih {', '.join(CHANNELS)}).")
    if site.parent and site_id(con, site.parent) is None:
        raise SiteRefused(f"Lokasi induk {site.parent!r} tidak ada. / No such parent site.")
    return ensure_site(con, Site(**{**asdict(site), "name": name}))


def list_sites(con: duckdb.DuckDBPyConnection):
    """Every site, MPPs first: name, kind, kabupaten_kota, kecamatan, province, timezone, ..."""
    return query_df(con, "sites")


def demo_sites(con: duckdb.DuckDBPyConnection, sites) -> list[str]:
    """Which of these sites show demo figures (a live load of layout 'demo')."""
    return [row[0] for row in query_rows(con, "demo_sites", sites=list(sites))]


def site_id(con: duckdb.DuckDBPyConnection, name: str) -> int | None:
    """The id of the site with exactly this name, or None."""
    found = con.execute("SELECT site_id FROM sites WHERE name = ?", [name]).fetchall()
    return found[0][0] if found else None


def site_of(con: duckdb.DuckDBPyConnection, name: str) -> Site | None:
    """The site with this name as the store describes it, or None."""
    found = list_sites(con)
    found = found[found["name"] == name]
    if found.empty:
        return None
    row = found.iloc[0]
    text = {
        k: row[k] if isinstance(row[k], str) else None
        for k in ("kabupaten_kota", "kecamatan", "province", "parent")
    }
    channels = row["channels"]
    return Site(
        name,
        row["kind"],
        **text,
        timezone=row["timezone"],
        working_days_per_week=int(row["working_days_per_week"]),
        opened=row["opened"].date() if pd.notna(row["opened"]) else None,
        channels=None
        if channels is None or isinstance(channels, float) or channels is pd.NA
        else tuple(channels),
    )
