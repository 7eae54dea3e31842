"""Case papers (软考's afternoon paper): each case's key under "参考答案", by its parts' labels."""

from __future__ import annotations

from importers.pipeline import parse_document


def parse(text: str, name: str = "case.txt") -> list[dict[str, object]]:
    paper = parse_document(name, text.encode())
    return [q.as_json(name, i) for i, q in enumerate(paper.questions, 1)]


def case(number: str, topic: str) -> str:
    return (
        f"试题{number}\n阅读下列说明，回答问题1至问题2。\n【说明】某公司{topic}。\n"
        "平台的主要功能有：\n信息维护。专家维护规则。\n数据采集。解析后存储。\n可视化。展示统计结果。\n"
        f"【问题1】(4分)\n给出{topic}的实体名称。\n【问题2】(4分)\n给出{topic}的数据存储。\n"
        f"参考答案\n【问题1】(4分)\nE1:{topic}客户\nE2:{topic}专家\nE3:{topic}人员\nE4:{topic}控制器\n"
        f"【问题2】(4分)\nD1:{topic}文件\nD2:{topic}表\n"
    )


PAPER = case("一", "订票") + case("二", "维修") + case("三", "点餐")


def test_each_case_key_answers_its_own_parts_by_their_labels() -> None:
    questions = parse(PAPER)
    assert [(q["section"], q["number"], q["answer"]) for q in questions] == [
        (section, number, answer)
        for section, topic in (("试题一", "订票"), ("试题二", "维修"), ("试题三", "点餐"))
        for number, answer in (
            ("1", f"E1:{topic}客户\nE2:{topic}专家\nE3:{topic}人员\nE4:{topic}控制器"),
            ("2", f"D1:{topic}文件\nD2:{topic}表"),
        )
    ]
    assert all(
        q["stem"].startswith("给出") for q in questions
    )  # (a part's label, asked in each case, is no page furniture)


def test_a_markdown_case_paper_is_read_by_its_parts_not_its_headings() -> None:
    markdown = PAPER.replace("试题", "### 试题").replace("\n", "\n\n")
    questions = parse(markdown, "case.md")
    assert [(q["number"], q["answer"]) for q in questions][:2] == [
        ("1", "E1:订票客户\nE2:订票专家\nE3:订票人员\nE4:订票控制器"),
        ("2", "D1:订票文件\nD2:订票表"),
    ]
    assert len(questions) == 6


def test_parts_labelled_by_case_and_place_are_the_cases_questions() -> None:
    """ "问题：4.1 (8分)" "问题：4.2 (4分)" under 试题四: its parts 1 and 2, keyed "【问题1】" "【问题2】"."""
    text = case("一", "订票") + (
        "试题二\n阅读下列说明和C代码，回答问题1至问题2。\n【说明】编辑距离算法。\n"
        "问题：2.1 (8分)\n填充代码中的空(1)~(4)。\n问题：2.2 (4分)\n算法采用了什么设计策略？\n"
        "参考答案\n【问题1】\n(1) d[0][j]=j\n【问题2】\n动态规划法\n"
    )
    questions = parse(text)
    assert [(q["section"], q["number"], q["answer"]) for q in questions][-2:] == [
        ("试题二", "1", "(1) d[0][j]=j"),
        ("试题二", "2", "动态规划法"),
    ]
