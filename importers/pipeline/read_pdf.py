"""PDF papers with a text layer → lines, through pypdf (pure Python).

Each page's text is split into lines numbered through the document. Page furniture that a
PDF repeats is dropped here, where the page boundaries are still known: a line printed at
the top or bottom of most pages (the bank's title, "第 3 页 共 20 页", a bare page number).
A PDF without a text layer (a scan) is refused with a message that says so; so is an
encrypted one.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import TYPE_CHECKING

from . import rules
from .boundaries import BOUNDARY
from .model import Line, PaperError
from .pdf_cid_maps import restore_cid_maps
from .pdf_reading_order import page_text_in_reading_order

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

MAX_PAGES = 1_000
EDGE_LINES = 2  # a running header or footer sits in a page's first or last two lines
PAGE_NUMBER = re.compile(
    r"^(?:[-—–]\s*)?\d{1,4}(?:\s*[-—–])?$"  # "3", "- 3 -"
    r"|^第\s*\d+\s*[页頁](?:\s*[/,，]?\s*共\s*\d+\s*[页頁])?$"  # "第 3 页 共 20 页"
    r"|^\d+\s*/\s*\d+$"  # "3 / 20"
    r"|^(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?$",
    re.IGNORECASE,
)
DIGITS = re.compile(r"\d+")
# pypdf puts a space wherever a CJK run meets a digit or punctuation ("第 1 项", "什么 ?");
# a single such space is an artefact, two or more are a gap the page really shows.
_CJK = rules.CJK + "\u2e80-\u2fdf"  # with the radicals that PDF fonts use for ordinary characters
_NEAR = rf"[{_CJK}\d?!,.:;()]"
_ARTEFACT_SPACE = re.compile(rf"(?<=[{_CJK}]) (?={_NEAR})|(?<={_NEAR}) (?=[{_CJK}])")


# Word's PDFs map each glyph of an equation (Cambria Math) to its letter twice: "𝑓𝑓(𝑥𝑥)" for f(x).
DOUBLED_MATH_LETTER = re.compile(r"([\U0001D400-\U0001D7FF])\1")


def _single_math(text: str) -> str:
    return DOUBLED_MATH_LETTER.sub(r"\1", text) if max(text, default="") >= "\U0001d400" else text


# Bold faked by printing each glyph three times, a little apart (LaTeX's \pmb, some keys' headings):
# the text layer holds each character thrice, "填填填空空空题题题". Three in a row, thrice running,
# is no word's spelling.
OVERPRINTED = re.compile(r"(?:([^\W\d_])\1\1){3,}")  # (letters only: "_________" is a blank)


def _printed_once(text: str) -> str:
    return OVERPRINTED.sub(lambda m: m.group(0)[::3], text) if len(text) >= 9 else text


def read_pdf(filename: str, data: bytes) -> list[Line]:
    pages = _page_texts(filename, data)
    if not any(text.strip() for text in pages):
        raise PaperError(filename, "the PDF has no text layer (a scanned paper?): run OCR on it first")
    page_lines = [
        [_ARTEFACT_SPACE.sub("", _printed_once(_single_math(ln.strip()))) for ln in text.splitlines()]
        for text in pages
    ]
    labels = glyph_labels(page_lines)
    if labels:
        page_lines = [[ln.translate(labels) for ln in page] for page in page_lines]
    running = running_lines(page_lines)
    lines: list[Line] = []
    lineno = 0
    for page in page_lines:
        last = len(page) - 1
        for index, text in enumerate(page):
            lineno += 1
            at_edge = index < EDGE_LINES or index > last - EDGE_LINES
            if at_edge and (PAGE_NUMBER.match(text) or _shape(text) in running):
                continue
            lines.append(Line(text=text, lineno=lineno))
    return lines


def glyph_labels(pages: list[list[str]]) -> dict[int, str]:
    """Option labels drawn from a symbol font reach us as private-use characters (a national
    exam's Ⓐ Ⓑ Ⓒ Ⓓ as U+E18C…U+E18F): a run of consecutive such code points that each open
    lines or follow a gap, again and again, is the labels A, B, C… → "(A)", "(B)"…"""
    counts = Counter(m.group(1) for page in pages for ln in page for m in _GLYPH_AT_GAP.finditer(ln))
    best: dict[int, str] = {}
    for glyph in counts:
        start = ord(glyph)
        if chr(start - 1) in counts:
            continue  # not the first of a run
        run = 0
        while run < 8 and counts.get(chr(start + run), 0) >= MIN_LABEL_USES:
            run += 1
        if run >= 3 and run > len(best):
            best = {start + i: f"({'ABCDEFGH'[i]})" for i in range(run)}
    return best


_GLYPH_AT_GAP = re.compile("(?:^|(?<=\\s))([\ue000-\uf8ff])")
MIN_LABEL_USES = 3


DAMAGED = (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError)  # any reader's


def _opens_without_password(reader: PdfReader) -> bool:
    """Official papers are often "protected" by an owner password only (no printing, no copying):
    the empty user password opens them for reading, as any viewer does."""
    from pypdf.errors import DependencyError, PdfReadError

    try:
        return bool(reader.decrypt(""))
    except (DependencyError, PdfReadError, *DAMAGED):  # (AES without the cryptography package)
        return False


def _page_texts(filename: str, data: bytes) -> list[str]:
    from pypdf import PdfReader  # late: only PDFs pay for it
    from pypdf.errors import PdfReadError

    # pypdf logs each font it reads imperfectly ("fontTools is required…"): noise to an admin.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise PaperError(filename, "the PDF is password-protected: remove the password and save it again")
        if len(reader.pages) > MAX_PAGES:
            raise PaperError(filename, f"the PDF has {len(reader.pages)} pages (limit {MAX_PAGES}): split it")
        restore_cid_maps(reader)
        pages = [_whole_characters(_page_text(page)) for page in reader.pages]
    except PaperError:
        raise
    except (PdfReadError, *DAMAGED) as exc:
        # pypdf gives up on some producers' content streams that other readers open: try pdfminer
        read = _pdfminer_pages(data)
        if read is None:
            raise PaperError(
                filename, f"not a readable PDF: the file is damaged ({type(exc).__name__})"
            ) from exc
        return read
    if _fragmented(pages) > FRAGMENTED:
        # a line per font run ("二级过程" "：" "支持…" "，"): pdfminer lays the text out by position
        laid_out = _pdfminer_pages(data)
        if laid_out is not None and _fragmented(laid_out) < _fragmented(pages):
            return laid_out
    return pages


def _page_text(page: PageObject) -> str:
    box = page.mediabox
    foot = float(box.bottom) + FOOT_SHARE * abs(float(box.height))
    return page_text_in_reading_order(
        lambda visitor: page.extract_text(visitor_text=visitor) or "", abs(float(box.width)), foot
    )


FOOT_SHARE = 0.05  # of a page's height, the margin at its foot (page numbers, a footer)


# Of a page's lines, the share of one or two characters above which pypdf has split the text at
# every change of font (Word's PDFs set CJK punctuation in another font than the words).
FRAGMENTED = 0.33


def _fragmented(pages: list[str]) -> float:
    lines = [stripped for page in pages for line in page.splitlines() if (stripped := line.strip())]
    return sum(len(line) <= 2 for line in lines) / len(lines) if lines else 0.0


def _pdfminer_pages(data: bytes) -> list[str] | None:
    """The pages' text by pdfminer.six (slower, more forgiving), or None when it fails too."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        text = extract_text(io.BytesIO(data), maxpages=MAX_PAGES)
    except (PDFException, PSException, *DAMAGED, AssertionError, EOFError):
        return None
    pages = [_whole_characters(page) for page in text.split("\f")]
    return pages if any(page.strip() for page in pages) else None  # nothing read: damaged, not a scan


def running_lines(pages: list[list[str]]) -> set[str]:
    """Lines (with their digits ignored) at a page edge on at least half of the pages, and three."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        edges = {_shape(t) for t in page[:EDGE_LINES] + page[-EDGE_LINES:] if t and not _asks(t)}
        seen.update(edges)
    need = max(3, len(pages) // 2)
    return {shape for shape, count in seen.items() if count >= need}


def _shape(text: str) -> str:
    return DIGITS.sub("#", re.sub(r"\s+", "", text))


def _asks(text: str) -> bool:
    """Question material never counts as a running line, however often it repeats ("B.错误")."""
    return bool(BOUNDARY.match(text) or rules.JUDGEMENT.match(text))


def _whole_characters(text: str) -> str:
    """Maths fonts come out as UTF-16 surrogate halves: pairs are joined, a lone half becomes
    U+FFFD, so no later step meets a string that cannot be encoded."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
