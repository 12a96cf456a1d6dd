"""Reading SKM answers from cells: the 1-4 scale is checked cell by cell, and nothing is converted.

A 5 means the office used a 1-5 form; rescaling it would invent answers nobody gave, so the file is
refused and the message names the cell. Shared by the wide (U1..U9 columns) and long (unsur, answer)
forms of loaders/layouts/skm_responden.py.
"""

from __future__ import annotations

import re

from loaders.layouts.common import problem, text
from loaders.model import Problem, Sheet

SCALE = range(1, 5)
MAX_CELLS_NAMED = 20  # per kind of problem; a 1-5 file would otherwise list every cell


class BadAnswer(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def answer_of(value) -> int:
    """A cell on the 1-4 scale as an int: 4, 4.0 and '4' are 4. Raises BadAnswer otherwise."""
    if value is None or text(value) == "":
        raise BadAnswer(
            "skm_jawaban_kosong",
            "Jawaban kosong: setiap responden harus menjawab "
            "kesembilan unsur. Lengkapi atau hapus baris responden itu",
        )
    if isinstance(value, bool) or not re.fullmatch(r"-?\d+(\.0+)?", text(value)):
        raise BadAnswer("skm_jawaban_bukan_angka", f"Jawaban {text(value)!r} bukan angka 1-4")
    number = int(float(text(value)))
    if number not in SCALE:
        scale = " (berkas ini tampaknya memakai skala 1-5)" if number == 5 else ""
        raise BadAnswer(
            "skm_jawaban_di_luar_skala",
            f"Jawaban {number} di luar skala 1-4 "
            f"PermenPANRB 14/2017{scale}. Nilai tidak diubah otomatis: perbaiki di "
            "sumbernya lalu unggah lagi",
        )
    return number


class AnswerChecker:
    """Reads answers and collects the problems of many cells, naming the first MAX_CELLS_NAMED of
    each kind (a 1-5 file would otherwise list every cell)."""

    def __init__(self, sheet: Sheet, file_name: str):
        self.sheet, self.file_name = sheet, file_name
        self.problems: list[Problem] = []
        self.counts: dict[str, int] = {}

    def read(self, value, cell: str) -> int | None:
        try:
            return answer_of(value)
        except BadAnswer as bad:
            self.add(bad.code, f"{bad}.", cell)
            return None

    def add(self, code: str, message: str, cell: str | None) -> None:
        """A problem in one cell (answers, dates, unsur names), named while few of its kind."""
        self.counts[code] = self.counts.get(code, 0) + 1
        if self.counts[code] <= MAX_CELLS_NAMED:
            self.problems.append(problem(code, message, self.sheet, cell, self.file_name))

    def report(self) -> list[Problem]:
        """Every named cell, and how many more of each kind were not named."""
        more = [
            problem(
                code,
                f"... dan {n - MAX_CELLS_NAMED} sel lain dengan masalah yang sama.",
                self.sheet,
                None,
                self.file_name,
            )
            for code, n in self.counts.items()
            if n > MAX_CELLS_NAMED
        ]
        return self.problems + more
