"""Screenshots of every page on the demo data, at a laptop's and a phone's size, in both languages:
`python -m tests.screenshots [--out DIR] [--size 1366x768 ...] [--lang id ...] [--theme dark ...]
[--page Ringkasan ...]`. Files are named page_size_lang.png (page_size_lang_dark.png for the dark
theme). An analyst is logged in first, so Unggah, Riwayat and the other analyst pages show their
content, not the login form. Look at them before calling a page done."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.browser_login import submit_login
from tests.live_server import ROOT, chromium_page, streamlit_server, wait_rendered
from ui.navigation import PAGES

SIZES = ("1366x768", "390x844")
LANGS = ("id", "en")
ANALYST = ("layar", "tangkapan-layar-rahasia")


def page_urls(base: str) -> dict[str, str]:
    """Every page of the menu (ui.navigation) by its script's name; the first is the home page at '/'."""
    return {
        Path(script).stem: base + ("/" if index == 0 else f"/{path}")
        for index, (script, _, path) in enumerate(PAGES)
    }


def shot_name(page: str, size: str, lang: str, theme: str = "light") -> str:
    """0_Ringkasan_390x844_en.png; the dark theme adds _dark."""
    return f"{page}_{size}_{lang}{'' if theme == 'light' else '_' + theme}.png"


def _demo_store(folder: Path) -> Path:
    from mpp import demo
    from mpp.access import accounts
    from mpp.store import db

    path = folder / "demo.duckdb"
    with db.connect(path) as con:
        demo.build(con, accounts.COMMAND_LINE)
        accounts.create_user(con, accounts.COMMAND_LINE, ANALYST[0], "admin", ANALYST[1])
    return path


def _log_in(page, base: str) -> None:
    """Log in once on the history page; the login cookie keeps it for every later page load."""
    page.goto(base + "/Riwayat")
    wait_rendered(page, "Pantau MPP")
    submit_login(page, *ANALYST)
    wait_rendered(page, "Riwayat Muatan")


# Streamlit scrolls inside its own container, so a "full page" screenshot is one screen: make the
# window as tall as the content, and draw the fold (the end of the first screen) as a dashed line.
CONTENT_HEIGHT = "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
FOLD = """h => { const line = document.createElement('div');
  line.style.cssText = `position:absolute;top:${h}px;left:0;right:0;border-top:2px dashed red;z-index:999999`;
  document.body.appendChild(line); }"""


def _whole_page(page, width: int, height: int) -> None:
    tall = max(height, min(page.evaluate(CONTENT_HEIGHT), 12000))
    if tall > height:
        page.set_viewport_size({"width": width, "height": tall})
        page.wait_for_timeout(800)  # charts redraw at the new size
    page.evaluate(FOLD, height)


def take(out: Path, sizes, langs, themes, only=()) -> list[Path]:
    """Every page (or only those whose name contains one of `only`) in every size, language and theme."""
    out.mkdir(parents=True, exist_ok=True)
    taken = []
    with tempfile.TemporaryDirectory() as tmp:
        store = _demo_store(Path(tmp))
        with streamlit_server(store) as base, chromium_page() as page:
            _log_in(page, base)
            for theme in themes:
                page.emulate_media(color_scheme=theme)
                for size in sizes:
                    width, height = (int(n) for n in size.split("x"))
                    page.set_viewport_size({"width": width, "height": height})
                    for name, url in page_urls(base).items():
                        if only and not any(o.lower() in name.lower() for o in only):
                            continue
                        for lang in langs:
                            page.goto(f"{url}?lang={lang}")
                            wait_rendered(page, "Pantau MPP")
                            page.wait_for_timeout(1500)  # charts draw after the script finishes
                            path = out / shot_name(name, size, lang, theme)
                            _whole_page(page, width, height)
                            page.screenshot(path=str(path), full_page=True)
                            page.set_viewport_size({"width": width, "height": height})
                            taken.append(path)
                            print(path, flush=True)
    return taken


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", nargs="?", type=Path, default=ROOT / "test-artifacts" / "screenshots")
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT, repeatable (default: both)")
    parser.add_argument("--lang", action="append", choices=LANGS, help="repeatable (default: both)")
    parser.add_argument("--theme", action="append", choices=("light", "dark"), help="default: light")
    parser.add_argument("--page", action="append", default=[], help="part of a page's name, repeatable")
    args = parser.parse_args(argv)
    take(args.out_dir, args.size or SIZES, args.lang or LANGS, args.theme or ["light"], args.page)


if __name__ == "__main__":
    main()
