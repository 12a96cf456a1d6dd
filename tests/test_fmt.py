"""Indonesian formatting: what every page, export and press text prints."""

from datetime import date

import pytest

from mpp import fmt
from mpp.period import Period


@pytest.mark.parametrize(
    "value, text",
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (6814, "6.814"),
        (41481, "41.481"),
        (29158, "29.158"),
        (1234567, "1.234.567"),
        (-4434, "-4.434"),
        (None, "–"),
        (float("nan"), "–"),
    ],
)
def test_whole_numbers_group_thousands_with_a_dot(value, text):
    assert fmt.number(value) == text


def test_decimals_use_a_comma():
    assert fmt.number(95.2, 2) == "95,20"
    assert fmt.number(93.11, 2) == "93,11"
    assert fmt.number(1234.5, 1) == "1.234,5"


@pytest.mark.parametrize(
    "value, table, prose",
    [
        (24.846, "24,8%", "24,8 persen"),
        (19.2512, "19,3%", "19,3 persen"),
        (9.7365, "9,7%", "9,7 persen"),
        (100, "100,0%", "100,0 persen"),
    ],
)
def test_percent_in_tables_and_in_prose(value, table, prose):
    assert fmt.percent(value) == table
    assert fmt.percent(value, prose=True) == prose


def test_signed_percent_shows_direction():
    assert fmt.signed_percent(92.257) == "+92,3%"
    assert fmt.signed_percent(-4.06) == "-4,1%"
    assert fmt.signed_percent(0.01) == "0,0%"
    assert fmt.signed_percent(None) == "–"


MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_name(month):
    assert fmt.month_label(date(2025, month, 1)) == f"{MONTHS[month - 1]} 2025"
    assert (
        fmt.month_label(date(2025, month, 1), short=True).split()[0]
        == ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"][month - 1]
    )


def test_english_month_names():
    assert fmt.month_label(date(2025, 7, 1), "en") == "July 2025"


@pytest.mark.parametrize(
    "start, end, label",
    [
        (date(2025, 1, 1), date(2025, 9, 1), "Januari-September 2025"),
        (date(2025, 7, 1), date(2025, 7, 1), "Juli 2025"),
        (date(2024, 1, 1), date(2024, 12, 1), "Januari-Desember 2024"),
        (date(2024, 10, 1), date(2025, 3, 1), "Oktober 2024-Maret 2025"),
    ],
)
def test_period_labels(start, end, label):
    assert Period(start, end).label() == label


def test_short_period_label():
    assert Period(date(2024, 1, 1), date(2024, 9, 1)).label(short=True) == "Jan-Sep 2024"


def test_pandas_missing_values_read_as_a_dash():
    """An Int64 column's missing figure (pd.NA) is 'no data', not a crash in Babel."""
    import pandas as pd

    assert fmt.number(pd.NA) == fmt.NO_DATA and fmt.percent(pd.NA) == fmt.NO_DATA


@pytest.mark.parametrize(
    "value, digits, indonesian, english",
    [(41481, 0, "41.481", "41,481"), (92.257, 1, "92,3", "92.3"), (1234.5, 2, "1.234,50", "1,234.50")],
)
def test_english_numbers_use_english_marks(value, digits, indonesian, english):
    """English text writes 41,481 and 92.3; Indonesian, the default, keeps 41.481 and 92,3."""
    assert fmt.number(value, digits) == indonesian
    assert fmt.number(value, digits, lang="id") == indonesian
    assert fmt.number(value, digits, lang="en") == english


def test_english_percents():
    assert fmt.percent(24.846, lang="en") == "24.8%"
    assert fmt.percent(24.846, prose=True, lang="en") == "24.8 percent"
    assert fmt.percent(24.846, prose=True) == "24,8 persen"
    assert fmt.signed_percent(92.257, lang="en") == "+92.3%"
    assert fmt.signed_percent(-4.06, lang="en") == "-4.1%"
    assert fmt.number(None, lang="en") == fmt.NO_DATA
