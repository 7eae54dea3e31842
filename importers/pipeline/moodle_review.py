"""Moodle's quiz review page as a browser copies it (the Open University's 形考 answers, many
colleges' online courses): each question under "题目1", its state ("正确", "获得1.00分中的1.00分",
"标记题目"), "题干" over the stem, "选择一项：" over the options, "反馈" over "正确答案是：…". The
page's furniture goes, "题目N" numbers the stem under it, and the right answer is labelled as a
key. A file without two such records passes through untouched.
"""

from __future__ import annotations

import re

from .model import Line

MIN_RECORDS = 2
QUESTION_HEAD = re.compile(r"^\s*(?:题目|題目|Question)\s*(\d{1,4})\s*$")
SCORE = re.compile(
    r"^\s*(?:(?:获得|得分)\s*[\d.]+\s*分中的\s*[\d.]+\s*分|满分\s*[\d.]+|Mark\s+[\d.]+\s+out of\s+[\d.]+"
    r"|Marked out of\s+[\d.]+)\s*$"
)
FLAG = re.compile(r"^\s*(?:标记题目|Flag question)\s*$", re.IGNORECASE)
# The question's state, printed between "题目N" and its text (under it, "正确" may be an option)
STATE = re.compile(
    r"^\s*(?:正确|不正确|部分正确|未回答|未作答|已回答|答案已保存|完成|Correct|Incorrect|Partially correct"
    r"|Not answered|Answer saved|Complete)\s*$",
    re.IGNORECASE,
)
# The page's labels around a question's text, anywhere in the record
LABEL = re.compile(
    r"^\s*(?:题干|Question text|选择一项或多项|选择一项|Select one or more|Select one|反馈|Feedback"
    r"|你的回答(?:正确|不正确|部分正确)|Your answer is (?:correct|incorrect|partially correct))"
    r"\s*[:：.。]?\s*$",
    re.IGNORECASE,
)
RIGHT_ANSWER = re.compile(
    r"^\s*(?:正确(?:的)?答案是|The correct answers? (?:is|are))\s*[:：]?\s*[“\"']?(.*?)[”\"']?\s*[。.]?\s*$",
    re.IGNORECASE,
)


def moodle_review(lines: list[Line], furniture: list[Line]) -> list[Line]:
    """The lines rewritten; the page's own lines go to `furniture`."""
    if sum(1 for line in lines if SCORE.match(line.text) or FLAG.match(line.text)) < MIN_RECORDS:
        return lines
    out: list[Line] = []
    number = ""  # "题目3" read: the next text line is question 3's stem
    for line in lines:
        head = QUESTION_HEAD.match(line.text)
        if head:
            number = head.group(1)
            furniture.append(line)
            continue
        page = SCORE.match(line.text) or FLAG.match(line.text) or LABEL.match(line.text)
        if page or (number and STATE.match(line.text)):
            furniture.append(line)
            continue
        right = RIGHT_ANSWER.match(line.text)
        if right:
            out.append(_line(line, f"正确答案：{right.group(1)}"))
        elif number and line.text.strip():
            out.append(_line(line, f"{number}. {line.text.strip()}"))
            number = ""
        else:
            out.append(line)
    return out


def _line(source: Line, text: str) -> Line:
    return Line(text=text, lineno=source.lineno, images=source.images)
