"""How a paper is shown: section headings (单选题 / 多选题 / … / 案例分析) over runs of questions of
one kind, and what a bare-term question asks ("请解释下列名词:…"). Display only: the bank and the
attempt's snapshot keep the question as it was printed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.utils.translation import get_language
from django.utils.translation import gettext as _

CHINESE_NUMERALS = "一二三四五六七八九十"
# A 名词解释 item is printed as the bare term ("商业智能"): short, no sentence punctuation and no
# word that asks for something. Anything longer or phrased as a task is its own question.
TERM_MAX_CHARS = 16
NOT_A_BARE_TERM = re.compile(
    r"[?？。，,:：;；!！、\n]|什么|如何|为什么|为何|怎样|怎么|简述|论述|说明|请|分析|谈谈|比较|举例|概述|阐述"
    r"|解释|描述|列举|哪些|是否|写出|计算|设计"
)


def bare_term(*, type: str, stem: str, material: str = "") -> bool:
    text = stem.strip()
    return (
        type == "short"
        and not material
        and 0 < len(text) <= TERM_MAX_CHARS
        and not NOT_A_BARE_TERM.search(text)
    )


def term_prompt(*, type: str, stem: str, material: str = "") -> str:
    """The words that turn a bare term into a question, or "" when the stem asks for itself."""
    return _("请解释下列名词：") if bare_term(type=type, stem=stem, material=material) else ""


class Sectioned(Protocol):
    @property
    def type(self) -> str: ...
    @property
    def type_label(self) -> str: ...
    @property
    def points(self) -> Decimal: ...
    @property
    def material(self) -> str: ...
    @property
    def ask(self) -> str: ...


def _kind(item: Sectioned) -> tuple[str, str]:
    if item.material:
        return "case", _("案例分析")
    if item.ask:
        return "term", _("名词解释")
    return item.type, item.type_label


def _ordinal(number: int) -> str:
    """一, 二, 三… as Chinese papers number their parts; 1, 2, 3… in other languages."""
    chinese = (get_language() or "zh-hans").startswith("zh")
    return CHINESE_NUMERALS[number - 1] if chinese and number <= len(CHINESE_NUMERALS) else str(number)


@dataclass(frozen=True)
class SectionHead:
    heading: str  # "一、单选题(共 5 题,10 分)"
    count: int


def section_heads(items: Sequence[Sectioned]) -> dict[int, SectionHead]:
    """{index of a section's first item: its heading}, or {} when the kinds are interleaved (a
    paper shuffled across types): a heading over every other question would say nothing."""
    runs: list[tuple[str, str, int, list[Sectioned]]] = []
    for index, item in enumerate(items):
        kind, label = _kind(item)
        if runs and runs[-1][0] == kind:
            runs[-1][3].append(item)
        else:
            runs.append((kind, label, index, [item]))
    if len({run[0] for run in runs}) != len(runs):
        return {}
    heads = {}
    for number, (_kind_key, label, start, members) in enumerate(runs, 1):
        points = sum((m.points for m in members), Decimal(0))
        values = {
            "no": _ordinal(number),
            "type": label,
            "n": len(members),
            "points": f"{points.normalize():f}",
        }
        heads[start] = SectionHead(_("%(no)s、%(type)s(共 %(n)s 题,%(points)s 分)") % values, len(members))
    return heads
