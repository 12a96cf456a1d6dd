"""The store on first start, cached reads and short writes, the interface language, small helpers.
Every page reads through `read` (cached until the store changes) and writes through `write`."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import NoReturn

import duckdb
import streamlit as st

from mpp import demo
from mpp.access import accounts
from mpp.period import Measure
from mpp.store import db, lake, writers
from mpp.store.db import StoreBusy, StoreCorrupt
from mpp.text import catalogue as i18n
from ui.state import recall

READ_WAIT_SECONDS = 8.0
STYLE = Path(__file__).with_name("style.css")  # phones, table toolbars and print
FOOTER_STYLE = "font-size: 8pt; color: #333; font-family: sans-serif;"
# A sum too large for its column (a figure that got past the loaders' bound in an old store): the
# page says which figures cannot be shown and how to fix them, instead of a generic error.
TOO_LARGE = (duckdb.ConversionException, duckdb.OutOfRangeException, OverflowError)


@st.cache_resource(show_spinner="Menyiapkan basis data…")
def _ensure_store(path: str) -> str:
    """Once per server start: create or upgrade the store (a new one gets the demo data), and with
    no account yet create `admin` with a one-time password printed to the server console."""
    # A shared store (a lake) is set up with `python -m mpp init` and is never filled with the demo
    # by a dashboard's first start: its sample figures would sit beside the offices' real ones.
    is_new = not lake.is_lake(path) and not Path(path).exists()
    with db.connect(path) as con:
        if is_new:
            demo.build(con, accounts.SYSTEM)
        password = accounts.bootstrap_admin(con)
    if password:
        print(
            f"[pantau-mpp] Akun admin pertama / first admin account: admin / {password} "
            "(sekali pakai: ganti saat masuk / one-time: change it at first login)",
            flush=True,
        )
    return path


def store_path() -> str:
    """The store's path, made ready once; a damaged store is said plainly and the page stops."""
    try:
        return _ensure_store(db.store_spec())
    except StoreCorrupt as damaged:
        _refuse_damaged(damaged)
    except lake.LakeUnavailable as unavailable:  # a shared store's catalog or data out of reach
        st.error(str(unavailable))
        st.stop()


def _refuse_damaged(damaged: StoreCorrupt) -> NoReturn:
    """Which file, and how to restore it; the file itself is left untouched."""
    st.error(str(damaged))
    st.stop()


def _version(path: str) -> tuple:
    """Changes whenever a load commits, so cached results never outlive the data they came from."""
    return db.version(path)


@st.cache_data(ttl=600, max_entries=1000, show_spinner=False)
def _cached(function: str, path: str, version: tuple, args: tuple, kwargs: tuple):
    module, name = function.rsplit(".", 1)
    func = getattr(importlib.import_module(module), name)
    with db.connect(path, read_only=True, wait=READ_WAIT_SECONDS) as con:
        return func(con, *args, **dict(kwargs))


def read(func, *args, **kwargs):
    """Call a core function `func(con, *args, **kwargs)` on a short read-only connection, cached
    until the store changes. A store busy for longer than we wait gets a message, not a traceback."""
    path = store_path()
    try:
        return _cached(
            f"{func.__module__}.{func.__name__}", path, _version(path), args, tuple(sorted(kwargs.items()))
        )
    except StoreBusy:
        st.warning(i18n.t("busy", lang()))
        st.stop()
    except StoreCorrupt as damaged:
        _refuse_damaged(damaged)
    except TOO_LARGE:
        _too_large()


def write(func, *args, **kwargs):
    """Call a writing core function `func(con, *args)` on a short read-write connection. The core
    checks the role itself; a busy store gets a message, not a traceback."""
    try:
        with db.connect(store_path()) as con:
            return func(con, *args, **kwargs)
    except StoreBusy:
        st.warning(t("busy"))
        st.stop()
    except duckdb.TransactionException as clash:
        # Another office's write committed over this one (a setting, a mapping renamed, an event
        # removed: writes the store does not retry): the user tries again, nothing was written.
        if not writers.is_conflict(clash):
            raise
        st.warning(t("busy"))
        st.stop()
    except StoreCorrupt as damaged:
        _refuse_damaged(damaged)
    except TOO_LARGE:
        _too_large()


def _too_large():
    st.error(t("figure_too_large"), icon="⚠️")
    st.stop()


def lang() -> str:
    chosen = recall("lang")
    return chosen if chosen in i18n.LANGS else "id"


def t(key: str, **values) -> str:
    return i18n.t(key, lang(), **values)


# Streamlit writes its upload widget's own words ("Upload", "100MB per file • TXT") in English and has
# no option for them: each widget's words are replaced by CSS, keyed by the widget's label (its
# dropzone's aria-label), hiding the text and writing the reader's language in its place.
DROPZONE = '[data-testid="stFileUploaderDropzone"][aria-label={label}]'
UPLOAD_CSS = """
{zone} button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
{zone} button [data-testid="stMarkdownContainer"] p::after {{ content: {browse}; font-size: 0.875rem; }}
{zone} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
{zone} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {limit}; font-size: 0.875rem; }}
"""


def css_string(text: str) -> str:
    """A CSS string literal: quotes, backslashes and line breaks escaped, '<' too (it sits in <style>)."""
    return '"' + "".join(c if c.isalnum() or c in " .,()•-" else f"\\{ord(c):x} " for c in text) + '"'


def file_uploader(label: str, types: list[str], **options):
    """st.file_uploader with its own words in the reader's language: 'Pilih berkas', 'Maks. 100 MB
    per berkas • XLSX, CSV'."""
    size = st.get_option("server.maxUploadSize")
    limit = " • ".join([t("upload_limit", size=size), ", ".join(kind.upper() for kind in types)])
    css = UPLOAD_CSS.format(
        zone=DROPZONE.format(label=css_string(label)),
        browse=css_string(t("upload_browse")),
        limit=css_string(limit),
    )
    st.html(f"<style>{css}</style>")
    return st.file_uploader(label, type=types, **options)


def page_style() -> None:
    """The app's own CSS, once per page run: style-only HTML goes to Streamlit's event container and
    takes no room on the page."""
    st.html(STYLE)


def print_footer(text: str) -> None:
    """A footer on every printed sheet, in the page's bottom margin (a CSS margin box, so it never
    covers a row), hidden on screen by nature. Style-only HTML takes no room on the page."""
    st.html(f"<style>@page {{ @bottom-left {{ content: {css_string(text)}; {FOOTER_STYLE} }} }}</style>")


def measure_label(measure: Measure) -> str:
    return measure.label(lang())


def flash(message: str) -> None:
    """A success message that survives the st.rerun() after a write."""
    st.session_state["flash"] = message


def show_flash() -> None:
    if "flash" in st.session_state:
        st.success(st.session_state.pop("flash"))
