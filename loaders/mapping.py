"""Column mappings: what an analyst teaches once about a sheet no layout recognises, saved for the
site, shared as JSON, and applied by itself to every later file whose header row is the same.

    mapping = ColumnMapping("Rekap antrean Dukcapil", header_row=1, header=header_cells(sheet, 1),
                            date_column="Tanggal Kunjungan", agency_column="Loket Tujuan",
                            count_column="Banyaknya")
    matches(mapping, sheet)                 # True: the same header in row 1
    parsed = apply(mapping, sheet, Context(file_name="antrean_mei.xlsx"))   # a Parsed of visits
    text = to_json(mapping); from_json(text, "dukcapil.json") == mapping

The reading itself is the layout loaders/layouts/mapped.py (the pipeline's agency matching,
duplicates, statuses, validation and ledger then apply as to any layout); this module is its face:
the JSON a user hands over, read under size and depth limits, every problem said at once; what the
upload page offers to pick; the monthly totals it previews; and the saved mappings of a site.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, fields, replace
from pathlib import Path

import duckdb

from loaders import read_guarded
from loaders.layouts.common import key, text
from loaders.layouts.mapped import apply, header_cells, mapping_problems, matches
from loaders.model import ColumnMapping, FileRefused, Parsed, Problem, Sheet
from loaders.normalize import has_controls, looks_personal
from loaders.tabular import header_row_index
from mpp.access.accounts import User
from mpp.fmt import number
from mpp.reference import mappings
from mpp.store import writers

__all__ = [
    "ColumnMapping",
    "apply",
    "columns_of",
    "delete",
    "for_site",
    "from_json",
    "header_cells",
    "likely_header_row",
    "matches",
    "preview_totals",
    "read_mapping_file",
    "rename",
    "save",
    "save_imported",
    "sheets_to_map",
    "to_json",
]

FORMAT = "pantau_mpp_mapping"  # the JSON object's marker key; its value is the format's version
VERSION = 1
# A mapping of a 1.000-column sheet (the widest read.py admits) with 60-character headers is about
# 130 KB of JSON; more is not a mapping. Read under this cap, json.loads is bounded in time and
# memory, so the text is parsed in process (a spreadsheet needs the guarded child; this does not).
MAX_BYTES = 256 * 1024
MAX_CELLS = 1_000  # header cells and month columns (read.py's column limit)
MAX_TEXT = 200  # characters of a header text, a name or a status value
MAX_SERVED = 100  # status values that count as visits
FORMULA = re.compile(r"^[=+\-@\t\r]")  # a name a spreadsheet would run as a formula when exported


def to_json(mapping: ColumnMapping) -> str:
    """The mapping as a versioned JSON object: {"pantau_mpp_mapping": 1, "name": ..., ...}."""
    return json.dumps({FORMAT: VERSION, **asdict(mapping)}, ensure_ascii=False, indent=2)


def shared_json(mapping: ColumnMapping) -> str:
    """The JSON handed to another office (the page's download, `mapping export`): every column name,
    month header and status value a spreadsheet would run as a formula is written with a leading
    apostrophe. Headers match on letters and digits only, so the file still reads the same sheets."""
    safe = replace(
        mapping,
        agency_column=defused(mapping.agency_column),
        service_column=defused(mapping.service_column),
        date_column=defused(mapping.date_column),
        count_column=defused(mapping.count_column),
        status_column=defused(mapping.status_column),
        sheet=defused(mapping.sheet),
        month_columns=tuple((defused_text(h), m) for h, m in mapping.month_columns),
        served=tuple(defused_text(v) for v in mapping.served),
    )
    return to_json(safe)


def defused(value: str | None) -> str | None:
    return "'" + value if value is not None and FORMULA.match(value) else value


def defused_text(value: str) -> str:
    return "'" + value if FORMULA.match(value) else value


def from_json(text: str | bytes, file_name: str) -> ColumnMapping:
    """A mapping from the JSON a user hands over (an export of this or another office). Too big,
    too deep, not JSON, a field missing or of the wrong type, a formula-like or overlong name:
    FileRefused with every problem at once, each naming the file."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    spec = decoded(data, file_name)
    said = spec_problems(spec)
    if said:
        raise FileRefused([refused_as(file_name, s) for s in said])
    mapping = mapping_of(spec)
    problems = mapping_problems(mapping, file_name)
    if problems:
        raise FileRefused(problems)
    return mapping


def read_mapping_file(path: str | os.PathLike) -> ColumnMapping:
    """A mapping from a JSON file on disk (the command line's --mapping): its size is checked before
    it is read, so a huge file is refused without being loaded."""
    name = Path(path).name
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise FileRefused([refused_as(name, too_big(size))])
        data = Path(path).read_bytes()
    except OSError as exc:  # missing, a folder, not readable
        raise FileRefused([refused_as(name, f"tidak dapat dibaca ({exc.strerror})")]) from None
    return from_json(data, name)


def too_big(size: int) -> str:
    return f"berukuran {number(size // 1024)} KB, melebihi batas {MAX_BYTES // 1024} KB"


def refused_as(file_name: str, said: str) -> Problem:
    return Problem(
        "pemetaan_tidak_sah",
        f"Berkas pemetaan {file_name}: {said}; pemetaan tidak dipakai. / The mapping file is not valid.",
        file=file_name,
    )


def decoded(data: bytes, file_name: str) -> dict:
    """The JSON object, under the size cap; any other text is refused naming the file."""
    if len(data) > MAX_BYTES:
        raise FileRefused([refused_as(file_name, too_big(len(data)))])
    try:
        spec = json.loads(data.decode("utf-8-sig"), parse_constant=no_constant)
    except RecursionError:
        raise FileRefused([refused_as(file_name, "JSON bersarang terlalu dalam")]) from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, a 5000-digit number
        raise FileRefused([refused_as(file_name, f"bukan JSON yang sah ({str(exc)[:80]})")]) from None
    if not isinstance(spec, dict) or FORMAT not in spec:
        raise FileRefused(
            [refused_as(file_name, f"bukan pemetaan kolom Pantau MPP (tanpa kunci '{FORMAT}')")]
        )
    return spec


def no_constant(name: str):
    raise ValueError(f"{name} bukan angka")


# The fields that hold one text (a header text, a name); all but the name may be null.
TEXT_FIELDS = ["name", "agency_column", "agency", "service_column", "date_column", "count_column"]
TEXT_FIELDS += ["status_column", "sheet"]
OPTIONAL = set(TEXT_FIELDS) - {"name"}
DEFAULTS = {f.name for f in fields(ColumnMapping)} - {"name", "header_row", "header"}


def spec_problems(spec: dict) -> list[str]:
    """Everything wrong with the JSON object's fields, said at once."""
    known = {f.name for f in fields(ColumnMapping)}
    version = spec[FORMAT]
    said = (
        [f"versi {short(repr(version))} tidak dikenal (yang dikenal: {VERSION})"]
        if type(version) is not int or version != VERSION
        else []
    )
    said += [f"kunci '{short(k)}' tidak dikenal" for k in list(spec)[:20] if k not in known and k != FORMAT]
    said += [f"kunci '{k}' tidak ada" for k in ("name", "header_row", "header") if k not in spec]
    for name in TEXT_FIELDS:
        if name in spec:
            said += text_problems(name, spec[name], name in OPTIONAL)
    said += header_row_problems(spec.get("header_row", 1))
    said += list_problems("header", spec.get("header", []), MAX_CELLS)
    said += list_problems("served", spec.get("served", []), MAX_SERVED)
    said += month_problems(spec.get("month_columns", []))
    if not isinstance(spec.get("sum_duplicates", False), bool):
        said.append("'sum_duplicates' harus true atau false")
    said += personal_problems(spec)
    return said + [
        f"'{k}' tidak boleh diawali = + - @ (akan terbaca sebagai rumus)"
        for k in ("name", "agency")
        if isinstance(spec.get(k), str) and FORMULA.match(spec[k])
    ]


def personal_problems(spec: dict) -> list[str]:
    """A NIK or a mobile number among the mapping's texts (a data row taken for the header row on
    the page, a number typed as the agency): saved, it would be kept and shared with other offices."""
    texts = [spec.get(k) for k in TEXT_FIELDS]
    for listed in ("header", "served"):
        texts += spec[listed] if isinstance(spec.get(listed), list) else []
    months = spec.get("month_columns")
    texts += (
        [pair[0] for pair in months if isinstance(pair, list) and pair] if isinstance(months, list) else []
    )
    if any(looks_personal(t) for t in texts if isinstance(t, str)):
        return [
            "memuat NIK atau nomor HP (data pribadi, UU 27/2022); pilih baris judul kolom, bukan baris data"
        ]
    return []


def short(value) -> str:
    return text(value)[:40]


def text_problems(name: str, value, optional: bool) -> list[str]:
    if value is None and optional:
        return []
    if not isinstance(value, str) or not value.strip():
        return [f"'{name}' harus teks{' atau null' if optional else ''}"]
    if len(value) > MAX_TEXT or has_controls(value):
        return [f"'{name}' lebih dari {MAX_TEXT} karakter atau memuat karakter kendali"]
    return []


def header_row_problems(value) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
        return ["'header_row' harus bilangan bulat 1-1000 (baris judul kolom)"]
    return []


def list_problems(name: str, value, most: int) -> list[str]:
    if not isinstance(value, list) or len(value) > most:
        return [f"'{name}' harus daftar teks, paling banyak {number(most)}"]
    bad = [v for v in value if not isinstance(v, str) or len(v) > MAX_TEXT or has_controls(v)]
    return [f"'{name}' memuat {number(len(bad))} nilai yang bukan teks pendek"] if bad else []


def month_problems(value) -> list[str]:
    if not isinstance(value, list) or len(value) > MAX_CELLS:
        return [
            f"'month_columns' harus daftar pasangan [judul kolom, \"YYYY-MM\"], paling banyak {number(MAX_CELLS)}"
        ]
    pairs = [v for v in value if isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)]
    if len(pairs) < len(value) or any(len(h) > MAX_TEXT or has_controls(h) for h, _ in pairs):
        return ["'month_columns' harus daftar pasangan [judul kolom, \"YYYY-MM\"]"]
    return []


def mapping_of(spec: dict) -> ColumnMapping:
    """The checked JSON object as a ColumnMapping; the header normalized as layouts compare it."""
    return ColumnMapping(
        name=" ".join(spec["name"].split()),
        header_row=spec["header_row"],
        header=tuple(key(h) for h in spec["header"]),
        month_columns=tuple((h, m) for h, m in spec.get("month_columns", [])),
        served=tuple(spec.get("served", [])),
        **{k: spec[k] for k in DEFAULTS - {"month_columns", "served"} if k in spec},
    )


def columns_of(sheet: Sheet, header_row: int, samples: int = 3) -> list[tuple[str, tuple[str, ...]]]:
    """What the upload page offers to pick: each non-blank header cell of row header_row (1-based)
    as written, with its first few distinct values below it. Personal-data columns (blanked on
    read) are never offered."""
    if not 1 <= header_row <= len(sheet.rows):
        return []
    below = sheet.rows[header_row:]
    offered = []
    for col, cell in enumerate(sheet.rows[header_row - 1]):
        if not text(cell):
            continue
        values = dict.fromkeys(text(row[col])[:60] for row in below if col < len(row) and text(row[col]))
        offered.append((text(cell), tuple(list(values)[:samples])))
    return offered


def sheets_to_map(file_name: str, data: bytes) -> list[Sheet]:
    """The visible sheets of an uploaded file, read under the guard as every upload is (FileRefused
    when it cannot be read): what the page lets the analyst map."""
    return [s for s in read_guarded.read_file_guarded(None, data, name=file_name).sheets if not s.hidden]


def likely_header_row(sheet: Sheet) -> int:
    """The 1-based row that looks like column labels (the first row of text across the table),
    to start the mapping form at; 1 when none does."""
    found = header_row_index(sheet.rows)
    return 1 if found is None else found + 1


def preview_totals(parsed: Parsed) -> list[tuple[str, str, int]]:
    """(agency as written, 'YYYY-MM', visits) per agency and month, for the preview before loading:
    with a status column, only the values the mapping counts as visits."""
    frame = parsed.service
    if parsed.served_statuses is not None and "status" in frame:
        frame = frame[frame["status"].isin(parsed.served_statuses)]
    if frame.empty:
        return []
    months = frame["day"].map(lambda d: f"{d:%Y-%m}")
    totals = frame.groupby([frame["agency"], months], sort=True)["visits"].sum()
    return [(agency, month, int(visits)) for (agency, month), visits in totals.items()]


# ---- the saved mappings of a site (the store's table column_mappings, mpp/reference/mappings.py) ----


def for_site(con: duckdb.DuckDBPyConnection, site: str | None) -> list[ColumnMapping]:
    """The mappings saved for the site, latest first; with no site, those of every site (a header
    belongs to a queue system, not to one office). A saved spec that no longer reads is skipped."""
    found = []
    for row in mappings.saved(con, site):
        try:
            found.append(from_json(row.spec, row.name))
        except FileRefused:  # saved by an older version: the page lists it, no file uses it
            continue
    return found


def save(con: duckdb.DuckDBPyConnection, site: str, mapping: ColumnMapping, user: User | None) -> None:
    """Save the mapping under its name for the site (analysts and admins); a name already saved
    for the site is replaced. A mapping that could not be read back is refused, never saved."""
    problems = save_problems(mapping)
    if not site or not site.strip():  # `mapping import --site ""`: a mapping no site's file would find
        problems.append(refused_as(mapping.name or "-", "lokasi (site) kosong"))
    if problems:
        raise FileRefused(problems)
    mappings.store(con, user, site, mapping.name, signature(mapping), to_json(mapping))


def save_imported(
    con: duckdb.DuckDBPyConnection, site: str, mapping: ColumnMapping, user: User | None
) -> None:
    """Save a mapping handed over (a JSON file of this or another office, on the page or with
    `mapping import`) for the site; a name the site already has is refused (MappingRefused), never
    replaced. The check and the write are one exclusive transaction: two offices importing one name
    at once would otherwise both find it free on the shared store (mpp/store/writers.py)."""

    def once(_: int) -> None:
        with writers.exclusive_transaction(con):
            if any(row.name == mapping.name for row in mappings.saved(con, site)):
                raise mappings.MappingRefused("mapping_name_taken", name=mapping.name, site=site)
            save(con, site, mapping, user)

    writers.with_retry_on_conflict(once, "busy_mapping", name=mapping.name, site=site)


def save_problems(mapping: ColumnMapping) -> list[Problem]:
    """Why the mapping cannot be saved (its JSON would not read back: no name, a formula-like name,
    ...), or nothing."""
    said = spec_problems(json.loads(to_json(mapping)))
    return mapping_problems(mapping, mapping.name) + [refused_as(mapping.name or "-", s) for s in said]


def rename(con: duckdb.DuckDBPyConnection, site: str, old: str, new: str, user: User | None) -> None:
    """Give a saved mapping another name; MappingRefused when there is none by that name or the new
    name is taken, FileRefused when the new name is not one a mapping may have."""
    found = next((m for m in for_site(con, site) if m.name == old), None)
    if found is None:
        raise mappings.MappingRefused("mapping_not_found", name=old, site=site)
    renamed = replace(found, name=" ".join(new.split()))
    said = spec_problems(json.loads(to_json(renamed)))
    if said:
        raise FileRefused([refused_as(new, s) for s in said])
    mappings.renamed(con, user, site, old, renamed.name, to_json(renamed))


def delete(con: duckdb.DuckDBPyConnection, site: str, name: str, user: User | None) -> None:
    """Forget a saved mapping: later files with its header are refused again until mapped anew."""
    mappings.removed(con, user, site, name)


def signature(mapping: ColumnMapping) -> str:
    """The header as the store keeps it to find a mapping by: 'TANGGAL KUNJUNGAN | LOKET TUJUAN'."""
    return " | ".join(mapping.header)
