"""The corpus parse diff names the papers a change reads differently, and how."""

from __future__ import annotations

from tests.corpus.parse_diff import changed, question_diff


def parse(stems: list[str], f1: float) -> dict[str, object]:
    return {"split": "dev", "f1": f1, "answer": None, "questions": [{"stem": s} for s in stems]}


def test_only_papers_read_differently_are_named_with_their_scores() -> None:
    before = {"a.txt": parse(["甲", "乙"], 1.0), "b.txt": parse(["丙"], 0.5), "c.txt": parse([], 0.0)}
    after = {"a.txt": parse(["甲", "乙"], 1.0), "b.txt": parse(["丙", "丁"], 0.75), "d.txt": parse([], 0.0)}
    assert changed(before, after) == [
        "b.txt (dev): F1 0.500 -> 0.750, answers – -> –",
        "c.txt: only in the first dump",
        "d.txt: only in the second dump",
    ]


def test_a_papers_questions_are_compared_line_by_line() -> None:
    lines = question_diff(parse(["丙"], 0.5), parse(["丙", "丁"], 0.75))
    edits = [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert edits == ['+{"stem": "丁"}']
