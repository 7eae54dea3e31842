"""Build .docx papers in memory for tests and the benchmark.

python-docx has no numbering API, so automatic list numbering is written straight into
the numbering part (word/numbering.xml) that python-docx's default template already has.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Sequence
from xml.sax.saxutils import escape

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.parfmt import CT_PPr
from docx.text.paragraph import Paragraph

# (numFmt, lvlText) per level: questions "1." at level 0, options "A." at level 1.
QUESTION_LEVELS: tuple[tuple[str, str], ...] = (("decimal", "%1."), ("upperLetter", "%2."))


def tiny_png() -> bytes:
    """A valid 1×1 red PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1×1, 8-bit RGB
    pixels = zlib.compress(b"\x00\xff\x00\x00")  # filter byte + one RGB pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def add_numbering(
    document: Document,
    levels: Sequence[tuple[str, str]] = QUESTION_LEVELS,
    starts: Sequence[int] | None = None,
    start_overrides: dict[int, int] | None = None,
) -> str:
    """Define a list (abstractNum + num) with the given (numFmt, lvlText) levels; return its numId."""
    numbering = document.part.numbering_part.element
    abstract_id = 1 + max(
        (int(a.get(qn("w:abstractNumId"))) for a in numbering.iter(qn("w:abstractNum"))), default=-1
    )
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{starts[i] if starts else 1}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )
    # The schema wants every abstractNum before the first num (Word refuses the file otherwise).
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    return _add_num(document, str(abstract_id), start_overrides)


def restart_list(document: Document, num_id: str, ilvl: int = 0, start: int = 1) -> str:
    """A new num on the same abstract list whose level `ilvl` restarts — Word's "Restart at 1"."""
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    return _add_num(document, abstract_id, {ilvl: start})


def _add_num(document: Document, abstract_id: str, start_overrides: dict[int, int] | None) -> str:
    numbering = document.part.numbering_part.element
    num_id = 1 + max((int(n.get(qn("w:numId"))) for n in numbering.iter(qn("w:num"))), default=0)
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
    )
    return str(num_id)


def add_list_style(document: Document, name: str, num_id: str, ilvl: int = 0) -> str:
    """A paragraph style whose paragraphs are numbered through it (numPr in the style)."""
    style = document.styles.add_style(name, 1)  # 1 = WD_STYLE_TYPE.PARAGRAPH
    _set_numpr(style.element.get_or_add_pPr(), num_id, ilvl)
    return name


def number(paragraph: Paragraph, num_id: str, ilvl: int = 0) -> Paragraph:
    """Put `paragraph` in list `num_id` at level `ilvl` (a direct numPr, as Word writes it)."""
    _set_numpr(paragraph._p.get_or_add_pPr(), num_id, ilvl)
    return paragraph


def _set_numpr(ppr: CT_PPr, num_id: str, ilvl: int) -> None:
    # python-docx's pPr helpers insert numPr where the schema wants it among its siblings.
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = ilvl
    numpr.get_or_add_numId().val = int(num_id)


def to_bytes(document: Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def question_paper(count: int, auto_fraction: float = 0.5) -> bytes:
    """A paper of `count` single-choice questions (4 options + answer line).

    The last `auto_fraction` of the questions use Word numbering (continuing from the typed
    numbers) instead of typed "12." / "A.", so both kinds of source appear in one document.
    """
    document = docx.Document()
    first_auto = count - int(count * auto_fraction) + 1
    num_id = add_numbering(document, starts=(first_auto, 1))
    # document.add_paragraph searches the whole body for sectPr on every call (quadratic);
    # inserting before a sectPr found once keeps 60,000 paragraphs to about a second.
    section = document.element.body.find(qn("w:sectPr"))

    def add(text: str, ilvl: int | None = None) -> None:
        numpr = (
            "" if ilvl is None else f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
        section.addprevious(
            parse_xml(
                f"<w:p {nsdecls('w')}><w:pPr>{numpr}</w:pPr>"
                f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
            )
        )

    add("一、单项选择题")
    options = ["提高客户满意度", "降低成本", "扩大规模", "增加广告投入"]
    for i in range(1, count + 1):
        stem = f"客户关系管理的核心是什么(第{i}题)?"
        if i >= first_auto:
            add(stem, 0)
            for option in options:
                add(option, 1)
        else:
            add(f"{i}.{stem}")
            for letter, option in zip("ABCD", options, strict=True):
                add(f"{letter}.{option}")
        add("答案:A")
    return to_bytes(document)
