"""Sub-questions printed twice: "（1）…有哪些区别？" "（2）…说明…" asked under a material question,
then numbered again from 1 as many times, each stating its answer ("（1）材料一中…" "（2）材料一、二
表明…"), as textbooks' exercises with worked answers print them. The second run answers the
first, part by part; it asks nothing of its own."""

from __future__ import annotations

from . import rules
from .blocks import Item


def answer_parts_asked_again(items: list[Item], roles: dict[int, list[str]]) -> int:
    """Each such second run made its parts' answers (and taken out of `items`); how many items
    went."""
    gone = 0
    at = 0
    while at < len(items):
        k = _run_length(items, at)
        stated = items[at + k : at + 2 * k]
        if k >= 2 and _answers(items[at : at + k], stated):
            for part, answer in zip(items[at : at + k], stated, strict=True):
                texts = [answer.stem, *answer.extra, answer.answer or ""]
                part.answer = "\n".join(text for text in texts if text)
                roles[answer.lineno] = ["answer"]
            del items[at + k : at + 2 * k]
            gone += k
        at += max(k, 1)
    return gone


def _run_length(items: list[Item], at: int) -> int:
    """Sub-questions (1), (2) … numbered in a run from `at`; 0 when none starts there."""
    k = 0
    while at + k < len(items) and items[at + k].bracketed and items[at + k].number == str(k + 1):
        k += 1
    return k


def _answers(asked: list[Item], stated: list[Item]) -> bool:
    numbers = [str(n) for n in range(1, len(asked) + 1)]
    return (
        [item.number for item in stated] == numbers
        and all(item.bracketed and item.material in ("", asked[0].material) for item in stated)
        and all(rules.asks_in_words(item.stem) and not (item.extra or item.answer) for item in asked)
        and not any(rules.asks_strongly(item.stem) or item.options for item in stated)
    )
