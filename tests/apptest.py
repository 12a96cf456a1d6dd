"""The dashboard in Streamlit's AppTest: one way to open a page, and logging in through its form.
Tests take the `open_app` fixture (tests/conftest.py), which also points MPP_DB at their store."""

from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest

from mpp.access import accounts
from mpp.store import db
from tests.live_server import ROOT

HOME = "dashboard.py"
TIMEOUT = 90  # seconds for one script run: a busy 2-core machine needs them for the heavier pages


def open_page(page: str = HOME, **params) -> AppTest:
    """The app opened at one page, as the sidebar opens it: `page` is a path from the repository root
    ("pages/9_Riwayat.py"); `params` are query parameters (a list repeats one). Not yet run."""
    at = AppTest.from_file(str(ROOT / HOME), default_timeout=TIMEOUT)
    if page != HOME:
        at.switch_page(page)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def log_in(at: AppTest, name: str, password: str) -> AppTest:
    """Fill the page's login form (the first two text inputs of the main area) and submit it."""
    inputs = at.main.text_input
    inputs[0].input(name)
    inputs[1].input(password)
    at.main.button[0].click()
    return at.run()


# The tests' accounts by role: name and password.
ACCOUNTS = {
    "analyst": ("ana", "analis-rahasia"),
    "viewer": ("vina", "pembaca-rahasia"),
    "admin": ("kepala", "kepala-rahasia"),
}


def make_accounts(store, *roles: str) -> None:
    """The account of each role (ACCOUNTS) in store: 'ana' the analyst, 'vina' the viewer, 'kepala' the admin."""
    with db.connect(store) as con:
        for role in roles:
            name, password = ACCOUNTS[role]
            accounts.create_user(con, accounts.COMMAND_LINE, name, role, password)


def as_analyst(open_app, store, page: str, **params) -> AppTest:
    """The page (with query parameters `params`) as the analyst 'ana' sees it after logging in (the
    account is made in store)."""
    return _logged_in("analyst", open_app, store, page, **params)


def as_admin(open_app, store, page: str, **params) -> AppTest:
    """The page (with query parameters `params`) as the admin 'kepala' sees it after logging in (the
    account is made in store)."""
    return _logged_in("admin", open_app, store, page, **params)


def _logged_in(role: str, open_app, store, page: str, **params) -> AppTest:
    make_accounts(store, role)
    at = log_in(open_app(store, page, **params).run(), *ACCOUNTS[role])
    assert not at.exception
    return at


def problems_shown(at: AppTest):
    """Every problem table of the upload page as one frame (columns Masalah, Sel, Keterangan, Kode);
    its cells are shown as text, so a message reads here as on the page."""
    frames = [t.value for t in at.table if "Kode" in t.value.columns]
    if not frames:
        return pd.DataFrame(columns=["Masalah", "Sel", "Keterangan", "Kode"])
    shown = pd.concat(frames, ignore_index=True)
    # the code's wrap points, and the escape markdown then needs before its '_'
    return shown.assign(Kode=shown["Kode"].str.replace("\u200b", "").str.replace("\\_", "_"))


def choose_agencies(at: AppTest, choices: dict[str, str]) -> AppTest:
    """In the upload page's agency form, choose for names what they mean (a canonical name, or
    "__new__" for a new agency), then save: as an analyst picks them in the table's column."""
    meant = "Instansi yang dimaksud"
    table = next(d for d in at.data_editor if meant in d.value.columns)
    names = list(table.value["Nama di berkas"])
    edits = {names.index(name): {meant: choice} for name, choice in choices.items()}
    at.session_state[table.key] = {"edited_rows": edits, "added_rows": [], "deleted_rows": []}
    next(b for b in at.button if b.label == "Simpan pilihan").click()
    return at.run()
