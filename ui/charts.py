"""Charts on a page: each with its source line (sites, period, source, date) under the title, a
toolbar that keeps only the download (named site_period_chart.png), and a PNG button whose file
carries the same line. Streamlit's theme draws them light or dark, as the reader's system is."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import streamlit as st

from mpp.present import charts, credits, export
from mpp.reference.sites import list_sites
from ui.base import lang, read

# Zoom, pan and selection buttons crowd the toolbar on a phone and do little on these charts.
CLICKS = {"on_select": "rerun", "selection_mode": "points"}  # a click on a bar chooses it
NO_ZOOM = ["zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d"]


def sourced(fig, sites, period: str):
    """The figure with its source line, in the reader's language, dated in the sites' timezone."""
    known = read(list_sites)
    return charts.with_source(
        fig, credits.source_line(sites, period, credits.offices(known, sites), _today(known, sites), lang())
    )


def _today(known, sites) -> date:
    zone = next(iter(known.loc[known["name"].isin(list(sites)), "timezone"]), "Asia/Jakarta")
    return datetime.now(UTC).astimezone(ZoneInfo(zone)).date()


def config(file_name: str) -> dict:
    """plotly's toolbar: in the page's language, no logo, no zoom, and a download named for what it
    shows."""
    return {
        "displaylogo": False,
        "locale": lang(),
        "modeBarButtonsToRemove": NO_ZOOM,
        "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2},
    }


def plotly(fig, name: str, sites, period: str, **options):
    """Draw the chart with its source line; returns the figure as drawn, and the selection event when
    `options` make it answer clicks (a key and on_select)."""
    fig = sourced(fig, sites, period)
    event = st.plotly_chart(fig, config=config(credits.file_name(sites, period, name)), **options)
    return (fig, event) if options else fig


def chart(fig, name: str, sites, period: str, clickable: bool = False) -> int | None:
    """A chart with a PNG download, drawn by kaleido only when someone asks for it; the file holds
    the source line, without the room the page keeps for the toolbar. A `clickable` chart reruns the
    page when a bar is clicked and returns that bar's position in its trace (None: no bar chosen)."""
    event = None
    if clickable:
        drawn, event = plotly(fig, name, sites, period, **CLICKS, key=f"chart-{name}")
    else:
        drawn = plotly(fig, name, sites, period)
    st.download_button(
        "PNG",
        lambda: export.to_png(charts.for_file(drawn)),
        f"{credits.file_name(sites, period, name)}.png",
        "image/png",
        key=f"png-{name}",
        icon=":material/image:",
        on_click="ignore",
    )
    return clicked_point(event)


def clicked_point(event) -> int | None:
    """The position of the first selected point of a chart's selection event, if any."""
    points = event.get("selection", {}).get("points", []) if event else []
    return int(points[0]["point_index"]) if points and "point_index" in points[0] else None
