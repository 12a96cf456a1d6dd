"""What the upload page asks of the loaders: a preview of each file (everything but the write), the
agency mapping an analyst decides on, and the load itself. Each writing step checks the role here,
in the core, so a page that forgot to hide a button still cannot let a viewer write."""

from __future__ import annotations

from dataclasses import dataclass, replace

import duckdb

from loaders.load import Options, Report, ingest
from loaders.normalize import has_controls, looks_personal
from mpp.access.accounts import User, require
from mpp.reference.agencies import AgencyMatcher, add_alias, agency_key, ensure_agency
from mpp.store import writers

UNKNOWN_AGENCY = "instansi_tidak_dikenal"
NEW_AGENCY = "__new__"  # the choice "add as a new agency" in the mapping form


def preview(con: duckdb.DuckDBPyConnection, file_name: str, data: bytes, options: Options) -> Report:
    """Read, detect, parse, match and validate, writing nothing (a dry run)."""
    return ingest(con, file_name, data, replace(options, dry_run=True))


@dataclass(frozen=True)
class UnknownAgency:
    """A name no alias knows, as the agency form lists it: where it is first written, and the
    canonical name it is alike enough to be offered as (mpp.reference.agencies.SUGGEST_FROM), or
    None: then nothing is chosen for the analyst."""

    spelling: str
    sheet: str | None
    cell: str | None
    suggested: str | None


def unknown_agencies(report: Report) -> list[UnknownAgency]:
    """Each agency of the file no alias knows, once, in the order the file lists them."""
    found = {
        p.subject: UnknownAgency(p.subject, p.sheet, p.cell, p.suggestions[0] if p.suggestions else None)
        for p in report.problems
        if p.code == UNKNOWN_AGENCY and p.subject is not None  # the spelling is always its subject
    }
    # A NIK or phone number in the agency column (refused as personal data) must never be offered
    # for saving as an agency, nor a name without a letter or digit ('-'), which no alias can hold.
    return [u for u in found.values() if not name_problem(u.spelling)]


def name_problem(spelling: str) -> str | None:
    """Why a spelling cannot be saved as an agency's name or alias, or None."""
    if not agency_key(spelling):
        return "tanpa huruf atau angka / has no letter or digit"
    if looks_personal(spelling) or has_controls(spelling):
        return "memuat data pribadi atau karakter kendali / holds personal data or control characters"
    return None


def place(sheet: str | None, cell: str | None) -> str:
    """Where a problem is, in one short text: 'C5 (Rekap)', 'Rekap' for a whole sheet, '' for the
    whole file."""
    if sheet and cell:
        return f"{cell} ({sheet})"
    return sheet or cell or ""


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
    name = " ".join(spelling.split())
    if AgencyMatcher.from_store(con).match(name).agency_id is not None:
        return  # the same name in other case or spacing ('DINAS BARU' after 'Dinas Baru'): not a second agency
    add_alias(con, actor, name, ensure_agency(con, name), "analyst")


def settle_agencies(con: duckdb.DuckDBPyConnection, actor: User, choices: dict[str, str]) -> int:
    """The agency form's choices at once, all or none (one exclusive transaction, run again when
    another office writes at the same time: mpp/store/writers.py): each spelling -> the canonical
    name it is a spelling of, or NEW_AGENCY to add it as a new agency. Returns how many."""
    require(actor, "analyst")
    # a personal value is not quoted: the message may reach a log
    refused = [
        why if looks_personal(s) else f"'{s[:60]}': {why}" for s in choices if (why := name_problem(s))
    ]
    if refused:  # checked before anything is written: an agency named '' or a NIK is never stored
        raise ValueError("Bukan nama instansi / Not an agency name: " + "; ".join(refused))
    writers.with_retry_on_conflict(lambda _: settled(con, actor, choices), "busy_agencies")
    return len(choices)


def settled(con: duckdb.DuckDBPyConnection, actor: User, choices: dict[str, str]) -> None:
    with writers.exclusive_transaction(con):
        for spelling, choice in choices.items():
            if choice == NEW_AGENCY:
                add_agency(con, actor, spelling)
            else:
                map_agency(con, actor, spelling, choice)


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
