"""The draft checker's table of checks: every kind of claim has its check, and every claim class its kind."""

from __future__ import annotations

from mpp.press.checker import claim
from mpp.press.checker.checks import CHECKS
from mpp.press.checker.claim import Claim, ClaimKind


def claim_classes() -> list[type[Claim]]:
    return [
        c for c in vars(claim).values() if isinstance(c, type) and issubclass(c, Claim) and c is not Claim
    ]


def test_every_claim_kind_has_a_registered_check():
    assert set(CHECKS) == set(ClaimKind), set(ClaimKind) - set(CHECKS)


def test_every_claim_class_names_its_own_kind():
    kinds = [c.kind for c in claim_classes()]
    assert sorted(k.value for k in kinds) == sorted(k.value for k in ClaimKind)
