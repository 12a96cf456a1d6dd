"""Demo satisfaction survey: synthetic raw answers whose exact index is what the seeds print.

With every respondent answering all nine unsur, IKM = 25 x S / (9 x N) for S the sum of all answers and
N the respondents. So 95,20 needs N a multiple of 125 (N = 500, S = 17.136) and 93,11 a multiple of
2.500 (N = 2.500, S = 83.799). The answers are generated per unsur with an exact column sum, so the
index is exactly the target, not merely rounded to it. Deterministic (numpy Generator seeded with 7).
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from mpp import calendar
from mpp.demo.visits import BALIKPAPAN, BALIKPAPAN_TOP_2025, KUKAR, KUKAR_WEIGHTS, split
from mpp.reference.agencies import ensure_agency
from mpp.store import ledger
from mpp.survey.skm import AGE_BANDS, UNSUR

# (site, first day, last day, respondents, sum of all answers): the seeds' two figures exactly, and a
# neighbouring year or two so the trend has something to show.
SURVEYS = [
    (BALIKPAPAN, date(2024, 1, 1), date(2024, 12, 31), 500, 17136),  # 95,20 exactly
    (BALIKPAPAN, date(2025, 1, 1), date(2025, 9, 30), 450, 15490),  # 95,62
    (KUKAR, date(2023, 2, 1), date(2023, 12, 31), 2500, 83799),  # 93,11 exactly
    (KUKAR, date(2024, 1, 1), date(2024, 12, 31), 2700, 91150),  # 93,78
]
# How much each unsur falls short of 4: waiting time and facilities draw the complaints, cost the
# fewest (most services are free).
SHORTFALL = {"U1": 10, "U2": 11, "U3": 16, "U4": 4, "U5": 10, "U6": 9, "U7": 8, "U8": 14, "U9": 12}
SEXES = ("Laki-laki", "Perempuan")
EDUCATION = ("SD", "SMP", "SMA", "D3", "S1", "S2 ke atas")
OCCUPATIONS = ("PNS/TNI/POLRI", "Pegawai Swasta", "Wiraswasta", "Pelajar/Mahasiswa", "Lainnya")
BALIKPAPAN_SKM_WEIGHTS = {**BALIKPAPAN_TOP_2025, "Samsat": 3000, "Imigrasi": 2500, "KPP Pratama": 1500}


def unsur_column(rng, n: int, total: int) -> np.ndarray:
    """n answers on 1-4 that sum exactly to total: all 4, then one tenth of the shortfall taken as
    answers of 2 and the rest as answers of 3, at random respondents."""
    shortfall = 4 * n - total
    twos = shortfall // 10
    ones = shortfall - 2 * twos
    if not 0 <= twos + ones <= n:
        raise ValueError(f"{total} is not reachable with {n} answers of 2-4")
    column = np.full(n, 4)
    chosen = rng.choice(n, twos + ones, replace=False)
    column[chosen[:twos]] = 2
    column[chosen[twos:]] = 3
    return column


def answers(rng, n: int, total: int) -> pd.DataFrame:
    """n respondents' nine answers with the sum of all answers exactly total."""
    short = split(9 * 4 * n - total, list(SHORTFALL.values()))
    return pd.DataFrame(
        {code.lower(): unsur_column(rng, n, 4 * n - int(s)) for code, s in zip(UNSUR, short, strict=True)}
    )


def _working_days(first: date, last: date) -> list[date]:
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return [d for d in days if calendar.is_working_day(d, 5)]


def respondents(rng, site: str, first: date, last: date, n: int, total: int) -> pd.DataFrame:
    """The synthetic respondents of one survey: agency, day, demographics and answers."""
    weights = BALIKPAPAN_SKM_WEIGHTS if site == BALIKPAPAN else KUKAR_WEIGHTS
    agencies = list(weights)
    probs = np.array(list(weights.values()), dtype=float) / sum(weights.values())
    days = _working_days(first, last)
    frame = pd.DataFrame(
        {
            "agency": rng.choice(agencies, n, p=probs),
            "day": sorted(rng.choice(np.array(days, dtype=object), n)),
            "respondent": [f"{first.year}-{i + 1:05d}" for i in range(n)],
            "sex": rng.choice(SEXES, n),
            "age_band": rng.choice([label for *_, label in AGE_BANDS], n, p=[0.05, 0.3, 0.3, 0.2, 0.1, 0.05]),
            "education": rng.choice(EDUCATION, n, p=[0.05, 0.1, 0.4, 0.1, 0.3, 0.05]),
            "occupation": rng.choice(OCCUPATIONS, n),
        }
    )
    return pd.concat([frame, answers(rng, n, total)], axis=1)


def _load(con: duckdb.DuckDBPyConnection, site_id: int, site: str, frame: pd.DataFrame) -> int:
    record = ledger.LoadRecord(
        file_name=f"demo SKM: {site}",
        sha256=hashlib.sha256(f"demo-skm/{site}".encode()).hexdigest(),
        layout="demo",
        measure="skm",
        site=site,
        period_from=frame["day"].min(),
        period_to=frame["day"].max(),
        loaded_by="demo",
        note="Data demo sintetis / synthetic demo data",
    )
    load_id = ledger.record_load(con, record)
    ids = {name: ensure_agency(con, name) for name in frame["agency"].unique()}
    frame = frame.assign(site_id=site_id, agency_id=frame["agency"].map(ids))
    ledger.write_facts(con, load_id, skm_responses=frame)
    return load_id


def build(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Write the demo survey into an open store (inside the caller's transaction), one load per site.
    The sites must exist already (mpp.demo.build makes them first)."""
    rng = np.random.default_rng(7)
    loads = []
    for site in dict.fromkeys(s[0] for s in SURVEYS):
        frame = pd.concat([respondents(rng, *s) for s in SURVEYS if s[0] == site], ignore_index=True)
        site_id = con.execute("SELECT site_id FROM sites WHERE name = ?", [site]).fetchall()[0][0]
        loads.append(_load(con, site_id, site, frame))
    return loads
