"""The frame of every page: page config, account box and language switch, the role a page needs, and
the shared sidebar (sites, measure, period) kept in the URL so a link reproduces the view, and in the
session so it survives moving to another page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from mpp import fmt
from mpp.period import PERIOD_KINDS, Measure, Period, period_name, period_of
from mpp.reference.regions import Area
from mpp.reference.sites import demo_sites, list_sites
from mpp.text import catalogue as i18n
from mpp.visits import metrics
from mpp.visits.overview import default_through, headline_measure
from ui.auth import account_box, current_user, login_required, require_role
from ui.base import flash, lang, page_style, print_footer, read, t
from ui.navigation import through_the_menu
from ui.review import provisional_notice
from ui.site_picker import choose_sites
from ui.state import recall, remember, restore_url
from ui.tables import export_info
from ui.text import plain_all

EVERY_SITE = Area()  # the area of a flat list of sites: every province


@dataclass(frozen=True)
class Selection:
    sites: tuple[str, ...]
    through: date | None  # the last month of the period; None = no data
    measure: Measure  # visitors or service visits
    period: Period | None = None  # the chosen period (year to date by default), ending at `through`
    include_partial: bool = False  # the reader asked to include provisional months ("sementara")
    area: Area = EVERY_SITE  # the province / kabupaten/kota the sites were chosen in (Area(): every site)


def page_setup(title_key: str, role: str = "viewer", must_log_in: bool = False):
    """Every page starts here: page config, the account box, and the role the page needs (viewers
    read without logging in unless MPP_LOGIN_REQUIRED=1 or must_log_in). Returns the user, if any."""
    through_the_menu()
    st.set_page_config(page_title=f"{i18n.t(title_key, lang())} · Pantau MPP", page_icon="📊", layout="wide")
    page_style()
    restore_url()
    st.sidebar.markdown("### Pantau MPP")
    asks_login = role != "viewer" or must_log_in or login_required()
    if current_user() or not asks_login:  # a page that asks for a login shows its own form
        account_box()
    _language_switch()
    return require_role(role, must_log_in)


def _language_switch() -> None:
    choice = st.sidebar.radio(
        t("language"),
        i18n.LANGS,
        index=i18n.LANGS.index(lang()),
        format_func=lambda code: i18n.t(f"language_{code}"),
        horizontal=True,
    )
    if choice != lang():
        remember("lang", choice)
        st.rerun()
    if recall("lang"):  # a language from the URL is kept for the next page too
        remember("lang", lang())


def site_names() -> list[str]:
    return list(read(list_sites)["name"])


# Format functions bind the language when the widget is made: AppTest formats values outside the run.
def _measure_choice(sites: tuple[str, ...]) -> Measure:
    """Visitors or service visits, kept like the sites; only measures with data."""
    options = [m for m in Measure if read(metrics.latest_month, sites, m) is not None]
    if len(options) < 2:
        return options[0] if options else read(headline_measure, sites)
    asked = recall("measure")
    default = read(headline_measure, sites).value if asked not in [m.value for m in options] else asked
    language = lang()
    choice = st.sidebar.radio(
        t("measure"),
        options,
        index=[m.value for m in options].index(default),
        format_func=lambda m: m.label(language).capitalize(),
    )
    remember("measure", choice.value)
    return choice


def _partial_choice(sites: tuple[str, ...]) -> bool:
    """Offer to include the provisional months only when there are some after the latest complete one."""
    complete, latest = read(default_through, sites), read(default_through, sites, True)
    if latest is None or (complete is not None and latest <= complete):
        return False
    before = recall("partial") == "1"
    included = st.sidebar.toggle(
        t("include_partial"),
        value=before,
        help=t("include_partial_help", month=fmt.month_label(latest, lang())),
    )
    remember("partial", "1" if included else None)
    if included and not before:  # asked for them: show the newest month
        remember("through", None)
    return included


def _period_options(kind: str, first: date, last: date) -> list[Period]:
    """The periods of a kind that end by `last` (the latest usable month), newest first."""
    found = []
    for month in reversed(Period(first, last).month_starts()):
        period = period_of(kind, month, date(month.year, 1, 1))
        if period.end <= last and period not in found:
            found.append(period)
    return found


def _period_choice(sites: tuple[str, ...], measure: Measure, include_partial: bool) -> Period | None:
    first, last = read(metrics.first_month, sites, measure), read(default_through, sites, include_partial)
    if first is None or last is None or last < first:
        return None
    asked, language = recall("period"), lang()
    kind = st.sidebar.selectbox(
        t("period_kind"),
        PERIOD_KINDS,
        index=PERIOD_KINDS.index(asked if asked in PERIOD_KINDS else "year_to_date"),
        format_func=lambda kind: i18n.t(f"period_kind_{kind}", language),
    )
    remember("period", kind)
    options = _period_options(kind, first, last) or _period_options("year_to_date", first, last)
    through = recall("through")
    index = next((i for i, p in enumerate(options) if p.end.strftime("%Y-%m") == through), 0)
    named = kind in ("quarter", "semester", "year")
    period = st.sidebar.selectbox(
        t("period_" + kind) if named else t("through"),
        options,
        index=index,
        format_func=lambda p: period_name(p, language) if named else fmt.month_label(p.end, language),
    )
    remember("through", period.end.strftime("%Y-%m"))
    if kind == "custom":
        period = _custom_start(first, period)
    remember("from", period.start.strftime("%Y-%m") if kind == "custom" else None)
    return period


def _custom_start(first: date, period: Period) -> Period:
    starts = Period(first, period.end).month_starts()
    asked = recall("from")
    index = next(
        (i for i, m in enumerate(starts) if m.strftime("%Y-%m") == asked),
        starts.index(period.start) if period.start in starts else 0,
    )
    language = lang()
    start = st.sidebar.selectbox(
        t("from_month"),
        starts,
        index=index,
        format_func=lambda m: fmt.month_label(m, language),
    )
    return Period(start, period.end)


def sidebar(measure: Measure | None = None) -> Selection:
    """Sites, measure, provisional months and period, read from and written back to the URL query
    and the session (ui.state), so they survive a page change and a reload. A page that shows one
    measure only passes it: the sidebar then says so instead of offering a choice that would not
    apply (the reader's choice is kept for the other pages)."""
    sites, area = choose_sites()
    if measure is None:
        measure = _measure_choice(sites)
    else:
        st.sidebar.caption(t("measure_fixed", measure=measure.label(lang())))
    include_partial = _partial_choice(sites)
    period = _period_choice(sites, measure, include_partial)
    return Selection(sites, period.end if period else None, measure, period, include_partial, area)


def demo_notice(sites: tuple[str, ...]) -> None:
    """Say plainly when the figures on screen are demo data."""
    shown = read(demo_sites, sites)
    if shown:
        st.info(t("demo_notice", sites=plain_all(shown)), icon="ℹ️")


def figures_page(title_key: str, provisional: bool = True, measure: Measure | None = None) -> Selection:
    """How every page of figures opens: page setup, the sidebar's selection, the title, the demo notice,
    with `provisional` the notice of the provisional months included, and a plain stop when the chosen
    sites have no data; `measure` for a page of one measure only. Returns the selection, which then
    always has a period.

        selection = ui.figures_page("agencies")
    """
    page_setup(title_key)
    selection = sidebar(measure)
    st.title(t(title_key))
    demo_notice(selection.sites)
    if provisional:
        provisional_notice(selection)
    if selection.through is None:
        st.info(t("no_data"))
        st.stop()
    footer(selection)
    return selection


def footer(selection: Selection) -> None:
    """On paper only: site, period, measure, source and the date it was printed, at every page's foot."""
    assert selection.period is not None
    info = export_info(("", selection.period.label(lang()), selection.measure.label(lang())), selection.sites)
    print_footer(
        t(
            "print_footer",
            sites=info.sites,
            period=info.period,
            measure=info.measure,
            source=info.source,
            date=info.exported_at,
        )
    )


def pick(name: str, label: str, options: list, clicked=None, format_func=str):
    """A choice among `options` kept in the URL (`?agency=Disdukcapil`) and the session, restored
    from them; `clicked` (the option a click on a chart chose) switches it, a new click only: a
    chart keeps its selection over reruns, and must not undo a later choice in the box."""
    widget = f"pick-{name}"
    if new_click(name, clicked) in options:
        st.session_state[widget] = clicked
    if st.session_state.get(widget) not in options:
        asked = recall(name)
        st.session_state[widget] = asked if asked in options else options[0]
    chosen = st.selectbox(label, options, key=widget, format_func=format_func)
    remember(name, None if chosen == options[0] else chosen)  # the first needs no word in the URL
    return chosen


def new_click(name: str, clicked):
    """`clicked` when it differs from the click seen on the last run, else None (a chart keeps its
    selection over reruns: the same selection is no new choice)."""
    seen = f"click-{name}"
    fresh = clicked is not None and clicked != st.session_state.get(seen)
    st.session_state[seen] = clicked
    return clicked if fresh else None


def choose_site(site: str, message: str) -> None:
    """Make `site` the sidebar's selection, so every page shows it, and say so after the rerun (its
    own province and kabupaten/kota then, when the sites are chosen by region)."""
    remember("site", [site])
    for key in ("province", "kabkota", "all_sites"):
        remember(key, None)
    flash(message)
    st.rerun()


def card_row(name: str, n: int = 3):
    """n columns of cards that stay one row on a phone (style.css: st-key-cards-*), so a row of
    three figures takes one line of the first screen instead of three."""
    return st.container(key=f"cards-{name}").columns(n)
