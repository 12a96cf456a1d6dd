"""Satisfaction-survey files (raw answers or published indices) through the shared loading pipeline.

`python -m loaders ingest` and the upload page load them like visit files: the layouts
skm_responden / skm_ringkasan are detected with the others, then pipeline.prepare hands a survey to
prepare() here and load.ingest_with hands it to finish(). The same standards hold: the same bytes again
change nothing; a refused file changes nothing and names every problem with its cell; one transaction
writes the ledger row and the rows, which replace the (site, agency, month) slices they cover
(published indices: site, unit, period); `python -m loaders undo` takes a load back; agencies are
matched through the same aliases, an unknown one refused unless the analyst says to add it.

    report = load_skm(con, "pangkep_skm_responden.csv", site="MPP Kabupaten Pangkep")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from loaders import load, pipeline
from loaders.layouts.common import Context, problem
from loaders.model import FileRefused, Parsed, Problem, Workbook
from mpp.reference.sites import ensure_site
from mpp.store import db, ledger
from mpp.survey import skm


@dataclass
class SurveyPrepared(pipeline.Prepared):
    """A survey file ready to load. service holds one row per respondent (agency, canonical,
    agency_id, day, visits 0) so the shared report counts respondents and names agencies."""

    survey: bool = True

    @property
    def frame(self) -> pd.DataFrame:
        parsed = self.parsed
        return parsed.skm_responses if parsed.skm_responses is not None else parsed.skm_summaries

    @property
    def days(self) -> tuple[date, date]:
        last = max(self.frame["day"])
        if self.parsed.skm_summaries is not None:  # a published period covers its year
            last = date(last.year, 12, 31)
        return min(self.frame["day"]), last


def is_survey(parsed: Parsed) -> bool:
    return parsed.skm_responses is not None or parsed.skm_summaries is not None


def future_problems(frame: pd.DataFrame, today: date) -> list[Problem]:
    late = frame[[day is not None and day > today for day in frame["day"]]]
    if late.empty:
        return []
    return [
        problem(
            "tanggal_di_masa_depan",
            f"Ada {len(late)} baris bertanggal setelah hari ini "
            f"(mis. {late.iloc[0]['day']:%d/%m/%Y}). Periksa tahun atau tanggalnya.",
            cell=late.iloc[0]["source_cell"],
            sheet_name=late.iloc[0]["sheet"],
        )
    ]


def respondent_agencies(con: duckdb.DuckDBPyConnection, parsed: Parsed, site: str | None, unknown: str):
    """The respondents with agency_id and canonical name (both empty for a whole-mall survey)."""
    responses = parsed.skm_responses
    if responses is None:
        return pd.DataFrame(columns=["agency", "canonical", "agency_id", "day", "visits"]), [], []
    named = responses.dropna(subset=["agency"]).drop_duplicates("agency")
    matched, new, problems = pipeline.match_agencies(con, named, site, unknown)
    lookup = matched.set_index("agency")
    service = responses.assign(
        agency_id=responses["agency"].map(lookup["agency_id"]),
        canonical=responses["agency"].map(lookup["canonical"]),
        visits=0,
    )
    return service, new, problems


def prepare(
    con: duckdb.DuckDBPyConnection, workbook: Workbook, parsed: Parsed, options, context: Context
) -> SurveyPrepared:
    """Check a parsed survey file; FileRefused with every problem, or a SurveyPrepared."""
    site = options.site or parsed.site or pipeline.find_site(pipeline._words(workbook.file_name))
    problems = list(parsed.problems)
    if not site:
        problems.append(
            problem(
                "lokasi_tidak_diketahui",
                "Nama MPP tidak tertulis di nama berkas. "
                'Sebutkan dengan --site NAMA (mis. --site "MPP Kota Balikpapan").',
            )
        )
    service, new, unknown = respondent_agencies(con, parsed, site, options.unknown_agencies)
    prepared = SurveyPrepared(workbook, parsed, site, service, new)
    problems += unknown + future_problems(prepared.frame, context.today)
    if prepared.frame.empty:
        problems.append(problem("kosong", "Berkas tidak berisi satu jawaban atau nilai indeks pun."))
    if problems:
        raise FileRefused([pipeline._located(p, workbook.file_name) for p in problems])
    return prepared


def summary_note(prepared: SurveyPrepared) -> str:
    """What the file says in one line: its respondents' index, or its published periods."""
    if prepared.parsed.skm_responses is not None:
        answers = prepared.frame[[c.lower() for c in skm.UNSUR]].values.tolist()
        survey = skm.survey_from_answers(answers)
        return f"IKM {skm.display(survey.ikm)} ({survey.grade.letter}) dari {len(answers)} responden"
    periods = prepared.frame["period"].drop_duplicates().tolist()
    return f"{len(prepared.frame)} nilai indeks, periode {', '.join(periods)}"


def survey_rows(con: duckdb.DuckDBPyConnection, actor, prepared: SurveyPrepared, site_id: int) -> dict:
    """The rows to write, by table: respondents with agency ids (new agencies added where the
    analyst said so), or the published indices."""
    if prepared.parsed.skm_responses is None:
        return {"skm_summaries": prepared.frame.assign(site_id=site_id)}
    named = load.with_new_agencies(con, actor, prepared.service.dropna(subset=["agency"]))
    ids = named["agency_id"].reindex(prepared.service.index).astype("Int64")
    return {"skm_responses": prepared.service.assign(site_id=site_id, agency_id=ids)}


def write(con: duckdb.DuckDBPyConnection, prepared: SurveyPrepared, sha256: str, options) -> tuple[int, str]:
    """Inside the caller's transaction: site, new agencies, ledger row, survey rows."""
    site_id = ensure_site(con, load.site_of(prepared.site))
    first, last = prepared.days
    load_id = ledger.record_load(
        con,
        ledger.LoadRecord(
            prepared.workbook.file_name,
            sha256,
            prepared.parsed.layout,
            "skm",
            prepared.site,
            first,
            last,
            options.loaded_by,
            "; ".join(prepared.parsed.notes) or None,
        ),
    )
    ledger.write_facts(con, load_id, **survey_rows(con, options.actor, prepared, site_id))
    replaced = sum(
        con.execute(f"SELECT count(*) FROM {table} WHERE superseded_by = ?", [load_id]).fetchall()[0][0]
        for table in ("skm_responses", "skm_summaries")
    )
    return load_id, "replaced" if replaced else "added"


def finish(
    con: duckdb.DuckDBPyConnection, prepared: SurveyPrepared, sha256: str, options, data=None
) -> load.Report:
    """The shared report of a survey file, written (load.written calls write() here) unless it is a
    dry run; the file's bytes are kept with it (Riwayat offers them for download)."""
    report = load.Report(
        prepared.workbook.file_name,
        "added",
        prepared.parsed.layout,
        prepared.site,
        prepared.period,
        sorted(prepared.service["canonical"].dropna().unique()),
        prepared.new_agencies,
        rows=len(prepared.frame),
        dry_run=options.dry_run,
        notes=[
            summary_note(prepared),
            *prepared.parsed.notes,
            *(f"kolom data pribadi dibuang: {c}" for c in prepared.workbook.dropped_columns),
        ],
    )
    if options.dry_run:
        report.outcome = "replaced" if would_replace(con, prepared) else "added"
        return report
    # The shared write: the role check, one transaction with the original bytes, errors as problems.
    return load.written(con, prepared, report, sha256, options, data)


def would_replace(con: duckdb.DuckDBPyConnection, prepared: SurveyPrepared) -> bool:
    """For --dry-run: does the site already hold live survey rows in what this file covers?"""
    summaries = prepared.parsed.skm_summaries is not None
    months = [] if summaries else sorted({date(d.year, d.month, 1) for d in prepared.frame["day"]})
    periods = sorted(set(prepared.frame["period"])) if summaries else []
    found = db.query_rows(con, "skm_live_rows", site=prepared.site, months=months, periods=periods)
    return found[0][0] > 0


def load_skm(con: duckdb.DuckDBPyConnection, path, data: bytes | None = None, **options) -> load.Report:
    """Load one survey file (a path, or bytes named by path) exactly as `python -m loaders ingest`
    does; options as pipeline.Options (site, year, unknown_agencies, dry_run, loaded_by, actor)."""
    data = Path(path).read_bytes() if data is None else data
    return load.ingest_with(con, Path(path).name, data, pipeline.Options(**options))
