"""Column mappings: what an analyst teaches once about a sheet no layout recognises, saved for the
site, shared as JSON, and applied by itself to every later file whose header row is the same.

    mapping = ColumnMapping("Rekap antrean Dukcapil", header_row=1, header=header_cells(sheet, 1),
                            date_column="Tanggal Kunjungan", agency_column="Loket Tujuan",
                            count_column="Banyaknya")
    matches(mapping, sheet)                 # True: the same header in row 1
    parsed = apply(mapping, sheet, Context(file_name="antrean_mei.xlsx"))   # a Parsed of visits
    text = to_json(mapping); from_json(text, "dukcapil.json") == mapping

The reading itself is the layout loaders/layouts/mapped.py (the pipeline's agency matching,
duplicates, statuses, validation and ledger then apply as to any layout); this module is its face:
the JSON a user hands over, read under size and depth limits, every problem said at once; what the
upload page offers to pick; the monthly totals it previews; and the saved mappings of a site.
"""

from __future__ import annotations

from loaders.layouts.mapped import apply, header_cells, matches
from loaders.model import ColumnMapping, Parsed, Sheet

__all__ = [
    "ColumnMapping",
    "apply",
    "columns_of",
    "from_json",
    "header_cells",
    "matches",
    "preview_totals",
    "to_json",
]

FORMAT = "pantau_mpp_mapping"  # the JSON object's marker key; its value is the format's version
VERSION = 1


def to_json(mapping: ColumnMapping) -> str:
    """The mapping as a versioned JSON object: {"pantau_mpp_mapping": 1, "name": ..., ...}."""
    raise NotImplementedError


def from_json(text: str | bytes, file_name: str) -> ColumnMapping:
    """A mapping from the JSON a user hands over (an export of this or another office). Too big,
    too deep, not JSON, a field missing or of the wrong type, a formula-like or overlong name:
    FileRefused with every problem at once, each naming the file."""
    raise NotImplementedError


def columns_of(sheet: Sheet, header_row: int, samples: int = 3) -> list[tuple[str, tuple[str, ...]]]:
    """What the upload page offers to pick: each non-blank header cell of row header_row (1-based)
    as written, with its first few distinct values below it. Personal-data columns (blanked on
    read) are never offered."""
    raise NotImplementedError


def preview_totals(parsed: Parsed) -> list[tuple[str, str, int]]:
    """(agency as written, 'YYYY-MM', visits) per agency and month, for the preview before loading:
    served tickets only when the sheet has a status column."""
    raise NotImplementedError


# ---- the saved mappings of a site (the store's table column_mappings, mpp/reference/mappings.py) ----


def for_site(con, site: str | None) -> list[ColumnMapping]:
    """The mappings saved for the site, latest first; with no site, those of every site (a header
    belongs to a queue system, not to one office)."""
    raise NotImplementedError


def save(con, site: str, mapping: ColumnMapping, user) -> None:
    """Save the mapping under its name for the site (analysts and admins); a name already saved
    for the site is replaced."""
    raise NotImplementedError


def rename(con, site: str, old: str, new: str, user) -> None:
    """Give a saved mapping another name; MappingRefused when there is none by that name or the new
    name is taken."""
    raise NotImplementedError


def delete(con, site: str, name: str, user) -> None:
    """Forget a saved mapping: later files with its header are refused again until mapped anew."""
    raise NotImplementedError
