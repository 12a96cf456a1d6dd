"""Unggah in AppTest, what the page remembers between reruns belongs to one file, told apart by its
name and its bytes: a load refused after its check is forgotten once the file is corrected or taken
away, and an answer about a month of 0 concerns only the file it was given for."""

from __future__ import annotations

import pytest

from tests.apptest import as_analyst
from tests.layout_files import yearly_recap

PAGE = "pages/8_Unggah.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITLE = "REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2025"
BOUND = "MPP_MAX_MONTHLY_COUNT"
MARCH = "Maret 2025: 0 untuk semua instansi berarti"


@pytest.fixture
def page(demo_db, open_app, monkeypatch):
    monkeypatch.delenv(BOUND, raising=False)
    return as_analyst(open_app, demo_db, PAGE)


def recap(february: int) -> bytes:
    return yearly_recap({"Disdukcapil": [500, february], "Imigrasi": [10, 20]}, title=TITLE)


def load_button(at):
    return next(b for b in at.button if b.label.startswith("Muat "))


def refused_load(page, monkeypatch):
    """rekap_2025.xlsx checked fine, then refused by "Muat": the bound was lowered in between."""
    at = page
    at.file_uploader[0].set_value(("rekap_2025.xlsx", recap(600), XLSX)).run()
    load_button(at).click()
    monkeypatch.setenv(BOUND, "550")
    at.run()
    assert any("rekap_2025.xlsx: ditolak, tidak ada yang dimuat" in e.value for e in at.error)
    return at


def test_a_corrected_file_under_the_same_name_is_checked_afresh(page, monkeypatch):
    at = refused_load(page, monkeypatch)
    at.file_uploader[0].set_value(("rekap_2025.xlsx", recap(540), XLSX)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]  # the refusal was of the other bytes
    assert [s.label for s in at.status] == ["rekap_2025.xlsx: akan ditambahkan"]
    assert load_button(at).label == "Muat 1 berkas" and not load_button(at).disabled


def test_a_refused_load_is_forgotten_once_its_file_is_taken_away(page, monkeypatch):
    at = refused_load(page, monkeypatch)
    monkeypatch.delenv(BOUND)  # the setting put right
    at.file_uploader[0].set_value(None).run()
    at.file_uploader[0].set_value(("rekap_2025.xlsx", recap(600), XLSX)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert [s.label for s in at.status] == ["rekap_2025.xlsx: akan ditambahkan"]


def facts(status) -> str:
    return " ".join(m.value for m in status.markdown)


def test_an_answer_about_a_zero_month_concerns_only_its_file(page):
    at = page
    first = yearly_recap({"DISDUKCAPIL": [100, 120, "-"]}, title=TITLE)
    second = yearly_recap({"Samsat": [5, 6, "-"]}, title=TITLE)
    at.file_uploader[0].set_value([("a.xlsx", first, XLSX), ("b.xlsx", second, XLSX)]).run()
    questions = [r for r in at.radio if r.label == MARCH]
    assert len(questions) == 2 and load_button(at).disabled

    questions[0].set_value("not_reported")
    next(b for b in at.button if b.label == "Periksa lagi dengan jawaban ini").click()  # a.xlsx's form
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    a, b = at.status
    assert "Periode: **Januari-Februari 2025**" in facts(a)
    assert "Periode: **Januari-Maret 2025**" in facts(b)  # March of b.xlsx is still its own question
    assert [r.value for r in at.radio if r.label == MARCH] == ["not_reported", None]
    assert load_button(at).label == "Muat 1 berkas"  # a.xlsx; b.xlsx waits for its answer
