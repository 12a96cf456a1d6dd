"""The column mappings saved per site, on the upload page (where analysts meet them): listed, renamed,
deleted, downloaded as JSON for another office, and imported from such a file.

    ui.saved_mappings(user, options)   # an expander, closed until opened

An imported file is read by loaders.mapping.from_json (size and depth capped, every field checked);
what it refuses is shown as a problem, never as a traceback. A downloaded file holds no text a
spreadsheet would run as a formula: such a column name is written with a leading apostrophe, which
header matching ignores.
"""

from __future__ import annotations

import re

import streamlit as st

from loaders import mapping as mappings
from loaders.model import ColumnMapping, FileRefused
from mpp.reference.mappings import MappingRefused, SavedMapping, saved
from ui.base import flash, read, t, write
from ui.page import site_names
from ui.tables import show_table
from ui.text import plain


def saved_mappings(user, options) -> None:
    with st.expander(t("cm_saved_title")):
        st.caption(t("cm_saved_intro"))
        rows = read(saved, None)
        if rows:
            listing(rows)
            manage(rows, user)
        else:
            st.caption(t("cm_none_saved"))
        import_form(user, options)


def readable(row: SavedMapping) -> ColumnMapping | None:
    try:
        return mappings.from_json(row.spec, row.name)
    except FileRefused:  # saved by an older version: listed, not offered for download
        return None


def listing(rows: list[SavedMapping]) -> None:
    specs = [readable(r) for r in rows]
    table = {t("cm_col_site"): [r.site for r in rows], t("cm_col_name"): [r.name for r in rows]}
    if any(m and m.sheet for m in specs):  # a mapping made on the command line may name its sheet
        table[t("cm_col_sheet")] = [(m.sheet or "") if m else "" for m in specs]
    table[t("cm_col_header")] = [" | ".join(m.header) if m else "" for m in specs]
    show_table(table)


def manage(rows: list[SavedMapping], user) -> None:
    """One saved mapping picked: renamed, deleted or downloaded."""
    labels = [f"{r.site} · {r.name}" for r in rows]
    at = st.selectbox(t("cm_pick"), range(len(rows)), format_func=lambda i: labels[i], key="cm_manage_pick")
    picked = rows[at or 0]
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    new = left.text_input(t("cm_new_name"), value=picked.name, key=f"cm_new_name_{picked.site}_{picked.name}")
    if right.button(t("cm_rename"), key="cm_rename"):
        changed(mappings.rename, picked.site, picked.name, new, user, said=t("cm_renamed", name=plain(new)))
    found = readable(picked)
    left, right, _ = st.columns([1, 1, 2])  # the two buttons side by side, at the left
    if found is not None:
        left.download_button(
            t("cm_download"),
            mappings.shared_json(found),
            file_name=f"pemetaan_{slug(picked.site)}_{slug(picked.name)}.json",
            mime="application/json",
            key="cm_download",
        )
    if right.button(t("cm_delete"), key="cm_delete"):
        changed(
            mappings.delete, picked.site, picked.name, user, said=t("cm_deleted", name=plain(picked.name))
        )


def changed(func, *args, said: str) -> None:
    """A rename or delete written; what the store refuses (a name taken) is said, not raised."""
    try:
        write(func, *args)
    except (MappingRefused, FileRefused) as refused:
        st.error(refusal_text(refused), icon="🚫")
        return
    flash(said)
    st.rerun()


def refusal_text(refused: Exception) -> str:
    if isinstance(refused, FileRefused):
        return " ".join(plain(p.message) for p in refused.problems)
    return plain(str(refused))


def import_form(user, options) -> None:
    """A mapping file from this or another office, saved for the site picked (the one in the
    upload options unless another is chosen)."""
    st.markdown(f"**{t('cm_import')}**")
    upload = st.file_uploader(
        t("cm_import"), type=["json"], key="cm_import_file", label_visibility="collapsed"
    )
    sites = site_names()
    site = st.selectbox(
        t("cm_import_site"),
        sites,
        index=sites.index(options.site) if options.site in sites else None,
        placeholder=t("cm_pick_site"),
        key="cm_import_site",
    )
    pressed = st.button(t("cm_import_button"), key="cm_import", disabled=upload is None or site is None)
    if not pressed or upload is None or site is None:
        return
    try:
        found = mappings.from_json(upload.getvalue(), upload.name)
        write(mappings.save_imported, site, found, user)  # an import never replaces a mapping
    except (FileRefused, MappingRefused) as refused:
        st.error(t("cm_import_refused", file=plain(upload.name), reason=refusal_text(refused)), icon="🚫")
        return
    flash(t("cm_imported", name=plain(found.name), site=plain(site)))
    st.rerun()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "pemetaan"
