"""The sidebar's choice of sites. One office (up to regions.FEW_SITES sites) picks from one flat list,
as always. A store of many sites (a province, a ministry) is chosen by region first: a province, a
kabupaten/kota in it (each only where there is more than one to choose from), then sites within it, or
"semua lokasi di provinsi X" as one choice. Every choice is kept in the URL (?province=, ?kabkota=,
?all_sites=1, ?site=) like the rest of the selection."""

from __future__ import annotations

import streamlit as st

from mpp import fmt
from mpp.reference.regions import UNKNOWN, Area, grouped, provinces, regencies, region_frame, sites_in
from mpp.reference.sites import list_sites
from mpp.text import catalogue as i18n
from ui.base import lang, read, t
from ui.state import recall, recall_all, remember
from ui.text import plain

EVERY = "*"  # the URL's word for "every province" / "every kabupaten/kota"


def sites_grouped() -> bool:
    """Whether the store has so many sites that the sidebar chooses them by region first."""
    return grouped(read(list_sites))


def sites_of_area(area: Area) -> list[str]:
    """The names of the area's sites, grouped by province, then kabupaten/kota."""
    return sites_in(region_frame(read(list_sites)), area)


def choose_sites() -> tuple[tuple[str, ...], Area]:
    """The sites the reader chose, and the area they were chosen in (Area(): every site)."""
    sites = region_frame(read(list_sites))
    names = list(sites["name"])
    if not grouped(sites):
        wanted = [s for s in recall_all("site") if s in names] or names[:1]
        chosen = tuple(st.sidebar.multiselect(t("sites"), names, default=wanted) or wanted)
        remember("site", list(chosen))
        return chosen, Area()
    area = _area_choice(sites, names)
    return _sites_in_area(sites_in(sites, area), area, names[0]), area


def _area_choice(sites, names: list[str]) -> Area:
    """The province (when there are several), then the kabupaten/kota (when it has several; every
    province's together would be a list of hundreds, so only within a province)."""
    wanted = next((s for s in recall_all("site") if s in names), names[0] if names else None)
    home = sites.loc[sites["name"] == wanted, "province"]
    options = provinces(sites)
    province = _region_box("province", options, home.iloc[0] if len(home) else EVERY, "all_provinces")
    if province is None:
        remember("kabkota", None)
        return Area()
    regencies_there = regencies(sites, province)
    regency = _region_box("kabkota", regencies_there, EVERY, "all_regencies")
    if len(regencies_there) == 1:
        regency = None  # the only kabupaten/kota of the province: the province is the area
    return Area(province, regency)


def _region_box(key: str, options: list[str], default: str, every: str) -> str | None:
    """A province or kabupaten/kota box (None: every one), shown only with more than one to choose."""
    if len(options) < 2:
        remember(key, None)
        return options[0] if options else None
    asked = recall(key)
    chosen = asked if asked in options or asked == EVERY else default
    language = lang()
    values = [EVERY, *options]
    picked = st.sidebar.selectbox(
        t(f"region_{key}"),
        values,
        index=values.index(chosen) if chosen in values else 0,
        format_func=lambda v: _region_label(v, every, key, language),
    )
    remember(key, picked)
    return None if picked == EVERY else picked


def _region_label(value: str, every: str, key: str, language: str) -> str:
    if value == EVERY:
        return i18n.t(f"region_{every}", language)
    return value if value != UNKNOWN else i18n.t(f"region_unknown_{key}", language)


def area_name(area: Area) -> str:
    """'provinsi Kalimantan Timur', 'Kabupaten Kutai Kartanegara', 'semua provinsi' as a label reads."""
    if area.kabupaten_kota is not None:
        return _region_label(area.kabupaten_kota, "all_regencies", "kabkota", lang())
    if area.province is not None:
        return t("region_in_province", province=_region_label(area.province, "", "province", lang()))
    return t("region_everywhere")


def _sites_in_area(names: list[str], area: Area, home: str) -> tuple[str, ...]:
    """Every site of the area as one choice, or some of them (at first the office's own site, `home`,
    when it is in the area, else the area's first)."""
    whole = st.sidebar.toggle(
        t("region_all_sites", area=plain(area_name(area)), n=fmt.number(len(names), lang=lang())),
        value=recall("all_sites") == "1",
    )
    remember("all_sites", "1" if whole else None)
    if whole:
        return tuple(names)
    wanted = [s for s in recall_all("site") if s in names] or ([home] if home in names else names[:1])
    chosen = tuple(st.sidebar.multiselect(t("sites"), names, default=wanted) or wanted)
    remember("site", list(chosen))
    return chosen
