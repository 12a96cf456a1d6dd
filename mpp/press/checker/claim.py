"""What a draft claims: one dataclass per kind of claim, each with the fields its check reads.

Every claim quotes its sentence and the figure as written; the kind decides the rest ("41.481
pengunjung Januari-September 2025" is a `CountClaim`, "naik 92,3 persen" a `GrowthClaim` against its
base). `ClaimKind` names the kinds; mpp/press/checker/checks/ holds one check per kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from mpp.period import Measure, Period
from mpp.press.checker.reading import Mention

# Why a figure found in a draft is not checked (words: mpp/text/checker.py, unchecked_*).
UNCHECKED_REASONS = ("per_day", "services")


class ClaimKind(Enum):
    COUNT = "count"
    SHARE = "share"
    GROWTH = "growth"
    COMPARISON = "comparison"
    PEAKS = "peaks"
    AGENCY_RANKING = "agency_ranking"
    AVERAGE = "average"
    AGENCIES_ACTIVE = "agencies_active"
    SATISFACTION = "satisfaction"
    ESTIMATE = "estimate"
    UNCHECKED = "unchecked"


@dataclass(frozen=True, kw_only=True)
class Claim:
    """What every claim has: the sentence, the figure as written with its unit ('41.481 orang'), and
    the period, measure and agency it is about where the sentence says (or implies) them."""

    kind: ClassVar[ClaimKind]
    sentence: str
    quote: str
    period: Period | None = None
    measure: Measure | None = None
    agency: str | None = None
    mention: Mention | None = None  # the number the claim was read from; None for a list or a pair

    def data_periods(self) -> list[Period | None]:
        """The periods whose figures the check reads (a month of them may be provisional)."""
        return [self.period]


@dataclass(frozen=True, kw_only=True)
class CountClaim(Claim):
    """'41.481 pengunjung', 'sekitar 41.500 orang', '11.315 kunjungan layanan Disdukcapil'."""

    kind = ClaimKind.COUNT
    mention: Mention
    value: int
    strict: bool  # the period is written in the figure's own clause: no other period is tried
    others: tuple[Period, ...] = ()  # the other periods the sentence names
    unit: str | None = None  # what the draft says is counted ('visitors', 'service', ...)
    approx: str | None = None  # the word that makes it an approximation: 'sekitar', 'hampir'
    precision: int = 1  # the unit it is written to: 100 for '41.500'


@dataclass(frozen=True, kw_only=True)
class ShareClaim(Claim):
    """'24,8 persen (dari seluruh kunjungan layanan)': an agency's share."""

    kind = ClaimKind.SHARE
    mention: Mention
    value: float
    decimals: int
    base: str | None = None  # the base it names: 'service' | 'visitors' | None


@dataclass(frozen=True, kw_only=True)
class GrowthClaim(Claim):
    """'naik 92,3 persen dibandingkan ...': the change of `period` against `base`, in percent."""

    kind = ClaimKind.GROWTH
    mention: Mention
    value: float  # negative for a fall
    decimals: int
    base: Period | None

    def data_periods(self) -> list[Period | None]:
        return [self.period, self.base]


@dataclass(frozen=True, kw_only=True)
class ComparisonClaim(Claim):
    """'41.481 ..., meningkat dibandingkan 29.158 pengunjung sepanjang 2024': two counts compared."""

    kind = ClaimKind.COMPARISON
    current: CountClaim
    base: CountClaim
    down: bool  # the sentence says it fell

    def data_periods(self) -> list[Period | None]:
        return [self.current.period, self.base.period]


@dataclass(frozen=True, kw_only=True)
class PeaksClaim(Claim):
    """'Puncak kunjungan terjadi pada Juli 2025, disusul September dan Agustus': months in order."""

    kind = ClaimKind.PEAKS
    months: tuple[Period, ...]

    def scope(self) -> Period:
        """The draft's period when it spans several months and the months lie in it, else the
        calendar year of the first month (its months with data: the year so far)."""
        starts = [p.start for p in self.months]
        span = self.period
        if span and span.months > 1 and all(span.start <= m <= span.end for m in starts):
            return span
        return Period.full_year(starts[0].year)

    def data_periods(self) -> list[Period | None]:
        return [self.scope()]


@dataclass(frozen=True, kw_only=True)
class AgencyRankingClaim(Claim):
    """'yang paling sering diakses ialah Disdukcapil, DPMPTSP, Bankaltimtara': agencies in order."""

    kind = ClaimKind.AGENCY_RANKING
    names: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class AverageClaim(Claim):
    """'rata-rata 4.609 pengunjung per bulan' (low == high) or '4.000 hingga 5.000 warga' (a range)."""

    kind = ClaimKind.AVERAGE
    mention: Mention
    low: float  # a count as written
    high: float
    approx: str | None = None


@dataclass(frozen=True, kw_only=True)
class AgenciesActiveClaim(Claim):
    """'27 instansi': the agencies with service visits in the period."""

    kind = ClaimKind.AGENCIES_ACTIVE
    mention: Mention
    value: float  # as written


@dataclass(frozen=True, kw_only=True)
class SatisfactionClaim(Claim):
    """'SKM sebesar 95,20 poin': the satisfaction index (IKM)."""

    kind = ClaimKind.SATISFACTION
    mention: Mention
    value: float
    strict: bool  # the sentence names a period: no earlier surveyed year is tried


@dataclass(frozen=True, kw_only=True)
class EstimateClaim(Claim):
    """'diperkirakan 55.000-58.000 pengunjung hingga Desember 2025' (low == high for one figure):
    the year-end estimate, checked against its range (mpp.visits.estimate)."""

    kind = ClaimKind.ESTIMATE
    mention: Mention
    low: int  # as written
    high: int

    def data_periods(self) -> list[Period | None]:
        return []  # the estimate uses complete months only: nothing in it is provisional


@dataclass(frozen=True, kw_only=True)
class UncheckedClaim(Claim):
    """A figure found but not in the store: visitors per day, kinds of services."""

    kind = ClaimKind.UNCHECKED
    mention: Mention
    reason: str  # one of UNCHECKED_REASONS
