"""A glossary with nothing numbered: every line "term：definition" ("项目：为了创造独特的产品…"),
the way 名词解释 lists are kept as notes. Each term is a question whose reference answer is its
definition; a line without a term continues the definition above it.

Told from a questionnaire's statements (survey.py) by the shape of the whole document: nearly
every line opens with a short term and a colon, and no term asks anything.
"""

from __future__ import annotations

import re

from . import rules
from .model import Line, ParsedQuestion

MIN_TERMS = 5
TERM_SHARE = 0.8  # of the lines, those that define a term
TERM_LINE = re.compile(
    r"^(?P<term>[^:：?？。,，;；!！]{1,20}?)\s*[:：](?!\d)\s*(?P<definition>\S.{3,})$", re.S
)


def looks_like_glossary(lines: list[Line]) -> bool:
    terms = sum(1 for line in lines if _term(line.text))
    return terms >= MIN_TERMS and terms >= TERM_SHARE * len(lines)


def parse_glossary(lines: list[Line], chapter: str = "") -> list[ParsedQuestion]:
    out: list[ParsedQuestion] = []
    for line in lines:
        term = _term(line.text)
        if term:
            stem, definition = term
            out.append(ParsedQuestion(type="short", stem=stem, answer=definition, lineno=line.lineno))
        elif out:
            out[-1].answer = f"{out[-1].answer}\n{_plain(line.text)}"
    for q in out:
        q.chapter = chapter
    return out


def defines_term(*lines: str) -> bool:
    return all(_term(text) for text in lines)


def _term(text: str) -> tuple[str, str] | None:
    m = TERM_LINE.match(text.strip())
    if not m or rules.QUESTION_WORDS.search(m.group("term")) or re.search("[?？]", m.group("definition")):
        return None
    return _plain(m.group("term")), _plain(m.group("definition"))


def _plain(text: str) -> str:
    """Bold set on words of a note ("一组**相互关联**的项目") is emphasis, not text."""
    return rules.BOLD.sub(r"\1", text).strip()
