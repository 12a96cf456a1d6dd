"""read_file under limits: in a child process (mpp.guard) whose address space is capped and which is
killed after a time limit, so a hostile file costs a refusal, never the server or the command line.

    book = read_file_guarded("tiket_2025.csv")        # a path is streamed by the child, as in process
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pyarrow as pa

from loaders import safety
from loaders.model import FileRefused, Workbook
from loaders.read import read_file
from loaders.safety import DEFAULT_LIMITS, Limits
from mpp import guard


def read_file_guarded(
    path,
    data: bytes | None = None,
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    memory_mb: int = 3072,
    timeout: float = 120.0,
) -> Workbook:
    """read_file in a child process (mpp.guard) whose address space is capped and which is killed
    after `timeout` seconds: running out of memory is too_large, of time too_slow, and any other
    failure an `unexpected` refusal; the server process never holds more than the result.

    The cap is on address space, which runs about twice the resident memory with Arrow and
    DuckDB (thread arenas, reservations): 1536 MB already refuses a 1M-row ticket .xlsx that reads
    in 1.2 GB resident; 2560 MB lets it through. Hence 3072 by default."""
    file = name or (Path(path).name if path else "berkas")
    with tempfile.TemporaryDirectory(prefix="mpp-read-") as folder:
        try:
            book = guard.run(
                READER,
                str(path) if path else None,
                data,
                folder,
                name=file,
                limits=limits,
                memory_mb=memory_mb,
                timeout=timeout,
            )
        except guard.ChildFailed as failed:
            raise _failure(failed.kind, file, timeout) from None
        return _with_frame(book, folder)


FRAME_FILE = "frame.arrow"
READER = "loaders.read_guarded:read_for_parent"


def warm_up() -> None:
    """Start the reader's warm children now (the upload page, when it opens), so that even the first
    file is read without waiting for an interpreter and its imports (mpp.guard)."""
    guard.warm(READER)


def read_for_parent(path, data: bytes | None, folder: str, *, name: str, limits: Limits) -> Workbook:
    """read_file in the guarded child. A long table goes back as an Arrow file in folder rather than
    pickled through the pipe, which would hold it twice more in the parent (a 2M-row CSV: parent
    peak 760 MB that way, against 415 MB read in process)."""
    book = read_file(path, data, name=name, limits=limits)
    if book.frame is None:
        return book
    with (
        pa.OSFile(str(Path(folder) / FRAME_FILE), "wb") as sink,
        pa.ipc.new_file(sink, book.frame.schema) as writer,
    ):
        writer.write(book.frame)  # a Table (CSV) or a RecordBatch (fastexcel)
    return replace(book, frame=FRAME_FILE)


def _with_frame(book: Workbook, folder: str) -> Workbook:
    """The frame read back, always as a pyarrow.Table (column_names, column() as the layouts use)."""
    if book.frame != FRAME_FILE:
        return book
    with pa.OSFile(str(Path(folder) / FRAME_FILE)) as source:  # read, not mapped: the folder goes
        return replace(book, frame=pa.ipc.open_file(source).read_all())


def _failure(kind: str, file: str, timeout: float) -> FileRefused:
    if kind == "busy":
        return safety.refuse("busy", file, guard.busy_message(file))
    if kind == "memory":
        return safety.refuse(
            "too_large",
            file,
            f"Berkas {file} butuh terlalu banyak memori untuk "
            "dibaca dengan aman. Pecah per bulan atau per instansi, lalu unggah "
            "bagian-bagiannya.",
        )
    if kind == "timeout":
        return safety.refuse(
            "too_slow",
            file,
            f"Membaca berkas {file} memakan waktu lebih dari "
            f"{timeout:g} detik, jadi dihentikan. Pecah berkas per bulan, lalu "
            "unggah bagian-bagiannya.",
        )
    return safety.unexpected(file)
