"""The Siaran Pers page in Chromium on a phone (390x844): the statement once, a visible copy button that
puts it on the clipboard, and the upload widget's own words in the reader's language."""

import pytest

from tests.live_server import ROOT, chromium_page, wait_rendered

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
# The words the page writes over Streamlit's own (a pseudo-element: not in innerText).
WIDGET_WORDS = """() => {
    const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
    const word = (el) => getComputedStyle(el, '::after').content;
    return [word(zone.querySelector('button p')),
            word(zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span'))];
}"""


@pytest.mark.parametrize(
    "lang, button, limit, statement",
    [
        ("id", "Salin teks", "Maks. 100 MB per berkas • TXT, DOCX", "mencatat 41.481 pengunjung."),
        ("en", "Copy text", "Up to 100 MB per file • TXT, DOCX", "recorded 41,481 visitors."),
    ],
)
def test_copy_button_and_upload_words_on_a_phone(server, lang, button, limit, statement):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_page(**PHONE) as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
        page.goto(f"{server}/Siaran_Pers?lang={lang}")
        wait_rendered(page, statement)
        assert page.inner_text("body").count(statement) == 1  # no second copy of the statement
        page.wait_for_selector('[data-testid="stFileUploaderDropzone"]')
        browse = "Pilih berkas" if lang == "id" else "Browse files"
        assert page.evaluate(WIDGET_WORDS) == [f'"{browse}"', f'"{limit}"']
        copy = page.frame_locator("iframe").get_by_role("button", name=button)
        copy.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"press_phone_{lang}.png"))
        box = copy.bounding_box()
        assert box and box["width"] > 60 and box["height"] > 30  # a button a finger can press
        copy.click()
        page.wait_for_function(  # the write is asynchronous: read the clipboard once it says it is done
            "t => [...document.querySelectorAll('iframe')].some(f => f.contentDocument?.body.innerText.includes(t))",
            arg="Tersalin" if lang == "id" else "Copied",
        )
        copied = page.evaluate("navigator.clipboard.readText()")
        assert statement in copied and copied.startswith(("Kunjungan MPP", "Visits to MPP"))
