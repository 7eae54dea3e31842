"""Word 97–2003's automatic list numbers (pure): the "1." or "A." Word shows before a paragraph
of a numbered list, which the text of a .doc does not hold.

Papers number their questions and letter their options with Word's numbering button as often as by
hand; without those numbers a paper's questions run together. As [MS-DOC] lays them out, each
paragraph's properties (a PAPX in a formatted-disk page, found by the position of its paragraph
mark) may name a list (sprmPIlfo, an index into the LFO table) and a level (sprmPIlvl); the LFO
names the list (its lsid in the LST table) and may restart a level; the list's level says how its
number looks ("%1." held as the template "\\x00.", the counter in a number format).
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass, field

from .read_docx import format_number

PAGE = 512
FC_PLCF_BTE_PAPX = 0x102  # FibRgFcLcb97: fcPlcfBtePapx / lcbPlcfBtePapx
FC_PLF_LST = 0x2E2
FC_PLF_LFO = 0x2EA
SPRM_P_ILVL, SPRM_P_ILFO = 0x260A, 0x460B
SPRM_T_DEF_TABLE = 0xD608  # a table row's definition: nothing after it concerns lists
OPERAND_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by the sprm's spra (top three bits)
LSTF_SIZE, LVLF_SIZE, LFO_SIZE = 28, 28, 16
LEVELS = 9
# MSONFC number formats as WordprocessingML names them (what read_docx.format_number renders)
FORMATS = {
    0x00: "decimal",
    0x01: "upperRoman",
    0x02: "lowerRoman",
    0x03: "upperLetter",
    0x04: "lowerLetter",
    0x0A: "ideographDigital",
    0x0E: "decimalFullWidth",
    0x12: "decimalEnclosedCircle",
    0x16: "decimalZero",
    0x17: "bullet",
    0x1A: "decimalEnclosedFullstop",
    0x1B: "decimalEnclosedParen",
    0x1C: "decimalEnclosedCircleChinese",
    0x1E: "ideographTraditional",
    0x1F: "ideographZodiac",
    0x21: "taiwaneseCounting",
    0x24: "taiwaneseDigital",
    0x25: "chineseCounting",
    0x26: "chineseLegalSimplified",
    0x27: "chineseCountingThousand",
    0xFF: "none",
}


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    template: str = ""  # "\x00." : level 0's number, then a full stop
    no_restart: bool = False


@dataclass
class ListNumbers:
    """Counters of every list, advanced paragraph by paragraph in document order."""

    lists: dict[int, list[Level]]  # lsid → its levels
    overrides: list[tuple[int, dict[int, int]]]  # by ilfo - 1: (lsid, level → start-at)
    counters: dict[int, list[int | None]] = field(default_factory=dict)
    restarted: set[tuple[int, int]] = field(default_factory=set)

    def label(self, ilfo: int, ilvl: int) -> str:
        if not 0 < ilfo <= len(self.overrides):
            return ""
        lsid, starts = self.overrides[ilfo - 1]
        levels = self.lists.get(lsid)
        if not levels or ilvl >= len(levels):
            return ""
        counters = self.counters.setdefault(lsid, [None] * LEVELS)
        if ilvl in starts and (ilfo, ilvl) not in self.restarted:
            self.restarted.add((ilfo, ilvl))
            counters[ilvl] = starts[ilvl] - 1
        current = counters[ilvl]
        counters[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, len(levels)):
            if not levels[deeper].no_restart:
                counters[deeper] = None
        return self._render(levels, counters, ilvl)

    @staticmethod
    def _render(levels: list[Level], counters: list[int | None], ilvl: int) -> str:
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""  # a bullet numbers nothing the parser could use
        out = []
        for ch in level.template:
            k = ord(ch)
            if k < len(levels):
                value = counters[k]
                out.append(format_number(levels[k].start if value is None else value, levels[k].fmt))
            else:
                out.append(ch)
        return "".join(out)


def list_numbers(word: bytes, table: bytes) -> ListNumbers | None:
    """The document's lists, or None when it has none."""
    fc_lst, lcb_lst = struct.unpack_from("<Ii", word, FC_PLF_LST)
    fc_lfo, lcb_lfo = struct.unpack_from("<Ii", word, FC_PLF_LFO)
    if lcb_lst <= 0 or lcb_lfo <= 0:
        return None
    return ListNumbers(_lists(table, fc_lst, lcb_lst), _overrides(table, fc_lfo))


def _lists(table: bytes, fc: int, lcb: int) -> dict[int, list[Level]]:
    (count,) = struct.unpack_from("<h", table, fc)
    at = fc + lcb  # the levels of every list follow the table of lists, in its order
    lists: dict[int, list[Level]] = {}
    for n in range(count):
        lstf = fc + 2 + n * LSTF_SIZE
        (lsid,) = struct.unpack_from("<i", table, lstf)
        simple = table[lstf + 26] & 0x01
        levels = []
        for _ in range(1 if simple else LEVELS):
            level, at = _level(table, at)
            levels.append(level)
        lists[lsid] = levels
    return lists


def _level(table: bytes, at: int) -> tuple[Level, int]:
    """The level at `at` (LVLF, its paragraph and character properties, its number text) and
    where the next begins."""
    (start,) = struct.unpack_from("<i", table, at)
    nfc, flags = table[at + 4], table[at + 5]
    chpx, papx = table[at + 24], table[at + 25]
    text_at = at + LVLF_SIZE + papx + chpx
    (chars,) = struct.unpack_from("<H", table, text_at)
    template = table[text_at + 2 : text_at + 2 + 2 * chars].decode("utf-16-le", "replace")
    level = Level(start, FORMATS.get(nfc, "decimal"), template, no_restart=bool(flags & 0x08))
    return level, text_at + 2 + 2 * chars


def _overrides(table: bytes, fc: int) -> list[tuple[int, dict[int, int]]]:
    (count,) = struct.unpack_from("<i", table, fc)
    lfos = [struct.unpack_from("<i8xB", table, fc + 4 + n * LFO_SIZE) for n in range(count)]
    at = fc + 4 + count * LFO_SIZE  # then each LFO's data: a CP, and its level overrides
    out: list[tuple[int, dict[int, int]]] = []
    for lsid, levels in lfos:
        at += 4
        starts: dict[int, int] = {}
        for _ in range(levels):
            start, flags = struct.unpack_from("<iI", table, at)
            at += 8
            if flags & 0x10:  # fStartAt: the level restarts at `start` where this LFO is first used
                starts[flags & 0x0F] = start
            if flags & 0x20:  # fFormatting: a whole level follows
                _, at = _level(table, at)
        out.append((lsid, starts))
    return out


def paragraph_lists(word: bytes, table: bytes) -> tuple[list[int], list[tuple[int, int]]]:
    """Where each run of paragraph properties begins (file positions, sorted) and the list and
    level each run names ((0, 0): none), read from the PAPX pages."""
    fc, lcb = struct.unpack_from("<Ii", word, FC_PLCF_BTE_PAPX)
    count = (lcb - 4) // 8
    if count <= 0:
        return [], []
    pages = struct.unpack_from(f"<{count}I", table, fc + 4 * (count + 1))
    starts: list[int] = []
    found: list[tuple[int, int]] = []
    for pn in pages:
        number = pn & 0x3FFFFF  # (the top bits are unused)
        page = word[number * PAGE : (number + 1) * PAGE]
        runs = page[PAGE - 1]
        bounds = struct.unpack_from(f"<{runs + 1}I", page)
        for n in range(runs):
            offset = page[4 * (runs + 1) + 13 * n] * 2
            starts.append(bounds[n])
            found.append(_list_of(page, offset) if offset else (0, 0))
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return [starts[n] for n in order], [found[n] for n in order]


def _list_of(page: bytes, offset: int) -> tuple[int, int]:
    """sprmPIlfo and sprmPIlvl among a PAPX's properties (after its style's index)."""
    size = page[offset]
    if size:
        at, end = offset + 1, offset + 1 + 2 * size - 1
    else:
        at, end = offset + 2, offset + 2 + 2 * page[offset + 1]
    at += 2  # the style
    ilfo = ilvl = 0
    while at + 2 <= end:
        (sprm,) = struct.unpack_from("<H", page, at)
        if sprm == SPRM_T_DEF_TABLE:
            break
        operand = at + 2
        spra = sprm >> 13
        width = 1 + page[operand] if spra == 6 else OPERAND_SIZES[spra]
        if sprm == SPRM_P_ILFO:
            (ilfo,) = struct.unpack_from("<h", page, operand)
        elif sprm == SPRM_P_ILVL:
            ilvl = page[operand]
        at = operand + width
    return max(ilfo, 0), min(ilvl, LEVELS - 1)


def list_at(starts: list[int], found: list[tuple[int, int]], fc: int) -> tuple[int, int]:
    """The list and level of the paragraph whose mark is at file position `fc`."""
    n = bisect.bisect_right(starts, fc) - 1
    return found[n] if n >= 0 else (0, 0)
