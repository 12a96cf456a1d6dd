"""Personal data is never stored (issue 10, item 2; UU 27/2022): a ticket export with NIK, names and
phone numbers loads its counts, and then no table and no column of the store holds one of those
values, kept files included (BLOBs decoded and unzipped), by query, not by grepping the file's bytes.
Its original is not kept, Riwayat says why, and migration 006 cleans stores made before."""

from __future__ import annotations

import io
import re
import zipfile

import duckdb
import pytest

from loaders import upload
from loaders.load import ingest
from loaders.pipeline import Options
from mpp.access import accounts
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db, ledger
from tests.apptest import as_analyst
from tests.filemakers import write_ticket_csv
from tests.layout_files import TICKET_HEADER, ticket_csv, ticket_export, ticket_rows, yearly_recap

SITE = "MPP Kota Surabaya"
ANALYST = accounts.User("ana", "analyst")
REASON = "Berkas asli tidak disimpan karena data pribadi (NIK, Nama Pemohon, No HP) — UU 27/2022"


def tickets() -> list[list]:
    """Ticket rows with a 16-digit NIK, a person's name and a mobile number each (plus agency,
    service, date, status, channel and counter)."""
    rows = ticket_rows(240)
    for i, row in enumerate(rows):
        row[9] = f"Siti Rahmawati Binti Ahmad {i:03d}"
    return rows


ROWS = tickets()
PERSONAL = {value for row in ROWS for value in row[8:11]}


def stored_texts(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """Every column of every table and view, as one text per column: values cast to VARCHAR, BLOBs
    decoded, and a BLOB that is a zip (an .xlsx) unzipped member by member."""
    columns = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' ORDER BY ALL"
    ).fetchall()
    assert len({t for t, _, _ in columns}) >= 15 and ("originals", "content", "BLOB") in columns
    texts = {}
    for table, column, kind in columns:
        values = con.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL').fetchall()
        texts[table, column] = "\n".join(_decoded(v) if kind == "BLOB" else str(v) for (v,) in values)
    return texts


def _decoded(blob: bytes) -> str:
    blob = bytes(blob)
    if blob.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return blob.decode("utf-8", "replace")


def personal_values_in(con: duckdb.DuckDBPyConnection, personal=PERSONAL) -> list[tuple[str, str, str]]:
    texts = stored_texts(con)
    return [
        (table, column, value)
        for (table, column), text in texts.items()
        for value in personal
        if value in text
    ]


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "mpp.duckdb"
    with db.connect(path):
        pass
    return path


FILES = {"antrean_januari.xlsx": ticket_export(ROWS), "antrean_januari.csv": ticket_csv(ROWS)}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(FILES))
@pytest.mark.parametrize("path", ["ingest", "command_line", "upload"])
def test_no_personal_value_anywhere_in_the_store(name, path, store, tmp_path):
    data = FILES[name]
    if path == "ingest":  # bytes, the database by its path
        report = ingest(store, name, data, Options(site=SITE, actor=COMMAND_LINE))
    elif path == "command_line":  # the file on disk, as `python -m loaders ingest`
        file = tmp_path / name
        file.write_bytes(data)
        report = ingest(store, name, file, Options(site=SITE, actor=COMMAND_LINE))
    else:  # the upload page: guarded read, analyst
        with db.connect(store) as con:
            assert upload.preview(con, name, data, Options(site=SITE, guarded=True)).ok
            report = upload.load(con, ANALYST, name, data, Options(site=SITE, guarded=True))
    assert report.ok and report.outcome == "added"
    assert "kolom data pribadi dibuang: NIK" in report.notes
    assert "berkas asli tidak disimpan: memuat kolom data pribadi (UU 27/2022)" in report.notes
    with db.connect(store, read_only=True) as con:
        texts = stored_texts(con)
        assert "Disdukcapil" in texts["agencies", "name"] and "Paspor" in texts["service_visits", "service"]
        assert con.execute("SELECT sum(visits) FROM service_visits").fetchall()[0][0] > 0
        assert personal_values_in(con) == []
        assert con.execute("SELECT count(*) FROM originals").fetchall() == [(0,)]
        withheld = con.execute("SELECT original_withheld FROM loads").fetchall()
        assert withheld == [("NIK, Nama Pemohon, No HP",)]


@pytest.mark.slow
def test_a_long_ticket_csv_on_the_fast_path_keeps_no_personal_value(store, tmp_path):
    """100.100 tickets: the CSV is streamed from disk to an Arrow table (read.py's fast path)."""
    file = write_ticket_csv(tmp_path / "antrean_besar.csv", 100_100)
    report = ingest(store, file.name, file, Options(site=SITE, actor=COMMAND_LINE))
    assert report.ok and report.total > 0
    with db.connect(store, read_only=True) as con:
        texts = "\n".join(stored_texts(con).values())
    assert re.findall(r"3201\d{12}|0812\d{8}|Warga \d+", texts) == []
    assert "antrean_besar.csv" in texts  # the scan does see what is stored


def test_the_scan_finds_a_personal_value_in_a_kept_original(store):
    """The check itself: an .xlsx kept as it was would be found, inside its zip."""
    with db.connect(store) as con:
        ledger.keep_original(con, "abc", "antrean.xlsx", ticket_export(ROWS[:3]))
        found = personal_values_in(con, {ROWS[1][8], ROWS[2][9]})
    assert {(t, c) for t, c, _ in found} == {("originals", "content")} and len(found) == 2


@pytest.mark.slow
def test_a_file_without_personal_columns_keeps_its_original(store):
    recap = yearly_recap({"Disdukcapil": [1, 2]}, title="REKAP KUNJUNGAN MPP KOTA SURABAYA TAHUN 2025")
    report = ingest(store, "rekap.xlsx", recap, Options(actor=COMMAND_LINE))
    assert report.ok
    with db.connect(store, read_only=True) as con:
        sha = con.execute("SELECT sha256 FROM loads").fetchall()[0][0]
        assert ledger.original(con, COMMAND_LINE, sha) == ("rekap.xlsx", recap)
        assert con.execute("SELECT original_withheld FROM loads").fetchall() == [(None,)]


@pytest.mark.slow
def test_migration_006_deletes_originals_kept_before_and_says_why(store):
    """A store as version 5 left it: the ticket export's original kept beside a recap's."""
    recap = yearly_recap({"Disdukcapil": [1, 2]}, title="REKAP KUNJUNGAN MPP KOTA SURABAYA TAHUN 2025")
    export = FILES["antrean_januari.xlsx"]
    assert ingest(store, "rekap.xlsx", recap, Options(actor=COMMAND_LINE)).ok
    assert ingest(store, "antrean_januari.xlsx", export, Options(site=SITE, actor=COMMAND_LINE)).ok
    with db.connect(store) as con:
        sha = dict(con.execute("SELECT file_name, sha256 FROM loads").fetchall())
        ledger.keep_original(con, sha["antrean_januari.xlsx"], "antrean_januari.xlsx", export)
        con.execute("ALTER TABLE loads DROP COLUMN original_withheld")
        con.execute("DELETE FROM schema_version WHERE version = 6")  # as if 006 came after 007
        assert personal_values_in(con) != []
    with db.connect(store) as con:  # opening upgrades: 006 runs
        assert con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] >= 6
        assert personal_values_in(con) == []
        assert ledger.original(con, COMMAND_LINE, sha["rekap.xlsx"]) == ("rekap.xlsx", recap)
        assert ledger.original(con, COMMAND_LINE, sha["antrean_januari.xlsx"]) is None
        assert con.execute("SELECT file_name, original_withheld FROM loads ORDER BY load_id").fetchall() == [
            ("rekap.xlsx", None),
            ("antrean_januari.xlsx", "NIK, Nama Pemohon, No HP"),
        ]


def test_riwayat_gives_the_reason_instead_of_a_download(store, open_app):
    assert ingest(
        store, "antrean_januari.xlsx", FILES["antrean_januari.xlsx"], Options(site=SITE, actor=COMMAND_LINE)
    ).ok
    at = as_analyst(open_app, store, "pages/9_Riwayat.py")
    assert any(REASON in i.value for i in at.info), [i.value for i in at.info]
    assert not at.get("download_button")
    at.query_params["lang"] = "en"
    at.run()
    assert any(
        "The original file is not kept because of personal data (NIK, Nama Pemohon, No HP)" in i.value
        for i in at.info
    )


# The same tickets under headers of other offices' exports, and with the NIK under a header that says
# nothing (the reader cannot tell from it): the original is withheld either way.
OTHER_HEADER = [*TICKET_HEADER[:8], "No KTP", "Pemohon", "Telp"]
NEUTRAL_HEADER = [*TICKET_HEADER[:8], "Keterangan"]
NEUTRAL_ROWS = [row[:9] for row in ROWS]
VALUE_REASON = "nilai mirip NIK/nomor HP di kolom Keterangan"
OTHER_FILES = {
    "antrean_ktp.xlsx": (ticket_export(ROWS, OTHER_HEADER), "No KTP, Pemohon, Telp"),
    "antrean_ktp.csv": (ticket_csv(ROWS, OTHER_HEADER), "No KTP, Pemohon, Telp"),
    "antrean_keterangan.xlsx": (ticket_export(NEUTRAL_ROWS, NEUTRAL_HEADER), VALUE_REASON),
    "antrean_keterangan.csv": (ticket_csv(NEUTRAL_ROWS, NEUTRAL_HEADER), VALUE_REASON),
    # a NIK typed as a number (below 2**53, so Excel keeps every digit)
    "antrean_angka.xlsx": (
        ticket_export([[*r[:8], 6471000000000000 + i] for i, r in enumerate(ROWS)], NEUTRAL_HEADER),
        VALUE_REASON,
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(OTHER_FILES))
def test_personal_data_under_other_headers_is_not_kept(name, store):
    data, reason = OTHER_FILES[name]
    report = ingest(store, name, data, Options(site=SITE, actor=COMMAND_LINE))
    assert report.ok and report.outcome == "added"
    with db.connect(store, read_only=True) as con:
        assert con.execute("SELECT sum(visits) FROM service_visits").fetchall()[0][0] > 0
        personal = PERSONAL | {str(6471000000000000 + i) for i in range(len(ROWS))}
        assert personal_values_in(con, personal) == []
        assert con.execute("SELECT count(*) FROM originals").fetchall() == [(0,)]
        assert con.execute("SELECT original_withheld FROM loads").fetchall() == [(reason,)]
    if reason == VALUE_REASON:
        assert f"berkas asli tidak disimpan: {VALUE_REASON} (UU 27/2022)" in report.notes


@pytest.mark.slow
def test_a_long_csv_with_nik_under_a_neutral_header_keeps_no_original(store, tmp_path):
    """100.100 tickets streamed from disk to an Arrow table: the frame's columns are scanned too."""
    file = write_ticket_csv(tmp_path / "antrean_besar.csv", 100_100, with_personal=False)
    lines = file.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ";Keterangan"] + [f"{line};" for line in lines[1:]]
    lines[90_001] += "3201000000000042"  # one NIK, past the head the grid keeps
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest(store, file.name, file, Options(site=SITE, actor=COMMAND_LINE))
    assert report.ok and report.total > 0
    with db.connect(store, read_only=True) as con:
        assert personal_values_in(con, {"3201000000000042"}) == []
        assert con.execute("SELECT count(*) FROM originals").fetchall() == [(0,)]
        assert con.execute("SELECT original_withheld FROM loads").fetchall() == [(VALUE_REASON,)]


@pytest.mark.slow
def test_migration_006_deletes_originals_with_personal_values_or_unreadable(store):
    """Kept before the value scan: a NIK under 'Keterangan', and a file no reader can read now."""
    recap = yearly_recap({"Disdukcapil": [1, 2]}, title="REKAP KUNJUNGAN MPP KOTA SURABAYA TAHUN 2025")
    export = OTHER_FILES["antrean_keterangan.xlsx"][0]
    assert ingest(store, "rekap.xlsx", recap, Options(actor=COMMAND_LINE)).ok
    assert ingest(store, "antrean_keterangan.xlsx", export, Options(site=SITE, actor=COMMAND_LINE)).ok
    with db.connect(store) as con:
        sha = dict(con.execute("SELECT file_name, sha256 FROM loads").fetchall())
        ledger.keep_original(con, sha["antrean_keterangan.xlsx"], "antrean_keterangan.xlsx", export)
        con.execute(
            "UPDATE originals SET content = ? WHERE sha256 = ?",
            [b"PK\x03\x04 not a zip any more", sha["rekap.xlsx"]],
        )
        con.execute("ALTER TABLE loads DROP COLUMN original_withheld")
        con.execute("DELETE FROM schema_version WHERE version = 6")
    with db.connect(store) as con:  # opening upgrades: 006 runs
        assert con.execute("SELECT count(*) FROM originals").fetchall() == [(0,)]
        assert con.execute("SELECT file_name, original_withheld FROM loads ORDER BY load_id").fetchall() == [
            ("rekap.xlsx", "tidak dapat dibaca ulang"),
            ("antrean_keterangan.xlsx", VALUE_REASON),
        ]


def test_riwayat_gives_the_reason_for_a_nik_under_a_neutral_header(store, open_app):
    data = OTHER_FILES["antrean_keterangan.xlsx"][0]
    assert ingest(store, "antrean_keterangan.xlsx", data, Options(site=SITE, actor=COMMAND_LINE)).ok
    at = as_analyst(open_app, store, "pages/9_Riwayat.py")
    assert any(
        f"Berkas asli tidak disimpan karena data pribadi ({VALUE_REASON}) — UU 27/2022" in i.value
        for i in at.info
    ), [i.value for i in at.info]
    assert not at.get("download_button")


@pytest.mark.slow
def test_a_nik_or_phone_number_under_a_service_header_is_refused_without_echoing_it(store):
    """A person's data in a column the reader cannot call personal (here 'Layanan'): refused, the
    cell named, the value not repeated in the message (messages reach logs and screens)."""
    rows = [list(r) for r in ROWS[:20]]
    rows[3][4] = f"KTP-el a.n. {rows[3][8]}"
    rows[5][4] = f"Paspor, hubungi {rows[5][10]}"
    report = ingest(store, "antrean.xlsx", ticket_export(rows), Options(site=SITE, actor=COMMAND_LINE))
    assert not report.ok
    problems = [(p.code, p.sheet, p.cell) for p in report.problems]
    assert problems == [("data_pribadi", "Data Antrean", "E5"), ("data_pribadi", "Data Antrean", "E7")]
    assert all(rows[3][8] not in str(p) and rows[5][10] not in str(p) for p in report.problems)
    with db.connect(store, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM loads").fetchall() == [(0,)]


@pytest.mark.slow
def test_a_survey_whose_respondent_ids_are_nik_is_refused(store):
    """An SKM export keyed by the respondent's NIK instead of a survey number: nothing stored."""
    header = [
        "id_responden",
        "tgl_responden",
        "instansi",
        "jkel",
        "pekerjaan",
        "pendidikan",
        *(f"U{i}" for i in range(1, 10)),
    ]
    rows = [
        [ROWS[i][8], "2024-12-09 10:00:00", "DPMPTSP", "Perempuan", "Wiraswasta", "SMA", *[4] * 9]
        for i in range(3)
    ]
    data = ("\n".join(",".join(map(str, r)) for r in [header, *rows]) + "\n").encode()
    report = ingest(
        store, "skm.csv", data, Options(site="MPP Kabupaten Pangkajene dan Kepulauan", actor=COMMAND_LINE)
    )
    assert not report.ok
    assert {(p.code, p.cell) for p in report.problems} == {("data_pribadi", f"A{i}") for i in (2, 3, 4)}
    with db.connect(store, read_only=True) as con:
        assert personal_values_in(con) == []
        assert con.execute("SELECT count(*) FROM loads").fetchall() == [(0,)]


def test_a_nik_or_phone_number_in_the_file_name_is_never_stored(store):
    """An export saved under a person's NIK or phone number: the page and the report name the file
    as the user gave it, the ledger and the kept original keep it with the number cut out."""
    recap = yearly_recap({"Disdukcapil": [1, 2]}, title="REKAP KUNJUNGAN MPP KOTA SURABAYA TAHUN 2025")
    name = "rekap_3171234567890001_081234567890.xlsx"
    report = ingest(store, name, recap, Options(actor=COMMAND_LINE))
    assert report.ok and report.file_name == name
    with db.connect(store, read_only=True) as con:
        assert personal_values_in(con, {"3171234567890001", "081234567890"}) == []
        assert con.execute("SELECT file_name FROM loads").fetchall() == [("rekap_…_….xlsx",)]
        assert con.execute("SELECT file_name FROM originals").fetchall() == [("rekap_…_….xlsx",)]
