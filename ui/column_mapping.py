"""The upload page's column mapping: for a file no layout recognises, a form that teaches its columns
once (sheet, header row, agency, service, date or month columns, count, ticket status), a preview of
the monthly totals per agency before anything loads, and "Simpan dan periksa lagi", which saves the
mapping for the site (loaders.mapping.save) and checks the file again: the load then applies it, to
this file and to every later one whose header row is the same.

    ui.column_mapping(file, report, options, user)   # under the file's report on the upload page

Every widget's key names the file (and the sheet and header row its choices depend on), so two
files map side by side and a choice survives the page's reruns.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date

import streamlit as st

from loaders import mapping as mappings
from loaders.layouts.common import Context, col_letter, text
from loaders.model import ColumnMapping, FileRefused, Parsed, Sheet
from loaders.normalize import find_site, parse_month, parse_year_month
from loaders.pipeline import file_words
from loaders.upload import canonical_names, place
from mpp import fmt
from mpp.reference.ticket_statuses import meanings, status_key
from ui.base import flash, lang, read, t, write
from ui.tables import show_table
from ui.text import plain
from ui.uploads import forget_previews

UNKNOWN_LAYOUT = "tata_letak_tidak_dikenal"  # the refusal that offers the form
FIRST_ROWS = 8  # rows of the sheet shown, so the analyst sees which one holds the header
LAST_HEADER_ROW = 30  # a header further down is not a header
VALUES_READ = 50  # distinct values read per column: the choices of the served values
BOOKS_KEPT = 2  # files' sheets kept in the session while their files are mapped


def column_mapping(file, report, options, user) -> None:
    """The mapping form of one file, when it was refused because no layout recognises it."""
    if report.ok or not any(p.code == UNKNOWN_LAYOUT for p in report.problems):
        return
    with st.expander(t("cm_title", name=plain(file.name)), expanded=True):
        sheets = sheets_of(file)
        if sheets is None:
            return
        st.caption(t("cm_intro"))
        sheet = pick_sheet(sheets, file.name)
        at = pick_header_row(sheet, f"{file.name}_{sheet.name}")
        chosen = choices(sheet, at, f"{file.name}_{sheet.name}_{at}", options)
        preview_area = st.container()
        name = st.text_input(t("cm_name"), value=default_name(file.name), key=f"cm_name_{file.name}")
        chosen = replace(chosen, name=" ".join(name.split()))
        with preview_area:
            parsed = preview(chosen, sheet, file.name, options)
        if (
            st.button(t("cm_save"), type="primary", key=f"cm_save_{file.name}", disabled=parsed is None)
            and parsed
        ):
            save(chosen, parsed, file.name, options, user)


def sheets_of(file) -> list[Sheet] | None:
    """The file's visible sheets, read once under the guard and kept for the session while it is
    mapped; a file that cannot be read is said, not raised."""
    data = file.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    kept = st.session_state.setdefault("cm_sheets", {})
    if digest not in kept:
        try:
            kept[digest] = mappings.sheets_to_map(file.name, data)
        except FileRefused as refused:
            st.warning(t("cm_unreadable", reason=plain(refused.problems[0].message)))
            return None
        for old in list(kept)[:-BOOKS_KEPT]:
            del kept[old]
    return kept[digest] or None


def pick_sheet(shown: list[Sheet], file: str) -> Sheet:
    if len(shown) == 1:
        return shown[0]
    names = [s.name for s in shown]
    fullest = max(range(len(shown)), key=lambda i: len(shown[i].rows))  # the table, not its notes
    name = st.selectbox(t("cm_sheet"), names, index=fullest, key=f"cm_sheet_{file}")
    return shown[names.index(name)]


def pick_header_row(sheet: Sheet, where: str) -> int:
    """The sheet's first rows as a small table (rows numbered as the spreadsheet numbers them), and
    the header row, the first non-empty one unless the analyst says otherwise."""
    st.markdown(t("cm_first_rows", sheet=plain(sheet.name)))
    head = sheet.rows[:FIRST_ROWS]
    width = max((len(r) for r in head), default=0)
    letters = [col_letter(c) for c in range(width)]
    table = {t("cm_row"): [str(r + 1) for r in range(len(head))]}
    table |= {
        letter: [text(r[c])[:40] if c < len(r) else "" for r in head] for c, letter in enumerate(letters)
    }
    show_table(table)
    last = max(1, min(len(sheet.rows), LAST_HEADER_ROW))
    return int(
        st.columns([1, 2])[0].number_input(  # a row number needs no full width
            t("cm_header_row"),
            min_value=1,
            max_value=last,
            value=min(mappings.likely_header_row(sheet), last),
            key=f"cm_row_{where}",
        )
    )


def choices(sheet: Sheet, at: int, where: str, options) -> ColumnMapping:
    """Which column holds what, picked among the header row's cells (each shown with a few of its
    values); the name is given below the preview."""
    columns = dict(mappings.columns_of(sheet, at, VALUES_READ))
    label = {h: column_label(h, v) for h, v in columns.items()}
    headers = list(columns)
    left, right = st.columns(2, vertical_alignment="bottom")  # two by two on a wide screen
    with left:
        agency_column, agency = pick_agency(headers, label, where, options)
    with right:
        service = optional_column(t("cm_service_column"), headers, label, f"cm_service_{where}")
    chosen = ColumnMapping(
        name="",
        header_row=at,
        header=mappings.header_cells(sheet, at),
        agency_column=agency_column,
        agency=agency,
        service_column=service,
        sheet=None,  # any sheet holding the header: offices name sheets by month
    )
    return pick_period(chosen, headers, label, columns, where, options)


def column_label(header: str, values: tuple[str, ...]) -> str:
    """'Loket Tujuan (contoh: Samsat, Disdukcapil)': option texts are shown as plain text."""
    shown = ", ".join(v[:25] for v in values[:3])
    return f"{header} ({t('cm_samples', values=shown)})" if shown else header


def pick_agency(headers, label, where: str, options) -> tuple[str | None, str | None]:
    """(agency column, None) or (None, the one agency of the whole file)."""
    ways = {"column": t("cm_agency_from_column"), "one": t("cm_agency_from_one")}
    way = st.radio(
        t("cm_agency_from"),
        list(ways),
        index=1 if options.agency else 0,
        format_func=ways.get,
        horizontal=True,
        key=f"cm_agency_from_{where}",
    )
    if way == "column":
        column = st.selectbox(
            t("cm_agency_column"),
            headers,
            index=None,
            format_func=label.get,
            placeholder=t("cm_pick_column"),
            key=f"cm_agency_{where}",
        )
        return column, None
    agencies = read(canonical_names)
    at = agencies.index(options.agency) if options.agency in agencies else None
    return None, st.selectbox(
        t("cm_one_agency"), agencies, index=at, placeholder=t("cm_pick_agency"), key=f"cm_one_agency_{where}"
    )


def optional_column(title: str, headers, label, widget: str, none: str = "cm_no_column") -> str | None:
    shown: dict[str | None, str] = {None: t(none), **label}
    picks: list[str | None] = [None, *headers]
    return st.selectbox(title, picks, format_func=lambda h: shown[h], key=widget)


def pick_period(chosen: ColumnMapping, headers, label, columns, where: str, options) -> ColumnMapping:
    """A date column (with a count column or one row per ticket, and a status column), or one
    column per month (each holding the counts, its month read from its header, editable)."""
    months = [h for h in headers if month_of_header(h, None)]
    ways = {"date": t("cm_dates_from_date"), "months": t("cm_dates_from_months")}
    way = st.radio(
        t("cm_dates_from"),
        list(ways),
        index=1 if len(months) > 1 else 0,
        format_func=ways.get,
        horizontal=True,
        key=f"cm_dates_from_{where}",
    )
    if way == "months":
        return replace(chosen, month_columns=pick_months(headers, months, where, options))
    left, right = st.columns(2)
    date_column = left.selectbox(
        t("cm_date_column"),
        headers,
        index=None,
        format_func=label.get,
        placeholder=t("cm_pick_column"),
        key=f"cm_date_{where}",
    )
    with right:
        count = optional_column(
            t("cm_count_column"), headers, label, f"cm_count_{where}", "cm_one_row_per_ticket"
        )
    left, right = st.columns(2)
    with left:
        status = optional_column(t("cm_status_column"), headers, label, f"cm_status_{where}")
    with right:
        served = pick_served(columns[status], f"{where}_{status}") if status else ()
    return replace(chosen, date_column=date_column, count_column=count, status_column=status, served=served)


def month_of_header(header: str, year: int | None) -> str | None:
    """'Januari 2026' -> '2026-01'; 'JAN' -> '01' (the year then comes from the file), or with
    the year given on the page '2026-01'. A bare number is a day or a counter, not a month."""
    if re.fullmatch(r"\s*\d+\s*", header):
        return None
    found = parse_year_month(header)
    if found is None:
        return None
    found_year, month = found
    year = found_year or year
    return f"{year}-{month:02d}" if year else f"{month:02d}"


def pick_months(headers, months, where: str, options) -> tuple[tuple[str, str], ...]:
    picked = st.multiselect(
        t("cm_month_columns"),
        headers,
        default=months,
        placeholder=t("cm_pick_columns"),
        key=f"cm_months_{where}",
    )
    boxes = st.columns(4)
    return tuple(
        (
            header,
            boxes[i % 4]
            .text_input(
                t("cm_month_of", column=plain(header)),
                value=month_of_header(header, options.year) or "",
                key=f"cm_month_{where}_{header}",
            )
            .strip(),
        )
        for i, header in enumerate(picked)
    )


def pick_served(values: tuple[str, ...], where: str) -> tuple[str, ...]:
    """The status values that count as visits; those the ticket status table knows as served
    are ticked already."""
    known = read(meanings)
    served = [v for v in values if known.get(status_key(v)) == "served"]
    return tuple(
        st.multiselect(
            t("cm_served_values"),
            list(values),
            default=served,
            placeholder=t("cm_pick_values"),
            key=f"cm_served_{where}",
        )
    )


def default_name(file_name: str) -> str:
    """'antrean_dpmptsp_februari_2026.xlsx' -> 'antrean dpmptsp': a name without the file's period,
    which the next month's file does not share."""
    words = [w for w in file_words(file_name).split() if not re.search(r"\d", w) and not parse_month(w)]
    return " ".join(words) or file_words(file_name)


def preview(chosen: ColumnMapping, sheet: Sheet, file: str, options) -> Parsed | None:
    """The sheet read by the mapping, nothing loaded: service visits per agency (as the file writes
    it) and month, or what does not fit yet. None while there is nothing to save."""
    context = Context(
        file_name=file, year=options.year, block=options.block, sum_duplicates=options.sum_duplicates
    )
    try:
        parsed = mappings.apply(chosen, sheet, context)
    except FileRefused as refused:
        st.info(t("cm_preview_none") + "\n\n" + problem_lines(refused.problems))
        return None
    totals = mappings.preview_totals(parsed)
    if not totals:
        st.info(t("cm_preview_none"))
        return None
    st.markdown(f"**{t('cm_preview')}**")
    show_totals(totals)
    if sheet.truncated:  # read.py kept the head of a long table as a grid; the load reads it whole
        st.caption(t("cm_preview_head", rows=fmt.number(len(sheet.rows), lang=lang())))
    if parsed.problems:
        st.warning(t("cm_preview_problems") + "\n\n" + problem_lines(parsed.problems[:8]))
    return parsed


def problem_lines(problems) -> str:
    """One markdown list item per problem: its place as the problems table writes it ('A4 (Data)'),
    then its message, both as text."""
    lines = []
    for problem in problems:
        where = place(problem.sheet, problem.cell)
        lines.append(
            f"- {plain(where)}: {plain(problem.message)}" if where else f"- {plain(problem.message)}"
        )
    return "\n".join(lines)


def show_totals(totals: list[tuple[str, str, int]]) -> None:
    """One row per agency, one column per month and the total, formatted on the server."""
    months = sorted({m for _, m, _ in totals})
    agencies = list(dict.fromkeys(a for a, _, _ in totals))
    by = {(a, m): v for a, m, v in totals}
    heads = [fmt.month_label(month_start(m), lang(), short=True) for m in months]
    table = {t("agency"): agencies}
    table |= {
        h: [fmt.number(by.get((a, m), 0), lang=lang()) for a in agencies]
        for h, m in zip(heads, months, strict=True)
    }
    table[t("cm_preview_total")] = [
        fmt.number(sum(by.get((a, m), 0) for m in months), lang=lang()) for a in agencies
    ]
    right = st.column_config.TextColumn(alignment="right")
    show_table(table, column_config={h: right for h in [*heads, t("cm_preview_total")]})


def month_start(month: str) -> date:
    """'2026-02' (as preview_totals writes a month) -> 2026-02-01."""
    return date(int(month[:4]), int(month[5:7]), 1)


def save(chosen: ColumnMapping, parsed: Parsed, file: str, options, user) -> None:
    """Save the mapping for the file's site, then check every file again: this one is now read by
    it. Without a name or a site, say which field is missing."""
    site = options.site or parsed.site or find_site(file_words(file))
    if not chosen.name:
        st.warning(t("cm_need_name"))
        return
    if not site:
        st.warning(t("cm_need_site", options=t("upload_options")))
        return
    try:
        write(mappings.save, site, chosen, user)
    except FileRefused as refused:
        st.error(t("cm_refused", reason=" ".join(plain(p.message) for p in refused.problems)))
        return
    flash(t("cm_saved", name=plain(chosen.name), site=plain(site)))
    st.session_state.pop("cm_sheets", None)  # the file is read by its mapping now
    forget_previews()
    st.rerun()
