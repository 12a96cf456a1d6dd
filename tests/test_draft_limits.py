"""Press drafts a visitor hands the checker (issue 10): too long, a .docx bomb, a .docx lying about its
sizes or declaring entities, a pasted table; each refused (or skipped) with a message naming the file,
on the page, the command line and the core, before anything is inflated."""

from __future__ import annotations

import io
import subprocess
import sys
import tracemalloc
import zipfile

import pytest

from mpp import demo
from mpp.press.checker.run import DraftRefused, check_draft, read_draft
from tests.hostile_files import docx_bomb, lie_about_size
from tests.live_server import ROOT

SITE = demo.BALIKPAPAN
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(document_xml: str, lie_to: int | None = None) -> bytes:
    """A minimal .docx; lie_to: the size its zip headers claim for word/document.xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", "<Types/>")
        out.writestr("word/document.xml", document_xml)
    data = buffer.getvalue()
    return data if lie_to is None else lie_about_size(data, "word/document.xml", lie_to)


def paragraphs(*texts: str, prolog: str = "") -> str:
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    return f'<?xml version="1.0"?>{prolog}<w:document xmlns:w="{WORD}"><w:body>{body}</w:body></w:document>'


@pytest.mark.slow
def test_a_docx_is_read_as_its_paragraphs():
    data = docx(paragraphs("Hingga September 2025 tercatat 41.481 pengunjung.", "Kedua."))
    assert read_draft(data, "rilis.docx") == "Hingga September 2025 tercatat 41.481 pengunjung.\n\nKedua."


@pytest.mark.slow
def test_a_docx_bomb_is_refused_before_inflating():
    bomb = docx_bomb(60)  # ~150 KB whose document.xml unpacks to 60 MB
    with pytest.raises(DraftRefused):
        read_draft(bomb, "rilis.docx")  # once, so what it imports is not counted below
    tracemalloc.start()
    with pytest.raises(DraftRefused) as caught:
        read_draft(bomb, "rilis.docx")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1024 * 1024  # nothing of the 60 MB was inflated, here or in a child
    assert str(caught.value).startswith(
        "Naskah rilis.docx: bagian word/document.xml mengembang menjadi 60 MB"
    )


@pytest.mark.slow
def test_a_docx_lying_about_its_size_is_refused_by_the_child():
    data = docx(paragraphs("Kunjungan " * 50_000), lie_to=1_000)
    with pytest.raises(DraftRefused) as caught:
        read_draft(data, "bohong.docx")
    assert "Naskah bohong.docx bukan berkas .docx yang utuh" in str(caught.value)


@pytest.mark.slow
def test_a_docx_declaring_entities_is_refused():
    data = docx(paragraphs("&c;", prolog='<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY c "&a;&a;&a;">]>'))
    with pytest.raises(DraftRefused) as caught:
        read_draft(data, "entitas.docx")
    assert "Naskah entitas.docx bukan berkas .docx yang utuh (XML memuat DOCTYPE/ENTITY)" in str(caught.value)


@pytest.mark.slow
def test_entities_hidden_behind_a_long_prolog_are_refused():
    """A DOCTYPE must come before the root element: a prolog longer than what is looked at is refused."""
    padding = "<!--" + " " * 70_000 + "-->"
    data = docx(paragraphs("&c;", prolog=padding + '<!DOCTYPE d [<!ENTITY c "cccc">]>'))
    with pytest.raises(DraftRefused) as caught:
        read_draft(data, "panjang.docx")
    assert "Naskah panjang.docx bukan berkas .docx yang utuh (awal XML tidak ditemukan)" in str(caught.value)


@pytest.mark.slow
def test_a_draft_file_over_5_mb_is_refused_unread(tmp_path):
    path = tmp_path / "besar.txt"
    path.write_bytes(b"Kunjungan. " * 500_000)
    with pytest.raises(DraftRefused) as caught:
        read_draft(path)
    assert str(caught.value).startswith("Berkas naskah besar.txt berukuran 5.371 KB, melebihi batas 5 MB")


def test_a_pasted_draft_over_100_000_characters_is_refused(demo_con):
    with pytest.raises(DraftRefused) as caught:
        check_draft(demo_con, SITE, "Ada 5 orang. " * 8_000)
    assert str(caught.value).startswith(
        "Naskah yang ditempel berisi 104.000 karakter, melebihi batas 100.000"
    )


def test_more_than_1000_sentences_are_refused(demo_con):
    with pytest.raises(DraftRefused) as caught:
        check_draft(demo_con, SITE, "Ada 5. " * 1_001)
    assert str(caught.value).startswith("Naskah berisi 1.001 kalimat, melebihi batas 1.000")


def test_a_pasted_table_is_skipped_as_unchecked(demo_con):
    table = " ".join(f"{n}.000" for n in range(10, 60))  # 50 figures in one 'sentence'
    report = check_draft(demo_con, SITE, f"Hingga September 2025 tercatat 41.481 pengunjung.\n{table}")
    assert [f.status for f in report.findings] == ["ok", "unchecked"]
    assert "lebih dari 40 angka (mis. tabel yang ditempel); tidak diperiksa" in report.findings[1].message


@pytest.mark.slow
def test_the_command_line_refuses_an_oversized_draft(demo_db_file, tmp_path):
    path = tmp_path / "panjang.txt"
    path.write_text("Ada 5 orang. " * 8_000, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mpp", "check", "--db", str(demo_db_file), "--site", SITE, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stdout + done.stderr
    assert "Naskah panjang.txt berisi 104.000 karakter, melebihi batas 100.000" in done.stderr


@pytest.fixture
def page(demo_db, open_app):
    return open_app(demo_db, "pages/6_Siaran_Pers.py").run()


def test_the_page_refuses_a_docx_bomb_naming_it(page):
    page.file_uploader[0].set_value(("rilis.docx", docx_bomb(60), DOCX)).run()
    assert not page.exception
    assert page.error[0].value.startswith(
        "Naskah rilis.docx: bagian word/document.xml mengembang menjadi 60 MB"
    )


def test_the_page_refuses_a_paste_too_long(page):
    page.text_area[0].input("Ada 5 orang. " * 8_000).run()
    assert not page.exception
    assert page.error[0].value.startswith("Naskah yang ditempel berisi 104.000 karakter")
