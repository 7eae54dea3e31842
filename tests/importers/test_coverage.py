"""Every parse says how much it read and whether to trust it; --explain shows each line's role."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from importers.pipeline import PaperError, parse_document


def paper(text: str) -> bytes:
    return text.encode("utf-8")


def test_a_clean_paper_reads_everything_and_is_trusted() -> None:
    data = paper("一、单项选择题\n1. 甲?\nA. 对\nB. 错\n答案:A\n2. 乙?\nA. 是\nB. 否\n答案:B\n")
    cov = parse_document("p.txt", data).coverage
    assert cov is not None
    assert (cov.questions, cov.lines, cov.unread, cov.share, cov.verdict) == (2, 9, 0, 1.0, "ok")


def test_lines_of_markup_alone_are_no_text_left_unread() -> None:
    """A Markdown bank folding each answer in <details>: the tag lines hold nothing to read."""
    folds = "".join(
        f"<details>\n  <summary>第{n}题：服务的要素有__。</summary>\n  <div>态度{n}</div>\n</details>\n\n"
        for n in range(1, 6)
    )
    cov = parse_document(
        "notes.md", paper("<!-- markdownlint-disable MD033 -->\n# 填空\n\n" + folds)
    ).coverage
    assert cov is not None
    assert (cov.questions, cov.unread, cov.share, cov.verdict) == (5, 0, 1.0, "ok")


def test_running_lines_are_furniture_and_named() -> None:
    page = "客服中心内部培训资料"
    body = "".join(
        f"{n}. 第{n}题是什么?\n答案:第{n}\n" + (f"{page}\n" if n % 5 == 0 else "") for n in range(1, 21)
    )
    parsed = parse_document("p.txt", paper(body))
    assert parsed.coverage is not None and parsed.coverage.repeated == [page]
    assert all(page not in q.stem and page not in str(q.answer) for q in parsed.questions)
    assert len(parsed.questions) == 20


def test_repeated_question_material_is_never_furniture() -> None:
    gap = "\n" * 5
    body = "".join(f"{n}. 下列说法正确的是( )\nA. 甲{n}\nB. 乙{n}\n**答案:A**\n{gap}" for n in range(1, 6))
    parsed = parse_document("p.md", paper(body))
    assert [q.answer for q in parsed.questions] == ["A"] * 5
    assert parsed.coverage is not None and parsed.coverage.repeated == []


def test_a_paper_read_as_a_handful_of_questions_is_poor() -> None:
    # Numbers the segmenter cannot follow (they restart with a letter prefix): few questions.
    body = "1. 甲?\n" + "".join(f"问{n} 这一题的题干很长很长?\n选项一\n选项二\n" for n in range(2, 90))
    cov = parse_document("p.txt", paper(body)).coverage
    assert cov is not None and cov.verdict == "poor"
    assert any("lines but only" in r for r in cov.reasons)


def test_a_long_text_in_few_lines_read_as_one_question_is_not_silent() -> None:
    # a PDF whose pages came out a line each: few lines, so their count tells nothing, but
    # thousands of characters read as one question are a collapse to look at
    page = "1. 根据说明中的词语，给出图中的实体名称。" + "说明文字无法分行。" * 400
    cov = parse_document("p.txt", paper(page + "\n" + page)).coverage
    assert cov is not None and cov.questions == 1
    assert cov.verdict != "ok" and any("characters but only 1 question" in r for r in cov.reasons)
    essays = "".join(f"{n}. 根据给定资料，概括主要问题。\n" + "资料。" * 600 + "\n" for n in range(1, 5))
    cov = parse_document("p.txt", paper(essays)).coverage  # some 1,800 characters a question
    assert cov is not None and not any("characters but only" in r for r in cov.reasons)


def test_a_question_swallowing_others_is_flagged_and_the_paper_poor() -> None:
    swallowed = " ".join(f"{n}.题{n}? A.甲 B.乙 C.丙 D.丁" for n in range(10, 14))
    body = f"1. 甲?\nA.对\nB.错\n答案:A 解析:{swallowed}\n" + "".join(
        f"{n}. 题{n}?\nA.甲\nB.乙\n答案:B\n" for n in range(2, 7)
    )
    parsed = parse_document("p.txt", paper(body))
    assert "several questions run together" in parsed.questions[0].warnings
    assert parsed.coverage is not None and parsed.coverage.verdict == "poor"


def test_a_spreadsheet_reports_rows_it_could_not_read() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    for row in (["题目", "答案"], ["甲。", "对"], ["", "对"]):
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    cov = parse_document("b.xlsx", out.getvalue()).coverage
    assert cov is not None and (cov.questions, cov.unread) == (1, 1)


def test_parse_paper_prints_coverage_and_explains_lines(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "p.txt"  # type: ignore[operator]
    path.write_bytes(paper("第1页 / 共2页\n一、判断题\n1. 服务要及时。\n答案:对\n"))
    out, err = io.StringIO(), io.StringIO()
    call_command("parse_paper", str(path), "--explain", stdout=out, stderr=err)
    assert "1 question(s) from 4 line(s), 100% of the text read, 1 furniture line(s)" in err.getvalue()
    rows = [line.split()[:2] for line in out.getvalue().splitlines()]
    assert rows == [["1", "furniture"], ["2", "heading"], ["3", "question+stem"], ["4", "answer"]]


def test_explain_shows_the_roles_of_a_file_in_which_no_question_was_found(
    tmp_path: pytest.TempPathFactory,
) -> None:
    # That is when a person most needs to see where the reading went: here all became a key.
    path = tmp_path / "p.txt"  # type: ignore[operator]
    path.write_bytes(paper("参考答案\n1. 服务要及时。\n2. 礼仪的基础是什么?\n"))
    out, err = io.StringIO(), io.StringIO()
    call_command("parse_paper", str(path), "--explain", stdout=out, stderr=err)
    assert "0 question(s)" in err.getvalue() and "verdict poor — no question found" in err.getvalue()
    assert [line.split()[:2] for line in out.getvalue().splitlines()] == [
        ["1", "key"],
        ["2", "key"],
        ["3", "key"],
    ]
    with pytest.raises(CommandError, match="1 of 1 file"):
        call_command("parse_paper", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_choice_questions_merged_into_one_are_not_silent() -> None:
    # Whatever made the segmenter miss them, twelve option A's read as one choice question is poor.
    from importers.pipeline.coverage import measure
    from importers.pipeline.model import Line, ParsedQuestion

    lines = [Line(text=t, lineno=n) for n, t in enumerate(["1. 甲?", *["A.x", "B.y"] * 12], 1)]
    merged = ParsedQuestion(type="single", stem="甲?", options=["x", "y"] * 12, answer="A")
    roles = {line.lineno: ["option"] for line in lines}
    cov = measure(lines, [], roles, [merged])
    assert cov.verdict == "poor"
    assert "12 lines open an option A but only 1 choice question(s)" in cov.reasons


def test_options_after_a_finished_set_start_an_unnumbered_question() -> None:
    body = "1. 第一题?\nA.x\nB.y\n" + "".join(f"● 内容{n}是什么?\nA.x\nB.y\n" for n in range(2, 5))
    parsed = parse_document("p.txt", paper(body))
    assert [q.stem for q in parsed.questions] == ["第一题?", "内容2是什么?", "内容3是什么?", "内容4是什么?"]


def test_text_an_item_made_no_question_of_counts_as_dropped_not_read() -> None:
    # A case's story whose questions were never found: its lines are said to be dropped.
    text = "一、单选题\n1. 客户是?\nA. 上帝\nB. 对手\n答案：A\n二、案例分析题\n某客户投诉。\n客服推诿。"
    paper = parse_document("p.txt", text.encode())
    assert len(paper.questions) == 1
    assert paper.line_roles[7] == paper.line_roles[8] == ["dropped"]
    assert paper.coverage is not None
    assert paper.coverage.unread == 2 and paper.coverage.verdict != "ok"
    # Numbered prose under a heading that asks nothing is left out on purpose: still read.
    prose = parse_document(
        "q.txt", "一、课程目标\n1. 掌握投诉处理。\n二、单选题\n1. 客户是?\nA. 上帝\nB. 对手".encode()
    )
    assert prose.coverage is not None
    assert prose.line_roles[2] != ["dropped"] and prose.coverage.unread == 0


def test_questions_read_as_a_key_are_not_silent() -> None:
    """A key part that holds options with their text ("B. 态度") has likely taken questions for
    answers; a key of bare letters ("1.A 2.B") is fine."""
    from django.utils import translation

    from importers.coverage_text import reason_label

    swallowed = parse_document(
        "p.txt", paper("1. 客户是？\nA.上帝\nB.对手\n参考答案\n（略）\n2. 服务是（ ）\nA. 产品\nB. 态度\n")
    )
    assert swallowed.coverage is not None
    assert "2 option lines were read as part of a key" in swallowed.coverage.reasons
    assert swallowed.coverage.verdict == "check"
    with translation.override("zh-hans"):
        assert reason_label("2 option lines were read as part of a key").startswith(
            "有 2 行选项被读成了答案部分"
        )
    keyed = parse_document(
        "p.txt", paper("1. 客户是？\nA.上帝\nB.对手\n2. 服务是？\nA.产品\nB.态度\n参考答案\n1.A\n2.B\n")
    )
    assert keyed.coverage is not None and keyed.coverage.key_options == 0 and keyed.coverage.verdict == "ok"


def test_a_key_letter_alone_over_the_next_number_does_not_count_as_an_option_a() -> None:
    """ "A：正确" "B：错误" then "A" alone (the key), then "1 驾驶…": one option A a question, so
    the check about missed choice questions stays quiet."""
    items = [f"{n} 驾驶机动车第{n}条规定是正确的。\nA：正确\nB：错误\n{'AB'[n % 2]}\n" for n in range(12)]
    paper = parse_document("jiakao.txt", "\n".join(items).encode())
    assert len(paper.questions) == 12 and all(q.answer is not None for q in paper.questions)
    assert paper.coverage is not None and paper.coverage.option_a == 12 and paper.coverage.verdict == "ok"


def test_a_result_pages_response_letter_read_as_an_answer_is_no_option_a() -> None:
    """A result page prints "Answer:" over the candidate's "A", then "Keys:" over the key: an "A"
    read as an answer is no option label, so twelve questions with their options read are ok."""
    items = [
        f"{n}. 接待客户第{n}步应当？\nA. 微笑问候\nB. 低头不语\nC. 转身离开\n"
        f"Answer:\n{'AB'[n % 2]}\nKeys:\nA\n"
        for n in range(1, 13)
    ]
    paper = parse_document("result.txt", "".join(items).encode())
    assert [q.answer for q in paper.questions] == ["A"] * 12
    assert paper.coverage is not None and paper.coverage.option_a == 12 and paper.coverage.verdict == "ok"


def test_lines_with_blanks_that_went_nowhere_are_not_silent() -> None:
    """Lines with blanks to fill that the reading put into no question (a layout it missed)
    mark the parse for a look."""
    from django.utils import translation

    from importers.coverage_text import reason_label

    loose = "\n".join(f"客户第{n}类需求是（   ），服务第{n}类标准是（   ）" for n in range(1, 5))
    text = f"一、课程目标\n{loose}\n二、单选题\n1. 客户是（   ）？\nA. 上帝\nB. 对手\n"
    paper = parse_document("p.txt", text.encode())
    assert paper.coverage is not None
    assert "4 lines with a blank to fill were read into no question" in paper.coverage.reasons
    assert paper.coverage.verdict != "ok"
    with translation.override("en"):
        assert reason_label("4 lines with a blank to fill were read into no question").startswith(
            "4 lines with a blank to fill"
        )
    with translation.override("zh-hans"):
        assert reason_label("4 lines with a blank to fill were read into no question").startswith("有 4 行")


@pytest.mark.parametrize("text", ["-----\n" * 5, "-----\n=====\n" * 2000])
def test_a_file_of_nothing_but_separators_is_refused_plainly(text: str) -> None:
    # Every line is furniture: nothing is left to measure, which is no reason to crash.
    with pytest.raises(PaperError, match=r"^rules\.txt: no recognisable question found$"):
        parse_document("rules.txt", paper(text))


def test_numbered_lines_that_ask_read_into_a_key_are_flagged() -> None:
    # A key that began too early swallows the questions after it: the parse says so, in Chinese
    # too; a key that only answers is fine.
    from django.utils import translation

    from importers.coverage_text import reason_label

    head = "一、单选题\n1. 客户是（ ）\nA.上帝\nB.对手\n"
    swallowed = parse_document(
        "p.txt", paper(head + "参考答案\n1.A\n2. 礼仪要点是什么？\n3. 宗旨是什么？\n")
    ).coverage
    assert swallowed is not None
    assert (swallowed.key_questions, swallowed.verdict) == (2, "check")
    assert "2 numbered lines that ask were read as part of a key" in swallowed.reasons
    with translation.override("zh-hans"):
        assert reason_label(swallowed.reasons[0]).startswith("有 2 行带题号的问句被读成了答案部分")
    keyed = parse_document("p.txt", paper(head + "参考答案\n1.A\n")).coverage
    assert keyed is not None and (keyed.key_questions, keyed.verdict) == (0, "ok")
