"""Logging in in Chromium, the browser twin of tests.apptest.as_analyst: the analyst 'ana' (made in the
store with tests.apptest.make_accounts before its server starts) logs in on a page that asks for it."""

from __future__ import annotations

from tests.apptest import ACCOUNTS


def log_in_as_analyst(page, address: str) -> None:
    """Open `address` (the server's URL and a page's path: url + "/Unggah") and log in there as the
    analyst 'ana' through the page's login form; the caller waits for what the page then shows."""
    page.goto(address)
    submit_login(page, *ACCOUNTS["analyst"])


def submit_login(form, name: str, password: str) -> None:
    """Fill the login form in `form` (a page, or the part of one that holds the form) and submit it."""
    form.get_by_label("Nama pengguna").fill(name)
    form.get_by_label("Kata sandi").fill(password)
    form.get_by_role("button", name="Masuk").click()
