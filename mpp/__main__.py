"""Command line of the core: `python -m mpp COMMAND --db PATH ...`.

  demo     write the demo data set (also made on first start when no database exists)
  init     create or upgrade the store; with --demo-if-new, fill a new store with the demo data
  summary  the overview of a site up to a month, as text or --json
  press    press-statement paragraphs of a site up to a month (Indonesian, or --lang en)
  check    check every figure of a draft press text against the store; exit 1 on a wrong figure
  skm      the satisfaction index of a site: per unsur, agency, period; as text or --json
  close-month  close a site's month ("tutup buku": final) or, with --reopen, reopen it
  site add     set up a new site (kind, kabupaten/kota, kecamatan, parent MPP, opening day, channels)
  site members list a site's member agencies, or add one from a date, or mark one as having left
  event add|list|remove  events on a site's timeline (a launch, an opening, an outage) for the charts
  backup   write a consistent copy of the store to a new file (--to FILE)
  report   the monthly report of sites (A4 PDF, workbook, chart PNGs) into a folder, or --every-month
  lake push    an office's file into the shared store (--from FILE --to ducklake:... --data-path DIR)
  lake upkeep  the shared store's nightly maintenance (merge small files, expire snapshots, old files)

Every command takes --db (a file, or a ducklake:postgres:... catalog) and --data-path DIR (the lake's
data folder, else $MPP_DATA_PATH): mpp/store/options.py adds both.

A damaged store or one busy past the wait is a message and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta

import duckdb

from mpp.access.accounts import COMMAND_LINE
from mpp.store import db, lake, upkeep
from mpp.store.options import add_data_path, add_store_options, both, store_of
from mpp.text.catalogue import t


def _month(text: str) -> date:
    try:
        return date.fromisoformat(text + "-01")
    except ValueError:
        raise argparse.ArgumentTypeError(f"bulan harus berbentuk YYYY-MM, bukan {text!r}") from None


def cmd_demo(args) -> int:
    from mpp import demo

    if db.holds_data(args.db) and not args.force:
        print(f"{args.db} sudah ada; pakai --force untuk menulis data demo ke dalamnya.", file=sys.stderr)
        return 1
    with db.connect(args.db) as con:
        loads = demo.build(con, COMMAND_LINE)
    print(f"Data demo ditulis ke {args.db} (muatan {', '.join(map(str, loads))}).")
    return 0


def cmd_init(args) -> int:
    from mpp import demo
    from mpp.access import accounts

    is_new = not db.holds_data(args.db)
    with db.connect(args.db) as con:
        if is_new and args.demo_if_new:
            demo.build(con, COMMAND_LINE)
        password = accounts.bootstrap_admin(con)
    state = "baru dengan data demo" if is_new and args.demo_if_new else "siap"
    print(f"Basis data {state} (skema versi {db.SCHEMA_VERSION}): {args.db}")
    if password:
        print(
            f"Akun admin pertama: admin / {password} (sekali pakai; ganti saat masuk pertama). "
            f"/ First admin account: admin / {password} (one-time; change it at first login)."
        )
    return 0


def cmd_summary(args) -> int:
    from mpp.visits.overview import overview
    from mpp.visits.summary import summary_dict, summary_text

    with db.connect(args.db, read_only=True) as con:
        if not all(_site_known(con, site) for site in args.site):
            return 2
        view = overview(con, args.site, args.through)
    if view is None:
        print(f"Belum ada data untuk {', '.join(args.site)}.", file=sys.stderr)
        return 1
    print(json.dumps(summary_dict(view), ensure_ascii=False, indent=2) if args.json else summary_text(view))
    return 0


def cmd_press(args) -> int:
    from mpp.press.statement import press_release_for

    with db.connect(args.db, read_only=True) as con:
        if not _site_known(con, args.site):
            return 2
        release = press_release_for(
            con,
            args.site,
            args.through,
            include_partial=args.include_partial,
            lang=args.lang,
            full_year=args.full_year,
            estimate=args.estimate,
        )
    if release is None:
        print(f"Belum ada data untuk {args.site}.", file=sys.stderr)
        return 1
    print(release.text(), end="")
    return 0


def cmd_check(args) -> int:
    from mpp.press.checker.run import DraftRefused, check_draft, read_draft

    try:
        draft = read_draft(args.file)
    except (OSError, ValueError) as exc:  # missing, too big, or a .docx that is not one
        print(f"Naskah tidak dapat dibaca / cannot read the draft: {exc}", file=sys.stderr)
        return 2
    with db.connect(args.db, read_only=True) as con:
        if not _site_known(con, args.site):
            return 2
        try:
            report = check_draft(con, args.site, draft)
        except DraftRefused as refused:  # too many sentences to check
            print(f"{args.file}: {refused}", file=sys.stderr)
            return 2
    for finding in report.findings:
        print(finding.line())
    return 1 if report.has_errors else 0


def _site_known(con: duckdb.DuckDBPyConnection, site: str) -> bool:
    """Is there such a site? If not, say which there are."""
    from mpp.reference.sites import list_sites

    known = list(list_sites(con)["name"])
    if site not in known:
        print(f"Lokasi {site!r} tidak ada. Lokasi yang ada: {', '.join(known)}", file=sys.stderr)
    return site in known


def cmd_skm(args) -> int:
    from mpp.survey.summary import NoSurvey, report_json, report_text, site_report

    with db.connect(args.db, read_only=True) as con:
        if not _site_known(con, args.site):
            return 2
        try:
            data = site_report(con, args.site, args.period, args.agency)
        except NoSurvey as exc:
            print(exc, file=sys.stderr)
            return 1
    print(json.dumps(report_json(data), ensure_ascii=False, indent=2) if args.json else report_text(data))
    return 0


def cmd_close_month(args) -> int:
    from mpp.access import accounts
    from mpp.period import Measure
    from mpp.visits import coverage

    measure = Measure(args.measure) if args.measure else None
    act = coverage.reopen_month if args.reopen else coverage.close_month
    with db.connect(args.db) as con:
        if not _site_known(con, args.site):
            return 2
        try:
            load_id = act(con, accounts.COMMAND_LINE, args.site, args.month, measure)
        except coverage.CoverageRefused as refused:
            print(refused, file=sys.stderr)
            return 1
        status = coverage.month_status(con, [args.site], Measure.SERVICE_VISITS, args.month)
    done = "dibuka kembali / reopened" if args.reopen else "ditutup / closed"
    print(
        f"{args.site} {args.month:%Y-%m}: {done} (muatan {load_id}; batalkan dengan "
        f"`python -m loaders undo {load_id}`). {coverage.coverage_text(status)}."
    )
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal harus berbentuk YYYY-MM-DD, bukan {text!r}") from None


def cmd_site_add(args) -> int:
    from mpp.access import accounts
    from mpp.reference.sites import Site, SiteRefused, add_site

    site = Site(
        args.name,
        args.kind,
        args.kabupaten_kota,
        args.kecamatan,
        args.province,
        args.timezone,
        args.working_days,
        args.parent,
        args.opened,
        tuple(args.channel or ()) or None,
    )
    with db.connect(args.db) as con:
        try:
            add_site(con, accounts.COMMAND_LINE, site)
        except SiteRefused as refused:
            print(refused, file=sys.stderr)
            return 1
    print(f"Lokasi {site.name} ditambahkan. / Site added.")
    return 0


def cmd_site_members(args) -> int:
    from mpp import fmt
    from mpp.access import accounts
    from mpp.reference import members

    with db.connect(args.db) as con:
        if not _site_known(con, args.name):
            return 2
        try:
            if args.add:
                done = members.add_member(
                    con, accounts.COMMAND_LINE, args.name, args.add, args.joined, new_agency=args.new_agency
                )
                print(f"{done} anggota {args.name} sejak {fmt.day_label(args.joined)}.")
            if args.leave:
                done = members.leave_member(con, accounts.COMMAND_LINE, args.name, args.leave, args.on)
                print(f"{done} keluar dari {args.name} pada {fmt.day_label(args.on)}.")
        except members.MembershipRefused as refused:
            print(refused, file=sys.stderr)
            return 1
        listed = members.member_list(con, args.name)
    if not (args.add or args.leave):
        print(members.roster_text(listed) or f"{args.name} belum punya anggota. / No members yet.")
    return 0


def _site_commands(commands) -> None:
    from mpp.reference.sites import CHANNELS, KINDS

    site = commands.add_parser("site", help="set up sites and their member agencies")
    actions = site.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add a site")
    add.add_argument("name")
    add.add_argument("--kind", choices=KINDS, default="mpp")
    add.add_argument("--kabupaten-kota", required=True, help="e.g. 'Kabupaten Balangan'")
    add.add_argument("--kecamatan")
    add.add_argument("--province")
    add.add_argument(
        "--timezone", choices=("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"), default="Asia/Jakarta"
    )
    add.add_argument("--working-days", type=int, choices=(5, 6), default=5)
    add.add_argument("--parent", help="the regency MPP of a Mini MPP outlet")
    add.add_argument("--opened", type=_day, help="YYYY-MM-DD")
    add.add_argument("--channel", action="append", choices=CHANNELS, help="repeatable")
    add.set_defaults(run=cmd_site_add)
    listing = actions.add_parser("members", help="list, add or end a site's member agencies")
    listing.add_argument("name")
    listing.add_argument("--add", metavar="AGENCY")
    listing.add_argument("--from", dest="joined", type=_day, help="YYYY-MM-DD (with --add)")
    listing.add_argument("--new-agency", action="store_true", help="add an unknown agency as written")
    listing.add_argument("--leave", metavar="AGENCY")
    listing.add_argument("--on", type=_day, help="YYYY-MM-DD (with --leave)")
    listing.set_defaults(run=cmd_site_members)
    for sub in (add, listing):
        add_store_options(sub)


def cmd_event_add(args) -> int:
    from mpp.access import accounts
    from mpp.reference import events

    with db.connect(args.db) as con:
        try:
            event_id = events.add(con, accounts.COMMAND_LINE, args.site, args.date, args.label, args.kind)
        except events.EventRefused as refused:
            print(refused, file=sys.stderr)
            return 1
        added = events.list_events(con, args.site, args.date, args.date)
    text = next(e.text() for e in added if e.event_id == event_id)
    print(t("event_added", event_id=event_id, text=text))
    return 0


def cmd_event_list(args) -> int:
    from mpp.reference import events

    with db.connect(args.db, read_only=True) as con:
        if args.site and not _site_known(con, args.site):
            return 2
        found = events.list_events(con, args.site, args.start, args.end)
    for event in found:
        print(f"{event.event_id}\t{event.text()}")
    if not found:
        print(t("no_events"))
    return 0


def cmd_event_remove(args) -> int:
    from mpp.access import accounts
    from mpp.reference import events

    with db.connect(args.db) as con:
        try:
            removed = events.remove(con, accounts.COMMAND_LINE, args.event_id)
        except events.EventRefused as refused:
            print(refused, file=sys.stderr)
            return 1
    print(t("event_removed", event_id=removed.event_id, text=removed.text()))
    return 0


def _event_commands(commands) -> None:
    from mpp.reference.events import KINDS

    event = commands.add_parser(
        "event", help="peristiwa pada garis waktu lokasi / events on a site's timeline (charts, report)"
    )
    actions = event.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="tambah peristiwa / add an event")
    add.add_argument("--site", required=True)
    add.add_argument("--date", required=True, type=_day, help="YYYY-MM-DD")
    add.add_argument(
        "--label", required=True, help="keterangan, paling banyak 120 karakter / at most 120 characters"
    )
    add.add_argument("--kind", required=True, choices=KINDS)
    add.set_defaults(run=cmd_event_add)
    listing = actions.add_parser("list", help="daftar peristiwa / list events, by date")
    listing.add_argument("--site", help="satu lokasi (bawaan: semua) / one site (default: all)")
    listing.add_argument("--from", dest="start", type=_day, help="YYYY-MM-DD")
    listing.add_argument("--to", dest="end", type=_day, help="YYYY-MM-DD")
    listing.set_defaults(run=cmd_event_list)
    remove = actions.add_parser("remove", help="hapus peristiwa / remove an event by its number")
    remove.add_argument(
        "event_id", type=int, metavar="ID", help="nomor dari `event list` / number from `event list`"
    )
    remove.set_defaults(run=cmd_event_remove)
    for sub in (add, listing, remove):
        add_store_options(sub)


def cmd_backup(args) -> int:
    try:
        copy = db.backup(args.db, args.to)
    except (FileExistsError, FileNotFoundError, db.LakeBackupRefused) as refused:
        print(refused, file=sys.stderr)
        return 1
    print(f"Cadangan ditulis ke {copy} / backup written to {copy}")
    return 0


def cmd_report(args) -> int:
    from pathlib import Path

    from mpp import fmt
    from mpp.report.build import figures_of
    from mpp.report.files import Gathered, gather_due, write_due
    from mpp.report.gather import NoFigures, missing_reports, month_complete
    from mpp.report.pdf import ChromiumMissing, chromium
    from mpp.text.catalogue import t

    if (args.every_month is None) == (args.month is None) or (args.month and not args.site):
        print(
            "Pakai --site S --month YYYY-MM, atau --every-month DAY. / Use one of the two.", file=sys.stderr
        )
        return 2
    try:
        chromium(args.lang)
    except ChromiumMissing as missing:
        print(missing, file=sys.stderr)
        return 1
    out = Path(args.out)
    gathered: list[Gathered]
    # The figures on a short connection, closed before the browsers draw and print for minutes:
    # an upload meanwhile would otherwise wait for it and be told the store is busy.
    with db.connect(args.db, read_only=True) as con:
        if args.every_month is not None:
            gathered = gather_due(con, args.every_month, out, args.today or date.today(), args.lang)
        else:
            if not all(_site_known(con, site) for site in args.site):
                return 2
            if args.complete_only and not month_complete(con, args.site, args.month):
                coverage = "; ".join(missing_reports(con, args.site, args.month, args.lang))
                month = fmt.month_label(args.month, args.lang)
                sites = ", ".join(args.site)
                print(
                    t("report_not_complete", args.lang, month=month, sites=sites, coverage=coverage),
                    file=sys.stderr,
                )
                return 1
            try:
                gathered = [figures_of(con, args.site, args.month, args.lang)]
            except NoFigures as none:
                print(none.text(args.lang), file=sys.stderr)
                return 1
    written = write_due(gathered, out)
    for each in written:
        print(each.line(), file=sys.stderr if each.status == "failed" else sys.stdout)
    return 1 if any(each.status == "failed" for each in written) else 0


def cmd_lake_push(args) -> int:
    from pathlib import Path

    from mpp.access import accounts
    from mpp.store import push

    try:
        if not lake.is_lake(args.to):
            raise push.PushRefused("push_to_file")
        with db.connect(args.to, data_path=args.data_path) as con:
            pushed = push.push_store(con, Path(args.source), accounts.COMMAND_LINE)
    except (push.PushRefused, lake.LakeUnavailable, db.StoreBusy) as refused:  # busy: writers.WritesContended
        print(refused, file=sys.stderr)
        return 1
    print("\n".join(pushed.lines(args.lang)))
    return 0


def _age(text: str) -> timedelta:
    try:
        return upkeep.parse_age(text)
    except upkeep.BadAge:
        raise argparse.ArgumentTypeError(
            f"{t('upkeep_bad_age', 'id', text=text)} / {t('upkeep_bad_age', 'en', text=text)}"
        ) from None


def cmd_lake_upkeep(args) -> int:
    if not db.exists(args.db):  # a file never made: not made by an upkeep
        print(t("upkeep_no_store", args.lang, store=args.db), file=sys.stderr)
        return 1
    with db.connect(args.db) as con:
        done = upkeep.upkeep(con, args.older_than, dry_run=args.dry_run)
    print("\n".join(done.lines(args.lang)))
    return 0


def _lake_commands(commands) -> None:
    shared = commands.add_parser("lake", help="penyimpanan bersama / the shared store (DuckLake)")
    actions = shared.add_subparsers(dest="action", required=True)
    push = actions.add_parser(
        "push",
        help="kirim berkas kantor ke penyimpanan bersama / push an office's file into the shared store",
    )
    push.add_argument("--from", dest="source", required=True, metavar="FILE", help="data/mpp.duckdb")
    push.add_argument("--to", required=True, metavar="SPEC", help="ducklake:postgres:dbname=... host=...")
    add_data_path(push)
    push.add_argument("--lang", choices=("id", "en"), default="id")
    push.set_defaults(run=cmd_lake_push)
    nightly = actions.add_parser("upkeep", help=both("upkeep_help"))
    add_store_options(nightly)
    nightly.add_argument(
        "--older-than", type=_age, default="7d", metavar="AGE", help=both("upkeep_older_than")
    )
    nightly.add_argument("--dry-run", action="store_true", help=both("upkeep_dry_run_help"))
    nightly.add_argument("--lang", choices=("id", "en"), default="id")
    nightly.set_defaults(run=cmd_lake_upkeep)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m mpp", description="Pantau MPP core commands.")
    commands = top.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="write the demo data set")
    demo.add_argument("--force", action="store_true", help="also into an existing database")
    demo.set_defaults(run=cmd_demo)
    init = commands.add_parser("init", help="create or upgrade the store")
    init.add_argument("--demo-if-new", action="store_true", help="fill a new store with demo data")
    init.set_defaults(run=cmd_init)
    summary = commands.add_parser("summary", help="overview of a site up to a month")
    summary.add_argument(
        "--site",
        required=True,
        action="append",
        help="a site; repeat for several (growth is then like for like)",
    )
    summary.add_argument("--through", type=_month, help="YYYY-MM (default: latest complete month)")
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(run=cmd_summary)
    press = commands.add_parser("press", help="press-statement text of a site up to a month")
    press.add_argument("--site", required=True)
    press.add_argument("--through", type=_month, help="YYYY-MM (default: latest complete month)")
    press.add_argument(
        "--include-partial",
        action="store_true",
        help="also use provisional months (not fully reported); figures say 'sementara'",
    )
    press.add_argument("--lang", choices=("id", "en"), default="id")
    press.add_argument("--full-year", action="store_true", help="also the previous full year")
    press.add_argument(
        "--estimate", action="store_true", help="also the year-end estimate, as 'diperkirakan ...'"
    )
    press.set_defaults(run=cmd_press)
    check = commands.add_parser("check", help="check every figure of a draft (.txt or .docx)")
    check.add_argument("--site", required=True)
    check.add_argument("file", help="the draft: .txt or .docx")
    check.set_defaults(run=cmd_check)
    skm = commands.add_parser("skm", help="satisfaction index (SKM/IKM) of a site")
    skm.add_argument("--site", required=True)
    skm.add_argument(
        "--period",
        help="2024, 2023..2024, 2024-03, 2024-01..2024-06, or a published "
        "period as the file names it ('2022 C'); default: latest year",
    )
    skm.add_argument("--agency", help="one agency's figures, as the store names it (e.g. Disdukcapil)")
    skm.add_argument("--json", action="store_true")
    skm.set_defaults(run=cmd_skm)
    close = commands.add_parser("close-month", help="close (tutup buku) or reopen a site's month")
    close.add_argument("--site", required=True)
    close.add_argument("--month", required=True, type=_month, help="YYYY-MM")
    close.add_argument("--reopen", action="store_true", help="reopen a closed month")
    close.add_argument(
        "--measure", choices=("service_visits", "visitors"), help="only this measure (default: both)"
    )
    close.set_defaults(run=cmd_close_month)
    backup = commands.add_parser("backup", help="write a consistent copy of the store to a new file")
    backup.add_argument("--to", required=True, metavar="FILE", help="the copy; must not exist yet")
    backup.set_defaults(run=cmd_backup)
    report = commands.add_parser("report", help="the monthly report: A4 PDF, workbook and chart PNGs")
    report.add_argument("--site", action="append", help="a site; repeat for several")
    report.add_argument("--month", type=_month, help="YYYY-MM")
    report.add_argument("--out", required=True, metavar="DIR", help="the folder for the files")
    report.add_argument("--lang", choices=("id", "en"), default="id")
    report.add_argument(
        "--complete-only", action="store_true", help="refuse a month not every agency has reported yet"
    )
    report.add_argument(
        "--every-month",
        type=int,
        choices=range(1, 29),
        metavar="DAY",
        help="for a daily timer: from DAY (1-28) on, the previous month of every site, and again "
        "when a late load changed a provisional one",
    )
    report.add_argument("--today", type=_day, help="YYYY-MM-DD: the day --every-month takes as today")
    report.set_defaults(run=cmd_report)
    # Further commands register here, one add_parser block each.
    for command in commands.choices.values():
        add_store_options(command)
    _site_commands(commands)  # its two actions carry --db themselves
    _event_commands(commands)  # so do its three
    _lake_commands(commands)  # lake push takes --from and --to (and --data-path)
    return top


# A sum too large for its column (a store loaded before counts were bounded): say which load to
# undo instead of a DuckDB traceback.
TOO_LARGE = (
    "Angka tidak dapat dihitung: sebuah muatan berisi angka yang terlalu besar untuk "
    "dijumlahkan. Cari muatannya dengan `python -m loaders history` (kolom total) dan "
    "batalkan dengan `python -m loaders undo NOMOR`. / A load holds a number too large to "
    "add up; undo it."
)


def main(argv: list[str] | None = None) -> int:
    top = parser()
    args = top.parse_args(argv)
    if "db" in vars(args):
        args.db = store_of(args)
    if getattr(args, "action", None) == "members" and (
        (args.add and not args.joined) or (args.leave and not args.on)
    ):
        top.error("--add perlu --from YYYY-MM-DD, --leave perlu --on YYYY-MM-DD")
    try:
        return args.run(args)
    except (db.StoreCorrupt, db.StoreBusy, lake.LakeUnavailable) as unusable:
        print(unusable, file=sys.stderr)
        return 1
    except (duckdb.ConversionException, duckdb.OutOfRangeException, db.FigureTooLarge):
        print(TOO_LARGE, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
