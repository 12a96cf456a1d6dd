"""Events of the demo sites, as the seed articles name them (the day where an article gives one):

- MPP Kota Balikpapan: the online queue "penerapan sistem antrean online" behind the 2025 rise (the
  article of 27 October 2025 gives no day; the demo figures jump in January 2025, so the first working
  day of 2025), and the evaluation of its 2023 performance by the Ministry of Investment (BKPM) with
  the DPMPTSP of all Kalimantan, 16-17 October 2024;
- MPP Kabupaten Kutai Kartanegara: "resmi beroperasi pada bulan Februari 2023" (the demo's first day);
- the Mini MPP outlets of Kutai Kartanegara, "Tahun 2026 kami targetkan sudah mulai diluncurkan": each
  outlet's opening on the day its demo figures start;
- MPP Kabupaten Balangan: the agreement with 18 agencies signed on Thursday 27 November 2025, and the
  mall's first day of service (the demo's, December 2025).
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb

from mpp import calendar
from mpp.access.accounts import User
from mpp.demo.visits import BALANGAN, BALANGAN_OPENED, BALIKPAPAN, KUKAR, KUKAR_OPENED, MINI_MPP
from mpp.reference import events

ONLINE_QUEUE = date(2025, 1, 2)


def first_working_day(day: date) -> date:
    """The day an outlet whose first month is `day`'s first served (1 January is a holiday)."""
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


DEMO_EVENTS = [  # site, day, label, kind
    (KUKAR, KUKAR_OPENED, "MPP Kutai Kartanegara resmi beroperasi", "opening"),
    (BALIKPAPAN, date(2024, 10, 16), "Evaluasi kinerja MPP oleh Kementerian Investasi/BKPM", "other"),
    (BALIKPAPAN, ONLINE_QUEUE, "Antrean online diluncurkan", "launch"),
    (BALANGAN, date(2025, 11, 27), "Perjanjian kerja sama 18 instansi ditandatangani", "other"),
    (BALANGAN, BALANGAN_OPENED, "MPP Balangan mulai melayani", "opening"),
    *[
        (outlet, first_working_day(opened), f"Mini MPP {kecamatan} dibuka", "opening")
        for outlet, (kecamatan, opened) in MINI_MPP.items()
    ],
]


def build(con: duckdb.DuckDBPyConnection, actor: User) -> list[int]:
    """Put the seed articles' events on the demo sites' timelines; returns their ids."""
    return [events.add(con, actor, site, day, label, kind) for site, day, label, kind in DEMO_EVENTS]
