"""Moodle XML exports: each question read by its type, right answers by their fraction."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.pipeline import PaperError, parse_document

EXPORT = (Path(__file__).parent / "files" / "moodle-export.xml").read_bytes()


def test_a_moodle_export_keeps_types_keys_feedback_and_category() -> None:
    paper = parse_document("bank.xml", EXPORT)
    assert [(q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        ("single", "客户关系管理的核心是?", ["产品", "客户", "价格"], "B"),
        ("multiple", "以下哪些属于服务渠道?", ["电话", "邮件", "会议"], "AB"),
        ("truefalse", "服务时要微笑。", [], True),
        ("fill", "中国的首都是哪座城市?____", [], ["北京|Beijing"]),  # (a half-mark answer is no key)
        ("short", "请简述投诉处理的步骤。", [], "倾听、致歉、解决、回访。"),
    ]
    assert {q.chapter for q in paper.questions} == {"礼仪"}
    assert paper.questions[0].explanation == "客户是核心。"
    assert paper.coverage is not None and paper.coverage.verdict == "ok"


def test_entities_of_a_hostile_export_are_neither_expanded_nor_fetched() -> None:
    hostile = (
        b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<quiz><question type="essay"><questiontext>'
        b"<text>&b;&xxe;Why?</text></questiontext></question></quiz>"
    )
    stems = [q.stem for q in parse_document("evil.xml", hostile).questions]
    assert stems == ["Why?"]


def test_an_xml_file_that_is_no_moodle_export_is_refused_by_name() -> None:
    with pytest.raises(PaperError, match="not a Moodle question export"):
        parse_document("notes.xml", b"<?xml version='1.0'?><notes><p>hi</p></notes>")
