"""Agency matching on the seed list, with real lists offices wrote (../shared/real-data)."""

import csv
import json
from pathlib import Path

import pytest

from loaders.pipeline import Options, parse_file
from mpp.access.accounts import COMMAND_LINE, PermissionDenied, User
from mpp.reference.agencies import (
    AgencyMatcher,
    add_alias,
    agency_key,
    alias_key,
    candidate_keys,
    ensure_agency,
    seed_rows,
)
from mpp.store import db

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"
needs_real_data = pytest.mark.skipif(not REAL_DATA.exists(), reason=f"{REAL_DATA} is missing")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("agencies") / "mpp.duckdb"
    with db.connect(path) as con:
        yield con


@pytest.fixture(scope="module")
def matcher(store):
    return AgencyMatcher.from_store(store)


def canonical(matcher, raw, place=None):
    return matcher.match(raw, place).canonical


def test_seed_list_has_at_least_40_agencies_and_no_spelling_twice():
    rows = seed_rows()
    assert len(rows) >= 40
    owners = {}
    for row in rows:
        for spelling in [row["name"], row["long_name"], *filter(None, row["aliases"].split("|"))]:
            owner = owners.setdefault(alias_key(spelling), row["name"])
            assert owner == row["name"], f"'{spelling}' is an alias of both {owner} and {row['name']}"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
        ("DISDUKCAPIL ", "Disdukcapil"),
        ("Dinas Kependudukan & Pencatatan Sipil Kab. Paser", "Disdukcapil"),
        ("Dukcapil", "Disdukcapil"),
        ("dinas  kependudukan, dan pencatatan-sipil", "Disdukcapil"),
        ("Dinas Kependudukan dan Catatan Sipil 4", "Disdukcapil"),
        ("Polres Paser (SKCK)", "Kepolisian"),
        ("Polresta Balikpapan", "Kepolisian"),
        ("POLRESTABES SURABAYA", "Kepolisian"),
        ("Bank Kaltimtara", "Bankaltimtara"),
        ("KEMENTRIAN AGAMA", "Kemenag"),
        ("Kementrian Agama Kabupaten Paser", "Kemenag"),
        ("DPMPTSP Kab. Batang", "DPMPTSP"),
        ("DPMPTSP Kota Balikpapan", "DPMPTSP"),
        ("DPMPTSP PROV. JATENG", "DPMPTSP Provinsi"),
        ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Jawa Tengah", "DPMPTSP Provinsi"),
        ("BPJS KETENAGAKERJAAN PEMROV", "BPJS Ketenagakerjaan Provinsi"),
        ("PT. POS INDONESIA", "Pos Indonesia"),
        ("Kantor Imigrasi Kelas II Pemalang", "Imigrasi"),
    ],
)
def test_spellings_resolve_to_their_canonical_agency(matcher, raw, expected):
    assert canonical(matcher, raw, "Kabupaten Paser") == expected


def test_a_different_level_of_government_is_never_merged(matcher):
    assert canonical(matcher, "DPMPTSP PROV. JATENG") != canonical(matcher, "DPMPTSP Kab. Batang")
    assert canonical(matcher, "BPJS Ketenagakerjaan Pemprov") != canonical(matcher, "BPJS Ketenagakerjaan")
    assert matcher.match("Kantor Imigrasi Provinsi Kaltim").agency_id is None
    assert matcher.match("Dinas Kesehatan Provinsi Jawa Tengah (Dinkes)").agency_id is None
    assert matcher.match("Dinas Kependudukan dan Pencatatan Sipil Provinsi").agency_id is None


def test_the_sites_own_place_is_noise(matcher):
    assert canonical(matcher, "KPP PRATAMA BATANG", "Batang") == "KPP Pratama"
    assert canonical(matcher, "Dinas Kesehatan Batang", "Kabupaten Batang") == "Dinas Kesehatan"
    assert matcher.match("Dinas Kesehatan Batang", "Kabupaten Paser").agency_id is None


def test_an_unknown_name_is_never_guessed(matcher):
    found = matcher.match("Dinas Kesehatan Hewan")  # the animal health office: another agency
    assert found.agency_id is None and found.canonical is None and found.rule == "unknown"
    assert found.suggestions == ()  # 0,83 alike Dinas Kesehatan: below SUGGEST_FROM, not offered


def test_only_a_name_very_like_an_agency_is_suggested(matcher):
    assert matcher.match("Disdukcapl").suggestions == ("Disdukcapil",)
    assert matcher.suggestions("KEMENTRIAN AGAMA")[0] == "Kemenag"
    assert matcher.match("IZIN PRAKTIK PERAWAT").suggestions == ()  # a permit type, no agency
    assert matcher.match("TEKNISI GIGI").suggestions == ()


def without_own_aliases(store, raw: str) -> AgencyMatcher:
    """The seed list without the spellings that resolve `raw` directly: `raw` as a new spelling."""
    agencies = {
        i: (n, lvl) for i, n, lvl in store.execute("SELECT agency_id, name, level FROM agencies").fetchall()
    }
    aliases = dict(store.execute("SELECT alias_key, agency_id FROM agency_aliases").fetchall())
    for agency_id, (name, _) in agencies.items():
        aliases.setdefault(agency_key(name), agency_id)
    own = [key for key, _ in candidate_keys(raw)]
    left_out = AgencyMatcher(agencies, {k: i for k, i in aliases.items() if k not in own})
    left_out.known_keys = {k: i for k, i in left_out.known_keys.items() if k not in own}
    return left_out


@needs_real_data
def test_the_suggestion_threshold_measured_on_the_real_lists(store, matcher, real_names, sleman_names):
    """SUGGEST_FROM as measured: each real agency name, its own aliases left out, is suggested only
    its own agency, or nothing; none of Sleman's 70 permit types is suggested anything."""
    suggested = {}
    for raw in real_names:
        right = matcher.match(raw).canonical
        offered = without_own_aliases(store, raw).suggestions(raw)
        assert offered in ((), (right,)) or offered[0] == right, (raw, offered)
        suggested[raw] = offered
    assert suggested["Kementerian Agama"] == ("Kemenag",)  # 'kementrian agama', as Tabalong spells it
    assert suggested["Dinas Kependudukan dan Catatan Sipil 9"] == ("Disdukcapil",)
    assert suggested["Dinas Perikanan"] == ()  # Dinas Pertanian is 0,867 alike: a wrong one, not offered
    assert sum(bool(s) for s in suggested.values()) >= 15
    assert len(sleman_names) == 70
    assert [n for n in sleman_names if matcher.match(n, "Kabupaten Sleman").suggestions] == []


@pytest.fixture(scope="module")
def real_names() -> list[str]:
    with open(REAL_DATA / "batang_instansi.csv") as file:
        names = [row["nm_dinas"] for row in csv.DictReader(file)]
    with open(REAL_DATA / "deliserdang_loket_instansi.csv") as file:
        names += [row["nama_skpd"] for row in csv.DictReader(file)]
    data = json.loads((REAL_DATA / "tabalong_instansi_layanan.json").read_text(encoding="utf-8"))
    names += [agency["nama"] for agency in data["data"]["instansi"]]
    return list(dict.fromkeys(n for n in names if n.strip()))


@pytest.fixture(scope="module")
def sleman_names() -> list[str]:
    data = (REAL_DATA / "sleman_rekap_izin_2025.xlsx").read_bytes()
    options = Options(block="JUMLAH IZIN", guarded=False)
    _, parsed, _ = parse_file("sleman_rekap_izin_2025.xlsx", data, options)
    return list(parsed.service["agency"].unique())


def test_rule_says_how_it_was_resolved(matcher):
    assert matcher.match("Dinas Kependudukan dan Catatan Sipil 9").rule == "alias+counter"
    assert matcher.match("DISDUKCAPIL").rule == "alias"
    assert "spelling" in matcher.match("Kementrian Haji dan Umrah").rule


def test_an_alias_added_by_an_analyst_resolves_next_time(tmp_path):
    with db.connect(tmp_path / "a.duckdb") as con:
        assert AgencyMatcher.from_store(con).match("Mal Helpdesk Lantai 3").agency_id is None
        agency_id = ensure_agency(con, "Konsultasi dan Pengaduan")
        assert add_alias(con, COMMAND_LINE, "Mal Helpdesk Lantai 3", agency_id) == 1
        assert (
            AgencyMatcher.from_store(con).match("MAL HELPDESK lantai 3").canonical
            == "Konsultasi dan Pengaduan"
        )


def test_only_analysts_add_aliases(tmp_path):
    with db.connect(tmp_path / "a.duckdb") as con:
        agency_id = ensure_agency(con, "Konsultasi dan Pengaduan")
        before = con.execute("SELECT count(*) FROM agency_aliases").fetchall()
        for actor in (None, User("vina", "viewer")):
            with pytest.raises(PermissionDenied, match="perlu peran analyst"):
                add_alias(con, actor, "Mal Helpdesk Lantai 3", agency_id)
        assert con.execute("SELECT count(*) FROM agency_aliases").fetchall() == before
        assert add_alias(con, User("ana", "analyst"), "Mal Helpdesk Lantai 3", agency_id) == 1


def test_wildcard_alias_keys():
    assert alias_key("Kantor Imigrasi *") == "kantor imigrasi *"
    assert agency_key("Dinas Kependudukan & Pencatatan Sipil ") == "dinas kependudukan dan pencatatan sipil"


@needs_real_data
def test_batang_24_agencies_stay_24_distinct(matcher):
    with open(REAL_DATA / "batang_instansi.csv") as file:
        names = [row["nm_dinas"] for row in csv.DictReader(file)]
    found = {raw: matcher.match(raw, "Kabupaten Batang") for raw in names}
    assert len(names) == 24
    assert [raw for raw, m in found.items() if m.agency_id is None] == []
    assert len({m.agency_id for m in found.values()}) == 24
    assert found["POLRES BATANG"].canonical == "Kepolisian"
    assert found["DPMPTSP Kab. Batang"].canonical == "DPMPTSP"
    assert found["DPMPTSP PROV. JATENG "].canonical == "DPMPTSP Provinsi"
    assert found["BPJS KETENAGAKERJAAN PEMROV"].canonical == "BPJS Ketenagakerjaan Provinsi"


@needs_real_data
def test_deli_serdang_counters_are_disdukcapil(matcher):
    with open(REAL_DATA / "deliserdang_loket_instansi.csv") as file:
        rows = list(csv.DictReader(file))
    counters = sorted({r["nama_skpd"] for r in rows if "Catatan Sipil" in r["nama_skpd"]})
    assert len(counters) == 8  # counters 2 ... 9
    assert {canonical(matcher, c, "Kabupaten Deli Serdang") for c in counters} == {"Disdukcapil"}
    assert canonical(matcher, "Polresta Deli Serdang", "Kabupaten Deli Serdang") == "Kepolisian"
    unresolved = [
        r["nama_skpd"]
        for r in rows
        if matcher.match(r["nama_skpd"], "Kabupaten Deli Serdang").agency_id is None
    ]
    assert unresolved == []


@needs_real_data
def test_tabalong_26_agencies_resolve(matcher):
    data = json.loads((REAL_DATA / "tabalong_instansi_layanan.json").read_text(encoding="utf-8"))
    names = [agency["nama"] for agency in data["data"]["instansi"]]
    found = {raw: matcher.match(raw, "Kabupaten Tabalong") for raw in names}
    assert len(names) == 26
    assert [raw for raw, m in found.items() if m.agency_id is None] == []
    assert len({m.agency_id for m in found.values()}) == 26
    assert found["Kementerian Agama Tabalong"].canonical == "Kemenag"
    assert found["Kepolisian Resor (Polres) Tabalong"].canonical == "Kepolisian"
