"""The shared store (DuckLake on PostgreSQL) against the embedded DuckDB file, side by side in one run.

    .venv/bin/python bench/bench_lake.py            # 50, 100 and 500 sites x 40 agencies x 10 years (~10 min on a quiet machine)
    .venv/bin/python bench/bench_lake.py --quick    # 5 and 10 sites, 3 runs, 2 writers: a few minutes

A throwaway PostgreSQL cluster is started for the run (tests/lake.py's Cluster: initdb in a temporary
folder, a Unix socket only) and stopped at the end. For each store size the same figures are written
into a DuckDB file and into a lake, straight into the real schema's tables with INSERT ... SELECT
(monthly service visits per site, agency and month; people entering per site and month; for a tenth
of the sites the last `--daily-years` years at day grain with walk-in/online channels), under one row
of the ledger so the public views see them. Then:

- pages: each page's core calls (bench_pages.page_calls: the functions the pages call through
  ui.read) on one read-only connection, for one site and for all sites, the file and the lake
  taking turns, warmed once then timed `--runs` times or until `--budget` seconds have passed (at
  least once): p50 and p95, lake against file; and opening a read-only connection (ui.read opens
  one per uncached call). A chart of the page times against the number of sites goes to
  bench/results/lake_vs_file.png (and .svg).
- writers: `--writers` processes at once, each `python -m loaders ingest` of `--files` yearly recaps
  of its own regency, into the largest lake and then into the largest file (which serialises them on
  its lock): loads per minute, and the conflicts, retries and failures the writers printed.
- `python -m mpp lake push` of the demo store into a new lake, when this checkout has the command.

The machine is shared (other processes run beside us): compare the ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import plotly.graph_objects as go

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pages import DAILY, LAST_MONTH, MONTHLY, VISITORS, p95, page_calls

from mpp.period import Measure, Period
from mpp.report import charts
from mpp.store import db, lake
from mpp.visits import metrics
from tests import layout_files
from tests.lake import Cluster, postgres_bin

RESULTS = ROOT / "bench" / "results"
# The writers' regencies: real names, so the loader names each site from its recap's title.
REGENCIES = (
    "PASER",
    "BERAU",
    "KUTAI BARAT",
    "MAHAKAM ULU",
    "BULUNGAN",
    "NUNUKAN",
    "MALINAU",
    "TANA TIDUNG",
    "PENAJAM PASER UTARA",
    "KUTAI TIMUR",
)
RECAP_AGENCIES = ("Disdukcapil", "DPMPTSP", "Samsat", "Imigrasi", "BPJS Kesehatan", "Kepolisian", "PDAM")


# ---- the stores -----------------------------------------------------------------------------------


def advance(con: duckdb.DuckDBPyConnection, sequence: str, count: int) -> int:
    """Take `count` ids of an id sequence at once (the store's own: DuckDB's in a file, PostgreSQL's
    beside a lake); returns the first. Later loads then get ids after ours, as after a real load."""
    first = lake.next_id(con, sequence)
    rest = f"SELECT max(nextval({lake.literal(sequence)})) AS id FROM generate_series(1, {count - 1})"
    if count > 1:
        if lake.on_lake(con):
            con.execute(f"SELECT * FROM postgres_query({lake.literal(lake.CATALOG)}, {lake.literal(rest)})")
        else:
            con.execute(f"SELECT max(nextval({lake.literal(sequence)})) FROM range({count - 1})").fetchall()
    return first


def build(con: duckdb.DuckDBPyConnection, sites: int, agencies: int, years: int, daily_years: int) -> None:
    """The benchmark's figures in an empty store (schema and seed lists), the same SQL on both kinds,
    ids from the store's sequences and one loaded row in the ledger for all of them."""
    load_id = advance(con, "load_ids", 1)
    first_site = advance(con, "site_ids", sites)
    first_agency = advance(con, "agency_ids", agencies)
    first_daily = date(LAST_MONTH.year - daily_years + 1, 1, 1)
    with db.transaction(con):
        con.execute(
            "INSERT INTO loads (load_id, file_name, sha256, layout, measure, period_from, period_to, "
            "loaded_by, loaded_at, status) VALUES ($id, 'bench', 'bench', 'bench', 'mixed', $first, "
            "$last, 'system', current_timestamp, 'loaded')",
            {"id": load_id, "first": date(LAST_MONTH.year - years + 1, 1, 1), "last": LAST_MONTH},
        )
        con.execute(_SITES, {"n": sites, "first": first_site})
        con.execute(
            "INSERT INTO agencies (agency_id, name, level) SELECT $first + i - 1, 'Instansi Bench ' || "
            "lpad(CAST(i AS VARCHAR), 2, '0'), 'lainnya' FROM range(1, $n + 1) t(i)",
            {"n": agencies, "first": first_agency},
        )
        params = {
            "years": years,
            "last": LAST_MONTH,
            "daily_sites": first_site + daily_sites(sites) - 1,
            "first_daily": first_daily,
            "load": load_id,
        }
        for statement in (MONTHLY, DAILY, VISITORS):
            con.execute(statement, {k: v for k, v in params.items() if f"${k}" in statement})
    if not lake.on_lake(con):
        con.execute("CHECKPOINT")


def daily_sites(sites: int) -> int:
    return max(1, sites // 10)


_SITES = """
INSERT INTO sites (site_id, name, kind, kabupaten_kota, kecamatan, timezone, working_days_per_week,
                   parent_site_id)
SELECT $first + i - 1, 'MPP Bench ' || lpad(CAST(i AS VARCHAR), 3, '0'),
       CASE WHEN i % 5 = 0 THEN 'mini_mpp' ELSE 'mpp' END, 'Kabupaten ' || CAST((i - 1) // 5 AS VARCHAR),
       'Kecamatan ' || CAST(i AS VARCHAR), 'Asia/Jakarta', CASE WHEN i % 3 = 0 THEN 6 ELSE 5 END,
       CASE WHEN i % 5 = 0 THEN $first + i - 2 END
FROM range(1, $n + 1) t(i)
"""


@dataclass
class Stores:
    sites: int
    file: Path
    lake: str
    data: Path


def make_stores(cluster: Cluster, tmp: Path, sites: int, args) -> tuple[Stores, dict[str, float]]:
    file, data = tmp / f"bench-{sites}.duckdb", tmp / f"lake-{sites}"
    spec = cluster.new_store(data)
    seconds = {}
    for kind, where in (("file", str(file)), ("lake", spec)):
        with db.connect(where, data_path=data) as con:
            start = time.perf_counter()
            build(con, sites, args.agencies, args.years, args.daily_years)
            seconds[kind] = time.perf_counter() - start
    return Stores(sites, file, spec, data), seconds


# ---- page queries ---------------------------------------------------------------------------------


def timed(calls: dict[str, Callable[[], object]], runs: int, budget: float) -> dict[str, list[float]]:
    """kind -> times in ms of one call, the kinds taking turns (a busy machine slows both alike).
    Each is warmed once (file pages in memory, the lake's catalog read, query plans, holiday
    tables), then timed `runs` times, or fewer once `budget` seconds have passed (at least once:
    a row whose single round takes longer than the budget is timed once, and says so in `runs`)."""
    for call in calls.values():
        call()
    times: dict[str, list[float]] = {kind: [] for kind in calls}
    began = time.perf_counter()
    for _ in range(runs):
        for kind, call in calls.items():
            start = time.perf_counter()
            call()
            times[kind].append((time.perf_counter() - start) * 1000)
        if time.perf_counter() - began > budget:
            break
    return times


def page_times(stores: Stores, runs: int, budget: float) -> dict[str, dict[str, list[float]]]:
    """row -> kind -> times in ms: opening a read-only connection, one small query, then each page
    for one site and for all sites."""
    everyone = tuple(f"MPP Bench {i:03d}" for i in range(1, stores.sites + 1))
    one = (everyone[0],)  # a daily site: the heaviest single-site pages
    places = {"file": str(stores.file), "lake": stores.lake}

    def opener(where: str):
        def open_and_close():
            with db.connect(where, read_only=True, data_path=stores.data) as con:
                con.execute("SELECT 1").fetchall()

        return open_and_close

    rows = {"open a read-only connection": timed({k: opener(w) for k, w in places.items()}, runs, budget)}
    show(rows)
    with (
        db.connect(places["file"], read_only=True) as file,
        db.connect(places["lake"], read_only=True, data_path=stores.data) as on_lake,
    ):
        cons = {"file": file, "lake": on_lake}
        ytd = Period.year_to_date(LAST_MONTH)
        small = {k: (lambda c=c: metrics.monthly(c, one, ytd, Measure.VISITORS)) for k, c in cons.items()}
        rows["one monthly series (one query)"] = timed(small, runs, budget)
        show(rows)
        for scope, chosen in (("one site", one), ("all sites", everyone)):
            for page, calls in page_calls(chosen, everyone, LAST_MONTH).items():
                if page.startswith("Semua lokasi"):  # the all-sites row below is the same call
                    continue
                rounds = {k: (lambda c=c, calls=calls: [call(c) for call in calls]) for k, c in cons.items()}
                rows[f"{page}, {scope}"] = timed(rounds, runs, budget)
                show(rows)
    return rows


def show(rows: dict[str, dict[str, list[float]]]) -> None:
    """The row just measured, as a line of the Markdown table."""
    name, times = list(rows.items())[-1]
    file, on_lake = times["file"], times["lake"]
    print(
        f"| {name} | {statistics.median(file):,.0f} | {p95(file):,.0f} | {statistics.median(on_lake):,.0f} "
        f"| {p95(on_lake):,.0f} | {p95(on_lake) / p95(file):,.1f}x | {len(file)} |",
        flush=True,
    )


# ---- concurrent writers ---------------------------------------------------------------------------


def write_recaps(folder: Path, writers: int, files: int) -> list[list[Path]]:
    """Each writer's yearly recaps: its own regency (named in the title), `files` years."""
    folder.mkdir(parents=True, exist_ok=True)
    per_writer = []
    for w, regency in enumerate(REGENCIES[:writers]):
        mine = []
        for year in range(2025 - files + 1, 2026):
            figures = {a: [200 + 13 * w + 7 * i + m for m in range(12)] for i, a in enumerate(RECAP_AGENCIES)}
            title = f"REKAPITULASI PENGUNJUNG MAL PELAYANAN PUBLIK KABUPATEN {regency} TAHUN {year}"
            path = folder / f"{regency.lower().replace(' ', '_')}_{year}.xlsx"
            path.write_bytes(layout_files.yearly_recap(figures, title=title))
            mine.append(path)
        per_writer.append(mine)
    return per_writer


@dataclass
class WriterRun:
    seconds: float
    landed: int
    refused: int
    failed_processes: int
    conflicts: int  # DuckLake's own conflict messages that reached the output
    retried: int  # loads tried more than once
    retries: int  # the extra tries, over all loads

    @property
    def per_minute(self) -> float:
        return self.landed / self.seconds * 60


def run_writers(where: str, data: Path, files: list[list[Path]]) -> WriterRun:
    """Every writer at once, each one process ingesting its files; waits for all."""
    env = {**os.environ, "MPP_DATA_PATH": str(data), "MPP_LOCK_WAIT": "900"}
    start = time.perf_counter()
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "loaders", "ingest", *map(str, mine), "--db", where],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for mine in files
    ]
    outputs = [child.communicate(timeout=1800)[0] for child in children]
    seconds = time.perf_counter() - start
    text = "\n".join(outputs)
    # A load that lost to another office's commit and ran again says so in its notes ("dicoba N
    # kali"), as does a load refused after the last try (counted in `refused` too).
    tries = [int(n) for n in re.findall(r"dicoba (\d+) kali", text)]
    return WriterRun(
        seconds=seconds,
        landed=text.count("DITAMBAHKAN"),
        refused=text.count("DITOLAK"),
        failed_processes=sum(child.returncode != 0 for child in children),
        conflicts=len(re.findall(r"conflict", text, re.I)),
        retried=len(tries),
        retries=sum(tries) - len(tries),
    )


def landed_once(where: str, data: Path, writers: int) -> bool:
    """Every writer's site has exactly its files' loads, each once."""
    names = [f"MPP Kabupaten {r.title()}" for r in REGENCIES[:writers]]
    with db.connect(where, read_only=True, data_path=data) as con:
        rows = con.execute(
            "SELECT site, count(*), count(DISTINCT sha256) FROM loads WHERE status = 'loaded' "
            "AND site IN (SELECT unnest($names)) GROUP BY site",
            {"names": names},
        ).fetchall()
    return len(rows) == writers and all(count == distinct for _, count, distinct in rows)


# ---- lake push --------------------------------------------------------------------------------------


def push_available() -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "mpp", "lake", "push", "--help"], cwd=ROOT, capture_output=True, timeout=120
    )
    return done.returncode == 0


def time_push(cluster: Cluster, tmp: Path) -> tuple[float, float] | None:
    """Seconds for the first push of the demo store into a new lake and for a second (nothing new);
    None when this checkout has no `lake push` yet."""
    if not push_available():
        return None
    demo, data = tmp / "demo.duckdb", tmp / "push-lake"
    subprocess.run(
        [sys.executable, "-m", "mpp", "demo", "--db", str(demo)], cwd=ROOT, check=True, capture_output=True
    )
    spec = cluster.new_store(data)
    command = [sys.executable, "-m", "mpp", "lake", "push", "--from", str(demo), "--to", spec]
    seconds = []
    for _ in range(2):
        start = time.perf_counter()
        subprocess.run([*command, "--data-path", str(data)], cwd=ROOT, check=True, capture_output=True)
        seconds.append(time.perf_counter() - start)
    return seconds[0], seconds[1]


# ---- the run --------------------------------------------------------------------------------------


def start_cluster() -> Cluster:
    bin_dir = postgres_bin()
    if bin_dir is None:
        sys.exit("PostgreSQL (initdb, pg_ctl) not found: apt-get install postgresql")
    # PostgreSQL refuses to run as root: then as Debian's `postgres` user, as tests/lake.py does.
    cluster = Cluster(
        bin_dir, Path(tempfile.mkdtemp(prefix="mpp-pg-")), "postgres" if os.geteuid() == 0 else None
    )
    cluster.start()
    return cluster


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 and 10 sites, 3 runs, 2 writers, 1 s per row")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=None)
    for name, default in (("agencies", 40), ("years", 10), ("daily-years", 3), ("runs", 10)):
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--files", type=int, default=2, help="yearly recaps per writer")
    parser.add_argument(
        "--budget", type=float, default=5.0, help="seconds of timed runs per row (at least one run)"
    )
    parser.add_argument("--no-chart", action="store_true")
    parser.add_argument(
        "--no-pages",
        action="store_true",
        help="only the writers and the push, into a store of the largest size",
    )
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.runs, args.writers, args.files, args.budget = args.sizes or [5, 10], 3, 2, 1, 1.0
    sizes = args.sizes or [50, 100, 500]
    if args.no_pages:
        sizes = sizes[-1:]
    assert args.writers <= len(REGENCIES), f"at most {len(REGENCIES)} writers"
    began = time.perf_counter()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))  # still stop the cluster
    cluster = start_cluster()
    tmp = Path(tempfile.mkdtemp(prefix="mpp-lakebench-"))
    try:
        run(cluster, tmp, sizes, args)
    finally:
        cluster.stop()
        shutil.rmtree(cluster.root, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nwhole run {time.perf_counter() - began:,.0f} s")


def run(cluster: Cluster, tmp: Path, sizes: list[int], args) -> None:
    print(
        f"# {date.today()}, DuckDB {duckdb.__version__}, {os.cpu_count()} cores (shared), "
        f"{args.agencies} agencies x {args.years} years monthly, a tenth of the sites daily for "
        f"{args.daily_years} years, {args.runs} runs"
    )
    by_size: dict[int, dict[str, dict[str, dict[str, list[float]]]]] = {}
    stores = None
    for sites in sizes:
        stores, seconds = make_stores(cluster, tmp, sites, args)
        with db.connect(str(stores.file), read_only=True) as con:
            rows = con.execute("SELECT count(*) FROM service_visits").fetchall()[0][0]
        print(
            f"\n## {sites} sites: service_visits {rows:,} rows; written in {seconds['file']:.1f} s (file), "
            f"{seconds['lake']:.1f} s (lake)\n"
        )
        if not args.no_pages:
            print("| ms | file p50 | file p95 | lake p50 | lake p95 | lake/file p95 | runs |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            by_size[sites] = page_times(stores, args.runs, args.budget)
    if by_size and not args.no_chart:
        chart(by_size, "lake_vs_file_quick" if args.quick else "lake_vs_file")
    assert stores is not None
    writers(stores, tmp, args)
    pushed = time_push(cluster, tmp)
    if pushed is None:
        print("\nlake push of the demo store: not available (no `python -m mpp lake push` in this checkout)")
    else:
        print(
            f"\nlake push of the demo store: first {pushed[0]:.1f} s, again (nothing new) {pushed[1]:.1f} s"
        )


def writers(stores: Stores, tmp: Path, args) -> None:
    files = write_recaps(tmp / "recaps", args.writers, args.files)
    print(
        f"\n## {args.writers} writers at once, {args.files} yearly recaps each, into the {stores.sites}-site "
        "stores\n"
    )
    print(
        "| store | loads | seconds | loads per minute | each once | refused | failed processes "
        "| conflict messages | loads retried | retries |"
    )
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for kind, where in (("lake", stores.lake), ("file", str(stores.file))):
        done = run_writers(where, stores.data, files)
        once = landed_once(where, stores.data, args.writers)
        print(
            f"| {kind} | {done.landed} | {done.seconds:.1f} | {done.per_minute:.1f} | {'yes' if once else 'NO'} "
            f"| {done.refused} | {done.failed_processes} | {done.conflicts} | {done.retried} | {done.retries} |",
            flush=True,
        )


def chart(by_size: dict[int, dict[str, dict[str, dict[str, list[float]]]]], name: str) -> None:
    """p50 of a whole page round (every page's calls once) against the number of sites."""
    sizes = sorted(by_size)
    fig = go.Figure()
    for kind, dash in (("file", "dot"), ("lake", "solid")):
        for scope, colour in (("one site", "#1f77b4"), ("all sites", "#d62728")):
            totals = [
                sum(statistics.median(t[kind]) for name, t in by_size[s].items() if name.endswith(scope))
                for s in sizes
            ]
            fig.add_trace(
                go.Scatter(
                    x=sizes,
                    y=totals,
                    mode="lines+markers",
                    name=f"{kind}, {scope}",
                    line={"dash": dash, "color": colour},
                )
            )
    fig.update_layout(
        title="Every page's queries once (p50 sum, ms) against the number of sites",
        xaxis_title="sites in the store",
        yaxis_title="ms",
        yaxis_type="log",
        xaxis={"tickvals": sizes, "type": "log"},
    )
    RESULTS.mkdir(exist_ok=True)
    svg, png = charts.draw([(fig, 420)])[0]
    (RESULTS / f"{name}.svg").write_text(svg, encoding="utf-8")
    (RESULTS / f"{name}.png").write_bytes(png)
    print(f"\nchart: {RESULTS / name}.png")


if __name__ == "__main__":
    main()
