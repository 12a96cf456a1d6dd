"""A page's write that loses to another write committed first (a setting two offices save at the
same moment) says the store is busy, as a busy store is said, instead of DuckDB's error."""

from __future__ import annotations

import shutil

from streamlit.testing.v1 import AppTest


def _page_saving_a_setting_under_another_writer() -> None:
    import streamlit as st

    from mpp.store import db
    from ui import base

    def save_while_another_saves(con):
        with db.transaction(con):
            con.execute("UPDATE settings SET value = 'ini' WHERE key = 'views_sha256'")
            other = con.cursor()  # another writer of the same store, mid-transaction on that row
            other.execute("BEGIN TRANSACTION")
            other.execute("UPDATE settings SET value = 'itu' WHERE key = 'views_sha256'")

    base.write(save_while_another_saves)
    st.write("tersimpan")


def test_a_write_that_loses_a_conflict_says_the_store_is_busy(empty_store_file, tmp_path, monkeypatch):
    path = tmp_path / "store.duckdb"
    shutil.copy(empty_store_file, path)
    monkeypatch.setenv("MPP_DB", str(path))
    at = AppTest.from_function(_page_saving_a_setting_under_another_writer, default_timeout=120).run()
    assert not at.exception, at.exception
    assert [w.value for w in at.warning] == [
        "Basis data sedang dipakai proses lain; coba muat ulang sebentar lagi."
    ]
    assert "tersimpan" not in [m.value for m in at.markdown]
