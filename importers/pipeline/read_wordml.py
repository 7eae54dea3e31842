"""Word 2003 XML ("WordprocessingML", `<w:wordDocument>`): what exam systems export as a .doc.

Java exam systems fill a Word 2003 XML template and save it as "试卷.doc"; Word opens it as a
document, so admins take it for one. Its body is the same paragraphs, runs and tables as a
.docx's, in the 2003 namespace, with list numbers in `<w:lists>`: so it is rewritten into a
small .docx in memory (body and numbering) and read by read_docx, one reader for both.
Pictures (`<w:binData>`) are left out: such exports carry none in their questions.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from .model import Line, PaperError
from .read_docx import W_NS, read_docx

WORDML_NS = "http://schemas.microsoft.com/office/word/2003/wordml"
_W = f"{{{WORDML_NS}}}"
_OUT = f"{{{W_NS}}}"
# What a Word 2003 XML file opens with, within its first bytes (after the XML declaration).
SIGNATURE = re.compile(rb"<\?mso-application\s+progid=\"Word\.Document\"|<w:wordDocument\b")
HEAD_BYTES = 4096
# The body's containers that only group paragraphs (sections, border groups, tracked insertions):
# their paragraphs are read in place.
UNWRAP = {"sect", "sub-section", "pBdrGroup", "annotation", "content"}
# Kept: what read_docx reads (text, breaks, tabs, tables, list numbers, run marks) and the
# properties those need; everything else in the 2003 namespace is dropped with its content.
DROP = {"binData", "pict", "instrText", "delText", "footnote", "endnote", "hdr", "ftr"}
# nfc, Word 2003's number format codes, in ST_NumberFormat's order (0 decimal … 39).
NFC: list[str] = (  # noqa: SIM905 (a table, kept compact)
    "decimal upperRoman lowerRoman upperLetter lowerLetter ordinal cardinalText ordinalText hex "
    "chicago ideographDigital japaneseCounting aiueo iroha decimalFullWidth decimalHalfWidth "
    "japaneseLegal japaneseDigitalTenThousand decimalEnclosedCircle decimalFullWidth2 "
    "aiueoFullWidth irohaFullWidth decimalZero bullet ganada chosung decimalEnclosedFullstop "
    "decimalEnclosedParen decimalEnclosedCircleChinese ideographEnclosedCircle "
    "ideographTraditional ideographZodiac ideographZodiacTraditional taiwaneseCounting "
    "ideographLegalTraditional taiwaneseCountingThousand taiwaneseDigital chineseCounting "
    "chineseLegalSimplified chineseCountingThousand"
).split()

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/></Relationships>'
)


def is_word_xml(data: bytes) -> bool:
    return SIGNATURE.search(data[:HEAD_BYTES]) is not None


def read_word_xml(filename: str, data: bytes) -> list[Line]:
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise PaperError(filename, f"a Word 2003 XML document that is not well-formed XML ({exc})") from exc
    body = root.find(f"{_W}body")
    if root.tag != f"{_W}wordDocument" or body is None:
        raise PaperError(filename, "an XML file that is neither a Word 2003 document nor a Moodle export")
    document = etree.Element(f"{_OUT}document", nsmap={"w": W_NS})
    document.append(_converted(body))
    numbering = _numbering(root.find(f"{_W}lists"))
    return read_docx(filename, _docx(document, numbering))


def _converted(element: etree._Element) -> etree._Element:
    """The element in the .docx namespace, its 2003-only wrappers unwrapped and the rest dropped."""
    out = etree.Element(_out_tag(element))
    for name, value in element.attrib.items():
        if name.startswith(_W):
            out.set(_OUT + name[len(_W) :], value)
    out.text = element.text
    _append_children(out, element)
    if out.tag == f"{_OUT}listPr":  # <w:listPr><w:ilvl/><w:ilfo/></w:listPr>: a list's number
        out.tag = f"{_OUT}numPr"
        for child in out:
            if child.tag == f"{_OUT}ilfo":
                child.tag = f"{_OUT}numId"
    return out


def _append_children(out: etree._Element, element: etree._Element) -> None:
    for child in element:
        if not isinstance(child.tag, str):
            continue
        local = etree.QName(child).localname
        if local in UNWRAP:
            _append_children(out, child)
        elif child.tag.startswith(_W) and local not in DROP:
            out.append(_converted(child))


def _out_tag(element: etree._Element) -> str:
    return _OUT + str(etree.QName(element).localname)


def _numbering(lists: etree._Element | None) -> etree._Element:
    """<w:lists>' list definitions and lists as numbering.xml's abstract numbers and numbers."""
    numbering = etree.Element(f"{_OUT}numbering", nsmap={"w": W_NS})
    if lists is None:
        return numbering
    for definition in lists.iter(f"{_W}listDef"):
        abstract = etree.SubElement(numbering, f"{_OUT}abstractNum")
        abstract.set(f"{_OUT}abstractNumId", definition.get(f"{_W}listDefId", ""))
        for level in definition.iter(f"{_W}lvl"):
            abstract.append(_level(level))
    for listing in lists.iter(f"{_W}list"):
        num = etree.SubElement(numbering, f"{_OUT}num")
        num.set(f"{_OUT}numId", listing.get(f"{_W}ilfo", ""))
        definition = listing.find(f"{_W}ilst")
        abstract_id = etree.SubElement(num, f"{_OUT}abstractNumId")
        abstract_id.set(f"{_OUT}val", "" if definition is None else definition.get(f"{_W}val", ""))
        for override in listing.iter(f"{_W}lvlOverride"):
            num.append(_converted(override))
    return numbering


def _level(level: etree._Element) -> etree._Element:
    out = _converted(level)
    nfc = out.find(f"{_OUT}nfc")
    if nfc is not None:  # <w:nfc w:val="0"/> → <w:numFmt w:val="decimal"/>
        code = nfc.get(f"{_OUT}val", "0")
        nfc.tag = f"{_OUT}numFmt"
        nfc.set(f"{_OUT}val", _number_format(code))
    return out


def _number_format(code: str) -> str:
    if code == "255":
        return "none"
    return NFC[int(code)] if code.isdecimal() and int(code) < len(NFC) else "decimal"


def _docx(document: etree._Element, numbering: etree._Element) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        archive.writestr(
            "word/document.xml", etree.tostring(document, xml_declaration=True, encoding="UTF-8")
        )
        archive.writestr(
            "word/numbering.xml", etree.tostring(numbering, xml_declaration=True, encoding="UTF-8")
        )
    return buffer.getvalue()
