"""Every problem code the loaders can give has words in both languages (mpp/text/problems.py): the
upload page shows them beside the code, never the code alone ('bulan_tidak_terbaca')."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from mpp.text.catalogue import TEXT
from mpp.text.problems import PROBLEM_TEXT

LOADERS = Path(__file__).resolve().parent.parent / "loaders"
CODE = re.compile(r"[a-z0-9]+(_[a-z0-9]+)*")


def code_parameters(trees) -> dict[str, int]:
    """Function, method or class name -> the position of its `code` parameter (self left out)."""
    found = {"Problem": 0}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                init = next((f for f in node.body if getattr(f, "name", "") == "__init__"), None)
                names = [a.arg for a in init.args.args[1:]] if isinstance(init, ast.FunctionDef) else []
            elif isinstance(node, ast.FunctionDef):
                names = [a.arg for a in node.args.args if a.arg != "self"]
            else:
                continue
            if "code" in names:
                found[node.name] = names.index("code")
    return found


def strings(node, assigned) -> set[str]:
    """The strings an expression can be: a literal, either side of `a if c else b`, a name's
    assigned values, an f-string's every combination ('{what}_tidak_terbaca')."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return strings(node.body, assigned) | strings(node.orelse, assigned)
    if isinstance(node, ast.Name):
        return set().union(*(strings(v, assigned) for v in assigned.get(node.id, [])))
    if isinstance(node, ast.FormattedValue):
        return strings(node.value, assigned)
    if isinstance(node, ast.JoinedStr):
        combined = {""}
        for part in node.values:
            combined = {a + b for a in combined for b in strings(part, assigned)}
        return combined
    return set()


def loader_codes() -> set[str]:
    """Every code passed where a problem's code goes, in every module of loaders/."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in LOADERS.rglob("*.py")]
    positions = code_parameters(trees)
    codes: set[str] = set()
    for tree in trees:
        assigned: dict[str, list] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(node.value)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in positions:
                continue
            given = next((k.value for k in node.keywords if k.arg == "code"), None)
            if given is None and len(node.args) > positions[name]:
                given = node.args[positions[name]]
            if given is not None:  # a method of the same name without a code gives message text
                codes |= {s for s in strings(given, assigned) if CODE.fullmatch(s)}
    return codes


def test_the_scan_finds_the_codes_it_should():
    codes = loader_codes()
    assert {"bulan_tidak_terbaca", "not_spreadsheet", "blok_tidak_ada", "angka_negatif"} <= codes
    assert len(codes) >= 45


def test_every_loader_code_has_a_label_in_both_languages():
    missing = sorted(code for code in loader_codes() if f"problem_{code}" not in TEXT)
    assert not missing, missing
    for key, (indonesian, english) in PROBLEM_TEXT.items():
        assert indonesian.strip() and english.strip() and indonesian != key, key
