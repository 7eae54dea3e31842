"""A reading passage over the questions it serves: a cloze's text holding the blanks that the
numbered options below it fill ("…would not be the same   16   encountering…" then "16. (A) as
(B) for"), or the text a group header announces ("第41至44題為題組", "Questions 41-44 are based
on the following passage", then the passage, then 41-44). Each question it serves gets it as
material: a trainee answers a cloze or a reading question only with its text in view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules

# "第41至44題為題組", "第21-25题为题组", "第16至20題共用下列文章", "Questions 41-44 are based on…"
GROUP_HEADER = re.compile(
    r"^\s*(?:第\s*(\d{1,3})\s*(?:至|到|~|-|－|—|–)\s*第?\s*(\d{1,3})\s*[题題]\s*"
    r"(?:[为為]\s*[题題][组組]|共用|基于|基於|根据|根據|请|請|阅读|閱讀)"
    r"|Questions?\s+(\d{1,3})\s*(?:-|–|—|to|through)\s*(\d{1,3})\s+(?:are|is)\s+based)",
    re.IGNORECASE,
)
# Characters of prose a passage holds at least (a line or two is a note, not a text to read),
# and at most (an exam's passage is a page or two; the rest of a long file is no passage, and
# each question would search it again for its blank)
PASSAGE_MIN = 120
PASSAGE_MAX = 20_000


@dataclass
class Passage:
    text: str
    last: int | None  # the last question a group header gave it; None: those whose blank it holds
    lines: list[int]  # the lines it was read from
    blanks: frozenset[int]  # the numbers of the blanks it holds

    def serves(self, number: int) -> bool:
        return number <= self.last if self.last is not None else number in self.blanks


def group_range(text: str) -> tuple[int, int] | None:
    m = GROUP_HEADER.match(text)
    if m is None:
        return None
    first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return int(first), int(last)


# A cloze's numbered blank: "__16__", "_(16)_", "（16）", or the number set apart by wide gaps as a
# PDF prints the blank ("the same   16   encountering"); never a call's "exit(1)", nor "(1) A." a part
BLANK = re.compile(
    r"_+\s*[(（]?(\d{1,3})[)）]?\s*_+"
    r"|(?<!\w)[(（]\s*(\d{1,3})\s*[)）](?!\s*[A-Da-d][.．、)])"
    r"|(?:^|[ \t]{2,})(\d{1,3})(?=[ \t]{2,}|$)",
    re.MULTILINE,
)


def blank_numbers(text: str) -> frozenset[int]:
    return frozenset(int(next(g for g in m.groups() if g)) for m in BLANK.finditer(text))


def holds_blank(text: str, number: int) -> bool:
    return number in blank_numbers(text)


def find_passage(lines: list[tuple[int, str]], number: int) -> Passage | None:
    """Among the lines read outside any question since the last one, a passage serving question
    `number`: the lines after a group header whose range holds it, or a text holding its blank."""
    for at in range(len(lines) - 1, -1, -1):
        span = group_range(lines[at][1])
        if span is not None and span[0] <= number <= span[1]:
            return _passage(lines[at + 1 :], span[1])
    start = len(lines)
    while start > 0 and not _stops(lines[start - 1][1]):
        start -= 1  # (back to the part's instructions: "說明︰第16題至第30題…" is no passage)
    passage = _passage(lines[start:], None)
    return passage if passage is not None and number in passage.blanks else None


def _passage(lines: list[tuple[int, str]], last: int | None) -> Passage | None:
    if sum(len(text) for _, text in lines) > PASSAGE_MAX:
        return None
    text = "\n".join(text for _, text in lines).strip()
    if len(rules.bare_words(text)) < PASSAGE_MIN:
        return None
    return Passage(text=text, last=last, lines=[lineno for lineno, _ in lines], blanks=blank_numbers(text))


def _stops(text: str) -> bool:
    return bool(
        rules.INSTRUCTIONS.search(text) or INSTRUCTION_OPENING.match(text) or GROUP_HEADER.match(text)
    )


# ("說明︰" folds to "說明..": the vertical colon a Taiwanese paper prints)
INSTRUCTION_OPENING = re.compile(
    r"\s*(?:說明|说明|Directions?|Instructions?)\s*(?:[:：︰]|\.\.)", re.IGNORECASE
)
