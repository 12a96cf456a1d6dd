"""The upload page's parts: options, previews kept per file and options, the report of one file with
every problem, a mapping form for each unknown agency and one for its unknown ticket statuses; and the
press page's uploaded draft."""

from __future__ import annotations

import hashlib
from typing import Literal

import streamlit as st

from loaders import upload
from loaders.load import Options
from mpp import fmt
from mpp.press.checker.draft_file import read_draft
from mpp.reference.ticket_statuses import MEANINGS
from ui.base import lang, read, t, write
from ui.page import site_names
from ui.tables import show_table
from ui.text import plain

# The ways out of a problem (loaders.model.WAY_OUTS) that are fields of the upload options.
OPTION_WAY_OUTS = ("site", "year", "block", "agency", "sum_duplicates")


def upload_options():
    """The options an analyst may give when a file does not say its site, year, block or agency, or
    gives a figure twice; open when a file checked last needs one of them. The ticket statuses mapped
    in a file's form (session "statuses") ride along until the page is left."""
    with st.expander(t("upload_options"), expanded=st.session_state.get("options_needed", False)):
        names = site_names()
        site = st.selectbox(t("site"), [None, *names], format_func=lambda s: s or t("site_from_file"))
        new_site = st.text_input(t("new_site")).strip()
        year = st.number_input(t("year"), min_value=2015, max_value=2100, value=None, step=1)
        block = st.text_input(t("block")).strip()
        agencies = read(upload.canonical_names)
        agency = st.selectbox(
            t("whole_file_agency"), [None, *agencies], format_func=lambda a: a or t("agency_from_file")
        )
        sum_duplicates = st.checkbox(t("sum_duplicates"))
        statuses = _mapped_statuses()
    return Options(
        site=new_site or site,
        year=int(year) if year else None,
        block=block or None,
        agency=agency,
        sum_duplicates=sum_duplicates,
        statuses=statuses,
        guarded=True,
    )


def _mapped_statuses() -> dict[str, str]:
    """The status meanings given in the forms below, shown with a way to take them back (they are
    saved to the store only when a file loads)."""
    mapped = dict(st.session_state.get("statuses", {}))
    if mapped:
        said = ", ".join(f"'{plain(w)}' = {t('status_meaning_' + m)}" for w, m in mapped.items())
        st.caption(t("statuses_mapped", statuses=said))
        if st.button(t("forget_statuses")):
            st.session_state["statuses"] = {}
            st.rerun()
    return mapped


def preview_uploads(files, options) -> dict:
    """Dry-run every file once per (bytes, options, alias version), with progress while reading."""
    cache = st.session_state.setdefault("previews", {})
    progress = st.progress(0.0)
    reports = {}
    for i, file in enumerate(files, 1):
        data = file.getvalue()
        key = (hashlib.sha256(data).hexdigest(), repr(options), st.session_state.get("aliases", 0))
        progress.progress((i - 1) / len(files), text=t("reading", name=plain(file.name), i=i, n=len(files)))
        if key not in cache:
            cache[key] = write(upload.preview, file.name, data, options)
        reports[file.name] = cache[key]
    progress.progress(1.0, text=t("read_done", n=len(files)))
    needed = any(p.way_out in OPTION_WAY_OUTS for report in reports.values() for p in report.problems)
    if needed != st.session_state.get("options_needed", False):
        st.session_state["options_needed"] = needed
        if needed:
            st.rerun()  # the options above open, showing the fields the problems name
    return reports


@st.cache_data(max_entries=8, show_spinner=False)
def draft_text(data: bytes, name: str) -> str:
    """An uploaded press draft's text, read once per file: a .docx is read in a guarded child
    (~0,5 s); a refusal (DraftRefused) is not cached and is shown again on each run."""
    return read_draft(data, name)


def forget_previews() -> None:
    st.session_state["previews"] = {}


def upload_report(report, user) -> None:
    """One file: what was recognised, its figures per agency, every problem with sheet and cell,
    and a mapping form for each unknown agency."""
    status: Literal["error", "complete"] = "error" if not report.ok else "complete"
    with st.status(
        f"{plain(report.file_name)}: {t('outcome_' + report.outcome)}", state=status, expanded=True
    ):
        _report_summary(report)
        if report.problems:
            _problems_table(report.problems)
        _agency_mapping(report, user)
        _status_mapping(report)
        for note in report.notes:
            st.caption(f"{t('notes')}: {plain(note)}")


def load_result(report) -> None:
    """What "Muat" did to one file: a success with its load number, or, when the load was refused
    after all (a write that failed and was rolled back), an error with every problem."""
    if report.ok:
        st.success(
            t(
                "loaded_result",
                name=plain(report.file_name),
                outcome=t("result_" + report.outcome),
                load=report.load_id,
            )
        )
        return
    st.error(t("load_refused", name=plain(report.file_name)), icon="🚫")
    _problems_table(report.problems)


def _report_summary(report) -> None:
    """What was recognised, as one line of labelled facts, and the figures per agency."""
    facts = [
        (t("layout"), report.layout_title if report.layout else fmt.NO_DATA),
        (t("site"), plain(report.site) if report.site else fmt.NO_DATA),
        (t("col_period"), report.period.label(lang()) if report.period else fmt.NO_DATA),
    ]
    survey = (report.layout or "").startswith("skm_")  # respondents (or indices), no visits
    if survey:
        facts.append((t("skm_rows_" + report.layout), fmt.number(report.rows)))
    else:
        facts += [
            (t("service_visits"), fmt.number(report.total)),
            (t("visitors_total"), fmt.number(report.visitors) if report.visitors else fmt.NO_DATA),
        ]
    st.markdown(" · ".join(f"{label}: **{value}**" for label, value in facts))
    if report.agency_totals and not survey:
        agencies, visits = zip(*report.agency_totals, strict=True)
        right = st.column_config.TextColumn(alignment="right")
        show_table(
            {t("agency"): agencies, t("service_visits"): [fmt.number(v) for v in visits]},
            column_config={t("service_visits"): right},
        )


def _problems_table(problems) -> None:
    st.markdown(f"**{t('problems', n=len(problems))}**")
    show_table(
        {
            t("col_code"): [p.code for p in problems],
            t("col_sheet"): [p.sheet or "" for p in problems],
            t("col_cell"): [p.cell or "" for p in problems],
            t("col_message"): [problem_text(p) for p in problems],
        }
    )


def problem_text(problem) -> str:
    """What is wrong, and the way out in this page's terms (its fields, not the command line's)."""
    if not problem.way_out:
        return problem.message
    way_out = t(
        "way_out_" + problem.way_out,
        options=t("upload_options"),
        subject=problem.subject or "",
        agency=t("whole_file_agency"),
        sum=t("sum_duplicates"),
    )
    return f"{problem.message} {way_out}"


def _agency_mapping(report, user) -> None:
    unknown = upload.unknown_agencies(report)
    if not unknown:
        return
    canonical = read(upload.canonical_names)
    for spelling, near in unknown:
        with st.form(f"map_{report.file_name}_{spelling}"):
            choices = [*near, upload.NEW_AGENCY, *[c for c in canonical if c not in near]]
            pick = st.selectbox(
                t("map_agency", name=plain(spelling)),
                choices,
                format_func=lambda c: t("as_new_agency") if c == upload.NEW_AGENCY else c,
            )
            if st.form_submit_button(t("save_mapping")):
                if pick == upload.NEW_AGENCY:
                    write(upload.add_agency, user, spelling)
                else:
                    write(upload.map_agency, user, spelling, pick)
                st.session_state["aliases"] = st.session_state.get("aliases", 0) + 1
                st.toast(t("mapping_saved"))
                st.rerun()


def _status_mapping(report) -> None:
    """One form for every ticket status the table does not know: what each word means (no meaning
    chosen for the analyst), then the file is checked again with them; they are saved with the load,
    as --status does on the command line."""
    unknown = upload.unknown_statuses(report)
    if not unknown:
        return
    with st.form(f"statuses_{report.file_name}"):
        st.markdown(f"**{t('status_form')}**")
        picks = {
            word: st.selectbox(
                t("status_means", word=plain(word), n=fmt.number(tickets)),
                MEANINGS,
                index=None,
                format_func=lambda m: t("status_meaning_" + m),
                placeholder=t("status_pick"),
                key=f"status_{report.file_name}_{word}",
            )
            for word, tickets in unknown
        }
        if st.form_submit_button(t("check_statuses")):
            chosen = {word: meaning for word, meaning in picks.items() if meaning}
            if chosen:
                st.session_state["statuses"] = st.session_state.get("statuses", {}) | chosen
                st.rerun()
            st.warning(t("status_none_chosen"))
