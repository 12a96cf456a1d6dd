"""What every kind of data shares once its file is parsed: the Prepared file, agency matching against
the store, the site and the ledger row a load writes, and the 'added' or 'replaced' it reports."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

import duckdb
import pandas as pd

from loaders.layouts.common import Context, problem
from loaders.model import Parsed, Problem, Workbook
from loaders.normalize import stored_file_name
from loaders.pipeline import Options
from loaders.report import Report
from mpp.access.accounts import User
from mpp.period import Period, month_start
from mpp.reference.agencies import AgencyMatcher, add_alias, agency_key, ensure_agency
from mpp.reference.sites import Site, ensure_site
from mpp.store import ledger


@dataclass
class Prepared:
    """A file ready to load: its rows checked against the store, in the shape its kind writes them
    (service visits or respondents with agency ids, None for an agency still to add; published
    indices as printed)."""

    workbook: Workbook
    parsed: Parsed
    site: str
    rows: pd.DataFrame
    days: tuple[date | None, date | None]  # the first and last day the file covers
    new_agencies: list[str] = field(default_factory=list)

    @property
    def period(self) -> Period | None:
        first, last = self.days
        return Period(month_start(first), month_start(last)) if first and last else None


class Kind(Protocol):
    """What a module of loaders/kinds/ provides (see loaders/kinds/__init__.py)."""

    NAME: str

    def prepare(
        self,
        con: duckdb.DuckDBPyConnection,
        workbook: Workbook,
        parsed: Parsed,
        context: Context,
        options: Options,
    ) -> Prepared: ...

    def summary(self, prepared: Prepared, options: Options) -> Report: ...

    def replaces(self, con: duckdb.DuckDBPyConnection, prepared: Prepared) -> bool: ...

    def write(
        self, con: duckdb.DuckDBPyConnection, prepared: Prepared, sha256: str, options: Options
    ) -> tuple[int, str]: ...


# ---- agencies -------------------------------------------------------------------------------------


def match_agencies(
    con: duckdb.DuckDBPyConnection, rows: pd.DataFrame, site: str | None, unknown_mode: str
) -> tuple[pd.DataFrame, list[str], list[Problem]]:
    """Map each raw agency name to a canonical agency. Unknown names are refused (with the closest
    canonical names) unless unknown_mode is 'add'; then they are listed as new."""
    matcher = AgencyMatcher.from_store(con)
    place = kabupaten_kota(con, site)
    ids: dict[str, int | None] = {}
    canon: dict[str, str] = {}
    problems: list[Problem] = []
    first_spelling: dict[str, str] = {}
    for raw in rows["agency"].drop_duplicates():
        match = matcher.match(raw, site_kabupaten_kota=place)
        # Two spellings of one new name ('Dinas X', 'DINAS X ') make one new agency.
        new_name = first_spelling.setdefault(agency_key(raw), raw.strip())
        ids[raw], canon[raw] = match.agency_id, match.canonical or new_name
        if match.agency_id is None and unknown_mode != "add":
            problems.append(unknown_problem(rows, raw, match.suggestions))
    out = rows.assign(agency_id=rows["agency"].map(ids), canonical=rows["agency"].map(canon))
    new = sorted(set(out.loc[out["agency_id"].isna(), "canonical"])) if unknown_mode == "add" else []
    return out, new, problems


def unknown_problem(rows: pd.DataFrame, raw: str, suggestions) -> Problem:
    first = rows.loc[rows["agency"] == raw].iloc[0]
    near = ", ".join(f"'{s}'" for s in list(suggestions)[:3])
    found = problem(
        "instansi_tidak_dikenal",
        f"Instansi '{raw}' tidak dikenal"
        + (f" (mirip: {near})." if near else "; tidak ada nama yang mirip."),
        cell=first["source_cell"],
        sheet_name=first.get("sheet"),
        way_out="unknown_agencies",
    )
    return replace(found, subject=raw.strip(), suggestions=tuple(suggestions)[:3])


def with_new_agencies(con: duckdb.DuckDBPyConnection, actor: User | None, rows: pd.DataFrame) -> pd.DataFrame:
    """Add the agencies no alias knew (unknown_agencies='add'), remembering their spelling."""
    missing = rows.loc[rows["agency_id"].isna(), ["agency", "canonical"]].drop_duplicates()
    ids = {}
    for raw, name in missing.itertuples(index=False):
        ids[raw] = ensure_agency(con, name)
        add_alias(con, actor, raw, ids[raw], "load")
    if not ids:
        return rows
    return rows.assign(agency_id=rows["agency_id"].fillna(rows["agency"].map(ids)))


# ---- the site -------------------------------------------------------------------------------------


def kabupaten_kota(con: duckdb.DuckDBPyConnection, site: str | None) -> str | None:
    """The site's kabupaten/kota, from the store or else from its name ('MPP Kota X' -> 'Kota X')."""
    if not site:
        return None
    found = con.execute("SELECT kabupaten_kota FROM sites WHERE name = ?", [site]).fetchall()
    return found[0][0] if found and found[0][0] else kabupaten_kota_of_name(site)


def kabupaten_kota_of_name(site: str) -> str | None:
    for prefix in ("Mini MPP ", "MPP "):
        if site.startswith(prefix):
            return site[len(prefix) :]
    return None


def site_of(name: str) -> Site:
    kind = "mini_mpp" if name.startswith("Mini MPP ") else "mpp"
    return Site(name, kind, kabupaten_kota_of_name(name))


# ---- the load -------------------------------------------------------------------------------------


def file_notes(prepared: Prepared) -> list[str]:
    """The parser's notes, then the personal-data columns dropped on read."""
    return [
        *prepared.parsed.notes,
        *(f"kolom data pribadi dibuang: {c}" for c in prepared.workbook.dropped_columns),
    ]


def record_load(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, sha256: str, options: Options, measure: str
) -> tuple[int, int]:
    """(site_id, load_id): the site (added when new) and the file's ledger row, inside the load's
    transaction."""
    site_id = ensure_site(con, site_of(prepared.site))
    first, last = prepared.days
    record = ledger.LoadRecord(
        stored_file_name(prepared.workbook.file_name),
        sha256,
        prepared.parsed.layout,
        measure,
        prepared.site,
        first,
        last,
        options.loaded_by,
        "; ".join(prepared.parsed.notes) or None,
    )
    return site_id, ledger.record_load(con, record)


def outcome(con: duckdb.DuckDBPyConnection, load_id: int, tables: tuple[str, ...]) -> str:
    """'replaced' when the load superseded live rows in any of tables (a fixed list), else 'added'."""
    replaced = sum(
        con.execute(f"SELECT count(*) FROM {table} WHERE superseded_by = ?", [load_id]).fetchall()[0][0]
        for table in tables
    )
    return "replaced" if replaced else "added"


# ---- the two survey kinds ---------------------------------------------------------------------------


def future_problems(frame: pd.DataFrame, today: date) -> list[Problem]:
    """Survey rows dated after today, said once with the first of them."""
    late = frame[[day is not None and day > today for day in frame["day"]]]
    if late.empty:
        return []
    return [
        problem(
            "tanggal_di_masa_depan",
            f"Ada {len(late)} baris bertanggal setelah hari ini "
            f"(mis. {late.iloc[0]['day']:%d/%m/%Y}). Periksa tahun atau tanggalnya.",
            cell=late.iloc[0]["source_cell"],
            sheet_name=late.iloc[0]["sheet"],
        )
    ]


def empty_survey_problems(frame: pd.DataFrame) -> list[Problem]:
    if not frame.empty:
        return []
    return [problem("kosong", "Berkas tidak berisi satu jawaban atau nilai indeks pun.")]
