"""Question-and-answer pairs with nothing numbered: each line that asks is followed by its
answer ("…大事变是指( )" then "中国共产党的成立"), the way quiz apps' banks are copied out; in
revision notes the answer runs on over several sentences or wrapped lines, in Markdown notes
(flashcards) it may be the bullet list under the question.

Told apart from a questionnaire (survey.py), whose asking lines carry several short options, by
the shape of the whole document: nearly every asking line is followed by its answer and then the
next asking line. A plain line that answers nothing ("1922确立党的奋斗纲领 100%") heads the
questions below it.
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


def looks_like_pairs(lines: list[Line]) -> bool:
    asking = paired = 0
    i = 0
    while i < len(lines):  # (walked as parse_pairs reads: a line inside an answer opens nothing)
        if not _opens_pair(lines, i):
            i += 1
            continue
        asking += 1
        end = _answer_end(lines, i + 1)
        paired += end > i + 1 and (end == len(lines) or _opens_pair(lines, end))
        i = max(end, i + 1)
    return paired >= MIN_PAIRS and paired >= PAIR_SHARE * asking


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
    return bool(ASKS.search(text) or rules.BLANK.search(text) or ASKS_TO_WRITE.match(text))


# "简述…。", "给出…的定义。": a line opening with the task it sets asks, with no question mark
ASKS_TO_WRITE = re.compile(
    r"\s*(?:简述|簡述|试述|試述|论述|論述|描述|阐述|闡述|列举|列舉|给出|給出|谈谈|談談)"
)


def _answer_at(lines: list[Line], i: int) -> bool:
    """A plain line at i that can be the answer of the asking line before it."""
    return i < len(lines) and (lines[i].bullet or not _asks(lines[i].text) or _states(lines[i].text))


def _states(text: str) -> bool:
    """ "…例如为什么要做这项工作。": a statement with a question word inside asks nothing (unlike
    one with a question mark, a blank, a task "简述…", or an open end "…的会议是。")."""
    said = SENTENCE_END.search(text.strip()) is not None
    return said and not (ASKS_OTHERWISE.search(text.strip()) or ASKS_TO_WRITE.match(text))


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
    if not _answer_at(lines, i):
        return i
    end = i + 1
    # An answer in prose may run on over more lines, each a sentence or the rest of one wrapped
    # at the page's width; a questionnaire's short options under a question end no sentence.
    while end < len(lines) and _goes_on(lines[end - 1], lines[end]):
        end += 1
    return end


def _goes_on(above: Line, line: Line) -> bool:
    """`line` goes on with the answer above it: a sentence, a long line, or the rest of a long
    line cut mid-sentence; never a line that asks, a bullet or a heading."""
    text = line.text.strip()
    if line.bullet or line.heading or not text:
        return False
    if _asks(text) and not _states(text):
        return False
    wrapped = len(above.text.strip()) >= WRAPPED_CHARS and not SENTENCE_END.search(above.text.strip())
    return SENTENCE_END.search(text) is not None or wrapped or len(text) >= WRAPPED_CHARS


# Characters: an answer's line this long, not ending a sentence, was cut at the page's width and
# goes on below (notes' answers are prose, longer than the options and stems segment.WRAPPED_LINE
# measures, so the bar is higher: a short line under an answer may be the next question).
WRAPPED_CHARS = 30
SENTENCE_END = re.compile(r"[。；;]\s*$")
ASKS_OTHERWISE = re.compile(rf"[?？]|[(（]\s*[)）]|_{{2,}}|＿{{2,}}|{rules.OPEN_END}")


def _question(line: Line, answer: str, section: str, chapter: str) -> ParsedQuestion:
    answer = answer.replace("**", "")  # Markdown emphasis in a note's answer
    q = ParsedQuestion(type="short", stem=line.text, lineno=line.lineno, section=section, chapter=chapter)
    judged = truth(answer) if answer else None
    if judged is not None:
        q.type, q.answer = "truefalse", judged
    elif rules.BLANK.search(line.text):
        q.type = "fill"
        blanks = len(rules.BLANK_RUN.findall(line.text))
        parts = answer.split()
        q.answer = (parts if blanks > 1 and len(parts) == blanks else [answer]) if answer else None
    else:
        q.answer = answer or None
    if q.answer is None:
        q.warnings.append("no answer found")
    q.warnings.append("type guessed")
    return q
