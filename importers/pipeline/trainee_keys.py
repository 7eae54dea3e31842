"""Keys from a graded attempt: "我的答案：B 得分：33.3分" where the paper prints no other key.

Learning platforms (学习通, 智慧树) export a trainee's graded attempt: the trainee's answer under
each question and its score, the correct answer only where the trainee missed it, or never. A
trainee's answer is no key, except where the paper shows it right: the attempt scored full marks
("本次成绩100分"), or the question scored points, which a single choice or a judgement earns only
when right (a multiple choice or a blank may earn part marks, so only its full points count: the
section's "（共4题，16.8分）"). A judgement that scored nothing is keyed the other way. Each
such key carries a warning, so the reviewer sees where it came from.
"""

from __future__ import annotations

import bisect
import re

from questiontypes import words

from . import rules
from .classify import NO_ANSWER, truth
from .model import Line, ParsedQuestion

TRAINEE_KEY = "key taken from the trainee's answer, which the paper scored right"

MY_ANSWER = re.compile(
    rf"{rules.MY_ANSWER_LABEL}\s*[:：]\s*(?P<mine>[^\s得]*?)\s*"
    r"(?:得分\s*[:：]?\s*(?P<score>\d+(?:\.\d+)?)\s*分?)?\s*$"
)
SCORE_LINE = re.compile(r"^\s*(?:得分\s*[:：]?\s*)?(\d+(?:\.\d+)?)\s*分\s*$")
# "本次成绩100分", "最终成绩：100分" (学习通's attempt total), against "满分：100" where printed
ATTEMPT_SCORE = re.compile(r"(?:本次|最终|最終)(?:成绩|成績)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*分")
FULL_MARKS = re.compile(r"满分\s*[:：]?\s*(\d+(?:\.\d+)?)")
SECTION_POINTS = re.compile(r"共\s*(\d{1,4})\s*[题題]\s*[,，]?\s*(\d+(?:\.\d+)?)\s*分")
POINTS_ROUNDING = 0.06  # (three questions share 100 points as 33.3, 33.3 and 33.4)
LETTERS = re.compile(r"[A-H]")
FIELD_LINE_MAX = 200  # characters: a trainee's answer field is short
SCORE_REACH = 3  # lines: blank ones between an answer and its score


def read_trainee_keys(questions: list[ParsedQuestion], lines: list[Line]) -> None:
    unkeyed = [q for q in questions if q.answer is None]
    if not unkeyed:
        return
    # the trainee's answer fields, found once: (index, match), in the paper's order
    fields = [
        (i, m)
        for i, line in enumerate(lines)
        if "答案" in line.text
        and len(line.text) <= FIELD_LINE_MAX  # (a pasted page's one long line is not searched)
        and (m := MY_ANSWER.search(line.text.strip()))
    ]
    if not fields:
        return
    at = [lines[i].lineno for i, _ in fields]
    starts = sorted(q.lineno for q in questions)
    full_attempt = _full_attempt(lines)
    for q in unkeyed:
        following = bisect.bisect_right(starts, q.lineno)
        end = starts[following] if following < len(starts) else lines[-1].lineno + 1
        k = bisect.bisect_left(at, q.lineno)
        if k < len(at) and at[k] < end:  # its own field, under it before the next question
            i, m = fields[k]
            mine = m.group("mine").strip()
            if mine:
                _key_from(q, mine, _score(m, lines, i), full_attempt)


def _full_attempt(lines: list[Line]) -> bool:
    """Every attempt total printed is the paper's full marks (100 where none is printed)."""
    totals = [float(m.group(1)) for line in lines for m in ATTEMPT_SCORE.finditer(line.text)]
    full = next((float(m.group(1)) for line in lines if (m := FULL_MARKS.search(line.text))), 100.0)
    return bool(totals) and all(abs(total - full) < POINTS_ROUNDING for total in totals)


def _score(m: re.Match[str], lines: list[Line], i: int) -> float | None:
    """The score beside the trainee's answer, or on the next line with text ("6.2分")."""
    score = m.group("score")
    if score is None:
        after = next((line.text for line in lines[i + 1 : i + 1 + SCORE_REACH] if line.text.strip()), "")
        score = (s := SCORE_LINE.match(after)) and s.group(1)
    return float(score) if score else None


def _key_from(q: ParsedQuestion, mine: str, score: float | None, full_attempt: bool) -> None:
    if q.type == "truefalse":
        verdict = truth(mine)
        if verdict is None or not (full_attempt or score is not None):
            return
        q.answer = verdict if (full_attempt or score) else not verdict
    elif q.type in ("single", "multiple") and q.options:
        letters = "".join(sorted(set(LETTERS.findall(mine.upper()))))
        if not letters or any(ord(c) - 65 >= len(q.options) for c in letters):
            return
        one_answer_types = q.type == "single" and len(letters) == 1
        if not (full_attempt or (score and (one_answer_types or _full_points(q, score)))):
            return
        q.answer, q.type = letters, "multiple" if len(letters) > 1 else "single"
    elif q.type == "fill" and (full_attempt or (score and _full_points(q, score))):
        q.answer = [words.ALTERNATIVE.join(part for part in mine.split("|") if part)]
    else:
        return
    q.warnings = [w for w in q.warnings if w != NO_ANSWER] + [TRAINEE_KEY]


def _full_points(q: ParsedQuestion, score: float) -> bool:
    """The score is the question's whole share of its section's points."""
    m = SECTION_POINTS.search(q.section)
    if m is None or not int(m.group(1)):
        return False
    return abs(float(m.group(2)) / int(m.group(1)) - score) < POINTS_ROUNDING
