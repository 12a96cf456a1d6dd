"""Screenshots of every page on the demo data: `python -m tests.screenshots [OUT_DIR]`.
Look at them before calling a page done."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered
from ui.navigation import PAGES


def page_urls(base: str) -> dict[str, str]:
    """Every page of the menu (ui.navigation) by its script's name; the first is the home page at '/'."""
    return {
        Path(script).stem: base + ("/" if index == 0 else f"/{path}")
        for index, (script, _, path) in enumerate(PAGES)
    }


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    from mpp import demo
    from mpp.access.accounts import COMMAND_LINE
    from mpp.store import db

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.duckdb"
        with db.connect(path) as con:
            demo.build(con, COMMAND_LINE)
        with streamlit_server(path) as base, chromium_page(height=2400) as page:
            for name, url in page_urls(base).items():
                page.goto(url)
                wait_rendered(page, "Pantau MPP")
                page.wait_for_timeout(1500)  # charts draw after the script finishes
                page.screenshot(path=str(out / f"{name}.png"), full_page=True)
                print(out / f"{name}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "test-artifacts" / "screenshots"))
