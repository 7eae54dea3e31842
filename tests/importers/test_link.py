"""LINK stage: keys printed away from their questions."""

from __future__ import annotations

from importers.pipeline.link import split_enumerated


def test_split_enumerated_digits() -> None:
    assert split_enumerated("1、甲。2、乙:1 子项 2 子项3、丙", 3) == ["甲。", "乙:1 子项 2 子项", "丙"]


def test_split_enumerated_chinese_numerals_keep_inner_digits() -> None:
    assert split_enumerated("一、概念。二、作用:1、指导2、推动 三、结构", 3) == [
        "概念。",
        "作用:1、指导2、推动",
        "结构",
    ]


def test_split_enumerated_fewer_answers_than_questions() -> None:
    assert split_enumerated("1、只有第一题的答案", 3) == ["只有第一题的答案"]


def test_split_enumerated_nothing() -> None:
    assert split_enumerated("没有编号", 2) == []


def test_split_enumerated_parenthesised() -> None:
    assert split_enumerated("(1)甲 (2)乙:1、子项", 2) == ["甲", "乙:1、子项"]
