"""The only Streamlit-aware shared module: the store on first start, cached reads, the shared sidebar
(kept in the URL so a link reproduces the view), and rendering helpers. Pages stay thin."""
from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import streamlit as st

from loaders import upload
from loaders.layouts import by_name
from loaders.load import Options
from mpp import accounts, db, demo, export, fmt, i18n, metrics
from mpp.db import StoreBusy
from mpp.overview import headline_measure
from mpp.period import Measure, Period
from mpp.sites import demo_sites, list_sites

READ_WAIT_SECONDS = 8.0


@st.cache_resource(show_spinner="Menyiapkan basis data…")
def _ensure_store(path: str) -> str:
    """Once per server start: create or upgrade the store (a new one gets the demo data), and with
    no account yet create `admin` with a one-time password printed to the server console."""
    is_new = not Path(path).exists()
    with db.connect(path) as con:
        if is_new:
            demo.build(con)
        password = accounts.bootstrap_admin(con)
    if password:
        print(f"[pantau-mpp] Akun admin pertama / first admin account: admin / {password} "
              "(sekali pakai: ganti saat masuk / one-time: change it at first login)", flush=True)
    return path


def store_path() -> str:
    return _ensure_store(str(db.db_path()))


def _version(path: str) -> tuple:
    """Changes whenever a load commits, so cached results never outlive the data they came from."""
    files = [Path(path), Path(path + ".wal")]
    return tuple(f.stat().st_mtime_ns if f.exists() else 0 for f in files)


@st.cache_data(ttl=600, max_entries=1000, show_spinner=False)
def _cached(function: str, path: str, version: tuple, args: tuple, kwargs: tuple):
    module, name = function.rsplit(".", 1)
    func = getattr(importlib.import_module(module), name)
    with db.connect(path, read_only=True, wait=READ_WAIT_SECONDS) as con:
        return func(con, *args, **dict(kwargs))


def read(func, *args, **kwargs):
    """Call a core function `func(con, *args, **kwargs)` on a short read-only connection, cached
    until the store changes. A store busy for longer than we wait gets a message, not a traceback."""
    path = store_path()
    try:
        return _cached(f"{func.__module__}.{func.__name__}", path, _version(path), args,
                       tuple(sorted(kwargs.items())))
    except StoreBusy:
        st.warning(i18n.t("busy", lang()))
        st.stop()


def lang() -> str:
    return st.query_params.get("lang", "id") if st.query_params.get("lang") in i18n.LANGS else "id"


def t(key: str, **values) -> str:
    return i18n.t(key, lang(), **values)


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


def _site_names() -> list[str]:
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
    names = _site_names()
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
        st.info(t("demo_notice", sites=", ".join(shown)), icon="ℹ️")


def plotly(fig) -> None:
    st.plotly_chart(fig, config={"displaylogo": False, "locale": "id"})


def measure_label(measure: Measure) -> str:
    return measure.label(lang())


def agency_table(shares, top: int | None = None) -> None:
    """Agencies with service visits and share, formatted on the server (41.481; 24,8%)."""
    table = shares.table.head(top) if top else shares.table
    shown = {t("agency"): table["agency"],
             t("service_visits"): table["visits"].map(fmt.number),
             t("share"): table["share"].map(fmt.percent)}
    right = st.column_config.TextColumn(alignment="right")
    st.dataframe(shown, hide_index=True, column_config={t("service_visits"): right, t("share"): right})


def table(frame, columns, name: str, about: tuple[str, str, str], sites) -> None:
    """A table formatted on the server, with CSV and XLSX downloads of the very same figures.
    `about` is (title, period label, measure label) for the XLSX title block."""
    shown = export.display(frame, columns, lang())
    right = st.column_config.TextColumn(alignment="right")
    config = {c.label: right for c in columns if c.kind not in ("text", "month")}
    wide = st.column_config.TextColumn(width="large")     # long agency names read whole
    config |= {c: wide for c in shown.columns if c not in config and shown[c].str.len().max() > 40}
    st.dataframe(shown, hide_index=True, column_config=config,
                 height=min(38 + 35 * len(shown), 600) if len(shown) else "auto")
    row = st.container(horizontal=True)
    row.download_button("CSV", export.to_csv(frame, columns, lang()), f"{name}.csv", "text/csv",
                         key=f"csv-{name}", icon=":material/download:", on_click="ignore")
    info = export_info(about, sites)
    row.download_button("XLSX", lambda: export.to_xlsx(frame, columns, info, lang()), f"{name}.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        key=f"xlsx-{name}", icon=":material/download:", on_click="ignore")


def export_info(about: tuple[str, str, str], sites):
    known = read(list_sites)
    zone = next(iter(known.loc[known["name"].isin(list(sites)), "timezone"]), "Asia/Jakarta")
    title, period, measure = about
    return export.ExportInfo(title, ", ".join(sites), period, measure, read(export.data_sources, tuple(sites)),
                             export.exported_at(datetime.now(timezone.utc), zone, lang()))


def chart(fig, name: str) -> None:
    """A chart with a PNG download, drawn by kaleido only when someone asks for it."""
    plotly(fig)
    st.download_button("PNG", lambda: export.to_png(fig), f"{name}.png", "image/png", key=f"png-{name}",
                       icon=":material/image:", on_click="ignore")


# --- Accounts: who is using the page, and what they may do -------------------------------------------
# Viewers may read without logging in unless MPP_LOGIN_REQUIRED=1; a login lasts MPP_SESSION_HOURS.

def _session_hours() -> float:
    return float(os.environ.get("MPP_SESSION_HOURS", "8"))


def login_required() -> bool:
    return os.environ.get("MPP_LOGIN_REQUIRED", "0") == "1"


def _sso_configured() -> bool:
    """An office with an OIDC identity provider sets [auth] in .streamlit/secrets.toml."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def _sso_user():
    """The account of the identity-provider login, by its e-mail; None when there is none."""
    if not (_sso_configured() and st.user.is_logged_in and st.user.get("email")):
        return None
    return write(accounts.oidc_user, st.user.get("email"))


def current_user():
    """The logged-in user, or None (also when the login has expired)."""
    if "user" not in st.session_state and (sso := _sso_user()):
        st.session_state.update(user=sso, login_at=datetime.now(), must_change=False)
    user, since = st.session_state.get("user"), st.session_state.get("login_at")
    if user and since and datetime.now() - since > timedelta(hours=_session_hours()):
        st.session_state.pop("user", None)
        st.toast(t("session_expired"))
        return None
    return user


def write(func, *args, **kwargs):
    """Call a writing core function `func(con, *args)` on a short read-write connection. The core
    checks the role itself; a busy store gets a message, not a traceback."""
    try:
        with db.connect(store_path()) as con:
            return func(con, *args, **kwargs)
    except StoreBusy:
        st.warning(t("busy"))
        st.stop()


def _login_form(where, key: str) -> None:
    if _sso_configured():
        where.button(t("log_in_sso"), key=key + "_sso", on_click=st.login)
    with where.form(key, clear_on_submit=True):
        name = st.text_input(t("username"))
        password = st.text_input(t("password"), type="password")
        if st.form_submit_button(t("log_in")):
            try:
                user = write(accounts.authenticate, name.strip(), password)
            except accounts.LoginRefused as refused:
                st.error(str(refused))
                return
            from datetime import datetime
            must_change = write(accounts.must_change_password, user.username)
            st.session_state.update(user=user, login_at=datetime.now(), must_change=must_change)
            st.rerun()


def account_box() -> None:
    """Sidebar: who is logged in and a log-out button, or the login form."""
    user = current_user()
    if user:
        st.sidebar.caption(t("logged_in_as", user=user.username, role=t("role_" + user.role)))
        if st.sidebar.button(t("log_out")):
            st.session_state.pop("user", None)
            if _sso_configured() and st.user.is_logged_in:
                st.logout()
            st.rerun()
    else:
        _login_form(st.sidebar.expander(t("log_in")), "login_sidebar")


def require_role(role: str, must_log_in: bool = False):
    """At the top of a page that needs a role: the user, or a login prompt and stop."""
    user = current_user()
    if user is None and role == "viewer" and not (login_required() or must_log_in):
        return None
    if user is None or not user.can(role):
        st.warning(t("needs_role", role=t("role_" + role)))
        if user is None:
            _login_form(st, "login_page")
        st.stop()
    if st.session_state.get("must_change"):
        change_password_form(user, first_login=True)
        st.stop()
    return user


def change_password_form(user, first_login: bool = False) -> None:
    """A one-time password must be replaced before anything else is shown."""
    if first_login:
        st.info(t("change_one_time_password"))
    with st.form("change_password", clear_on_submit=True):
        new = st.text_input(t("new_password"), type="password")
        again = st.text_input(t("new_password_again"), type="password")
        if st.form_submit_button(t("change_password")):
            if new != again:
                st.error(t("passwords_differ"))
                return
            try:
                write(accounts.change_password, user, user.username, new)
            except ValueError as bad:
                st.error(str(bad))
                return
            st.session_state["must_change"] = False
            st.success(t("password_changed"))
            st.rerun()


def loads_table(loads) -> None:
    """The ledger as an analyst reads it: Indonesian periods, numbers and statuses."""
    period = [fmt.span_label(a, b, lang()) if pd.notna(a) and pd.notna(b) else fmt.NO_DATA
              for a, b in zip(loads["period_from"], loads["period_to"])]
    shown = {t("col_load"): loads["load_id"], t("col_when"): loads["loaded_at"].dt.strftime("%d-%m-%Y %H:%M"),
             t("col_who"): loads["loaded_by"], t("col_file"): loads["file_name"],
             t("col_layout"): loads["layout"].map(_layout_title), t("site"): loads["site"],
             t("col_period"): period,
             t("col_rows"): loads["rows"].map(fmt.number), t("col_total"): loads["total"].map(fmt.number),
             t("col_status"): loads["status"].map(lambda s: t("status_" + s))}
    right = st.column_config.TextColumn(alignment="right")
    st.dataframe(shown, hide_index=True, column_config={t("col_rows"): right, t("col_total"): right})


def undo_preview_table(preview) -> None:
    """Slices the undo changes; people entering are listed under the measure's name."""
    agency = [f"{a or ''} {t('skm_respondents_row')}".strip() if m == "skm_respondents"
              else a if isinstance(a, str) else t("visitors_row")
              for m, a in zip(preview["measure"], preview["agency"])]
    shown = {t("site"): preview["site"], t("agency"): agency,
             t("month"): preview["month"].map(lambda m: fmt.month_label(m, lang())),
             t("now"): preview["value"].map(fmt.number),
             t("after_undo"): preview["value_after"].map(fmt.number)}
    right = st.column_config.TextColumn(alignment="right")
    st.dataframe(shown, hide_index=True, column_config={t("now"): right, t("after_undo"): right})


# --- Upload: options, previews kept per file and options, the report of one file --------------------

def upload_options():
    """The options an analyst may give when a file does not say its site, year or block."""
    with st.expander(t("upload_options")):
        names = _site_names()
        site = st.selectbox(t("site"), [None, *names], format_func=lambda s: s or t("site_from_file"))
        new_site = st.text_input(t("new_site")).strip()
        year = st.number_input(t("year"), min_value=2015, max_value=2100, value=None, step=1)
        block = st.text_input(t("block")).strip()
    return Options(site=new_site or site, year=int(year) if year else None, block=block or None,
                   guarded=True)


def preview_uploads(files, options) -> dict:
    """Dry-run every file once per (bytes, options, alias version), with progress while reading."""
    cache = st.session_state.setdefault("previews", {})
    progress = st.progress(0.0)
    reports = {}
    for i, file in enumerate(files, 1):
        data = file.getvalue()
        key = (hashlib.sha256(data).hexdigest(), repr(options), st.session_state.get("aliases", 0))
        progress.progress((i - 1) / len(files), text=t("reading", name=file.name, i=i, n=len(files)))
        if key not in cache:
            cache[key] = write(upload.preview, file.name, data, options)
        reports[file.name] = cache[key]
    progress.progress(1.0, text=t("read_done", n=len(files)))
    return reports


def forget_previews() -> None:
    st.session_state["previews"] = {}


def upload_report(report, user) -> None:
    """One file: what was recognised, its figures per agency, every problem with sheet and cell,
    and a mapping form for each unknown agency."""
    status = "error" if not report.ok else "complete"
    with st.status(f"{report.file_name}: {t('outcome_' + report.outcome)}", state=status,
                   expanded=True):
        _report_summary(report)
        if report.problems:
            _problems_table(report.problems)
        _agency_mapping(report, user)
        for note in report.notes:
            st.caption(f"{t('notes')}: {note}")


def _report_summary(report) -> None:
    """What was recognised, as one line of labelled facts, and the figures per agency."""
    facts = [(t("layout"), report.layout_title if report.layout else fmt.NO_DATA),
             (t("site"), report.site or fmt.NO_DATA),
             (t("col_period"), report.period.label(lang()) if report.period else fmt.NO_DATA)]
    survey = (report.layout or "").startswith("skm_")     # respondents (or indices), no visits
    if survey:
        facts.append((t("skm_rows_" + report.layout), fmt.number(report.rows)))
    else:
        facts += [(t("service_visits"), fmt.number(report.total)),
                  (t("visitors_total"), fmt.number(report.visitors) if report.visitors else fmt.NO_DATA)]
    st.markdown(" · ".join(f"{label}: **{value}**" for label, value in facts))
    if report.agency_totals and not survey:
        agencies, visits = zip(*report.agency_totals)
        right = st.column_config.TextColumn(alignment="right")
        st.dataframe({t("agency"): agencies, t("service_visits"): [fmt.number(v) for v in visits]},
                     hide_index=True, column_config={t("service_visits"): right})


def _problems_table(problems) -> None:
    st.markdown(f"**{t('problems', n=len(problems))}**")
    st.dataframe({t("col_code"): [p.code for p in problems], t("col_sheet"): [p.sheet or "" for p in problems],
                  t("col_cell"): [p.cell or "" for p in problems],
                  t("col_message"): [p.message for p in problems]}, hide_index=True)


def _agency_mapping(report, user) -> None:
    unknown = upload.unknown_agencies(report)
    if not unknown:
        return
    canonical = read(upload.canonical_names)
    for spelling, near in unknown:
        with st.form(f"map_{report.file_name}_{spelling}"):
            choices = [*near, upload.NEW_AGENCY, *[c for c in canonical if c not in near]]
            pick = st.selectbox(t("map_agency", name=spelling), choices,
                                format_func=lambda c: t("as_new_agency") if c == upload.NEW_AGENCY else c)
            if st.form_submit_button(t("save_mapping")):
                if pick == upload.NEW_AGENCY:
                    write(upload.add_agency, user, spelling)
                else:
                    write(upload.map_agency, user, spelling, pick)
                st.session_state["aliases"] = st.session_state.get("aliases", 0) + 1
                st.toast(t("mapping_saved"))
                st.rerun()


def _layout_title(name: str) -> str:
    try:
        return by_name(name).TITLE
    except StopIteration:            # demo data and survey loads have no layout module
        return name


def flash(message: str) -> None:
    """A success message that survives the st.rerun() after a write."""
    st.session_state["flash"] = message


def show_flash() -> None:
    if "flash" in st.session_state:
        st.success(st.session_state.pop("flash"))
