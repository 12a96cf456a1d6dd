"""A month a recap gives as 0 for every agency ('-' typed ahead for a month not yet reported): found,
and left out of the load only when the analyst says it is not yet reported."""

from datetime import date

from loaders.load import Options, ingest
from loaders.pipeline import parse_file
from loaders.zero_months import leave_out, zero_months
from mpp.access.accounts import COMMAND_LINE
from tests.layout_files import yearly_recap

SITE = "MPP Kota Samarinda"
TITLE = "REKAP KUNJUNGAN MPP KOTA SAMARINDA TAHUN 2025"
MARCH = date(2025, 3, 1)
RECAP = yearly_recap({"DISDUKCAPIL": [100, 0, "-"], "Samsat": [5, 6, "-"]}, title=TITLE)


def parsed(data: bytes, **options):
    return parse_file("rekap.xlsx", data, Options(guarded=False, **options))[1]


def test_a_month_of_zero_for_every_agency_is_found_and_one_agency_at_zero_is_not():
    found = parsed(RECAP)
    assert found.zero_months == [MARCH]  # February has Samsat's 6
    assert zero_months(found.service) == [MARCH]


def test_a_month_not_yet_reported_is_left_out_and_noted():
    found = parsed(RECAP, unreported_months=(MARCH,))
    assert found.zero_months == [MARCH]  # still asked about: the answer can change
    assert sorted({d.month for d in found.service["day"]}) == [1, 2]
    assert "bulan belum dilaporkan, tidak dimuat: Maret 2025" in found.notes


def test_a_month_with_any_figure_is_never_left_out():
    found = parsed(RECAP)
    assert leave_out(found, (date(2025, 2, 1),)) is found


def test_the_load_leaves_the_month_out_so_coverage_sees_it_missing(store):
    options = Options(site=SITE, actor=COMMAND_LINE, unreported_months=(MARCH,))
    report = ingest(store, "rekap.xlsx", RECAP, options)
    assert report.ok and report.zero_months == [MARCH] and report.period.end == date(2025, 2, 1)
    months = store.execute("SELECT DISTINCT day FROM service_visits ORDER BY 1").fetchall()
    assert [d for (d,) in months] == [date(2025, 1, 1), date(2025, 2, 1)]
