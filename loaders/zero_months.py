"""Months a file gives as 0 for every agency: a recap where '-' was typed for a month not yet
reported reads as a month in which nobody was served. The upload page asks which it is; a month
not yet reported is left out of the load, so coverage (mpp/visits/coverage.py) counts it as
missing rather than as a month of zero visits, and a later file fills it in.

    zero_months(parsed.service)                 # [date(2025, 7, 1)]
    leave_out(parsed, (date(2025, 7, 1),))      # the file without July
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from loaders.model import Parsed
from mpp.fmt import month_label


def zero_months(service: pd.DataFrame) -> list[date]:
    """Months of monthly figures in which every agency's figure is 0 (daily figures are left
    alone: a day without visits is a holiday)."""
    if "grain" not in service:  # a survey file: no visits
        return []
    monthly = service[service["grain"] == "month"]
    if monthly.empty:
        return []
    totals = monthly.groupby(monthly["day"].map(month_of))["visits"].sum()
    return sorted(month for month, total in totals.items() if total == 0)


def leave_out(parsed: Parsed, months) -> Parsed:
    """The parsed file without the figures of `months` (first days), in every frame that has them,
    each left-out month said in a note."""
    months = set(months) & set(zero_months(parsed.service))
    if not months:
        return parsed
    frames = {
        attribute: frame[~frame["day"].map(month_of).isin(months)]
        for attribute in ("service", "visitors", "outcomes")
        if (frame := getattr(parsed, attribute)) is not None
    }
    said = ", ".join(month_label(m) for m in sorted(months))
    return replace(parsed, **frames, notes=[*parsed.notes, f"bulan belum dilaporkan, tidak dimuat: {said}"])


def month_of(day: date) -> date:
    return date(day.year, day.month, 1)
