"""The layout families offices send, and recognising which one a workbook uses.

Every module has NAME, TITLE (what the report prints), KIND (the kind of rows it yields, a key of
loaders.kinds.KINDS), detect(sheet) -> score 0..1 and parse(sheet, context) -> Parsed. A module with
combine(list[Parsed]) reads several sheets of one workbook as one (one sheet per month); the others
read their single best sheet. Hidden sheets never count, and cover or lookup sheets simply score 0
everywhere.
"""

from __future__ import annotations

from types import ModuleType

from loaders.layouts import (
    channel_recap,
    long_counts,
    monthly_sheets,
    queue_matrix,
    satu_data,
    skm_responden,
    skm_ringkasan,
    tickets,
    transposed_recap,
    yearly_recap,
)
from loaders.layouts.common import Context, problem
from loaders.model import FileRefused, Parsed, Sheet, Workbook
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
    return next(m for m in LAYOUTS if name == m.NAME)


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
    found = scores(workbook)
    if not found:
        names = ", ".join(f"'{s.name}'" for s in workbook.sheets if not s.hidden) or "(tidak ada)"
        raise FileRefused(
            [
                problem(
                    "tata_letak_tidak_dikenal",
                    f"Tidak ada sheet yang bentuknya dikenali (sheet: {names}). "
                    "Bentuk yang dikenali: rekap tahunan, sheet per bulan, rekap antrean, ekspor tiket, "
                    "CSV harian/bulanan, Satu Data.",
                    file=workbook.file_name,
                )
            ]
        )
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


def parse_sheet(layout, sheet: Sheet, context: Context) -> Parsed:
    """One sheet by its layout; an error no check foresaw is refused naming the sheet."""
    with unexpected_as_refusal(context.file_name, sheet.name):
        return layout.parse(sheet, context)
