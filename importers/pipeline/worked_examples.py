"""A study guide's worked examples: where a paper labels its questions "【例1】", "例题2：", its
other numbered lines that ask nothing ("1．算法的时间复杂度" over a paragraph) are the guide's
teaching text, not questions."""

from __future__ import annotations

from . import rules
from .blocks import Item

MIN_EXAMPLES = 3  # (one "例1" may be a paper's sample answer; a guide labels many)


def labels_examples(items: list[Item]) -> bool:
    return sum(item.example for item in items) >= MIN_EXAMPLES


def teaching_text(item: Item) -> bool:
    """Numbered, not an example, without options, and its text asks nothing (an exercise left
    for the reader, "1．栈是____", still asks)."""
    return not item.example and not item.options and not rules.asks_in_words(item.stem)
