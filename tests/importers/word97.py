"""Build a Word 97 binary document (.doc) in memory, as [MS-CFB] and [MS-DOC] lay one out: a
compound file of a WordDocument stream (the FIB, then the text) and a 1Table stream (the piece
table). Only what a text reader looks at is filled in."""

from __future__ import annotations

import struct

SECTOR = 512
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MIN_STREAM = 4096  # streams this long or longer live in ordinary sectors (no mini stream to build)
TEXT_AT = 0x800  # where the text starts in the WordDocument stream


def word97(
    pieces: list[tuple[str, bool]],
    main_chars: int | None = None,
    flags: int = 0x0200,
    lists: list[tuple[int, int] | None] | None = None,
    runs: list[tuple[int, bytes]] | None = None,
    fonts: list[str] | None = None,
) -> bytes:
    """A .doc whose text is `pieces` in order, each stored as cp1252 bytes (True) or UTF-16; the
    main document is the first `main_chars` characters (all of them by default). `lists` gives
    each paragraph's (list override, level), or None for a paragraph in no list: override 1 is a
    list numbered "1." at level 0 and "A." at level 1; override 2 the same list, restarting
    level 0 at 1 (the pieces must then be one UTF-16 piece). `runs` gives the character
    properties (sprms) from each character on, of a text of one UTF-16 piece; `fonts` the font
    table they name fonts from."""
    stored = bytearray()
    places: list[int] = []
    for text, compressed in pieces:
        places.append((TEXT_AT + len(stored)) * 2 | 0x40000000 if compressed else TEXT_AT + len(stored))
        stored += text.encode("cp1252") if compressed else text.encode("utf-16-le")
    cps = [0]
    for text, _ in pieces:
        cps.append(cps[-1] + len(text))
    plc = struct.pack(f"<{len(cps)}i", *cps) + b"".join(struct.pack("<HIH", 0, fc, 0) for fc in places)
    prc = b"\x01" + struct.pack("<h", 2) + b"\x00\x00"  # a grpprl the reader must step over
    clx = prc + b"\x02" + struct.pack("<i", len(plc)) + plc
    table = bytearray(clx)

    fib = bytearray(TEXT_AT)
    if lists is not None:
        ((text, _),) = pieces
        stored += b"\x00" * (-(TEXT_AT + len(stored)) % SECTOR)  # the page of properties starts a page
        page_number = (TEXT_AT + len(stored)) // SECTOR
        stored += _papx_page(text, lists)
        bte = struct.pack("<iiI", TEXT_AT, TEXT_AT + 2 * len(text), page_number)
        struct.pack_into("<Ii", fib, 0x102, len(table), len(bte))  # fcPlcfBtePapx, lcbPlcfBtePapx
        table += bte
        lst, levels, lfo = _list_tables()
        struct.pack_into("<Ii", fib, 0x2E2, len(table), len(lst))  # fcPlfLst: the levels follow it
        table += lst + levels
        struct.pack_into("<Ii", fib, 0x2EA, len(table), len(lfo))  # fcPlfLfo
        table += lfo
    if runs is not None:
        ((text, _),) = pieces
        stored += b"\x00" * (-(TEXT_AT + len(stored)) % SECTOR)
        page_number = (TEXT_AT + len(stored)) // SECTOR
        stored += _chpx_page(len(text), runs)
        bte = struct.pack("<iiI", TEXT_AT, TEXT_AT + 2 * len(text), page_number)
        struct.pack_into("<Ii", fib, 0xFA, len(table), len(bte))  # fcPlcfBteChpx, lcbPlcfBteChpx
        table += bte
    if fonts is not None:
        ffns = b""
        for name in fonts:
            ffn = bytes(39) + (name + "\x00").encode("utf-16-le")
            ffns += bytes([len(ffn)]) + ffn
        sttbf = struct.pack("<HH", len(fonts), 0) + ffns
        struct.pack_into("<Ii", fib, 0x112, len(table), len(sttbf))  # fcSttbfFfn, lcbSttbfFfn
        table += sttbf
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)  # wIdent, nFib (Word 97)
    struct.pack_into("<H", fib, 0x0A, flags)  # fWhichTblStm: the piece table is in 1Table
    struct.pack_into("<i", fib, 0x4C, cps[-1] if main_chars is None else main_chars)  # ccpText
    struct.pack_into("<Ii", fib, 0x1A2, 0, len(clx))  # fcClx, lcbClx
    word = bytes(fib + stored).ljust(MIN_STREAM, b"\x00")
    return compound_file({"1Table": bytes(table).ljust(MIN_STREAM, b"\x00"), "WordDocument": word})


def _papx_page(text: str, lists: list[tuple[int, int] | None]) -> bytes:
    """One formatted-disk page of paragraph properties: a run a paragraph, naming its list."""
    paragraphs = text.split("\r")[:-1]
    assert len(paragraphs) == len(lists), "a list entry for each paragraph"
    bounds, fc = [TEXT_AT], TEXT_AT
    for paragraph in paragraphs:
        fc += 2 * (len(paragraph) + 1)
        bounds.append(fc)
    page = bytearray(SECTOR)
    runs = len(paragraphs)
    struct.pack_into(f"<{runs + 1}I", page, 0, *bounds)
    free = SECTOR - 1
    for n, entry in enumerate(lists):
        if entry is None:
            continue  # offset 0: the default properties
        ilfo, ilvl = entry
        papx = bytes([5]) + struct.pack("<HHBHh", 0, 0x260A, ilvl, 0x460B, ilfo)  # 2×5-1 bytes after
        free = (free - len(papx)) & ~1
        page[free : free + len(papx)] = papx
        page[4 * (runs + 1) + 13 * n] = free // 2
    assert free >= 4 * (runs + 1) + 13 * runs, "one page of properties is enough for a test document"
    page[SECTOR - 1] = runs
    return bytes(page)


def _chpx_page(chars: int, runs: list[tuple[int, bytes]]) -> bytes:
    """One formatted-disk page of character properties: a run from each given character on."""
    bounds = [TEXT_AT + 2 * start for start, _ in runs] + [TEXT_AT + 2 * chars]
    page = bytearray(SECTOR)
    count = len(runs)
    struct.pack_into(f"<{count + 1}I", page, 0, *bounds)
    free = SECTOR - 1
    for n, (_, sprms) in enumerate(runs):
        if not sprms:
            continue  # offset 0: the default properties
        chpx = bytes([len(sprms)]) + sprms
        free = (free - len(chpx)) & ~1
        page[free : free + len(chpx)] = chpx
        page[4 * (count + 1) + n] = free // 2
    assert free >= 5 * count + 4, "one page of properties is enough for a test document"
    page[SECTOR - 1] = count
    return bytes(page)


RED = struct.pack("<HB", 0x2A42, 6)  # sprmCIco: red
RGB_BLUE = struct.pack("<H4B", 0x6870, 0, 0, 255, 0)  # sprmCCv
BOLD = struct.pack("<HB", 0x0835, 1)  # sprmCFBold
UNDERLINE = struct.pack("<HB", 0x2A3E, 1)  # sprmCKul: single


def symbol(font: int, code: int) -> bytes:
    """sprmCSymbol: the character `code` of font `font` shown in place of the text's "("."""
    return struct.pack("<HHH", 0x6A09, font, code)


def _list_tables() -> tuple[bytes, bytes, bytes]:
    """The list (lsid 7: "1." then "A."), its nine levels, and its two overrides (the second
    restarting level 0 at 1)."""
    lstf = struct.pack("<ii", 7, 0) + b"\xff\x0f" * 9 + bytes([0, 0])
    levels = b""
    for level in range(9):
        nfc = 3 if level == 1 else 0
        template = (chr(level) + ".").encode("utf-16-le")
        levels += struct.pack("<iBB9sBii4B", 1, nfc, 0, bytes(9), 0, 0, 0, 0, 0, 0, 0)
        levels += struct.pack("<H", 2) + template
    lfo = struct.pack("<i", 2)
    lfo += struct.pack("<i8xB3x", 7, 0) + struct.pack("<i8xB3x", 7, 1)
    lfo += struct.pack("<i", -1)  # override 1's data: its position, no levels
    lfo += struct.pack("<i", -1) + struct.pack("<iI", 1, 0x10)  # override 2: level 0 starts at 1
    return struct.pack("<h", 1) + lstf, levels, lfo


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file (version 3) holding `streams` at its root, each ≥ MIN_STREAM bytes."""
    names = list(streams)
    chains: list[tuple[int, int]] = []  # (first sector, sectors) of each stream
    sector = 2  # sector 0 holds the FAT, sector 1 the directory
    for name in names:
        count = -(-len(streams[name]) // SECTOR)
        chains.append((sector, count))
        sector += count
    fat = [FAT_SECTOR, END_OF_CHAIN]
    for first, count in chains:
        fat += [first + k + 1 for k in range(count - 1)] + [END_OF_CHAIN]
    assert len(fat) <= SECTOR // 4, "one FAT sector is enough for a test document"
    fat += [FREE] * (SECTOR // 4 - len(fat))

    # the directory: the root, whose child is the last stream; each stream's left sibling the one
    # before it (names compare by length first, so list them shortest first)
    entries = [_entry("Root Entry", 5, END_OF_CHAIN, 0, left=NO_STREAM, child=len(names))]
    for n, name in enumerate(names, start=1):
        first, _ = chains[n - 1]
        entries.append(_entry(name, 2, first, len(streams[name]), left=n - 1 if n > 1 else NO_STREAM))
    directory = b"".join(entries).ljust(SECTOR, b"\x00")
    assert len(directory) == SECTOR, "one directory sector is enough for a test document"

    header = bytearray(SECTOR)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, MIN_STREAM, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
    struct.pack_into("<109I", header, 76, 0, *([FREE] * 108))
    sizes = [count * SECTOR for _, count in chains]
    body = b"".join(streams[name].ljust(size, b"\x00") for name, size in zip(names, sizes, strict=True))
    return bytes(header) + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + body


def _entry(name: str, kind: int, first: int, size: int, left: int, child: int = NO_STREAM) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    entry = bytearray(128)
    entry[0 : len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 68, left, NO_STREAM, child)
    struct.pack_into("<IQ", entry, 116, first, size)
    return bytes(entry)
