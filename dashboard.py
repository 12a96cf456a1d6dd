"""Pantau MPP's entry point (`streamlit run dashboard.py`): the menu of pages, named in the reader's
language, then the page the reader asked for (Ringkasan, the overview, by default)."""

import ui

ui.navigation().run()
