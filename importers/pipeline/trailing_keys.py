"""Keys typed straight after the stem: "繁殖速度最慢的细菌是E" over options A–E.

Banks typed up by hand often put each choice question's key at the very end of its stem, with
no bracket or label (or after the stem's colon or question mark: "下列说法错误的是：C", "…的代码
是？D"). One such stem alone cannot be told from a stem ending in a name ("…缺乏维生素B"), so the
paper decides: only where several unanswered choice questions end in letters that name their
options, and they are most of the unanswered ones, are those letters read as keys.
"""

from __future__ import annotations

import re

from . import rules
from .classify import NO_ANSWER, TYPE_GUESSED
from .model import ParsedQuestion

MIN_QUESTIONS = 3
SHARE = 0.5
TRAILING = re.compile(rf"(?<=[{rules.CJK}）):：？?])\s*([A-H]{{1,8}})\s*$")  # (and "…的是：D", "…是？D")


def read_trailing_keys(questions: list[ParsedQuestion]) -> None:
    unanswered = [q for q in questions if q.options and q.answer is None and q.type in ("single", "multiple")]
    ending = [(q, m) for q in unanswered if (m := TRAILING.search(q.stem)) and _fits(m.group(1), q)]
    if len(ending) < MIN_QUESTIONS or len(ending) < SHARE * len(unanswered):
        return
    for q, m in ending:
        letters = m.group(1)
        q.stem = q.stem[: m.start()].rstrip()
        q.answer = letters
        q.type = "multiple" if len(letters) > 1 else "single"
        q.warnings = [w for w in q.warnings if w not in (TYPE_GUESSED, NO_ANSWER)]


def _fits(letters: str, q: ParsedQuestion) -> bool:
    """Distinct letters in order, each naming one of the question's options."""
    return list(letters) == sorted(set(letters)) and all(ord(c) - 65 < len(q.options) for c in letters)
