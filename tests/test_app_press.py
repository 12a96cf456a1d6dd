"""The Siaran Pers page in Streamlit's AppTest on the demo data: the statement an official copies, and
the draft checker's findings."""

import re

import pytest


@pytest.fixture
def page(demo_db, open_app):
    return open_app(demo_db, "pages/6_Siaran_Pers.py")


def shown_text(at) -> str:
    """Everything the page writes as text: markdown, captions, code blocks, alerts."""
    parts = [*at.markdown, *at.caption, *at.code, *at.error, *at.warning, *at.info, *at.success]
    return "\n".join(part.value for part in parts)


def test_statement_paragraphs_shown_once(page):
    at = page.run()
    assert not at.exception
    assert at.subheader[0].value == "Kunjungan MPP Kota Balikpapan Januari-September 2025"
    shown = shown_text(at)
    assert "(Januari-September 2025 terhadap Januari-September 2024)" in shown
    assert "24,8 persen dari seluruh kunjungan layanan" in shown
    assert "29.158" not in shown
    assert (
        shown.count("Sepanjang Januari-September 2025, MPP Kota Balikpapan mencatat 41.481 pengunjung.") == 1
    )
    assert shown.count("Puncak kunjungan terjadi pada Juli 2025 dengan 6.814 pengunjung") == 1
    assert not at.code  # no second, monospace copy of the statement


def test_full_year_only_when_ticked(page):
    at = page.run()
    at.checkbox[0].check().run()
    shown = " ".join(m.value for m in at.markdown)
    assert "sepanjang tahun 2024 (12 bulan) tercatat 29.158 pengunjung" in shown


# A number written the Indonesian way (41.481; 92,3) or the English way (41,481; 92.3).
INDONESIAN_NUMBER = re.compile(r"\d\.\d{3}(?!\d)|\d,\d{1,2}(?!\d)")
ENGLISH_NUMBER = re.compile(r"\d,\d{3}(?!\d)|\d\.\d{1,2}(?!\d)")


def test_english_statement_writes_english_numbers(page):
    page.query_params["lang"] = "en"
    at = page.run()
    assert at.title[0].value == "Press statement"
    statement = " ".join(m.value for m in at.markdown)
    assert "In January-September 2025, MPP Kota Balikpapan recorded 41,481 visitors." in statement
    assert "This is 92.3 percent more" in statement
    assert "was 95.62, service grade A" in statement
    assert INDONESIAN_NUMBER.findall(shown_text(at)) == []


def test_indonesian_statement_writes_no_english_numbers(page):
    at = page.run()
    assert ENGLISH_NUMBER.findall(shown_text(at)) == []


def test_checker_lists_the_seed_findings(page, seed_text):
    at = page.run()
    at.text_area[0].input(seed_text("000")).run()
    assert not at.exception
    assert at.error[0].value.startswith("1 salah, ")
    wrong = [e.value for e in at.error[1:]]
    assert len(wrong) == 1 and "periode tidak setara" in wrong[0]
    assert "41.481 terhadap 21.576 pengunjung, naik 92,3 persen" in wrong[0]
    assert any("«6.814 pengunjung»" in s.value for s in at.success)
    assert any("«24,8 persen»" in w.value for w in at.warning)
    assert at.expander[0].label == "8 angka benar"  # the right figures folded away below the problems


def test_findings_are_grouped_under_their_sentence(page):
    """A sentence with three figures is written once, its three findings below it, without it."""
    sentence = (
        "Disdukcapil melayani 11.315 kunjungan layanan, DPMPTSP 8.767 dan Bankaltimtara 9.999 "
        "sepanjang Januari-September 2025."
    )
    at = page.run()
    at.text_area[0].input(sentence).run()
    assert not at.exception
    headers = [m.value for m in at.markdown if m.value.startswith("Kalimat:")]
    assert len(headers) == 2  # the sentence once among the problems, once among the right figures
    findings = [*at.error[1:], *at.warning, *at.success]
    assert any("«9.999»" in f.value for f in at.error[1:])
    assert sum("«11.315" in f.value or "«8.767" in f.value for f in at.success) == 2
    assert all("Kalimat:" not in f.value for f in findings)


def test_checker_passes_a_correct_draft(page):
    at = page.run()
    at.text_area[0].input("Hingga September 2025 tercatat 41.481 pengunjung.").run()
    assert at.success[0].value == "0 salah, 0 catatan, 1 benar, 0 tidak diperiksa."
    assert at.success[1].value.startswith("BENAR: «41.481 pengunjung»")


def test_the_sidebar_measure_drives_the_statement(page):
    at = page.run()
    at.sidebar.radio[1].set_value(at.sidebar.radio[1].options[1]).run()  # Kunjungan layanan
    assert "MPP Kota Balikpapan mencatat 45.540 kunjungan layanan." in shown_text(at)


def test_an_unreadable_upload_is_said_plainly(page):
    at = page.run()
    at.file_uploader[0].set_value(
        (
            "rusak.docx",
            b"PK\x03\x04 not a zip",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    ).run()
    assert not at.exception
    assert "bukan berkas .docx yang utuh" in at.error[0].value


def test_an_uploaded_docx_is_checked(page, seed_text):
    import io

    from docx import Document

    document = Document()
    for paragraph in seed_text("000").split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    at = page.run()
    at.file_uploader[0].set_value(
        (
            "draf.docx",
            buffer.getvalue(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    ).run()
    assert at.error[0].value.startswith("1 salah, ")


def test_year_end_estimate_only_when_ticked_and_the_checker_accepts_it(page):
    at = page.run()
    sentence = "MPP Kota Balikpapan diperkirakan menerima 53.000-60.000 pengunjung hingga Desember 2025"
    assert "diperkirakan" not in shown_text(at)  # off by default
    next(c for c in at.checkbox if c.label.startswith("Sertakan perkiraan akhir tahun")).check().run()
    statement = " ".join(m.value for m in at.markdown)
    assert sentence in statement and "angka ini perkiraan, bukan data." in statement
    at.text_area[0].input(statement).run()
    assert not at.exception
    assert at.success and at.success[0].value.startswith("0 salah"), [e.value for e in at.error]
    assert not at.error
    assert any(s.value.startswith("BENAR: «53.000-60.000 pengunjung»") for s in at.success)


def test_english_estimate_sentence_writes_english_numbers(page):
    page.query_params["lang"] = "en"
    at = page.run()
    next(c for c in at.checkbox if c.label.startswith("Include the year-end estimate")).check().run()
    statement = " ".join(m.value for m in at.markdown)
    assert "is estimated to reach 53,000-60,000 visitors by December 2025" in statement
    assert INDONESIAN_NUMBER.findall(shown_text(at)) == []
