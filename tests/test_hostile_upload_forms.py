"""The upload page's unknown-agency form and its core (loaders.upload.settle_agencies) as a careless or
malicious user meets them (issue 13): names that are empty, blank, punctuation, a NIK or a phone
number, control characters, 500 characters, a formula, a name already known, the same name twice,
a viewer's hand, a choice that fails half-way. Each either saves what it should, once, or is refused
with the store unchanged; never a traceback, never personal data stored."""

from __future__ import annotations

import pytest

from loaders import upload
from loaders.load import Options
from mpp.access.accounts import PermissionDenied, User
from mpp.reference.agencies import AgencyMatcher
from mpp.store import db
from tests.apptest import as_analyst, choose_agencies
from tests.layout_files import long_sheet

ANALYST = User("ani", "analyst")
NIK, PHONE = "3171234567890001", "081234567890"


def agencies_and_aliases(con) -> tuple[list, list]:
    return (
        con.execute("SELECT agency_id, name FROM agencies ORDER BY agency_id").fetchall(),
        con.execute("SELECT alias_key, agency_id FROM agency_aliases ORDER BY alias_key").fetchall(),
    )


@pytest.mark.parametrize(
    "spelling",
    ["", "   ", "---", "…", NIK, f"Loket {PHONE}", "+62 812-3456-7890", "Dinas\x00Dua", "Loket\u202eX"],
)
def test_a_name_that_is_no_agency_name_is_refused_and_nothing_is_written(store, spelling):
    before = agencies_and_aliases(store)
    with pytest.raises(ValueError, match="Bukan nama instansi") as refused:
        upload.settle_agencies(
            store, ANALYST, {"Loket Wisata Halal": upload.NEW_AGENCY, spelling: upload.NEW_AGENCY}
        )
    assert NIK not in str(refused.value) and PHONE not in str(refused.value)  # messages reach logs
    assert agencies_and_aliases(store) == before  # not even the good name: all or none


def test_the_same_new_name_twice_in_other_case_and_spacing_is_one_agency(store):
    agencies, _ = agencies_and_aliases(store)
    assert (
        upload.settle_agencies(
            store, ANALYST, {"Loket Wisata": upload.NEW_AGENCY, "LOKET  wisata ": upload.NEW_AGENCY}
        )
        == 2
    )
    after, _ = agencies_and_aliases(store)
    assert [name for _, name in after[len(agencies) :]] == ["Loket Wisata"]
    matcher = AgencyMatcher.from_store(store)
    assert (
        matcher.match("LOKET  wisata ").canonical == matcher.match("Loket Wisata").canonical == "Loket Wisata"
    )


def test_a_known_agency_added_again_as_new_makes_no_second_agency(store):
    """Two analysts settle the same file: the second one's 'new agency' (or a stale form) for a
    name already known in another case must not create a twin without an alias."""
    before = agencies_and_aliases(store)
    upload.settle_agencies(
        store, ANALYST, {"DISDUKCAPIL ": upload.NEW_AGENCY, "Disdukcapil": upload.NEW_AGENCY}
    )
    assert agencies_and_aliases(store) == before


def test_a_long_or_formula_like_name_is_kept_whole_as_text_and_found_again(store):
    long_name = "Unit Pelayanan " + "Terpadu " * 60
    formula = '=HYPERLINK("http://contoh.test","klik")'
    upload.settle_agencies(store, ANALYST, {long_name: upload.NEW_AGENCY, formula: upload.NEW_AGENCY})
    matcher = AgencyMatcher.from_store(store)
    assert matcher.match(long_name).canonical == " ".join(long_name.split())
    assert matcher.match(formula).canonical == formula  # a name, shown as text, defused in exports
    upload.settle_agencies(store, ANALYST, {formula: upload.NEW_AGENCY})
    assert store.execute("SELECT count(*) FROM agencies WHERE name = ?", [formula]).fetchone() == (1,)


def test_a_viewer_settles_nothing(store):
    before = agencies_and_aliases(store)
    with pytest.raises(PermissionDenied):
        upload.settle_agencies(store, User("vina", "viewer"), {"Loket Wisata": upload.NEW_AGENCY})
    with pytest.raises(PermissionDenied):
        upload.settle_agencies(store, None, {"Loket Wisata": upload.NEW_AGENCY})
    assert agencies_and_aliases(store) == before


def test_a_choice_that_fails_half_way_leaves_nothing_written(store):
    before = agencies_and_aliases(store)
    with pytest.raises(ValueError, match="Tidak Ada"):
        upload.settle_agencies(
            store,
            ANALYST,
            {"Loket Wisata": upload.NEW_AGENCY, "Dinas Satu": "Tidak Ada", "Dukcapil 7": "Disdukcapil"},
        )
    assert agencies_and_aliases(store) == before


def test_personal_and_nameless_values_are_never_offered_in_the_form(store):
    data = long_sheet(
        ["Tanggal", "Instansi", "Jumlah"],
        [["03/02/2026", NIK, 3], ["03/02/2026", "-", 2], ["04/02/2026", "Loket Wisata Halal", 2]],
    )
    report = upload.preview(store, "antrean.xlsx", data, Options(site="MPP Kota Balikpapan"))
    assert report.outcome == "refused"
    assert "data_pribadi" in {p.code for p in report.problems}
    assert [u.spelling for u in upload.unknown_agencies(report)] == ["Loket Wisata Halal"]


# ---- the page --------------------------------------------------------------------------------------

PAGE = "pages/8_Unggah.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEANT = "Instansi yang dimaksud"


def test_the_page_offers_and_adds_only_the_real_unknown_name_never_the_nik(demo_db, open_app):
    at = as_analyst(open_app, demo_db, PAGE)
    next(t for t in at.text_input if t.label.startswith("Lokasi baru")).set_value("MPP Kabupaten Sleman")
    data = long_sheet(
        ["Tanggal", "Instansi", "Jumlah"],
        [["03/02/2026", NIK, 3], ["04/02/2026", "Loket Wisata Halal", 2]],
    )
    at.file_uploader[0].set_value(("antrean_februari_2026.xlsx", data, XLSX)).run()
    assert not at.exception, [e.value for e in at.exception]
    table = next(d for d in at.data_editor if MEANT in d.value.columns)
    assert list(table.value["Nama di berkas"]) == ["Loket Wisata Halal"]
    next(b for b in at.button if b.label == "Tambahkan semua sebagai instansi baru").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    with db.connect(demo_db, read_only=True) as con:
        names = [n for (n,) in con.execute("SELECT name FROM agencies").fetchall()]
        aliases = [a for (a,) in con.execute("SELECT alias FROM agency_aliases").fetchall()]
    assert "Loket Wisata Halal" in names
    assert not [n for n in names + aliases if NIK in n]


def test_a_choice_of_an_agency_gone_since_the_form_was_drawn_is_said_not_raised(demo_db, open_app):
    """The form's choices come from the agency list as drawn; another analyst may have renamed one
    since. Saving then refuses all of them with a message, never a traceback."""
    at = as_analyst(open_app, demo_db, PAGE)
    next(t for t in at.text_input if t.label.startswith("Lokasi baru")).set_value("MPP Kabupaten Sleman")
    data = long_sheet(
        ["Tanggal", "Instansi", "Jumlah"],
        [["03/02/2026", "Loket Wisata Halal", 3], ["04/02/2026", "Loket Kuliner", 2]],
    )
    at.file_uploader[0].set_value(("antrean_februari_2026.xlsx", data, XLSX)).run()
    with db.connect(demo_db, read_only=True) as con:
        before = agencies_and_aliases(con)
    choose_agencies(at, {"Loket Wisata Halal": upload.NEW_AGENCY, "Loket Kuliner": "Dinas Yang Sudah Tiada"})
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(e.value for e in at.error)
    assert (
        "Pilihan instansi tidak disimpan, tidak ada yang berubah" in said and "Dinas Yang Sudah Tiada" in said
    )
    assert not any("Belum ada" in w.value for w in at.warning)
    with db.connect(demo_db, read_only=True) as con:
        assert agencies_and_aliases(con) == before
