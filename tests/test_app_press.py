"""The Siaran Pers page in Streamlit's AppTest on the demo data: the statement an official copies, and
the draft checker's findings."""

import pytest


@pytest.fixture
def page(demo_db, open_app):
    return open_app(demo_db, "pages/6_Siaran_Pers.py")


def test_statement_paragraphs_and_the_text_to_copy(page):
    at = page.run()
    assert not at.exception
    assert at.subheader[0].value == "Kunjungan MPP Kota Balikpapan Januari-September 2025"
    shown = " ".join(m.value for m in at.markdown)
    assert "Sepanjang Januari-September 2025, MPP Kota Balikpapan mencatat 41.481 pengunjung." in shown
    assert "(Januari-September 2025 terhadap Januari-September 2024)" in shown
    assert "24,8 persen dari seluruh kunjungan layanan" in shown
    assert "29.158" not in shown
    assert "Puncak kunjungan terjadi pada Juli 2025 dengan 6.814 pengunjung" in at.code[0].value


def test_full_year_only_when_ticked(page):
    at = page.run()
    at.checkbox[0].check().run()
    shown = " ".join(m.value for m in at.markdown)
    assert "sepanjang tahun 2024 (12 bulan) tercatat 29.158 pengunjung" in shown


def test_english_statement(page):
    page.query_params["lang"] = "en"
    at = page.run()
    assert at.title[0].value == "Press statement"
    assert "In January-September 2025, MPP Kota Balikpapan recorded 41.481 visitors." in at.code[0].value


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


def test_checker_passes_a_correct_draft(page):
    at = page.run()
    at.text_area[0].input("Hingga September 2025 tercatat 41.481 pengunjung.").run()
    assert at.success[0].value == "0 salah, 0 catatan, 1 benar, 0 tidak diperiksa."
    assert at.success[1].value.startswith("BENAR: «41.481 pengunjung»")


def test_the_sidebar_measure_drives_the_statement(page):
    at = page.run()
    at.sidebar.radio[1].set_value(at.sidebar.radio[1].options[1]).run()  # Kunjungan layanan
    assert "MPP Kota Balikpapan mencatat 45.540 kunjungan layanan." in at.code[0].value


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
