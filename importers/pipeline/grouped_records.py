"""A record holding a passage and the questions asked on it, keyed by a list.

Datasets built from real papers (GAOKAO-Bench's, exam systems' 题组) keep a reading's questions in
one record: its text is the passage ("…据此完成 4～6 题。"), then "4．（4 分）…（ ） A．… B．…",
"5．…", maybe all on one line; its key a list, one entry a question (["B", "C", "A"]). The text is
read as a paper is, each of the run of numbers the key counts opening a line, and each question
gets its key in turn and the passage as its material.
"""

from __future__ import annotations

import re

from .model import Line, ParsedQuestion

NUMBER = r"(?:^|(?<=\s))({})\s*[．.、]"


def grouped_questions(stem: str, keys: list[str] | None) -> list[ParsedQuestion]:
    """The questions of a record's text, keyed in turn ([] unless it holds one choice a key)."""
    if not keys or len(keys) < 2:
        return []
    starts = _run_of_numbers(stem, len(keys))
    if starts is None:
        return []
    from .parse import parse_lines  # (the text reader reads the record's text as a paper)

    parts = [stem[a:b].strip() for a, b in zip(starts, [*starts[1:], len(stem)], strict=True)]
    lines = [Line(text=text, lineno=n) for n, text in enumerate(parts, start=1)]
    questions = parse_lines("", lines).questions
    if len(questions) != len(keys) or not all(len(q.options) >= 2 for q in questions):
        return []
    passage = stem[: starts[0]].strip()
    for question, key in zip(questions, keys, strict=True):
        last = chr(ord("A") + len(question.options) - 1)
        letters = "".join(sorted({c for c in key.upper() if "A" <= c <= last}))
        question.type = "multiple" if len(letters) > 1 else "single"
        question.material = passage
        if letters:  # (its "no answer found" goes with the key the record gave it)
            question.answer, question.warnings = letters, []
    return questions


def _run_of_numbers(text: str, count: int) -> list[int] | None:
    """Where each of `count` numbers in a row (k, k+1, …) opens its question, in order."""
    for first in re.finditer(NUMBER.format(r"\d{1,3}"), text):
        k = int(first.group(1))
        starts, at = [first.start(1)], first.end()
        for n in range(k + 1, k + count):
            found = re.compile(NUMBER.format(n)).search(text, at)
            if found is None:
                break
            starts.append(found.start(1))
            at = found.end()
        if len(starts) == count:
            return starts
    return None
