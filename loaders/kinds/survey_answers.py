"""Satisfaction-survey answers (SKM, PermenPANRB 14/2017): one row per respondent, with the agency
they were served by (none for a survey of the whole mall) and their answers U1..U9 (1-4). A file
replaces the (site, agency, month) slices its respondents cover."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from loaders.kinds.common import (
    Prepared,
    empty_survey_problems,
    file_notes,
    future_problems,
    match_agencies,
    outcome,
    record_load,
    with_new_agencies,
)
from loaders.layouts.common import Context
from loaders.model import FileRefused, Parsed, Problem, Workbook
from loaders.pipeline import Options, personal_value_problems, refusal, site_named, site_problems
from loaders.report import Report
from mpp.store import db, ledger
from mpp.survey import skm

NAME = "survey_answers"
TABLES = ("skm_responses",)


def prepare(
    con: duckdb.DuckDBPyConnection, workbook: Workbook, parsed: Parsed, context: Context, options: Options
) -> Prepared:
    """Agencies matched, the site known, no answer dated after today; or FileRefused with every
    problem found. A respondent 'id' that is a NIK or a phone number refuses the file by itself."""
    personal = personal_value_problems(workbook, parsed)
    if personal:
        raise FileRefused(personal)
    responses = parsed.skm_responses
    site = site_named(workbook, parsed, options)
    rows, new, unknown = respondent_agencies(con, responses, site, options.unknown_agencies)
    problems = [
        *parsed.problems,
        *site_problems(site, workbook.file_name),
        *unknown,
        *future_problems(responses, context.today),
        *empty_survey_problems(responses),
    ]
    if problems:
        raise refusal(problems, workbook.file_name)
    assert site is not None  # site_problems() refused the file without one
    return Prepared(workbook, parsed, site, rows, (min(rows["day"]), max(rows["day"])), new)


def respondent_agencies(
    con: duckdb.DuckDBPyConnection, responses: pd.DataFrame, site: str | None, unknown: str
) -> tuple[pd.DataFrame, list[str], list[Problem]]:
    """The respondents with agency_id and canonical name (both empty for a whole-mall survey)."""
    named = responses.dropna(subset=["agency"]).drop_duplicates("agency")
    matched, new, problems = match_agencies(con, named, site, unknown)
    lookup = matched.set_index("agency")
    rows = responses.assign(
        agency_id=responses["agency"].map(lookup["agency_id"]),
        canonical=responses["agency"].map(lookup["canonical"]),
    )
    return rows, new, problems


def summary(prepared: Prepared, options: Options) -> Report:
    answers = prepared.rows[[c.lower() for c in skm.UNSUR]].values.tolist()
    survey = skm.survey_from_answers(answers)
    note = f"IKM {skm.display(survey.ikm)} ({survey.grade.letter}) dari {len(answers)} responden"
    return Report(
        prepared.workbook.file_name,
        "added",
        prepared.parsed.layout,
        prepared.site,
        prepared.period,
        sorted(prepared.rows["canonical"].dropna().unique()),
        prepared.new_agencies,
        rows=len(prepared.rows),
        dry_run=options.dry_run,
        notes=[note, *file_notes(prepared)],
    )


def replaces(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> bool:
    """For --dry-run: does the site already hold live answers in a month this file covers?"""
    months = sorted({date(d.year, d.month, 1) for d in prepared.rows["day"]})
    return db.query_rows(con, "skm_live_rows", site=prepared.site, months=months, periods=[])[0][0] > 0


def write(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, sha256: str, options: Options
) -> tuple[int, str]:
    """Inside the caller's transaction: site, ledger row, new agencies (where the analyst said to add
    them), respondents."""
    site_id, load_id = record_load(con, prepared, sha256, options, "skm")
    rows = prepared.rows
    named = with_new_agencies(con, options.actor, rows.dropna(subset=["agency"]))
    ids = named["agency_id"].reindex(rows.index).astype("Int64")
    ledger.write_facts(con, load_id, skm_responses=rows.assign(site_id=site_id, agency_id=ids))
    return load_id, outcome(con, load_id, TABLES)
