"""A store of many sites in two provinces, made in code: what a province's DPMPTSP keeps in the
shared store. Service visits per agency per month, January 2024 to September 2025, written as one
ledger load per site (layout 'monthly_recap', so no demo notice).

Every site's three agencies report 100 visits a month in 2024 and 110 in 2025 (+10 %), except:
- NEW_SITE (MPP Kota Bontang) opened in January 2025 and reports 1.000 per agency a month: it has no
  base, so like for like leaves it out ("tidak ada data Januari-September 2024");
- LATE_SITE (MPP Kabupaten Paser): Samsat sent nothing for June 2025, so its 2025 is incomplete.
`extra` adds that many Mini MPP outlets to Kutai Kartanegara (for screenshots of hundreds of names);
`varied` draws the figures at random (Random(42)) around the same level instead."""

from __future__ import annotations

import hashlib
import random
from datetime import date

import duckdb
import pandas as pd

from mpp.period import Period
from mpp.reference.agencies import ensure_agency
from mpp.reference.sites import Site, ensure_site
from mpp.store import ledger
from mpp.store.db import transaction

KALTIM, KALSEL = "Kalimantan Timur", "Kalimantan Selatan"
KUKAR = "Kabupaten Kutai Kartanegara"
NEW_SITE, LATE_SITE = "MPP Kota Bontang", "MPP Kabupaten Paser"
AGENCIES = ("Disdukcapil", "DPMPTSP", "Samsat")
MONTHS = Period(date(2024, 1, 1), date(2025, 9, 1))
REGIONS = {  # province -> kabupaten/kota -> sites (the MPP first, then its Mini MPP outlets)
    KALTIM: {
        "Kota Balikpapan": ["MPP Kota Balikpapan"],
        "Kota Samarinda": ["MPP Kota Samarinda"],
        "Kota Bontang": [NEW_SITE],
        "Kabupaten Paser": [LATE_SITE],
        KUKAR: [
            "MPP Kabupaten Kutai Kartanegara",
            "Mini MPP Kecamatan Loa Janan",
            "Mini MPP Kecamatan Muara Badak",
            "Mini MPP Kecamatan Tenggarong Seberang",
        ],
    },
    KALSEL: {
        "Kabupaten Balangan": ["MPP Kabupaten Balangan"],
        "Kota Banjarmasin": ["MPP Kota Banjarmasin"],
        "Kota Banjarbaru": ["MPP Kota Banjarbaru"],
        "Kabupaten Tabalong": ["MPP Kabupaten Tabalong", "Mini MPP Kecamatan Murung Pudak"],
    },
}
SITES = [name for regions in REGIONS.values() for names in regions.values() for name in names]


def _sites(extra: int) -> list[Site]:
    found = []
    for province, regions in REGIONS.items():
        for regency, names in regions.items():
            outlets = (
                [f"Mini MPP Kecamatan Desa {n + 1:03d}" for n in range(extra)] if regency == KUKAR else []
            )
            for name in names + outlets:
                mini = name.startswith("Mini MPP")
                kind, parent = ("mini_mpp", names[0]) if mini else ("mpp", None)
                found.append(Site(name, kind, regency, None, province, "Asia/Makassar", parent=parent))
    return found


def _visits(site: str, month: date, agency: str, rng: random.Random | None) -> int | None:
    if site == NEW_SITE:
        return 1000 if month.year == 2025 else None
    if site == LATE_SITE and month == date(2025, 6, 1) and agency == "Samsat":
        return None
    level = 110 if month.year == 2025 else 100
    return level if rng is None else int(level * rng.uniform(0.5, 4.0))


def _load(con: duckdb.DuckDBPyConnection, site: Site, ids: dict[str, int], rng) -> None:
    rows = [
        (month, agency, visits)
        for month in MONTHS.month_starts()
        for agency in AGENCIES
        if (visits := _visits(site.name, month, agency, rng)) is not None
    ]
    frame = pd.DataFrame(rows, columns=["day", "agency", "visits"])
    site_id = ensure_site(con, site)
    record = ledger.LoadRecord(
        file_name=f"rekap {site.name}.xlsx",
        sha256=hashlib.sha256(site.name.encode()).hexdigest(),
        layout="monthly_recap",
        measure="service_visits",
        site=site.name,
        period_from=frame["day"].min(),
        period_to=frame["day"].max(),
        loaded_by="ana",
    )
    load_id = ledger.record_load(con, record)
    service = frame.assign(
        site_id=site_id, agency_id=frame["agency"].map(ids), grain="month", service=None, channel=None
    )
    ledger.write_facts(con, load_id, service=service[ledger.SERVICE_COLUMNS])


def build(con: duckdb.DuckDBPyConnection, extra: int = 0, varied: bool = False) -> list[str]:
    """Write the sites and their figures into an empty store; returns the site names."""
    rng = random.Random(42) if varied else None
    sites = _sites(extra)
    with transaction(con):
        ids = {name: ensure_agency(con, name) for name in AGENCIES}
        for site in sites:
            _load(con, site, ids, rng)
        con.execute("INSERT INTO settings VALUES ('default_site', ?)", [SITES[0]])
    return [s.name for s in sites]
