"""The layout families offices send, and recognising which one a workbook uses.

Every module has NAME, TITLE (what the report prints), KIND (the kind of rows it yields, a key of
loaders.kinds.KINDS), detect(sheet) -> score 0..1 and parse(sheet, context) -> Parsed. A module with
combine(list[Parsed]) reads several sheets of one workbook as one (one sheet per month); the others
read their single best sheet. Hidden sheets never count, and cover or lookup sheets simply score 0
everywhere.

A sheet may also be read by a column mapping an analyst taught (mapped.py, loaders/mapping.py): one
the user gives for this file wins over the layouts; one saved for the site reads a sheet only when no
layout recognises any.
"""

from __future__ import annotations

from types import ModuleType

from loaders.layouts import (
    channel_recap,
    long_counts,
    mapped,
    monthly_sheets,
    queue_matrix,
    satu_data,
    skm_responden,
    skm_ringkasan,
    tickets,
    transposed_recap,
    yearly_recap,
)
from loaders.layouts.common import Context, combine_sheets, problem, text
from loaders.model import FileRefused, Parsed, Problem, Sheet, Workbook
from loaders.safety import unexpected_as_refusal

# Order breaks ties: the more specific layout first. A new layout is one module and one line here.
LAYOUTS = [
    satu_data,
    channel_recap,
    monthly_sheets,
    queue_matrix,
    tickets,
    transposed_recap,
    long_counts,
    yearly_recap,
    skm_responden,
    skm_ringkasan,
]


def by_name(name: str):
    return next(m for m in (*LAYOUTS, mapped) if name == m.NAME)


def scores(workbook: Workbook) -> list[tuple[float, int, ModuleType]]:
    """(score, sheet index, layout) for every visible sheet a layout recognises, best first."""
    found = []
    for index, sheet in enumerate(workbook.sheets):
        if sheet.hidden:
            continue
        for order, layout in enumerate(LAYOUTS):
            with unexpected_as_refusal(workbook.file_name, sheet.name):
                score = layout.detect(sheet)
            if score > 0:
                found.append((score, -order, index, layout))
    found.sort(key=lambda f: (f[0], f[1]), reverse=True)
    return [(score, index, layout) for score, _, index, layout in found]


def parse_workbook(workbook: Workbook, context: Context) -> Parsed:
    """Recognise the layout and parse it; refused, naming the sheets, when no layout fits."""
    given = mapped.chosen(workbook, context.mappings)
    found = [] if given else scores(workbook)
    chosen = given or (None if found else mapped.chosen(workbook, context.saved_mappings))
    if chosen:
        return parse_mapped(workbook, *chosen, context)
    if not found:
        raise unrecognised(workbook)
    layout = found[0][2]
    sheets = [workbook.sheets[i] for _, i, lay in found if lay is layout]
    if not hasattr(layout, "combine"):
        sheets = sheets[:1]
    context.frame = workbook.frame
    parsed = [parse_sheet(layout, sheet, context) for sheet in sheets]
    with unexpected_as_refusal(workbook.file_name):
        result = layout.combine(parsed) if len(parsed) > 1 else parsed[0]
    result.notes += [f"sheet dibaca: {', '.join(s.name for s in sheets)}"] if len(workbook.sheets) > 1 else []
    return result


SHOWN_SHEETS, SHOWN_CELLS = 10, 12  # a refusal lists this many sheets, and header cells of each


def unrecognised(workbook: Workbook) -> FileRefused:
    """No layout recognises any sheet: say what each layout looks for (its EXPECTS), what each
    sheet's header row holds, and the way out (rename the column headers)."""
    shown = [s for s in workbook.sheets if not s.hidden]
    names = ", ".join(f"'{s.name}'" for s in shown) or "(tidak ada)"
    expected = "; ".join(f"{layout.TITLE}: {layout.EXPECTS}" for layout in LAYOUTS)
    file = workbook.file_name
    said = problem(
        "tata_letak_tidak_dikenal",
        f"Tidak ada sheet yang bentuknya dikenali (sheet: {names}). Yang dicari tiap bentuk: {expected}. "
        "/ No sheet matches a known layout; what each layout looks for is listed.",
        file=file,
        way_out="layout",
    )
    return FileRefused([said, *(header_held(sheet, file) for sheet in shown[:SHOWN_SHEETS])])


def header_held(sheet: Sheet, file: str) -> Problem:
    """What a sheet's header row (its first non-empty row) holds, cell by cell."""
    at = next((r for r, row in enumerate(sheet.rows) if any(text(c) for c in row)), None)
    if at is None:
        return problem(
            "tata_letak_tidak_dikenal", "Sheet ini kosong. / The sheet is empty.", sheet, file=file
        )
    cells = [text(c)[:40] for c in sheet.rows[at] if text(c)]
    more = f" dan {len(cells) - SHOWN_CELLS} lainnya" if len(cells) > SHOWN_CELLS else ""
    return problem(
        "tata_letak_tidak_dikenal",
        f"Baris pertama yang terisi (baris {at + 1}) berisi: "
        + ", ".join(f"'{c}'" for c in cells[:SHOWN_CELLS])
        + f"{more}. / The first non-empty row holds these cells.",
        sheet,
        cell=f"A{at + 1}",
        file=file,
    )


def parse_mapped(workbook: Workbook, mapping, sheets: list[Sheet], context: Context) -> Parsed:
    """The sheets that hold a mapping's header, read by it (several as one, like month sheets)."""
    context.frame = workbook.frame
    parsed = []
    for sheet in sheets:
        with unexpected_as_refusal(workbook.file_name, sheet.name):
            parsed.append(mapped.apply(mapping, sheet, context))
    with unexpected_as_refusal(workbook.file_name):
        result = combine_sheets(parsed) if len(parsed) > 1 else parsed[0]
    result.mapping, result.served_statuses = parsed[0].mapping, parsed[0].served_statuses
    result.notes += [f"sheet dibaca: {', '.join(s.name for s in sheets)}"] if len(workbook.sheets) > 1 else []
    return result


def parse_sheet(layout, sheet: Sheet, context: Context) -> Parsed:
    """One sheet by its layout; an error no check foresaw is refused naming the sheet."""
    with unexpected_as_refusal(context.file_name, sheet.name):
        return layout.parse(sheet, context)
