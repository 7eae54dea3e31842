"""SEGMENT stage on tiny inputs: what becomes a section, an item, an option, a key."""

from __future__ import annotations

from importers.pipeline.model import Line
from importers.pipeline.segment import chinese_number, segment


def seg(text: str):  # type: ignore[no-untyped-def]
    return segment([Line(text=t, lineno=i) for i, t in enumerate(text.splitlines(), 1)])


def test_sections_and_their_kinds() -> None:
    s = seg("一、单项选择题(每题2分)1. 甲?A.a B.b\n二、判断题\n1. 乙。\n三、简答\n1. 丙?")
    assert [(x.heading, x.kind) for x in s.sections if x.items] == [
        ("一、单项选择题(每题2分)", "single"),
        ("二、判断题", "truefalse"),
        ("三、简答", "short"),
    ]


def test_item_numbers_must_run_in_order() -> None:
    s = seg("1. 增长了3.5%的是?A.甲B.乙2. 第二题?")
    assert [(i.number, i.stem) for i in s.sections[0].items] == [("1", "增长了3.5%的是?"), ("2", "第二题?")]


def test_numbers_inside_answers_are_not_items() -> None:
    s = seg("三、简答\n1. 简述原则。\n答:1.以客户为中心 2.及时\n2. 下一题?")
    items = s.sections[-1].items
    assert [i.number for i in items] == ["1", "2"] and items[0].answer == "1.以客户为中心 2.及时"


def test_option_labels_follow_one_style() -> None:
    s = seg("1. 换算正确的是( )。(A)1KB = 1024 B (B)1MB=1024 B")
    assert [o.strip() for o in s.sections[0].items[0].options] == ["1KB = 1024 B", "1MB=1024 B"]


def test_prose_heading_starts_a_prose_section() -> None:
    s = seg("一、总则\n1.适用范围 本办法适用于客服部")
    assert s.sections[-1].kind == "prose"


def test_chapter_key_targets_the_chapter() -> None:
    s = seg("第二章服务理念\n1.甲?\nA.a B.b\n第二章:1.B")
    assert [(k.number, k.text, k.target.heading if k.target else None) for k in s.keys] == [
        (1, "B", "第二章服务理念")
    ]


def test_title_glued_to_heading_starts_another_paper() -> None:
    s = seg("1. 甲?A.a B.b\n客户关系管理试题及答案一、单选题1. 乙?A.a B.b")
    assert {x.doc for x in s.sections if x.items} == {0, 1}


def test_chinese_numbers() -> None:
    assert [chinese_number(t) for t in ("一", "十", "十二", "二十三", "7")] == [1, 10, 12, 23, 7]


def test_the_first_character_filter_never_hides_a_boundary() -> None:
    """BOUNDARY skips positions whose character opens no rule; on every line of the sample
    papers and the corpus's text papers it finds exactly what the bare alternation finds."""
    import re
    from pathlib import Path

    from importers.pipeline.boundaries import ANY_RULE, BOUNDARY

    bare = re.compile(ANY_RULE)
    root = Path(__file__).resolve().parents[2] / "fixtures"
    files = [*root.glob("papers/*.txt"), *root.glob("corpus/papers/*.txt"), *root.glob("corpus/papers/*.md")]
    from tests.importers.test_conventions import CASES

    lines = [line for f in files for line in f.read_text("utf-8", errors="replace").splitlines()]
    lines += [line for text, _ in CASES.values() for line in text.splitlines()]  # every convention
    assert len(lines) > 5000
    for line in lines:
        assert [m.span() for m in BOUNDARY.finditer(line)] == [m.span() for m in bare.finditer(line)], line


def test_segment_reports_the_share_of_lines_read(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from importers.pipeline import segment as segment_module

    monkeypatch.setattr(segment_module, "PROGRESS_LINES", 2)
    shares: list[float] = []
    text = "\n".join(f"{n}. 第{n}题?A.甲 B.乙" for n in range(1, 8))
    segment([Line(text=t, lineno=i) for i, t in enumerate(text.splitlines(), 1)], shares.append)
    assert shares == [2 / 7, 4 / 7, 6 / 7]
