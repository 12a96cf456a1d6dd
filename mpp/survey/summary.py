"""The satisfaction report of one site as plain values (`python -m mpp skm --json`) and as text.

A site with raw answers gets figures computed from them; a site that only has published tables gets
the indices as printed, graded by our bounds (and flagged where the printed grade disagrees).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from mpp.period import Period
from mpp.survey import report, skm


class NoSurvey(LookupError):
    """The site has no survey data (for that period)."""


def _survey_row(survey: skm.Survey) -> dict:
    g = survey.grade
    return {
        "label": survey.label,
        "ikm": float(survey.ikm_published),
        "ikm_text": skm.display(survey.ikm),
        "grade": g.letter,
        "grade_label": g.label,
        "grade_label_en": g.label_en,
        "respondents": survey.respondents,
    }


def from_answers(
    con: duckdb.DuckDBPyConnection, site: str, period: Period, agency: str | None = None
) -> dict:
    """Figures from raw answers: the site's (or one agency's) index, the yearly trend and
    demographics, and every agency's index beside."""
    survey = report.site_survey(con, site, period, agency)
    if survey is None:
        raise NoSurvey(f"Tidak ada jawaban SKM untuk {agency or site} pada {report.period_label(period)}.")
    everything = report.parse_period(f"1900..{period.end.year}")
    return {
        "site": site,
        "agency": agency,
        "source": "responden",
        "period": report.period_label(period),
        "period_range": period.iso(),
        **skm.survey_dict(survey),
        "agencies": [_survey_row(s) for s in report.agency_surveys(con, site, period)],
        "trend": [_survey_row(s) for _, s in report.trend(con, site, everything, agency=agency)],
        "demographics": {
            dim: [_survey_row(s) for s in rows]
            for dim, rows in report.demographics(con, site, period, agency).items()
        },
    }


def _published_row(row, label: str) -> dict:
    return {
        "label": label,
        "ikm": row.ikm,
        "ikm_text": row.ikm_text,
        "grade": row.grade,
        "grade_label": row.grade_label,
        "grade_label_en": row.grade_label_en,
        "published_grade": row.published_grade,
        "grade_agrees": bool(row.grade_agrees),
        "respondents": None if pd.isna(row.respondents) else int(row.respondents),
    }


def from_published(con: duckdb.DuckDBPyConnection, site: str, period: str | None) -> dict:
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
    items = [{"item": f"V{i + 1}", "value": None if pd.isna(v) else float(v)} for i, v in enumerate(values)]
    return {
        "site": site,
        "source": "ringkasan",
        "period": row.period,
        **_published_row(row, row.period),
        "unsur": [],
        "items": items,
        "item_count": int(row.item_count),
        "priority": [],
        "units": [_published_row(u, u.unit) for u in units.itertuples()],
        "trend": [_published_row(r, r.period) for r in totals.itertuples()],
    }


def site_report(
    con: duckdb.DuckDBPyConnection, site: str, period_text: str | None = None, agency: str | None = None
) -> dict:
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


def report_text(data: dict) -> str:
    """A few lines an official can read: index, grade, respondents, unsur, priority, agencies."""
    who = data["site"] + (f", {data['agency']}" if data.get("agency") else "")
    lines = [
        f"SKM {who} {data['period']}: IKM {data['ikm_text']}, mutu {data['grade']} "
        f"({data['grade_label']})"
        + (f", {skm.fmt.number(data['respondents'])} responden" if data.get("respondents") else "")
    ]
    lines += [f"  {u['unsur']} {u['name']}: NRR {u['nrr_text']}" for u in data["unsur"]]
    if data["priority"]:
        lines.append(
            "Prioritas perbaikan: " + ", ".join(f"{p['unsur']} {p['name']}" for p in data["priority"])
        )
    for title, key in (("Per instansi", "agencies"), ("Per unit", "units"), ("Tren", "trend")):
        if data.get(key):
            lines.append(f"{title}:")
            lines += [f"  {r['label']}: {r['ikm_text']} ({r['grade']})" for r in data[key]]
    return "\n".join(lines)
