"""CLASSIFY stage helpers: answers as printed → normalised answers."""

from __future__ import annotations

import pytest

from importers.pipeline.classify import parse_choice, truth


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("A", ("A", "")),
        ("A, B, D", ("ABD", "")),
        ("BCA", ("ABC", "")),
        ("ABCDP(79)本题考查特征。", ("ABCD", "本题考查特征。")),
        ("C(解析:时效性是基础)", ("C", "时效性是基础")),
        ("答对了", ("", "答对了")),
    ],
)
def test_parse_choice(printed: str, expected: tuple[str, str]) -> None:
    assert parse_choice(printed) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("√", True),
        ("(×)", False),
        ("对", True),
        ("错误", False),
        ("正确", True),
        ("✔", True),
        ("❌", False),
        ("也许", None),
        (None, None),
    ],
)
def test_truth(printed: str | None, expected: bool | None) -> None:
    assert truth(printed) is expected
