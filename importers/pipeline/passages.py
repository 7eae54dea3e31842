"""A reading passage over the questions it serves: a cloze's text holding the blanks that the
numbered options below it fill ("…would not be the same   16   encountering…" then "16. (A) as
(B) for"), the text a group header announces ("第41至44題為題組", "阅读下面的文字，完成6～8题",
"Questions 41-44 are based on the following passage"), or an English paper's reading text with
no header (paragraphs of prose, serving the questions under it until the next text or a set
numbered anew). Each question it serves gets it as material: a trainee answers a cloze or a
reading question only with its text in view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules

# "第41至44題為題組", "第21-25题为题组", "第16至20題共用下列文章", "Questions 41-44 are based on…",
# "阅读下面的文字，完成6～8题。"
_TO = r"\s*(?:至|到|~|～|-|－|—|–)\s*"
GROUP_HEADER = re.compile(
    rf"^\s*(?:第\s*(\d{{1,3}}){_TO}第?\s*(\d{{1,3}})\s*[题題]\s*"
    r"(?:[为為]\s*[题題][组組]|共用|基于|基於|根据|根據|请|請|阅读|閱讀)"
    rf"|Questions?\s+(\d{{1,3}})\s*(?:-|–|—|to|through)\s*(\d{{1,3}})\s+(?:are|is)\s+based"
    rf"|(?:[(（]?[一二三四五六七八九十\d]{{1,2}}[)）]?\s*[、.．]?\s*)?(?:请|請)?(?:阅读|閱讀)[^\n]{{0,24}}?"
    rf"(?:完成|回答|作答)\s*第?\s*(\d{{1,3}}){_TO}(\d{{1,3}})\s*[题題小])",
    re.IGNORECASE,
)
# Characters of prose a passage holds at least (a line or two is a note, not a text to read),
# and at most (an exam's passage is a page or two; the rest of a long file is no passage, and
# each question would search it again for its blank)
PASSAGE_MIN = 120
PASSAGE_MAX = 20_000


READING_LINES = 2  # paragraphs, at least
READING_MIN = 300  # characters
READ_ON = 10**6  # the last question a headerless reading text serves: all, until the next text
LATIN_SHARE = 0.8
LATIN = re.compile(r"[A-Za-z]")
WORD_CHARS = re.compile(r"\w")
PARAGRAPH_MIN = 40  # characters of a reading text's paragraph
LABEL_LINES = 3  # short lines over it, at most
SHORT_SHARE = 3  # and in it, a third of its lines
# A line that asks, a program's, a link or a page footer's: no reading text holds one
NOT_A_TEXT = re.compile(r"[?？]\s*$|https?:|www\.|©|`|[{};=]\s*$|^\s*[{}]")


@dataclass
class Passage:
    text: str
    last: int | None  # the last question a header gave it (READ_ON: all); None: those whose blank it holds
    lines: list[int]  # the lines it was read from
    blanks: frozenset[int]  # the numbers of the blanks it holds

    def serves(self, number: int) -> bool:
        return number <= self.last if self.last is not None else number in self.blanks


def group_range(text: str) -> tuple[int, int] | None:
    m = GROUP_HEADER.match(text)
    if m is None:
        return None
    first, last = next((a, b) for a, b in zip(m.groups()[::2], m.groups()[1::2], strict=True) if a)
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
    `number`: the lines after a group header whose range holds it, a text holding its blank, or
    an English reading text."""
    if sum(len(text) for _, text in lines) < PASSAGE_MIN and not any(GROUP_HEADER.match(t) for _, t in lines):
        return None  # (a passage after its header is a long text; a note under a question is none)
    for at in range(len(lines) - 1, -1, -1):
        span = group_range(lines[at][1])
        if span is not None and span[0] <= number <= span[1]:
            return _passage(lines[at + 1 :], span[1])
    start = len(lines)
    while start > 0 and not _stops(lines[start - 1][1]):
        start -= 1  # (back to the part's instructions: "說明︰第16題至第30題…" is no passage)
    passage = _passage(lines[start:], None)
    if passage is not None and number in passage.blanks:
        return passage
    if _reads_as_a_text(lines[start:]):
        return _passage(lines[start:], READ_ON)  # an English paper's reading text, no header over it
    return None


def _reads_as_a_text(lines: list[tuple[int, str]]) -> bool:
    """Paragraphs of English prose (a few lines, long, none asking): a reading text; Chinese
    text between questions is a case's or a question's own, told by other rules."""
    texts = [text for _, text in lines if text.strip()]
    total = sum(len(text) for text in texts)
    if len(texts) < READING_LINES or total < READING_MIN or any(NOT_A_TEXT.search(t) for t in texts):
        return False
    labels = 0
    while labels < min(LABEL_LINES, len(texts) - 1) and len(texts[labels]) < PARAGRAPH_MIN:
        labels += 1  # ("Day 2", "A", "A Guide to the University" over it: its labels and title)
    if sum(len(text) < PARAGRAPH_MIN for text in texts[labels:]) * SHORT_SHARE > len(texts) - labels:
        return False  # (a guide's headings "Food" "Health", a signature; notes are short lines)
    letters = sum(len(LATIN.findall(text)) for text in texts)
    return letters >= LATIN_SHARE * sum(len(WORD_CHARS.findall(text)) for text in texts)


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
