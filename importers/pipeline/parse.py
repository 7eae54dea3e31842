"""The pipeline's middle: clean → segment → link → classify, over one document's lines."""

from __future__ import annotations

from .classify import classify
from .clean import clean_lines
from .link import link_keys
from .model import Line, ParsedPaper, ParsedQuestion
from .segment import segment
from .survey import parse_survey


def parse_lines(filename: str, lines: list[Line]) -> ParsedPaper:
    cleaned = clean_lines(lines)
    seg = segment(cleaned)
    link_keys(seg.sections, seg.keys)
    questions: list[ParsedQuestion] = []
    warnings: list[str] = []
    if seg.numbered_items == 0 and len(seg.sections) == 1 or _unnumbered_export(seg):
        chapter = next((s.chapter for s in seg.sections if s.chapter), "")
        questions = parse_survey([ln for s in seg.sections for ln in s.loose], chapter=chapter)
    else:
        for section in seg.sections:
            for item in section.items:
                q = classify(item)
                if q is not None:
                    questions.append(q)
    return ParsedPaper(filename=filename, questions=questions, warnings=warnings)


def _unnumbered_export(seg) -> bool:  # type: ignore[no-untyped-def]
    """Only titles and loose lines: a questionnaire export with nothing numbered."""
    return seg.numbered_items == 0 and all(s.kind == "generic" and not s.items for s in seg.sections)
