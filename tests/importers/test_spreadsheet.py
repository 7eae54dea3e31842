"""The spreadsheet template: reading rows, row-numbered problems, the empty template."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pytest
from openpyxl import Workbook, load_workbook

from importers.pipeline import PaperError, parse_document
from importers.pipeline import read_docx as read_docx_module
from importers.pipeline.spreadsheet import (
    EXAMPLES,
    HEADERS,
    TemplateRow,
    read_template,
    template_workbook,
    write_rows,
)


def workbook(rows: list[list[object]], header: list[str] = HEADERS, title: list[str] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    if title is not None:
        sheet.append(title)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row(**cells: object) -> list[object]:
    return [cells.get(name, "") for name in HEADERS]


def choice(type: str, answer: object, *options: str) -> list[object]:
    labelled = {f"选项{letter}": text for letter, text in zip("ABCDEFGH", options, strict=False)}
    return row(题型=type, 题干="哪个?", 答案=answer, **labelled)


GOOD = row(题型="判断题", 题干="服务要及时。", 答案="对")


# ---- the empty template ----------------------------------------------------------------------
def test_template_has_header_frozen_and_bold() -> None:
    book = load_workbook(io.BytesIO(template_workbook()))
    assert book.sheetnames == ["试题", "示例", "说明"]
    sheet = book["试题"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert HEADERS[4:12] == [f"选项{c}" for c in "ABCDEFGH"]
    assert sheet.freeze_panes == "A2"
    assert all(c.font.bold for c in sheet[1])
    assert sheet.column_dimensions["C"].width == 50  # 题干 is the wide one


def test_template_dropdowns_for_type_and_difficulty() -> None:
    sheet = load_workbook(io.BytesIO(template_workbook()))["试题"]
    by_type = {v.type: v for v in sheet.data_validations.dataValidation}
    assert by_type["list"].formula1 == '"单选题,多选题,判断题,填空题,简答题"'
    assert str(by_type["list"].sqref).startswith("B2:B")
    whole = by_type["whole"]
    assert (whole.operator, whole.formula1, whole.formula2) == ("between", "1", "5")
    assert str(whole.sqref).startswith("O2:O") and HEADERS[14] == "难度"


def test_template_explains_every_column_and_answer_format() -> None:
    notes = load_workbook(io.BytesIO(template_workbook()))["说明"]
    text = "\n".join(str(c.value) for r in notes.iter_rows() for c in r if c.value)
    for column in ("章节", "题型", "题干", "材料", "选项A–选项H", "答案", "解析", "难度", "标签"):
        assert column in text
    for example in ("B", "ABD", "对 或 错", "√/×", "客户;满意", "客户|顾客", "参考答案"):
        assert example in text


def test_template_examples_sheet_holds_one_row_per_type() -> None:
    examples = load_workbook(io.BytesIO(template_workbook()))["示例"]
    assert [c.value for c in examples[1]] == HEADERS
    assert [r[1] for r in examples.iter_rows(min_row=2, values_only=True)] == [
        "单选题",
        "多选题",
        "判断题",
        "填空题",
        "简答题",
    ]


def test_the_empty_template_is_refused_with_a_reason() -> None:
    with pytest.raises(PaperError, match="下面没有试题"):
        parse_document("template.xlsx", template_workbook())


# ---- reading a filled template ---------------------------------------------------------------
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
    first = paper.questions[0]
    assert (first.difficulty, first.tags, first.explanation) == (2, ["基础"], "以客户为中心。")
    assert [q.lineno for q in paper.questions] == [2, 3, 4, 5, 6] and paper.warnings == []
    assert all(q.warnings == [] for q in paper.questions)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("单选题", "single"),
        ("单选", "single"),
        ("单项选择题", "single"),
        ("Single", "single"),
        ("多选题", "multiple"),
        ("多选", "multiple"),
        ("multiple", "multiple"),
        ("判断题", "truefalse"),
        ("判断", "truefalse"),
        ("truefalse", "truefalse"),
        ("填空题", "fill"),
        ("填空", "fill"),
        ("fill", "fill"),
        ("简答题", "short"),
        ("简答", "short"),
        ("问答题", "short"),
        ("名词解释", "short"),
        ("论述题", "short"),
        ("案例分析", "short"),
        ("short", "short"),
        (" 单选 题 ", "single"),
    ],
)
def test_type_names_and_codes(name: str, code: str) -> None:
    cells = row(题型=name, 题干="甲?", 选项A="a", 选项B="b", 答案={"truefalse": "对"}.get(code, "A"))
    (question,) = parse_document("t.xlsx", workbook([cells])).questions
    assert question.type == code


@pytest.mark.parametrize(
    ("cells", "answer"),
    [
        (choice("单选题", "b", "a", "b"), "B"),
        (choice("多选题", "DBA", "a", "b", "c", "d"), "ABD"),
        (choice("多选题", "A,B、D", "a", "b", "c", "d"), "ABD"),
        (choice("单选题", "C.", "a", "b", "c"), "C"),
        (row(题型="判断题", 题干="甲。", 答案="√"), True),
        (row(题型="判断题", 题干="甲。", 答案="×"), False),
        (row(题型="判断题", 题干="甲。", 答案="错误"), False),
        (row(题型="判断题", 题干="甲。", 答案=True), True),  # a TRUE typed into Excel is a boolean cell
        (row(题型="填空题", 题干="____和____", 答案="客户|顾客;满意"), ["客户|顾客", "满意"]),
        (row(题型="填空题", 题干="共____人", 答案=100), ["100"]),  # a number cell
        (row(题型="简答题", 题干="简述。", 答案="先倾听,\n再致歉。"), "先倾听,\n再致歉。"),
        (row(题型="简答题", 题干="简述。"), None),
    ],
)
def test_answers_are_normalised(cells: list[object], answer: object) -> None:
    (question,) = parse_document("a.xlsx", workbook([cells])).questions
    assert question.answer == answer


def test_a_row_without_an_answer_is_imported_with_the_parsers_warning() -> None:
    (question,) = parse_document("a.xlsx", workbook([choice("单选题", "", "a", "b")])).questions
    assert (question.answer, question.warnings) == (None, ["no answer found"])


def test_material_difficulty_and_tags() -> None:
    cells = row(题型="简答", 题干="甲?", 材料="案例:某客户…", 难度=4.0, 标签="投诉,基础、投诉；电话")
    (question,) = parse_document("m.xlsx", workbook([cells])).questions
    assert (question.material, question.difficulty) == ("案例:某客户…", 4)
    assert question.tags == ["投诉", "基础", "电话"]


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"题型": "选择", "题干": "甲?"}, "第 2 行:题型“选择”无法识别"),
        ({"题干": "甲?"}, "第 2 行:缺少题型"),
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
        ({"题型": "单选题", "题干": "甲?"}, "第 2 行:单选题至少要有两个选项"),
        (
            {"题型": "单选题", "题干": "甲?", "选项A": "a", "选项B": "b", "答案": "AB"},
            "第 2 行:单选题的答案只能是一个字母,这里是“AB”",
        ),
        (
            {"题型": "单选题", "题干": "甲?", "选项A": "a", "选项B": "b", "答案": "对"},
            "第 2 行:答案“对”应为选项字母",
        ),
        ({"题型": "判断题", "题干": "甲。", "答案": "也许"}, "第 2 行:判断题的答案应为 对/错,这里是“也许”"),
        (
            {"题型": "单选题", "题干": "甲?", "选项A": "a", "选项C": "c", "答案": "A"},
            "第 2 行:选项B是空的:选项要从A起连续填写",
        ),
        ({"题型": "简答题", "题干": "甲?", "难度": "9"}, "第 2 行:难度“9”应为 1–5 的整数"),
        ({"题型": "简答题", "题干": "甲?", "难度": "2.5"}, "第 2 行:难度“2.5”应为 1–5 的整数"),
        ({"题型": "简答题", "题干": "甲?", "难度": "难"}, "第 2 行:难度“难”应为 1–5 的整数"),
    ],
)
def test_row_problems_name_the_row_and_skip_only_that_row(cells: dict[str, object], message: str) -> None:
    paper = parse_document("bank.xlsx", workbook([row(**cells), GOOD]))
    assert paper.warnings == [message]
    assert [(q.stem, q.lineno) for q in paper.questions] == [("服务要及时。", 3)]


def test_problems_of_many_rows_are_all_listed_in_row_order() -> None:
    rows = [GOOD, row(题型="?", 题干="a"), GOOD, [None] * len(HEADERS), row(题型="单选题")]
    paper = parse_document("bank.xlsx", workbook(rows))
    assert paper.warnings == ["第 3 行:题型“?”无法识别", "第 6 行:缺少题干"]
    assert [q.lineno for q in paper.questions] == [2, 4]


def test_fill_answer_count_against_blanks_is_a_warning_not_an_error() -> None:
    cells = row(题型="填空题", 题干="____、____和____", 答案="倾听;致歉")
    paper = parse_document("f.xlsx", workbook([cells]))
    (question,) = paper.questions
    assert question.answer == ["倾听", "致歉"]
    assert question.warnings == ["2 answer(s) for 3 blank(s)"]  # stored as needing review
    assert paper.warnings == ["第 2 行:题干有 3 个空,答案有 2 项(已导入,待审核)"]


def test_fill_without_marked_blanks_is_not_counted() -> None:
    paper = parse_document("f.xlsx", workbook([row(题型="填空题", 题干="客户满意度的英文缩写", 答案="CSAT")]))
    assert paper.warnings == [] and paper.questions[0].warnings == []


# ---- a tolerant reader -----------------------------------------------------------------------
def test_columns_in_any_order_extra_columns_and_blank_rows() -> None:
    header = ["备注", "答案", "题干", "题型", "选项A", "选项B"]
    data = workbook(
        [["x", "B", "甲?", "single", "a", "b"], [None] * 6, ["", "对", "乙。", "判断", "", ""]], header
    )
    paper = parse_document("any.xlsx", data)
    assert [(q.type, q.answer, q.lineno) for q in paper.questions] == [
        ("single", "B", 2),
        ("truefalse", True, 4),
    ]


def test_a_title_above_the_header_and_a_hand_edited_header() -> None:
    header = ["题 型", "题干", "选项 a", "选项Ｂ", "答案"]
    data = workbook([["单选", "甲?", "a", "b", "B"]], header, title=["客户服务题库(2024 版)"])
    (question,) = parse_document("title.xlsx", data).questions
    assert (question.options, question.answer, question.lineno) == (["a", "b"], "B", 3)


def test_a_wrong_recorded_sheet_size_does_not_hide_rows() -> None:
    # Some writers record the used range as "A1"; openpyxl's read-only mode would trust it.
    data = workbook([GOOD, GOOD])
    data = _rewrite_member(
        data,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', xml),
    )
    assert len(parse_document("dim.xlsx", data).questions) == 2


def test_a_sheet_without_the_template_header_is_refused() -> None:
    with pytest.raises(PaperError) as caught:
        parse_document("other.xlsx", workbook([["x"]], header=["姓名", "成绩"]))
    assert caught.value.reason.startswith("不是题库表格:找不到表头")
    assert str(caught.value).startswith("other.xlsx: ")


def test_a_damaged_workbook_is_refused() -> None:
    data = _zip({"xl/workbook.xml": b"not xml", "[Content_Types].xml": b"<x/>"})
    with pytest.raises(PaperError, match="不是可读取的 Excel 文件"):
        parse_document("broken.xlsx", data)


def test_a_zip_bomb_workbook_is_refused_before_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_docx_module, "MAX_UNCOMPRESSED", 2**20)
    data = _zip({"xl/workbook.xml": b"<w/>", "xl/media/big.bin": bytes(2 * 2**20)})
    with pytest.raises(PaperError, match="not a readable Excel workbook: it would unpack to 2 MB"):
        read_template("bomb.xlsx", data)


def test_a_damaged_old_xls_is_refused_with_what_it_is() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "Workbook".encode("utf-16-le") + bytes(500)
    with pytest.raises(PaperError, match="不是可读取的 Excel 文件"):
        parse_document("old.xls", ole)


# ---- writing ---------------------------------------------------------------------------------
def test_written_rows_read_back_unchanged() -> None:
    rows = [TemplateRow("章", "multiple", "哪些?", options=list("abcdefgh"), answer="ACH", tags=["甲", "乙"])]
    q = parse_document("r.xlsx", write_rows(rows)).questions[0]
    assert (q.options, q.answer, q.tags) == (list("abcdefgh"), "ACH", ["甲", "乙"])


def test_more_than_eight_options_get_more_columns() -> None:
    rows = [TemplateRow("", "single", "谁参加?", options=list("abcdefghi"), answer="I"), EXAMPLES[0]]
    data = write_rows(rows)
    header = [c.value for c in load_workbook(io.BytesIO(data))["试题"][1]]
    assert header[4:13] == [f"选项{c}" for c in "ABCDEFGHI"] and header[13] == "答案"
    first, second = parse_document("nine.xlsx", data).questions
    assert (first.options, first.answer) == (list("abcdefghi"), "I")
    assert (second.options, second.answer) == (EXAMPLES[0].options, "B")


def test_text_that_looks_like_a_formula_stays_text() -> None:
    rows = [TemplateRow("", "short", "=号两边的值相等吗?", answer="=SUM(A1:A2)", explanation="@提示")]
    (q,) = parse_document("f.xlsx", write_rows(rows)).questions
    assert (q.stem, q.answer, q.explanation) == ("=号两边的值相等吗?", "=SUM(A1:A2)", "@提示")


def test_control_characters_do_not_stop_an_export() -> None:
    rows = [TemplateRow("", "short", "甲\x0b乙\x01?", answer="丙")]
    (q,) = parse_document("c.xlsx", write_rows(rows)).questions
    assert q.stem == "甲乙?"


# ---- helpers ---------------------------------------------------------------------------------
def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _rewrite_member(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[name] = change(members[name])
    return _zip(members)
