"""Backtest of the year-end estimate (mpp/visits/estimate.py) on the demo data set.

    .venv/bin/python bench/backtest_estimate.py            # builds the demo into a temporary store
    .venv/bin/python bench/backtest_estimate.py --db data/demo.duckdb

For every site, measure and year of the store whose twelve months are complete and that has an earlier
complete year, the estimate made from January-September is compared with the real year-end total: how
often the real total fell inside the range, and the median absolute percentage error of the estimate.
Then the same from every other month an estimate can be made from (March-November), for a wider view.
The README quotes the summary lines (tests/test_estimate.py checks that they agree).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mpp import demo, fmt
from mpp.access.accounts import COMMAND_LINE
from mpp.period import Measure, Period
from mpp.store import db
from mpp.visits import coverage, metrics
from mpp.visits.estimate import MIN_MONTHS, YearEndEstimate, year_end_estimate

HEADLINE_MONTH = 9  # the test: project from January-September


@dataclass(frozen=True)
class Case:
    site: str
    measure: Measure
    year: int
    month: int  # the estimate's last month
    estimate: YearEndEstimate

    @property
    def actual(self) -> int:
        assert self.estimate.actual is not None  # only years with a real total are cases
        return self.estimate.actual

    @property
    def inside(self) -> bool:
        return self.estimate.low <= self.actual <= self.estimate.high

    @property
    def error_pct(self) -> float:
        return abs(self.estimate.value - self.actual) / self.actual * 100


def testable_years(con: duckdb.DuckDBPyConnection, site: str, measure: Measure) -> list[int]:
    """The site's complete years that follow an earlier complete year: those an estimate can be
    made for and compared with."""
    first, last = metrics.first_month(con, [site], measure), metrics.latest_month(con, [site], measure)
    if first is None or last is None:
        return []
    years = range(first.year, last.year + 1)
    complete = [y for y in years if coverage.complete_sites(con, [site], measure, Period.full_year(y))]
    return [y for y in complete if any(earlier < y for earlier in complete)]


def cases(con: duckdb.DuckDBPyConnection, months: range) -> list[Case]:
    """Every (site, measure, year, month) whose year is complete and can be estimated."""
    found = []
    sites = [name for (name,) in con.execute("SELECT name FROM sites ORDER BY name").fetchall()]
    for site in sites:
        for measure in Measure:
            for year in testable_years(con, site, measure):
                for month in months:
                    made = year_end_estimate(con, [site], date(year, month, 1), measure)
                    if isinstance(made, YearEndEstimate) and made.actual is not None:
                        found.append(Case(site, measure, year, month, made))
    return found


def summary(found: list[Case]) -> str:
    """'inside the range: 2 of 2 (100 %); median absolute error 1,5 %'."""
    if not found:
        return "no case"
    inside = sum(c.inside for c in found)
    share = fmt.number(inside / len(found) * 100)
    error = fmt.number(statistics.median(c.error_pct for c in found), 1)
    return f"inside the range: {inside} of {len(found)} ({share} %); median absolute error {error} %"


def row(case: Case) -> str:
    made = case.estimate
    return (
        f"{case.site} | {case.measure.value} | {made.basis.label('en')} | "
        f"{', '.join(map(str, made.years))} | {fmt.number(made.value)} | "
        f"{fmt.number(made.low)}-{fmt.number(made.high)} | {fmt.number(case.actual)} | "
        f"{fmt.number(case.error_pct, 1)} % | {'yes' if case.inside else 'NO'}"
    )


def report(con: duckdb.DuckDBPyConnection) -> str:
    headline = cases(con, range(HEADLINE_MONTH, HEADLINE_MONTH + 1))
    every = cases(con, range(MIN_MONTHS, 12))
    lines = ["site | measure | from | profile | estimate | range | actual | error | inside"]
    lines += [row(c) for c in headline]
    lines += [
        f"January-September: {summary(headline)}",
        f"every month March-November: {summary(every)}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing store (default: the demo, built anew)")
    args = parser.parse_args(argv)
    if args.db:
        with db.connect(args.db, read_only=True) as con:
            print(report(con))
        return
    with tempfile.TemporaryDirectory() as folder, db.connect(Path(folder) / "demo.duckdb") as con:
        demo.build(con, COMMAND_LINE)
        print(report(con))


if __name__ == "__main__":
    main()
