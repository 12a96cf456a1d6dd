"""Functions the guard's child runs in tests; a module of its own, so the child imports nothing else."""

import os
import time


def crash_quoting_a_nik(cell: str) -> None:
    """An error of ours whose message quotes the cell it choked on."""
    raise ValueError(f"cannot read {cell}")


def pid() -> int:
    """Which process served the read."""
    return os.getpid()


def note_pid_and_wait(path: str) -> None:
    """A read that never ends (the time limit's), having said which process it is."""
    with open(path, "w") as noted:
        noted.write(str(os.getpid()))
    time.sleep(600)


def note_pid_and_exhaust_memory(path: str) -> None:
    """A read that outgrows the memory cap (a memory bomb's), having said which process it is."""
    with open(path, "w") as noted:
        noted.write(str(os.getpid()))
    hoard = [bytearray(64 * 1024 * 1024) for _ in range(1024)]  # 64 GB, far past any cap
    raise AssertionError(len(hoard))
