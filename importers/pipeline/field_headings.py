"""Markdown banks written out by a script, a heading for each field of a question:

    ## 客观题 1 (ID: 854)
    ### 题目内容
    …传感器类似于计算机的( )。
    ### 选项
    - **A**: 处理器
    ### 正确答案
    **C**
    ### 解析
    传感器用于采集外部数据…

Read as headings, the fields are parts of a paper and the question is lost. Read as a person reads
them, the heading over the stem field carries the question's number, the stem and options
headings only announce what follows, and the key and explanation headings label the line under
them. Each heading is rewritten so (line numbers kept).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Line

STEM_FIELD = re.compile(r"(?:题目内容|题目描述|题目|题干|題目|問題|问题)\s*[:：]?")
OPTIONS_FIELD = re.compile(r"(?:选项|選項)\s*[:：]?")
LABELS = (
    (re.compile(r"(?:正确答案|正確答案|参考答案|參考答案|标准答案|標準答案|答案)\s*[:：]?"), "答案："),
    (re.compile(r"(?:答案解析|解析|详解|詳解)\s*[:：]?"), "解析："),
)
# "客观题 1 (ID: 854)", "Question 12": a question's heading, its number last (an id after it)
NUMBERED = re.compile(r"[^\d\n]{0,12}?\s*(\d{1,4})\s*(?:[(（][^)）]{0,40}[)）])?")
MIN_FIELDS = 2  # stem headings: a layout, not one heading that happens to read "题目"


def field_headings(lines: list[Line]) -> list[Line]:
    stems = [i for i, line in enumerate(lines) if line.heading and STEM_FIELD.fullmatch(line.text.strip())]
    if len(stems) < MIN_FIELDS:
        return lines
    out = list(lines)
    for i in stems:
        out[i] = replace(out[i], text="", heading=0)
        above = _heading_above(out, i)
        number = NUMBERED.fullmatch(out[above].text.strip()) if above is not None else None
        if above is not None and number is not None:
            out[above] = replace(out[above], text=f"{number.group(1)}.", heading=0)
    for i, line in enumerate(out):
        text = line.text.strip()
        if not line.heading:
            continue
        if OPTIONS_FIELD.fullmatch(text):
            out[i] = replace(line, text="", heading=0)
            continue
        label = next((label for field, label in LABELS if field.fullmatch(text)), "")
        below = _text_below(out, i) if label else None
        if below is not None:
            out[below] = replace(out[below], text=label + out[below].text)
            out[i] = replace(line, text="", heading=0)
    return out


def _heading_above(lines: list[Line], i: int) -> int | None:
    return next((j for j in range(i - 1, -1, -1) if lines[j].heading), None)


def _text_below(lines: list[Line], i: int) -> int | None:
    below = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)
    return below if below is not None and not lines[below].heading else None
