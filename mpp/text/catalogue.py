"""Interface text, Indonesian first with English beside. Each area keeps its own table in mpp/text/;
here they are merged into one, so a translation is one row and every string is found by one key.

A new area is one import and one entry in AREAS; a key defined by two areas stops the import."""

from __future__ import annotations

from collections.abc import Mapping

from mpp.text.admin import ADMIN_TEXT, SITE_TEXT, UPLOAD_TEXT
from mpp.text.charts import CHART_TEXT
from mpp.text.checker import CHECKER_TEXT
from mpp.text.common import COMMON_TEXT
from mpp.text.english import ENGLISH_TEXT
from mpp.text.estimate import ESTIMATE_TEXT
from mpp.text.events import EVENTS_TEXT
from mpp.text.exports import EXPORT_TEXT
from mpp.text.lake import LAKE_TEXT
from mpp.text.layout import LAYOUT_TEXT
from mpp.text.mapping import MAPPING_TEXT
from mpp.text.mapping_page import MAPPING_PAGE_TEXT
from mpp.text.navigation import NAVIGATION_TEXT
from mpp.text.pages import PAGE_TEXT
from mpp.text.periods import PERIOD_TEXT
from mpp.text.press import PRESS_TEXT
from mpp.text.problems import PROBLEM_TEXT
from mpp.text.regions import REGION_TEXT
from mpp.text.report import REPORT_TEXT
from mpp.text.review import REVIEW_TEXT
from mpp.text.statement import STATEMENT_TEXT
from mpp.text.store import STORE_TEXT
from mpp.text.survey import SKM_TEXT
from mpp.text.upkeep import UPKEEP_TEXT
from mpp.text.visits import VISITS_TEXT

LANGS = ("id", "en")

Table = Mapping[str, tuple[str, str]]

AREAS: dict[str, Table] = {
    "common": COMMON_TEXT,  # the app title, sidebar, overview cards
    "navigation": NAVIGATION_TEXT,  # the page names in the sidebar's menu
    "pages": PAGE_TEXT,  # the analysis pages: agencies, trends, growth, channels, sites
    "press": PRESS_TEXT,  # the press statement page and draft checker
    "statement": STATEMENT_TEXT,  # the sentences of the press statement itself
    "admin": ADMIN_TEXT,  # login and accounts
    "upload": UPLOAD_TEXT,  # the upload and history pages
    "sites": SITE_TEXT,  # sites and their members
    "survey": SKM_TEXT,  # the satisfaction page and survey labels
    "review": REVIEW_TEXT,  # month in review, coverage, periods
    "periods": PERIOD_TEXT,  # measures, period choices, quarters
    "visits": VISITS_TEXT,  # words inside the visit figures
    "exports": EXPORT_TEXT,  # the title block of an export
    "checker": CHECKER_TEXT,  # the draft checker's verdicts and causes
    "mapping": MAPPING_TEXT,  # column mappings: teaching a sheet's columns once
    "mapping_page": MAPPING_PAGE_TEXT,  # the column mapping form and saved mappings on the upload page
    "charts": CHART_TEXT,  # the source line under a chart's title, years compared, axes
    "english": ENGLISH_TEXT,  # words the English interface needed: prose percent, upload widget, copy
    "report": REPORT_TEXT,  # the monthly report: PDF, workbook, the Laporan page
    "problems": PROBLEM_TEXT,  # the loaders' problem codes in words
    "estimate": ESTIMATE_TEXT,  # the year-end estimate: its prose, its card, and its checks in a draft
    "events": EVENTS_TEXT,  # events on the timeline: launches, openings, outages
    "layout": LAYOUT_TEXT,  # print footer, page measures, sites without data, growth wording
    "lake": LAKE_TEXT,  # the shared store: --db and --data-path, `lake push`
    "regions": REGION_TEXT,  # sites by province and kabupaten/kota, the regional roll-up, coverage per site
    "upkeep": UPKEEP_TEXT,  # `lake upkeep`: the shared store's nightly maintenance
    "store": STORE_TEXT,  # the store's own refusals: a shared store's backup, an account already there
}


class DuplicateKey(ValueError):
    """Two areas define the same key: one would silently replace the other's text."""


def merged(areas: Mapping[str, Table]) -> dict[str, tuple[str, str]]:
    """One table of every area's keys; a key found in two areas raises DuplicateKey naming both."""
    text: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    for area, table in areas.items():
        for key, pair in table.items():
            if key in text:
                raise DuplicateKey(f"text key {key!r} is defined in both {owner[key]!r} and {area!r}")
            text[key], owner[key] = pair, area
    return text


TEXT = merged(AREAS)


def t(key: str, lang: str = "id", **values) -> str:
    """The text for key in lang, with {placeholders} filled in."""
    text = TEXT[key][LANGS.index(lang) if lang in LANGS else 0]
    return text.format(**values) if values else text
