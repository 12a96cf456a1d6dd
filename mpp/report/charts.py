"""The report's charts drawn by kaleido with the system Chromium: SVG for the PDF (vector, sharp at any
zoom) and PNG files beside it. One kaleido browser serves every chart of a report (`draw`): starting
one costs seconds, a chart then a fraction of one.

The browser runs inside `draw`'s own event loop, so a browser that cannot start or a chart that fails
raises here (as PrintFailed, in the reader's language) instead of leaving a background server that
never answers."""

from __future__ import annotations

import asyncio
import re
import warnings
from collections.abc import Callable, Sequence

import kaleido
import plotly.graph_objects as go

from mpp.report.pdf import PrintFailed
from mpp.text.catalogue import t

WIDTH = 680  # CSS px: the A4 page's content width at 15 mm margins
PNG_WIDTH = 1100
TIMEOUT = 90  # seconds for one chart; a chart draws in well under one on a quiet machine


def _printable(fig: go.Figure, titled: bool = True) -> dict:
    """The page's figure on white paper; in the PDF without its title, which the section heading says."""
    copy = go.Figure(fig)
    copy.update_layout(paper_bgcolor="white", plot_bgcolor="white")
    if not titled:
        copy.update_layout(title=None, margin_t=30)
    return copy.to_dict()


def _svg(data: bytes) -> str:
    """The chart as an inline SVG element (its XML prologue dropped)."""
    return re.sub(r"^<\?xml[^>]*>\s*", "", data.decode("utf-8"))


async def _draw_all(charts: Sequence[tuple[go.Figure, int]], step: Callable[[], None]):
    drawn: list[tuple[str, bytes]] = []
    async with kaleido.Kaleido(timeout=TIMEOUT) as browser:
        for fig, height in charts:
            svg = await browser.calc_fig(
                _printable(fig, titled=False), opts={"format": "svg", "width": WIDTH, "height": height}
            )
            step()
            # the PNG at twice the pixels, as the pages' PNG downloads
            png = await browser.calc_fig(
                _printable(fig),
                opts={"format": "png", "width": PNG_WIDTH, "height": int(height * 1.5), "scale": 2},
            )
            step()
            drawn.append((_svg(svg), png))
    return drawn


def draw(
    charts: Sequence[tuple[go.Figure, int]], lang: str = "id", step: Callable[[], None] = lambda: None
) -> list[tuple[str, bytes]]:
    """Every (figure, height) as (inline SVG, PNG bytes), in order; `step()` after each image.
    Whatever the browser fails with (it is another program: it may be missing, crash or hang until
    TIMEOUT) is PrintFailed with the catalogue's words."""
    if not charts:
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # kaleido's and choreographer's own notices
        try:
            return asyncio.run(_draw_all(charts, step))
        except Exception as failed:
            why = type(failed).__name__
            raise PrintFailed(t("report_charts_failed", lang, why=why)) from failed
