"""Properties of like-for-like growth and provisional months (hypothesis), on real stores made in code:
a site with data in only one of the two periods never changes the growth of the others; no growth is
ever given over a period holding a partial month unless it says "sementara"."""

from __future__ import annotations

import re
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpp.demo.visits import load_frames as _load
from mpp.period import Measure, Period
from mpp.press.statement import press_release
from mpp.reference.sites import Site
from mpp.store import db
from mpp.visits.like_for_like import like_for_like
from mpp.visits.overview import overview

pytestmark = pytest.mark.slow  # property tests over a store

SETTINGS = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
AGENCIES = ["Disdukcapil", "Samsat", "Imigrasi", "DPMPTSP"]
NOW, BASE = Period(date(2025, 1, 1), date(2025, 6, 1)), Period(date(2024, 1, 1), date(2024, 6, 1))
counts = st.integers(0, 5000)


@contextmanager
def store():
    with tempfile.TemporaryDirectory() as folder, db.connect(Path(folder) / "s.duckdb") as con:
        yield con


def put(con: duckdb.DuckDBPyConnection, site: str, visitors: dict, service: list[tuple]) -> None:
    """visitors: month -> people; service: (agency, month, visits)."""
    _load(
        con,
        Site(site),
        "month",
        pd.DataFrame({"day": list(visitors), "visitors": list(visitors.values())}),
        pd.DataFrame(service, columns=["agency", "day", "visits"]),
    )


def months(period: Period) -> list[date]:
    return period.month_starts()


@st.composite
def site_a(draw):
    """Visitors every month of both periods, and agencies every month."""
    visitors = {m: draw(st.integers(1, 5000)) for m in months(BASE) + months(NOW)}
    service = [(a, m, draw(counts)) for m in months(BASE) + months(NOW) for a in AGENCIES[:2]]
    return visitors, service


@st.composite
def one_sided(draw):
    """A second site with data in only one of the periods: some or all of its months."""
    period = draw(st.sampled_from([NOW, BASE]))
    chosen = draw(st.lists(st.sampled_from(months(period)), min_size=1, unique=True))
    return {m: draw(counts) for m in chosen}, [(AGENCIES[2], m, draw(counts)) for m in chosen]


@SETTINGS
@given(site_a(), one_sided(), st.sampled_from(list(Measure)))
def test_a_site_with_data_in_one_period_never_changes_like_for_like_growth(a, b, measure):
    with store() as con:
        put(con, "MPP A", *a)
        alone = like_for_like(con, ["MPP A"], NOW, BASE, measure, "year_to_date").change_pct
        put(con, "MPP B", *b)
        both = like_for_like(con, ["MPP A", "MPP B"], NOW, BASE, measure, "year_to_date")
        assert both.change_pct == alone
        assert both.sites == ("MPP A",) and [e.site for e in both.excluded] == ["MPP B"]


@st.composite
def with_a_partial_month(draw):
    """Four agencies every month of 2024 and January-June 2025, except a month of 2025 in which only
    some of them reported."""
    service = [
        (a, m, draw(st.integers(1, 3000)))
        for m in months(Period(date(2024, 1, 1), NOW.end))
        for a in AGENCIES
    ]
    partial = draw(st.sampled_from(months(NOW)))
    late = set(draw(st.lists(st.sampled_from(AGENCIES), min_size=1, max_size=3, unique=True)))
    return [row for row in service if not (row[1] == partial and row[0] in late)], partial


@SETTINGS
@given(with_a_partial_month(), st.booleans())
def test_no_growth_over_a_partial_month_without_sementara(data, include_partial):
    service, partial = data
    with store() as con:
        put(con, "MPP A", {}, service)
        view = overview(con, ["MPP A"], NOW.end, Measure.SERVICE_VISITS, include_partial=include_partial)
        text = press_release(view).text()
    growths = [
        view.to_date.change_pct,
        *(
            c.change_pct
            for c in (view.review.year_on_year, view.review.month_on_month)
            if partial in (c.current.period.start, c.base.period.start)
        ),
    ]
    if not include_partial:
        assert all(g is None for g in growths)
        assert "naik" not in text and "turun" not in text
    else:
        assert view.uses_provisional
        # the growth sentence itself marks its rate, not only a closing note elsewhere in the text
        growth_sentence = next((p for p in text.split("\n\n") if " naik " in p or " turun " in p), None)
        if growth_sentence is not None:
            assert re.search(r"\d persen \(sementara\)", growth_sentence), growth_sentence
