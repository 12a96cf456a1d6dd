"""validate: every problem found (not only the first), each naming its cell, with the fix."""

from datetime import date

from loaders.model import Sheet
from loaders.validate import (
    cell_ref,
    column_total_problems,
    count_problems,
    date_problems,
    duplicate_month_problems,
    formula_problems,
    row_total_problems,
    total_problems,
)

RECAP = Sheet(
    "Rekap",
    [
        ["NO", "NAMA INSTANSI", "JANUARI", "FEBRUARI", "JUMLAH"],
        [1, "Disdukcapil", "1.263", "-", 1263],
        [2, "DPMPTSP", 5, -6, 11],
        [3, "Kepolisian", "lima", 2, 9],
        [None, "JUMLAH", 1270, 2, 1290],
    ],
)


def test_cell_refs():
    assert [cell_ref(0, 0), cell_ref(6, 1), cell_ref(0, 25), cell_ref(9, 26), cell_ref(0, 701)] == [
        "A1",
        "B7",
        "Z1",
        "AA10",
        "ZZ1",
    ]


def test_every_bad_count_is_reported_with_its_cell():
    cells = [(r, c) for r in range(1, 4) for c in (2, 3)]
    found = count_problems(RECAP, cells, file="rekap.xlsx")
    assert [(p.code, p.cell) for p in found] == [("angka_negatif", "D3"), ("angka_tidak_sah", "C4")]
    assert all(p.file == "rekap.xlsx" and p.sheet == "Rekap" for p in found)
    assert "'lima'" in found[1].message and "bukan angka" in found[1].message
    assert "[angka_negatif] rekap.xlsx, sheet 'Rekap', sel D3:" in str(found[0])


def test_jumlah_row_and_column_that_disagree():
    by_row = row_total_problems(RECAP, 4, range(1, 4), [2, 3, 4])
    assert [p.cell for p in by_row] == ["C5", "E5"]
    assert "tertulis 1.270" in by_row[0].message and "berjumlah 1.268" in by_row[0].message
    by_col = column_total_problems(RECAP, 4, [2, 3], range(1, 4))
    assert [p.cell for p in by_col] == ["E3", "E4"]  # 5 + (-6 bad) = 5 != 11; 0 + 2 != 9
    assert all(p.code == "jumlah_tidak_cocok" for p in by_row + by_col)


def test_a_total_that_agrees_or_is_blank_is_fine():
    sheet = Sheet("S", [[3, 4, 7, None]])
    assert total_problems(sheet, (0, 2), [(0, 0), (0, 1)]) == []
    assert total_problems(sheet, (0, 3), [(0, 0), (0, 1)]) == []


def test_dates_in_the_future_or_outside_the_period():
    sheet = Sheet("Rekap Layanan", [[]])
    dated = [(date(2026, 1, 5), (3, 4)), (date(2026, 2, 1), (3, 31)), (date(2027, 1, 1), (4, 2))]
    found = date_problems(
        sheet, dated, today=date(2026, 11, 23), period=(date(2026, 1, 1), date(2026, 1, 31))
    )
    assert [(p.code, p.cell) for p in found] == [
        ("tanggal_di_luar_periode", "AF4"),
        ("tanggal_di_masa_depan", "C5"),
    ]
    assert "01/02/2026" in found[0].message and "31/01/2026" in found[0].message


def test_duplicated_month_columns():
    sheet = Sheet("Rekap", [["NO", "INSTANSI", "JULI", "AGUSTUS", "Agt", "SEPTEMBER", "Sep"]])
    found = duplicate_month_problems(sheet, 0)
    assert [(p.code, p.cell) for p in found] == [("bulan_ganda", "E1"), ("bulan_ganda", "G1")]
    assert "Agustus" in found[0].message and "D1" in found[0].message


def test_formulas_without_value():
    sheet = Sheet("Rekap", [[1, 2, None]], formulas_without_value=((0, 2),))
    assert [p.cell for p in formula_problems(sheet)] == ["C1"]
    assert formula_problems(sheet, within=[(0, 0)]) == []
