"""Unggah in AppTest: all of a file's unknown agency names in one form (the Sleman permit recap's 70
permit types), with nothing chosen for a name unlike any agency, and the two choices for every name
at once; what the page says after "Muat"; and a month of 0 for every agency, asked about."""

from __future__ import annotations

import pytest

from loaders import upload
from mpp.access import accounts
from mpp.store import db
from tests.apptest import as_analyst, problems_shown
from tests.layout_files import yearly_recap

PAGE = "pages/8_Unggah.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SLEMAN = "sleman_rekap_izin_2025.xlsx"
SITE = "MPP Kabupaten Sleman"
MEANT = "Instansi yang dimaksud"


@pytest.fixture
def page(demo_db, open_app):
    return as_analyst(open_app, demo_db, PAGE)


@pytest.fixture
def sleman(page, real_data):
    """The Sleman recap dropped with its site and block given: 70 unknown names."""
    at = page
    next(t for t in at.text_input if t.label.startswith("Lokasi baru")).set_value(SITE)
    next(t for t in at.text_input if t.label.startswith("Blok")).set_value("JUMLAH IZIN")
    at.file_uploader[0].set_value((SLEMAN, (real_data / SLEMAN).read_bytes(), XLSX)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def seen(at) -> str:
    return " ".join([*(m.value for m in at.markdown), *(c.value for c in at.caption)])


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def load_button(at):
    return next(b for b in at.button if b.label.startswith("Muat "))


def agency_table(at):
    return next(d for d in at.data_editor if MEANT in d.value.columns)


def site_visits(path, site: str = SITE) -> list[tuple]:
    with db.connect(path, read_only=True) as con:
        return con.execute(
            "SELECT count(DISTINCT a.name), count(DISTINCT service), sum(visits) FROM service_visits v "
            "JOIN sites s USING (site_id) JOIN agencies a USING (agency_id) "
            "WHERE s.name = ? AND v.superseded_by IS NULL",
            [site],
        ).fetchall()


def test_the_sleman_recap_asks_once_for_all_70_names_choosing_none_for_them(sleman):
    at = sleman
    forms = [d for d in at.data_editor if MEANT in d.value.columns]
    assert len(forms) == 1  # one form, not 70
    names = forms[0].value
    assert len(names) == 70 and "IZIN PRAKTIK PERAWAT" in set(names["Nama di berkas"])
    assert names[MEANT].isna().all()  # a permit type is like no agency: nothing chosen for it
    assert "Instansi tidak dikenal (70 nama)" in seen(at)
    shown = problems_shown(at)
    unknown = shown[shown["Kode"] == "instansi_tidak_dikenal"]
    assert len(unknown) == 1 and unknown["Masalah"].iloc[0] == "Instansi tidak dikenal"
    assert "70 nama instansi tidak dikenal" in unknown["Keterangan"].iloc[0]
    assert not [s for s in at.selectbox if s.label.startswith("Petakan ")]
    assert load_button(at).disabled


def test_all_names_as_services_of_one_agency_loads_one_agency_with_70_services(sleman, demo_db):
    at = sleman
    next(s for s in at.selectbox if s.label.startswith("…atau semua nama ini layanan")).select("DPMPTSP")
    button(at, "Jadikan layanan instansi ini").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert next(s for s in at.selectbox if s.label == "Satu instansi untuk seluruh berkas").value == "DPMPTSP"
    facts = seen(at)
    assert "Kunjungan layanan: **4.219**" in facts and "Periode: **Januari-Juni 2025**" in facts
    assert not [d for d in at.data_editor if MEANT in d.value.columns]
    with db.connect(demo_db, read_only=True) as con:  # nothing saved for a permit type
        assert con.execute(
            "SELECT count(*) FROM agency_aliases WHERE alias = 'IZIN PRAKTIK PERAWAT'"
        ).fetchall() == [(0,)]

    load_button(at).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert site_visits(demo_db) == [(1, 70, 4219)]


def test_adding_all_names_as_new_agencies_saves_them_in_one_go(sleman, demo_db):
    at = sleman
    button(at, "Tambahkan semua sebagai instansi baru").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    with db.connect(demo_db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM agency_aliases WHERE source = 'analyst'").fetchall() == [
            (70,)
        ]
        assert con.execute(
            "SELECT count(*) FROM agencies WHERE name = 'IZIN PRAKTIK PERAWAT'"
        ).fetchall() == [(1,)]
    assert not [d for d in at.data_editor if MEANT in d.value.columns]
    assert "Kunjungan layanan: **4.219**" in seen(at)
    assert not load_button(at).disabled


def test_a_name_very_like_an_agency_is_filled_in_and_saved_with_the_choices(page, demo_db):
    at = page
    recap = yearly_recap(
        {"Disdukcapl": [10, 12, 14], "IZIN REKLAME": [1, 2, 3]},
        title="REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2025",
    )
    at.file_uploader[0].set_value(("rekap_samarinda.xlsx", recap, XLSX)).run()
    table = agency_table(at)
    chosen = table.value[MEANT]
    assert chosen[0] == "Disdukcapil" and chosen.isna()[1]  # the typo suggested, the permit not
    at.session_state[table.key] = {
        "edited_rows": {1: {MEANT: "__new__"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    button(at, "Simpan pilihan").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    with db.connect(demo_db, read_only=True) as con:
        saved = con.execute(
            "SELECT a.alias, g.name FROM agency_aliases a JOIN agencies g USING (agency_id) "
            "WHERE a.source = 'analyst' ORDER BY 1"
        ).fetchall()
    assert saved == [("Disdukcapl", "Disdukcapil"), ("IZIN REKLAME", "IZIN REKLAME")]
    assert "Kunjungan layanan: **42**" in seen(at)


def test_after_loading_the_file_says_what_happened_and_the_button_has_nothing_to_load(page):
    at = page
    recap = yearly_recap(
        {"DISDUKCAPIL": [100, 120, 90]}, title="REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2025"
    )
    at.file_uploader[0].set_value(("rekap_samarinda.xlsx", recap, XLSX)).run()
    assert "rekap_samarinda.xlsx: akan ditambahkan" in [s.label for s in at.status]
    load_button(at).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    labels = [s.label for s in at.status]
    assert labels == [f"rekap_samarinda.xlsx: ditambahkan (muatan {labels[0].split()[-1]}"]
    assert any("rekap_samarinda.xlsx: ditambahkan" in s.value for s in at.success)
    assert "akan ditambahkan" not in " ".join(labels)
    assert load_button(at).label == "Muat 0 berkas" and load_button(at).disabled
    assert "Kunjungan layanan: **310**" in seen(at)


def test_a_refused_file_shows_the_options_given_not_dashes(page):
    at = page
    next(t for t in at.text_input if t.label.startswith("Lokasi baru")).set_value("MPP Kota Samarinda")
    next(n for n in at.number_input if n.label == "Tahun").set_value(2025)
    at.file_uploader[0].set_value(("catatan.csv", b"bukan tabel sama sekali\n", "text/csv")).run()
    facts = seen(at)
    assert "Lokasi: **MPP Kota Samarinda (pilihan)**" in facts and "Tahun: **2025 (pilihan)**" in facts
    assert "Lokasi: **-**" not in facts and "Periode: **-**" not in facts


def test_a_month_of_zero_for_every_agency_is_asked_about_and_left_out_when_not_reported(page, demo_db):
    at = page
    recap = yearly_recap(
        {"DISDUKCAPIL": [100, 120, "-"], "Samsat": [5, 6, "-"]},
        title="REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2025",
    )
    at.file_uploader[0].set_value(("rekap_samarinda.xlsx", recap, XLSX)).run()
    assert any("Maret 2025: angka 0 untuk semua instansi" in w.value for w in at.warning)
    question = next(r for r in at.radio if r.label == "Maret 2025: 0 untuk semua instansi berarti")
    assert question.value is None and load_button(at).disabled  # no answer chosen for the analyst

    question.set_value("not_reported")
    button(at, "Periksa lagi dengan jawaban ini").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Periode: **Januari-Februari 2025**" in seen(at)
    load_button(at).click()
    at.run()
    with db.connect(demo_db, read_only=True) as con:
        months = con.execute(
            "SELECT DISTINCT month FROM monthly_agency_visits WHERE site = 'MPP Kota Samarinda' ORDER BY 1"
        ).fetchall()
    assert [m.month for (m,) in months] == [1, 2]  # March is not a month of 0 visits: not reported yet


def test_in_english_problems_are_words_with_the_code_beside(demo_db, open_app):
    at = as_analyst(open_app, demo_db, PAGE, lang="en")
    at.file_uploader[0].set_value(("catatan.csv", b"SELECT 1;\n", "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = next(t.value for t in at.table if "Code" in t.value.columns)
    assert list(shown.columns) == ["Problem", "Cell", "Message", "Code"]
    assert shown["Problem"].tolist() == ["Not a spreadsheet"]
    assert shown["Code"].str.replace("\u200b", "").str.replace("\\_", "_").tolist() == ["not_spreadsheet"]


def recap_naming(name: str) -> bytes:
    return yearly_recap({name: [10, 12, 14]}, title="REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2025")


def test_an_agency_named_like_a_formula_is_suggested_and_saved_as_itself(page, demo_db):
    """'-Dinas Kebudayaan' (a name a spreadsheet would run) is a choice like any other: the table
    offers it for the file's '-Dinas Kebudayan' and saving maps the name to it."""
    with db.connect(demo_db) as con:
        upload.add_agency(con, accounts.COMMAND_LINE, "-Dinas Kebudayaan")
    at = page.run()
    at.file_uploader[0].set_value(("rekap_samarinda.xlsx", recap_naming("-Dinas Kebudayan"), XLSX)).run()
    # suggested, as the escaped text a copy or the table's CSV download then holds, not a formula
    assert agency_table(at).value[MEANT].tolist() == ["'-Dinas Kebudayaan"]
    button(at, "Simpan pilihan").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    with db.connect(demo_db, read_only=True) as con:
        assert con.execute(
            "SELECT g.name FROM agency_aliases a JOIN agencies g USING (agency_id) WHERE a.alias = ?",
            ["-Dinas Kebudayan"],
        ).fetchall() == [("-Dinas Kebudayaan",)]
    assert "Kunjungan layanan: **36**" in seen(at)


def test_a_choice_the_store_does_not_know_is_refused_in_words(page, demo_db):
    """A choice that is no agency of the store (a page drawn before someone else changed the list):
    saving says so in an error and saves nothing, never a traceback."""
    at = page
    at.file_uploader[0].set_value(("rekap_samarinda.xlsx", recap_naming("Disdukcapl"), XLSX)).run()
    table = agency_table(at)
    at.session_state[table.key] = {
        "edited_rows": {0: {MEANT: "Dinas Yang Tidak Ada"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    button(at, "Simpan pilihan").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("tidak disimpan" in e.value and "Dinas Yang Tidak Ada" in e.value for e in at.error)
    with db.connect(demo_db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM agency_aliases WHERE source = 'analyst'").fetchall() == [
            (0,)
        ]
