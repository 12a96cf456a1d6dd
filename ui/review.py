"""Rendering of the month in review and of coverage: who has reported, which months are provisional,
which sites a like-for-like comparison left out, and the agencies that rose and fell most."""

from __future__ import annotations

import streamlit as st

from mpp import fmt
from mpp.period import Measure
from mpp.visits import reporting
from ui.base import lang, read, t
from ui.tables import show_table
from ui.text import plain, plain_all


def _coverage_text(month) -> str:
    key = "coverage_partial" if month.provisional else "coverage_complete"
    return t(key, month=fmt.month_label(month.month, lang()), coverage=month.text(lang()))


def _colour(month) -> str:
    """Orange for a provisional month, green for a complete one, grey where a site is silent."""
    return "orange" if month.provisional else "green" if month.complete else "gray"


def coverage_badges(view) -> None:
    """The through month's reporting ("27 dari 27 instansi melapor"), then each provisional month after
    it ("Oktober 2025 belum lengkap: 4 dari 27 instansi"), and what "sementara" means here."""
    review = view.review
    shown = [review.agency_coverage or review.coverage, *view.provisional]
    badges = [f":{_colour(m)}-badge[{_coverage_text(m)}]" for m in shown]
    st.markdown(" ".join(badges))
    partial = [m for m in view.coverage if m.provisional]
    if view.include_partial and (partial or review.provisional):
        months = ", ".join(fmt.month_label(m.month, lang()) for m in partial or [review])
        st.warning(t("provisional_included", months=months), icon=":material/pending:")
    elif view.provisional:
        st.caption(t("provisional_note"))


def excluded_sites(comparison) -> None:
    """Name the sites a like-for-like comparison left out, and why."""
    if comparison.excluded:
        st.caption(
            t(
                "excluded_sites",
                kept=plain_all(comparison.sites),
                excluded="; ".join(f"{plain(e.site)}: {e.why(lang())}" for e in comparison.excluded),
            )
        )


def agency_changes(review, n: int = 3) -> None:
    """Two short tables side by side: the agencies that rose most and fell most, in counts and percent."""
    language = lang()
    month, base = (
        fmt.month_label(review.month, lang(), short=True),
        fmt.month_label(review.year_on_year.base.period.start, lang(), short=True),
    )
    left, right = st.columns(2)
    for column, rows, key in ((left, review.risers(n), "rose_most"), (right, review.fallers(n), "fell_most")):
        column.markdown(f"**{t(key)}**")
        if rows.empty:
            column.caption(t("no_change_rows"))
            continue
        shown = {
            t("agency"): rows["agency"],
            base: rows["visits_same_month_last_year"].map(lambda v: fmt.number(v, lang=language)),
            month: rows["visits"].map(lambda v: fmt.number(v, lang=language)),
            t("change_count"): rows["change"].map(
                lambda v: ("+" if v > 0 else "") + fmt.number(v, lang=language)
            ),
            t("change_percent"): rows["change_pct"].map(lambda v: fmt.signed_percent(v, lang=language)),
        }
        align = st.column_config.TextColumn(alignment="right")
        show_table(shown, column, width="stretch", column_config={k: align for k in list(shown)[1:]})


def provisional_notice(selection) -> None:
    """On a page whose figures run to the chosen month: say which provisional months they include,
    when the reader asked to include them, so every figure there reads as "sementara"."""
    if not (selection.include_partial and selection.period):
        return
    months = sorted(
        {
            m.month
            for measure in Measure
            for m in read(reporting.period_coverage, selection.sites, measure, selection.period)
            if m.provisional
        }
    )
    if months:
        st.warning(
            t("provisional_included", months=", ".join(fmt.month_label(m, lang()) for m in months)),
            icon=":material/pending:",
        )
