"""Names from data are shown as text, and no table offers a live formula (issue 10, items 4 and 5).

Every page runs in AppTest on a store with sites, agencies, services, files and users named like
markdown and like spreadsheet formulas (tests/hostile_names.py). What Streamlit renders as markdown
(bodies, captions, alerts, titles, metrics, widget and expander labels, progress text, radio options)
holds each name only escaped; chart text holds '<' as an entity; every cell of every table, which the
table's own toolbar would export as CSV, is text a spreadsheet does not run."""

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import hostile_names as hostile
from tests.apptest import HOME, as_analyst, log_in
from tests.layout_files import long_csv
from tests.live_server import ROOT
from ui.text import plain

PAGES = ["dashboard.py", *sorted(p.name for p in (ROOT / "pages").glob("*.py"))]
LOG_IN = {"8_Unggah.py", "9_Riwayat.py", "10_Akun.py", "11_Lokasi_dan_Anggota.py"}
# Pages whose markdown names the chosen sites, and pages whose tables list agencies, sites,
# occupations, files or users: there the escaped names must be seen, so the test is not vacuous.
NAMES_A_SITE = {
    "dashboard.py",
    "1_Instansi.py",
    "2_Tren_dan_Puncak.py",
    "3_Pertumbuhan.py",
    "4_Kanal.py",
    "6_Siaran_Pers.py",
    "7_Kepuasan.py",
}
LISTS_NAMES = {
    "dashboard.py",
    "1_Instansi.py",
    "3_Pertumbuhan.py",
    "4_Kanal.py",
    "5_Lokasi.py",
    "7_Kepuasan.py",
    "9_Riwayat.py",
    "10_Akun.py",
}
MARKDOWN_ELEMENTS = {
    "markdown",
    "caption",
    "title",
    "header",
    "subheader",
    "latex",
    "error",
    "warning",
    "info",
    "success",
}


@pytest.fixture(scope="module")
def hostile_db(demo_db_file, tmp_path_factory) -> Path:
    return hostile.build(demo_db_file, tmp_path_factory.mktemp("hostile") / "hostile.duckdb")


def open_page(open_app, store: Path, page: str) -> AppTest:
    sites = [*hostile.SITES[:4], hostile.SURVEY_SITE]  # Kepuasan reads the last
    at = open_app(store, page if page == HOME else f"pages/{page}", site=sites).run()
    return log_in(at, hostile.ADMIN, hostile.PASSWORD) if page in LOG_IN else at


def rendered_as_markdown(at: AppTest) -> list[str]:
    """Every text of the page that Streamlit renders as markdown, main area and sidebar."""
    texts = []

    def walk(node) -> None:
        kind, proto = getattr(node, "type", ""), getattr(node, "proto", None)
        if kind in MARKDOWN_ELEMENTS:
            texts.append(node.value)
        elif kind == "metric":
            texts.extend([proto.label, proto.body, proto.delta, proto.delta_description])
        elif kind == "progress":
            texts.append(proto.text)
        elif kind == "radio":
            texts.extend([node.label, *map(str, node.options)])
        elif isinstance(getattr(node, "label", None), str):  # widgets, expanders, status
            texts.append(node.label)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    walk(at.sidebar)
    return texts


def raw(name: str, text: str) -> bool:
    """The name as it came, not escaped: markdown would render it."""
    return re.search(r"(?<!\\)" + re.escape(name), text) is not None


def chart_strings(at: AppTest) -> list[str]:
    """Every string of every chart's plotly JSON: titles, ticks, hover text."""
    found = []

    def walk(value) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for chart in at.get("plotly_chart"):
        walk(json.loads(chart.proto.spec))
    return found


def table_cells(at: AppTest) -> list:
    """Headers and cells of every table, as its toolbar would write them to CSV."""
    cells = []
    for table in at.dataframe:
        cells += [*map(str, table.value.columns), *table.value.to_numpy().ravel().tolist()]
    return cells


@pytest.mark.parametrize("page", PAGES)
def test_names_from_data_shown_as_text_and_tables_export_no_formula(hostile_db, open_app, page):
    at = open_page(open_app, hostile_db, page)
    assert not at.exception, [e.value for e in at.exception]
    texts = rendered_as_markdown(at)
    for name in hostile.NAMES:
        assert not [t for t in texts if raw(name, t)], name
    assert not [s for s in chart_strings(at) if "<img" in s or "<a " in s]
    cells = table_cells(at)
    assert not [c for c in cells if hostile.formula_like(c)]
    if page in NAMES_A_SITE:
        assert any(plain(site) in t for t in texts for site in hostile.MARKDOWN)
    if page in LISTS_NAMES:
        assert "'" + hostile.FORMULAS[0] in cells


def test_the_escaped_names_read_as_the_names():
    """What Streamlit shows of an escaped name is the name: specials keep their backslash, nothing
    else changes, so ordinary names stay as they are."""
    assert plain("MPP Kota Balikpapan") == "MPP Kota Balikpapan"
    ordinary = "Disdukcapil (Dinas Kependudukan) 2.0 - Loket 1"
    assert plain(ordinary) == ordinary
    assert plain("**B**") == r"\*\*B\*\*" and plain("_B_ rekap_2025.xlsx") == r"\_B\_ rekap_2025.xlsx"
    assert plain(hostile.MARKDOWN[1]) == "\\!\\[p\\](http\\:\u2060//127.0.0.1\\:\u20609/x.png)"
    assert plain("# 1. <b>") == r"\# 1. \<b\>" and plain("1. satu") == r"1\. satu"
    assert plain("baris\nbaru") == "baris baru"


def test_the_upload_preview_shows_file_site_and_agency_names_as_text(demo_db, open_app):
    """An analyst drops a file whose name and agencies are markdown and formulas, and one for a new
    site named like a link: the previews, problems and mapping forms show every name as text."""
    at = as_analyst(open_app, demo_db, "pages/8_Unggah.py")
    at.text_input[0].set_value(hostile.MARKDOWN[3]).run()  # the new site
    header = ["bulan", "tahun", "instansi", "jumlah"]
    unknown = long_csv(header, [[1, 2025, agency, 10 + i] for i, agency in enumerate(hostile.NAMES)])
    known = long_csv(header, [[1, 2025, "Disdukcapil", 41], [2, 2025, "Samsat", 12]])
    at.file_uploader[0].set_value(
        [(f"{hostile.MARKDOWN[1]}.csv", unknown, "text/csv"), ("rekap.csv", known, "text/csv")]
    ).run()
    assert not at.exception, [e.value for e in at.exception]
    texts = rendered_as_markdown(at)
    for name in hostile.NAMES:
        assert not [t for t in texts if raw(name, t)], name
    shown = " ".join(texts)
    assert plain(f"{hostile.MARKDOWN[1]}.csv") + ": ditolak" in shown  # the status label
    assert f"Lokasi: **{plain(hostile.MARKDOWN[3])}**" in shown  # the new site
    form = next(d.value for d in at.data_editor if "Nama di berkas" in d.value.columns)
    assert len(form) == len(hostile.NAMES)  # one form lists every name, as text in its table
    assert "'" + hostile.FORMULAS[0] in list(form["Nama di berkas"])
    assert not [c for c in table_cells(at) if hostile.formula_like(c)]


def test_every_table_goes_through_show_table():
    """st.dataframe, st.table and st.data_editor are called in one place, which escapes formulas
    (show_table and edit_table; text_table's st.table shows its cells as text)."""
    called = re.compile(r"\.(dataframe|data_editor)\(|\bst\.table\(")
    sources = [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
    calls = {str(s.relative_to(ROOT)): n for s in sources if (n := len(called.findall(s.read_text())))}
    assert calls == {"ui/tables.py": 2}, calls
