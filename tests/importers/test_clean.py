"""CLEAN stage on tiny inputs."""

from __future__ import annotations

from importers.pipeline.clean import _opens_line, clean_lines, fold, is_furniture, join_page_fragments
from importers.pipeline.model import Line


def lines(*texts: str) -> list[Line]:
    return [Line(text=t, lineno=i) for i, t in enumerate(texts, 1)]


def test_fold_width_kangxi_and_pinyin() -> None:
    assert fold("１．客户服務(wù)⼀致？") == "1.客户服務一致?"


def test_fold_keeps_latin_parentheses_and_circled_labels() -> None:
    assert fold("客户关系管理(CRM) ①甲 ②乙") == "客户关系管理(CRM) ①甲 ②乙"


def test_markdown_prefixes_removed() -> None:
    assert [ln.text for ln in clean_lines(lines("## 一、单选题", "- A. 甲", "> 注"))] == [
        "一、单选题",
        "A. 甲",
        "注",
    ]


def test_symbol_font_bullets_dropped_but_a_symbol_font_operand_kept() -> None:
    # Wingdings' "➢" and "✓" bullets come out of a PDF as U+F0D8 and U+F0FC, a space after them;
    # U+F0D8 is also the Symbol font's "¬", written against its operand.
    assert [fold(t) for t in ("\uf0d8 基本过程", "\uf0fc\t具备更多功能", "\uf0d8p \uf0da q")] == [
        "基本过程",
        "具备更多功能",
        "\uf0d8p \uf0da q",
    ]


def test_page_furniture_dropped_and_line_numbers_kept() -> None:
    out = clean_lines(
        lines("试题及答案_第1页", "第1页 / 共20页", "下载本文档", "1. 甲?", "已閱讀5頁,還剩7頁未讀")
    )
    assert [(ln.lineno, ln.text) for ln in out] == [(4, "1. 甲?")]


def test_line_start_rules_are_told_from_rules_that_match_anywhere() -> None:
    assert _opens_line(r"^第\s*\d+页$") and _opens_line(r"^上传人|^文档编号")
    assert not _opens_line(r"^返回|举报$")  # one alternative may match anywhere
    assert not _opens_line(r"本站|文库")
    assert _opens_line(r"^(?:a|b)") and _opens_line(r"^[|(]x|^y")  # "|" inside a group or a class
    assert not _opens_line(r"^[\]|]|x") and not _opens_line(r"^\(|x")  # escaped "]" and "("


def test_furniture_found_wherever_its_rule_allows() -> None:
    assert is_furniture("请点击查看更多内容") and is_furniture("…举报")
    assert is_furniture("第1页 / 共20页") and not is_furniture("1. 第1页的内容是什么?")
    assert is_furniture("蔚蓝档案 第5页（共7页）")  # a footer typed into a Word paper's body


def test_page_fragments_rejoined() -> None:
    body = "某" * 160
    out = join_page_fragments(lines(f"1、{body}问题:1、什么是方", f"2、案?{body}", f"3、{body}"))
    assert len(out) == 1 and "什么是方案?" in out[0].text and out[0].lineno == 1


def test_short_numbered_lines_are_not_page_fragments() -> None:
    src = lines("1、甲是什么?", "2、乙是什么?", "3、丙是什么?")
    assert join_page_fragments(src) == src


def test_text_printed_vertically_in_the_binding_margin_is_furniture() -> None:
    # "装订线内不要答题" as a PDF's text layer reads it: one character a line, mid-question.
    margin = list("装订线内不要答题")
    furniture: list[Line] = []
    out = clean_lines(lines("5. 客户是?", "A. 上帝", *margin, "B. 对手"), furniture)
    assert [ln.text for ln in out] == ["5. 客户是?", "A. 上帝", "B. 对手"]
    assert "".join(ln.text for ln in furniture) == "装订线内不要答题"
    # A key printed one mark or letter a line is kept.
    key = ["对", "错", "对", "对", "错", "A", "B", "C"]
    assert [ln.text for ln in clean_lines(lines("参考答案", *key))] == ["参考答案", *key]


def test_a_programs_lines_repeated_in_every_answer_are_not_running_headers() -> None:
    """ "#include <GL/glut.h>" and "void Paint()" open every answer of a graphics course's key:
    they repeat page after page, but they are program text, not a header; a short title repeated
    the same way is."""
    body: list[str] = []
    for n in range(1, 5):
        body += [
            f"{n}、请编写第{n}个程序。",
            "答：",
            "#include <GL/glut.h>",
            "void Paint()",
            "{  glFlush();",
            "}",
        ]
        body += ["计算机图形学习题"] + [f"第{n}题的说明文字" for _ in range(6)]
    furniture: list[Line] = []
    out = [ln.text for ln in clean_lines(lines(*body), furniture)]
    assert out.count("#include <GL/glut.h>") == 4 and out.count("void Paint()") == 4
    assert {ln.text for ln in furniture} == {"计算机图形学习题"}


def test_a_running_header_carrying_its_page_number_is_furniture() -> None:
    """A bank cut from a book prints its title with the page's number on odd pages and the
    subject's on even ones ("丙級學科測試題目 39", "40 烘焙食品", "丙級學科測試題目 41"): no two of
    those lines are the same text, but the same words beside a rising number, far apart, are a
    running header. Numbered items with words of their own are not."""
    body: list[str] = []
    for page in range(39, 45):
        header = f"丙級學科測試題目 {page}" if page % 2 else f"{page} 烘焙食品"
        body += [header] + [
            f"（③） {page * 10 + k}. 第{page}頁的第{k}題？ ①甲 ②乙 ③丙 ④丁。" for k in range(8)
        ]
    body += ["5 烘焙食品的保存", "6 烘焙食品的保存方法"]  # the words differ: items, not a header
    furniture: list[Line] = []
    out = [ln.text for ln in clean_lines(lines(*body), furniture)]
    assert {ln.text for ln in furniture} == {f"丙級學科測試題目 {p}" for p in (39, 41, 43)} | {
        f"{p} 烘焙食品" for p in (40, 42, 44)
    }
    assert out[-2:] == ["5 烘焙食品的保存", "6 烘焙食品的保存方法"]
    # parts numbered the same way are headings, never a header
    parts: list[str] = []
    for n in range(1, 4):
        parts += [f"Chapter {n}"] + [f"{n}.{k} 第{n}章的第{k}题？" for k in range(9)]
    assert [ln.text for ln in clean_lines(lines(*parts))].count("Chapter 2") == 1


def test_a_prompt_every_question_repeats_is_not_a_running_header() -> None:
    """ "The output of //1 is: (1%)" under each program of a paper's fill part: a blank's prompt,
    ending on its colon (a page's header never does)."""
    body: list[str] = []
    for n in range(1, 5):
        body += [f"{n}. The code prints a line.", "The output of //1 is: (1%)"]
        body += ["Java 期末试卷"] + [f"line {n}.{k} of its program" for k in range(6)]
    out = [ln.text for ln in clean_lines(lines(*body), [])]
    assert out.count("The output of //1 is: (1%)") == 4 and "Java 期末试卷" not in out


def test_a_table_of_contents_is_furniture_not_questions() -> None:
    # a guide's "目錄" over "頁數" and entries ending in their pages: navigation, never read
    lines = [
        Line(text=t, lineno=i)
        for i, t in enumerate(
            [
                "目錄",
                "頁數",
                "(1)簡介2",
                "(2)考試基本要求及評核準則2",
                "(3)模擬試題4",
                "(4)試場規則7",
                "簡介",
            ],
            1,
        )
    ]
    furniture: list[Line] = []
    kept = clean_lines(lines, furniture)
    assert [line.text for line in kept] == ["簡介"]
    assert len(furniture) == 6


def test_numbered_lines_ending_in_numbers_under_no_contents_title_stay() -> None:
    # "目录" is a word of the question above, and the numbers below fall: no table of contents
    lines = [
        Line(text=t, lineno=i)
        for i, t in enumerate(["1.Linux的根目录是", "目录", "2.页面大小为8", "3.块大小为4"], 1)
    ]
    assert [line.text for line in clean_lines(lines)] == [
        "1.Linux的根目录是",
        "目录",
        "2.页面大小为8",
        "3.块大小为4",
    ]
