"""Time on the charts: a site's events (mpp.reference.events) marked on the monthly and daily charts,
the national holidays and cuti bersama (mpp.calendar) on the daily chart, and the daily chart itself.

An event is a dotted line at its month or day with its label written beside it at the top of the plot
(so a PNG or a printout keeps it), its date, site and kind in the hover. Only events that fall on the
chart are drawn: a line at a month the axis does not show would add that month to the axis.

    fig = timeline.with_events(charts.year_against_year(...), found, lang, axis="month_name", years=(2024, 2025))
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from mpp import calendar, fmt
from mpp.present.charts import PALETTE, apply_locale, as_label, titled
from mpp.reference.events import Event, kind_label
from mpp.text.catalogue import t

KIND_COLORS = {  # a start in green, an end or a failure in red, the rest purple or grey
    "launch": PALETTE[3],
    "opening": PALETTE[3],
    "closing": PALETTE[4],
    "outage": PALETTE[4],
    "holiday": "#7a7a7a",
    "other": PALETTE[5],
}
DAY_OFF_COLOR = "#7a7a7a"
LABEL_WIDTH = 40  # characters of a label on the chart; the hover has it whole
RIGHT = 0.6  # past this share of the width a label is written left of its line, inside the chart
ROWS = 3  # labels step down over three rows, so neighbouring events do not write over each other
AXES = ("month", "month_name", "day")


def with_events(
    fig: go.Figure, events: Iterable[Event], lang: str = "id", axis: str = "month", years: Iterable[int] = ()
) -> go.Figure:
    """Mark each event that falls on the chart. `axis` says how the chart names time: "month" ('Jul
    2025', monthly_bars), "month_name" ('Jul' with one series a year: year_against_year, years_overlaid,
    where only events of `years` are drawn and the label says its month and year) or "day" (dates)."""
    where = _where(fig, axis)
    placed = [(e, _x(e, axis, lang)) for e in events if axis != "month_name" or e.day.year in set(years)]
    for row, (event, x) in enumerate((e, x) for e, x in placed if where(x) is not None):
        _mark(fig, event, x, row % ROWS, lang, dated=axis == "month_name", right=where(x) > RIGHT)
    return fig


def _x(event: Event, axis: str, lang: str):
    if axis == "day":
        return event.day.isoformat()
    if axis == "month_name":
        return fmt.month_name(event.day.month, lang, short=True)
    return fmt.month_label(event.day, lang, short=True)


def _where(fig: go.Figure, axis: str):
    """Where an x falls across the chart, 0 (left) to 1 (right); None when the chart does not show it
    (a category no trace has, a day outside the traces' dates)."""
    values = [x for trace in fig.data for x in (trace.x if trace.x is not None else ())]
    if axis != "day":
        known = list(dict.fromkeys(str(x) for x in values))
        return lambda x: known.index(x) / max(len(known) - 1, 1) if x in known else None
    days = [pd.Timestamp(x) for x in values]
    if not days:
        return lambda x: None
    low, span = min(days), max((max(days) - min(days)).days, 1)
    return lambda x: (
        (pd.Timestamp(x) - low).days / span if 0 <= (pd.Timestamp(x) - low).days <= span else None
    )


def _mark(fig: go.Figure, event: Event, x, row: int, lang: str, dated: bool, right: bool) -> None:
    """The dotted line, and the label beside it: right of the line, or left of it near the right edge."""
    color = KIND_COLORS.get(event.kind, KIND_COLORS["other"])
    fig.add_shape(
        type="line",
        x0=x,
        x1=x,
        xref="x",
        y0=0,
        y1=1,
        yref="y domain",
        line=dict(color=color, width=1.5, dash="dot"),
    )
    label = _short(event.label) + (f" ({fmt.month_label(event.day, lang, short=True)})" if dated else "")
    hover = f"{fmt.day_label(event.day, lang)} · {as_label(event.site)} · {kind_label(event.kind, lang)}"
    fig.add_annotation(
        x=x,
        xref="x",
        y=1 - 0.09 * row,
        yref="y domain",
        text=as_label(label),
        hovertext=f"{as_label(event.label)}<br>{hover}",
        showarrow=False,
        xanchor="right" if right else "left",
        yanchor="top",
        xshift=-3 if right else 3,
        align="right" if right else "left",
        font=dict(size=11, color=color),
        bgcolor="rgba(255,255,255,0.8)",
        name=f"event-{event.event_id}",
    )


def _short(label: str) -> str:
    """The label on the chart: whole up to LABEL_WIDTH characters, else cut after a word, with '…'."""
    if len(label) <= LABEL_WIDTH:
        return label
    cut = label[: LABEL_WIDTH - 1]
    words = cut.rsplit(" ", 1)[0] if " " in cut[LABEL_WIDTH // 2 :] else cut
    return words.rstrip() + " …"


def with_days_off(fig: go.Figure, first: date, last: date, lang: str = "id") -> go.Figure:
    """National holidays and cuti bersama on a daily chart: each day shaded, with a marker on the axis
    named in the hover and one legend entry for all of them."""
    found = calendar.days_off(first, last, lang)
    if not found:
        return fig
    for day, _ in found:
        fig.add_vrect(
            x0=(day - timedelta(hours=12)).isoformat(),
            x1=(day + timedelta(hours=12)).isoformat(),
            fillcolor=DAY_OFF_COLOR,
            opacity=0.3,
            line_width=0,
            layer="below",
        )
    fig.add_scatter(
        x=[day.isoformat() for day, _ in found],
        y=[0] * len(found),
        mode="markers",
        marker=dict(symbol="triangle-up", size=9, color=DAY_OFF_COLOR),
        name=t("days_off_legend", lang),
        customdata=[[fmt.day_label(day, lang), name] for day, name in found],
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
        cliponaxis=False,
    )
    return fig


def daily_bars(frame: pd.DataFrame, title: str, unit: str, lang: str = "id") -> go.Figure:
    """frame: day, value. One bar a day; a day without figures (a weekend, a holiday) is left empty.
    The ticks are written on the server ('2 Jan', or 'Jan 2026' over a long span), so they read the
    Indonesian way whatever the browser's language."""
    days = [pd.Timestamp(d).date() for d in frame["day"]]
    values = [fmt.number(v, lang=lang) for v in frame["value"]]
    fig = go.Figure(
        go.Bar(
            x=[d.isoformat() for d in days],
            y=frame["value"].astype("float"),
            marker_color=PALETTE[0],
            customdata=[[fmt.day_label(d, lang), v] for d, v in zip(days, values, strict=True)],
            hovertemplate="%{customdata[0]}: %{customdata[1]} " + unit + "<extra></extra>",
            name=unit,
        )
    )
    fig.update_layout(bargap=0.15, showlegend=True)
    ticks = _ticks(days[0], days[-1], lang) if days else ([], [])
    fig.update_xaxes(type="date", tickvals=ticks[0], ticktext=ticks[1])
    return titled(apply_locale(fig, lang=lang), title)


def _ticks(first: date, last: date, lang: str) -> tuple[list[str], list[str]]:
    """Mondays ('2 Feb') over up to two months, first days of months ('Feb 2026') over longer spans."""
    if (last - first).days <= 62:
        monday = first - timedelta(days=first.weekday())
        days = [monday + timedelta(weeks=w) for w in range((last - monday).days // 7 + 1)]
        return [d.isoformat() for d in days], [
            f"{d.day} {fmt.month_name(d.month, lang, short=True)}" for d in days
        ]
    months = pd.date_range(date(first.year, first.month, 1), last, freq="MS").date
    return [m.isoformat() for m in months], [fmt.month_label(m, lang, short=True) for m in months]
