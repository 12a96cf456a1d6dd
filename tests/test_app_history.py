"""Riwayat in AppTest: the ledger as an analyst reads it, the undo preview, and undo itself."""

import pytest

from mpp.store import db
from tests.apptest import log_in, make_accounts

PAGE = "pages/9_Riwayat.py"


@pytest.fixture
def page(demo_db, open_app):
    make_accounts(demo_db, "analyst", "viewer")
    return open_app(demo_db, PAGE)


def test_a_viewer_cannot_open_the_history(page):
    at = log_in(page.run(), "vina", "pembaca-rahasia")
    assert any("untuk peran analis" in w.value for w in at.warning)
    assert not at.dataframe


def test_history_lists_the_loads_and_undo_restores(page, demo_db):
    at = log_in(page.run(), "ana", "analis-rahasia")
    assert not at.exception
    ledger = at.dataframe[0].value
    assert ledger["Berkas"].iloc[-1] == "demo: MPP Kota Balikpapan"  # newest first: load 1 last
    assert {
        f"demo: {s}"
        for s in ("MPP Kota Balikpapan", "MPP Kabupaten Kutai Kartanegara", "Mini MPP Kecamatan Loa Janan")
    } <= set(ledger["Berkas"])
    assert set(ledger["Status"]) == {"dimuat"}
    at.selectbox[0].select(1).run()  # the Balikpapan demo load
    preview = at.dataframe[1].value
    row = preview[(preview["Instansi"] == "Disdukcapil") & (preview["Bulan"] == "Juli 2025")]
    assert row["Sesudah dibatalkan"].tolist() == ["–"]  # no figure left: no data, not 0
    at.checkbox[0].check().run()
    next(b for b in at.button if b.label == "Batalkan muatan").click()
    at.run()
    with db.connect(demo_db, read_only=True) as con:
        assert con.execute(
            "SELECT count(*) FROM monthly_site_visitors WHERE site = 'MPP Kota Balikpapan'"
        ).fetchall() == [(0,)]
        assert con.execute("SELECT status FROM loads WHERE load_id = 1").fetchall() == [("undone",)]
    assert "dibatalkan" in list(at.dataframe[0].value["Status"])
