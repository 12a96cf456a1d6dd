"""The kinds of data a file can hold, one module each, and KINDS, the one registry loading goes through.

Every layout declares the kind of rows it yields (its KIND, a key of KINDS). A kind module has NAME and
  prepare(con, workbook, parsed, context, options) -> Prepared
      the parsed rows checked against the store (agencies, site, dates); FileRefused with every problem
  summary(prepared, options) -> Report    what the file holds, as the command line and upload page say it
  replaces(con, prepared) -> bool         whether loading it would replace live rows (for --dry-run)
  write(con, prepared, sha256, options) -> (load_id, 'added' | 'replaced')
      inside the load's transaction: the site, new agencies, the ledger row, and the rows, which
      replace the slices they cover (mpp/store/ledger.py)
A new kind of data is one module here and one line in KINDS.
"""

from __future__ import annotations

from loaders.kinds import published_indices, survey_answers, visits
from loaders.kinds.common import Kind
from loaders.layouts import by_name

KINDS: dict[str, Kind] = {
    visits.NAME: visits,
    survey_answers.NAME: survey_answers,
    published_indices.NAME: published_indices,
}


def of(layout: str) -> Kind:
    """The kind of data the layout named `layout` yields."""
    return KINDS[by_name(layout).KIND]
