"""The frame of every page: page config, account box and language switch, the role a page needs, and
the shared sidebar (sites, measure, month) kept in the URL so a link reproduces the view."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from mpp import fmt, i18n, metrics
from mpp.overview import headline_measure
from mpp.period import Measure, Period
from mpp.sites import demo_sites, list_sites
from ui.auth import account_box, current_user, login_required, require_role
from ui.base import lang, read, t
from ui.text import plain_all


@dataclass(frozen=True)
class Selection:
    sites: tuple[str, ...]
    through: date | None       # the last month of the year-to-date period; None = latest with data
    measure: Measure | None = None   # visitors or service visits; None = the sites' headline measure


def page_setup(title_key: str, role: str = "viewer", must_log_in: bool = False):
    """Every page starts here: page config, the account box, and the role the page needs (viewers
    read without logging in unless MPP_LOGIN_REQUIRED=1 or must_log_in). Returns the user, if any."""
    st.set_page_config(page_title=f"{i18n.t(title_key, lang())} · Pantau MPP", page_icon="📊",
                       layout="wide")
    st.sidebar.markdown("### Pantau MPP")
    asks_login = role != "viewer" or must_log_in or login_required()
    if current_user() or not asks_login:     # a page that asks for a login shows its own form
        account_box()
    _language_switch()
    return require_role(role, must_log_in)


def _language_switch() -> None:
    choice = st.sidebar.radio(t("language"), i18n.LANGS, index=i18n.LANGS.index(lang()),
                              format_func={"id": "Bahasa Indonesia", "en": "English"}.get,
                              horizontal=True)
    if choice != lang():
        st.query_params["lang"] = choice
        st.rerun()


def site_names() -> list[str]:
    return list(read(list_sites)["name"])


def _measure_choice(sites: tuple[str, ...]) -> Measure:
    """Visitors or service visits, kept in the URL like site and month; only measures with data."""
    options = [m for m in Measure if read(metrics.latest_month, sites, m) is not None]
    if len(options) < 2:
        return options[0] if options else read(headline_measure, sites)
    asked = st.query_params.get("measure")
    default = read(headline_measure, sites).value if asked not in [m.value for m in options] else asked
    choice = st.sidebar.radio(t("measure"), options, index=[m.value for m in options].index(default),
                              format_func=lambda m: m.label(lang()).capitalize())
    st.query_params["measure"] = choice.value
    return choice


def _month_options(sites: tuple[str, ...], measure: Measure) -> list[date]:
    """Months with data for these sites, newest first."""
    first, last = read(metrics.first_month, sites, measure), read(metrics.latest_month, sites, measure)
    if first is None:
        return []
    return list(reversed(Period(first, last).month_starts()))


def sidebar() -> Selection:
    """Sites, measure and month, read from and written back to the URL query parameters."""
    names = site_names()
    wanted = [s for s in st.query_params.get_all("site") if s in names] or names[:1]
    sites = st.sidebar.multiselect(t("sites"), names, default=wanted)
    sites = tuple(sites or wanted)
    st.query_params["site"] = list(sites)
    measure = _measure_choice(sites)
    months = _month_options(sites, measure)
    asked = st.query_params.get("through")
    index = next((i for i, m in enumerate(months) if m.strftime("%Y-%m") == asked), 0)
    through = st.sidebar.selectbox(t("through"), months, index=index,
                                   format_func=lambda m: fmt.month_label(m, lang())) if months else None
    if through:
        st.query_params["through"] = through.strftime("%Y-%m")
    return Selection(sites, through, measure)


def demo_notice(sites: tuple[str, ...]) -> None:
    """Say plainly when the figures on screen are demo data."""
    shown = read(demo_sites, sites)
    if shown:
        st.info(t("demo_notice", sites=plain_all(shown)), icon="ℹ️")
