"""Word 97–2003's character formatting that a paper's reading needs (pure): an option in red,
highlighted or bold is the answer, as in a .docx; an underlined word in a blank is the blank
filled in; a character inserted from a symbol font (Insert → Symbol: "ω", "×") is stored as "("
and the code it shows.

As [MS-DOC] lays them out, runs of character properties (a CHPX in a formatted-disk page, found
by the file position of the run's first character) are lists of sprms: sprmCIco (a colour of
Word's sixteen), sprmCCv (any colour), sprmCHighlight, sprmCFBold, sprmCKul (underline) and
sprmCSymbol (a font of the font table, SttbfFfn, and a code in it). The runs are told here;
read_doc wraps their text in the marks read_docx puts round a coloured or underlined run, so both
formats key their papers by the same rules, and puts each symbol in place of its "(".
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass

from .symbol_font import symbol_char

PAGE = 512
FC_PLCF_BTE_CHPX = 0xFA  # FibRgFcLcb97: fcPlcfBteChpx / lcbPlcfBteChpx
FC_STTBF_FFN = 0x112  # FibRgFcLcb97: fcSttbfFfn / lcbSttbfFfn, the font table
FFN_NAME = 39  # where an FFN's font name begins (after its flags, weight, charset, PANOSE, signature)
SPRM_C_ICO, SPRM_C_CV, SPRM_C_HIGHLIGHT = 0x2A42, 0x6870, 0x2A0C
SPRM_C_F_BOLD, SPRM_C_KUL, SPRM_C_SYMBOL = 0x0835, 0x2A3E, 0x6A09
SYMBOL_PLACE = "("  # what the text holds where a symbol-font character is shown
OPERAND_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by the sprm's spra (top three bits)
PLAIN_ICO = (0, 1)  # automatic, black
BOLD_ON = 1  # (0x81, "the opposite of the style's", is left plain: a bold heading's style turned off)
AUTO_COLOUR = 0xFF  # COLORREF.fAuto


@dataclass(frozen=True)
class Look:
    marked: bool = False  # coloured, highlighted or bold
    underlined: bool = False
    symbol: str = ""  # the character a symbol font shows in place of the text's "("


PLAIN = Look()


def character_looks(word: bytes, table: bytes) -> tuple[list[int], list[Look]]:
    """Where each run of character properties begins (file positions, sorted) and how it looks."""
    fc, lcb = struct.unpack_from("<Ii", word, FC_PLCF_BTE_CHPX)
    count = (lcb - 4) // 8
    if count <= 0:
        return [], []
    pages = struct.unpack_from(f"<{count}I", table, fc + 4 * (count + 1))
    fonts = _font_names(word, table)
    runs: list[tuple[int, Look]] = []
    for pn in pages:
        number = pn & 0x3FFFFF
        page = word[number * PAGE : (number + 1) * PAGE]
        crun = page[PAGE - 1]
        bounds = struct.unpack_from(f"<{crun + 1}I", page)
        for n in range(crun):
            offset = page[4 * (crun + 1) + n] * 2
            runs.append((bounds[n], _look(page, offset, fonts) if offset else PLAIN))
    runs.sort(key=lambda run: run[0])
    return [start for start, _ in runs], [look for _, look in runs]


def _font_names(word: bytes, table: bytes) -> list[str]:
    """The document's fonts, by index (an STTB of FFN records)."""
    fc, lcb = struct.unpack_from("<Ii", word, FC_STTBF_FFN)
    if lcb <= 0:
        return []
    (count,) = struct.unpack_from("<H", table, fc)
    names: list[str] = []
    at = fc + 4  # (after the count and cbExtra)
    for _ in range(count):
        size = table[at]
        ffn = table[at + 1 : at + 1 + size]
        names.append(ffn[FFN_NAME:].decode("utf-16-le", "replace").split("\x00")[0])
        at += 1 + size
    return names


def _look(page: bytes, offset: int, fonts: list[str]) -> Look:
    """The marks a CHPX's sprms set."""
    at, end = offset + 1, offset + 1 + page[offset]
    marked = underlined = False
    symbol = ""
    while at + 2 <= end:
        (sprm,) = struct.unpack_from("<H", page, at)
        operand = at + 2
        spra = sprm >> 13
        width = 1 + page[operand] if spra == 6 else OPERAND_SIZES[spra]
        value = page[operand]
        if sprm == SPRM_C_ICO:
            marked |= value not in PLAIN_ICO
        elif sprm == SPRM_C_HIGHLIGHT:
            marked |= value != 0
        elif sprm == SPRM_C_CV:
            red, green, blue, auto = page[operand : operand + 4]
            marked |= auto != AUTO_COLOUR and (red, green, blue) != (0, 0, 0)
        elif sprm == SPRM_C_F_BOLD:
            marked |= value == BOLD_ON
        elif sprm == SPRM_C_KUL:
            underlined = value != 0
        elif sprm == SPRM_C_SYMBOL:
            font, code = struct.unpack_from("<HH", page, operand)
            symbol = symbol_char(code, fonts[font] if font < len(fonts) else "")
        at = operand + width
    return Look(marked, underlined, symbol)


@dataclass
class Looks:
    """How each stretch of the document's text looks: `starts` (character positions, sorted)
    and the look from each on."""

    starts: list[int]
    looks: list[Look]

    def at(self, cp: int) -> Look:
        n = bisect.bisect_right(self.starts, cp) - 1
        return self.looks[n] if n >= 0 else PLAIN

    def changes(self, start: int, end: int) -> list[int]:
        """Positions in [start, end) where the look changes, start first."""
        lo, hi = bisect.bisect_right(self.starts, start), bisect.bisect_left(self.starts, end)
        return [start, *self.starts[lo:hi]]


def text_looks(spans: list[tuple[int, int, int, int]], starts: list[int], looks: list[Look]) -> Looks | None:
    """The runs placed on the text: `spans` are the pieces' (first character, characters, file
    position, bytes a character). None when nothing is marked or underlined."""
    if not any(look != PLAIN for look in looks):
        return None
    out_starts: list[int] = []
    out_looks: list[Look] = []
    for cp, length, fc, width in spans:
        n = max(bisect.bisect_right(starts, fc) - 1, 0)
        while n < len(starts) and starts[n] < fc + length * width:
            at = cp + max(0, (starts[n] - fc) // width)
            look = looks[n]
            if out_starts and out_starts[-1] == at:
                out_looks[-1] = look
            else:
                out_starts.append(at)
                out_looks.append(look)
            n += 1
    return Looks(out_starts, out_looks)
