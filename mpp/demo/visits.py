"""The demo data set: MPP Kota Balikpapan rebuilt exactly from the seed articles, and MPP Kabupaten
Kutai Kartanegara with three Mini MPP outlets, synthetic but plausible, so every page has data.

Data arrive unevenly, as in real offices (issue 11): Balikpapan's October 2025 is loaded for all but
one agency (LATE_AGENCY), so the month is partial; MPP Kabupaten Balangan is set up with its roster of
18 agencies from December 2025, and 3 of them have not reported that first month.

Deterministic: the same database every time (numpy Generator seeded with 42). Every figure the seed
articles print is reproduced to the unit; `tests/test_demo.py` checks each one.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from mpp import calendar
from mpp.access.accounts import User
from mpp.reference.agencies import ensure_agency
from mpp.reference.members import member_joined
from mpp.reference.sites import Site, ensure_site
from mpp.store import ledger

BALIKPAPAN = "MPP Kota Balikpapan"
KUKAR = "MPP Kabupaten Kutai Kartanegara"
MINI_MPP = {  # outlet -> (kecamatan, first month open)
    "Mini MPP Kecamatan Loa Janan": ("Loa Janan", date(2026, 1, 1)),
    "Mini MPP Kecamatan Muara Badak": ("Muara Badak", date(2026, 2, 1)),
    "Mini MPP Kecamatan Kota Bangun": ("Kota Bangun", date(2026, 4, 1)),
}
KUKAR_LAST_DAY = date(2026, 10, 31)
KUKAR_OPENED = date(2023, 2, 1)
# October 2025 of Balikpapan: every agency but this one has sent its figures.
LATE_AGENCY = "Kantor Pertanahan"
OCTOBER_2025 = date(2025, 10, 1)
# MPP Kabupaten Balangan: the agreement with 18 agencies, institutions, BUMN and BUMD was signed on
# 27 November 2025 (seed article); the mall serves from December 2025 beside the regency's digital
# application, jemput bola and the agencies' own counters.
BALANGAN = "MPP Kabupaten Balangan"
BALANGAN_OPENED = date(2025, 12, 1)
BALANGAN_WEIGHTS = {
    "Disdukcapil": 14,
    "DPMPTSP": 8,
    "Samsat": 12,
    "Bank Kalsel": 6,
    "Bank BRI": 5,
    "Bank Mandiri": 3,
    "BPJS Kesehatan": 7,
    "BPJS Ketenagakerjaan": 4,
    "Kepolisian": 6,
    "KPP Pratama": 4,
    "Kantor Pertanahan": 4,
    "Kemenag": 3,
    "Jasa Raharja": 2,
    "PDAM": 3,
    "Pengadilan Agama": 2,
    "Bapenda": 4,
    "Dinas Sosial": 3,
    "Disnaker": 2,
}
BALANGAN_LATE = ("Kantor Pertanahan", "Pengadilan Agama", "Kemenag")  # not reported December 2025
BALANGAN_LAST_MONTH = date(2026, 10, 1)

# People entering MPP Balikpapan per month. 2024 sums to 29.158 (about 2.300-2.500 a month);
# January-September 2025 sums to 41.481 with July the peak (6.814), then September, then August.
BALIKPAPAN_VISITORS = {
    2024: [2341, 2312, 2376, 2305, 2418, 2402, 2493, 2471, 2458, 2496, 2449, 2637],
    2025: [3612, 3705, 3890, 4102, 4260, 4415, 6814, 5120, 5563],
}
# Service visits per agency, January-September 2025, as the seed article gives them. With the other
# 22 agencies' 5.916 the base is 45.540, on which the shares round to 24,8 / 19,3 / 18,4 / 14,8 / 9,7.
BALIKPAPAN_TOP_2025 = {
    "Disdukcapil": 11315,
    "DPMPTSP": 8767,
    "Bankaltimtara": 8382,
    "BPJS Kesehatan": 6726,
    "Kepolisian": 4434,
}
BALIKPAPAN_OTHERS_2025 = 5916
BALIKPAPAN_OTHERS = [
    "BPJS Ketenagakerjaan",
    "Samsat",
    "Imigrasi",
    "KPP Pratama",
    "Kantor Pertanahan",
    "Kemenag",
    "Taspen",
    "Jasa Raharja",
    "PLN",
    "PDAM",
    "Pengadilan Negeri",
    "Pengadilan Agama",
    "Kejaksaan Negeri",
    "Bapenda",
    "Dinas Kesehatan",
    "Dinas Sosial",
    "Disnaker",
    "Dinas Perhubungan",
    "Dinas Koperasi dan UKM",
    "Dinas PUPR",
    "Bank BRI",
    "Bank Mandiri",
]
# Kukar: "mayoritas pengunjung melakukan pengurusan pajak, imigrasi, Samsat, dan Disdukcapil".
KUKAR_WEIGHTS = {
    "KPP Pratama": 14,
    "Imigrasi": 13,
    "Samsat": 13,
    "Disdukcapil": 12,
    "DPMPTSP": 6,
    "Kepolisian": 5,
    "BPJS Kesehatan": 5,
    "BPJS Ketenagakerjaan": 3,
    "Kantor Pertanahan": 3,
    "Kejaksaan Negeri": 2,
    "Kemenag": 2,
    "Bankaltimtara": 3,
    "Bank BRI": 2,
    "Bank Mandiri": 1,
    "Bank BNI": 1,
    "Taspen": 1,
    "Jasa Raharja": 1,
    "PLN": 1,
    "PDAM": 1,
    "Pengadilan Negeri": 1,
    "Pengadilan Agama": 1,
    "Bapenda": 2,
    "Dinas Pendidikan": 1,
    "Dinas Kesehatan": 1,
    "Dinas Sosial": 1,
    "Disnaker": 1,
    "Dinas Perhubungan": 1,
    "Pos Indonesia": 1,
}
MINI_WEIGHTS = {"Disdukcapil": 6, "DPMPTSP": 3, "Samsat": 3, "Bapenda": 2, "BPJS Kesehatan": 2, "Kemenag": 1}


def split(total: int, weights, rng: np.random.Generator | None = None) -> np.ndarray:
    """Integers proportional to weights that sum exactly to total (largest remainder)."""
    weights = np.asarray(weights, dtype=float)
    if rng is not None:
        weights = weights * rng.uniform(0.9, 1.1, len(weights))
    raw = weights / weights.sum() * total
    parts = np.floor(raw).astype(int)
    order = np.argsort(-(raw - parts), kind="stable")
    parts[order[: total - parts.sum()]] += 1
    return parts


def _months(year: int, count: int) -> list[date]:
    return [date(year, m, 1) for m in range(1, count + 1)]


def balikpapan_frames(rng) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Monthly visitors, and monthly service visits per agency (site_id/agency_id filled in later)."""
    visitors = [
        (m, v)
        for year, values in BALIKPAPAN_VISITORS.items()
        for m, v in zip(_months(year, len(values)), values, strict=True)
    ]
    others = split(BALIKPAPAN_OTHERS_2025, rng.uniform(1, 5, len(BALIKPAPAN_OTHERS)))
    totals_2025 = {**BALIKPAPAN_TOP_2025, **dict(zip(BALIKPAPAN_OTHERS, others.tolist(), strict=True))}
    weights_2025 = BALIKPAPAN_VISITORS[2025]
    weights_2024 = BALIKPAPAN_VISITORS[2024]
    rows = []
    for agency, total_2025 in totals_2025.items():
        # 2024: the same mix at a lower level (service visits run ~9 % above people entering).
        total_2024 = round(total_2025 * 31800 / 45540 * rng.uniform(0.9, 1.1))
        for months, weights, total in (
            (_months(2025, 9), weights_2025, total_2025),
            (_months(2024, 12), weights_2024, total_2024),
        ):
            rows += [(agency, m, int(v)) for m, v in zip(months, split(total, weights, rng), strict=True)]
    service = pd.DataFrame(rows, columns=["agency", "day", "visits"])
    return pd.DataFrame(visitors, columns=["day", "visitors"]), service


def _kukar_daily_visitors(rng, first: date, last: date) -> list[tuple[date, int]]:
    """25-50 a day at opening (February-March 2023), 100-300 a day from April 2023, slowly growing."""
    days = []
    day = first
    while day <= last:
        if calendar.is_working_day(day, 5):
            if day < date(2023, 4, 1):
                count = rng.integers(25, 51)
            else:
                growth = min((day - date(2023, 4, 1)).days / 900, 1.0)
                low, high = 100 + 60 * growth, 190 + 110 * growth
                count = rng.integers(int(low), int(high) + 1)
            days.append((day, int(count)))
        day += timedelta(days=1)
    return days


def _service_rows(rng, daily_visitors, weights: dict[str, int], online_from: date | None):
    """Split each day's people into agency visits (~12 % of people visit two agencies), and from
    `online_from` into walk-in and online-queue channels with online growing."""
    agencies = list(weights)
    probs = np.array(list(weights.values()), dtype=float)
    probs /= probs.sum()
    rows = []
    for day, people in daily_visitors:
        visits = rng.multinomial(round(people * 1.12), probs)
        for agency, n in zip(agencies, visits, strict=True):
            if n == 0:
                continue
            if online_from is None or day < online_from:
                rows.append((agency, day, "walk_in", int(n)))
                continue
            share = min(0.1 + (day - online_from).days / 2000, 0.4)
            online = int(rng.binomial(n, share))
            rows += [(agency, day, "walk_in", int(n - online)), (agency, day, "online", online)]
    return pd.DataFrame(rows, columns=["agency", "day", "channel", "visits"])


def kukar_frames(rng) -> tuple[pd.DataFrame, pd.DataFrame]:
    daily = _kukar_daily_visitors(rng, date(2023, 2, 1), KUKAR_LAST_DAY)
    service = _service_rows(rng, daily, KUKAR_WEIGHTS, online_from=date(2025, 1, 1))
    return pd.DataFrame(daily, columns=["day", "visitors"]), service


def mini_frames(rng, opened: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    daily, day = [], opened
    while day <= KUKAR_LAST_DAY:
        if calendar.is_working_day(day, 5):
            daily.append((day, int(rng.integers(10, 41))))
        day += timedelta(days=1)
    service = _service_rows(rng, daily, MINI_WEIGHTS, online_from=None)
    return pd.DataFrame(daily, columns=["day", "visitors"]), service


SITES = [
    Site(BALIKPAPAN, "mpp", "Kota Balikpapan", None, "Kalimantan Timur", "Asia/Makassar"),
    Site(
        KUKAR,
        "mpp",
        "Kabupaten Kutai Kartanegara",
        "Tenggarong",
        "Kalimantan Timur",
        "Asia/Makassar",
        opened=KUKAR_OPENED,
    ),
    *[
        Site(
            name,
            "mini_mpp",
            "Kabupaten Kutai Kartanegara",
            kecamatan,
            "Kalimantan Timur",
            "Asia/Makassar",
            parent=KUKAR,
            opened=opened,
        )
        for name, (kecamatan, opened) in MINI_MPP.items()
    ],
]
BALANGAN_SITE = Site(
    BALANGAN,
    "mpp",
    "Kabupaten Balangan",
    "Paringin",
    "Kalimantan Selatan",
    "Asia/Makassar",
    opened=BALANGAN_OPENED,
    channels=("walk_in", "digital", "jemput_bola"),
)


def _ids(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, site_id: int, grain: str) -> pd.DataFrame:
    frame = frame.copy()
    frame["site_id"] = site_id
    frame["grain"] = grain
    if "agency" in frame:
        ids = {name: ensure_agency(con, name) for name in frame["agency"].unique()}
        frame["agency_id"] = frame["agency"].map(ids)
        frame["service"] = None
        if "channel" not in frame:
            frame["channel"] = None
    return frame


def load_frames(
    con: duckdb.DuckDBPyConnection,
    site: Site,
    grain: str,
    visitors: pd.DataFrame,
    service: pd.DataFrame,
    part: str = "",
) -> int:
    site_id = ensure_site(con, site)
    days = pd.concat([visitors["day"], service["day"]])
    name = f"{site.name} {part}".strip()
    record = ledger.LoadRecord(
        file_name=f"demo: {name}",
        sha256=hashlib.sha256(f"demo/{name}".encode()).hexdigest(),
        layout="demo",
        measure="mixed",
        site=site.name,
        period_from=days.min(),
        period_to=days.max(),
        loaded_by="demo",
        note="Data demo sintetis / synthetic demo data",
    )
    load_id = ledger.record_load(con, record)
    service = _ids(con, service, site_id, grain)
    ledger.write_facts(
        con, load_id, service, _ids(con, visitors, site_id, grain), queue_outcomes=queue_outcomes(service)
    )
    return load_id


def queue_outcomes(service: pd.DataFrame) -> pd.DataFrame | None:
    """Online bookings cancelled (about 6 %) and not come (about 8 %) beside each day's online queue.
    A generator of its own, so the visits drawn before stay exactly as they were."""
    online = service[service["channel"] == "online"]
    if online.empty:
        return None
    rng = np.random.default_rng(7)
    return online[["site_id", "agency_id", "day", "grain", "service"]].assign(
        cancelled=rng.binomial(online["visits"], 0.06), no_show=rng.binomial(online["visits"], 0.08)
    )


def balikpapan_october(service: pd.DataFrame) -> pd.DataFrame:
    """October 2025 for every agency but LATE_AGENCY: each near its September. A generator of its own,
    so every figure drawn before stays exactly as it was."""
    rng = np.random.default_rng(10)
    september = service[(service["day"] == date(2025, 9, 1)) & (service["agency"] != LATE_AGENCY)]
    visits = (september["visits"] * rng.uniform(0.92, 1.08, len(september))).round().astype(int)
    return pd.DataFrame({"agency": september["agency"], "day": OCTOBER_2025, "visits": visits.to_numpy()})


def balangan_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Monthly people entering (about 1.000 in the first month, growing to about 2.300) and service
    visits per agency, December 2025 without BALANGAN_LATE."""
    rng = np.random.default_rng(27)
    months = [date(2025, 12, 1), *_months(2026, BALANGAN_LAST_MONTH.month)]
    people = [int(1000 + 130 * i + rng.integers(-60, 61)) for i in range(len(months))]
    rows = []
    for month, count in zip(months, people, strict=True):
        agencies = [a for a in BALANGAN_WEIGHTS if month > BALANGAN_OPENED or a not in BALANGAN_LATE]
        parts = split(int(count * 1.1), [BALANGAN_WEIGHTS[a] for a in agencies], rng)
        rows += [(a, month, int(n)) for a, n in zip(agencies, parts, strict=True)]
    return (
        pd.DataFrame({"day": months, "visitors": people}),
        pd.DataFrame(rows, columns=["agency", "day", "visits"]),
    )


def balangan_roster(con: duckdb.DuckDBPyConnection, actor: User) -> None:
    """The 18 member agencies, each from the day the mall opened."""

    for agency in BALANGAN_WEIGHTS:
        member_joined(con, actor, BALANGAN, agency, BALANGAN_OPENED)


def opening_loads(
    con: duckdb.DuckDBPyConnection, rng: np.random.Generator, visitors: pd.DataFrame, service: pd.DataFrame
) -> list[int]:
    """Balikpapan's monthly figures, Kutai Kartanegara's days and the Mini MPP outlets' days."""
    loads = [
        load_frames(con, SITES[0], "month", visitors, service),
        load_frames(con, SITES[1], "day", *kukar_frames(rng)),
    ]
    for site in SITES[2:]:
        loads.append(load_frames(con, site, "day", *mini_frames(rng, MINI_MPP[site.name][1])))
    return loads


def later_loads(
    con: duckdb.DuckDBPyConnection, actor: User, visitors: pd.DataFrame, service: pd.DataFrame
) -> list[int]:
    """Balikpapan's October sent late (one agency short) and Balangan with its member roster."""
    loads = [
        load_frames(con, SITES[0], "month", visitors.iloc[:0], balikpapan_october(service), "Oktober 2025")
    ]
    ensure_site(con, BALANGAN_SITE)
    balangan_roster(con, actor)
    loads.append(load_frames(con, BALANGAN_SITE, "month", *balangan_frames()))
    return loads
