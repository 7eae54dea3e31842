"""Questions printed without numbers, each answered under a key label of its own line: "说一下
static关键字的作用" then "参考回答：" and the answer, its points numbered "1." "2." (interview
banks copied from blogs and 牛客 into Word). The labels are the paper's spine; the numbers belong
to the answers, never questions of their own.

Read so only where nearly every key label sits under such a line, and these outnumber, twice
over, the answered questions the numbering gave: a paper whose numbered questions carry their
keys, or whose labels sit under options, is left alone.
"""

from __future__ import annotations

import re

from . import rules
from .classify import truth
from .model import Line, ParsedQuestion

# "参考回答：", "参考答案：", "答：", "参考回答或参考文章《…》：" opening a line
KEY_LABEL = re.compile(r"^\s*(?:(?:参考|參考|标准|標準)?(?:回答|答案|解答)[^:：\n]{0,20}|答)\s*[:：]\s*")
# a line that is itself numbered or an option: a question the numbering reads, or a choice's part
NUMBERED_OR_OPTION = re.compile(
    r"^\s*(?:\d{1,4}\s*[.、．)）]|[(（]\s*\d{1,3}\s*[)）]|第\s*\d{1,4}\s*[题題]|[A-Ha-h]\s*[.、．:：)）])"
)
MIN_PAIRS = 5
OUTNUMBER = 2  # the label pairs against the answered questions the numbering found
PAIR_SHARE = 0.8  # of all key labels (the rest under options: a choice paper, numbered or not)
WORD = re.compile(rf"[{rules.CJK}A-Za-z]{{2}}")


def label_pairs(lines: list[Line]) -> list[int]:
    """The indexes of the question lines: unnumbered, no label, right above a key label."""
    return [
        i - 1
        for i in range(1, len(lines))
        if "答" in lines[i].text  # (every label holds it: the hot path skips the regex)
        and KEY_LABEL.match(lines[i].text)
        and not KEY_LABEL.match(lines[i - 1].text)
        and not NUMBERED_OR_OPTION.match(lines[i - 1].text)
        and WORD.search(lines[i - 1].text)
    ]


def reads_better_by_labels(lines: list[Line], questions: list[ParsedQuestion]) -> bool:
    pairs = len(label_pairs(lines))
    if pairs < MIN_PAIRS:
        return False
    labels = sum(1 for line in lines if "答" in line.text and KEY_LABEL.match(line.text))
    answered = sum(1 for q in questions if q.answer is not None)
    return pairs >= PAIR_SHARE * labels and pairs >= OUTNUMBER * max(answered, 1)


def parse_label_pairs(
    lines: list[Line], roles: dict[int, list[str]], chapter: str = ""
) -> list[ParsedQuestion]:
    starts = label_pairs(lines)
    questions = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        label = lines[start + 1].text
        answer_lines = [KEY_LABEL.sub("", label, count=1)]
        answer_lines += [line.text for line in lines[start + 2 : end]]
        answer = "\n".join(text.strip() for text in answer_lines if text.strip())
        q = ParsedQuestion(
            type="short", stem=lines[start].text.strip(), lineno=lines[start].lineno, chapter=chapter
        )
        q.answer = answer or None
        if answer and (verdict := truth(answer)) is not None:
            q.type, q.answer = "truefalse", verdict  # "Java源文件中只能有一个类。" "答案：错误"
        q.warnings.append("type guessed")
        if q.answer is None:
            q.warnings.append("no answer found")
        questions.append(q)
        roles[lines[start].lineno] = ["question", "stem"]
        for line in lines[start + 1 : end]:
            roles[line.lineno] = ["answer"]
    return questions
