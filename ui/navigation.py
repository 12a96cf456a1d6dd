"""The app's pages in the order of the sidebar's menu, each named from the text catalogue in the
reader's language. The URL paths are the ones Streamlit gave the files before st.navigation (the file
name without its number), so old links and bookmarks keep working."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ui.base import t

MENU_SHOWN = "menu_shown"  # in the session once it has had the catalogue's menu

# (script, catalogue key of its menu name, URL path); the first is the home page at "/".
PAGES = (
    ("pages/0_Ringkasan.py", "nav_overview", "Ringkasan"),
    ("pages/1_Instansi.py", "nav_agencies", "Instansi"),
    ("pages/2_Tren_dan_Puncak.py", "nav_trends", "Tren_dan_Puncak"),
    ("pages/3_Pertumbuhan.py", "nav_growth", "Pertumbuhan"),
    ("pages/4_Kanal.py", "nav_channels", "Kanal"),
    ("pages/5_Lokasi.py", "nav_sites", "Lokasi"),
    ("pages/6_Siaran_Pers.py", "nav_press", "Siaran_Pers"),
    ("pages/7_Kepuasan.py", "nav_satisfaction", "Kepuasan"),
    ("pages/8_Unggah.py", "nav_upload", "Unggah"),
    ("pages/9_Riwayat.py", "nav_history", "Riwayat"),
    ("pages/10_Akun.py", "nav_accounts", "Akun"),
    ("pages/11_Lokasi_dan_Anggota.py", "nav_site_setup", "Lokasi_dan_Anggota"),
    ("pages/12_Laporan.py", "nav_report", "Laporan"),
)


def navigation() -> st.Page:
    """The menu with every page named in the chosen language; returns the page the reader asked for."""
    pages = [
        st.Page(script, title=t(key), url_path=path, default=index == 0)
        for index, (script, key, path) in enumerate(PAGES)
    ]
    st.session_state[MENU_SHOWN] = True
    return st.navigation(pages, expanded=True)  # every page in view: 13 would fold under "View more"


def through_the_menu() -> None:
    """Run every page under dashboard.py's menu. Until a session has called st.navigation, Streamlit
    serves a pages/ folder in its old way: the first request after a server start that goes straight
    to a page (a bookmark of /Kepuasan) runs that script alone, under a menu of file names
    ("dashboard", "Ringkasan", ...). Then end the old way and run again: the same URL path goes through
    dashboard.py. Only before the session's first menu: AppTest turns the old way back on before every
    run, and a rerun there would drop a button's click."""
    if PagesManager.uses_pages_directory and MENU_SHOWN not in st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()
