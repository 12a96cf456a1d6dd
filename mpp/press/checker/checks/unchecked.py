"""Figures found but not in the store (visitors per day, kinds of services): reported, not checked."""

from __future__ import annotations

from mpp.press.checker.checks.verdicts import unchecked
from mpp.press.checker.claim import UncheckedClaim
from mpp.press.checker.facts import Facts
from mpp.press.checker.findings import Finding

UNCHECKED_REASONS = {
    "per_day": "angka per hari tidak ada di data bulanan; tidak diperiksa.",
    "services": "jumlah jenis layanan tidak dicatat di basis data; tidak diperiksa.",
    "no_agency": "persentase tanpa instansi atau basis yang dapat diperiksa.",
}


def check_unchecked(claim: UncheckedClaim, facts: Facts) -> Finding:
    return unchecked(claim, UNCHECKED_REASONS[claim.reason])
