"""Questions numbered by part and place: "2.1 …？" "2.2 …？" "3.1 …" (a course's exercises, Word's
multi-level list under "题目2").

The segmenter numbers questions 1, 2, 3 …; a dotted number reads to it as a section heading or a
decimal. Where a paper numbers its questions so, each part's run 1, 2, 3 … in order and most of
them asking, the dotted numbers are written as one running count for the segmenter, and each
question gets its printed number back afterwards. A textbook's section headings ("2.1 计算机系统
概述") ask nothing and are left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import rules
from .model import Line, ParsedQuestion

# "2.1 …", "2.1.…", "2.1、…" opening a line (not "2.1.3", a third level; not "2.5米"); a textbook's
# exercises "1-6 …", "2-34 …" (chapter and place: answer books print them so); never a list of
# ranges, "20-21,15,5-10", "0-1 3-4"
DOTTED = re.compile(
    r"^\s*(\d{1,2})(?P<sep>[.．]|[-－])(\d{1,2})(?![.．\-－]?\d)\s*[.．、]?\s*(?=[^\s\d,，;；\-－])(?P<rest>.*)$"
)
# "## 8.1" alone: homework in Markdown heads each exercise with its number, the question below
# (never "### 1-10", which questions a part holds)
DOTTED_ALONE = re.compile(r"^\s*(\d{1,2})(?P<sep>[.．])(\d{1,2})\s*[.．、]?\s*(?P<rest>)$")
MIN_QUESTIONS = 3
ASKING_SHARE = 0.6


def count_dotted(lines: list[Line]) -> tuple[list[Line], dict[int, str]]:
    """The lines with dotted question numbers written as a running count, and the printed number
    of each such line (by its line number); the lines as they were where the paper has none."""
    found = [
        (k, m)
        for k, line in enumerate(lines)
        if (m := DOTTED.match(line.text) or (DOTTED_ALONE.match(line.text) if line.heading else None))
    ]
    if len(found) < MIN_QUESTIONS:
        return lines, {}
    # (a heading holding the number alone titles an exercise, never a textbook's section)
    if _runs_in_order(found):
        asking = sum(1 for _, m in found if not m.group("rest") or rules.asks_in_words(m.group("rest")))
    elif len({(m.group(1), m.group(3)) for _, m in found}) == len(found):
        # "8.6 …" "5.5 编写…" "7.2 计算…": exercises picked from a textbook, each keeping its number
        # (its question may ask on a line below, wrapped: "1-6 A client-server system…" "…request?")
        asking = sum(1 for k, m in found if not m.group("rest") or _sets_a_task(_opening(lines, k, m)))
    else:
        return lines, {}
    if asking < ASKING_SHARE * len(found):
        return lines, {}  # (a textbook's section headings)
    out = list(lines)
    printed: dict[int, str] = {}
    for count, (k, m) in enumerate(found, start=1):
        out[k] = replace(lines[k], text=f"{count}. {m.group('rest')}")
        printed[lines[k].lineno] = f"{m.group(1)}{'.' if m.group('sep') in '.．' else '-'}{m.group(3)}"
    return out, printed


# An exercise's opening imperative: "编写一个程序…", "使用随机函数，产生…", "计算三角形面积…"
TASK_OPENING = re.compile(
    r"\s*(?:请|試|试)?\s*(?:编写|編寫|编程|設計|设计|实现|實現|使用|利用|计算|計算|写出|寫出|求)"
)
TASK_MIN_CHARS = 15  # (a task is a sentence; "2.1 设计模式" is a heading)


def _sets_a_task(text: str) -> bool:
    return rules.asks_in_words(text) or (len(text) >= TASK_MIN_CHARS and TASK_OPENING.match(text) is not None)


OPENING_LINES = 3
ANSWER_LABEL = re.compile(rules.ANSWER)


def _opening(lines: list[Line], k: int, m: re.Match[str]) -> str:
    """The numbered line's text and the few lines under it, up to an answer's label."""
    texts = [m.group("rest")]
    for line in lines[k + 1 : k + OPENING_LINES]:
        if ANSWER_LABEL.match(line.text.strip()) or DOTTED.match(line.text):
            break
        texts.append(line.text)
    return "\n".join(texts)


def _runs_in_order(found: list[tuple[int, re.Match[str]]]) -> bool:
    """Each part's numbers run 1, 2, 3 … and the parts follow each other."""
    part, place = 0, 0
    for _, m in found:
        n, k = int(m.group(1)), int(m.group(3))
        if (n == part and k == place + 1) or (n > part and k == 1):
            part, place = n, k
        else:
            return False
    return True


def restore_numbers(questions: list[ParsedQuestion], printed: dict[int, str]) -> None:
    for question in questions:
        if question.lineno in printed:
            question.number = printed[question.lineno]
