"""The plotly figures of the analysis pages, built on charts.apply_locale: every label, tick and hover
text reads the Indonesian way (6.814; 24,8%; Jul 2025), formatted here on the server."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from mpp import fmt
from mpp.present.charts import PALETTE, apply_locale, as_label, names_above, room_for_labels, titled, wrapped
from mpp.text.catalogue import t

EXTRA_COLORS = [
    "#3d85c6",
    "#f6b26b",
    "#93c47d",
    "#e06666",
    "#8e7cc3",
    "#76a5af",
    "#ffd966",
    "#999999",
    "#134f5c",
    "#7f6000",
    "#20124d",
    "#660000",
]
NAME_WIDTH = 32  # longer agency names are shortened on the axis; the hover shows them whole


def short_name(name: str, width: int = NAME_WIDTH) -> str:
    """The name on an axis: shortened with '…', and '<' kept as text (plotly reads tags in labels)."""
    short = name if len(name) <= width else name[: width - 1].rstrip() + "…"
    return as_label(short)


def legend_names(names) -> list[str]:
    """The names in a donut's legend, one per slice: plotly adds up slices of the same label, so a
    name whose shortened form another name shares (three "IZIN PRAKTEK PARAMEDIK VETERINER ...") is
    written whole, over lines of NAME_WIDTH; the others shortened."""
    names = list(names)
    shorts = [short_name(n) for n in names]
    return [
        s if shorts.count(s) == 1 else wrapped(as_label(n), NAME_WIDTH)
        for n, s in zip(names, shorts, strict=True)
    ]


def _num(value, lang: str = "id") -> str:
    return "" if pd.isna(value) else fmt.number(value, lang=lang)


def ranked_bars(names, values, notes, title: str, unit: str, digits: int = 0, lang: str = "id") -> go.Figure:
    """Horizontal bars, largest on top, each name above its bar; `notes` (e.g. '24,8%') follow the
    figure in the label, which always has room beside the bar (the axis leaves it)."""
    names, values, notes = list(names), [float(v) for v in values], list(notes)
    figures = [fmt.number(v, digits, lang) for v in values]
    labels = [f"{f} ({n})" if n and n != fmt.NO_DATA else f for f, n in zip(figures, notes, strict=True)]
    fig = go.Figure(
        go.Bar(
            y=list(range(len(names))),  # positions: two names shortened alike stay two bars
            x=values,
            orientation="h",
            marker_color=PALETTE[0],
            text=labels,
            textposition="outside",
            textfont_size=11,
            cliponaxis=False,
            customdata=[[as_label(n), lab] for n, lab in zip(names, labels, strict=True)],
            hovertemplate="%{customdata[0]}: %{customdata[1]} " + unit + "<extra></extra>",
        )
    )
    apply_locale(fig, value_axis="x", lang=lang)
    widest = max([len(label) for label in labels] + [1])
    fig.update_xaxes(range=[0, room_for_labels(max([*values, 1]), widest)])
    return titled(names_above(fig, [short_name(n) for n in names]), title)


def share_donut(
    names, values, shares, title: str, unit: str, period: str = "", lang: str = "id"
) -> go.Figure:
    """Shares of one whole (the base named in the title): top agencies and "Lainnya". The hover reads
    'Disdukcapil / 11.315 kunjungan layanan · 24,8% / Januari-September 2025'."""
    text = [fmt.percent(s, lang=lang) for s in shares]
    hover = [
        "<br>".join(part for part in (as_label(n), f"{_num(v, lang)} {unit} · {s}", period) if part)
        for n, v, s in zip(names, values, text, strict=True)
    ]
    fig = go.Figure(
        go.Pie(
            labels=legend_names(names),
            values=[float(v) for v in values],
            hole=0.45,
            sort=False,
            marker_colors=(PALETTE + EXTRA_COLORS)[: len(names)],
            text=text,
            textinfo="text",
            textposition="inside",
            direction="clockwise",
            hovertext=hover,  # a pie's customdata reads wrongly in its hovertemplate: whole text instead
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    apply_locale(fig, lang=lang)
    fig.update_layout(
        height=520,
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.02, yanchor="top"),
        uniformtext=dict(minsize=10, mode="hide"),  # a sliver's share is in its hover, not in tiny type
    )
    return titled(fig, title)


def monthly_bars(frame: pd.DataFrame, title: str, unit: str, lang: str = "id") -> go.Figure:
    """frame: month, value. One bar a month labelled 'Jul 2025'."""
    months = list(frame["month"])
    fig = go.Figure(
        go.Bar(
            x=[fmt.month_label(m, lang, short=True) for m in months],
            y=frame["value"].astype("float"),
            marker_color=PALETTE[0],
            text=[_num(v, lang) for v in frame["value"]],
            textposition="outside",
            cliponaxis=False,
            customdata=[
                [fmt.month_label(m, lang), _num(v, lang)] for m, v in zip(months, frame["value"], strict=True)
            ],
            hovertemplate="%{customdata[0]}: %{customdata[1]} " + unit + "<extra></extra>",
        )
    )
    fig.update_layout(uniformtext_minsize=8, uniformtext_mode="hide")
    fig.update_traces(textfont_size=10)
    return titled(apply_locale(fig, lang=lang), title)


def years_overlaid(series: pd.DataFrame, title: str, unit: str, lang: str = "id") -> go.Figure:
    """series: month, year, month_no, value. One line per year over January..December."""
    fig = go.Figure()
    years = sorted(series["year"].unique())
    for i, year in enumerate(years):
        part = series[series["year"] == year]
        fig.add_scatter(
            x=[fmt.month_name(m, lang, short=True) for m in part["month_no"]],
            y=part["value"].astype("float"),
            name=str(year),
            mode="lines+markers",
            line=dict(width=3 if year == years[-1] else 2),
            marker_color=PALETTE[(len(years) - 1 - i) % len(PALETTE)],  # the latest year darkest
            customdata=[
                [fmt.month_label(m, lang), _num(v, lang)]
                for m, v in zip(part["month"], part["value"], strict=True)
            ],
            hovertemplate="%{customdata[0]}: %{customdata[1]} " + unit + "<extra></extra>",
        )
    fig.update_layout(hovermode="x unified" if len(years) < 2 else "closest")
    fig.update_xaxes(
        categoryorder="array", categoryarray=[fmt.month_name(m, lang, short=True) for m in range(1, 13)]
    )
    return titled(apply_locale(fig, lang=lang), title)


def compared_years(years, lang: str = "id") -> str:
    """The years a chart holds, latest first against the others: '2025 terhadap 2024',
    '2025 terhadap 2023-2024', or '2025' alone."""
    years = sorted({int(y) for y in years})
    if len(years) < 2:
        return "".join(str(y) for y in years)
    base = str(years[0]) if len(years) == 2 else f"{years[0]}-{years[-2]}"
    return t("years_against", lang, year=years[-1], base=base)


def year_month_heatmap(grid: pd.DataFrame, title: str, unit: str, lang: str = "id") -> go.Figure:
    """grid: years as rows, months 1..12 as columns. Drawn with the months down and the years across,
    so each cell is wide enough for its whole figure (6.814) in readable type, on a phone too."""
    months = [fmt.month_name(m, lang, short=True) for m in grid.columns]
    years = [str(y) for y in grid.index]
    cells = grid.T  # months as rows
    text = [[_num(v, lang) for v in row] for row in cells.to_numpy()]
    names = [
        [fmt.month_label(pd.Timestamp(int(y), int(m), 1).date(), lang) for y in grid.index]
        for m in grid.columns
    ]
    fig = go.Figure(
        go.Heatmap(
            z=cells.astype("float").to_numpy(),
            x=years,
            y=months,
            text=text,
            texttemplate="%{text}",
            textfont_size=13,
            colorscale="Blues",
            showscale=False,  # every cell says its figure: the colour only points at the peaks
            customdata=[
                [[n, c] for n, c in zip(nr, tr, strict=True)] for nr, tr in zip(names, text, strict=True)
            ],
            hovertemplate="%{customdata[0]}: %{customdata[1]} " + unit + "<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    apply_locale(fig, value_axis="none", lang=lang)
    fig.update_layout(height=60 + 30 * len(months))
    fig.update_xaxes(type="category", side="top", tickfont_size=13)
    fig.update_yaxes(type="category", autorange="reversed", tickformat="")
    return titled(fig, title)


def category_bars(
    labels, values, hover_names, title: str, unit: str, digits: int = 0, lang: str = "id"
) -> go.Figure:
    """Vertical bars over a few categories (weekdays, months) with server-formatted labels."""
    text = [fmt.number(v, digits, lang) if not pd.isna(v) else "" for v in values]
    fig = go.Figure(
        go.Bar(
            x=list(labels),
            y=[float(v) for v in values],
            marker_color=PALETTE[0],
            text=text,
            textposition="outside",
            cliponaxis=False,
            customdata=[[n, t] for n, t in zip(hover_names, text, strict=True)],
            hovertemplate="%{customdata[0]}: %{customdata[1]} " + unit + "<extra></extra>",
        )
    )
    fig.update_layout(showlegend=False)
    return titled(apply_locale(fig, lang=lang), title)


def stacked_bars(
    categories, stacks: dict, hover_names, title: str, unit: str, horizontal: bool = False, lang: str = "id"
) -> go.Figure:
    """One bar per category, stacked by `stacks` (label -> values), e.g. walk-in and online queue."""
    fig, categories = go.Figure(), list(categories)
    for i, (label, values) in enumerate(stacks.items()):
        text = [_num(v, lang) for v in values]
        axes = (
            dict(y=list(range(len(categories))), x=list(values))  # positions: names go above the bars
            if horizontal
            else dict(x=categories, y=list(values))
        )
        fig.add_bar(
            **axes,
            name=label,
            orientation="h" if horizontal else "v",
            marker_color=PALETTE[i % len(PALETTE)],
            customdata=[[as_label(n), t] for n, t in zip(hover_names, text, strict=True)],
            hovertemplate="%{customdata[0]} · " + label + ": %{customdata[1]} " + unit + "<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    apply_locale(fig, value_axis="x" if horizontal else "y", lang=lang)
    fig.update_layout(legend_traceorder="normal")  # walk-in first, as the stack reads
    if horizontal:
        names_above(fig, categories)
    return titled(fig, title)


def change_bars(names, changes, title: str, lang: str = "id") -> go.Figure:
    """Horizontal bars of growth in percent, growth blue and decline red, labels like '+42,3%', each
    name above its bar; the axis leaves room for a label on either side."""
    names, changes = list(names), [float(c) for c in changes]
    text = [fmt.signed_percent(c, lang=lang) for c in changes]
    fig = go.Figure(
        go.Bar(
            y=list(range(len(names))),
            x=changes,
            orientation="h",
            text=text,
            textposition="outside",
            textfont_size=11,
            cliponaxis=False,
            marker_color=[PALETTE[0] if c >= 0 else PALETTE[4] for c in changes],
            customdata=[[as_label(n), label] for n, label in zip(names, text, strict=True)],
            hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
        )
    )
    apply_locale(fig, value_axis="x", lang=lang)
    low, high = min([*changes, 0]), max([*changes, 0])
    room = room_for_labels(high - low, max(len(x) for x in text) if text else 1) - (high - low)
    fig.update_xaxes(
        rangemode="normal",
        ticksuffix="%",
        range=[low - (room if low < 0 else 0), high + (room if high > 0 else 0)],
    )
    return titled(names_above(fig, [short_name(n) for n in names]), title)
