"""Read stage: the bytes of an uploaded paper → numbered lines.

The format is told from the content, never from the extension: scraped papers are often
misnamed (a .doc that is really .docx, a .txt that is a PDF). Word documents are read by
read_docx, PDFs with a text layer by read_pdf, everything textual by read_text; the rest is
refused with a PaperError that names the file and says what it really is. An .xlsx is not a
paper: parse_document sends it to sheet_bank.read_spreadsheet before it reaches read_lines.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile

from .model import Line, PaperError
from .outline import mark_outline
from .read_doc import PROTECTED, read_doc
from .read_docx import check_zip_limits, read_docx
from .read_html import HTML_EXTENSIONS, is_marked_up_text, read_html, read_marked_up_text
from .read_markdown import markdown_lines
from .read_pdf import read_pdf
from .read_text import (
    HEAD_SIZE,
    BinaryContent,
    UndecodableText,
    decode_text,
    single_spaced,
    split_lines,
    utf16_encoding,
    without_common_indent,
)
from .read_wordml import is_word_xml, read_word_xml

NOT_OURS = "not a Word or text file"
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdx")
MAX_LINE_CHARS = 1_000_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UTF16_32_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)  # UTF-32 LE starts as 16 LE
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# Formats recognised by their first bytes alone (long or distinctive enough to be safe).
_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", "is an RTF file: open it in Word and save it as .docx"),
    (b"\x89PNG\r\n\x1a\n", f"is a PNG image, {NOT_OURS}"),
    (b"\xff\xd8\xff", f"is a JPEG image, {NOT_OURS}"),
    (b"GIF87a", f"is a GIF image, {NOT_OURS}"),
    (b"GIF89a", f"is a GIF image, {NOT_OURS}"),
    (b"Rar!\x1a\x07", f"is a RAR archive, {NOT_OURS}"),
    (b"7z\xbc\xaf\x27\x1c", f"is a 7-Zip archive, {NOT_OURS}"),
    (b"\x1f\x8b\x08", f"is a gzip archive, {NOT_OURS}"),
    (b"\x7fELF", f"is a program, {NOT_OURS}"),
)
# Checked only once the file already looks binary: these magics are short enough to
# begin a genuine text file.
_WEAK_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"MZ", f"is a Windows program, {NOT_OURS}"),
    (b"BM", f"is a BMP image, {NOT_OURS}"),
    (b"II*\x00", f"is a TIFF image, {NOT_OURS}"),
    (b"MM\x00*", f"is a TIFF image, {NOT_OURS}"),
)

XLS_REASON = "is an old Excel .xls spreadsheet"  # (read by xlrd, never refused for it)
WORD_DOC = "is an old Word .doc document"  # (read by read_doc, never refused for it)
# Stream names inside an OLE2 container (stored as UTF-16 LE in its directory).
_OLE_STREAMS: tuple[tuple[str, str], ...] = (
    ("EncryptedPackage", PROTECTED),
    ("WordDocument", WORD_DOC),
    ("Workbook", XLS_REASON),
    ("PowerPoint Document", f"is an old PowerPoint file, {NOT_OURS}"),
)


def is_plain_text(filename: str, data: bytes) -> bool:
    """Neither Word, PDF, Markdown nor a web page: lines as typed."""
    marked_up = filename.lower().endswith(MARKDOWN_EXTENSIONS) or is_web_page(filename, data)
    return not (marked_up or data.startswith(ZIP_MAGICS) or is_pdf(data) or data.startswith(OLE_MAGIC))


def read_lines(filename: str, data: bytes) -> list[Line]:
    """The lines of a paper, numbered as in the source; raise PaperError when it can't be read."""
    if not data.strip():
        raise PaperError(filename, "the file is empty")
    if data.startswith(ZIP_MAGICS):
        lines = _read_zip(filename, data)
    elif is_pdf(data):
        lines = read_pdf(filename, data)
    elif is_word_xml(data):
        lines = read_word_xml(filename, data)
    elif is_word_doc(data):
        lines = read_doc(filename, data)
    else:
        refuse_known_binary(filename, data)
        lines = _read_text(filename, data)
    if not any(line.text.strip() or line.images for line in lines):
        raise PaperError(filename, "the file is empty")
    lines = single_spaced(lines)
    if not any(line.text.strip() for line in lines):
        raise PaperError(filename, "the document holds pictures but no text (a scanned paper?)")
    longest = max(lines, key=lambda line: len(line.text))
    if len(longest.text) > MAX_LINE_CHARS:
        # Papers glued onto one line run to tens of thousands of characters, not millions.
        raise PaperError(
            filename,
            f"line {longest.lineno} is {len(longest.text):,} characters long: not the text of a paper",
        )
    return lines


def is_web_page(filename: str, data: bytes) -> bool:
    """An .html file, or a web page saved under another name: a .doc (exam systems export "Word"
    papers so; Word opens it), or a .txt or the server script's name the page was saved from,
    opening as a page does (a quiz about HTML may print "<html>" in its text)."""
    name = filename.lower()
    if name.endswith(".doc"):
        return is_html_doc(data)
    return name.endswith(HTML_EXTENSIONS) or (
        name.endswith(SAVED_PAGE_EXTENSIONS) and PAGE_OPENING.match(data[:HEAD_SIZE]) is not None
    )


SAVED_PAGE_EXTENSIONS = (".txt", ".php", ".asp", ".aspx", ".jsp")
# "<!DOCTYPE html>" or "<html>" first, after a byte-order mark, comments or the server script's
# own preamble ("<?php include_once(…); ?>", "<%@ Page … %>")
PAGE_OPENING = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:(?:<\?(?:php|xml)[\s\S]*?\?>|<%[\s\S]*?%>|<!--[\s\S]*?-->)\s*)*"
    rb"(?:<!doctype html|<html[\s>])",
    re.IGNORECASE,
)


def is_html_doc(data: bytes) -> bool:
    """The text declares itself a web page near its start."""
    return HTML_START.search(data[:HEAD_SIZE]) is not None


HTML_START = re.compile(rb"<html[\s>]|<!doctype html", re.IGNORECASE)


def is_pdf(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF")


def refuse_known_binary(filename: str, data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        raise PaperError(filename, _ole_reason(data))
    for magic, reason in _MAGICS:
        if data.startswith(magic):
            raise PaperError(filename, reason)
    head = data[:HEAD_SIZE]
    if b"\x00" in head and not _is_text_with_nuls(head):
        for magic, reason in _WEAK_MAGICS:
            if data.startswith(magic):
                raise PaperError(filename, reason)
        raise PaperError(filename, f"is binary data, {NOT_OURS}")


def _is_text_with_nuls(head: bytes) -> bool:
    """UTF-16/32 (NULs are part of the encoding), or UTF-8 text with a stray NUL."""
    return head.startswith(UTF16_32_BOMS) or utf16_encoding(head) is not None or _is_utf8_head(head)


def _is_utf8_head(head: bytes) -> bool:
    """Valid UTF-8, allowing a character cut by the end of the sample (a stray NUL in real text)."""
    for cut in range(4):
        try:
            head[: len(head) - cut].decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


def is_xls(data: bytes) -> bool:
    return _ole_reason(data) == XLS_REASON


def is_word_doc(data: bytes) -> bool:
    """Word 97–2003's binary document (a compound file holding a WordDocument stream)."""
    return data.startswith(OLE_MAGIC) and _ole_reason(data) == WORD_DOC


def _ole_reason(data: bytes) -> str:
    for stream, reason in _OLE_STREAMS:
        if stream.encode("utf-16-le") in data:
            return reason
    return f"is an Office file of an unknown kind, {NOT_OURS}"


def _read_text(filename: str, data: bytes) -> list[Line]:
    try:
        text = decode_text(data)
    except UndecodableText as exc:
        raise PaperError(filename, str(exc)) from exc
    except BinaryContent as exc:
        raise PaperError(filename, f"is binary data, {NOT_OURS}") from exc
    if is_web_page(filename, data):
        lines = read_html(text)
        if not lines and text.strip():
            raise PaperError(filename, "the web page could not be read: it is not HTML, or nests too deeply")
        return lines
    if not filename.lower().endswith(MARKDOWN_EXTENSIONS) and is_marked_up_text(text):
        return read_marked_up_text(text)  # a crawler's text of rich-text pages ("…<br><strong>…")
    if filename.lower().endswith(MARKDOWN_EXTENSIONS):
        # Markdown is told by its name: its syntax is ordinary punctuation in a .txt paper.
        lines = markdown_lines(text.removeprefix("\ufeff"))
        if any(line.text.strip() for line in lines):
            # (an outline: answers indented by "&emsp;" under their questions; nesting past the
            # parser's limit leaves nothing: then it is read as text)
            return mark_outline(lines)
    return mark_outline(without_common_indent(split_lines(text)))


def _read_zip(filename: str, data: bytes) -> list[Line]:
    """A .docx, or a refusal saying which other kind of zip (xlsx, pptx, odt…) this is."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise PaperError(
            filename, f"not a readable Word document: the file is damaged or truncated ({exc})"
        ) from exc
    with archive:
        if "word/document.xml" in names:
            check_zip_limits(filename, archive)
            return mark_outline(without_common_indent(read_docx(filename, data)))
        raise PaperError(filename, _other_zip_reason(filename, names))


def is_spreadsheet(data: bytes) -> bool:
    """An .xlsx (a zip holding xl/workbook.xml) or an old .xls (an OLE2 file with a Workbook
    stream, not password-protected): read as a spreadsheet, not as a paper."""
    if data.startswith(OLE_MAGIC):
        return is_xls(data)
    if not data.startswith(ZIP_MAGICS):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        return False


def _other_zip_reason(filename: str, names: set[str]) -> str:
    if "xl/workbook.xml" in names:
        return "is an Excel spreadsheet: spreadsheets are imported through the template, not as papers"
    if "ppt/presentation.xml" in names:
        return f"is a PowerPoint presentation, {NOT_OURS}"
    if "content.xml" in names and "mimetype" in names:
        return "is an OpenDocument (WPS/LibreOffice) file: save it as .docx"
    if filename.lower().endswith((".docx", ".docm", ".dotx")):
        return "not a readable Word document: word/document.xml is missing"
    return f"is a zip archive, {NOT_OURS}"
