"""Spreadsheets in the layouts offices send, made in code (openpyxl), returned as bytes.

Each maker takes the figures and the quirks as arguments, so a test states what the file says.
"""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook

MONTHS = [
    "JANUARI",
    "FEBRUARI",
    "MARET",
    "APRIL",
    "MEI",
    "JUNI",
    "JULI",
    "AGUSTUS",
    "SEPTEMBER",
    "OKTOBER",
    "NOVEMBER",
    "DESEMBER",
]


def to_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def yearly_recap(
    figures: dict[str, list],
    title: str = "REKAPITULASI PENGUNJUNG MAL PELAYANAN PUBLIK KABUPATEN PASER TAHUN 2024",
    total_row: bool = True,
    total_col: bool = True,
    months: list[str] = MONTHS,
    stated_totals: dict | None = None,
    signature: bool = True,
    cover: bool = False,
) -> bytes:
    """Agencies as rows, months as columns under a merged BULAN header. figures maps an agency to
    its monthly cells as typed (ints, '1.263', '-', None for a month not reported)."""
    book = Workbook()
    if cover:
        book.active.title = "Sampul"
        book.active["B3"] = "LAPORAN TAHUNAN MPP"
        sheet = book.create_sheet("Rekap")
    else:
        sheet = book.active
        sheet.title = "Rekap"
    sheet["A1"] = title
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(months) + 3)
    sheet.append([])
    sheet.append(
        ["NO", "NAMA INSTANSI", "BULAN"] + [None] * (len(months) - 1) + (["JUMLAH"] if total_col else [])
    )
    sheet.append([None, None, *months])
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B3:B4")
    sheet.merge_cells(start_row=3, start_column=3, end_row=3, end_column=len(months) + 2)
    for number, (agency, cells) in enumerate(figures.items(), 1):
        cells = list(cells) + [None] * (len(months) - len(cells))
        total = sum(_value(c) for c in cells)
        sheet.append([number, agency, *cells] + ([total] if total_col else []))
    if total_row:
        sums = [sum(_value(c[i]) if i < len(c) else 0 for c in figures.values()) for i in range(len(months))]
        sums = [
            s if any(i < len(c) and c[i] is not None for c in figures.values()) else None
            for i, s in enumerate(sums)
        ]
        for i, stated in (stated_totals or {}).items():
            sums[i] = stated
        sheet.append([None, "J U M L A H", *sums] + ([sum(s or 0 for s in sums)] if total_col else []))
    if signature:
        _signature(sheet)
    return to_bytes(book)


def _value(cell) -> int:
    if cell in (None, "-"):
        return 0
    if isinstance(cell, str):
        digits = cell.replace(".", "")
        return int(digits) if digits.isdigit() else 0
    return cell


def _signature(sheet) -> None:
    for text in [
        None,
        "Tana Paser, 31 Desember 2024",
        "Kepala Dinas Penanaman Modal",
        None,
        "NAMA PEJABAT, S.H.",
        "NIP 19650412 199003 2 011",
    ]:
        sheet.append([None, None, None, None, None, text])


def monthly_sheets(
    months: dict[str, dict[str, dict[str, int]]],
    year_title: str = "LAPORAN KUNJUNGAN MPP KOTA BALIKPAPAN TAHUN 2025",
    subtotals: bool = True,
    stated_total: int | None = None,
    lookup_sheet: bool = False,
    hidden_sheet: bool = False,
) -> bytes:
    """One sheet per month: NO | NAMA INSTANSI | JENIS LAYANAN | JUMLAH, the agency merged over
    its service rows, a SUB TOTAL per agency and a TOTAL row. months: sheet -> agency -> service -> n."""
    book = Workbook()
    book.remove(book.active)
    for sheet_name, agencies in months.items():
        _month_sheet(book.create_sheet(sheet_name), agencies, year_title, subtotals, stated_total)
    if lookup_sheet:
        lookup = book.create_sheet("Daftar Instansi")
        for name in ["Disdukcapil", "DPMPTSP", "Samsat", "Imigrasi"]:
            lookup.append([name])
    if hidden_sheet:
        hidden = book.create_sheet("DESEMBER")
        _month_sheet(hidden, {"Disdukcapil": {"KTP-el": 999}}, year_title, subtotals, None)
        hidden.sheet_state = "hidden"
    return to_bytes(book)


def _month_sheet(sheet, agencies, title, subtotals, stated_total) -> None:
    sheet.append([title])
    sheet.append(["NO", "NAMA INSTANSI", "JENIS LAYANAN", "JUMLAH"])
    grand = 0
    for number, (agency, services) in enumerate(agencies.items(), 1):
        first = sheet.max_row + 1
        for service, visits in services.items():
            sheet.append([number, agency, service, visits])
            grand += _value(visits)
        if subtotals:
            sheet.append([None, None, "SUB TOTAL", sum(_value(v) for v in services.values())])
        sheet.merge_cells(start_row=first, start_column=2, end_row=sheet.max_row, end_column=2)
    sheet.append([None, "TOTAL", None, grand if stated_total is None else stated_total])


def day(year: int, month: int, d: int) -> date:
    return date(year, month, d)


def queue_matrix(
    agencies: dict[str, dict[str, dict[int, int]]],
    days: int = 31,
    period: str = "Periode 01 January 2026 s.d. 31 January 2026",
    subtotal_off: dict[tuple[str, int], int] | None = None,
    total_row: bool = True,
) -> bytes:
    """SiolaQ `Rekap Layanan`: agencies -> 'A — KTP-el' -> {day: n}. Agency rows hold the subtotals
    (off by subtotal_off[(agency, day)] to make them disagree); an agency with {} services stands
    alone with figures in its own row under key ''."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Rekap Layanan"
    sheet.append(["Rekap Layanan Mal Pelayanan Publik Kota Surabaya"])
    sheet.append([period])
    sheet.append(["No.", "Instansi / Layanan", "Tanggal"] + [None] * (days - 1) + ["Total"])
    sheet.merge_cells(start_row=3, start_column=3, end_row=3, end_column=days + 2)
    sheet.append([None, None, *range(1, days + 1)])
    grand = [0] * days
    for number, (agency, services) in enumerate(agencies.items(), 1):
        own = services.get("", {})
        sums = [sum(s.get(d, 0) for s in services.values()) for d in range(1, days + 1)]
        shown = [v + (subtotal_off or {}).get((agency, d), 0) for d, v in enumerate(sums, 1)]
        sheet.append([number, agency, *shown, sum(sums)])
        for service, per_day in services.items():
            if service:
                row = [per_day.get(d, 0) for d in range(1, days + 1)]
                sheet.append([None, f"↳ {service}", *row, sum(row)])
        grand = [g + v for g, v in zip(grand, sums, strict=True)]
        del own
    if total_row:
        sheet.append([None, "TOTAL", *grand, sum(grand)])
    return to_bytes(book)


CHANNEL_HEADER = [
    "Tanggal",
    "Instansi",
    "Prefix Layanan",
    "Layanan",
    "Antrean Langsung",
    "Antrean Online Hadir",
    "Total Nomor Terbit",
    "Pembatalan Online",
    "Tidak Hadir (No-show)",
]


def channel_recap(
    rows: list[tuple], period: str = "Periode 01 January 2026 s.d. 31 January 2026", total_off: int = 0
) -> bytes:
    """SiolaQ `Rekap Antrean Langsung dan Online`; rows: (dd-mm-YYYY, agency, prefix, service,
    walk_in, online, cancelled, no_show). Total Nomor Terbit is walk_in + online (+ total_off)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Rekap Antrean Langsung dan Online"[:31]  # Excel allows 31 characters
    sheet.append(["Rekap Antrean Langsung dan Online MPP Kota Surabaya"])
    sheet.append([period])
    sheet.append(CHANNEL_HEADER)
    for day, agency, prefix, service, walk_in, online, cancelled, no_show in rows:
        sheet.append(
            [day, agency, prefix, service, walk_in, online, walk_in + online + total_off, cancelled, no_show]
        )
    return to_bytes(book)


TICKET_HEADER = [
    "No Antrean",
    "Tanggal",
    "Jam",
    "Instansi",
    "Layanan",
    "Loket",
    "Jenis Antrean",
    "Status",
    "NIK",
    "Nama Pemohon",
    "No HP",
]


def ticket_rows(n: int, start: date = date(2026, 1, 5), seed: int = 42) -> list[list]:
    """n plausible tickets over a month; every 10th cancelled, every 7th absent, with personal data."""
    import random

    rng = random.Random(seed)
    agencies = [("Disdukcapil", "KTP-el"), ("Disdukcapil", "KK"), ("Imigrasi", "Paspor"), ("Samsat", "PKB")]
    rows = []
    for i in range(n):
        agency, service = agencies[i % len(agencies)]
        status = "Batal" if i % 10 == 9 else "Tidak Hadir" if i % 7 == 6 else "Selesai"
        day = start.replace(day=1 + (i * 7 // max(n, 1)) % 28)
        rows.append(
            [
                f"A{i:05d}",
                day.strftime("%d/%m/%Y"),
                f"{8 + i % 8:02d}:{i % 60:02d}",
                agency,
                service,
                f"Loket {i % 5 + 1}",
                "Online" if i % 3 == 0 else "Langsung",
                status,
                f"{rng.randrange(10**15, 10**16)}",
                f"Warga {i}",
                f"08{rng.randrange(10**9):09d}",
            ]
        )
    return rows


def ticket_export(rows: list[list], header: list[str] = TICKET_HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Data Antrean"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    return to_bytes(book)


def ticket_csv(
    rows: list[list], header: list[str] = TICKET_HEADER, sep: str = ";", encoding: str = "utf-8-sig"
) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def long_csv(header: list[str], rows: list[list], sep: str = ";", encoding: str = "utf-8-sig") -> bytes:
    """A long table of counts as offices export it from Excel: ';' or ',', BOM or Windows-1252."""
    return ticket_csv(rows, header, sep, encoding)


def long_sheet(header: list, rows: list[list], title: str | None = None, sheet: str = "Data") -> bytes:
    """A long table in an .xlsx sheet, cells typed as given (date, datetime, int, text), under an
    optional title row naming the site."""
    book = Workbook()
    page = book.active
    page.title = sheet
    if title:
        page.append([title])
    page.append(header)
    for row in rows:
        page.append(row)
    return to_bytes(book)


def transposed_recap(
    figures: dict[str, list],
    title: str = "REKAPITULASI PENGUNJUNG MAL PELAYANAN PUBLIK KABUPATEN PASER TAHUN 2024",
    months: list | None = None,
    stated_totals: dict | None = None,
    stated_row_totals: dict | None = None,
    signature: bool = True,
) -> bytes:
    """Months as rows, agencies as columns: NO, BULAN, one column per agency, JUMLAH; a JUMLAH row.
    figures maps an agency to its monthly cells as typed (None for a month not reported); months are
    the row labels as typed (the twelve month names by default); stated_totals overrides the JUMLAH
    row per agency (by position), stated_row_totals the JUMLAH column per month (by position)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Rekap"
    sheet["A1"] = title
    sheet.append([])
    sheet.append(["NO", "BULAN", *figures, "JUMLAH"])
    labels = months or MONTHS
    columns = [list(c) + [None] * (len(labels) - len(c)) for c in figures.values()]
    for i, label in enumerate(labels):
        cells = [c[i] for c in columns]
        total = sum(_value(c) for c in cells) if any(c is not None for c in cells) else None
        total = (stated_row_totals or {}).get(i, total)
        sheet.append([i + 1, label, *cells, total])
    sums = [sum(_value(c) for c in column) for column in columns]
    for i, stated in (stated_totals or {}).items():
        sums[i] = stated
    sheet.append([None, "JUMLAH", *sums, sum(sums)])
    if signature:
        _signature(sheet)
    return to_bytes(book)


SATU_DATA_HEADER = [
    "kode_kabupaten_kota",
    "nama_kabupaten_kota",
    "tahun",
    "bulan",
    "instansi",
    "jumlah_pengunjung",
    "satuan",
]


def yearly_recap_xls(
    figures: dict[str, list], title: str = "REKAP KUNJUNGAN MPP KABUPATEN BATANG TAHUN 2023"
) -> bytes:
    """The yearly recap as an old binary .xls (xlwt), merged BULAN header included."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("REKAP")
    sheet.write_merge(0, 0, 0, 14, title)
    sheet.write_merge(2, 3, 0, 0, "NO")
    sheet.write_merge(2, 3, 1, 1, "NAMA INSTANSI")
    sheet.write_merge(2, 2, 2, 13, "BULAN")
    sheet.write_merge(2, 3, 14, 14, "JUMLAH")
    for i, month in enumerate(MONTHS):
        sheet.write(3, 2 + i, month)
    for r, (agency, cells) in enumerate(figures.items(), 4):
        sheet.write(r, 0, r - 3)
        sheet.write(r, 1, agency)
        for i, cell in enumerate(cells):
            if cell is not None:
                sheet.write(r, 2 + i, cell)
        sheet.write(r, 14, sum(_value(c) for c in cells))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def monthly_channels(sheet_name: str, rows: list[tuple], jumlah_off: int = 0) -> bytes:
    """One month sheet counting channels apart: NAMA INSTANSI | LANGSUNG | ONLINE | JEMPUT BOLA |
    JUMLAH; rows: (agency, walk_in, online, jemput_bola)."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    sheet.append(["REKAP KUNJUNGAN MPP KOTA BALIKPAPAN TAHUN 2025"])
    sheet.append(["NO", "NAMA INSTANSI", "LANGSUNG", "ONLINE", "JEMPUT BOLA", "JUMLAH"])
    for number, (agency, *counts) in enumerate(rows, 1):
        sheet.append([number, agency, *counts, sum(counts) + jumlah_off])
    return to_bytes(book)


def recap_per_year(recaps: dict[str, tuple[str, dict[str, list]]]) -> bytes:
    """One workbook, a yearly recap per sheet: sheet name -> (title, figures)."""
    from openpyxl import load_workbook

    book = Workbook()
    book.remove(book.active)
    for name, (title, figures) in recaps.items():
        source = load_workbook(io.BytesIO(yearly_recap(figures, title=title)))["Rekap"]
        sheet = book.create_sheet(name)
        for row in source.iter_rows(values_only=True):
            sheet.append(list(row))
        for area in source.merged_cells.ranges:
            sheet.merge_cells(str(area))
    return to_bytes(book)


QUEUE_HEADER = ["No. Antrean", "Tanggal", "Keperluan/Layanan", "Loket", "Status"]


def single_office_queue(
    served: int = 44, cancelled: int = 1, waiting: int = 1, statuses: tuple[str, str, str] | None = None
) -> list[list]:
    """A DPMPTSP queue system's export: one office, so no agency column; dates as text written day
    first ('4/2/2026' is 4 February); statuses COMPLETED, CANCELLED, WAITING."""
    done, cancel, wait = statuses or ("COMPLETED", "CANCELLED", "WAITING")
    services = ["Izin Praktik Bidan", "Persetujuan Bangunan Gedung", "NIB"]
    status = [done] * served + [cancel] * cancelled + [wait] * waiting
    return [
        [f"B{i + 1:03d}", f"{2 + i % 5}/2/2026", services[i % 3], f"Loket {1 + i % 2}", s]
        for i, s in enumerate(status)
    ]
