"""Question banks dumped as tagged records: every line opens with its record's id and a field
name ("12stem…", "12choice3…", "12answerA、C;"), as a database export or a quiz tool's log
writes them. The lines are rewritten in the layout the segmenter reads ("12. stem", "C. …",
"答案：A、C"); a file without enough such records passes through untouched.
"""

from __future__ import annotations

import re

from .model import Line

MIN_RECORDS = 3  # ids that have both a stem line and an answer line
TAGGED = re.compile(
    r"^\s*(?P<id>\d{1,6})\s*(?:"
    r"(?P<stem>stem|question|title|题干|题目)"
    r"|(?P<option>choice|option|选项)\s*(?P<place>[1-8A-Ha-h])"
    r"|(?P<answer>answer|key|答案)"
    r"|(?P<note>analysis|explanation|explain|解析))"
    r"\s*[:：]?\s*(?P<text>.*?)\s*[;；]?\s*$",
    re.IGNORECASE,
)


def tagged_records(lines: list[Line]) -> list[Line]:
    found = [(line, TAGGED.match(line.text)) for line in lines]
    stems = {m.group("id") for _, m in found if m and m.group("stem")}
    answered = {m.group("id") for _, m in found if m and m.group("answer")}
    if len(stems & answered) < MIN_RECORDS:
        return lines
    return [_rewritten(line, m) if m else line for line, m in found]


def _rewritten(line: Line, m: re.Match[str]) -> Line:
    text = m.group("text")
    if m.group("stem"):
        text = f"{m.group('id')}. {text}"
    elif m.group("option"):
        place = m.group("place").upper()
        text = f"{'ABCDEFGH'[int(place) - 1] if place.isdecimal() else place}. {text}"
    elif m.group("answer"):
        text = f"答案：{text}"
    else:
        text = f"解析：{text}"
    return Line(text=text, lineno=line.lineno, images=line.images)
