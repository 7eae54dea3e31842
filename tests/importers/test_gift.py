"""Moodle GIFT files: every question kind of the format, read by its grammar."""

from __future__ import annotations

from importers.pipeline import parse_document

GIFT = r"""// 客服培训题库, exported from Moodle
$CATEGORY: $course$/top/客服/礼仪

::Q1:: 客户关系管理的核心是? {
~产品#不对
=客户#对
~价格
}

::Q2:: 服务时要微笑. {TRUE#微笑是基本要求}

::Q3:: 以下哪些属于服务渠道? {
~%50%电话
~%50%邮件
~%-100%会议
####电话与邮件都是渠道。
}

$CATEGORY: $course$/top/客服/常识

::Q4:: 中国的首都是 {=北京 =Beijing} 。

::Q5:: 圆周率约为多少? {#3.14:0.01}

::Q6:: 请简述投诉处理的步骤。 {}

::Q7:: 符号 \{ 与 \= 在GIFT里要转义吗? {T}
"""


def test_every_kind_of_gift_question_with_its_key_feedback_and_category() -> None:
    paper = parse_document("bank.gift", GIFT.encode())
    assert [(q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        ("single", "客户关系管理的核心是?", ["产品", "客户", "价格"], "B"),
        ("truefalse", "服务时要微笑.", [], True),
        ("multiple", "以下哪些属于服务渠道?", ["电话", "邮件", "会议"], "AB"),
        ("fill", "中国的首都是____。", [], ["北京|Beijing"]),
        ("fill", "圆周率约为多少?____", [], ["3.14"]),
        ("short", "请简述投诉处理的步骤。", [], None),
        ("truefalse", "符号 { 与 = 在GIFT里要转义吗?", [], True),
    ]
    assert [q.chapter for q in paper.questions] == ["礼仪"] * 3 + ["常识"] * 4
    assert paper.questions[2].explanation == "电话与邮件都是渠道。"
    assert paper.coverage is not None and paper.coverage.verdict == "ok"


def test_a_paper_whose_programs_use_braces_is_not_read_as_gift() -> None:
    text = (
        "1. 下面程序的输出是？\nint main() {}\nA. 0\nB. 1\n答案：A\n\n"
        "2. 下列哪个语句正确？\nA. int a[] = {};\nB. int a[2] = {1, 2};\n答案：B\n"
    )
    paper = parse_document("c.txt", text.encode())
    assert [q.answer for q in paper.questions] == ["A", "B"]
    assert "GIFT" not in " ".join(paper.notes)


def test_a_linear_algebra_paper_whose_formulas_brace_a_t_is_not_read_as_gift() -> None:
    text = "".join(f"{n}. 设矩阵A，求A^{{T}}的秩。\n答案：{n}\n\n" for n in range(1, 5))
    paper = parse_document("la.txt", text.encode())
    assert [q.answer for q in paper.questions] == ["1", "2", "3", "4"]
    assert "GIFT" not in " ".join(paper.notes)
