"""Control characters in names (issue 10, item 8): a CSV can carry any byte into an agency, service or
site name. They are dropped on the way in, each reported with its cell, and the press statement's
.docx is written even from a store that already holds such a name."""

from __future__ import annotations

import io
import subprocess
import sys

import docx
import pytest

from loaders.load import ingest
from loaders.normalize import without_controls
from loaders.pipeline import Options
from mpp.access.accounts import COMMAND_LINE
from mpp.press.statement import press_release_for, to_docx
from mpp.reference.agencies import ensure_agency
from mpp.store import db
from tests.live_server import ROOT

SITE = "MPP Kota Samarinda"
# A daily CSV: BEL inside a known agency, ESC after a new one, a vertical tab between its words,
# a NUL-free C1 control (U+0085 NEL) in a service.
CSV = (
    "Tanggal;Instansi;Layanan;Jumlah\r\n"
    "02/01/2025;Disduk\x07capil;KTP-el\x9b;12\r\n"
    "02/01/2025;Dinas\x0bPerhubungan\x1b;Uji KIR;5\r\n"
    "03/01/2025;Disduk\x07capil;KTP-el\x9b;8\r\n"
).encode()


def test_without_controls_keeps_words_apart():
    assert without_controls("Dinas\x0bPerhubungan\x1b") == "Dinas Perhubungan"
    assert without_controls("Disduk\x07capil") == "Disdukcapil"
    assert without_controls("A\x00B\tC\nD\x85E\x9f\ufffe") == "AB C D E"


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "mpp.duckdb"
    with db.connect(path):
        pass
    return path


@pytest.mark.slow
def test_names_load_without_control_characters_each_reported(store):
    report = ingest(
        store,
        "harian.csv",
        CSV,
        Options(site="MPP Kota\x07 Samarinda", unknown_agencies="add", actor=COMMAND_LINE),
    )
    assert report.ok, [str(p) for p in report.problems]
    assert report.site == SITE
    assert "karakter kendali dibuang dari nama 'Disdukcapil' di sel B2" in report.notes
    assert "karakter kendali dibuang dari nama 'Dinas Perhubungan' di sel B3" in report.notes
    assert "karakter kendali dibuang dari nama 'KTP-el' di sel C2" in report.notes
    with db.connect(store, read_only=True) as con:
        names = con.execute(
            "SELECT a.name, v.service, sum(v.visits)::INT FROM service_visits v "
            "JOIN agencies a USING (agency_id) GROUP BY ALL ORDER BY 1"
        ).fetchall()
        assert names == [("Dinas Perhubungan", "Uji KIR", 5), ("Disdukcapil", "KTP-el", 20)]
        stored = " ".join(
            str(v)
            for (v,) in con.execute(
                "SELECT name FROM sites UNION ALL SELECT alias FROM agency_aliases "
                "UNION ALL SELECT coalesce(note, '') FROM loads"
            ).fetchall()
        )
        assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in stored)
        release = press_release_for(con, SITE)
    document = docx.Document(io.BytesIO(to_docx(release)))
    assert "Disdukcapil" in "\n".join(p.text for p in document.paragraphs)


@pytest.mark.slow
def test_command_line_loads_the_csv_and_says_what_it_dropped(store, tmp_path):
    file = tmp_path / "harian.csv"
    file.write_bytes(CSV)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders",
            "ingest",
            str(file),
            "--db",
            str(store),
            "--site",
            SITE,
            "--unknown-agencies",
            "add",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "karakter kendali dibuang dari nama 'Dinas Perhubungan' di sel B3" in done.stdout


def test_press_docx_from_a_store_that_already_holds_a_control_character(demo_db, open_app):
    """A store loaded before the loaders stripped them: the core export and the Siaran Pers page."""
    with db.connect(demo_db) as con:
        dirty = ensure_agency(con, "Dinas\x07Pariwisata\x1b")
        con.execute(
            "INSERT INTO service_visits (site_id, agency_id, day, grain, service, visits, load_id) "
            "SELECT site_id, ?, day, grain, NULL, 90000, load_id FROM service_visits "
            "WHERE superseded_by IS NULL AND site_id = (SELECT site_id FROM sites WHERE name = "
            "'MPP Kota Balikpapan') AND day = '2025-07-01' LIMIT 1",
            [dirty],
        )
        release = press_release_for(con, "MPP Kota Balikpapan")
    assert "Dinas\x07Pariwisata\x1b" in release.text()
    document = docx.Document(io.BytesIO(to_docx(release)))
    assert "DinasPariwisata" in "\n".join(p.text for p in document.paragraphs)
    at = open_app(demo_db, "pages/6_Siaran_Pers.py", site="MPP Kota Balikpapan").run()
    assert not at.exception, at.exception
    assert [b.label for b in at.get("download_button")] == ["TXT", "DOCX"]
