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


def test_quarters_semesters_and_the_period_of_each_kind():
    from mpp.period import kind_of, period_name, period_of, quarter, semester

    sep = date(2025, 9, 1)
    assert quarter(2025, 3) == Period(date(2025, 7, 1), date(2025, 9, 1))
    assert semester(2025, 2) == Period(date(2025, 7, 1), date(2025, 12, 1))
    assert period_of("month", sep) == Period.month(sep)
    assert period_of("quarter", sep) == quarter(2025, 3)
    assert period_of("semester", date(2025, 6, 1)) == semester(2025, 1)
    assert period_of("year_to_date", sep) == Period.year_to_date(sep)
    assert period_of("year", sep) == Period.full_year(2025)
    assert period_of("custom", sep, date(2025, 4, 1)) == Period(date(2025, 4, 1), sep)
    assert [
        kind_of(period_of(k, sep, date(2025, 4, 1)))
        for k in ("month", "quarter", "year_to_date", "year", "custom")
    ] == ["month", "quarter", "year_to_date", "year", "custom"]
    assert period_name(quarter(2025, 3)) == "Triwulan III 2025 (Juli-September 2025)"
    assert period_name(semester(2025, 1), "en") == "Half I 2025 (January-June 2025)"
    assert period_name(Period.year_to_date(sep)) == "Januari-September 2025"


def test_every_kind_is_compared_with_the_same_months_a_year_earlier():
    from mpp.period import PERIOD_KINDS, period_of

    for kind in PERIOD_KINDS:
        period = period_of(kind, date(2025, 8, 1), date(2025, 2, 1))
        base = period.shift_years(-1)
        assert base.months == period.months and base.start.month == period.start.month
