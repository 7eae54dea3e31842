"""Chapters in reading order and nested by their titles (qbank.chapter_tree, pure)."""

from __future__ import annotations

import pytest

from qbank.chapter_tree import Node, build_tree, cn_int, natural_key


@pytest.mark.parametrize(
    ("text", "value"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("一〇五", 105)]
)
def test_chinese_numbers(text: str, value: int) -> None:
    assert cn_int(text) == value


def test_titles_sort_as_numbers_not_code_points() -> None:
    titles = ["第十章 投诉", "第二章 礼仪", "第一章 概述", "第9章 回访", "第十一章 总结", "一般客户"]
    assert sorted(titles, key=natural_key) == [
        "一般客户",  # a word, not a number
        "第一章 概述",
        "第二章 礼仪",
        "第9章 回访",
        "第十章 投诉",
        "第十一章 总结",
    ]


def test_sections_nest_under_the_chapter_created_before_them() -> None:
    titles = ["第二章 礼仪", "第一节 仪容", "第二节 用语", "第一章 概述", "第一节 定义", "客户关系管理试题"]
    tree = build_tree([Node(i, t, counts={"single": i}) for i, t in enumerate(titles)])
    assert [(n.title, [c.title for c in n.children]) for n in tree] == [
        ("客户关系管理试题", []),
        ("第一章 概述", ["第一节 定义"]),
        ("第二章 礼仪", ["第一节 仪容", "第二节 用语"]),
    ]
    assert tree[2].total_counts == {"single": 0 + 1 + 2}


def test_titles_win_over_creation_order() -> None:
    tree = build_tree([Node(1, "第二章", order=0), Node(2, "第一章", order=1)])
    assert [n.title for n in tree] == ["第一章", "第二章"]
