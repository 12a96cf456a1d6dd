"""What loading one file did, as the command line prints it and the upload page shows it: the
Report, made by the file's kind (loaders/kinds/, summary) or from the ledger when the same bytes were
loaded before."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from loaders.layouts import by_name
from loaders.model import Problem
from mpp.period import Period, month_start


@dataclass
class Report:
    """What happened to one file, for the command line and the upload page."""

    file_name: str
    outcome: str  # added | replaced | unchanged | refused
    layout: str | None = None  # layout NAME
    site: str | None = None
    period: Period | None = None
    agencies: list[str] = field(default_factory=list)  # canonical names in the file
    new_agencies: list[str] = field(default_factory=list)  # added as new by this load
    rows: int = 0
    total: int = 0  # service visits
    visitors: int = 0  # people entering, where the file gives them
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    load_id: int | None = None
    dry_run: bool = False
    agency_totals: list[tuple[str, int]] = field(default_factory=list)  # service visits, highest first
    mapping: str | None = None  # the column mapping that read the file (loaders/mapping.py), by name
    # (agency, 'YYYY-MM', service visits) per canonical agency and month: the preview of a mapped file
    monthly_totals: list[tuple[str, str, int]] = field(default_factory=list)
    # months the file gives as 0 for every agency (loaders/zero_months.py), left out or not
    zero_months: list[date] = field(default_factory=list)

    @property
    def layout_title(self) -> str:
        if self.layout is None:
            return "-"
        try:
            return by_name(self.layout).TITLE
        except StopIteration:
            return self.layout or "-"

    @property
    def ok(self) -> bool:
        return self.outcome != "refused"


def unchanged_report(con: duckdb.DuckDBPyConnection, load_id: int, file_name: str) -> Report:
    layout, site, start, end, rows, total = con.execute(
        "SELECT layout, site, period_from, period_to, rows, total FROM loads WHERE load_id = ?", [load_id]
    ).fetchall()[0]
    period = Period(month_start(start), month_start(end)) if start and end else None
    agencies = [
        name
        for (name,) in con.execute(
            "SELECT DISTINCT a.name FROM service_visits v JOIN agencies a USING (agency_id) "
            "WHERE v.load_id = ? ORDER BY 1",
            [load_id],
        ).fetchall()
    ]
    return Report(
        file_name,
        "unchanged",
        layout,
        site,
        period,
        agencies,
        rows=rows,
        total=total,
        load_id=load_id,
        notes=[f"isi berkas sama persis dengan muatan {load_id}", *replaced_since(con, load_id)],
    )


def replaced_since(con: duckdb.DuckDBPyConnection, load_id: int) -> list[str]:
    """Re-sending an old file does not bring it back over a later correction: say how to."""
    later = [
        n
        for (n,) in con.execute(
            "SELECT DISTINCT superseded_by FROM service_visits WHERE load_id = ? AND superseded_by "
            "IS NOT NULL UNION SELECT DISTINCT superseded_by FROM site_visitors WHERE load_id = ? "
            "AND superseded_by IS NOT NULL ORDER BY 1",
            [load_id, load_id],
        ).fetchall()
    ]
    if not later:
        return []
    return [
        f"sebagian atau seluruh angkanya sudah diganti muatan {', '.join(map(str, later))}; "
        f"untuk memakai angka berkas ini lagi, batalkan muatan itu (python -m loaders undo)"
    ]
