"""Everything works the same on the shared store (issue 16): the demo, the command line, the press
text and its checker, events, the letterhead, accounts and logins, a satisfaction-survey file, and
every page of the dashboard, on a DuckLake as on a DuckDB file.

One demo lake is made per module by the command line (`python -m mpp demo --db SPEC`) and read by
the tests that only read it (the page test adds one account, which no figure depends on); the tests
that write get a lake of their own (tests/lake.py). Skipped with the reason when PostgreSQL is not
installed, failing under CI.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from loaders.load import load_skm
from mpp.__main__ import main
from mpp.access import accounts, login_tokens
from mpp.access.accounts import COMMAND_LINE
from mpp.demo import BALANGAN, BALIKPAPAN, KUKAR
from mpp.press.checker.run import check_draft
from mpp.press.statement import press_release_for
from mpp.reference import events
from mpp.report import letterhead
from mpp.store import db
from mpp.survey.summary import report_json, site_report
from tests import lake as lake_fixtures
from tests.apptest import log_in
from tests.filemakers import write_png

postgres, lake = lake_fixtures.postgres, lake_fixtures.lake  # the fixtures, for this module
pytestmark = pytest.mark.slow  # a PostgreSQL cluster; every lake costs seconds

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
SITE = "MPP Kota Contoh"


@pytest.fixture(scope="module")
def demo_lake(postgres, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """The demo written into a new lake by the command line: (spec, data directory)."""
    data = tmp_path_factory.mktemp("demo-lake") / "data"
    spec = postgres.new_store(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MPP_DATA_PATH", str(data))
        assert main(["demo", "--db", spec]) == 0
    yield spec, data
    db.close_lakes()


@pytest.fixture
def demo_spec(demo_lake, monkeypatch) -> str:
    spec, data = demo_lake
    monkeypatch.setenv("MPP_DATA_PATH", str(data))
    return spec


def said(capsys, *argv: str) -> tuple[int, str, str]:
    """`python -m mpp ARGV`: (exit status, what it printed, what it printed as errors)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_demo_on_a_lake_reads_as_the_file_demo_on_the_command_line(
    demo_spec, demo_db_file, capsys, tmp_path
):
    file = str(demo_db_file)
    for site in (BALIKPAPAN, KUKAR, BALANGAN):
        for command in (["summary", "--site", site, "--json"], ["press", "--site", site]):
            on_lake = said(capsys, *command, "--db", demo_spec)
            assert on_lake == said(capsys, *command, "--db", file), command
            assert on_lake[0] == 0
    summary = json.loads(said(capsys, "summary", "--site", BALIKPAPAN, "--json", "--db", demo_spec)[1])
    assert summary["visitors_to_date"] == 41_481  # the figure the home page's first card shows
    skm = ["skm", "--site", BALIKPAPAN, "--json"]
    assert said(capsys, *skm, "--db", demo_spec) == said(capsys, *skm, "--db", file)
    # the press text the lake writes is the file's, and the checker finds every figure in it right
    with db.connect(demo_spec, read_only=True) as con:
        release = press_release_for(con, BALIKPAPAN)
        assert release is not None
        checked = check_draft(con, BALIKPAPAN, release.text())
    with db.connect(demo_db_file, read_only=True) as con:
        assert release.text() == press_release_for(con, BALIKPAPAN).text()
    assert not checked.has_errors and checked.findings
    draft = tmp_path / "siaran.txt"
    draft.write_text(release.text(), encoding="utf-8")
    status, out, _ = said(capsys, "check", "--site", BALIKPAPAN, str(draft), "--db", demo_spec)
    assert status == 0 and out == said(capsys, "check", "--site", BALIKPAPAN, str(draft), "--db", file)[1]
    # the demo goes only into a new store; a lake with loads is one that is there already
    status, _, err = said(capsys, "demo", "--db", demo_spec)
    assert status == 1 and "sudah ada; pakai --force" in err


def test_backup_of_a_lake_says_how_to_back_one_up(demo_spec, capsys, tmp_path):
    copy = tmp_path / "cadangan.duckdb"
    status, out, err = said(capsys, "backup", "--to", str(copy), "--db", demo_spec)
    assert status == 1 and not out and not copy.exists()
    assert "Traceback" not in err
    for words in ("pg_dump", "MPP_DATA_PATH", "Katalog dulu", "The catalog first", "pg_restore"):
        assert words in err, words


def test_events_letterhead_accounts_and_roles_on_a_lake(lake, capsys, tmp_path):
    assert said(capsys, "site", "add", SITE, "--kabupaten-kota", "Kota Contoh", "--db", lake)[0] == 0
    # events: added from the command line and the core, listed by date, removed
    status, out, _ = said(
        capsys, "event", "add", "--site", SITE, "--date", "2025-01-02", "--kind", "launch",
        "--label", "Antrean online diluncurkan", "--db", lake,
    )  # fmt: skip
    assert status == 0 and out.startswith("Peristiwa 1 ditambahkan: 2 Januari 2025 · MPP Kota Contoh")
    with db.connect(lake) as con:
        outage = events.add(con, COMMAND_LINE, SITE, date(2025, 3, 31), "Server mati", "outage")
    assert outage == 2
    status, out, _ = said(capsys, "event", "list", "--site", SITE, "--db", lake)
    assert [line.split("\t")[0] for line in out.splitlines()] == ["1", "2"]
    assert "Server mati" in out.splitlines()[1]
    assert said(capsys, "event", "remove", "1", "--db", lake)[0] == 0
    status, _, err = said(capsys, "event", "remove", "1", "--db", lake)
    assert status == 1 and "Tidak ada peristiwa nomor 1" in err
    with db.connect(lake, read_only=True) as con:
        assert [e.label for e in events.list_events(con, SITE)] == ["Server mati"]
        added_at = con.execute("SELECT added_at FROM events").fetchall()[0][0]
    assert added_at is not None

    # the letterhead: saved, read back, saved again over itself (one value per setting)
    logo = write_png(tmp_path / "logo.png").read_bytes()
    with db.connect(lake) as con:
        letterhead.set_letterhead(con, COMMAND_LINE, "DPMPTSP Kota Contoh", "Jl. Merdeka 1", logo)
        saved = letterhead.set_letterhead(con, COMMAND_LINE, "DPMPTSP Kota Contoh", "Jl. Merdeka 2")
        assert saved == letterhead.letterhead(con)
        assert saved.name == "DPMPTSP Kota Contoh" and saved.address == "Jl. Merdeka 2"
        assert saved.logo.startswith("data:image/png;base64,")
        per_key = con.execute("SELECT count(*) FROM settings GROUP BY key HAVING count(*) > 1").fetchall()
        assert per_key == []

    # accounts: made, logged in, a token that ends with a log-out, roles checked in the core
    with db.connect(lake) as con:
        first = accounts.bootstrap_admin(con)
        assert first and accounts.bootstrap_admin(con) is None
        accounts.create_user(con, COMMAND_LINE, "ana", "analyst", "analis-rahasia")
        with pytest.raises(accounts.AccountExists, match="Akun ana sudah ada"):
            accounts.create_user(con, COMMAND_LINE, "ana", "viewer", "lain-lagi-rahasia")
        with pytest.raises(accounts.LoginRefused):
            accounts.authenticate(con, "ana", "salah-sekali", "10.0.0.1")
        ana = accounts.authenticate(con, "ana", "analis-rahasia", "10.0.0.1")
        assert ana == accounts.User("ana", "analyst")
        admin = accounts.authenticate(con, "admin", first)
        assert accounts.must_change_password(con, admin)
        accounts.change_password(con, admin, "admin", "admin-baru-rahasia")
        assert not accounts.must_change_password(con, admin)
        token = login_tokens.issue(con, ana)
        assert login_tokens.verify(con, token, 8)[0] == ana
        login_tokens.end_all(con, ana)
        assert login_tokens.verify(con, token, 8) is None
        assert events.add(con, ana, SITE, date(2025, 5, 1), "Loket baru", "opening") == 3
        accounts.set_role(con, admin, "ana", "viewer")
        viewer = accounts.authenticate(con, "ana", "analis-rahasia")
        with pytest.raises(accounts.PermissionDenied):
            events.add(con, viewer, SITE, date(2025, 5, 2), "Tidak boleh", "other")
        with pytest.raises(accounts.PermissionDenied):
            accounts.create_user(con, viewer, "budi", "admin")
        with pytest.raises(accounts.LastAdminRefused):
            accounts.set_role(con, admin, "admin", "analyst")
        assert [(r.username, r.role) for r in accounts.list_users(con, admin).itertuples()] == [
            ("admin", "admin"),
            ("ana", "viewer"),
        ]
        failures = con.execute("SELECT count(*) FROM login_attempts WHERE NOT succeeded").fetchall()
        assert failures == [(1,)]


SKM_HEADER = ["id_responden", "tgl_responden", "instansi", "jkel", "pekerjaan", "pendidikan"]
SKM_HEADER += [*(f"U{i}" for i in range(1, 10)), "saran"]


def skm_file() -> bytes:
    """A small survey export: three agencies, one respondent answering twice (the last answers count)."""
    rows = [
        [rid, f"2024-{month:02d}-09 10:00:00", agency, "Perempuan", "Wiraswasta", "SMA", *answers, "baik"]
        for rid, month, agency, answers in [
            ("1", 3, "Disdukcapil", [4] * 9),
            ("2", 3, "Samsat", [3, 4, 3, 4, 3, 4, 3, 4, 3]),
            ("3", 6, "DPMPTSP", [2] * 9),
            ("3", 6, "DPMPTSP", [3] * 9),
            ("4", 11, "Disdukcapil", [4, 4, 4, 3, 3, 3, 4, 4, 4]),
        ]
    ]
    out = io.StringIO()
    csv.writer(out).writerows([SKM_HEADER, *rows])
    return out.getvalue().encode("utf-8")


def test_a_survey_file_loads_on_a_lake_as_on_a_file(lake, store, capsys):
    options = {"site": SITE, "actor": COMMAND_LINE, "unknown_agencies": "add"}
    with db.connect(lake) as con:
        on_lake = load_skm(con, "survei_2024.csv", skm_file(), **options)
        again = load_skm(con, "salinan.csv", skm_file(), **options)
        lake_report = report_json(site_report(con, SITE, "2024"))
    on_file = load_skm(store, "survei_2024.csv", skm_file(), **options)
    assert on_lake.outcome == on_file.outcome == "added" and on_lake.rows == on_file.rows == 4
    assert on_lake.notes == on_file.notes
    assert again.outcome == "unchanged" and again.load_id == on_lake.load_id
    assert lake_report == report_json(site_report(store, SITE, "2024"))
    assert lake_report["respondents"] == 4
    assert said(capsys, "skm", "--site", SITE, "--db", lake)[0] == 0


TIMES = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?|\d\d-\d\d-\d{4} \d\d:\d\d")


def page_texts(at) -> list[str]:
    """What a reader sees on the page as text: headings, notices, cards and tables (the clock times
    of a load or an account, which differ between the two stores, as <time>)."""
    seen = [
        f"{kind}: {element.value}"
        for kind in (
            "title",
            "header",
            "subheader",
            "caption",
            "markdown",
            "info",
            "warning",
            "error",
            "success",
        )
        for element in getattr(at, kind)
    ]
    seen += [f"metric: {m.label} = {m.value} ({m.delta})" for m in at.metric]
    seen += [f"table: {frame.value.to_csv()}" for frame in [*at.dataframe, *at.table]]
    return [TIMES.sub("<time>", text) for text in seen]


def every_page(open_app, store) -> dict[str, list[str]]:
    """Each page of pages/ as an admin sees it (logged in once, then from page to page)."""
    with db.connect(store) as con:
        accounts.create_user(con, COMMAND_LINE, "kepala", "admin", "kepala-rahasia")
    at = log_in(open_app(store, "pages/10_Akun.py").run(), "kepala", "kepala-rahasia")
    shown = {}
    for page in PAGES:
        at.switch_page(f"pages/{page}")
        at.run()
        assert not at.exception, (page, [e.value for e in at.exception])
        shown[page] = page_texts(at)
    return shown


def test_every_page_shows_on_the_lake_what_it_shows_on_the_file(demo_spec, demo_db, open_app):
    on_lake = every_page(open_app, demo_spec)
    on_file = every_page(open_app, demo_db)
    assert set(on_lake) == set(PAGES)
    for page in PAGES:
        assert on_lake[page] == on_file[page], page
    # not two empty pages alike: the home page's cards and the history's loads are there
    home = "\n".join(on_lake["0_Ringkasan.py"])
    assert "metric: Pengunjung Januari-September 2025 = 41.481 (+92,3%)" in home
    assert "MPP Kabupaten Balangan" in "\n".join(on_lake["9_Riwayat.py"])
