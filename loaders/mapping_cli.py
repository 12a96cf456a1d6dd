"""The command line's `mapping` actions (python -m loaders mapping ...): the column mappings saved
per site, listed, exported as JSON to share with another office, imported, renamed and deleted.
Each prints what it did, or why not on stderr with exit status 1."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from loaders import mapping
from loaders.model import FileRefused
from mpp.access.accounts import COMMAND_LINE
from mpp.fmt import day_label
from mpp.reference import mappings
from mpp.store import db


def cmd_list(args) -> int:
    with db.connect(args.db, read_only=True) as con:
        saved = mappings.saved(con, args.site)
    if not saved:
        where = f" untuk {args.site}" if args.site else ""
        print(f"Belum ada pemetaan kolom tersimpan{where}. / No saved column mappings.")
    for row in saved:
        print(f"{row.site}  '{row.name}'  disimpan {row.saved_by}, {day_label(row.saved_at.date())}")
    return 0


def cmd_export(args) -> int:
    with db.connect(args.db, read_only=True) as con:
        found = next((m for m in mapping.for_site(con, args.site) if m.name == args.name), None)
    if found is None:
        print(mappings.MappingRefused("mapping_not_found", name=args.name, site=args.site), file=sys.stderr)
        return 1
    if args.to:
        try:
            Path(args.to).write_text(mapping.shared_json(found) + "\n", encoding="utf-8")
        except OSError as exc:  # a folder that does not exist, no permission: said, not a traceback
            print(
                f"{args.to}: tidak dapat ditulis ({exc.strerror}). / Cannot write the file.", file=sys.stderr
            )
            return 1
        print(f"Pemetaan '{found.name}' ditulis ke {args.to}. / Mapping written.")
    else:
        print(mapping.shared_json(found))
    return 0


def cmd_import(args) -> int:
    try:
        found = mapping.read_mapping_file(args.file)
    except FileRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    found = replace(found, name=args.name) if args.name else found
    with db.connect(args.db) as con:
        try:
            mapping.save_imported(con, args.site, found, COMMAND_LINE)
        except (mappings.MappingRefused, FileRefused) as refused:
            print(refused, file=sys.stderr)
            return 1
    print(f"Pemetaan '{found.name}' disimpan untuk {args.site}. / Mapping saved.")
    return 0


def cmd_rename(args) -> int:
    with db.connect(args.db) as con:
        try:
            mapping.rename(con, args.site, args.old, args.new, COMMAND_LINE)
        except (mappings.MappingRefused, FileRefused) as refused:
            print(refused, file=sys.stderr)
            return 1
    print(f"Pemetaan '{args.old}' untuk {args.site} sekarang bernama '{args.new}'. / Mapping renamed.")
    return 0


def cmd_delete(args) -> int:
    with db.connect(args.db) as con:
        try:
            mapping.delete(con, args.site, args.name, COMMAND_LINE)
        except mappings.MappingRefused as refused:
            print(refused, file=sys.stderr)
            return 1
    print(f"Pemetaan '{args.name}' untuk {args.site} dihapus. / Mapping deleted.")
    return 0
