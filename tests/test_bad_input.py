"""Bad input is refused before parsing, with a stable code and a message that names the file (and
sheet) and says how to fix it. One test per bad input; every fixture is made here, in code."""

import io
import zipfile

import pytest

from loaders.model import FileRefused
from loaders.read import Limits, read_file
from loaders.read_guarded import read_file_guarded
from tests.filemakers import (
    truncate,
    write_csv,
    write_encrypted_xlsx,
    write_pdf,
    write_png,
    write_ticket_csv,
    write_wide_xlsx,
    write_xls,
    write_xlsx,
    write_zip_bomb,
)


def refusal(path, **kwargs):
    with pytest.raises(FileRefused) as caught:
        read_file(path, **kwargs)
    (problem,) = caught.value.problems
    assert problem.file == path.name and path.name in problem.message
    return problem


def test_png_renamed_xlsx_is_not_a_spreadsheet(tmp_path):
    problem = refusal(write_png(tmp_path / "rekap_januari.xlsx"))
    assert problem.code == "not_spreadsheet" and "gambar PNG" in problem.message
    assert "simpan ulang sebagai Excel Workbook (.xlsx)" in problem.message


def test_pdf_renamed_xls_is_not_a_spreadsheet(tmp_path):
    problem = refusal(write_pdf(tmp_path / "laporan.xls"))
    assert problem.code == "not_spreadsheet" and "PDF" in problem.message


def test_html_saved_as_xls_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "export_siolaq.xls"
    path.write_text("<html><body><table><tr><td>Instansi</td></tr></table></body></html>")
    assert refusal(path).code == "not_spreadsheet"


def test_word_document_renamed_xlsx_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "surat.xlsx"
    with zipfile.ZipFile(path, "w") as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
        docx.writestr("word/document.xml", "<w:document/>")
    assert "Word" in refusal(path).message


def test_truncated_xlsx_is_corrupt(tmp_path):
    path = truncate(write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": [[i, "Disdukcapil"] for i in range(500)]}))
    problem = refusal(path)
    assert problem.code == "corrupt" and "terpotong" in problem.message


def test_truncated_xls_is_corrupt(tmp_path):
    path = truncate(write_xls(tmp_path / "lama.xls", {"Rekap": [[i, "Disdukcapil"] for i in range(500)]}))
    assert refusal(path).code == "corrupt"


def test_xlsx_with_broken_sheet_xml_is_corrupt(tmp_path):
    buffer = io.BytesIO()
    write_xlsx(buffer, {"Rekap": [["NO", "INSTANSI"], [1, "X"]]})
    path = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            broken = item.filename == "xl/worksheets/sheet1.xml"
            out.writestr(item, b"<worksheet><sheetData><row><c r=" if broken else source.read(item))
    problem = refusal(path)
    assert problem.code == "corrupt" and "Rekap" in problem.message


def test_password_protected_xlsx_is_encrypted(tmp_path):
    problem = refusal(write_encrypted_xlsx(tmp_path / "rahasia.xlsx"))
    assert problem.code == "encrypted" and "kata sandi" in problem.message


@pytest.mark.parametrize("content", [b"", b"   \r\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "kosong.csv"
    path.write_bytes(content)
    problem = refusal(path)
    assert problem.code == "empty" and "kosong" in problem.message


def test_zip_bomb_refused_before_inflating(tmp_path):
    path = write_zip_bomb(tmp_path / "bom.xlsx", megabytes=50)
    assert path.stat().st_size < 200_000
    problem = refusal(path)
    assert problem.code == "zip_bomb" and "batas 200 kali" in problem.message


def test_file_over_the_size_cap(tmp_path):
    path = write_csv(tmp_path / "besar.csv", [["a", "b"]] + [[i, i] for i in range(200)])
    problem = refusal(path, limits=Limits(max_bytes=1024))
    assert problem.code == "too_large" and "melebihi batas" in problem.message


def test_uncompressed_size_over_the_cap(tmp_path):
    rows = [[f"Disdukcapil {i}", i] for i in range(20_000)]
    path = write_xlsx(tmp_path / "isi_besar.xlsx", {"Rekap": rows})
    problem = refusal(path, limits=Limits(max_uncompressed=100_000))
    assert problem.code == "too_large" and "setelah dibuka" in problem.message


def test_absurd_declared_columns_refused_before_parsing(tmp_path):
    problem = refusal(write_wide_xlsx(tmp_path / "lebar.xlsx"))
    assert problem.code == "too_many_columns" and problem.sheet == "Rekap"
    assert "16.384 kolom" in problem.message


def test_absurd_declared_rows_refused_before_parsing(tmp_path):
    path = write_wide_xlsx(tmp_path / "panjang.xlsx", dimension="A1:B1048576")
    problem = refusal(path, limits=Limits(max_rows=100_000))
    assert problem.code == "too_many_rows" and "1.048.576 baris" in problem.message


def test_csv_with_absurd_columns(tmp_path):
    path = write_csv(tmp_path / "lebar.csv", [[f"k{i}" for i in range(5_000)], list(range(5_000))])
    assert refusal(path).code == "too_many_columns"


def test_csv_with_too_many_rows(tmp_path):
    path = write_ticket_csv(tmp_path / "tiket.csv", 3_000, with_personal=False)
    problem = refusal(path, limits=Limits(max_rows=1_000, grid_rows=500))
    assert problem.code == "too_many_rows" and "3.001 baris" in problem.message


def test_personal_columns_dropped_on_read_and_listed(tmp_path):
    rows = [
        ["LAPORAN ANTREAN MPP KOTA BALIKPAPAN"],
        [
            "No",
            "Tanggal",
            "Instansi",
            "Layanan",
            "NIK",
            "Nama",
            "No HP",
            "WhatsApp",
            "Alamat",
            "E-mail",
            "Status",
        ],
        [
            1,
            "02/01/2025",
            "Disdukcapil",
            "KTP-el",
            "6471012345670001",
            "Siti Aminah",
            "081234567890",
            "6281234567890",
            "Jl. Sudirman 1",
            "siti@example.id",
            "Selesai",
        ],
    ]
    book = read_file(write_xlsx(tmp_path / "tiket.xlsx", {"Tiket": rows}))
    assert book.dropped_columns == ("NIK", "Nama", "No HP", "WhatsApp", "Alamat", "E-mail")
    everything = repr(book)
    for secret in ("6471012345670001", "Siti Aminah", "081234567890", "Sudirman", "siti@example.id"):
        assert secret not in everything
    sheet = book.sheets[0]
    assert sheet.rows[2][:4] == [1, "02/01/2025", "Disdukcapil", "KTP-el"] and sheet.rows[2][10] == "Selesai"
    assert sheet.rows[0][0] == "LAPORAN ANTREAN MPP KOTA BALIKPAPAN"


def test_agency_name_column_is_not_personal_data(tmp_path):
    rows = [["NO", "NAMA", "JANUARI"], [1, "Disdukcapil", 10]]
    book = read_file(write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": rows}))
    assert book.dropped_columns == () and book.sheets[0].rows[1][1] == "Disdukcapil"


@pytest.mark.slow
def test_guarded_read_gives_the_same_workbook(tmp_path):
    path = write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": [["NO", "INSTANSI"], [1, "Disdukcapil"]]})
    assert read_file_guarded(path) == read_file(path)


@pytest.mark.slow
def test_guarded_read_passes_refusals_through(tmp_path):
    with pytest.raises(FileRefused) as caught:
        read_file_guarded(write_png(tmp_path / "foto.xlsx"))
    assert caught.value.problems[0].code == "not_spreadsheet"
    assert caught.value.problems[0].file == "foto.xlsx"


@pytest.mark.slow
def test_guarded_read_refuses_a_file_that_needs_too_much_memory(tmp_path):
    path = write_ticket_csv(tmp_path / "tiket.csv", 200_000)
    with pytest.raises(FileRefused) as caught:  # read as a grid of Python lists: ~400 MB
        read_file_guarded(path, limits=Limits(grid_rows=10**7), memory_mb=400)
    problem = caught.value.problems[0]
    assert problem.code == "too_large" and "memori" in problem.message and "tiket.csv" in problem.message


@pytest.mark.slow
def test_guarded_read_stops_a_slow_read(tmp_path):
    path = write_ticket_csv(tmp_path / "tiket.csv", 300_000)
    with pytest.raises(FileRefused) as caught:  # a 300k-row grid takes several seconds
        read_file_guarded(path, limits=Limits(grid_rows=10**7), timeout=1.5)
    assert caught.value.problems[0].code == "too_slow"
    assert "1.5 detik" in caught.value.problems[0].message or "1,5 detik" in caught.value.problems[0].message


def test_broken_json_is_corrupt(tmp_path):
    path = tmp_path / "instansi.json"
    path.write_text('{"data": {"instansi": [{"id": 1, "nama": "Disdukcapil"')
    problem = refusal(path)
    assert problem.code == "corrupt" and "JSON tidak valid" in problem.message


def test_json_without_rows_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "status.json"
    path.write_text('{"success": true, "message": ""}')
    assert refusal(path).code == "not_spreadsheet"


def test_personal_columns_found_below_a_two_cell_title(tmp_path):
    rows = [
        ["REKAP ANTREAN", "TAHUN 2025"],
        [],
        ["No", "Tanggal", "Instansi", "Layanan", "NIK", "Status"],
        [1, "02/01/2025", "Disdukcapil", "Perubahan Alamat", "6471012345670001", "Selesai"],
    ]
    book = read_file(write_xlsx(tmp_path / "antrean.xlsx", {"Tiket": rows}))
    assert book.dropped_columns == ("NIK",)
    assert book.sheets[0].rows[3] == [1, "02/01/2025", "Disdukcapil", "Perubahan Alamat", None, "Selesai"]


@pytest.mark.slow
def test_guarded_read_admits_a_big_legitimate_ticket_export(tmp_path):
    path = write_ticket_csv(tmp_path / "tiket.csv", 300_000)
    book = read_file_guarded(path, limits=Limits(stream_over=1_000_000))
    assert book.frame.num_rows == 300_000 and book.dropped_columns == ("NIK", "Nama", "No HP")


@pytest.mark.slow
def test_guarded_read_hands_back_a_long_xlsx_as_its_arrow_table(tmp_path):
    rows = [["No", "Tanggal", "Instansi", "NIK"]] + [
        [i, "01/01/2025", "Disdukcapil", "6471"] for i in range(300)
    ]
    path = write_xlsx(tmp_path / "tiket.xlsx", {"Tiket": rows})
    book = read_file_guarded(path, limits=Limits(grid_rows=100, head_rows=5))
    assert book.sheets[0].truncated and book.frame.num_rows == 300
    assert book.frame.column_names == ["No", "Tanggal", "Instansi"] and book.dropped_columns == ("NIK",)
