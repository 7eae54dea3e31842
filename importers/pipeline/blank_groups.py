"""A stem asking several blanks, each with its own set of options ("…(39)…(40)…(41)…" then
A–D, A–D, A–D, as 软考 papers print them), keyed once for all ("B｜A｜D", "B、A、D"): each
blank becomes a question of its own over the same stem, with its options and its letter."""

from __future__ import annotations

import re
from dataclasses import replace

from .blocks import Item

# "B｜A｜D", "B、A、D", "B,A,D", "B;A;D", "B A D" (then, maybe, "。第一空错。"): one letter each, in
# turn (a blank's here; a group's questions' in shared_options.py)
LETTERS_IN_TURN = re.compile(r"\s*(?:答案选择|答案|选择|选)?\s*([A-H](?:\s*[｜|、,，;；/ ]\s*[A-H])+)")


def blank_groups(item: Item) -> list[Item]:
    """One item per blank when the item read several option sets, else the item itself."""
    if not item.groups:
        return [item]
    groups = [*item.groups, item.options]
    keys = LETTERS_IN_TURN.match(item.answer or "")
    letters = re.findall(r"[A-H]", keys.group(1)) if keys else []
    answers = letters if len(letters) == len(groups) else [None] * len(groups)
    explanation = item.explanation
    if keys and answers[0] is not None:
        rest = (item.answer or "")[keys.end() :].strip(" 。.;；\n")
        explanation = "\n".join(part for part in (rest, item.explanation or "") if part) or None
    return [
        replace(item, options=options, answer=answer, explanation=explanation, groups=[])
        for options, answer in zip(groups, answers, strict=True)
    ]
