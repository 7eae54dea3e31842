"""Fill answers typed in brackets after their blanks: "服务于城市______（客运）交通".

A bracket after a blank may be a hint ("____（英文缩写）") or the blank's answer, and one question
alone cannot tell which. The paper decides: where several fill questions have a bracket after
every blank, and they are most of those with blanks, the brackets are the answers.
"""

from __future__ import annotations

import re

from . import rules
from .classify import NO_ANSWER
from .model import ParsedQuestion

MIN_QUESTIONS = 3
SHARE = 0.6
BLANK_THEN_BRACKET = re.compile(r"(_{2,}|＿{2,})\s?[(（]([^()（）\n]{1,30})[)）]")


def read_bracketed_blanks(questions: list[ParsedQuestion]) -> None:
    blanked = [q for q in questions if q.type == "fill" and rules.BLANK.search(q.stem)]
    answered = [q for q in blanked if _every_blank_bracketed(q.stem)]
    if len(answered) < MIN_QUESTIONS or len(answered) < SHARE * len(blanked):
        return
    for q in answered:
        q.answer = [m.group(2).strip() for m in BLANK_THEN_BRACKET.finditer(q.stem)]
        q.stem = BLANK_THEN_BRACKET.sub(r"\1", q.stem)
        q.warnings = [w for w in q.warnings if w != NO_ANSWER]


def _every_blank_bracketed(stem: str) -> bool:
    return 0 < len(BLANK_THEN_BRACKET.findall(stem)) == len(rules.BLANK.findall(stem))
