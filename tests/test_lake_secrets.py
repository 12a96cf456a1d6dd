"""A lake that cannot be opened says so without its password: not in the message, not in a chained
error a server log would print, not on the command line."""

from __future__ import annotations

import subprocess
import sys
import traceback

import pytest

from mpp.store import db, lake

# No server listens on this socket directory: PostgreSQL's client refuses, and DuckDB's message
# repeats the whole connection string.
SPEC = "ducklake:postgres:dbname=mpp host=/nonexistent/mpp-socket user=mpp password=rahasia-sekali"


def test_an_unreachable_lake_is_refused_without_its_password(tmp_path):
    with pytest.raises(lake.LakeUnavailable) as refused:
        lake.open_lake(SPEC, tmp_path / "data")
    told = "".join(traceback.format_exception(refused.value))
    assert "tidak dapat dibuka" in told and "cannot be opened" in told
    assert "rahasia-sekali" not in told


def test_the_command_line_names_no_password(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "mpp", "summary", "--db", SPEC, "--data-path", str(tmp_path), "--site", "X"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "rahasia-sekali" not in run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert "tidak dapat dibuka" in run.stdout + run.stderr


@pytest.mark.parametrize(
    "spec",
    [
        "ducklake:postgres:dbname=mpp host=db password='rahasia sekali'",
        "ducklake:postgres:postgresql://mpp:rahasia-sekali@db/mpp",
    ],
)
def test_a_store_named_in_a_message_shows_no_password(spec):
    """`mpp init` and `demo` print the store they wrote to: a quoted password or one in a URI too."""
    named = str(db.Store(spec))
    assert "rahasia" not in named and "sekali" not in named and "***" in named
