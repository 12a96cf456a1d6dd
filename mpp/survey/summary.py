"""The satisfaction report of one site: a `SurveyReport` the Kepuasan page reads, the same report as
plain values (`python -m mpp skm --json`, `report_json`) and as text (`report_text`).

A site with raw answers gets figures computed from them; a site that only has published tables gets
the indices as printed, graded by our bounds (and flagged where the printed grade disagrees).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

import duckdb
import pandas as pd

from mpp.period import Period
from mpp.survey import report, skm

# Where a report's figures come from: computed from raw answers, or as an office published them.
Source = Literal["responden", "ringkasan"]
ANSWERS: Source = "responden"
PUBLISHED: Source = "ringkasan"


class NoSurvey(LookupError):
    """The site has no survey data (for that period)."""


@dataclass(frozen=True)
class IndexRow:
    """One index as a card, chart or table shows it: of a site, an agency, a unit, a period or a group
    of respondents."""

    label: str
    ikm: float  # the index as published: two decimals
    ikm_text: str  # '95,20'
    grade: str  # 'A'
    grade_label: str  # 'Sangat Baik'
    grade_label_en: str  # 'Very good'
    respondents: int | None  # None where a published table does not say
    published_grade: str | None = None  # a published row: the grade as printed (None if not printed)
    grade_agrees: bool | None = None  # a published row: whether our grade of its index is the printed one

    def text(self, lang: str = "id") -> str:
        """The index in the reader's language: '95,20' / '95.20'."""
        return self.ikm_text if lang == "id" else skm.display(self.ikm, lang)


@dataclass(frozen=True)
class UnsurScore:
    unsur: str  # 'U1'
    name: str  # 'Persyaratan'
    nrr: float  # the mean answer on 1-4
    nrr_text: str  # '3,91'

    def text(self, lang: str = "id") -> str:
        """The NRR in the reader's language: '3,91' / '3.91'."""
        return self.nrr_text if lang == "id" else skm.display(self.nrr, lang)


@dataclass(frozen=True)
class Unsur:
    unsur: str  # 'U3'
    name: str  # 'Waktu'


@dataclass(frozen=True)
class ItemValue:
    """One printed item value of a published table (V1..V11): weighted, so no fixed scale."""

    item: str
    value: float | None


@dataclass(frozen=True)
class SurveyReport:
    """The satisfaction report of a site (or one agency) over a period. From raw answers: NRR per unsur,
    the priority, every agency and the groups of respondents. From a published table: the printed item
    values and units."""

    site: str
    source: Source
    period: str  # '2024', or a published period as the file names it ('2022 D')
    index: IndexRow  # the site's (or the agency's) own figures
    trend: tuple[IndexRow, ...]  # every period, oldest first
    unsur: tuple[UnsurScore, ...] = ()
    priority: tuple[Unsur, ...] = ()  # the unsur to improve first: the lowest NRR
    agency: str | None = None
    period_range: Period | None = None
    ikm_exact: float | None = None  # the index before rounding
    agencies: tuple[IndexRow, ...] = ()  # best first
    demographics: dict[str, tuple[IndexRow, ...]] = field(default_factory=dict)  # sex, age_band, ...
    items: tuple[ItemValue, ...] = ()
    item_count: int | None = None
    units: tuple[IndexRow, ...] = ()  # a published table's units (kecamatan, offices)
    covered: Period | None = None  # from answers: the months of the period that hold answers

    def period_name(self, lang: str = "id") -> str:
        """The period as the page and the press statement both name it: 'Januari-September 2025'
        for a year surveyed up to September, '2024' for a whole year, a published period as printed."""
        return report.covered_label(self.covered, lang) if self.covered else self.period

    @property
    def from_answers(self) -> bool:
        return self.source == ANSWERS

    @property
    def groups(self) -> tuple[IndexRow, ...]:
        """The parts of the site beside each other: agencies from answers, units from a table."""
        return self.agencies if self.from_answers else self.units


def _survey_row(survey: skm.Survey) -> IndexRow:
    g = survey.grade
    return IndexRow(
        survey.label,
        float(survey.ikm_published),
        skm.display(survey.ikm),
        g.letter,
        g.label,
        g.label_en,
        survey.respondents,
    )


def from_answers(
    con: duckdb.DuckDBPyConnection, site: str, period: Period, agency: str | None = None
) -> SurveyReport:
    """Figures from raw answers: the site's (or one agency's) index, the yearly trend and
    demographics, and every agency's index beside."""
    survey = report.site_survey(con, site, period, agency)
    if survey is None:
        raise NoSurvey(f"Tidak ada jawaban SKM untuk {agency or site} pada {report.period_label(period)}.")
    everything = report.parse_period(f"1900..{period.end.year}")
    return SurveyReport(
        site=site,
        agency=agency,
        source=ANSWERS,
        period=report.period_label(period),
        period_range=period,
        covered=report.covered(con, site, period, agency),
        index=_survey_row(survey),
        ikm_exact=float(survey.ikm),
        unsur=tuple(
            UnsurScore(code, skm.UNSUR[code], float(value), skm.display(value))
            for code, value in survey.nrr.items()
        ),
        priority=tuple(Unsur(code, skm.UNSUR[code]) for code in survey.priority()),
        agencies=tuple(_survey_row(s) for s in report.agency_surveys(con, site, period)),
        trend=tuple(_survey_row(s) for _, s in report.trend(con, site, everything, agency=agency)),
        demographics={
            dim: tuple(_survey_row(s) for s in rows)
            for dim, rows in report.demographics(con, site, period, agency).items()
        },
    )


def _published_row(row, label: str) -> IndexRow:
    return IndexRow(
        label,
        row.ikm,
        row.ikm_text,
        row.grade,
        row.grade_label,
        row.grade_label_en,
        None if pd.isna(row.respondents) else int(row.respondents),
        row.published_grade,
        bool(row.grade_agrees),
    )


def from_published(con: duckdb.DuckDBPyConnection, site: str, period: str | None) -> SurveyReport:
    """Figures as an office published them: the site's total row of a period (default the latest)."""
    totals = report.published_totals(con, site)
    if totals.empty or (period and period not in set(totals["period"])):
        known = ", ".join(totals["period"]) or "tidak ada"
        raise NoSurvey(
            f"Tidak ada ringkasan SKM untuk {site}"
            + (f" periode {period}" if period else "")
            + f". Periode yang ada: {known}."
        )
    row = next(totals[totals["period"] == period].itertuples()) if period else list(totals.itertuples())[-1]
    units = report.published_units(con, site, row.period)
    values = [] if row.item_values is None else list(row.item_values)
    return SurveyReport(
        site=site,
        source=PUBLISHED,
        period=row.period,
        index=_published_row(row, row.period),
        items=tuple(ItemValue(f"V{i + 1}", None if pd.isna(v) else float(v)) for i, v in enumerate(values)),
        item_count=int(row.item_count),
        units=tuple(_published_row(u, u.unit) for u in units.itertuples()),
        trend=tuple(_published_row(r, r.period) for r in totals.itertuples()),
    )


def site_report(
    con: duckdb.DuckDBPyConnection, site: str, period_text: str | None = None, agency: str | None = None
) -> SurveyReport:
    """The report of a site (one agency's figures when given): from raw answers when it has them for
    the period, else from the published table of that period ('2022 C'); by default the latest year
    with answers."""
    if period_text is None:
        latest = report.latest_year(con, site)
        return from_answers(con, site, latest, agency) if latest else from_published(con, site, None)
    try:
        return from_answers(con, site, report.parse_period(period_text), agency)
    except (ValueError, NoSurvey) as missing:
        try:
            return from_published(con, site, period_text)
        except NoSurvey:
            if isinstance(missing, NoSurvey) and report.latest_year(con, site):
                raise missing from None
            raise


def _row_json(row: IndexRow) -> dict:
    shown = {
        k: v for k, v in asdict(row).items() if k not in ("respondents", "published_grade", "grade_agrees")
    }
    if row.grade_agrees is not None:  # a published row says the printed grade
        shown |= {"published_grade": row.published_grade, "grade_agrees": row.grade_agrees}
    return shown | {"respondents": row.respondents}


def _answers_json(data: SurveyReport) -> dict:
    """The site's own figures inline, with the unrounded index between the index and its grade."""
    own = _row_json(data.index)
    return {
        "site": data.site,
        "agency": data.agency,
        "source": data.source,
        "period": data.period,
        "period_range": data.period_range.iso() if data.period_range else None,
        **{k: own[k] for k in ("label", "ikm", "ikm_text")},
        "ikm_exact": data.ikm_exact,
        **{k: own[k] for k in ("grade", "grade_label", "grade_label_en", "respondents")},
        "unsur": [asdict(u) for u in data.unsur],
        "priority": [asdict(p) for p in data.priority],
        "agencies": [_row_json(r) for r in data.agencies],
        "trend": [_row_json(r) for r in data.trend],
        "demographics": {dim: [_row_json(r) for r in rows] for dim, rows in data.demographics.items()},
    }


def _published_json(data: SurveyReport) -> dict:
    return {
        "site": data.site,
        "source": data.source,
        "period": data.period,
        **_row_json(data.index),
        "unsur": [],
        "items": [asdict(i) for i in data.items],
        "item_count": data.item_count,
        "priority": [],
        "units": [_row_json(u) for u in data.units],
        "trend": [_row_json(r) for r in data.trend],
    }


def report_json(data: SurveyReport) -> dict:
    """The report as plain JSON-ready values, keys in the order the command line has always printed."""
    return _answers_json(data) if data.from_answers else _published_json(data)


def report_text(data: SurveyReport) -> str:
    """A few lines an official can read: index, grade, respondents, unsur, priority, agencies."""
    own = data.index
    who = data.site + (f", {data.agency}" if data.agency else "")
    lines = [
        f"SKM {who} {data.period}: IKM {own.ikm_text}, mutu {own.grade} ({own.grade_label})"
        + (f", {skm.fmt.number(own.respondents)} responden" if own.respondents else "")
    ]
    lines += [f"  {u.unsur} {u.name}: NRR {u.nrr_text}" for u in data.unsur]
    if data.priority:
        lines.append("Prioritas perbaikan: " + ", ".join(f"{p.unsur} {p.name}" for p in data.priority))
    for title, rows in (("Per instansi", data.agencies), ("Per unit", data.units), ("Tren", data.trend)):
        if rows:
            lines.append(f"{title}:")
            lines += [f"  {r.label}: {r.ikm_text} ({r.grade})" for r in rows]
    return "\n".join(lines)
