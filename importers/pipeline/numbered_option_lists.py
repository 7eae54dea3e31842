"""A Word paper converted to Markdown keeps its auto-numbered options as an ordered list: "5.要想
实现半双工通讯，通信双方至少需要（）" then "1. 1个逻辑通道" … "4. 2 个有线信道" then "答案：A".
A list numbered 1, 2, … right under a paragraph and keyed by a letter right below it holds the
options A, B, …: its numbers are the converter's, never questions."""

from __future__ import annotations

import re

from .model import Line

NUMBERED = re.compile(r"([1-8])\.\s+(?=\S)")
KEYED_BY_LETTER = re.compile(
    r"\s*(?:\*\*)?(?:正确|正確|参考|參考|标准|標準)?答案\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*([A-H]+)"
)
MIN_OPTIONS = 2


def letter_numbered_options(lines: list[Line]) -> list[Line]:
    for start, line in enumerate(lines):
        if not (start and line.depth and line.text.startswith("1. ") and not lines[start - 1].depth):
            continue
        items = _numbered_run(lines, start)
        end = start + len(items)
        key = KEYED_BY_LETTER.match(lines[end].text) if end < len(lines) else None
        if len(items) < MIN_OPTIONS or key is None:
            continue
        if max(ord(letter) - ord("A") for letter in key.group(1)) >= len(items):
            continue  # (the key names a letter the list does not reach)
        for k, (item, number) in enumerate(items):
            item.text = f"{'ABCDEFGH'[k]}. {item.text[number.end() :]}"
    return lines


def _numbered_run(lines: list[Line], start: int) -> list[tuple[Line, re.Match[str]]]:
    """The lines "1. " "2. " … from `start` at one depth, each item one line, with their numbers."""
    run: list[tuple[Line, re.Match[str]]] = []
    for line in lines[start:]:
        number = NUMBERED.match(line.text)
        if number is None or line.depth != lines[start].depth or int(number.group(1)) != len(run) + 1:
            break
        run.append((line, number))
    return run
