"""Migration 006, second half (db.upgrade runs it after 006_personal_data.sql, in the same
transaction): delete the originals kept before the rule that files with personal data keep none.
Exact: each kept file is read again by the loaders' reader, and its original is deleted when that
reader finds personal data (a personal column dropped, or a NIK or mobile number under any header:
loaders.read.personal_data_reason), or cannot read it at all (nothing kept unchecked)."""

from __future__ import annotations

import duckdb

UNREADABLE = "tidak dapat dibaca ulang"


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    from loaders.model import FileRefused
    from loaders.read import personal_data_reason
    from loaders.read_guarded import read_file_guarded

    for sha256, name in con.execute("SELECT sha256, file_name FROM originals").fetchall():
        content = con.execute("SELECT content FROM originals WHERE sha256 = ?", [sha256]).fetchall()[0][0]
        # Guarded (a child process under memory and time limits, 0,3-1 s each, once per store): this
        # runs in whichever process opens the store first, the dashboard's included, and a file
        # kept before the guard existed must not take that process down on every start.
        try:
            reason = personal_data_reason(read_file_guarded(None, bytes(content), name=name))
        except (FileRefused, Exception):
            reason = UNREADABLE  # cannot be checked, so it is not kept
        if reason:
            con.execute("DELETE FROM originals WHERE sha256 = ?", [sha256])
            con.execute("UPDATE loads SET original_withheld = ? WHERE sha256 = ?", [reason, sha256])
