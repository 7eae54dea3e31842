"""The segmenter's whole-line rules: lines that are one thing as a whole, tried in order before
the line is scanned for boundaries. Each takes the segmenter and the line, acts, and returns the
role the line played ("" when it is not the rule's: the next one is tried)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from questiontypes import words

from . import rules
from .blocks import Item, KeyEntry
from .boundaries import (
    BOOK_SECTION,
    BOUNDARY,
    SECTION_NUMBER,
    code_was_asked,
    find,
    own_answer_below,
    own_key_below,
    program_line,
    questions_below,
)
from .model import Line
from .shared_options import shared_head
from .sheet_bank import (
    Columns,
    find_columns,
    key_columns,
    options_in_stem,
    split_options_cell,
    without_echoed_options,
)

if TYPE_CHECKING:
    from .segment import Segmenter

# "[x] 客户", "[ ] 价格" (Markdown task lists), "(x) B.错", a quiz tool's "()2-7" "(x)3-7": an
# option, ticked when it is the key. (Unlettered in round brackets only ticked "x": "(√)…" is a
# statement judged true, "( )1.…" a judgement's box before its number.)
TASK_OPTION = re.compile(
    r"^(?:\[\s*(?P<sq>[xX√✓✔]?)\s*\]\s*(?:[A-H]\s*[.、．:]\s*)?"
    r"|[(（]\s*(?P<rd>[xX√✓✔]?)\s*[)）]\s*[A-H]\s*[.、．:]\s*"
    r"|[(（]\s*(?P<rx>[xX]?)\s*[)）](?!\s*\d+\s*[.、．])\s*)(?P<text>\S.*)$"
)
# "[ ] **找到接口**未选": an exported attempt marks beside an option whether the trainee chose it;
# that is the trainee's record, not the option's text (nor the key).
TASK_CHOICE_STATUS = re.compile(r"(?<=\S)\s*[(（]?(?:未选|已选|漏选|错选|未選|已選|漏選|錯選)[)）]?\s*$")
# ("附：参考答案", "附录：答案": a key printed as the paper's appendix)
KEY_LINE = re.compile(
    r"^(?:\*\*)?(?:(?:附录|附錄|附)\s*[:：]\s*)?(?:参考|參考|标准|標準)?答案(?:及解析|解析)?\s*[:：]?(?:\*\*)?\s*[:：]?$"
    r"|^【(?:参考|參考|标准|標準)答案】\s*[:：]?$"  # ("【参考答案】" alone, as the label is bracketed)
)
# "数据结构 试卷答案", "期末考试参考答案及评分标准", "历史与社会试题答案及评分意见": a title
# naming the key (the paper's title words before 答案), printed after the questions; "…试题及答案"
# names a paper that holds its answers, so a 及/和/与 before 答案 is no key.
KEY_TITLE = re.compile(
    r"^(?P<paper>(?:(?:19|20)\d{2}\s*(?:年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|[-./]\d{1,2}[-./]\d{1,2}))?"
    r"[^\d\s(（].{0,34}?)"  # ("2006年10月…试题答案", "2019-11-13高三历史周练参考答案")
    r"(?<![及和与與附含带帶])(?:参考|參考|标准|標準)?答案"
    r"(?:(?:及|与|與|和)?(?:评分标准|評分標準|评分意见|評分意見|评分说明|評分說明|评分细则|評分細則|解析))?\s*[:：]?$"
)
# "《人工智能数据标注》A卷答案": a paper named by its variant (a course's name in book quotes alone
# may title a collection answered inline: "智慧树知到《经济法理论与实务》见面课答案")
PAPER_NAMED = re.compile(r"(?<![A-Za-z])[A-DＡ-Ｄ甲乙丙]\s*卷")
# "三年级信息技术·参考答案": a course or paper named, a middle dot setting its key apart
NAME_THEN_DOT = re.compile(rf"[{rules.CJK}A-Za-z]{{2}}\s*[·•・]\s*$")
# "第二套题": one of several papers printed one after another
SET_TITLE = re.compile(r"第\s*[\d一二三四五六七八九十]{1,3}\s*套[试試]?[题題卷]?")
# "第 25 天答案", "第三章答案", "Day 3 答案": the key of a lesson's questions, named by its unit
# (or "第二套题答案": of a set of papers, each its own)
UNIT = re.compile(
    r"\s*(?:第\s*[\d一二三四五六七八九十百]{1,4}\s*(?:[章节節天课課讲講周单元單元部分]{1,2}|套[试試]?[题題卷]?)"
    r"|(?:Day|Lesson|Chapter|Unit|Week)\s*\d{1,3})\s*",
    re.I,
)
# "13-14-2 数据结构 a 评分标准": a university paper's key part is titled by its grading standard
# (no colon: "评分标准：答出一点得 2 分" under an answer is that answer's own note).
SCORING_TITLE = re.compile(
    r"^(?!\d{1,3}\s*[.、．)）])[^\s(（].{0,34}?(?:评分标准|評分標準|评分细则|評分細則|评分参考|評分參考)$"
)
LONE_LABEL = re.compile(r"^[A-H]$")
BARE_NUMBER = re.compile(r"^\d{1,4}$")


def bare_number(seg: Segmenter, line: Line) -> str:
    """ "1" alone on its line, the question below it (app exports): the number expected next."""
    if not BARE_NUMBER.match(line.text) or seg.mode != "questions":
        return ""
    if seg.item is not None and (seg.item.problem or _under_sample_label(seg.item)):
        return ""  # a programming problem's sample input ("输入样例：" then "2", "输出" then "3")
    if seg.tags_open_questions() and not TAG_OPENING.match(seg.next_text):
        return ""  # (a number in a paper of questions its type tags open: an answer's, a table's)
    n = int(line.text)
    if n not in (seg.expected, seg.last_number + 1) and not _first_number(seg, n) and not _skips_to(seg, n):
        return ""  # a page number, most likely: the spine of numbering decides (numbers may run on)
    seg.open_item(line.text, line)
    seg.bare_numbered += 1
    seg.last_bare = n
    return "question"


def number_and_key(seg: Segmenter, line: Line) -> str:
    """ "001 1" alone on its line over the question (or "004 2柴油引擎…" running on into it): a bank
    printed as a table of number, key and question (題號 | 答案 | 題目). The first such line opens
    question 1; after it, each opens the number due."""
    m = NUMBER_AND_KEY.match(line.text)
    if m is None or seg.mode != "questions":
        return ""
    n, rest = int(m.group(1)), line.text[m.end() :]
    running = seg.item is not None and seg.item is seg.keyed_by_number and n == seg.expected
    if not (running or (n == 1 and not rest and _first_number(seg, n))):
        return ""
    if not (rest or seg.next_text.strip()):
        return ""  # (a question runs on after its key only in a run: the first stands alone)
    seg.leading_key = m.group(2)
    seg.open_item(str(n), line)
    item = seg.keyed_by_number = seg.item
    if rest and item is not None:
        item.stem = rest.strip()
    return "question"


# (the key: option numbers 1-4 or letters; a stem may follow only in a run of them)
NUMBER_AND_KEY = re.compile(r"^\s*(\d{1,4})\s+([1-4]{1,4}|[A-H]{1,6})(?:\s*$|(?=[\u4e00-\u9fff]))")


BARE_SKIP = 2  # numbers a recalled paper may lose in a row ("### 14" then "### 16")
BARE_RUN = 3  # questions numbered alone on their lines before a skip is believed


def _skips_to(seg: Segmenter, n: int) -> bool:
    """A number a little past the last one printed alone, in a paper that numbers each question
    so, after an answered question: the paper lost a question or two (a page's number, between a
    question's lines, would not follow an answer to a run of such numbers)."""
    item = seg.item
    answered = item is not None and bool((item.answer or "").strip())
    due = seg.last_bare + 1
    return due < n <= due + BARE_SKIP and seg.bare_numbered >= BARE_RUN and answered


# A sample's label over its data in a programming problem: "输入", "输出样例：", "Sample Output"
SAMPLE_LABEL = re.compile(
    r"^\s*(?:样例|樣例|示例)?(?:输入|輸入|输出|輸出)(?:样例|樣例|示例|数据|數據)?\s*\d?\s*[:：]?\s*$"
    r"|^\s*(?:Sample\s+)?(?:Input|Output)\s*\d?\s*[:：]?\s*$",
    re.I,
)


def _under_sample_label(item: Item) -> bool:
    last = item.extra[-1] if item.extra else item.stem.rsplit("\n", 1)[-1]
    return SAMPLE_LABEL.match(last) is not None


def _first_number(seg: Segmenter, n: int) -> bool:
    """The first number printed: 1, or the count so far plus one (the first question lost its "1")."""
    if seg.numbered_items:
        return False
    read = sum(len(section.items) for section in seg.sections) + (seg.item is not None)
    return n in (1, read + 1)


def numbered_part_heading(seg: Segmenter, line: Line) -> str:
    """ "## 1. 判断题", "### 2、选择题（每题2分）": a Markdown heading numbering a part that names
    its type, not question 1 asking "判断题"."""
    if not line.heading or seg.mode != "questions":
        return ""
    found = NUMBERED_PART.fullmatch(line.text.strip())
    if found is None or 1 < int(found.group(1)) == seg.expected:
        return ""  # ("### 2. 单选题" over question 2's text: the question's number and type)
    kind = seg.section_kind(found.group(2))
    if kind in ("generic", "prose"):
        return ""
    seg.start_heading(line.text.strip()[found.start(2) :], kind, "", line)  # (its name, as "二、…")
    return "heading"


NUMBERED_PART = re.compile(
    r"(\d{1,2})\s*[.、．]\s*([^\s\d(（\[【]\S{1,7}?题?)\s*(?:[(（][^)）]{0,30}[)）])?[:：]?"
)


def part_and_number(seg: Segmenter, line: Line) -> str:
    """ "1-1", "2-3" alone on a line, or "**Q2-1.** If the depth…" opening its question: an online
    judge's problem id (PTA numbers each part's questions "part-number"); a new part starts a
    section, its number the question below or after it."""
    found = PART_AND_NUMBER.match(line.text) if line.text[:1] in PART_ID_FIRST else None
    if found is None or seg.mode != "questions":
        return ""
    if seg.item is not None and (seg.item.problem or _under_sample_label(seg.item)):
        return ""  # "输出" then "0-2": a programming problem's sample output, no problem id
    part, n = int(found.group(1) or found.group(3)), int(found.group(2) or found.group(4))
    if part != seg.judge_part:
        if n > FIRST_ID_LOST:
            return ""  # (a part starts at 1; its first id the printout may have lost: then 2)
        seg.judge_part = part
        if seg.section.items or seg.item is not None or not seg.section.heading:
            seg.new_section("", "generic", line.lineno)  # (a part headed "多选题" right above keeps it)
    elif n != seg.expected:
        return ""
    seg.open_item(str(n), line)
    seg.section.number_style = "part"
    rest = line.text[found.end() :].strip()
    if rest:
        seg.scan(replace(line, text=rest))
    return "question"


# "1-1" alone; "Q2-1." / "**Q2-1.**" / "R1-3 " before the question's text
PART_AND_NUMBER = re.compile(
    r"^[A-Z]?(\d)-(\d{1,3})\s*$|^(?:\*\*)?[A-Z]?(\d)-(\d{1,3})[.、:：]?(?:\*\*)?(?=\s*\S)(?:\s+|(?<=\*\*)|(?<=[.、:：]))"
)
FIRST_ID_LOST = 2
PART_ID_FIRST = set("0123456789*ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def next_headed_number(seg: Segmenter, line: Line) -> str:
    """ "#### 11 && 和 || 的短路原则" after "#### 10 二维数组初始化": a bank heading each question
    "NN topic" at one level; the next number at that level opens the next question whatever its
    text begins with (the number's boundary reads a spaced number only before Chinese)."""
    if not (line.heading and line.text[:1].isdigit()) or seg.mode != "questions":
        return ""
    found = SPACED_NUMBER.match(line.text)
    previous = seg.item or (seg.section.items[-1] if seg.section.items else None)
    if found is None or previous is None or previous.headed != line.heading:
        return ""
    if int(found.group(1)) != seg.expected or not previous.number.isdecimal():
        return ""
    seg.open_item(str(int(found.group(1))), line)
    seg.scan(replace(line, text=line.text[found.end() :]))
    return "question"


SPACED_NUMBER = re.compile(r"(\d{1,3})[ \t]+(?=[^\s.．、:：,，)）])")  # (not "2 . …": its own boundary)


def bullet_question(seg: Segmenter, line: Line) -> str:
    """In a Markdown list of numbered questions, their answers nested under them ("1. 怎么评价…"
    over "   1. 实事求是…"), a bullet back at the questions' depth over a list of its own
    ("* 什么是马克思主义" over "  * 是关于…") is a question printed without a number."""
    item = seg.item
    if not line.bullet or item is None or seg.mode != "questions":
        return ""
    if not (0 < line.depth <= item.depth < seg.next_depth):
        return ""
    seg.close_item()
    seg.item = Item(number="", lineno=line.lineno, section=seg.section, stem=line.text, material=seg.material)
    seg.item.depth = line.depth
    return "question"


def heading_over_options(seg: Segmenter, line: Line) -> str:
    """ "### 同盟会的机关刊物是" over "- [ ] 《民报》" or "A. 《民报》": a bank that heads each
    question with its stem, unnumbered; the options under it make it a question, not a topic."""
    if seg.mode != "questions":
        return ""
    bold = not line.heading and _bold_paragraph(line) and not _option_waiting(seg.item)
    if not (line.heading or bold):
        return ""
    over_options = OPTION_UNDER.match(seg.next_text) is not None
    if not (over_options or (bold and seg.bold_heads)):
        return ""
    if UNNUMBERED_STEM.match(line.text) is None or NUMBER_RANGE.match(line.text):
        return ""  # ("### 3. …": the number's boundary reads it; "### 161-170" names a range)
    if seg.section.kind == "truefalse" or seg.section_kind(line.text) != "generic":
        return ""  # ("## 判断" over its ticked statements: a part; task_judgement reads them)
    seg.close_item()
    stem = line.text if line.heading else line.text[2:-2].strip()
    seg.item = Item(number="", lineno=line.lineno, section=seg.section, stem=stem, material=seg.material)
    if not over_options:
        seg.item.slot = "answer"  # what a bold question has under it, options aside, answers it
    return "question"


def bold_heads_questions(lines: list[Line]) -> bool:
    """Bold paragraphs head the paper's questions: several stand over options."""
    heads = sum(
        1
        for above, line, below in zip([None, *lines], lines, lines[1:], strict=False)
        if _bold_paragraph(line)
        and OPTION_UNDER.match(below.text)
        and not (above and LABEL_ALONE.match(above.text))
    )
    return heads >= BOLD_HEADS


def _bold_paragraph(line: Line) -> bool:
    """ "**Which of the following…?**": a paragraph wholly in bold, as notes set a heading."""
    return (
        not (line.bullet or line.quote or line.code or line.depth)
        and BOLD_PARAGRAPH.fullmatch(line.text) is not None
    )


BOLD_PARAGRAPH = re.compile(r"\*\*[^*]+\*\*")
BOLD_HEADS = 3
LABEL_ALONE = re.compile(r"^\s*[(（]?[A-H][)）]?\s*[.、．:：)）]?\s*$")  # "A." over its text, in bold


def _option_waiting(item: Item | None) -> bool:
    """An option's label read alone ("- A."): the next line is its text, bold or not."""
    return item is not None and item.slot == "option" and bool(item.options) and not item.options[-1]


# (not "- [ ] 1", "- [ ] 2": a checklist of question numbers under "## 题目列表")
OPTION_UNDER = re.compile(r"^\s*(?:[(（]?[A-H][)）]?\s*[.、．:：)）]|\[\s*[xX√✓✔]?\s*\](?!\s*\d+\s*$))")
UNNUMBERED_STEM = re.compile(rf"^(?!\s*(?:[Qq]\s*)?(?:\d{{1,4}}|[{rules.CN_NUM}]{{1,3}})\s*[.、．:：)）])\S")


def blank_line(seg: Segmenter, line: Line) -> str:
    """ "______" under a stem: the question is a fill-in whose blank is that line."""
    if not rules.BLANK_LINE.match(line.text):
        return ""
    item = seg.item
    if item is not None and "\n" in item.stem and program_line(item.stem.rsplit("\n", 1)[-1], 0):
        return ""  # "if (n < 0)" then "_______": a blank of the program the question prints
    if item is not None and not item.options:
        item.blank_line = True
        seg.close_item()
        return "blank"
    seg.section.loose.append(line)
    return "loose"


def bracketed_key(seg: Segmenter, line: Line) -> str:
    """ "【B】", "【AC】" or "(C)" alone under a choice question's options: its key (not the next
    label); so too bare letters right under the options ("A.…" … "E.…" then "C")."""
    item = seg.item
    key = BRACKETED_KEY.match(line.text.strip())
    if item is None or key is None or seg.mode != "questions":
        return ""
    letters = key.group(1) or key.group(2)
    if key.group(2) and not (item.slot == "option" and AFTER_A_KEY.match(seg.next_text)):
        return ""  # (bare letters elsewhere: a figure's labels, a line of a table)
    if not item.options and item.stem and item.answer is None and OPTION_A_NEXT.match(seg.next_text):
        item.answer, item.slot = letters, "answer"  # "…是？" "【B】" then "A. …": the key above the options
        return "answer"
    if len(item.options) < 2:
        return ""
    if item.answer is not None or letters == "ABCDEFGH"[len(item.options) % 8]:
        return ""  # a key already read, or the next option's label alone on its line
    item.answer, item.slot = letters, "answer"
    return "answer"


# What follows bare letters that key a question: nothing, its note, or the next question
AFTER_A_KEY = re.compile(r"\s*(?:$|\d{1,4}\s*[.、．]|提示|解析|答案|【)")
BRACKETED_KEY = re.compile(r"^(?:[【\[(（]\s*([A-H]{1,8})\s*[】\])）]|([A-H]{1,8}))$")
OPTION_A_NEXT = re.compile(r"\s*A\s*[.、．:：]")


def shared_options_head(seg: Segmenter, line: Line) -> str:
    """ "【41-43】" over options A–E that questions 41–43 share (see shared_options.py)."""
    shares = shared_head(line) if seg.mode == "questions" else None
    if shares is None:
        return ""
    seg.close_item()
    seg.item = Item(number="", lineno=line.lineno, section=seg.section, shares=shares)
    return "material"


def answer_as_a(seg: Segmenter, line: Line) -> str:
    """ "A. B." / "A. B, switches break up collision domains…" under options A-D already read: "A."
    abbreviates "Answer" (a learner's notes of an English practice test), its letters the key."""
    item = seg.item
    if line.text[:1] != "A" or item is None or seg.mode != "questions" or len(item.options) < 2:
        return ""
    found = ANSWER_AS_A.fullmatch(line.text.strip())
    if found is None or item.answer or item.slot != "option":
        return ""
    letters = re.sub(r"[^A-H]", "", found.group(1))
    if any(ord(c) - ord("A") >= len(item.options) for c in letters):
        return ""
    item.answer, item.slot = letters, "answer"
    if found.group(2):
        item.explanation = found.group(2).strip()
    return "answer"


# (the letters end the line or a clause: "A. B − A 和 A − B 独立", "A. C 企业的…" are option A's text)
ANSWER_AS_A = re.compile(r"A\s*[.:：]\s*([A-H](?:\s*,\s*[A-H](?![A-Za-z]))*)(?:\s*|[.,;:](?:\s+(.*))?)")


def lone_label(seg: Segmenter, line: Line) -> str:
    """ "A" alone, the option's text on the next line (exports of learning apps)."""
    item = seg.item
    text = line.text.strip("【】[]")  # "【A】" alone as well
    if item is None or not LONE_LABEL.match(text) or seg.mode != "questions":
        return ""
    if item.slot not in ("stem", "option") or ord(text) - ord("A") != len(item.options):
        return ""
    if not (item.options or item.stem):
        return ""
    if re.match(rf"\s*{text}\s*[.、．:：]", seg.next_text):
        return ""  # "【A】" over "A. 虚拟拨号…": the key printed above the options, not a label
    item.options.append("")
    item.option_family = "alone"
    item.slot = "option"
    return "option"


def task_option(seg: Segmenter, line: Line) -> str:
    """ "- [x] 客户": a Markdown task-list option; the ticked ones are the key."""
    task = TASK_OPTION.match(line.text)
    if not task or seg.mode != "questions":
        return ""
    if task.group("rx") is not None and not _in_unlettered_run(seg, line):
        return ""  # "（ ），就安全生产…": a wrapped stem opening with its blank
    if TASK_OPTION.match(seg.next_text) and _opens_task_question(seg):
        seg.item = Item(number="", lineno=line.lineno, section=seg.section, stem=_task_stem(seg))
    item = seg.item
    if item is None or item.slot not in ("stem", "option"):
        return ""
    if not item.stem or item.option_family not in ("", "task"):
        return ""
    if task.group("sq") or task.group("rd") or task.group("rx"):
        item.checked.append(len(item.options))
    item.options.append(TASK_CHOICE_STATUS.sub("", task.group("text")))
    item.option_family = "task"
    seg.task_line = line.lineno if task.group("rx") is not None else 0
    item.slot = "option"
    return "option"


def _in_unlettered_run(seg: Segmenter, line: Line) -> bool:
    """ "()2-7" "(x)3-7": unlettered options come in a run, this one after another or before one."""
    after = TASK_OPTION.match(seg.next_text)
    return seg.prev_lineno == seg.task_line > 0 or (after is not None and after.group("rx") is not None)


def stem_after_task_options(seg: Segmenter, line: Line) -> str:
    """A line after a gap below a quiz tool's unlettered options ("()2-7" "(x)3-7"), more of them
    under it: the next question's stem, not the last option's wrapped text (nor an option:
    "（）年，经…" opens with its blank)."""
    item = seg.item
    if item is None or item.option_family != "task" or item.slot != "option" or seg.mode != "questions":
        return ""
    if seg.prev_lineno != seg.task_line or line.lineno == seg.task_line + 1:
        return ""  # (not right after such options, or no gap between)
    if not TASK_OPTION.match(seg.next_text):
        return ""
    item.extra.append(line.text)
    return "stem"


def _opens_task_question(seg: Segmenter) -> bool:
    """In a quiz that numbers nothing, a run of task-list options opens a question under the
    paragraph above it: the paper's first, or the next after a question's options and note."""
    item = seg.item
    if item is None:
        return bool(seg.section.loose) and not seg.section.items and seg.numbered_items == 0
    finished = item.slot in ("answer", "explanation") or (item.slot == "option" and bool(item.extra))
    return not item.number and item.option_family == "task" and finished


def _task_stem(seg: Segmenter) -> str:
    """The stem above a task question's options: the loose paragraph above the first question
    (its lines in a row), else the last line read after the question before (closed here)."""
    item = seg.item
    if item is None:
        loose = seg.section.loose
        start = len(loose) - 1
        while start > 0 and loose[start - 1].lineno == loose[start].lineno - 1:
            start -= 1
        paragraph, loose[start:] = loose[start:], []
        for line in paragraph:
            seg.roles[line.lineno] = ["stem"]
        return "\n".join(line.text for line in paragraph)
    if item.slot == "option":
        stem = item.extra.pop()
    else:
        kept, _, stem = (getattr(item, item.slot) or "").strip().rpartition("\n")
        setattr(item, item.slot, kept or None)
    seg.close_item()
    return stem


def task_judgement(seg: Segmenter, line: Line) -> str:
    """ "- [x] 服务要及时。" in a judgement section: a statement, ticked when it is true. The
    lines under it (a quoted note) are its explanation."""
    task = TASK_OPTION.match(line.text)
    if not task or seg.section.kind != "truefalse" or seg.mode != "questions" or task.group("rd") is not None:
        return ""
    if words.truth(words.bare(task.group("text"))) is not None:
        return ""  # "- [x] 错" under a statement: its verdict, ticked as one of two options
    seg.close_item()
    seg.section.number_style = "task"
    seg.item = item = Item(number="", lineno=line.lineno, section=seg.section, material=seg.material)
    item.stem = task.group("text")
    item.mark = "√" if task.group("sq") else "×"
    item.slot = "explanation"
    return "question"


def table_row(seg: Segmenter, line: Line) -> str:
    """Rows of a table (Word tables and Markdown tables reach us as tab-separated cells) under a
    header naming its columns: questions (题目 | 选项 | 答案 …) or a key (题号 | 正确答案)."""
    if "\t" not in line.text:
        seg.table = None
        seg.data_table = 0
        return ""
    cells = [cell.strip() for cell in line.text.split("\t")]
    if seg.data_table == len(cells) and seg.item is not None:
        _into_stem(seg, line)  # a row of the data the question gives
        return "stem"
    seg.data_table = 0  # (a row of another width: the table has ended)
    if seg.table is None:
        return _table_header(seg, cells) or _data_table_header(seg, cells, line)
    columns, kind = seg.table
    if kind == "key":
        number, answer = (_cell(cells, columns.fields[name]) for name in ("number", "answer"))
        number = KEY_ROW_NUMBER.sub("", number)  # ("Q1", "第1题")
        if not number.isdecimal():
            return ""
        seg.add_key(int(number), line).text = answer
        seg.key_entry = None
        return "key"
    stem = _cell(cells, columns.fields["stem"])
    if not stem:
        return ""
    seg.close_item()
    item = Item(number=_cell(cells, columns.fields.get("number")), lineno=line.lineno, section=seg.section)
    item.stem = stem
    item.options = [o for o in (_cell(cells, i) for i in columns.options) if o] or split_options_cell(
        _cell(cells, columns.fields.get("options"))
    )
    if not item.options and not columns.options and "options" not in columns.fields:
        item.stem, item.options = options_in_stem(stem)  # "客户是？A.上帝 B.对手" in the 题目 cell
    elif item.options:
        item.stem = without_echoed_options(stem, item.options)
    item.option_family = "table"
    item.answer = _cell(cells, columns.fields.get("answer")) or None
    item.explanation = _cell(cells, columns.fields.get("explanation")) or None
    item.tag = _cell(cells, columns.fields.get("type"))[:4]
    seg.item = item
    seg.close_item()
    return "question"


# "80分（   ）1小时20分       3小时（   ）300分钟", "580-410=        640+160=": items set several a
# line (primary-school papers), each a blank to fill or a sum to work, apart by wide gaps.
GRID_GAP = re.compile(r"(?<![（(\s])[ \u3000]{3,}(?![）)\s])|\t+")  # (not the spaces of a blank "（   ）")
GRID_ITEM = re.compile(r"\(\s+\)|（\s*）|_{3,}|[=≈]\s*$")  # (never a call's "()")
GRID_ITEM_MAX = 30
NUMBERED_CELL = re.compile(r"^(?:\d{1,3}\s*[.、．]|[A-H]\s*[.、．:：])")  # (or an option "C.LFj=")


def grid_row(seg: Segmenter, line: Line) -> str:
    """Such a row: its items, each a question; in a key, the same items filled in."""
    text = line.text.strip()
    if seg.mode not in ("questions", "key") or not ("   " in text or "\t" in text or "\u3000" in text):
        return ""  # (no wide gap: most lines, spared the pattern)
    if not GRID_GAP.search(text):
        return ""
    cells = [cell.strip() for cell in GRID_GAP.split(text) if cell.strip()]
    if len(cells) < 2 or any(NUMBERED_CELL.match(c) for c in cells):
        # "1. …（ ）   2. …（ ）", "A.… B.…", a key's "1、 B   26、 B": numbered questions, options or
        # key entries, read as such (and a key in columns never walks every item for each row)
        return ""
    if seg.mode == "key":
        return "key" if _grid_answers(seg, cells) else ""
    if not all(map(_grid_item, cells)):
        return ""
    item = seg.item
    if item is not None and _instruction(item):  # "1. 口算。（8分）" over the rows: their heading
        seg.item = None
        seg.new_section(f"{item.number}. {item.stem}", "fill", item.lineno)
    seg.close_item()
    if seg.section.kind == "prose":
        seg.section.kind = "fill"  # "二．在下面的（ ）里填上“<”…": an instruction, no topic's notes
    for cell in cells:
        seg.section.items.append(Item(number="", lineno=line.lineno, section=seg.section, stem=cell))
    seg.section.unheaded += len(cells)
    return "question"


def _grid_item(cell: str) -> bool:
    """A short item with a blank or a sum, and text of its own: "____   ____" under a prompt are
    that question's blanks, not items."""
    return (
        len(cell) <= GRID_ITEM_MAX
        and GRID_ITEM.search(cell) is not None
        and len(GRID_ITEM.sub("", cell)) >= 2
    )


def _instruction(item: Item) -> bool:
    """A numbered line that asks nothing of its own (no blank, options or answer)."""
    return bool(item.number) and not (
        item.options or item.answer or item.extra or rules.BLANK.search(item.stem)
    )


def _grid_answers(seg: Segmenter, cells: list[str]) -> bool:
    """A key that prints the items again, filled in ("80分（ = ）1小时20分", "580-410=170"): each
    answers the unanswered item it repeats. True when every cell answered one."""
    waiting = [i for s in seg.doc_sections() for i in s.items if not i.number and i.answer is None]
    found: list[tuple[Item, str]] = []
    for cell in cells:
        match = next(((i, a) for i in waiting if (a := _filled_in(i.stem, cell))), None)
        if match is None:
            return False  # (a row of the key that repeats no item: read as any key line)
        found.append(match)
        waiting.remove(match[0])
    for item, answer in found:
        item.answer = answer
    return True


def _filled_in(stem: str, cell: str) -> str:
    """What a key cell wrote into the item's blank, or after its "="; "" when it is another item."""
    stem, cell = re.sub(r"\s+", "", stem), re.sub(r"\s+", "", cell)
    if stem.endswith(("=", "≈")) and cell.startswith(stem) and len(cell) > len(stem):
        return cell[len(stem) :]
    blank = re.search(r"[(（][)）]|_{3,}", stem)
    if blank is None:
        return ""
    filled = re.fullmatch(
        re.escape(stem[: blank.start()]) + r"[(（]?(.+?)[)）]?" + re.escape(stem[blank.end() :]), cell
    )
    return filled.group(1) if filled else ""


# "编号 | 选项" over the rows "A | IEEE802.3": a question's options set as a table ("Option | Answer"
# in English banks: the label, then the answer it offers).
NAMES_OPTIONS = frozenset({"选项", "選項", "option", "options", "choice", "choices"})  # ("| Choice | |")
OPTIONS_TABLE_HEADER = NAMES_OPTIONS | {"编号", "序号", "标号", "选项内容", "内容", "label", "answer", "text"}


KEY_ROW_NUMBER = re.compile(r"^(?:Q|No\.?|第)\s*|\s*[题題.、]$", re.I)


def _table_header(seg: Segmenter, cells: list[str]) -> str:
    names = {cell.lower() for cell in cells if cell}
    if seg.item is not None and names <= OPTIONS_TABLE_HEADER and names & NAMES_OPTIONS:
        return "heading"  # (its rows are read as options, label and text)
    columns = find_columns([(0, cells)])
    if (
        columns is not None
        and seg.mode == "key"
        and {"stem", "answer"} <= set(columns.fields)
        and not columns.options
    ):
        # "| Question | Answer |" under "Answers": the key's rows, numbered in the question column
        numbered = {"number": columns.fields["stem"], "answer": columns.fields["answer"]}
        seg.close_item()
        seg.table = (replace(columns, fields=numbered), "key")
        return "key"
    if columns is not None and "stem" in columns.fields and not _data_not_questions(seg, columns):
        seg.table = (columns, "questions")
        return "heading"
    fields = key_columns(cells)
    if fields is not None:
        seg.close_item()
        seg.table = (fields, "key")
        return "key"
    return ""


def _data_not_questions(seg: Segmenter, columns: Columns) -> bool:
    """ "ID | Title | Est" under a question with lines read below it, naming no key nor options: a
    table of data (read as the data table below reads it), not questions ("Title" names a stem
    only in a bank)."""
    item = seg.item
    keyed = "answer" in columns.fields or "options" in columns.fields or bool(columns.options)
    return item is not None and bool(item.extra) and not item.options and not keyed


DATA_TABLE_MIN_CELLS = 3
COLUMN_NAME_MAX = 20
COLUMN_NAME = re.compile(rf"[{rules.CJK}]|[A-Za-z]{{2}}")
# a cell opening with a number or an option's label: "1.", "A.", "（A）", "A 工厂"
LABELLED_CELL = re.compile(r"\s*[(（]?\s*(?:\d{1,3}|[A-Ha-h])\s*(?:[.、．:：)）]|\s(?=[^\sA-Za-z]))")


def _data_table_header(seg: Segmenter, cells: list[str], line: Line) -> str:
    """ "User id | Age | Incoming | Buying" under a question still being asked: the header of the
    data it gives, its rows ("1 | <=30 | high | no") more of its text, never questions numbered 1, 2…"""
    item = seg.item
    if item is None or seg.mode != "questions" or item.slot != "stem" or item.options or not item.stem:
        return ""
    if line.code or item.bracketed:
        return ""  # (a program's tabs; a part "（4）…见表1" of a problem whose conditions it lists)
    named = [cell for cell in cells if cell]
    if BOUNDARY.match(line.text):
        return ""  # (a row opened by a number, a label or a part's heading: "四、简答题⇥分数⇥评卷人")
    if len(named) < DATA_TABLE_MIN_CELLS or any(len(c) > COLUMN_NAME_MAX for c in named):
        return ""  # (a column's name is short: "六、⇥（20分）⇥多神经元…" is a question's line)
    if not all(COLUMN_NAME.search(c) and not LABELLED_CELL.match(c) for c in named):
        return ""  # (names, not "1 | 2 | 3" over a key's letters, nor options set in a row)
    if any(GRID_ITEM.search(c) for c in named):
        return ""  # (nor blanks set in a row)
    seg.data_table = len(cells)
    _into_stem(seg, line)
    return "stem"


def _into_stem(seg: Segmenter, line: Line) -> None:
    """The row, and the lines read under the question before its table ("表一"), are its text."""
    item = seg.item
    assert item is not None
    item.stem = "\n".join([item.stem, *item.extra, line.text])
    item.extra = []


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def judgement_mark(seg: Segmenter, line: Line) -> str:
    """ "(√)" or "错误" on its own line under a statement: its answer. In a judgement section of
    unnumbered statements the line above is the question; of "对" and "**错**" the bold one is
    the key (two plain ones are the choices, no key)."""
    bold = rules.BOLD.fullmatch(line.text)
    mark = rules.JUDGEMENT.match(bold.group(1) if bold else line.text)
    if not mark or seg.mode != "questions":
        return ""
    item = seg.item
    fresh = item is None or (item.slot == "verdict" and bool(seg.section.loose))
    if fresh and seg.section.kind == "truefalse" and seg.section.loose:
        above = seg.section.loose.pop()
        seg.close_item()
        seg.item = item = Item(number="", lineno=above.lineno, section=seg.section, stem=above.text)
        seg.roles[above.lineno] = ["stem"]
        item.slot = "verdict"  # the statement's lines are read; what follows is the next one
    if item is None or item.options:
        return ""
    item.verdicts.append((mark.group(1), bold is not None))
    bolds = [m for m, b in item.verdicts if b]
    item.mark = bolds[0] if bolds else item.verdicts[0][0] if len(item.verdicts) == 1 else None
    return "answer"


def solution_label(seg: Segmenter, line: Line) -> str:
    """ "**解**" (or "解：", "解答：") alone on its line under a question: its worked solution
    follows (homework answered in Markdown), never a key of the paper's."""
    item = seg.item
    if (
        item is None
        or seg.mode != "questions"
        or item.answer is not None
        or not SOLUTION_LABEL.match(line.text)
    ):
        return ""
    below = SOLUTION_OPENS_NEXT.match(seg.next_text)
    if below and item.number.isdecimal() and int(below.group(1) or below.group(2)) == int(item.number) + 1:
        return ""  # (nothing under it, the next question: a fill's "解：" whose blanks hold the answers)
    code_was_asked(item)
    item.slot, item.answer = "answer", ""
    return "answer"


SOLUTION_OPENS_NEXT = re.compile(r"\s*(?:(\d{1,4})\s*[.、．](?!\d)|[(（](\d{1,3})[)）])")  # ("21." or "(21)")
SOLUTION_LABEL = re.compile(r"^\*\*(?:解|解答)\s*[:：]?\*\*\s*[:：]?$|^(?:解|解答)\s*[:：]$")


def key_line(seg: Segmenter, line: Line) -> str:
    """ "参考答案" alone starts a key; "答案解析：" under a question opens its explanation."""
    if not KEY_LINE.match(line.text):
        return ""
    item = seg.item
    if item is not None and "解析" not in line.text:
        code_was_asked(item)
    if "解析" in line.text and item is not None and seg.mode == "questions" and not line.heading:
        item.slot = "explanation"  # (a heading "# 参考答案及解析" titles the key of the whole paper)
        item.explanation = item.explanation or ""
        return "explanation"
    if "解析" in line.text and seg.mode == "questions" and META_LINE.match(seg.next_text):
        return "explanation"  # "答案解析：" over "难度：": a field of an export's record, never a key
    if seg.case_open and seg.mode == "questions" and rules.CASE_PART.match(seg.next_text):
        seg.close_item()  # "参考答案" over "【问题1】…" "【问题2】…": the case's key, by its parts
        seg.mode = "local_key"
        return "key"
    if item is None and seg.mode == "questions" and questions_below(seg):
        seg.section.loose.append(line)  # a label stranded by a heading a PDF threw in, over the next question
        return "loose"
    if item is not None and seg.mode == "questions" and item.answer is None and _next_number_below(seg, item):
        return "answer"  # "答案:" left empty, the next question under it: this one's key is missing
    below = own_answer_below(seg) or own_key_below(seg) or questions_below(seg) or _case_part_open(seg)
    tabled = bool(line.heading) and "\t" in seg.next_text  # ("## Answers" over "| Question | Answer |")
    if item is not None and seg.mode == "questions" and below and not tabled:
        item.slot, item.answer = "answer", ""  # "参考答案：" then the answer of the question above
        return "answer"
    seg.start_key()
    return "key"


META_LINE = re.compile(r"\s*" + rules.META)
TAG_OPENING = re.compile(r"\s*" + rules.TYPE_TAG_LINE)  # ("2" over "【单选题】2.…": the question's number)


def _next_number_below(seg: Segmenter, item: Item) -> bool:
    """The line below opens the question numbered next after `item` (a key starts from 1)."""
    below = NEXT_NUMBER.match(seg.next_text)
    return below is not None and item.number.isdecimal() and int(below.group(1)) == int(item.number) + 1


NEXT_NUMBER = re.compile(r"\s*(\d{1,4})\s*[.、．](?!\d)")


def _case_part_open(seg: Segmenter) -> bool:
    """Under "【问题1】…" a 参考答案 answers that part (its points may be numbered "（1）")."""
    item = seg.item
    return seg.case_labels and seg.section.kind == "case" and item is not None and item.answer is None


def key_title(seg: Segmenter, line: Line) -> str:
    """ "数据结构 试卷答案" after the paper's questions: the key part of a Word paper begins."""
    title = KEY_TITLE.match(line.text)
    paper = title.group("paper") if title else ""
    named = rules.TITLE_WORDS.search(paper) or PAPER_NAMED.search(paper) or NAME_THEN_DOT.search(paper)
    if title and not (named or UNIT.fullmatch(paper)):
        title = None  # "正确答案" alone: a label of the question above, not a title
    scoring = SCORING_TITLE.match(line.text) if not title else None
    if seg.mode == "key" and SET_TITLE.fullmatch(line.text.strip()):
        seg.key_entry = None  # "第二套题" under the first set's key: the next set, no more of an answer
        return "key"
    if seg.mode == "key" and title and not BOUNDARY.match(line.text):
        return "key"  # the key's title again under it (a site's header, then the paper's own)
    if seg.mode != "questions" or not (title or scoring) or BOUNDARY.match(line.text):
        return ""
    if seg.item is None and not any(s.items for s in seg.doc_sections()):
        return ""  # nothing asked yet: a title over the paper, not over its key
    seg.start_key()
    return "key"


# "单选题答案：1.A 2.B 3.A" (or, inside a key, "判断题：1.对 2.错"): a part's key on one line.
PART_KEY_LINE = re.compile(
    rf"^(?P<title>(?:{rules.SECTION_WORDS})[^\d\s(（:：。,，]{{0,4}}?[题題]?)"
    r"(?P<answered>(?:参考|參考)?答案)?\s*[:：]\s*(?P<rest>\S.*)$"
)


def part_key_line(seg: Segmenter, line: Line) -> str:
    """The key of a part above, on one line: its entries read as a key's."""
    m = PART_KEY_LINE.match(line.text)
    if not m or not (m.group("answered") or seg.mode == "key") or not seg.asked(m.group("title")):
        return ""
    if seg.mode == "questions":
        seg.start_key()
    rest = m.group("rest").strip()
    seg.start_heading(m.group("title"), seg.section_kind(m.group("title")), rest, line)
    target = seg.key_target
    if target is not None and 1 < len(rest) == len(target.items) and KEY_RUN.fullmatch(rest):
        for number, answer in enumerate(rest, 1):  # "单选题：BAB": one letter a question, in order
            seg.add_key(number, line).text = answer
        seg.key_entry = None
        return "key"
    seg.scan(replace(line, text=rest))
    return "key"


KEY_RUN = re.compile(rf"[A-H]+|[TF{rules.MARKS}]+")


# "空题答案：", "第三部分答案" alone on its line inside a key: the key of a part it names as no
# part is named (a typo, another word), after the key of the part before it
NEXT_PART_KEY = re.compile(r"^\S{1,8}?(?:参考|參考)?答案\s*[:：]?$")


def next_part_key(seg: Segmenter, line: Line) -> str:
    """The key of the part after the one keyed last, when the key's parts follow the paper's."""
    if seg.mode != "key" or seg.key_target is None or not NEXT_PART_KEY.match(line.text.strip()):
        return ""
    parts = [s for s in seg.doc_sections() if s.items]
    at = next((k for k, s in enumerate(parts) if s is seg.key_target), None)
    following = parts[at + 1] if at is not None and at + 1 < len(parts) else None
    if following is None or any(k.target is following for k in seg.keys):
        return ""
    seg.key_target, seg.key_last, seg.key_entry = following, 0, None
    return "heading"


# "答案：CCCB", "答案：DBBCD AABCC ADA" under a part's last question: the part's key, a letter for
# each of its choice questions in order (chapter exercises print it so, with or without keys of
# their own under each question).
PART_KEY_RUN = re.compile(r"^(?:参考|參考|正确|正確)?答案\s*[:：]\s*([A-H]+(?:\s+[A-H]+)+|[A-H]{3,})\s*$")


def part_key_run(seg: Segmenter, line: Line) -> str:
    """One letter a choice question of the part above: each unkeyed question's key (a key printed
    under the question itself stays its own)."""
    run = PART_KEY_RUN.match(line.text) if seg.mode == "questions" else None
    if run is None:
        return ""
    letters = run.group(1).replace(" ", "")
    item = seg.item
    if item is not None and not item.answer and _keys_one_question(run.group(1), item):
        return ""  # "答案：ABCD" under a question of four options: its own key
    open_item = [item] if item is not None and item.section is seg.section else []
    choices = [q for q in [*seg.section.items, *open_item] if q.parent is None and len(q.options) >= 2]
    if len(choices) != len(letters):
        return ""
    seg.close_item()
    for question, letter in zip(choices, letters, strict=True):
        question.answer = question.answer or letter
    return "key"


# "1.BC，2.D 3.ABCD 4.BCD 5.AD" or "1-5 BABAB": a line of nothing but numbered keys
KEY_ENTRY = re.compile(
    rf"(?P<first>\d{{1,3}})\s*[-~～—–]\s*(?P<last>\d{{1,3}})\s*[:：.、]?\s*(?P<run>[A-H{rules.MARKS}]{{2,}})"
    rf"|(?P<number>\d{{1,3}})\s*[.、．:：]?\s*(?P<mark>[A-H]{{1,8}}|[{rules.MARKS}])"
)
KEY_ENTRIES_LINE = re.compile(rf"^\s*(?:(?:{KEY_ENTRY.pattern})\s*[，,;；]?\s*)+$")
KEY_ENTRIES_MIN = 3  # keys on the line: "1.B 2.A" alone could be a stem's own text


def key_entries_line(seg: Segmenter, line: Line) -> str:
    """A part's key on a line of its own, unlabelled: under its heading over its questions ("一、选择题"
    then "1.BC，2.D 3.ABCD…"), or after them ("…" then "1.B 2.A 3.B"). No question reads so."""
    if seg.mode != "questions" or not seg.section.heading or not KEY_ENTRIES_LINE.match(line.text):
        return ""
    keys = _numbered_keys(line.text)
    numbers = [number for number, _ in keys]
    if len(keys) < KEY_ENTRIES_MIN or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return ""
    item = seg.item
    asked = {q.number for q in [*seg.section.items, *([item] if item is not None else [])]}
    if not ({str(number) for number in numbers} <= asked if asked else numbers[0] == 1):
        return ""  # (after questions, only numbers they carry; above them, numbered from 1)
    seg.close_item()
    for number, answer in keys:
        seg.keep_key(KeyEntry(number, line.lineno, seg.section, seg.doc, answer))
    return "key"


def _numbered_keys(text: str) -> list[tuple[int, str]]:
    keys: list[tuple[int, str]] = []
    for m in KEY_ENTRY.finditer(text):
        if m.group("number"):
            keys.append((int(m.group("number")), m.group("mark")))
            continue
        first, last, run = int(m.group("first")), int(m.group("last")), m.group("run")
        if last - first + 1 != len(run):
            return []  # ("1-5 BAB": not one mark a question)
        keys.extend(zip(range(first, last + 1), run, strict=True))
    return keys


def _keys_one_question(run: str, item: Item) -> bool:
    """Letters that could be the key of the question above: each once and in order ("ABD", "A C",
    never "CAB" or "DBBCD AABCC"), no more than its options."""
    groups = run.split()
    letters = "".join(groups)
    spaced_apart = len(groups) == 1 or all(len(group) == 1 for group in groups)
    return (
        spaced_apart and list(letters) == sorted(set(letters)) and len(letters) <= max(len(item.options), 1)
    )


def bare_heading(seg: Segmenter, line: Line) -> str:
    """ "单项选择题(每题2分)", "判断题:": a section heading without a numeral."""
    bare = rules.BARE_HEADING.match(line.text)
    if not bare:
        return _numeral_glued_title(seg, line)
    if seg.mode == "key" and rules.ANSWER_WORD.fullmatch(line.text):
        return "key"  # "三、" then "解答" over the part's answers: the word "answer", no 解答题 part
    if line.text[:1].isdigit() and rules.TAG_ONLY.match(line.text):
        return ""  # "2.单选题 (1分)": a platform's tag over its question, not a part of the paper
    if _numbers_next_question(seg, line.text):
        return ""  # "58. 选择（Selection）" after question 57 of a glossary: the term asked next
    kind = seg.section_kind(bare.group("title"))
    if bare.group("answered") and kind == "generic" and _answer_awaited(seg, line.text):
        return ""  # "试题答案：" under a question's options, its key on the next line: a label
    if bare.group("answered") and seg.mode == "questions" and seg.asked(bare.group("title")):
        seg.start_key()  # "选择题答案" after the 选择题: its key
        seg.start_heading(line.text[: bare.start("answered")], kind, "", line)
        return "key"
    seg.start_heading(line.text, kind, "", line)
    return "heading"


def _answer_awaited(seg: Segmenter, text: str) -> bool:
    """A question read, its options printed and no key yet, and a line that ends in a colon."""
    item = seg.item
    return (
        seg.mode == "questions"
        and item is not None
        and len(item.options) >= 2
        and item.answer is None
        and text.rstrip().endswith((":", "："))
    )


def _numeral_glued_title(seg: Segmenter, line: Line) -> str:
    """ "三模型转换题", "五辨识题": a part typed without its "、", named by a kind of problem this
    reader has no word for (open questions: its problems are worked, not chosen)."""
    titled = NUMERAL_GLUED_TITLE.match(line.text)
    if titled is None or seg.mode != "questions":
        return ""
    kind = seg.section_kind(titled.group("title"))
    seg.start_heading(line.text, "short" if kind == "generic" else kind, "", line)
    return "heading"


NUMERAL_GLUED_TITLE = re.compile(
    # (not "一些怪题", "一道难题": a numeral counting)
    rf"^\s*[{rules.CN_NUM}]{{1,3}}(?![些个個道种種般次下类類样樣份组組段])"
    rf"(?P<title>[^\d\s、.．,，:：(（{rules.CN_NUM}][^\s、.．,，:：(（]{{0,6}}[题題])"
    r"\s*(?:[(（][^)）]{0,80}[)）])?\s*$"
)


def _numbers_next_question(seg: Segmenter, text: str) -> bool:
    """A line numbered as the question after the part's last one, once a few are asked: a part
    is numbered apart from its questions ("1. 单选题" over "1." "2." "3."), so its number never
    goes on from theirs (unless the part above is numbered just before it: "1. 单选题" over one
    question, "2. 判断题")."""
    number = LEADING_DIGITS.match(text)
    if number is None:
        return False
    n = int(number.group(1))
    open_item = [seg.item] if seg.item is not None and seg.item.section is seg.section else []
    numbers = [q.number for q in [*seg.section.items, *open_item] if q.parent is None]
    if n <= FEW_QUESTIONS or not (numbers and numbers[-1].isdecimal() and int(numbers[-1]) + 1 == n):
        return False  # ("## 1. 小试牛刀" then "## 2. 练习": numbered parts, the first read as asking)
    part_number = LEADING_DIGITS.match(seg.section.heading)
    return part_number is None or int(part_number.group(1)) + 1 != n


LEADING_DIGITS = re.compile(r"^\s*(\d{1,4})\s*[.、．]")
FEW_QUESTIONS = 3  # past so many numbers a list is under way; parts of a paper number fewer


LEADING_NUMBER = re.compile(r"\s*(\d{1,2})\s*[.、．:]")


def english_heading(seg: Segmenter, line: Line) -> str:
    """ "I. True or False(10x1%)", "1. Single choice selection (80 points, 2 each)": an English
    paper's part, named by its type (Chinese universities set such papers in English)."""
    if not line.text[:1].isascii():
        return ""  # (most lines open with Chinese: one check spares them the pattern)
    part = rules.ENGLISH_HEADING.match(line.text)
    if part is None:
        return ""
    number = LEADING_NUMBER.match(line.text)
    if number and (seg.section.items or seg.item is not None) and int(number.group(1)) == seg.expected:
        return ""  # "6. Choose the best fill in the blanks." after question 5: question 6
    kind = next(kind for name, kind in rules.ENGLISH_KINDS if part.group(name))
    seg.start_heading(line.text, kind, "", line)
    return "heading"


def notes_heading(seg: Segmenter, line: Line) -> str:
    """ "重要知识点" alone: the numbered lines under it are an outline of topics, not questions."""
    if seg.mode != "questions" or not rules.NOTES_HEADING.match(line.text):
        return ""
    seg.new_section(line.text.strip(), "prose", line.lineno)
    return "heading"


# "问题" alone under a topic's heading ("一、端午节的淘宝粽子交易" then "问题" then "(1)请…"): the
# numbered lines below are the questions asked about the topic, not notes on it.
QUESTIONS_LABEL = re.compile(
    r"^\s*(?:问题|問題|题目|題目|思考题|思考題|练习|練習|练习题|練習題|questions?)\s*[:：]?\s*$", re.I
)


def case_heading(seg: Segmenter, line: Line) -> str:
    """ "试题一（25 分）" in a paper asking "【问题1】…": a case begins; "【说明】" under it labels its
    story, which the parts share as their material."""
    if not seg.case_labels or seg.mode not in ("questions", "local_key"):
        return ""  # (the case above may end in its own key)
    if rules.CASE_HEADING.match(line.text):
        seg.new_section(line.text.strip(), "case", line.lineno)
        return "heading"
    if seg.mode != "questions":
        return ""
    if seg.section.kind == "case" and not seg.case_open and rules.CASE_STORY_LABEL.match(line.text):
        return "heading"
    return ""


def case_part(seg: Segmenter, line: Line) -> str:
    """ "【问题2】（13 分）": part 2 of the case, the text after the label (or under it) its stem.
    Under a case part's heading a single "问题1" labels a part too."""
    if not (seg.case_labels or seg.section.kind == "case") or seg.mode != "questions":
        return ""
    m = rules.CASE_PART.match(line.text)
    if m is None:
        return ""
    number = int(rules.case_part_number(m))
    if not seg.case_open:
        if number != 1:
            return ""
        seg.section.kind = "case"
        seg.open_case_questions()  # the text read since the case began: its story
    elif number != seg.expected:
        return ""
    seg.open_item(str(number), line)
    assert seg.item is not None
    seg.item.stem = m.group("rest").strip()
    seg.item.story = seg.case_number
    return "question"


def next_case_story(seg: Segmenter, line: Line) -> str:
    """ "2. 某顾客…" under case 1's last part ("1. 某客户…" / "问题1：…" / "问题2：…"): case 2's story,
    whose parts are labelled "问题1" again."""
    if not (seg.case_labels and seg.case_open and seg.case_number and seg.mode == "questions"):
        return ""
    m = rules.STORY_NUMBER.match(line.text)
    if m is None or int(m.group(1)) != seg.case_number + 1 or rules.CASE_PART.match(line.text):
        return ""
    seg.close_item()
    seg.case_open = False
    seg.material = ""
    seg.item = Item(number="", lineno=line.lineno, section=seg.section, stem=line.text.strip())
    return "stem"


def questions_label(seg: Segmenter, line: Line) -> str:
    if seg.mode != "questions" or seg.section.kind != "prose" or seg.section.items:
        return ""
    if not QUESTIONS_LABEL.match(line.text):
        return ""
    seg.section.kind = "generic"
    return "heading"


def topic_heading(seg: Segmenter, line: Line) -> str:
    """A Markdown heading naming a topic ("## Java语言基础"), not a question: a new chapter, so
    the answer above ends there."""
    text = line.text.strip()
    if not line.heading or seg.mode == "local_key" or not 0 < len(text) <= TOPIC_MAX:
        return ""
    if rules.QUESTION_WORDS.search(text) or rules.BLANK.search(text):
        return ""
    if BOUNDARY.match(text) and not (SECTION_NUMBER.match(text) or BOOK_SECTION.match(text)):
        return ""  # (but "## 1.1 Introduction", "## 1. 2 节 …" name numbered sections, never question 1)
    if re.search(r"[。.:：;；,，]$", text):
        return ""  # a sentence: a question's stem printed as a heading
    item = seg.item
    if seg.mode == "questions" and item is not None and 0 < item.headed < line.heading:
        return ""  # "### 第1题" … "#### 📌 知识点扩展": a heading inside the question's notes
    kind = seg.section_kind(text)
    if seg.mode == "key" and seg.part_named_again(text, kind):
        return "heading"  # "### （一）《秋水》选段" in a key set out by the paper's parts: still the key
    outer = seg.section
    part = kind == "generic" and outer.kind != "generic" and 0 < outer.level < line.heading
    if part:
        kind = outer.kind  # "## 单项选择" then "### 1-10" or "### 2019秋": a part of the typed section
    if kind == "generic" or (part and not NUMBER_RANGE.match(text)):
        seg.chapter_title = text
    seg.new_section(text, kind, line.lineno)
    if part:
        seg.section.level = outer.level  # so "### 11-20" after it is a part too
    return "heading"


TOPIC_MAX = 30
NUMBER_RANGE = re.compile(r"^\d{1,4}\s*[-~～—–]\s*\d{1,4}$")  # "11-20": which questions, no topic


def sheet_numbers(seg: Segmenter, line: Line) -> str:
    """ "题号 1 2 3": the first row of an answer-sheet table (tables reach us as tab rows); or,
    under a part's heading before its questions, "eg. 1 2 3 … 10" (the key grid of a printed
    paper, its first column the worked example's)."""
    numbers = rules.SHEET_NUMBERS.match(line.text)
    grid = KEY_GRID_NUMBERS.match(line.text) if not numbers else None
    run = [int(n) for n in grid.group(2).split()] if grid else []
    before_questions = seg.item is None and not seg.section.items
    in_order = len(run) >= 2 and run == list(range(run[0], run[0] + len(run)))
    if (
        grid
        and seg.mode == "questions"
        and before_questions
        and len(run) >= KEY_GRID_MIN
        and run[0] == 1
        and in_order
    ):
        seg.sheet_numbers = [*([0] if grid.group(1) else []), *run]
        seg.sheet_target = seg.section
        return "key"
    if grid and seg.mode == "key" and not grid.group(1) and in_order:
        seg.sheet_numbers, seg.sheet_target = run, None  # "| 1 | 2 | 3 |" over "| B | A | C |" in a key part
        return "key"
    if grid and seg.mode == "questions" and not before_questions and _key_table_opens(seg, grid, run):
        # "| 1 | 2 | … | 10 |" over "| B | A | … |" after the questions, no "参考答案" over it: the
        # paper's key, printed as a table
        seg.start_key()
        seg.sheet_numbers, seg.sheet_target = run, None
        return "key"
    if not numbers:
        return ""
    seg.sheet_numbers = [int(n) for n in numbers.group(1).split()]
    return "key"


def _key_table_opens(seg: Segmenter, grid: re.Match[str], run: list[int]) -> bool:
    """Numbers 1, 2, 3 … in a row, with as many marks in the row under them."""
    if grid.group(1) or len(run) < KEY_GRID_MIN or run != list(range(1, len(run) + 1)):
        return False
    return KEY_GRID_MARKS.match(seg.next_text) is not None and len(seg.next_text.split()) == len(run)


KEY_GRID_NUMBERS = re.compile(r"^(eg\.?|例)?\s*((?:\d{1,2}\s+)+\d{1,2})\s*$", re.IGNORECASE)
KEY_GRID_MIN = 5
# (T and X: a judgement's "true" and "×" typed as letters, "√ X √")
KEY_GRID_MARKS = re.compile(
    rf"^(?:(?:[A-H]{{1,4}}|[TX]|[{rules.MARKS}])\s+)+(?:[A-H]{{1,4}}|[TX]|[{rules.MARKS}])\s*$"
)


def key_grid_marks(seg: Segmenter, line: Line) -> str:
    """The row of marks under a key grid's numbers: one a question of the part below ("0" is
    the worked example's column, no question's), or, in a key part, of the numbers above."""
    if not seg.sheet_numbers or not KEY_GRID_MARKS.match(line.text):
        return ""
    marks = line.text.split()
    if len(marks) != len(seg.sheet_numbers):
        return ""
    if seg.sheet_target is None:  # a grid in the key part: its numbers are the questions'
        return _keys_in_row(seg, marks, line)
    for number, mark in zip(seg.sheet_numbers, marks, strict=True):
        if number:  # (the questions follow the grid: the segmenter reads on in their part)
            entry = KeyEntry(
                number=number, lineno=line.lineno, target=seg.sheet_target, doc=seg.doc, text=mark
            )
            seg.keep_key(entry)
    seg.sheet_numbers, seg.sheet_target = [], None
    return "key"


def part_mark_run(seg: Segmenter, line: Line) -> str:
    """A chapter's key printing one run of marks a line, one line a part, each part numbered from
    1 ("TFFTT FF" then "BDACC" under 习题1's 判断题 and 单选题): the run keys the chapter's next
    part not yet keyed whose questions it counts, one mark a question."""
    run = PART_RUN.fullmatch(line.text.strip()) if seg.mode == "key" else None
    if run is None or seg.key_target is not None:
        return ""  # (a key headed by its part's name, "一、选择题", keys that part)
    marks = list(re.sub(r"\s", "", line.text))
    chapter = seg.section.chapter
    parts = [s for s in seg.doc_sections() if s.items and s.kind != "prose" and s.chapter == chapter]
    if len(parts) < 2 or any(s.items[0].number != "1" for s in parts):
        return ""  # (one part, or parts numbered on: the key's own numbers and runs read it)
    judged = marks[0] in "TF√×"
    part = next(
        (
            s
            for s in parts
            if id(s) not in seg.keyed_targets
            and len(s.items) == len(marks)
            and (s.kind == "truefalse") == judged
        ),
        None,
    )
    if part is None:
        return ""
    for number, mark in enumerate(marks, 1):
        seg.keep_key(KeyEntry(number=number, lineno=line.lineno, target=part, doc=seg.doc, text=mark))
    seg.key_entry = None
    return "key"


PART_RUN = re.compile(r"[TF√×]{1,5}(?:\s+[TF√×]{1,5})*|[A-H]{1,5}(?:\s+[A-H]{1,5})*")


def sheet_answers(seg: Segmenter, line: Line) -> str:
    """ "答案 A C B" under a row of numbers: the answers of those questions. "答案" over empty
    cells is an answer sheet for the candidate to fill in: no key starts there."""
    answers = rules.SHEET_ANSWERS.match(line.text)
    if not answers or not seg.sheet_numbers:
        return ""
    cells = (answers.group(1) or "").split()
    if not cells:
        seg.sheet_numbers = []
        return "sheet"
    seg.close_item()
    return _keys_in_row(seg, cells, line)


def _keys_in_row(seg: Segmenter, cells: list[str], line: Line) -> str:
    """A key row's cells, each the answer of the number above it in the row of numbers."""
    for number, answer in zip(seg.sheet_numbers, cells, strict=False):
        seg.add_key(number, line).text = answer
    seg.sheet_numbers = []
    seg.key_entry = None
    return "key"


def paper_variant(seg: Segmenter, line: Line) -> str:
    """ "B卷" alone on a line: which variant of the paper the questions below come from (a bank
    pooling the A, B, C papers of one exam), a label, never text of the question above."""
    return "heading" if seg.mode == "questions" and PAPER_VARIANT.fullmatch(line.text.strip()) else ""


PAPER_VARIANT = re.compile(r"[A-Da-d甲乙丙丁]\s*卷")


def pointed_question(seg: Segmenter, line: Line) -> str:
    """ "为什么要采用多路复用？（10分）" under an open part whose questions carry no numbers: a line
    that asks and ends in its points starts the next question (the one before asked likewise)."""
    item = seg.item
    if seg.mode != "questions" or seg.section.kind != "short" or item is None:
        return ""
    if any(i.number and not i.bracketed for i in [*seg.section.items, item]):
        return ""  # a part that numbers its questions: an unnumbered line is text
    text = line.text.strip()
    if not (POINTS_END.search(text) and rules.asks_in_words(text)) or BOUNDARY.match(text):
        return ""
    above = (item.material or seg.material) if item.bracketed else item.stem  # (its parts' problem)
    if not POINTS_END.search(above) or item.answer is not None:
        return ""  # the question above is no question with points: this line may be its text
    seg.close_item()
    seg.end_parts()
    seg.item = Item(number="", lineno=line.lineno, section=seg.section, stem=text)
    return "question"


POINTS_END = re.compile(r"[(（]\s*\d{1,2}(?:\.\d)?\s*分\s*[)）]\s*[。.]?\s*$")


def unnumbered_fill(seg: Segmenter, line: Line) -> str:
    """ "DHCP客户机…源主机地址为 **0.0.0.0**。" under "填空", a part that numbers nothing (a Word
    list's numbers lost in copying): each line holding a blank, or its key set in bold or red
    within the text, is a question of its own."""
    if not _unnumbered_run(seg, "fill"):
        return ""
    text = line.text.strip()
    keyed = INLINE_BOLD.search(text) is not None and len(BOLD_SPAN.sub("", text)) >= ASKS_MIN
    filled = FILLED_BRACKETS.search(text) is not None  # "核心是（客户满意）。": the key in its blank
    if not (rules.BLANK.search(text) or keyed or filled) or not rules.HAS_CJK.search(text):
        return ""  # (a program's line with its blanks goes on the question it is in)
    if _read_from_its_start(seg, text):
        return ""
    _open_unnumbered(seg, line, text.lstrip(".．"))
    return "question"


def unnumbered_judgement(seg: Segmenter, line: Line) -> str:
    """ "客户永远是对的。（×）" under "判断", a part that numbers nothing: each statement judged (or
    its box left empty, before or after it) is a question of its own."""
    if not _unnumbered_run(seg, "truefalse"):
        return ""
    text = line.text.strip()
    head = rules.JUDGEMENT_HEAD.match(text)  # ("（ √ ）投诉…": the box before it; "(√)1.…" is numbered)
    boxed = head or rules.JUDGEMENT_TAIL.search(text) or EMPTY_BOX_END.search(text)
    statement = text[head.end() :] if head else text
    if not boxed or not rules.HAS_CJK.search(text) or _read_from_its_start(seg, statement):
        return ""
    _open_unnumbered(seg, line, text)
    return "question"


def unnumbered_term(seg: Segmenter, line: Line) -> str:
    """ "ICMP      网间控制报文协议" under "名词解释", a part that numbers nothing: a term, then
    (after a colon, a tab or a run of spaces: a table's two columns copied) its definition, the
    reference answer."""
    if not (_unnumbered_run(seg, "short") and TERMS_HEADING.search(seg.section.heading)):
        return ""
    term = TERM_THEN_DEFINITION.fullmatch(line.text.strip())
    if term is None or _read_from_its_start(seg, line.text.strip()):
        return ""
    if seg.section_kind(term.group("term")) != "generic":
        return ""  # ("程序计算题  4题  40分": the next part's title, its count and points)
    item = _open_unnumbered(seg, line, term.group("term").strip())
    item.answer, item.slot = term.group("definition").strip(), "answer"
    return "question"


def _unnumbered_run(seg: Segmenter, kind: str) -> bool:
    """In a part of `kind` that numbers nothing, a line no question is reading (loose text), or
    one under a question this run of unnumbered lines opened. (A line over "1. …" is the part's
    instructions, its example judged: "正确填入✔，例题：python是一种编程语言 (✔)".)"""
    item = seg.item
    if seg.mode != "questions" or seg.section.kind != kind:
        return False
    if item is not None and item is not seg.unnumbered_item:
        return False
    return not seg.section.numbered and not NUMBERED_NEXT.match(seg.next_text)


NUMBERED_NEXT = re.compile(r"\s*[(（]?\d{1,3}\s*[.、．,，)）]")


def _read_from_its_start(seg: Segmenter, text: str) -> bool:
    """The boundary rules read the line from its first character ("(a) 請問…", "【例1】…"): a
    number, a label or a heading of their own, no unnumbered question's text."""
    if LABEL_OPENING.match(text):
        return True  # ("(a) 請問…": a lettered part, whatever the rules make of its label)
    found = find(seg, text, 0)
    return found is not None and found[0].start() == 0


LABEL_OPENING = re.compile(r"[(（【\[]\s*[^\s)）】\]][^)）】\]]{0,3}[)）】\]]")


def _open_unnumbered(seg: Segmenter, line: Line, stem: str) -> Item:
    seg.close_item()
    seg.item = seg.unnumbered_item = Item(number="", lineno=line.lineno, section=seg.section, stem=stem)
    return seg.item


FILLED_BRACKETS = re.compile(r"[(（]\s*(?!注|填)[^()（）\s][^()（）]{0,29}[)）]")
EMPTY_BOX_END = re.compile(r"[(（]\s*[)）]\s*[。.]?\s*$")
TERMS_HEADING = re.compile(r"名词解释|名詞解釋|术语解释|術語解釋")
TERM_THEN_DEFINITION = re.compile(
    r"[.．]?(?P<term>[^\s:：。，,？?\d][^:：。，,？?\t]{0,40}?)(?:\s*[:：]\s*|\s*\t\s*|\s{2,}|\u3000+)(?P<definition>\S.+)"
)


# a key set in bold inside a sentence (not a line all bold: a heading or a question set in bold)
INLINE_BOLD = re.compile(r"\S\s*\*\*.{1,60}?\*\*|\*\*.{1,60}?\*\*\s*\S")
BOLD_SPAN = re.compile(r"\*\*.{1,60}?\*\*")
ASKS_MIN = 8  # characters besides the bold key: "共 **300** 题" counts a part's questions


def standalone_title(seg: Segmenter, line: Line) -> str:
    """ "客户关系管理试题及答案" on its own line: another paper glued into the file begins."""
    text = line.text
    if (
        len(text) <= 40
        and rules.TITLE_WORDS.search(text)
        and (line.heading or _ends_as_title(text))
        and not rules.QUESTION_WORDS.search(text)
        and not rules.BLANK.search(text)
        and not BOUNDARY.match(text)
    ):
        if EXPLAINS_TITLE.search(text) and any(s.items for s in seg.doc_sections()):
            seg.start_explanations()  # "…试题——选择题部分解析" after the paper: its questions explained
            return "key"
        seg.new_document(line.lineno, text)
        return "title"
    return ""


# A title ending by naming explanations, not answers ("…答案及解析" is a key's, read as one)
EXPLAINS_TITLE = re.compile(r"(?<!答案)(?<!答案及)(?<!答案与)(?<!答案與)(?:解析|详解|詳解)\s*[)）]?\s*$")


def _ends_as_title(text: str) -> bool:
    """A title ends with its title word ("…模拟试题", "…题库(含答案)", "…试卷A卷"); a line that
    goes on after it ("生成模糊测试数据", "…考试时间：…") is a sentence using the word."""
    if re.fullmatch(r"\s*[【\[《].*[】\]》]\s*", text):
        return True  # "【2021下架构真题第01题：绿色】": a header set apart in brackets
    ends = [m.end() for m in rules.TITLE_WORDS.finditer(text)]
    return bool(ends) and TITLE_TAIL.fullmatch(text[ends[-1] :].strip()) is not None


# After the title word: 题/卷/库…, a paper's number or letter, "及答案", a note in brackets or
# after a dash ("-课前(20190722)"), Markdown emphasis.
TITLE_TAIL = re.compile(
    rf"(?:[题題卷库庫集纸紙]|专用纸|專用紙|部分|(?:{rules.SECTION_WORDS})[题題]?|[A-Da-d一二三四五六七八九十\d]{{1,2}}\s*卷?"
    r"|[及和与與含附带帶]?(?:参考|參考|标准|標準)?答案(?:及解析|解析)?"
    r"|[(（][^()（）]{0,20}[)）]|\s*[-—－_]\s*[^\s，。,；;]{0,8}|[\s*》」』]+)*"
)


def number_heading_key(seg: Segmenter, line: Line) -> str:
    """ "### 1." with nothing else, after questions numbered 1… that were asked without answers
    (a chapter's questions listed first, then each answer under its number as a heading): the
    key entry of question 1, its answer the text below."""
    found = NUMBER_HEADING.match(line.text) if line.heading else None
    if found is None or seg.mode not in ("questions", "key"):
        return ""
    n = found.group(1)
    if seg.nested is not None and int(n) == seg.nested[1]:
        return ""  # "## 2." after question 1's parts "(1)"…"(4)": the next exercise, no part's key
    asked = [
        *(i for s in seg.doc_sections() for i in s.items),
        *([seg.item] if seg.item else []),
    ]
    unanswered = [i for i in asked if i.number == n and not i.answer]
    if not unanswered:
        return ""
    target = unanswered[-1].section
    # "## 程序填空题" then "### Problem 1", "### Problem 2": the new part's questions, numbered anew
    own_part = seg.mode == "questions" and seg.section is not target and bool(seg.section.heading)
    here = [i for i in [*seg.section.items, *([seg.item] if seg.item else [])] if i.section is seg.section]
    if own_part and int(n) == len([i for i in here if i.parent is None]) + 1:
        return ""
    current = seg.key_target if seg.mode == "key" else None
    if current is not None and any(i.number == n for i in current.items):
        target = current  # (the part the key named asks it: "### 二、填空题" over "1. #", an empty heading)
    if seg.mode != "key" or seg.key_target is not target:
        seg.start_key()
        seg.key_target = target
    seg.add_key(int(n), line)
    return "key"


NUMBER_HEADING = re.compile(r"^(\d{1,3})\s*[.、．]?\s*$")


def restated_question_key(seg: Segmenter, line: Line) -> str:
    """ "## 参考答案" then "### 二.推进供给侧结构性改革的举措" over its answer: a key that heads
    each answer with its question restated (numbered its own way, or not at all); the question it
    repeats, asked above and unanswered, is the one it answers."""
    if not line.heading or seg.mode != "key":
        return ""
    restated = _plain_words(RESTATED_NUMBER.sub("", line.text))
    if len(restated) < RESTATED_MIN:
        return ""
    for stem, item in _stems_by_opening(seg).get(restated[:RESTATED_MIN], []):
        if not item.answer and (stem.startswith(restated) or restated.startswith(stem)):
            seg.key_target = item.section
            seg.add_key(int(item.number), line)
            return "key"
    return ""


def _stems_by_opening(seg: Segmenter) -> dict[str, list[tuple[str, Item]]]:
    """The numbered questions read so far by their stems' first words, kept until more are read
    (a key of thousands of headings looks each up, never scanning every question again)."""
    sections = seg.doc_sections()
    count = sum(len(s.items) for s in sections)
    if seg.stems_by_opening[0] != count:
        index: dict[str, list[tuple[str, Item]]] = {}
        for item in (i for s in sections for i in s.items if i.number.isdecimal()):
            stem = _plain_words(item.stem)
            if len(stem) >= RESTATED_MIN:
                index.setdefault(stem[:RESTATED_MIN], []).append((stem, item))
        seg.stems_by_opening = (count, index)
    return seg.stems_by_opening[1]


def _plain_words(text: str) -> str:
    return NOT_A_WORD.sub("", text)


# "二.", "12、", "(3)": a number of its own over the question restated
RESTATED_NUMBER = re.compile(
    rf"^\s*(?:[{rules.CN_NUM}]{{1,3}}|\d{{1,3}}|[(（]\d{{1,3}}[)）])\s*[.．、:：]?\s*"
)
NOT_A_WORD = re.compile(r"[\W_]+")
RESTATED_MIN = 6  # characters: fewer name a topic ("概述"), not a question


# A part's numeral opening a line; an answer's label opening the next
PART_NUMERAL = re.compile(rf"^\s*[{rules.CN_NUM}]{{1,3}}\s*[、.．]")
ANSWER_LINE = re.compile(rf"^\s*(?:{rules.MY_ANSWER_LABEL}|正确答案|正確答案|参考答案|參考答案|答案)\s*[:：]")


def stray_part_heading(seg: Segmenter, line: Line) -> str:
    """ "二、填空题(每空1分)" between a choice's options and its answer line: a heading a PDF threw
    in (another layer's text), not the next part; the question above goes on."""
    item = seg.item
    if item is None or not item.options or item.answer is not None or seg.mode != "questions":
        return ""
    if not (PART_NUMERAL.match(line.text) and ANSWER_LINE.match(seg.next_text)):
        return ""
    seg.section.loose.append(line)
    return "loose"


# OpenTriviaQA's "^ They sleep standing up." under "#Q …", before the options
OPTION_TEXT_KEY = re.compile(r"^\^\s+(\S.*)$")


def option_text_key(seg: Segmenter, line: Line) -> str:
    """ "^ 9 sheep" under a question whose options are still to come: the text of the right one
    (the classifier finds its letter among them)."""
    m = OPTION_TEXT_KEY.match(line.text)
    item = seg.item
    if m is None or item is None or seg.mode != "questions" or item.options or item.answer:
        return ""
    item.answer = m.group(1).strip()
    return "answer"


LINE_RULES: list[tuple[str, Callable[[Segmenter, Line], str]]] = [
    ("table_row", table_row),
    ("grid_row", grid_row),
    ("blank_line", blank_line),
    ("bare_number", bare_number),
    ("number_and_key", number_and_key),
    ("numbered_part_heading", numbered_part_heading),
    ("number_heading_key", number_heading_key),
    ("restated_question_key", restated_question_key),
    ("part_and_number", part_and_number),
    ("next_headed_number", next_headed_number),
    ("bullet_question", bullet_question),
    ("heading_over_options", heading_over_options),
    ("task_judgement", task_judgement),
    ("stem_after_task_options", stem_after_task_options),
    ("task_option", task_option),
    ("shared_options_head", shared_options_head),
    ("lone_label", lone_label),
    ("answer_as_a", answer_as_a),
    ("bracketed_key", bracketed_key),
    ("judgement_mark", judgement_mark),
    ("option_text_key", option_text_key),
    ("sheet_numbers", sheet_numbers),
    ("key_grid_marks", key_grid_marks),
    ("part_mark_run", part_mark_run),
    ("sheet_answers", sheet_answers),  # before key_line: "答案" over an empty answer sheet
    ("case_heading", case_heading),
    ("case_part", case_part),
    ("next_case_story", next_case_story),
    ("part_key_line", part_key_line),
    ("part_key_run", part_key_run),
    ("key_entries_line", key_entries_line),
    ("next_part_key", next_part_key),
    ("solution_label", solution_label),
    ("key_line", key_line),
    ("key_title", key_title),
    ("stray_part_heading", stray_part_heading),
    ("bare_heading", bare_heading),
    ("english_heading", english_heading),
    ("notes_heading", notes_heading),
    ("questions_label", questions_label),
    ("topic_heading", topic_heading),
    ("paper_variant", paper_variant),
    ("pointed_question", pointed_question),
    ("unnumbered_fill", unnumbered_fill),
    ("unnumbered_judgement", unnumbered_judgement),
    ("unnumbered_term", unnumbered_term),
    ("standalone_title", standalone_title),
]


def read_whole_line(seg: Segmenter, line: Line) -> str:
    for _, rule in LINE_RULES:
        role = rule(seg, line)
        if role:
            return role
    return ""
