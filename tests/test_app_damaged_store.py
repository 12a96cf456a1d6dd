"""The dashboard over a damaged store: the message that says which file and how to restore it."""

import hashlib
from pathlib import Path


def test_a_damaged_store_is_named_on_the_page_with_how_to_restore_it(demo_db, open_app):
    data = bytearray(demo_db.read_bytes())
    data[:4096] = bytes(4096)  # the header zeroed: not DuckDB any more
    damaged = demo_db.with_name("rusak.duckdb")  # a path no earlier test made ready
    damaged.write_bytes(bytes(data))
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    at = open_app(damaged).run()
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert f"Berkas basis data {damaged} rusak" in shown
    assert "python -m mpp backup" in shown
    assert not at.metric  # no figures from a store we cannot trust
    assert hashlib.sha256(Path(damaged).read_bytes()).hexdigest() == before
