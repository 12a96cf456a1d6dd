"""A store whose names come from hostile files: sites, agencies, services, survey answers, file and
user names written as markdown ('**B**', an image that would fetch http://127.0.0.1:9/x.png, raw
HTML, a link) and as spreadsheet formulas ('=HYPERLINK(...)', '+cmd|...'). Loaded through the real
loaders, as an office's file would be, on a copy of the demo data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from loaders.load import Options, ingest
from mpp.access import accounts
from mpp.store import db
from tests import layout_files as lf

TRACKER = "http://127.0.0.1:9/x.png"  # nothing listens there: a request to it is the leak
MARKDOWN = ["**B**", f"![p]({TRACKER})", "<img src=x onerror=alert(1)>", "[link](http://evil)"]
FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(A1:A2)", "-2+3+cmd|' /C calc'!A0"]
NAMES = MARKDOWN + FORMULAS
SITES = MARKDOWN + FORMULAS[:1]  # one site per name; the survey is for SURVEY_SITE
SURVEY_SITE = MARKDOWN[1]
ADMIN, PASSWORD = MARKDOWN[0], "rahasia-admin-1"
# What a spreadsheet runs as a formula: text starting with one of these that is not a number.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d[\d.,]*%?")


def visits_csv(seed: int) -> bytes:
    """A long monthly table, 2024 and the first half of 2025, every name as an agency and a service,
    walk-in and online queue."""
    rows = [
        [month, year, agency, f"Layanan {agency}", channel, 10 + seed + i + 2 * month + 5 * (year - 2024)]
        for year in (2024, 2025)
        for month in range(1, 7)
        for i, agency in enumerate(NAMES)
        for channel in ("Langsung", "Online")
    ]
    return lf.long_csv(["bulan", "tahun", "instansi", "layanan", "kanal", "jumlah"], rows)


def survey_csv() -> bytes:
    """40 respondents answering U1..U9, agencies and occupations named like the rest."""
    header = [
        "id_responden",
        "tgl_responden",
        "instansi",
        "jkel",
        "pekerjaan",
        "pendidikan",
        *[f"U{i}" for i in range(1, 10)],
    ]
    rows = [
        [
            n,
            f"2025-03-{1 + n % 28:02d}",
            NAMES[n % len(NAMES)],
            "Perempuan",
            NAMES[(n + 3) % len(NAMES)],
            "S1",
            *[3 + (n + u) % 2 for u in range(9)],
        ]
        for n in range(1, 41)
    ]
    return lf.long_csv(header, rows, sep=",")


def build(demo_file: Path, path: Path) -> Path:
    """The demo data plus one load per hostile site and a survey, loaded by a user with a hostile
    name; an admin named '**B**' and an analyst named like a formula."""
    shutil.copy(demo_file, path)
    for i, site in enumerate(SITES):
        report = ingest(
            path,
            f"{site}.csv",
            visits_csv(i),
            Options(site=site, unknown_agencies="add", loaded_by=FORMULAS[1], actor=accounts.COMMAND_LINE),
        )
        assert report.outcome == "added", report.problems
    report = ingest(
        path,
        f"{SURVEY_SITE} skm.csv",
        survey_csv(),
        Options(site=SURVEY_SITE, unknown_agencies="add", actor=accounts.COMMAND_LINE),
    )
    assert report.outcome == "added", report.problems
    with db.connect(path) as con:
        accounts.create_user(con, accounts.COMMAND_LINE, ADMIN, "admin", PASSWORD)
        accounts.create_user(con, accounts.COMMAND_LINE, FORMULAS[0], "analyst", PASSWORD)
    return path


def formula_like(cell) -> bool:
    """A cell a spreadsheet would run: the table toolbar's CSV writes cells as they are shown."""
    return isinstance(cell, str) and cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell)
