"""The demo data set rebuilt from the seed articles: visits (visits.py), the satisfaction survey
(survey.py) and the events the articles name (events.py), written by `build` in one transaction."""

from __future__ import annotations

import duckdb
import numpy as np

from mpp.access.accounts import User, require
from mpp.demo import events, survey, visits
from mpp.demo.visits import BALANGAN, BALIKPAPAN, BALIKPAPAN_VISITORS, KUKAR, LATE_AGENCY, MINI_MPP, SITES
from mpp.store.db import set_setting, transaction

__all__ = [
    "BALANGAN",
    "BALIKPAPAN",
    "BALIKPAPAN_VISITORS",
    "KUKAR",
    "LATE_AGENCY",
    "MINI_MPP",
    "SITES",
    "build",
]


def build(con: duckdb.DuckDBPyConnection, actor: User) -> list[int]:
    """Write the demo data set into an open store (admins: the command line, or SYSTEM on a new
    dashboard's first start), one load per site and survey, in one transaction."""
    require(actor, "admin")
    rng = np.random.default_rng(42)
    with transaction(con):
        visitors, service = visits.balikpapan_frames(rng)
        loads = visits.opening_loads(con, rng, visitors, service)
        loads += survey.build(con)
        loads += visits.later_loads(con, actor, visitors, service)
        events.build(con, actor)
        if not con.execute("SELECT 1 FROM settings WHERE key = 'default_site'").fetchall():
            set_setting(con, "default_site", BALIKPAPAN)  # (an office's own choice stays)
    return loads
