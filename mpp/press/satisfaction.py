"""The satisfaction index (IKM) for press statements and the draft checker: the one hook between them
and the survey figures of issue 7 (`mpp/survey/skm.py` for grades, `mpp/survey/report.py` for the store).

The statement gives the index of its own period when survey answers cover it, else the latest calendar
year surveyed before it (the seed: "Tahun 2024 ... SKM sebesar 95,20"), always with that year named.
When the survey has no answers, or its tables do not exist yet, there is no sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import duckdb

from mpp import fmt
from mpp.period import Period
from mpp.survey import report as skm_report
from mpp.survey import skm
from mpp.text.catalogue import t


@dataclass(frozen=True)
class Satisfaction:
    index: float  # as published: 2 decimals
    grade: str  # 'A'
    label: str  # 'Sangat Baik' / 'Very good'
    period_label: str  # 'Januari-September 2025' / '2024'
    period: Period | None = None

    def text(self, lang: str = "id") -> str:
        return fmt.number(self.index, 2, lang)


def from_index(value, period_label: str, lang: str = "id", period: Period | None = None) -> Satisfaction:
    grade = skm.grade(value)  # decided on the published 2-decimal value
    return Satisfaction(
        float(skm.published(value)),
        grade.letter,
        t(f"skm_grade_label_{grade.letter}", lang),
        period_label,
        period,
    )


def _survey_period(
    con: duckdb.DuckDBPyConnection, site: str, period: Period
) -> tuple[Period, skm.Survey] | None:
    survey = skm_report.site_survey(con, site, period)
    if survey is not None:
        return period, survey
    year = skm_report.latest_year(con, site)
    if year is None or year.end > period.end:
        return None
    survey = skm_report.site_survey(con, site, year)
    return (year, survey) if survey is not None else None


def index_for(con: duckdb.DuckDBPyConnection, site: str, period: Period) -> Fraction | None:
    """The exact index of the site's survey answers in the period, or None (no survey, or no tables)."""
    try:
        survey = skm_report.site_survey(con, site, period)
    except duckdb.CatalogException:
        return None
    return None if survey is None else survey.ikm


def satisfaction_for(
    con: duckdb.DuckDBPyConnection, site: str, period: Period, lang: str = "id"
) -> Satisfaction | None:
    """The site's index for the period (or the last surveyed year before it); None without a survey."""
    try:
        found = _survey_period(con, site, period)
    except duckdb.CatalogException:  # survey tables not there yet
        return None
    if found is None:
        return None
    used, survey = found
    covered = skm_report.covered(con, site, used)  # named as the Kepuasan page names it
    label = skm_report.covered_label(covered, lang)
    if covered.is_full_year:  # a calendar year as a release names it: 'tahun 2024'
        label = t("statement_year", lang, year=covered.start.year)
    return from_index(survey.ikm, label, lang, used)
