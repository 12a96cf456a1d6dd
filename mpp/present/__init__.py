"""Presenting the figures: plotly charts and figures, CSV/XLSX/PNG downloads."""
