"""The core queries behind every dashboard page, warm, on a generated store.

    .venv/bin/python bench/bench_pages.py                              # 100 sites x 40 agencies x 10 years
    .venv/bin/python bench/bench_pages.py --sites 10 --agencies 10 --years 3 --daily-sites 2 --runs 5

The store is written straight into the real schema with SQL (seconds, not minutes): monthly service
visits per site, agency and month; people entering per site and month; and for `--daily-sites` sites
the last `--daily-years` years at day grain with walk-in/online channels, as ticket exports aggregate
to. Each page's core calls run on one read-only connection (as ui.read does, before its cache), first
once to warm, then `--runs` times; we print p50 and p95 and the ratio of p95 to a baseline measured in
the same run (one monthly series over the same store). Target (issue 4): every page under 300 ms p95.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mpp.period import Measure, Period
from mpp.store import db
from mpp.visits import (
    agency_report,
    channels,
    growth,
    metrics,
    rollup,
    site_compare,
    trends,
)
from mpp.visits.overview import overview

LAST_MONTH = date(2025, 12, 1)


def build(path: Path, sites: int, agencies: int, years: int, daily_sites: int, daily_years: int) -> None:
    """Write the benchmark store, up to LAST_MONTH."""
    last = LAST_MONTH
    first_daily = date(last.year - daily_years + 1, 1, 1)
    with db.connect(path) as con:
        con.execute(
            "INSERT INTO loads (load_id, file_name, sha256, layout, measure) "
            "VALUES (1, 'bench', 'bench', 'bench', 'mixed')"
        )
        con.execute(_SITES, {"n": sites})
        con.execute(
            "INSERT INTO agencies (name) SELECT 'Instansi Bench ' || lpad(CAST(i AS VARCHAR), 2, '0') "
            "FROM range(1, $n + 1) t(i)",
            {"n": agencies},
        )
        params = {
            "years": years,
            "last": last,
            "daily_sites": daily_sites,
            "first_daily": first_daily,
            "load": 1,
        }
        for statement in (MONTHLY, DAILY, VISITORS):
            con.execute(statement, {k: v for k, v in params.items() if f"${k}" in statement})
        con.execute("CHECKPOINT")


_SITES = """
INSERT INTO sites (site_id, name, kind, kabupaten_kota, kecamatan, working_days_per_week, parent_site_id)
SELECT i, 'MPP Bench ' || lpad(CAST(i AS VARCHAR), 3, '0'),
       CASE WHEN i % 5 = 0 THEN 'mini_mpp' ELSE 'mpp' END, 'Kabupaten ' || CAST((i - 1) // 5 AS VARCHAR),
       'Kecamatan ' || CAST(i AS VARCHAR), CASE WHEN i % 3 = 0 THEN 6 ELSE 5 END,
       CASE WHEN i % 5 = 0 THEN i - 1 END
FROM range(1, $n + 1) t(i)
"""
# Bench agencies are the last ones inserted; sites with id <= daily_sites report daily from first_daily.
_MONTHS = """(SELECT CAST(date_add($last, INTERVAL (-m) MONTH) AS DATE) AS month
              FROM range(0, 12 * $years) t(m))"""
_BENCH_AGENCIES = "(SELECT agency_id FROM agencies WHERE name LIKE 'Instansi Bench %')"
MONTHLY = f"""
INSERT INTO service_visits (site_id, agency_id, day, grain, visits, load_id)
SELECT s.site_id, a.agency_id, m.month, 'month', 50 + (s.site_id * 7 + a.agency_id * 13 + month(m.month) * 31) % 900, $load
FROM sites s, {_BENCH_AGENCIES} a, {_MONTHS} m
WHERE NOT (s.site_id <= $daily_sites AND m.month >= $first_daily)
"""
DAILY = f"""
INSERT INTO service_visits (site_id, agency_id, day, grain, channel, visits, load_id)
SELECT s.site_id, a.agency_id, d.day, 'day', c.channel,
       1 + (s.site_id + a.agency_id * 3 + dayofyear(d.day)) % (CASE c.channel WHEN 'online' THEN 12 ELSE 30 END), $load
FROM (SELECT site_id FROM sites WHERE site_id <= $daily_sites) s, {_BENCH_AGENCIES} a,
     (SELECT CAST(day AS DATE) AS day FROM range($first_daily, CAST(date_add($last, INTERVAL 1 MONTH) AS DATE),
      INTERVAL 1 DAY) t(day) WHERE dayofweek(day) BETWEEN 1 AND 5) d,
     (VALUES ('walk_in'), ('online')) c(channel)
"""
VISITORS = f"""
INSERT INTO site_visitors (site_id, day, grain, visitors, load_id)
SELECT s.site_id, m.month, 'month', 2000 + (s.site_id * 37 + month(m.month) * 101) % 4000, $load
FROM sites s, {_MONTHS} m
"""


def page_calls(sites: tuple[str, ...], everyone: tuple[str, ...], through: date) -> dict:
    """Each page's core calls, as the page makes them (through ui.read)."""
    ytd = Period.year_to_date(through)
    agency = "Instansi Bench 01"
    return {
        "Ringkasan": [lambda c: overview(c, sites, through)],
        "Instansi": [
            lambda c: agency_report.agency_ranking(c, sites, ytd),
            lambda c: agency_report.agency_trend(
                c, sites, agency, Period(ytd.shift_years(-1).start, ytd.end)
            ),
            lambda c: agency_report.agency_services(c, sites, agency, ytd),
        ],
        "Tren & Puncak": [lambda c: trends.trend_view(c, sites, Measure.SERVICE_VISITS, through)],
        "Pertumbuhan": [
            lambda c: growth.growth_view(c, sites, through, Measure.SERVICE_VISITS),
            lambda c: growth.agency_growth(c, sites, ytd),
        ],
        "Kanal": [
            lambda c: channels.channel_monthly(c, sites, ytd),
            lambda c: channels.channel_by_agency(c, sites, ytd),
        ],
        "Lokasi": [lambda c: site_compare.site_comparison(c, ytd, Measure.VISITORS)],
        "Lokasi: rekap wilayah": [lambda c: rollup.province_rollup(c, ytd, Measure.SERVICE_VISITS)],
        "Semua lokasi: Instansi": [lambda c: agency_report.agency_ranking(c, everyone, ytd)],
        "Semua lokasi: Ringkasan": [lambda c: overview(c, everyone, through)],
    }


def timed(con: duckdb.DuckDBPyConnection, calls, runs: int) -> list[float]:
    for call in calls:  # warm: file pages in memory, query plans, holiday tables
        call(con)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for call in calls:
            call(con)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name, default in (
        ("sites", 100),
        ("agencies", 40),
        ("years", 10),
        ("daily-sites", 10),
        ("daily-years", 3),
        ("runs", 20),
    ):
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--db", type=Path, help="keep the generated store here (reused when it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        reuse = path.exists()
        if not reuse:
            build(path, args.sites, args.agencies, args.years, args.daily_sites, args.daily_years)
        with db.connect(path, read_only=True) as con:
            report(con, args, LAST_MONTH, 0.0 if reuse else time.perf_counter() - start)


def report(con: duckdb.DuckDBPyConnection, args, last: date, build_seconds: float) -> None:
    rows = con.execute(
        "SELECT (SELECT count(*) FROM service_visits), (SELECT count(*) FROM service_visits "
        "WHERE grain = 'day')"
    ).fetchall()[0]
    print(
        f"store: {args.sites} sites x {args.agencies} agencies x {args.years} years; service_visits "
        f"{rows[0]:,} rows ({rows[1]:,} daily with channels, {args.daily_sites} sites); built in "
        f"{build_seconds:.1f} s"
    )
    everyone = tuple(f"MPP Bench {i:03d}" for i in range(1, args.sites + 1))
    site = (everyone[0],)  # a daily site: the heaviest single-site pages
    baseline = timed(
        con, [lambda c: metrics.monthly(c, site, Period.year_to_date(last), Measure.VISITORS)], args.runs
    )
    print(
        f"{'baseline (one monthly series)':32} p50 {statistics.median(baseline):7.1f} ms  p95 {p95(baseline):7.1f} ms"
    )
    for page, calls in page_calls(site, everyone, last).items():
        times = timed(con, calls, args.runs)
        print(
            f"{page:32} p50 {statistics.median(times):7.1f} ms  p95 {p95(times):7.1f} ms  "
            f"x{p95(times) / p95(baseline):5.1f} baseline  {'ok' if p95(times) < 300 else 'OVER 300 ms'}"
        )


if __name__ == "__main__":
    main()
