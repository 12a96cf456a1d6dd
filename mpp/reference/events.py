"""Events on a site's timeline (the store's table events): the day an online queue was launched, a
Mini MPP opened, a counter closed, a local holiday, a system outage. The charts mark them and the
monthly report lists them, so a reader sees why a month rose or fell. Anyone reads them; analysts and
admins add and remove them. National holidays and cuti bersama come from mpp.calendar, not from here.

    add(con, actor, "MPP Kota Balikpapan", date(2025, 1, 2), "Antrean online diluncurkan", "launch")
    events_in(con, "MPP Kota Balikpapan", date(2025, 1, 1))  # the month's events, for the report

A label is kept as typed, apart from control characters and runs of spaces (one line of plain text);
one that starts like a formula ('=...') stays text: exports write such text with a leading apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from mpp import fmt
from mpp.access.accounts import User, require
from mpp.period import Period
from mpp.reference.sites import site_id
from mpp.store.db import query_rows
from mpp.store.lake import next_id
from mpp.text.catalogue import t

KINDS = ("launch", "opening", "closing", "holiday", "outage", "other")
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)
LABEL_MOST = 120  # characters: a line on a chart and in the report's list
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Event:
    event_id: int
    site: str
    day: date
    label: str
    kind: str
    added_by: str
    added_at: datetime

    def text(self, lang: str = "id") -> str:
        """'2 Januari 2025 · MPP Kota Balikpapan · peluncuran · Antrean online diluncurkan'."""
        return " · ".join((fmt.day_label(self.day, lang), self.site, kind_label(self.kind, lang), self.label))


class EventRefused(ValueError):
    """An event that cannot be stored as given: every problem at once, in both languages."""

    def __init__(self, problems: list[tuple[str, dict]]):
        self.problems = problems
        self.keys = [key for key, _ in problems]
        super().__init__(f"{self.text('id')} / {self.text('en')}")

    def text(self, lang: str = "id") -> str:
        """Every problem in one language, as the page says them."""
        return " ".join(t(key, lang, **values) for key, values in self.problems)


def kind_label(kind: str, lang: str = "id") -> str:
    return t(f"event_kind_{kind}", lang)


def clean_label(label: str) -> str:
    """One line of plain text: control characters and line breaks become spaces, runs of spaces one."""
    return " ".join(CONTROLS.sub(" ", label).split())


def problems(day: date, label: str, kind: str) -> list[tuple[str, dict]]:
    """What is wrong with an event as given: (text key, values) for each problem, none when it is fine."""
    found: list[tuple[str, dict]] = []
    if not FIRST_DAY <= day <= LAST_DAY:
        found.append(("event_day_out_of_range", {"day": day.isoformat()}))
    label = clean_label(label)
    if not label:
        found.append(("event_label_empty", {}))
    elif len(label) > LABEL_MOST:
        found.append(("event_label_too_long", {"length": len(label), "most": LABEL_MOST}))
    if kind not in KINDS:
        found.append(("event_kind_unknown", {"kind": kind, "kinds": ", ".join(KINDS)}))
    return found


def add(
    con: duckdb.DuckDBPyConnection, actor: User | None, site: str, day: date, label: str, kind: str
) -> int:
    """Put an event on a site's timeline (analysts and admins). Returns its id."""
    require(actor, "analyst")
    assert actor is not None  # require() refused None
    found = problems(day, label, kind)
    if site_id(con, site) is None:
        found.insert(0, ("event_site_unknown", {"site": site}))
    if found:
        raise EventRefused(found)
    event_id = next_id(con, "event_ids")  # (not a column default: the shared store has none)
    params = {"site": site, "day": day, "label": clean_label(label), "kind": kind, "added_by": actor.username}
    query_rows(con, "event_add", event_id=event_id, **params)
    return event_id


def list_events(
    con: duckdb.DuckDBPyConnection,
    sites: str | Iterable[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[Event]:
    """The events of a site (or sites; every site when None) from start to end inclusive, by day."""
    chosen = [sites] if isinstance(sites, str) else None if sites is None else list(sites)
    rows = query_rows(con, "events_between", sites=chosen, start=start, end=end)
    return [Event(*row) for row in rows]


def events_in(con: duckdb.DuckDBPyConnection, site: str | Iterable[str], month: date) -> list[Event]:
    """The events of a month (any day of it) at a site or sites: the monthly report's list."""
    period = Period.month(month)
    return list_events(con, site, period.start, period.last_day)


def remove(con: duckdb.DuckDBPyConnection, actor: User | None, event_id: int) -> Event:
    """Take an event off its timeline (analysts and admins). Returns the event as it was."""
    require(actor, "analyst")
    found = query_rows(con, "event_one", event_id=event_id)
    if not found:
        raise EventRefused([("event_not_found", {"event_id": event_id})])
    query_rows(con, "event_remove", event_id=event_id)
    return Event(*found[0])
