"""Chapters in the order people read them, nested where the titles say so (pure, no Django).

Titles sort as written numbers, not code points: 第二章 after 第一章 (by code point 二 sorts
before 一), 第10章 after 第9章. Imported chapters are flat; a "第X节" title belongs to the
"第X章" (篇, 部分, 单元) created just before it, because imports create chapters in paper order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMBER = "零〇一二两三四五六七八九十百千"
# A Chinese number counts as a number only where it numbers something: 第…章/节, or "三、" at
# the start; "一般客户" stays text.
NUMBERED = re.compile(rf"(\d+)|第([{CN_NUMBER}]+)|^([{CN_NUMBER}]+)(?=[、.．])")
PART = re.compile(rf"^\s*第\s*[{CN_NUMBER}\d]+\s*(?:章|篇|部分|单元|單元)")
SECTION = re.compile(rf"^\s*第\s*[{CN_NUMBER}\d]+\s*[节節]")


def cn_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; digit strings such as 一〇五 → 105."""
    if all(ch in DIGITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + DIGITS[ch]
        return value
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            total += (current or 1) * UNITS[ch]
            current = 0
    return total + current


def natural_key(title: str) -> tuple[tuple[int, int | str], ...]:
    """Numbers (Arabic or numbering Chinese) compare as numbers, the rest as text."""
    key: list[tuple[int, int | str]] = []
    position = 0
    for found in NUMBERED.finditer(title):
        if found.start() > position:
            key.append((1, title[position : found.start()]))
        if found.group(1):
            key.append((0, int(found.group(1))))
        elif found.group(2):
            key.append((1, "第"))
            key.append((0, cn_int(found.group(2))))
        else:
            key.append((0, cn_int(found.group(3))))
        position = found.end()
    if position < len(title):
        key.append((1, title[position:]))
    return tuple(key)


@dataclass
class Node:
    id: int
    title: str
    order: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)

    @property
    def total_counts(self) -> dict[str, int]:
        """This chapter's questions per type, with its sections'."""
        totals = dict(self.counts)
        for child in self.children:
            for qtype, n in child.total_counts.items():
                totals[qtype] = totals.get(qtype, 0) + n
        return totals


def sort_key(node: Node) -> tuple[tuple[tuple[int, int | str], ...], int]:
    # Titles decide; `order` only records creation (qbank.services.chapter_get_or_create), so
    # chapters from two papers imported in either order still read 第一章, 第二章.
    return (natural_key(node.title), node.order)


def build_tree(nodes: Iterable[Node]) -> list[Node]:
    """Nodes given in creation order (ids ascending) → top-level nodes, sections nested."""
    roots: list[Node] = []
    parent: Node | None = None
    for node in sorted(nodes, key=lambda n: n.id):
        if PART.match(node.title):
            parent = node
            roots.append(node)
        elif SECTION.match(node.title) and parent is not None:
            parent.children.append(node)
        else:
            roots.append(node)
    for root in roots:
        root.children.sort(key=sort_key)
    return sorted(roots, key=sort_key)
