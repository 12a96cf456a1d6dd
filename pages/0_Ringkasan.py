"""Ringkasan (overview): the month in review first (the through month against a year and a month earlier,
the agencies that rose and fell most, who has reported), then the chosen period for the chosen sites."""

import streamlit as st

import ui
from mpp import fmt
from mpp.period import Measure, period_name
from mpp.present import charts, figures, timeline
from mpp.present.export import Column
from mpp.reference import events
from mpp.visits import agency_report
from mpp.visits.month_review import MIN_BASE
from mpp.visits.overview import overview

TOP_AGENCIES = 10

selection = ui.figures_page("overview", provisional=False)
view = ui.read(
    overview,
    selection.sites,
    selection.through,
    selection.measure,
    selection.period,
    selection.include_partial,
)
if view is None:
    st.info(ui.t("no_data"))
    st.stop()

lang, measure = ui.lang(), ui.measure_label(view.measure)
review, now = view.review, view.total
st.caption(f"{ui.plain_all(view.sites)} · {measure} {period_name(view.period, lang)}")
ui.coverage_badges(view)

# The month in review: what a head asks first.
mark = ui.t("provisional_suffix") if review.provisional else ""
st.subheader(ui.t("month_in_review", month=fmt.month_label(review.month, lang)) + mark)
cards = ui.card_row("month")
# The card beside a rate holds the figure the rate is of: the compared sites' (like for like).
yoy = review.year_on_year
shown = yoy.current.value if yoy.excluded else review.total.value
cards[0].metric(
    ui.t("month_value", measure=measure.capitalize(), month=fmt.month_label(review.month, lang)) + mark,
    fmt.number(shown, lang=lang),
    border=True,
    help=ui.t("compared_sites_note", sites=ui.plain_all(yoy.sites)) if yoy.excluded else None,
)
for card, comparison, key in (
    (cards[1], review.year_on_year, "against_last_year"),
    (cards[2], review.month_on_month, "against_previous"),
):
    base, now_value = comparison.base, comparison.current.value
    was = ui.t(
        "base_was",
        month=fmt.month_label(base.period.start, lang, short=True),
        value=fmt.number(base.value, lang=lang),
    )
    if now_value != shown:  # compared over other sites than the first card's figure: say both
        was = (
            ui.t(
                "base_was",
                month=fmt.month_label(review.month, lang, short=True),
                value=fmt.number(now_value, lang=lang),
            )
            + " · "
            + was
        )
    card.metric(
        ui.t(key, month=fmt.month_label(base.period.start, lang)) + mark,
        fmt.signed_percent(comparison.change_pct, lang=lang),
        border=True,
        delta_color="off",
        delta_arrow="off",
        delta=was,
        help=ui.t("compared_sites_note", sites=ui.plain_all(comparison.sites))
        if comparison.sites != review.sites
        else None,
    )
# Its chart right below, so the month and its place in the year fit the first screen of a phone.
title = ui.t(
    "monthly_chart", measure=measure.capitalize(), year=view.through.year, last_year=view.through.year - 1
)
ui.plotly(
    timeline.with_events(
        charts.year_against_year(
            view.monthly_now,
            view.monthly_last_year,
            view.measure,
            title,
            lang,
            provisional=view.provisional_months(),
            provisional_label=ui.t("provisional"),
        ),
        ui.read(events.list_events, view.sites),
        lang,
        axis="month_name",
        years=(view.through.year, view.through.year - 1),
    ),
    "ringkasan-bulanan",
    view.sites,
    figures.compared_years([view.through.year, view.through.year - 1], lang),
)
ui.excluded_sites(review.year_on_year)
if yoy.excluded:
    st.caption(
        ui.t(
            "selection_total",
            period=fmt.month_label(review.month, lang),
            value=fmt.number(review.total.value, lang=lang),
        )
    )
if not review.agencies.empty:
    ui.agency_changes(review)
    st.caption(
        ui.t(
            "agency_change_note",
            month=fmt.month_label(review.month, lang),
            min_base=MIN_BASE,
            base=fmt.month_label(review.year_on_year.base.period.start, lang),
        )
    )

# The chosen period (year to date by default) below it.
st.divider()
label, mark = period_name(view.period, lang), ui.t("provisional_suffix") if view.uses_provisional else ""
st.subheader(ui.t("period_heading", period=label) + mark)
base, full, growth = view.to_date.base, view.previous_full_year, view.to_date.change_pct
cards = ui.card_row("period")
compared = view.to_date
cards[0].metric(
    ui.t("to_date", measure=measure.capitalize(), period=now.period.label(lang)) + mark,
    fmt.number(compared.current.value if compared.excluded else now.value, lang=lang),
    delta=fmt.signed_percent(growth, lang=lang) if growth is not None else None,
    delta_description=ui.t("growth_vs", period=base.period.label(lang, short=True))
    if growth is not None
    else None,
    border=True,
    help=ui.t("compared_sites_note", sites=ui.plain_all(compared.sites))
    if compared.excluded
    else ui.t("selection_total_note", period=now.period.label(lang))
    if len(view.sites) > 1
    else None,
)
cards[1].metric(
    f"{measure.capitalize()} {base.period.label(lang)}",
    fmt.number(base.value, lang=lang),
    help=ui.t("same_period_last_year") if growth is not None else ui.t("not_comparable"),
    border=True,
)
cards[2].metric(
    ui.t("full_year", year=full.period.start.year),
    fmt.number(full.value, lang=lang),
    help=ui.t("full_year_note", months=fmt.months_count(full.period.months, lang)),
    border=True,
)
ui.excluded_sites(view.to_date)
if compared.excluded:
    st.caption(ui.t("selection_total", period=now.period.label(lang), value=fmt.number(now.value, lang=lang)))
if now.months_with_data < now.period.months:
    st.caption(
        ui.t(
            "months_with_data",
            measure=measure.capitalize(),
            period=now.period.label(lang),
            n=now.months_with_data,
            months=now.period.months,
        )
    )
st.caption(
    ui.t("full_year", year=full.period.start.year)
    + ": "
    + ui.t("full_year_note", months=fmt.months_count(full.period.months, lang))
)
if view.previous_full_year_short:  # a site opened late or stopped reporting that year
    st.caption(
        ui.t(
            "full_year_short",
            year=full.period.start.year,
            sites="; ".join(ui.plain(short.text(lang)) for short in view.previous_full_year_short),
        )
    )

cards = ui.card_row("more")
if not view.peaks.empty:
    peak = view.peaks.iloc[0]
    cards[0].metric(
        ui.t("peak_month") + mark,
        fmt.month_label(peak["month"], lang),
        border=True,
        delta=ui.t("peak_value", value=fmt.number(peak["value"], lang=lang), measure=measure),
        delta_color="off",
        delta_arrow="off",
    )
cards[1].metric(
    ui.t("agencies_active"),
    fmt.number(view.agencies_active, lang=lang),
    border=True,
    help=ui.t("agencies_active_note", period=now.period.label(lang)),
)
cards[2].metric(ui.t("latest_month"), fmt.month_label(view.latest_month, lang), border=True)

st.subheader(ui.t("top_agencies"))
ranking = ui.read(agency_report.agency_ranking, view.sites, now.period)
before = now.period.shift_years(-1).label(lang, short=True)
ui.table(
    ranking.table.head(TOP_AGENCIES),
    [
        Column("agency", ui.t("agency")),
        Column("visits", ui.t("service_visits"), "count"),
        Column("share", ui.t("share"), "percent"),
        Column("visits_last_year", before, "count"),
        Column("change_pct", ui.t("change_vs", period=before), "change"),
    ],
    "ringkasan-instansi",
    (ui.t("top_agencies"), now.period.label(lang), Measure.SERVICE_VISITS.label(lang)),
    view.sites,
)
st.caption(
    ui.t("share_base", base=fmt.number(view.agencies.base.value, lang=lang), period=now.period.label(lang))
)
