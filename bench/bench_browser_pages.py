"""Every dashboard page in headless Chromium: from navigation to the last chart drawn. "first" is the
first open of the page after the server starts (a full page load); "warm" clicks the page's sidebar
link from the home page, as a person moves between pages (p50/p95). Target (issue 4): warm under
2 s, first open under 5 s.

    .venv/bin/python bench/bench_browser_pages.py                       # the demo store
    .venv/bin/python bench/bench_browser_pages.py --db /tmp/bench.duckdb --site "MPP Bench 001"

(--db takes a copy, so the store given is never written; bench_pages.py --db makes a big one.)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.live_server import chromium_page, streamlit_server
from tests.screenshots import page_urls

ALL_CHARTS_DRAWN = """() => !document.querySelector('[data-testid="stStatusWidget"]')
    && document.querySelector('[data-testid="stMain"] h1, [data-testid="stMain"] input')
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .every(c => c.querySelector('.main-svg'))"""


def open_ms(page, url: str) -> float:
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_timeout(150)  # let the script run start before we look for its end
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=60000, polling=50)
    return (time.perf_counter() - start) * 1000


def navigate_ms(page, name: str) -> float:
    """Click the page's link in the sidebar, as a person moves between pages (no full reload)."""
    before = (
        page.inner_text("[data-testid='stMain'] h1")
        if page.query_selector("[data-testid='stMain'] h1")
        else ""
    )
    start = time.perf_counter()
    page.click(f"[data-testid='stSidebarNav'] a[href$='/{name.split('_', 1)[-1]}']")
    page.wait_for_function(
        """(before) => {
        const h = document.querySelector('[data-testid="stMain"] h1');
        return h && h.innerText !== before; }""",
        arg=before,
        timeout=60000,
        polling=50,
    )
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=60000, polling=50)
    return (time.perf_counter() - start) * 1000


def store(args, tmp: str) -> Path:
    path = Path(tmp) / "pages.duckdb"
    if args.db:
        shutil.copy(args.db, path)
        return path
    from mpp import demo
    from mpp.access.accounts import COMMAND_LINE
    from mpp.store import db

    with db.connect(path) as con:
        demo.build(con, COMMAND_LINE)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--site", default="")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    query = f"?site={quote_plus(args.site)}" if args.site else ""
    with (
        tempfile.TemporaryDirectory() as tmp,
        streamlit_server(store(args, tmp)) as base,
        chromium_page(height=2600) as page,
    ):
        for name, url in list(page_urls(base).items())[1:]:
            try:
                first = open_ms(page, url + query)
                warm = []
                for _ in range(args.runs):
                    open_ms(page, base + "/" + query)  # from the home page...
                    warm.append(navigate_ms(page, name))  # ...to this one via the sidebar
            except Exception as exc:  # a page that never settles (or has no title) is a result
                print(f"{name:22} not measured: {type(exc).__name__}")
                continue
            p95 = sorted(warm)[max(0, round(0.95 * len(warm)) - 1)]
            print(
                f"{name:22} first {first:7.0f} ms   warm p50 {statistics.median(warm):6.0f} ms  "
                f"p95 {p95:6.0f} ms  {'ok' if p95 < 2000 and first < 5000 else 'SLOW'}"
            )


if __name__ == "__main__":
    main()
