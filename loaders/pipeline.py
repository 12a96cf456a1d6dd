"""The steps every file takes before its kind of data takes over: read -> detect -> parse -> clean
names, and the checks that need no store (the year asked for, the site, personal data in names).

    workbook, parsed, context = parse_file("rekap_2025.xlsx", data, Options(site="MPP Kota Balikpapan"))

Nothing here opens the store: loaders/kinds/ then checks the parsed rows against it (agency matching)
and writes them, and loaders/load.py runs the whole in one transaction.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePath

from loaders import read, read_guarded, validate
from loaders.layouts import parse_workbook
from loaders.layouts.common import Context, problem, text
from loaders.model import ColumnMapping, FileRefused, Parsed, Problem, Workbook
from loaders.normalize import find_site, has_controls, looks_personal, without_controls
from loaders.zero_months import leave_out, zero_months
from mpp.access.accounts import User


@dataclass
class Options:
    """What the user said on the command line or the upload page."""

    site: str | None = None
    year: int | None = None
    block: str | None = None
    unknown_agencies: str = "refuse"  # refuse | add
    sum_duplicates: bool = False  # a long table's figure given twice: added up instead of refused
    dry_run: bool = False
    loaded_by: str = "system"
    actor: User | None = None  # who loads: no actor, or one below analyst, writes nothing
    # (the command line passes accounts.COMMAND_LINE)
    # --agency: every row belongs to this agency; what the file has as its agency column (permit
    # types, counter services) is then the service
    agency: str | None = None
    # months the file gives as 0 for every agency that are not yet reported: left out of the load
    # (loaders/zero_months.py); a month with any figure above 0 is never left out
    unreported_months: tuple[date, ...] = ()
    # --status WORD=MEANING: what ticket status words mean (served, cancelled, no_show, waiting,
    # other) beyond the store's table ticket_statuses; saved to it when the file loads
    statuses: dict[str, str] = field(default_factory=dict)
    # Column mappings (loaders/mapping.py) given for this run (the page's mapping, --mapping FILE):
    # a sheet whose header matches one is read by it, before any layout. The site's saved mappings
    # are looked up by the load itself (saved_mappings, filled from the store) and read only
    # sheets no layout recognises. save_mappings: the given ones are saved for the site on load.
    mappings: tuple[ColumnMapping, ...] = ()
    saved_mappings: tuple[ColumnMapping, ...] = ()
    save_mappings: bool = False
    guarded: bool = True  # read in a child process under memory and time limits, on
    # every path: a hostile file must not take anything down
    # (costs ~0,3-1 s a file to start the child)


def parse_file(file_name: str, data, options: Options) -> tuple[Workbook, Parsed, Context]:
    """read -> detect -> parse, without the store (so a long parse holds no database lock).
    data is the upload's bytes, or a path for a big file on disk (streamed by read.py)."""
    path, content = (data, None) if isinstance(data, (str, os.PathLike)) else (None, data)
    check_year(options.year, file_name)
    reader = read_guarded.read_file_guarded if options.guarded else read.read_file
    workbook = reader(path, content, name=file_name)
    context = Context(
        file_name=file_name,
        year=options.year,
        block=options.block,
        agency=options.agency,
        sum_duplicates=options.sum_duplicates,
        mappings=options.mappings,
        saved_mappings=options.saved_mappings,
    )
    try:
        parsed = one_agency(parse_workbook(workbook, context), options.agency)
        parsed.zero_months = zero_months(parsed.service)
        parsed = leave_out(parsed, options.unreported_months)
        return workbook, clean_names(workbook, parsed), context
    except FileRefused as refused:  # e.g. several blocks: still say what else is missing
        missing = site_problems(options.site or find_site(file_words(file_name)), file_name)
        raise refusal(refused.problems + missing, file_name) from None


def one_agency(parsed: Parsed, agency: str | None) -> Parsed:
    """--agency: every row is the named agency's, and what the layout read as agency names (the 70
    permit types of a DPMPTSP recap, the counters of one office) is its service, where the row has
    none of its own."""
    if not agency:
        return parsed
    for attribute in ("service", "outcomes"):
        frame = getattr(parsed, attribute)
        if frame is not None and "agency" in frame:
            services = frame["service"].where(frame["service"].notna(), frame["agency"])
            setattr(parsed, attribute, frame.assign(agency=agency, service=services))
    return parsed


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
                    f"{YEARS.start}-{YEARS.stop - 1}); berkas tidak dimuat. / Year out of range.",
                    file=file_name,
                    way_out="year",
                )
            ]
        )


def site_named(workbook: Workbook, parsed: Parsed, options: Options) -> str | None:
    """The site as the user gave it (--site, the upload page), else as the file's title rows state
    it, else as a sheet name or the file name does; control characters of a typed name dropped."""
    site = options.site or parsed.site or site_from_names(workbook)
    return without_controls(site) if site else site


def site_from_names(workbook: Workbook) -> str | None:
    """The site a sheet name or the file name states ('MPP Kota Balikpapan', mpp_paser_2024.xlsx)."""
    names = [s.name for s in workbook.sheets if not s.hidden] + [file_words(workbook.file_name)]
    return next((site for name in names if (site := find_site(name))), None)


def site_problems(site: str | None, file_name: str) -> list[Problem]:
    if site:
        return []
    return [
        problem(
            "lokasi_tidak_diketahui",
            "Nama MPP tidak tertulis di judul maupun nama berkas.",
            file=file_name,
            way_out="site",
        )
    ]


def file_words(file_name: str) -> str:
    """'mpp_kota_balikpapan_2025.xlsx' -> 'mpp kota balikpapan 2025', for find_site."""
    return " ".join(PurePath(file_name).stem.replace("_", " ").replace("-", " ").split())


def refusal(problems: list[Problem], file_name: str) -> FileRefused:
    """The refusal of a file with every problem found, each naming the file where it does not yet."""
    return FileRefused([p if p.file else replace(p, file=file_name) for p in problems])
