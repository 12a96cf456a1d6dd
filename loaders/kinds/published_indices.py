"""Published satisfaction indices (IKM): an index per unit (or the whole mall) and period, kept as
printed (9 unsur or 11 items) and graded by PermenPANRB 14/2017's bounds. A file replaces the
(site, scope, unit, period) slices it covers."""

from __future__ import annotations

from datetime import date

import duckdb

from loaders.kinds.common import (
    Prepared,
    empty_survey_problems,
    file_notes,
    future_problems,
    outcome,
    record_load,
)
from loaders.layouts.common import Context
from loaders.model import FileRefused, Parsed, Workbook
from loaders.pipeline import Options, personal_value_problems, refusal, site_named, site_problems
from loaders.report import Report
from mpp.store import db, ledger

NAME = "published_indices"
TABLES = ("skm_summaries",)


def prepare(
    con: duckdb.DuckDBPyConnection, workbook: Workbook, parsed: Parsed, context: Context, options: Options
) -> Prepared:
    """The site known, no period dated after today; or FileRefused with every problem found. A unit
    name that is a NIK or a phone number refuses the file by itself."""
    personal = personal_value_problems(workbook, parsed)
    if personal:
        raise FileRefused(personal)
    indices = parsed.skm_summaries
    assert indices is not None  # the layouts of this kind always set it
    site = site_named(workbook, parsed, options)
    problems = [
        *parsed.problems,
        *site_problems(site, workbook.file_name),
        *future_problems(indices, context.today),
        *empty_survey_problems(indices),
    ]
    if problems:
        raise refusal(problems, workbook.file_name)
    assert site is not None  # site_problems() refused the file without one
    last = max(indices["day"])
    return Prepared(workbook, parsed, site, indices, (min(indices["day"]), date(last.year, 12, 31)))


def summary(prepared: Prepared, options: Options) -> Report:
    periods = prepared.rows["period"].drop_duplicates().tolist()
    return Report(
        prepared.workbook.file_name,
        "added",
        prepared.parsed.layout,
        prepared.site,
        prepared.period,
        rows=len(prepared.rows),
        dry_run=options.dry_run,
        notes=[f"{len(prepared.rows)} nilai indeks, periode {', '.join(periods)}", *file_notes(prepared)],
    )


def replaces(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> bool:
    """For --dry-run: does the site already hold live indices for a period this file covers?"""
    periods = sorted(set(prepared.rows["period"]))
    return db.query_rows(con, "skm_live_rows", site=prepared.site, months=[], periods=periods)[0][0] > 0


def write(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, sha256: str, options: Options
) -> tuple[int, str]:
    """Inside the caller's transaction: site, ledger row, the indices."""
    site_id, load_id = record_load(con, prepared, sha256, options, "skm")
    ledger.write_facts(con, load_id, skm_summaries=prepared.rows.assign(site_id=site_id))
    return load_id, outcome(con, load_id, TABLES)
