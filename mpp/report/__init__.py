"""The monthly report a head signs: an A4 PDF, a workbook and the charts as PNG, from one command.

    gather.py      the month's figures, taken from the same core functions as the pages, the downloads
                   and the press text (never computed another way), plus the marks: demo, provisional
    sections/      the report as a list of small section functions (`SECTIONS`), each giving headings,
                   lines, tables and charts, or None where the data have nothing for it: headline.py
                   (the month, coverage, year to date, monthly chart, peaks), breakdown.py (agencies,
                   channels, sites, satisfaction), context.py (events, estimate, press, footnotes)
    html.py        the sections as an HTML page with A4 print CSS (letterhead, marks, page numbers)
    pdf.py         that page printed to PDF by the system's Chromium (headless); charts as vector SVG
    charts.py      plotly figures drawn by kaleido (SVG for the PDF, PNG files); a failure is PrintFailed
    workbook.py    the same tables in named sheets, each with the export title block
    build.py       one report made whole (charts, PDF, workbook) and the fingerprint of its figures
    files.py       writing a report's files into a folder with a manifest: one set per site and month,
                   an earlier differing report kept as _v1, _v2, ...; the monthly schedule (figures
                   gathered on the connection, files written after it is closed)
    letterhead.py  the office's name, address and logo, kept in the store's settings

Pure core: never imports Streamlit.
"""
