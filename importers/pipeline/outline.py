"""Plain-text notes laid out by indentation: each question at the margin, its answer indented.

    为什么要使用 spring？
        spring 提供 ioc 技术，…
        spring 提供了事务支持，…
    aop
        aop 是面向切面编程，…

Interview notes and review sheets typed in an editor are written so. Read as lines, the answer's
lines look like more of the question; read as an outline, each line at the margin heads the
indented block under it, as a Markdown heading heads its section. When a text is such an outline
its margin lines are marked as headings, and the heading reader pairs them with their answers.
"""

from __future__ import annotations

import re

from . import rules
from .boundaries import ASKED_END, BOUNDARY
from .clean import is_furniture
from .model import Line

MIN_QUESTIONS = 5
HEADED_SHARE = 0.8  # of margin lines, those with an indented block under them
MAX_MARGIN_CHARS = 80  # a margin line is a question or a topic, not a paragraph (unless it asks)
NUMBERED_SHARE = 0.5  # margin lines opening with a number or label: the line reader's paper


def mark_outline(lines: list[Line]) -> list[Line]:
    """`lines` with their margin lines marked as headings (level 1) when the text is an outline,
    else `lines` unchanged."""
    texts = [(i, line.text) for i, line in enumerate(lines) if line.text.strip()]
    if not any(text[:1].isspace() for _, text in texts):
        return lines
    # (a page's furniture at the margin, "第 3 页 共 20 页", is no line of the outline)
    texts = [(i, text) for i, text in texts if text[:1].isspace() or not is_furniture(text)]
    margin = [k for k, (_, text) in enumerate(texts) if not text[:1].isspace()]
    if len(margin) < MIN_QUESTIONS:
        return lines
    numbered = [k for k in margin if BOUNDARY.match(texts[k][1])]
    if len(numbered) > NUMBERED_SHARE * len(margin):
        if not (_points_indented(texts, len(numbered)) or _answers_indented(texts, numbered)):
            return lines  # numbered questions: the line reader's paper
        margin = numbered  # the numbers head; a line of an answer left at the margin is its text
    headed = [k for k in margin if k + 1 < len(texts) and texts[k + 1][1][:1].isspace()]
    if margin is numbered and len(headed) >= MIN_QUESTIONS:
        headed = numbered  # (a numbered question with nothing indented under it is asked unanswered)
    elif len(headed) < HEADED_SHARE * len(margin):
        return lines
    if any(len(texts[k][1]) > MAX_MARGIN_CHARS and not ASKED_END.search(texts[k][1]) for k in headed):
        return lines
    out = list(lines)
    for k in headed:
        i = texts[k][0]
        out[i] = Line(
            text=lines[i].text, lineno=lines[i].lineno, images=lines[i].images, heading=1, outline=True
        )
    return out


def _points_indented(texts: list[tuple[int, str]], questions: int) -> bool:
    """Numbered questions at the margin over indented answers that number their own points
    ("第8题 说说箭头函数的特点" / "  1.没有this"), and no choice questions' indented options (an
    answer's "a." or a language named "C：" here and there is none): the indentation, not the
    numbers, tells question from answer."""
    indented = [text.strip() for _, text in texts if text[:1].isspace()]
    points = sum(1 for text in indented if INDENTED_POINT.match(text))
    options = sum(1 for text in indented if INDENTED_OPTION.match(text))
    return points >= MIN_POINTS and options <= max(1, OPTIONS_SHARE * questions)


def _answers_indented(texts: list[tuple[int, str]], numbered: list[int]) -> bool:
    """Every numbered question over an indented block that is no key, option or mark of its own
    ("1、查询…" / "\tselect …"): the block answers it (a key the line reader reads is labelled)."""
    asked = [k for k in numbered if _says_more(texts[k][1])]  # (a bare "15." asks nothing)
    blocks = [texts[k + 1][1].strip() for k in asked if k + 1 < len(texts) and texts[k + 1][1][:1].isspace()]
    if sum(1 for k in asked if CIRCLED_OPTION.search(texts[k][1])) > len(asked) / 2:
        return False  # "1. (2) 下列…？ ①資料備份 ②建立資訊安全管" / "  制系統 ③…": options wrapped
    return len(blocks) >= max(MIN_QUESTIONS, HEADED_SHARE * len(asked)) and not any(
        INDENTED_OPTION.match(b) or LABELLED.match(b) for b in blocks
    )


def _says_more(text: str) -> bool:
    """A numbered line with text after its number."""
    m = BOUNDARY.match(text)
    return m is None or bool(text[m.end() :].strip())


# a key, an explanation or a judgement's mark, that the line reader reads under its question
LABELLED = re.compile(rf"(?:{rules.ANSWER}|{rules.EXPLANATION}|[(（]?\s*[√×✓✔✗✘对错]\s*[)）]?\s*$)")
INDENTED_POINT = re.compile(r"\d{1,2}\s*[.、．]\s*\S")
INDENTED_OPTION = re.compile(r"[(（]?[A-Ha-h]\s*[.、．)）:：]")
# "…何者？ ①資料備份": options numbered ①–④ on the question's line (Taiwan's certificate banks)
CIRCLED_OPTION = re.compile(rf"\s[{rules.CIRCLED}]\s*\S")
MIN_POINTS = 2
OPTIONS_SHARE = 0.1  # indented labels for each numbered question (a choice paper: two or more)
