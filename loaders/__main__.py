"""Command line of the loaders (a contract: scripts and scheduled jobs rely on it).

  python -m loaders ingest FILE... --db PATH [--site NAME] [--year YYYY] [--block NAME]
                                   [--unknown-agencies refuse|add] [--sum-duplicates] [--dry-run]
                                   [--agency NAME] [--status WORD=served|cancelled|no_show|waiting|other]...
                                   [--mapping FILE.json]... [--save-mapping]
  python -m loaders history --db PATH
  python -m loaders undo LOAD_ID --db PATH
  python -m loaders alias add NAME CANONICAL --db PATH
  python -m loaders alias list --db PATH
  python -m loaders mapping list [--site NAME] --db PATH
  python -m loaders mapping export NAME --site NAME [--to FILE.json] --db PATH
  python -m loaders mapping import FILE.json --site NAME [--name NAME] --db PATH
  python -m loaders mapping rename OLD NEW --site NAME --db PATH
  python -m loaders mapping delete NAME --site NAME --db PATH

Every command also takes --data-path DIR, the data folder of a --db ducklake:postgres:... store.

ingest exits 0 when every file loaded or was already loaded, 1 when any file was refused.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import duckdb

from loaders import mapping, mapping_cli
from loaders.load import Options, Report, ingest, unexpected_report
from loaders.model import FileRefused, Problem
from mpp.access.accounts import COMMAND_LINE
from mpp.fmt import number
from mpp.period import Period, month_start
from mpp.reference.agencies import AgencyMatcher, add_alias, agency_key
from mpp.reference.ticket_statuses import MEANINGS
from mpp.store import db, history
from mpp.store.lake import LakeUnavailable
from mpp.store.options import add_store_options, store_of

OUTCOMES = {
    "added": "DITAMBAHKAN",
    "replaced": "MENGGANTI data lama",
    "unchanged": "TIDAK BERUBAH",
    "refused": "DITOLAK, tidak ada yang diubah",
}


# The way out of a problem (model.WAY_OUTS) in this front end's terms: its options. The upload page
# says the same with its fields (mpp/text/admin.py, way_out_*).
WAY_OUTS = {
    "site": 'Sebutkan dengan --site NAMA (mis. --site "MPP Kota Balikpapan").',
    "year": "Sebutkan dengan --year YYYY.",
    "block": 'Pilih satu dengan --block NAMA (mis. --block "{subject}").',
    "unknown_agencies": 'Petakan dengan `python -m loaders alias add "{subject}" NAMA_KANONIK`, atau muat '
    "dengan --unknown-agencies add untuk menambahkannya sebagai instansi baru.",
    "agency": 'Bila semua barisnya milik satu instansi, sebutkan dengan --agency NAMA (mis. --agency "DPMPTSP").',
    "status": "Sebutkan artinya dengan --status KATA=served|cancelled|no_show|waiting|other "
    '(mis. --status "{subject}=served").',
    "sum_duplicates": "Atau muat dengan --sum-duplicates bila keduanya memang harus dijumlahkan.",
    "layout": "Ganti judul kolom di berkas agar cocok dengan salah satu bentuk itu, simpan, lalu muat lagi; "
    "atau ajarkan kolomnya sekali dengan --mapping PEMETAAN.json --save-mapping (lihat README).",
}


def problem_line(problem: Problem) -> str:
    """A problem as the command line says it: where, what, and the options that get past it."""
    way_out = WAY_OUTS[problem.way_out].format(subject=problem.subject) if problem.way_out else ""
    return f"{problem} {way_out}".rstrip()


def listed(names: list[str], shown: int = 5) -> str:
    """The first few names, and how many more: a list of 70 new agencies would bury the report."""
    rest = len(names) - shown
    return ", ".join(names[:shown]) + (f", dan {number(rest)} lainnya" if rest > 0 else "")


def agencies_line(report: Report) -> str:
    """'3: Disdukcapil, Imigrasi, Samsat', with the agencies this load added said apart."""
    if not report.agencies:
        return "-"
    new = f" ({number(len(report.new_agencies))} baru)" if report.new_agencies else ""
    return f"{number(len(report.agencies))}{new}: {listed(report.agencies)}"


def report_lines(report: Report) -> list[str]:
    outcome = OUTCOMES[report.outcome] + (
        " (uji coba --dry-run: tidak ada yang ditulis)" if report.dry_run else ""
    )
    lines = [f"{report.file_name}: {outcome}"]
    if report.outcome == "refused":
        lines.append(f"  {len(report.problems)} masalah:")
        return lines + [f"  - {problem_line(p)}" for p in report.problems]
    lines += [
        f"  tata letak: {report.layout_title} [{report.layout}]",
        f"  lokasi    : {report.site or '-'}",
        f"  periode   : {report.period.label() if report.period else '-'}",
        f"  instansi  : {agencies_line(report)}",
        f"  baris     : {number(report.rows)}",
    ]
    # A survey file has respondents and an index (in its notes), not service visits.
    lines += (
        []
        if (report.layout or "").startswith("skm_")
        else [f"  total kunjungan layanan: {number(report.total)}"]
    )
    lines += [f"  pengunjung: {number(report.visitors)}"] if report.visitors else []
    lines += [f"  pemetaan  : {report.mapping}"] if report.mapping else []
    # The page asks whether such a month is a real zero or not yet reported; here it loads as 0,
    # replacing what an earlier file gave for it, so it is said rather than passed over.
    lines += (
        [
            f"  PERHATIAN : bulan {', '.join(f'{m:%m/%Y}' for m in report.zero_months)} bernilai 0 untuk "
            "semua instansi dan dimuat sebagai 0; bila belum dilaporkan, muat lewat halaman Unggah"
        ]
        if report.zero_months
        else []
    )
    lines += [f"  muatan    : {report.load_id}"] if report.load_id else []
    return lines + [f"  catatan   : {note}" for note in report.notes]


def cmd_ingest(args) -> int:
    try:
        given = tuple(mapping.read_mapping_file(file) for file in args.mapping)
    except FileRefused as unreadable:
        print(unreadable, file=sys.stderr)
        return 1
    options = Options(
        site=args.site,
        year=args.year,
        block=args.block,
        unknown_agencies=args.unknown_agencies,
        sum_duplicates=args.sum_duplicates,
        dry_run=args.dry_run,
        agency=args.agency,
        statuses=dict(args.status),
        mappings=given,
        save_mappings=args.save_mapping,
        actor=COMMAND_LINE,
    )
    refused = 0
    for file in args.files:
        path = Path(file)
        if not path.is_file():
            print(f"{file}: DITOLAK, berkas tidak ditemukan.")
            refused += 1
            continue
        report = ingest_one(args.db, path, options)
        print("\n".join(report_lines(report)))
        refused += not report.ok
    return 1 if refused else 0


def ingest_one(db_path, path: Path, options: Options) -> Report:
    """One file, read under the guard (a path: big files are streamed by the child); whatever goes
    wrong becomes that file's refusal, so the next file still loads and no traceback is printed."""
    try:
        return ingest(db_path, path.name, path, options)
    except (db.StoreBusy, LakeUnavailable):  # the store's trouble, not the file's: said once, below
        raise
    except Exception:
        return unexpected_report(path.name)


def cmd_history(args) -> int:
    with db.connect(args.db) as con:
        rows = con.execute(
            "SELECT load_id, loaded_at, status, file_name, layout, site, period_from, "
            "period_to, rows, total FROM loads ORDER BY load_id"
        ).fetchall()
    if not rows:
        print("Belum ada muatan.")
    for load_id, at, status, name, layout, site, start, end, n, total in rows:
        span = Period(month_start(start), month_start(end)).label() if start and end else "-"
        print(
            f"{load_id:>4}  {at:%d/%m/%Y %H:%M}  {status:<10} {name}  [{layout}]  {site or '-'}  "
            f"{span}  {number(n)} baris  {number(total)}"
        )
    return 0


def cmd_undo(args) -> int:
    with db.connect(args.db) as con:
        found = con.execute("SELECT file_name FROM loads WHERE load_id = ?", [args.load_id]).fetchall()
        try:  # exclusive, and tried again when another office writes at once (mpp/store/writers.py)
            history.undo_load(con, COMMAND_LINE, args.load_id)
        except history.UndoRefused:
            state = "sudah dibatalkan" if found else "tidak ada"
            print(f"Muatan {args.load_id} {state}; tidak ada yang diubah.", file=sys.stderr)
            return 1
    print(f"Muatan {args.load_id} ({found[0][0]}) dibatalkan; data yang digantinya berlaku lagi.")
    return 0


def cmd_alias_add(args) -> int:
    with db.connect(args.db) as con:
        found = canonical_agency(con, args.canonical)
        if not found:
            print(
                f"Instansi kanonik '{args.canonical}' tidak ada. Lihat `python -m loaders alias list`.",
                file=sys.stderr,
            )
            return 1
        added = add_alias(con, COMMAND_LINE, args.name, found[0][0], "analyst")
    print(f"'{args.name}' -> {found[0][1]}" + ("" if added else " (ejaan ini sudah dikenal; tidak diubah)"))
    return 0


def canonical_agency(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[int, str]]:
    """[(agency_id, canonical name)] for a canonical name, or for a spelling the aliases know."""
    found = con.execute(
        "SELECT agency_id, name FROM agencies WHERE lower(name) = lower(?)", [name.strip()]
    ).fetchall()
    if found:
        return found
    match = AgencyMatcher.from_store(con).match(name)
    if match.agency_id is not None and match.canonical is not None:  # resolved: both are set
        return [(match.agency_id, match.canonical)]
    return []


def cmd_alias_list(args) -> int:
    with db.connect(args.db) as con:
        rows = con.execute(
            "SELECT a.name, l.alias, l.source FROM agency_aliases l JOIN agencies a "
            "USING (agency_id) ORDER BY a.name, l.alias"
        ).fetchall()
    for name, alias, source in rows:
        if agency_key(alias) != agency_key(name):
            print(f"{name:<28} <- {alias}  ({source})")
    return 0


def status_mapping(value: str) -> tuple[str, str]:
    """--status "NO SHOW=no_show" -> ('NO SHOW', 'no_show')."""
    word, _, meaning = value.rpartition("=")
    if not word.strip() or meaning.strip() not in MEANINGS:
        raise argparse.ArgumentTypeError(
            f'tulis KATA=ARTI, ARTI salah satu dari {", ".join(MEANINGS)} (mis. --status "SELESAI=served")'
        )
    return word.strip(), meaning.strip()


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m loaders", description="Muat berkas rekap MPP.")
    commands = top.add_subparsers(dest="command", required=True)
    ingest_cmd = commands.add_parser("ingest", help="muat satu atau beberapa berkas")
    ingest_cmd.add_argument("files", nargs="+", metavar="FILE")
    ingest_cmd.add_argument("--site", help="nama MPP, mis. 'MPP Kota Balikpapan'")
    ingest_cmd.add_argument("--year", type=int, help="tahun data, bila berkas tidak menyebutnya")
    ingest_cmd.add_argument("--block", help="blok bulan yang dimuat, mis. 'JUMLAH IZIN'")
    ingest_cmd.add_argument("--unknown-agencies", choices=("refuse", "add"), default="refuse")
    ingest_cmd.add_argument(
        "--sum-duplicates",
        action="store_true",
        help="jumlahkan baris tabel panjang yang kuncinya sama (bawaan: ditolak)",
    )
    ingest_cmd.add_argument("--dry-run", action="store_true", help="periksa semua, tulis apa pun tidak")
    ingest_cmd.add_argument(
        "--agency", help="satu instansi untuk semua baris berkas tanpa kolom instansi, mis. 'DPMPTSP'"
    )
    ingest_cmd.add_argument(
        "--status",
        type=status_mapping,
        action="append",
        default=[],
        metavar="KATA=ARTI",
        help="arti status tiket: served, cancelled, no_show, waiting atau other (disimpan untuk berkas berikutnya)",
    )
    ingest_cmd.add_argument(
        "--mapping",
        action="append",
        default=[],
        metavar="FILE.json",
        help="pemetaan kolom untuk sheet yang bentuknya tidak dikenali (dari `mapping export` atau halaman Unggah)",
    )
    ingest_cmd.add_argument(
        "--save-mapping",
        action="store_true",
        help="simpan pemetaan --mapping yang dipakai untuk lokasi berkas, agar berkas berikutnya tidak memerlukannya",
    )
    ingest_cmd.set_defaults(run=cmd_ingest)
    commands.add_parser("history", help="daftar muatan").set_defaults(run=cmd_history)
    undo = commands.add_parser("undo", help="batalkan satu muatan")
    undo.add_argument("load_id", type=int)
    undo.set_defaults(run=cmd_undo)
    alias = commands.add_parser("alias", help="ejaan nama instansi").add_subparsers(
        dest="alias", required=True
    )
    add = alias.add_parser("add", help="petakan ejaan NAME ke instansi CANONICAL")
    add.add_argument("name")
    add.add_argument("canonical")
    add.set_defaults(run=cmd_alias_add)
    alias.add_parser("list", help="daftar ejaan").set_defaults(run=cmd_alias_list)
    mapping_actions = mapping_commands(commands)
    leaves = [c for name, c in commands.choices.items() if name not in ("alias", "mapping")]
    for command in [*leaves, *alias.choices.values(), *mapping_actions]:
        add_store_options(command)
    return top


def mapping_commands(commands) -> list[argparse.ArgumentParser]:
    """`mapping list|export|import|rename|delete`: the column mappings saved per site."""
    actions = commands.add_parser("mapping", help="pemetaan kolom tersimpan per lokasi").add_subparsers(
        dest="mapping", required=True
    )
    listing = actions.add_parser("list", help="daftar pemetaan kolom (semua lokasi bila tanpa --site)")
    listing.add_argument("--site", help="nama lokasi, mis. 'MPP Kota Balikpapan'")
    listing.set_defaults(run=mapping_cli.cmd_list)
    export = actions.add_parser("export", help="tulis satu pemetaan sebagai JSON (untuk dibagikan)")
    export.add_argument("name")
    export.add_argument("--to", metavar="FILE.json", help="berkas tujuan (bawaan: layar)")
    export.set_defaults(run=mapping_cli.cmd_export)
    imported = actions.add_parser("import", help="simpan pemetaan dari berkas JSON untuk lokasi")
    imported.add_argument("file", metavar="FILE.json")
    imported.add_argument("--name", help="simpan dengan nama lain")
    imported.set_defaults(run=mapping_cli.cmd_import)
    rename = actions.add_parser("rename", help="ganti nama pemetaan")
    rename.add_argument("old")
    rename.add_argument("new")
    rename.set_defaults(run=mapping_cli.cmd_rename)
    delete = actions.add_parser("delete", help="hapus pemetaan")
    delete.add_argument("name")
    delete.set_defaults(run=mapping_cli.cmd_delete)
    for action in (export, imported, rename, delete):
        action.add_argument("--site", required=True, help="nama lokasi, mis. 'MPP Kota Balikpapan'")
    return [listing, export, imported, rename, delete]


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        stream=sys.stderr, level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s: %(message)s"
    )
    args = parser().parse_args(argv)
    args.db = store_of(args)
    try:
        return args.run(args)
    except (db.StoreBusy, db.StoreCorrupt, LakeUnavailable) as unusable:  # held, damaged, out of reach
        print(unusable, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
