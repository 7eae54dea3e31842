"""Papers that number their blanks rather than their questions.

软考 papers print "…的叙述中，错误的是 （12） 。" over "（12） A.… B.… C.… D.…", and cloze
passages give each blank (71)…(75) a line of options. Each such options line is a question: its
number the blank's, its stem the text above that holds the blank (shared by every blank in it).
They are rewritten here as "12. stem" over plain options, so the segmenter reads them as it reads
any numbered question. Where the text above holds no such blank ("（  ）" over "（12）A．…", a
site that kept the exam's blank number only on the options), the number is dropped from the
options line: the question above owns them.
"""

from __future__ import annotations

import re

from .blank_groups import LETTERS_IN_TURN
from .blocks import Item
from .clean import with_text
from .model import Line

SLOT_OPTIONS = re.compile(r"^[(（]\s*(\d{1,3})\s*[)）]\s*(?=A\s*[.．、])")
OPTION_CONTINUES = re.compile(r"^[B-H]\s*[.．、]")
SENTENCE_END = re.compile(r"[。.!！?？:：]\s*$")
# A question's header alone on its line, "第2题" (or "2016年5月第2题", a past paper's by its sitting)
QUESTION_HEADER = re.compile(r"\s*\S{0,12}?第\s*\d{1,3}\s*[题題]\s*[.、:：]?\s*")
MIN_SLOTS = 3  # a paper laid out so numbers several; one "(1) A." may be anything
# The stem's own number, where the paper prints one over its blanks: "31.", "**29-30.**", "44～47．"
PRINTED_NUMBER = re.compile(r"\s*(?:\*\*)?\d{1,3}(?:\s*[-–—~～]\s*\d{1,3})?\s*[.．、](?:\*\*)?\s*(?=\S)")


def number_slots(lines: list[Line], furniture: list[Line]) -> list[Line]:
    """`furniture` takes the options of a worked example ("（88）" before "（1）"): no question."""
    if sum(1 for line in lines if line.text[:1] in "(（" and SLOT_OPTIONS.match(line.text)) < MIN_SLOTS:
        return lines
    out: list[Line] = []
    block: list[Line] = []  # lines since the last options
    shared: list[Line] = []  # the stem the last options line was given (it may hold more blanks)
    in_options = seen = False
    last = 0
    for i, line in enumerate(lines):
        slot = SLOT_OPTIONS.match(line.text)
        if slot is None:
            following = lines[i + 1].text if i + 1 < len(lines) else ""
            if in_options and (OPTION_CONTINUES.match(line.text) or OPTION_CONTINUES.match(following)):
                (out if seen else furniture).append(line)  # the next options, or an option's wrapped text
                continue
            in_options = False
            block.append(line)
            continue
        number = slot.group(1)
        start = _stem_start(block, number, whole=seen)
        if start is None and not _holds_blank(shared, number):
            shared = []  # no text above holds the blank: the options of the question above
        elif int(number) not in (1, last + 1):
            furniture.append(line)  # "（88）" before "（1）": the instructions' worked example
            in_options = True
            continue
        elif start is not None:
            shared, block = block[start:], block[:start]
            if block and QUESTION_HEADER.fullmatch(block[-1].text):
                furniture.append(block.pop())  # ("2016年5月第2题" over the stem: its number is the blank's)
        out.extend(block)
        last = int(number)
        if shared:
            own = PRINTED_NUMBER.match(shared[0].text)  # ("31. …", "**29-30.** …": the paper's own)
            out.append(with_text(shared[0], f"{number}. {shared[0].text[own.end() if own else 0 :]}"))
            out.extend(shared[1:])
        out.append(with_text(line, line.text[slot.end() :]))
        block, in_options, seen = [], True, True
    return out + block


def _blank(number: str) -> re.Pattern[str]:
    return re.compile(rf"[(（]\s*{number}\s*[)）]")


def _later_blank(number: str) -> re.Pattern[str]:
    n = int(number)
    return re.compile(rf"[(（]\s*(?:{'|'.join(str(k) for k in range(n + 1, n + 4))})\s*[)）]")


def _holds_blank(stem: list[Line], number: str) -> bool:
    blank = _blank(number)
    return any(blank.search(line.text) for line in stem)


def _stem_start(block: list[Line], number: str, whole: bool) -> int | None:
    """Where the stem holding blank `number` starts in `block`. Between two questions' options
    the whole block is the stem; before the first, the paper's own opening precedes it: back from
    the line holding the blank to the line after one that ends a sentence."""
    blank = _blank(number)
    at = next((i for i, line in enumerate(block) if blank.search(line.text)), None)
    if at is None and whole:
        later = _later_blank(number)  # "…如下：54 ⋈ （55）": the text lost this blank's brackets
        at = next((i for i, line in enumerate(block) if later.search(line.text)), None)
    if at is None:
        return None
    # (a header "第2题" in the block: the previous question's key and notes stay above it)
    header = next((i for i in range(at - 1, -1, -1) if QUESTION_HEADER.fullmatch(block[i].text)), None)
    if header is not None:
        return header + 1
    if whole:
        return 0
    while at > 0 and not SENTENCE_END.search(block[at - 1].text):
        at -= 1
    return at


def share_group_keys(items: list[Item]) -> None:
    """Blanks asked in one stem are keyed together after the last one's options, a letter each in
    the blanks' order ("（15）…（16）…" over "【答案】C  A"): each blank takes its own letter."""
    start = 0
    while start < len(items):
        end = start + 1
        while end < len(items) and _same_group(items[start], items[end], end - start):
            end += 1
        group, start = items[start:end], end
        letters = LETTERS_IN_TURN.fullmatch((group[-1].answer or "").strip())
        if len(group) < 2 or letters is None or any(item.answer is not None for item in group[:-1]):
            continue
        keys = re.findall(r"[A-H]", letters.group(1))
        if len(keys) != len(group):
            continue  # (a letter short or over: no blank can be sure which is its own)
        if all("ABCDEFGH".index(key) < len(item.options) for item, key in zip(group, keys, strict=True)):
            for item, key in zip(group, keys, strict=True):
                item.answer = key


def _same_group(first: Item, other: Item, offset: int) -> bool:
    """`other` is a later blank of `first`'s stem: the same text, numbered `offset` after it."""
    return (
        bool(first.stem)
        and other.stem == first.stem
        and first.number.isdecimal()
        and other.number == str(int(first.number) + offset)
        and len(other.options) >= 2
    )
