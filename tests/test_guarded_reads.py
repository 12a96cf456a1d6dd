"""At most MPP_GUARDED_READS guarded children at once (mpp.guard): with real threads and real children,
a read that finds every slot taken is refused as busy, naming its file, and goes through once the
slot is free. The slow read is a real child reading a named pipe that the test writes only later."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from loaders import upload
from loaders.load import Options
from loaders.model import FileRefused
from loaders.read import Limits, read_file
from loaders.read_guarded import read_file_guarded
from mpp import guard
from mpp.period import Period
from mpp.press.checker.run import DraftRefused, read_draft
from mpp.store import db
from tests import hostile_files as h
from tests.layout_files import yearly_recap
from tests.test_draft_limits import docx, paragraphs

pytestmark = pytest.mark.slow  # guarded reads in child processes
ROOT = Path(__file__).resolve().parents[1]

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


# ---- warm children (mpp.guard.Spares): one read each, replaced, never left behind ----------------

SITE = "MPP Kota Balikpapan"


def children() -> set[int]:
    """This process's child processes, zombies included (Linux: every thread's children)."""
    tasks = Path("/proc/self/task")
    return {int(pid) for task in tasks.iterdir() for pid in (task / "children").read_text().split()}


def gone(pid: int) -> bool:
    """No such process, or one that has ended and is only waiting to be reaped by init (an orphan
    whose parent was killed: not ours to reap)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def recap(figures: dict[str, list[int]]) -> bytes:
    return yearly_recap(figures, title=f"REKAP KUNJUNGAN {SITE.upper()} TAHUN 2025")


def preview_figures(con, name: str, data: bytes, guarded: bool = True) -> tuple:
    """What the upload page shows of a file: its outcome, period, total and the total per agency."""
    report = upload.preview(con, name, data, Options(site=SITE, guarded=guarded))
    return report.outcome, report.period, report.total, report.agency_totals


@pytest.fixture
def one_slot_long_wait(monkeypatch):
    """One slot, and time to wait for it on a busy machine: reads queue instead of being refused."""
    monkeypatch.setenv("MPP_GUARDED_READS", "1")
    monkeypatch.setenv("MPP_GUARDED_READS_WAIT", "120")


def test_each_read_has_a_process_of_its_own():
    served = [guard.run("tests.guard_targets:pid", memory_mb=512, timeout=60) for _ in range(3)]
    assert len(set(served)) == 3 and os.getpid() not in served
    assert not set(served) & children()  # each ended once it had answered


@pytest.mark.parametrize(
    "target, kind",
    [("note_pid_and_wait", "timeout"), ("note_pid_and_exhaust_memory", "memory")],
)
def test_the_child_that_met_a_limit_is_gone_and_another_serves_the_next_read(
    one_slot_long_wait, tmp_path, target, kind
):
    noted = tmp_path / "pid"
    with pytest.raises(guard.ChildFailed) as failed:
        guard.run(f"tests.guard_targets:{target}", str(noted), memory_mb=512, timeout=5)
    assert failed.value.kind == kind
    hostile = int(noted.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(hostile, 0)  # killed and reaped: not even a zombie
    assert guard.run("tests.guard_targets:pid", memory_mb=512, timeout=60) not in (hostile, os.getpid())


def test_after_a_memory_bomb_and_a_time_out_the_same_pool_reads_the_recap_right(
    one_slot_long_wait, store, tmp_path
):
    """One slot: the child replacing the one a hostile file killed serves the next upload, whose
    figures are those of the file read in process."""
    good = recap({"Disdukcapil": [100, 200, 300], "DPMPTSP": [7, 8, 9]})
    expected = preview_figures(store, "rekap_2025.xlsx", good, guarded=False)
    assert expected[0] == "added" and expected[2] == 624
    loose = Limits(max_cols=20_000, max_cells=10**12)  # the extent check lifted: the cap must act
    with pytest.raises(FileRefused) as bomb:
        read_file_guarded(None, h.far_cell_xlsx("XFD1048576"), name="jauh.xlsx", limits=loose, memory_mb=1024)
    assert bomb.value.problems[0].code == "too_large"
    assert preview_figures(store, "rekap_2025.xlsx", good) == expected
    pipe = tmp_path / "tak_berujung.csv"
    os.mkfifo(pipe)  # nobody ever writes: the child waits until the time limit
    with pytest.raises(FileRefused) as slow:
        read_file_guarded(pipe, timeout=2)
    assert slow.value.problems[0].code == "too_slow"
    assert preview_figures(store, "rekap_2025.xlsx", good) == expected


def test_previews_from_several_threads_each_get_their_own_figures(monkeypatch, empty_store_file, tmp_path):
    """The Streamlit server previews from a thread per session: six at once over two slots."""
    monkeypatch.setenv("MPP_GUARDED_READS", "2")
    monkeypatch.setenv("MPP_GUARDED_READS_WAIT", "120")
    files = {f"rekap_{i}_2025.xlsx": recap({"Disdukcapil": [i, 10 * i, 100 * i]}) for i in range(1, 7)}
    results: dict[str, tuple] = {}

    def preview(name: str) -> None:
        path = tmp_path / f"{name}.duckdb"
        shutil.copy(empty_store_file, path)
        with db.connect(path) as con:
            results[name] = preview_figures(con, name, files[name])

    threads = [threading.Thread(target=preview, args=(name,)) for name in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    march = Period(date(2025, 1, 1), date(2025, 3, 1))
    assert results == {
        f"rekap_{i}_2025.xlsx": ("added", march, 111 * i, [("Disdukcapil", 111 * i)]) for i in range(1, 7)
    }


def test_no_child_is_left_after_shutdown():
    guard.warm("tests.guard_targets:pid")
    assert guard.run("tests.guard_targets:pid", memory_mb=512, timeout=60)
    assert children()  # the spares, waiting
    guard.shutdown()
    assert children() == set()


def test_fresh_interpreters_when_spares_are_off(monkeypatch):
    monkeypatch.setenv("MPP_GUARDED_WARM", "0")
    guard.shutdown()
    served = [guard.run("tests.guard_targets:pid", memory_mb=512, timeout=60) for _ in range(2)]
    assert len(set(served)) == 2 and children() == set()  # nothing waits between reads


SERVER = """
import os, sys, time
from mpp import guard
guard.run("tests.guard_targets:pid", memory_mb=512, timeout=60)
tasks = "/proc/self/task"
print(" ".join(p for t in os.listdir(tasks) for p in open(f"{tasks}/{t}/children").read().split()), flush=True)
if sys.argv[1] == "killed":
    time.sleep(600)
"""


@pytest.mark.parametrize("end", ["exit", "killed"])
def test_no_child_outlives_the_server(end):
    """At a normal exit atexit kills the spares; a server killed outright closes their stdin, and a
    spare reading end-of-file ends too."""
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, end], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    spares = [int(pid) for pid in server.stdout.readline().split()]
    assert spares  # waiting for the next read
    if end == "killed":
        server.kill()
    server.wait(60)
    deadline = time.monotonic() + 30
    while not all(gone(pid) for pid in spares) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(gone(pid) for pid in spares)
