"""The page names in the sidebar's navigation, Indonesian first with English beside. Shorter than the
pages' own headings ("Tren dan Puncak" in the menu, "Tren & Puncak" as the title)."""

NAVIGATION_TEXT = {
    "nav_overview": ("Ringkasan", "Overview"),
    "nav_agencies": ("Instansi", "Agencies"),
    "nav_trends": ("Tren dan Puncak", "Trends and Peaks"),
    "nav_growth": ("Pertumbuhan", "Growth"),
    "nav_channels": ("Kanal", "Channels"),
    "nav_sites": ("Lokasi", "Sites"),
    "nav_press": ("Siaran Pers", "Press Statement"),
    "nav_satisfaction": ("Kepuasan", "Satisfaction"),
    "nav_upload": ("Unggah", "Upload"),
    "nav_history": ("Riwayat", "History"),
    "nav_accounts": ("Akun", "Accounts"),
    "nav_site_setup": ("Lokasi dan Anggota", "Sites and Members"),
    "nav_report": ("Laporan", "Report"),
}
