"""Migration 006, second half (db.upgrade runs it after 006_personal_data.sql, in the same
transaction): delete the originals kept before the rule that files with personal-data columns keep
none. Exact: each kept file is read again by the same reader that loaded it, and its original is
deleted when that reader drops a personal column (what the load note never recorded)."""
from __future__ import annotations


def migrate(con) -> None:
    from loaders.read import read_file           # the loaders' reader, the one that decided then
    from loaders.model import FileRefused
    for sha256, name in con.execute("SELECT sha256, file_name FROM originals").fetchall():
        content = con.execute("SELECT content FROM originals WHERE sha256 = ?", [sha256]).fetchall()[0][0]
        try:
            dropped = read_file(None, bytes(content), name=name).dropped_columns
        except (FileRefused, Exception):         # noqa: B014  not readable now (a reader changed
            continue                             # since): it loaded once, so it stays for audit
        if dropped:
            con.execute("DELETE FROM originals WHERE sha256 = ?", [sha256])
            con.execute("UPDATE loads SET original_withheld = ? WHERE sha256 = ?",
                        [", ".join(dropped), sha256])
