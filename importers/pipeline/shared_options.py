"""Questions that share one set of options (配伍选择题, the B型题 of medical and pharmacy exams):
"【41-43】" or "（41～43题共用备选答案）" heads the options A–E, then questions 41–43 print only
their stems, and one key may answer the group in order ("正确答案：C,D,B"). Each question of the
range takes the shared options, and a key of one letter a question is shared out in turn."""

from __future__ import annotations

import re
from dataclasses import replace

from .blank_groups import LETTERS_IN_TURN
from .blocks import Item
from .model import Line

# "【41-43】", "[41~43]", "（41～43题共用备选答案）", "41-43题共用备选答案": a bare "41-43" is not
# enough (a Markdown heading "### 41-50" names which questions follow, nothing shared)
SHARED_HEAD = re.compile(
    r"^\s*(?:[【\[]\s*(?P<a>\d{1,4})\s*[-~～—–至到]\s*(?P<b>\d{1,4})\s*[题題]?\s*[】\]]"
    r"|[(（]?\s*(?P<c>\d{1,4})\s*[-~～—–至到]\s*(?P<d>\d{1,4})\s*[题題]?\s*共用(?:备选|備選)?(?:答案|选项|選項)"
    r"\s*[)）]?)\s*[:：]?\s*$"
)


def shared_head(line: Line) -> tuple[int, int] | None:
    m = SHARED_HEAD.match(line.text)
    if m is None:
        return None
    first, last = int(m.group("a") or m.group("c")), int(m.group("b") or m.group("d"))
    return (first, last) if 0 < last - first < 20 else None


def share_options(items: list[Item]) -> list[Item]:
    """A section's items with each shared option set handed to the questions of its range."""
    out: list[Item] = []
    group: list[Item] = []
    head: Item | None = None
    for item in [*items, None]:
        if head is not None and (item is None or not _in_range(head, item)):
            out.extend(_share(head, group))
            head, group = None, []
        if item is None:
            break
        if item.shares is not None and item.options and not item.stem:
            head = item
        elif head is not None:
            group.append(item)
        else:
            out.append(item)
    return out


def _in_range(head: Item, item: Item) -> bool:
    assert head.shares is not None
    first, last = head.shares
    return item.number.isdecimal() and first <= int(item.number) <= last and not item.options


def _share(head: Item, group: list[Item]) -> list[Item]:
    if not group:
        return [head]
    letters = _group_key(group)
    if not letters:
        return [replace(item, options=list(head.options)) for item in group]
    # the key's line, then its explanation ("解题思路：…"), which speaks of the whole group
    note = (group[-1].answer or "").strip().partition("\n")[2].strip()
    return [
        replace(item, options=list(head.options), answer=letter, explanation=item.explanation or note or None)
        for item, letter in zip(group, letters, strict=True)
    ]


def _group_key(group: list[Item]) -> list[str]:
    """ "C,D,B" under the group's last question, none under the others: one letter each."""
    *others, last = group
    if any(item.answer for item in others) or not last.answer:
        return []
    first_line = last.answer.strip().split("\n", 1)[0]
    keys = LETTERS_IN_TURN.fullmatch(first_line.strip())
    if keys is None:
        return []
    letters = re.findall(r"[A-H]", keys.group(1))
    return letters if len(letters) == len(group) else []
