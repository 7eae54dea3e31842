"""Word 97–2003 binary documents (.doc): the main text, one line a paragraph (pure).

Papers on document-sharing sites are as often .doc as .docx. olefile opens the compound file;
the text itself is found as [MS-DOC] lays it out: the File Information Block names the table
stream and where its piece table (Clx) lies, and each piece of the table says where its run of
characters sits in the WordDocument stream and whether it is stored as cp1252 bytes or UTF-16.
Only the main document's characters are read (footnotes, headers and comments follow them).

In that text "\\r" ends a paragraph, "\\x07" a table cell (a second one the row), "\\x0b" is a
manual line break and "\\x0c" a page break; a field reads "\\x13code\\x14result\\x15", of which a
reader sees the result; "\\x01" and "\\x08" hold the places of pictures and drawings. Automatic
list numbers are formatting, not text: read_doc_lists tells each list paragraph's number, put
before it here as Word shows it; read_doc_marks tells which runs are coloured or underlined (a
key, a blank filled in), marked here as read_docx marks them.
"""

from __future__ import annotations

import bisect
import io
import re
import struct
from dataclasses import dataclass

import olefile

from .model import Line, PaperError
from .read_doc_lists import list_at, list_numbers, paragraph_lists
from .read_doc_marks import SYMBOL_PLACE, Looks, character_looks, text_looks
from .read_docx import finished_runs, join_number, run_text, settled_underlines

FIB_FLAGS = 0x0A  # FibBase.flags: bit 8 fEncrypted, bit 9 fWhichTblStm (1Table, else 0Table)
FIB_NFIB = 0x02
ENCRYPTED, TABLE_1 = 0x0100, 0x0200
CCP_TEXT = 0x4C  # FibRgLw97.ccpText: how many characters the main document holds
FC_CLX = 0x1A2  # FibRgFcLcb97.fcClx and lcbClx (the piece table's place in the table stream)
WORD97_NFIB = 0xC1  # Word 97 and later; Word 6/95 files lay out their text otherwise
MAX_CHARS = 20_000_000  # a paper's text is a few hundred thousand; more is a damaged count
COMPRESSED = 0x40000000  # a piece stored one byte a character (cp1252), at half its offset

PROTECTED = "the document is password-protected: remove the password and save it again"
DAMAGED = "the old Word .doc file is damaged or not a Word document: open it in Word and save it as .docx"


def read_doc(filename: str, data: bytes) -> list[Line]:
    try:
        text = _main_text(filename, data)
    except PaperError:
        raise
    except (OSError, ValueError, struct.error, IndexError, KeyError) as exc:
        raise PaperError(filename, DAMAGED) from exc
    lines = [
        Line(text=finished_runs(paragraph), lineno=n)
        for n, paragraph in enumerate(_paragraphs(text), start=1)
    ]
    return settled_underlines(lines)


@dataclass
class Piece:
    cp: int  # where its characters begin in the document's text
    text: str
    fc: int  # where they are stored in the WordDocument stream
    width: int  # bytes a character: 1 (cp1252) or 2 (UTF-16)


def _main_text(filename: str, data: bytes) -> str:
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        word = ole.openstream("WordDocument").read()
        (nfib,) = struct.unpack_from("<H", word, FIB_NFIB)
        (flags,) = struct.unpack_from("<H", word, FIB_FLAGS)
        if flags & ENCRYPTED:
            raise PaperError(filename, PROTECTED)
        if nfib < WORD97_NFIB:
            raise PaperError(filename, "a Word 6/95 document: open it in Word and save it as .docx")
        table_name = "1Table" if flags & TABLE_1 else "0Table"
        table = ole.openstream(table_name).read()
    ccp_text = struct.unpack_from("<i", word, CCP_TEXT)[0]
    fc_clx, lcb_clx = struct.unpack_from("<Ii", word, FC_CLX)
    if not 0 <= ccp_text <= MAX_CHARS or lcb_clx <= 0 or fc_clx + lcb_clx > len(table):
        raise ValueError("piece table out of range")
    pieces = _pieces(word, table[fc_clx : fc_clx + lcb_clx], ccp_text)
    return _numbered(pieces, word, table)


def _pieces(word: bytes, clx: bytes, ccp_text: int) -> list[Piece]:
    """The main document's characters, piece by piece, in order."""
    at = 0
    while clx[at] == 0x01:  # Prc: formatting (grpprl) the pieces refer to, skipped
        at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
    if clx[at] != 0x02:
        raise ValueError("no piece table")
    size = struct.unpack_from("<i", clx, at + 1)[0]
    plc = clx[at + 5 : at + 5 + size]
    count = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}i", plc)
    out: list[Piece] = []
    for n in range(count):
        start, end = cps[n], min(cps[n + 1], ccp_text)
        if end <= start:
            break
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * n + 2)[0]
        length = end - start
        if fc & COMPRESSED:
            offset = (fc & ~COMPRESSED) // 2
            out.append(Piece(start, word[offset : offset + length].decode("cp1252", "replace"), offset, 1))
        else:
            out.append(Piece(start, word[fc : fc + 2 * length].decode("utf-16-le", "replace"), fc, 2))
    return out


PARAGRAPH_END = re.compile("[\r\x07]")
NUMBERED = "\x1d"  # parts a list number from its paragraph's text until the lines are cut


def _numbered(pieces: list[Piece], word: bytes, table: bytes) -> str:
    """The text with each list paragraph's number before it ("1.\x1d题目") and its coloured and
    underlined runs in read_docx's marks; marks that hold no text dropped."""
    text = "".join(piece.text for piece in pieces)
    try:
        numbers = list_numbers(word, table)
        starts, lists = paragraph_lists(word, table)
    except (ValueError, struct.error, IndexError, KeyError):
        numbers = None  # damaged list tables: the text without its numbers, rather than no text
    looks = _looks(pieces, word, table)
    if numbers is None and looks is None:
        return text.translate(DROPPED)
    out: list[str] = []
    at = 0
    cps = [piece.cp for piece in pieces]
    for mark in PARAGRAPH_END.finditer(text):
        label = ""
        if numbers is not None:
            ilfo, ilvl = list_at(starts, lists, _fc(pieces, cps, mark.start()))
            label = numbers.label(ilfo, ilvl) if ilfo else ""
        out.append(f"{label}{NUMBERED}" if label else "")
        out.append(_looked(text, at, mark.end(), looks))
        at = mark.end()
    out.append(_looked(text, at, len(text), looks))
    return "".join(out)


def _looks(pieces: list[Piece], word: bytes, table: bytes) -> Looks | None:
    try:
        starts, looks = character_looks(word, table)
    except (ValueError, struct.error, IndexError, KeyError):
        return None  # damaged character properties: the text unmarked, rather than no text
    spans = [(piece.cp, len(piece.text), piece.fc, piece.width) for piece in pieces]
    return text_looks(spans, starts, looks)


# Where a run's marks must close: paragraph, cell and line ends, and a field's parts
RUN_BREAK = re.compile("([\r\x07\x0b\x0c\x13\x14\x15])")


def _looked(text: str, start: int, end: int, looks: Looks | None) -> str:
    """text[start:end], each stretch of it in the marks of how it looks."""
    if looks is None:
        return text[start:end].translate(DROPPED)
    out: list[str] = []
    bounds = [*looks.changes(start, end), end]
    for at, until in zip(bounds, bounds[1:], strict=False):
        look = looks.at(at)
        stretch = text[at:until].translate(DROPPED)
        stretch = stretch.replace(SYMBOL_PLACE, look.symbol) if look.symbol else stretch
        for part in RUN_BREAK.split(stretch):
            out.append(part if RUN_BREAK.fullmatch(part) else run_text(part, look.marked, look.underlined))
    return "".join(out)


def _fc(pieces: list[Piece], cps: list[int], cp: int) -> int:
    """Where character `cp` is stored (`cps`: where each piece begins)."""
    n = bisect.bisect_right(cps, cp) - 1
    piece = pieces[max(n, 0)]
    return piece.fc + (cp - piece.cp) * piece.width


FIELD_MARKS = re.compile("[\x13\x14\x15]")
DROPPED = str.maketrans({"\x01": None, "\x08": None, "\x02": None, "\x05": None, "\x1f": None, "\x1e": "-"})
ROW_END = re.compile("\x07(?:\r?\x07)+")  # the last cell's mark, then the row's own


def _paragraphs(text: str) -> list[str]:
    """The text split into paragraphs, fields read as their results, a table row a line of
    tab-separated cells (the marks that hold no text were dropped by _numbered)."""
    text = _field_results(text)
    text = ROW_END.sub("\r", text).replace("\x07", "\t")
    return [_joined(line) for line in re.split("[\r\x0b\x0c]", text)]


def _joined(line: str) -> str:
    """A list paragraph's number glued to its text as read_docx glues it (in a table's row, the
    numbers of its cells stay where they stand)."""
    if NUMBERED not in line:
        return line
    label, _, text = line.partition(NUMBERED)
    if "\t" in label:
        return line.replace(NUMBERED, "")
    return join_number(label, text.replace(NUMBERED, ""))


def _field_results(text: str) -> str:
    """ "\\x13 HYPERLINK … \\x14shown text\\x15" → "shown text"; a field without a result
    ("\\x13 PAGE \\x15") reads as nothing. Fields nest."""
    if "\x13" not in text:
        return text
    out: list[str] = []
    # one frame a field being read: is it at its result (after "\x14") or still in its code?
    showing: list[bool] = []
    at = 0
    for m in FIELD_MARKS.finditer(text):
        if all(showing):
            out.append(text[at : m.start()])
        mark = m.group()
        if mark == "\x13":
            showing.append(False)
        elif mark == "\x14" and showing:
            showing[-1] = True
        elif mark == "\x15" and showing:
            showing.pop()
        at = m.end()
    if all(showing):
        out.append(text[at:])
    return "".join(out)
