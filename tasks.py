#!/usr/bin/env python3
"""Set up and run Pantau MPP with nothing but Python 3.11 installed.

    python3 tasks.py run     virtual environment + pinned requirements + demo database when none
                             exists, then the dashboard on http://localhost:8501
    python3 tasks.py test    the same environment + test requirements + Debian's Chromium and
                             PostgreSQL (installed when missing and we are root), then lint (ruff check, ruff format
                             --check) and types (mypy), each stopping at its first finding, then the
                             whole test suite (pytest)

Windows: `py tasks.py run` and `py tasks.py test` work the same (Chromium: see README).
Extra arguments after `test` go to pytest, e.g. `python3 tasks.py test -k fmt`; the fast subset is
`python3 tasks.py test -m "not browser and not apptest and not slow"`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PORT = "8501"


def say(text: str) -> None:
    print(f"[pantau-mpp] {text}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def apt_install(*packages: str) -> bool:
    """Install Debian packages when we may (root with apt-get); False when we may not."""
    if not (is_root() and shutil.which("apt-get")):
        return False
    say(f"apt-get install {' '.join(packages)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)
    return True


def ensure_venv() -> None:
    if venv_python().exists():
        return
    say(f"creating the virtual environment in {VENV}")
    if subprocess.run([sys.executable, "-m", "venv", str(VENV)]).returncode == 0:
        return
    # Debian ships venv without ensurepip until python3-venv is installed.
    shutil.rmtree(VENV, ignore_errors=True)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
    if not apt_install("python3-venv", version):
        sys.exit("Cannot create a virtual environment: run `sudo apt-get install python3-venv` first.")
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)


def ensure_requirements(file: str) -> None:
    """pip install -r FILE, skipped when FILE (and what it includes) is unchanged since last time."""
    text = "".join((ROOT / f).read_text() for f in ("requirements.txt", file))
    stamp = VENV / f".installed-{file}"
    digest = hashlib.sha256(text.encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    say(f"installing {file}")
    subprocess.run(
        [
            str(venv_python()),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "-q",
            "-r",
            str(ROOT / file),
        ],
        check=True,
    )
    stamp.write_text(digest)


def ensure_chromium() -> None:
    """Browser tests drive Debian's Chromium (never a downloaded browser build)."""
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        return
    if apt_install("chromium"):
        return
    say(
        "Chromium is missing and cannot be installed from here (not root, or no apt-get). "
        "Browser tests will be skipped; install it with `sudo apt-get install -y chromium`."
    )


def ensure_postgresql() -> None:
    """The shared-store tests (tests/test_lake.py) start a throwaway cluster from Debian's
    PostgreSQL binaries (initdb, pg_ctl)."""
    if shutil.which("initdb") or list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        return
    if apt_install("postgresql"):
        return
    say(
        "PostgreSQL is missing and cannot be installed from here (not root, or no apt-get). "
        "The shared-store tests will be skipped; install it with `sudo apt-get install -y postgresql`."
    )


def run() -> int:
    ensure_venv()
    ensure_requirements("requirements.txt")
    python = str(venv_python())
    subprocess.run([python, "-m", "mpp", "init", "--demo-if-new"], cwd=ROOT, check=True)
    say(f"starting the dashboard on http://localhost:{PORT}")
    return subprocess.call(
        [python, "-m", "streamlit", "run", "dashboard.py", "--server.port", PORT], cwd=ROOT
    )


# Run before the tests, in this order; the first that finds anything stops the run (fix, then rerun).
CHECKS = (
    (("ruff", "check", "."), "ruff check found problems above; `ruff check --fix .` fixes many"),
    (("ruff", "format", "--check", "."), "files are not formatted; `ruff format .` formats them"),
    (("mypy",), "mypy found type errors above (its files are listed in pyproject.toml)"),
)


def checks_pass() -> bool:
    """Lint and types before pytest, so CI fails on them as on a failing test."""
    for command, advice in CHECKS:
        say(" ".join(command))
        if subprocess.call([str(venv_python()), "-m", *command], cwd=ROOT) != 0:
            say(f"stopped before the tests: {advice}.")
            return False
    return True


def test(args: list[str]) -> int:
    ensure_venv()
    ensure_requirements("requirements-dev.txt")
    ensure_chromium()
    ensure_postgresql()
    if not checks_pass():
        return 1
    return subprocess.call([str(venv_python()), "-m", "pytest", *args], cwd=ROOT)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (run by the system's python3, which may be older)
        sys.exit("Pantau MPP needs Python 3.11 or newer.")
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    return run() if argv[0] == "run" else test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
