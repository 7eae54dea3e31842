"""Banks kept as records of marker lines, each field's name alone on its line over its text, as
drill apps write their data files:

    #CHOICE
    已知某信道的信息传输速率为 64kb/s，…则该信道的波特率为( )。
    #OPTIONS
    16kBaud
    32kBaud
    #CORRECT
    2
    #END

The markers differ from app to app ("#CHOICE", "[题目]", "<answer>", "【答案】"); they are known by
their names. Each record is rewritten in the layout the segmenter reads ("1. stem", "A. …",
"答案：B", the key's option numbers turned into letters); the marker lines are the file's
furniture. A file without enough such records passes through untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .model import Line
from .numbers import letters_at

MIN_RECORDS = 3
MARKER = re.compile(r"\s*(?:#|\[|<|【)\s*(?P<name>[A-Za-z_]{1,12}|[\u4e00-\u9fff]{2,4})\s*[\]>】]?\s*:?\s*")
QUESTION_NAMES = {
    "choice": "",
    "single": "单选题",
    "multi": "多选题",
    "multiple": "多选题",
    "judge": "判断题",
    "tf": "判断题",
    "blank": "填空题",
    "fill": "填空题",
    "question": "",
    "q": "",
    "stem": "",
    "题目": "",
    "题干": "",
    "单选": "单选题",
    "多选": "多选题",
    "判断": "判断题",
    "填空": "填空题",
}
FIELD_NAMES = {
    **{name: "options" for name in ("options", "option", "choices", "选项")},
    **{name: "answer" for name in ("correct", "answer", "answers", "key", "答案", "正确答案")},
    **{name: "explanation" for name in ("analysis", "explain", "explanation", "解析")},
    **{name: "end" for name in ("end", "结束")},
}
PLACES = re.compile(r"[1-8](?:\s*[,，、 ]\s*[1-8])*")


@dataclass
class _Record:
    tag: str
    markers: list[int] = field(default_factory=list)  # indexes of its marker lines
    fields: dict[str, list[int]] = field(default_factory=dict)  # field → indexes of its lines


def marker_records(lines: list[Line], dropped: list[Line]) -> list[Line]:
    """`lines` rewritten, their markers moved to `dropped` (furniture, for the coverage)."""
    records = _records(lines)
    if sum(1 for r in records if r.fields.get("question") and r.fields.get("answer")) < MIN_RECORDS:
        return lines
    out = list(lines)
    for number, record in enumerate(records, 1):
        _rewrite(out, record, number)
    markers = {i for record in records for i in record.markers}
    dropped.extend(lines[i] for i in sorted(markers))
    return [line for i, line in enumerate(out) if i not in markers]


def _records(lines: list[Line]) -> list[_Record]:
    records: list[_Record] = []
    current: _Record | None = None
    place = ""
    for i, line in enumerate(lines):
        marker = MARKER.fullmatch(line.text)
        name = marker.group("name").lower() if marker else ""
        if name in QUESTION_NAMES:
            current = _Record(tag=QUESTION_NAMES[name], markers=[i])
            records.append(current)
            place = "question"
        elif current is not None and name in FIELD_NAMES:
            current.markers.append(i)
            place = FIELD_NAMES[name]
            if place == "end":
                current = None
        elif current is not None and line.text.strip():
            current.fields.setdefault(place, []).append(i)
    return records


def _rewrite(out: list[Line], record: _Record, number: int) -> None:
    stem = record.fields.get("question", [])
    if stem:
        tag = f"({record.tag}) " if record.tag else ""
        out[stem[0]] = replace(out[stem[0]], text=f"{number}. {tag}{out[stem[0]].text.strip()}")
    options = record.fields.get("options", [])[:8]
    for letter, i in zip("ABCDEFGH", options, strict=False):
        out[i] = replace(out[i], text=f"{letter}. {_unlabelled(out[i].text, letter)}")
    answer = record.fields.get("answer", [])
    if answer:
        text = out[answer[0]].text.strip()
        if options and PLACES.fullmatch(text):
            text = letters_at(re.findall(r"\d", text), len(options), first=1) or text
        out[answer[0]] = replace(out[answer[0]], text=f"答案：{text}")
    explanation = record.fields.get("explanation", [])
    if explanation:
        out[explanation[0]] = replace(out[explanation[0]], text=f"解析：{out[explanation[0]].text.strip()}")


def _unlabelled(text: str, letter: str) -> str:
    """An option line's text without its own "A." (some records print it, most do not)."""
    return re.sub(rf"^\s*{letter}\s*[.、．:：)）]\s*", "", text.strip())
