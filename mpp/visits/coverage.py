"""Reporting coverage: for every site, month and measure, who was expected to report and who did, and
the months an analyst closed ("tutup buku"). A month is complete for a site when every expected
reporter reported, or when it was closed; figures then use complete months only (issue 11).

Expected reporters. Service visits: the agencies with data for the site in any of the previous 12
months, plus the agencies that are members of the site for the whole month, minus those that left
(a member that left is no longer expected, whatever its history). A site's very first month, with no
history and no roster, is judged by what arrived. Visitors: the site itself, every month from its
first month with data. The rule is written once, in SQL: mpp/store/queries/coverage_site_months.sql
reads every site and month of a selection in one query; within `shared()` (an overview) the callers
share one read per measure.

    status = month_status(con, ["MPP Kota Balikpapan"], Measure.SERVICE_VISITS, date(2025, 10, 1))
    status.complete, coverage_text(status)        # False, '26 dari 27 instansi melapor'
    latest_complete_month(con, ["MPP Kota Balikpapan"], Measure.SERVICE_VISITS)   # date(2025, 9, 1)
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from mpp import fmt
from mpp.access.accounts import User, require
from mpp.period import Measure, Period, add_months, month_start
from mpp.reference.members import MembershipRefused, add_member, leave_member, member_list  # noqa: F401  (part of this API)
from mpp.reference.sites import site_id
from mpp.store import ledger, writers
from mpp.store.db import query_rows
from mpp.text.catalogue import t

HISTORY_MONTHS = 12  # an agency silent this long is no longer expected
SCAN_MONTHS = 24  # latest_complete_month reads this many months at a time, newest first: an overview
# reads the year to date and the year before next, so with coverage shared that read serves both
LATE_MONTHS = 2  # a site this far behind the others is late; further behind, it has stopped


class CoverageRefused(ValueError):
    """A close, reopen or membership change that cannot be made (the message says why)."""


@dataclass(frozen=True)
class SiteMonth:
    """One site's month of one measure: who was expected, who reported, and whether it was closed."""

    site: str
    month: date  # first of the month
    measure: Measure
    expected: tuple[str, ...]  # service visits: canonical agency names; visitors: (site,)
    reporting: tuple[str, ...]  # every reporter with a row that month, expected or not
    closed: bool  # an analyst closed the month ("tutup buku")

    @property
    def complete(self) -> bool:
        return self.closed or (bool(self.expected) and not self.missing)

    @property
    def missing(self) -> tuple[str, ...]:
        reporting = set(self.reporting)
        return tuple(name for name in self.expected if name not in reporting)

    @property
    def reported(self) -> tuple[str, ...]:
        """The expected reporters that reported: the 4 of '4 dari 27 instansi melapor'."""
        reporting = set(self.reporting)
        return tuple(name for name in self.expected if name in reporting)


@dataclass(frozen=True)
class MonthStatus:
    """A month of a selection of sites. `silent` sites have stopped (or not started): no data of the
    measure in this month or later, and more than LATE_MONTHS behind the newest data of the selection.
    They never hold the month back; figures that compare like for like leave them out and say so. A
    site only late holds the month back."""

    month: date
    measure: Measure
    site_months: tuple[SiteMonth, ...]  # every selected site expected or with data this month
    silent: tuple[str, ...]

    @property
    def reporting(self) -> int:
        return sum(len(m.reported) for m in self.site_months)

    @property
    def expected(self) -> int:
        return sum(len(m.expected) for m in self.site_months)

    @property
    def closed(self) -> bool:
        return bool(self.site_months) and all(m.closed for m in self.site_months)

    @property
    def complete(self) -> bool:
        active = [m for m in self.site_months if m.site not in self.silent]
        return bool(active) and all(m.complete for m in active)

    @property
    def missing(self) -> tuple[tuple[str, str], ...]:
        """(site, reporter) of every expected reporter that has not reported."""
        return tuple((m.site, name) for m in self.site_months for name in m.missing)


def coverage_text(status: MonthStatus | SiteMonth, lang: str = "id") -> str:
    """'4 dari 27 instansi melapor' (visitors: 'lokasi'); numbers in the reader's language."""
    months = status.site_months if isinstance(status, MonthStatus) else (status,)
    got = fmt.number(sum(len(m.reported) for m in months), lang=lang)
    of = fmt.number(sum(len(m.expected) for m in months), lang=lang)
    key = "reporting_sites" if status.measure is Measure.VISITORS else "reporting_agencies"
    return t(key, lang, got=got, of=of)


# --- reading -------------------------------------------------------------------------------------


def _spans(con: duckdb.DuckDBPyConnection, sites, measure: Measure) -> dict[str, tuple]:
    """site -> (first month with data, last month with data, first day an agency joined)."""
    cache, key = _shared.get(), ("spans", con, measure, tuple(sites))
    if cache is not None and key in cache:
        return cache[key]
    rows = query_rows(con, "coverage_spans", sites=list(sites), measure=measure.value)
    found = {site: (first, last, joined) for site, first, last, joined in rows}
    if cache is not None:
        cache[key] = found
    return found


def _closures(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, period: Period
) -> set[tuple[str, date]]:
    rows = query_rows(
        con, "coverage_closures", sites=list(sites), measure=measure.value, start=period.start, end=period.end
    )
    return {(site, month) for site, month, closed in rows if closed}


def _read_site_months(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, period: Period
) -> list[SiteMonth]:
    """One query for every site and month: the rule itself lives in coverage_site_months.sql."""
    rows = query_rows(
        con,
        "coverage_site_months",
        sites=list(sites),
        measure=measure.value,
        start=period.start,
        end=period.end,
        history=HISTORY_MONTHS,
    )
    return [
        SiteMonth(site, month, measure, tuple(expected), tuple(reporting), closed)
        for site, month, expected, reporting, closed in rows
    ]


@dataclass(frozen=True)
class _Known:
    """The site months read so far in a shared block, for one connection and measure. A site's month
    depends on that site's own rows only, so any subset of the sites and months is exact."""

    con: duckdb.DuckDBPyConnection
    sites: frozenset[str]
    period: Period
    by_site: dict[str, dict[date, SiteMonth]]

    def covers(self, con: duckdb.DuckDBPyConnection, sites, period: Period) -> bool:
        inside = self.period.start <= period.start and period.end <= self.period.end
        return con is self.con and inside and self.sites.issuperset(sites)

    def select(self, sites, period: Period) -> list[SiteMonth]:
        months = period.month_starts()
        found = (self.by_site.get(site, {}) for site in sites)
        return [by_month[m] for by_month in found for m in months if m in by_month]


def _known(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, period: Period, before: _Known | None
) -> _Known:
    """Read the sites and period asked, widened to what was read before, to the year before (like for
    like compares with it) and to the sites' last data (the provisional months): one query either way,
    and the next callers find their months read."""
    if before is not None and before.con is con:
        sites = list(dict.fromkeys([*before.sites, *sites]))
        period = Period(min(period.start, before.period.start), max(period.end, before.period.end))
    last = max((span[1] for span in _spans(con, sites, measure).values() if span[1]), default=period.end)
    period = Period(min(period.start, date(period.end.year - 1, 1, 1)), max(period.end, last))
    by_site: dict[str, dict[date, SiteMonth]] = defaultdict(dict)
    for found in _read_site_months(con, sites, measure, period):
        by_site[found.site][found.month] = found
    return _Known(con, frozenset(sites), period, dict(by_site))


_shared: contextvars.ContextVar[dict | None] = contextvars.ContextVar("coverage_shared", default=None)


@contextlib.contextmanager
def shared() -> Iterator[None]:
    """Within the block, coverage is read once per measure and shared: an overview asks for it some
    twenty times (like for like, the month in review, the provisional months...), each a query over
    every site of a province otherwise. Only for reading: a close or load inside would not be seen."""
    token = _shared.set({}) if _shared.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _shared.reset(token)


def site_months(con: duckdb.DuckDBPyConnection, sites, measure: Measure, period: Period) -> list[SiteMonth]:
    """Every (site, month) of the period in which the site is expected or has data, by site and
    month, in the order the sites were given."""
    cache = _shared.get()
    if cache is None:
        return _read_site_months(con, sites, measure, period)
    sites = list(sites)
    known = cache.get(measure)
    if known is None or not known.covers(con, sites, period):
        known = cache[measure] = _known(con, sites, measure, period, known)
    return known.select(sites, period)


def _silent(spans: dict[str, tuple], sites, month: date) -> tuple[str, ...]:
    """The sites that have stopped (or not started) by `month`: no data then or later, and their last
    data more than LATE_MONTHS before the selection's newest. A site only a month or two behind the
    others is late, not stopped: its missing month keeps the month incomplete."""
    lasts = [span[1] for span in spans.values() if span[1] is not None]
    if not lasts:  # no site has data: every one is silent
        return tuple(sites)
    newest = max(lasts)

    def stopped(site: str) -> bool:
        last = spans.get(site, (None, None))[1]
        return last is None or (last < month and add_months(last, LATE_MONTHS) < newest)

    return tuple(s for s in sites if stopped(s))


def month_status(con: duckdb.DuckDBPyConnection, sites, measure: Measure, month: date) -> MonthStatus:
    """The selection's month: each site's coverage, and whether the month is complete."""
    month = month_start(month)
    found = site_months(con, sites, measure, Period.month(month))
    return MonthStatus(month, measure, tuple(found), _silent(_spans(con, sites, measure), sites, month))


def statuses(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, period: Period, spans: dict | None = None
) -> list[MonthStatus]:
    """month_status of every month of the period, from one set of queries."""
    spans = spans or _spans(con, sites, measure)
    by_month = defaultdict(list)
    for found in site_months(con, sites, measure, period):
        by_month[found.month].append(found)
    return [
        MonthStatus(m, measure, tuple(by_month[m]), _silent(spans, sites, m)) for m in period.month_starts()
    ]


def data_span(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, spans: dict | None = None
) -> Period | None:
    """From the first month in which any of the sites has data or members to its last month with
    data; None without data."""
    found = (spans or _spans(con, sites, measure)).values()
    lasts = [last for _, last, _ in found if last]
    firsts = [f for first, _, joined in found for f in (first, joined and month_start(joined)) if f]
    return Period(min(firsts), max(lasts)) if lasts else None


def latest_complete_month(con: duckdb.DuckDBPyConnection, sites, measure: Measure) -> date | None:
    """The default 'through' month everywhere: the latest month that is complete for the selection."""
    spans = _spans(con, sites, measure)
    span = data_span(con, sites, measure, spans)
    if span is None:
        return None
    end = span.end
    while True:  # newest months first: most selections have one within the latest couple of years
        window = Period(max(span.start, add_months(end, 1 - SCAN_MONTHS)), end)
        complete = [s.month for s in statuses(con, sites, measure, window, spans) if s.complete]
        if complete or window.start == span.start:
            return max(complete, default=None)
        end = add_months(window.start, -1)


def complete_sites(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, period: Period
) -> tuple[str, ...]:
    """The sites complete in every month of the period (like for like), in the order given."""
    done: defaultdict[str, int] = defaultdict(int)
    for found in site_months(con, sites, measure, period):
        done[found.site] += found.complete
    return tuple(site for site in sites if done[site] == period.months)


def site_coverage(con: duckdb.DuckDBPyConnection, site: str, month: date) -> dict[Measure, SiteMonth | None]:
    """Both measures of one site's month (None where the site is neither expected nor reporting)."""
    found = {}
    for measure in Measure:
        months = site_months(con, [site], measure, Period.month(month_start(month)))
        found[measure] = months[0] if months else None
    return found


def closable_months(
    con: duckdb.DuckDBPyConnection, site: str, today: date | None = None
) -> tuple[list[date], date | None]:
    """The months an analyst may close or reopen, newest first (from the site's first month of data or
    membership to the last month that has ended), and the one to offer first: its latest with data."""
    spans = [span for span in (data_span(con, [site], m) for m in Measure) if span]
    joined = _spans(con, [site], Measure.SERVICE_VISITS).get(site, (None, None, None))[2]
    starts = [s.start for s in spans] + ([month_start(joined)] if joined else [])
    last_ended = add_months(month_start(today or date.today()), -1)
    if not starts or min(starts) > last_ended:
        return [], None
    months = list(reversed(Period(min(starts), last_ended).month_starts()))
    latest = max((s.end for s in spans), default=None)
    return months, latest if latest in months else months[0]


# --- writing -------------------------------------------------------------------------------------


def _site_id(con: duckdb.DuckDBPyConnection, site: str) -> int:
    found = site_id(con, site)
    if found is None:
        raise CoverageRefused(f"Lokasi {site!r} tidak ada. / No such site.")
    return found


def is_closed(con: duckdb.DuckDBPyConnection, site: str, month: date, measure: Measure) -> bool:
    return (site, month_start(month)) in _closures(con, [site], measure, Period.month(month_start(month)))


def _recorded(
    con: duckdb.DuckDBPyConnection,
    actor: User,
    site: str,
    month: date,
    measure: Measure | None,
    closing: bool,
) -> int:
    """Check and record a close or reopen in one exclusive transaction, run again when another
    office writes at the same time (mpp/store/writers.py): by then the month may be closed already."""
    return writers.with_retry_on_conflict(
        lambda _: _record(con, actor, site, month, measure, closing),
        "busy_month",
        month=fmt.month_label(month),
        site=site,
    )


def _record(
    con: duckdb.DuckDBPyConnection, actor: User, site: str, month: date, measure: Measure | None, closed: bool
) -> int:
    with writers.exclusive_transaction(con):
        measures = _checked(con, actor, site, month, measure, closed)
        verb = ("Tutup buku" if closed else "Buka kembali") + " " + fmt.month_label(month)
        stamp = f"{verb}|{site}|{[m.value for m in measures]}|{time.time_ns()}"
        record = ledger.LoadRecord(
            file_name=verb,
            sha256=hashlib.sha256(stamp.encode()).hexdigest(),
            layout="close_month" if closed else "reopen_month",
            measure=measures[0].value if len(measures) == 1 else "mixed",
            site=site,
            period_from=month,
            period_to=month,
            loaded_by=actor.username,
        )
        load_id = ledger.record_load(con, record)
        site_id = _site_id(con, site)
        rows = pd.DataFrame(
            [(site_id, m.value, month, closed) for m in measures], columns=ledger.CLOSURE_COLUMNS
        )
        ledger.write_facts(con, load_id, closures=rows)
    return load_id


def _reported_measures(con: duckdb.DuckDBPyConnection, site: str, month: date) -> list[Measure]:
    """The measures of which the site reported something that month: closing both measures closes
    only these, so a month without any count of people entering never becomes a complete one."""
    return [m for m, found in site_coverage(con, site, month).items() if found and found.reporting]


def _checked(
    con: duckdb.DuckDBPyConnection,
    actor: User,
    site: str,
    month: date,
    measure: Measure | None,
    closing: bool,
):
    require(actor, "analyst")
    _site_id(con, site)
    if closing and month >= month_start(date.today()):
        raise CoverageRefused(
            f"{fmt.month_label(month)} belum berakhir; bulan berjalan tidak dapat "
            f"ditutup. / A month still running cannot be closed."
        )
    measures = [measure] if measure else _reported_measures(con, site, month) if closing else list(Measure)
    if not measures:
        raise CoverageRefused(
            f"Belum ada data {fmt.month_label(month)} di {site}: tidak ada yang dapat "
            f"ditutup. / No data for the month: nothing to close."
        )
    todo = [m for m in measures if is_closed(con, site, month, m) != closing]
    if not todo:
        state = "sudah ditutup" if closing else "tidak sedang ditutup"
        raise CoverageRefused(
            f"{fmt.month_label(month)} di {site} {state}. / The month is "
            f"{'already closed' if closing else 'not closed'}."
        )
    return todo


def close_month(
    con: duckdb.DuckDBPyConnection, actor: User, site: str, month: date, measure: Measure | None = None
) -> int:
    """Close a site's month ("tutup buku": final; the missing reporters had no service), for one
    measure or (None) each measure the site reported something of that month. Analysts and admins.
    A ledger entry (table loads), undone with history.undo_load like any load. Returns its load id."""
    month = month_start(month)
    return _recorded(con, actor, site, month, measure, True)


def reopen_month(
    con: duckdb.DuckDBPyConnection, actor: User, site: str, month: date, measure: Measure | None = None
) -> int:
    """Reopen a closed month: a ledger entry that supersedes the close. Returns its load id."""
    month = month_start(month)
    return _recorded(con, actor, site, month, measure, False)
