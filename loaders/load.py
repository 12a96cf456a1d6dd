"""Loading one file: the whole pipeline, then ONE transaction that writes the ledger and the slices.

    report = ingest("data/mpp.duckdb", "rekap_2025.xlsx", data,
                    Options(site="MPP Kota Balikpapan", actor=COMMAND_LINE))

The same bytes again change nothing (outcome 'unchanged'); a corrected file replaces exactly the
slices it covers, (site, agency, month) for monthly figures and (site, agency, the days its file
covers) for daily ones; a refused file changes nothing and carries every problem. ingest() takes
bytes, so the upload page calls it as the command line does, and touches no file but the database;
the command line passes a path, so a big CSV is streamed rather than held.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from dataclasses import replace
from pathlib import Path

import duckdb

from loaders import kinds, mapping, pipeline, safety
from loaders.kinds.common import Kind, Prepared
from loaders.model import ColumnMapping, FileRefused, Problem, Workbook
from loaders.normalize import find_site, stored_file_name
from loaders.pipeline import Options
from loaders.read import personal_data_reason
from loaders.report import Report, unchanged_report
from mpp.access.accounts import PermissionDenied, require
from mpp.guard import stack_only
from mpp.store import db, ledger, writers
from mpp.store.lake import masked
from mpp.text.catalogue import t

__all__ = ["Options", "Report", "ingest", "load_skm"]  # Options: loaders/pipeline.py; Report: report.py
log = logging.getLogger(__name__)
ORIGINAL_LIMIT = 100 * 1024 * 1024  # bytes: the upload cap in .streamlit/config.toml


def ingest(con_or_path, file_name: str, data, options: Options | None = None) -> Report:
    """Read, check and load one file; see the module docstring. data is the file's bytes (an
    upload), or a path to a big file on disk, which read.py then streams instead of holding it.
    Given a database path, the file is parsed before the store is opened for writing, so a long
    parse never holds the write lock the dashboard waits on. Only a dry run goes without an actor
    (an analyst or admin): without one nothing is read or written."""
    options = options or Options()
    if not options.dry_run:
        require(options.actor, "analyst")
    if not isinstance(con_or_path, (str, os.PathLike)):
        return retried(con_or_path, file_name, data, options)
    # Bytes are hashed now (cheap) to say 'unchanged' before parsing; a file on disk is hashed by
    # read.py while it streams it, rather than read twice.
    sha256 = None if isinstance(data, (str, os.PathLike)) else sha256_of(data)
    if db.exists(con_or_path):
        with db.connect(con_or_path, read_only=True) as con:
            already = ledger.find_loaded(con, sha256) if sha256 else None
            if already is not None:
                return unchanged_report(con, already, file_name)
            options = with_saved_mappings(con, file_name, options)
    try:
        parsed = pipeline.parse_file(file_name, data, options)
    except FileRefused as refused:
        return Report(file_name, "refused", problems=refused.problems)
    except Exception:  # a bug or an unforeseen file: a refusal, the traceback logged
        return unexpected_report(file_name)
    with db.connect(con_or_path) as con:
        return retried(con, file_name, data, options, sha256 or parsed[0].sha256, parsed)


def retried(
    con: duckdb.DuckDBPyConnection,
    file_name: str,
    data,
    options: Options,
    sha256: str | None = None,
    parsed: tuple | None = None,
) -> Report:
    """ingest_with, run again from the start while another office's write commits first on the
    shared store (mpp/store/writers.py): the retry re-reads the store, so it may now find the file
    'unchanged' or replace the slice the other office just loaded. Still losing after the last try,
    the file is refused saying so; nothing of it is written."""
    try:
        return writers.with_retry_on_conflict(
            lambda attempt: tried(attempt, ingest_with(con, file_name, data, options, sha256, parsed)),
            "busy_load",
            file=file_name,
        )
    except writers.WritesContended as busy:
        return Report(file_name, "refused", problems=[Problem("penyimpanan_sibuk", str(busy), file_name)])


def tried(attempt: int, report: Report) -> Report:
    """The report, saying so when the load was tried more than once."""
    if attempt > 1:
        report.notes.append(t("busy_retried", tries=attempt))
    return report


def with_saved_mappings(con: duckdb.DuckDBPyConnection, file_name: str, options: Options) -> Options:
    """The options with the saved column mappings, which read a sheet no layout recognises: those
    of the file's site first (the one the user gave, else the one its name states), then every
    other site's that takes the agency from a column. A header belongs to a queue system rather
    than to one office, and a site is often known only once the file is read; but one agency for
    the whole file is a fact of one office, which would put another office's file under it. The
    report names the mapping that read it."""
    if options.saved_mappings:
        return options
    site = options.site or find_site(pipeline.file_words(file_name))
    own = mapping.for_site(con, site) if site else []
    others = [m for m in mapping.for_site(con, None) if m not in own and m.agency_column]
    return replace(options, saved_mappings=(*own, *others))


def unexpected_report(file_name: str, parsed: tuple | None = None) -> Report:
    """Any unforeseen error between reading and loading, said as a refusal naming the file (and
    its sheet, when it has one); the traceback goes to the log (stderr), never to the user."""
    error = sys.exception()  # every caller is an `except Exception:` clause
    log.error("unexpected error loading %s:\n%s", file_name, stack_only(error) if error else "")
    refused = safety.unexpected(file_name, only_sheet(parsed[0]) if parsed else None)
    return Report(file_name, "refused", problems=refused.problems)


def only_sheet(workbook: Workbook) -> str | None:
    """The sheet an error after parsing concerns, when the workbook shows only one."""
    shown = [s.name for s in workbook.sheets if not s.hidden]
    return shown[0] if len(shown) == 1 else None


def sha256_of(data) -> str:
    if not isinstance(data, (str, os.PathLike)):
        return hashlib.sha256(data).hexdigest()
    with open(data, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def ingest_with(
    con: duckdb.DuckDBPyConnection,
    file_name: str,
    data,
    options: Options,
    sha256: str | None = None,
    parsed: tuple | None = None,
) -> Report:
    """ingest() on an open connection; parsed is parse_file's result when already made."""
    sha256 = sha256 or sha256_of(data)
    already = ledger.find_loaded(con, sha256)
    if already is not None:
        return unchanged_report(con, already, file_name)
    options = options if parsed else with_saved_mappings(con, file_name, options)
    try:
        return checked_and_written(con, file_name, data, options, sha256, parsed)
    except FileRefused as refused:
        return Report(file_name, "refused", problems=refused.problems)
    except PASSED_ON:
        raise
    except Exception:  # a bug or an unforeseen file: a refusal, the traceback logged
        return unexpected_report(file_name, parsed)


# not the file's doing: the caller says these (a WriteConflict: `retried` runs the load again)
PASSED_ON = (PermissionDenied, db.StoreBusy, writers.WriteConflict)


def checked_and_written(
    con: duckdb.DuckDBPyConnection, file_name: str, data, options: Options, sha256: str, parsed: tuple | None
) -> Report:
    """The file's kind of data (loaders/kinds/) checks it against the store and says what it holds;
    a dry run stops there, saying whether it would replace rows already loaded."""
    workbook, rows, context = parsed or pipeline.parse_file(file_name, data, options)
    kind = kinds.of(rows.layout)
    with safety.unexpected_as_refusal(file_name, only_sheet(workbook)):
        prepared = kind.prepare(con, workbook, rows, context, options)
        report = kind.summary(prepared, options)
    if options.save_mappings and (used := mapping_used(prepared, options)):
        problems = mapping.save_problems(used)
        if problems:
            raise FileRefused(problems)
    if options.dry_run:
        report.outcome = "replaced" if kind.replaces(con, prepared) else "added"
        return report
    return written(con, kind, prepared, report, sha256, options, data)


def written(
    con: duckdb.DuckDBPyConnection,
    kind: Kind,
    prepared: Prepared,
    report: Report,
    sha256: str,
    options: Options,
    data,
) -> Report:
    """The one transaction: all of the file and its original bytes, or (on any error) nothing.
    Only analysts and admins write; the check is here so no page can skip it. Exclusive: another
    office loading at the same time makes one of the two start again (mpp/store/writers.py)."""
    require(options.actor, "analyst")
    try:
        with writers.exclusive_transaction(con):
            if (already := ledger.find_loaded(con, sha256)) is not None:
                raise LoadedMeanwhile(already)  # by another office, since ingest_with looked
            report.load_id, report.outcome = kind.write(con, prepared, sha256, options)
            remember_mapping(con, prepared, options)
            keep_original(
                con, report.load_id, sha256, report.file_name, data, personal_data_reason(prepared.workbook)
            )
        if prepared.workbook.dropped_columns:
            report.notes.append("berkas asli tidak disimpan: memuat kolom data pribadi (UU 27/2022)")
        elif prepared.workbook.personal_values:
            report.notes.append(
                "berkas asli tidak disimpan: nilai mirip NIK/nomor HP di kolom "
                f"{', '.join(prepared.workbook.personal_values)} (UU 27/2022)"
            )
    except LoadedMeanwhile as loaded:  # rolled back: nothing of ours was written
        return unchanged_report(con, loaded.load_id, report.file_name)
    except duckdb.Error as exc:  # rolled back: say so instead of a traceback
        return Report(
            report.file_name,
            "refused",
            problems=[
                Problem(
                    "gagal_menulis",
                    f"Penulisan ke basis data gagal dan dibatalkan; tidak ada yang berubah "
                    f"({masked(str(exc).splitlines()[0])[:200]}).",
                    report.file_name,
                )
            ],
        )
    except PASSED_ON:
        raise
    except Exception:  # rolled back too
        return unexpected_report(report.file_name, (prepared.workbook,))
    return report


class LoadedMeanwhile(Exception):
    """The same bytes were loaded (by another office) between the first look and the write."""

    def __init__(self, load_id: int):
        super().__init__(load_id)
        self.load_id = load_id


def remember_mapping(con: duckdb.DuckDBPyConnection, prepared: Prepared, options: Options) -> None:
    """With save_mappings, the given mapping that read the file is saved for its site, in the load's
    transaction: the next file with the same header needs none."""
    used = mapping_used(prepared, options)
    if options.save_mappings and used is not None:
        mapping.save(con, prepared.site, used, options.actor)


def mapping_used(prepared: Prepared, options: Options) -> ColumnMapping | None:
    """The mapping given for this load that read the file, if one did."""
    return next((m for m in options.mappings if m.name == prepared.parsed.mapping), None)


def keep_original(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    sha256: str,
    file_name: str,
    data,
    personal: str | None = None,
) -> None:
    """Keep uploads and files up to ORIGINAL_LIMIT for download from the history; a bigger file
    named on the command line stays where it is. A file with personal data (personal is
    read.personal_data_reason: columns NIK, Nama Pemohon, No HP dropped on read, or a NIK or a
    mobile number under another header) is never kept (UU 27/2022); the ledger records that
    reason, so Riwayat can say why there is nothing to download."""
    if personal:
        ledger.withhold_original(con, load_id, personal)
        return
    if isinstance(data, (str, os.PathLike)):
        if os.path.getsize(data) > ORIGINAL_LIMIT:
            return
        data = Path(data).read_bytes()
    ledger.keep_original(con, sha256, stored_file_name(file_name), bytes(data))


def load_skm(con: duckdb.DuckDBPyConnection, path, data: bytes | None = None, **options) -> Report:
    """Load one survey file (a path, or bytes named by path) exactly as `python -m loaders ingest`
    does; options as pipeline.Options (site, year, unknown_agencies, dry_run, loaded_by, actor)."""
    data = Path(path).read_bytes() if data is None else data
    return retried(con, Path(path).name, data, Options(**options))
