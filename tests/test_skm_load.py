"""Loading satisfaction-survey files: the real Pangkep answers and Banyuwangi published indices, and
every refusal (1-5 scale, out of range, words, blanks) naming its file and cell."""

from __future__ import annotations

import csv
import io
import tempfile
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.load import load_skm
from mpp.access.accounts import COMMAND_LINE
from mpp.store import db, ledger
from mpp.survey import report, skm
from mpp.survey.summary import site_report

pytestmark = pytest.mark.slow  # every load reads its file in a guarded child process

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"
PANGKEP = REAL_DATA / "pangkep_skm_responden.csv"
BANYUWANGI = REAL_DATA / "banyuwangi_ikm_kecamatan.xlsx"
PANGKEP_SITE = "MPP Kabupaten Pangkajene dan Kepulauan"
AT_PANGKEP = {"site": PANGKEP_SITE, "actor": COMMAND_LINE}  # loaded as the command line loads
BANYUWANGI_SITE = "MPP Kabupaten Banyuwangi"
HEADER = [
    "id_responden",
    "tgl_responden",
    "instansi",
    "jkel",
    "pekerjaan",
    "pendidikan",
    *(f"U{i}" for i in range(1, 10)),
    "saran",
]


def need(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"real office file missing: {path} (see ../shared/real-data/README.md)")
    return path


def csv_bytes(rows, header=HEADER) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return out.getvalue().encode("utf-8")


def row(rid, answers, agency="DPMPTSP", day="2024-12-09 10:00:00"):
    return [rid, day, agency, "Perempuan", "Wiraswasta", "SMA", *answers, "baik"]


def test_pangkep_index_from_the_file_matches_the_hand_computation(store):
    result = load_skm(store, need(PANGKEP), **AT_PANGKEP, unknown_agencies="add")
    assert result.outcome == "added" and result.rows == 55
    # By hand: the column sums of U1..U9 over the 55 respondents of the file.
    sums = [215, 209, 207, 205, 205, 199, 204, 209, 203]
    with open(PANGKEP, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 55 and [sum(int(r[f"U{i}"]) for r in rows) for i in range(1, 10)] == sums
    # NRR_i = sum_i / 55; IKM = (sum of NRR_i / 9) x 25 = 25 x 1856 / (9 x 55) = 46400 / 495 = 93,7373...
    assert sum(sums) == 1856
    expected = Fraction(25 * 1856, 9 * 55)
    survey = report.site_survey(store, PANGKEP_SITE, report.parse_period("2024"))
    assert survey.respondents == 55
    assert [survey.nrr[f"U{i}"] for i in range(1, 10)] == [Fraction(s, 55) for s in sums]
    assert survey.ikm == expected == Fraction(46400, 495)
    assert skm.display(survey.ikm) == "93,74" and survey.grade.letter == "A"
    assert survey.priority() == ["U6"]  # 199 / 55 = 3,62: Kompetensi
    assert "IKM 93,74 (A) dari 55 responden" in result.notes
    assert any(n.startswith("responden 30: 18 baris jawaban") for n in result.notes)  # answered twice


def test_pangkep_keeps_demographics_never_names_phones_or_suggestions(store):
    load_skm(store, need(PANGKEP), **AT_PANGKEP, unknown_agencies="add")
    columns = {c[0] for c in store.execute("DESCRIBE skm_responses").fetchall()}
    assert {"sex", "education", "occupation", "age_band"} <= columns
    assert not columns & {"saran", "nama", "name", "phone", "no_hp", "telepon"}
    sexes = dict(store.execute("SELECT sex, count(*) FROM skm_respondents GROUP BY sex").fetchall())
    assert sexes == {"Laki-laki": 30, "Perempuan": 25}  # as `cut -d, -f4 | uniq -c` counts
    per_agency = report.agency_surveys(store, PANGKEP_SITE, report.parse_period("2024"))
    assert len(per_agency) == 13 and sum(s.respondents for s in per_agency) == 55


def test_personal_columns_and_multiline_suggestions_are_not_stored(store, tmp_path):
    header = [
        "id_responden",
        "nama",
        "no_hp",
        "tgl_responden",
        "instansi",
        "usia",
        *(f"U{i}" for i in range(1, 10)),
        "saran",
    ]
    rows = [
        [
            "1",
            "Siti Aminah",
            "081234567890",
            "09/12/2024",
            "Disdukcapil",
            "34",
            *[4] * 9,
            "antrean lama\r\npetugas ramah",
        ],
        ["2", "Budi", "081298765432", "10/12/2024", "Disdukcapil", "61", *[3] * 9, "ok"],
    ]
    result = load_skm(store, "survei.csv", csv_bytes(rows, header), **AT_PANGKEP)
    assert result.ok, result.problems
    stored = store.execute("SELECT * FROM skm_responses").fetchall()
    text = repr(stored)
    assert "Siti" not in text and "0812" not in text and "antrean" not in text
    assert [r[0] for r in store.execute("SELECT age_band FROM skm_respondents ORDER BY day").fetchall()] == [
        "30-39",
        ">= 60",
    ]


def test_a_respondent_listed_twice_keeps_the_last_answers(store):
    rows = [row("30", [2] * 9), row("31", [4] * 9), row("30", [3] * 9)]
    result = load_skm(store, "dua_kali.csv", csv_bytes(rows), **AT_PANGKEP)
    assert result.rows == 2
    assert any("responden 30" in n for n in result.notes)
    survey = report.site_survey(store, PANGKEP_SITE, report.parse_period("2024"))
    assert survey.ikm == Fraction(25 * (3 + 4), 2)  # (3 + 4) / 2 per unsur, x 25 = 87,50


@pytest.mark.parametrize(
    "bad, code, words",
    [
        (5, "skm_jawaban_di_luar_skala", "skala 1-5"),
        (0, "skm_jawaban_di_luar_skala", "di luar skala 1-4"),
        ("Baik", "skm_jawaban_bukan_angka", "bukan angka"),
        ("3.5", "skm_jawaban_bukan_angka", "bukan angka"),
        ("", "skm_jawaban_kosong", "kosong"),
    ],
)
def test_answers_off_the_scale_are_refused_naming_file_and_cell(store, bad, code, words):
    answers = [4, 4, bad, 4, 4, 4, 4, 4, 4]  # U3 of the second respondent: column I, row 3
    result = load_skm(store, "skala.csv", csv_bytes([row("1", [4] * 9), row("2", answers)]), **AT_PANGKEP)
    assert result.outcome == "refused"
    found = [p for p in result.problems if p.code == code]
    assert found and found[0].cell == "I3" and found[0].file == "skala.csv"
    assert words in str(found[0]) and "skala.csv" in str(found[0]) and "I3" in str(found[0])
    assert store.execute("SELECT count(*) FROM skm_responses").fetchall() == [(0,)]
    assert store.execute("SELECT count(*) FROM loads").fetchall() == [(0,)]


def test_dates_must_be_there_and_be_dates(store):
    rows = [row("1", [4] * 9, day="31/02/2024"), row("2", [4] * 9, day="")]
    result = load_skm(store, "tanggal.csv", csv_bytes(rows), **AT_PANGKEP)
    assert [(p.code, p.cell) for p in result.problems] == [
        ("skm_tanggal_tidak_sah", "B2"),
        ("skm_tanggal_kosong", "B3"),
    ]
    header = [h for h in HEADER if h != "tgl_responden"]
    undated = [[c for i, c in enumerate(row(str(n), [4] * 9)) if i != 1] for n in range(5)]
    result = load_skm(store, "tanpa_tanggal.csv", csv_bytes(undated, header), **AT_PANGKEP)
    assert [p.code for p in result.problems] == ["skm_kolom_tanggal_tidak_ada"]


def test_a_1_to_5_file_names_some_cells_and_counts_the_rest(store):
    rows = [row(str(i), [5] * 9) for i in range(1, 11)]
    result = load_skm(store, "skala5.csv", csv_bytes(rows), **AT_PANGKEP)
    assert result.outcome == "refused" and len(result.problems) == 21
    assert "70 sel lain" in result.problems[-1].message


def test_eleven_items_are_not_raw_skm(store):
    header = [*HEADER[:-1], "U10", "U11"]
    rows = [["1", "2024-12-09", "DPMPTSP", "L", "PNS", "S1", *[4] * 11]]
    result = load_skm(store, "sebelas.csv", csv_bytes(rows, header), **AT_PANGKEP)
    assert result.outcome == "refused" and result.problems[0].code == "skm_bukan_9_unsur"


def test_long_answers_give_the_same_index(store):
    header = ["responden", "tanggal", "instansi", "jenis_kelamin", "unsur", "jawaban"]
    answers = {"A": [4, 4, 3, 4, 4, 4, 4, 3, 4], "B": [3, 3, 3, 4, 4, 3, 4, 4, 4]}
    rows = [
        [who, "09/12/2024", "Samsat", "Laki-laki", f"U{i + 1}", a]
        for who, values in answers.items()
        for i, a in enumerate(values)
    ]
    result = load_skm(store, "panjang.csv", csv_bytes(rows, header), **AT_PANGKEP)
    assert result.ok and result.layout == "skm_responden" and result.rows == 2
    survey = report.site_survey(store, PANGKEP_SITE, report.parse_period("2024"))
    assert survey.ikm == skm.survey_from_answers(list(answers.values())).ikm
    incomplete = load_skm(store, "kurang.csv", csv_bytes(rows[:-1], header), **AT_PANGKEP)
    assert incomplete.problems[0].code == "skm_unsur_tidak_lengkap"


def test_same_bytes_unchanged_corrected_file_replaces_and_undo_restores(store):
    first = csv_bytes([row("1", [4] * 9), row("2", [3] * 9)])
    assert load_skm(store, "a.csv", first, **AT_PANGKEP).outcome == "added"
    assert load_skm(store, "a.csv", first, **AT_PANGKEP).outcome == "unchanged"
    fixed = load_skm(store, "a.csv", csv_bytes([row("1", [4] * 9), row("2", [4] * 9)]), **AT_PANGKEP)
    assert fixed.outcome == "replaced"
    period = report.parse_period("2024")
    assert report.site_survey(store, PANGKEP_SITE, period).ikm == 100
    with db.transaction(store):
        ledger.undo(store, COMMAND_LINE, fixed.load_id)
    assert report.site_survey(store, PANGKEP_SITE, period).ikm == Fraction(175, 2)
    statuses = store.execute("SELECT status FROM loads ORDER BY load_id").fetchall()
    assert statuses == [("loaded",), ("undone",)]


def test_dry_run_says_what_would_happen_and_writes_nothing(store):
    first = csv_bytes([row("1", [4] * 9)])
    trial = load_skm(store, "a.csv", first, site=PANGKEP_SITE, dry_run=True)
    assert (trial.outcome, trial.load_id, trial.rows) == ("added", None, 1)
    load_skm(store, "a.csv", first, **AT_PANGKEP)
    trial = load_skm(store, "b.csv", csv_bytes([row("1", [3] * 9)]), site=PANGKEP_SITE, dry_run=True)
    assert trial.outcome == "replaced"
    assert store.execute("SELECT count(*) FROM loads").fetchall() == [(1,)]


def test_future_dates_are_refused(store):
    result = load_skm(store, "besok.csv", csv_bytes([row("1", [4] * 9, day="2099-01-02")]), **AT_PANGKEP)
    assert result.outcome == "refused" and result.problems[0].code == "tanggal_di_masa_depan"


def test_banyuwangi_loads_four_periods_with_the_kabupaten_totals(store):
    result = load_skm(store, need(BANYUWANGI), site=BANYUWANGI_SITE, actor=COMMAND_LINE)
    assert result.outcome == "added" and result.layout == "skm_ringkasan"
    totals = report.published_totals(store, BANYUWANGI_SITE)
    got = {r.period: (r.ikm_text, r.grade, r.item_count) for r in totals.itertuples()}
    assert got == {
        "2020": ("86,20", "B", 11),
        "2021": ("84,82", "B", 11),
        "2022 C": ("89,80", "A", 11),
        "2022 D": ("88,97", "A", 11),
    }
    assert all(totals["grade_agrees"])
    units = report.published_units(store, BANYUWANGI_SITE, "2021")
    assert len(units) == 24  # kecamatan Banyuwangi printed only '-'
    assert units.iloc[0]["unit"] == "Genteng" and units.iloc[0]["ikm_text"] == "92,55"
    assert units.set_index("unit").loc["Giri", "grade"] == "C"  # 75,25
    assert any("Banyuwangi tanpa nilai" in n for n in result.notes)


def test_banyuwangi_report_and_reload(store):
    load_skm(store, need(BANYUWANGI), site=BANYUWANGI_SITE, actor=COMMAND_LINE)
    data = site_report(store, BANYUWANGI_SITE)
    assert (data.period, data.index.ikm_text, data.index.grade, data.source) == (
        "2022 D",
        "88,97",
        "A",
        "ringkasan",
    )
    assert len(data.items) == 11 and data.unsur == ()
    assert [t.ikm_text for t in data.trend] == ["86,20", "84,82", "89,80", "88,97"]
    again = load_skm(store, BANYUWANGI, site=BANYUWANGI_SITE, actor=COMMAND_LINE)
    assert again.outcome == "unchanged"
    sha = store.execute("SELECT sha256 FROM loads").fetchall()[0][0]
    assert ledger.original(store, COMMAND_LINE, sha) == (
        "banyuwangi_ikm_kecamatan.xlsx",
        BANYUWANGI.read_bytes(),
    )


def test_python_m_loaders_ingest_and_undo(tmp_path, capsys):
    """The same command line as visit files: ingest, history, undo."""
    from loaders.__main__ import main as loaders_main

    base = str(tmp_path / "cli.duckdb")
    survey = tmp_path / "survei_mpp.csv"
    survey.write_bytes(csv_bytes([row("1", [4] * 9), row("2", [3] * 9)]))
    assert loaders_main(["ingest", str(survey), "--db", base, "--site", PANGKEP_SITE]) == 0
    out = capsys.readouterr().out
    assert "DITAMBAHKAN" in out and "IKM 87,50 (B) dari 2 responden" in out
    assert "kunjungan layanan" not in out
    assert loaders_main(["ingest", str(survey), "--db", base, "--site", PANGKEP_SITE]) == 0
    assert "TIDAK BERUBAH" in capsys.readouterr().out
    bad = tmp_path / "skala5.csv"
    bad.write_bytes(csv_bytes([row("1", [4, 5, 4, 4, 4, 4, 4, 4, 4])]))
    assert loaders_main(["ingest", str(bad), "--db", base, "--site", PANGKEP_SITE]) == 1
    assert "skala5.csv, sheet 'skala5', sel H2" in capsys.readouterr().out
    assert loaders_main(["undo", "1", "--db", base]) == 0
    with db.connect(base, read_only=True) as con:
        assert report.latest_year(con, PANGKEP_SITE) is None


def test_a_published_table_of_nrr_per_unit_is_not_taken_for_answers(store):
    """U1..U9 columns beside an IKM column are NRR per unit (published), not answers to refuse."""
    header = ["No", "Unit Layanan", *(f"U{i}" for i in range(1, 10)), "IKM", "Mutu"]
    rows = [
        ["1", "Disdukcapil", *["3,52"] * 9, "88,00", "B"],
        ["2", "Samsat", *["3,60"] * 9, "90,00", "A"],
        ["", "Rata-rata", *["3,56"] * 9, "89,00", "A"],
    ]
    result = load_skm(store, "ikm_unit_2024.csv", csv_bytes(rows, header), **AT_PANGKEP)
    assert result.ok and result.layout == "skm_ringkasan", result.problems
    totals = report.published_totals(store, PANGKEP_SITE)
    assert [(r.period, r.unit, r.ikm_text, r.item_count) for r in totals.itertuples()] == [
        ("2024", "Rata-rata", "89,00", 9)
    ]
    units = report.published_units(store, PANGKEP_SITE, "2024")
    assert list(units["unit"]) == ["Samsat", "Disdukcapil"]


def test_a_workbook_with_one_sheet_per_agency(store, tmp_path):
    """Excel answers: title rows above the header, numbers and dates as Excel stores them, a sheet
    per agency without an agency column, names and phone numbers beside."""
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for agency, answers in (("Disdukcapil", [4, 4, 3, 4, 4, 4, 4, 3, 4]), ("Samsat", [3] * 9)):
        sheet = book.create_sheet(agency)
        sheet.append([f"HASIL SURVEI KEPUASAN MASYARAKAT {agency.upper()} 2024"])
        sheet.append([])
        sheet.append(
            ["No", "Nama", "No HP", "Tanggal", "Jenis Kelamin", "Umur", *(f"U{i}" for i in range(1, 10))]
        )
        sheet.append([1, "Andi", "0812000111", datetime(2024, 5, 2, 9, 30), "L", 45, *answers])
    path = tmp_path / "skm_per_instansi_2024.xlsx"
    book.save(path)
    result = load_skm(store, path, **AT_PANGKEP)
    assert result.ok, result.problems
    assert result.rows == 2 and result.agencies == ["Disdukcapil", "Samsat"]
    stored = repr(store.execute("SELECT * FROM skm_responses").fetchall())
    assert "Andi" not in stored and "0812" not in stored
    survey = report.site_survey(store, PANGKEP_SITE, report.parse_period("2024-05"))
    assert survey.ikm == skm.survey_from_answers([[4, 4, 3, 4, 4, 4, 4, 3, 4], [3] * 9]).ikm
    assert store.execute("SELECT DISTINCT age_band FROM skm_respondents").fetchall() == [("40-49",)]


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=30),
    st.randoms(use_true_random=False),
)
def test_loading_is_idempotent_and_order_free(answers, rng):
    """The same bytes again change nothing; the same respondents in another order replace the slice
    with the very same index, which is 25 x S / (9 x N) exactly."""
    rows = [row(str(i), a) for i, a in enumerate(answers)]
    shuffled = rows[:]
    rng.shuffle(shuffled)
    with tempfile.TemporaryDirectory() as tmp, db.connect(Path(tmp) / "p.duckdb") as con:
        assert load_skm(con, "a.csv", csv_bytes(rows), **AT_PANGKEP).outcome == "added"
        assert load_skm(con, "a.csv", csv_bytes(rows), **AT_PANGKEP).outcome == "unchanged"
        again = load_skm(con, "b.csv", csv_bytes([*shuffled, shuffled[0]]), **AT_PANGKEP)
        assert again.outcome == "replaced"  # a repeated row is the same respondent, kept once
        survey = report.site_survey(con, PANGKEP_SITE, report.parse_period("2024"))
    assert survey.respondents == len(answers)
    assert survey.ikm == Fraction(25 * sum(map(sum, answers)), 9 * len(answers))


def test_only_analysts_load_survey_files(store):
    from mpp.access import accounts

    viewer = accounts.User("vera", "viewer")
    with pytest.raises(accounts.PermissionDenied):
        load_skm(store, "a.csv", csv_bytes([row("1", [4] * 9)]), site=PANGKEP_SITE, actor=viewer)
    assert store.execute("SELECT count(*) FROM loads").fetchall() == [(0,)]
