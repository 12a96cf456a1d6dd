"""How long a refused login takes for a name that exists and for one that does not: the two must
be alike, or the answer's timing tells an attacker which names exist (issue 10, item 9). Also a
login that succeeds, as the baseline measured in the same run.

    .venv/bin/python bench/bench_login.py --runs 15

Each run makes its attempts from a new client address, so throttling never cuts one short. We print
p50 and p95 in milliseconds and the ratio of each p50 to the baseline's.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mpp.access import accounts
from mpp.store import db

CASES = {
    "berhasil (baseline)": ("ana", "rahasia-sekali"),
    "nama ada, sandi salah": ("ana", "salah"),
    "nama tidak ada": ("tidak-ada", "salah"),
}


def attempt_ms(con: duckdb.DuckDBPyConnection, name: str, password: str, client: str) -> float:
    start = time.perf_counter()
    with contextlib.suppress(accounts.LoginRefused):
        accounts.authenticate(con, name, password, client)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder, db.connect(Path(folder) / "login.duckdb") as con:
        accounts.create_user(con, accounts.COMMAND_LINE, "ana", "analyst", "rahasia-sekali")
        times = {case: [] for case in CASES}
        for run in range(runs):  # interleaved, so a busy moment hits every case alike
            for i, (case, (name, password)) in enumerate(CASES.items()):
                times[case].append(attempt_ms(con, name, password, f"10.{run}.{i}.1"))
    base = statistics.median(times["berhasil (baseline)"])
    for case, values in times.items():
        p50, p95 = statistics.median(values), statistics.quantiles(values, n=20)[-1]
        print(f"{case:<24} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  p50/baseline {p50 / base:.2f}")


if __name__ == "__main__":
    main()
