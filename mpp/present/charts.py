"""Plotly figures with the Indonesian locale applied: 6.814, never 6814, 6,814 or 6.8k.

Plotly leaves 4-digit integers unseparated and a tickformat overrides `separators`, so every figure
sets both, and hover text is formatted on the server (fmt) rather than by the browser.

The head of every figure is laid out here too, the same on a laptop and a 390 px phone: the title
wrapped and set below a band kept free for the toolbar (plotly's and Streamlit's full-screen button),
then the source line (sites, period, source, date) that a downloaded PNG carries, then the legend.
"""

from __future__ import annotations

import copy
import html
import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

from mpp import fmt
from mpp.period import Measure

SEPARATORS = ",."  # decimal comma, thousands dot
ENGLISH_SEPARATORS = ".,"  # an English page's charts: 41,481 and 92.3, as its text writes them
# Every colour reads on a light and on a dark page (at least 3:1 against white and against Streamlit's
# dark background, except the paler last-year blue, which always stands beside the darker one).
PALETTE = ["#3a7dc4", "#8ab4dc", "#e69138", "#6aa84f", "#d03a2f", "#8e7cc3", "#45818e", "#bf9000"]
MUTED = "#7a7a7a"  # the source line and grade lines: 4,3:1 on white and on the dark background
TOOLBAR_BAND = 36  # px at the top left free for the toolbar, which would otherwise cover the title
TITLE_SIZE, TITLE_WIDTH = 15, 40  # a title line holds 40 characters on a phone (390 px wide)
SOURCE_SIZE, SOURCE_WIDTH = 10, 62
TAGGED_LINE = re.compile(r"^(<(\w+)>)(.*)(</\2>)$")
LEGEND_ROW = AXIS_ROW = 28  # a horizontal legend, or an axis' labels, above the plot
ROW = 40  # px for one horizontal bar with its name above it
LABEL_CHAR_PX, PHONE_PLOT_PX = 6.5, 330


def as_label(name) -> str:
    """A name from data as plotly text: plotly reads tags in titles, ticks and hover text (<b>, <a
    href>, <br>), so '<' and '&' are written as entities, which it shows as the characters."""
    return html.escape(str(name), quote=False)


def apply_locale(fig: go.Figure, *, value_axis: str = "y", lang: str = "id") -> go.Figure:
    """The language's separators on the figure (Indonesian unless lang='en'), whole numbers grouped on
    the value axis, no SI suffixes."""
    fig.update_layout(
        separators=ENGLISH_SEPARATORS if lang == "en" else SEPARATORS,
        font_family="sans-serif",
        colorway=PALETTE,
        margin=dict(l=10, r=10, b=10),
        hoverlabel=dict(font_size=13),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0),
        dragmode=False,  # a finger scrolling the page on a phone must not zoom the chart
    )
    axis = {"tickformat": ",d", "exponentformat": "none", "rangemode": "tozero"}
    (fig.update_yaxes if value_axis == "y" else fig.update_xaxes)(**axis)
    return fig


def wrapped(text: str, width: int) -> str:
    """Plotly never wraps a title: break it into lines of `width` characters at spaces (<br>); a line
    in one tag (a '<sup>...</sup>' subtitle) is wrapped inside it, in its own smaller type."""
    return "<br>".join(part for line in text.split("<br>") for part in _wrapped_line(line, width))


def _wrapped_line(line: str, width: int) -> list[str]:
    tagged = TAGGED_LINE.match(line)
    if not tagged:
        return textwrap.wrap(line, width, break_on_hyphens=False) or [""]
    opening, tag, inner, closing = tagged.groups()
    narrow = int(width * 1.4) if tag in ("sup", "sub") else width
    return [opening + part + closing for part in textwrap.wrap(inner, narrow, break_on_hyphens=False) or [""]]


def titled(fig: go.Figure, title: str) -> go.Figure:
    """The title, wrapped for a phone and set at the top left below the toolbar's band."""
    fig.update_layout(
        title=dict(
            text=wrapped(title, TITLE_WIDTH),
            x=0,
            xref="container",
            xanchor="left",
            y=1,
            yref="container",
            yanchor="top",
            pad=dict(t=TOOLBAR_BAND, l=10),
            font_size=TITLE_SIZE,
        )
    )
    return fit_head(fig)


def with_source(fig: go.Figure, line: str) -> go.Figure:
    """The source line under the title (sites, period, "Sumber: Pantau MPP, ...", date): small on the
    page, and in every PNG made of the chart, from the toolbar or the PNG button."""
    fig.update_layout(
        title_subtitle=dict(text=wrapped(line, SOURCE_WIDTH), font=dict(size=SOURCE_SIZE, color=MUTED))
    )
    return fit_head(fig)


def for_file(fig: go.Figure) -> go.Figure:
    """A copy for a PNG file, where no toolbar covers the top: the band is left out."""
    copied = go.Figure(copy.deepcopy(fig.to_dict()))
    copied.update_layout(title_pad_t=10)
    return fit_head(copied, band=10)


def _lines(text: str | None) -> int:
    return text.count("<br>") + 1 if text else 0


def _legend_on_top(fig: go.Figure) -> bool:
    shown = fig.layout.showlegend
    many = len(fig.data) > 1 or any(trace.type == "pie" for trace in fig.data)
    return shown is not False and (shown or many) and (fig.layout.legend.y or 0) >= 1


def fit_head(fig: go.Figure, band: int = TOOLBAR_BAND) -> go.Figure:
    """The top margin holds the band, the title, the source line and a legend above the plot, so
    none of them covers another on a narrow screen; a figure of set height grows by what its head
    grew, so the plot keeps its size."""
    title = fig.layout.title
    head = band + 21 * _lines(title.text) + 8
    sub = _lines(title.subtitle.text)
    head += 14 * sub + 6 if sub else 0
    head += LEGEND_ROW if _legend_on_top(fig) else 0
    head += AXIS_ROW if fig.layout.xaxis.side == "top" else 0
    if fig.layout.height is not None:
        fig.update_layout(height=fig.layout.height - (fig.layout.margin.t or 0) + head)
    fig.update_layout(margin_t=head)
    return fig


def names_above(fig: go.Figure, names) -> go.Figure:
    """Horizontal bars with each name written above its bar inside the plot: on a phone the bars and
    their labels keep the whole width instead of sharing it with a column of names. The names are
    notes, not the axis' tick labels, which would hide the value axis' labels under them (its 0).
    The bars stand at positions 0, 1, 2... on the y axis, never at their shown names: two names
    shortened alike would be one category, their bars drawn over each other and one name written."""
    names = list(names)
    fig.update_traces(width=0.5, offset=0.0)  # the lower half of each row; the name sits above
    fig.update_yaxes(type="category", autorange="reversed", showticklabels=False, ticks="", showline=False)
    for position, name in enumerate(names):
        fig.add_annotation(
            text=name,
            x=0,
            xref="paper",
            xanchor="left",
            y=position,  # a category axis places notes by the category's number
            yref="y",
            yanchor="bottom",
            showarrow=False,
            font_size=12,
        )
    fig.update_layout(height=(fig.layout.margin.t or 0) + ROW * len(names) + 40, showlegend=len(fig.data) > 1)
    return fit_head(fig)


def room_for_labels(high: float, widest: int) -> float:
    """The axis end that leaves a label of `widest` characters room beside the longest bar even on a
    phone (about 330 px of plot at about 6,5 px a character)."""
    return max(high, 1) / (1 - min(0.45, widest * LABEL_CHAR_PX / PHONE_PLOT_PX))


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
            text=[_label(v, lang) + ("*" if f else "") for v, f in zip(frame["value"], flags, strict=True)],
            customdata=[
                [fmt.month_label(m, lang), _label(v, lang) + f" ({provisional_label})" * f]
                for m, v, f in zip(frame["month"], frame["value"], flags, strict=True)
            ],
            hovertemplate="%{customdata[0]}: %{customdata[1]} " + measure.label(lang) + "<extra></extra>",
        )
    fig.update_layout(barmode="group", bargap=0.2, uniformtext_minsize=9, uniformtext_mode="hide")
    if shown:  # the asterisk of a provisional bar, explained
        fig.add_annotation(
            text=f"* {provisional_label}",
            showarrow=False,
            xref="paper",
            yref="paper",
            x=1,
            y=1.0,
            yanchor="bottom",
            xanchor="right",
            font_size=11,
        )
    fig.update_traces(cliponaxis=False, textfont_size=10)
    return titled(apply_locale(fig, lang=lang), title)


def _label(value, lang: str = "id") -> str:
    return "" if pd.isna(value) else fmt.number(value, lang=lang)
