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
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from loaders import pipeline, safety
from loaders.model import FileRefused, Problem
from loaders.pipeline import Options, Prepared
from loaders.read import personal_data_reason
from loaders.report import Report, summary, unchanged_report
from mpp.access.accounts import PermissionDenied, User, require
from mpp.reference.agencies import add_alias, ensure_agency
from mpp.reference.sites import Site, ensure_site
from mpp.store import db, ledger

__all__ = ["Options", "Report", "ingest"]  # Report lives in loaders/report.py
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
        return ingest_with(con_or_path, file_name, data, options)
    # Bytes are hashed now (cheap) to say 'unchanged' before parsing; a file on disk is hashed by
    # read.py while it streams it, rather than read twice.
    sha256 = None if isinstance(data, (str, os.PathLike)) else sha256_of(data)
    if sha256 and Path(con_or_path).exists():
        with db.connect(con_or_path, read_only=True) as con:
            already = ledger.find_loaded(con, sha256)
            if already is not None:
                return unchanged_report(con, already, file_name)
    try:
        parsed = pipeline.parse_file(file_name, data, options)
    except FileRefused as refused:
        return Report(file_name, "refused", problems=refused.problems)
    except Exception:  # a bug or an unforeseen file: a refusal, the traceback logged
        return unexpected_report(file_name)
    with db.connect(con_or_path) as con:
        return ingest_with(con, file_name, data, options, sha256 or parsed[0].sha256, parsed)


def unexpected_report(file_name: str, parsed: tuple | None = None) -> Report:
    """Any unforeseen error between reading and loading, said as a refusal naming the file (and
    its sheet, when it has one); the traceback goes to the log (stderr), never to the user."""
    log.exception("unexpected error loading %s", file_name)
    sheets = [s.name for s in parsed[0].sheets] if parsed else []
    refused = safety.unexpected(file_name, sheets[0] if len(sheets) == 1 else None)
    return Report(file_name, "refused", problems=refused.problems)


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
    try:
        return checked_and_written(con, file_name, data, options, sha256, parsed)
    except FileRefused as refused:
        return Report(file_name, "refused", problems=refused.problems)
    except PASSED_ON:
        raise
    except Exception:  # a bug or an unforeseen file: a refusal, the traceback logged
        return unexpected_report(file_name, parsed)


PASSED_ON = (PermissionDenied, db.StoreBusy)  # not the file's doing: the caller says these


def checked_and_written(
    con: duckdb.DuckDBPyConnection, file_name: str, data, options: Options, sha256: str, parsed: tuple | None
) -> Report:
    parsed = parsed or pipeline.parse_file(file_name, data, options)
    prepared = pipeline.prepare_parsed(con, *parsed, options)
    if getattr(prepared, "survey", False):  # satisfaction survey (issue 7): its own tables
        from loaders import skm_load

        return skm_load.finish(con, prepared, sha256, options, data)
    report = summary(prepared, options)
    if options.dry_run:
        report.outcome = "replaced" if would_replace(con, prepared) else "added"
        return report
    return written(con, prepared, report, sha256, options, data)


def written(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, report: Report, sha256: str, options: Options, data
) -> Report:
    """The one transaction: all of the file and its original bytes, or (on any error) nothing.
    Only analysts and admins write; the check is here so no page can skip it."""
    require(options.actor, "analyst")
    try:
        with db.transaction(con):
            report.load_id, report.outcome = write(con, prepared, sha256, options)
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
    except duckdb.Error as exc:  # rolled back: say so instead of a traceback
        return Report(
            report.file_name,
            "refused",
            problems=[
                Problem(
                    "gagal_menulis",
                    f"Penulisan ke basis data gagal dan dibatalkan; tidak ada yang berubah "
                    f"({str(exc).splitlines()[0][:200]}).",
                    report.file_name,
                )
            ],
        )
    except PASSED_ON:
        raise
    except Exception:  # rolled back too
        return unexpected_report(report.file_name, (prepared.workbook,))
    return report


def site_of(name: str) -> Site:
    kind = "mini_mpp" if name.startswith("Mini MPP ") else "mpp"
    return Site(name, kind, pipeline.kabupaten_kota_of_name(name))


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
    ledger.keep_original(con, sha256, file_name, bytes(data))


def write(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, sha256: str, options: Options
) -> tuple[int, str]:
    """Inside the caller's transaction: site, new agencies, ledger row, facts."""
    if getattr(prepared, "survey", False):  # satisfaction survey (issue 7): its own tables
        from loaders import skm_load

        return skm_load.write(con, prepared, sha256, options)
    site_id = ensure_site(con, site_of(prepared.site))
    service = with_new_agencies(con, options.actor, prepared.service)
    first, last = prepared.days
    record = ledger.LoadRecord(
        prepared.workbook.file_name,
        sha256,
        prepared.parsed.layout,
        measure(prepared),
        prepared.site,
        first,
        last,
        options.loaded_by,
        "; ".join(prepared.parsed.notes) or None,
    )
    load_id = ledger.record_load(con, record)
    ledger.write_facts(
        con,
        load_id,
        facts(service, site_id),
        visitor_facts(prepared, site_id),
        queue_outcomes=outcome_facts(prepared.parsed.outcomes, service, site_id),
    )
    replaced = con.execute(
        "SELECT (SELECT count(*) FROM service_visits WHERE superseded_by = ?) + "
        "(SELECT count(*) FROM site_visitors WHERE superseded_by = ?)",
        [load_id, load_id],
    ).fetchall()[0][0]
    return load_id, "replaced" if replaced else "added"


def with_new_agencies(
    con: duckdb.DuckDBPyConnection, actor: User | None, service: pd.DataFrame
) -> pd.DataFrame:
    """Add the agencies no alias knew (unknown_agencies='add'), remembering their spelling."""
    missing = service.loc[service["agency_id"].isna(), ["agency", "canonical"]].drop_duplicates()
    ids = {}
    for raw, name in missing.itertuples(index=False):
        ids[raw] = ensure_agency(con, name)
        add_alias(con, actor, raw, ids[raw], "load")
    if not ids:
        return service
    return service.assign(agency_id=service["agency_id"].fillna(service["agency"].map(ids)))


def facts(service: pd.DataFrame, site_id: int) -> pd.DataFrame:
    """One row per (agency, day, grain, service, channel): two spellings of one agency add up."""
    keys = ["agency_id", "day", "grain", "service", "channel"]
    rows = service.groupby(keys, dropna=False, sort=False)["visits"].sum().reset_index()
    return rows.assign(site_id=site_id, agency_id=rows["agency_id"].astype("int64"))


def outcome_facts(outcomes: pd.DataFrame | None, service: pd.DataFrame, site_id: int):
    """Cancellations and no-shows per (agency, day, service), with the agency ids the visits got.
    An agency with cancellations but not one visit in the file has no id here and is left out."""
    if outcomes is None or outcomes.empty:
        return None
    ids = service.drop_duplicates("agency").set_index("agency")["agency_id"]
    known = outcomes.assign(agency_id=outcomes["agency"].map(ids)).dropna(subset=["agency_id"])
    rows = (
        known.groupby(["agency_id", "day", "service"], dropna=False, sort=False)[["cancelled", "no_show"]]
        .sum()
        .reset_index()
    )
    return rows.assign(site_id=site_id, grain="day", agency_id=rows["agency_id"].astype("int64"))


def visitor_facts(prepared: Prepared, site_id: int) -> pd.DataFrame | None:
    visitors = prepared.parsed.visitors
    if visitors is None or visitors.empty:
        return None
    rows = visitors.groupby(["day", "grain"], sort=False)["visitors"].sum().reset_index()
    return rows.assign(site_id=site_id)


def measure(prepared: Prepared) -> str:
    has_visitors = prepared.parsed.visitors is not None and not prepared.parsed.visitors.empty
    if has_visitors and not prepared.service.empty:
        return "mixed"
    return "visitors" if has_visitors else "service_visits"


def would_replace(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> bool:
    """For --dry-run: does the store already hold live rows in a (site, agency, month) slice this
    file covers? Agencies still to be added have no rows yet."""
    known = prepared.service.dropna(subset=["agency_id"])
    slices = {
        (int(a), date(d.year, d.month, 1), g)
        for a, d, g in zip(known["agency_id"], known["day"], known["grain"])
    }
    if not slices:
        return False
    first, last = prepared.days
    con.register("dry_run_slices", pd.DataFrame(sorted(slices), columns=["agency_id", "month", "grain"]))
    try:  # the ledger's rule: a daily row replaces only the days its file covers
        return (
            con.execute(
                "SELECT count(*) FROM service_visits v JOIN sites s USING (site_id) "
                "JOIN dry_run_slices i ON i.agency_id = v.agency_id "
                "AND date_trunc('month', v.day) = i.month WHERE s.name = ? AND v.superseded_by IS NULL "
                "AND (i.grain = 'month' OR v.grain = 'month' OR v.day BETWEEN ? AND ?)",
                [prepared.site, first, last],
            ).fetchall()[0][0]
            > 0
        )
    finally:
        con.unregister("dry_run_slices")
