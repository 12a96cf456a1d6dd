"""Each layout family and quirk, from a file made in code, read through loaders.read as an upload is."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from loaders import read
from loaders.layouts import parse_workbook, tickets
from loaders.layouts.common import Context
from loaders.model import FileRefused
from mpp.reference.ticket_statuses import seed_meanings
from tests import layout_files as lf

SLEMAN = Path(__file__).resolve().parents[2] / "shared" / "real-data" / "sleman_rekap_izin_2025.xlsx"


def parse(data: bytes, name: str = "rekap.xlsx", **context):
    return parse_workbook(read.read_file(None, data, name=name), Context(file_name=name, **context))


def monthly(parsed, agency: str) -> dict[date, int]:
    rows = parsed.service[parsed.service["agency"] == agency]
    return dict(zip(rows["day"], rows["visits"], strict=True))


def served(parsed):
    """A ticket export with its statuses read as the seed list of ticket statuses says."""
    return tickets.read_statuses(parsed, seed_meanings())


def codes(parsed) -> list[tuple[str, str | None]]:
    return [(p.code, p.cell) for p in parsed.problems]


# ---- yearly recap ---------------------------------------------------------------------------------


def test_yearly_recap_reads_text_numbers_dashes_and_leaves_unreported_months_out():
    parsed = parse(lf.yearly_recap({"Disdukcapil": ["1.263", "-", 5], "DPMPTSP": [10, 20, "30"]}))
    assert parsed.layout == "rekap_tahunan"
    assert monthly(parsed, "Disdukcapil") == {
        date(2024, 1, 1): 1263,
        date(2024, 2, 1): 0,
        date(2024, 3, 1): 5,
    }
    assert set(parsed.service["day"]) == {date(2024, m, 1) for m in (1, 2, 3)}  # April.. not reported
    assert parsed.site == "MPP Kabupaten Paser" and parsed.year == 2024
    assert parsed.problems == []


def test_yearly_recap_skips_the_total_row_and_the_signature_block():
    parsed = parse(lf.yearly_recap({"Samsat": [1, 2]}, signature=True))
    assert set(parsed.service["agency"]) == {"Samsat"}
    assert parsed.service["visits"].sum() == 3


def test_yearly_recap_total_row_that_disagrees_is_a_problem_naming_the_cell():
    parsed = parse(lf.yearly_recap({"Samsat": [1, 2], "Imigrasi": [3, 4]}, stated_totals={1: 99}))
    assert codes(parsed) == [("jumlah_tidak_cocok", "D7")]
    assert "99" in parsed.problems[0].message and "6" in parsed.problems[0].message


def test_yearly_recap_negative_and_non_numeric_counts_are_problems_all_listed():
    parsed = parse(lf.yearly_recap({"Samsat": [-4, "banyak"]}, total_row=False, total_col=False))
    assert [c for c, _ in codes(parsed)] == ["angka_negatif", "angka_tidak_sah"]
    assert [cell for _, cell in codes(parsed)] == ["C5", "D5"]


def test_yearly_recap_cover_sheet_is_ignored():
    parsed = parse(lf.yearly_recap({"Samsat": [1]}, cover=True))
    assert parsed.layout == "rekap_tahunan" and parsed.service["visits"].tolist() == [1]


def test_yearly_recap_year_from_option_when_title_has_none():
    data = lf.yearly_recap({"Samsat": [1]}, title="REKAP PENGUNJUNG")
    with pytest.raises(FileRefused) as refused:
        parse(data)
    assert refused.value.problems[0].code == "tahun_tidak_diketahui"
    assert refused.value.problems[0].way_out == "year"  # the command line says --year, the page Tahun
    assert parse(data, year=2023).service["day"].tolist() == [date(2023, 1, 1)]


def test_yearly_recap_english_and_abbreviated_month_names():
    months = ["Jan", "Feb", "MARCH", "Apr", "May", "Jun", "Jul", "Agt", "Sept", "OCTOBER", "Nop", "Des"]
    parsed = parse(lf.yearly_recap({"Samsat": [1] * 12}, months=months))
    assert sorted(d.month for d in parsed.service["day"]) == list(range(1, 13))


# ---- the real Sleman recap: several month blocks ------------------------------------------------


@pytest.mark.skipif(not SLEMAN.exists(), reason="real-data/sleman_rekap_izin_2025.xlsx tidak ada")
def test_sleman_without_block_is_refused_listing_the_blocks():
    with pytest.raises(FileRefused) as refused:
        parse(SLEMAN.read_bytes(), SLEMAN.name)
    message = refused.value.problems[0].message
    assert refused.value.problems[0].code == "blok_ganda"
    for block in ("JUMLAH IZIN", "JUMLAH PENOLAKAN", "JUMLAH BERKAS DICABUT", "JUMLAH IZIN TERBIT"):
        assert f'"{block}"' in message


@pytest.mark.skipif(not SLEMAN.exists(), reason="real-data/sleman_rekap_izin_2025.xlsx tidak ada")
def test_sleman_block_jumlah_izin():
    parsed = parse(SLEMAN.read_bytes(), SLEMAN.name, block="JUMLAH IZIN")
    service = parsed.service
    assert monthly(parsed, "IZIN PRAKTIK BIDAN") == {
        date(2025, m, 1): v for m, v in zip(range(1, 7), [25, 25, 19, 29, 0, 0], strict=True)
    }
    totals = service.groupby("day")["visits"].sum()
    assert totals.tolist() == [709, 778, 1040, 646, 483, 563]
    assert not service["agency"].str.contains("J  U  M|JUMLAH|RETNO|NIP|Kepala", regex=True).any()
    assert service["agency"].nunique() == 70 and parsed.problems == []


@pytest.mark.skipif(not SLEMAN.exists(), reason="real-data/sleman_rekap_izin_2025.xlsx tidak ada")
def test_sleman_block_izin_terbit_and_unknown_block():
    parsed = parse(SLEMAN.read_bytes(), SLEMAN.name, block="jumlah izin terbit")
    assert parsed.service["visits"].sum() == 4293
    with pytest.raises(FileRefused) as refused:
        parse(SLEMAN.read_bytes(), SLEMAN.name, block="JUMLAH LAIN")
    assert refused.value.problems[0].code == "blok_tidak_ada"


# ---- one sheet per month --------------------------------------------------------------------------

MONTHS = {
    "JANUARI": {"Disdukcapil": {"KTP-el": 5, "KK": "1.200"}, "Samsat": {"PKB": 7}},
    "Feb": {"Disdukcapil": {"KTP-el": 3}},
}


def test_monthly_sheets_agency_merged_over_services_subtotals_not_counted():
    parsed = parse(lf.monthly_sheets(MONTHS))
    assert parsed.layout == "per_bulan" and parsed.problems == []
    jan = parsed.service[parsed.service["day"] == date(2025, 1, 1)]
    assert jan[["agency", "service", "visits"]].values.tolist() == [
        ["Disdukcapil", "KTP-el", 5],
        ["Disdukcapil", "KK", 1200],
        ["Samsat", "PKB", 7],
    ]
    assert parsed.service["visits"].sum() == 1215
    assert parsed.site == "MPP Kota Balikpapan"


def test_monthly_sheets_ignore_lookup_and_hidden_sheets():
    parsed = parse(lf.monthly_sheets(MONTHS, lookup_sheet=True, hidden_sheet=True))
    assert set(parsed.service["day"]) == {date(2025, 1, 1), date(2025, 2, 1)}


def test_monthly_sheets_total_that_disagrees_is_a_problem():
    parsed = parse(lf.monthly_sheets({"MARET": {"Samsat": {"PKB": 7, "BBN": 3}}}, stated_total=11))
    assert codes(parsed) == [("jumlah_tidak_cocok", "D6")]
    assert parsed.problems[0].sheet == "MARET"


def test_not_a_known_layout_is_refused_naming_the_sheets():
    with pytest.raises(FileRefused) as refused:
        parse(lf.monthly_sheets({"Catatan": {"Samsat": {"PKB": 1}}}))
    assert refused.value.problems[0].code == "tata_letak_tidak_dikenal"
    assert "'Catatan'" in refused.value.problems[0].message


# ---- queue-system daily matrix (SiolaQ Rekap Layanan) -------------------------------------------

DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"
MATRIX = {DUKCAPIL: {"A — KTP-el": {1: 5, 2: 7}, "B — KK": {1: 1}}, "Imigrasi": {"": {3: 4}}}


def test_queue_matrix_keeps_service_rows_never_double_counts_subtotals():
    parsed = parse(lf.queue_matrix(MATRIX), "siolaq.xlsx")
    service = parsed.service
    assert parsed.layout == "antrean_matriks_harian" and parsed.problems == []
    assert service["visits"].sum() == 17  # not 34: agency rows are subtotals
    ktp = service[service["service"] == "KTP-el"]
    assert dict(zip(ktp["day"], ktp["visits"], strict=True)) == {date(2026, 1, 1): 5, date(2026, 1, 2): 7}
    assert set(service["grain"]) == {"day"}
    imigrasi = service[service["agency"] == "Imigrasi"]  # no service rows: the agency row counts
    assert imigrasi[["day", "visits"]].values.tolist() == [[date(2026, 1, 3), 4]]
    assert parsed.site == "MPP Kota Surabaya"


def test_queue_matrix_subtotal_that_disagrees_is_a_problem():
    parsed = parse(lf.queue_matrix(MATRIX, subtotal_off={(DUKCAPIL, 2): 3}), "siolaq.xlsx")
    assert ("jumlah_tidak_cocok", "D5") in codes(parsed)


def test_queue_matrix_days_outside_the_period_are_problems():
    data = lf.queue_matrix(
        {"Imigrasi": {"A — Paspor": {30: 2}}}, period="Periode 01 February 2026 s.d. 28 February 2026"
    )
    assert codes(parse(data, "siolaq.xlsx"))[0] == ("tanggal_di_luar_periode", "AF6")


# ---- queue-system daily channel recap -----------------------------------------------------------

CHANNEL_ROWS = [
    ("02-01-2026", DUKCAPIL, "A", "KTP-el", 10, 5, 2, 1),
    ("03-01-2026", "Imigrasi", "B", "Paspor", 3, 0, 0, 4),
]


def test_channel_recap_keeps_channels_and_reports_cancellations_apart():
    parsed = parse(lf.channel_recap(CHANNEL_ROWS), "antrean.xlsx")
    assert parsed.layout == "antrean_kanal_harian" and parsed.problems == []
    rows = parsed.service[["agency", "day", "channel", "visits"]].values.tolist()
    assert rows == [
        [DUKCAPIL, date(2026, 1, 2), "walk_in", 10],
        [DUKCAPIL, date(2026, 1, 2), "online", 5],
        ["Imigrasi", date(2026, 1, 3), "walk_in", 3],
    ]
    assert parsed.notes[0] == (
        "tidak dihitung sebagai kunjungan (disimpan terpisah): pembatalan online 2, tidak hadir 5"
    )
    outcomes = parsed.outcomes[["agency", "day", "service", "cancelled", "no_show"]]
    assert outcomes.values.tolist() == [
        [DUKCAPIL, date(2026, 1, 2), "KTP-el", 2, 1],
        ["Imigrasi", date(2026, 1, 3), "Paspor", 0, 4],
    ]


def test_channel_recap_total_that_is_not_the_sum_and_dates_outside_period():
    rows = [*CHANNEL_ROWS, ("03-02-2026", "Imigrasi", "B", "Paspor", 1, 0, 0, 0)]
    parsed = parse(lf.channel_recap(rows, total_off=1), "antrean.xlsx")
    found = codes(parsed)
    assert ("jumlah_tidak_cocok", "G4") in found and ("tanggal_di_luar_periode", "A6") in found


# ---- ticket exports -----------------------------------------------------------------------------


def test_ticket_export_counts_served_tickets_per_day_and_channel_and_drops_personal_columns():
    rows = lf.ticket_rows(40)
    workbook = read.read_file(None, lf.ticket_export(rows), name="tiket.xlsx")
    assert workbook.dropped_columns == ("NIK", "Nama Pemohon", "No HP")
    parsed = served(parse_workbook(workbook, Context(file_name="tiket.xlsx")))
    assert parsed.layout == "tiket_antrean" and parsed.problems == []
    assert parsed.service["visits"].sum() == 31  # 4 Batal and 5 Tidak Hadir left out
    assert set(parsed.service["channel"]) == {"online", "walk_in"}
    assert set(parsed.service["grain"]) == {"day"}
    assert parsed.notes == [
        "40 tiket dibaca",
        "31 dilayani (kunjungan); tidak dihitung: 4 batal, 5 tidak hadir",
    ]
    assert parsed.outcomes[["cancelled", "no_show"]].sum().tolist() == [4, 5]
    assert not any(c in parsed.service.columns for c in ("NIK", "Nama Pemohon", "No HP"))


@pytest.mark.parametrize("status", ["Batal", "TIDAK HADIR", "Dilewati", "No-show", "skipped"])
def test_ticket_statuses_that_are_not_visits(status):
    rows = [
        ["A1", "02/01/2026", "08:00", "Samsat", "PKB", "1", "Langsung", status],
        ["A2", "02/01/2026", "08:05", "Samsat", "PKB", "1", "Langsung", "Selesai"],
    ]
    parsed = served(parse(lf.ticket_export(rows, lf.TICKET_HEADER[:8]), "tiket.xlsx"))
    assert parsed.service["visits"].tolist() == [1]


@pytest.mark.slow  # a large file
def test_big_ticket_csv_takes_the_fast_path_with_the_same_figures():
    rows = lf.ticket_rows(120_000)  # above read.py's grid limit
    workbook = read.read_file(None, lf.ticket_csv(rows), name="tiket.csv")
    assert workbook.frame is not None and workbook.sheets[0].truncated
    parsed = served(parse_workbook(workbook, Context(file_name="tiket.csv")))
    assert parsed.service["visits"].sum() == sum(1 for r in rows if r[7] == "Selesai")
    assert workbook.dropped_columns == ("NIK", "Nama Pemohon", "No HP")


def test_ticket_dates_that_do_not_read_are_a_problem():
    rows = [["A1", "kemarin", "08:00", "Samsat", "PKB", "1", "Langsung", "Selesai"]]
    parsed = parse(lf.ticket_export(rows, lf.TICKET_HEADER[:8]), "tiket.xlsx")
    assert codes(parsed) == [("tanggal_tidak_sah", "B2")]


# ---- long CSV and Satu Data ---------------------------------------------------------------------


def test_long_daily_csv_semicolon_bom_dd_mm_yyyy():
    data = lf.long_csv(
        ["Tanggal", "Instansi", "Layanan", "Jumlah"],
        [["01/02/2025", "Disdukcapil", "KTP", "1.234"], ["02/02/2025", "Samsat", "PKB", "-"]],
    )
    parsed = parse(data, "harian.csv")
    assert parsed.layout == "tabel_panjang" and parsed.problems == []
    assert parsed.service[["day", "grain", "visits"]].values.tolist() == [
        [date(2025, 2, 1), "day", 1234],
        [date(2025, 2, 2), "day", 0],
    ]


def test_long_monthly_csv_comma_windows_1252_with_channels():
    data = lf.long_csv(
        ["bulan", "tahun", "instansi", "kanal", "jumlah"],
        [
            ["Januari", "2025", "Kantor Pertanahan Kota Balikpapan", "Online", "5"],
            ["Feb", "2025", "Kantor Pertanahan Kota Balikpapan", "Jemput Bola", "7"],
        ],
        sep=",",
        encoding="cp1252",
    )
    parsed = parse(data, "bulanan.csv")
    assert parsed.service[["day", "grain", "channel", "visits"]].values.tolist() == [
        [date(2025, 1, 1), "month", "online", 5],
        [date(2025, 2, 1), "month", "jemput_bola", 7],
    ]


def test_long_csv_bad_counts_and_dates_all_reported():
    data = lf.long_csv(
        ["Tanggal", "Instansi", "Jumlah"], [["31/02/2025", "Samsat", "3"], ["01/03/2025", "Samsat", "-2"]]
    )
    assert codes(parse(data, "harian.csv")) == [("tanggal_tidak_sah", "A2"), ("angka_negatif", "C3")]


def test_a_month_column_reads_iso_dates_date_cells_and_every_usual_spelling():
    spellings = [
        date(2019, 1, 1),
        datetime(2019, 2, 1),
        "2019-03-01",
        "2019-04",
        "Mei 2019",
        "06/2019",
        "7/2019",
    ]
    spellings += ["Agu-19", "September 2019"]
    rows = [[when, agency, n] for n, when in enumerate(spellings, 1) for agency in ("Samsat", "Disdukcapil")]
    parsed = parse(lf.long_sheet(["Bulan", "Instansi", "Jumlah"], rows, "REKAP MPP KOTA BALIKPAPAN"))
    assert parsed.layout == "tabel_panjang" and parsed.problems == []
    assert set(parsed.service["grain"]) == {"month"}
    for agency in ("Samsat", "Disdukcapil"):
        assert monthly(parsed, agency) == {date(2019, m, 1): m for m in range(1, 10)}


def test_a_month_column_still_refuses_what_names_no_month():
    data = lf.long_csv(
        ["Bulan", "Instansi", "Jumlah"], [["2019-13", "Samsat", "1"], ["Mei 2019", "Samsat", "2"]]
    )
    assert codes(parse(data, "bulanan.csv")) == [("bulan_tidak_terbaca", "A2")]


def test_satu_data_long_format_names_its_site():
    data = lf.long_csv(
        lf.SATU_DATA_HEADER,
        [
            ["3510", "KABUPATEN BANYUWANGI", "2024", "1", "Disdukcapil", "1200", "orang"],
            ["3510", "KABUPATEN BANYUWANGI", "2024", "Februari", "Samsat", "300", "orang"],
        ],
        sep=",",
    )
    parsed = parse(data, "satudata.csv")
    assert parsed.layout == "satu_data" and parsed.site == "MPP Kabupaten Banyuwangi"
    assert parsed.service[["agency", "day", "visits"]].values.tolist() == [
        ["Disdukcapil", date(2024, 1, 1), 1200],
        ["Samsat", date(2024, 2, 1), 300],
    ]


# ---- old .xls -----------------------------------------------------------------------------------


def test_old_xls_yearly_recap():
    parsed = parse(lf.yearly_recap_xls({"DPMPTSP Kab. Batang": [3, "1.263", "-"]}), "rekap.xls")
    assert parsed.layout == "rekap_tahunan" and parsed.problems == []
    assert monthly(parsed, "DPMPTSP Kab. Batang") == {
        date(2023, 1, 1): 3,
        date(2023, 2, 1): 1263,
        date(2023, 3, 1): 0,
    }
    assert parsed.site == "MPP Kabupaten Batang"


def test_month_sheet_with_channel_columns_keeps_the_channels():
    parsed = parse(lf.monthly_channels("Juli", [("Disdukcapil", 10, 4, 2), ("Samsat", 3, 0, 0)]))
    assert parsed.problems == []
    assert parsed.service[["agency", "channel", "visits"]].values.tolist() == [
        ["Disdukcapil", "walk_in", 10],
        ["Disdukcapil", "online", 4],
        ["Disdukcapil", "jemput_bola", 2],
        ["Samsat", "walk_in", 3],
        ["Samsat", "online", 0],
        ["Samsat", "jemput_bola", 0],
    ]
    bad = parse(lf.monthly_channels("Juli", [("Samsat", 3, 1, 0)], jumlah_off=1))
    assert codes(bad) == [("jumlah_tidak_cocok", "F3")]


def test_a_recap_per_year_sheet_reads_every_sheet_and_refuses_a_copied_one():
    two_years = lf.recap_per_year(
        {
            "2023": ("REKAP MPP KABUPATEN PASER TAHUN 2023", {"Samsat": [1, 2]}),
            "2024": ("REKAP MPP KABUPATEN PASER TAHUN 2024", {"Samsat": [3]}),
        }
    )
    parsed = parse(two_years)
    assert monthly(parsed, "Samsat") == {date(2023, 1, 1): 1, date(2023, 2, 1): 2, date(2024, 1, 1): 3}
    copied = lf.recap_per_year(
        {
            "Rekap": ("REKAP MPP KABUPATEN PASER TAHUN 2024", {"Samsat": [3]}),
            "Rekap (2)": ("REKAP MPP KABUPATEN PASER TAHUN 2024", {"Samsat": [3]}),
        }
    )
    problems = parse(copied).problems
    assert [(p.code, p.sheet, p.cell) for p in problems] == [("data_ganda", "Rekap (2)", "C5")]
    assert "sheet 'Rekap' sel C5" in problems[0].message
