"""SEGMENT stage: clean lines → sections of raw items and answer keys.

A scanner walks each line, finds the next boundary of the rule table (rules.BOUNDARY) that
is valid in the current state, hands the text before it to the open field, then moves on.
State decides what is a boundary: an item number must be the one expected next ("…D.xx2.下一题"
splits, "3.5%" does not); an option label must be the next letter in the item's style.
Nothing is dropped silently: text outside any item is kept as loose lines of its section.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from . import rules
from .model import Image, Line

CHOICE_KINDS = ("single", "multiple")
# What each boundary makes of the line it is on (parse_paper --explain).
BOUNDARY_ROLES = {
    "prose_heading": "heading",
    "prose_marker": "heading",
    "chapter": "heading",
    "case_questions": "heading",
    "chapter_key": "key",
    "section_key": "key",
    "local_key": "key",
    "key_item": "key",
    "key_pair": "key",
    "key_range": "key",
    "mark_run": "key",
    "item": "question",
    "my_answer": "metadata",
    "meta": "metadata",
}
# A list of numbered answers straight after "答案:" is the key of the section just read.
SECTION_KEY_NEXT = re.compile(rf"\s*1\s*(?:[.、．:：]\s*[A-H{rules.MARKS}]|[-~～—–]\s*\d)")
KEY_LINE = re.compile(r"^(?:参考|參考|标准|標準)?答案(?:及解析|解析)?\s*[:：]?$")
STEM_END = re.compile(r"[。.?？!！:：)）]\s*$")
LONE_LABEL = re.compile(r"^[A-H]$")
ENUMERATION = re.compile(r"\s*B\s*[、,，]\s*C(?:\s*[、,，和及]|[^.．、:)）\s])")
OPTION_FAMILY = {
    "opt_punct": "punct",
    "opt_paren": "paren",
    "opt_space": "space",
    "opt_bare": "space",
    "opt_circle": "circle",
}


@dataclass
class Item:
    number: str
    lineno: int
    section: Section
    stem: str = ""
    options: list[str] = field(default_factory=list)
    option_family: str = ""
    answer: str | None = None
    explanation: str | None = None
    extra: list[str] = field(default_factory=list)  # lines after the stem not claimed by a marker
    mark: str | None = None  # a judgement mark such as "√"
    tag: str = ""  # a type printed on the question ("单选题 (1分)"), which outranks the section
    blank_line: bool = False  # followed by a "____" answer line
    material: str = ""
    difficulty: int | None = None
    slot: str = "stem"
    images: list[Image] = field(default_factory=list)
    _image_lines: set[int] = field(default_factory=set)  # a line's pictures are attached once

    def attach_images(self, line: Line) -> None:
        if line.images and id(line) not in self._image_lines:
            self._image_lines.add(id(line))
            self.images.extend(line.images)

    def append(self, text: str, new_line: bool) -> None:
        sep = "\n" if new_line else ""
        if self.slot == "stem":
            self.stem = _join(self.stem, text, "")
        elif self.slot == "option":
            self.options[-1] = _join(self.options[-1], text, "")
        elif self.slot == "answer":
            self.answer = _join(self.answer or "", text, sep)
        elif self.slot == "explanation":
            self.explanation = _join(self.explanation or "", text, sep)


@dataclass
class KeyEntry:
    number: int
    lineno: int
    target: Section | None
    doc: int = 0
    text: str = ""


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


@dataclass
class Segmented:
    sections: list[Section]
    keys: list[KeyEntry]
    numbered_items: int
    roles: dict[int, list[str]] = field(default_factory=dict)


def _inside_brackets(text: str) -> bool:
    depth = 0
    for ch in text[-80:]:
        if ch in "(（":
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
    return depth > 0


def _join(a: str, b: str, sep: str) -> str:
    if not a:
        return b
    if not b:
        return a
    return a + sep + b


class Segmenter:
    def __init__(self) -> None:
        self.doc = 0
        self.sections: list[Section] = []
        self.keys: list[KeyEntry] = []
        self.item: Item | None = None
        self.numbered_items = 0
        self.sheet_numbers: list[int] = []
        self.last_number = 0  # numbering may run on across sections of one paper
        self.doc_title = ""
        self.chapter_title = ""
        self.wrap_width: float | None = None  # set by segment() for hard-wrapped text (PDF)
        self.prev_full = False  # the previous line reached the wrap width: this one continues it
        self.roles: dict[int, list[str]] = {}  # line number → what its parts became, in order
        self._new_section("", "generic", 0)

    # ---- state changes -------------------------------------------------------------------
    def _new_section(self, heading: str, kind: str, lineno: int) -> None:
        self.close_item()
        chapter = self.chapter_title or self.doc_title
        self.section = Section(heading=heading, kind=kind, doc=self.doc, lineno=lineno, chapter=chapter)
        self.sections.append(self.section)
        self.expected = 1
        self.mode = "questions"  # or "key" (a key for earlier sections) or "local_key"
        self.key_target: Section | None = None
        self.key_entry: KeyEntry | None = None
        self.key_last = 0
        self.case_open = False  # a case study's sub-questions have started ("问题:")
        self.material = ""

    def close_item(self) -> None:
        if self.item is not None:
            self.item.section.items.append(self.item)
            self.item = None

    def new_document(self, lineno: int, title: str = "") -> None:
        """A title such as "客户关系管理试题及答案" starts another paper glued into the file."""
        if (
            self.doc_title
            and self.item is None
            and not any(s.items for s in self.sections if s.doc == self.doc)
        ):
            return  # a subtitle under the title just read: the same paper
        self.doc += 1
        self.last_number = 0
        self.doc_title = re.sub(r"^\d+(?=\D)", "", title).strip()[:60]  # "1《…》模拟试题": a page number
        self.chapter_title = ""
        self._new_section("", "generic", lineno)

    # ---- scanning ------------------------------------------------------------------------
    def feed(self, line: Line) -> None:
        full = self.wrap_width is not None and display_width(line.text) >= WRAP_FULL * self.wrap_width
        self._feed(line)
        self.prev_full = full

    def _feed(self, line: Line) -> None:
        text = line.text
        whole = self._whole_line(line)
        if whole:
            self.trace(line, whole)
            return
        pos = 0
        new_line = True
        head = rules.JUDGEMENT_HEAD.match(text)
        if head and self.item is not None and self.mode == "questions" and not self.item.options:
            self.item.mark = head.group(1)  # "(错误)12. 下一题…": the mark closes the previous item
            pos = head.end()
        while pos < len(text):
            found = self._next_boundary(text, pos, line)
            end = found[0].start() if found else len(text)
            fragment = text[pos:end].strip()
            if fragment:
                title_like = (new_line or self.item is None) and len(fragment) <= 40
                if (
                    found
                    and found[1] in ("heading", "chapter")
                    and title_like
                    and rules.TITLE_WORDS.search(fragment)
                ):
                    self.new_document(line.lineno, fragment)
                    self.trace(line, "title")
                else:
                    self.on_text(fragment, line, new_line)
                new_line = False
            if not found:
                break
            m, kind, payload = found
            self.trace(line, BOUNDARY_ROLES.get(kind, kind))
            pos = self.on_boundary(m, kind, payload, text, line)
            new_line = False

    def _whole_line(self, line: Line) -> str:
        """The role of a line that is one thing as a whole ("" when it needs the scanner)."""
        text = line.text
        item = self.item
        if rules.BLANK_LINE.match(text):
            if item is not None and not item.options:
                item.blank_line = True
                self.close_item()
                return "blank"
            self.section.loose.append(line)
            return "loose"
        if item is not None and self._lone_label(text, item):
            item.options.append("")  # "A" alone, the option's text on the next line (app exports)
            item.option_family = "alone"
            item.slot = "option"
            return "option"
        mark = rules.JUDGEMENT.match(text)
        if mark and item is not None and self.mode == "questions" and not item.options:
            item.mark = mark.group(1)
            return "answer"
        if KEY_LINE.match(text):
            if "解析" in text and item is not None and self.mode == "questions":
                item.slot = "explanation"  # "答案解析：" under a question: its explanation follows
                item.explanation = item.explanation or ""
                return "explanation"
            self._start_key(line.lineno)
            return "key"
        bare = rules.BARE_HEADING.match(text)
        if bare:
            self._start_heading(text, self._section_kind(bare.group("title")), "", line)
            return "heading"
        numbers = rules.SHEET_NUMBERS.match(text)
        if numbers:
            self.sheet_numbers = [int(n) for n in numbers.group(1).split()]
            return "key"
        answers = rules.SHEET_ANSWERS.match(text)
        if answers and self.sheet_numbers:
            self._read_answer_sheet(answers.group(1).split(), line)
            return "key"
        standalone_title = (
            len(text) <= 40
            and rules.TITLE_WORDS.search(text)
            and not rules.QUESTION_WORDS.search(text)
            and not rules.BLANK.search(text)
            and not rules.BOUNDARY.match(text)
        )
        if standalone_title:
            self.new_document(line.lineno, text)
            return "title"
        return ""

    def _lone_label(self, text: str, item: Item) -> bool:
        if not LONE_LABEL.match(text) or self.mode != "questions" or item.slot not in ("stem", "option"):
            return False
        return ord(text) - ord("A") == len(item.options) and bool(item.options or item.stem)

    def _next_boundary(self, text: str, pos: int, line: Line) -> tuple[re.Match[str], str, object] | None:
        p = pos
        while True:
            m = rules.BOUNDARY.search(text, p)
            if m is None:
                return None
            verdict = self._validate(m, text, pos)
            if verdict is not None:
                return (m, verdict[0], verdict[1])
            p = m.start() + 1

    def _validate(self, m: re.Match[str], text: str, pos: int) -> tuple[str, object] | None:
        group = m.lastgroup
        line_start = not text[: m.start()].strip()
        if group == "prose_marker":
            before_ok = m.start() == 0 or text[m.start() - 1].isspace()
            after_ok = re.match(r"\s*[:：]?\s*(?:$|\d|[(（]?[一二三四五六七八九十\d])", text[m.end() :])
            return ("prose_marker", None) if before_ok and after_ok else None
        if group == "heading_chapter":
            return self._validate_chapter(m, text, line_start)
        if group == "heading_cn":
            return self._validate_heading(m, text, line_start)
        if group == "key":
            return self._validate_key(m, text)
        if group == "answer" and SECTION_KEY_NEXT.match(text, m.end()):
            return ("section_key", None)  # "答案:1.A 2.B" / "答案:1-5 ABCDA" after a section's questions
        if group in ("answer", "my_answer", "explanation"):
            return (group, None)
        if group == "case_questions":
            return ("case_questions", None) if self.section.kind in ("case", "short", "generic") else None
        if group == "meta":
            return ("meta", None) if self.item is not None and self.mode == "questions" else None
        if group == "key_pair":
            return ("key_pair", None) if self.mode == "key" else None
        if group in ("key_range", "mark_run"):
            return (group, None) if self.mode == "key" else None
        if group == "item":
            return self._validate_item(m, text, line_start, pos)
        if group == "option":
            return self._validate_option(m, pending=text[pos : m.start()].strip())
        return None

    def _validate_chapter(self, m: re.Match[str], text: str, line_start: bool) -> tuple[str, object] | None:
        if not line_start:
            return None
        rest = text[m.end() :]
        if re.match(r"\s*[:：]", rest) or re.match(r"\s*(?:答案|参考答案)", rest):
            return ("chapter_key", None)
        return ("chapter", None)

    def _validate_heading(self, m: re.Match[str], text: str, line_start: bool) -> tuple[str, object] | None:
        title = rules.HEADING_TITLE.match(text, m.end())
        if title and (line_start or self._section_kind(title.group(0)) != "generic"):
            return ("heading", title)
        if self.mode == "local_key":
            return None
        if line_start and not (self.mode == "questions" and self.case_open):
            return ("prose_heading", None)
        return None

    def _validate_key(self, m: re.Match[str], text: str) -> tuple[str, object] | None:
        rest = text[m.end() :]
        heading_next = re.match(rf"\s*[{rules.CN_NUM}]{{1,3}}\s*[、.．]", rest)
        if heading_next and rules.HEADING_TITLE.match(rest, heading_next.end()):
            return ("key", None)
        if self.section.kind == "case" and self.case_open:
            return ("local_key", None)
        if not rest.strip():
            return ("key", None)
        if self.item is not None and self.item.answer is None and m.group(0).rstrip().endswith((":", "：")):
            return ("answer", None)
        return ("key", None)

    def _validate_item(
        self, m: re.Match[str], text: str, line_start: bool, pos: int
    ) -> tuple[str, object] | None:
        n = int(m.group("item_n") or m.group("item_di") or m.group("item_p") or m.group("item_q"))
        if m.group("item_q") and not line_start:
            return None
        if self.mode == "local_key":
            return None
        if self.mode == "key":
            if m.group("item_p") or (self.key_entry is not None and self.key_entry.number == 0):
                return None  # the answer of a lone essay question numbers its own points
            rest = text[m.end() :]
            answerish = re.match(r"\s*(?:[A-H]|答|[(（]?P|[√×对错]|\d+\s*[.、]|$)", rest)
            if n == self.key_last + 1 or (n > self.key_last and answerish):
                return ("key_item", n)
            return None
        if self.section.kind == "case" and not self.case_open:
            return None
        if re.search(r"\d[.．]$", text[: m.start()]):
            return None  # the "5" of "1.5" (an empty key entry "16.17.A" is fine, above)
        if m.group("item_p") and not line_start and not (self.case_open and n == self.expected):
            return None  # "(1)" mid-line is sub-numbering inside an answer, except a case's questions
        item = self.item
        if (
            item is not None
            and not line_start
            and item.slot in ("answer", "explanation")
            and not item.options
        ):
            so_far = (item.answer or "") + (item.explanation or "") + text[pos : m.start()]
            if re.search(r"(?<!\d)1\s*[.、．]", so_far):
                return None  # "答:1.以客户为中心 2.及时": points of an answer, not the next question
        if n == self.expected or (not self.section.items and self.item is None and n == self.last_number + 1):
            return ("item", n)
        if line_start and (n == 1 or self.expected < n <= self.expected + 2):
            return ("item", n)
        if line_start and self.item is None and not self.section.items and self.numbered_items == 0:
            return ("item", n)  # an excerpt may start at any number
        previous = self.item or (self.section.items[-1] if self.section.items else None)
        if line_start and n == self.last_number and previous is not None and previous.options:
            return ("item", n)  # a choice question printed with its neighbour's number
        return None

    def _validate_option(self, m: re.Match[str], pending: str) -> tuple[str, object] | None:
        item = self.item
        if self.mode != "questions" or item is None or item.slot not in ("stem", "option"):
            return None
        group = next(g for g in OPTION_FAMILY if m.group(g))
        label = m.group(group)
        if label.islower() and (group != "opt_punct" or not item.options):
            return None  # "c." is a label only as a misprint inside an upper-case run
        index = "①②③④⑤⑥⑦⑧".index(label) if group == "opt_circle" else ord(label.upper()) - ord("A")
        family = OPTION_FAMILY[group]
        if index != len(item.options):
            return None
        before = m.string[m.start() - 1] if m.start() else ""
        if group == "opt_punct" and before.isascii() and before.isalpha() and index == 0:
            return None  # "CRM." is not option A; "…CRMB." is option B glued to Latin text
        if group == "opt_paren" and index == 0 and not m.string[m.end() :].strip(" 。.?？"):
            return None  # "…的是（A）" ending the line: the answer written in the blank
        if _inside_brackets(m.string[: m.start()]):
            return None  # "（   A    ）": the answer written in the blank, not a label
        if index == 0 and ENUMERATION.match(m.string, m.end()):
            return None  # "三项急件A、B、C材料…": letters named in a sentence, not options
        if index == 0:
            if group == "opt_bare" or not (item.stem or pending):
                return None
        elif family != item.option_family:
            return None
        return ("option", (index, family))

    # ---- handlers ------------------------------------------------------------------------
    def on_boundary(self, m: re.Match[str], kind: str, payload: object, text: str, line: Line) -> int:
        if kind == "heading":
            return self._on_heading(m, payload, line)  # type: ignore[arg-type]
        if kind == "prose_heading":
            end = self._heading_end(text, m.end(), rules.PROSE_HEADING_MAX)
            self._new_section(text[m.start() : end].strip(), "prose", line.lineno)
            return end
        if kind == "prose_marker":
            self._new_section(m.group(0), "prose", line.lineno)
            return m.end()
        if kind == "chapter":
            end = self._heading_end(text, m.end(), 30)
            rest = text[end:].strip()
            # "第一节 客户是企业生存与发展之本……": a textbook section, not an exercise chapter
            prose = len(rest) > 30 and not rules.BOUNDARY.match(rest)
            heading = text[m.start() : end].strip()
            kind = "prose" if prose else self._section_kind(heading)
            if kind in ("generic", "prose"):  # "第一部分 单项选择题" names a type, not a topic
                self.chapter_title = heading
            self._new_section(heading, kind, line.lineno)
            return end
        if kind == "chapter_key":
            self._start_key(line.lineno)
            self.key_target = self._chapter_section(m.group(0))
            rest = re.match(r"\s*(?:参考答案|答案)?\s*[:：]?", text[m.end() :])
            return m.end() + (rest.end() if rest else 0)
        if kind == "key":
            self._start_key(line.lineno)
            return m.end()
        if kind == "section_key":
            section = self.section
            self._start_key(line.lineno)
            self.key_target = section
            return m.end()
        if kind == "local_key":
            self.close_item()
            self.mode = "local_key"
            return m.end()
        if kind == "key_item":
            self._add_key(int(payload), line)  # type: ignore[call-overload]
            return m.end()
        if kind == "key_pair":
            self._add_key(int(m.group("kp_n")), line).text = m.group("kp_a")
            self.key_entry = None
            return m.end()
        if kind in ("meta", "my_answer"):
            return self._skip_meta(m, text, line)  # "我的答案: B: 倾听;" is the trainee's, dropped
        if kind in ("key_range", "mark_run"):
            marks = re.sub(r"\s", "", m.group("kr_marks") if kind == "key_range" else m.group("mark_run"))
            first = int(m.group("kr_from")) if kind == "key_range" else self.key_last + 1
            for k, mark in enumerate(marks):
                self._add_key(first + k, line).text = mark
            self.key_entry = None
            return m.end()
        if kind == "item":
            self._on_item(str(payload), line)
            return m.end()
        if kind == "option":
            index, family = payload  # type: ignore[misc]
            assert self.item is not None
            if index == 0 and self.item.extra:
                if STEM_END.search(self.item.stem) and rules.QUESTION_WORDS.search(self.item.stem):
                    self._split_unnumbered(line)
                else:
                    self.item.stem = _join(self.item.stem, "".join(self.item.extra), "")
                    self.item.extra = []
            self.item.options.append("")
            self.item.option_family = family
            self.item.slot = "option"
            return m.end()
        if kind == "case_questions":
            self._on_case_questions()
            return m.end()
        if kind in ("answer", "explanation"):
            if self.mode == "questions" and self.item is not None:
                self.item.slot = kind
                if kind == "answer" and self.item.answer is None:
                    self.item.answer = ""
                if kind == "explanation" and self.item.explanation is None:
                    self.item.explanation = ""
            elif self.mode == "key" and self.key_entry is not None and kind == "explanation":
                self.key_entry.text += "\x1e"  # separator read by the linker
            elif self.mode == "local_key":
                self.section.local_key += "\x1e" if kind == "explanation" else ""
            return m.end()
        return m.end()  # my_answer: dropped

    def _skip_meta(self, m: re.Match[str], text: str, line: Line) -> int:
        nxt = self._next_boundary(text, m.end(), line)
        end = nxt[0].start() if nxt else len(text)
        value = text[m.end() : end].strip()
        if self.item is not None and m.group(0).startswith(("难", "難")):
            self.item.difficulty = difficulty_level(value)
        return end

    def _heading_end(self, text: str, start: int, limit: int) -> int:
        stop = min(len(text), start + limit)
        nxt = rules.BOUNDARY.search(text, start, stop)
        ws = re.search(r"\s", text[start:stop])
        ends = [stop]
        if nxt:
            ends.append(nxt.start())
        if ws:
            ends.append(start + ws.start())
        return min(ends)

    def _on_heading(self, m: re.Match[str], title: re.Match[str], line: Line) -> int:
        heading = (m.group(0) + title.group(0)).strip().rstrip(":：")
        self._start_heading(heading, self._section_kind(title.group(0)), m.string[title.end() :], line)
        return title.end()

    def _read_answer_sheet(self, answers: list[str], line: Line) -> None:
        """题号 1 2 3 / 答案 A C B: an answer-sheet table (tables reach us as tab-separated rows)."""
        self.close_item()
        for number, answer in zip(self.sheet_numbers, answers, strict=False):
            self._add_key(number, line).text = answer
        self.sheet_numbers = []
        self.key_entry = None

    def _start_heading(self, heading: str, kind: str, rest: str, line: Line) -> None:
        heading = heading.strip().rstrip(":：")
        target = self._find_section(heading, kind) if self.mode == "key" else None
        # Inside a key, a section name followed by answers (or by nothing: the answers follow on
        # the next lines) switches the key's target; anything else ends the key.
        if target is not None and (
            re.match(r"\s*(?:\d|[A-H]|答|[√×]|$)", rest) or self._find_unnumbered(heading, kind)
        ):
            self.key_target = target
            self.key_last = 0
            self.key_entry = None
            if self.key_target is not None and self._find_unnumbered(heading, kind):
                # "四、論述題 构建…": the key of a lone unnumbered question follows its heading
                self._add_key(0, line)
            return
        self._new_section(heading, kind, line.lineno)

    def _on_item(self, number: str, line: Line) -> None:
        self.close_item()
        self.numbered_items += 1
        self.expected = int(number) + 1
        self.last_number = int(number)
        self.item = Item(number=number, lineno=line.lineno, section=self.section, material=self.material)
        self.item.attach_images(line)

    def _split_unnumbered(self, line: Line) -> None:
        """Options under a line that followed a finished stem belong to that line: a question
        whose number the scraper lost ("19.简述…。" / "CIC…,包括" / "A.…")."""
        assert self.item is not None
        stem = self.item.extra.pop()
        self.close_item()
        self.item = Item(
            number="", lineno=line.lineno, section=self.section, stem=stem, material=self.material
        )

    def _on_case_questions(self) -> None:
        item = self.item
        if item is not None and not item.number:
            self.material = _join(item.stem, "\n".join(item.extra), "\n")
            self.item = None
        self.case_open = True
        self.expected = 1

    def _add_key(self, number: int, line: Line) -> KeyEntry:
        self.key_entry = KeyEntry(number=number, lineno=line.lineno, target=self.key_target, doc=self.doc)
        self.keys.append(self.key_entry)
        self.key_last = number
        return self.key_entry

    def _start_key(self, lineno: int) -> None:
        self.close_item()
        self.mode = "key"
        self.key_target = None
        self.key_entry = None
        self.key_last = 0

    def on_text(self, text: str, line: Line, new_line: bool) -> None:
        self.trace(line, self._text_role())
        if self.mode == "key":
            if self.key_entry is not None:
                self.key_entry.text = _join(self.key_entry.text, text, "\n" if new_line else "")
            return
        if self.mode == "local_key":
            self.section.local_key = _join(self.section.local_key, text, "\n" if new_line else "")
            return
        item = self.item
        if item is None:
            if self.section.kind == "case" and self.case_open and self.expected == 1:
                self.material = _join(self.material, text, "")
            elif self.section.kind in ("case", "short") and not self.case_open:
                self.item = Item(number="", lineno=line.lineno, section=self.section, stem=text)
            else:
                self.section.loose.append(Line(text=text, lineno=line.lineno, images=line.images))
            return
        tag = rules.TAG_ONLY.match(text) if item.slot == "stem" and not item.stem else None
        if tag:
            item.tag = tag.group("tag")  # the platform's type tag, not the stem (which follows)
        elif new_line and item.slot == "option" and item.options and not item.options[-1]:
            item.options[-1] = text  # a label alone on its line: its text is this line
        elif new_line and self.prev_full and item.slot in ("stem", "option") and not item.extra:
            item.append(text, new_line=False)  # the line before was cut at the page's width
        elif new_line and item.slot == "stem":
            self._continue_stem(item, text)
        elif new_line and item.slot == "option":
            item.extra.append(text)
        else:
            item.append(text, new_line)
        item.attach_images(line)

    def _text_role(self) -> str:
        """Where text read now goes, for the line-by-line explanation of a parse."""
        if self.mode != "questions":
            return "key"
        item = self.item
        if item is None:
            if self.section.kind == "case" and self.case_open and self.expected == 1:
                return "material"
            return "stem" if self.section.kind in ("case", "short") and not self.case_open else "loose"
        return "unlabelled" if item.extra else item.slot

    def trace(self, line: Line, role: str) -> None:
        for lineno in (line.lineno, *line.joined):
            roles = self.roles.setdefault(lineno, [])
            if role not in roles:
                roles.append(role)

    def _continue_stem(self, item: Item, text: str) -> None:
        """A new line under a stem: more of the question, or (for open questions) its answer."""
        if not item.stem and not item.extra:
            item.stem = text  # under a number (and type tag) alone on its line: the stem itself
        elif item.extra:
            item.extra.append(text)
        elif self.section.kind in ("short", "generic", "case", "prose"):
            if rules.QUESTION_WORDS.search(text) and not re.match(r"^[(（]?\d", text):
                item.stem = _join(item.stem, text, "\n")
            else:
                item.extra.append(text)
        elif not STEM_END.search(item.stem):
            item.stem = _join(item.stem, text, "")  # a stem wrapped across lines
        else:
            item.extra.append(text)

    # ---- lookups -------------------------------------------------------------------------
    @staticmethod
    def _section_kind(title: str) -> str:
        for words, kind in rules.SECTION_KINDS:
            if re.search(words, title):
                return kind
        return "generic"

    def _find_section(self, heading: str, kind: str) -> Section | None:
        def norm(s: str) -> str:
            return re.sub(
                r"\s", "", rules.SCORE_NOTE.sub("", re.sub(rf"^[{rules.CN_NUM}]+\s*[、.．]", "", s))
            )

        candidates = [s for s in self.sections if s.doc == self.doc and s.items]
        for s in candidates:
            if norm(s.heading) == norm(heading):
                return s
        same_kind = [s for s in candidates if s.kind == kind]
        return same_kind[0] if len(same_kind) == 1 else None

    def _find_unnumbered(self, heading: str, kind: str) -> bool:
        target = self._find_section(heading, kind)
        return target is not None and len(target.items) == 1 and not target.items[0].number

    def _chapter_section(self, label: str) -> Section | None:
        n = chinese_number(re.sub(r"\D*?([一二三四五六七八九十百零\d]+).*", r"\1", label))
        chapters = [s for s in self.sections if s.items]
        for s in chapters:
            m = re.match(r"第\s*([一二三四五六七八九十百零\d]+)\s*[章节節]", s.heading)
            if m and chinese_number(m.group(1)) == n:
                return s
        # The first chapter of an exercise book often has no printed heading.
        if n == 1 and chapters and not chapters[0].heading:
            return chapters[0]
        return None


def difficulty_level(value: str) -> int | None:
    value = value.strip()
    if value[:1].isdigit():
        return max(1, min(5, int(value[0])))
    return rules.DIFFICULTY_WORDS.get(value) or rules.DIFFICULTY_WORDS.get(value[:1])


def chinese_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


WRAP_FULL = 0.9  # a line this close to the wrap width was cut there


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_width(lines: list[Line]) -> float | None:
    """The width at which a text was hard-wrapped (PDF text, fixed-width dumps), or None.

    Hard-wrapped text has a ceiling: many lines end within a few characters of the same
    width and almost none go past it. Text with one paragraph per line has no such ceiling.
    """
    widths = sorted(w for w in (display_width(line.text) for line in lines) if w >= 20)
    if len(widths) < 20:
        return None
    ceiling = widths[int(len(widths) * 0.9)]
    if sum(1 for w in widths if w > ceiling * 1.15) > 0.05 * len(widths):
        return None  # (Latin runs print narrower than they count here: a few lines may pass)
    near = sum(1 for w in widths if w >= 0.85 * ceiling)
    return ceiling if near >= 0.2 * len(widths) else None


def segment(lines: list[Line]) -> Segmented:
    seg = Segmenter()
    seg.wrap_width = wrap_width(lines)
    for line in lines:
        seg.feed(line)
    seg.close_item()
    return Segmented(sections=seg.sections, keys=seg.keys, numbered_items=seg.numbered_items, roles=seg.roles)
