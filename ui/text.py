"""Names from data (sites, agencies, files, users) shown as text, never as markdown.

Streamlit renders markdown in st.markdown, st.write, captions, alerts, titles, metric labels and
values, widget labels, expander and status labels, progress text and radio options. A site named
'![p](http://host/x.png)' would otherwise make every visitor's browser fetch that address, and
'**B**' would read bold. Selectbox and multiselect options are shown as plain text: pass names there
unescaped, or they show backslashes.

    st.caption(f"{plain(site)} · {measure}")
"""

from __future__ import annotations

import re

# Characters that start inline markdown anywhere in a line (emphasis, code, links, images, HTML,
# LaTeX, strikethrough, entities, tables).
INLINE = re.compile(r"([\\`*\[\]<>!~$&|])")
# '_' emphasises only at a word's edge: 'rekap_samarinda.xlsx' reads as it is, '_B_' is escaped.
EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# A colon touching the next character (a shortcode, or a URL scheme: 'http://x' turns into a link),
# 'www.' and '@' (bare addresses turn into links). Streamlit finds icons and bare addresses in the
# text after markdown is parsed, where a backslash is gone; a word joiner (zero width, invisible)
# after them breaks the match.
SHORTCODE_COLON = re.compile(r":(?=\S)")
BARE_LINK = re.compile(r"(?i)\bwww(?=\.)|@(?=\S)")
WORD_JOINER = "\u2060"
# What turns a line into a block only at its start: heading, quote, list item, ordered item.
BLOCK_START = re.compile(r"^([#>+\-=]|\d+(?=[.)]))")


def plain(name) -> str:
    """The name as markdown that renders exactly as the name reads: specials backslash-escaped,
    line breaks made spaces. 'MPP Kota Balikpapan' stays as it is; '**B**' becomes '\\*\\*B\\*\\*'."""
    text = " ".join(str(name).split())
    text = INLINE.sub(r"\\\1", text)
    text = EDGE_UNDERSCORE.sub(r"\\_", text)
    text = SHORTCODE_COLON.sub("\\:" + WORD_JOINER, text)
    text = BARE_LINK.sub(lambda m: m.group(0) + WORD_JOINER, text)
    return BLOCK_START.sub(_escape_block_start, text)


def _escape_block_start(match: re.Match) -> str:
    start = match.group(1)
    return "\\" + start if not start.isdigit() else start + "\\"


def plain_all(names) -> str:
    """Several names in one line, as captions list the chosen sites."""
    return ", ".join(plain(n) for n in names)
