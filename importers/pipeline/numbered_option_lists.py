"""A Word paper converted to Markdown keeps its auto-numbered options as an ordered list: "5.要想
实现半双工通讯，通信双方至少需要（）" then "1. 1个逻辑通道" … "4. 2 个有线信道" then "答案：A".
A list numbered 1, 2, … right under a paragraph and keyed by a letter right below it holds the
options A, B, …: its numbers are the converter's, never questions.

A quiz record labels its list "**Options:**" and keys it by the number of the right item
("**Answer: 4** (binary search)"), the list under the label or run on after it ("**Options:** 1. True
2. False"): the numbers are option labels there too, and the key's numbers their letters."""

from __future__ import annotations

import re

from .model import Line

NUMBERED = re.compile(r"([1-8])\.\s+(?=\S)")
KEY_LABEL = (
    r"(?:\*\*)?(?:(?:正确|正確|参考|參考|标准|標準)?答案|(?:Correct\s+)?[Aa]nswer|Key)"
    r"\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*"
)
KEYED_BY_LETTER = re.compile(rf"\s*{KEY_LABEL}([A-H]+)")
KEYED_BY_NUMBER = re.compile(rf"\s*{KEY_LABEL}([1-8](?:\s*[,，、]\s*[1-8])*)(?!\d)")
OPTIONS_LABEL = re.compile(r"\s*(?:\*\*)?(?:Options|Choices|选项|選項)\s*[:：]\s*(?:\*\*)?\s*", re.I)
RUN_ON = re.compile(r"\s+(?=[2-8]\.\s)")  # "1. True  2. False": where the next item starts
MIN_OPTIONS = 2
LETTERS = "ABCDEFGH"


def letter_numbered_options(lines: list[Line]) -> list[Line]:
    for start, line in enumerate(lines):
        if start + 1 < len(lines) and _options_run_on(line, lines[start + 1]):
            continue
        if not (start and line.depth and line.text.startswith("1. ") and not lines[start - 1].depth):
            continue
        items = _numbered_run(lines, start)
        end = start + len(items)
        key_line = lines[end] if end < len(lines) else None
        if len(items) < MIN_OPTIONS or key_line is None:
            continue
        letters = KEYED_BY_LETTER.match(key_line.text)
        labelled = OPTIONS_LABEL.fullmatch(lines[start - 1].text) is not None
        if letters is None and not (labelled and _letter_numbered_key(key_line, len(items))):
            continue
        if letters and max(LETTERS.index(letter) for letter in letters.group(1)) >= len(items):
            continue  # (the key names a letter the list does not reach)
        for k, (item, number) in enumerate(items):
            item.text = f"{LETTERS[k]}. {item.text[number.end() :]}"
    return lines


def _options_run_on(line: Line, key_line: Line) -> bool:
    """ "**Options:** 1. True  2. False" over "**Answer: 1**": the options lettered on their line."""
    label = OPTIONS_LABEL.match(line.text)
    if label is None or not line.text.startswith("1. ", label.end()):
        return False
    texts = RUN_ON.split(line.text[label.end() :].strip())
    numbers = [NUMBERED.match(text) for text in texts]
    if len(texts) < MIN_OPTIONS or not all(m and int(m.group(1)) == k for k, m in enumerate(numbers, 1)):
        return False
    if not _letter_numbered_key(key_line, len(texts)):
        return False
    line.text = "  ".join(
        f"{LETTERS[k]}. {text[m.end() :]}"
        for k, (text, m) in enumerate(zip(texts, numbers, strict=True))
        if m
    )
    return True


def _letter_numbered_key(key_line: Line, count: int) -> bool:
    """Where the key names items of the list by number, rewrite its numbers as their letters."""
    key = KEYED_BY_NUMBER.match(key_line.text)
    numbers = re.findall(r"[1-8]", key.group(1)) if key else []
    if key is None or max(int(n) for n in numbers) > count:
        return False
    letters = "".join(LETTERS[int(n) - 1] for n in numbers)
    key_line.text = key_line.text[: key.start(1)] + letters + key_line.text[key.end(1) :]
    return True


def _numbered_run(lines: list[Line], start: int) -> list[tuple[Line, re.Match[str]]]:
    """The lines "1. " "2. " … from `start` at one depth, each item one line, with their numbers."""
    run: list[tuple[Line, re.Match[str]]] = []
    for line in lines[start:]:
        number = NUMBERED.match(line.text)
        if number is None or line.depth != lines[start].depth or int(number.group(1)) != len(run) + 1:
            break
        run.append((line, number))
    return run
