"""Events on the timeline (issue 15): stored per site in a real DuckDB file, added and removed by
analysts only, every problem said at once; `python -m mpp event add|list|remove`; drawn on the monthly
and daily charts, with national holidays and cuti bersama on the daily one; the demo's events are the
seed articles'."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from datetime import date

import openpyxl
import pandas as pd
import pytest

from mpp import __main__ as cli
from mpp.access.accounts import COMMAND_LINE, PermissionDenied, User
from mpp.demo.visits import BALANGAN, BALIKPAPAN, KUKAR
from mpp.period import Measure
from mpp.present import charts, export, figures, timeline
from mpp.present.export import Column, ExportInfo
from mpp.reference import events
from mpp.reference.events import EventRefused
from mpp.reference.sites import Site, ensure_site
from mpp.report.gather import gather
from mpp.report.sections import sections
from mpp.store import db
from mpp.store.db import ROOT

ANALYST = User("ana", "analyst")
SITE = "MPP Kota Contoh"


@pytest.fixture
def con(store):
    ensure_site(store, Site(SITE))
    ensure_site(store, Site("MPP Lain"))
    return store


def test_added_listed_by_site_and_dates_and_removed(con):
    first = events.add(con, ANALYST, SITE, date(2025, 1, 2), "Antrean online diluncurkan", "launch")
    events.add(con, ANALYST, SITE, date(2025, 3, 31), "Server antrean mati", "outage")
    events.add(con, ANALYST, "MPP Lain", date(2025, 1, 15), "Loket Samsat dibuka", "opening")
    listed = events.list_events(con, SITE)
    assert [(e.day, e.label, e.kind, e.added_by) for e in listed] == [
        (date(2025, 1, 2), "Antrean online diluncurkan", "launch", "ana"),
        (date(2025, 3, 31), "Server antrean mati", "outage", "ana"),
    ]
    assert [e.label for e in events.list_events(con, None, date(2025, 1, 10), date(2025, 3, 30))] == [
        "Loket Samsat dibuka"
    ]
    assert [e.label for e in events.events_in(con, SITE, date(2025, 3, 1))] == ["Server antrean mati"]
    assert listed[0].text() == "2 Januari 2025 · MPP Kota Contoh · peluncuran · Antrean online diluncurkan"
    assert listed[0].text("en") == "2 January 2025 · MPP Kota Contoh · launch · Antrean online diluncurkan"
    assert events.remove(con, ANALYST, first).label == "Antrean online diluncurkan"
    assert [e.label for e in events.list_events(con, SITE)] == ["Server antrean mati"]
    with pytest.raises(EventRefused, match="Tidak ada peristiwa nomor"):
        events.remove(con, ANALYST, first)


def test_kept_in_the_file(tmp_path):
    path = tmp_path / "store.duckdb"
    with db.connect(path) as con:
        ensure_site(con, Site(SITE))
        events.add(con, COMMAND_LINE, SITE, date(2023, 2, 1), "MPP dibuka", "opening")
    with db.connect(path, read_only=True) as con:
        assert [(e.day, e.label) for e in events.list_events(con, SITE)] == [(date(2023, 2, 1), "MPP dibuka")]


@pytest.mark.parametrize("who", [User("vina", "viewer"), None])
def test_only_analysts_and_admins_add_or_remove(con, who):
    with pytest.raises(PermissionDenied, match="perlu peran analyst"):
        events.add(con, who, SITE, date(2025, 1, 2), "Antrean online diluncurkan", "launch")
    kept = events.add(con, ANALYST, SITE, date(2025, 1, 2), "Antrean online diluncurkan", "launch")
    with pytest.raises(PermissionDenied):
        events.remove(con, who, kept)
    assert len(events.list_events(con, SITE)) == 1


def test_every_problem_is_said_at_once(con):
    with pytest.raises(EventRefused) as refused:
        events.add(con, ANALYST, "MPP Tidak Ada", date(1999, 12, 31), " \n\t ", "pesta")
    assert refused.value.keys == [
        "event_site_unknown",
        "event_day_out_of_range",
        "event_label_empty",
        "event_kind_unknown",
    ]
    assert refused.value.text() == (
        "Lokasi 'MPP Tidak Ada' tidak ada. Tanggal 1999-12-31 di luar rentang 2000-2100. Keterangan "
        "peristiwa kosong. Jenis peristiwa 'pesta' tidak dikenal (pilih launch, opening, closing, "
        "holiday, outage, other)."
    )
    assert str(refused.value).endswith(
        "The event needs a label. Unknown event kind 'pesta' (choose "
        "launch, opening, closing, holiday, outage, other)."
    )
    with pytest.raises(EventRefused, match=r"terlalu panjang \(121 karakter; paling banyak 120\)"):
        events.add(con, ANALYST, SITE, date(2101, 1, 1), "x" * 121, "other")
    assert not events.list_events(con)


def test_a_label_is_one_line_of_plain_text_kept_as_typed(con):
    events.add(con, ANALYST, SITE, date(2000, 1, 1), "  Libur\nHUT\x00 Kota  ", "holiday")
    events.add(con, ANALYST, SITE, date(2100, 12, 31), "x" * 120, "other")  # both edges allowed
    events.add(con, ANALYST, SITE, date(2025, 5, 5), '=HYPERLINK("http://x","klik")', "other")
    labels = [e.label for e in events.list_events(con, SITE)]
    assert labels == ["Libur HUT Kota", '=HYPERLINK("http://x","klik")', "x" * 120]


def test_a_formula_like_label_never_becomes_a_formula_in_an_export(con):
    events.add(con, ANALYST, SITE, date(2025, 5, 5), '=HYPERLINK("http://x","klik")', "other")
    frame = pd.DataFrame([{"day": e.day, "label": e.label} for e in events.list_events(con, SITE)])
    columns = [Column("day", "Tanggal"), Column("label", "Keterangan")]
    assert "'=HYPERLINK" in export.to_csv(frame, columns).decode("utf-8-sig")
    info = ExportInfo("Peristiwa", SITE, "2025", "-", "Pantau MPP", "1 Mei 2025")
    data = export.to_xlsx(frame, columns, info)
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode()  # no formula in the sheet
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value and "HYPERLINK" in str(c.value)]
    assert [(c.value, c.data_type) for c in cells] == [('=HYPERLINK("http://x","klik")', "s")]  # text


# ---- the command line ---------------------------------------------------------------------------


def mpp(path, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mpp", *args, "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_command_line_round_trip(tmp_path):
    path = tmp_path / "store.duckdb"
    with db.connect(path) as con:
        ensure_site(con, Site(SITE))
    added = mpp(
        path, "event", "add", "--site", SITE, "--date", "2025-01-02", "--label", "Antrean online diluncurkan",
        "--kind", "launch",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == (
        "Peristiwa 1 ditambahkan: 2 Januari 2025 · MPP Kota Contoh · peluncuran · Antrean online diluncurkan"
    )
    listed = mpp(path, "event", "list", "--site", SITE, "--from", "2025-01-01", "--to", "2025-01-31")
    assert listed.stdout.splitlines() == [
        "1\t2 Januari 2025 · MPP Kota Contoh · peluncuran · Antrean online diluncurkan"
    ]
    assert mpp(path, "event", "list", "--from", "2025-02-01").stdout.strip() == "Belum ada peristiwa."
    refused = mpp(
        path, "event", "add", "--site", SITE, "--date", "2025-01-02", "--label", " ", "--kind", "other"
    )
    assert refused.returncode == 1 and "Keterangan peristiwa kosong." in refused.stderr
    removed = mpp(path, "event", "remove", "1")
    assert removed.returncode == 0 and removed.stdout.startswith("Peristiwa 1 dihapus: 2 Januari 2025")
    again = mpp(path, "event", "remove", "1")
    assert again.returncode == 1 and "Tidak ada peristiwa nomor 1." in again.stderr


def test_command_line_in_process(tmp_path, capsys):
    path = str(tmp_path / "store.duckdb")
    with db.connect(path) as con:
        ensure_site(con, Site(SITE))
    assert cli.main(["event", "add", "--site", "MPP Tidak Ada", "--date", "2025-01-02", "--label", "x",
                     "--kind", "launch", "--db", path]) == 1  # fmt: skip
    assert "Lokasi 'MPP Tidak Ada' tidak ada." in capsys.readouterr().err
    with pytest.raises(SystemExit):  # an unknown kind is argparse's refusal, listing the kinds
        cli.main(["event", "add", "--site", SITE, "--date", "2025-01-02", "--label", "x", "--kind", "pesta"])
    assert "launch, opening, closing, holiday, outage, other" in capsys.readouterr().err.replace("'", "")
    assert cli.main(["event", "list", "--site", "MPP Tidak Ada", "--db", path]) == 2


# ---- the charts ---------------------------------------------------------------------------------


def event(day: date, label: str, kind: str = "launch", site: str = SITE) -> events.Event:
    return events.Event(1, site, day, label, kind, "ana", pd.Timestamp("2025-01-01").to_pydatetime())


def notes(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def monthly(year: int, months: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "month": [date(year, m, 1) for m in range(1, months + 1)],
            "value": [1000 + m for m in range(months)],
        }
    )


def test_events_on_the_monthly_chart_this_year_against_last():
    fig = charts.year_against_year(monthly(2025, 9), monthly(2024, 12), Measure.VISITORS, "Pengunjung")
    found = [
        event(date(2025, 1, 2), "Antrean online diluncurkan"),
        event(date(2024, 10, 16), "Evaluasi <b>BKPM</b>", "other"),
        event(date(2023, 2, 1), "MPP dibuka", "opening"),  # not a year of the chart
    ]
    timeline.with_events(fig, found, "id", axis="month_name", years=(2025, 2024))
    assert notes(fig) == [
        "Antrean online diluncurkan (Jan 2025)",
        "Evaluasi &lt;b&gt;BKPM&lt;/b&gt; (Okt 2024)",
    ]
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert [(s.x0, s.line.dash) for s in lines] == [("Jan", "dot"), ("Okt", "dot")]
    assert "2 Januari 2025 · MPP Kota Contoh · peluncuran" in fig.layout.annotations[0].hovertext
    assert fig.layout.annotations[1].xanchor == "right"  # near the right edge: written left of the line


def test_events_on_the_monthly_bars_only_where_the_chart_has_the_month():
    fig = figures.monthly_bars(monthly(2025, 6), "Disdukcapil", "kunjungan layanan")
    found = [
        event(date(2025, 3, 10), "Loket baru dibuka", "opening"),
        event(date(2025, 8, 1), "Libur", "holiday"),
    ]
    timeline.with_events(fig, found, "id")
    assert notes(fig) == ["Loket baru dibuka"]
    assert [s.x0 for s in fig.layout.shapes] == ["Mar 2025"]
    assert list(fig.data[0].x) == ["Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025", "Mei 2025", "Jun 2025"]


def test_a_long_label_is_shortened_on_the_chart_and_whole_in_the_hover():
    fig = figures.monthly_bars(monthly(2025, 6), "Disdukcapil", "kunjungan layanan")
    label = "Perjanjian kerja sama penyelenggaraan MPP dengan 18 instansi ditandatangani"
    timeline.with_events(fig, [event(date(2025, 2, 3), label, "other")], "id")
    assert notes(fig) == ["Perjanjian kerja sama penyelenggaraan …"]
    assert fig.layout.annotations[0].hovertext.startswith(label)


def daily_frame(first: date, last: date) -> pd.DataFrame:
    days = [d.date() for d in pd.date_range(first, last) if d.weekday() < 5]
    return pd.DataFrame({"day": days, "value": [100 + i for i in range(len(days))]})


def test_the_daily_chart_marks_events_and_national_holidays_and_cuti_bersama():
    first, last = date(2026, 3, 1), date(2026, 3, 31)
    fig = timeline.daily_bars(daily_frame(first, last), "Pengunjung per hari, Maret 2026", "pengunjung")
    found = [
        event(date(2026, 3, 2), "Mini MPP Loa Janan dibuka", "opening"),
        event(date(2026, 5, 4), "Nanti"),
    ]
    timeline.with_days_off(timeline.with_events(fig, found, "id", axis="day"), first, last, "id")
    assert notes(fig) == ["Mini MPP Loa Janan dibuka"]
    off = next(trace for trace in fig.data if trace.name == "Libur nasional dan cuti bersama")
    named = dict((day, name) for day, name in off.customdata)
    assert named["19 Maret 2026"] == "Hari Suci Nyepi"
    assert named["20 Maret 2026"] == "Cuti Bersama Hari Raya Idul Fitri"
    assert named["21 Maret 2026"] == "Hari Raya Idul Fitri"
    shaded = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(shaded) == len(off.x) == 7  # 18-24 March: Nyepi, Idul Fitri and their cuti bersama
    assert list(fig.layout.xaxis.ticktext)[:2] == ["2 Mar", "9 Mar"]  # Mondays
    assert fig.data[0].customdata[0][0] == "2 Maret 2026"


def test_holidays_are_named_in_english_on_an_english_page():
    fig = timeline.daily_bars(
        daily_frame(date(2026, 8, 3), date(2026, 8, 28)), "Visitors per day", "visitors", "en"
    )
    timeline.with_days_off(fig, date(2026, 8, 1), date(2026, 8, 31), "en")
    assert [list(c) for c in fig.data[1].customdata] == [
        ["17 August 2026", "Independence Day"],
        ["25 August 2026", "Prophet's Birthday"],
    ]


# ---- the demo -----------------------------------------------------------------------------------


def test_the_demo_has_the_events_the_seed_articles_name(demo_con, seed_text):
    assert "penerapan sistem antrean online" in seed_text("000")
    assert "16-17 Oktober 2024" in seed_text("001")
    assert "resmi beroperasi pada bulan Februari 2023" in seed_text("002")
    assert "Tahun 2026 kami targetkan sudah mulai diluncurkan" in seed_text("003")
    assert "(27/11/2025)" in seed_text("004")
    found = {(e.site, e.day, e.label, e.kind) for e in events.list_events(demo_con)}
    assert {
        (KUKAR, date(2023, 2, 1), "MPP Kutai Kartanegara resmi beroperasi", "opening"),
        (BALIKPAPAN, date(2025, 1, 2), "Antrean online diluncurkan", "launch"),
        (BALIKPAPAN, date(2024, 10, 16), "Evaluasi kinerja MPP oleh Kementerian Investasi/BKPM", "other"),
        (BALANGAN, date(2025, 11, 27), "Perjanjian kerja sama 18 instansi ditandatangani", "other"),
        ("Mini MPP Kecamatan Loa Janan", date(2026, 1, 2), "Mini MPP Loa Janan dibuka", "opening"),
        ("Mini MPP Kecamatan Muara Badak", date(2026, 2, 2), "Mini MPP Muara Badak dibuka", "opening"),
        ("Mini MPP Kecamatan Kota Bangun", date(2026, 4, 1), "Mini MPP Kota Bangun dibuka", "opening"),
    } <= found
    assert [e.label for e in events.events_in(demo_con, KUKAR, date(2023, 2, 1))] == [
        "MPP Kutai Kartanegara resmi beroperasi"
    ]


def test_an_opening_falls_on_a_day_with_figures(demo_con):
    """Each Mini MPP's opening is its first day with visitors: the chart's line stands on its first bar."""
    for e in events.list_events(demo_con):
        if e.site.startswith("Mini MPP"):
            first = demo_con.execute(
                "SELECT min(day) FROM site_visitors JOIN sites USING (site_id) WHERE name = ?", [e.site]
            ).fetchall()[0][0]
            assert first == e.day, e.site


# ---- the monthly report -------------------------------------------------------------------------


def test_the_monthly_report_lists_the_months_events_and_marks_them_on_its_chart(demo_con):
    january = {s.key: s for s in sections(gather(demo_con, [BALIKPAPAN], date(2025, 1, 1)))}
    table = january["events"].tables[0]
    assert january["events"].heading == "Peristiwa bulan ini"
    shown = export.display(table.frame, table.columns)
    assert shown.to_dict("records") == [
        {
            "Tanggal": "2 Januari 2025",
            "Jenis peristiwa": "peluncuran",
            "Keterangan": "Antrean online diluncurkan",
        }
    ]
    chart = january["chart"].charts[0].figure
    assert notes(chart) == [  # last year's months are on the chart too
        "Evaluasi kinerja MPP oleh Kementerian … (Okt 2024)",
        "Antrean online diluncurkan (Jan 2025)",
    ]
    february = {s.key for s in sections(gather(demo_con, [BALIKPAPAN], date(2025, 2, 1)))}
    assert "events" not in february  # a month without events has no such section
