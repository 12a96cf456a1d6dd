"""The steps between bytes and the store: read -> detect -> parse -> normalize -> validate.

prepare() runs them all and returns what load.py writes, or raises FileRefused with every problem
found. Nothing here writes; agency matching only reads the store.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import PurePath

import duckdb
import pandas as pd

from loaders import read, read_guarded, validate
from loaders.layouts import parse_workbook
from loaders.layouts.common import Context, problem, text
from loaders.model import FileRefused, Parsed, Problem, Workbook
from loaders.normalize import find_site, has_controls, looks_personal, without_controls
from mpp.access.accounts import User
from mpp.period import Period, month_start
from mpp.reference.agencies import AgencyMatcher, agency_key


@dataclass
class Options:
    """What the user said on the command line or the upload page."""

    site: str | None = None
    year: int | None = None
    block: str | None = None
    unknown_agencies: str = "refuse"  # refuse | add
    dry_run: bool = False
    loaded_by: str = "system"
    actor: User | None = None  # who loads: no actor, or one below analyst, writes nothing
    # (the command line passes accounts.COMMAND_LINE)
    guarded: bool = True  # read in a child process under memory and time limits, on
    # every path: a hostile file must not take anything down
    # (costs ~0,3-1 s a file to start the child)


@dataclass
class Prepared:
    """A file ready to load: tidy rows with agency ids (None for agencies still to add)."""

    workbook: Workbook
    parsed: Parsed
    site: str
    service: pd.DataFrame  # + agency_id, canonical
    new_agencies: list[str] = field(default_factory=list)

    @property
    def days(self) -> tuple:
        """(first, last) day the figures cover; (None, None) when there are none."""
        visitors = [self.parsed.visitors["day"]] if self.parsed.visitors is not None else []
        days = pd.concat([self.service["day"], *visitors])
        return (min(days), max(days)) if len(days) else (None, None)

    @property
    def period(self) -> Period | None:
        first, last = self.days
        return Period(month_start(first), month_start(last)) if first else None


def parse_file(file_name: str, data, options: Options) -> tuple[Workbook, Parsed, Context]:
    """read -> detect -> parse, without the store (so a long parse holds no database lock).
    data is the upload's bytes, or a path for a big file on disk (streamed by read.py)."""
    path, content = (data, None) if isinstance(data, (str, os.PathLike)) else (None, data)
    check_year(options.year, file_name)
    reader = read_guarded.read_file_guarded if options.guarded else read.read_file
    workbook = reader(path, content, name=file_name)
    context = Context(file_name=file_name, year=options.year, block=options.block)
    try:
        return workbook, clean_names(workbook, parse_workbook(workbook, context)), context
    except FileRefused as refused:  # e.g. several blocks: still say what else is missing
        missing = site_problems(options.site or find_site(_words(file_name)), file_name)
        raise FileRefused([_located(p, file_name) for p in refused.problems + missing]) from None


# The name columns of the parsed frames: agencies, services, survey units, respondent ids.
NAME_COLUMNS = (
    ("service", ("agency", "service")),
    ("outcomes", ("agency", "service")),
    ("skm_responses", ("agency", "respondent")),
    ("skm_summaries", ("unit",)),
)


def _name_columns(parsed: Parsed):
    """(attribute, column) of every name column the parsed file has."""
    for attribute, columns in NAME_COLUMNS:
        frame = getattr(parsed, attribute)
        yield from ((attribute, c) for c in columns if frame is not None and c in frame)


def clean_names(workbook: Workbook, parsed: Parsed) -> Parsed:
    """Names with control characters (a CSV can carry any byte) lose them here, before agency
    matching, the store and every page and export; each is reported as a note naming its cell."""
    dirty = []
    for attribute, column in _name_columns(parsed):
        frame = getattr(parsed, attribute)
        found = [n for n in frame[column].dropna().unique() if has_controls(n)]  # few distinct names
        if found:
            dirty += found
            clean = frame[column].replace({n: without_controls(n) for n in found})
            setattr(parsed, attribute, frame.assign(**{column: clean}))
    parsed.notes += [
        f"karakter kendali dibuang dari nama '{without_controls(name)}'"
        + (f" di sel {cell}" if (cell := name_cell(workbook, name)) else "")
        for name in dict.fromkeys(dirty)
    ]
    return parsed


def personal_value_problems(workbook: Workbook, parsed: Parsed) -> list[Problem]:
    """Names that hold a NIK or a mobile number (a person's data under an agency or service header):
    refused, as nothing personal may be stored. The message names the cell, never the value."""
    found = []
    for attribute, column in _name_columns(parsed):
        frame = getattr(parsed, attribute)
        personal = {n for n in frame[column].dropna().unique() if looks_personal(n)}
        found += [
            (column, row) for _, row in frame[frame[column].isin(personal)].drop_duplicates(column).iterrows()
        ]
    what = {
        "agency": "Nama instansi",
        "service": "Nama layanan",
        "unit": "Nama unit",
        "respondent": "Kolom responden",
    }
    return [
        problem(
            "data_pribadi",
            f"{what[column]} memuat NIK atau nomor HP. Data pribadi tidak "
            "boleh dimuat (UU 27/2022): hapus nomor itu dari kolom ini, lalu unggah lagi.",
            file=workbook.file_name,
            sheet_name=row.get("sheet"),
            cell=name_cell(workbook, row[column], with_sheet=False) or row.get("source_cell"),
        )
        for column, row in found[:20]
    ]


def name_cell(workbook: Workbook, name: str, with_sheet: bool = True) -> str | None:
    """The first cell holding a name, for a note: B7, or B7 (sheet 'Rekap') in a workbook."""
    for sheet in workbook.sheets:
        for r, row in enumerate(sheet.rows):
            for c, cell in enumerate(row):
                if isinstance(cell, str) and text(cell) == name:
                    many = with_sheet and len(workbook.sheets) > 1
                    return validate.cell_ref(r, c) + (f" (sheet '{sheet.name}')" if many else "")
    return None


YEARS = range(2000, 2101)  # MPPs opened from 2017; a year outside this is a typing slip


def check_year(year: int | None, file_name: str) -> None:
    if year is not None and year not in YEARS:
        raise FileRefused(
            [
                problem(
                    "tahun_tidak_wajar",
                    f"Tahun {year} untuk berkas {file_name} tidak wajar (harus "
                    f"{YEARS.start}-{YEARS.stop - 1}); berkas tidak dimuat. Periksa --year. / Year out of range.",
                    file=file_name,
                )
            ]
        )


def prepare(con: duckdb.DuckDBPyConnection, file_name: str, data, options: Options) -> Prepared:
    """All steps up to the load: parse_file, then agency matching and validation against the store."""
    return prepare_parsed(con, *parse_file(file_name, data, options), options)


def prepare_parsed(
    con: duckdb.DuckDBPyConnection, workbook: Workbook, parsed: Parsed, context: Context, options: Options
) -> Prepared:
    file_name = workbook.file_name
    personal = personal_value_problems(workbook, parsed)
    if parsed.skm_responses is not None or parsed.skm_summaries is not None:  # a survey (issue 7)
        if personal:  # a respondent "id" that is a NIK or a phone number
            raise FileRefused(personal)
        from loaders import skm_load

        return skm_load.prepare(con, workbook, parsed, options, context)
    problems = list(parsed.problems) + personal
    site = options.site or parsed.site or site_from_names(workbook)
    site = without_controls(site) if site else site  # a site typed on the upload page
    problems += site_problems(site, file_name)
    service, new, unknown = match_agencies(con, parsed.service, site, options.unknown_agencies)
    problems += unknown + date_problems(parsed, context) + validate.count_bound_problems(parsed)
    if parsed.service.empty and (parsed.visitors is None or parsed.visitors.empty):
        problems.append(problem("kosong", "Berkas tidak berisi satu angka pun untuk dimuat.", file=file_name))
    if problems:
        raise FileRefused([_located(p, file_name) for p in problems])
    return Prepared(workbook, parsed, site, service, new)


def site_from_names(workbook: Workbook) -> str | None:
    """The site a sheet name or the file name states ('MPP Kota Balikpapan', mpp_paser_2024.xlsx)."""
    names = [s.name for s in workbook.sheets if not s.hidden] + [_words(workbook.file_name)]
    return next((site for name in names if (site := find_site(name))), None)


def site_problems(site: str | None, file_name: str) -> list[Problem]:
    if site:
        return []
    return [
        problem(
            "lokasi_tidak_diketahui",
            "Nama MPP tidak tertulis di judul maupun nama berkas. "
            'Sebutkan dengan --site NAMA (mis. --site "MPP Kota Balikpapan").',
            file=file_name,
        )
    ]


def _words(file_name: str) -> str:
    """'mpp_kota_balikpapan_2025.xlsx' -> 'mpp kota balikpapan 2025', for find_site."""
    return " ".join(PurePath(file_name).stem.replace("_", " ").replace("-", " ").split())


def _located(p: Problem, file_name: str) -> Problem:
    return p if p.file else replace(p, file=file_name)


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


def match_agencies(
    con: duckdb.DuckDBPyConnection, service: pd.DataFrame, site: str | None, unknown_mode: str
):
    """Map each raw agency name to a canonical agency. Unknown names are refused (with the closest
    canonical names) unless unknown_mode is 'add'; then they are listed as new."""
    matcher = AgencyMatcher.from_store(con)
    place = kabupaten_kota(con, site)
    ids, canon, problems, first_spelling = {}, {}, [], {}
    for raw in service["agency"].drop_duplicates():
        match = matcher.match(raw, site_kabupaten_kota=place)
        # Two spellings of one new name ('Dinas X', 'DINAS X ') make one new agency.
        new_name = first_spelling.setdefault(agency_key(raw), raw.strip())
        ids[raw], canon[raw] = match.agency_id, match.canonical or new_name
        if match.agency_id is None and unknown_mode != "add":
            problems.append(unknown_problem(service, raw, match.suggestions))
    out = service.assign(agency_id=service["agency"].map(ids), canonical=service["agency"].map(canon))
    new = sorted(set(out.loc[out["agency_id"].isna(), "canonical"])) if unknown_mode == "add" else []
    return out, new, problems


def unknown_problem(service: pd.DataFrame, raw: str, suggestions) -> Problem:
    first = service.loc[service["agency"] == raw].iloc[0]
    near = ", ".join(f"'{s}'" for s in list(suggestions)[:3]) or "tidak ada yang mirip"
    found = problem(
        "instansi_tidak_dikenal",
        f"Instansi '{raw}' tidak dikenal (terdekat: {near}). "
        f'Petakan dengan `python -m loaders alias add "{raw}" NAMA_KANONIK`, atau muat '
        "dengan --unknown-agencies add untuk menambahkannya sebagai instansi baru.",
        cell=first["source_cell"],
        sheet_name=first.get("sheet"),
    )
    return replace(found, subject=raw.strip(), suggestions=tuple(suggestions)[:3])


def date_problems(parsed: Parsed, context: Context, limit: int = 20) -> list[Problem]:
    """Figures dated after today cannot be right (validate.py's check, at each figure's cell)."""
    future = parsed.service[parsed.service["day"] > context.today].head(limit)
    return [
        replace(p, sheet=row.get("sheet"), cell=row["source_cell"])
        for _, row in future.iterrows()
        for p in validate.date_problems(None, [(row["day"], None)], context.today)
    ]
