"""Plotly figures with the Indonesian locale applied: 6.814, never 6814, 6,814 or 6.8k.

Plotly leaves 4-digit integers unseparated and a tickformat overrides `separators`, so every figure
sets both, and hover text is formatted on the server (fmt) rather than by the browser.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from mpp import fmt
from mpp.period import Measure

SEPARATORS = ",."  # decimal comma, thousands dot
PALETTE = ["#0b5394", "#9fc5e8", "#e69138", "#6aa84f", "#cc0000", "#674ea7", "#45818e", "#bf9000"]


def as_label(name) -> str:
    """A name from data as plotly text: plotly reads tags in titles, ticks and hover text (<b>, <a
    href>, <br>), so '<' and '&' are written as entities, which it shows as the characters."""
    return html.escape(str(name), quote=False)


def apply_locale(fig: go.Figure, *, value_axis: str = "y") -> go.Figure:
    """Indonesian separators on the figure, whole numbers grouped on the value axis, no SI suffixes."""
    fig.update_layout(
        separators=SEPARATORS,
        font_family="sans-serif",
        colorway=PALETTE,
        margin=dict(l=10, r=10, t=50, b=10),
        hoverlabel=dict(font_size=13),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0),
    )
    axis = {"tickformat": ",d", "exponentformat": "none", "rangemode": "tozero"}
    (fig.update_yaxes if value_axis == "y" else fig.update_xaxes)(**axis)
    return fig


def year_against_year(
    now: pd.DataFrame,
    before: pd.DataFrame,
    measure: Measure,
    title: str,
    lang: str = "id",
    provisional=(),
    provisional_label: str = "sementara",
) -> go.Figure:
    """Monthly bars of this year beside last year; months without data are left empty (a gap, never
    a 0), and `provisional` months (not fully reported) are hatched and labelled so."""
    fig, marked, shown = go.Figure(), set(provisional), False
    for frame, color in ((before, PALETTE[1]), (now, PALETTE[0])):
        if frame.empty:
            continue
        year = frame["month"].iloc[0].year
        flags = [m in marked and not pd.isna(v) for m, v in zip(frame["month"], frame["value"], strict=True)]
        shown = shown or any(flags)
        fig.add_bar(
            x=[fmt.month_name(m.month, lang, short=True) for m in frame["month"]],
            y=frame["value"].astype("float"),
            name=str(year),
            marker_color=color,
            marker_pattern_shape=["/" if f else "" for f in flags],
            textposition="outside",
            text=[_label(v) + ("*" if f else "") for v, f in zip(frame["value"], flags, strict=True)],
            customdata=[
                [fmt.month_label(m, lang), _label(v) + f" ({provisional_label})" * f]
                for m, v, f in zip(frame["month"], frame["value"], flags, strict=True)
            ],
            hovertemplate="%{customdata[0]}: %{customdata[1]} " + measure.label(lang) + "<extra></extra>",
        )
    fig.update_layout(
        title=title, barmode="group", bargap=0.2, uniformtext_minsize=9, uniformtext_mode="hide"
    )
    if shown:  # the asterisk of a provisional bar, explained
        fig.add_annotation(
            text=f"* {provisional_label}",
            showarrow=False,
            xref="paper",
            yref="paper",
            x=1,
            y=1.08,
            xanchor="right",
            font_size=11,
        )
    fig.update_traces(cliponaxis=False, textfont_size=10)
    return apply_locale(fig)


def _label(value) -> str:
    return "" if pd.isna(value) else fmt.number(value)
