"""What a chart says about itself, in the page and in its PNG: the source line under the title
('MPP Kota Balikpapan · Januari-September 2025 · Sumber: Pantau MPP, data DPMPTSP Kota Balikpapan
· 27 November 2026') and a file name that says the same (mpp-kota-balikpapan_januari-september-2025_
instansi-peringkat.png)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pandas as pd

from mpp import fmt
from mpp.present.charts import as_label
from mpp.text.catalogue import t


def offices(sites: pd.DataFrame, chosen) -> list[str]:
    """The offices whose data the sites hold: the DPMPTSP of each site's kabupaten/kota (a Mini MPP's
    too), once each; a site without one is named itself."""
    rows = sites[sites["name"].isin(list(chosen))]
    found: list[str] = []
    for name, region in zip(rows["name"], rows["kabupaten_kota"], strict=True):
        office = t("chart_office", region=region) if isinstance(region, str) and region else name
        if office not in found:
            found.append(office)
    return found or list(chosen)


def source_line(chosen, period: str, office_names, day: date, lang: str = "id") -> str:
    """The line every chart carries: sites, period, source and the day the chart was made. Plotly
    reads tags in it, so each name (a site's, a region's, a period read from a survey file) is
    written as text."""
    return t(
        "chart_source",
        lang,
        sites=some([as_label(name) for name in chosen], lang),
        period=as_label(period),
        offices=some([as_label(name) for name in office_names], lang),
        day=fmt.day_label(day, lang),
    )


def some(names: list[str], lang: str = "id", most: int = 3) -> str:
    """Up to `most` names; a longer list ends '... dan 4 lainnya', so the line stays a line or two."""
    if len(names) <= most:
        return ", ".join(names)
    return t("chart_and_more", lang, names=", ".join(names[: most - 1]), n=len(names) - most + 1)


def slug(text: str) -> str:
    """'MPP Kota Balikpapan' -> 'mpp-kota-balikpapan': safe in a file name on every system."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def file_name(chosen, period: str, chart: str) -> str:
    """site_period_chart, without extension; more than one site reads 'first-site-and-2'."""
    chosen = list(chosen)
    sites = (
        slug(chosen[0]) + (f"-dan-{len(chosen) - 1}" if len(chosen) > 1 else "") if chosen else "pantau-mpp"
    )
    return "_".join(part for part in (sites, slug(period), slug(chart)) if part)
