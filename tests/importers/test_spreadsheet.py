"""The spreadsheet template: reading rows, row-numbered problems, the empty template."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from importers.pipeline import PaperError, parse_document
from importers.pipeline.spreadsheet import EXAMPLES, HEADERS, TemplateRow, template_workbook, write_rows


def workbook(rows: list[list[object]], header: list[str] = HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row(**cells: object) -> list[object]:
    return [cells.get(name, "") for name in HEADERS]


def test_template_has_header_dropdowns_examples_and_instructions() -> None:
    book = load_workbook(io.BytesIO(template_workbook()))
    assert book.sheetnames == ["试题", "示例", "说明"]
    assert [c.value for c in book["试题"][1]] == HEADERS
    assert len(book["试题"].data_validations.dataValidation) == 2
    assert book["示例"].max_row == 1 + len(EXAMPLES)


def test_examples_read_back_as_every_type() -> None:
    paper = parse_document("examples.xlsx", write_rows(EXAMPLES))
    got = [(q.type, q.options, q.answer, q.chapter) for q in paper.questions]
    assert got == [
        ("single", ["产品", "客户", "价格", "渠道"], "B", "第一章 客户服务理念"),
        ("multiple", ["专注", "复述确认", "打断客户"], "AB", "第一章 客户服务理念"),
        ("truefalse", [], False, "第二章 投诉处理"),
        ("fill", [], ["CSAT"], "第二章 投诉处理"),
        ("short", [], "倾听、致歉、分析、解决、跟进。", "第二章 投诉处理"),
    ]
    assert paper.questions[0].difficulty == 2 and paper.questions[0].tags == ["基础"]
    assert [q.lineno for q in paper.questions] == [2, 3, 4, 5, 6] and paper.warnings == []


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"题型": "选择", "题干": "甲?"}, "第 2 行:题型“选择”无法识别"),
        ({"题型": "单选题"}, "第 2 行:缺少题干"),
        (
            {
                "题型": "单选题",
                "题干": "甲?",
                "选项A": "a",
                "选项B": "b",
                "选项C": "c",
                "选项D": "d",
                "答案": "E",
            },
            "第 2 行:答案 E,但只有 4 个选项",
        ),
        ({"题型": "多选题", "题干": "甲?", "选项A": "a", "答案": "A"}, "第 2 行:多选题至少要有两个选项"),
        ({"题型": "判断题", "题干": "甲。", "答案": "也许"}, "第 2 行:判断题的答案应为 对/错,这里是“也许”"),
        (
            {"题型": "单选题", "题干": "甲?", "选项A": "a", "选项C": "c", "答案": "A"},
            "第 2 行:选项B是空的:选项要从A起连续填写",
        ),
        ({"题型": "简答题", "题干": "甲?", "难度": "9"}, "第 2 行:难度“9”应为 1–5 的数字"),
    ],
)
def test_row_problems_name_the_row_and_skip_only_that_row(cells: dict[str, object], message: str) -> None:
    good = row(题型="判断题", 题干="服务要及时。", 答案="对")
    paper = parse_document("bank.xlsx", workbook([row(**cells), good]))
    assert paper.warnings == [message]
    assert [q.stem for q in paper.questions] == ["服务要及时。"]


def test_columns_in_any_order_extra_columns_and_blank_rows() -> None:
    header = ["备注", "答案", "题干", "题型", "选项A", "选项B"]
    data = workbook(
        [["x", "B", "甲?", "single", "a", "b"], [None] * 6, ["", "对", "乙。", "判断", "", ""]], header
    )
    paper = parse_document("any.xlsx", data)
    assert [(q.type, q.answer) for q in paper.questions] == [("single", "B"), ("truefalse", True)]


def test_fill_blanks_and_alternatives() -> None:
    data = workbook([row(题型="填空题", 题干="____和____", 答案="客户|顾客;满意")])
    assert parse_document("f.xlsx", data).questions[0].answer == ["客户|顾客", "满意"]


def test_a_sheet_without_the_template_header_is_refused() -> None:
    with pytest.raises(PaperError, match="不是题库模板"):
        parse_document("other.xlsx", workbook([["x"]], header=["姓名", "成绩"]))


def test_the_empty_template_is_refused_with_a_reason() -> None:
    with pytest.raises(PaperError, match="下面没有试题"):
        parse_document("template.xlsx", template_workbook())


def test_written_rows_read_back_unchanged() -> None:
    rows = [TemplateRow("章", "multiple", "哪些?", options=list("abcdefgh"), answer="ACH", tags=["甲", "乙"])]
    q = parse_document("r.xlsx", write_rows(rows)).questions[0]
    assert (q.options, q.answer, q.tags) == (list("abcdefgh"), "ACH", ["甲", "乙"])
