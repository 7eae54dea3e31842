"""Papers set in Traditional characters: read by the rules written in Simplified, printed back
in the characters of the paper (importers/pipeline/traditional.py)."""

from __future__ import annotations

from importers.pipeline import parse_document
from importers.pipeline.model import Line
from importers.pipeline.traditional import simplified_twin

# A 雨课堂 export as a Taiwanese or Hong Kong class sees it: every convention word in Traditional
# ("單選題", "本題得分", "正確答案").
YUKETANG = """【第 1 題】
1.單選題 (1分)
新型國際關係的核心是（）。
A
相互尊重、公平正義、合作共贏
B
強權政治、零和博弈、單邊主義
本題得分： 1 分
正確答案： A
------------------------------

【第 2 題】
2.單選題 (1分)
現代化經濟體系必須堅持質量第一、（）優先。
A
利益
B
效益
本題得分： 1 分
正確答案： B
------------------------------
"""

# An exam with its key in a part of its own, headed and numbered in Traditional.
KEYED_EXAM = """一、單選題
1. 客戶服務的核心是（ ）。
A. 產品價格
B. 客戶滿意
C. 廣告宣傳
2. 處理客戶投訴時，首先應該（ ）。
A. 傾聽客戶
B. 轉給經理
C. 解釋規定
二、判斷題
3. 對客戶的問題要及時回應。（ ）
4. 服務人員可以與客戶爭辯。（ ）
參考答案
一、單選題
1. B 2. A
二、判斷題
3. 對 4. 錯
"""


def _read(text: str, name: str = "paper.txt") -> list[dict[str, object]]:
    paper = parse_document(name, text.encode("utf-8"))
    return [q.as_json(name, i) for i, q in enumerate(paper.questions, 1)]


def test_a_platform_export_in_traditional_is_read_as_in_simplified() -> None:
    questions = _read(YUKETANG)
    assert [(q["type"], q["answer"]) for q in questions] == [("single", "A"), ("single", "B")]
    assert questions[0]["stem"] == "新型國際關係的核心是()。"  # (brackets folded, as in any paper)
    assert questions[0]["options"] == ["相互尊重、公平正義、合作共贏", "強權政治、零和博弈、單邊主義"]


def test_a_key_part_headed_in_traditional_answers_its_questions() -> None:
    questions = _read(KEYED_EXAM)
    assert [(q["number"], q["type"], q["answer"]) for q in questions] == [
        ("1", "single", "B"),
        ("2", "single", "A"),
        ("3", "truefalse", True),
        ("4", "truefalse", False),
    ]
    assert questions[1]["options"] == ["傾聽客戶", "轉給經理", "解釋規定"]
    assert questions[2]["section"] == "二、判斷題"


def test_markdown_field_headings_in_traditional() -> None:
    asked = ((1, "電腦開機時首先執行BIOS嗎?", "A"), (2, "記憶體斷電後資料會保留嗎?", "B"))
    bank = "".join(
        f"## 客觀題 {n}\n### 題目內容\n{stem}\n### 選項\n- **A**: 會\n- **B**: 不會\n"
        f"### 正確答案\n**{key}**\n"
        for n, stem, key in asked
    )
    questions = _read(bank, "bank.md")
    assert [(q["number"], q["stem"], q["answer"]) for q in questions] == [
        ("1", "電腦開機時首先執行BIOS嗎?", "A"),
        ("2", "記憶體斷電後資料會保留嗎?", "B"),
    ]


def test_a_paper_in_simplified_is_read_as_it_is() -> None:
    lines = [Line(text="一、单选题", lineno=1), Line(text="1. 乾隆年间的著名诗人是（ ）。", lineno=2)]
    twins, _ = simplified_twin(lines)
    assert twins is lines


def test_only_characters_with_an_exact_round_trip_are_converted() -> None:
    # "發" and "髮" both give "发": converting either could not be undone, so neither is
    lines = [
        Line(text="一、單選題 這個問題的說明：頭髮與發展", lineno=1),
        Line(text="1. 關於客戶關係，下列說法正確的是（ ）。", lineno=2),
    ]
    twins, _ = simplified_twin(lines)
    assert twins[0].text == "一、单选题 这个问题的说明：头髮与發展"
    assert twins[1].text == "1. 关于客户关系，下列说法正确的是（ ）。"
