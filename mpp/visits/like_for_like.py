"""Growth over several sites, like for like ("same-store", as retail compares shops): only the sites
complete in both periods are compared, and the others are named with the reason
("MPP Kota Balikpapan: tidak ada data Januari-Oktober 2026"). Otherwise a site that stopped reporting,
or a Mini MPP that opened this year, would pass for a fall or a rise of the whole selection.

A comparison that uses a provisional month (the reader asked to include one) says so: `provisional`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from mpp.period import Measure, Period
from mpp.text.catalogue import t
from mpp.visits import metrics, reporting


@dataclass(frozen=True)
class Exclusion:
    """A site left out of a like-for-like comparison, and why."""

    site: str
    reason: str  # no_data | incomplete
    period: Period  # the period it falls short in

    def why(self, lang: str = "id") -> str:
        """'tidak ada data Januari-Oktober 2026'."""
        return t(f"excluded_{self.reason}", lang, period=self.period.label(lang))

    def text(self, lang: str = "id") -> str:
        return f"{self.site}: {self.why(lang)}"


@dataclass(frozen=True)
class LikeForLike:
    comparison: metrics.Comparison  # over the compared sites only
    excluded: tuple[Exclusion, ...]
    provisional: tuple[date, ...] = ()  # months used that are not complete ("sementara")
    include_partial: bool = False  # the reader asked for provisional months

    @property
    def is_provisional(self) -> bool:
        return bool(self.provisional)

    @property
    def current(self) -> metrics.Figure:
        return self.comparison.current

    @property
    def base(self) -> metrics.Figure:
        return self.comparison.base

    @property
    def sites(self) -> tuple[str, ...]:
        return self.comparison.current.sites

    @property
    def change_pct(self) -> float | None:
        """The growth rate; None over a provisional month the reader did not ask to include."""
        if self.provisional and not self.include_partial:
            return None
        if self.excluded and {e.site for e in self.excluded} >= set(self.sites):
            return None  # no site is complete in both periods: their sum is no like for like
        return self.comparison.change_pct


def _exclusions(
    con: duckdb.DuckDBPyConnection, sites, measure: Measure, periods, include_partial: bool
) -> tuple[Exclusion, ...]:
    """The sites not complete in both periods, and why: no data at all in a period is named first
    (a Mini MPP opened this year has no base), else the period it is incomplete in. With provisional
    months included, a month with data counts as reported."""
    complete = {
        p: None if include_partial else set(reporting.complete_sites(con, sites, measure, p)) for p in periods
    }
    found = []
    for site in sites:
        short = {
            p: metrics.total(con, [site], p, measure)
            for p in periods
            if (done := complete[p]) is None or site not in done
        }
        short = {p: f for p, f in short.items() if complete[p] is not None or not f.complete}
        empty = [p for p, f in short.items() if f.value is None]
        if short:
            found.append(Exclusion(site, "no_data" if empty else "incomplete", (empty or list(short))[0]))
    return tuple(found)


def like_for_like(
    con: duckdb.DuckDBPyConnection,
    sites,
    current: Period,
    base: Period,
    measure: Measure,
    kind: str,
    include_partial: bool = False,
) -> LikeForLike:
    """`current` against `base` over the sites complete in both. One site is always compared, even
    when incomplete (the comparison then has no rate, and says why), so nothing changes for it."""
    sites = tuple(sites)
    excluded = _exclusions(con, sites, measure, (current, base), include_partial) if len(sites) > 1 else ()
    kept = tuple(s for s in sites if s not in {e.site for e in excluded}) or sites
    comparison = metrics.compare(con, kept, current, base, measure, kind)
    return LikeForLike(
        comparison, excluded, _provisional(con, kept, measure, (current, base)), include_partial
    )


def _provisional(con: duckdb.DuckDBPyConnection, sites, measure: Measure, periods) -> tuple[date, ...]:
    """The months of the periods that are not complete for these sites but hold data."""
    found = []
    for period in periods:
        for month in reporting.period_coverage(con, sites, measure, period):
            if month.provisional:
                found.append(month.month)
    return tuple(found)
