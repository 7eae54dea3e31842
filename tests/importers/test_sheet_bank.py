"""Spreadsheet banks in their owners' layouts: header synonyms, several sheets, inferred types."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from importers.pipeline import PaperError, parse_document


def book(*sheets: tuple[str, list[list[object]]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def summary(data: bytes) -> list[tuple[object, ...]]:
    return [(q.type, q.stem, q.options, q.answer) for q in parse_document("bank.xlsx", data).questions]


def test_synonym_headers_in_any_order_with_noise_columns() -> None:
    data = book(
        (
            "Sheet1",
            [
                ["序号", "试题内容", "A", "B", "C", "D", "正确答案", "试题类型", "答案解析", "出题人"],
                [1, "客户是?", "上帝", "朋友", "对手", "路人", "B", "单选题", "以人为本", "张三"],
                [2, "服务包括哪些?", "倾听", "致歉", "争辩", "", "A,B", "多选题", "", "李四"],
            ],
        )
    )
    paper = parse_document("bank.xlsx", data)
    assert [(q.type, q.options, q.answer, q.explanation) for q in paper.questions] == [
        ("single", ["上帝", "朋友", "对手", "路人"], "B", "以人为本"),
        ("multiple", ["倾听", "致歉", "争辩"], "AB", ""),
    ]
    (note,) = paper.notes
    assert "第 1 行是表头" in note and "试题内容→题干" in note and "正确答案→答案" in note
    assert "出题人" not in note  # ignored, and the note says only what was used


def test_a_bank_of_shared_material_with_the_question_asked_in_its_own_column() -> None:
    # A teachers' bank: 材料 shared by several rows, the question in 提问, options numbered 1–4.
    data = book(
        (
            "Sheet1",
            [
                ["章", "节", "材料", "提问", "选项1", "选项2", "选项3", "选项4", "答案", "难度"],
                [
                    "服务礼仪",
                    "接待",
                    "客户来电投诉账单。",
                    "首先应（   ）",
                    "倾听",
                    "挂断",
                    "争辩",
                    "转接",
                    "A",
                    "简单",
                ],
                [
                    "服务礼仪",
                    "接待",
                    "客户来电投诉账单。",
                    "随后应（   ）",
                    "推诿",
                    "核实",
                    "沉默",
                    "催促",
                    "B",
                    "中等",
                ],
            ],
        )
    )
    paper = parse_document("bank.xlsx", data)
    assert [(q.stem, q.material, q.answer, q.chapter) for q in paper.questions] == [
        ("首先应（   ）", "客户来电投诉账单。", "A", "服务礼仪"),
        ("随后应（   ）", "客户来电投诉账单。", "B", "服务礼仪"),
    ]
    assert "提问→题干" in paper.notes[0]


def test_one_sheet_per_type_without_a_type_column() -> None:
    data = book(
        ("单选题", [["题目", "选项A", "选项B", "答案"], ["甲?", "x", "y", "A"]]),
        ("多选题", [["题目", "选项A", "选项B", "选项C", "答案"], ["乙?", "x", "y", "z", "AC"]]),
        ("判断题", [["题目", "答案"], ["丙。", "正确"], ["丁。", "×"]]),
        ("填空题", [["题目", "答案"], ["客户满意度简称____。", "CSAT"]]),
        ("简答题", [["题目", "答案"], ["如何处理投诉", "倾听、致歉、解决"]]),
    )
    paper = parse_document("bank.xlsx", data)
    assert [(q.section, q.type, q.answer) for q in paper.questions] == [
        ("单选题", "single", "A"),
        ("多选题", "multiple", "AC"),
        ("判断题", "truefalse", True),
        ("判断题", "truefalse", False),
        ("填空题", "fill", ["CSAT"]),
        ("简答题", "short", "倾听、致歉、解决"),
    ]
    assert all(q.lineno == 2 for q in paper.questions[:3])


def test_a_lookup_bank_of_stems_and_letter_keys_keeps_its_keys_and_says_the_options_are_missing() -> None:
    rows = [["题干", "答案"], ["测量绝缘电阻的仪表是（ ）。", "A"], ["验电时工作人员必须（ ）。", "AB"]]
    rows += [["带电作业应设专责监护人。", "A"], ["雷雨天气可以进行带电作业。", "B"]]
    paper = parse_document("bank.xlsx", book(("Sheet1", rows)))
    assert [(q.type, q.options, q.answer) for q in paper.questions] == [
        ("single", [], "A"),
        ("multiple", [], "AB"),
        ("truefalse", [], True),
        ("truefalse", [], False),
    ]
    assert all("no options were printed, only the key" in q.warnings for q in paper.questions[:2])


def test_a_fill_sheet_with_numbered_blanks_and_an_answer_column_for_each() -> None:
    header = ["题目（必填）：", "难度：", "填空顺序", "答案A", "答案B", "答案C"]
    rows = [header, ["应具备必要的_(1)_和技能，应掌握_(2)_等救护法。", "易", "", "安全知识", "触电急救", ""]]
    rows.append(["存放___(1)___，并应指定专人检查。", "易", "", "急救用品", "", ""])
    assert summary(book(("填空题", rows))) == [
        ("fill", "应具备必要的_(1)_和技能，应掌握_(2)_等救护法。", [], ["安全知识", "触电急救"]),
        ("fill", "存放___(1)___，并应指定专人检查。", [], ["急救用品"]),
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["甲?", "A.上帝 B.朋友 C.对手", "C"], ("single", ["上帝", "朋友", "对手"], "C")),
        (["甲?", "A、上帝\nB、朋友", "B"], ("single", ["上帝", "朋友"], "B")),
        (["甲?", "上帝|朋友|对手", "A B"], ("multiple", ["上帝", "朋友", "对手"], "AB")),
        (["甲?", "上帝|朋友", "朋友"], ("single", ["上帝", "朋友"], "B")),  # keyed by the option's text
        (
            ["甲?", "上帝|朋友|对手", "上帝,对手"],
            ("multiple", ["上帝", "朋友", "对手"], "AC"),
        ),  # by their texts
        (["甲?", "上帝|朋友|对手", "答案：(A、C)。"], ("multiple", ["上帝", "朋友", "对手"], "AC")),
        (["甲?", "上帝|朋友", "（b）"], ("single", ["上帝", "朋友"], "B")),
        (["乙。", "", "答案:错误"], ("truefalse", [], False)),
        (["乙。", "", "对"], ("truefalse", [], True)),
        (["乙。", "正确|错误", "B"], ("truefalse", [], False)),
        (["丙____和____。", "", "倾听;致歉"], ("fill", [], ["倾听", "致歉"])),
        (["丙____和____。", "", "倾听,致歉"], ("fill", [], ["倾听", "致歉"])),
    ],
)
def test_types_inferred_from_the_row(row: list[str], expected: tuple[object, ...]) -> None:
    data = book(("题库", [["题干", "选项", "标准答案"], row]))
    assert summary(data) == [(expected[0], row[0], expected[1], expected[2])]


def test_a_title_row_above_the_header_and_header_notes() -> None:
    data = book(
        (
            "Sheet1",
            [
                ["2024 客服题库"],
                [],
                ["题型*", "题目(必填)", "选项1", "选项2", "答案"],
                ["判断", "甲。", "", "", "√"],
            ],
        )
    )
    assert summary(data) == [("truefalse", "甲。", [], True)]


def test_an_answer_beyond_the_options_is_kept_for_review_not_stored() -> None:
    data = book(("s", [["题目", "A", "B", "答案"], ["甲?", "x", "y", "E"]]))
    (q,) = parse_document("bank.xlsx", data).questions
    assert q.answer is None and "no answer found" in q.warnings


def test_the_projects_template_still_goes_to_the_strict_reader() -> None:
    from importers.pipeline.spreadsheet import EXAMPLES, write_rows

    paper = parse_document("t.xlsx", write_rows(EXAMPLES))
    assert len(paper.questions) == len(EXAMPLES) and paper.notes == []


def test_a_workbook_with_no_header_says_what_it_looks_for() -> None:
    with pytest.raises(PaperError, match="找不到表头"):
        parse_document("x.xlsx", book(("s", [["姓名", "成绩"], ["张三", 90]])))
    with pytest.raises(PaperError, match="表头下面没有试题"):
        parse_document("x.xlsx", book(("s", [["题目", "答案"]])))


def test_a_header_naming_every_column_but_the_questions() -> None:
    """ "序号 | 题型 | (blank) | 答案": the stem's name lost with a merged cell; the unnamed column
    holding the text is the stem, and the reviewer is told so."""
    data = book(
        (
            "s",
            [
                ["序号", "题型", None, None, "答案"],
                [1, "填空题", "评价算法的质量有____个方面", None, "四"],
                [2, "判断题", "栈是先进先出的。", None, "错"],
            ],
        )
    )
    assert summary(data) == [
        ("fill", "评价算法的质量有____个方面", [], ["四"]),
        ("truefalse", "栈是先进先出的。", [], False),
    ]
    assert any("(第3列，无表头)→题干" in note for note in parse_document("bank.xlsx", data).notes)


def test_a_sheet_without_a_header_beside_a_headed_bank_is_other_data() -> None:
    heroes = [
        (105, "廉颇", "热血豪迈，不服老，越战越勇"),
        (106, "小乔", "元气勇敢，天真烂漫"),
        (107, "赵云", "忠勇无双"),
    ]
    data = book(
        ("题库", [["题目", "A", "B", "答案"], ["客户是?", "上帝", "对手", "A"]]),
        (
            "英雄信息",
            [[f"https://tapd.example.com/{n}", "是", n, hero, "全球", mood] for n, hero, mood in heroes],
        ),
    )
    assert summary(data) == [("single", "客户是?", ["上帝", "对手"], "A")]
    assert "工作表“英雄信息”没有表头(别的工作表有),不是题目,未读取" in parse_document("bank.xlsx", data).notes


def test_a_million_formatted_empty_rows_end_quickly() -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["题目", "答案"])
    ws.append(["甲。", "对"])
    for r in range(3, 200_003):  # stands for a sheet formatted down to the last row
        ws.cell(row=r, column=1).number_format = "@"
    ws.cell(row=200_003, column=1, value="乙。")
    out = io.BytesIO()
    wb.save(out)
    paper = parse_document("empty.xlsx", out.getvalue())
    # A thousand empty rows end the sheet: the rest is formatting, not questions.
    assert [q.stem for q in paper.questions] == ["甲。"]


def test_english_headers_and_labels_typed_again_in_option_cells() -> None:
    data = book(
        (
            "单选",
            [
                ["高级题库(共2题)"],
                ["序号", "QuestionTitle", "AOption", "BOption", "Answer"],
                [1, "甲?", "A、上帝", "B.朋友", "B"],
            ],
        ),
        ("实操题", [["序号", "题目", "参考样例"], [1, "请设计一张海报"]]),
    )
    paper = parse_document("bank.xlsx", data)
    assert [(q.number, q.type, q.options, q.answer) for q in paper.questions] == [
        ("1", "single", ["上帝", "朋友"], "B"),
        ("1", "short", [], None),
    ]


def test_a_programs_prefixed_column_names_and_answers_by_option_number() -> None:
    data = book(
        (
            "Sheet1",
            [
                ["qnumber", "qstem", "qA", "qB", "qC", "qTrue"],
                [1, "客户是?", "上帝", "朋友", "对手", 2],
                [2, "服务包括?", "倾听", "致歉", "争辩", "1,2"],
                [3, "数字几?", "3", "1", "2", "1"],  # an option reading "1": the column keys by place
            ],
        )
    )
    paper = parse_document("bank.xlsx", data)
    assert [(q.number, q.type, q.options, q.answer) for q in paper.questions] == [
        ("1", "single", ["上帝", "朋友", "对手"], "B"),
        ("2", "multiple", ["倾听", "致歉", "争辩"], "AB"),
        ("3", "single", ["3", "1", "2"], "A"),
    ]
    assert "qstem→题干" in paper.notes[0] and "qTrue→答案" in paper.notes[0]


def test_a_key_naming_options_that_are_numbers_throughout_keeps_their_texts() -> None:
    rows = [["题目", "A", "B", "C", "答案"], ["1+1=?", "3", "2", "4", "2"], ["2+2=?", "4", "5", "6", "4"]]
    paper = parse_document("bank.xlsx", book(("Sheet1", rows)))
    assert [q.answer for q in paper.questions] == ["B", "A"]


def test_a_database_exports_snake_case_column_names() -> None:
    data = book(
        (
            "Sheet1",
            [
                ["select_id", "title", "option_A", "option_B", "option_C", "correct_answer"],
                [1, "客户是?", "上帝", "朋友", "对手", "B"],
                [2, "端口号是?", 8080, 80, 21, "B"],
            ],
        )
    )
    assert summary(data) == [
        ("single", "客户是?", ["上帝", "朋友", "对手"], "B"),
        ("single", "端口号是?", ["8080", "80", "21"], "B"),
    ]


def test_an_apps_english_columns_list_the_options_in_one_cell_and_key_by_text() -> None:
    data = book(
        (
            "Questions",
            [
                ["id", "text", "options", "answer", "explanation", "category"],
                ["q1", "力的单位是?", "牛顿,焦耳,瓦特", "牛顿", "力以牛顿计", "力学"],
                ["q2", "哪些是矢量?", "速度;质量;力", "速度;力", "", "力学"],
                ["q3", "光速约为?", "3×10^8 m/s、3×10^5 m/s", "3×10^8 m/s", "", "光学"],
            ],
        )
    )
    paper = parse_document("bank.xlsx", data)
    assert [(q.number, q.type, q.options, q.answer, q.chapter) for q in paper.questions] == [
        ("q1", "single", ["牛顿", "焦耳", "瓦特"], "A", "力学"),
        ("q2", "multiple", ["速度", "质量", "力"], "AC", "力学"),
        ("q3", "single", ["3×10^8 m/s", "3×10^5 m/s"], "A", "光学"),
    ]
    assert "text→题干" in paper.notes[0] and "options→选项" in paper.notes[0]


def test_a_database_table_names_its_columns_in_pinyin() -> None:
    # Chinese in-house systems name columns in pinyin: TIMU (题目), DAAN (答案), TIXING (题型),
    # XUANXIANG_A… (选项A), JIEXI (解析); a column named in no known way ("TAB") is ignored.
    data = book(
        (
            "Sheet1",
            [
                ["TAB", "TIXING", "TIMU", "XUANXIANG_A", "XUANXIANG_B", "DAAN", "JIEXI"],
                ["x", "单选题", "客户是?", "上帝", "对手", "A", "以客户为中心"],
                ["x", "判断题", "投诉应当立即处理。", "", "", "对", ""],
            ],
        )
    )
    assert summary(data) == [
        ("single", "客户是?", ["上帝", "对手"], "A"),
        ("truefalse", "投诉应当立即处理。", [], True),
    ]
    text = "TAB,TIMU,DAAN\n单选题,轨距容许偏差为（）mm。,2\n判断题,钢轨折断时应立即封锁线路。,正确\n"
    paper = parse_document("bank.csv", text.encode())
    assert [(q.type, q.stem, q.answer) for q in paper.questions] == [
        ("fill", "轨距容许偏差为（）mm。", ["2"]),
        ("truefalse", "钢轨折断时应立即封锁线路。", True),
    ]


def test_a_table_names_its_columns_by_their_pinyin_initials() -> None:
    # An app's bank abbreviates its columns to pinyin initials: Lb (类别, here each row's type), Tg
    # (题干), Xx1… (选项1…), Da (答案); the types are told from the rows themselves.
    data = book(
        (
            "Sheet1",
            [
                ["Lb", "Tg", "Xx1", "Xx2", "Xx3", "Da"],
                ["单选题", "客户是?", "A、上帝", "B、对手", "C、路人", "A"],
                ["判断题", "投诉应当立即处理。", "对", "错", "", "对"],
                ["简答题", "如何安抚客户?", "", "", "", "先倾听,再道歉。"],
            ],
        )
    )
    assert summary(data) == [
        ("single", "客户是?", ["上帝", "对手", "路人"], "A"),
        ("truefalse", "投诉应当立即处理。", [], True),
        ("short", "如何安抚客户?", [], "先倾听,再道歉。"),
    ]


def test_a_body_column_is_the_stem_and_a_whose_explanation_column_explains() -> None:
    # "试题正文" (the question's body text) is the stem; "AI 解析", "名师解析": whose explanation it
    # is, then the word. Without them the longest unnamed text, the explanation, became the stem.
    data = book(
        (
            "Sheet1",
            [
                ["题型", "试题正文", "试题选项", "试题答案", "名师解析"],
                [
                    "判断题",
                    "雷电时不应倒闸操作。",
                    "A. 正确\nB. 错误",
                    "A",
                    "正确。雷电时倒闸操作可能遭雷击,危及人身安全。",
                ],
            ],
        )
    )
    assert summary(data) == [("truefalse", "雷电时不应倒闸操作。", [], True)]
    records = [
        {
            "题型": "判断题",
            "试题正文": "停电后可直接作业。",
            "试题答案": "B",
            "AI 解析": "错误。停电后应先验电、接地,才能作业。",
        },
        {
            "题型": "判断题",
            "试题正文": "工作票应一式两份。",
            "试题答案": "A",
            "AI 解析": "正确。一份由工作负责人收执。",
        },
    ]
    paper = parse_document("bank.json", json.dumps(records, ensure_ascii=False).encode())
    assert [(q.stem, q.answer, q.explanation) for q in paper.questions] == [
        ("停电后可直接作业。", False, "错误。停电后应先验电、接地,才能作业。"),
        ("工作票应一式两份。", True, "正确。一份由工作负责人收执。"),
    ]


def test_a_judgement_keyed_a_or_b_as_exam_systems_templates_key_it() -> None:
    # An exam system's import template keys a judgement with no option cells A (对) or B (错).
    text = (
        "type,question,answer\n判断题,钢筋宜采用焊接接头。（  ）,A\n判断题,可加水进行第二次搅拌。（  ）,b\n"
    )
    paper = parse_document("bank.csv", text.encode())
    assert [(q.type, q.answer) for q in paper.questions] == [("truefalse", True), ("truefalse", False)]


def test_a_judgement_whose_options_are_right_and_wrong_keyed_by_place_as_its_choices_are() -> None:
    text = (
        "题目内容,答案,题目类型,选项1,选项2,选项3\n服务的核心是？,2,single,价格,客户,渠道\n"
        "Python是一种编译型语言。,2,judge,正确,错误,\nSUM可以对多个区域求和。,1,judge,正确,错误,\n"
    )
    paper = parse_document("bank.csv", text.encode())
    assert [(q.type, q.answer) for q in paper.questions] == [
        ("single", "B"),
        ("truefalse", False),
        ("truefalse", True),
    ]


def test_an_exam_systems_export_joins_the_options_in_one_cell_with_dollar_semicolons() -> None:
    # "试题选项" holding "甲$;$乙$;$丙": an exam system's export of its options, one cell a row.
    data = book(
        (
            "Sheet1",
            [
                ["序号", "题型", "题干（试题正文)", "试题选项", "试题答案"],
                ["1", "主观题", "投诉处理的第一步是（  ）。", "倾听$;$争辩$;$转交", "A"],
                ["2", "主观题", "简述服务规范。", "", "礼貌、及时。"],
            ],
        )
    )
    assert summary(data) == [
        ("single", "投诉处理的第一步是（  ）。", ["倾听", "争辩", "转交"], "A"),
        ("short", "简述服务规范。", [], "礼貌、及时。"),
    ]


def test_traditional_headers_and_cells_a_web_editor_filled_with_markup() -> None:
    # A Macau school's bank: columns headed in Traditional characters (題目內容, 選項A, 正確答案),
    # stems as a web editor saved them ("<p><strong>…</strong></p>"); a stem about HTML keeps its tags.
    data = book(
        (
            "題庫",
            [
                ["ID", "題型", "題目內容", "選項A", "選項B", "正確答案"],
                [
                    1,
                    "text-choice",
                    "<p><strong>蝙蝠是甚麼動物？</strong></p><p>請選擇&amp;作答：</p>",
                    "鳥類",
                    "哺乳類",
                    "B",
                ],
                [2, "text-choice", "<p>标签表示什么？", "段落", "图片", "A"],
            ],
        )
    )
    assert summary(data) == [
        ("single", "蝙蝠是甚麼動物？\n請選擇&作答：", ["鳥類", "哺乳類"], "B"),
        ("single", "<p>标签表示什么？", ["段落", "图片"], "A"),
    ]


def test_a_paper_pasted_into_a_sheet_without_a_header_is_read_as_text() -> None:
    pasted = [["1、核心是( )。", "B"], ["(A)价格 (B)客户"], ["2、礼仪是( )。", "a"], ["(A)微笑 (B)争辩"]]
    data = book(
        ("题库", [["题目", "答案"], ["甲。", "对"]]),
        ("Sheet2", pasted),
    )
    paper = parse_document("bank.xlsx", data)
    assert [(q.section, q.stem, q.options, q.answer) for q in paper.questions][1:] == [
        ("Sheet2", "核心是( )。", ["价格", "客户"], "B"),  # the key's cell, written into the blank
        ("Sheet2", "礼仪是( )。", ["微笑", "争辩"], "A"),
    ]
    assert all("read as text from a sheet without a header" in q.warnings for q in paper.questions[1:])
    assert any("按文字试卷读取,找到 2 题" in note for note in paper.notes)


def test_a_number_and_a_platforms_type_tag_in_the_stem_cell_are_not_stem_text() -> None:
    data = book(
        (
            "Sheet1",
            [
                ["问题", "选项", "答案"],
                ["1. (单选题, 1分)核心是（）。", "A:价格\nB:客户", "B"],
                ["2. (多选题, 2分)礼仪包括（）。", "A:微笑\nB:倾听\nC:争辩", "A,B"],
                ["3. 【判断题】投诉要及时处理。", "", "对"],
                ["4、客户满意度简称____。", "", "CSAT"],
            ],
        )
    )
    paper = parse_document("bank.xlsx", data)
    assert [(q.number, q.type, q.stem, q.answer) for q in paper.questions] == [
        ("1", "single", "核心是（）。", "B"),
        ("2", "multiple", "礼仪包括（）。", "AB"),
        ("3", "truefalse", "投诉要及时处理。", True),
        ("4", "fill", "客户满意度简称____。", ["CSAT"]),
    ]


def test_a_stem_starting_with_a_number_in_an_unnumbered_sheet_keeps_it() -> None:
    data = book(
        (
            "s",
            [
                ["题目", "答案"],
                ["3、5、7 都是质数。", "对"],
                ["2.5米等于250厘米。", "对"],
                ["客户永远是对的。", "错"],
            ],
        )
    )
    assert [(q.number, q.stem) for q in parse_document("bank.xlsx", data).questions] == [
        ("", "3、5、7 都是质数。"),
        ("", "2.5米等于250厘米。"),
        ("", "客户永远是对的。"),
    ]


def test_a_judgement_padded_to_four_option_cells_is_a_judgement() -> None:
    data = book(
        (
            "s",
            [
                ["题目", "A", "B", "C", "D", "答案"],
                ["投诉要及时处理。", "对", "错", "无", "无", "A"],
                ["可以与客户争辩。", "正确", "错误", "-", "", "B"],
                ["哪个是服务礼仪?", "微笑", "争辩", "冷漠", "无", "A"],  # "无" is a real option here
            ],
        )
    )
    assert summary(data) == [
        ("truefalse", "投诉要及时处理。", [], True),
        ("truefalse", "可以与客户争辩。", [], False),
        ("single", "哪个是服务礼仪?", ["微笑", "争辩", "冷漠", "无"], "A"),
    ]


def test_type_chapter_and_material_cells_merged_down_over_their_rows() -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["章节", "题型", "材料", "题目", "A", "B", "答案"])
    ws.append(["第一章 服务", "单选题", "", "核心是?", "价格", "客户", "B"])
    ws.append(["", "", "", "礼仪是?", "微笑", "争辩", "A"])
    ws.append(["", "判断题", "", "投诉要及时处理。", "", "", "对"])
    ws.append(["第二章 案例", "简答题", "客户来电投诉送货延迟。", "先做什么?", "", "", "致歉"])
    ws.append(["", "", "", "再做什么?", "", "", "查询"])
    # D6:F6 is a stem merged across the unused option cells: its text never spreads into them.
    for block in ("A2:A4", "B2:B3", "A5:A6", "B5:B6", "C5:C6", "D6:F6"):
        ws.merge_cells(block)
    out = io.BytesIO()
    wb.save(out)
    paper = parse_document("bank.xlsx", out.getvalue())
    assert [(q.chapter, q.type, q.material, q.stem) for q in paper.questions] == [
        ("第一章 服务", "single", "", "核心是?"),
        ("第一章 服务", "single", "", "礼仪是?"),
        ("第一章 服务", "truefalse", "", "投诉要及时处理。"),
        ("第二章 案例", "short", "客户来电投诉送货延迟。", "先做什么?"),
        ("第二章 案例", "short", "客户来电投诉送货延迟。", "再做什么?"),
    ]


def test_instruction_and_example_sheets_of_an_import_template_are_not_questions() -> None:
    data = book(
        ("试题", [["题型", "题目", "A", "B", "答案"], ["单选", "核心是?", "价格", "客户", "B"]]),
        ("填写说明", [["1. 题型列填写单选、多选、判断"], ["2. 答案列填写字母,如 AB"]]),
        ("示例", [["题型", "题目", "A", "B", "答案"], ["单选", "示例题?", "甲", "乙", "A"]]),
    )
    paper = parse_document("bank.xlsx", data)
    assert [q.stem for q in paper.questions] == ["核心是?"]
    assert paper.warnings == []
    assert (
        "工作表“填写说明”是说明或示例,未读取" in paper.notes
        and "工作表“示例”是说明或示例,未读取" in paper.notes
    )
    # A sheet left "Sheet1" that says so in its first cell, with a template's placeholder rows.
    noted = book(
        ("Sheet1", [["此sheet是示例,不要填写内容"], ["题干", "答案"], ["这里填题干", "这里填标准答案"]]),
        ("简答题", [["题干", "答案"], ["什么是首问负责制?", "第一位接待者负责到底。"]]),
    )
    assert [q.stem for q in parse_document("bank.xlsx", noted).questions] == ["什么是首问负责制?"]
    # A workbook holding only a sheet named so is still read.
    only = book(("示例", [["题目", "答案"], ["甲。", "对"]]))
    assert [q.stem for q in parse_document("bank.xlsx", only).questions] == ["甲。"]


def test_rows_of_text_the_reading_passed_over_count_against_the_coverage() -> None:
    rows: list[list[object]] = [["题目", "答案", "备注"]]
    rows += [[f"第{n}题是什么?", "A", ""] for n in range(1, 4)]
    rows += [["", "", f"第{n}行的说明文字"] for n in range(4, 14)]  # read as nothing, said nowhere
    paper = parse_document("bank.xlsx", book(("题库", rows)))
    cov = paper.coverage
    assert cov is not None and (cov.questions, cov.lines, cov.unread) == (3, 13, 10)
    assert cov.verdict == "poor" and "only 23% of the text was read into questions" in cov.reasons


def test_exchange_variants_numeral_option_columns_bars_booleans_and_options_in_the_stem() -> None:
    data = book(
        (
            "Sheet1",
            [
                ["题目", "类型", "选项一", "选项二", "选项三", "答案"],
                ["客户是?", "单选", "上帝", "对手", "朋友", "A"],
                ["渠道有?", "多选", "电话", "邮件", "会议", "A|C"],
                ["投诉要记录", "判断", "", "", "", 1],
                ["投诉可拖延", "判断", "", "", "", 0],
                ["客户是____,服务要____", "填空", "", "", "", "上帝|及时"],
            ],
        ),
    )
    assert summary(data) == [
        ("single", "客户是?", ["上帝", "对手", "朋友"], "A"),
        ("multiple", "渠道有?", ["电话", "邮件", "会议"], "AC"),
        ("truefalse", "投诉要记录", [], True),
        ("truefalse", "投诉可拖延", [], False),
        ("fill", "客户是____,服务要____", [], ["上帝", "及时"]),
    ]
    inline = book(
        ("Sheet1", [["题目", "答案"], ["客户是? A.上帝 B.对手 C.朋友", "B"], ["A类客户是谁?", "大客户"]])
    )
    assert summary(inline) == [
        ("single", "客户是?", ["上帝", "对手", "朋友"], "B"),
        ("short", "A类客户是谁?", [], "大客户"),
    ]


def test_an_old_excel_97_workbook_is_read_like_an_xlsx() -> None:
    """Exam systems still export .xls: every sheet, its header found, TRUE/FALSE cells as judgements,
    a title row merged above the header of the second sheet."""
    data = (Path(__file__).parent / "files" / "bank-excel97.xls").read_bytes()
    paper = parse_document("bank.xls", data)
    assert [(q.type, q.stem, q.options, q.answer, q.section) for q in paper.questions] == [
        ("single", "客户是?", ["上帝", "对手", "朋友"], "A", "题库"),
        ("multiple", "渠道有?", ["电话", "邮件", "会议"], "AC", "题库"),
        ("truefalse", "投诉要记录。", [], True, "题库"),
        ("truefalse", "投诉可拖延。", [], False, "题库"),
        ("fill", "服务要____。", [], ["及时"], "题库"),
        ("short", "如何处理投诉?", [], "倾听并记录", "简答"),
        ("short", "多久回访?", [], "3", "简答"),
    ]
    assert "工作表“简答”第 2 行是表头" in paper.notes[1]


def test_terse_english_headers_q_numbered_options_and_a_lone_a_for_the_answer() -> None:
    # "Q | A1…A4 | A": a family of numbered columns is the options; A with no B beside it answers.
    data = book(
        (
            "Sheet1",
            [
                ["Q", "A1", "A2", "A3", "A4", "A"],
                ["客户是(   )。", "上帝", "朋友", "对手", "路人", " B "],
                ["服务要(   )。", "及时", "拖延", "推诿", "争辩", "A"],
            ],
        )
    )
    assert summary(data) == [
        ("single", "客户是(   )。", ["上帝", "朋友", "对手", "路人"], "B"),
        ("single", "服务要(   )。", ["及时", "拖延", "推诿", "争辩"], "A"),
    ]
    flashcards = book(("Sheet1", [["Q", "A"], ["什么是首问负责制?", "第一位接待者负责到底。"]]))
    assert summary(flashcards) == [("short", "什么是首问负责制?", [], "第一位接待者负责到底。")]


def test_options_typed_into_the_stem_cell_after_its_blank_and_a_key_cell_in_a_sheet_without_a_header() -> (
    None
):
    inline = book(("Sheet1", [["序号", "题干", "答案"], [1, "客户是（ ）A.上帝 B.对手 C.路人", "A"]]))
    assert summary(inline) == [("single", "客户是（ ）", ["上帝", "对手", "路人"], "A")]
    # No header: each row read as a line of text, its last cell of letters the key.
    rows = [["1", "客户是?", "A.上帝", "B.对手", "B"], ["2", "服务要?", "A.及时", "B.拖延", "A"]]
    assert summary(book(("Sheet1", rows))) == [
        ("single", "客户是?", ["上帝", "对手"], "B"),
        ("single", "服务要?", ["及时", "拖延"], "A"),
    ]


@pytest.mark.parametrize("options_header", ["答案选项", "可选项", "Choices"])
def test_more_names_of_a_single_options_column(options_header: str) -> None:
    rows = [
        ["编号", "试题", options_header, "参考答案", "题型"],
        [1, "渠道有?", "A.微信\nB.邮件\nC.会议", "A、B", "多选"],
    ]
    data = book(("Sheet1", rows))
    assert summary(data) == [("multiple", "渠道有?", ["微信", "邮件", "会议"], "AB")]


def test_a_sheet_without_a_header_or_key_column_marks_the_right_options_in_their_cells() -> None:
    # "stem | option | //option | option": the key is the marked cell ("//", "*", "√"); rows hold
    # three to five options, the fifth column filled only where a fifth is printed.
    data = book(
        (
            "Sheet1",
            [
                [None, None, None],
                ["1. Which tag declares HTML5?", "//DOCTYPE html", "DOCTYPE html5", "html5", None],
                ["2. Which element draws?", "svg", "paint", "//canvas", None],
                ["3. Which APIs are new?", "*Geolocation", "frames", "*Web Storage", "applets"],
                ["4. What is HTML5 for?", "print", "mail", "fax", "√All of the above"],
            ],
        )
    )
    assert summary(data) == [
        ("single", "Which tag declares HTML5?", ["DOCTYPE html", "DOCTYPE html5", "html5"], "A"),
        ("single", "Which element draws?", ["svg", "paint", "canvas"], "C"),
        ("multiple", "Which APIs are new?", ["Geolocation", "frames", "Web Storage", "applets"], "AC"),
        ("single", "What is HTML5 for?", ["print", "mail", "fax", "All of the above"], "D"),
    ]
    plain = (
        "Which port does HTTP use?,80,//443,21\n"
        "Which port does SSH use?,//22,23,25\n"
        "Which port is FTP?,//21,22,80\n"
    )
    assert [(q.stem, q.answer) for q in parse_document("ports.csv", plain.encode()).questions] == [
        ("Which port does HTTP use?", "B"),
        ("Which port does SSH use?", "A"),
        ("Which port is FTP?", "A"),
    ]


def test_a_header_of_two_rows_with_options_merged_over_lettered_columns() -> None:
    """ "选项" merged over four columns, "A B C D" in the row under it: the options are those."""
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "题目", "选项", None, None, None, "答案"])
    ws.merge_cells("C1:F1")
    ws.append([None, None, "A", "B", "C", "D", None])
    ws.append([1, "客户是?", "上帝", "对手", "路人", "同事", "A"])
    ws.append([2, "渠道有?", "微信", "邮件", "会议", "", "AB"])
    out = io.BytesIO()
    wb.save(out)
    paper = parse_document("bank.xlsx", out.getvalue())
    assert [(q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        ("single", "客户是?", ["上帝", "对手", "路人", "同事"], "A"),
        ("multiple", "渠道有?", ["微信", "邮件", "会议"], "AB"),
    ]
    assert paper.warnings == []
    assert (
        "工作表“Sheet”第 2 行是表头:序号→题号,题目→题干,答案→答案,A→选项A,B→选项B,C→选项C,D→选项D"
        in paper.notes
    )


def test_a_sheet_without_a_header_is_read_by_what_its_columns_hold() -> None:
    """No header typed: a column of numbers, the longest text as the stem, short text columns
    between it and a column of keys as options, text after the key as the explanation."""
    data = book(
        (
            "Sheet1",
            [
                [1, "客户是企业的什么?", "上帝", "朋友", "对手", "A", "客户至上"],
                [2, "服务的首要原则是?", "及时", "拖延", "推诿", "A", ""],
                [3, "投诉处理应当先做什么?", "争辩", "倾听", "挂断", "B", ""],
            ],
        )
    )
    paper = parse_document("bank.xlsx", data)
    assert [(q.number, q.type, q.stem, q.options, q.answer, q.explanation) for q in paper.questions] == [
        ("1", "single", "客户是企业的什么?", ["上帝", "朋友", "对手"], "A", "客户至上"),
        ("2", "single", "服务的首要原则是?", ["及时", "拖延", "推诿"], "A", ""),
        ("3", "single", "投诉处理应当先做什么?", ["争辩", "倾听", "挂断"], "B", ""),
    ]
    assert "按内容认出各列" in paper.notes[0]


def test_a_text_bank_of_one_record_a_line_split_by_separators() -> None:
    """ "1|||道德评价…|||对": a text bank's records, read as a table (a text whose lines do not
    split alike stays a paper)."""
    text = (
        "1|||道德评价的关键是看其行为是否符合规范。|||对\n2|||训练师可以不经用户同意使用数据。|||错\n"
        "3|||职业道德呈现单一化趋势。|||错\n"
    )
    paper = parse_document("tf.txt", text.encode())
    assert [(q.number, q.type, q.stem, q.answer) for q in paper.questions] == [
        ("1", "truefalse", "道德评价的关键是看其行为是否符合规范。", True),
        ("2", "truefalse", "训练师可以不经用户同意使用数据。", False),
        ("3", "truefalse", "职业道德呈现单一化趋势。", False),
    ]
    assert paper.coverage is not None and paper.coverage.verdict == "ok"
    tabbed = "1.客户是( )\tA.上帝\tB.朋友\n2.服务要( )\tA.及时\tB.拖延\n"
    tabbed += "3.投诉先( )\tA.倾听\tB.争辩\n答案：1-3 ABA\n"
    assert [(q.options, q.answer) for q in parse_document("p.txt", tabbed.encode()).questions] == [
        (["上帝", "朋友"], "A"),
        (["及时", "拖延"], "B"),
        (["倾听", "争辩"], "A"),
    ]


def test_a_quiz_bots_records_options_joined_by_a_mark_and_the_key_as_the_options_place() -> None:
    """ "1⇥东南大学…原址？⇥理藩院@枢密院@内阁@国子监⇥4": a bot's records (GBK), the options in
    one field joined by "@", the key the option's place counted from 1."""
    text = (
        "1\t东南大学在明清时曾是什么机构的原址？\t理藩院@枢密院@内阁@国子监\t4\r\n"
        "2\t东南大学更换了几次学校名称？\t9@10@11@8\t2\r\n"
        "3\t三江师范的创始人是谁？\t张之洞@张百熙@梁启超@李鸿章\t1\r\n"
    )
    paper = parse_document("bot.txt", text.encode("gbk"))
    assert [(q.number, q.stem, q.options, q.answer) for q in paper.questions] == [
        ("1", "东南大学在明清时曾是什么机构的原址？", ["理藩院", "枢密院", "内阁", "国子监"], "D"),
        ("2", "东南大学更换了几次学校名称？", ["9", "10", "11", "8"], "B"),
        ("3", "三江师范的创始人是谁？", ["张之洞", "张百熙", "梁启超", "李鸿章"], "A"),
    ]
    assert "第4列→答案(选项序号)" in paper.notes[0]


def test_a_csv_bank_is_read_by_its_header_like_a_sheet() -> None:
    """A bank saved as CSV (GBK, as Excel on Chinese Windows saves it): the header's synonyms
    name the columns, a quoted cell keeps its commas and line breaks, and the paper says which
    columns it used."""
    text = (
        "题型,题目,选项A,选项B,选项C,选项D,答案,解析\r\n"
        '单选题,"客户是谁，为什么？",上帝,朋友,对手,路人,A,"以客户为中心\r\n第二行"\r\n'
        '多选题,服务包括哪些？,倾听,微笑,争辩,拖延,"A,B",\r\n'
        "判断题,投诉应当立即处理。,,,,,对,\r\n"
    )
    paper = parse_document("bank.csv", text.encode("gbk"))
    assert [(q.type, q.stem, q.options, q.answer, q.explanation) for q in paper.questions] == [
        ("single", "客户是谁，为什么？", ["上帝", "朋友", "对手", "路人"], "A", "以客户为中心\n第二行"),
        ("multiple", "服务包括哪些？", ["倾听", "微笑", "争辩", "拖延"], "AB", ""),
        ("truefalse", "投诉应当立即处理。", [], True, ""),
    ]
    assert any("表头" in note and "答案" in note for note in paper.notes)


def test_a_sheet_laid_out_a_field_a_row_reads_each_block_of_rows_as_a_question() -> None:
    """A vertical template: each question a block of "label | value" rows, several pairs on a row
    ("题目编码 | C01 | 题型 | 单选"), options numbered and keyed by number; the notes say so."""
    rows: list[list[object]] = []
    for code, kind, stem, options, key in (
        ("C01", "单选", "服务的核心是？", ["态度", "价格", "速度"], 1),
        ("C02", "多选", "礼仪包括？", ["微笑", "倾听", "争辩"], "1,2"),
        ("C03", "单选", "投诉第一步是？", ["争辩", "倾听"], 2),
    ):
        rows += [["题目编码", code, "题型", kind], ["题目", stem], ["答案", key]]
        rows += [[f"选项{k}", option] for k, option in enumerate(options, 1)]
    paper = parse_document("bank.xlsx", book(("题库", rows)))
    assert [(q.type, q.stem, q.options, q.answer, q.lineno) for q in paper.questions] == [
        ("single", "服务的核心是？", ["态度", "价格", "速度"], "A", 1),
        ("multiple", "礼仪包括？", ["微笑", "倾听", "争辩"], "AB", 7),
        ("single", "投诉第一步是？", ["争辩", "倾听"], "B", 13),
    ]
    assert any("每题一组行" in note for note in paper.notes)


def test_a_sheet_of_label_value_rows_that_are_not_questions_is_no_bank() -> None:
    with pytest.raises(PaperError):
        parse_document(
            "roster.xlsx", book(("名单", [["姓名", "张三"], ["部门", "客服部"], ["工号", "1024"]]))
        )


def test_a_csv_whose_english_headers_are_abbreviated_opts_and_ans() -> None:
    """ "opts" (one cell, "A.xx|B.yy") and "ans" name the options and the key, as a teaching app's
    export abbreviates them; a judgement with no options is keyed A (right) or B (wrong)."""
    text = (
        "\ufefftest_id,id,type,score,title,opts,ans,analysis\n"
        "paper_001,1,single,4,服务的核心是？,A.态度|B.价格|C.速度,A,态度决定一切。\n"
        "paper_001,2,multiple,4,礼仪包括？,A.微笑|B.倾听|C.争辩,AB,\n"
        "paper_001,3,judge,4,投诉要记录。（）,,A,\n"
    )
    paper = parse_document("bank.csv", text.encode())
    assert [(q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        ("single", "服务的核心是？", ["态度", "价格", "速度"], "A"),
        ("multiple", "礼仪包括？", ["微笑", "倾听", "争辩"], "AB"),
        ("truefalse", "投诉要记录。（）", [], True),
    ]


def test_a_csv_separated_by_semicolons_without_a_header_is_read_by_its_columns() -> None:
    text = "1;客户关系管理的核心是什么？;产品;客户;价格;B\n2;投诉处理的第一步是什么？;倾听;争辩;转交;A\n"
    text += "3;服务补救的关键是什么？;速度;价格;包装;A\n"
    paper = parse_document("export.csv", text.encode())
    assert [(q.number, q.options, q.answer) for q in paper.questions] == [
        ("1", ["产品", "客户", "价格"], "B"),
        ("2", ["倾听", "争辩", "转交"], "A"),
        ("3", ["速度", "价格", "包装"], "A"),
    ]


def test_english_option_columns_named_answer_1_or_choice_b_keyed_by_place() -> None:
    text = (
        "Question,Answer 1,Answer 2,Answer 3,correct\n"
        '"Entering a tunnel by day, the driver should:",Speed up,Slow down,Sound the horn,2\n'
        "Behind another car at night you use:,Low beam,High beam,No lights,1\n"
    )
    paper = parse_document("driving.csv", text.encode())
    assert [(q.type, q.options, q.answer) for q in paper.questions] == [
        ("single", ["Speed up", "Slow down", "Sound the horn"], "B"),
        ("single", ["Low beam", "High beam", "No lights"], "A"),
    ]
    data = book(("Sheet1", [["Question", "Choice A", "Choice B", "Key"], ["客户是?", "上帝", "朋友", "B"]]))
    assert summary(data) == [("single", "客户是?", ["上帝", "朋友"], "B")]


def test_a_headerless_csv_whose_judgement_rows_end_early_in_their_key() -> None:
    """Kept by hand: "stem, A, B, C, key" for a choice, "stem, key" for a judgement (its option
    cells left empty, or not written at all)."""
    text = (
        "客户关系管理的核心是什么？,产品,客户,价格,B\n服务包括哪些方面？,倾听,微笑,争辩,AB\n"
        "投诉应当立即处理。（ ）,Y,,,\n客户永远是错的。（ ）,N\n服务补救的关键是什么？,速度,价格,包装,A\n"
    )
    paper = parse_document("bank.csv", text.encode())
    assert [(q.type, q.options, q.answer) for q in paper.questions] == [
        ("single", ["产品", "客户", "价格"], "B"),
        ("multiple", ["倾听", "微笑", "争辩"], "AB"),
        ("truefalse", [], True),
        ("truefalse", [], False),
        ("single", ["速度", "价格", "包装"], "A"),
    ]


def test_a_csv_whose_columns_cannot_be_told_is_read_as_text() -> None:
    text = "1.客户是谁？\nA.上帝\nB.朋友\n答案：A\n"
    paper = parse_document("paper.csv", text.encode())
    assert [(q.stem, q.answer) for q in paper.questions] == [("客户是谁?", "A")]


def test_a_csv_cell_too_large_to_be_a_question_is_refused_naming_its_line() -> None:
    data = ('题目,答案\n客户是谁？,A\n"' + "很长" * 70_000 + '",B\n').encode()
    with pytest.raises(PaperError, match=r"big\.csv: 第 3 行无法按 CSV 读取"):
        parse_document("big.csv", data)


def test_an_apps_export_with_json_lists_for_options_and_key_and_type_codes() -> None:
    """A quiz app's database export: options and key as JSON lists, the type as a code ("SC",
    a web form's "checkbox"), the stem under "content"."""
    text = (
        "answer,content,type,options\n"
        '"[""B""]",比特币的创始人是：,SC,"[""山本聪"",""中本聪"",""李笑来""]"\n'
        '"[""A"",""C""]",以下属于公链的有：,checkbox,"[""以太坊"",""支付宝"",""比特币""]"\n'
        '"[""A""]",区块链是分布式账本吗？,SC,"[""是"",""不是""]"\n'
    )
    paper = parse_document("export.csv", text.encode())
    assert [(q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        ("single", "比特币的创始人是：", ["山本聪", "中本聪", "李笑来"], "B"),
        ("multiple", "以下属于公链的有：", ["以太坊", "支付宝", "比特币"], "AC"),
        ("single", "区块链是分布式账本吗？", ["是", "不是"], "A"),
    ]


def test_rows_quoted_with_single_quotes_answering_by_option_text_without_a_header() -> None:
    """ "'stem','answer','A:x B:y','type'" rows with no header: the column whose cells each hold
    every option, and a column naming an option's text (several, separated by spaces, for a
    multiple choice) as the key; "错误，是…" judges false and says what is right."""
    rows = [
        "'遵义会议于_____年1月召开。','1935年','A:1934年 B:1935年 C:1936年','单选题'",
        "'三大法宝是_____、_____、_____。','统一战线 武装斗争 党的建设',"
        "'A:统一战线 B:宣传教育 C:武装斗争 D:党的建设',",
        "'新中国成立于1950年。','错误，是1949年','A:正确 B:错误','判断题'",
        "'改革开放始于_____年。','1978年','A:1976年 B:1978年 C:1980年','单选题'",
    ]
    paper = parse_document("tiku.csv", "\n".join(rows).encode())
    assert [(q.type, q.answer) for q in paper.questions] == [
        ("single", "B"),
        ("multiple", "ACD"),
        ("truefalse", False),
        ("single", "B"),
    ]
    assert paper.questions[1].options == ["统一战线", "宣传教育", "武装斗争", "党的建设"]


def test_a_platforms_record_named_columns_option_records_and_judgements_coded_1_and_2() -> None:
    """An exam platform's export: columns named after its record ("questionAnswer",
    "questionContent"), options as a JSON list of records, judgements keyed 1 (true) / 2 (false)
    in a sheet with no type column."""
    options = '[{"optionContent":"12V"},{"optionContent":"36V"},{"optionContent":"220V"}]'
    data = book(
        (
            "Sheet1",
            [
                ["questionAnswer", "questionContent", "optionContent"],
                ["1", "电气设备外壳应接地。", None],
                ["2", "电线可以浸湿。", None],
                ["2", "激光可以直视。", None],
                ["B", "安全电压是", options],
                ["A,C", "低于 50V 的有", options],
            ],
        )
    )
    assert summary(data) == [
        ("truefalse", "电气设备外壳应接地。", [], True),
        ("truefalse", "电线可以浸湿。", [], False),
        ("truefalse", "激光可以直视。", [], False),
        ("single", "安全电压是", ["12V", "36V", "220V"], "B"),
        ("multiple", "低于 50V 的有", ["12V", "36V", "220V"], "AC"),
    ]


def test_a_number_answering_an_open_question_is_not_a_judgement_code() -> None:
    data = book(("Sheet1", [["题目", "答案"], ["一年有几个季度？", "4"], ["1+1=?", "2"], ["2-1=?", "1"]]))
    assert [(q.type, q.answer) for q in parse_document("bank.xlsx", data).questions] == [
        ("short", "4"),
        ("short", "2"),
        ("short", "1"),
    ]


def test_rows_that_lost_an_empty_option_cell_keep_their_key_and_explanation() -> None:
    """A CSV kept by hand: some rows drop the empty 选项E cell, so the key sits under 选项E and the
    explanation under 答案 — in a choice row and in a fill row alike; an option "C" beside a key
    that reads as one stays an option."""
    text = (
        "题型,题目,选项A,选项B,选项C,选项D,选项E,答案,解析\n"
        "单选,宪法规定了国家的( )。,根本制度,基本制度,重要制度,,,A,来源：测试\n"
        "单选,宪法是国家的( )。,根本法,普通法,部门法,宪章,A,来源：参考,\n"
        "填空,党的宗旨是____。,,,,,全心全意为人民服务,来源：参考,\n"
        "单选,Solidity 像哪种语言：,JavaScript,Python,C,,,A,\n"
    )
    paper = parse_document("bank.csv", text.encode())
    assert [(q.type, q.options, q.answer, q.explanation) for q in paper.questions] == [
        ("single", ["根本制度", "基本制度", "重要制度"], "A", "来源：测试"),
        ("single", ["根本法", "普通法", "部门法", "宪章"], "A", "来源：参考"),
        ("fill", [], ["全心全意为人民服务"], "来源：参考"),
        ("single", ["JavaScript", "Python", "C"], "A", ""),
    ]


def test_stem_and_options_joined_by_a_separator_and_judgements_coded_0_and_1() -> None:
    """A program's export: "stem&option&option…" in the stem cell, keyed by the options' texts
    joined the same way; judgements keyed 0/1 are judgements, but which code means 正确 differs
    between exports, so they wait for the reviewer instead of being guessed."""
    text = (
        "题目,题目类型,答案\n"
        "安全管理包括()&组织建设&事前检查&制度建设,1,组织建设&制度建设\n"
        "最薄弱的环节是( )。&技术&策略&人,0,人\n"
        "网络社会和现实社会没有联系,2,1\n"
        "网络道德建设是精神文明建设的需要,2,0\n"
        "互联网监管规范越来越弱,2,1\n"
    )
    paper = parse_document("bank.csv", text.encode())
    assert [(q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        ("multiple", "安全管理包括()", ["组织建设", "事前检查", "制度建设"], "AC"),
        ("single", "最薄弱的环节是( )。", ["技术", "策略", "人"], "C"),
        ("truefalse", "网络社会和现实社会没有联系", [], None),
        ("truefalse", "网络道德建设是精神文明建设的需要", [], None),
        ("truefalse", "互联网监管规范越来越弱", [], None),
    ]
    assert "judgement keyed 0/1" in paper.questions[2].warnings[-1]


def test_the_header_repeated_inside_the_rows_is_no_question() -> None:
    """Two exports joined into one file: the header row again in the middle is skipped."""
    text = "题干,选项A,选项B,答案\n客户是?,上帝,对手,A\n题干,选项A,选项B,答案\n服务要?,及时,拖延,A\n"
    paper = parse_document("bank.csv", text.encode())
    assert [q.stem for q in paper.questions] == ["客户是?", "服务要?"]


def test_a_question_and_worked_answer_bank_reads_its_explanation_column_as_the_answer() -> None:
    data = book(
        (
            "机器学习",
            [
                ["题目", "解析", "答案类型\n1-纯文本\n2-markdown"],
                ["什么是过拟合？", "模型记住了训练数据的噪声,\n在新数据上表现差", 2],
                ["如何缓解梯度消失？", "1. 残差连接\n2. 归一化", 2],
            ],
        )
    )
    paper = parse_document("bank.xlsx", data)
    assert summary(data) == [
        ("short", "什么是过拟合？", [], "模型记住了训练数据的噪声,\n在新数据上表现差"),
        ("short", "如何缓解梯度消失？", [], "1. 残差连接\n2. 归一化"),
    ]
    assert [q.explanation for q in paper.questions] == ["", ""]
    assert "解析→答案" in paper.notes[0]


def test_an_explanation_beside_an_answer_column_stays_the_explanation() -> None:
    data = book(("Sheet1", [["题目", "答案", "解析"], ["何为SLA？", "服务等级协议", "见第二章"]]))
    [q] = parse_document("bank.xlsx", data).questions
    assert (q.answer, q.explanation) == ("服务等级协议", "见第二章")


def test_headerless_question_and_answer_rows_with_answers_as_python_lists() -> None:
    """A quiz bot's log or a flashcard export: "question,answer" rows without a header, the
    answer a Python list of texts ("['刘伯承', '邓小平']"); a source tag after the stem
    ("【出题：武汉大学】") says who set it and is not the question."""
    text = (
        "中国共产党的主要创始人之一李大钊于（    ）在北京英勇就义。【出题：武汉大学】,['1927年4月28日']\n"
        "1947年6月30日，（    ）率领晋冀鲁豫野战军主力突破黄河天险。,\"['刘伯承', '邓小平']\"\n"
        "遵义会议是哪一年召开的？,['1935年']\n"
    )
    paper = parse_document("bot.csv", text.encode())
    assert [(q.type, q.stem, q.answer) for q in paper.questions] == [
        ("fill", "中国共产党的主要创始人之一李大钊于（    ）在北京英勇就义。", ["1927年4月28日"]),
        ("fill", "1947年6月30日，（    ）率领晋冀鲁豫野战军主力突破黄河天险。", ["刘伯承", "邓小平"]),
        ("short", "遵义会议是哪一年召开的？", "1935年"),
    ]
    # two columns of plain text that ask nothing (a roster) are not read as questions and answers
    roster = "张三丰,北京市海淀区\n李四光,上海市浦东新区\n王五常,广州市天河区\n"
    assert not any(q.answer for q in parse_document("roster.csv", roster.encode()).questions)


def test_a_stray_number_in_the_header_is_no_option_column_and_options_stay_in_the_stem_cell() -> None:
    """ "问题 | 答案 | 3": the 3 (a score typed into the header row) heads no option C; the options
    are printed in the question's cell, "？A、…；B、…；C、…"."""
    data = book(
        (
            "试题",
            [
                ["问题", "答案", 3.0],
                ["产生热电势最大的热电偶是？A、铂铑一铂；B、镍铬一镍硅；C、镍铬一考铜", "C", None],
                ["国际单位制中，压力的单位是？A．帕；B．巴；C．兆帕", "A", None],
            ],
        )
    )
    assert summary(data) == [
        ("single", "产生热电势最大的热电偶是？", ["铂铑一铂", "镍铬一镍硅", "镍铬一考铜"], "C"),
        ("single", "国际单位制中，压力的单位是？", ["帕", "巴", "兆帕"], "A"),
    ]


def test_a_number_chosen_to_fill_the_blank_under_a_choice_type_and_an_answer_excel_kept_as_a_date() -> None:
    """A safety bank's "数字类选择题" rows print no options: the number keyed fills the stem's
    blank. "题目答案" names the key column; "2009/5/1" typed into it, Excel stored as a date."""
    data = book(
        (
            "Sheet1",
            [
                ["作业种类", "试题类型", "题目内容", "题目答案"],
                ["电焊", "数字类选择题", "通道至少为()m。", 1.5],
                ["电焊", "数字类选择题", "标准自()起施行。", datetime.datetime(2009, 5, 1)],
                ["电焊", "单选题", "焊工应佩戴()。", "B"],
            ],
        )
    )
    rows = summary(data)
    assert rows[:2] == [
        ("fill", "通道至少为()m。", [], ["1.5"]),
        ("fill", "标准自()起施行。", [], ["2009/5/1"]),
    ]
    assert rows[2][0] != "fill" and rows[2][3] == "B"  # a letter: a choice whose options went unprinted


def test_quiz_platform_templates_kahoot_and_quizizz() -> None:
    """Kahoot's template notes each header after a dash ("Answer 1 - max 75 characters") and keys
    by option numbers; Quizizz names its types in English, lists a fill-in's accepted words in its
    option cells and heads the explanation "Answer explanation"."""
    kahoot = book(
        (
            "Sheet1",
            [
                ["Kahoot! Quiz Template"],
                [],
                [
                    "",
                    "Question - max 120 characters",
                    "Answer 1 - max 75 characters",
                    "Answer 2 - max 75 characters",
                    "Answer 3 - max 75 characters",
                    "Time limit (sec) – 5, 10, 20 secs",
                    "Correct answer(s) - choose at least one",
                ],
                [1, "What comes first?", "Argue", "Listen", "Ignore", 20, 2],
                [2, "Good habits?", "Smile", "Shout", "Confirm", 30, "1,3"],
            ],
        )
    )
    assert summary(kahoot) == [
        ("single", "What comes first?", ["Argue", "Listen", "Ignore"], "B"),
        ("multiple", "Good habits?", ["Smile", "Shout", "Confirm"], "AC"),
    ]
    quizizz = book(
        (
            "Sheet1",
            [
                [
                    "Question Text",
                    "Question Type",
                    "Option 1",
                    "Option 2",
                    "Correct Answer",
                    "Answer explanation",
                ],
                ["What comes first?", "Multiple Choice", "Argue", "Listen", 2, "Listen first"],
                ["Capital of China?", "Fill-in-the-Blank", "Beijing", "Peking", "", ""],
                ["Describe your approach.", "Open-Ended", "", "", "", ""],
            ],
        )
    )
    assert summary(quizizz) == [
        ("single", "What comes first?", ["Argue", "Listen"], "B"),
        ("fill", "Capital of China?____", [], ["Beijing|Peking"]),
        ("short", "Describe your approach.", [], None),
    ]
    assert parse_document("q.xlsx", quizizz).questions[0].explanation == "Listen first"


def test_a_key_cell_naming_the_options_by_letter_and_text_or_by_text_in_other_punctuation() -> None:
    # Exports that key a choice by what it chose: "A:及时 C:热情" (letters and texts), or the
    # option's text with its full-width comma typed half-width.
    data = book(
        (
            "Sheet1",
            [
                ["题目", "选项", "答案", "题型"],
                ["服务要（ ）", "A:及时 B:拖延 C:热情，周到 D:争辩", "A:及时 C:热情，周到", "多选题"],
                ["客户是（ ）", "A:对手 B:上帝，朋友 C:路人", "上帝,朋友", "单选题"],
                ["服务要（ ）", "A:及时 B:拖延", "A:拖延", "单选题"],
            ],
        )
    )
    assert [(q.type, q.answer) for q in parse_document("bank.xlsx", data).questions] == [
        ("multiple", "AC"),
        ("single", "B"),
        ("single", None),  # "A:拖延" names option B's text under A's letter: no key to trust
    ]


def test_options_printed_again_in_the_stem_cell_are_cut_from_the_stem() -> None:
    # (a quiz sheet's question cell repeats its options, their punctuation dropped, beside them)
    data = book(
        (
            "s",
            [
                ["题目", "A", "B", "C", "D", "答案"],
                [
                    "1、不畏浮云遮望眼的作者是____A、苏轼B、辛弃疾C、王安石D、杜牧",
                    "A、苏轼",
                    "B、辛弃疾",
                    "C、王安石",
                    "D、杜牧",
                    "C",
                ],
                [
                    "2、科学与技术的关系是____A、相同的概念B、完全不同的概念不存在联系",
                    "相同的概念",
                    "完全不同的概念，不存在联系",
                    "",
                    "",
                    "A",
                ],
                ["3、单位A、B两处的距离是多少？", "1千米", "2千米", "", "", "B"],
            ],
        )
    )
    assert summary(data) == [
        ("single", "不畏浮云遮望眼的作者是____", ["苏轼", "辛弃疾", "王安石", "杜牧"], "C"),
        ("single", "科学与技术的关系是____", ["相同的概念", "完全不同的概念，不存在联系"], "A"),
        ("single", "单位A、B两处的距离是多少？", ["1千米", "2千米"], "B"),
    ]


def test_answers_graded_right_or_wrong_the_wrong_ones_no_key() -> None:
    # a platform's record of the learner's answers, "答案(正确/错误)": "A、B、C(对)" is the key;
    # "A、B(错)" says only that A and B are not it
    data = book(
        (
            "多选题",
            [
                ["章节标题", "题目", "选项", "答案(正确/错误)"],
                ["第一章", "企业级数据模型的特点有(5分)", "A.统一 B.完整 C.片面", "A、B(对)"],
                ["第一章", "数据的存储模型有(5分)", "A.行存储 B.列存储 C.纸质存储", "A、C(错)"],
            ],
        )
    )
    assert [(q.type, q.answer) for q in parse_document("bank.xlsx", data).questions] == [
        ("multiple", "AB"),
        ("multiple", None),
    ]


def test_an_option_column_a_template_fills_with_dashes_is_no_option() -> None:
    # a bank's 单选题 sheet has a column E that no question uses, "-" in every row; a "-" that one
    # question offers among real options in a used column stays its option
    data = book(
        (
            "单选题",
            [
                ["题目", "A", "B", "C", "D", "E", "答案"],
                ["切片过短会怎样?", "干扰多", "信息被截断", "更快", "更省", "-", "B"],
                ["Markdown切片的优势?", "适合图片", "保持层次", "通用", "自动", "-", "B"],
                ["排除关键词用哪个符号?", "site", "intitle", "+", "-", "-", "D"],
            ],
        )
    )
    assert [q.options for q in parse_document("bank.xlsx", data).questions] == [
        ["干扰多", "信息被截断", "更快", "更省"],
        ["适合图片", "保持层次", "通用", "自动"],
        ["site", "intitle", "+", "-"],
    ]


def test_header_notes_after_a_colon_options_by_ordinal_and_the_key_by_place() -> None:
    # a driving-test app's bank: "考题类型：0：单；1：多；3：判断" (the codes noted after the colon),
    # options "第一选项"…, "正确答案：第几个选项" keyed by the option's place; "试题内容" beside
    # "考题内容" holds the topic here, and "讲解内容" the explanation
    header = ["考题编码", "考题内容", "考题类型：0：单；1：多；3：判断", "第一选项", "第二选项", "第三选项"]
    header += ["正确答案：第几个选项", "讲解内容"]
    data = book(
        (
            "Sheet1",
            [
                header,
                [
                    "k1c1",
                    "违反道路交通安全法的行为属于什么行为？",
                    0,
                    "违章行为",
                    "违法行为",
                    "过失行为",
                    2,
                    "属于法律。",
                ],
                ["k1c2", "驾驶机动车不得超速。", 3, "正确", "错误", "", 1, ""],
            ],
        )
    )
    paper = parse_document("bank.xlsx", data)
    assert [(q.type, q.stem, q.options, q.answer, q.explanation) for q in paper.questions] == [
        (
            "single",
            "违反道路交通安全法的行为属于什么行为？",
            ["违章行为", "违法行为", "过失行为"],
            "B",
            "属于法律。",
        ),
        ("truefalse", "驾驶机动车不得超速。", [], True, ""),
    ]


def test_a_key_headed_jieda_is_the_answer_unless_a_column_of_daan_is_beside_it() -> None:
    # Taiwan's banks head their key "解答"; beside "答案" a "解答" column is the worked solution
    taiwan = book(("113", [["題號", "題目內容", "A", "B", "解答"], ["1", "行政中立是指？", "甲", "乙", "B"]]))
    assert summary(taiwan) == [("single", "行政中立是指？", ["甲", "乙"], "B")]
    both = book(("Sheet1", [["题目", "A", "B", "答案", "解答"], ["客户是？", "上帝", "对手", "A", "因为…"]]))
    paper = parse_document("bank.xlsx", both)
    assert [(q.answer, q.explanation) for q in paper.questions] == [("A", "因为…")]


def test_a_sheet_without_a_header_holding_every_option_in_one_cell() -> None:
    # a plant's inspection bank: type, stem, "A.系统图  B.电路图  C.框图", key; no header row
    rows: list[list[object]] = [
        ["单选题", "（ ）可以将同一电气元件分解为几部分。", "A.系统图  B.电路图  C.框图", "B"],
        ["单选题", "4个5Ω电阻并联总电阻为（ ）。", "A.20Ω  B.10Ω  C.1.25Ω  D.0.16Ω", "C"],
        ["多选题", "低压带电工作应注意哪些事项（ ）。", "A.设专人监护  B.使用绝缘工具  C.赤手操作", "A,B"],
        ["判断题", "晶闸管具有正反向阻断能力。（ ）", "", "正确"],
    ]
    assert summary(book(("电工", rows))) == [
        ("single", "（ ）可以将同一电气元件分解为几部分。", ["系统图", "电路图", "框图"], "B"),
        ("single", "4个5Ω电阻并联总电阻为（ ）。", ["20Ω", "10Ω", "1.25Ω", "0.16Ω"], "C"),
        ("multiple", "低压带电工作应注意哪些事项（ ）。", ["设专人监护", "使用绝缘工具", "赤手操作"], "AB"),
        ("truefalse", "晶闸管具有正反向阻断能力。（ ）", [], True),
    ]


def test_a_platforms_bank_with_escaped_returns_and_numbered_blank_answers() -> None:
    # 学习通's export: "_x000D_" (a carriage return as OOXML escapes it) after each key, a fill's
    # answers each after its blank's number
    rows = [
        ["content", "answer", "type"],
        ["1. (单选题)java源文件的扩展名是( )\nA. .java\nB. .class", " A_x000D_", "单选题"],
        ["2. (填空题)Java的数据类型分为基本数据类型和____。", "(1) 复合数据类型;_x000D_", "填空题"],
        ["3. (填空题)用____创建对象，用____定义整数。", "(1) new;_x000D_\n(2) int_x000D_", "填空题"],
    ]
    paper = parse_document("JAVA程序设计.xlsx", book(("Sheet1", rows)))
    assert [(q.type, q.answer) for q in paper.questions] == [
        ("single", "A"),
        ("fill", ["复合数据类型"]),
        ("fill", ["new", "int"]),
    ]


def test_a_key_of_places_leaves_a_judgements_code_to_the_judgement() -> None:
    # choices keyed by their options' places, judgements (no options) by the code 1 = 正确, 2 = 错误
    rows = [
        ["题目", "A", "B", "C", "答案"],
        ["客户是?", "上帝", "朋友", "对手", "1"],
        ["服务要及时。", "", "", "", "1"],
        ["投诉可以不理。", "", "", "", "2"],
        ["微笑是礼貌。", "", "", "", "1"],
        ["价格是?", "3", "1", "2", "3"],
    ]
    paper = parse_document("bank.xlsx", book(("Sheet1", rows)))
    assert [(q.type, q.answer) for q in paper.questions] == [
        ("single", "A"),
        ("truefalse", True),
        ("truefalse", False),
        ("truefalse", True),
        ("single", "C"),
    ]


def test_a_databases_short_column_names_que_choice_and_detail() -> None:
    # a review app's table: "que" the question (as "ans" the answer), "detail" the explanation,
    # "kind" the subject and "source" its origin (noise)
    text = (
        "\ufeff_id,que,choiceA,choiceB,choiceC,kind,type,source,answer,detail\n"
        "30001,腋腔的壁不包括,下壁,前壁,后壁,局部解剖学,单选,十门联考,A,考点：腋窝。\n"
        "30002,胸骨角平对,第一肋软骨,第二肋软骨,第三肋软骨,局部解剖学,单选,十门联考,B,考点：胸部表面解剖。\n"
    )
    found = parse_document("questionDB.csv", text.encode()).questions
    assert [(q.type, q.stem, q.options, q.answer, q.explanation) for q in found] == [
        ("single", "腋腔的壁不包括", ["下壁", "前壁", "后壁"], "A", "考点：腋窝。"),
        ("single", "胸骨角平对", ["第一肋软骨", "第二肋软骨", "第三肋软骨"], "B", "考点：胸部表面解剖。"),
    ]


def test_a_tab_separated_export_its_cells_quoted_over_lines_as_text_or_tsv() -> None:
    # Anki's export saved as .txt (CRLF rows, an explanation quoted over several lines, a cloze
    # "{{c1::A}}" in the stem holding the key) reads as the table it is; so does a .tsv
    rows = [
        "Index\tQuestion\tOptions\tAnswer\tAnswer Explanation",
        "1\t飞机各重量之间的关系表述正确的是 {{c1::A}}\t基本空机重量||零燃油重量||停机坪重量\t1\t"
        '"可用以下式子表示：\n基本空机重量 + 机组 = 使用空机重量"',
        "2\t参看图，飞机的重心在 {{c1::C}}\t重心范围外||重心超前||重心范围内\t3\t"
        '"由条件可知：\n总重量在范围内"',
        "3\t最大起飞重量受限于 {{c1::B}}\t跑道||结构强度||天气\t2\t",
    ]
    data = "\r\n".join(rows).encode()
    for name in ("questions.txt", "questions.tsv"):
        questions = parse_document(name, data).questions
        assert [(q.stem, q.options[0], q.answer) for q in questions] == [
            ("飞机各重量之间的关系表述正确的是 ____", "基本空机重量", "A"),
            ("参看图，飞机的重心在 ____", "重心范围外", "C"),
            ("最大起飞重量受限于 ____", "跑道", "B"),
        ]
        assert questions[0].explanation == "可用以下式子表示：\n基本空机重量 + 机组 = 使用空机重量"


def test_option_columns_holding_labels_beside_the_options_texts() -> None:
    # "qid | answer | tigan | o1 | p1 | o2 | p2": each option column holds its label "(1)", the
    # option's text in the column after it; the key is the option's place
    header = ["qid", "answer", "tigan", "o1", "p1", "o2", "p2", "o3", "p3"]
    rows = [
        [
            1,
            2,
            "汽車行駛中，遇有前方道路施工應如何？",
            "(1)",
            "加速通過",
            "(2)",
            "減速慢行",
            "(3)",
            "鳴按喇叭",
        ],
        [2, 1, "夜間行車應使用何種燈光？", "(1)", "近光燈", "(2)", "霧燈", "(3)", "不開燈"],
        [3, 3, "行經學校附近應如何？", "(1)", "加速", "(2)", "鳴喇叭", "(3)", "減速慢行注意學童"],
    ]
    assert summary(book(("題庫", [header, *rows]))) == [
        ("single", "汽車行駛中，遇有前方道路施工應如何？", ["加速通過", "減速慢行", "鳴按喇叭"], "B"),
        ("single", "夜間行車應使用何種燈光？", ["近光燈", "霧燈", "不開燈"], "A"),
        ("single", "行經學校附近應如何？", ["加速", "鳴喇叭", "減速慢行注意學童"], "C"),
    ]


def test_judgements_keyed_a_or_b_beside_open_questions_answered_in_words() -> None:
    # a platform's bank of every type: judgements print no options and key "A" (正确) or "B";
    # the fill and short rows answered in words leave those letters a judgement's code
    records = [
        {"Question": "精油属于日化用品", "Options": [], "StandardAnswer": "B"},
        {"Question": "蚕丝被中的双宫茧桑蚕丝是最好的蚕丝原料", "Options": [], "StandardAnswer": "A"},
        {"Question": "日百和软百是同一个品类，对吗？", "Options": [], "StandardAnswer": "A"},
        {"Question": "宣威火腿产自哪个省？", "Options": [], "StandardAnswer": "云南"},
        {"Question": "请简述防晒的作用。", "Options": [], "StandardAnswer": "防止晒伤和晒黑"},
    ]
    paper = parse_document("bank.json", json.dumps(records, ensure_ascii=False).encode())
    assert [(q.type, q.answer) for q in paper.questions][:3] == [
        ("truefalse", False),
        ("truefalse", True),
        ("truefalse", True),
    ]
    assert [q.answer for q in paper.questions][3:] == ["云南", "防止晒伤和晒黑"]


def test_a_lone_c_among_optionless_letters_leaves_them_unread() -> None:
    # "C" keyed with no options: choices whose options were lost, not judgements
    records = [
        {"Question": f"第{n}种产品属于日化用品", "Options": [], "StandardAnswer": key}
        for n, key in enumerate("ABAC", 1)
    ] + [{"Question": "简述服务。", "Options": [], "StandardAnswer": "热情周到"}]
    paper = parse_document("bank.json", json.dumps(records, ensure_ascii=False).encode())
    assert "truefalse" not in {q.type for q in paper.questions}


def test_a_headerless_sheet_keyed_by_the_options_place_in_chinese_numerals() -> None:
    # stem, four options, "四" (the fourth), an explanation: no header row was ever typed
    rows = [
        ["為什麼超人要穿緊身衣？", "可以飛天", " 怕跌倒", " 比較帥", " 救人", "四", "因為救人要緊"],
        ["什麼花生過小孩", "百合花", "菊花", "五月花", "荷花", "三", "因為五月花衛生紙"],
        ["誰跑得最快", "關公", "曹操", "劉備", "張飛", "二", "因為說曹操曹操就到"],
        ["什麼氣體比較美", "氧氣", "氮氣", "二氧化碳", "氫氣", "一", "因為助燃就是美"],
    ]
    paper = parse_document("題庫.xlsx", book(("工作表1", rows)))
    assert [(q.options[1], q.answer, q.explanation) for q in paper.questions] == [
        ("怕跌倒", "D", "因為救人要緊"),
        ("菊花", "C", "因為五月花衛生紙"),
        ("曹操", "B", "因為說曹操曹操就到"),
        ("氮氣", "A", "因為助燃就是美"),
    ]


def test_numerals_naming_no_option_of_their_row_are_no_key() -> None:
    # "八" beside four options names none: the column is not read as places
    rows = [
        ["第一句话是什么意思呢", "甲", "乙", "丙", "丁", "八", "注"],
        ["第二句话是什么意思呢", "甲", "乙", "丙", "丁", "七", "注"],
        ["第三句话是什么意思呢", "甲", "乙", "丙", "丁", "六", "注"],
    ]
    with pytest.raises(PaperError):
        parse_document("bank.xlsx", book(("Sheet1", rows)))


def test_an_exam_systems_export_titled_with_part_rows_and_labelled_explanations() -> None:
    # "标题" is each question's text; a "大题" row names the part the rows under it make (its
    # dummy key "A" keys nothing); "解题说明" explains, after the key echoed and its "[解析]" label
    rows = [
        ["We_Like_Study_导出", "", "", "", "", "", "", ""],
        ["序号", "题型", "标题", "答案", "选项A", "选项B", "选项C", "解题说明"],
        ["1", "大题", "单项选择题", "A", " ", " ", " ", "解题说明"],
        [
            "2",
            "单项选择题",
            "私有制产生的根本原因是(    )。",
            "C",
            "贫富分化",
            "金属工具",
            "生产力的发展",
            "C[解析] 生产力的发展。",
        ],
        ["3", "大题", "判断题", "A", " ", " ", " ", "解题说明"],
        ["4", "判断题", "当事人的意志要受法律的制约。    (    )", "A", " ", " ", " ", "A[解析] 正确。"],
        ["5", "判断题", "行政机关可以不依法办事。    (    )", "B", " ", " ", " ", ""],
        ["6", "判断题", "法律是统治阶级意志的体现。    (    )", "A", " ", " ", " ", ""],
    ]
    paper = parse_document("chinaofficer616.xls", book(("题目", rows)))
    assert [(q.section, q.type, q.answer, q.explanation) for q in paper.questions] == [
        ("单项选择题", "single", "C", "生产力的发展。"),
        ("判断题", "truefalse", True, "正确。"),
        ("判断题", "truefalse", False, ""),
        ("判断题", "truefalse", True, ""),
    ]


def test_a_title_column_beside_the_questions_own_is_only_its_topic() -> None:
    # "標題" names each question's topic where "題目內容" holds its text
    rows = [
        ["ID", "題型", "標題", "題目內容", "選項A", "選項B", "正確答案"],
        [1, "text-choice", "光合作用", "植物的哪個部分通常進行光合作用？", "根", "葉", "B"],
        [2, "text-choice", "水的蒸發", "水被加熱後會變成甚麼？", "水蒸氣", "冰", "A"],
    ]
    paper = parse_document("題庫.xlsx", book(("題庫", rows)))
    assert [q.stem for q in paper.questions] == ["植物的哪個部分通常進行光合作用？", "水被加熱後會變成甚麼？"]
