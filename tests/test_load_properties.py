"""Properties of loading (hypothesis): twice equals once; a correction after the original equals the
correction alone; undo gives back the figures from before."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db, ledger
from tests import layout_files as lf

pytestmark = pytest.mark.slow  # property tests over a store

AS_CLI = Options(actor=COMMAND_LINE)
AGENCIES = ["Disdukcapil", "Samsat", "Imigrasi", "DPMPTSP", "BPJS Kesehatan"]
SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
cell = st.one_of(
    st.integers(0, 20000), st.just("-"), st.integers(1000, 99999).map(lambda n: f"{n // 1000}.{n % 1000:03d}")
)


@st.composite
def recaps(draw, months: int | None = None, agencies: list[str] | None = None):
    """A yearly recap: some agencies, the same reported months for each (the rest not yet reported)."""
    months = months or draw(st.integers(1, 12))
    chosen = agencies or draw(st.lists(st.sampled_from(AGENCIES), min_size=1, max_size=5, unique=True))
    return {a: draw(st.lists(cell, min_size=months, max_size=months)) for a in chosen}


@contextmanager
def store():
    with tempfile.TemporaryDirectory() as folder, db.connect(Path(folder) / "s.duckdb") as con:
        yield con


def figures(con: duckdb.DuckDBPyConnection) -> dict:
    rows = con.execute("SELECT agency, month, visits FROM monthly_agency_visits").fetchall()
    return {(a, m): v for a, m, v in rows}


def load(con: duckdb.DuckDBPyConnection, figures_by_agency, name="paser_2024.xlsx"):
    report = ingest(con, name, lf.yearly_recap(figures_by_agency), AS_CLI)
    assert report.ok, report.problems
    return report


@SETTINGS
@given(recaps())
def test_loading_twice_equals_loading_once(recap):
    with store() as con:
        load(con, recap)
        once = figures(con)
        again = load(con, recap)
        assert again.outcome in ("unchanged", "replaced")  # same bytes, or same figures re-saved
        assert figures(con) == once


@SETTINGS
@given(st.data())
def test_correction_after_original_equals_correction_alone(data):
    original = data.draw(recaps())
    months = len(next(iter(original.values())))
    corrected = data.draw(recaps(months=months, agencies=list(original)))
    with store() as both, store() as alone:
        load(both, original)
        load(both, corrected, "paser_2024_revisi.xlsx")
        load(alone, corrected, "paser_2024_revisi.xlsx")
        assert figures(both) == figures(alone)


@SETTINGS
@given(st.data())
def test_undo_restores_the_previous_figures(data):
    original = data.draw(recaps())
    correction = data.draw(recaps())
    with store() as con:
        load(con, original)
        before = figures(con)
        report = load(con, correction, "revisi.xlsx")
        if report.outcome == "unchanged":  # the very same bytes: nothing was loaded to undo
            return
        with db.transaction(con):
            ledger.undo(con, COMMAND_LINE, report.load_id)
        assert figures(con) == before


@settings(max_examples=25, deadline=None)
@given(recaps())
def test_a_recap_reads_back_every_figure_it_was_written_with(recap):
    from loaders import read
    from loaders.layouts import parse_workbook
    from loaders.layouts.common import Context

    parsed = parse_workbook(
        read.read_file(None, lf.yearly_recap(recap), name="r.xlsx"), Context(file_name="r.xlsx")
    )
    assert parsed.problems == []
    got = {(a, d.month): v for a, d, v in parsed.service[["agency", "day", "visits"]].values.tolist()}
    assert got == {(a, m): lf._value(c) for a, cells in recap.items() for m, c in enumerate(cells, 1)}
