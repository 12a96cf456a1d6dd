"""The dashboard over a damaged store: the message that says which file and how to restore it."""

import hashlib
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.live_server import ROOT


def test_a_damaged_store_is_named_on_the_page_with_how_to_restore_it(demo_db, monkeypatch):
    data = bytearray(demo_db.read_bytes())
    data[:4096] = bytes(4096)  # the header zeroed: not DuckDB any more
    damaged = demo_db.with_name("rusak.duckdb")  # a path no earlier test made ready
    damaged.write_bytes(bytes(data))
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    monkeypatch.setenv("MPP_DB", str(damaged))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert f"Berkas basis data {damaged} rusak" in shown
    assert "python -m mpp backup" in shown
    assert not at.metric  # no figures from a store we cannot trust
    assert hashlib.sha256(Path(damaged).read_bytes()).hexdigest() == before
