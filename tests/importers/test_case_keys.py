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


def test_part_labels_run_into_the_story_open_their_own_lines() -> None:
    """A crawler kept each case on one line: "…如下表所示： 【问题1】（6分）…" is the story, then
    part 1; a label quoted inside a sentence ("如【问题1】所述") stays text."""
    text = (
        "试题一（17分）\n某项目包括十个活动，如下表所示： 【问题1】（6分）请给出关键路线。"
        "【问题2】（7分）如【问题1】所述的路线，求总工期。\n"
        "参考答案\n【问题1】ADCEIJ\n【问题2】21天\n"
    )
    questions = parse(text)
    assert [(q["number"], q["stem"], q["answer"]) for q in questions] == [
        ("1", "请给出关键路线。", "ADCEIJ"),
        ("2", "如【问题1】所述的路线,求总工期。", "21天"),
    ]
    assert questions[0]["material"] == "某项目包括十个活动,如下表所示:"


def test_a_cases_key_under_its_explanation_label_names_each_part_answered() -> None:
    """ "解析：问题1：…" then "问题2：答案：…" and "问题3答案：…": the case's key, one part a label
    (the labels a 软考 question site prints), never one explanation of the last part."""
    text = (
        "试题一（17分）\n某公司开发产品。\n【问题1】（5分）判断正误。\n【问题2】（6分）简述WBS的优缺点。\n"
        "【问题3】（6分）简述变更流程。\n"
        "解析：问题1：√、×\n问题2：答案：直观，结构清晰。\n问题3答案：提交申请，评审，执行。\n"
        "试题二（17分）\n某项目包括十个活动。\n【问题1】（6分）给出关键路线。\n【问题2】（4分）给出工期。\n"
        "解析：问题1 答案：ADCEIJ\n问题2答案：21天\n"
    )
    questions = parse(text)
    assert [(q["section"], q["number"], q["answer"]) for q in questions] == [
        ("试题一(17分)", "1", "√、×"),
        ("试题一(17分)", "2", "直观,结构清晰。"),
        ("试题一(17分)", "3", "提交申请,评审,执行。"),
        ("试题二(17分)", "1", "ADCEIJ"),
        ("试题二(17分)", "2", "21天"),
    ]
    assert not any(q["explanation"] for q in questions)
