"""A press draft a user hands over (a pasted text, a .txt or a .docx), read under limits: the size of
the file and of the text, and a .docx read in a child process (mpp.guard) after its zip sizes are
checked, so a hostile draft costs a refusal (DraftRefused), not the server.

    text = read_draft(uploaded_bytes, "rilis.docx")     # or read_draft(Path("rilis.txt"))
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path

from mpp import fmt, guard

# A press draft is 2-10 KB of text (the seed article: 3.678 characters, 29 sentences). The limits
# leave ten times room and bound the checker's time: 100.000 characters check in about 1 s of CPU.

KB, MB = 1024, 1024 * 1024
MAX_DRAFT_CHARS = 100_000  # pasted or read text
MAX_DRAFT_BYTES = 5 * MB  # an uploaded .txt/.docx (a .docx with a photo is 1-3 MB)
MAX_DOCUMENT_XML = 20 * MB  # word/document.xml unpacked: ~100 KB of text is ~1-2 MB of XML
MAX_RATIO = 200  # unpacked / packed of a zip member over 1 MB, as for spreadsheets
MAX_SENTENCES = 1_000  # the seed article has 29; 100.000 characters of prose ~760
WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DraftRefused(ValueError):
    """A draft that is not read or checked, with the reason in Indonesian (English after ' / ')."""

    refusal = True  # mpp.guard passes it back from the child as itself


def read_draft(source, name: str | None = None) -> str:
    """The text of a draft file: a path (.txt or .docx) or the raw bytes of either. A .docx is read
    in a child process under a memory and time cap (mpp.guard), after its zip sizes are checked."""
    name = name or (Path(source).name if isinstance(source, (str, Path)) else "naskah")
    data = _draft_bytes(source, name)
    text = _docx_guarded(data, name) if data[:2] == b"PK" else _decoded(data)
    check_length(text, name)
    return text


def _draft_bytes(source, name: str) -> bytes:
    size = Path(source).stat().st_size if isinstance(source, (str, Path)) else len(source)
    if size > MAX_DRAFT_BYTES:
        raise DraftRefused(
            f"Berkas naskah {name} berukuran {fmt.number(size // KB)} KB, melebihi batas "
            f"{fmt.number(MAX_DRAFT_BYTES // MB)} MB. Tempel teksnya saja, atau simpan "
            "tanpa gambar. / The draft file is too large."
        )
    return Path(source).read_bytes() if isinstance(source, (str, Path)) else bytes(source)


def _decoded(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def check_length(text: str, name: str | None = None) -> None:
    """Refuse a draft too long to be a press statement (and to check in bounded time)."""
    if len(text) > MAX_DRAFT_CHARS:
        what = f"Naskah {name}" if name else "Naskah yang ditempel"
        raise DraftRefused(
            f"{what} berisi {fmt.number(len(text))} karakter, melebihi batas "
            f"{fmt.number(MAX_DRAFT_CHARS)} (sebuah siaran pers biasanya 2.000-10.000). "
            "Periksa per bagian. / The draft is too long to check."
        )


def check_sentences(texts: list[str]) -> None:
    if len(texts) > MAX_SENTENCES:
        raise DraftRefused(
            f"Naskah berisi {fmt.number(len(texts))} kalimat, melebihi batas "
            f"{fmt.number(MAX_SENTENCES)}. Periksa per bagian. / Too many sentences to check."
        )


def _docx_guarded(data: bytes, name: str) -> str:
    _check_docx_zip(data, name)
    try:
        return guard.run("mpp.press.checker.draft_file:docx_text", data, name, memory_mb=512, timeout=30)
    except guard.ChildFailed as failed:
        if failed.kind == "busy":
            raise DraftRefused(guard.busy_message(name)) from None
        raise DraftRefused(
            f"Naskah {name} tidak dapat dibaca dengan aman ({failed.kind}); tidak "
            "diperiksa. Tempel teksnya saja. / The .docx could not be read safely."
        ) from None


def _check_docx_zip(data: bytes, name: str) -> None:
    """Declared sizes, before anything is inflated (zipfile then stops a member at its declared size)."""
    try:
        infos = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _not_docx(name, "arsip zip rusak") from None
    document = infos.get("word/document.xml")
    if document is None:
        raise _not_docx(name, "tanpa word/document.xml")
    bomb = [
        i for i in infos.values() if i.file_size > MB and i.file_size > MAX_RATIO * max(1, i.compress_size)
    ]
    if document.file_size > MAX_DOCUMENT_XML or bomb:
        worst = document if document.file_size > MAX_DOCUMENT_XML else bomb[0]
        raise DraftRefused(
            f"Naskah {name}: bagian {worst.filename} mengembang menjadi "
            f"{fmt.number(worst.file_size // MB)} MB saat dibuka (batas "
            f"{fmt.number(MAX_DOCUMENT_XML // MB)} MB teks, {MAX_RATIO} kali ukurannya): "
            "bukan naskah siaran pers yang wajar. Tempel teksnya saja. / The .docx "
            "unpacks to too much."
        )


def _not_docx(name: str, why: str) -> DraftRefused:
    return DraftRefused(
        f"Naskah {name} bukan berkas .docx yang utuh ({why}). Simpan ulang dari Word, "
        "atau tempel teksnya. / Not a readable .docx."
    )


def docx_text(data: bytes, name: str) -> str:
    """The paragraphs of word/document.xml, streamed (runs in the guarded child). No DOCTYPE is
    accepted (expat would expand its entities), and reading stops past MAX_DRAFT_CHARS."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            with archive.open("word/document.xml") as stream:
                unsafe = guard.unsafe_xml(stream.read(65536))
            if unsafe:
                raise _not_docx(name, unsafe)
            with archive.open("word/document.xml") as stream:
                return "\n\n".join(_paragraphs(ET.iterparse(stream)))
    except (ET.ParseError, zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise _not_docx(name, str(exc)[:120]) from None


def _paragraphs(events):
    size = 0
    for _, element in events:
        if element.tag == f"{WORD}p":
            text = "".join(t.text or "" for t in element.iter(f"{WORD}t"))
            element.clear()
            yield text
            size += len(text)
            if size > MAX_DRAFT_CHARS:  # enough to refuse it as too long
                return
