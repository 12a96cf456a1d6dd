"""Satisfaction figures of a site from the store: per site, agency, period and demographic group, and
the indices offices published. SQL returns integer sums only; mpp/survey/skm.py turns them into exact figures.
"""

from __future__ import annotations

import re
from datetime import date

import duckdb
import pandas as pd

from mpp.period import Period, month_start
from mpp.reference.sites import list_sites
from mpp.store.db import query_df, query_rows
from mpp.survey import skm

WHOLE_SITE = "(seluruh MPP)"  # the agency label of a survey that covers the whole mall
DIMENSIONS = ("sex", "age_band", "education", "occupation")  # named by the skm_dimension_* text
GRAINS = ("year", "month")  # an allow-list: the grain is bound into date_trunc


def parse_period(text: str) -> Period:
    """'2024' (a calendar year), '2023..2024' (years), '2024-03' (a month) or '2024-01..2024-06'."""
    years = re.fullmatch(r"\s*(\d{4})\s*(?:\.\.\s*(\d{4})\s*)?", text)
    if years:
        first, last = int(years[1]), int(years[2] or years[1])
        return Period(Period.full_year(first).start, Period.full_year(last).end)
    return Period.parse(text)


def period_label(period: Period) -> str:
    """'2024' for a calendar year, '2023-2024' for whole years, else 'Januari-Juni 2024'."""
    if period.start.month == 1 and period.end.month == 12:
        years = sorted({period.start.year, period.end.year})
        return "-".join(map(str, years))
    return period.label()


def covered(con: duckdb.DuckDBPyConnection, site: str, period: Period, agency: str | None = None) -> Period:
    """The months of the period that hold answers (first to last): the year 2025 surveyed up to
    September is January-September 2025. The period itself when it holds none."""
    first, last = query_rows(con, "skm_covered", **_params(site, period, agency))[0]
    return period if first is None else Period(month_start(first), month_start(last))


def covered_label(period: Period, lang: str = "id") -> str:
    """How the page and the press statement both name the period of an index: '2024' for a whole
    calendar year, else 'Januari-September 2025' (the months its answers cover)."""
    return str(period.start.year) if period.is_full_year else period.label(lang)


def latest_year(con: duckdb.DuckDBPyConnection, site: str) -> Period | None:
    """The last calendar year with survey answers at the site, or None when it has none."""
    last = query_df(con, "skm_span", site=site)["last_day"].iloc[0]
    return None if pd.isna(last) else Period.full_year(pd.Timestamp(last).year)


def _params(site: str, period: Period, agency: str | None = None) -> dict:
    return {"site": site, "start": period.start, "end": period.last_day, "agency": agency}


def _surveys(frame: pd.DataFrame, keys: list[str], label) -> list[skm.Survey]:
    """One Survey per group of sum rows; every respondent answers every unsur, so the number of
    answers to one unsur is the number of respondents."""
    found = []
    for key, group in frame.groupby(keys, sort=False, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        sums = group[["unsur", "total", "answers"]].itertuples(index=False)
        survey = skm.survey_from_sums(sums, int(group["answers"].max()), label(*key))
        found.append(survey)
    return found


def site_survey(
    con: duckdb.DuckDBPyConnection, site: str, period: Period, agency: str | None = None
) -> skm.Survey | None:
    """The site's figures over a period (one agency's when given); None without answers."""
    sums = query_df(con, "skm_unsur_sums", **_params(site, period, agency))
    if sums.empty:
        return None
    label = f"{agency or site} {period_label(period)}"
    return _surveys(sums.assign(group=0), ["group"], lambda _: label)[0]


def agency_surveys(con: duckdb.DuckDBPyConnection, site: str, period: Period) -> list[skm.Survey]:
    """Figures per agency, best index first (ties by name)."""
    sums = query_df(con, "skm_agency_sums", site=site, start=period.start, end=period.last_day)
    sums["agency"] = sums["agency"].fillna(WHOLE_SITE)
    surveys = _surveys(sums, ["agency"], lambda agency: agency)
    return sorted(surveys, key=lambda s: (-s.ikm, s.label))


def trend(
    con: duckdb.DuckDBPyConnection, site: str, period: Period, grain: str = "year", agency: str | None = None
) -> list[tuple[date, skm.Survey]]:
    """The index per year (or month) within the period, oldest first."""
    if grain not in GRAINS:
        raise ValueError(f"grain must be one of {GRAINS}, not {grain!r}")
    sums = query_df(con, "skm_period_sums", grain=grain, **_params(site, period, agency))
    starts = [pd.Timestamp(p).date() for p in sums["period"].drop_duplicates()]
    labels = {d: str(d.year) if grain == "year" else Period.month(d).label() for d in starts}
    sums["period"] = [pd.Timestamp(p).date() for p in sums["period"]]
    surveys = _surveys(sums, ["period"], lambda day: labels[day])
    return list(zip(starts, surveys, strict=True))


def demographics(
    con: duckdb.DuckDBPyConnection, site: str, period: Period, agency: str | None = None
) -> dict[str, list]:
    """Per dimension (sex, age_band, education, occupation): a Survey per value, largest group first
    (age bands young to old)."""
    sums = query_df(con, "skm_demographic_sums", **_params(site, period, agency))
    result = {}
    for dimension in DIMENSIONS:
        part = sums[sums["dimension"] == dimension]
        surveys = _surveys(part, ["value"], lambda value: value) if not part.empty else []
        result[dimension] = sorted(surveys, key=lambda s: _group_order(dimension, s))
    return result


def _group_order(dimension: str, survey: skm.Survey) -> tuple:
    """Age bands young to old; other groups largest first (ties by name)."""
    if dimension == "age_band":
        bands = [label for *_, label in skm.AGE_BANDS]
        return (bands.index(survey.label) if survey.label in bands else len(bands), survey.label)
    return (-survey.respondents, survey.label)


def _with_grades(frame: pd.DataFrame) -> pd.DataFrame:
    """Our grade of each published index beside the one printed, and whether they agree."""
    values = [str(v) for v in frame["ikm"]]  # DECIMAL(5,2) as text: exact, no binary float
    grades = [skm.grade(v) for v in values]
    printed = [skm.grade_of_letter(p) if isinstance(p, str) else None for p in frame["published_grade"]]
    return frame.assign(
        ikm=[float(v) for v in values],
        ikm_text=[skm.display(v) for v in values],
        grade=[g.letter for g in grades],
        grade_label=[g.label for g in grades],
        grade_label_en=[g.label_en for g in grades],
        grade_agrees=[p is None or p == g for p, g in zip(printed, grades, strict=True)],
    )


def published_totals(con: duckdb.DuckDBPyConnection, site: str) -> pd.DataFrame:
    """The site's published index per period, oldest first, with grade and label."""
    return _with_grades(query_df(con, "skm_published_totals", site=site))


def published_units(con: duckdb.DuckDBPyConnection, site: str, period: str) -> pd.DataFrame:
    """Every unit's published index in one period, best first."""
    return _with_grades(query_df(con, "skm_published_units", site=site, period=period))


def survey_sites(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Sites with survey data, raw or published, in the shared site order (the default site first)."""

    surveyed = {row[0] for row in query_rows(con, "skm_sites")}
    return [name for name in list_sites(con)["name"] if name in surveyed]


def survey_periods(con: duckdb.DuckDBPyConnection, site: str) -> list[str]:
    """What the period choice offers for a site, newest first: '2024', '2023', or '2022 D', ..."""
    return [row[0] for row in query_rows(con, "skm_periods", site=site)]
