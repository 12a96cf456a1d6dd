"""Visit counts: service visits per agency (with their service and channel where the file has them),
people entering the site, and the queue's cancellations and no-shows, which are kept beside the
visits and never added to them. A file replaces the (site, agency, month) slices it covers; its daily
rows only the days it covers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import duckdb
import pandas as pd

from loaders import validate
from loaders.kinds.common import (
    Prepared,
    file_notes,
    match_agencies,
    outcome,
    record_load,
    with_new_agencies,
)
from loaders.layouts import mapped, tickets
from loaders.layouts.common import Context, problem
from loaders.model import Parsed, Problem, Workbook
from loaders.pipeline import Options, personal_value_problems, refusal, site_named, site_problems
from loaders.report import Report
from mpp.reference import ticket_statuses
from mpp.store import ledger

NAME = "visits"
TABLES = ("service_visits", "site_visitors")  # a load that superseded rows here 'replaced' them


def prepare(
    con: duckdb.DuckDBPyConnection, workbook: Workbook, parsed: Parsed, context: Context, options: Options
) -> Prepared:
    """Agencies matched, the site known, no figure dated after today, every count plausible; or
    FileRefused with every problem found."""
    file_name = workbook.file_name
    parsed = tickets.read_statuses(parsed, file_meanings(con, options, parsed), file_name)
    problems = list(parsed.problems) + personal_value_problems(workbook, parsed)
    site = site_named(workbook, parsed, options)
    problems += site_problems(site, file_name)
    service, new, unknown = match_agencies(con, parsed.service, site, options.unknown_agencies)
    problems += unknown + date_problems(parsed, context) + validate.count_bound_problems(parsed)
    if parsed.service.empty and not has_visitors(parsed):
        problems.append(problem("kosong", "Berkas tidak berisi satu angka pun untuk dimuat.", file=file_name))
    if problems:
        raise refusal(problems, file_name)
    assert site is not None  # site_problems() refused the file without one
    return Prepared(workbook, parsed, site, service, covered_days(service, parsed.visitors), new)


def status_meanings(con: duckdb.DuckDBPyConnection, options: Options) -> dict[str, str]:
    """What ticket status words mean: the store's table, and the words the user mapped (--status),
    which win for this file."""
    mapped = {ticket_statuses.status_key(word): meaning for word, meaning in options.statuses.items()}
    return ticket_statuses.meanings(con) | mapped


def file_meanings(con: duckdb.DuckDBPyConnection, options: Options, parsed: Parsed) -> dict[str, str]:
    """A sheet read by a column mapping counts the status values the mapping says are served; the
    others are cancelled or no-show as the table says, or not counted (layouts/mapped.py)."""
    known = status_meanings(con, options)
    if parsed.served_statuses is None or "status" not in parsed.service:
        return known
    return mapped.status_meanings(parsed.service["status"], parsed.served_statuses, known)


def has_visitors(parsed: Parsed) -> bool:
    return parsed.visitors is not None and not parsed.visitors.empty


def covered_days(service: pd.DataFrame, visitors: pd.DataFrame | None) -> tuple:
    """(first, last) day the figures cover; (None, None) when there are none."""
    days = pd.concat([service["day"], *([visitors["day"]] if visitors is not None else [])])
    return (min(days), max(days)) if len(days) else (None, None)


def date_problems(parsed: Parsed, context: Context, limit: int = 20) -> list[Problem]:
    """Figures dated after today cannot be right (validate.py's check, at each figure's cell)."""
    future = parsed.service[parsed.service["day"] > context.today].head(limit)
    return [
        replace(p, sheet=row.get("sheet"), cell=row["source_cell"])
        for _, row in future.iterrows()
        for p in validate.date_problems(None, [(row["day"], None)], context.today)
    ]


def summary(prepared: Prepared, options: Options) -> Report:
    service, visitors = prepared.rows, prepared.parsed.visitors
    return Report(
        prepared.workbook.file_name,
        "added",
        prepared.parsed.layout,
        prepared.site,
        prepared.period,
        sorted(service["canonical"].unique()),
        prepared.new_agencies,
        rows=len(service) + (0 if visitors is None else len(visitors)),
        total=int(service["visits"].sum()),
        visitors=0 if visitors is None else int(visitors["visitors"].sum()),
        notes=file_notes(prepared),
        dry_run=options.dry_run,
        agency_totals=agency_totals(service),
        mapping=prepared.parsed.mapping,
        monthly_totals=monthly_totals(service),
        zero_months=prepared.parsed.zero_months,
    )


def agency_totals(service: pd.DataFrame) -> list[tuple[str, int]]:
    totals = service.groupby("canonical")["visits"].sum().sort_values(ascending=False, kind="stable")
    return [(name, int(visits)) for name, visits in totals.items()]


def monthly_totals(service: pd.DataFrame) -> list[tuple[str, str, int]]:
    """(canonical agency, 'YYYY-MM', service visits) per agency and month, in agency then month
    order: the preview of a file before it loads."""
    months = service["day"].map(lambda d: f"{d:%Y-%m}")
    totals = service.groupby([service["canonical"], months])["visits"].sum()
    return [(agency, month, int(visits)) for (agency, month), visits in totals.items()]


def replaces(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> bool:
    """For --dry-run: does the store already hold live rows in a (site, agency, month) slice this
    file covers? Agencies still to be added have no rows yet."""
    known = prepared.rows.dropna(subset=["agency_id"])
    slices = {
        (int(a), date(d.year, d.month, 1), g)
        for a, d, g in zip(known["agency_id"], known["day"], known["grain"], strict=True)
    }
    if not slices:
        return False
    first, last = prepared.days
    con.register("dry_run_slices", pd.DataFrame(sorted(slices), columns=["agency_id", "month", "grain"]))
    try:  # the ledger's rule: a daily row replaces only the days its file covers
        return (
            con.execute(
                "SELECT count(*) FROM service_visits v JOIN sites s USING (site_id) "
                "JOIN dry_run_slices i ON i.agency_id = v.agency_id "
                "AND date_trunc('month', v.day) = i.month WHERE s.name = ? AND v.superseded_by IS NULL "
                "AND (i.grain = 'month' OR v.grain = 'month' OR v.day BETWEEN ? AND ?)",
                [prepared.site, first, last],
            ).fetchall()[0][0]
            > 0
        )
    finally:
        con.unregister("dry_run_slices")


def write(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, sha256: str, options: Options
) -> tuple[int, str]:
    """Inside the caller's transaction: site, new agencies, ledger row, facts."""
    site_id, load_id = record_load(con, prepared, sha256, options, measure(prepared))
    for word, meaning in options.statuses.items():  # the next file needs no --status
        ticket_statuses.set_status(con, options.actor, word, meaning)
    service = with_new_agencies(con, options.actor, prepared.rows)
    ledger.write_facts(
        con,
        load_id,
        facts(service, site_id),
        visitor_facts(prepared.parsed.visitors, site_id),
        queue_outcomes=outcome_facts(prepared.parsed.outcomes, service, site_id),
    )
    return load_id, outcome(con, load_id, TABLES)


def measure(prepared: Prepared) -> str:
    """What the ledger says the load counts: service_visits, visitors, or mixed."""
    if has_visitors(prepared.parsed) and not prepared.rows.empty:
        return "mixed"
    return "visitors" if has_visitors(prepared.parsed) else "service_visits"


def facts(service: pd.DataFrame, site_id: int) -> pd.DataFrame:
    """One row per (agency, day, grain, service, channel): two spellings of one agency add up."""
    keys = ["agency_id", "day", "grain", "service", "channel"]
    rows = service.groupby(keys, dropna=False, sort=False)["visits"].sum().reset_index()
    return rows.assign(site_id=site_id, agency_id=rows["agency_id"].astype("int64"))


def visitor_facts(visitors: pd.DataFrame | None, site_id: int) -> pd.DataFrame | None:
    if visitors is None or visitors.empty:
        return None
    rows = visitors.groupby(["day", "grain"], sort=False)["visitors"].sum().reset_index()
    return rows.assign(site_id=site_id)


def outcome_facts(outcomes: pd.DataFrame | None, service: pd.DataFrame, site_id: int) -> pd.DataFrame | None:
    """Cancellations and no-shows per (agency, day, service), with the agency ids the visits got.
    An agency with cancellations but not one visit in the file has no id here and is left out."""
    if outcomes is None or outcomes.empty:
        return None
    ids = service.drop_duplicates("agency").set_index("agency")["agency_id"]
    known = outcomes.assign(agency_id=outcomes["agency"].map(ids)).dropna(subset=["agency_id"])
    rows = (
        known.groupby(["agency_id", "day", "service"], dropna=False, sort=False)[["cancelled", "no_show"]]
        .sum()
        .reset_index()
    )
    return rows.assign(site_id=site_id, grain="day", agency_id=rows["agency_id"].astype("int64"))
