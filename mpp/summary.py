"""`python -m mpp summary`: the overview as JSON for scripts, or as Indonesian text for people."""
from __future__ import annotations

from mpp import fmt
from mpp.overview import Overview


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
        "peak_months": [{"month": row.month.strftime("%Y-%m"), "visitors": int(row.value)}
                        for row in view.peaks.itertuples()],
        "agencies": [{"agency": row.agency, "visits": int(row.visits), "share": _rounded(row.share)}
                     for row in view.agencies.table.itertuples()],
        "service_visits_to_date": view.agencies.base.value,
        "latest_month": view.latest_month.strftime("%Y-%m") if view.latest_month else None,
    }


def _rounded(value: float | None) -> float | None:
    """Four decimals: enough that a reader rounding to one decimal gets the published figure
    (24,846 -> 24,8); two would invite double rounding (24,85 -> 24,9)."""
    return None if value is None else round(value, 4)


def summary_text(view: Overview, top: int = 5) -> str:
    """The same figures as readable Indonesian lines."""
    measure = view.measure.label()
    now, base = view.to_date.current, view.to_date.base
    lines = [
        f"{', '.join(view.sites)}: {measure} {now.period.label()}",
        f"  {measure.capitalize()} {now.period.label()}: {fmt.number(now.value)}",
        f"  {base.period.label()}: {fmt.number(base.value)}"
        + (f" (pertumbuhan {fmt.signed_percent(view.to_date.change_pct)})"
           if view.to_date.change_pct is not None else " (tidak sebanding: data tidak lengkap)"),
        f"  Setahun penuh {view.previous_full_year.period.start.year} "
        f"({fmt.months_count(view.previous_full_year.period.months)}, periode berbeda panjang): "
        f"{fmt.number(view.previous_full_year.value)}",
        "  Bulan puncak: " + ", ".join(f"{fmt.month_label(r.month)} ({fmt.number(r.value)})"
                                       for r in view.peaks.itertuples()),
        f"  Instansi terbanyak (kunjungan layanan; pangsa dari seluruh {fmt.number(view.agencies.base.value)} "
        f"kunjungan layanan {now.period.label()}):",
    ]
    lines += [f"    {i}. {r.agency}: {fmt.number(r.visits)} ({fmt.percent(r.share)})"
              for i, r in enumerate(view.agencies.table.head(top).itertuples(), 1)]
    return "\n".join(lines)
