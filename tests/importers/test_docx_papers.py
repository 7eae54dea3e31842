"""A Word paper through the whole pipeline: auto-numbered questions and options (the numbers
are not in the text), a table of questions, a picture in a question, the key at the end."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import RGBColor

from importers.pipeline import parse_document
from tests.importers.docx_factory import add_numbering, number, tiny_png, to_bytes


def build_paper() -> bytes:
    document = docx.Document()
    list_id = add_numbering(document)
    document.add_paragraph("一、单项选择题")
    questions = [("客户关系管理的核心是", ["产品", "客户", "价格"]), ("服务补救的第一步是", ["致歉", "分析"])]
    for stem, options in questions:
        number(document.add_paragraph(stem), list_id, 0)
        for option in options:
            number(document.add_paragraph(option), list_id, 1)
    picture = document.add_paragraph("3.下图中哪个是投诉处理流程?")
    picture.add_run().add_picture(io.BytesIO(tiny_png()))
    document.add_paragraph("A.流程甲 B.流程乙")
    document.add_paragraph("二、判断题")
    table = document.add_table(rows=2, cols=2)
    statements = [("1", "首问负责制要求第一位接待者跟进到底。"), ("2", "投诉都应冷处理。")]
    for row, (n, text) in zip(table.rows, statements, strict=True):
        row.cells[0].text, row.cells[1].text = n, text
    document.add_paragraph("参考答案")
    document.add_paragraph("一、单项选择题 1.B 2.A 3.B")
    document.add_paragraph("二、判断题 1.√ 2.×")
    return to_bytes(document)


def test_word_paper_end_to_end() -> None:
    paper = parse_document("paper.docx", build_paper())
    got = [(q.type, q.stem, q.options, q.answer) for q in paper.questions]
    assert got == [
        ("single", "客户关系管理的核心是", ["产品", "客户", "价格"], "B"),
        ("single", "服务补救的第一步是", ["致歉", "分析"], "A"),
        ("single", "下图中哪个是投诉处理流程?", ["流程甲", "流程乙"], "B"),
        ("truefalse", "首问负责制要求第一位接待者跟进到底。", [], True),
        ("truefalse", "投诉都应冷处理。", [], False),
    ]


def test_picture_travels_with_its_question() -> None:
    paper = parse_document("paper.docx", build_paper())
    pictures = [q for q in paper.questions if q.images]
    assert [q.stem for q in pictures] == ["下图中哪个是投诉处理流程?"]
    assert [image.content_type for image in pictures[0].images] == ["image/png"]  # once, not per fragment


def test_paragraph_numbers_are_the_source_location() -> None:
    paper = parse_document("paper.docx", build_paper())
    assert [q.lineno for q in paper.questions[:2]] == [2, 6]


def test_a_paper_laid_out_in_one_table_cell_reads_line_by_line() -> None:
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "期末考试试卷"
    boxes = frame.add_table(rows=1, cols=3)  # the score box in the heading's row
    for cell, text in zip(boxes.rows[0].cells, ["得  分", "评阅人", "一、单项选择题"], strict=True):
        cell.text = text
    for text in ["1. 服务的核心是( )", "A. 价格", "B. 客户", "2. 礼仪是( )", "A. 微笑", "B. 争辩"]:
        frame.add_paragraph(text)
    paper = parse_document("frame.docx", to_bytes(document))
    assert [(q.section, q.stem, q.options) for q in paper.questions] == [
        ("一、单项选择题", "服务的核心是( )", ["价格", "客户"]),
        ("一、单项选择题", "礼仪是( )", ["微笑", "争辩"]),
    ]


def test_an_option_set_in_colour_is_the_key() -> None:
    """Word papers mark the key by colouring (or highlighting) the right option; a coloured
    answer in the stem's blank is blanked, and coloured text that is no option stays plain."""
    document = docx.Document()
    document.add_paragraph("一、单项选择题")
    stem = document.add_paragraph("1.投诉处理的第一步是（ ")
    stem.add_run("A").font.color.rgb = RGBColor(0xFF, 0, 0)
    stem.add_run(" ）")
    line = document.add_paragraph()
    for label, text, red in (("A", "致歉", True), ("B", "分析", False)):
        run = line.add_run(f"{label}、{text}    ")
        if red:
            run.font.color.rgb = RGBColor(0xFF, 0, 0)
    document.add_paragraph("2.服务的核心是")
    highlighted = document.add_paragraph()
    highlighted.add_run("A.价格 ")
    highlighted.add_run("B.").font.highlight_color = WD_COLOR_INDEX.YELLOW
    highlighted.add_run("客户").font.highlight_color = WD_COLOR_INDEX.YELLOW
    questions = parse_document("colour.docx", to_bytes(document)).questions
    assert [(q.stem, q.options, q.answer) for q in questions] == [
        ("投诉处理的第一步是( )", ["致歉", "分析"], "A"),
        ("服务的核心是", ["价格", "客户"], "B"),
    ]


def test_the_word_set_in_colour_under_a_statement_is_its_judgement() -> None:
    document = docx.Document()
    document.add_paragraph("三、判断题")
    for n, (statement, red) in enumerate((("服务没有标准。", "错误"), ("客户至上。", "正确")), start=1):
        document.add_paragraph(f"{n}、{statement}")
        verdicts = document.add_paragraph()
        for word in ("正确", "错误"):
            run = verdicts.add_run(word)
            if word == red:
                run.font.color.rgb = RGBColor(0xFF, 0, 0)
    plain = document.add_paragraph("3、回访的结果")
    plain.add_run("正确").font.color.rgb = RGBColor(0xFF, 0, 0)  # (a red word inside a statement)
    plain.add_run("与否都要记录。")
    questions = parse_document("verdicts.docx", to_bytes(document)).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("服务没有标准。", False),
        ("客户至上。", True),
        ("回访的结果正确与否都要记录。", None),
    ]


def test_an_option_set_in_bold_among_plain_ones_is_the_key_all_bold_is_none() -> None:
    document = docx.Document()
    document.add_paragraph("一、单项选择题")
    document.add_paragraph("1.服务的核心是")
    for label, text in (("A", "价格"), ("B", "客户"), ("C", "渠道")):
        document.add_paragraph().add_run(f"{label}.{text}").bold = label == "B"
    document.add_paragraph("2.礼仪的基础是")
    for label, text in (("A", "微笑"), ("B", "争辩")):
        document.add_paragraph().add_run(f"{label}.{text}").bold = True  # a paper setting options bold
    questions = parse_document("bold.docx", to_bytes(document)).questions
    assert [(q.stem, q.options, q.answer) for q in questions] == [
        ("服务的核心是", ["价格", "客户", "渠道"], "B"),
        ("礼仪的基础是", ["微笑", "争辩"], None),
    ]


def test_underlined_spaces_are_blanks_and_underlined_answers_fill_them() -> None:
    """Word's blank is a run of underlined spaces; an answered paper underlines its answer with
    the spaces around it (a choice's letters too). Underlined words alone are emphasis."""
    document = docx.Document()
    document.add_paragraph("一、填空题")
    for n, (before, under, after) in enumerate(
        [("客户满意度的缩写是", "        ", "。"), ("首问负责制由", "  第一位接待者  ", "负责。")], start=1
    ):
        paragraph = document.add_paragraph(f"{n}.{before}")
        paragraph.add_run(under).underline = True
        paragraph.add_run(after)
    document.add_paragraph("二、单项选择题")
    choice = document.add_paragraph("3.下列说法")
    choice.add_run("不正确").underline = True
    choice.add_run("的是：")
    choice.add_run("   B   ").underline = True
    document.add_paragraph("A.服务要及时")
    document.add_paragraph("B.可以与客户争辩")
    questions = parse_document("blanks.docx", to_bytes(document)).questions
    assert [(q.type, q.stem, q.answer) for q in questions] == [
        ("fill", "客户满意度的缩写是____。", None),
        ("fill", "首问负责制由____负责。", ["第一位接待者"]),
        ("single", "下列说法不正确的是:( )", "B"),
    ]


def test_a_paper_printing_its_fills_filled_in_underlines_answers_with_or_without_padding() -> None:
    """A post's bank under no part heading: answers underlined in their statements, most padded
    ("__C6H6__"), some not ("24、<u>环己醇</u>、<u>环己酮</u>对…"); once several lines show the padded
    answers, the bare ones are answers too, while stressed words ("<u>不正确</u>") stay text."""
    document = docx.Document()
    document.add_paragraph("环己酮岗位试题题库")
    rows = [
        ("1、苯的分子式：", "  C6H6  ", "。"),
        ("2、每个反应器有", " 3 ", "组热电偶。"),
        ("3、液位要求控制在：", "  50%-70%  ", "。"),
        ("4、", "环己醇", "对氧化反应有催化作用。"),
    ]
    for before, under, after in rows:
        paragraph = document.add_paragraph(before)
        paragraph.add_run(under).underline = True
        paragraph.add_run(after)
    choice = document.add_paragraph("5、下列说法")
    choice.add_run("不正确").underline = True
    choice.add_run("的是（ ）")
    document.add_paragraph("A.甲")
    document.add_paragraph("B.乙")
    questions = parse_document("bank.docx", to_bytes(document)).questions
    assert [(q.type, q.stem, q.answer) for q in questions] == [
        ("fill", "苯的分子式:____。", ["C6H6"]),
        ("fill", "每个反应器有____组热电偶。", ["3"]),
        ("fill", "液位要求控制在:____。", ["50%-70%"]),
        ("fill", "____对氧化反应有催化作用。", ["环己醇"]),
        ("single", "下列说法不正确的是( )", None),
    ]


def test_a_table_of_questions_with_options_in_the_question_cell_and_a_numbered_fill_key() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    rows = [
        ("题号", "题目", "答案"),
        ("1", "客户是？A.上帝 B.对手", "A"),
        ("2", "服务要？A.拖延 B.及时", "B"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("二、填空题")
    document.add_paragraph("1. 客户是\u3000\u3000\u3000\u3000。")
    document.add_paragraph("2. 服务要\u3000\u3000\u3000\u3000。")
    document.add_paragraph("参考答案：1. 上帝 2. 及时")
    questions = parse_document("p.docx", to_bytes(document)).questions
    assert [(q.type, q.stem, q.options, q.answer) for q in questions] == [
        ("single", "客户是?", ["上帝", "对手"], "A"),
        ("single", "服务要?", ["拖延", "及时"], "B"),
        ("fill", "客户是____。", [], ["上帝"]),
        ("fill", "服务要____。", [], ["及时"]),
    ]


def test_empty_paragraphs_left_in_a_list_number_nothing() -> None:
    """Word shows "1." "2." before empty numbered paragraphs (above a paper's title, say): no
    question starts there, and the title and name blanks under them are no question's stem."""
    document = docx.Document()
    list_id = add_numbering(document)
    for _ in range(2):
        number(document.add_paragraph("\u00a0"), list_id, 0)
    for text in (
        "某某大学 2017学年 第一学期",
        "__大学物理__试卷",
        "班级____ 学号____ 姓名____",
        "一、计算题（5分）",
    ):
        document.add_paragraph(text)
    document.add_paragraph("某同学测得圆筒的外径，求圆筒的转动惯量。")
    document.add_paragraph("二、问答题")
    document.add_paragraph("1. 如何处理客户投诉？")
    paper = parse_document("paper.docx", to_bytes(document))
    assert [(q.number, q.stem) for q in paper.questions] == [
        ("", "某同学测得圆筒的外径,求圆筒的转动惯量。"),
        ("1", "如何处理客户投诉?"),
    ]


def test_word_numbers_ending_in_a_comma_stay_apart_from_a_stem_that_opens_with_a_digit() -> None:
    # Word shows "45，" before "4个下行传输信道…": question 45, never a number "45,4" run into it
    document = docx.Document()
    list_id = add_numbering(document, [("decimal", "%1，")])
    for stem in ("LTE物理层的功能（12个）", "4个下行传输信道和2个上行传输信道", "5G移动网络业务（3类）"):
        number(document.add_paragraph(stem), list_id, 0)
    questions = parse_document("bank.docx", to_bytes(document)).questions
    assert [(q.number, q.stem) for q in questions] == [
        ("1", "LTE物理层的功能(12个)"),
        ("2", "4个下行传输信道和2个上行传输信道"),
        ("3", "5G移动网络业务(3类)"),
    ]
