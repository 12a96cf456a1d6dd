"""`python -m mpp summary`: the overview as JSON for scripts, or as Indonesian text for people."""

from __future__ import annotations

import pandas as pd

from mpp import fmt
from mpp.visits.overview import Overview


def summary_dict(view: Overview) -> dict:
    """The contract keys (see README): figures of the headline measure, agencies by service visits."""
    return {
        "site": ", ".join(view.sites),
        "measure": view.measure.value,
        "period": view.period.iso(),
        "visitors_to_date": view.to_date.current.value,
        "visitors_same_period_last_year": view.to_date.base.value,
        "growth_pct": _rounded(view.to_date.change_pct),
        "visitors_previous_full_year": view.previous_full_year.value,
        "previous_full_year": view.previous_full_year.period.start.year,
        "previous_full_year_short_sites": [
            {"site": s.site, "from": _iso(s.span.start), "to": _iso(s.span.end), "months": s.months}
            for s in view.previous_full_year_short
        ],
        "peak_months": [
            {"month": row.month.strftime("%Y-%m"), "visitors": int(row.value)}
            for row in view.peaks.itertuples()
        ],
        "agencies": [
            {"agency": row.agency, "visits": int(row.visits), "share": _rounded(row.share)}
            for row in view.agencies.table.itertuples()
        ],
        "service_visits_to_date": view.agencies.base.value,
        "latest_month": _iso(
            max(m for m in (view.latest_month, *(p.month for p in view.provisional)) if m)
            if view.latest_month
            else None
        ),
        "latest_complete_month": _iso(view.latest_complete_month),
        "coverage": [m.iso() for m in view.coverage] + [m.iso() for m in view.provisional],
        "excluded_sites": [{"site": e.site, "reason": e.why()} for e in view.to_date.excluded],
        "month": month_dict(view.review),
        "agency_changes": [
            {
                "agency": r.agency,
                "visits": _int(r.visits),
                "visits_same_month_last_year": _int(r.visits_same_month_last_year),
                "change": _int(r.change),
                "change_pct": _rounded(_float(r.change_pct)),
            }
            for r in view.review.agencies.itertuples()
        ],
    }


def month_dict(review) -> dict:
    """The through month against the same month a year earlier and the month before, like for like."""
    yoy, mom = review.year_on_year, review.month_on_month
    return {
        "month": _iso(review.month),
        "value": review.total.value,
        "same_month_last_year": yoy.base.value,
        "change_pct": _rounded(yoy.change_pct),
        "previous_month": mom.base.value,
        "previous_month_change_pct": _rounded(mom.change_pct),
    }


def _iso(month) -> str | None:
    return month.strftime("%Y-%m") if month else None


def _int(value) -> int | None:
    return None if pd.isna(value) else int(value)


def _float(value) -> float | None:
    return None if pd.isna(value) else float(value)


def _rounded(value: float | None) -> float | None:
    """Four decimals: enough that a reader rounding to one decimal gets the published figure
    (24,846 -> 24,8); two would invite double rounding (24,85 -> 24,9)."""
    return None if value is None else round(value, 4)


def summary_text(view: Overview, top: int = 5) -> str:
    """The same figures as readable Indonesian lines."""
    measure, period = view.measure.label(), view.period.label()
    lines = [
        f"{', '.join(view.sites)}: {measure} {period}",
        *month_lines(view),
        f"  {measure.capitalize()} {period}: {fmt.number(view.total.value)}",
        *growth_lines(view),
        f"  Setahun penuh {view.previous_full_year.period.start.year} "
        f"({fmt.months_count(view.previous_full_year.period.months)}, periode berbeda panjang): "
        f"{fmt.number(view.previous_full_year.value)}",
        *(f"    belum setahun penuh: {short.text()}" for short in view.previous_full_year_short),
        "  Bulan puncak: "
        + ", ".join(f"{fmt.month_label(r.month)} ({fmt.number(r.value)})" for r in view.peaks.itertuples()),
        f"  Instansi terbanyak (kunjungan layanan; pangsa dari seluruh "
        f"{fmt.number(view.agencies.base.value)} kunjungan layanan {period}):",
    ]
    lines += [
        f"    {i}. {r.agency}: {fmt.number(r.visits)} ({fmt.percent(r.share)})"
        for i, r in enumerate(view.agencies.table.head(top).itertuples(), 1)
    ]
    lines += [f"  {fmt.month_label(m.month)} sementara, belum dihitung: {m.text()}" for m in view.provisional]
    return "\n".join(lines)


def growth_lines(view: Overview) -> list[str]:
    """The like-for-like comparison, and the sites it leaves out."""
    now, base, rate = view.to_date.current, view.to_date.base, view.to_date.change_pct
    compared = f" ({', '.join(now.sites)})" if view.to_date.excluded else ""
    lines = [
        f"  {now.period.label()} terhadap {base.period.label()}{compared}: {fmt.number(now.value)} "
        f"terhadap {fmt.number(base.value)}"
        + (
            f" (pertumbuhan {fmt.signed_percent(rate)})"
            if rate is not None
            else " (tidak sebanding: data tidak lengkap)"
        )
    ]
    return lines + [f"  Tidak dibandingkan: {e.text()}" for e in view.to_date.excluded]


def month_lines(view: Overview) -> list[str]:
    """The through month against the same month a year earlier and the month before."""
    review, measure = view.review, view.measure.label()
    lines = [f"  {measure.capitalize()} {fmt.month_label(review.month)}: {fmt.number(review.total.value)}"]
    for comparison in (review.year_on_year, review.month_on_month):
        rate = comparison.change_pct
        lines.append(
            f"    terhadap {fmt.month_label(comparison.base.period.start)}: "
            f"{fmt.number(comparison.base.value)}"
            + (f" ({fmt.signed_percent(rate)})" if rate is not None else " (tidak sebanding)")
        )
    return lines
