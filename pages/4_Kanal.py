"""Kanal: walk-in against online queue (and jemput bola, digital) per month and per agency, where the
files give channels; a plain message where a site has none."""

import streamlit as st

import ui
from mpp import fmt
from mpp.period import Measure
from mpp.present import figures
from mpp.present.export import Column
from mpp.visits import channels

selection = ui.figures_page("channels")

lang, sites, period = ui.lang(), selection.sites, selection.period
assert period is not None  # the sites have data (stopped above otherwise), so a period was chosen
monthly = ui.read(channels.channel_monthly, sites, period)
if monthly.empty:
    st.info(ui.t("no_channel_data", sites=ui.plain_all(sites), period=period.label(lang)))
    st.stop()
unit, label = Measure.SERVICE_VISITS.label(lang), period.label(lang)
present = channels.channels_present(monthly)
st.caption(f"{ui.plain_all(sites)} · {unit} {label} · " + ui.t("channels_measure_note"))

outcomes = channels.outcomes_present(monthly)
cards = st.columns(len(present) + 1 + len(outcomes))
for card, channel in zip(cards, present, strict=False):
    card.metric(
        channels.channel_label(channel, lang), fmt.number(monthly[channel].sum(), lang=lang), border=True
    )
cards[len(present)].metric(
    ui.t("online_share"),
    fmt.percent(channels.online_share(monthly), lang=lang),
    border=True,
    help=ui.t("online_share_note"),
)
for card, outcome in zip(cards[len(present) + 1 :], outcomes, strict=True):
    card.metric(
        ui.t(outcome),
        fmt.number(monthly[outcome].sum(), lang=lang),
        border=True,
        help=ui.t("cancellations_note"),
    )

months = [fmt.month_label(m, lang, short=True) for m in monthly["month"]]
ui.chart(
    figures.stacked_bars(
        months,
        {channels.channel_label(c, lang): monthly[c] for c in present},
        [fmt.month_label(m, lang) for m in monthly["month"]],
        ui.t("channel_chart", period=label),
        unit,
        lang=lang,
    ),
    "kanal-bulanan",
    sites,
    label,
)
channel_columns = [Column(c, channels.channel_label(c, lang), "count") for c in present]
outcome_columns = [Column(c, ui.t(c), "count") for c in outcomes]
ui.table(
    monthly,
    [
        Column("month", ui.t("month"), "month"),
        *channel_columns,
        Column("total", ui.t("total"), "count"),
        Column("online_share", f"{ui.t('online_share')} (%)", "percent"),
        *outcome_columns,
    ],
    "kanal-bulanan",
    (ui.t("channels"), label, unit),
    sites,
)

st.subheader(ui.t("channel_by_agency"))
agencies = ui.read(channels.channel_by_agency, sites, period)
ui.chart(
    figures.stacked_bars(
        agencies["agency"].map(figures.short_name),
        {channels.channel_label(c, lang): agencies[c] for c in present},
        agencies["agency"],
        ui.t("channel_agency_chart", period=label),
        unit,
        horizontal=True,
        lang=lang,
    ),
    "kanal-instansi",
    sites,
    label,
)
ui.table(
    agencies,
    [
        Column("agency", ui.t("agency")),
        *channel_columns,
        Column("total", ui.t("total"), "count"),
        Column("online_share", f"{ui.t('online_share')} (%)", "percent"),
        *outcome_columns,
    ],
    "kanal-instansi",
    (ui.t("channel_by_agency"), label, unit),
    sites,
)
st.caption(ui.t("cancellations_note"))
