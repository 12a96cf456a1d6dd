"""Logging in through the pages: one-time admin password, forced change, admins add accounts,
analysts and viewers do not see account management."""

import pytest

from mpp.access import accounts
from mpp.store import db
from tests.apptest import as_admin, make_accounts
from tests.apptest import log_in as _log_in

PAGE = "pages/10_Akun.py"


@pytest.fixture
def page(open_app, demo_db):
    return open_app(demo_db, PAGE)


@pytest.fixture
def admin_password(demo_db):
    with db.connect(demo_db) as con:
        password = accounts.bootstrap_admin(con)
    make_accounts(demo_db, "analyst")
    return password


def test_account_page_asks_for_a_login(admin_password, page):
    at = page.run()
    assert not at.exception
    assert any("Silakan masuk" in w.value for w in at.warning)


def test_admin_must_replace_the_one_time_password_then_adds_an_account(admin_password, page):
    at = _log_in(page.run(), "admin", admin_password)
    assert any("kata sandi sekali pakai" in i.value for i in at.info)
    at.main.text_input[0].input("kata-sandi-admin-baru")
    at.main.text_input[1].input("kata-sandi-admin-baru")
    at.main.button[0].click()
    at.run()
    assert "Semua akun" in [h.value for h in at.subheader]
    names = list(at.dataframe[0].value["username"])
    assert names == ["admin", "ana"]
    form_inputs = [t for t in at.main.text_input if t.label == "Nama pengguna"]
    form_inputs[0].input("budi")
    next(b for b in at.main.button if b.label == "Tambah akun").click()
    at.run()
    assert any("Akun budi dibuat" in s.value for s in at.success)


def test_wrong_password_is_refused_on_the_page(admin_password, page):
    at = _log_in(page.run(), "admin", "salah-sekali")
    assert any("Nama pengguna atau kata sandi salah" in e.value for e in at.error)


def test_an_analyst_sees_only_their_own_account(admin_password, page):
    at = _log_in(page.run(), "ana", "analis-rahasia")
    assert not at.exception
    headers = [h.value for h in at.subheader]
    assert "Akun saya" in headers and "Semua akun" not in headers


def test_the_last_admin_is_told_why_they_cannot_demote_themselves(demo_db, open_app):
    at = as_admin(open_app, demo_db, PAGE)
    next(s for s in at.main.selectbox if s.label == "Nama pengguna").set_value("kepala")
    [s for s in at.main.selectbox if s.label == "Peran"][-1].set_value("analyst")
    next(b for b in at.main.button if b.label == "Simpan").click()
    at.run()
    assert not at.exception
    assert any("kepala adalah admin aktif terakhir" in e.value for e in at.error)
    assert not at.success
    with db.connect(demo_db, read_only=True) as con:
        assert con.execute("SELECT role FROM users WHERE username = 'kepala'").fetchall() == [("admin",)]
