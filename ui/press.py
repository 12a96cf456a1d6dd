"""Pieces of the Siaran Pers page: the checker's findings under their sentence, and a visible copy
button that works on a phone: st.code's copy icon shows only on hover, which a touch screen never has. The button lives in a component's iframe (Streamlit allows clipboard-write
there) and falls back to a selected text area and execCommand where the Clipboard API is missing (a
server reached over plain http is not a secure context)."""

from __future__ import annotations

import html
import json

import streamlit as st
import streamlit.components.v1 as components

from ui.base import t
from ui.text import plain

HEIGHT = 44  # the button's height in the page, in pixels
STYLE = """
:root { color-scheme: light dark; }
body { margin: 0; font-family: "Source Sans Pro", "Source Sans 3", sans-serif; }
button { font: inherit; font-size: 14px; line-height: 1.6; padding: 0.25rem 0.75rem; min-height: 2.5rem;
  border-radius: 0.5rem; border: 1px solid rgba(49, 51, 63, 0.2); background: #ffffff; color: #31333f;
  cursor: pointer; width: 100%; }
button:hover { border-color: #0b5394; color: #0b5394; }
@media (prefers-color-scheme: dark) {
  button { background: #0e1117; color: #fafafa; border-color: rgba(250, 250, 250, 0.2); }
}
"""
SCRIPT = """
const button = document.getElementById("copy");
function selected() {
  const area = document.createElement("textarea");
  area.value = TEXT; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
  document.body.appendChild(area); area.select(); area.setSelectionRange(0, TEXT.length);
  const done = document.execCommand("copy"); area.remove(); return done;
}
button.addEventListener("click", async () => {
  let done = false;
  try { await navigator.clipboard.writeText(TEXT); done = true; } catch (error) { done = selected(); }
  button.textContent = done ? DONE : FAILED;
  setTimeout(() => { button.textContent = LABEL; }, 2500);
});
"""


def _js(value: str) -> str:
    """A string as a JavaScript literal that cannot close the script tag it sits in."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def copy_button(text: str, width: int = 120) -> None:
    """A 'Salin teks' button that puts `text` on the clipboard and says 'Tersalin'."""
    label, done, failed = t("press_copy"), t("press_copied"), t("press_copy_failed")
    constants = "".join(
        f"const {name} = {_js(value)};\n"
        for name, value in (("TEXT", text), ("LABEL", label), ("DONE", done), ("FAILED", failed))
    )
    page = (
        f"<style>{STYLE}</style>"
        f'<button id="copy" type="button" title="{html.escape(label)}">{html.escape(label)}</button>'
        f"<script>{constants}{SCRIPT}</script>"
    )
    components.html(page, width=width, height=HEIGHT)


def findings_of(sentence: str, findings, show: dict) -> None:
    """One sentence of the draft, once, with each of its findings below it (`show`: status -> the
    st.error/st.warning/... that shows it)."""
    with st.container(border=True):
        st.markdown(plain(t("finding_sentence", sentence=sentence)))
        for finding in findings:
            show[finding.status](plain(finding.verdict()))
