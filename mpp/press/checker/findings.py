"""What the draft checker reports: one finding per claim, with the sentence, the right figure and the
likely cause, as one line of text (the command line prints them; the page lists them)."""

from __future__ import annotations

from dataclasses import dataclass

from mpp import fmt
from mpp.period import Measure, Period
from mpp.text.catalogue import t

# The words of each are in the text catalogue (mpp/text/checker.py: verdict_*, cause_*).
VERDICTS = ("ok", "note", "wrong", "unchecked")
CAUSES = (
    "wrong_base",
    "wrong_measure",
    "unequal_periods",
    "rounding",
    "swapped_months",
    "swapped_order",
    "other_period",
    "other_year",
    "other_agency",
    "digit_typo",
    "wrong_growth",
    "wording",
    "no_match",
    "partial",
    "outside_estimate",
    "estimate_as_fact",
)


@dataclass(frozen=True)
class Finding:
    status: str  # ok | note | wrong | unchecked
    sentence: str
    stated: str  # the figure as the draft writes it
    correct: str = ""  # the figure from the store, with its measure, base and period
    cause: str | None = None
    message: str = ""

    def line(self) -> str:
        """'SALAH: «41,481 orang» — ... Angka benar: ... Kemungkinan sebab: ... Kalimat: "..."'."""
        return f"{self.verdict()} {t('finding_sentence', sentence=self.sentence_text)}"

    def verdict(self) -> str:
        """The finding without its sentence, for a list grouped under the sentence:
        'SALAH: «41,481 orang» — ... Angka benar: ... Kemungkinan sebab: ...'."""
        parts = [f"{t('verdict_' + self.status)}: «{self.stated}»"]
        if self.message:
            parts.append(f"— {self.message}")
        if self.correct:
            parts.append(t("finding_correct", figure=self.correct))
        if self.cause:
            parts.append(t("finding_cause", cause=t("cause_" + self.cause)))
        return " ".join(parts)

    @property
    def sentence_text(self) -> str:
        """The sentence on one line, spaces as a reader sees them."""
        return " ".join(self.sentence.split())


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]

    @property
    def has_errors(self) -> bool:
        return any(f.status == "wrong" for f in self.findings)

    def count(self, status: str) -> int:
        return sum(f.status == status for f in self.findings)

    def text(self) -> str:
        return "\n".join(f.line() for f in self.findings)

    def by_sentence(self, statuses: tuple[str, ...] = VERDICTS) -> list[tuple[str, list[Finding]]]:
        """The findings of these statuses under their sentence, sentences in draft order: a sentence
        with three figures is shown once, its three findings below it."""
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            if finding.status in statuses:
                grouped.setdefault(finding.sentence_text, []).append(finding)
        return list(grouped.items())


def period_text(period: Period) -> str:
    """'2024' for a calendar year, else 'Januari-September 2025'."""
    return str(period.start.year) if period.is_full_year else period.label()


def count_text(value: int, measure: Measure, period: Period, agency: str | None = None) -> str:
    """'41.481 pengunjung Januari-September 2025'; '11.315 kunjungan layanan Disdukcapil 2025'."""
    who = f" {agency}" if agency else ""
    return f"{fmt.number(value)} {measure.label()}{who} {period_text(period)}"


def percent_text(value: float, digits: int = 1) -> str:
    return fmt.percent(value, digits, prose=True)


def change_text(change: float, digits: int = 1) -> str:
    """'naik 92,3 persen' / 'turun 4,1 persen'; 'naik 92 persen' with digits=0."""
    return f"{'naik' if change >= 0 else 'turun'} {percent_text(abs(change), digits)}"


def digit_slip(stated: str, right: str) -> str | None:
    """How one string of digits differs from the right one by a single slip, if it does:
    '4148' vs '41481' -> 'satu angka hilang'; '41418' vs '41481' -> 'dua angka bertukar'."""
    if len(stated) == len(right) - 1 and any(right[:i] + right[i + 1 :] == stated for i in range(len(right))):
        return "satu angka hilang"
    if len(stated) == len(right) + 1 and any(
        stated[:i] + stated[i + 1 :] == right for i in range(len(stated))
    ):
        return "satu angka berlebih"
    if len(stated) != len(right):
        return None
    diff = [i for i in range(len(right)) if stated[i] != right[i]]
    if len(diff) == 1:
        return "satu angka salah"
    if (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and stated[diff[0]] == right[diff[1]]
        and stated[diff[1]] == right[diff[0]]
    ):
        return "dua angka bertukar"
    return None
