"""A glossary with nothing numbered and no colons: each term on a line of its own, its definition
on the lines below ("编码链" / "双链DNA中，不能进行转录的那一条DNA链…"), maybe under letter
headings "A" "B" "C" of an alphabetical list, the way 名词解释 notes are kept. Each term is a
question whose reference answer is its definition.

A definition wrapped by a PDF runs to the page's width; the line after a full-width line goes
on with it however short ("…人体自身并未产生" / "抗体"), so a short tail is never a term.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import rules
from .model import Line, ParsedQuestion

MIN_TERMS = 5
DEFINED_SHARE = 0.8  # of the terms, those with a definition under them
TERM_MAX = 30
# a line within two characters of the page's width was wrapped: the next goes on with it (full-
# width punctuation shifts a wrap by a character or two)
WIDTH_SLACK = 2
WRAPPED_LINES = 5  # lines of one length among the longest before a width is believed
SENTENCE_END = re.compile(r"[。.;；,，:：!！?？、]$")
ASKS = re.compile(r"[?？]")
LETTER_HEADING = re.compile(r"[A-Z]")


@dataclass
class _Term:
    section: str  # the letter heading above it
    term: str
    lineno: int
    definition: str = ""


def looks_like_term_lines(lines: list[Line]) -> bool:
    if any(ASKS.search(line.text) for line in lines):
        return False  # a line that asks: questions and answers (qa_pairs), not terms
    terms = _terms(lines)
    defined = sum(1 for t in terms if t.definition)
    return defined >= MIN_TERMS and defined >= DEFINED_SHARE * len(terms)


def parse_term_lines(lines: list[Line], chapter: str = "") -> list[ParsedQuestion]:
    terms = _terms(lines)
    if terms and not terms[0].definition:
        terms = terms[1:]  # the title over the list ("普通生物学名词解释"), a heading under it
    return [
        ParsedQuestion(
            type="short",
            stem=t.term,
            answer=t.definition or None,
            section=t.section,
            chapter=chapter,
            lineno=t.lineno,
        )
        for t in terms
    ]


def _terms(lines: list[Line]) -> list[_Term]:
    texts = [line.text.strip() for line in lines if line.text.strip()]
    width = _page_width(texts)
    terms: list[_Term] = []
    section, previous = "", ""
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        wrapped = width > 0 and len(previous) >= width - WIDTH_SLACK and not SENTENCE_END.search(previous)
        # the line under a term defines it, however short ("多核体" / "无横壁的菌丝体")
        awaits = bool(terms) and not terms[-1].definition and terms[-1].section == section
        if LETTER_HEADING.fullmatch(text):
            section, text = text, ""
        elif not (wrapped or awaits) and _term(text):
            terms.append(_Term(section, TERM_COLON.sub("", text), line.lineno))
        elif terms:
            last = terms[-1]
            last.definition = (
                f"{last.definition}{'' if wrapped else chr(10)}{text}" if last.definition else text
            )
        previous = text
    return terms


def _term(text: str) -> bool:
    if TERM_COLON.search(text) and not CJK.search(text):
        return False  # "def f1(a):" is a program's line; a term ending with a colon is in words
    # "亲缘系数（coefficient of relatedness）": the term, its gloss aside
    named = GLOSS.sub("", TERM_COLON.sub("", text))
    if text[:1] in "(（" and text[-1:] in ")）":
        return False  # "(也可以说, …)": a note in brackets goes on with the definition above
    return len(named) <= TERM_MAX and not SENTENCE_END.search(named) and not text[:1].isdigit()


# "利率效应:" over its definition: notes that end each term with a colon
TERM_COLON = re.compile(r"\s*[:：]$")
CJK = re.compile(f"[{rules.CJK}]")


GLOSS = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")  # a term's name in another language, after it


def _page_width(texts: list[str]) -> int:
    """The length most long lines share: where the page wrapped them (0: nothing was wrapped)."""
    lengths = sorted(len(text) for text in texts)
    long = lengths[int(0.8 * (len(lengths) - 1)) :] if lengths else []
    common = Counter(long).most_common(1)
    return common[0][0] if common and common[0][1] >= WRAPPED_LINES else 0
