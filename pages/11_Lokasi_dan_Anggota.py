"""Lokasi dan Anggota: close or reopen a site's month ("tutup buku"), its member agencies with the days
they joined and left, its events on the timeline (ui/events.py), and a new site set up before its first file. Analysts and admins; the core
checks the role again. Names from data are shown as text (st.text, or escaped), never as Markdown."""

import streamlit as st

import ui
from loaders.upload import canonical_names
from mpp import fmt
from mpp.period import Measure
from mpp.reference import members, sites
from mpp.visits import coverage

user = ui.page_setup("site_setup", role="analyst")
st.title(ui.t("site_setup"))
st.caption(ui.t("site_setup_intro"))
ui.show_flash()
lang = ui.lang()


def saved(func, *args, **kwargs):
    """A write through the core; a refusal (bad dates, unknown agency, role) is shown, not raised."""
    try:
        return ui.write(func, *args, **kwargs)
    except (ValueError, PermissionError) as refused:
        st.error(ui.t("refused", reason=ui.plain(refused)))
        return None


known = ui.read(sites.list_sites)
names = list(known["name"])
asked = [s for s in st.query_params.get_all("site") if s in names]  # the site chosen elsewhere
site = st.selectbox(ui.t("site"), names, index=names.index(asked[0]) if asked else 0) if names else None
if site:
    about = ui.read(sites.site_of, site)
    place = ", ".join(p for p in (about.kecamatan, about.kabupaten_kota) if p)
    st.text(
        ui.t(
            "site_facts",
            kind=ui.t("kind_" + about.kind),
            place=place or ui.t("unknown"),
            opened=fmt.day_label(about.opened, lang) if about.opened else ui.t("unknown"),
            channels=", ".join(ui.t("channel_" + c) for c in about.channels or ()) or ui.t("unknown"),
        )
    )

    st.subheader(ui.t("coverage_title"))
    months, first = ui.read(coverage.closable_months, site)
    if not months:
        st.info(ui.t("no_months"))
    else:
        month = st.selectbox(
            ui.t("month"), months, index=months.index(first), format_func=lambda m: fmt.month_label(m, lang)
        )
        label = fmt.month_label(month, lang)
        found = ui.read(coverage.site_coverage, site, month)
        for measure, state in found.items():
            if state is None:
                st.text(f"{ui.measure_label(measure).capitalize()}: {ui.t('nothing_expected')}")
                continue
            done = "state_closed" if state.closed else "state_complete" if state.complete else "state_partial"
            st.text(
                f"{ui.measure_label(measure).capitalize()}: {coverage.coverage_text(state, lang)} · "
                f"{ui.t(done)}"
            )
            if state.missing and measure is Measure.SERVICE_VISITS:
                st.text(ui.t("not_reported", names=", ".join(state.missing)))
        closed = [m for m, s in found.items() if s is not None and s.closed]
        if (
            any(s is not None and s.reporting and not s.closed for s in found.values())
            and st.checkbox(ui.t("confirm_close", month=label), key=f"confirm-{site}-{month}")
            and st.button(ui.t("close_month", month=label), type="primary")
        ):
            load = saved(coverage.close_month, user, site, month)
            if load:
                ui.flash(ui.t("closed_done", month=label, site=ui.plain(site), load=load))
                st.rerun()
        if closed and st.button(ui.t("reopen_month", month=label)):
            load = saved(coverage.reopen_month, user, site, month)
            if load:
                ui.flash(ui.t("reopened_done", month=label, site=ui.plain(site), load=load))
                st.rerun()

    st.subheader(ui.t("members_title"))
    roster = ui.read(members.member_list, site)
    if roster.empty:
        st.info(ui.t("no_members"))
    else:
        day_text = lambda d: fmt.day_label(d.date(), lang) if d == d and d is not None else ""  # noqa: E731
        ui.show_table(
            {
                ui.t("agency"): roster["agency"],
                ui.t("col_joined"): roster["joined"].map(day_text),
                ui.t("col_left"): roster["left_on"].map(day_text),
                ui.t("col_added_by"): roster["added_by"],
            }
        )
    with st.form("add_member", clear_on_submit=True):
        st.markdown(f"**{ui.t('add_member')}**")
        agency = st.selectbox(ui.t("agency"), ui.read(canonical_names))
        new = st.text_input(ui.t("new_agency_name"))
        joined = st.date_input(ui.t("joined_on"), format="DD/MM/YYYY")
        if st.form_submit_button(ui.t("add_member")):
            name = saved(
                members.add_member, user, site, new.strip() or agency, joined, new_agency=bool(new.strip())
            )
            if name:
                day = fmt.day_label(joined, lang)
                ui.flash(ui.t("member_added", agency=ui.plain(name), site=ui.plain(site), day=day))
                st.rerun()
    current = list(roster.loc[roster["left_on"].isna(), "agency"]) if not roster.empty else []
    if current:
        with st.form("end_member"):
            st.markdown(f"**{ui.t('end_member')}**")
            agency = st.selectbox(ui.t("agency"), current)
            left = st.date_input(ui.t("left_on"), format="DD/MM/YYYY")
            if st.form_submit_button(ui.t("end_member")):
                name = saved(members.leave_member, user, site, agency, left)
                if name:
                    day = fmt.day_label(left, lang)
                    ui.flash(ui.t("member_left", agency=ui.plain(name), site=ui.plain(site), day=day))
                    st.rerun()

    ui.event_section(user, site)

st.subheader(ui.t("add_site"))
with st.form("add_site", clear_on_submit=True):
    name = st.text_input(ui.t("site_name"))
    kind = st.selectbox(ui.t("kind"), sites.KINDS, format_func=lambda k: ui.t("kind_" + k))
    kabupaten_kota = st.text_input(ui.t("kabupaten_kota"))
    kecamatan = st.text_input(ui.t("kecamatan"))
    province = st.text_input(ui.t("province"))
    zone = st.selectbox(ui.t("timezone"), ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"))
    mpps = list(known.loc[known["kind"] == "mpp", "name"]) if len(known) else []
    parent = st.selectbox(ui.t("parent"), [None, *mpps], format_func=lambda p: p or ui.t("no_parent"))
    opened = st.date_input(ui.t("opened"), value=None, format="DD/MM/YYYY")
    channels = st.multiselect(
        ui.t("site_channels"), sites.CHANNELS, format_func=lambda c: ui.t("channel_" + c)
    )
    if st.form_submit_button(ui.t("add_site")) and name.strip():
        new_site = sites.Site(
            name.strip(),
            kind,
            kabupaten_kota.strip() or None,
            kecamatan.strip() or None,
            province.strip() or None,
            zone,
            parent=parent,
            opened=opened,
            channels=tuple(channels) or None,
        )
        if saved(sites.add_site, user, new_site):
            ui.flash(ui.t("site_added", site=ui.plain(new_site.name)))
            st.rerun()
