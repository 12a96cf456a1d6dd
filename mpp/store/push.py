"""`python -m mpp lake push`: an office's DuckDB file into the shared store (DuckLake), or the lake
brought up to date with it.

    with db.connect("ducklake:postgres:dbname=mpp host=...", data_path="/srv/mpp-lake") as con:
        pushed = push_store(con, Path("data/mpp.duckdb"), COMMAND_LINE)

The file is attached read-only (never changed) and replayed into the lake in one transaction: the
lake has all of it or, on any refusal or error, nothing. Its loads go in their order, each with every
row it wrote (live in the file or since replaced there), and each takes its place in the lake's
ledger by the time it was loaded (ledger.place_rows): a slice in the lake is replaced as a corrected
file would replace it, the latest load of a slice wins whichever store it was loaded in (a lake load
newer than the office's stays live), and the lake's ledger says which load replaced which. A load keeps its identity: sha256, file name, who loaded it and when (the key that
finds it again), its status; an undone load arrives as an undone ledger row. Pushing again finds
every load there and writes nothing; a load undone in the file since is undone in the lake too.

Ids are the lake's: sites and agencies are known by name (created with the lake's next_id when
missing); a name that means something else there is refused. Aliases, ticket statuses, member
agencies, events and column mappings follow; accounts, login attempts and settings stay with the
office. No personal data moves: only originals the office kept (never one with personal data) go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import duckdb
import pandas as pd
import pyarrow as pa

from mpp.access.accounts import User, require
from mpp.fmt import number
from mpp.reference.agencies import agency_key, ensure_agency
from mpp.reference.sites import Site, ensure_site
from mpp.store import db, ledger, writers
from mpp.store.lake import is_lake, literal, masked, next_id, next_ids
from mpp.text.catalogue import LANGS, t

OFFICE = "office"  # the file, attached read-only beside the lake (the push_*.sql queries name it)
FACTS = {  # every table of the ledger's slices, with the columns a load writes
    "service_visits": ledger.SERVICE_COLUMNS,
    "site_visitors": ledger.VISITOR_COLUMNS,
    "queue_outcomes": ledger.OUTCOME_COLUMNS,
    "skm_responses": ledger.SKM_RESPONSE_COLUMNS,
    "skm_summaries": ledger.SKM_SUMMARY_COLUMNS,
    "month_closures": ledger.CLOSURE_COLUMNS,
}


class OfficeLoad(NamedTuple):
    """A row of the file's ledger, as the lake's gets it (but for its id)."""

    load_id: int
    file_name: str
    sha256: str
    layout: str
    measure: str
    site: str | None
    period_from: date | None
    period_to: date | None
    rows: int
    total: int
    loaded_by: str
    loaded_at: datetime
    status: str
    note: str | None
    original_withheld: str | None


LOAD_COLUMNS = ", ".join(OfficeLoad._fields)
SITE_FIELDS = ("kind", "kabupaten_kota", "province", "parent")  # a site's identity beside its name
# Every other table, and what becomes of it: a table a migration adds belongs in one of the two
# (tests/test_lake_push.py says so when it is in neither).
COPIED = (
    "loads",
    "sites",
    "agencies",
    "agency_aliases",
    "ticket_statuses",
    "originals",
    "site_members",
    "column_mappings",
    "events",
)
STAYS = ("users", "login_attempts", "settings", "schema_version")  # the lake has its own


class PushRefused(ValueError):
    """Nothing was pushed; the message (both languages) says why and what to do."""

    def __init__(self, key: str, **values):
        super().__init__(" / ".join(t(key, lang, **localised(values, lang)) for lang in LANGS))


def localised(values: dict, lang: str) -> dict:
    """Values as the text shows them: a field's name in the text's language."""
    return {k: t(f"push_field_{v}", lang) if k == "field" else v for k, v in values.items()}


@dataclass
class SitePushed:
    site: str
    loads: int = 0
    rows: int = 0
    visits_file: int = 0
    visits_lake: int = 0


@dataclass
class Pushed:
    """What a push did: loads new in the lake, already there, lake loads whose rows it replaced,
    loads undone in the file since an earlier push (undone in the lake too), fact rows written."""

    file: str
    pushed: int = 0
    already: int = 0
    replaced: int = 0
    undone: int = 0
    rows: int = 0
    other_rows: int = 0  # sites, agencies, spellings, statuses, members, mappings, events written
    sites: list[SitePushed] = field(default_factory=list)
    by_site: dict[str | None, tuple[int, int]] = field(default_factory=dict)  # loads, rows pushed
    lake_ids: list[int] = field(default_factory=list)  # of the loads pushed

    def count(self, site: str | None, lake_id: int, rows: int) -> None:
        """One more load pushed, of `site`, with `rows`."""
        self.lake_ids.append(lake_id)
        loads, written = self.by_site.get(site, (0, 0))
        self.by_site[site] = (loads + 1, written + rows)
        self.pushed, self.rows = self.pushed + 1, self.rows + rows

    def lines(self, lang: str = "id") -> list[str]:
        counts = {k: v for k, v in vars(self).items() if isinstance(v, int)}
        head = t("push_summary", lang, file=self.file, **numbers(counts, lang))
        return [head] + [
            t("push_site_line", lang, site=site.site, **numbers(vars(site), lang)) for site in self.sites
        ]


def numbers(values: dict, lang: str) -> dict[str, str]:
    """The counts among `values`, as the language writes numbers (12.345 / 12,345)."""
    return {k: number(v, lang=lang) for k, v in values.items() if isinstance(v, int)}


def push_store(con: duckdb.DuckDBPyConnection, file: Path, actor: User) -> Pushed:
    """Push the office's store `file` into the lake `con` (analysts and admins). Refused:
    PushRefused; still losing to other offices' writes after every try: writers.WritesContended."""
    require(actor, "analyst")
    attach_office(con, file)
    try:
        refuse_other_schema(con, file)
        return writers.with_retry_on_conflict(
            lambda _: push_once(con, file, actor), "push_busy_lake", file=file
        )
    finally:
        con.execute(f"DETACH {OFFICE}")


def push_once(con: duckdb.DuckDBPyConnection, file: Path, actor: User) -> Pushed:
    """One try, exclusive: a push decides from what it reads (is this load, site, event there?),
    which DuckLake does not protect, so an office's load or push committed meanwhile makes this
    try a WriteConflict, to be run again on what that one left (mpp/store/writers.py)."""
    try:
        with writers.exclusive_transaction(con):
            result = pushed_into(con, file, actor)
            if not (result.pushed or result.undone or result.other_rows):
                raise NothingNew(result)
        return result
    except NothingNew as same:  # rolled back: no snapshot for the claim alone
        return same.result
    except duckdb.Error as exc:  # rolled back whole
        raise refusal(exc) from exc


class NothingNew(Exception):
    """The lake has all of the file already: the try is rolled back, so a second push leaves the
    lake exactly as it was (not even a snapshot of its exclusive claim)."""

    def __init__(self, result: Pushed):
        super().__init__()
        self.result = result


def refusal(exc: duckdb.Error) -> PushRefused:
    """What to tell the user of an error that rolled the push back. DuckLake finds a conflict only
    at COMMIT and says so on its message's second line ('Failed to commit DuckLake transaction.',
    then 'Transaction conflict - ...'): that line is the one shown."""
    lines = str(exc).splitlines() or [""]
    conflict = next((line for line in lines if "conflict" in line.lower()), None)
    return PushRefused(
        "push_conflict" if conflict else "push_failed", error=masked(conflict or lines[0])[:200]
    )


def attach_office(con: duckdb.DuckDBPyConnection, file: Path) -> None:
    """The file, read-only, after the checks every store gets (a damaged or foreign file refused)."""
    if is_lake(str(file)):
        raise PushRefused("push_from_lake")
    if not file.is_file():
        raise PushRefused("push_no_file", file=file)
    try:
        db.check_store(file)
        con.execute(f"ATTACH {literal(file)} AS {OFFICE} (READ_ONLY)")
    except db.StoreCorrupt as corrupt:
        raise PushRefused("push_not_a_store", file=file, reason=corrupt.reason) from corrupt
    except (db.StoreBusy, duckdb.IOException) as busy:
        raise PushRefused("push_busy", file=file) from busy


def refuse_other_schema(con: duckdb.DuckDBPyConnection, file: Path) -> None:
    """The file must have exactly this code's migrations: an older one is upgraded by `init` first
    (a push never writes to the office's file), a newer one needs this code updated."""
    try:
        have = {v for (v,) in con.execute(f"SELECT version FROM {OFFICE}.schema_version").fetchall()}
    except duckdb.CatalogException as missing:
        raise PushRefused("push_not_a_store", file=file, reason="schema_version") from missing
    want = db.migration_versions()
    values = {"file": file, "have": max(have, default=0), "want": db.SCHEMA_VERSION}
    if have - want:
        raise PushRefused("push_schema_newer", **values)
    if want - have:
        raise PushRefused("push_schema_older", **values)


def pushed_into(con: duckdb.DuckDBPyConnection, file: Path, actor: User) -> Pushed:
    created = -reference_size(con)
    sites, filled = map_sites(con)
    con.register("push_sites", id_map(sites))
    con.register("push_agencies", id_map(map_agencies(con)))
    try:
        copied = copy_reference(con)
        result = push_loads(con, Pushed(str(file)), actor)
        copied += copy_site_data(con)
    finally:
        con.unregister("push_sites")
        con.unregister("push_agencies")
    if result.pushed or result.undone:
        ledger.refresh_statuses(con)
    result.replaced = db.query_rows(con, "loads_replaced_by", loads=result.lake_ids)[0][0]
    result.sites = per_site(con, result)
    result.other_rows = created + reference_size(con) + filled + copied
    return result


def reference_size(con: duckdb.DuckDBPyConnection) -> int:
    """Sites and agencies in the lake: how many a push created is the difference."""
    return con.execute("SELECT (SELECT count(*) FROM sites) + (SELECT count(*) FROM agencies)").fetchall()[0][
        0
    ]


def id_map(ids: dict[int, int]) -> pd.DataFrame:
    return pd.DataFrame({"office_id": list(ids), "lake_id": list(ids.values())}, dtype="int64")


# ---- sites and agencies: known by name, ids the lake's -----------------------------------------


def map_sites(con: duckdb.DuckDBPyConnection) -> tuple[dict[int, int], int]:
    """office site_id -> lake site_id; a site missing from the lake is created as the file describes
    it (a parent MPP before its Mini MPP outlets). Also how many sites' descriptions it filled."""
    rows = db.query_rows(con, "push_office_sites")
    ids, filled = {}, 0
    for (
        office_id,
        name,
        kind,
        kabupaten_kota,
        kecamatan,
        province,
        zone,
        days,
        parent,
        opened,
        channels,
    ) in rows:
        shared = tuple(channels) if channels else None
        site = Site(name, kind, kabupaten_kota, kecamatan, province, zone, days, parent, opened, shared)
        refuse_other_site(con, site)
        ids[office_id] = ensure_site(con, site)
        filled += fill_description(con, ids[office_id], site)
    return ids, filled


FILLED = ("kabupaten_kota", "kecamatan", "province", "opened", "channels")


def fill_description(con: duckdb.DuckDBPyConnection, site_id: int, site: Site) -> bool:
    """What the lake does not say of a site (one an earlier load made from its name alone) and the
    file does, from the file; only then a write, so a second push writes nothing."""
    theirs = con.execute(f"SELECT {', '.join(FILLED)} FROM sites WHERE site_id = ?", [site_id]).fetchall()[0]
    ours = [list(v) if isinstance(v, tuple) else v for v in (getattr(site, name) for name in FILLED)]
    filled = {n: v for n, old, v in zip(FILLED, theirs, ours, strict=True) if old is None and v is not None}
    if filled:
        assignments = ", ".join(f"{name} = ?" for name in filled)
        con.execute(f"UPDATE sites SET {assignments} WHERE site_id = ?", [*filled.values(), site_id])
    return bool(filled)


def refuse_other_site(con: duckdb.DuckDBPyConnection, site: Site) -> None:
    """A site of this name in the lake that is another place (another kind, kabupaten/kota,
    province or parent MPP, where both say one) would merge two places' figures."""
    found = con.execute(
        "SELECT s.kind, s.kabupaten_kota, s.province, p.name FROM sites s "
        "LEFT JOIN sites p ON p.site_id = s.parent_site_id WHERE s.name = ?",
        [site.name],
    ).fetchall()
    if not found:
        return
    for name, theirs in zip(SITE_FIELDS, found[0], strict=True):
        ours = getattr(site, name)
        if ours is not None and theirs is not None and ours != theirs:
            raise PushRefused("push_site_conflict", site=site.name, field=name, ours=ours, theirs=theirs)


def map_agencies(con: duckdb.DuckDBPyConnection) -> dict[int, int]:
    """office agency_id -> lake agency_id, by canonical name; one missing is created as the file
    has it, unless the lake knows that name as a spelling of another agency."""
    lake_agencies = {
        n: (i, lvl) for i, n, lvl in con.execute("SELECT agency_id, name, level FROM agencies").fetchall()
    }
    spelled = dict(
        con.execute(
            "SELECT l.alias_key, a.name FROM agency_aliases l JOIN agencies a USING (agency_id)"
        ).fetchall()
    )
    ids = {}
    for office_id, name, long_name, level in con.execute(
        f"SELECT agency_id, name, long_name, level FROM {OFFICE}.agencies ORDER BY agency_id"
    ).fetchall():
        if name in lake_agencies:
            lake_id, theirs = lake_agencies[name]
            if "lainnya" not in (level, theirs) and level != theirs:
                raise PushRefused("push_agency_level", agency=name, ours=level, theirs=theirs)
            ids[office_id] = lake_id
        elif agency_key(name) in spelled:
            raise PushRefused("push_agency_conflict", agency=name, canonical=spelled[agency_key(name)])
        else:
            ids[office_id] = ensure_agency(con, name, long_name, level)
    return ids


def copy_reference(con: duckdb.DuckDBPyConnection) -> int:
    """The file's spellings and ticket status words the lake lacks (one it spells otherwise stays
    the lake's: aliases only guide later loads, the figures carry agency ids). Returns the rows."""
    return copy_missing(
        con,
        "agency_aliases",
        f"SELECT o.alias_key, o.alias, m.lake_id AS agency_id, o.source FROM {OFFICE}.agency_aliases o "
        "JOIN push_agencies m ON m.office_id = o.agency_id",
        ("alias_key",),
    ) + copy_missing(
        con,
        "ticket_statuses",
        f"SELECT status_key, word, meaning, source, added_by, added_at FROM {OFFICE}.ticket_statuses",
        ("status_key",),
    )


# ---- loads ---------------------------------------------------------------------------------------


def push_loads(con: duckdb.DuckDBPyConnection, result: Pushed, actor: User) -> Pushed:
    """Each of the file's loads in order: there already (the same sha256, time and person), undone
    since, or new. The same bytes loaded in the lake by someone else are another load, not this
    one: skipping it would leave live what it replaced in the file (ledger.place_rows keeps either
    from counting twice)."""
    lake_loads = con.execute("SELECT sha256, loaded_at, loaded_by, load_id, status FROM loads").fetchall()
    known = {(sha, at, by): (load_id, status) for sha, at, by, load_id, status in lake_loads}
    office = con.execute(f"SELECT {LOAD_COLUMNS} FROM {OFFICE}.loads ORDER BY load_id").fetchall()
    for load in map(OfficeLoad._make, office):
        lake_id, lake_status = known.get((load.sha256, load.loaded_at, load.loaded_by), (None, None))
        if lake_id is not None and load.status == "undone" and lake_status != "undone":
            ledger.undo(con, actor, lake_id)
            result.undone += 1
        elif lake_id is not None:
            result.already += 1
        else:
            result.count(load.site, *push_load(con, load))
    return result


def push_load(con: duckdb.DuckDBPyConnection, load: OfficeLoad) -> tuple[int, int]:
    """One new load: its ledger row as the file has it (a new id), its rows (none if undone)
    replacing what the lake has for their slices, its kept original. Returns its id and rows."""
    lake_id = next_id(con, "load_ids")
    con.execute(
        f"INSERT INTO loads ({LOAD_COLUMNS}) VALUES ({', '.join('?' * len(load))})", [lake_id, *load[1:]]
    )
    written = 0
    for table, columns in FACTS.items():
        rows = con.execute(facts_of(table, columns), [load.load_id]).fetch_arrow_table()
        if rows.num_rows:
            ledger.place_rows(con, lake_id, table, rows, columns)
            written += rows.num_rows
    if load.original_withheld is None:  # (a file with personal data never kept its original)
        copy_missing(
            con,
            "originals",
            f"SELECT sha256, file_name, size, content FROM {OFFICE}.originals WHERE sha256 = ?",
            ("sha256",),
            [load.sha256],
        )
    return lake_id, written


def facts_of(table: str, columns: list[str]) -> str:
    """A load's rows of `table` in the file, with the lake's site and agency ids."""
    ids = {"site_id": "s.lake_id AS site_id", "agency_id": "a.lake_id AS agency_id"}
    agencies = "LEFT JOIN push_agencies a ON a.office_id = f.agency_id" if "agency_id" in columns else ""
    return (
        f"SELECT {', '.join(ids.get(c, f'f.{c}') for c in columns)} FROM {OFFICE}.{table} f "
        f"JOIN push_sites s ON s.office_id = f.site_id {agencies} WHERE f.load_id = ?"
    )


# ---- what belongs to a site besides its loads -----------------------------------------------------


def copy_site_data(con: duckdb.DuckDBPyConnection) -> int:
    """Member agencies as the file has them (the office keeps its own sites'; a leaving the lake
    recorded stays), column mappings as the file has them unless the lake saved one later, and the
    events the lake lacks. Returns the rows written."""
    members = copy_changed(
        con,
        "site_members",
        db.sql("push_office_members"),
        ("site_id", "agency_id", "joined"),
    )
    saved = copy_changed(
        con,
        "column_mappings",
        f"SELECT site, name, header, spec, saved_by, saved_at FROM {OFFICE}.column_mappings",
        ("site", "name"),
        stamp="saved_at",
    )
    return members + saved + copy_events(con)


def copy_events(con: duckdb.DuckDBPyConnection) -> int:
    """Events the lake lacks (the same site, day, label and kind), each with a lake event id, all
    in one insert and their ids in one round trip (a store may have thousands: holidays by site)."""
    missing = con.execute(db.sql("push_missing_events")).fetch_arrow_table()
    if missing.num_rows:
        ids = next_ids(con, "event_ids", missing.num_rows)
        insert_table(con, "events", missing.append_column("event_id", [ids]))
    return missing.num_rows


def copy_missing(
    con: duckdb.DuckDBPyConnection, table: str, select: str, keys: tuple[str, ...], params: list | None = None
) -> int:
    """Insert the rows of `select` (with its bound `params`) whose key the lake's `table` lacks
    (check, then insert: a lake has no keys for INSERT OR IGNORE)."""
    match = " AND ".join(f"t.{k} IS NOT DISTINCT FROM o.{k}" for k in keys)
    return insert_rows(
        con,
        table,
        f"SELECT * FROM ({select}) o WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {match})",
        params or [],
    )


def copy_changed(
    con: duckdb.DuckDBPyConnection, table: str, select: str, keys: tuple[str, ...], stamp: str | None = None
) -> int:
    """Make the lake's rows of `table` with the keys of `select`'s rows what the file has: rows that
    differ are deleted and inserted again; identical ones are not touched (a second push writes
    nothing). With a `stamp` column (when the row was saved), a row the lake saved later than the
    file's stays: the latest save wins, as the latest load of a slice does."""
    columns = ", ".join(con.execute(f"SELECT * FROM ({select}) LIMIT 0").fetch_arrow_table().column_names)
    later = " AND ".join([*(f"t.{k} IS NOT DISTINCT FROM o.{k}" for k in keys), f"t.{stamp} > o.{stamp}"])
    kept = f" WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {later})" if stamp else ""
    changed = f"SELECT * FROM (({select}) EXCEPT (SELECT {columns} FROM {table})) o{kept}"
    rows = con.execute(changed).fetch_arrow_table()
    if not rows.num_rows:
        return 0
    match = " AND ".join(f"i.{k} IS NOT DISTINCT FROM {table}.{k}" for k in keys)
    con.register("incoming", rows)
    try:
        con.execute(f"DELETE FROM {table} WHERE EXISTS (SELECT 1 FROM incoming i WHERE {match})")
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")
    finally:
        con.unregister("incoming")
    return rows.num_rows


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, select: str, params: list) -> int:
    """Insert the rows of `select` into the lake's `table`; returns how many."""
    return insert_table(con, table, con.execute(select, params).fetch_arrow_table())


def insert_table(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> int:
    """Insert `rows` (its columns named as the table's) in one statement: a lake writes a data file
    per insert."""
    if rows.num_rows:
        columns = ", ".join(rows.column_names)
        con.register("incoming", rows)
        try:
            con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")
        finally:
            con.unregister("incoming")
    return rows.num_rows


# ---- the summary -----------------------------------------------------------------------------------


def per_site(con: duckdb.DuckDBPyConnection, result: Pushed) -> list[SitePushed]:
    """Every site of the file with figures: loads and rows pushed now, and its service visits in
    the file and in the lake (the same once pushed, unless the lake has later loads of its own)."""
    shown = []
    for site, visits_file, visits_lake in con.execute(db.sql("push_per_site")).fetchall():
        loads, rows = result.by_site.get(site, (0, 0))
        shown.append(SitePushed(site, loads, rows, visits_file, visits_lake))
    return shown
