"""Worked solutions numbered after the questions they solve: "1. 推导…" "2. 计算…" then
"解1：…" "解2：…" under the last one. Maths and statistics papers print a problem's parts
together and their solutions after them, each labelled with its part's number; read line by
line, every solution lands under the last part. Each goes back to the question of its number."""

from __future__ import annotations

import re

from .classify import NO_ANSWER
from .model import ParsedQuestion

# "解1：" / "解（2）：" opening a line: the worked solution of part 1, 2
SOLUTION_LABEL = re.compile(r"^\s*解\s*[(（]?(\d{1,2})[)）]?\s*[:：]\s*", re.M)


def share_numbered_solutions(questions: list[ParsedQuestion]) -> None:
    for at, holder in enumerate(questions):
        text = holder.answer if isinstance(holder.answer, str) else ""
        if not text.lstrip().startswith("解"):
            continue  # (the common case, spared the pattern)
        labels = list(SOLUTION_LABEL.finditer(text))
        if len(labels) < 2 or labels[0].start() != 0:
            continue
        asked = _asked_above(questions, at)
        numbers = [label.group(1) for label in labels]
        if len(set(numbers)) != len(numbers) or any(n not in asked for n in numbers):
            continue
        ends = [label.start() for label in labels[1:]] + [len(text)]
        for label, end in zip(labels, ends, strict=True):
            question = asked[label.group(1)]
            question.answer = text[label.end() : end].strip() or None
            if question.answer is not None:
                question.warnings = [w for w in question.warnings if w != NO_ANSWER]


def _asked_above(questions: list[ParsedQuestion], at: int) -> dict[str, ParsedQuestion]:
    """The holder and the unanswered open questions of its part just above it, by number."""
    holder = questions[at]
    asked = {holder.number: holder}
    for question in reversed(questions[:at]):
        if question.section != holder.section or question.answer is not None or question.type != "short":
            break
        asked.setdefault(question.number, question)
    return asked
