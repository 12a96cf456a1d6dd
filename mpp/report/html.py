"""The report as one HTML page with A4 print CSS: the letterhead, the title and period, every section,
and on every printed page the marks ("DATA DEMO", "SEMENTARA"), the date it was made and "Halaman n
dari m" (CSS @page margin boxes, which Chromium prints).

Every text from data (site, agency and file names, the letterhead) is escaped: a name is shown as
written, never read as markup. Charts come in as SVG drawn by kaleido from our own figures.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from mpp import fmt
from mpp.present.export import display
from mpp.report.gather import ReportData
from mpp.report.sections import Section, Table
from mpp.text.catalogue import t

NUMERIC = ("count", "percent", "change", "decimal", "decimal2")

CSS = """
@page {
  size: A4;
  margin: 22mm 15mm 18mm 15mm;
  @top-center { content: @marks@; color: #b00000; font: bold 11pt sans-serif; letter-spacing: 1pt; }
  @bottom-left { content: @made@; color: #555; font: 8pt sans-serif; }
  @bottom-right { content: @page@ " " counter(page) " @of@ " counter(pages); color: #555; font: 8pt sans-serif; }
}
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #111; }
body { margin: 0; }
@media screen { body { max-width: 190mm; margin: 12px auto; padding: 0 12px; } }
.letterhead { display: flex; align-items: center; gap: 12px; border-bottom: 2.5px solid #0b5394;
  padding-bottom: 6px; margin-bottom: 10px; }
.letterhead img { max-height: 20mm; max-width: 30mm; }
.office { font-size: 14pt; font-weight: bold; color: #0b5394; }
.address { font-size: 8.5pt; color: #333; white-space: pre-line; }
h1 { font-size: 16pt; margin: 4px 0 2px; }
.period { margin: 0 0 4px; color: #333; }
.marks { color: #b00000; font-weight: bold; margin: 4px 0; }
h2 { font-size: 12pt; color: #0b5394; margin: 14px 0 4px; break-after: avoid; border-bottom: 1px solid #cfe2f3; }
h3 { font-size: 10pt; margin: 8px 0 3px; break-after: avoid; }
p { margin: 2px 0 4px; }
.note { font-size: 8pt; color: #444; }
table { border-collapse: collapse; margin: 4px 0 6px; width: 100%; }
th { background: #0b5394; color: #fff; text-align: left; font-weight: bold; padding: 2px 5px; font-size: 8.5pt; }
td { border-bottom: 1px solid #ddd; padding: 1.5px 5px; font-size: 8.5pt; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.chart { break-inside: avoid; margin: 4px 0; }
.keep { break-inside: avoid; }
.chart svg { display: block; max-width: 100%; height: auto; }
.statement p { text-align: justify; }
"""


def _css_string(text: str) -> str:
    """A CSS string literal of our own text."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def marks(data: ReportData) -> list[str]:
    """What every page says about its figures: demo data, a month not yet complete."""
    found = []
    if data.demo:
        found.append(t("report_demo_mark", data.lang))
    if data.provisional:
        found.append(t("report_provisional_mark", data.lang))
    return found


def title(data: ReportData) -> str:
    return t("report_title", data.lang, sites=", ".join(data.sites))


def period_line(data: ReportData) -> str:
    return t(
        "report_period",
        data.lang,
        month=fmt.month_label(data.month, data.lang),
        period=data.period.label(data.lang),
    )


def table_html(table: Table, lang: str) -> str:
    frame = table.frame.head(table.in_pdf) if table.in_pdf else table.frame
    shown = display(frame, table.columns, lang)
    kinds = [c.kind for c in table.columns if c.on_screen]
    head = "".join(
        f'<th class="{"n" if k in NUMERIC else ""}">{html.escape(str(c))}</th>'
        for c, k in zip(shown.columns, kinds, strict=True)
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"n" if k in NUMERIC else ""}">{html.escape(str(v))}</td>'
            for v, k in zip(row, kinds, strict=True)
        )
        + "</tr>"
        for row in shown.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def section_html(section: Section, lang: str, chart_svg: Callable) -> str:
    # The heading, its lines and its first chart stay on one page: a heading alone at a page's foot
    # with its chart on the next reads as a gap.
    opening = [f"<h2>{html.escape(section.heading)}</h2>"]
    opening += [f"<p>{html.escape(line)}</p>" for line in section.lines]
    opening += [f'<div class="chart">{chart_svg(chart)}</div>' for chart in section.charts[:1]]
    parts = [f'<section class="{html.escape(section.key)}"><div class="keep">{"".join(opening)}</div>']
    parts += [f'<div class="chart">{chart_svg(chart)}</div>' for chart in section.charts[1:]]
    for table in section.tables:
        if len(section.tables) > 1:
            parts.append(f"<h3>{html.escape(table.title)}</h3>")
        if table.frame.empty:
            parts.append(f'<p class="note">{html.escape(t("no_change_rows", lang))}</p>')
        else:
            parts.append(table_html(table, lang))
    for caption, paragraphs in section.lists:
        parts.append(f'<div class="statement"><h3>{html.escape(caption)}</h3>')
        parts += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
        parts.append("</div>")
    parts += [f'<p class="note">{html.escape(note)}</p>' for note in section.notes]
    parts.append("</section>")
    return "\n".join(parts)


def letterhead_html(data: ReportData) -> str:
    head = data.letterhead
    if head.empty:
        return ""
    logo = f'<img src="{html.escape(head.logo)}" alt="">' if head.logo else ""
    return (
        f'<header class="letterhead">{logo}<div><div class="office">{html.escape(head.name)}</div>'
        f'<div class="address">{html.escape(head.address)}</div></div></header>'
    )


def report_html(data: ReportData, sections: list[Section], chart_svg: Callable) -> str:
    """The whole page; `chart_svg(chart)` gives a chart's inline SVG (or any HTML in its place)."""
    lang, found = data.lang, marks(data)
    css = CSS
    for name, value in {
        "marks": _css_string(" · ".join(found)) if found else '""',
        "made": _css_string(t("report_made", lang, when=data.made_at)),
        "page": _css_string(t("report_page_of", lang)),
        "of": t("report_of", lang),
    }.items():
        css = css.replace(f"@{name}@", value)
    shown_marks = f'<p class="marks">{html.escape(" · ".join(found))}</p>' if found else ""
    body = "\n".join(section_html(s, lang, chart_svg) for s in sections)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title(data))}</title><style>{css}</style></head><body>"
        f"{letterhead_html(data)}<h1>{html.escape(title(data))}</h1>"
        f'<p class="period">{html.escape(period_line(data))}</p>'
        f'<p class="note">{html.escape(t("report_made", lang, when=data.made_at))}</p>{shown_marks}'
        f"{body}</body></html>"
    )
