"""Plotly figures of the satisfaction survey, Indonesian style (95,20; 3,82); with lang='en' the labels
written on the bars and points are English style (95.20; 3.82).

Every label is text formatted on the server (mpp.skm / fmt), so the browser never rounds or
separates a figure itself; the axes use the shared separators with decimals, not whole numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from mpp.present.charts import MUTED, PALETTE, apply_locale, as_label, names_above, room_for_labels, titled
from mpp.survey.skm import GRADES, unsur_name
from mpp.survey.summary import IndexRow, ItemValue, UnsurScore
from mpp.text.catalogue import t

PRIORITY_COLOR = PALETTE[2]
GRADE_LINES = [(float(g.lowest), g.letter) for g in GRADES[:-1]]  # 88,31 A; 76,61 B; 65,00 C


def _bars(
    labels, values, texts, colors, title: str, axis_range, tickformat: str, lang: str = "id"
) -> go.Figure:
    """Horizontal bars, first item on top, each name above its bar and its server-formatted label
    beside it; the axis ends where the longest label still fits on a phone."""
    labels, texts = [as_label(label) for label in labels], list(texts)
    fig = go.Figure(
        go.Bar(
            y=list(range(len(labels))),  # positions: two units of one label stay two bars
            x=list(values),
            orientation="h",
            text=texts,
            textposition="outside",
            textfont_size=11,
            marker_color=list(colors),
            cliponaxis=False,
            customdata=labels,
            hovertemplate="%{customdata}: %{text}<extra></extra>",
        )
    )
    apply_locale(fig, value_axis="x", lang=lang)
    low, high = axis_range
    end = low + room_for_labels(high - low, max([len(x) for x in texts] + [1]))
    fig.update_xaxes(range=[low, end], tickformat=tickformat, rangemode="normal")
    return titled(names_above(fig, labels), title)


def nrr_bars(unsur: Sequence[UnsurScore], priority: list[str], title: str, lang: str = "id") -> go.Figure:
    """NRR per unsur on the 1-4 scale; the priority unsur (lowest NRR) stands out in orange."""
    colors = [PRIORITY_COLOR if u.unsur in priority else PALETTE[0] for u in unsur]
    return _bars(
        [f"{u.unsur} {unsur_name(u.unsur, lang)}" for u in unsur],
        [u.nrr for u in unsur],
        [u.text(lang) for u in unsur],
        colors,
        title,
        [1, 4],
        ".1f",
        lang,
    )


def _decimal(value: float, lang: str) -> str:
    """A small figure with two decimals: '4,25' / '4.25'."""
    text = f"{value:.2f}"
    return text if lang == "en" else text.replace(".", ",")


def item_bars(items: Sequence[ItemValue], title: str, lang: str = "id") -> go.Figure:
    """Published item values (V1..V11) as printed: weighted values, so no fixed scale."""
    top = max((i.value for i in items if i.value is not None), default=1)
    texts = ["–" if i.value is None else _decimal(i.value, lang) for i in items]
    return _bars(
        [i.item for i in items],
        [i.value for i in items],
        texts,
        [PALETTE[0]] * len(items),
        title,
        [0, top],
        ".2f",
        lang,
    )


def index_bars(rows: Sequence[IndexRow], title: str, lang: str = "id") -> go.Figure:
    """The index of agencies or units, best first, labelled '95,70 (A)'. The axis starts at 0 and
    says so: cut at 75 it made 93 against 95 look like half against whole."""
    fig = _bars(
        [r.label for r in rows],
        [r.ikm for r in rows],
        [f"{r.text(lang)} ({r.grade})" for r in rows],
        [PALETTE[0]] * len(rows),
        title,
        [0, 100],
        ".0f",
        lang,
    )
    fig.update_xaxes(title=dict(text=t("skm_index_axis", lang), font_size=11), tickvals=[0, 25, 50, 75, 100])
    return fig


def _grade_lines(fig: go.Figure, low: float, lang: str = "id") -> None:
    """Dotted lines at the lower bounds of A, B and C that fall inside the axis."""
    for bound, letter in GRADE_LINES:
        if bound > low:
            fig.add_hline(
                y=bound,
                line_dash="dot",
                line_color=MUTED,
                annotation_text=f"{letter} ≥ {_decimal(bound, lang)}",
                annotation_position="bottom right",
            )


def trend_line(rows: Sequence[IndexRow], title: str, lang: str = "id") -> go.Figure:
    """The index per period with the grade bounds drawn across, so a fall into B is seen at once."""
    fig = go.Figure(
        go.Scatter(
            x=[as_label(r.label) for r in rows],
            y=[r.ikm for r in rows],
            mode="lines+markers+text",
            text=[f"{r.text(lang)} ({r.grade})" for r in rows],
            textposition="top center",
            line_color=PALETTE[0],
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    low = min([r.ikm for r in rows] + [85]) - 5
    _grade_lines(fig, low, lang)
    fig.update_layout(showlegend=False, height=360)
    apply_locale(fig, lang=lang)
    fig.update_yaxes(range=[low, 101], tickformat=".0f", rangemode="normal")
    fig.update_xaxes(type="category")
    return titled(fig, title)
