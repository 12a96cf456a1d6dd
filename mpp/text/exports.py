"""The title block of an exported spreadsheet."""

EXPORT_TEXT = {
    "export_sites": ("Lokasi", "Sites"),
    "export_period": ("Periode", "Period"),
    "export_measure": ("Ukuran", "Measure"),
    "export_source": ("Sumber", "Source"),
    "export_exported_at": ("Waktu ekspor", "Exported at"),
}
