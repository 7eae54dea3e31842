"""Word 2003 XML papers (what exam systems save as "试卷.doc"): read as a .docx is."""

from __future__ import annotations

import pytest

from importers.pipeline import PaperError, parse_document
from importers.pipeline.read import read_lines

W = "http://schemas.microsoft.com/office/word/2003/wordml"


def paragraph(text: str, *, listed: str = "") -> str:
    numbered = f'<w:ilvl w:val="0"/><w:ilfo w:val="{listed}"/>' if listed else ""
    numbered = f"<w:pPr><w:listPr>{numbered}</w:listPr></w:pPr>" if listed else ""
    runs = "".join(
        f"<w:r><w:t>{part}</w:t></w:r>" + ("<w:r><w:br/></w:r>" if i < text.count("\n") else "")
        for i, part in enumerate(text.split("\n"))
    )
    return f"<w:p>{numbered}{runs}</w:p>"


def word_xml(body: str = "") -> bytes:
    """A Word 2003 XML paper: list 1 numbers "%1．" in decimal, list 2 "%1、" in Chinese."""
    lists = (
        '<w:lists><w:listDef w:listDefId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:nfc w:val="0"/>'
        '<w:lvlText w:val="%1．"/></w:lvl></w:listDef>'
        '<w:listDef w:listDefId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:nfc w:val="37"/>'
        '<w:lvlText w:val="%1、"/></w:lvl></w:listDef>'
        '<w:list w:ilfo="1"><w:ilst w:val="0"/></w:list>'
        '<w:list w:ilfo="2"><w:ilst w:val="1"/></w:list></w:lists>'
    )
    body = body or (
        paragraph("单项选择题", listed="2")
        + paragraph("客户是谁?", listed="1")
        + paragraph("A. 上帝\nB. 对手")
        + paragraph("答案：A")
        + '<wx:sect xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint">'
        + paragraph("服务的核心是?", listed="1")
        + "<w:tbl><w:tr><w:tc>"
        + paragraph("A. 产品")
        + "</w:tc><w:tc>"
        + paragraph("B. 客户")
        + "</w:tc></w:tr></w:tbl>"
        + paragraph("答案：B")
        + "</wx:sect>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<?mso-application progid="Word.Document"?>\n'
        f'<w:wordDocument xmlns:w="{W}">{lists}<w:body>{body}</w:body></w:wordDocument>'
    ).encode()


def test_word_xml_reads_as_its_paragraphs_with_words_list_numbers() -> None:
    # Word's automatic numbers ("1．", "一、") are rendered as Word shows them; a break splits a
    # paragraph's lines; a table's row is one line; a section wrapper holds paragraphs in place
    lines = [line.text for line in read_lines("paper.doc", word_xml())]
    assert lines == [
        "一、单项选择题",
        "1．客户是谁?",
        "A. 上帝",
        "B. 对手",
        "答案：A",
        "2．服务的核心是?",
        "A. 产品\tB. 客户",
        "答案：B",
    ]


def test_a_word_xml_paper_is_parsed_as_a_docx_would_be() -> None:
    questions = parse_document("试卷.doc", word_xml()).questions
    assert [(q.section, q.number, q.stem, q.options, q.answer) for q in questions] == [
        ("一、单项选择题", "1", "客户是谁?", ["上帝", "对手"], "A"),
        ("一、单项选择题", "2", "服务的核心是?", ["产品", "客户"], "B"),
    ]


def test_word_xml_saved_as_xml_is_not_taken_for_a_moodle_export() -> None:
    assert [q.answer for q in parse_document("paper.xml", word_xml()).questions] == ["A", "B"]


def test_broken_word_xml_is_refused_saying_so() -> None:
    with pytest.raises(PaperError, match="Word 2003 XML document that is not well-formed XML"):
        read_lines("paper.doc", word_xml()[:-40])


def test_word_xml_entities_are_never_expanded() -> None:
    # a "billion laughs" DTD: its entities stay unexpanded (nothing is fetched or multiplied)
    data = (
        word_xml()
        .replace(
            b"<w:wordDocument",
            b'<!DOCTYPE w:wordDocument [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<w:wordDocument',
        )
        .replace("客户是谁?".encode(), "客户是谁&b;?".encode())
    )
    texts = [line.text for line in read_lines("paper.doc", data)]
    assert "a" * 100 not in "".join(texts)
