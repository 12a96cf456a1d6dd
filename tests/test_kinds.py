"""The registry of kinds of data (loaders/kinds/): every layout's rows have a kind that knows how to
check, report and write them, and every registered kind is one some layout yields."""

from loaders.kinds import KINDS, of, published_indices, survey_answers, visits
from loaders.layouts import LAYOUTS


def test_every_layout_declares_a_registered_kind():
    unregistered = {
        layout.NAME: getattr(layout, "KIND", None)
        for layout in LAYOUTS
        if getattr(layout, "KIND", None) not in KINDS
    }
    assert unregistered == {}


def test_every_kind_is_registered_under_its_name_with_its_four_steps():
    for name, kind in KINDS.items():
        assert name == kind.NAME
        assert all(
            callable(getattr(kind, step, None)) for step in ("prepare", "summary", "replaces", "write")
        )


def test_every_registered_kind_is_yielded_by_a_layout():
    assert {layout.KIND for layout in LAYOUTS} == set(KINDS)


def test_a_layout_leads_to_its_kind():
    assert of("tiket_antrean") is visits
    assert of("skm_responden") is survey_answers
    assert of("skm_ringkasan") is published_indices
