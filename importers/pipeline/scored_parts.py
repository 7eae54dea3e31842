"""A big question whose lettered parts each carry their points ("a）用正则表达式设计词法规则
（15分）" "b）设计…的文法（25分）", or "a. （8分）计算…"), or whose parts numbered ①② each hold
a blank to fill: the parts are its sub-questions, not options — a choice's options are never
scored and hold no blanks. Each part becomes a question asked over the big question's text."""

from __future__ import annotations

import re

from . import rules
from .blocks import Item, join

# "(40分):Clojure…": the big question's points, left before its text when "第一题" was taken off;
# a part's "(5 marks)" or its share of the question's, "(30%)", before it asks.
LEADING_POINTS = re.compile(rf"^\s*[(（\[]\s*(?:{rules.POINTS}|\d{{1,3}}\s*%)\s*[)）\]]\s*[:：]?\s*", re.I)


def _asks_to_fill(part: str) -> bool:
    """ "镉的相对原子质量为____。": words around a blank (not "____ EAX ____", a listing's slots)."""
    return rules.BLANK.search(part) is not None and WORDS.search(part) is not None


WORDS = re.compile(r"[\u4e00-\u9fff]{2}")


def scored_parts(item: Item) -> list[Item]:
    """The item's sub-questions when every option ends with its points (or, numbered ①②, has a
    blank to fill: "①镉的相对原子质量为____。"), or when it asks in parts lettered "(a)" "(b)" as
    English papers do; else the item itself."""
    if not item.options:
        return _lettered_parts(item)
    if len(item.options) < 2 or item.answer:
        return [item]
    scored = all(rules.POINTS_AFTER.search(o) or LEADING_POINTS.match(o) for o in item.options)
    blanks = item.option_family == "circle" and all(map(_asks_to_fill, item.options))
    if not (scored or blanks):
        return [item]
    parts, extra = list(item.options), list(item.extra)
    while extra and (more := PART.match(extra[0])) and more.group(1) == "abcdefgh"[len(parts) % 8]:
        parts.append(extra.pop(0)[more.end() :])  # "(c) Is (A, R) a lattice?": asked, so left unread
    material = join(item.material, join(LEADING_POINTS.sub("", item.stem), "\n".join(extra), "\n"), "\n")
    return _parts(item, material, parts, [None] * len(parts))


# "(a) Prove that…" opening a line: an English paper's lettered part
PART = re.compile(r"(?:^|(?<=\n))\(([a-h])\)\s*")
# A part that asks: a question mark, or the imperative English papers set problems with
ENGLISH_ASKS = re.compile(
    r"[?？]\s*$|^(?:prove|show|draw|find|compute|calculate|determine|explain|describe|give|construct|use"
    r"|write|list|state|define|justify|derive|design|identify|compare|discuss|suggest|evaluate)\b",
    re.I,
)


def _lettered_parts(item: Item) -> list[Item]:
    """ "How many strings of 4 letters:" "(a) contain an 'a'?" "(b) …": parts lettered from (a), each
    asking (or all under a lead that ends with a colon), are sub-questions over the lead's text;
    a key's answer lettered the same way is shared out to them."""
    text = join(item.stem, "\n".join(item.extra), "\n")  # (the parts after the first may be left unread)
    marks = list(PART.finditer(text))
    if len(marks) < 2 or "".join(m.group(1) for m in marks) != "abcdefgh"[: len(marks)]:
        return [item]
    lead = text[: marks[0].start()].strip()
    parts = [text[m.end() : n.start()].strip() for m, n in zip(marks, marks[1:], strict=False)]
    parts.append(text[marks[-1].end() :].strip())
    parts = [LEADING_POINTS.sub("", part) for part in parts]
    # ("优势：（a）添加新服务…（b）…": a Chinese answer's points, not an English paper's parts)
    if any(WORDS.search(part) for part in parts):
        return [item]
    if not lead or not (lead.endswith((":", "：")) or all(ENGLISH_ASKS.search(part) for part in parts)):
        return [item]
    answers: list[str | None] = [None] * len(parts)
    if item.answer:
        keyed = list(PART.finditer(item.answer))
        if "".join(m.group(1) for m in keyed) != "abcdefgh"[: len(parts)]:
            return [item]  # an answer for the whole: the parts stay one question
        ends = [m.start() for m in keyed[1:]] + [len(item.answer)]
        answers = [item.answer[m.end() : end].strip() for m, end in zip(keyed, ends, strict=True)]
    return _parts(item, join(item.material, lead, "\n"), parts, answers)


def _parts(item: Item, material: str, parts: list[str], answers: list[str | None]) -> list[Item]:
    return [
        Item(
            number=f"{item.number}.{place}" if item.number else str(place),
            lineno=item.lineno,
            section=item.section,
            stem=LEADING_POINTS.sub("", part),
            material=material,
            answer=answer,
        )
        for place, (part, answer) in enumerate(zip(parts, answers, strict=True), 1)
    ]
