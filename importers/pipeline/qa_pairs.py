"""Question-and-answer pairs with nothing numbered: each line that asks is followed by one line,
its answer ("…大事变是指( )" then "中国共产党的成立"), the way quiz apps' banks are copied out;
in Markdown notes (flashcards) the answer may be the bullet list under the question.

Told apart from a questionnaire (survey.py), whose asking lines carry several options, by the
shape of the whole document: nearly every asking line is followed by exactly one plain line.
A plain line that answers nothing ("1922确立党的奋斗纲领 100%") heads the questions below it.
"""

from __future__ import annotations

import re

from . import rules
from .classify import truth
from .model import Line, ParsedQuestion
from .survey import ASKS

MIN_PAIRS = 5
# Of the asking lines, the share followed by exactly one plain line (the others are followed by
# their answer and a heading); a questionnaire's questions are followed by two options or more.
PAIR_SHARE = 0.6
BLANK_RUN = re.compile(r"_{2,}|＿{2,}")


def looks_like_pairs(lines: list[Line]) -> bool:
    asking = [i for i in range(len(lines)) if _opens_pair(lines, i)]
    paired = 0
    for i in asking:
        end = _answer_end(lines, i + 1)
        paired += end > i + 1 and (end == len(lines) or _opens_pair(lines, end))
    return paired >= MIN_PAIRS and paired >= PAIR_SHARE * len(asking)


def parse_pairs(lines: list[Line], chapter: str = "") -> list[ParsedQuestion]:
    out: list[ParsedQuestion] = []
    section = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        end = _answer_end(lines, i + 1) if _opens_pair(lines, i) else i + 1
        if end > i + 1:
            out.append(_question(line, "\n".join(ln.text for ln in lines[i + 1 : end]), section, chapter))
            i = end
            continue
        if _asks(line.text):
            out.append(_question(line, "", section, chapter))
        else:
            section = line.text  # a plain line that answers nothing heads what follows
        i += 1
    return out


def _asks(text: str) -> bool:
    return bool(ASKS.search(text) or rules.BLANK.search(text))


def _answer_at(lines: list[Line], i: int) -> bool:
    """A plain line at i that can be the answer of the asking line before it."""
    return i < len(lines) and (lines[i].bullet or not _asks(lines[i].text))


def _opens_pair(lines: list[Line], i: int) -> bool:
    """A line that asks, or a plain paragraph with a bullet list under it (a note's question,
    "…的意义", and its points)."""
    line = lines[i]
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if line.bullet:  # "- 什么是进程？" with its answer as the item's next paragraph
        return _asks(line.text) and nxt is not None and not nxt.bullet and not _asks(nxt.text)
    return _asks(line.text) or (not line.heading and nxt is not None and nxt.bullet)


def _answer_end(lines: list[Line], i: int) -> int:
    """Where the answer that starts at i ends: a bullet list runs to its last line, whatever it
    says; a plain line is the answer alone. i itself: no answer there."""
    if i < len(lines) and lines[i].bullet:
        while i < len(lines) and lines[i].bullet:
            i += 1
        return i
    return i + 1 if _answer_at(lines, i) else i


def _question(line: Line, answer: str, section: str, chapter: str) -> ParsedQuestion:
    answer = answer.replace("**", "")  # Markdown emphasis in a note's answer
    q = ParsedQuestion(type="short", stem=line.text, lineno=line.lineno, section=section, chapter=chapter)
    judged = truth(answer) if answer else None
    if judged is not None:
        q.type, q.answer = "truefalse", judged
    elif rules.BLANK.search(line.text):
        q.type = "fill"
        blanks = len(BLANK_RUN.findall(line.text))
        parts = answer.split()
        q.answer = (parts if blanks > 1 and len(parts) == blanks else [answer]) if answer else None
    else:
        q.answer = answer or None
    if q.answer is None:
        q.warnings.append("no answer found")
    q.warnings.append("type guessed")
    return q
