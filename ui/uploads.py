"""The upload page's parts: options, previews kept per file and options, the report of one file with
every problem, one form for all its unknown agencies (ui/agency_form.py), one for its unknown ticket
statuses and one for its months of 0; the load and what it did; and the press page's uploaded draft."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Literal

import streamlit as st

from loaders import upload
from loaders.load import Options
from mpp import fmt
from mpp.press.checker.draft_file import read_draft
from mpp.reference.ticket_statuses import MEANINGS
from mpp.text.catalogue import TEXT
from ui.agency_form import WHOLE_FILE_AGENCY, agency_form, take_pending_agency
from ui.base import lang, read, t, write
from ui.page import site_names
from ui.tables import show_table, text_table
from ui.text import plain

# The ways out of a problem (loaders.model.WAY_OUTS) that are fields of the upload options.
OPTION_WAY_OUTS = ("site", "year", "block", "agency", "sum_duplicates")
# A zero-width space after each '_' of a code lets a narrow column (a phone) wrap it; it reads as
# the code. Tests take it out again (tests/apptest.py problems_shown).
WRAP = "\u200b"
ZERO_ANSWERS = ["not_reported", "real"]  # a month of 0 for every agency is...: text zero_month_<answer>


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
        take_pending_agency()
        agency = st.selectbox(
            t("whole_file_agency"),
            [None, *agencies],
            format_func=lambda a: a or t("agency_from_file"),
            key=WHOLE_FILE_AGENCY,
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


def file_key(file) -> tuple[str, str]:
    """A file as the page tells files apart: its name and the sha256 of its bytes (hashed once per
    upload), so a corrected file sent under the same name is another file."""
    digests = st.session_state.setdefault("digests", {})
    if file.file_id not in digests:
        digests[file.file_id] = hashlib.sha256(file.getvalue()).hexdigest()
    return file.name, digests[file.file_id]


def forget_gone(files) -> None:
    """What the page remembers of files no longer in the uploader (their hashes, what "Muat" did
    to them) is dropped: a file sent again is checked afresh."""
    ids = {file.file_id for file in files or []}
    digests = st.session_state.setdefault("digests", {})
    for gone in [i for i in digests if i not in ids]:
        del digests[gone]
    shown = {file_key(file) for file in files or []}
    loaded = st.session_state.setdefault("loaded", {})
    for gone in [k for k in loaded if k not in shown]:
        del loaded[gone]


def file_options(options: Options, file) -> Options:
    """The options of one file: the page's, with the months of 0 answered "not yet reported" for
    this file (an answer about March in one file says nothing about March in another)."""
    return replace(options, unreported_months=unreported_months(file_key(file)[1]))


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
        given = file_options(options, file)
        key = (file_key(file)[1], repr(given), st.session_state.get("aliases", 0))
        progress.progress((i - 1) / len(files), text=t("reading", name=plain(file.name), i=i, n=len(files)))
        if key not in cache:
            cache[key] = write(upload.preview, file.name, file.getvalue(), given)
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


def upload_report(file, report, user, options: Options | None = None) -> None:
    """One file: what was recognised (or, when refused, the options given), its figures per agency,
    every problem with sheet and cell, one form for all its unknown agencies, and the question of
    months given as 0 for every agency. A file just loaded says what the load did instead."""
    loaded = just_loaded(file, report)
    status: Literal["error", "complete"] = "error" if not report.ok else "complete"
    label = f"{plain(report.file_name)}: {t('outcome_' + report.outcome)}"
    if loaded is not None and loaded.ok:
        outcome = t("result_" + loaded.outcome)
        label = t("loaded_status", name=plain(report.file_name), outcome=outcome, load=loaded.load_id)
    with st.status(label, state=status, expanded=True):
        if loaded is not None:
            load_result(loaded)
        _report_summary(loaded if loaded is not None and loaded.ok else report, options)
        if report.problems and (loaded is None or loaded.problems != report.problems):  # not twice
            _problems_table(report.problems)
        agency_form(report, user)
        _status_mapping(report)
        if loaded is None or not loaded.ok:
            _zero_months(report, file_key(file)[1])
        for note in (loaded if loaded is not None and loaded.ok else report).notes:  # not 'same as load N'
            st.caption(f"{t('notes')}: {plain(note)}")


def ready_to_load(file, report) -> bool:
    """A file the load button loads: checked, not yet loaded, every month of 0 answered."""
    unanswered = unanswered_zero_months(report, file_key(file)[1])
    return report.ok and report.outcome != "unchanged" and not unanswered


def load_files(files, reports, options, user) -> None:
    """Load each ready file, keep what each load did for its report, and check the files again:
    their reports then say what happened and the button has nothing left to load."""
    loaded = st.session_state.setdefault("loaded", {})
    for file in files:
        if ready_to_load(file, reports[file.name]):
            given = file_options(options, file)
            loaded[file_key(file)] = write(upload.load, user, file.name, file.getvalue(), given)
    forget_previews()
    st.rerun()


def just_loaded(file, report):
    """What "Muat" did to this file (these bytes under this name) in this session, while the page
    still shows it: its check after the load finds it loaded (same load), or the load was refused."""
    loaded = st.session_state.get("loaded", {}).get(file_key(file))
    if loaded is None or (loaded.ok and loaded.load_id != report.load_id):
        return None
    return loaded


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


def _report_summary(report, options: Options | None = None) -> None:
    """What was recognised, as one line of labelled facts, and the figures per agency; a refused
    file, of which nothing was recognised, shows the options given for it instead of dashes."""
    if not report.ok:
        _given_options(report, options)
        return
    facts = [
        (t("layout"), report.layout_title if report.layout else fmt.NO_DATA),
        (t("site"), plain(report.site) if report.site else fmt.NO_DATA),
        (t("col_period"), report.period.label(lang()) if report.period else fmt.NO_DATA),
    ]
    survey = (report.layout or "").startswith("skm_")  # respondents (or indices), no visits
    if survey:
        facts.append((t("skm_rows_" + report.layout), fmt.number(report.rows, lang=lang())))
    else:
        facts += [
            (t("service_visits"), fmt.number(report.total, lang=lang())),
            (
                t("visitors_total"),
                fmt.number(report.visitors, lang=lang()) if report.visitors else fmt.NO_DATA,
            ),
        ]
    st.markdown(" · ".join(f"{label}: **{value}**" for label, value in facts))
    if report.agency_totals and not survey:
        agencies, visits = zip(*report.agency_totals, strict=True)
        right = st.column_config.TextColumn(alignment="right")
        show_table(
            {t("agency"): agencies, t("service_visits"): [fmt.number(v, lang=lang()) for v in visits]},
            column_config={t("service_visits"): right},
        )


def _given_options(report, options: Options | None) -> None:
    """A refused file's line of facts: its layout when one was recognised, then each option given."""
    given = (
        [
            (t("site"), options.site),
            (t("year"), options.year),
            (t("fact_block"), options.block),
            (t("agency"), options.agency),
        ]
        if options
        else []
    )
    facts = [(t("layout"), report.layout_title if report.layout else fmt.NO_DATA)]
    facts += [(label, t("given_option", value=plain(value))) for label, value in given if value]
    st.markdown(" · ".join(f"{label}: **{value}**" for label, value in facts))


def _problems_table(problems) -> None:
    """Every problem in words, its message whole (wrapped, not cut), the stable code beside it. The
    unknown agencies are one row: the form below lists each with its cell."""
    unknown = [p for p in problems if p.code == upload.UNKNOWN_AGENCY]
    rows = [p for p in problems if p.code != upload.UNKNOWN_AGENCY]
    st.markdown(f"**{t('problems', n=len(problems))}**")
    messages = [problem_text(p) for p in rows]
    if unknown:
        rows.insert(0, unknown[0])
        messages.insert(0, t("unknown_agencies_row", n=len({p.subject for p in unknown})))
    text_table(
        {
            t("col_problem"): [problem_label(p.code) for p in rows],
            t("col_cell"): [upload.place(p.sheet, p.cell if p not in unknown else None) for p in rows],
            t("col_message"): messages,
            t("col_code"): [p.code.replace("_", "_" + WRAP) for p in rows],
        }
    )


def problem_label(code: str) -> str:
    """A problem code in words ('bulan_tidak_terbaca' -> 'Bulan tidak terbaca'); a code added to the
    loaders without words yet shows as itself (tests/test_problem_labels.py catches that)."""
    key = "problem_" + code
    return t(key) if key in TEXT else code


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
                t("status_means", word=plain(word), n=fmt.number(tickets, lang=lang())),
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


def unreported_months(digest: str) -> tuple:
    """The months answered "not yet reported" in the question of one file (by the sha256 of its
    bytes): left out of its load."""
    answers = st.session_state.get("zero_months", {})
    said = [month for (of, month), answer in answers.items() if of == digest and answer == "not_reported"]
    return tuple(sorted(said))


def unanswered_zero_months(report, digest: str) -> list:
    answers = st.session_state.get("zero_months", {})
    return [month for month in report.zero_months if (digest, month) not in answers]


def _zero_months(report, digest: str) -> None:
    """Months a file gives as 0 for every agency: a warning, and the question whether each is a real
    zero or a month not yet reported ('-' typed ahead); the answer checks the file again. Answers
    are kept per file (digest: the sha256 of its bytes) and month."""
    if not report.zero_months or not report.ok:
        return
    months = ", ".join(fmt.month_label(m, lang()) for m in report.zero_months)
    st.warning(t("zero_months_warning", months=months), icon=":material/help:")
    answers = st.session_state.get("zero_months", {})
    where = f"{report.file_name}_{digest[:12]}"  # one form per file, even two of the same bytes
    with st.form(f"zero_months_{where}"):
        picks = {
            month: st.radio(
                t("zero_month_question", month=fmt.month_label(month, lang())),
                ZERO_ANSWERS,
                index=ZERO_ANSWERS.index(answers[digest, month]) if (digest, month) in answers else None,
                format_func=lambda a: t("zero_month_" + a),
                key=f"zero_{where}_{month:%Y-%m}",
            )
            for month in report.zero_months
        }
        if st.form_submit_button(t("check_zero_months")):
            st.session_state["zero_months"] = answers | {(digest, m): a for m, a in picks.items() if a}
            st.rerun()
    if unanswered_zero_months(report, digest):
        st.caption(t("zero_months_unanswered"))
