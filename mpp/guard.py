"""One of our own functions run in a fresh interpreter under a memory cap and a time limit: how every
file a user hands over (a spreadsheet, a press draft) is read, so a hostile file costs a refusal, not
the server.

    text = guard.run("mpp.press.checker.draft_file:docx_text", data, "rilis.docx", memory_mb=512, timeout=30)

The child (`python -m mpp.guard`) caps its own address space (RLIMIT_AS) and answers with a pickled
(outcome, value) on stdout. An exception marked `refusal = True` (FileRefused, DraftRefused) comes back
as itself; MemoryError, or a death by signal (the kernel, or Rust aborting on a failed allocation), is
ChildFailed('memory'); the time limit ChildFailed('timeout'); anything else ChildFailed('unexpected'),
with the child's traceback in our log (stderr), never shown to the user.

A plain subprocess, not multiprocessing: spawn re-imports the parent's __main__, which inside
Streamlit is the page script itself (it would run the page again in the child). Starting the child
costs about 0,1 s plus its imports (0,3-1 s for the spreadsheet reader, on a loaded machine).
The request comes pickled on stdin from our own process only, never from a user.

At most MPP_GUARDED_READS children (2) run at once in this server: Siaran Pers is open without a login,
and each draft's child may reserve 512 MB for 30 s (a spreadsheet's 3 GB for 120 s), so twenty parallel
anonymous uploads would otherwise ask for 10 GB. A read that finds no free slot within
MPP_GUARDED_READS_WAIT seconds (10) is ChildFailed('busy'), which the callers say with busy_message.
"""

from __future__ import annotations

import importlib
import logging
import os
import pickle
import re
import subprocess
import sys
import threading
import traceback
from pathlib import Path

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent


# XML we parse ourselves (a sheet's head, a draft's document.xml) may not carry a DOCTYPE, so no entity
# can be declared: the stdlib's expat expands internal ones (a "billion laughs" in a few KB).
ROOT_ELEMENT = re.compile(rb"<[A-Za-z_]")


def unsafe_xml(head: bytes) -> str | None:
    """Why the start of an XML part is not safe to parse, or None. A DOCTYPE (the only place an
    ENTITY can be declared) must come before the root element, so the prolog is all to look at."""
    if b"\x00" in head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "XML bukan UTF-8"
    root = ROOT_ELEMENT.search(head)
    prolog = head[: root.start()] if root else head
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        return "XML memuat DOCTYPE/ENTITY"
    return None if root else "awal XML tidak ditemukan"


class ChildFailed(Exception):
    """The child did not answer: kind is 'memory', 'timeout' or 'unexpected'; or never started:
    'busy'."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def busy_message(file: str) -> str:
    return (
        f"Berkas {file} belum dibaca: server sedang membaca berkas lain; coba lagi sebentar. "
        f"/ {file} was not read: the server is reading other files; try again shortly."
    )


READS_DEFAULT, WAIT_DEFAULT = 2, 10.0
_slots: dict[int, threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


def _setting(name: str, default, kind, least, most):
    """A number from the environment; a typo or an absurd value keeps the default, never no limit."""
    try:
        value = kind(os.environ.get(name, default))
    except ValueError:
        value = None
    if value is None or not least <= value <= most:
        log.warning(
            "%s=%r is not a number from %s to %s; using %s", name, os.environ.get(name), least, most, default
        )
        return default
    return value


def _reads() -> threading.BoundedSemaphore:
    """The slots of this process: one semaphore per configured size, the setting read at each read
    (the server's never changes; a test sets its own)."""
    size = _setting("MPP_GUARDED_READS", READS_DEFAULT, int, 1, 64)
    with _slots_lock:
        return _slots.setdefault(size, threading.BoundedSemaphore(size))


def run(target: str, *args, memory_mb: int, timeout: float, **kwargs):
    """target(*args, **kwargs) in the child, e.g. target 'loaders.read:read_file'; ChildFailed('busy')
    when too many children already run."""
    slots = _reads()
    if not slots.acquire(timeout=_setting("MPP_GUARDED_READS_WAIT", WAIT_DEFAULT, float, 0, 600)):
        log.warning("%s refused: every guarded read slot is taken", target)
        raise ChildFailed("busy")
    try:
        done = _child(target, args, kwargs, memory_mb, timeout)
    finally:
        slots.release()
    outcome, value = _answer(done, target)
    if outcome == "ok":
        return value
    if outcome == "raised":
        assert isinstance(value, BaseException)  # the child pickles ("raised", exception)
        raise value
    raise ChildFailed(outcome)


def _child(
    target: str, args: tuple, kwargs: dict, memory_mb: int, timeout: float
) -> subprocess.CompletedProcess:
    request = pickle.dumps((target, args, kwargs, memory_mb))
    try:
        return subprocess.run(
            [sys.executable, "-m", "mpp.guard"], input=request, capture_output=True, timeout=timeout, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        raise ChildFailed("timeout") from None


def _answer(done: subprocess.CompletedProcess, target: str) -> tuple[str, object]:
    err = done.stderr.decode("utf-8", "replace")
    answer = _unpickled(done.stdout) if done.returncode == 0 else None
    if answer and answer[0] != "unexpected":
        if answer[0] == "raised" and err.strip():  # a refusal of an error of ours: its traceback
            log.error("%s refused after an unexpected error:\n%s", target, err[-4000:])
        return answer
    if answer is None and (done.returncode < 0 or "MemoryError" in err or "memory allocation of" in err):
        log.warning("%s ran out of memory (exit %s): %s", target, done.returncode, err[-500:])
        return "memory", None
    log.error("%s failed unexpectedly (exit %s):\n%s", target, done.returncode, err[-4000:])
    return "unexpected", None


def _unpickled(stdout: bytes):
    """The child's (outcome, value), or None when it wrote none or a torn one."""
    try:
        return pickle.loads(stdout) if stdout else None
    except Exception:
        return None


def stack_only(exc: BaseException) -> str:
    """Where an error happened and its kind, without its message: a message can quote the cell that
    broke the parser (a NIK, a phone number), and logs keep no personal data (UU 27/2022)."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    return f"Traceback (most recent call last):\n{frames}{type(exc).__name__} (message withheld)"


def _call(target: str, args: tuple, kwargs: dict) -> tuple[str, object]:
    module, name = target.split(":")
    try:
        return "ok", getattr(importlib.import_module(module), name)(*args, **kwargs)
    except MemoryError:
        return "memory", None
    except Exception as exc:
        if getattr(exc, "refusal", False):
            return "raised", exc
        print(stack_only(exc), file=sys.stderr)
        return "unexpected", None


def cap_memory(memory_mb: int) -> None:
    """RLIMIT_AS where there is one (Linux, macOS); Windows has no such limit: only the time limit."""
    try:
        import resource
    except ImportError:
        return
    cap = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def main() -> None:
    """The child: cap the address space, call, answer."""
    target, args, kwargs, memory_mb = pickle.loads(sys.stdin.buffer.read())
    cap_memory(memory_mb)
    answer = _call(target, args, kwargs)
    try:
        sys.stdout.buffer.write(pickle.dumps(answer))
    except MemoryError:
        sys.stdout.buffer.write(pickle.dumps(("memory", None)))


if __name__ == "__main__":
    main()
