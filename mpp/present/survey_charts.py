"""Plotly figures of the satisfaction survey, Indonesian style (95,20; 3,82).

Every label is text formatted on the server (mpp.skm / fmt), so the browser never rounds or
separates a figure itself; the axes use the shared separators with decimals, not whole numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from mpp.present.charts import PALETTE, apply_locale, as_label
from mpp.survey.skm import GRADES, unsur_name
from mpp.survey.summary import IndexRow, ItemValue, UnsurScore

PRIORITY_COLOR = PALETTE[2]
GRADE_LINES = [(float(g.lowest), g.letter) for g in GRADES[:-1]]  # 88,31 A; 76,61 B; 65,00 C


def _bars(labels, values, texts, colors, title: str, axis_range, tickformat: str) -> go.Figure:
    """Horizontal bars, first item on top, each with its server-formatted label; names as text."""
    fig = go.Figure(
        go.Bar(
            y=[as_label(label) for label in labels],
            x=list(values),
            orientation="h",
            text=list(texts),
            textposition="outside",
            marker_color=list(colors),
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_layout(title=title, height=max(280, 34 * len(list(labels)) + 110), showlegend=False)
    apply_locale(fig, value_axis="x")
    fig.update_xaxes(range=axis_range, tickformat=tickformat, rangemode="normal")
    fig.update_yaxes(autorange="reversed")
    return fig


def nrr_bars(unsur: Sequence[UnsurScore], priority: list[str], title: str, lang: str = "id") -> go.Figure:
    """NRR per unsur on the 1-4 scale; the priority unsur (lowest NRR) stands out in orange."""
    colors = [PRIORITY_COLOR if u.unsur in priority else PALETTE[0] for u in unsur]
    return _bars(
        [f"{u.unsur} {unsur_name(u.unsur, lang)}" for u in unsur],
        [u.nrr for u in unsur],
        [u.nrr_text for u in unsur],
        colors,
        title,
        [1, 4.25],
        ".1f",
    )


def item_bars(items: Sequence[ItemValue], title: str) -> go.Figure:
    """Published item values (V1..V11) as printed: weighted values, so no fixed scale."""
    top = max((i.value for i in items if i.value is not None), default=1)
    texts = ["–" if i.value is None else f"{i.value:.2f}".replace(".", ",") for i in items]
    return _bars(
        [i.item for i in items],
        [i.value for i in items],
        texts,
        [PALETTE[0]] * len(items),
        title,
        [0, top * 1.2],
        ".2f",
    )


def index_bars(rows: Sequence[IndexRow], title: str) -> go.Figure:
    """The index of agencies or units, best first, labelled '95,70 (A)'."""
    return _bars(
        [r.label for r in rows],
        [r.ikm for r in rows],
        [f"{r.ikm_text} ({r.grade})" for r in rows],
        [PALETTE[0]] * len(rows),
        title,
        [min([r.ikm for r in rows] + [80]) - 5, 103],
        ".0f",
    )


def _grade_lines(fig: go.Figure, low: float) -> None:
    """Dotted lines at the lower bounds of A, B and C that fall inside the axis."""
    for bound, letter in GRADE_LINES:
        if bound > low:
            fig.add_hline(
                y=bound,
                line_dash="dot",
                line_color="#999999",
                annotation_text=f"{letter} ≥ {bound:.2f}".replace(".", ","),
                annotation_position="bottom right",
            )


def trend_line(rows: Sequence[IndexRow], title: str) -> go.Figure:
    """The index per period with the grade bounds drawn across, so a fall into B is seen at once."""
    fig = go.Figure(
        go.Scatter(
            x=[as_label(r.label) for r in rows],
            y=[r.ikm for r in rows],
            mode="lines+markers+text",
            text=[f"{r.ikm_text} ({r.grade})" for r in rows],
            textposition="top center",
            line_color=PALETTE[0],
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    low = min([r.ikm for r in rows] + [85]) - 5
    _grade_lines(fig, low)
    fig.update_layout(title=title, showlegend=False, height=360)
    apply_locale(fig)
    fig.update_yaxes(range=[low, 101], tickformat=".0f", rangemode="normal")
    fig.update_xaxes(type="category")
    return fig
