from datetime import date

from mpp import calendar


def test_holidays_and_cuti_bersama_are_not_working_days():
    assert not calendar.is_working_day(date(2025, 8, 18))  # cuti bersama after 17 Agustus (Mon)
    assert not calendar.is_working_day(date(2025, 3, 31))  # Idulfitri
    assert calendar.holiday_name(date(2025, 3, 31)) is not None
    assert calendar.is_working_day(date(2025, 8, 19))


def test_saturday_works_only_on_a_six_day_week():
    saturday = date(2025, 7, 5)
    assert not calendar.is_working_day(saturday, 5) and calendar.is_working_day(saturday, 6)


def test_working_days_in_a_month():
    assert calendar.working_days(date(2025, 7, 1), date(2025, 7, 31)) == 23
