"""read_file: the real type from the bytes, every sheet with its cached values, merged ranges, hidden
flags, formulas without values, CSV dialects, and the fast path for big ticket exports."""

import hashlib
from datetime import date, datetime

import pytest

from loaders.fast import dropped_columns
from loaders.read import Limits, read_file, read_table
from loaders.tabular import decode, sniff_delimiter
from tests.filemakers import REAL_DATA, write_csv, write_ticket_csv, write_xls, write_xlsx, write_xlsx_cached

RECAP = [
    ["MAL PELAYANAN PUBLIK KABUPATEN PASER TAHUN 2024"],
    [],
    ["NO", "NAMA INSTANSI", "BULAN", None, "JUMLAH"],
    [None, None, "JANUARI", "FEBRUARI", None],
    [1, "Disdukcapil", "1.263", "-", "=SUM(C5:D5)"],
    [2, "DPMPTSP", 5, 6, 11],
]


@pytest.fixture
def recap_xlsx(tmp_path):
    return write_xlsx(
        tmp_path / "rekap_paser.xlsx",
        {"Sampul": [["Laporan Bulanan"]], "Rekap": RECAP, "Lookup": [["kode", "nama"]]},
        merged={"Rekap": ["A1:E1", "C3:D3"]},
        hidden=("Lookup",),
    )


def test_xlsx_sheets_values_and_flags(recap_xlsx):
    book = read_file(recap_xlsx)
    assert [(s.name, s.hidden) for s in book.sheets] == [
        ("Sampul", False),
        ("Rekap", False),
        ("Lookup", True),
    ]
    rekap = book.sheets[1]
    assert rekap.rows[0][0] == "MAL PELAYANAN PUBLIK KABUPATEN PASER TAHUN 2024"
    assert rekap.rows[4][:4] == [1, "Disdukcapil", "1.263", "-"]  # text stays text
    assert rekap.rows[5] == [2, "DPMPTSP", 5, 6, 11]  # 5.0 -> 5
    assert rekap.rows[1] == [None] * 5  # '' -> None
    assert set(rekap.merged) == {(0, 0, 0, 4), (2, 2, 2, 3)}
    assert book.file_name == "rekap_paser.xlsx"
    assert book.sha256 == hashlib.sha256(recap_xlsx.read_bytes()).hexdigest()


def test_formula_without_cached_value_is_reported_with_its_cell(recap_xlsx):
    rekap = read_file(recap_xlsx).sheets[1]
    assert rekap.formulas_without_value == ((4, 4),)  # E5
    assert rekap.rows[4][4] is None


def test_formula_with_cached_value_gives_the_value(tmp_path):
    path = write_xlsx_cached(tmp_path / "excel.xlsx", [["A", "B"], [1, 2]], {"C2": ("=A2+B2", 3)})
    sheet = read_file(path).sheets[0]
    assert sheet.rows[1] == [1, 2, 3] and sheet.formulas_without_value == ()


def test_cells_keep_their_place_when_the_sheet_starts_lower_right(tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", {"S": [[], [], [None, None, "JUMLAH", 7]]})
    assert read_file(path).sheets[0].rows[2][2:] == ["JUMLAH", 7]


def test_type_comes_from_bytes_not_extension(tmp_path, recap_xlsx):
    renamed = tmp_path / "rekap.csv"
    renamed.write_bytes(recap_xlsx.read_bytes())
    assert read_file(renamed).sheets[1].name == "Rekap"
    book = read_file(None, recap_xlsx.read_bytes(), name="unggahan.xls")
    assert book.file_name == "unggahan.xls" and len(book.sheets) == 3


def test_old_xls(tmp_path):
    path = write_xls(
        tmp_path / "lama.xls",
        {
            "JANUARI": [
                ["NO", "NAMA INSTANSI", "JUMLAH"],
                [1, "Disdukcapil", 120],
                [2, "Polres Paser (SKCK)", "1.263"],
            ]
        },
    )
    sheet = read_file(path).sheets[0]
    assert sheet.name == "JANUARI" and sheet.rows[1] == [1, "Disdukcapil", 120]
    assert sheet.rows[2][2] == "1.263"


def test_old_xls_merged_agency_cells_and_hidden_sheets(tmp_path):
    rows = [
        ["MPP KABUPATEN PASER", None, None, None],
        [None] * 4,
        [1, "Disdukcapil", "KTP-el", 5],
        [None, None, "KIA", 2],
        [None, None, "Akta", 1],
    ]
    path = write_xls(
        tmp_path / "bulanan.xls",
        {"JANUARI": rows, "Lookup": [["kode"]]},
        merged={"JANUARI": [(0, 0, 0, 3), (2, 1, 4, 1)]},
        hidden=("Lookup",),
    )
    january, lookup = read_file(path).sheets
    assert set(january.merged) == {(0, 0, 0, 3), (2, 1, 4, 1)}
    assert january.rows[2] == [1, "Disdukcapil", "KTP-el", 5] and january.rows[3][1] is None
    assert lookup.hidden and not january.hidden


@pytest.mark.parametrize(
    "delimiter, encoding",
    [(";", "utf-8-sig"), (",", "utf-8"), (";", "cp1252"), ("\t", "utf-8"), (",", "utf-16")],
)
def test_csv_dialects(tmp_path, delimiter, encoding):
    rows = [
        ["Tanggal", "Instansi", "Jumlah"],
        ["01/02/2025", "Dinas Kependudukan & Pencatatan Sipil", "7"],
        ["02/02/2025", "Café Layanan", "12"],
    ]
    path = write_csv(tmp_path / "harian_mpp.csv", rows, delimiter=delimiter, encoding=encoding)
    sheet = read_file(path).sheets[0]
    assert sheet.name == "harian_mpp"
    assert sheet.rows == rows


def test_csv_quoted_fields_with_the_delimiter_inside(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('instansi,jumlah\n"Dinas Sumber Daya Air, Bina Marga",5\n"BPJS, Kesehatan",6\n')
    assert read_file(path).sheets[0].rows[1] == ["Dinas Sumber Daya Air, Bina Marga", "5"]


def test_sniffing_and_decoding_helpers():
    assert sniff_delimiter("a;b;c\n1,5;2;3\n") == ";"
    assert sniff_delimiter("a,b\n1,2\n") == ","
    assert decode("Café".encode("cp1252")) == ("Café", "cp1252")
    assert decode("\ufeffCafé".encode("utf-8")) == ("Café", "utf-8-sig")


def test_json_list_of_records(tmp_path):
    path = tmp_path / "instansi.json"
    path.write_text('{"data": {"instansi": [{"id": 1, "nama": "Disdukcapil", "layanan": []}]}}')
    sheet = read_file(path).sheets[0]
    assert sheet.rows == [["id", "nama"], [1, "Disdukcapil"]]


@pytest.mark.skipif(not REAL_DATA.exists(), reason="../shared/real-data is not checked out here")
def test_real_sleman_recap_reads_with_merged_title():
    book = read_file(REAL_DATA / "sleman_rekap_izin_2025.xlsx")
    sheet = book.sheets[0]
    assert sheet.name == "PERBUB 14" and len(sheet.rows) > 50
    assert any(m[0] == 0 for m in sheet.merged)
    assert any(isinstance(c, str) and "IZIN PRAKTIK BIDAN" in c for row in sheet.rows for c in row)


def test_big_csv_comes_as_arrow_frame_without_personal_columns(tmp_path):
    path = write_ticket_csv(tmp_path / "tiket.csv", 2_000)
    book = read_file(path, limits=Limits(grid_rows=1_000, head_rows=5))
    assert book.frame.num_rows == 2_000
    assert book.frame.column_names == ["No", "Tanggal", "Jam", "Instansi", "Layanan", "Loket", "Status"]
    assert book.dropped_columns == ("NIK", "Nama", "No HP")
    head = book.sheets[0]
    assert head.truncated and len(head.rows) == 5 and head.rows[0][:2] == ["No", "Tanggal"]
    assert head.rows[1][7:] == [None, None, None]  # NIK, Nama, HP blanked


def test_big_xlsx_comes_as_arrow_frame(tmp_path):
    rows = [["REKAP TIKET"], ["No", "Tanggal", "Instansi", "Status", "NIK", "Nama Pemohon"]]
    rows += [[i, "01/01/2025", "Disdukcapil", "Selesai", "3201", "Budi"] for i in range(1, 301)]
    path = write_xlsx(tmp_path / "tiket.xlsx", {"Tiket": rows})
    book = read_file(path, limits=Limits(grid_rows=100, head_rows=10))
    assert book.frame.num_rows == 300 and book.frame.column_names == ["No", "Tanggal", "Instansi", "Status"]
    assert set(book.dropped_columns) == {"NIK", "Nama Pemohon"}
    assert book.sheets[0].truncated and book.sheets[0].rows[0][0] == "REKAP TIKET"


def test_read_table_directly(tmp_path):
    path = write_ticket_csv(tmp_path / "tiket.csv", 50)
    table = read_table(path)
    assert table.num_rows == 50 and "NIK" not in table.column_names
    assert dropped_columns(table) == ("NIK", "Nama", "No HP")
    assert table.column("Tanggal")[0].as_py() == "01/01/2025"  # dates stay text, day first


def test_dates_and_times_come_as_python_values(tmp_path):
    path = write_xlsx(tmp_path / "d.xlsx", {"S": [["Tanggal", "Jumlah"], [datetime(2025, 1, 31), 4]]})
    value = read_file(path).sheets[0].rows[1][0]
    assert value == datetime(2025, 1, 31) or value == date(2025, 1, 31)


def test_long_csv_on_disk_is_streamed_with_the_same_hash(tmp_path):
    path = write_ticket_csv(tmp_path / "tiket.csv", 3_000)
    limits = Limits(stream_over=10_000, grid_rows=1_000, head_rows=3)
    book = read_file(path, limits=limits)
    assert book.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert book.frame.num_rows == 3_000 and "NIK" not in book.frame.column_names
    assert book.dropped_columns == ("NIK", "Nama", "No HP")
    assert book.sheets[0].truncated and book.sheets[0].rows[1][3] == "Disdukcapil"
    assert read_file(None, path.read_bytes(), name="tiket.csv", limits=limits).frame == book.frame


def test_utf8_character_across_the_head_boundary_stays_utf8(tmp_path):
    filler = "x" * 262108  # puts the 'é' of row 3 across byte 262144, where the head ends
    rows = [["Instansi", "Catatan"], ["Disdukcapil", filler]] + [["Café Layanan", "é"]] * 2_000
    path = write_csv(tmp_path / "panjang.csv", rows, encoding="utf-8")
    assert path.read_bytes()[262143:262145] == "é".encode()
    book = read_file(path, limits=Limits(grid_rows=1_000, head_rows=4))
    assert book.sheets[0].rows[1][0] == "Disdukcapil"
    assert book.frame.column("Instansi")[5].as_py() == "Café Layanan"


def test_long_sheet_without_declared_dimension_still_takes_the_fast_path(tmp_path):
    import io
    import zipfile

    rows = [["No", "Tanggal", "Instansi"]] + [[i, "01/01/2025", "Disdukcapil " * 5] for i in range(400)]
    buffer = io.BytesIO()
    write_xlsx(buffer, {"Tiket": rows})
    path = tmp_path / "tanpa_dimensi.xlsx"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b'<dimension ref="A1:C401"/>', b"")
            out.writestr(item, data)
    assert b"<dimension" not in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    book = read_file(path, limits=Limits(grid_rows=100, head_rows=5))
    assert book.sheets[0].truncated and book.frame.num_rows == 400
