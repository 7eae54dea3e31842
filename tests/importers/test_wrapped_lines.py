"""Papers whose lines a page's width cut (PDF text layers, fixed-width dumps) read as the same
papers with whole lines: the wrapped line is read whole before any rule looks at it."""

from __future__ import annotations

import re

from importers.pipeline import parse_document
from importers.pipeline.boundaries import BOUNDARY
from importers.pipeline.model import Line
from importers.pipeline.wrapped_lines import display_width, whole, wrap_width, wrapped_runs


def wrapped(text: str, columns: int) -> str:
    """`text` hard-wrapped at `columns` display columns (CJK two), as a PDF's text layer cuts it."""
    out = []
    for line in text.splitlines():
        piece, width = "", 0
        for ch in line:
            w = display_width(ch)
            if width + w > columns:
                out.append(piece)
                piece, width = "", 0
            piece, width = piece + ch, width + w
        out.append(piece)
    return "\n".join(out) + "\n"


def questions(text: str) -> list[tuple[object, ...]]:
    paper = parse_document("paper.txt", text.encode())
    return [(q.type, q.stem, q.options, q.answer) for q in paper.questions]


TOPICS = ["客户投诉", "服务礼仪", "电话接听", "信息安全", "业务办理", "投诉升级", "回访记录", "满意度调查"]


def join_wrapped(
    lines: list[Line], width: float | None, opens_own: re.Pattern[str], **kw: frozenset[int]
) -> list[Line]:
    return [whole(run) for run in wrapped_runs(lines, width, opens_own, **kw)]


def fill_paper() -> str:
    """Unnumbered fill questions, each over its answer on the next line (a 党史 bank's layout)."""
    lines = []
    for i, topic in enumerate(TOPICS * 2):
        lines.append(
            f"第{i + 1}次培训中，关于{topic}的规定指出，坐席人员在受理客户的来电或者来函时，"
            f"应当首先做到（ ），然后再按照流程登记和处理。"
        )
        lines.append(f"{topic}要求{i + 1}")
    return "\n".join(lines) + "\n"


def choice_paper() -> str:
    lines = ["一、单项选择题"]
    for i, topic in enumerate(TOPICS * 2, 1):
        lines += [
            f"{i}.在{topic}工作中，客服人员遇到客户情绪激动、反复要求立即给出处理结果并威胁投诉的情况时，"
            f"首先应当采取的做法是（ ）",
            f"A.向客户耐心解释{topic}的相关流程并记录客户提出的全部诉求，承诺在规定时限内给予答复",
            "B.立即挂断",
            "C.转给同事",
            "D.不予理睬",
            "答案：A",
        ]
    return "\n".join(lines) + "\n"


def test_unnumbered_questions_cut_at_the_width_pair_with_their_answers() -> None:
    paper = fill_paper()
    cut = wrapped(paper, 64)
    assert len(cut.splitlines()) == 3 * len(TOPICS * 2)  # (every question cut in two)
    assert questions(cut) == questions(paper)
    assert questions(cut)[0][3] == ["客户投诉要求1"]


def test_numbered_questions_and_options_cut_at_the_width_read_as_printed() -> None:
    paper = choice_paper()
    found = questions(wrapped(paper, 64))
    assert found == questions(paper)
    first_options = parse_document("paper.txt", wrapped(paper, 64).encode()).questions[0].options
    assert len(found) == 16 and first_options[0].startswith("向客户耐心解释客户投诉的相关流程")


def test_a_blank_line_ends_a_paragraph_however_long_its_last_line() -> None:
    lines = [Line(text="甲" * 40, lineno=1), Line(text="乙" * 10, lineno=3), Line(text="丙" * 10, lineno=4)]
    assert [line.text for line in join_wrapped(lines, 80, BOUNDARY)] == ["甲" * 40, "乙" * 10, "丙" * 10]
    # page furniture dropped between the two halves does not end it
    joined = join_wrapped(lines, 80, BOUNDARY, furniture=frozenset({2}))
    assert [line.text for line in joined] == ["甲" * 40 + "乙" * 10, "丙" * 10]
    assert joined[0].joined == [3]  # (the cut line's number is kept, for the coverage and --explain)


def test_a_cut_line_does_not_swallow_the_next_question_or_option() -> None:
    lines = [
        Line(text="1.客户" + "服务" * 38, lineno=1),
        Line(text="A.正确", lineno=2),
        Line(text="2.下一" + "问题" * 38, lineno=3),
        Line(text="3.再下一题", lineno=4),
    ]
    texts = [line.text for line in join_wrapped(lines, 80, BOUNDARY)]
    assert texts == [line.text for line in lines]


def test_a_bank_of_one_record_a_line_is_not_read_as_wrapped() -> None:
    """Records of like lengths have a ceiling too; too few lines reach it for a page's cut."""
    records = [f"{'客户服务' * (3 + i % 9)}的要求是（）。@@@正确答案：答{i}" for i in range(40)]
    lines = [Line(text=t, lineno=i) for i, t in enumerate(records, 1)]
    assert join_wrapped(lines, wrap_width(lines), BOUNDARY) == lines


def test_latin_words_cut_at_the_width_keep_their_space() -> None:
    line = "Which of these statements about the test set do you agree with when screening resumes for"
    lines = [Line(text=line, lineno=1), Line(text="the recruiters?", lineno=2)]
    joined = join_wrapped(lines, len(line), re.compile(r"(?!)"))
    assert joined[0].text == line + " the recruiters?"
