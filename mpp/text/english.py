"""Words that the English interface needed beyond the pages' own tables (issue 14): the word after a
percent in prose, the upload widget's own text, the copy action and the Word document's source line."""

ENGLISH_TEXT = {
    "percent_word": ("persen", "percent"),  # after a figure in prose: '24,8 persen' / '24.8 percent'
}
