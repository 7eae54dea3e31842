"""Plain data passed between the importer's stages (no Django here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import questiontypes

if TYPE_CHECKING:
    from .coverage import Coverage

QUESTION_TYPES = questiontypes.CODES

# single/multiple: "A" / "ABD"; truefalse: bool; fill: one string per blank;
# short: reference text; None where the paper prints no answer.
Answer = str | bool | list[str] | None


class PaperError(ValueError):
    """A document that cannot be imported at all; the message names file and reason."""

    def __init__(self, filename: str, reason: str) -> None:
        super().__init__(f"{filename}: {reason}")
        self.filename = filename
        self.reason = reason


@dataclass(frozen=True)
class Image:
    """A picture embedded in a document, kept with the question that shows it."""

    name: str
    content_type: str
    data: bytes


@dataclass
class Line:
    """One line of a document's text, with where it came from."""

    text: str
    lineno: int  # 1-based line (txt) or paragraph (docx) number in the source
    images: list[Image] = field(default_factory=list)
    joined: list[int] = field(default_factory=list)  # numbers of source lines glued onto this one
    depth: int = 0  # how deep in Markdown lists its item (numbered or bulleted) sits (1 = top level)
    heading: int = 0  # a Markdown heading's level ("## 第二章 Java语言基础": 2); 0 for other lines
    code: bool = False  # a line of a Markdown code block: text of the question, never markers
    bullet: bool = False  # a line of a Markdown bullet-list item ("- 兴办近代企业")
    quote: bool = False  # a line of a Markdown block quote ("> 解析：…")
    bold: bool = False  # a numbered question set wholly in bold ("**8.…是什么.**"; the marks dropped)
    outline: bool = False  # a plain-text line at the margin over an indented block (outline.py)
    glyph: bool = False  # a plain-text line opened by a bullet glyph ("●某活动…"; the glyph dropped)


@dataclass
class ParsedQuestion:
    type: str
    stem: str
    options: list[str] = field(default_factory=list)
    answer: Answer = None
    explanation: str = ""
    material: str = ""
    section: str = ""
    chapter: str = ""  # the topic it belongs to: "第X章…" heading or the paper's title
    number: str = ""
    lineno: int = 0
    difficulty: int | None = None  # 1 (easy) … 5 (hard) where the paper prints it
    tags: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_json(self, seed: str, seq: int) -> dict[str, object]:
        """The gold-label format of shared/gold/SCHEMA.md."""
        return {
            "seed": seed,
            "seq": seq,
            "section": self.section,
            "chapter": self.chapter,
            "number": self.number,
            "type": self.type,
            "stem": self.stem,
            "options": list(self.options),
            "answer": self.answer,
            "explanation": self.explanation,
            "material": self.material,
            "line": self.lineno,
            "warnings": list(self.warnings),
        }


@dataclass
class ParsedPaper:
    filename: str
    questions: list[ParsedQuestion]
    warnings: list[str] = field(default_factory=list)  # problems the admin must see (rows not read)
    notes: list[str] = field(default_factory=list)  # how the file was read (columns used, layout)
    coverage: Coverage | None = None  # how much of the file the parse understood, and a verdict
    line_roles: dict[int, list[str]] = field(default_factory=dict)  # for parse_paper --explain
    furniture: set[int] = field(default_factory=set)  # line numbers dropped as page furniture
    text_rows: int = 0  # a spreadsheet's rows holding text below its headers (the coverage's lines)
