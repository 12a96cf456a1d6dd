"""Words inside the visit figures: queue channels, weekdays, the rest of a ranking, why a site is left
out of a comparison, how many reporters reported, a site's short year, a site's members."""

VISITS_TEXT = {
    "queue_channel_walk_in": ("Antrean langsung", "Walk-in"),
    "queue_channel_online": ("Antrean online", "Online queue"),
    "queue_channel_jemput_bola": ("Jemput bola", "Outreach (jemput bola)"),
    "queue_channel_digital": ("Layanan digital", "Digital"),
    "weekday_0": ("Senin", "Monday"),
    "weekday_1": ("Selasa", "Tuesday"),
    "weekday_2": ("Rabu", "Wednesday"),
    "weekday_3": ("Kamis", "Thursday"),
    "weekday_4": ("Jumat", "Friday"),
    "weekday_5": ("Sabtu", "Saturday"),
    "weekday_6": ("Minggu", "Sunday"),
    "agencies_others": ("Lainnya ({n})", "Others ({n})"),
    "excluded_no_data": ("tidak ada data {period}", "no data for {period}"),
    "excluded_incomplete": ("data {period} belum lengkap", "{period} not fully reported"),
    "reporting_agencies": ("{got} dari {of} instansi melapor", "{got} of {of} agencies reporting"),
    "reporting_sites": ("{got} dari {of} lokasi melapor", "{got} of {of} sites reporting"),
    "short_year": ("{site}: data hanya {span} ({count})", "{site}: data for {span} only ({count})"),
    "member_since": ("{agency}: sejak {day}", "{agency}: since {day}"),
    "member_until": (" sampai {day}", " until {day}"),
}
