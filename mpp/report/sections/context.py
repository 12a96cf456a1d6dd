"""The sections around the figures: the events of the month, the year-end estimate, the verified
press paragraphs and the footnotes on measures, bases and sources."""

from __future__ import annotations

import pandas as pd

from mpp import fmt
from mpp.present.export import Column
from mpp.reference.events import kind_label
from mpp.report.gather import ReportData
from mpp.report.sections.common import Section, Table, month_of
from mpp.text.catalogue import t
from mpp.visits.estimate import NoEstimate
from mpp.visits.month_review import MIN_BASE


def events_of_the_month(data: ReportData) -> Section | None:
    """The sites' events of the month (launches, openings, closings, holidays, outages), by day, as
    analysts put them on the timeline (mpp.reference.events.events_in); None when there are none."""
    lang, found = data.lang, data.month_events
    if not found:
        return None
    frame = pd.DataFrame(
        {
            "day": [fmt.day_label(e.day, lang) for e in found],
            "site": [e.site for e in found],
            "kind": [kind_label(e.kind, lang) for e in found],
            "label": [e.label for e in found],
        }
    )
    columns = [
        Column("day", t("event_day", lang)),
        *([Column("site", t("site", lang))] if len(data.sites) > 1 else []),
        Column("kind", t("event_kind", lang)),
        Column("label", t("event_label", lang)),
    ]
    heading = t("report_sec_events", lang)
    table = Table(t("events_title", lang), heading, frame, columns, month_of(data), "-")
    return Section("events", heading, tables=(table,))


def year_end_estimate(data: ReportData) -> Section | None:
    """The estimated year-end total with its range and basis, labelled as an estimate, never data
    (mpp.visits.estimate, the same as Tren dan Puncak); where none can be made, why. Nothing once
    the year is complete: its real total is the report's own figure."""
    found, lang = data.estimate, data.lang
    if found is None or (isinstance(found, NoEstimate) and found.reason == "year_complete"):
        return None
    heading = t("estimate_card", lang, year=found.year)
    if isinstance(found, NoEstimate):
        return Section("estimate", heading, (found.text(lang),))
    lines = (t("estimate_caption", lang, text=found.text(lang), basis=found.basis_text(lang)),)
    notes = [t("estimate_card_help", lang)]
    if found.excluded:
        left_out = "; ".join(e.text(lang) for e in found.excluded)
        notes.append(t("estimate_excluded", lang, kept=", ".join(found.sites), excluded=left_out))
    return Section("estimate", heading, lines, notes=tuple(notes))


def press_paragraphs(data: ReportData) -> Section | None:
    """The Siaran Pers statement of each site, as checked by the draft checker: no wrong figure."""
    lang, found = data.lang, [s for s in data.statements if s is not None]
    if not found:
        return None
    lists, notes = [], []
    for statement in found:
        lists.append((statement.release.title, statement.paragraphs))
        checked = t(
            "report_press_checked", lang, ok=statement.check.count("ok"), notes=statement.check.count("note")
        )
        note = checked if not statement.withheld else t("report_press_withheld", lang, n=statement.withheld)
        notes.append(f"{statement.site}: {note}" if len(found) > 1 else note)
    return Section("press", t("report_sec_press", lang), lists=tuple(lists), notes=tuple(notes))


def footnotes(data: ReportData) -> Section:
    lang = data.lang
    lines = [
        t("report_note_measures", lang),
        t("report_note_like", lang),
        t("report_note_min_base", lang, min_base=MIN_BASE),
    ]
    if data.provisional:
        lines.append(t("provisional_included", lang, months=month_of(data)))
    if data.demo:
        lines.append(t("report_demo_note", lang, sites=", ".join(data.demo)))
    lines.append(t("report_note_sources", lang, sources=data.sources))
    return Section("notes", t("report_sec_notes", lang), tuple(lines))
