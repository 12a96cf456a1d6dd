"""Pertumbuhan: each month against the same month a year earlier, the year to date against the same
months a year earlier, full year against full year, and growth per agency. A comparison of unequal or
incomplete periods shows no rate and says why."""

import streamlit as st

import ui
from mpp import fmt
from mpp.period import Measure
from mpp.present import charts, figures, timeline
from mpp.present.export import Column
from mpp.reference import events
from mpp.visits import growth

selection = ui.figures_page("growth")

lang, sites, measure = ui.lang(), selection.sites, selection.measure
view = ui.read(growth.growth_view, sites, selection.through, measure, selection.include_partial)
mark = ui.t("provisional_suffix") if view.provisional else ""  # figures over an incomplete month
unit = measure.label(lang)
st.caption(f"{ui.plain_all(sites)} · {unit}")


def comparison_card(column, comparison, title: str) -> None:
    """The figure, its rate, and on the card itself what it compares ("Januari-September 2025
    terhadap Januari-September 2024 (21.576)"), or that nothing was reported to compare with."""
    now, base = comparison.current, comparison.base
    rate, reason = comparison.change_pct, growth.why_no_rate(comparison)
    periods = {"now": now.period.label(lang), "base": base.period.label(lang)}
    basis = (
        ui.t("against_missing", **periods)
        if reason == "no_base"
        else ui.t("against", **periods, value=fmt.number(base.value, lang=lang))
    )
    column.metric(
        title,
        fmt.number(now.value, lang=lang),
        border=True,
        delta=fmt.signed_percent(rate, lang=lang) if rate is not None else ui.t("no_rate"),
        delta_color="normal" if rate is not None else "off",
        delta_arrow="auto" if rate is not None else "off",
        delta_description=basis,
    )
    if reason not in (None, "no_base"):
        column.caption(
            ui.t(
                f"no_rate_{reason}",
                now=fmt.months_count(now.period.months, lang),
                base=fmt.months_count(base.period.months, lang),
            )
        )


cards = ui.card_row("growth")
comparison_card(
    cards[0], view.to_date, ui.t("growth_to_date", period=view.to_date.current.period.label(lang)) + mark
)
comparison_card(cards[1], view.full_years, ui.t("full_year", year=view.full_years.current.period.start.year))
comparison_card(
    cards[2],
    view.partial_against_full,
    ui.t(
        "growth_partial",
        period=view.partial_against_full.current.period.label(lang, short=True),
        year=view.partial_against_full.base.period.start.year,
    )
    + mark,
)

ui.excluded_sites(view)
compared = ui.t(
    "years_against",
    year=view.to_date.current.period.label(lang),
    base=view.to_date.base.period.label(lang),
)
st.subheader(ui.t("year_on_year_title") + mark)
ui.chart(
    timeline.with_events(
        charts.year_against_year(
            view.this_year,
            view.last_year,
            measure,
            ui.t("year_on_year_chart", measure=unit.capitalize()),
            lang,
        ),
        ui.read(events.list_events, view.sites),
        lang,
        axis="month_name",
        years={m.year for frame in (view.this_year, view.last_year) for m in frame["month"]},
    ),
    "pertumbuhan-bulanan",
    view.sites,
    compared,
)
ui.table(
    view.monthly,
    [
        Column("month", ui.t("month"), "month"),
        Column("value", unit.capitalize(), "count"),
        Column("last_year", ui.t("same_month_last_year"), "count"),
        Column("change_pct", ui.t("change_yoy"), "change"),
    ],
    "pertumbuhan-bulanan",
    (ui.t("year_on_year_title"), view.to_date.current.period.label(lang), unit),
    sites,
)

st.subheader(ui.t("agency_growth_title", period=view.to_date.current.period.label(lang)) + mark)
agencies = ui.read(growth.agency_growth, view.sites, view.to_date.current.period)  # like for like
rated = agencies.dropna(subset=["change_pct"])
if rated.empty:
    st.info(ui.t("no_agency_growth"))
else:
    ui.chart(
        figures.change_bars(
            rated["agency"],
            rated["change_pct"],
            ui.t(
                "agency_growth_chart",
                now=view.to_date.current.period.label(lang, short=True),
                base=view.to_date.base.period.label(lang, short=True),
            ),
            lang,
        ),
        "pertumbuhan-instansi",
        view.sites,
        compared,
    )
base_label = view.to_date.base.period.label(lang)
ui.table(
    agencies,
    [
        Column("agency", ui.t("agency")),
        Column("visits", view.to_date.current.period.label(lang), "count"),
        Column("visits_last_year", base_label, "count"),
        Column("change_pct", ui.t("change_vs", period=base_label), "change"),
    ],
    "pertumbuhan-instansi",
    (
        ui.t("agency_growth_title", period=view.to_date.current.period.label(lang)),
        view.to_date.current.period.label(lang),
        Measure.SERVICE_VISITS.label(lang),
    ),
    sites,
)
st.caption(ui.t("agency_growth_note"))
