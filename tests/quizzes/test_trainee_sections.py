"""Section headings over runs of one kind of question, and what a bare term asks (display only)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from quizzes.views.trainee_items import nav_label
from quizzes.views.trainee_sections import section_heads, term_prompt


@dataclass(frozen=True)
class Item:
    type: str
    type_label: str
    points: Decimal = Decimal("2")
    material: str = ""
    ask: str = ""


SINGLE = Item("single", "单选题")
MULTIPLE = Item("multiple", "多选题", Decimal("3"))
TERM = Item("short", "简答题", Decimal("5"), ask="请解释下列名词：")
CASE = Item("single", "单选题", material="某客户投诉……")


def test_a_paper_in_runs_gets_one_numbered_heading_per_kind() -> None:
    heads = section_heads([SINGLE, SINGLE, MULTIPLE, TERM, CASE, CASE])
    assert sorted(heads) == [0, 2, 3, 4]
    assert heads[0].heading == "一、单选题(共 2 题,4 分)"
    assert heads[2].heading == "二、多选题(共 1 题,3 分)"
    assert heads[3].heading == "三、名词解释(共 1 题,5 分)"
    assert heads[4].heading == "四、案例分析(共 2 题,4 分)" and heads[4].count == 2


def test_a_paper_shuffled_across_types_gets_no_headings() -> None:
    assert section_heads([SINGLE, MULTIPLE, SINGLE]) == {}
    assert section_heads([]) == {}


@pytest.mark.parametrize(
    ("type", "stem", "material", "asks"),
    [
        ("short", "商业智能", "", True),
        ("short", " 客户关系管理 ", "", True),
        ("short", "简述投诉处理的步骤", "", False),  # asks for itself
        ("short", "什么是客户满意度?", "", False),
        ("short", "客户挽留:对将要流失的客户采取措施", "", False),
        ("short", "商业智能", "案例材料", False),  # a case question's part
        ("short", "请结合实际谈谈你对优质服务的理解和体会", "", False),
        ("single", "商业智能", "", False),
    ],
)
def test_only_a_bare_term_gets_the_prompt(type: str, stem: str, material: str, asks: bool) -> None:
    assert (term_prompt(type=type, stem=stem, material=material) == "请解释下列名词：") is asks


def test_the_navigator_name_carries_the_state() -> None:
    assert nav_label(position=3, answered=True, flagged=True) == "第 3 题，已答，已标记"
    assert nav_label(position=4, answered=False, flagged=False) == "第 4 题，未答"
