"""Interface text of events on the timeline (issue 15): a site's launches, openings, closings, local
holidays and outages, added by analysts and drawn on the monthly and daily charts."""

EVENTS_TEXT: dict[str, tuple[str, str]] = {
    "event_kind_launch": ("peluncuran", "launch"),
    "event_kind_opening": ("pembukaan", "opening"),
    "event_kind_closing": ("penutupan", "closing"),
    "event_kind_holiday": ("libur", "holiday"),
    "event_kind_outage": ("gangguan", "outage"),
    "event_kind_other": ("lainnya", "other"),
    # Why an event is refused; every problem is said at once
    "event_day_out_of_range": (
        "Tanggal {day} di luar rentang 2000-2100.",
        "The date {day} is outside 2000-2100.",
    ),
    "event_label_empty": ("Keterangan peristiwa kosong.", "The event needs a label."),
    "event_label_too_long": (
        "Keterangan terlalu panjang ({length} karakter; paling banyak {most}).",
        "The label is too long ({length} characters; at most {most}).",
    ),
    "event_kind_unknown": (
        "Jenis peristiwa '{kind}' tidak dikenal (pilih {kinds}).",
        "Unknown event kind '{kind}' (choose {kinds}).",
    ),
    "event_site_unknown": ("Lokasi '{site}' tidak ada.", "There is no site '{site}'."),
    "event_not_found": ("Tidak ada peristiwa nomor {event_id}.", "There is no event number {event_id}."),
    # The command line
    "event_added": ("Peristiwa {event_id} ditambahkan: {text}", "Event {event_id} added: {text}"),
    "event_removed": ("Peristiwa {event_id} dihapus: {text}", "Event {event_id} removed: {text}"),
    "no_events": ("Belum ada peristiwa.", "No events yet."),
    # The section on Lokasi dan Anggota
    "events_title": ("Peristiwa", "Events"),
    "events_intro": (
        "Peristiwa yang menjelaskan naik-turunnya angka (peluncuran antrean online, pembukaan Mini MPP, "
        "gangguan sistem) tampil sebagai tanda pada grafik bulanan dan harian serta dalam laporan bulanan. "
        "Libur nasional dan cuti bersama sudah ditandai otomatis.",
        "Events that explain a rise or fall (an online queue launched, a Mini MPP opened, a system "
        "outage) are marked on the monthly and daily charts and listed in the monthly report. National "
        "holidays and cuti bersama are marked already.",
    ),
    "event_day": ("Tanggal", "Date"),
    "event_label": ("Keterangan", "Label"),
    "event_kind": ("Jenis peristiwa", "Kind of event"),
    "event_number": ("No.", "No."),
    "add_event": ("Tambah peristiwa", "Add event"),
    "remove_event": ("Hapus peristiwa", "Remove event"),
    "event_to_remove": ("Peristiwa yang dihapus", "Event to remove"),
    "event_added_page": ("Peristiwa ditambahkan: {text}", "Event added: {text}"),
    "event_removed_page": ("Peristiwa dihapus: {text}", "Event removed: {text}"),
    "events_none_site": ("Belum ada peristiwa untuk lokasi ini.", "This site has no events yet."),
    # On the charts
    "daily_chart": ("{measure} per hari, {period}", "{measure} per day, {period}"),
    "days_off_legend": ("Libur nasional dan cuti bersama", "National holidays and cuti bersama"),
    "events_legend": ("Peristiwa", "Events"),
}
