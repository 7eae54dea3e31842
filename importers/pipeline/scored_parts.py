"""A big question whose lettered parts each carry their points ("a）用正则表达式设计词法规则
（15分）" "b）设计…的文法（25分）", or "a. （8分）计算…"), or whose parts numbered ①② each hold
a blank to fill: the parts are its sub-questions, not options — a choice's options are never
scored and hold no blanks. Each part becomes a question asked over the big question's text."""

from __future__ import annotations

import re

from . import rules
from .blocks import Item, join

# "(40分):Clojure…": the big question's points, left before its text when "第一题" was taken off.
LEADING_POINTS = re.compile(r"^\s*[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*[:：]?\s*")


def _asks_to_fill(part: str) -> bool:
    """ "镉的相对原子质量为____。": words around a blank (not "____ EAX ____", a listing's slots)."""
    return rules.BLANK.search(part) is not None and WORDS.search(part) is not None


WORDS = re.compile(r"[\u4e00-\u9fff]{2}")


def scored_parts(item: Item) -> list[Item]:
    """The item's sub-questions when every option ends with its points (or, numbered ①②, has a
    blank to fill: "①镉的相对原子质量为____。"), else the item itself."""
    if len(item.options) < 2 or item.answer:
        return [item]
    scored = all(rules.POINTS_AFTER.search(o) or LEADING_POINTS.match(o) for o in item.options)
    blanks = item.option_family == "circle" and all(map(_asks_to_fill, item.options))
    if not (scored or blanks):
        return [item]
    material = join(item.material, join(LEADING_POINTS.sub("", item.stem), "\n".join(item.extra), "\n"), "\n")
    return [
        Item(
            number=f"{item.number}.{place}" if item.number else str(place),
            lineno=item.lineno,
            section=item.section,
            stem=part,
            material=material,
        )
        for place, part in enumerate(item.options, 1)
    ]
