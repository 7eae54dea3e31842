"""A case paper's part labels run into the text before them: "…影响到了项目验收。【问题1】（6分）请…".
A crawler that keeps each case on one line (or a page that sets the labels in bold inline) loses the
paragraph break a printed 软考 paper puts before every "【问题N】"; the label opens its line again."""

from __future__ import annotations

import re

from .clean import with_text
from .model import Line

# "【问题2】" after a sentence's end, a colon or a space (never "如【问题1】所述" inside a sentence)
MID_LINE_PART = re.compile(r"(?<=[。．.！!？?：:；;）)\s])\s*(?=[【\[]\s*(?:问题|問題)\s*\d{1,2}\s*[】\]])")
PART_LABEL = re.compile(r"[【\[]\s*(?:问题|問題)\s*\d{1,2}\s*[】\]]")
MIN_LABELS = 2  # a paper of cases labels two parts at least; one label alone may be quoted


def split_case_parts(lines: list[Line]) -> list[Line]:
    asking = (line.text for line in lines if "问题" in line.text or "問題" in line.text)
    if sum(len(PART_LABEL.findall(text)) for text in asking) < MIN_LABELS:
        return lines
    out: list[Line] = []
    for line in lines:
        if "】" not in line.text and "]" not in line.text:
            out.append(line)
            continue
        pieces = [p for p in MID_LINE_PART.split(line.text) if p.strip()]
        if len(pieces) < 2:
            out.append(line)
            continue
        out.append(with_text(line, pieces[0]))
        out.extend(with_text(line, piece, images=[]) for piece in pieces[1:])
    return out
