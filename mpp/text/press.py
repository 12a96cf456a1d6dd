"""Text of the Siaran Pers page (press statement and draft checker), Indonesian first with English beside.
Kept apart so each area edits its own table; catalogue.TEXT merges them."""

PRESS_TEXT = {
    "press": ("Siaran Pers", "Press statement"),
    "press_full_year": (
        "Sertakan setahun penuh tahun lalu (periode berbeda panjang, bukan pembanding pertumbuhan)",
        "Include last year's full year (a period of different length, not a growth base)",
    ),
    "press_estimate": (
        "Sertakan perkiraan akhir tahun (ditulis sebagai perkiraan, bukan data)",
        "Include the year-end estimate (written as an estimate, not as data)",
    ),
    "press_copy": ("Salin teks", "Copy text"),
    "press_site": ("Lokasi siaran pers", "Site of the statement"),
    "checker": ("Periksa naskah", "Check a draft"),
    "checker_help": (
        "Tempel naskah atau unggah .txt/.docx: setiap angka diperiksa terhadap data {site}.",
        "Paste a draft or upload a .txt/.docx: every figure is checked against the data of "
        "{site} (findings in Indonesian).",
    ),
    "checker_upload": ("Unggah naskah (.txt atau .docx)", "Upload a draft (.txt or .docx)"),
    "checker_paste": ("Naskah", "Draft"),
    "checker_summary": (
        "{wrong} salah, {note} catatan, {ok} benar, {unchecked} tidak diperiksa.",
        "{wrong} wrong, {note} notes, {ok} right, {unchecked} not checked.",
    ),
    "checker_right": ("{n} angka benar", "{n} figures right"),
    "checker_none": ("Tidak ada angka yang ditemukan dalam naskah.", "No figures found in the draft."),
}
