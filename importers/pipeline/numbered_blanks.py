"""Fill parts that number their blanks through the part, not per question: "1. 三要素是（1）、（2）
和（3）。" "2. 第一步是（4）。", keyed "(1) 态度 (2) 知识 …" by the blanks' numbers (university
papers marked 每空1分). The numbers are the blanks', never their answers: each becomes "____",
and the key entry of its number answers it.

A part numbers its blanks so when its questions' bracketed numbers run 1, 2, 3 … in turn and
there are more of them than questions (some question holds two), or each is its own question's
number; a part whose brackets hold anything else ("1+1=（2）" among words) is left alone.
"""

from __future__ import annotations

import re

from .blocks import Item, KeyEntry, Section

# "（1）", "___(2)___": a blank's number, the underline it may sit on taken with it
BLANK_NUMBER = re.compile(r"_*[(（]\s*(\d{1,3})\s*[)）]_*")
BLANK = "____"


def blank_numbers(section: Section) -> dict[int, Item]:
    """Blank number → the question holding it, where the part numbers its blanks; else {}."""
    if section.kind != "fill":
        return {}
    held = [(int(m.group(1)), item) for item in section.items for m in BLANK_NUMBER.finditer(item.stem)]
    numbers = [n for n, _ in held]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return {}
    own = all(str(n) == item.number for n, item in held)
    return dict(held) if len(numbers) > len(section.items) or own else {}


def answer_numbered_blanks(sections: list[Section], keys: list[KeyEntry]) -> list[KeyEntry]:
    """Each numbered blank made "____" and answered by its part's key entry of that number (a
    question's answers joined in blank order); the entries left for the questions' numbers."""
    used: set[int] = set()
    for section in sections:
        blanks = blank_numbers(section)
        if not blanks:
            continue
        answers: dict[int, str] = {}
        for entry in keys:
            if entry.target is section and entry.number in blanks and entry.text.strip():
                answers[entry.number] = entry.text.strip()
                used.add(id(entry))
        for item in {id(item): item for item in blanks.values()}.values():
            if item.answer is not None:
                continue  # "客户是（1），服务要（2）。" "答案：（1）上帝（2）及时": it answers them itself
            mine = [n for n, holder in blanks.items() if holder is item]
            item.stem = BLANK_NUMBER.sub(BLANK, item.stem)
            if all(n in answers for n in mine):
                # ("第1空：…" labels: the fill reader splits them apart whatever the answers hold)
                labelled = " ".join(f"第{k}空：{answers[n]}" for k, n in enumerate(mine, 1))
                item.answer = answers[mine[0]] if len(mine) == 1 else labelled
    return [entry for entry in keys if id(entry) not in used]
