"""At most MPP_GUARDED_READS guarded children at once (mpp.guard): with real threads and real children,
a read that finds every slot taken is refused as busy, naming its file, and goes through once the
slot is free. The slow read is a real child reading a named pipe that the test writes only later."""

from __future__ import annotations

import errno
import os
import threading
import time

import pytest

from loaders.model import FileRefused
from loaders.read import read_file
from loaders.read_guarded import read_file_guarded
from mpp import guard
from mpp.press.checker.run import DraftRefused, read_draft
from tests.layout_files import yearly_recap
from tests.test_draft_limits import docx, paragraphs

pytestmark = pytest.mark.slow  # guarded reads in child processes

DRAFT = "Hingga September 2025 tercatat 41.481 pengunjung."


def _writer_when_read(pipe, seconds: float = 30) -> int:
    """The pipe's write end, once a reader has opened it: the slow child has started, so it holds
    its slot."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:  # ENXIO: nobody reads it yet
            if error.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@pytest.fixture
def one_slot(monkeypatch):
    monkeypatch.setenv("MPP_GUARDED_READS", "1")
    monkeypatch.setenv("MPP_GUARDED_READS_WAIT", "0.1")


def test_a_read_while_the_only_slot_is_taken_is_refused_as_busy_then_goes_through(one_slot, tmp_path):
    pipe = tmp_path / "lambat.txt"
    os.mkfifo(pipe)
    recap = tmp_path / "rekap_2025.xlsx"
    recap.write_bytes(yearly_recap({"Disdukcapil": [100, 200, 300]}))
    slow = {}
    reader = threading.Thread(
        target=lambda: slow.update(
            text=guard.run("mpp.press.checker.draft_file:read_draft", str(pipe), memory_mb=512, timeout=30)
        )
    )
    reader.start()
    writer = _writer_when_read(pipe)
    try:
        with pytest.raises(FileRefused) as refused:
            read_file_guarded(recap)
        [problem] = refused.value.problems
        assert problem.code == "busy" and problem.file == "rekap_2025.xlsx"
        assert "rekap_2025.xlsx belum dibaca: server sedang membaca berkas lain; coba lagi sebentar" in str(
            refused.value
        )
        with pytest.raises(DraftRefused, match=r"rilis\.docx belum dibaca: server sedang membaca"):
            read_draft(docx(paragraphs(DRAFT)), "rilis.docx")  # Siaran Pers, open without a login
        os.write(writer, DRAFT.encode())
    finally:
        os.close(writer)
    reader.join(30)
    assert slow["text"] == DRAFT
    assert read_file_guarded(recap) == read_file(recap)  # the slot is free again
    assert read_draft(docx(paragraphs(DRAFT)), "rilis.docx") == DRAFT


def test_two_reads_share_the_default_two_slots(monkeypatch, tmp_path):
    """Two slow children at once are allowed by default; a third waits, then is refused."""
    monkeypatch.delenv("MPP_GUARDED_READS", raising=False)
    monkeypatch.setenv("MPP_GUARDED_READS_WAIT", "0.1")
    pipes = [tmp_path / f"lambat_{i}.txt" for i in (1, 2)]
    texts, readers, writers = {}, [], []
    for pipe in pipes:
        os.mkfifo(pipe)
        readers.append(
            threading.Thread(
                target=lambda p=pipe: texts.update(
                    {
                        p.name: guard.run(
                            "mpp.press.checker.draft_file:read_draft", str(p), memory_mb=512, timeout=30
                        )
                    }
                )
            )
        )
        readers[-1].start()
    try:
        writers = [_writer_when_read(pipe) for pipe in pipes]  # both children run at once
        with pytest.raises(DraftRefused, match=r"ketiga\.docx belum dibaca"):
            read_draft(docx(paragraphs(DRAFT)), "ketiga.docx")
        for writer in writers:
            os.write(writer, DRAFT.encode())
    finally:
        for writer in writers:
            os.close(writer)
    for reader in readers:
        reader.join(30)
    assert texts == {"lambat_1.txt": DRAFT, "lambat_2.txt": DRAFT}
