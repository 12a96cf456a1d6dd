"""The one text catalogue (mpp/text): every key in both languages, no key defined twice, every key the
code asks for present, and the same {placeholders} in Indonesian and English."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

import mpp.text
from loaders.model import WAY_OUTS
from mpp.period import PERIOD_KINDS, Measure
from mpp.press.checker.claim import UNCHECKED_REASONS
from mpp.press.checker.findings import CAUSES, VERDICTS
from mpp.reference.ticket_statuses import MEANINGS
from mpp.survey import report as skm_report
from mpp.survey import skm
from mpp.text.catalogue import AREAS, LANGS, TEXT, DuplicateKey, merged, t
from mpp.visits.channels import CHANNELS

ROOT = Path(__file__).resolve().parent.parent
CODE = [ROOT / "mpp", ROOT / "ui", ROOT / "pages", ROOT / "loaders", ROOT / "dashboard.py"]

# t("key", ...), ui.t("key"), i18n.t("key"), text("key"): a whole literal key, not a prefix ("result_" + x)
CALL = re.compile(r"""(?<![\w.])(?:ui\.|i18n\.|catalogue\.)?(?:t|text)\(\s*["']([a-z0-9_]+)["']\s*[,)]""")
# t("a" if ... else "b"): both keys
CHOICE = re.compile(
    r"""(?<![\w.])(?:ui\.|i18n\.|catalogue\.)?(?:t|text)\(\s*["']([a-z0-9_]+)["']\s+if\s[^()]*?\selse\s+["']([a-z0-9_]+)["']"""
)


def _sources():
    for place in CODE:
        yield from [place] if place.is_file() else sorted(place.rglob("*.py"))


def _keys_in_code() -> dict[str, str]:
    found = {}
    for path in _sources():
        source = path.read_text(encoding="utf-8")
        for match in [*CALL.finditer(source), *CHOICE.finditer(source)]:
            for key in match.groups():
                found.setdefault(key, str(path.relative_to(ROOT)))
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_key_has_both_languages():
    incomplete = [
        key
        for key, pair in TEXT.items()
        if not (isinstance(pair, tuple) and len(pair) == len(LANGS))
        or not all(isinstance(text, str) and text.strip() for text in pair)
    ]
    assert incomplete == []


def test_placeholders_are_the_same_in_both_languages():
    assert [
        key for key, (indonesian, english) in TEXT.items() if _fields(indonesian) != _fields(english)
    ] == []


def test_no_key_is_defined_in_two_areas():
    assert len(TEXT) == sum(len(table) for table in AREAS.values())


def test_a_key_defined_twice_stops_the_merge():
    with pytest.raises(DuplicateKey, match=r"'ok'.*'first'.*'second'"):
        merged({"first": {"ok": ("ya", "yes")}, "second": {"ok": ("baik", "fine")}})


def test_no_key_is_written_twice_inside_one_table():
    """A dict literal keeps the last of two equal keys silently; the merge cannot see that."""
    for path in sorted(Path(mpp.text.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                twice = {k for k in keys if keys.count(k) > 1}
                assert not twice, f"{path.name}: {sorted(twice)}"


def test_every_area_table_is_merged():
    """An area module in mpp/text whose table is not in AREAS would be invisible to t()."""
    merged_tables = [id(table) for table in AREAS.values()]
    for info in pkgutil.iter_modules(mpp.text.__path__):
        module = importlib.import_module(f"mpp.text.{info.name}")
        for name, value in vars(module).items():
            if name.endswith("_TEXT") and isinstance(value, dict):
                assert id(value) in merged_tables, f"mpp.text.{info.name}.{name} is not in AREAS"


def test_every_key_used_in_code_exists():
    used = _keys_in_code()
    assert len(used) > 200  # the scan finds the calls (a broken pattern would find none)
    missing = {key: where for key, where in used.items() if key not in TEXT}
    assert not missing


def test_keys_made_from_names_exist():
    """Keys the code builds from a name: every name it can be given has its text."""
    built = [
        *(f"period_kind_{kind}" for kind in PERIOD_KINDS),
        *(f"measure_{measure.value}" for measure in Measure),
        *(f"queue_channel_{channel}" for channel in CHANNELS),
        *(f"weekday_{day}" for day in range(7)),
        *(f"skm_unsur_{code}" for code in skm.UNSUR_CODES),
        *(f"skm_grade_label_{grade.letter}" for grade in skm.GRADES),
        *(f"skm_dimension_{dimension}" for dimension in skm_report.DIMENSIONS),
        *(f"excluded_{reason}" for reason in ("no_data", "incomplete")),
        *(f"language_{lang}" for lang in LANGS),
        *(f"result_{outcome}" for outcome in ("added", "replaced", "unchanged", "refused")),  # Report.outcome
        *(f"verdict_{verdict}" for verdict in VERDICTS),
        *(f"cause_{cause}" for cause in CAUSES),
        *(f"unchecked_{reason}" for reason in UNCHECKED_REASONS),
        *(f"way_out_{way_out}" for way_out in WAY_OUTS),
        *(f"status_meaning_{meaning}" for meaning in MEANINGS),
    ]
    assert [key for key in built if key not in TEXT] == []


def test_lookup_fills_placeholders_and_falls_back_to_indonesian():
    assert t("growth_vs", "en", period="2025") == "against 2025"
    assert t("growth_vs", period="2025") == "dibanding 2025"
    assert t("overview", "fr") == t("overview", "id")


def test_survey_labels_read_in_english():
    assert skm.unsur_name("U3", "en") == "Time"
    assert skm.unsur_name("U3") == "Waktu" == skm.UNSUR["U3"]
    assert skm.group_label("sex", "Laki-laki", "en") == "Male"
    assert skm.group_label("education", "S2 Keatas", "en") == "Master's degree or higher (S2)"
    assert skm.group_label("sex", "Laki-laki") == "Laki-laki"  # Indonesian keeps the file's words
    assert skm.group_label("occupation", "Nelayan", "en") == "Nelayan"  # unknown: as in the file
