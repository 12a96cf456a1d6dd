"""What the upload page asks of the loaders: a preview of each file (everything but the write), the
agency mapping an analyst decides on, and the load itself. Each writing step checks the role here,
in the core, so a page that forgot to hide a button still cannot let a viewer write."""

from __future__ import annotations

from dataclasses import replace

import duckdb

from loaders.load import Options, Report, ingest
from mpp.access.accounts import User, require
from mpp.reference.agencies import add_alias, ensure_agency

UNKNOWN_AGENCY = "instansi_tidak_dikenal"
NEW_AGENCY = "__new__"  # the choice "add as a new agency" in the mapping form


def preview(con: duckdb.DuckDBPyConnection, file_name: str, data: bytes, options: Options) -> Report:
    """Read, detect, parse, match and validate, writing nothing (a dry run)."""
    return ingest(con, file_name, data, replace(options, dry_run=True))


def unknown_agencies(report: Report) -> list[tuple[str, tuple[str, ...]]]:
    """(spelling as written, closest canonical names) for each agency no alias knows."""
    found = [
        (p.subject, p.suggestions)
        for p in report.problems
        if p.code == UNKNOWN_AGENCY and p.subject is not None  # the spelling is always its subject
    ]
    return list(dict(found).items())


def unknown_statuses(report: Report) -> list[tuple[str, int]]:
    """(status word as written, tickets) for each ticket status the table does not know, most tickets
    first: what the page asks the meaning of (Options.statuses, saved when the file loads)."""
    found = [value for p in report.problems if p.way_out == "status" for value in p.values]
    return list(dict(found).items())


def map_agency(con: duckdb.DuckDBPyConnection, actor: User, spelling: str, canonical: str) -> None:
    """Remember `spelling` as a name of the canonical agency, for this and every later file."""
    require(actor, "analyst")
    found = con.execute("SELECT agency_id FROM agencies WHERE name = ?", [canonical]).fetchall()
    if not found:
        raise ValueError(f"Instansi kanonik '{canonical}' tidak ada.")
    add_alias(con, actor, spelling, found[0][0], "analyst")


def add_agency(con: duckdb.DuckDBPyConnection, actor: User, spelling: str) -> None:
    """Add the spelling as a new canonical agency (an agency the seed list did not know)."""
    require(actor, "analyst")
    add_alias(con, actor, spelling, ensure_agency(con, " ".join(spelling.split())), "analyst")


def load(
    con: duckdb.DuckDBPyConnection, actor: User, file_name: str, data: bytes, options: Options
) -> Report:
    """Load one confirmed file as `actor`, in one transaction."""
    require(actor, "analyst")
    return ingest(
        con, file_name, data, replace(options, dry_run=False, loaded_by=actor.username, actor=actor)
    )


def canonical_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("SELECT name FROM agencies ORDER BY name").fetchall()]
