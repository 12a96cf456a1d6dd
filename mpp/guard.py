"""One of our own functions run in a child process of its own under a memory cap and a time limit: how every
file a user hands over (a spreadsheet, a press draft) is read, so a hostile file costs a refusal, not
the server.

    text = guard.run("mpp.press.checker.draft_file:docx_text", data, "rilis.docx", memory_mb=512, timeout=30)

The child (`python -m mpp.guard`) caps its own address space (RLIMIT_AS) and answers with a pickled
(outcome, value) on stdout. An exception marked `refusal = True` (FileRefused, DraftRefused) comes back
as itself; MemoryError, or a death by signal (the kernel, or Rust aborting on a failed allocation), is
ChildFailed('memory'); the time limit ChildFailed('timeout'); anything else ChildFailed('unexpected'),
with the child's traceback in our log (stderr), never shown to the user.

A plain subprocess, not multiprocessing: spawn re-imports the parent's __main__, which inside
Streamlit is the page script itself (it would run the page again in the child). A fresh child costs
about 0,1 s to start plus its imports (0,3-1 s for the spreadsheet reader; 3-4 s on a busy machine),
so children are started ahead, as spares: `python -m mpp.guard MODULE` imports the target's module
(pandas, pyarrow, calamine, our loaders) and waits on stdin. A read takes a spare, sends it the
request and gets its answer. Every child serves ONE request and exits, whatever happened (an answer,
a refusal, a crash, the memory cap, killed at the time limit), and another spare takes its place:
nothing of one file, and no state a hostile file left, reaches the next. The memory cap is set per
request, in the child, after its imports and before the call. A spare is exec'd, not forked: no DuckDB
connection, lock or thread of the server is copied into it. A spare holds about 70 MB; spares end
with the server (atexit kills them; a server killed outright closes their stdin, and a spare reading
end-of-file exits). MPP_GUARDED_WARM=0 starts a fresh interpreter per read instead (the way before;
no idle memory). On Windows the same works (pipes, no fork), without the memory cap.
The request comes pickled on stdin from our own process only, never from a user.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import logging
import os
import pickle
import re
import signal
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


def warm(target: str) -> None:
    """Start the spares for target's module now, e.g. when the upload page opens, so that even the
    first read finds one ready (otherwise the first read starts them)."""
    if _warm():
        SPARES.top_up(_module(target), _setting("MPP_GUARDED_READS", READS_DEFAULT, int, 1, 64))


def shutdown() -> None:
    """Kill every child of this process, idle or reading (at exit; a reading one's caller gets
    ChildFailed)."""
    SPARES.close()


def _warm() -> bool:
    return _setting("MPP_GUARDED_WARM", 1, int, 0, 1) == 1


def _module(target: str) -> str:
    return target.split(":")[0]


def _child(
    target: str, args: tuple, kwargs: dict, memory_mb: int, timeout: float
) -> subprocess.CompletedProcess:
    """One request to one child: a warm spare of target's module, or a fresh interpreter when spares
    are off. The child is gone when this returns (it answered and exited, or was killed)."""
    module = _module(target) if _warm() else None
    size = _setting("MPP_GUARDED_READS", READS_DEFAULT, int, 1, 64)
    child = SPARES.take(module, size)
    try:
        return _exchange(child, pickle.dumps((target, args, kwargs, memory_mb)), timeout)
    finally:
        SPARES.done(child, module, size)


def _exchange(child: subprocess.Popen, request: bytes, timeout: float) -> subprocess.CompletedProcess:
    """The request in, the answer out; at the time limit (or any error of ours) the child is killed
    and reaped, never left behind."""
    try:
        out, err = child.communicate(request, timeout=timeout)
    except subprocess.TimeoutExpired:
        _end(child)
        raise ChildFailed("timeout") from None
    except BaseException:
        _end(child)
        raise
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def _start(module: str | None) -> subprocess.Popen:
    """A child that imports module (if any) and then waits for its one request on stdin."""
    return subprocess.Popen(
        [sys.executable, "-m", "mpp.guard", *([module] if module else [])],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )


def _end(child: subprocess.Popen) -> None:
    """Kill and reap: no zombie, no pipe left open."""
    child.kill()
    child.communicate()


class Spares:
    """Warm children per target module, waiting for one request each. Thread-safe: the Streamlit
    server reads from many threads. take() hands out the oldest idle spare (the likeliest to have
    finished its imports; a dead one is dropped) and at once starts its replacement, which imports
    while the read runs: the next read, even right after one that ran into the time limit, finds a
    spare ready. With no spare (the first read, or spares used up) the read gets a fresh child and
    the spares are started after it, not beside it on the same cores. A module keeps as many idle
    spares as there are slots; with the reads under way, at most twice that many children."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: dict[str, list[subprocess.Popen]] = {}
        self._busy: set[subprocess.Popen] = set()

    def take(self, module: str | None, size: int) -> subprocess.Popen:
        with self._lock:
            child = self._idle_one(module) if module else None
            if child and module:
                self._top_up(module, size)
            child = child or _start(module)
            self._busy.add(child)
            return child

    def _idle_one(self, module: str) -> subprocess.Popen | None:
        idle = self._idle.setdefault(module, [])
        while idle:
            child = idle.pop(0)
            if child.poll() is None:
                return child
            _end(child)  # died while waiting (killed from outside): never used
        return None

    def done(self, child: subprocess.Popen, module: str | None, size: int) -> None:
        with self._lock:
            self._busy.discard(child)
            if module:
                self._top_up(module, size)

    def top_up(self, module: str, size: int) -> None:
        with self._lock:
            self._top_up(module, size)

    def _top_up(self, module: str, size: int) -> None:
        idle = self._idle.setdefault(module, [])
        while len(idle) > size:  # the setting went down
            _end(idle.pop())
        while len(idle) < size:
            idle.append(_start(module))

    def close(self) -> None:
        with self._lock:
            children = [c for idle in self._idle.values() for c in idle]
            children += self._busy
            self._idle.clear()
        for child in children:
            child.kill()  # a reading child's caller reaps it (its communicate returns)
        for child in children:
            child.wait()

    def forget(self) -> None:
        """In a forked copy of the server: the spares are the parent's (their pipes are shared), so
        this copy starts its own."""
        self._lock = threading.Lock()
        self._idle, self._busy = {}, set()


SPARES = Spares()
atexit.register(shutdown)
if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=SPARES.forget)


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
    """The child: import the modules named on the command line (a spare, warming up), wait for the one
    request, cap the address space, call, answer, exit. End-of-file instead of a request: the server
    ended or dropped this spare. Ctrl-C in the server's terminal is the server's to handle: the child
    ends when the server kills it or closes its stdin."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for module in sys.argv[1:]:
        _preload(module)
    request = sys.stdin.buffer.read()
    if not request:
        return
    target, args, kwargs, memory_mb = pickle.loads(request)
    cap_memory(memory_mb)
    answer = _call(target, args, kwargs)
    try:
        sys.stdout.buffer.write(pickle.dumps(answer))
    except MemoryError:
        sys.stdout.buffer.write(pickle.dumps(("memory", None)))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # no interpreter teardown (tens of ms with pyarrow loaded): nothing is left to save


def _preload(module: str) -> None:
    """The target's module, imported ahead; an error shows again, and is reported, when called."""
    with contextlib.suppress(Exception):
        importlib.import_module(module)


if __name__ == "__main__":
    main()
