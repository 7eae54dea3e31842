"""Numbered points inside an answer, told by the question numbers around them.

"5.新民主主义革命的动力" then "1、…" "2、…" then "6.…": the run the questions are numbered in ("5."
"6.") resumes after a run restarted from 1 with the other mark ("、"), so those were the points of
question 5's answer, not questions 1 and 2 of a new part. Only a resumed run says so: one that
restarts and goes on to the end is a new part whose heading was lost, read as questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import rules
from .model import Line

# "5." / "1、", or "（1）" in a block quote: a quote under an open question is its answer, and its
# bracketed points are no part's sub-questions (outside quotes, "（1）" often are: left alone)
NUMBERED = re.compile(r"\s*(?:(\d{1,3})\s*([.．、])(?!\d)|[(（]\s*(\d{1,2})\s*([)）]))")
PART_HEADING = re.compile(rf"\s*[{rules.CN_NUM}]{{1,3}}\s*[、.．]")  # "一、判断题": runs start afresh
MARKS = {".": ".", "．": ".", "、": "、", ")": ")", "）": ")"}


@dataclass
class Numbered:
    line_id: int  # (by id: a Word paragraph's lines share its line number)
    n: int
    asks: bool  # the text after the number asks (a part's sub-question, never a point)
    bare: bool  # nothing after the number: its text is on the line below ("1." over "1、…（）")


def inner_point_lines(lines: Iterable[Line]) -> frozenset[int]:
    """The ids of the lines numbering an answer's points."""
    runs: list[list[Numbered]] = []  # consecutive numbered lines of one mark
    marks: list[str] = []
    for line in lines:
        m = NUMBERED.match(line.text)
        if m is None:
            if PART_HEADING.match(line.text):
                runs.append([])  # (under a part's heading, a run is that part's questions)
                marks.append("")
            continue
        mark = MARKS[m.group(2) or m.group(4)]
        if mark == ")" and not line.quote:
            continue
        rest = line.text[m.end() :]
        entry = Numbered(id(line), int(m.group(1) or m.group(3)), rules.asks_strongly(rest), not rest.strip())
        if marks and marks[-1] == mark:
            runs[-1].append(entry)
        else:
            runs.append([entry])
            marks.append(mark)
    inner: set[int] = set()
    for before, points, after in zip(runs, runs[1:], runs[2:], strict=False):
        if not (before and points and after) or before[-1].bare:
            continue
        if after[0].n == before[-1].n + 1 and _counts_points(points):
            inner.update(point.line_id for point in points)
    return frozenset(inner)


def _counts_points(run: list[Numbered]) -> bool:
    """Counted from 1 (again from 1 under the next question, if need be), none asking."""
    previous = 0
    for point in run:
        if point.asks or point.n not in (1, previous + 1):
            return False
        previous = point.n
    return True
