"""Read stage: bytes of a paper → numbered lines (text encodings, .docx, refusals)."""

from __future__ import annotations

import codecs
import io
import random
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from importers.pipeline import parse_document
from importers.pipeline import read as read_module
from importers.pipeline import read_docx as read_docx_module
from importers.pipeline.model import Image, Line, PaperError
from importers.pipeline.read import read_lines
from importers.pipeline.read_docx import format_number
from importers.pipeline.read_text import decode_text
from tests.importers.docx_factory import (
    add_list_style,
    add_numbering,
    number,
    restart_list,
    tiny_png,
    to_bytes,
)
from tests.importers.word97 import BOLD, RED, RGB_BLUE, UNDERLINE, symbol, word97

PAPER = (
    "一、单项选择题(每题2分)\n"
    "1.客户关系管理的核心是(  )\n"
    "A.提高客户满意度 B.降低成本\n"
    "\n"
    "答案:A  解析:见教材第3章㐀\n"  # 㐀 (CJK Ext. A) exists in GB18030 but not in GBK
)
PAPER_LINES = PAPER.splitlines()
GBK_PAPER = PAPER.replace("㐀", "")


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def refusal(filename: str, data: bytes) -> str:
    """The message of the PaperError reading `data` raises; it must start with the file name."""
    with pytest.raises(PaperError) as caught:
        read_lines(filename, data)
    assert caught.value.filename == filename
    assert str(caught.value).startswith(f"{filename}: ")
    return caught.value.reason


# --------------------------------------------------------------------------- text encodings


@pytest.mark.parametrize(
    ("label", "data", "expected"),
    [
        ("utf-8", PAPER.encode("utf-8"), PAPER_LINES),
        ("utf-8 BOM", codecs.BOM_UTF8 + PAPER.encode("utf-8"), PAPER_LINES),
        ("gb18030", PAPER.encode("gb18030"), PAPER_LINES),
        ("gbk", GBK_PAPER.encode("gbk"), GBK_PAPER.splitlines()),
        ("utf-16 le BOM", codecs.BOM_UTF16_LE + PAPER.encode("utf-16-le"), PAPER_LINES),
        ("utf-16 be BOM", codecs.BOM_UTF16_BE + PAPER.encode("utf-16-be"), PAPER_LINES),
        ("utf-16 le no BOM", PAPER.encode("utf-16-le"), PAPER_LINES),
        ("utf-16 be no BOM", PAPER.encode("utf-16-be"), PAPER_LINES),
        ("utf-32 le BOM", codecs.BOM_UTF32_LE + PAPER.encode("utf-32-le"), PAPER_LINES),
    ],
)
def test_encodings_round_trip(label: str, data: bytes, expected: list[str]) -> None:
    lines = read_lines("paper.txt", data)
    assert texts(lines) == expected, label
    assert [line.lineno for line in lines] == list(range(1, len(expected) + 1))


TRADITIONAL_PAPER = (
    "一、單選題\n1.金融從業人員從事保險招攬行為，下列那一項是錯的？\n"
    "(1)解釋保險商品內容及保單條款(2)說明填寫要保書注意事項(3)經所屬公司授權從事保險招攬行為\n答案：3\n"
)


def test_a_big5_paper_is_read_as_big5_not_as_gbk() -> None:
    # Big5 bytes decode as GBK without an error, into kana and bopomofo: Taiwan's banks are Big5
    data = TRADITIONAL_PAPER.encode("cp950")
    assert texts(read_lines("paper.txt", data)) == TRADITIONAL_PAPER.splitlines()
    simplified = "金融从业人员从事保险招揽行为，下列哪一项是错的？解释保险商品内容及保单条款\n" * 3
    assert decode_text(simplified.encode("gbk")) == simplified  # (GBK stays GBK)


def test_gb18030_file_with_windows_newlines() -> None:
    data = PAPER.replace("\n", "\r\n").encode("gb18030")
    assert texts(read_lines("paper.txt", data)) == PAPER_LINES


def test_newlines_and_line_numbers() -> None:
    data = "第一行\r\n第二行\r第三行\n\n第五行\u2028同一行续\r\n".encode()
    lines = read_lines("paper.txt", data)
    assert [(line.lineno, line.text) for line in lines] == [
        (1, "第一行"),
        (2, "第二行"),
        (3, "第三行"),
        (4, ""),  # blank lines are kept: the parser may use them as separators
        (5, "第五行"),
        (5, "同一行续"),  # U+2028 splits, but the source line number (as grep counts) stays
    ]


def test_no_other_cleaning() -> None:
    data = "  1.\u3000题目\t（全角）  \n".encode()
    assert texts(read_lines("paper.txt", data)) == ["1.\u3000题目\t（全角）  "]


def test_only_the_indentation_all_lines_share_is_dropped() -> None:
    data = "\u3000\u30001.题目\n\n\u3000\u3000\t答案\n".encode()
    assert texts(read_lines("paper.txt", data)) == ["1.题目", "", "\t答案"]


def test_stray_boms_at_line_edges_are_stripped() -> None:
    data = "\ufeff1.第一题\n\ufeff2.第二题\ufeff\n".encode()
    assert texts(read_lines("joined.txt", data)) == ["1.第一题", "2.第二题"]


def test_markdown_is_read_as_markdown_with_its_line_numbers() -> None:
    data = "# 第一章\n\n**1.** 客户关系管理的核心是\n- A. 提高满意度\n\n```\nB\n```\n".encode()
    lines = read_lines("paper.md", data)
    assert [(line.lineno, line.text) for line in lines] == [
        (1, "第一章"),
        (3, "**1.** 客户关系管理的核心是"),
        (4, "A. 提高满意度"),
        (7, "B"),
    ]


def test_markdown_html_blocks_read_as_the_page_shows_them() -> None:
    data = (
        "1. 简述数据流图。\n\n"
        '<center>\n    <img style="border-radius: 0.3em;\n'
        '    box-shadow: 0 2px;"\n    src="images/1-1.jpg">\n'
        '    <div style="color: #999;">图1-1</div>\n</center>\n\n'
        '<div style="display: inline;">\n<h4>参考答案</h4>\n<p>\n'
        "<table><tr><td>实体</td><td>名称</td></tr><tr><td>E1</td><td>传感器</td></tr></table>\n</p>\n</div>\n"
    ).encode()
    lines = read_lines("case.md", data)
    assert [(line.lineno, line.text, line.heading) for line in lines] == [
        (1, "1. 简述数据流图。", 0),
        (4, "![](images/1-1.jpg)", 0),  # (the picture, where its tag opened, as Markdown writes one)
        (7, "图1-1", 0),
        (11, "参考答案", 4),
        (13, "实体 名称; E1 传感器", 0),  # (a table's text in one block: no line of it reads as a question)
    ]


@pytest.mark.parametrize("marker", ["- ", "> ", "1. "])
def test_markdown_nested_ten_thousand_levels_is_read_as_text_and_refused_or_flagged(marker: str) -> None:
    data = (marker * 10_000 + "层\n").encode()
    assert len(read_lines("deep.md", data)) == 1  # past the nesting limit it is read as plain text
    try:
        paper = parse_document("deep.md", data)
    except PaperError as error:  # one line of text is no paper…
        assert str(error) == "deep.md: no recognisable question found"
    else:  # …unless it is numbered: then what it reads waits for a reviewer
        assert paper.questions and all(q.warnings for q in paper.questions)


def test_utf8_with_one_broken_byte_is_not_read_as_gb18030() -> None:
    # A scrape cut mid-character would otherwise decode "successfully" as GB18030 mojibake.
    data = (PAPER * 3).encode("utf-8") + "答".encode()[:2]
    text = decode_text(data)
    assert text.startswith(PAPER)
    assert text.endswith("\ufffd")


def test_encoding_nobody_can_tell(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    class NoMatch:
        def best(self) -> None:
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: NoMatch())
    # Not UTF-8, not GB18030 (0xFF is never valid there), no NULs.
    assert "cannot tell the text encoding" in refusal("odd.txt", b"1. caf\xe9 \xff\xfe\xff\n")


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("data", [b"", b" \r\n\t \n", codecs.BOM_UTF8 + b"  \n", "\u3000\n".encode("utf-16")])
def test_empty_files(data: bytes) -> None:
    assert refusal("empty.txt", data) == "the file is empty"


def test_a_damaged_pdf_named_txt_is_read_as_a_pdf_and_refused_as_damaged() -> None:
    # The content decides the format, never the name: this is a (truncated) PDF.
    assert "not a readable PDF" in refusal("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")


def test_a_word_97_document_is_read_paragraph_by_paragraph() -> None:
    """A .doc (Word 97–2003) is read, not refused: its pieces in order (UTF-16 or cp1252), a table
    row a line of cells, a field as the text it shows, a manual break a line; pictures' marks,
    footnotes and other text after the main document are no lines."""
    doc = word97(
        [
            ("一、单选题\r1、客户投诉时首先应（　）\x01\rA．倾听\x0bB．争辩\r", False),
            ("Answer: A\r", True),  # a piece Word stored one byte a character
            ('题号\x07答案\x07\x07\x13 HYPERLINK "http://x" \x14参考答案\x15见上\x13 PAGE \x15\r', False),
            ("脚注的文字\r", False),  # after the main document: a footnote's text
        ],
        main_chars=len("一、单选题\r1、客户投诉时首先应（　）\x01\rA．倾听\x0bB．争辩\rAnswer: A\r")
        + len('题号\x07答案\x07\x07\x13 HYPERLINK "http://x" \x14参考答案\x15见上\x13 PAGE \x15\r'),
    )
    assert [line.text for line in read_lines("paper.doc", doc)] == [
        "一、单选题",
        "1、客户投诉时首先应（　）",
        "A．倾听",
        "B．争辩",
        "Answer: A",
        "题号\t答案",
        "参考答案见上",
        "",
    ]
    (question,) = parse_document("paper.doc", doc).questions
    assert (question.stem, question.options, question.answer) == (
        "客户投诉时首先应( )",
        ["倾听", "争辩"],
        "A",
    )


def test_a_word_97_documents_list_numbers_are_read_as_word_shows_them() -> None:
    """Numbers from Word's numbering button are formatting, not text: each list paragraph gets the
    number its list and level give it ("1." then "A." under it), counting on across the list, and
    an override that restarts the list starts again at 1."""
    text = "一、选择题\r客户是谁？\r上帝\r对手\r投诉应？\r倾听\r二、判断题\r重新开始\r\r"
    doc = word97([(text, False)], lists=[None, (1, 0), (1, 1), (1, 1), (1, 0), (1, 1), None, (2, 0), None])
    assert [line.text for line in read_lines("paper.doc", doc)] == [
        "一、选择题",
        "1.客户是谁？",
        "A.上帝",
        "B.对手",
        "2.投诉应？",
        "A.倾听",
        "二、判断题",
        "1.重新开始",
        "",
        "",
    ]


def test_a_word_97_documents_coloured_option_keys_it_and_underlined_words_fill_its_blanks() -> None:
    """As in a .docx: an option in red (Word's colours or any other), highlighted or bold is the
    key, a red word in a stem is only emphasis, and words underlined with spaces round them in a
    blank are the blank filled in."""
    text = (
        "1、客户投诉时首先应（　）\rA．争辩\rB．倾听\r"
        "2、服务的核心是（　）\rA．价格\rB．客户\r"
        "3、处理投诉应当 及时 ，不得拖延。\r"
    )
    red_at, blue_at = text.index("B．倾听"), text.index("B．客户")
    red_word, filled = text.index("价格"), text.index(" 及时 ")
    runs = [
        (0, b""),
        (red_at, RED),
        (red_at + len("B．倾听"), b""),
        (red_word, RED),  # a red word in an option that is not all red: no key
        (red_word + 1, b""),
        (blue_at, RGB_BLUE),
        (blue_at + len("B．客户"), b""),
        (filled, UNDERLINE),
        (filled + len(" 及时 "), b""),
    ]
    questions = parse_document("paper.doc", word97([(text, False)], runs=runs)).questions
    assert [(q.type, q.options, q.answer) for q in questions] == [
        ("single", ["争辩", "倾听"], "B"),
        ("single", ["价格", "客户"], "B"),
        ("fill", [], ["及时"]),
    ]
    plain = word97([(text, False)], runs=[(0, BOLD)])  # every run bold: no key
    assert [q.answer for q in parse_document("paper.doc", plain).questions][:2] == [None, None]


def test_symbols_inserted_from_the_symbol_font_read_as_the_signs_they_show() -> None:
    """Insert → Symbol stores "ω" as the Symbol font's code (0x77, or 0xF077): read as the sign
    the font draws, in a .doc (a "(" in the text, the code in its run's properties) and in a
    .docx (w:sym); another symbol font's code (Wingdings' ticks) stays as it is."""
    text = "若角速度为(，质量为9.11(10-31kg，则(\r"
    first, second, third = (n for n, ch in enumerate(text) if ch == "(")
    runs = [
        (0, b""),
        (first, symbol(1, 0xF077)),
        (first + 1, b""),
        (second, symbol(1, 0xB4)),
        (second + 1, b""),
        (third, symbol(2, 0xF0FC)),
        (third + 1, b""),
    ]
    doc = word97([(text, False)], runs=runs, fonts=["Times New Roman", "Symbol", "Wingdings"])
    assert read_lines("paper.doc", doc)[0].text == "若角速度为ω，质量为9.11×10-31kg，则\uf0fc"
    document = docx.Document()
    paragraph = document.add_paragraph("若角速度为")
    for font, char in (("Symbol", "F077"), ("Wingdings", "F0FC")):
        run = paragraph.add_run()
        run._r.append(parse_xml(f'<w:sym {nsdecls("w")} w:font="{font}" w:char="{char}"/>'))
    assert read_lines("paper.docx", to_bytes(document))[0].text == "若角速度为ω\uf0fc"


def test_a_word_97_document_with_bytes_flipped_is_read_or_refused_never_a_crash() -> None:
    rng = random.Random(5)
    text = "".join(f"{n}、客户投诉时首先应？\rA．倾听\rB．争辩\r" for n in range(1, 5))
    intact = word97(
        [(text, False)],
        lists=[(1, 0)] * text.count("\r"),
        runs=[(0, RED), (3, symbol(0, 0xF077)), (4, UNDERLINE)],
        fonts=["Symbol"],
    )
    outcomes = set()
    for _ in range(150):
        data = bytearray(intact)
        for _ in range(rng.choice([1, 10, 100])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            read_lines("fuzz.doc", bytes(data))
            outcomes.add("read")
        except PaperError as refused:  # (a message naming the file; anything else fails the test)
            outcomes.add(refused.reason.split(":")[0])
    assert "read" in outcomes and "the old Word .doc file is damaged or not a Word document" in outcomes


def test_a_word_97_document_that_cannot_be_read_says_why() -> None:
    protected = word97([("1、题目\r", False)], flags=0x0200 | 0x0100)
    assert "password-protected" in refusal("paper.doc", protected)
    no_piece_table = word97([("1、题目\r", False)]).replace(b"\x02", b"\x03", 1)
    assert "damaged" in refusal("paper.doc", no_piece_table)
    truncated = word97([("1、题目\r", False)])[:1500]
    assert "damaged" in refusal("paper.doc", truncated)


def test_password_protected_docx_is_named() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le")
    assert "password-protected" in refusal("paper.docx", data)


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return out.getvalue()


def test_random_zip_named_docx() -> None:
    data = _zip({"notes.txt": b"hello", "img/a.png": tiny_png()})
    assert refusal("paper.docx", data) == "not a readable Word document: word/document.xml is missing"
    assert refusal("paper.zip", data) == "is a zip archive, not a Word or text file"


def test_truncated_docx() -> None:
    data = to_bytes(docx.Document())
    assert refusal("paper.docx", data[: len(data) // 2]).startswith("not a readable Word document: ")


def test_docx_with_garbage_document_xml() -> None:
    data = _zip({"word/document.xml": b"<not-xml", "[Content_Types].xml": b"<Types/>"})
    assert refusal("paper.docx", data).startswith("not a readable Word document: ")


def test_xlsx() -> None:
    data = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    reason = refusal("questions.xlsx", data)
    assert "spreadsheet" in reason
    assert "template" in reason


def test_zip_bomb_by_ratio_is_refused_before_python_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    def must_not_open(filename: str, data: bytes) -> list[Line]:
        raise AssertionError("python-docx was reached")

    monkeypatch.setattr(read_module, "read_docx", must_not_open)
    # 20 MB of zeros deflates to ~20 KB: a 1000x ratio on a member above the 10 MB threshold.
    data = _zip({"word/document.xml": b"<w/>", "word/media/zeros.bin": bytes(20 * 2**20)})
    assert len(data) < 2**20
    assert "compressed suspiciously well" in refusal("bomb.docx", data)


def test_zip_bomb_by_total_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_docx_module, "MAX_UNCOMPRESSED", 2**20)
    data = _zip({"word/document.xml": b"<w/>", "word/media/big.bin": random.Random(1).randbytes(2 * 2**20)})
    assert "would unpack to 2 MB (limit 1 MB)" in refusal("big.docx", data)


def test_random_binary() -> None:
    data = random.Random(42).randbytes(4096)
    assert refusal("noise.txt", data) == "is binary data, not a Word or text file"


def test_binary_without_nul_in_head_is_refused_after_decoding() -> None:
    data = bytes(range(1, 32)) * 50  # control characters only: decodes as UTF-8, still binary
    assert refusal("ctrl.txt", data) == "is binary data, not a Word or text file"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (tiny_png(), "is a PNG image"),
        (b"{\\rtf1\\ansi 1.\\par}", "is an RTF file"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "is a JPEG image"),
    ],
)
def test_other_known_formats_are_named(data: bytes, expected: str) -> None:
    assert refusal("paper.docx", data).startswith(expected)


# --------------------------------------------------------------------------- .docx


def test_docx_paragraphs_numbered_by_block() -> None:
    document = docx.Document()
    document.add_paragraph("一、单项选择题")
    document.add_paragraph("")
    document.add_paragraph("1.客户关系管理的核心是")
    lines = read_lines("paper.docx", to_bytes(document))
    assert [(line.lineno, line.text) for line in lines] == [
        (1, "一、单项选择题"),
        (2, ""),
        (3, "1.客户关系管理的核心是"),
    ]


def test_docx_detected_by_content_not_extension() -> None:
    document = docx.Document()
    document.add_paragraph("1.题目")
    assert texts(read_lines("misnamed.txt", to_bytes(document))) == ["1.题目"]


def test_docx_line_break_splits_with_same_lineno() -> None:
    document = docx.Document()
    document.add_paragraph("标题")
    paragraph = document.add_paragraph("1.题目")
    paragraph.runs[0].add_break()
    paragraph.add_run("A.选项一\tB.选项二")
    lines = read_lines("paper.docx", to_bytes(document))
    assert [(line.lineno, line.text) for line in lines] == [
        (1, "标题"),
        (2, "1.题目"),
        (2, "A.选项一\tB.选项二"),
    ]


def test_docx_table_rows_are_tab_joined_lines() -> None:
    document = docx.Document()
    document.add_paragraph("题目前")
    table = document.add_table(rows=2, cols=3)
    for col, text in enumerate(["题号", "答案", "解析"]):
        table.cell(0, col).text = text
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "A"
    table.cell(1, 2).text = "第一段"
    table.cell(1, 2).add_paragraph("第二段")
    document.add_paragraph("题目后")
    lines = read_lines("paper.docx", to_bytes(document))
    assert [(line.lineno, line.text) for line in lines] == [
        (1, "题目前"),
        (2, "题号\t答案\t解析"),  # a table is one body block: its rows share its number
        (2, "1\tA\t第一段 第二段"),
        (3, "题目后"),
    ]


def test_docx_inline_image_attached_to_its_line() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("1.如图所示,")
    paragraph.add_run().add_picture(io.BytesIO(tiny_png()))
    document.add_paragraph("A.甲")
    lines = read_lines("paper.docx", to_bytes(document))
    assert texts(lines) == ["1.如图所示,", "A.甲"]
    (image,) = lines[0].images
    assert image == Image(name="image1.png", content_type="image/png", data=tiny_png())
    assert lines[1].images == []


def test_docx_image_after_a_break_goes_with_the_line_it_is_on() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("1.题目")
    paragraph.runs[0].add_break()
    paragraph.add_run("2.看图:").add_picture(io.BytesIO(tiny_png()))
    lines = read_lines("paper.docx", to_bytes(document))
    assert [(line.text, len(line.images)) for line in lines] == [("1.题目", 0), ("2.看图:", 1)]


def test_docx_image_in_table_cell_goes_with_the_row() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "A"
    table.cell(0, 1).paragraphs[0].add_run().add_picture(io.BytesIO(tiny_png()))
    (line,) = read_lines("paper.docx", to_bytes(document))
    assert line.text == "A\t"
    assert len(line.images) == 1


def test_docx_tracked_changes_show_the_current_text() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("1.答案是")
    paragraph._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="x"><w:r><w:t>新增</w:t></w:r></w:ins>')
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="x"><w:r><w:delText>删除</w:delText></w:r></w:del>'
        )
    )
    assert texts(read_lines("paper.docx", to_bytes(document))) == ["1.答案是新增"]


# --------------------------------------------------------------------------- Word list numbering


def _numbered_paper() -> bytes:
    document = docx.Document()
    num_id = add_numbering(document)  # level 0 decimal "%1.", level 1 upperLetter "%2."
    document.add_paragraph("一、单项选择题")
    for stem in ("客户关系管理的核心是", "投诉处理的首要原则是"):
        number(document.add_paragraph(stem), num_id, 0)
        for option in ("提高客户满意度", "降低成本", "扩大规模"):
            number(document.add_paragraph(option), num_id, 1)
        document.add_paragraph("答案:A")
    return to_bytes(document)


def test_auto_numbered_questions_and_options() -> None:
    assert texts(read_lines("paper.docx", _numbered_paper())) == [
        "一、单项选择题",
        "1.客户关系管理的核心是",
        "A.提高客户满意度",
        "B.降低成本",
        "C.扩大规模",
        "答案:A",
        "2.投诉处理的首要原则是",
        "A.提高客户满意度",  # level 1 restarts when level 0 advances
        "B.降低成本",
        "C.扩大规模",
        "答案:A",
    ]


def test_numbering_through_paragraph_style_and_chinese_formats() -> None:
    document = docx.Document()
    sections = add_numbering(document, levels=[("chineseCounting", "%1、")])
    circled = add_numbering(document, levels=[("decimalEnclosedCircle", "%1")])
    style = add_list_style(document, "大题", sections)
    document.add_paragraph("单项选择题", style=style)
    number(document.add_paragraph("第一项"), circled)
    number(document.add_paragraph("第二项"), circled)
    document.add_paragraph("判断题", style=style)
    assert texts(read_lines("paper.docx", to_bytes(document))) == [
        "一、单项选择题",
        "①第一项",
        "②第二项",
        "二、判断题",
    ]


def test_restart_numbering_with_start_override() -> None:
    document = docx.Document()
    num_id = add_numbering(document, levels=[("decimal", "(%1)")])
    number(document.add_paragraph("甲"), num_id)
    number(document.add_paragraph("乙"), num_id)
    restarted = restart_list(document, num_id, ilvl=0, start=1)
    number(document.add_paragraph("丙"), restarted)
    number(document.add_paragraph("丁"), restarted)
    assert texts(read_lines("paper.docx", to_bytes(document))) == ["(1)甲", "(2)乙", "(1)丙", "(2)丁"]


def test_start_value_and_multi_level_text() -> None:
    document = docx.Document()
    num_id = add_numbering(document, levels=[("decimal", "%1."), ("decimal", "%1.%2")], starts=[5, 1])
    number(document.add_paragraph("题"), num_id, 0)
    number(document.add_paragraph("小题"), num_id, 1)
    number(document.add_paragraph("小题"), num_id, 1)
    # "%1.%2" ends in a digit: a space keeps it from merging with a following digit
    number(document.add_paragraph("3个"), num_id, 1)
    assert texts(read_lines("paper.docx", to_bytes(document))) == ["5.题", "5.1小题", "5.2小题", "5.3 3个"]


@pytest.mark.parametrize(
    ("fmt", "values", "expected"),
    [
        ("decimal", [1, 12], ["1", "12"]),
        ("upperLetter", [1, 4, 26, 27], ["A", "D", "Z", "AA"]),
        ("lowerLetter", [2], ["b"]),
        ("upperRoman", [4, 9, 14], ["IV", "IX", "XIV"]),
        ("chineseCounting", [1, 10, 11, 20, 23, 105], ["一", "十", "十一", "二十", "二十三", "一百零五"]),
        ("chineseCountingThousand", [3], ["三"]),
        ("ideographTraditional", [1, 2, 10], ["甲", "乙", "癸"]),
        ("decimalEnclosedCircle", [1, 3, 20, 21], ["①", "③", "⑳", "㉑"]),
        ("decimalEnclosedParen", [2], ["⑵"]),
        ("chineseLegalSimplified", [12], ["壹拾贰"]),
        ("someFutureFormat", [7], ["7"]),
    ],
)
def test_format_number(fmt: str, values: list[int], expected: list[str]) -> None:
    assert [format_number(value, fmt) for value in values] == expected


def test_a_line_of_millions_of_characters_is_refused_naming_the_line() -> None:
    data = "1. 甲?\n".encode() + ("客户服务" * 300_000).encode() + b"\n"
    assert refusal("one-line.txt", data) == "line 2 is 1,200,000 characters long: not the text of a paper"


SAVED_PAGE = """<html><head><meta charset="gbk"><title>作业详情</title>
<style>.q{color:red}</style><script>var s = "9.不是题目?";</script></head><body>
<div class="nav">返回</div><h2>一. 单选题（共2题，2.0分）</h2>
<div><h3>1. (单选题, 1.0 分) 客户关系管理的核心是?</h3>
<ul><li>A. 产品</li><li>B. 客户</li></ul>
<div>我的答案: <span>A</span></div><div>正确答案: <span>B</span></div>
<div style="display: none">8. 页面藏起来的题?</div></div>
<div><h3>2. (单选题, 1.0 分) 以下哪项&lt;不是&gt;渠道?</h3>
<ul><li>A. 电话</li><li>B. 邮件</li></ul><div>正确答案: <span>A</span></div></div>
<table><tr><td>3.</td><td>表格里的题：客户是谁?</td></tr></table>
<pre>int main() {
    return 0;
}</pre></body></html>"""


def test_a_saved_web_page_is_read_as_the_browser_shows_it() -> None:
    # A platform's exam page saved from the browser: one line a block, headings kept, a table
    # row's cells apart by a tab, <pre> keeping its breaks; scripts, styles and hidden parts gone.
    lines = read_lines("作业详情.html", SAVED_PAGE.encode("gbk"))
    assert [(line.text, line.heading) for line in lines] == [
        ("返回", 0),
        ("一. 单选题（共2题，2.0分）", 2),
        ("1. (单选题, 1.0 分) 客户关系管理的核心是?", 3),
        ("A. 产品", 0),
        ("B. 客户", 0),
        ("我的答案: A", 0),
        ("正确答案: B", 0),
        ("2. (单选题, 1.0 分) 以下哪项<不是>渠道?", 3),
        ("A. 电话", 0),
        ("B. 邮件", 0),
        ("正确答案: A", 0),
        ("3.\t表格里的题：客户是谁?", 0),
        ("int main() {", 0),
        ("    return 0;", 0),
        ("}", 0),
    ]
    questions = parse_document("作业详情.htm", SAVED_PAGE.encode("gbk")).questions
    assert [(q.number, q.options, q.answer) for q in questions[:2]] == [
        ("1", ["产品", "客户"], "B"),
        ("2", ["电话", "邮件"], "A"),
    ]


# An exam page as PTA (拼题A) saves it: numbers "1-1" in their own cell, the options radio buttons
# and checkboxes with no printed label, formulas by KaTeX (a MathML copy beside the one shown),
# and a programming problem last whose "Sample Input:" headings belong to that one problem.
EXAM_PAGE = """<html><body><div>判断题</div>
<div><div>1-1</div><div><p>Heap sort is stable. <span>(2分)</span></p>
<label><input type="radio" name="q1">T</label> <label><input type="radio" name="q1">F</label></div></div>
<div><div>1-2</div><div><p>Binary search on <span class="katex"><span class="katex-mathml"><math><mi>N</mi>
<annotation>N</annotation></math></span><span class="katex-html">N</span></span> numbers takes log time.</p>
<label><input type="radio" name="q2">T</label> <label><input type="radio" name="q2">F</label></div></div>
<div>单选题</div>
<div><div>2-1</div><div><p>Which sort is stable?</p><ol>
<li><label><input type="radio" name="q3"> merge sort</label></li>
<li><label><input type="radio" name="q3"> heap sort</label></li></ol></div></div>
<div>多选题</div>
<div><div>3-1</div><div><p>Which structures are linear?</p>
<label><input type="checkbox" name="q4">stack</label><label><input type="checkbox" name="q4">tree</label>
<label><input type="checkbox" name="q4">queue</label></div></div>
<div>编程题</div><div><div>4-1</div><div><p>Write a program to sort N numbers.</p>
<h3>Input Specification:</h3><p>N, then the numbers.</p><h3>Sample Input:</h3><pre>3
2 1 3</pre><h3>Sample Output:</h3><pre>1 2 3</pre></div></div>
</body></html>"""


def test_an_exam_pages_radio_buttons_are_its_options_and_a_formula_is_read_once() -> None:
    questions = parse_document("exam.html", EXAM_PAGE.encode()).questions
    assert [(q.section, q.number, q.type, q.options) for q in questions[:5]] == [
        ("判断题", "1", "truefalse", []),
        ("判断题", "2", "truefalse", []),
        ("单选题", "1", "single", ["merge sort", "heap sort"]),
        ("多选题", "1", "multiple", ["stack", "tree", "queue"]),
        ("编程题", "1", "short", []),
    ]
    assert questions[1].stem == "Binary search on N numbers takes log time."
    assert len(questions) == 5 and "Sample Input" in questions[4].stem + (questions[4].answer or "")


def test_unnamed_inputs_are_lettered_per_question_and_a_printed_label_is_kept_once() -> None:
    """A saved quiz page whose inputs carry no name: each question's options are lettered from A
    again (they had gone on C, D… across questions), and "A. 倾听" beside the input is not
    lettered twice."""
    page = (
        '<div>1. 客户投诉时首先应该（ ）</div><ul><li><input type="radio">A. 倾听</li>'
        '<li><input type="radio">B. 争辩</li></ul><div>正确答案：A</div>'
        '<div>2. 服务礼仪包括（ ）</div><ul><li><input type="checkbox">微笑</li>'
        '<li><input type="checkbox">倾听</li><li><input type="checkbox">打断</li></ul><div>正确答案：AB</div>'
    )
    questions = parse_document("quiz.html", page.encode()).questions
    assert [(q.type, q.options, q.answer) for q in questions] == [
        ("single", ["倾听", "争辩"], "A"),
        ("multiple", ["微笑", "倾听", "打断"], "AB"),
    ]


@pytest.mark.parametrize("name", ["exam.txt", "network_engineer_exam_2006_2.php", "paper.aspx"])
def test_a_web_page_saved_under_another_name_is_read_as_a_web_page(name: str) -> None:
    """A page saved as .txt, or under the server script's name it came from (with the script's
    own preamble before '<!DOCTYPE html>'), reads as the page shows, not as its tags' text."""
    page = "<?php include_once ('../config.php'); ?>\n<!DOCTYPE html>\n" + EXAM_PAGE
    questions = parse_document(name, page.encode()).questions
    assert [(q.number, q.type) for q in questions[:3]] == [
        ("1", "truefalse"),
        ("2", "truefalse"),
        ("1", "single"),
    ]
    assert not any("<" in q.stem for q in questions)


def test_a_text_file_that_only_mentions_html_stays_text() -> None:
    text = "1. 网页的根元素是？\nA. <head>\nB. <html>\n答案：B\n"
    (question,) = parse_document("quiz.txt", text.encode()).questions
    assert (question.options, question.answer) == (["<head>", "<html>"], "B")


@pytest.mark.parametrize("page", ["<div>" * 100_000 + "1. 题目?", "<b>" * 100_000 + "1. 题目?"])
def test_a_web_page_nested_past_the_parsers_limit_is_refused_with_a_reason(page: str) -> None:
    with pytest.raises(PaperError, match="web page could not be read"):
        read_lines("deep.html", page.encode())


def test_a_text_file_of_a_crawlers_rich_text_is_read_as_the_page_it_was_cut_from() -> None:
    """A crawler saved each case of a 软考 paper as one line of its page's markup: the tags break
    it into the lines a browser shows, the entities read as characters; the file's own line breaks
    stay breaks. A quiz about HTML naming tags ('<p></p>', '<br>') is text as typed."""
    data = (
        "集成模拟考\n1、<h2>试题一（17分）</h2>某公司开发产品。<br><strong>【问题1】（5分）</strong>"
        "<strong>判断正误&nbsp;</strong><br><strong>【问题2】（6分）</strong><strong>简述WBS的优缺点。</strong>\n"
        '解析：<span style="color: red;">问题1：√、×</span><br><span>问题2：直观。</span>\n'
        "2、<h2>试题二（17分）</h2>某项目包括十个活动。<br><strong>【问题1】（6分）</strong>\n"
    ).encode()
    assert [line.text for line in read_lines("paper.txt", data)][:8] == [
        "集成模拟考",
        "1、",
        "试题一（17分）",
        "某公司开发产品。",
        "【问题1】（5分）判断正误",
        "【问题2】（6分）简述WBS的优缺点。",
        "解析：问题1：√、×",
        "问题2：直观。",
    ]
    quiz = "1. 换行的标签是（ ）\nA. <br>\nB. <p></p>\nC. <hr>\n2. 段落的标签是（ ）\nA. <p></p>\n".encode()
    assert [line.text for line in read_lines("quiz.txt", quiz)][1:3] == ["A. <br>", "B. <p></p>"]


def test_a_word_pages_table_cells_holding_paragraphs_keep_their_row_on_one_line() -> None:
    """Word saved as a web page wraps each cell's text in a <p>: a row is still one line, its cells
    apart by tabs (not a line a cell, which reads a table's numbers as questions)."""
    page = (
        "<html><body><p>页表如下：</p><table><tr><td><p>页号</p></td><td><p>块号</p></td></tr>"
        "<tr><td><p>0</p></td><td><p>5</p><p>(主存)</p></td></tr></table></body></html>"
    ).encode()
    assert [line.text for line in read_lines("paper.htm", page)] == [
        "页表如下：",
        "页号\t块号",
        "0\t5 (主存)",
    ]


# A practice page for a skills contest: its text a title, a timer and a button; the bank is data
# in its own script, drawn from when the page runs (a script loaded from elsewhere holds none).
QUIZ_PAGE = """<!DOCTYPE html><html><head><title>技能大赛练习</title>
<script src="jquery.min.js"></script></head>
<body><h1>技能大赛练习</h1><div>剩余时间：60:00</div><button>开始练习</button>
<script>
const singlePool = [
    {"type": "single", "title": "肺癌最常见的病理类型是（）",
     "options": ["腺癌", "鳞癌", "小细胞癌"], "answer": 0},
    {"type": "single", "title": "胸腔闭式引流瓶应低于胸腔（）", "options": ["20cm", "60cm"], "answer": 1},
];
const judgePool = [
    {"type": "judge", "title": "术后应鼓励患者早期下床活动。", "options": ["错误", "正确"], "answer": 1},
];
function start() { return singlePool.concat(judgePool); }
</script></body></html>"""


def test_a_quiz_page_whose_bank_is_data_in_its_own_script() -> None:
    paper = parse_document("刷题.html", QUIZ_PAGE.encode())
    assert [(q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        ("single", "肺癌最常见的病理类型是（）", ["腺癌", "鳞癌", "小细胞癌"], "A"),
        ("single", "胸腔闭式引流瓶应低于胸腔（）", ["20cm", "60cm"], "B"),
        ("truefalse", "术后应鼓励患者早期下床活动。", [], True),
    ]
    # (a page whose text shows its questions keeps them: a script of code adds none)
    shown = SAVED_PAGE.replace("</body>", "<script>var n = [1, 2];</script></body>")
    assert len(parse_document("作业详情.html", shown.encode("gbk")).questions) == 3
    # and so a README.md that is such a page (Markdown holds HTML), its first line no tag at all
    readme = parse_document("README.md", ("<自己做的刷題網站>\n" + QUIZ_PAGE).encode()).questions
    assert [q.stem for q in readme] == [q.stem for q in paper.questions]


def test_a_double_spaced_text_is_read_single_spaced() -> None:
    """A scrape that left a blank line after every line (a question's wrapped lines too) reads
    as the single-spaced text does; a blank line stays where the text had two."""
    text = (
        "序號 單元名稱 題目 答案\n1 政府採購概論\n"
        "工程會透過專案檢討會議發現流標皆有其個案因素，下列何者為非？(A)物\n"
        "價上漲(B)預算不符實際(C)工期不符實際(D)契約書圖條件不合理。 A\n2 政府採購概論\n"
        "基於促進循環經濟效益，工程會依行政院指示，推動部分工程材料運用於公共工程，該等材料不包含下\n"
        "列何者？ (A)焚化再生粒料。(B)煉鋼爐碴。(C)AC刨除料。(D)廢輪胎。\nD\n"
        "3 政府採購概論 機關辦理工程採購估驗計價，一般每期估驗款須扣除多\n"
        "少百分比之保留款？ (A)3％。(B)5%。(C)6%。(D)7%。 B\n4 政府採購概論\n"
        "廠商如有違規棄土者，應要求限期清除；如未改善時，按契約規定 (A)扣\n"
        "款(B)停止估驗(C)終止契約(D)以上\n皆是。\nD\n"
    )
    single = parse_document("bank.txt", text.encode()).questions
    double = parse_document("bank.txt", text.replace("\n", "\n\n").encode()).questions
    assert [(q.stem, q.options, q.answer) for q in double] == [(q.stem, q.options, q.answer) for q in single]
    assert [q.answer for q in single] == ["A", "D", "B", "D"]
    lines = read_lines("bank.txt", ("\n\n".join(f"第{i}行" for i in range(12)) + "\n\n\n末行").encode())
    assert [line.text for line in lines][-3:] == ["第11行", "", "末行"]
