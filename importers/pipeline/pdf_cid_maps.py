"""Chinese, Japanese and Korean PDF fonts embedded without their character map.

A CJK font embedded as glyph numbers only (encoding Identity-H, no ToUnicode table: xeLaTeX's
Fandol fonts, some printers' drivers) still names the registered collection its glyph numbers
come from ("Adobe-GB1"). pypdf reads such numbers as if they were characters, which is
nonsense; readers that know the collections (pdftotext, pdfminer) show the text. So each such
font is given its collection's standard map before the text is extracted, limited to the
codes its pages use (the whole collection is 30,000 entries, slow to parse for each page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader
    from pypdf.generic import DecodedStreamObject, DictionaryObject

COLLECTIONS = ("GB1", "CNS1", "Japan1", "Korea1")
IDENTITY = ("/Identity-H", "/Identity-V")
TEXT_OPERATORS = (b"Tj", b"TJ", b"'", b'"')


def restore_cid_maps(reader: PdfReader) -> None:
    """Give every unmapped CJK font of the document its collection's map (in memory only)."""
    from pypdf.generic import NameObject

    fonts = [found for page in reader.pages for found in _unmapped_fonts(page)]
    if not fonts:
        return
    codes = _codes_used(reader)
    maps: dict[str, DecodedStreamObject] = {}
    for font, collection in fonts:
        if collection not in maps:
            maps[collection] = _to_unicode_stream(collection, codes)
        font[NameObject("/ToUnicode")] = maps[collection]


def _unmapped_fonts(page: PageObject) -> list[tuple[DictionaryObject, str]]:
    found = []
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources else None
    for ref in (fonts.get_object() if fonts else {}).values():
        font = ref.get_object()
        if (
            font.get("/Subtype") != "/Type0"
            or "/ToUnicode" in font
            or str(font.get("/Encoding")) not in IDENTITY
        ):
            continue
        descendants = font.get("/DescendantFonts")
        info = descendants.get_object()[0].get_object().get("/CIDSystemInfo") if descendants else None
        ordering = str(info.get_object().get("/Ordering", "")) if info else ""
        if ordering in COLLECTIONS:
            found.append((font, ordering))
    return found


def _codes_used(reader: PdfReader) -> set[int]:
    """Every two-byte code of every string the pages show (a superset of the CJK fonts' codes)."""
    from pypdf.generic import ContentStream

    codes: set[int] = set()
    for contents in (stream for page in reader.pages for stream in _text_streams(page)):
        for operands, operator in ContentStream(contents, reader).operations:
            if operator not in TEXT_OPERATORS or not operands:
                continue
            shown = operands[0] if operator == b"TJ" else [operands[-1]]
            for item in shown:
                data = getattr(item, "original_bytes", None)
                if data:
                    codes.update(int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data) - 1, 2))
    return codes


def _text_streams(page: PageObject) -> list[Any]:
    """The page's contents and the forms it draws (Word's exports put text in those too)."""
    streams = [page.get_contents()]
    resources = page.get("/Resources")
    forms = resources.get_object().get("/XObject") if resources else None
    for ref in (forms.get_object() if forms else {}).values():
        form = ref.get_object()
        if form.get("/Subtype") == "/Form":
            streams.append(form)
    return [stream for stream in streams if stream is not None]


def _to_unicode_stream(collection: str, codes: set[int]) -> DecodedStreamObject:
    """A ToUnicode CMap: each code (the glyph number, under Identity) to its character."""
    from pdfminer.cmapdb import CMapDB
    from pypdf.generic import DecodedStreamObject

    characters = CMapDB.get_unicode_map(f"Adobe-{collection}", False).cid2unichr
    pairs = [
        f"<{code:04X}> <{characters[code].encode('utf-16-be').hex()}>"
        for code in sorted(codes)
        if code in characters
    ]
    chunks = [pairs[i : i + 100] for i in range(0, len(pairs), 100)]  # at most 100 a block, as CMaps require
    body = "".join(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n" for chunk in chunks)
    text = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
    stream = DecodedStreamObject()
    stream.set_data(text.encode("ascii"))
    return stream
