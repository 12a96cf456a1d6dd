"""Indonesian numbers, percents, months and periods (PUEBI, BPS style). Every page, chart, export and
press text formats through here, so a figure reads the same everywhere: 41.481; 24,8 persen; Juli 2025.

English text takes `lang="en"` and writes numbers the English way (41,481; 24.8 percent): "41.481
visitors" reads as forty-one point something to an English reader. Indonesian stays the default, so
every caller that names no language writes exactly what it wrote before.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
from babel.numbers import format_decimal

from mpp.text.catalogue import t

MONTHS_ID = tuple(t(f"month_{m}") for m in range(1, 13))  # also the month words a draft may use
MONTHS_EN = tuple(t(f"month_{m}", "en") for m in range(1, 13))
NO_DATA = "–"
NUMBER_LOCALES = {"id": "id_ID", "en": "en_US"}  # thousands and decimal marks: 41.481,5 / 41,481.5


def _missing(value) -> bool:
    """None, NaN, and pandas' missing markers (pd.NA in an Int64 column: an agency without a
    figure for the month), which Babel cannot format."""
    return (
        value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))
    )


def number(value, digits: int = 0, lang: str = "id") -> str:
    """41481 -> '41.481'; 95.2 with digits=2 -> '95,20'; with lang='en' '41,481' and '95.20'.
    Missing values read as '–'."""
    if _missing(value):
        return NO_DATA
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=NUMBER_LOCALES.get(lang, "id_ID"))


def percent(value, digits: int = 1, prose: bool = False, lang: str = "id") -> str:
    """24.8123 -> '24,8%' in tables, '24,8 persen' in prose; lang='en': '24.8%', '24.8 percent'."""
    if _missing(value):
        return NO_DATA
    return number(value, digits, lang) + (" " + t("percent_word", lang) if prose else "%")


def signed_percent(value, digits: int = 1, lang: str = "id") -> str:
    """A change: '+42,3%', '-4,1%', '0,0%' (lang='en': '+42.3%')."""
    if _missing(value):
        return NO_DATA
    text = percent(abs(value), digits, lang=lang)
    if round(value, digits) == 0:
        return text
    return ("+" if value > 0 else "-") + text


def month_name(month: int, lang: str = "id", short: bool = False) -> str:
    return t(f"month_short_{month}" if short else f"month_{month}", lang)


def month_label(day: date, lang: str = "id", short: bool = False) -> str:
    """date(2025, 7, 1) -> 'Juli 2025' (short: 'Jul 2025')."""
    return f"{month_name(day.month, lang, short)} {day.year}"


def day_label(day: date, lang: str = "id") -> str:
    """date(2025, 11, 27) -> '27 November 2025'."""
    return f"{day.day} {month_name(day.month, lang)} {day.year}"


def span_label(start: date, end: date, lang: str = "id", short: bool = False) -> str:
    """The months from start to end inclusive: 'Juli 2025', 'Januari-September 2025',
    'Oktober 2024-Maret 2025' (short: 'Jan-Sep 2025')."""
    if (start.year, start.month) == (end.year, end.month):
        return month_label(start, lang, short)
    if start.year == end.year:
        return f"{month_name(start.month, lang, short)}-{month_name(end.month, lang, short)} {end.year}"
    return f"{month_label(start, lang, short)}-{month_label(end, lang, short)}"


def months_count(n: int, lang: str = "id") -> str:
    """12 -> '12 bulan'."""
    return t("months_count_one" if n == 1 else "months_count", lang, n=n)
