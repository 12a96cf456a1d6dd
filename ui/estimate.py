"""The year-end estimate on a page: a card labelled "perkiraan" with its range and basis, and a caption
saying it is an estimate, never data (mpp/visits/estimate.py makes it)."""

from __future__ import annotations

import streamlit as st

from mpp import fmt
from mpp.visits.estimate import NoEstimate, YearEndEstimate, year_end_estimate
from ui.base import lang, read, t
from ui.text import plain, plain_all


def show_year_end_estimate(selection) -> None:
    """The selection's estimated total to December of its through month's year, with its range; or,
    where none can be made, why (no earlier complete year, too few complete months, the year done)."""
    if selection.through is None:
        return
    found = read(year_end_estimate, selection.sites, selection.through, selection.measure)
    if isinstance(found, NoEstimate):
        st.caption(found.text(lang()))
        return
    card = st.columns(3)[0]
    card.metric(
        t("estimate_card", year=found.year),
        found.range_text(lang()),
        delta=found.short_basis_text(lang()),
        delta_color="off",
        delta_arrow="off",
        border=True,
        help=t("estimate_card_help"),
    )
    st.caption(" ".join(_notes(found)))


def _notes(found: YearEndEstimate) -> list[str]:
    """The estimate as prose, the year's real total when the store has it, and the sites left out."""
    notes = [t("estimate_caption", text=found.text(lang()), basis=found.basis_text(lang()))]
    if found.actual is not None:
        notes.append(
            t(
                "estimate_actual",
                year=found.year,
                value=fmt.number(found.actual, lang=lang()),
                measure=found.measure.label(lang()),
            )
        )
    if found.excluded:
        left_out = "; ".join(f"{plain(e.site)}: {e.why(lang())}" for e in found.excluded)
        notes.append(t("estimate_excluded", kept=plain_all(found.sites), excluded=left_out))
    return notes
