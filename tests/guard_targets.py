"""Functions the guard's child runs in tests; a module of its own, so the child imports nothing else."""


def crash_quoting_a_nik(cell: str) -> None:
    """An error of ours whose message quotes the cell it choked on."""
    raise ValueError(f"cannot read {cell}")
