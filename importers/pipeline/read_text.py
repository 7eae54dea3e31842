"""Text papers (.txt, .md, anything textual): bytes → decoded lines.

Only decoding and line splitting happen here; NFKC, furniture removal and the
like belong to the clean stage. Markdown is passed through as is.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import replace

from .model import Line

# Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

HEAD_SIZE = 8192  # bytes sniffed for NUL patterns

# A file that is "mostly UTF-8" with a few broken bytes (a scrape cut mid-character, one
# stray Latin-1 byte) decodes cleanly as GB18030 too — into mojibake. Valid multi-byte
# UTF-8 sequences essentially never occur by chance in GBK text, so when nearly all
# non-ASCII text is valid UTF-8 we keep UTF-8 and let U+FFFD mark the damage.
_MOSTLY_UTF8_MIN_CHARS = 20
_MOSTLY_UTF8_MAX_BAD_RATIO = 0.005

# Decoded text with more C0 control characters than this is binary, whatever decoded it.
_MAX_CONTROL_RATIO = 0.01
# C0 controls other than \t \n \v \f \r and \x1a (the DOS end-of-file marker).
_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f]")

_TEXT_BYTES = frozenset(range(0x20, 0x7F)) | {0x09, 0x0A, 0x0D}

# Physical line ends (each one advances the line number, as editors and grep count them).
_PHYSICAL_EOL = re.compile(r"\r\n|\r|\n")
# Unicode line/paragraph separators split a line without advancing its number: most editors
# and grep do not count them, so the source line number stays the one a user can find.
_SOFT_EOL = re.compile("[\u2028\u2029]")


class UndecodableText(Exception):
    """The bytes are not text in any encoding we know (read.py turns this into a PaperError)."""


class BinaryContent(Exception):
    """The bytes decoded, but the result is full of control characters."""


def decode_text(data: bytes) -> str:
    """Decode a text paper: BOM, UTF-8, UTF-16 by NUL pattern, Big5, GB18030, then a best guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError as exc:
                raise UndecodableText(
                    f"it starts with a {encoding} byte-order mark but is not {encoding}"
                ) from exc
    for decode in (_strict("utf-8"), _utf16_by_nuls, _mostly_utf8, _gb18030_or_big5, _best_guess):
        text = decode(data)
        if text is not None:
            return _checked(text)
    raise UndecodableText("cannot tell the text encoding")


def utf16_encoding(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when `head` looks like BOM-less UTF-16 text, else None.

    ASCII characters (digits, option letters, punctuation, newlines) in UTF-16 pair a text
    byte with a NUL: (x, 0) in LE, (0, x) in BE. CJK code points such as 一 (U+4E00) make a
    few pairs the other way, so we ask for a clear majority rather than unanimity. Binary
    formats are full of (0, 0) pairs, which text never has (U+0000). Pure-CJK UTF-16
    without a single ASCII character is not detected.
    """
    n = len(head) - len(head) % 2
    le = be = zeros = 0
    for low, high in zip(head[0:n:2], head[1:n:2], strict=True):
        if low == 0 and high == 0:
            zeros += 1
        elif high == 0 and low in _TEXT_BYTES:
            le += 1
        elif low == 0 and high in _TEXT_BYTES:
            be += 1
    if zeros * 100 > max(le, be):
        return None
    if le >= 2 and le >= 2 * be:
        return "utf-16-le"
    if be >= 2 and be >= 2 * le:
        return "utf-16-be"
    return None


def split_lines(text: str) -> list[Line]:
    """Lines numbered 1-based as in the source; a final newline does not add an empty line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\f" in text:
        text = text.replace("\f", "")  # a PDF's page break in pulled text: no indentation of its line
    physical = _PHYSICAL_EOL.split(text)
    if len(physical) > 1 and physical[-1] == "":
        physical.pop()
    lines: list[Line] = []
    for lineno, raw in enumerate(physical, 1):
        for part in _SOFT_EOL.split(raw):
            # A BOM at a line edge is left over from files concatenated by a scraper.
            lines.append(Line(text=part.strip("\ufeff"), lineno=lineno))
    return lines


def single_spaced(lines: list[Line]) -> list[Line]:
    """A text double-spaced as scrapes leave it (a blank line after every line, a paragraph's
    wrapped lines too), read single-spaced: one blank line less in every run of them, so a blank
    line is left only where the text had more than one (line numbers kept)."""
    blank = [not (line.text.strip() or line.images) for line in lines]
    filled = [i for i, is_blank in enumerate(blank) if not is_blank]
    if len(filled) < MIN_SPACED_LINES:
        return lines
    spaced = sum(1 for i, j in zip(filled, filled[1:], strict=False) if j - i == 2)
    if spaced < DOUBLE_SPACED_SHARE * (len(filled) - 1):
        return lines
    # (the last blank line of each run is the one the spacing added)
    return [
        line for i, line in enumerate(lines) if not (blank[i] and (i + 1 == len(lines) or not blank[i + 1]))
    ]


MIN_SPACED_LINES = 10
DOUBLE_SPACED_SHARE = 0.9


def without_common_indent(lines: list[Line]) -> list[Line]:
    """`lines` less the indentation every one of them shares: text pasted from Word may open each
    paragraph with "　　", which says nothing; an outline shows in the indentation beyond it."""
    cut = min((len(line.text) - len(line.text.lstrip()) for line in lines if line.text.strip()), default=0)
    if not cut:
        return lines
    return [replace(line, text=line.text[cut:]) if line.text.strip() else line for line in lines]


def _strict(encoding: str) -> Callable[[bytes], str | None]:
    def decode(data: bytes) -> str | None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            return None

    return decode


def _utf16_by_nuls(data: bytes) -> str | None:
    encoding = utf16_encoding(data[:HEAD_SIZE])
    if encoding is None:
        return None
    # An odd trailing byte is a truncated file; drop it rather than refuse the paper.
    body = data[: len(data) - len(data) % 2]
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - bad
    if non_ascii >= _MOSTLY_UTF8_MIN_CHARS and bad <= max(3, non_ascii * _MOSTLY_UTF8_MAX_BAD_RATIO):
        return text
    return None


# Big5 (Taiwan's and Hong Kong's papers) decodes as GB18030 without an error, into mojibake: its
# common characters' lead bytes are GBK's rows of kana and bopomofo. Chinese papers hold almost
# none of those; where a GB18030 reading is full of them and the bytes are valid Big5, it is Big5.
KANA_OR_BOPOMOFO = re.compile("[\u3040-\u30ff\u3100-\u312f]")
BIG5_KANA_SHARE = 0.05
WIDE = re.compile("[\u3000-\U0002ffff]")


def _gb18030_or_big5(data: bytes) -> str | None:
    try:
        as_gbk = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    kana = len(KANA_OR_BOPOMOFO.findall(as_gbk))
    if kana < 5 or kana < len(WIDE.findall(as_gbk)) * BIG5_KANA_SHARE:  # (GBK papers stop at the first test)
        return as_gbk
    try:
        return data.decode("cp950")
    except UnicodeDecodeError:
        return as_gbk  # (not Big5 after all: kana as printed)


def _best_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported late: only odd files get here

    match = from_bytes(data).best()
    return None if match is None else str(match)


def _checked(text: str) -> str:
    """Refuse decoded text that is mostly control characters (binary that happened to decode)."""
    controls = sum(1 for _ in _CONTROL.finditer(text))
    if controls > max(2, len(text) * _MAX_CONTROL_RATIO):
        raise BinaryContent("it is binary data, not text")
    return text
