"""Sites: a city or regency MPP, or a Mini MPP outlet in a kecamatan."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from mpp.db import query_df, query_rows


@dataclass(frozen=True)
class Site:
    name: str
    kind: str = "mpp"                      # mpp | mini_mpp
    kabupaten_kota: str | None = None
    kecamatan: str | None = None
    province: str | None = None
    timezone: str = "Asia/Jakarta"         # WIB; Asia/Makassar is WITA, Asia/Jayapura WIT
    working_days_per_week: int = 5
    parent: str | None = None              # the regency MPP of a Mini MPP outlet


def ensure_site(con, site: Site) -> int:
    """The id of the site with this name, created with the given description if missing."""
    found = con.execute("SELECT site_id FROM sites WHERE name = ?", [site.name]).fetchall()
    if found:
        return found[0][0]
    fields = asdict(site)
    parent = fields.pop("parent")
    parent_id = ensure_site(con, Site(parent)) if parent else None
    columns = [*fields, "parent_site_id"]
    return con.execute(
        f"INSERT INTO sites ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
        "RETURNING site_id", [*fields.values(), parent_id]).fetchall()[0][0]


def list_sites(con):
    """Every site, MPPs first: name, kind, kabupaten_kota, kecamatan, province, timezone, ..."""
    return query_df(con, "sites")


def demo_sites(con, sites) -> list[str]:
    """Which of these sites show demo figures (a live load of layout 'demo')."""
    return [row[0] for row in query_rows(con, "demo_sites", sites=list(sites))]


def site_id(con, name: str) -> int | None:
    """The id of the site with exactly this name, or None."""
    found = con.execute("SELECT site_id FROM sites WHERE name = ?", [name]).fetchall()
    return found[0][0] if found else None
