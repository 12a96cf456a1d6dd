"""Unggah in AppTest, a sheet no layout recognises: the analyst maps its columns once, sees the monthly
totals per agency before anything loads, saves the mapping and loads the file; the next month's file
with the same header is then recognised and loads with no mapping step. The saved mappings are
renamed, downloaded, imported and deleted on the same page."""

import json

import pytest
from openpyxl import Workbook

from loaders import mapping
from loaders.layouts.common import Context
from loaders.mapping import shared_json as exported
from loaders.read import read_file
from mpp.access import accounts
from mpp.store import db
from tests import hostile_names as hostile
from tests import layout_files as lf
from tests.apptest import as_analyst, problems_shown
from tests.test_app_names import raw, rendered_as_markdown, table_cells

PAGE = "pages/8_Unggah.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SITE = "MPP Kota Balikpapan"
# Headers no layout knows: a queue system's own words for date, agency, service, count and status.
HEADER = ["Hari Layanan", "Unit Tujuan", "Urusan", "Banyak Orang", "Hasil"]
TITLE = "REKAP HARIAN MPP KOTA BALIKPAPAN"


def daily_sheet(month: int, samsat: int = 1207) -> bytes:
    """A month of the queue system's daily counts; the cancelled row is not a visit."""
    rows = [
        [f"01/{month:02d}/2026", "Disdukcapil", "KTP-el", 5, "Selesai"],
        [f"02/{month:02d}/2026", "Samsat", "PKB", samsat, "Selesai"],
        [f"02/{month:02d}/2026", "Samsat", "PKB", 2, "Batal"],
    ]
    return lf.long_sheet(HEADER, rows, title=TITLE)


@pytest.fixture
def page(demo_db, open_app):
    return as_analyst(open_app, demo_db, PAGE)


def seen(at) -> str:
    """What the page says: its markdown, captions and alerts."""
    return " ".join(
        [*(m.value for m in at.markdown), *(c.value for c in at.caption)]
        + [a.value for a in (*at.success, *at.info, *at.warning, *at.error)]
    )


def table_with(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def load_button(at):
    return next(b for b in at.button if b.label.startswith("Muat "))


def mapping_form_shown(at) -> bool:
    return any(e.label.startswith("Petakan kolom") for e in at.expander)


def widget(elements, label: str):
    return next(w for w in elements if w.label == label)


def store_visits(path, month: str) -> list[tuple]:
    with db.connect(path, read_only=True) as con:
        return con.execute(
            "SELECT agency, sum(visits) FROM monthly_agency_visits WHERE site = ? AND month = ? "
            "GROUP BY agency ORDER BY agency",
            [SITE, month],
        ).fetchall()


def saved_names(path) -> list[tuple]:
    with db.connect(path, read_only=True) as con:
        return con.execute("SELECT site, name FROM column_mappings ORDER BY site, name").fetchall()


def test_a_sheet_mapped_once_loads_and_the_next_month_loads_by_itself(page, demo_db):
    at = page
    at.file_uploader[0].set_value(("rekap_harian_agustus.xlsx", daily_sheet(8), XLSX)).run()
    assert not at.exception
    problems = problems_shown(at)
    assert "tata_letak_tidak_dikenal" in list(problems["Kode"])
    way_out = problems[problems["Kode"] == "tata_letak_tidak_dikenal"]["Keterangan"].iloc[0]
    assert "Petakan kolomnya sekali di «Petakan kolom» di bawah" in way_out and "--mapping" not in way_out
    assert mapping_form_shown(at) and load_button(at).disabled
    first_rows = table_with(at, "Baris")
    assert list(first_rows.iloc[1]) == ["2", *HEADER]  # the header row as the spreadsheet numbers it
    assert widget(at.number_input, "Baris judul kolom").value == 2

    widget(at.selectbox, "Kolom instansi").select("Unit Tujuan")
    widget(at.selectbox, "Kolom layanan (boleh tidak ada)").select("Urusan")
    widget(at.selectbox, "Kolom tanggal").select("Hari Layanan")
    widget(at.selectbox, "Kolom jumlah").select("Banyak Orang")
    widget(at.selectbox, "Kolom status tiket (boleh tidak ada)").select("Hasil")
    at.run()
    assert not at.exception
    served = widget(at.multiselect, "Nilai status yang berarti dilayani (dihitung sebagai kunjungan)")
    assert served.options == ["Selesai", "Batal"]
    assert served.value == ["Selesai"]  # the ticket status table knows Selesai as served
    assert "Pratinjau: kunjungan layanan per bulan per instansi (belum dimuat)" in seen(at)
    preview = table_with(at, "Agu 2026")
    assert preview.to_dict("list") == {
        "Instansi": ["Disdukcapil", "Samsat"],
        "Agu 2026": ["5", "1.207"],
        "Jumlah": ["5", "1.207"],
    }
    assert store_visits(demo_db, "2026-08-01") == []  # a preview loads nothing

    widget(at.text_input, "Nama pemetaan").input("Antrean harian Balikpapan")
    widget(at.button, "Simpan dan periksa lagi").click()
    at.run()
    assert not at.exception
    said = seen(at)
    assert "Pemetaan 'Antrean harian Balikpapan' disimpan untuk MPP Kota Balikpapan" in said
    assert "Format: **tabel yang dipetakan analis (pemetaan kolom)**" in said
    assert "dipetakan dengan 'Antrean harian Balikpapan'" in said
    assert "Kunjungan layanan: **1.212**" in said
    assert not mapping_form_shown(at)
    assert saved_names(demo_db) == [(SITE, "Antrean harian Balikpapan")]

    load_button(at).click()
    at.run()
    assert any("rekap_harian_agustus.xlsx: ditambahkan" in s.value for s in at.success)
    assert store_visits(demo_db, "2026-08-01") == [("Disdukcapil", 5), ("Samsat", 1207)]

    at.file_uploader[0].set_value(("rekap_harian_september.xlsx", daily_sheet(9, samsat=40), XLSX)).run()
    assert not at.exception
    said = seen(at)
    assert "dipetakan dengan 'Antrean harian Balikpapan'" in said and "Kunjungan layanan: **45**" in said
    assert not mapping_form_shown(at) and problems_shown(at).empty
    load_button(at).click()
    at.run()
    assert any("rekap_harian_september.xlsx: ditambahkan" in s.value for s in at.success)
    assert store_visits(demo_db, "2026-09-01") == [("Disdukcapil", 5), ("Samsat", 40)]


def test_month_columns_of_one_office_are_read_from_their_headers(page):
    """A permit recap: one column per month, no agency column; the whole file is DPMPTSP's."""
    at = page
    rows = [["Izin Usaha", 120, 1530], ["Izin Reklame", 8, 11]]
    recap = lf.long_sheet(["Perizinan", "Juli 2026", "Agustus 2026"], rows, title=TITLE)
    at.file_uploader[0].set_value(("rekap_izin.xlsx", recap, XLSX)).run()
    assert not at.exception and mapping_form_shown(at)
    assert widget(at.radio, "Tanggal atau bulan").value == "months"  # two headers name months
    assert widget(at.multiselect, "Kolom bulan").value == ["Juli 2026", "Agustus 2026"]
    assert widget(at.text_input, "Bulan kolom «Juli 2026» (TTTT-BB)").value == "2026-07"

    widget(at.radio, "Instansi").set_value("one")
    at.run()
    widget(at.selectbox, "Instansi seluruh berkas").select("DPMPTSP")
    widget(at.selectbox, "Kolom layanan (boleh tidak ada)").select("Perizinan")
    at.run()
    assert not at.exception
    assert table_with(at, "Jul 2026").to_dict("list") == {
        "Instansi": ["DPMPTSP"],
        "Jul 2026": ["128"],
        "Agu 2026": ["1.541"],
        "Jumlah": ["1.669"],
    }

    widget(at.text_input, "Bulan kolom «Agustus 2026» (TTTT-BB)").input("2026-13")
    at.run()
    assert "bulan '2026-13' untuk kolom 'Agustus 2026' harus YYYY-MM atau MM" in seen(at)
    assert widget(at.button, "Simpan dan periksa lagi").disabled


def test_the_form_speaks_english_when_the_page_does(demo_db, open_app):
    at = as_analyst(open_app, demo_db, PAGE, lang="en")
    at.file_uploader[0].set_value(("rekap_harian_agustus.xlsx", daily_sheet(8), XLSX)).run()
    assert not at.exception
    assert any(e.label == "Map the columns: rekap_harian_agustus.xlsx" for e in at.expander)
    way_out = next(t.value for t in at.table if "Code" in t.value.columns)  # the problems, in English
    assert "Map its columns once under «Map the columns» below" in way_out["Message"].iloc[0]
    widget(at.selectbox, "Agency column").select("Unit Tujuan")
    widget(at.selectbox, "Date column").select("Hari Layanan")
    widget(at.selectbox, "Count column").select("Banyak Orang")
    at.run()
    assert not at.exception
    assert "Preview: service visits per month per agency (not loaded yet)" in seen(at)
    assert table_with(at, "Aug 2026").to_dict("list")["Total"] == ["5", "1,209"]  # Batal counted: no status
    assert widget(at.button, "Save and check again")


def saved_for(path, name: str, month: int = 8) -> None:
    """A mapping of the daily sheet saved for the site, as the form above saves it."""
    sheet = read_file(None, daily_sheet(month), name="rekap.xlsx").sheets[0]
    found = mapping.ColumnMapping(
        name,
        header_row=2,
        header=mapping.header_cells(sheet, 2),
        agency_column="Unit Tujuan",
        date_column="Hari Layanan",
        count_column="Banyak Orang",
        sheet="Data",
    )
    analyst = accounts.User("ana", "analyst")
    with db.connect(path) as con:
        mapping.save(con, SITE, found, analyst)


def saved_mapping(path, name: str) -> mapping.ColumnMapping:
    with db.connect(path, read_only=True) as con:
        return next(m for m in mapping.for_site(con, SITE) if m.name == name)


def test_saved_mappings_are_renamed_imported_and_deleted_on_the_page(page, demo_db):
    saved_for(demo_db, "Antrean lama")
    at = page.run()
    listed = table_with(at, "Judul kolom")
    assert listed.to_dict("list")["Nama"] == ["Antrean lama"]
    assert "HARI LAYANAN | UNIT TUJUAN | URUSAN | BANYAK ORANG | HASIL" in list(listed["Judul kolom"])
    assert any(b.label == "Unduh sebagai JSON" for b in at.get("download_button"))

    widget(at.text_input, "Nama baru").input("Antrean harian")
    widget(at.button, "Ganti nama").click()
    at.run()
    assert not at.exception
    assert "Pemetaan diganti namanya menjadi 'Antrean harian'." in seen(at)
    assert saved_names(demo_db) == [(SITE, "Antrean harian")]

    shared = json.loads(exported(saved_mapping(demo_db, "Antrean harian")))
    shared["name"] = "Dari Samarinda"
    at.file_uploader(key="cm_import_file").set_value(
        ("dari_samarinda.json", json.dumps(shared).encode(), "application/json")
    )
    widget(at.selectbox, "Lokasi pemetaan yang diimpor").select("MPP Kabupaten Balangan")
    at.run()
    widget(at.button, "Impor").click()
    at.run()
    assert not at.exception
    assert "Pemetaan 'Dari Samarinda' diimpor untuk MPP Kabupaten Balangan." in seen(at)
    assert saved_names(demo_db) == [("MPP Kabupaten Balangan", "Dari Samarinda"), (SITE, "Antrean harian")]

    widget(at.button, "Impor").click()  # the same file again: the name is taken for that site
    at.run()
    refusal = " ".join(e.value for e in at.error)
    assert "Berkas dari_samarinda.json tidak diimpor" in refusal
    assert "Nama 'Dari Samarinda' sudah dipakai pemetaan kolom lain untuk MPP Kabupaten Balangan" in refusal
    assert len(saved_names(demo_db)) == 2

    hostile = {"pantau_mpp_mapping": 1, "name": '=HYPERLINK("http://x")', "header_row": 2, "header": []}
    at.file_uploader(key="cm_import_file").set_value(
        ("jahat.json", json.dumps(hostile).encode(), "application/json")
    )
    at.run()
    widget(at.button, "Impor").click()
    at.run()
    assert not at.exception
    refusal = " ".join(e.value for e in at.error)
    assert "Berkas jahat.json tidak diimpor" in refusal and "rumus" in refusal
    assert len(saved_names(demo_db)) == 2

    widget(at.selectbox, "Pemetaan").select(1)  # the one of MPP Kota Balikpapan, saved first
    at.run()
    widget(at.button, "Hapus pemetaan").click()
    at.run()
    assert not at.exception
    assert "Pemetaan 'Antrean harian' dihapus." in seen(at)
    assert saved_names(demo_db) == [("MPP Kabupaten Balangan", "Dari Samarinda")]


def test_a_downloaded_mapping_holds_no_formula_and_still_reads_its_sheet():
    """Column names a spreadsheet would run ('+Unit', '@Hasil') leave with a leading apostrophe;
    headers match on letters and digits, so the shared file reads the same sheet."""
    header = ["Hari Layanan", "+Unit Tujuan", "Banyak Orang", "@Hasil"]
    rows = [["03/08/2026", "Samsat", "7", "Selesai"], ["03/08/2026", "Samsat", "2", "-Batal"]]
    sheet = read_file(None, lf.long_csv(header, rows), name="antrean.csv").sheets[0]
    taught = mapping.ColumnMapping(
        "Antrean",
        header_row=1,
        header=mapping.header_cells(sheet, 1),
        agency_column="+Unit Tujuan",
        date_column="Hari Layanan",
        count_column="Banyak Orang",
        status_column="@Hasil",
        served=("Selesai", "-Batal"),
    )
    text = exported(taught)
    strings = [v for v in json.loads(text).values() if isinstance(v, str)]
    strings += json.loads(text)["served"]
    assert strings and not [s for s in strings if s[:1] in "=+-@"]
    shared = mapping.from_json(text, "antrean.json")
    context = Context(file_name="antrean.csv")
    assert mapping.matches(shared, sheet)
    totals = mapping.preview_totals(mapping.apply(shared, sheet, context))
    assert (
        totals == mapping.preview_totals(mapping.apply(taught, sheet, context)) == [("Samsat", "2026-08", 9)]
    )


def test_names_in_the_form_and_its_preview_are_shown_as_text(page):
    """A file named like a link, its header cells and agencies named like markdown and formulas: the
    form, its first rows and its preview show every name as text, and no table offers a formula."""
    at = page
    header = ["Hari Layanan", hostile.MARKDOWN[0], hostile.FORMULAS[1], "Banyak Orang"]
    rows = [["03/08/2026", name, "x", 5 + i] for i, name in enumerate(hostile.NAMES)]
    at.file_uploader[0].set_value((f"{hostile.MARKDOWN[1]}.csv", lf.long_csv(header, rows), "text/csv")).run()
    assert not at.exception and mapping_form_shown(at)
    widget(at.selectbox, "Kolom instansi").select(hostile.MARKDOWN[0])
    widget(at.selectbox, "Kolom layanan (boleh tidak ada)").select(hostile.FORMULAS[1])
    widget(at.selectbox, "Kolom tanggal").select("Hari Layanan")
    widget(at.selectbox, "Kolom jumlah").select("Banyak Orang")
    at.run()
    assert not at.exception
    assert len(table_with(at, "Agu 2026")) == len(hostile.NAMES)  # the preview lists every agency
    texts = rendered_as_markdown(at)
    for name in hostile.NAMES:
        assert not [t for t in texts if raw(name, t)], name
    assert not [c for c in table_cells(at) if hostile.formula_like(c)]


def month_workbook(month: str, day: str) -> bytes:
    """A workbook whose data sheet is named for its month, after a sheet of instructions."""
    book = Workbook()
    book.active.title = "Petunjuk"
    book.active.append(["Isi data harian di lembar bulan berjalan."])
    data = book.create_sheet(month)
    data.append(["Hari Layanan", "Unit Tujuan", "Banyak Orang"])
    data.append([day, "Samsat", 31])
    return lf.to_bytes(book)


def test_a_sheet_named_for_its_month_is_picked_and_next_month_is_recognised(page):
    at = page
    at.file_uploader[0].set_value(
        ("rekap_mpp_kota_balikpapan.xlsx", month_workbook("Agustus", "03/08/2026"), XLSX)
    )
    at.run()
    assert not at.exception and mapping_form_shown(at)
    sheet = widget(at.selectbox, "Lembar")
    assert sheet.options == ["Petunjuk", "Agustus"] and sheet.value == "Agustus"  # the one with a table
    assert list(table_with(at, "Baris").iloc[0]) == ["1", "Hari Layanan", "Unit Tujuan", "Banyak Orang"]
    widget(at.selectbox, "Kolom instansi").select("Unit Tujuan")
    widget(at.selectbox, "Kolom tanggal").select("Hari Layanan")
    widget(at.selectbox, "Kolom jumlah").select("Banyak Orang")
    at.run()
    assert table_with(at, "Agu 2026").to_dict("list")["Jumlah"] == ["31"]
    widget(at.button, "Simpan dan periksa lagi").click()
    at.run()
    assert not at.exception and not mapping_form_shown(at)

    at.file_uploader[0].set_value(
        ("rekap_mpp_kota_balikpapan_2.xlsx", month_workbook("September", "01/09/2026"), XLSX)
    )
    at.run()
    assert not at.exception and not mapping_form_shown(at)
    assert "dipetakan dengan 'rekap mpp kota balikpapan'" in seen(
        at
    ) and "Periode: **September 2026**" in seen(at)


def test_the_preview_says_each_problem_in_words_with_its_place(demo_db, open_app):
    """A row whose date does not read: the preview's warning gives the cell and sheet as the problems
    table does ('A6 (Data)'), and the message, never the problem's code or the Indonesian 'sel'."""
    at = as_analyst(open_app, demo_db, PAGE, lang="en")
    rows = [["01/08/2026", "Samsat", "PKB", 5, "Selesai"], ["kemarin", "Samsat", "PKB", 3, "Selesai"]]
    sheet = lf.long_sheet(HEADER, rows, title=TITLE)
    at.file_uploader[0].set_value(("rekap_harian_agustus.xlsx", sheet, XLSX)).run()
    widget(at.selectbox, "Agency column").select("Unit Tujuan")
    widget(at.selectbox, "Date column").select("Hari Layanan")
    widget(at.selectbox, "Count column").select("Banyak Orang")
    at.run()
    assert not at.exception
    said = next(w.value for w in at.warning if "kemarin" in w.value)
    assert "- A4 (Data): 'kemarin' bukan tanggal" in said
    assert "tanggal_tidak_sah" not in said and "sel " not in said
