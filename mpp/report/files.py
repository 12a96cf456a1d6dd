"""A report's files in a folder, and the monthly schedule.

The folder keeps one set per site (or selection) and month: `laporan-mpp-kota-balikpapan-2025-09.pdf`,
`.xlsx` and a PNG per chart. `manifest.json` beside them records, per set, the fingerprint of the
figures it prints (build.fingerprint), whether the month was complete, and when it was made. Writing a
set again is free when the figures are unchanged (nothing is rewritten); when they differ (a late load
completed the month, an undo) the earlier files are renamed `..._v1.pdf`, `_v2`, ... and kept, never
overwritten.

`every_month(day)` is for a daily cron line or systemd timer: from that day of the month on it writes
the previous month's report of every site that has figures for it, and on every run it looks again at
the sets written while their month was provisional, writing them again when a late load changed them.
A set whose figures were undone since is `skipped`, one whose charts or print fail is `failed`, each
with the reason, and the others are written all the same.

The figures are gathered on the store's connection and the files drawn and printed without it
(`gather_due` then `write_due`; `figures_of` then `write_figures`): the browsers take minutes on a busy
server, and an open connection would keep uploads waiting all that time.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb

from mpp.period import add_months
from mpp.reference.sites import list_sites
from mpp.report.build import figures_of, fingerprint, render
from mpp.report.gather import NoFigures, ReportData, has_figures
from mpp.report.pdf import PrintFailed
from mpp.report.sections import Section

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Written:
    stem: str
    status: str  # written | rewritten | unchanged | skipped (no figures) | failed (not printed)
    files: tuple[str, ...]
    kept: tuple[str, ...] = field(default=())  # earlier files renamed to _vN
    complete: bool = True
    why: str = ""  # a skipped set: why, in the report's language

    def line(self) -> str:
        if self.why:
            return f"{self.stem}: {self.status}: {self.why}"
        kept = f"; laporan lama disimpan / earlier kept: {', '.join(self.kept)}" if self.kept else ""
        mark = "" if self.complete else " [SEMENTARA]"
        return f"{self.stem}: {self.status}{mark} ({', '.join(self.files)}){kept}"


def slug(text: str) -> str:
    """'MPP Kota Balikpapan' -> 'mpp-kota-balikpapan': a file name part any system accepts."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:80] or "lokasi"


def stem(sites, month: date, lang: str = "id") -> str:
    names = "_".join(slug(s) for s in sites)
    return f"laporan-{names}-{month:%Y-%m}" + ("" if lang == "id" else f"-{lang}")


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _write_manifest(folder: Path, manifest: dict) -> None:
    path = folder / MANIFEST
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
    temporary.replace(path)  # whole or not at all: a crash never leaves half a manifest


def _versioned(name: str, n: int) -> str:
    base, dot, ext = name.rpartition(".")
    return f"{base}_v{n}.{ext}" if dot else f"{name}_v{n}"


def keep_earlier(folder: Path, names: list[str]) -> tuple[str, ...]:
    """Rename the files there are to the next free _vN (one N for the whole set)."""
    present = [n for n in names if (folder / n).exists()]
    if not present:
        return ()
    n = 1
    while any((folder / _versioned(name, n)).exists() for name in names):
        n += 1
    for name in present:
        (folder / name).rename(folder / _versioned(name, n))
    return tuple(_versioned(name, n) for name in present)


def write_report(
    con: duckdb.DuckDBPyConnection,
    sites,
    month: date,
    folder: Path,
    lang: str = "id",
    now: datetime | None = None,
    progress=None,
) -> Written:
    """Write (or leave, when unchanged) the set of files of the sites' month in `folder`."""
    data, found = figures_of(con, sites, month, lang, now)
    return write_figures(data, found, folder, progress)


def write_figures(data: ReportData, found: list[Section], folder: Path, progress=None) -> Written:
    """Write (or leave, when unchanged) the set of gathered figures; needs no store."""
    folder.mkdir(parents=True, exist_ok=True)
    name, printed = stem(data.sites, data.month, data.lang), fingerprint(data, found)
    manifest = read_manifest(folder)
    entry = manifest.get(name)
    if entry and entry["fingerprint"] == printed and all((folder / f).exists() for f in entry["files"]):
        return Written(name, "unchanged", tuple(entry["files"]), complete=data.complete)
    made = render(data, found, progress)
    contents = {f"{name}.pdf": made.pdf, f"{name}.xlsx": made.xlsx}
    contents |= {f"{name}-{chart}.png": png for chart, png in made.pngs.items()}
    earlier = list(dict.fromkeys([*(entry["files"] if entry else []), *contents]))
    kept = keep_earlier(folder, earlier)
    for file_name, content in contents.items():
        (folder / file_name).write_bytes(content)
    manifest[name] = {
        "sites": list(data.sites),
        "month": f"{data.month:%Y-%m}",
        "lang": data.lang,
        "fingerprint": printed,
        "complete": data.complete,
        "made_at": data.made_at,
        "files": list(contents),
        "kept": [*(entry.get("kept", []) if entry else []), *kept],
    }
    _write_manifest(folder, manifest)
    return Written(name, "rewritten" if kept else "written", tuple(contents), kept, data.complete)


def previous_month(today: date) -> date:
    return add_months(today.replace(day=1), -1)


def due(con: duckdb.DuckDBPyConnection, day: int, folder: Path, today: date, lang: str = "id"):
    """(sites, month) to write on `today`: every site's previous month from `day` on, and every set in
    the manifest written while its month was provisional (a late load may have completed it)."""
    wanted: list[tuple[tuple[str, ...], date]] = []
    if today.day >= day:
        month = previous_month(today)
        wanted += [((site,), month) for site in list_sites(con)["name"] if has_figures(con, [site], month)]
    for entry in read_manifest(folder).values():
        if not entry["complete"] and entry.get("lang", "id") == lang:
            wanted.append((tuple(entry["sites"]), date.fromisoformat(entry["month"] + "-01")))
    return list(dict.fromkeys(wanted))


def not_written(sites, month: date, lang: str, status: str, why: str) -> Written:
    return Written(stem(sites, month, lang), status, (), why=why)


Gathered = tuple[ReportData, list[Section]] | Written  # a set's figures, or why there are none


def gather_due(
    con: duckdb.DuckDBPyConnection,
    day: int,
    folder: Path,
    today: date,
    lang: str = "id",
    now: datetime | None = None,
) -> list[Gathered]:
    """The figures of every set due; a set whose figures are gone (its loads undone since a
    provisional report) is skipped, saying so."""
    gathered: list[Gathered] = []
    for sites, month in due(con, day, folder, today, lang):
        try:
            gathered.append(figures_of(con, sites, month, lang, now))
        except NoFigures as none:
            gathered.append(not_written(sites, month, lang, "skipped", none.text(lang)))
    return gathered


def write_due(gathered: list[Gathered], folder: Path) -> list[Written]:
    """Write every gathered set; one whose charts or print fail is `failed`, the others written."""
    written: list[Written] = []
    for each in gathered:
        if isinstance(each, Written):
            written.append(each)
            continue
        data, found = each
        try:
            written.append(write_figures(data, found, folder))
        except PrintFailed as failed:
            written.append(not_written(data.sites, data.month, data.lang, "failed", str(failed)))
    return written


def every_month(
    con: duckdb.DuckDBPyConnection, day: int, folder: Path, today: date, lang: str = "id"
) -> list[Written]:
    """The schedule's run in one call (tests, scripts); the command gathers then closes the store."""
    return write_due(gather_due(con, day, folder, today, lang), folder)
