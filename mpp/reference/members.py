"""Member agencies of a site, with the dates they joined and left: set up before a site's first file,
so its first month is judged against its roster (issue 11). Analysts and admins write them."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from mpp import fmt
from mpp.access.accounts import User, require
from mpp.reference.agencies import AgencyMatcher, ensure_agency
from mpp.reference.sites import site_id
from mpp.store import writers
from mpp.store.db import query_df
from mpp.text.catalogue import t


class MembershipRefused(ValueError):
    """A site or agency that does not exist, or dates that do not fit (the message says which)."""


def _site(con: duckdb.DuckDBPyConnection, site: str) -> int:
    found = site_id(con, site)
    if found is None:
        raise MembershipRefused(f"Lokasi {site!r} tidak ada. / No such site.")
    return found


def resolve_agency(con: duckdb.DuckDBPyConnection, name: str, new_agency: bool = False) -> tuple[int, str]:
    """(agency_id, canonical name) of an agency as a person types it: its name or a known spelling.
    An unknown name is refused with the closest names, unless new_agency adds it as written."""
    match = AgencyMatcher.from_store(con).match(name)
    if match.agency_id is not None and match.canonical is not None:  # resolved: both are set
        return match.agency_id, match.canonical
    if new_agency and name.strip():
        return ensure_agency(con, name.strip()), name.strip()
    maybe = f"; mungkin: {', '.join(match.suggestions)}" if match.suggestions else ""
    raise MembershipRefused(
        f"Instansi {name!r} tidak dikenal{maybe}. / Unknown agency (add it as a new agency if it is one)."
    )


def _open_spell(con: duckdb.DuckDBPyConnection, site_id_: int, agency_id: int):
    found = con.execute(
        "SELECT joined FROM site_members WHERE site_id = ? AND agency_id = ? AND left_on IS NULL",
        [site_id_, agency_id],
    ).fetchall()
    return found[0][0] if found else None


def add_member(
    con: duckdb.DuckDBPyConnection,
    actor: User,
    site: str,
    agency: str,
    joined: date,
    left: date | None = None,
    new_agency: bool = False,
) -> str:
    """Mark an agency a member of a site from `joined` (until `left`, if given). Returns the canonical
    name. Refused for an agency already a member, or a spell overlapping an earlier one. Exclusive on
    the shared store: two offices adding one member at once would both find no spell and both commit
    one (or both add a new agency); the later runs again and is refused."""
    require(actor, "analyst")

    def once(_: int) -> str:
        with writers.exclusive_transaction(con):
            return member_joined(con, actor, site, agency, joined, left, new_agency)

    return writers.with_retry_on_conflict(once, "busy_member", agency=agency, site=site)


def member_joined(
    con: duckdb.DuckDBPyConnection,
    actor: User,
    site: str,
    agency: str,
    joined: date,
    left: date | None = None,
    new_agency: bool = False,
) -> str:
    """add_member inside the caller's own write (the demo's, which adds a whole roster at once)."""
    require(actor, "analyst")
    site_id_ = _site(con, site)
    agency_id, canonical = resolve_agency(con, agency, new_agency)
    if left is not None and left <= joined:
        raise MembershipRefused(
            f"Tanggal keluar {left} harus sesudah tanggal bergabung {joined}. "
            f"/ The leaving date must follow the joining date."
        )
    overlap = con.execute(
        "SELECT joined FROM site_members WHERE site_id = ? AND agency_id = ? "
        "AND joined < coalesce(?, DATE '9999-12-31') AND coalesce(left_on, DATE '9999-12-31') > ?",
        [site_id_, agency_id, left, joined],
    ).fetchall()
    if overlap:
        raise MembershipRefused(
            f"{canonical} sudah menjadi anggota {site} sejak {overlap[0][0]}. / Already a member since then."
        )
    con.execute(
        "INSERT INTO site_members (site_id, agency_id, joined, left_on, added_by, added_at) "
        "VALUES (?, ?, ?, ?, ?, current_timestamp)",
        [site_id_, agency_id, joined, left, actor.username],
    )
    return canonical


def leave_member(con: duckdb.DuckDBPyConnection, actor: User, site: str, agency: str, on: date) -> str:
    """Mark a member agency as having left the site on a date; from then on it is not expected."""
    require(actor, "analyst")
    site_id_ = _site(con, site)
    agency_id, canonical = resolve_agency(con, agency)
    joined = _open_spell(con, site_id_, agency_id)
    if joined is None:
        raise MembershipRefused(f"{canonical} bukan anggota {site} saat ini. / Not a member now.")
    if on <= joined:
        raise MembershipRefused(
            f"Tanggal keluar {on} harus sesudah tanggal bergabung {joined}. "
            f"/ The leaving date must follow the joining date."
        )
    con.execute(
        "UPDATE site_members SET left_on = ? WHERE site_id = ? AND agency_id = ? AND left_on IS NULL",
        [on, site_id_, agency_id],
    )
    return canonical


def member_list(con: duckdb.DuckDBPyConnection, site: str) -> pd.DataFrame:
    """agency, joined, left_on (NaT while a member), added_by: current members first."""
    _site(con, site)
    return query_df(con, "site_member_list", site=site)


def roster_text(members: pd.DataFrame, lang: str = "id") -> str:
    """One line per spell: 'Disdukcapil: sejak 1 Desember 2025' or '... sampai 15 September 2024'."""
    lines = []
    for row in members.itertuples():
        text = t(
            "member_since", lang, agency=row.agency, day=fmt.day_label(pd.Timestamp(row.joined).date(), lang)
        )
        if pd.notna(row.left_on):
            text += t("member_until", lang, day=fmt.day_label(pd.Timestamp(row.left_on).date(), lang))
        lines.append(text)
    return "\n".join(lines)
