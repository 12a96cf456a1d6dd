"""Command line of the core: `python -m mpp COMMAND --db PATH ...`.

  demo     write the demo data set (also made on first start when no database exists)
  init     create or upgrade the store; with --demo-if-new, fill a new store with the demo data
  summary  the overview of a site up to a month, as text or --json
  press    press-statement paragraphs of a site up to a month (Indonesian, or --lang en)
  check    check every figure of a draft press text against the store; exit 1 on a wrong figure
  skm      the satisfaction index of a site: per unsur, agency, period; as text or --json
  backup   write a consistent copy of the store to a new file (--to FILE)

A damaged store or one busy past the wait is a message and exit status 1, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from mpp import db
from mpp.accounts import COMMAND_LINE


def _month(text: str) -> date:
    try:
        return date.fromisoformat(text + "-01")
    except ValueError:
        raise argparse.ArgumentTypeError(f"bulan harus berbentuk YYYY-MM, bukan {text!r}") from None


def cmd_demo(args) -> int:
    from mpp import demo
    path = db.db_path(args.db)
    if path.exists() and not args.force:
        print(f"{path} sudah ada; pakai --force untuk menulis data demo ke dalamnya.", file=sys.stderr)
        return 1
    with db.connect(path) as con:
        loads = demo.build(con, COMMAND_LINE)
    print(f"Data demo ditulis ke {path} (muatan {', '.join(map(str, loads))}).")
    return 0


def cmd_init(args) -> int:
    from mpp import accounts, demo
    path = db.db_path(args.db)
    is_new = not path.exists()
    with db.connect(path) as con:
        if is_new and args.demo_if_new:
            demo.build(con, COMMAND_LINE)
        password = accounts.bootstrap_admin(con)
    state = "baru dengan data demo" if is_new and args.demo_if_new else "siap"
    print(f"Basis data {state} (skema versi {db.SCHEMA_VERSION}): {path}")
    if password:
        print(f"Akun admin pertama: admin / {password} (sekali pakai; ganti saat masuk pertama). "
              f"/ First admin account: admin / {password} (one-time; change it at first login).")
    return 0


def cmd_summary(args) -> int:
    from mpp.overview import overview
    from mpp.summary import summary_dict, summary_text
    with db.connect(args.db, read_only=True) as con:
        if not _site_known(con, args.site):
            return 2
        view = overview(con, [args.site], args.through)
    if view is None:
        print(f"Belum ada data untuk {args.site}.", file=sys.stderr)
        return 1
    print(json.dumps(summary_dict(view), ensure_ascii=False, indent=2) if args.json else summary_text(view))
    return 0


def cmd_press(args) -> int:
    from mpp.press import press_release_for
    with db.connect(args.db, read_only=True) as con:
        if not _site_known(con, args.site):
            return 2
        release = press_release_for(con, args.site, args.through, lang=args.lang, full_year=args.full_year)
    if release is None:
        print(f"Belum ada data untuk {args.site}.", file=sys.stderr)
        return 1
    print(release.text(), end="")
    return 0


def cmd_check(args) -> int:
    from mpp.checker import check_draft, read_draft
    try:
        draft = read_draft(args.file)
    except (OSError, ValueError) as exc:        # missing file, or a .docx that is not one
        print(f"Naskah tidak dapat dibaca / cannot read the draft: {exc}", file=sys.stderr)
        return 2
    with db.connect(args.db, read_only=True) as con:
        if not _site_known(con, args.site):
            return 2
        report = check_draft(con, args.site, draft)
    for finding in report.findings:
        print(finding.line())
    return 1 if report.has_errors else 0


def _site_known(con, site: str) -> bool:
    """Is there such a site? If not, say which there are."""
    from mpp.sites import list_sites
    known = list(list_sites(con)["name"])
    if site not in known:
        print(f"Lokasi {site!r} tidak ada. Lokasi yang ada: {', '.join(known)}", file=sys.stderr)
    return site in known


def cmd_skm(args) -> int:
    from mpp.skm_summary import NoSurvey, report_text, site_report
    with db.connect(args.db, read_only=True) as con:
        if not _site_known(con, args.site):
            return 2
        try:
            data = site_report(con, args.site, args.period, args.agency)
        except NoSurvey as exc:
            print(exc, file=sys.stderr)
            return 1
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else report_text(data))
    return 0


def cmd_backup(args) -> int:
    try:
        copy = db.backup(args.db, args.to)
    except (FileExistsError, FileNotFoundError) as refused:
        print(refused, file=sys.stderr)
        return 1
    print(f"Cadangan ditulis ke {copy} / backup written to {copy}")
    return 0


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
    summary.add_argument("--site", required=True)
    summary.add_argument("--through", type=_month, help="YYYY-MM (default: latest month with data)")
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(run=cmd_summary)
    press = commands.add_parser("press", help="press-statement text of a site up to a month")
    press.add_argument("--site", required=True)
    press.add_argument("--through", type=_month, help="YYYY-MM (default: latest month with data)")
    press.add_argument("--lang", choices=("id", "en"), default="id")
    press.add_argument("--full-year", action="store_true", help="also the previous full year")
    press.set_defaults(run=cmd_press)
    check = commands.add_parser("check", help="check every figure of a draft (.txt or .docx)")
    check.add_argument("--site", required=True)
    check.add_argument("file", help="the draft: .txt or .docx")
    check.set_defaults(run=cmd_check)
    skm = commands.add_parser("skm", help="satisfaction index (SKM/IKM) of a site")
    skm.add_argument("--site", required=True)
    skm.add_argument("--period", help="2024, 2023..2024, 2024-03, 2024-01..2024-06, or a published "
                                      "period as the file names it ('2022 C'); default: latest year")
    skm.add_argument("--agency", help="one agency's figures, as the store names it (e.g. Disdukcapil)")
    skm.add_argument("--json", action="store_true")
    skm.set_defaults(run=cmd_skm)
    backup = commands.add_parser("backup", help="write a consistent copy of the store to a new file")
    backup.add_argument("--to", required=True, metavar="FILE", help="the copy; must not exist yet")
    backup.set_defaults(run=cmd_backup)
    # Further commands register here, one add_parser block each.
    for command in commands.choices.values():
        command.add_argument("--db", help="database file (default: $MPP_DB or data/mpp.duckdb)")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (db.StoreCorrupt, db.StoreBusy) as unusable:
        print(unusable, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
