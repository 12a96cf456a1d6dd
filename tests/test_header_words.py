"""The header-word table (mpp/reference/data/header_words.csv) is the one place the words of each
column role live: a word added there is recognised by the layouts and named by their refusals, the
issue's words load files with the right figures, and a malformed row stops the program naming its line."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from loaders.load import Options, ingest
from mpp.access.accounts import COMMAND_LINE
from mpp.reference import header_words
from mpp.reference.header_words import WORDS_FILE, HeaderWordsError, read_table, word_key, words
from tests import layout_files as lf

ROOT = Path(__file__).resolve().parents[1]
SITE = "MPP Kota Balikpapan"
ISSUE_WORDS = ["Keperluan/Layanan", "Jenis Layanan", "Nama Instansi", "OPD", "Jumlah Pemohon", "Tgl"]


def options(**given) -> Options:
    return Options(site=SITE, actor=COMMAND_LINE, guarded=False, **given)


def service_visits(store) -> dict[tuple[str, date, str | None], int]:
    rows = store.execute(
        "SELECT a.name, v.day, v.service, sum(v.visits) FROM service_visits v JOIN agencies a "
        "USING (agency_id) WHERE v.superseded_by IS NULL GROUP BY ALL"
    ).fetchall()
    return {(agency, day, service): visits for agency, day, service, visits in rows}


# ---- the words the issue names load files ---------------------------------------------------------


@pytest.mark.parametrize("word", ISSUE_WORDS)
def test_the_issue_words_are_in_the_table(word):
    assert any(word_key(word) == word_key(w) for w in words(*header_words.ROLES))


def test_a_long_table_headed_tgl_opd_jenis_layanan_jumlah_pemohon_loads_its_figures(store):
    header = ["Tgl", "OPD", "Jenis Layanan", "Jumlah Pemohon"]
    rows = [
        ["03/02/2025", "Samsat", "PKB", "5"],
        ["03/02/2025", "Disdukcapil", "KTP-el", "7"],
        ["04/02/2025", "Samsat", "PKB", "1.204"],
    ]
    report = ingest(store, "harian.csv", lf.long_csv(header, rows), options())
    assert report.outcome == "added", report.problems
    assert report.layout == "tabel_panjang"
    assert service_visits(store) == {
        ("Samsat", date(2025, 2, 3), "PKB"): 5,
        ("Disdukcapil", date(2025, 2, 3), "KTP-el"): 7,
        ("Samsat", date(2025, 2, 4), "PKB"): 1204,
    }


def test_a_ticket_export_headed_tgl_nama_instansi_keperluan_layanan_loads_its_served_tickets(store):
    header = ["No Antrean", "Tgl", "Nama Instansi", "Keperluan/Layanan", "Status"]
    rows = [
        ["A001", "4/2/2026", "Disdukcapil", "KTP-el", "Selesai"],
        ["A002", "4/2/2026", "Disdukcapil", "KTP-el", "Selesai"],
        ["A003", "4/2/2026", "Disdukcapil", "KTP-el", "Batal"],
        ["A004", "5/2/2026", "Samsat", "PKB", "Selesai"],
    ]
    report = ingest(store, "antrean.xlsx", lf.ticket_export(rows, header), options())
    assert report.outcome == "added", report.problems
    assert report.layout == "tiket_antrean"
    assert service_visits(store) == {
        ("Disdukcapil", date(2026, 2, 4), "KTP-el"): 2,
        ("Samsat", date(2026, 2, 5), "PKB"): 1,
    }


# ---- the table is the single source ---------------------------------------------------------------

# Run in a fresh interpreter: the table given on the command line replaces the shipped one before any
# layout is imported, then each file is recognised and parsed; prints layout, agencies, and EXPECTS.
PROBE = """
import sys
from pathlib import Path
from mpp.reference import header_words
header_words.WORDS.update(header_words.read_table(Path(sys.argv[1])))
from loaders import read
from loaders.layouts import long_counts, parse_workbook, scores
from loaders.layouts.common import Context
for name in sys.argv[2:]:
    book = read.read_file(None, Path(name).read_bytes(), name=Path(name).name)
    found = scores(book)
    if not found:
        print("-")
        continue
    parsed = parse_workbook(book, Context(file_name=Path(name).name, year=2025))
    frame = parsed.skm_responses if parsed.skm_responses is not None else parsed.service
    print(found[0][2].NAME, sorted(set(frame["agency"])))
print(long_counts.EXPECTS)
"""

NEW_WORDS = "agency,Satuan Kerja,\nday,Hari Kunjungan,\ncount,Banyaknya,\nstatus,Keadaan,\n"


def probe(table: Path, files: dict[str, bytes], tmp_path: Path) -> list[str]:
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(table), *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_word_added_to_the_table_is_recognised_by_the_layouts_and_named_by_their_refusal(tmp_path):
    """Satuan Kerja, Hari Kunjungan, Banyaknya and Keadaan mean nothing to the shipped table; added to
    a copy (Satuan Kerja as the first agency word) a long table, a ticket export, a month sheet and
    survey answers using them load, and the long table's refusal text names Satuan Kerja."""
    shipped = WORDS_FILE.read_text(encoding="utf-8")
    copy = tmp_path / "header_words.csv"
    copy.write_text(shipped.replace("agency,Instansi,\n", NEW_WORDS + "agency,Instansi,\n"), encoding="utf-8")
    survey = lf.long_csv(
        ["responden", "tanggal", "Satuan Kerja", *(f"U{i}" for i in range(1, 10))],
        [["R1", "03/02/2025", "Samsat", *[4] * 9]],
        sep=",",
    )
    files = {
        "harian.csv": lf.long_csv(
            ["Hari Kunjungan", "Satuan Kerja", "Banyaknya"], [["03/02/2025", "Samsat", 5]]
        ),
        "tiket.xlsx": lf.ticket_export(
            [["A1", "03/02/2025", "Imigrasi", "Selesai"]], ["No", "Hari Kunjungan", "Satuan Kerja", "Keadaan"]
        ),
        "bulanan.xlsx": lf.long_sheet(
            ["No", "Satuan Kerja", "Banyaknya"], [[1, "BPJS", 12]], sheet="Januari"
        ),
        "skm.csv": survey,
    }
    assert probe(WORDS_FILE, files, tmp_path) == [
        "-",
        "-",
        "-",
        "skm_responden [None]",
        "kolom Instansi, Tanggal atau Bulan (dan Tahun), dan Jumlah (atau Jumlah Kunjungan)",
    ]
    assert probe(copy, files, tmp_path) == [
        "tabel_panjang ['Samsat']",
        "tiket_antrean ['Imigrasi']",
        "per_bulan ['BPJS']",
        "skm_responden ['Samsat']",
        "kolom Satuan Kerja, Hari Kunjungan atau Bulan (dan Tahun), dan Banyaknya (atau Jumlah)",
    ]


# Capitals in layout code that are not header words: the labels of a published survey's total row.
VALUE_WORDS = {("skm_ringkasan", "TOTAL_STARTS")}


def test_no_layout_keeps_header_words_of_its_own():
    """A tuple, list or set of two or more texts in a layout module, one of them a word of the table
    in capitals (as the layouts wrote header words), would be header words kept in code, beside the
    table and drifting from it."""
    known = {word_key(w) for w in words(*header_words.ROLES)}
    found = []
    for path in sorted((ROOT / "loaders" / "layouts").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            name = getattr(node, "name", None) or ", ".join(map(ast.unparse, getattr(node, "targets", [])))
            for inner in ast.walk(node):
                texts = [
                    e.value
                    for e in getattr(inner, "elts", [])
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                ]
                if len(texts) >= 2 and known & {word_key(t) for t in texts if t.isupper()}:
                    found += [] if (path.stem, name) in VALUE_WORDS else [(path.stem, name, texts)]
    assert found == []


def test_every_role_is_read_by_a_layout_and_has_words():
    code = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "loaders" / "layouts").glob("*.py"))
    for role in header_words.ROLES:
        assert f'"{role}"' in code or f"'{role}'" in code, role
        assert words(role), role
    assert read_table() == header_words.WORDS


# ---- a malformed row is refused naming its line ---------------------------------------------------


def with_line(tmp_path: Path, line: str) -> tuple[Path, int]:
    """The shipped table with one more line, and that line's number."""
    shipped = WORDS_FILE.read_text(encoding="utf-8")
    path = tmp_path / "header_words.csv"
    path.write_text(shipped + line + "\n", encoding="utf-8")
    return path, shipped.count("\n") + 1


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("agensi,Satuan Kerja,", "peran 'agensi' tidak dikenal"),
        ("agency,  ,", "kata untuk peran 'agency' kosong"),
        ("agency,nama_instansi,", "'nama_instansi' sudah ada untuk peran 'agency' (sebagai 'Nama Instansi')"),
        (
            "service,Keperluan / layanan,",
            "'Keperluan / layanan' sudah ada untuk peran 'service' (sebagai 'Keperluan/Layanan')",
        ),
        ("agency,Satuan Kerja,a note,and more", "harus role,word,note; ada 4 kolom"),
    ],
)
def test_a_malformed_row_is_refused_naming_its_line(tmp_path, line, said):
    path, number = with_line(tmp_path, line)
    with pytest.raises(HeaderWordsError) as refused:
        read_table(path)
    assert f"{path}, baris {number}: {said}" in str(refused.value)


def test_a_table_without_its_header_or_without_a_role_is_refused(tmp_path):
    path = tmp_path / "header_words.csv"
    path.write_text("# a comment\nperan,kata\nagency,Instansi\n", encoding="utf-8")
    with pytest.raises(HeaderWordsError, match=r"baris 2: baris judul harus role,word,note"):
        read_table(path)
    path.write_text("role,word,note\nagency,Instansi,\n", encoding="utf-8")
    with pytest.raises(HeaderWordsError, match=r"peran tanpa kata satu pun: unit, service, day"):
        read_table(path)
