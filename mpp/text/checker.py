"""Words of the draft checker's report: the verdicts, the likely causes, and why a figure was not checked.
The findings themselves are written in Indonesian, as the drafts they check."""

CHECKER_TEXT = {
    "verdict_ok": ("BENAR", "CORRECT"),
    "verdict_note": ("CATATAN", "NOTE"),
    "verdict_wrong": ("SALAH", "WRONG"),
    "verdict_unchecked": ("TIDAK DIPERIKSA", "NOT CHECKED"),
    "cause_wrong_base": (
        "basis salah (pangsa dari pengunjung dan pangsa dari kunjungan layanan tertukar)",
        "wrong base (shares of visitors and of service visits confused)",
    ),
    "cause_wrong_measure": (
        "ukuran tertukar (pengunjung dan kunjungan layanan)",
        "measures confused (visitors and service visits)",
    ),
    "cause_unequal_periods": (
        "periode tidak setara (panjang periode berbeda disebut pertumbuhan)",
        "unequal periods (periods of different length called growth)",
    ),
    "cause_rounding": ("pembulatan", "rounding"),
    "cause_swapped_months": ("bulan tertukar", "months swapped"),
    "cause_swapped_order": ("urutan tertukar", "order swapped"),
    "cause_other_period": ("angka dari periode lain", "a figure of another period"),
    "cause_other_year": ("bulan dari tahun lain", "a month of another year"),
    "cause_other_agency": ("angka instansi lain", "another agency's figure"),
    "cause_digit_typo": ("salah ketik angka", "a mistyped digit"),
    "cause_wrong_growth": ("pertumbuhan salah hitung", "growth miscalculated"),
    "cause_wording": ("penulisan", "wording"),
    "cause_no_match": ("tidak cocok dengan data", "does not match the data"),
    "cause_partial": ("data belum lengkap (angka sementara)", "incomplete data (provisional figures)"),
    "finding_correct": ("Angka benar: {figure}.", "Correct figure: {figure}."),
    "finding_cause": ("Kemungkinan sebab: {cause}.", "Likely cause: {cause}."),
    "finding_sentence": ('Kalimat: "{sentence}"', 'Sentence: "{sentence}"'),
    "unchecked_per_day": (
        "angka per hari tidak ada di data bulanan; tidak diperiksa.",
        "figures per day are not in monthly data; not checked.",
    ),
    "unchecked_services": (
        "jumlah jenis layanan tidak dicatat di basis data; tidak diperiksa.",
        "the number of kinds of services is not in the store; not checked.",
    ),
}
