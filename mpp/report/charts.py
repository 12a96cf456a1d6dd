"""The report's charts drawn by kaleido with the system Chromium: SVG for the PDF (vector, sharp at any
zoom) and PNG files beside it. One kaleido browser serves every chart of a run (`drawing()`): starting
one costs seconds, a chart then a fraction of one."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import kaleido
import plotly.graph_objects as go

WIDTH = 680  # CSS px: the A4 page's content width at 15 mm margins
PNG_WIDTH = 1100


@contextmanager
def drawing() -> Iterator[None]:
    """Keep one kaleido browser for the charts drawn inside; stopped afterwards."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "kopts ignored when using a server": the options are ours
        kaleido.start_sync_server(silence_warnings=True)
        try:
            yield
        finally:
            kaleido.stop_sync_server(silence_warnings=True)


def _printable(fig: go.Figure, titled: bool = True) -> go.Figure:
    """The page's figure on white paper; in the PDF without its title, which the section heading says."""
    copy = go.Figure(fig)
    copy.update_layout(paper_bgcolor="white", plot_bgcolor="white")
    if not titled:
        copy.update_layout(title=None, margin_t=30)
    return copy


def svg(fig: go.Figure, height: int) -> str:
    """The chart as an inline SVG element (its XML prologue dropped)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = _printable(fig, titled=False).to_image(format="svg", width=WIDTH, height=height)
    return re.sub(r"^<\?xml[^>]*>\s*", "", data.decode("utf-8"))


def png(fig: go.Figure, height: int) -> bytes:
    """The chart as a PNG file at twice the pixels (as the pages' PNG downloads)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _printable(fig).to_image(format="png", width=PNG_WIDTH, height=int(height * 1.5), scale=2)
