"""Rendering of the month in review and of coverage: who has reported, which months are provisional,
which sites a like-for-like comparison left out, and the agencies that rose and fell most."""
from __future__ import annotations

import streamlit as st

from mpp import fmt
from ui.base import lang, t


def _coverage_text(month) -> str:
    key = "coverage_partial" if month.provisional else "coverage_complete"
    return t(key, month=fmt.month_label(month.month, lang()), coverage=month.text(lang()))


def coverage_badges(view) -> None:
    """The through month's reporting ("27 dari 27 instansi melapor"), then each provisional month after
    it ("Oktober 2025 belum lengkap: 4 dari 27 instansi"), and what "sementara" means here."""
    review = view.review
    shown = [review.agency_coverage or review.coverage] + list(view.provisional)
    badges = [f":{'orange' if m.provisional else 'green' if m.complete else 'gray'}-badge[{_coverage_text(m)}]"
              for m in shown]
    st.markdown(" ".join(badges))
    partial = [m for m in view.coverage if m.provisional]
    if view.include_partial and (partial or review.provisional):
        months = ", ".join(fmt.month_label(m.month, lang()) for m in partial) or fmt.month_label(review.month, lang())
        st.warning(t("provisional_included", months=months), icon=":material/pending:")
    elif view.provisional:
        st.caption(t("provisional_note"))


def excluded_sites(comparison) -> None:
    """Name the sites a like-for-like comparison left out, and why."""
    if comparison.excluded:
        st.caption(t("excluded_sites", kept=", ".join(comparison.sites),
                     excluded="; ".join(e.text(lang()) for e in comparison.excluded)))


def agency_changes(review, n: int = 3) -> None:
    """Two short tables side by side: the agencies that rose most and fell most, in counts and percent."""
    month, base = (fmt.month_label(review.month, lang(), short=True),
                   fmt.month_label(review.year_on_year.base.period.start, lang(), short=True))
    left, right = st.columns(2)
    for column, rows, key in ((left, review.risers(n), "rose_most"), (right, review.fallers(n), "fell_most")):
        column.markdown(f"**{t(key)}**")
        if rows.empty:
            column.caption(t("no_change_rows"))
            continue
        shown = {t("agency"): rows["agency"], base: rows["visits_same_month_last_year"].map(fmt.number),
                 month: rows["visits"].map(fmt.number),
                 t("change_count"): rows["change"].map(lambda v: ("+" if v > 0 else "") + fmt.number(v)),
                 t("change_percent"): rows["change_pct"].map(fmt.signed_percent)}
        align = st.column_config.TextColumn(alignment="right")
        column.dataframe(shown, hide_index=True, width="stretch",
                         column_config={k: align for k in list(shown)[1:]})
