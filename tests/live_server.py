"""A real `streamlit run` server on a free local port, and headless Debian Chromium to look at it.
Used by the browser tests and by `python -m tests.screenshots`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url}")


@contextmanager
def streamlit_server(db: Path):
    """Serve dashboard.py on the given database; yields the base URL."""
    port = free_port()
    env = {**os.environ, "MPP_DB": str(db)}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "dashboard.py"),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        # No watching of the source tree: the tests write many files, and the watcher's "inotify
        # queue overflowed" lines are printed by the thousand.
        "--server.fileWatcherType",
        "none",
    ]
    # The server's output goes to a file, never to a pipe nobody reads: a full pipe (64 KB) blocks
    # the server mid-page, and every browser test after it waits on a page that never comes.
    with tempfile.TemporaryDirectory(prefix="mpp-streamlit-") as folder:
        log = Path(folder) / "server.log"
        with open(log, "w") as output:
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, process, log)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@contextmanager
def chromium_page(width: int = 1400, height: int = 1100):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield browser.new_page(viewport={"width": width, "height": height}, locale="id-ID")
        finally:
            browser.close()


def wait_rendered(page, text: str, timeout_ms: int = 60000) -> None:
    """Wait until Streamlit has finished running the script and `text` is on the page."""
    # innerText holds only what is rendered and visible; a text= locator may pick a hidden twin.
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=text, timeout=timeout_ms)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning'",
        timeout=timeout_ms,
    )
