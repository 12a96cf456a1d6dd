"""Tables and charts as people read them: numbers formatted on the server (41.481; 24,8%), with CSV,
XLSX and PNG downloads holding the very same figures. Every table on a page is shown by `show_table`."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from loaders.layouts import by_name
from mpp import fmt
from mpp.period import Measure
from mpp.present import export
from mpp.present.export import Column
from mpp.reference.sites import list_sites
from ui.base import lang, read, t
from ui.text import plain

FIGURES = ("count", "percent", "change", "decimal")  # right-aligned
NAMES = ("text", "month")  # what a row is about: the first of them is pinned
# On a 390 px phone: a rank (40 px) and a name (130 px) pinned, a figure and its change (90 px) in view.
RANK_WIDTH, NAME_WIDTH, NAME_CHARS, CHANGE_WIDTH = 40, 130, 18, 90


def show_table(data, where=st, **options) -> None:
    """st.dataframe with text a spreadsheet would run as a formula ('=HYPERLINK(...)', '+cmd|...',
    '@SUM(...)' from an uploaded name) shown with a leading apostrophe, as our own CSV files write
    it: whatever leaves the table (its toolbar's CSV, a copy) is text. '-1.234' and '-12,3%' stay.
    Beside it, hidden on screen, the whole table as HTML for print (the grid draws only what is in
    view)."""
    frame = pd.DataFrame(data)
    frame.columns = [export.as_text(c) for c in frame.columns]
    frame = frame.map(export.as_text)
    where.dataframe(frame, **{"hide_index": True, **options})
    where.html(f'<div class="mpp-print-table">{frame.to_html(index=False, escape=True, border=0)}</div>')


def screen_columns(columns: list[Column]) -> list[Column]:
    """The columns a screen shows, in the order a phone needs: the change columns right after the
    first figure that follows the name, so "name, figure, change" are read without scrolling sideways
    (files keep the order they were given)."""
    shown = [c for c in columns if c.on_screen]
    rest = [c for c in shown if c.kind != "change"]
    name = next((i for i, c in enumerate(rest) if c.kind in NAMES), -1)
    first = next((i for i, c in enumerate(rest) if i > name and c.kind in FIGURES), None)
    if first is None:
        return shown
    return rest[: first + 1] + [c for c in shown if c.kind == "change"] + rest[first + 1 :]


def _column_config(shown: pd.DataFrame, columns: list[Column]) -> dict:
    """Figures right-aligned; the name column (and a rank before it) pinned, so it stays in view while
    the figures scroll sideways on a phone, and narrow enough that a phone still shows a figure and its
    change beside it (a longer name is cut, and read whole on hover); change columns narrow too, their
    long header ("Perubahan terhadap Jan-Sep 2024") whole on hover."""
    name = next((i for i, c in enumerate(columns) if c.kind in NAMES), None)
    config: dict = {}
    for i, column in enumerate(columns):
        pinned = name is not None and i <= name
        longest = shown[column.label].str.len().max() if len(shown) else 0
        if column.kind == "change":
            config[column.label] = st.column_config.TextColumn(
                width=CHANGE_WIDTH, help=column.label, alignment="right", pinned=pinned
            )
        elif column.kind in FIGURES:
            width = RANK_WIDTH if pinned and longest <= 3 else None  # a rank before the name
            config[column.label] = st.column_config.TextColumn(width=width, alignment="right", pinned=pinned)
        elif pinned:
            config[column.label] = st.column_config.TextColumn(
                width=NAME_WIDTH if longest > NAME_CHARS else None, pinned=True
            )
        elif column.kind == "text" and longest > 40:
            config[column.label] = st.column_config.TextColumn(width="large")  # long names read whole
    return config


def edit_table(data, key: str, **options) -> pd.DataFrame:
    """st.data_editor, its text escaped as show_table escapes it; returns the edited frame, in the
    order of `data`'s rows (map the rows back by position: an escaped name is no longer the name)."""
    frame = pd.DataFrame(data)
    return st.data_editor(frame.map(export.as_text), key=key, **{"hide_index": True, **options})


def escaped_choices(choices) -> dict:
    """{cell value: choice} for a SelectboxColumn of edit_table. Its cells are escaped like every
    cell (a suggested '-Dinas X' is the cell "'-Dinas X"), so its options are escaped alike and stay
    among them; a copy or the toolbar's CSV takes the escaped value, while the column's format_func
    may show the choice itself. Map what the analyst picked back through this dict."""
    return {export.as_text(c): c for c in choices}


def text_table(data, where=st) -> None:
    """A small table whose long texts wrap instead of being cut (st.table), each cell shown as
    text, never as markdown: for messages that quote names from data."""
    frame = pd.DataFrame(data).map(lambda cell: plain(cell) if cell else "")
    frame.columns = [plain(c) for c in frame.columns]
    where.table(frame, hide_index=True, border="horizontal")


def agency_table(shares, top: int | None = None) -> None:
    """Agencies with service visits and share, formatted on the server (41.481; 24,8%)."""
    table = shares.table.head(top) if top else shares.table
    language = lang()
    shown = {
        t("agency"): table["agency"],
        t("service_visits"): table["visits"].map(lambda v: fmt.number(v, lang=language)),
        t("share"): table["share"].map(lambda v: fmt.percent(v, lang=language)),
    }
    right = st.column_config.TextColumn(alignment="right")
    show_table(shown, column_config={t("service_visits"): right, t("share"): right})


def table(frame, columns, name: str, about: tuple[str, str, str], sites) -> None:
    """A table formatted on the server, with CSV and XLSX downloads of the very same figures.
    `about` is (title, period label, measure label) for the XLSX title block."""
    on_screen = screen_columns(columns)
    shown = export.display(frame, on_screen, lang())
    height = min(38 + 35 * len(shown), 600) if len(shown) else "auto"
    show_table(shown, column_config=_column_config(shown, on_screen), height=height)
    row = st.container(horizontal=True)
    row.download_button(
        "CSV",
        export.to_csv(frame, columns, lang()),
        f"{name}.csv",
        "text/csv",
        key=f"csv-{name}",
        icon=":material/download:",
        on_click="ignore",
    )
    info = export_info(about, sites)
    row.download_button(
        "XLSX",
        lambda: export.to_xlsx(frame, columns, info, lang()),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx-{name}",
        icon=":material/download:",
        on_click="ignore",
    )


def export_info(about: tuple[str, str, str], sites):
    known = read(list_sites)
    zone = next(iter(known.loc[known["name"].isin(list(sites)), "timezone"]), "Asia/Jakarta")
    title, period, measure = about
    return export.ExportInfo(
        title,
        ", ".join(sites),
        period,
        measure,
        read(export.data_sources, tuple(sites)),
        export.exported_at(datetime.now(UTC), zone, lang()),
    )


def loads_table(loads) -> None:
    """The ledger as an analyst reads it: periods, numbers and statuses in the reader's language.
    What a load did (site, period, rows, total, status) comes first and fits a laptop's width; the
    file, its format and who loaded it follow. A survey load counts respondents, not visits: its total says so."""
    period = [
        fmt.span_label(a, b, lang()) if pd.notna(a) and pd.notna(b) else fmt.NO_DATA
        for a, b in zip(loads["period_from"], loads["period_to"], strict=True)
    ]
    shown = {
        t("col_load"): loads["load_id"],
        t("col_when"): loads["loaded_at"].dt.strftime("%d-%m-%Y %H:%M"),
        t("site"): loads["site"],
        t("col_period"): period,
        t("col_rows"): loads["rows"].map(lambda v: fmt.number(v, lang=lang())),
        t("col_total"): [
            _load_total(measure, total, respondents)
            for measure, total, respondents in zip(
                loads["measure"], loads["total"], loads["respondents"], strict=True
            )
        ],
        t("col_status"): loads["status"].map(lambda s: t("status_" + s)),
        t("col_file"): loads["file_name"],
        t("col_layout"): loads["layout"].map(_layout_title),
        t("col_who"): loads["loaded_by"],
    }
    config = {
        t("col_load"): st.column_config.TextColumn(width=60, pinned=True),
        t("col_when"): st.column_config.TextColumn(width=120),
        t("site"): st.column_config.TextColumn(width=215),
        t("col_period"): st.column_config.TextColumn(width=185),
        t("col_rows"): st.column_config.TextColumn(width=65, alignment="right"),
        t("col_total"): st.column_config.TextColumn(width=115, alignment="right"),
        t("col_status"): st.column_config.TextColumn(width=85),
    }
    show_table(shown, column_config=config)


def _load_total(measure: str, total, respondents) -> str:
    """A load's total as its kind counts: visits, or a survey's respondents ("950 responden")."""
    if measure == "skm":
        return t("respondents_total", n=fmt.number(respondents, lang=lang())) if respondents else fmt.NO_DATA
    return fmt.number(total, lang=lang())


def undo_preview_table(preview) -> None:
    """Slices the undo changes; people entering are listed under the measure's name, and a closed or
    reopened month as its state ('ditutup' / 'terbuka'). Where no figure is left after the undo the
    cell says "-" (no data), never 0."""
    closure = preview["measure"].str.startswith("closed_")
    agency = [
        t("closed_row", measure=Measure(m[len("closed_") :]).label(lang()))
        if c
        else f"{a or ''} {t('skm_respondents_row')}".strip()
        if m == "skm_respondents"
        else a
        if isinstance(a, str)
        else t("visitors_row")
        for m, a, c in zip(preview["measure"], preview["agency"], closure, strict=True)
    ]

    def shown_value(values):
        return [
            t("month_closed" if pd.notna(v) and v else "month_open")
            if c
            else fmt.NO_DATA
            if pd.isna(v)
            else fmt.number(v, lang=lang())
            for v, c in zip(values, closure, strict=True)
        ]

    shown = {
        t("site"): preview["site"],
        t("agency"): agency,
        t("month"): preview["month"].map(lambda m: fmt.month_label(m, lang())),
        t("now"): shown_value(preview["value"]),
        t("after_undo"): shown_value(preview["value_after"]),
    }
    right = st.column_config.TextColumn(alignment="right")
    show_table(shown, column_config={t("now"): right, t("after_undo"): right})


def _layout_title(name: str) -> str:
    if name in ("close_month", "reopen_month"):  # a ledger entry of the analyst, not a file
        return t("layout_" + name)
    try:
        return by_name(name).TITLE
    except StopIteration:  # demo data and survey loads have no layout module
        return name
