"""Loading a satisfaction-survey file (raw answers or published indices) into the store.

    result = load_skm(con, "pangkep_skm_responden.csv", site="MPP Kabupaten Pangkep",
                      unknown_agencies="add")

The same standards as visit files: the same bytes again change nothing; a refused file changes nothing
and names every problem with its cell; one transaction writes the ledger row and the rows, which
replace the (site, agency, month) slices they cover (published indices: site, unit, period), and
`python -m loaders undo` takes a load back. Agencies are matched through the same aliases; an
unknown one is refused unless the analyst says to add it.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from loaders import read
from loaders.layouts import skm_responden, skm_ringkasan
from loaders.layouts.common import Context, problem
from loaders.model import FileRefused, Parsed, Problem, Workbook
from loaders.normalize import find_site
from mpp import ledger, skm
from mpp.agencies import add_alias, agency_key, ensure_agency
from mpp.db import transaction
from mpp.sites import Site, ensure_site

LAYOUTS = (skm_responden, skm_ringkasan)


@dataclass
class SurveyLoad:
    """What happened to one survey file."""
    file_name: str
    outcome: str                        # added | replaced | unchanged | refused
    layout: str | None = None
    site: str | None = None
    load_id: int | None = None
    rows: int = 0
    period: tuple[date, date] | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.outcome != "refused"


def parse_survey(workbook: Workbook, context: Context) -> Parsed:
    """The best survey layout over the visible sheets; summaries read every sheet (one per period)."""
    found = sorted(((m.detect(s), -i, s, m) for i, m in enumerate(LAYOUTS)
                    for s in workbook.sheets if not s.hidden), key=lambda f: f[:2], reverse=True)
    found = [f for f in found if f[0] > 0]
    if not found:
        raise FileRefused([problem("skm_tata_letak_tidak_dikenal", "Bukan berkas SKM yang dikenali: "
                                   "perlu kolom U1..U9 (jawaban per responden), kolom responden/unsur/"
                                   "jawaban, atau tabel Nilai Indeks per unit.", file=workbook.file_name)])
    layout = found[0][3]
    sheets = [s for _, _, s, m in found if m is layout][: None if layout is skm_ringkasan else 1]
    parsed = [layout.parse(sheet, context) for sheet in sheets]
    return layout.combine(parsed) if len(parsed) > 1 else parsed[0]


def is_survey(parsed: Parsed) -> bool:
    return parsed.skm_responses is not None or parsed.skm_summaries is not None


def known_agencies(con) -> dict[str, int]:
    return dict(con.execute("SELECT alias_key, agency_id FROM agency_aliases").fetchall())


def match_agencies(con, responses: pd.DataFrame, unknown: str, file_name: str):
    """agency_id for every raw agency name (None for a whole-mall survey); unknown names refused
    naming the first cell, unless unknown == 'add' (then created with the spelling remembered)."""
    keys, ids, problems = known_agencies(con), {}, []
    for raw in responses["agency"].dropna().drop_duplicates():
        ids[raw] = keys.get(agency_key(raw))
        if ids[raw] is None and unknown != "add":
            first = responses.loc[responses["agency"] == raw].iloc[0]
            problems.append(problem("instansi_tidak_dikenal", f"Instansi '{raw}' tidak dikenal. "
                                    f"Petakan dengan `python -m loaders alias add \"{raw}\" "
                                    "NAMA_KANONIK`, atau muat dengan --unknown-agencies add.",
                                    cell=first["source_cell"], file=file_name, sheet_name=first["sheet"]))
    return ids, problems


def future_problems(parsed: Parsed, today: date, file_name: str) -> list[Problem]:
    frame = parsed.skm_responses if parsed.skm_responses is not None else parsed.skm_summaries
    late = frame[frame["day"] > today]
    if late.empty:
        return []
    return [problem("tanggal_di_masa_depan", f"Ada {len(late)} baris bertanggal setelah hari ini.",
                    cell=late.iloc[0]["source_cell"], file=file_name, sheet_name=late.iloc[0]["sheet"])]


def check(con, workbook: Workbook, parsed: Parsed, site: str | None, unknown: str, today: date):
    """Every problem of a parsed survey file, and the agency ids of its respondents."""
    problems = list(parsed.problems) + future_problems(parsed, today, workbook.file_name)
    if not site:
        problems.append(problem("lokasi_tidak_diketahui", "Nama MPP tidak tertulis di nama berkas. "
                                "Sebutkan dengan --site NAMA.", file=workbook.file_name))
    ids = {}
    if parsed.skm_responses is not None:
        ids, unknown_problems = match_agencies(con, parsed.skm_responses, unknown, workbook.file_name)
        problems += unknown_problems
    frame = parsed.skm_responses if parsed.skm_responses is not None else parsed.skm_summaries
    if frame.empty:
        problems.append(problem("kosong", "Berkas tidak berisi satu jawaban atau nilai indeks pun.",
                                file=workbook.file_name))
    return ids, problems


def response_rows(con, responses: pd.DataFrame, ids: dict, site_id: int) -> pd.DataFrame:
    """The respondents as stored: agency ids (agencies added where the analyst said so)."""
    for raw, agency_id in ids.items():
        if agency_id is None:
            ids[raw] = ensure_agency(con, raw.strip())
            add_alias(con, raw, ids[raw], "load")
    agency = responses["agency"].map(lambda raw: ids.get(raw) if isinstance(raw, str) else None)
    return responses.assign(site_id=site_id, agency_id=agency.astype("Int64"))


def survey_period(parsed: Parsed) -> tuple[date, date]:
    frame = parsed.skm_responses if parsed.skm_responses is not None else parsed.skm_summaries
    last = max(frame["day"])
    if parsed.skm_summaries is not None:            # a published period covers its whole year
        last = date(last.year, 12, 31)
    return min(frame["day"]), last


def write(con, workbook: Workbook, parsed: Parsed, site: str, ids: dict, loaded_by: str = "system"):
    """Inside the caller's transaction: site, ledger row, survey rows. Returns (load_id, outcome)."""
    site_id = ensure_site(con, Site(site, "mini_mpp" if site.startswith("Mini MPP") else "mpp"))
    start, end = survey_period(parsed)
    load_id = ledger.record_load(con, ledger.LoadRecord(
        workbook.file_name, workbook.sha256, parsed.layout, "skm", site, start, end, loaded_by,
        "; ".join(parsed.notes) or None))
    responses = summaries = None
    if parsed.skm_responses is not None:
        responses = response_rows(con, parsed.skm_responses, ids, site_id)
    else:
        summaries = parsed.skm_summaries.assign(site_id=site_id)
    ledger.write_facts(con, load_id, skm_responses=responses, skm_summaries=summaries)
    replaced = sum(con.execute(f"SELECT count(*) FROM {t} WHERE superseded_by = ?", [load_id])
                   .fetchall()[0][0] for t in ("skm_responses", "skm_summaries"))
    return load_id, "replaced" if replaced else "added"


def summary_note(parsed: Parsed) -> str:
    """One line on what the file says: the index of its respondents, or its published periods."""
    if parsed.skm_responses is not None:
        answers = parsed.skm_responses[[c.lower() for c in skm.UNSUR]].values.tolist()
        survey = skm.survey_from_answers(answers)
        return (f"IKM {skm.display(survey.ikm)} ({survey.grade.letter}) dari "
                f"{len(answers)} responden")
    periods = parsed.skm_summaries["period"].drop_duplicates().tolist()
    return f"{len(parsed.skm_summaries)} nilai indeks, periode {', '.join(periods)}"


def load_skm(con, path, data: bytes | None = None, *, site: str | None = None, year: int | None = None,
             unknown_agencies: str = "refuse", loaded_by: str = "system",
             today: date | None = None) -> SurveyLoad:
    """Read, check and load one survey file (a path, or bytes with path as its name)."""
    name = Path(path).name
    try:
        workbook = read.read_file(path if data is None else None, data, name=name)
    except FileRefused as refused:
        return SurveyLoad(name, "refused", problems=refused.problems)
    already = ledger.find_loaded(con, workbook.sha256)
    if already is not None:
        return SurveyLoad(name, "unchanged", load_id=already, notes=[f"isi berkas sama persis "
                                                                     f"dengan muatan {already}"])
    context = Context(file_name=name, year=year, **({"today": today} if today else {}))
    site = site or find_site(" ".join(name.replace("_", " ").split()))
    try:
        parsed = parse_survey(workbook, context)
        ids, problems = check(con, workbook, parsed, site, unknown_agencies, context.today)
    except FileRefused as refused:
        return SurveyLoad(name, "refused", problems=refused.problems)
    if problems:
        return SurveyLoad(name, "refused", parsed.layout, site, problems=problems)
    with transaction(con):
        load_id, outcome = write(con, workbook, parsed, site, ids, loaded_by)
    frame = parsed.skm_responses if parsed.skm_responses is not None else parsed.skm_summaries
    return SurveyLoad(name, outcome, parsed.layout, site, load_id, len(frame), survey_period(parsed),
                      notes=[summary_note(parsed), *parsed.notes])
