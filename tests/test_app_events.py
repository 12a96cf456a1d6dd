"""Events in AppTest on the demo data: the section of Lokasi dan Anggota lists a site's events, adds one
and removes one, says every problem of a refused one, and shows labels as text; the charts of Tren &
Puncak carry the events and, on the daily chart, the national holidays."""

from datetime import date

import pytest

from mpp.demo.visits import BALIKPAPAN, KUKAR
from mpp.reference import events
from mpp.store import db
from tests.apptest import log_in, make_accounts

PAGE = "pages/11_Lokasi_dan_Anggota.py"


@pytest.fixture
def page(demo_db, open_app):
    make_accounts(demo_db, "analyst")
    return open_app(demo_db, PAGE)


def event_form(at, title: str):
    return next(f for f in at.form if any(m.value == f"**{title}**" for m in f.markdown))


def stored(demo_db, site=BALIKPAPAN) -> list[tuple]:
    with db.connect(demo_db, read_only=True) as con:
        return [(e.day, e.label, e.kind, e.added_by) for e in events.list_events(con, site)]


def test_the_sites_events_are_listed_added_and_removed(page, demo_db):
    at = log_in(page.run(), "ana", "analis-rahasia")
    assert not at.exception, [e.value for e in at.exception]
    assert "Peristiwa" in [s.value for s in at.subheader]
    listed = at.dataframe[-1].value
    assert list(listed["Keterangan"]) == [
        "Evaluasi kinerja MPP oleh Kementerian Investasi/BKPM",
        "Antrean online diluncurkan",
    ]
    assert list(listed["Tanggal"]) == ["16 Oktober 2024", "2 Januari 2025"]
    assert list(listed["Jenis peristiwa"]) == ["lainnya", "peluncuran"]

    form = event_form(at, "Tambah peristiwa")
    form.date_input[0].set_value(date(2025, 7, 14))
    form.text_input[0].input("=SUM(A1) **tebal** Loket SKCK dibuka")
    form.selectbox[0].set_value("opening")
    form.button[0].click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [
        r"Peristiwa ditambahkan: 14 Juli 2025 · MPP Kota Balikpapan · pembukaan · =SUM(A1) \*\*tebal\*\* "
        "Loket SKCK dibuka"
    ]
    assert (date(2025, 7, 14), "=SUM(A1) **tebal** Loket SKCK dibuka", "opening", "ana") in stored(demo_db)
    # In the table the label is text, and what leaves the table starts with an apostrophe
    assert "'=SUM(A1) **tebal** Loket SKCK dibuka" in list(at.dataframe[-1].value["Keterangan"])

    form = event_form(at, "Hapus peristiwa")
    chosen = next(o for o in form.selectbox[0].options if "Antrean online" in o)
    form.selectbox[0].set_value(next(e for e in form.selectbox[0].options if e == chosen))
    form.button[0].click()
    at.run()
    assert next(s.value for s in at.success).startswith("Peristiwa dihapus: 2 Januari 2025")
    assert [label for _, label, _, _ in stored(demo_db)] == [
        "Evaluasi kinerja MPP oleh Kementerian Investasi/BKPM",
        "=SUM(A1) **tebal** Loket SKCK dibuka",
    ]


def test_a_refused_event_says_why_and_nothing_is_stored(page, demo_db):
    at = log_in(page.run(), "ana", "analis-rahasia")
    form = event_form(at, "Tambah peristiwa")
    assert form.date_input[0].min == date(2000, 1, 1)  # not the widget's ten years back
    form.date_input[0].set_value(date(2012, 5, 1))
    form.text_input[0].input("   ")
    form.button[0].click()
    at.run()
    assert [e.value for e in at.error] == ["Tidak disimpan: Keterangan peristiwa kosong."]
    assert len(stored(demo_db)) == 2


def test_the_trend_charts_carry_events_and_holidays(demo_db, open_app):
    at = open_app(demo_db, "pages/2_Tren_dan_Puncak.py", site=[KUKAR, "Mini MPP Kecamatan Loa Janan"]).run()
    assert not at.exception, [e.value for e in at.exception]
    charts = [c.proto.spec for c in at.get("plotly_chart")]
    years = next(s for s in charts if "Antrean" not in s and "resmi beroperasi" in s)
    assert "MPP Kutai Kartanegara resmi beroperasi (Feb 2023)" in years
    daily = next(s for s in charts if "per hari" in s and "Libur nasional dan cuti bersama" in s)
    assert "Mini MPP Loa Janan dibuka" in daily and "Tahun Baru Masehi" in daily
