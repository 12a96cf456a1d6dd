"""Indonesian numbers, months, dates, years, site names, total labels and personal-data headers."""

import contextlib
from datetime import date, datetime

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from loaders.normalize import (
    find_site,
    find_year,
    is_personal_column,
    is_total_label,
    parse_count,
    parse_date,
    parse_month,
    parse_period_row,
    parse_year_month,
)


@pytest.mark.parametrize(
    "typed, count",
    [
        (1263, 1263),
        (12.0, 12),
        ("1.263", 1263),
        ("1,263", 1263),
        ("1.263,00", 1263),
        ("12,0", 12),
        ("12.0", 12),
        (" 1 263 ", 1263),
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("0", 0),
        ("-", 0),
        ("–", 0),
        ("\u00a0709\u00a0", 709),
    ],
)
def test_counts_as_offices_type_them(typed, count):
    assert parse_count(typed) == count


@pytest.mark.parametrize("blank", [None, "", "   ", "\u00a0"])
def test_a_blank_cell_is_not_reported_rather_than_zero(blank):
    assert parse_count(blank) is None


@pytest.mark.parametrize(
    "typed, words",
    [
        ("-5", "negatif"),
        (-1, "negatif"),
        ("(12)", "negatif"),
        ("abc", "bukan angka"),
        ("1.2.3", "bukan angka"),
        ("1.26", "pecahan"),
        ("12,5", "pecahan"),
        (12.5, "pecahan"),
        (True, "bukan jumlah"),
        ("12 orang", "bukan angka"),
    ],
)
def test_bad_counts_raise_and_quote_the_value(typed, words):
    with pytest.raises(ValueError, match=words) as caught:
        parse_count(typed)
    assert repr(typed) in str(caught.value)


@pytest.mark.slow
@given(st.integers(min_value=0, max_value=10**12))
def test_any_count_in_indonesian_format_reads_back(n):
    assert parse_count(format_decimal(n, locale="id_ID")) == n


@pytest.mark.slow
@given(st.integers(min_value=0, max_value=10**12))
def test_any_count_plain_english_or_float_reads_back(n):
    assert parse_count(str(n)) == n
    assert parse_count(f"{n:,}") == n
    assert parse_count(float(n)) == n if n < 2**53 else True


@pytest.mark.slow
@given(st.integers(min_value=1, max_value=10**9))
def test_negative_counts_always_refused(n):
    with pytest.raises(ValueError, match="negatif"):
        parse_count(f"-{format_decimal(n, locale='id_ID')}")


@pytest.mark.slow
@given(st.one_of(st.text(), st.floats(), st.integers(), st.none(), st.booleans()))
def test_any_cell_gives_a_count_none_or_a_value_error(value):
    try:
        result = parse_count(value)
    except ValueError as exc:
        assert repr(value) in str(exc)
    else:
        assert result is None or (isinstance(result, int) and result >= 0)


@pytest.mark.slow
@given(st.text(alphabet="abcxyz!?*", min_size=1))
def test_words_are_never_counts(text):
    with pytest.raises(ValueError):
        parse_count(text)


MONTH_SPELLINGS = {
    1: ["JANUARI", "Januari", "Jan", "JANUARY"],
    2: ["FEBRUARI", "Feb", "Pebruari"],
    3: ["MARET", "Mar", "March"],
    4: ["APRIL", "Apr"],
    5: ["MEI", "May"],
    6: ["JUNI", "Jun", "June"],
    7: ["JULI", "Jul", "July"],
    8: ["AGUSTUS", "Agt", "Agu", "Ags", "AUGUST", "Aug"],
    9: ["SEPTEMBER", "Sep", "Sept"],
    10: ["OKTOBER", "Okt", "OCTOBER", "Oct"],
    11: ["NOVEMBER", "Nop", "Nov", "Nopember"],
    12: ["DESEMBER", "Des", "DECEMBER", "Dec"],
}
SPELLINGS = [(word, month) for month, words in MONTH_SPELLINGS.items() for word in words]


@pytest.mark.slow
@given(
    st.sampled_from(SPELLINGS),
    st.sampled_from([str.upper, str.lower, str.title]),
    st.sampled_from(["", " ", "  ", " 2025", "-25", ". 2024 "]),
    st.sampled_from(["", " "]),
)
def test_months_in_any_case_abbreviation_or_language(spelling, case, tail, head):
    word, month = spelling
    assert parse_month(head + case(word) + tail) == month


@pytest.mark.parametrize("header", ["BULAN", "JUMLAH", "JUMLAH IZIN", "NO", "Januari Izin", "", None, 3])
def test_other_headers_are_not_months(header):
    assert parse_month(header) is None


@pytest.mark.parametrize(
    "cell",
    [
        date(2019, 5, 1),
        datetime(2019, 5, 1),
        datetime(2019, 5, 1, 8, 30),
        43586,  # the Excel serial of 2019-05-01, as a big file's date cells arrive
        "2019-05-01",
        "2019-05-01 00:00:00",
        "2019-05",
        "2019/05",
        "Mei 2019",
        "May 2019",
        "MEI 2019",
        "05/2019",
        "5/2019",
        "01/05/2019",
        "Mei-19",
        "May-19",
    ],
)
def test_a_month_column_reads_every_usual_spelling_of_may_2019(cell):
    assert parse_year_month(cell) == (2019, 5)


@pytest.mark.parametrize("cell, month", [("Mei", 5), ("januari", 1), (5, 5), ("12", 12), (3.0, 3)])
def test_a_month_without_a_year_leaves_the_year_to_the_table(cell, month):
    assert parse_year_month(cell) == (None, month)


@pytest.mark.parametrize("cell", [None, "", "BULAN", "JUMLAH", "2019", "2019-13", "13/2019", 13, 0, True])
def test_a_cell_naming_no_month_is_none(cell):
    assert parse_year_month(cell) is None


def test_a_date_header_gives_its_month():
    assert parse_month(datetime(2025, 8, 1)) == 8


@pytest.mark.parametrize(
    "value, day",
    [
        ("31/01/2025", date(2025, 1, 31)),
        ("31-01-2025", date(2025, 1, 31)),
        ("2025-01-31", date(2025, 1, 31)),
        ("2025-01-31 08:15:00", date(2025, 1, 31)),
        ("05/02/2025", date(2025, 2, 5)),
        ("1 Januari 2025", date(2025, 1, 1)),
        ("01 January 2026", date(2026, 1, 1)),
        (45658, date(2025, 1, 1)),
        (45658.5, date(2025, 1, 1)),
        (datetime(2025, 3, 4, 9), date(2025, 3, 4)),
        (date(2025, 3, 4), date(2025, 3, 4)),
    ],
)
def test_dates_day_first(value, day):
    assert parse_date(value) == day


def test_blank_date_is_none_and_nonsense_raises():
    assert parse_date("") is None and parse_date(None) is None
    with pytest.raises(ValueError, match="dd/mm/yyyy"):
        parse_date("kemarin")
    with pytest.raises(ValueError):
        parse_date("31/02/2025")


@pytest.mark.parametrize(
    "text, year",
    [
        ("MAL PELAYANAN PUBLIK KABUPATEN PASER TAHUN 2024", 2024),
        ("rekap_2025.xlsx", 2025),
        ("REKAP JANUARI 2024 s.d. 2025", 2025),
        ("Rekap Layanan", None),
        ("kode 120245", None),
    ],
)
def test_year_from_titles_and_file_names(text, year):
    assert find_year(text) == year


@pytest.mark.parametrize(
    "text, site",
    [
        ("MAL PELAYANAN PUBLIK KABUPATEN PASER TAHUN 2024", "MPP Kabupaten Paser"),
        ("MPP Kota Balikpapan", "MPP Kota Balikpapan"),
        ("REKAP PENGUNJUNG MPP KAB. DELI SERDANG", "MPP Kabupaten Deli Serdang"),
        ("MAL PELAYANAN PUBLIK KOTA SURABAYA PERIODE JANUARI", "MPP Kota Surabaya"),
        ("Mini MPP Kecamatan Tenggarong", "Mini MPP Kecamatan Tenggarong"),
        ("Rekap Layanan", None),
        ("", None),
    ],
)
def test_site_from_titles(text, site):
    assert find_site(text) == site


def test_period_row_of_queue_exports():
    assert parse_period_row("Periode 01 January 2026 s.d. 31 January 2026") == (
        date(2026, 1, 1),
        date(2026, 1, 31),
    )
    assert parse_period_row("Periode 01/02/2026 s/d 28/02/2026") == (date(2026, 2, 1), date(2026, 2, 28))
    assert parse_period_row("Rekap Layanan") is None


@pytest.mark.parametrize(
    "label",
    [
        "JUMLAH",
        "J  U  M  L  A  H",
        "Jumlah",
        "TOTAL",
        "SUB TOTAL",
        "Sub-Total",
        "Grand Total",
        "JUMLAH TOTAL",
    ],
)
def test_total_labels(label):
    assert is_total_label(label)


@pytest.mark.parametrize("label", ["JUMLAH IZIN", "Total Nomor Terbit", "Disdukcapil", None, 12])
def test_not_total_labels(label):
    assert not is_total_label(label)


@pytest.mark.parametrize(
    "header",
    [
        "NIK",
        "Nama",
        "nama lengkap",
        "Nama Pemohon",
        "No HP",
        "No. Telp",
        "Telepon",
        "phone",
        "WhatsApp",
        "WA",
        "No. WA",
        "Alamat",
        "address",
        "E-mail",
        "email",
        "Name",
        "No KTP",
        "Nomor KTP",
        "Pemohon",
        "Nomor Induk Kependudukan",
        "Identitas",
        "Nomor Identitas",
        "Telp",
        "HP",
        "Surel",
        "Alamat Pemohon",
    ],
)
def test_personal_headers(header):
    assert is_personal_column(header)


@pytest.mark.parametrize(
    "header",
    [
        "Nama Instansi",
        "nama_skpd",
        "nm_dinas",
        "nama_kabupaten_kota",
        "Layanan",
        "Tanggal",
        "Status",
        "Loket",
        "Jenis Layanan",
        None,
        # services, agencies, counts and survey ids, not persons:
        "KTP",
        "KTP-el",
        "Kartu Identitas Anak",
        "Jumlah Pemohon",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Responden",
        "id_responden",
        "Keterangan",
    ],
)
def test_organisation_headers_are_kept(header):
    assert not is_personal_column(header)


@pytest.mark.slow
@given(st.one_of(st.text(), st.integers(), st.floats(), st.none()))
def test_month_and_year_never_raise(value):
    assert parse_month(value) in (None, *range(1, 13))
    assert find_year(value) is None or 2000 <= find_year(value) <= 2099


@pytest.mark.slow
@given(st.one_of(st.text(), st.integers(min_value=-(10**7), max_value=10**7), st.none()))
def test_dates_either_parse_or_raise_value_error(value):
    with contextlib.suppress(ValueError):
        assert parse_date(value) is None or isinstance(parse_date(value), date)
