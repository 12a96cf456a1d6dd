"""The monthly report's command as an operator runs it (issue 15, review fixes): the schedule skips a
set whose figures were undone and writes the others; a print that fails, cannot start or takes too
long is a message in the reader's language, never a traceback; the store is not held while the
browsers draw and print; English reports write English numbers in text, tables and charts alike,
Indonesian ones Indonesian numbers; the letterhead is saved whole or not at all."""

from __future__ import annotations

import re
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest

from mpp.__main__ import main
from mpp.access.accounts import COMMAND_LINE
from mpp.report import letterhead as heads
from mpp.report import pdf
from mpp.report.files import read_manifest, write_report
from mpp.store import db
from mpp.store.history import undo_load

BALIKPAPAN, KUTAI = "MPP Kota Balikpapan", "MPP Kabupaten Kutai Kartanegara"
OCTOBER_LOAD = 8  # the demo's load of Balikpapan's October 2025 (provisional: 26 of 27 agencies)
NOW = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# A figure written the Indonesian way (41.481; 24,8) or the English way (41,481; 24.8). Times of day
# ('14.00 WITA') are not figures and are left out before looking.
INDONESIAN = re.compile(r"\d\.\d{3}(?!\d)|\d,\d{1,2}(?!\d)")
ENGLISH = re.compile(r"\d,\d{3}(?!\d)|\d\.\d{1,2}(?!\d)")
TIME = re.compile(r"\b\d{1,2}[.:]\d{2} (?:WIB|WITA|WIT)\b")


def pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return TIME.sub("", re.sub(r"\s+", " ", text))


def program(folder: Path, name: str, body: str) -> Path:
    """A small shell program standing in for Chromium (the operator's MPP_CHROMIUM)."""
    path = folder / name
    path.write_text(body, encoding="utf-8")
    path.chmod(0o755)
    return path


def report(store: Path, out: Path, *more: str) -> int:
    return main(["report", "--db", str(store), "--out", str(out), *more])


@pytest.mark.slow
def test_the_schedule_skips_a_set_whose_loads_were_undone_and_writes_the_others(demo_db, tmp_path, capsys):
    out = tmp_path / "laporan"
    with db.connect(demo_db, read_only=True) as con:
        first = write_report(con, [BALIKPAPAN], date_of("2025-10"), out, now=NOW)
    assert read_manifest(out)[first.stem]["complete"] is False
    with db.connect(demo_db) as con:  # the October load was a mistake: undone
        undo_load(con, COMMAND_LINE, OCTOBER_LOAD)

    code = report(demo_db, out, "--every-month", "5", "--today", "2025-11-05")
    said = capsys.readouterr()
    assert code == 0 and "Traceback" not in said.err
    assert f"{first.stem}: skipped: Tidak ada angka untuk {BALIKPAPAN} pada Oktober 2025." in said.out
    assert "laporan-mpp-kabupaten-kutai-kartanegara-2025-10: written" in said.out
    assert (out / "laporan-mpp-kabupaten-kutai-kartanegara-2025-10.pdf").exists()
    assert (out / f"{first.stem}.pdf").exists()  # the earlier report stays as it was


@pytest.mark.slow
def test_a_print_that_fails_or_takes_too_long_is_a_message_in_the_readers_language(
    demo_db_file, tmp_path, capsys, monkeypatch
):
    unstartable = program(tmp_path, "broken-chromium", "#!/no/such/interpreter\n")
    monkeypatch.setenv("MPP_CHROMIUM", str(unstartable))
    code = report(demo_db_file, tmp_path / "a", "--site", BALIKPAPAN, "--month", "2025-09", "--lang", "en")
    said = capsys.readouterr().err
    assert code == 1 and "Traceback" not in said
    assert "laporan-mpp-kota-balikpapan-2025-09-en: failed: Chromium wrote no PDF (" in said

    monkeypatch.setenv("MPP_CHROMIUM", str(program(tmp_path, "slow-chromium", "#!/bin/sh\nsleep 30\n")))
    monkeypatch.setattr(pdf, "TIMEOUT", 2)
    code = report(demo_db_file, tmp_path / "b", "--site", BALIKPAPAN, "--month", "2025-09")
    said = capsys.readouterr().err
    assert code == 1
    assert "failed: Mencetak PDF memakan lebih dari 2 detik dan dihentikan." in said
    assert not (tmp_path / "b").exists() or not list((tmp_path / "b").glob("*.pdf"))


@pytest.mark.slow
def test_the_store_is_free_for_uploads_while_the_report_is_drawn_and_printed(
    demo_db, tmp_path, capsys, monkeypatch
):
    # Chromium as the operator might wrap it: before printing, a loader opens the store to write.
    marker = tmp_path / "opened-for-writing"
    writer = f"import duckdb; duckdb.connect({str(demo_db)!r}).close(); open({str(marker)!r}, 'w').close()"
    wrapped = program(
        tmp_path, "chromium", f'#!/bin/sh\n{sys.executable} -c "{writer}" || exit 9\nexec {CHROMIUM} "$@"\n'
    )
    monkeypatch.setenv("MPP_CHROMIUM", str(wrapped))
    code = report(demo_db, tmp_path / "out", "--site", BALIKPAPAN, "--month", "2025-09")
    said = capsys.readouterr()
    assert code == 0, said.err
    assert marker.exists()
    assert (tmp_path / "out" / "laporan-mpp-kota-balikpapan-2025-09.pdf").exists()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_report_writes_numbers_in_its_language_in_text_tables_and_charts(demo_db_file, tmp_path, lang):
    with db.connect(demo_db_file, read_only=True) as con:
        written = write_report(con, [BALIKPAPAN], date_of("2025-09"), tmp_path, lang, now=NOW)
    text = pdf_text(tmp_path / f"{written.stem}.pdf")
    if lang == "en":
        # the year to date (text), Disdukcapil's visits and share (table and the agencies chart)
        assert "41,481" in text and "+92.3%" in text and "11,315" in text and "24.8%" in text
        assert INDONESIAN.findall(text) == []
    else:
        assert "41.481" in text and "+92,3%" in text and "11.315" in text and "24,8%" in text
        assert ENGLISH.findall(text) == []


def test_the_letterhead_is_saved_whole_or_not_at_all(demo_db):
    with db.connect(demo_db) as con:
        heads.set_letterhead(con, COMMAND_LINE, "DPMPTSP Lama", "Jalan Lama 1")
        other = con.cursor()  # a second admin saving at the same moment
        other.execute("BEGIN TRANSACTION")
        db.set_setting(other, "letterhead_address", "Jalan Lain 2")  # as set_letterhead writes it
        with pytest.raises(Exception, match="Conflict"):
            heads.set_letterhead(con, COMMAND_LINE, "DPMPTSP Baru", "Jalan Baru 3")
        other.execute("ROLLBACK")
        kept = heads.letterhead(con)
    assert (kept.name, kept.address) == ("DPMPTSP Lama", "Jalan Lama 1")  # never a new name, old address


def date_of(month: str):
    return datetime.strptime(month, "%Y-%m").date()
