from datetime import date

import pytest

from mpp.period import Measure, Period, add_months


def test_year_to_date_and_its_base_a_year_earlier():
    period = Period.year_to_date(date(2025, 9, 17))
    assert (period.start, period.end, period.months) == (date(2025, 1, 1), date(2025, 9, 1), 9)
    assert period.shift_years(-1) == Period(date(2024, 1, 1), date(2024, 9, 1))


def test_full_year_is_twelve_months():
    assert Period.full_year(2024).months == 12 and Period.full_year(2024).is_full_year
    assert not Period.year_to_date(date(2025, 9, 1)).is_full_year


def test_last_day_of_a_period():
    assert Period.month(date(2024, 2, 1)).last_day == date(2024, 2, 29)
    assert Period.full_year(2025).last_day == date(2025, 12, 31)


def test_parse_and_iso():
    assert Period.parse("2025-01..2025-09").iso() == {"from": "2025-01", "to": "2025-09"}
    assert Period.parse("2025-07") == Period.month(date(2025, 7, 1))


def test_rejects_a_period_that_is_not_whole_months():
    with pytest.raises(ValueError):
        Period(date(2025, 1, 15), date(2025, 2, 1))
    with pytest.raises(ValueError):
        Period(date(2025, 3, 1), date(2025, 2, 1))


def test_add_months_crosses_years():
    assert add_months(date(2025, 11, 1), 3) == date(2026, 2, 1)
    assert add_months(date(2025, 1, 1), -1) == date(2024, 12, 1)


def test_measures_are_named_in_both_languages():
    assert Measure.VISITORS.label() == "pengunjung"
    assert Measure.SERVICE_VISITS.label() == "kunjungan layanan"
    assert Measure.SERVICE_VISITS.label("en") == "service visits"
