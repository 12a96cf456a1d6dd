"""Regions: the sites of a store grouped by province and kabupaten/kota. A province's DPMPTSP or a
ministry keeps hundreds of sites in one store, where one flat list of names is no choice at all: the
reader picks a province (and a kabupaten/kota) first, then sites within it. One office, or a regency
with its Mini MPP outlets, keeps one flat list (up to FEW_SITES sites).

    sites = region_frame(list_sites(con))
    provinces(sites)                                   # ['Kalimantan Selatan', 'Kalimantan Timur']
    sites_in(sites, Area("Kalimantan Timur", "Kota Balikpapan"))   # ['MPP Kota Balikpapan']
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

FEW_SITES = 10  # up to this many sites the sidebar offers one flat list, as for one office
UNKNOWN = ""  # the group of sites whose province (or kabupaten/kota) is not filled in


@dataclass(frozen=True)
class Area:
    """A province, or one kabupaten/kota of it; None is every one (UNKNOWN: not filled in)."""

    province: str | None = None
    kabupaten_kota: str | None = None


def region_frame(sites: pd.DataFrame) -> pd.DataFrame:
    """The sites (mpp.reference.sites.list_sites) with province and kabupaten_kota as text, UNKNOWN
    where not filled in, so a site without them is grouped (and chosen) like any other."""
    regions = sites[["province", "kabupaten_kota"]].astype("object")
    return sites.assign(**{c: regions[c].where(regions[c].notna(), UNKNOWN) for c in regions.columns})


def grouped(sites: pd.DataFrame) -> bool:
    """Whether the store has so many sites that they are chosen by region first."""
    return len(sites) > FEW_SITES


def provinces(sites: pd.DataFrame) -> list[str]:
    """The provinces of the sites, by name; UNKNOWN (sites without one) last."""
    return _names(sites["province"])


def regencies(sites: pd.DataFrame, province: str | None) -> list[str]:
    """The kabupaten/kota of a province's sites (of every site: None), by name; UNKNOWN last."""
    return _names(sites.loc[_in_province(sites, province), "kabupaten_kota"])


def _names(column: pd.Series) -> list[str]:
    return sorted(set(column), key=lambda name: (name == UNKNOWN, name))


def _in_province(sites: pd.DataFrame, province: str | None) -> pd.Series:
    return sites["province"].eq(province) if province is not None else pd.Series(True, index=sites.index)


def in_area(sites: pd.DataFrame, area: Area) -> pd.DataFrame:
    """The sites of the area, grouped: by province, then kabupaten/kota, then as the store lists them
    (the default site first, MPPs before Mini MPP outlets)."""
    inside = _in_province(sites, area.province)
    if area.kabupaten_kota is not None:
        inside &= sites["kabupaten_kota"].eq(area.kabupaten_kota)
    found = sites[inside]
    keys = found.assign(
        _province_unknown=found["province"].eq(UNKNOWN),
        _regency_unknown=found["kabupaten_kota"].eq(UNKNOWN),
        _listed=range(len(found)),
    )
    order = ["_province_unknown", "province", "_regency_unknown", "kabupaten_kota", "_listed"]
    ordered = keys.sort_values(order, kind="stable").drop(columns=[c for c in order if c.startswith("_")])
    return ordered


def sites_in(sites: pd.DataFrame, area: Area) -> list[str]:
    """The names of the area's sites, grouped as in_area orders them."""
    return list(in_area(sites, area)["name"])


def area_of(sites: pd.DataFrame, name: str) -> Area:
    """The province and kabupaten/kota of one site (Area() for a name the store does not know)."""
    found = sites[sites["name"] == name]
    if found.empty:
        return Area()
    return Area(found["province"].iloc[0], found["kabupaten_kota"].iloc[0])
