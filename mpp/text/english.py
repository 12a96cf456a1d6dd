"""Words that the English interface needed beyond the pages' own tables (issue 14): the word after a
percent in prose, the upload widget's own text, the copy action and the Word document's source line."""

ENGLISH_TEXT = {
    "percent_word": ("persen", "percent"),  # after a figure in prose: '24,8 persen' / '24.8 percent'
    # the copy button of the press statement (ui/clipboard.py)
    "press_copied": ("Tersalin", "Copied"),
    "press_copy_failed": ("Gagal: pilih teksnya", "Failed: select the text"),
    # the upload widget's own words, which Streamlit writes in English only (ui.base.file_uploader)
    "upload_browse": ("Pilih berkas", "Browse files"),
    "upload_limit": ("Maks. {size} MB per berkas", "Up to {size} MB per file"),
}
