"""The report's HTML printed to an A4 PDF by the system's Chromium, headless: the browser the project
already uses for chart images. No other PDF library: Chromium lays out the HTML, prints CSS @page
margin boxes (page numbers, the marks) and keeps the SVG charts as vectors.

Chromium missing is a clear refusal naming it (`ChromiumMissing`); a print that fails, cannot start or
takes longer than TIMEOUT is `PrintFailed` with a text in the reader's language: never a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from mpp.text.catalogue import t

TIMEOUT = 180  # seconds; a report prints in a few on a quiet machine
FLAGS = (
    "--headless",
    "--no-sandbox",  # runs as root on servers and in CI
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",  # our own footer, from @page
)


class ChromiumMissing(RuntimeError):
    """No Chromium (or Chrome) program to print with."""


class PrintFailed(RuntimeError):
    """The PDF or its charts could not be made (Chromium wrote nothing, failed to start or took too
    long); the message is the catalogue's, in the reader's language."""


def chromium(lang: str = "id") -> str:
    """The program: MPP_CHROMIUM, else chromium / chromium-browser / google-chrome on the PATH."""
    named = os.environ.get("MPP_CHROMIUM")
    found = (
        shutil.which(named)
        if named
        else next(
            (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
        )
    )
    if not found:
        raise ChromiumMissing(t("report_no_chromium", lang))
    return found


def print_pdf(page: str, lang: str = "id") -> bytes:
    """The HTML page as PDF bytes. A fresh profile each time: two prints at once never share one."""
    program = chromium(lang)
    with tempfile.TemporaryDirectory(prefix="mpp-report-") as folder:
        source, target = Path(folder, "laporan.html"), Path(folder, "laporan.pdf")
        source.write_text(page, encoding="utf-8")
        command = [
            program,
            *FLAGS,
            f"--user-data-dir={Path(folder, 'profile')}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as slow:
            raise PrintFailed(t("report_print_slow", lang, seconds=TIMEOUT)) from slow
        except OSError as unstartable:  # not a program, not executable, no memory to start it
            raise PrintFailed(
                t("report_print_failed", lang, why=unstartable.strerror or "-")
            ) from unstartable
        if not target.exists() or target.stat().st_size == 0:
            raise PrintFailed(t("report_print_failed", lang, why=f"exit {done.returncode}"))
        return target.read_bytes()
