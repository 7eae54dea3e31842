"""What the segmenter builds (plain data): sections of raw items, and answer keys printed away
from their questions. Classify turns items into questions; link gives keys to items."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Image, Line

CHOICE_KINDS = ("single", "multiple")


def join(a: str, b: str, sep: str) -> str:
    if not a:
        return b
    if not b:
        return a
    return a + sep + b


@dataclass
class Item:
    number: str
    lineno: int
    section: Section
    stem: str = ""
    options: list[str] = field(default_factory=list)
    option_family: str = ""
    option_mark: str = ""  # the punctuation its option labels carry ("A:" → ":", "(A)" → "()")
    answer: str | None = None
    explanation: str | None = None
    extra: list[str] = field(default_factory=list)  # lines after the stem not claimed by a marker
    mark: str | None = None  # a judgement mark such as "√"
    verdicts: list[tuple[str, bool]] = field(default_factory=list)  # verdict lines under it (bold?)
    tag: str = ""  # a type printed on the question ("单选题 (1分)"), which outranks the section
    checked: list[int] = field(default_factory=list)  # options ticked as the key ("- [x] 客户")
    blank_line: bool = False  # followed by a "____" answer line
    material: str = ""
    difficulty: int | None = None
    slot: str = "stem"
    depth: int = 0  # Markdown list depth of its number: deeper numbers are its own points
    bold: bool = False  # its numbered line was set wholly in bold (the paper's questions are)
    headed: int = 0  # the level of the Markdown heading it was numbered on ("### 12. 运算符": 3)
    bracketed: bool = False  # numbered "(2)" or "2)": a sub-question, its next sibling likewise
    glued: bool = False  # numbered "1系统的定义": no mark or space between its number and its text
    code_answer: bool = False  # its answer so far a code block under it, no label before it
    problem: bool = False  # a programming problem's statement (题目内容/输入格式/…), all of it stem
    asked_q: bool = False  # opened by "Q:": the "A:" under it is its answer, not option A
    example: bool = False  # labelled a worked example: "【例1】", "例题2："
    answered_by_trainee: bool = False  # "我的答案：…" under it: a question, never a case's material
    parent: Item | None = None  # the numbered question whose text became this part's material
    story: int = 0  # a case part's: the number of the story it asks about ("26、阅读材料…" "问题一：")
    # the option sets of its earlier blanks (软考's "(39)(40)"), its own options the last one's
    groups: list[list[str]] = field(default_factory=list)
    shares: tuple[int, int] | None = None  # heads options shared by questions first…last (配伍题)
    images: list[Image] = field(default_factory=list)
    _image_lines: set[int] = field(default_factory=set)  # a line's pictures are attached once

    def attach_images(self, line: Line) -> None:
        if line.images and id(line) not in self._image_lines:
            self._image_lines.add(id(line))
            self.images.extend(line.images)

    def append(self, text: str, new_line: bool) -> None:
        sep = "\n" if new_line else ""
        if self.slot == "stem":
            self.stem = join(self.stem, text, "")
        elif self.slot == "option":
            self.options[-1] = join(self.options[-1], text, "")
        elif self.slot == "answer":
            self.answer = join(self.answer or "", text, sep)
        elif self.slot == "explanation":
            self.explanation = join(self.explanation or "", text, sep)
        # slot "mine": the trainee's own answer in a platform export, dropped; slot "verdict": see
        # Segmenter.on_text


@dataclass
class KeyEntry:
    number: int
    lineno: int
    target: Section | None
    doc: int = 0
    text: str = ""
    in_order: bool = False  # a bare "A" on its line: the next question's key, numbered or not
    aside: str = ""  # an explanation printed before the entry's answer label
    explains: bool = False  # read in a part of explanations printed after the key ("…解析")


@dataclass
class Section:
    heading: str
    kind: str  # single/multiple/truefalse/fill/short/case/generic/prose
    doc: int
    lineno: int = 0
    chapter: str = ""  # the enclosing "第X章…" heading, else the title of the paper
    items: list[Item] = field(default_factory=list)
    loose: list[Line] = field(default_factory=list)
    local_key: str = ""  # a case study's own "参考答案:1、…2、…" text
    marks_lead: bool = False  # judgement marks are printed before their items' numbers
    keys_lead: bool = False  # so are choices' keys: "（B）1．…"
    level: int = 0  # the level of the Markdown heading that opened it (0: none)
    unheaded: int = 0  # its items not numbered on a Markdown heading (counted as they close)
    numbered: int = 0  # its items that carry a number (counted as they close)
    by_chapter: bool = False  # a chapter of a part of one type ("填空题" over "第一章" "第二章")
    number_style: str = ""  # "plain" ("1."), "paren" ("(1)"), "close" ("1)") or "cn" ("一、"), as its first;
    # "part" for a judge's ids ("1-2", line_rules.part_and_number)
    # ("task": its questions are task-list lines "- [x] …", see line_rules.task_judgement)

    def drop(self, gone: set[int]) -> None:
        """Take out the items whose ids are in `gone` (folded into another), counting again."""
        self.items[:] = [item for item in self.items if id(item) not in gone]
        self.unheaded = sum(1 for item in self.items if not item.headed)
        self.numbered = sum(1 for item in self.items if item.number)


@dataclass
class Segmented:
    sections: list[Section]
    keys: list[KeyEntry]
    numbered_items: int
    roles: dict[int, list[str]] = field(default_factory=dict)  # line number → what it became
