"""The segmenter's boundary rules: a table of named rules, as mistune's block rules are.

Every rule is one regex of rules.py and one `accept` function. The regexes are joined into one
alternation of named groups (BOUNDARY); when one matches, its rule's `accept` decides in the
segmenter's current state whether this really is a boundary, and of which kind (None: not mine,
the scan moves on). Each kind has one handler that changes the state and returns where the scan
goes on. A new convention is one pattern, one accept or handler, and its test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from . import rules
from .blocks import CHOICE_KINDS, Item, KeyEntry, Section, join
from .model import Line
from .numbered_blanks import blank_numbers
from .numbers import chinese_number

if TYPE_CHECKING:
    from .segment import Segmenter

Verdict = tuple[str, object]  # (kind, payload for its handler)
Found = tuple[re.Match[str], str, object]


@dataclass(frozen=True)
class Rule:
    name: str  # the regex's top-level group
    pattern: str
    accept: Callable[[Segmenter, re.Match[str], str, int], Verdict | None]


# Scanning a line must stay linear however long the line (a 100 MB one-line file): rules look
# at the text near a match through patterns anchored there, never at copies of the line's rest.
_LEADING_SPACE = re.compile(r"\s*")
_ONLY_PUNCT_LEFT = re.compile(r"[\s。.?？]*$")


_DECORATION = re.compile(r"[\s#*【\[]*")


def _opens_line(m: re.Match[str]) -> bool:
    """Only spaces or decoration ("## ", "【", "**") before the match on its line."""
    decoration = _DECORATION.match(m.string)  # always matches (possibly empty)
    return decoration is not None and decoration.end() >= m.start()


def at_line_start(m: re.Match[str]) -> bool:
    leading = _LEADING_SPACE.match(m.string)
    return leading is not None and leading.end() >= m.start()


# ---- accepting: is this match a boundary here, and of which kind? ------------------------------
COLON = re.compile(r"\s*[:：]")  # "注意事项:命题教师…" opening a line
PROSE_NEXT = re.compile(r"\s*[:：]?\s*(?:$|\d|[(（]?[一二三四五六七八九十\d])")


def accept_prose_marker(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    """ "注意事项 1、考试时间…": instructions, not questions."""
    before_ok = m.start() == 0 or text[m.start() - 1].isspace() or text[: m.start()] in ("请", "請")
    after_ok = PROSE_NEXT.match(text, m.end()) or (at_line_start(m) and COLON.match(text, m.end()))
    if m.group(0) in ("说明", "說明") and not _before_any_question(seg, m):
        return None  # (a question's "说明：1.…" note): only the paper's own rules, over its questions
    return ("prose_marker", None) if before_ok and after_ok else None


def _before_any_question(seg: Segmenter, m: re.Match[str]) -> bool:
    return at_line_start(m) and seg.item is None and not any(section.items for section in seg.sections)


def accept_chapter(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    """ "第二章 客户服务理念"; "第一章:1.C2.…" is that chapter's key."""
    if not at_line_start(m):
        return None
    rest = text[m.end() :]
    if CHAPTER_KEY_AFTER.match(rest):
        return ("chapter_key", None)
    return ("chapter", None)


# "第一章:1.C2.…", "第三章：" over its key, "第二章 答案": a chapter's key; "第 12 章：法律法规与标准化"
# is the chapter's title after a colon.
CHAPTER_KEY_AFTER = re.compile(r"\s*(?:[:：]\s*(?:$|[(（]?\d|[A-H√×对错]\b|[A-H]{2,}(?:\s|$))|答案|参考答案)")


def accept_heading(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    """ "一、单项选择题(每题2分)"; a numbered heading that names no type is prose at a line start."""
    line_start = at_line_start(m)
    title = rules.HEADING_TITLE.match(text, m.end())
    if m.group("heading_gan"):
        typed = title and line_start and seg.section_kind(title.group(0)) != "generic"
        return ("heading", title) if typed else None
    if title and (line_start or seg.section_kind(title.group(0)) != "generic"):
        return ("heading", title)
    if m.group("heading_range"):
        return None  # ("第16題至第30題" is no part; a range with its type is, above)
    if m.group("heading_di"):  # "第一题：下列…" naming no type: a question's own number
        n = chinese_number(re.sub(rf"[^{rules.CN_NUM}]", "", m.group("heading_di")))
        questions = seg.mode == "questions" and line_start and not seg.case_open
        return ("item", n) if questions and _expected_number(seg, n, line_start) else None
    if seg.mode == "local_key":
        return None
    # "二、 A  B  AB" opening a key's line, or "一、1.A 2.B 二、1.AB" going on along it
    # ("参考答案一、1.B 2.A二、1.√": glued to the key's label or to the entry before, in a scrape
    # that ran the whole key into one line)
    between = line_start or text[m.start() - 1] in " \t:：" or GLUED_BEFORE_PART.search(text, 0, m.start())
    entry_next = KEY_AFTER_NUMERAL if line_start else ENTRY_AFTER_NUMERAL
    if seg.mode == "key" and between and entry_next.match(text, m.end()):
        return ("key_section", chinese_number(m.group(0).strip(" 、.．")))
    if line_start and seg.mode == "questions" and not seg.case_open:
        n = chinese_number(m.group(0).strip(" 、.．"))
        asks = rules.QUESTION_WORDS.search(text, m.end(), m.end() + 200)
        # "六、欲用…芯片构成…，完成下列要求：" over its parts "1）…" "2）…"
        announces = FORWARD.search(text, m.end()) and COLON_END.search(text)
        # an essay question wrapped over lines, asking only on the last: long, in an open section
        essay = seg.section.kind == "short" and len(text) - m.end() >= OPEN_QUESTION_MIN
        # "七、（20分）利用Hopfield网络求解TSP问题。": its points, then its text on the same line (a
        # part names itself first: "一、单选题（每题2分）"; "二、（15分）" alone heads a problem below)
        scored = SCORED_OPENING.match(text, m.end())
        scored_text = scored is not None and len(text.strip()) - scored.end() >= SCORED_TEXT_MIN
        # under "1." questions a numeral opens an answer's part, unless no answer has begun
        # ("五、分析以下电路…" after the 简答 part's "2.…？", the paper's big questions numbered on)
        item = seg.item
        in_answer = item is not None and bool(item.answer or item.extra or item.slot == "answer")
        own_style = seg.section.number_style in ("", "cn") or (
            not in_answer and len(text) - m.end() >= OPEN_QUESTION_MIN
        )
        if (asks or announces or essay or scored_text) and own_style and _expected_number(seg, n, line_start):
            return ("item", n)  # "二、如何处理客户投诉？": a question numbered in Chinese numerals
        if own_style and _numeral_gap(seg, n, text[m.end() :]):
            return ("item", n)
    if line_start and _next_answer_part(seg, m):
        return None  # "答：一、…" … "二、…": the answer's next part, not a part of the paper
    if line_start and not (seg.mode == "questions" and seg.case_open):
        subject = rules.SUBJECT_HEADING_TITLE.match(text, m.end())
        if subject is None and seg.mode == "questions" and _bare_big_question(seg, text[m.end() :]):
            return ("item", chinese_number(m.group(0).strip(" 、.．")))
        return ("heading", subject) if subject else ("prose_heading", None)
    return None


def _numeral_gap(seg: Segmenter, n: int, title: str) -> bool:
    """ "五、…有哪些可能有效的策略？" after "一、…为什么？": past papers' open questions recalled with
    their own numbers, some left out. Past an open question numbered so, a higher numeral opening
    a question that asks in full (not a part's name) is the next one."""
    item = seg.item
    return (
        item is not None
        and not item.options
        and seg.section.number_style == "cn"
        and n > seg.expected
        and len(title.strip()) >= OPEN_QUESTION_MIN
        and rules.asks_strongly(title)
        and not PART_POINTS.search(title[:OPEN_QUESTION_MIN])
    )


def _bare_big_question(seg: Segmenter, title: str) -> bool:
    """In an exam whose parts name their types ("一、简答题"), a numeral heading naming none with
    nothing under it before the next ("二、热电偶查表法，中间温度定律，精度" then "三、…"): a big
    question of its own, as a recalled paper lists them (not a part's name and points, "三、词语
    解释 10 分（每题 1 分）", listed in the paper's instructions)."""
    following = seg.next_text if seg.next_text.strip() else seg.after_next
    if NUMERAL_OPENING.match(following) is None or PART_POINTS.search(title):
        return False
    return _typed_exam(seg)


PART_POINTS = re.compile(r"\d\s*分|每题|每小题|共\s*\d+\s*[题道]")


def _typed_exam(seg: Segmenter) -> bool:
    """The paper's parts are numbered in numerals and name their questions' types."""
    return any(
        s.kind not in ("generic", "prose") and NUMERAL_OPENING.match(s.heading) for s in seg.doc_sections()
    )


NUMERAL_OPENING = re.compile(rf"\s*[{rules.CN_NUM}]{{1,3}}\s*[、.．]")


OPEN_QUESTION_MIN = 25
SCORED_TEXT_MIN = 10


def _next_answer_part(seg: Segmenter, m: re.Match[str]) -> bool:
    """A numeral heading naming no type, next after the one the current answer printed."""
    item = seg.item
    if seg.mode != "questions" or item is None or item.slot != "answer" or not m.group("heading_cn"):
        return False
    n = chinese_number(m.group(0).strip(" 、.．"))
    before = CN_NUMERALS[n - 2] if 2 <= n <= len(CN_NUMERALS) + 1 else ""
    return bool(before) and re.search(rf"(?:^|\n)\s*{before}\s*[、.．]", item.answer or "") is not None


CN_NUMERALS = "一二三四五六七八九"
GLUED_BEFORE_PART = re.compile(rf"(?:答案|\d\s*[.、．:：]\s*(?:[A-H]{{1,8}}|[{rules.MARKS}]))$")
# ("一、TTFFF"; "三、（每空答案以 / 分隔）": a note on how the part's entries read)
KEY_AFTER_NUMERAL = re.compile(
    r"\s*(?:$|[A-H√×对错]|[TF]+(?:\s|$)|\d+\s*[.、．:：]?|[(（][^)）]{0,30}[)）]\s*$)"
)
# mid-line: "二、1.AB", "三、1.答：…"
ENTRY_AFTER_NUMERAL = re.compile(rf"\s*1\s*[.、．:：]\s*(?:[A-H]|[{rules.MARKS}]|答\s*[:：])")


UNDER_KEY_NOTE = re.compile(rules.UNDER_KEY_NOTES)


def accept_explanation(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    """ "解析：" anywhere; "说明：" / "备注：" opening a line only under a question's key ("正确答案：
    错误" then "说明：应以一年为周期"), elsewhere it is a paper's note or part of a question; so the
    source a training bank cites for its key ("出处：《…管理办法》", "依据：…第十条"), in a line of
    its own or in the stem's blank."""
    item = seg.item
    keyed = item is not None and (bool(item.answer) or KEY_IN_BLANK.search(item.stem) is not None)
    if UNDER_KEY_NOTE.match(m.group(0)) and not keyed:
        return None
    if seg.section.kind == "case" and seg.case_open and rules.CASE_PART_KEY.match(text[m.end() :]):
        return ("local_key", None)  # "解析：问题1：…" then "问题2答案：…": the case's key, by its parts
    return ("explanation", None)


# The key printed in the stem's blank ("…全党的核心地位（A）。" then "出处：…"): keyed as well
KEY_IN_BLANK = re.compile(r"(?<![A-Za-z0-9])[(（]\s*[A-H](?:[\s,，、]*[A-H]){0,7}\s*[)）]")


def accept_key(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    """ "参考答案": a key for earlier questions, a case's own key, or (with a colon) this answer."""
    rest = text[m.end() : m.end() + 200]  # enough to see what follows; a copy of the line's rest is not
    if _labels_key_entry(seg, text, pos, m, rest):
        return ("field_label", None)  # "1、参考答案：C": the entry's own label, its answer after it
    heading_next = re.match(rf"\s*[{rules.CN_NUM}]{{1,3}}\s*[、.．]", rest)
    if heading_next and rules.HEADING_TITLE.match(rest, heading_next.end()):
        return ("key", None)  # "…參考答案一、單項選擇題1.A…": the key repeats the sections
    if not m.group(0).rstrip().endswith((":", "：")) and not _opens_line(m):
        return None  # "…真题及答案解析", "（参考答案在最后）": words in a title or a note, not a key
    if KEY_ELSEWHERE.match(rest) and not m.group(0).rstrip().endswith((":", "：")):
        return None  # "参考答案在 ANSWERS.md 中。", "参考答案见第8页": a note saying where the key is
    if "答" not in m.group(0) and seg.section.kind != "case":
        return None  # a bare "参考：" is a case study's reference answer; elsewhere "参考：https://…"
    if seg.section.kind == "case" and seg.case_open:
        if "答" in m.group(0) and _answers_open_part(seg, rest):
            return ("answer", None)  # "问题1：分析原因。" then "参考答案：人手不足。": that part's answer
        return ("local_key", None)
    if not rest.strip():
        below = own_answer_below(seg) or own_key_below(seg) or questions_below(seg)
        return ("answer", None) if below else ("key", None)
    if SECTION_KEY_NEXT.match(text, m.end()):
        return ("key", None)  # "参考答案：1．B  2．A": the key of the questions above, on its line
    if seg.section.kind in ("fill", "short") and NUMBERED_ANSWERS_NEXT.match(text, m.end()):
        return ("section_key", None)  # "参考答案：1. 上帝 2. 及时" under a fill part: its key
    if MARK_RUN_LINE.fullmatch(rest.strip()):
        return ("key", None)  # "参考答案：ABCDA BCDAB" / "√ × √": one mark a question, in order
    labelled = m.group(0).rstrip().endswith((":", "：")) or ONE_ANSWER_NEXT.match(rest) is not None
    answered = seg.item is not None and bool((seg.item.answer or "").strip())
    if answered and "解析" in m.group(0) and seg.mode == "questions":
        return ("explanation", "explanation")  # "正确答案: A" then "答案解析：…": this one's explanation
    if seg.item is not None and seg.item.answer is None and labelled:
        return ("answer", None)  # "参考答案：B", "参考答案 B": this question's answer
    return ("key", None)


MARK_RUN_LINE = re.compile(rules.MARK_RUN)
KEY_ELSEWHERE = re.compile(r"\s*(?:在|见|見|详见|詳見|请见|請見|另附|附在|位于|位於)(?!\s*[:：])")


def _answers_open_part(seg: Segmenter, rest: str) -> bool:
    """Text after the label, under a case's part still unanswered: that part's own answer (a case's
    key names its parts: "参考答案：" alone, or over "【问题1】", "(1)…", "一、…")."""
    item = seg.item
    return (
        item is not None
        and item.answer is None
        and bool(rest.strip())
        and not PARTS_NAMED.match(rest)
        and rules.CASE_PART.match(rest) is None
    )


PARTS_NAMED = re.compile(rf"\s*(?:[(（【\[]?\s*\d|[①-⑩]|[(（]?[{rules.CN_NUM}]{{1,2}}\s*[、.．)）])")


def _labels_key_entry(seg: Segmenter, text: str, pos: int, m: re.Match[str], rest: str) -> bool:
    """In a key, "参考答案：" straight after an entry's number with its answer after it on the line."""
    entry = seg.key_entry
    fresh = entry is not None and not entry.text.strip() and not text[pos : m.start()].strip()
    return seg.mode == "key" and fresh and m.group(0).rstrip().endswith((":", "：")) and bool(rest.strip())


ONE_ANSWER_NEXT = re.compile(rf"\s*(?:[A-Ha-h](?:[\s,，、]*[A-Ha-h]){{0,7}}|[{rules.MARKS}])\s*$")


def own_answer_below(seg: Segmenter) -> bool:
    """ "参考答案：" alone under an open question still unanswered, and prose under it (no numbered
    entry, no part heading) or numbered points: that question's answer follows, not a key part."""
    item = seg.item
    if item is None or item.answer is not None or item.options or seg.section.kind not in OPEN_KINDS:
        return False
    below = seg.next_text
    if not below.strip():
        return False
    # (a paper numbering none of its questions keys none by number: "(简答题)" "…？" "答案：" "1、…")
    unnumbered = not item.number and not seg.section.numbered  # (counted: no walk per label)
    if below.lstrip()[:1].isdigit():
        # "1、首问负责" "2、限时办结" under the first question of its part, none above waiting for
        # a key: its points (a key would answer one question, and stop at 1)
        first = not seg.section.items and seg.mode == "questions"
        second = SECOND_POINT.match(seg.after_next) is not None
        return unnumbered or (first and second and not _waiting_above(seg))
    # "（1）首问负责。" under questions numbered "1.": the answer's first point, no boundary
    numbered = bool(item.number) and seg.section.number_style != "paren"
    points = (numbered or unnumbered) and BRACKETED_ONE.match(below)
    return bool(points) or not BOUNDARY.match(below)


SECOND_POINT = re.compile(r"\s*2\s*[.、．:：]")  # ("1：继承Thread类" "2：实现Runnable接口")


def _waiting_above(seg: Segmenter) -> bool:
    """Questions of the paper's earlier parts still unanswered (a key may be theirs)."""
    return any(
        item.answer is None
        for s in seg.doc_sections()
        if s is not seg.section and s.kind != "prose"  # (not "考试要求" 1. 2. …)
        for item in s.items
    )


def questions_below(seg: Segmenter) -> bool:
    """A numbered line with an option under it follows: questions go on (a stray "答案" label
    over nothing starts no key; a key has no options)."""
    return NUMBERED_LINE.match(seg.next_text) is not None and OPTION_LINE.match(seg.after_next) is not None


NUMBERED_LINE = re.compile(r"\s*\d{1,4}\s*[.、．]")
OPTION_LINE = re.compile(r"\s*[(（]?[A-H][)）]?\s*[.、．:：)）]")


def own_key_below(seg: Segmenter) -> bool:
    """ "参考答案" alone under a choice or judgement still unanswered, its letter or mark alone on
    the next line ("A", "B。客户至上"): that question's answer, not a key part."""
    item = seg.item
    if item is None or item.answer is not None or seg.mode != "questions":
        return False
    lone = LONE_KEY_LINE.match(seg.next_text) and not LONE_KEY_LINE.match(seg.after_next)  # (not "A" "B"…)
    return bool(lone) and bool(item.options or item.mark is None)


LONE_KEY_LINE = re.compile(rf"\s*(?:[A-H]{{1,8}}|[{rules.MARKS}]|正确|错误)\s*(?:$|[。.．,，;；:：])")
OPEN_KINDS = ("short", "generic", "case")
# A list of numbered answers straight after "答案:" is the key of the section just read.
SECTION_KEY_NEXT = re.compile(
    rf"\s*(?:1\s*(?:[.、．:：)）]\s*(?:[A-H{rules.MARKS}]|[a-h](?![A-Za-z])|[TF](?![A-Za-z]))|[-~～—–]\s*\d"
    rf"|[A-H]{{1,8}}(?=[\s,，;；]))"
    rf"|[(（]1[)）]\s*(?:[A-H]{{1,8}}|[√×])(?![{rules.CJK}]))"
)
PARTS_KEY_NEXT = re.compile(
    rf"\s*[{rules.CN_NUM}]{{1,3}}\s*[、.．]\s*1\s*[.、．:：]\s*(?:[A-H]|[{rules.MARKS}])"
)
# "答案：1. 上帝 2. 及时" under a fill or open part: its answers, numbered, on one line.
NUMBERED_ANSWERS_NEXT = re.compile(r"\s*1\s*[.、．]\s*\S[^\n]*?\s2\s*[.、．]\s*\S")
# "答案：（1）TIMESTAMP；（2）CASCADE；…" under a fill part: the same, bracketed (under an open
# question "（1）…（2）…" are its answer's points)
BRACKETED_ANSWERS_NEXT = re.compile(r"\s*[(（]1[)）]\s*[^\n;；]{1,40}[;；]\s*[(（]2[)）]\s*\S")


def accept_answer(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    if seg.mode == "local_key" and _labels_case_part(text, m, pos):
        return None  # "问题3答案：…" in a case's key: the part's label, read with it (link._by_case_part)
    # "…为__0.022°__。" then "解：分辨力是…": the key is written in, the working explains it
    if m.group(0).startswith("解") and seg.item is not None and _written_in(seg.item):
        return ("explanation", "explanation")
    parts = seg.item is not None and seg.item.bracketed and seg.section.number_style != "paren"
    if parts and BRACKETED_ONE.match(text, m.end()):
        return ("answer", None)  # "(1)…(2)…" then "答：(1)A (2)B": the parts answered together
    if SECTION_KEY_NEXT.match(text, m.end()) and _numbered_on_from_above(seg):
        return ("key", None)  # "答案：1.B 2.C 3.ACD 4.CSI" under the last part of questions numbered on
    if SECTION_KEY_NEXT.match(text, m.end()):
        return ("section_key", None)  # "答案:1.A 2.B" / "答案:1-5 ABCDA" after a section's questions
    if PARTS_KEY_NEXT.match(text, m.end()):
        return ("key", None)  # "答案：一、1.A 2.B 二、1.AB": the key of the paper's parts, on one line
    numbered = seg.section.kind in ("fill", "short") and seg.section.items
    listed = NUMBERED_ANSWERS_NEXT.match(text, m.end()) or (
        seg.section.kind == "fill" and BRACKETED_ANSWERS_NEXT.match(text, m.end())
    )
    if numbered and listed and not _answers_each_blank(seg, text[m.end() :]):
        return ("key", None) if _numbered_on_from_above(seg) else ("section_key", None)
    if _unanswered_before(seg) and MARK_RUN_LINE.fullmatch(text[m.end() :].strip()):
        return ("section_key", None)  # "答案：ABCDA BC" under the last question: the whole section's
    if _repeats_first_question(seg, text[m.end() :]):
        return ("section_key", None)  # "答案：1、<question 1 again>" then its answer, "2、<question 2>"…
    return ("answer", None)


def _labels_case_part(text: str, m: re.Match[str], pos: int) -> bool:
    label = rules.CASE_PART_KEY.match(text[pos:]) if "问题" in text or "問題" in text else None
    return label is not None and m.start() - pos < label.start("rest")


# "__敏感元件__": a key written on its blank
WRITTEN_IN = re.compile(r"_{2,}[ \t\u3000]*[^_\s][^_\n]{0,70}?[ \t\u3000]*_{2,}")


def _written_in(item: Item) -> bool:
    """The question's key is written on its blanks (its stem's lines, or the line it wrapped onto)."""
    return any(WRITTEN_IN.search(text) for text in (item.stem, *item.extra))


def _numbered_on_from_above(seg: Segmenter) -> bool:
    """This part's questions go on from the numbers of the parts above (its first is 4, after 1–3):
    a key from 1 under it answers the paper, not the part."""
    first = seg.section.items[0].number if seg.section.items else ""
    above = [s for s in seg.doc_sections() if s is not seg.section and s.items]
    return first.isdecimal() and int(first) > 1 and bool(above) and above[0].items[0].number == "1"


def _answers_each_blank(seg: Segmenter, rest: str) -> bool:
    """ "正确答案: 1. [工作服] 2. [工作鞋]" under a question of two blanks: one answer a blank."""
    item = seg.item
    blanks = len(rules.BLANK.findall(item.stem)) if item is not None and item.answer is None else 0
    return blanks > 1 and len(BLANK_ENTRY.findall(rest)) == blanks


BLANK_ENTRY = re.compile(r"(?:^|(?<=\s))\d{1,2}\s*[.、．]")


def _repeats_first_question(seg: Segmenter, rest: str) -> bool:
    """The key opens by asking question 1 of the run still unanswered again, word for word."""
    first = FIRST_ENTRY.match(rest)
    if first is None or seg.item is None or seg.item.answer is not None:
        return False
    run = [*seg.section.items, seg.item]
    ones = [item for item in run if item.number == "1" and item.answer is None]
    asked = rules.bare_words(ones[-1].stem) if ones else ""
    return len(asked) >= REPEAT_MIN and rules.bare_words(rest[first.end() :]).startswith(asked[:REPEAT_MIN])


FIRST_ENTRY = re.compile(r"\s*1\s*[、.．]\s*")
REPEAT_MIN = 8  # characters of the question that must come again


BRACKETED_ONE = re.compile(r"\s*[(（]\s?1\s?[)）]")


def _unanswered_before(seg: Segmenter) -> bool:
    return bool(seg.section.items) and all(item.answer is None for item in seg.section.items)


def accept_always(kind: str) -> Callable[[Segmenter, re.Match[str], str, int], Verdict | None]:
    return lambda seg, m, text, pos: (kind, None)


def accept_case_questions(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    if seg.section.kind not in ("case", "short", "generic"):
        return None
    before = text[m.start() - 1] if m.start() else ""
    first_next = FIRST_SUB_QUESTION.match(text, m.end())
    if before and not first_next and not _opens_line(m) and before not in SENTENCE_END:
        return None  # "这是一个古典的数学问题：古代…": a word in a sentence, not a heading
    item = seg.item
    if (
        item is not None
        and item.number
        and not (first_next or _opens_line(m))
        and ASKED_END.search(item.stem)
    ):
        return None  # "21. 什么是BigKey？…" answered "…的key。问题：读写耗时…": a point of the answer
    return ("case_questions", None)


FIRST_SUB_QUESTION = re.compile(r"\s*[:：]?\s*[(（]?[1一]\s*[)）、.．,，]")


SENTENCE_END = "。.！!？?；;)）】 \t"


def accept_meta(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    if seg.item is None or seg.mode != "questions":
        return None
    if m.group(0).lstrip("【").startswith("得分") and not (seg.item.answer or seg.item.slot == "answer"):
        return None  # "得分" is a score only under a key ("正确答案：B 得分：2"); in a stem it is a word
    if m.group(0).startswith(("类型", "類型")) and not at_line_start(m):
        return None  # a field only opening a line: "数据类型：int" in a stem is text
    return ("meta", None)


def accept_in_key(kind: str) -> Callable[[Segmenter, re.Match[str], str, int], Verdict | None]:
    """Key entries ("1-5 ABCDA", "3 B", "√ × √") exist only inside a key region."""
    return lambda seg, m, text, pos: (kind, None) if seg.mode == "key" else None


def _variable_letter(char: str) -> bool:
    """A letter naming a variable, Latin or Greek ("P1, P2", "α1, α2, α3")."""
    return char.isalpha() and (char.isascii() or "\u0370" <= char <= "\u03ff")


NUMBER_NEXT = re.compile(r"\s*\d")


def accept_item(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    """A question number, valid only as the number expected next (or a key entry in a key)."""
    group, number = matched_group(m, ITEM_GROUPS)
    n = int(number)
    line_start = at_line_start(m)
    item = seg.item
    spaced = line_start or text[m.start() - 1].isspace()  # (or mid-line: "A.及时 8.拖延")
    if n == 8 and spaced and group in ("item_g", "item_n") and item is not None and _expects_b(item):
        return ("option", (1, item.option_family))  # OCR: "8客户", "8.错" where B comes next
    if seg.mode == "key" and group == "item_n" and line_start and _names_a_numbered_part(seg, n, text, m):
        return ("key_section", n)  # "2、" over "1）2004H" "2）取指令": the key of part "2、填空题"
    keyed_run = seg.mode == "key" and group == "item_r"  # ("答案：1）b 2）c 3）acd": a key's entries)
    if group == "item_r" and NUMBER_NEXT.match(text, m.end()) and not (keyed_run and spaced):
        return None  # "(x+1)2": a number after the bracket is an entry's answer only in a key
    if (
        group in ("item_q", "item_v", "item_l", "item_k", "item_t", "item_c", "item_r", "item_a")
        and not line_start
        and not keyed_run
    ):
        return None
    if group == "item_a" and n != seg.expected:
        return None  # ("1(A)": only the number due next carries its key so)
    if (
        group == "item_n"
        and m.group(0).endswith("\t")
        and ROW_LABEL_LETTER.match(text[m.start() - 1 : m.start()])
    ):
        return None  # "V1⇥PAT⇥Patient identification": a table's row label, not question 1
    if item is not None and _inside_bracketed_note(item):
        return None  # "人工解析: [推导过程：" "1. …" "4. 因此…]": the note's own numbering
    if seg.tags_open_questions(mid_line=bool(text[pos : m.start()].strip())):
        return None  # "(填空题)" opening every question, none numbered: "1.8μs" answers, "1、…" lists
    # "### 3.…" questions, then "1.String对象…" in the notes under one: its points (but "1. 写出真值表"
    # under one asks: its part)
    if (
        seg.mode == "questions"
        and not seg.line_heading
        and _numbered_on_headings(seg)
        and not _part_asks(text[m.end() :])
    ):
        return None
    if seg.case_labels and seg.section.kind == "case" and seg.mode == "questions":
        return None  # a case paper numbers its parts by "【问题1】" labels: "(1)" are blanks or points
    if group == "item_g" and not _glued_number(
        seg, n, spaced=m.group(0)[-1:].isspace(), line_start=line_start, rest=text[m.end() :]
    ):
        return None
    if group == "item_k" and n != seg.expected:
        return None  # "1：…" "2：…" under an answer: its points, not questions numbered afresh
    if seg.mode == "local_key" or seg.section.number_style == "task":
        return None  # (a section of task-list statements: numbers are points of their notes)
    if seg.section.number_style == "part" and item is not None and seg.mode == "questions":
        return None  # "1-2 …为什么…？" then "（1）…": ids number the questions, these its answer's points
    if seg.mode == "key":
        return _key_number(seg, m, text, n)
    if group in ("item_n", "item_p") and line_start and seg.line_a_point:
        return None  # "5.…动力" then "1、…" "2、…" then "6.…": question 5's points (inner_points)
    if item is not None and line_start and ONLY_A_BLANK.fullmatch(text, m.end()):
        return None  # "写出程序的运行结果：" then "1. ______" "2. ______": its answer's slots, no questions
    labelled = (
        item is not None and item.slot == "option" and bool(item.options) and not item.options[-1].strip()
    )
    if labelled and not line_start and text[pos : m.start()].strip() in ("", "-", "+", "−"):
        return None  # "（A）1.  （B）2.", "A.-10⇥B.10": an option just labelled on this line, a number
    if (
        group == "item_n"
        and not line_start
        and m.group(0).rstrip().endswith(",")
        and _variable_letter(text[m.start() - 1])
    ):
        return None  # "P={P1, P2, …, P8}": a name's digits listed, not questions 5, 6 and 7
    if not line_start and _variable_letter(text[m.start() - 1]) and text[m.end() : m.end() + 1].isdigit():
        return None  # "C、C4.5算法", "HTTP1.1": a name's version, not question 4 glued to a word
    if (
        not line_start
        and "](" in text
        and INSIDE_A_LINK.search(text, max(0, m.start() - NOTE_REACH), m.start())
    ):
        return None  # "![a-b剪枝-1.jpg|361](…/2.png)": a Markdown figure's name or address, no question
    if not line_start and NOTHING_LEFT.match(text, m.end()):
        return None  # "…the Amazon EC2." ending a line: a name's digits, not question 2 asking nothing
    if seg.section.kind == "case" and not seg.case_open and not _first_case_question(seg, m, text, n):
        return None
    if group == "item_c" and seg.prev_full and n != seg.expected:
        return None  # "1，并显示…" under a line cut at the page's width: the sentence goes on
    if group == "item_c" and n == 1 and seg.expected > 2 and item is not None and _open_unanswered(item):
        return None  # "27.列出…至少2点差异" then "1,get请求…" "2,…": its answer's points, numbered anew
    if (
        group == "item_r"
        and seg.section.number_style not in ("", "close")
        and not _asks_a_part(item, text, m.end())
    ):
        return None  # "1)" under questions numbered "1.": a point of an answer
    unnumbered = item is not None and not item.number
    plain = seg.section.number_style == "plain" or unnumbered
    answered = unnumbered and n == 1 and item is not None and item.slot == "answer" and bool(item.answer)
    if group in ("item_p", "item_r") and plain and (_answer_point(seg, n) or answered):
        return None  # "答：" then "(1) 甲" "(2) 乙": the answer's points (or each blank's answer)
    if group in ("item_p", "item_r") and line_start and _answers_the_parts(item, n):
        return None  # "(1)…？" "(2)…？" "答：" then "(1)POST" "(2)…": each part's answer, in turn
    if group in ("item_p", "item_r") and line_start and _states_a_point(seg, text, m.end()):
        return None  # "2.简述…有哪些。" then "（1）HTML，即…": the points of its answer, not questions
    restarts = group in ("item_p", "item_r") or (n == 1 and n != seg.expected) or _next_point(item, n)
    if restarts and line_start and _answer_goes_on(seg, text, m.end(), n):
        return None  # "8、手写快速排序" "…只需要三步：" then "(1)选择一个元素…。": the answer's steps
    if restarts and line_start and item is not None and item.bold and not seg.line_bold:
        return None  # "**8.…有哪些用途.**" then "1. 可以…" "2. 另一种…": the answer's points, in plain type
    bracketed = group in ("item_p", "item_r")
    if item is not None and (bracketed or n != seg.expected) and ASPECTS.search(item.stem) and not item.extra:
        return None  # "…依次从以下四个方面进行论述：" then "（1）叙述…": one essay's aspects
    if _lists_requirements(item, text, m.end()):
        return None  # "请给出…，要求：1) … 2) …": the conditions of the question above
    if line_start and n == 1 and _lists_statements(seg, m, text):
        return None  # "下列…的是（）" then "1)登陆成功    2)设备分配": the statements it weighs
    if group in ("item_p", "item_r") and line_start and _weighs_statements(seg, item, text, m.end()):
        return None  # "2、应聘者甲向公司做如下保证：" then "（1）…" "（2）…": what its options weigh
    if item is not None and seg.line_depth > item.depth > 0 and not (seg.line_bold and item.bold):
        # a Markdown list nested in the question's item: its options, or points of its answer
        # (its items set in bold as the question is are its parts: Segmenter.open_item)
        listing = CODE_LINE_END.search(text, m.end())  # ("Given:" over "1. public class A {": its program)
        return ("nested_option", n) if _nested_option(seg, item, n) and not listing else None
    if MULTI_LEVEL_NUMBER.match(text, m.start()):
        return None  # "2.2.1 计算机系统基础知识": a document's section, never a question's number
    if item is not None and program_line(text, m.end()):
        return None  # "1.  #include <stdio.h>" "2.  int main()": a listing's line numbers
    if DECIMAL_POINT_BEFORE.search(text, max(0, m.start() - 2), m.start()):
        return None  # the "5" of "1.5" (an empty key entry "16.17.A" is fine, above)
    if group == "item_n" and BOOK_SECTION.match(text, m.start()):
        return None  # "## 1. 1 节 什么是因特网": a textbook's section, however its number is spaced
    if group == "item_n" and n != seg.expected and SECTION_NUMBER.match(text, m.start()):
        return None  # "5.8图 练习", "5.8.1问答题": a textbook's section heading, not a question
    if not line_start and _inside_brackets(text[max(0, m.start() - NOTE_REACH) : m.start()]):
        return None  # "（目的：1、沟通表达能力2、…3、知识面深度）": a list inside a note, no question
    if not line_start and LISTED_BEFORE.search(text, max(0, m.start() - 4), m.start()):
        return None  # "元素1、2、3、4": numbers listed in a sentence
    if not line_start and item is not None and item.extra and LIST_OPENED.search(text, 0, m.start()):
        return None  # under a question, "其他功能：1.一次显示…。2.从键盘…": a list in its text, run on
    if (
        not line_start
        and item is not None
        and item.slot == "explanation"
        and WORD_BEFORE.match(text[m.start() - 1])
    ):
        return None  # "解析：滑石1、石膏2、方解石3…": numbers glued to words, a ranking in the prose
    sibling = item is not None and item.bracketed and item.number == str(n - 1) and item.slot == "stem"
    # "（1）画出…；（2）求出…": the next part asked on the same line
    next_part = sibling and SENTENCE_DONE.search(text, 0, m.start()) is not None and _both_ask(text, m)
    if group == "item_p" and not line_start and not (seg.case_open and n == seg.expected) and not next_part:
        return None  # "(1)" mid-line is sub-numbering inside an answer, except a case's questions
    choice = item is not None and bool(item.options)
    plain = seg.section.number_style == "plain" and not seg.case_open
    if group == "item_p" and plain and choice and (n == 1 or n != seg.expected):
        return None  # "（1）…" in a choice question's explanation, numbered "1.": one of its points
    if item is not None and item.slot in ("answer", "explanation") and not item.options:
        so_far = (item.answer or "") + (item.explanation or "") + text[pos : m.start()]
        if not line_start and (re.search(r"(?<!\d)1\s*[.、．]", so_far) or (n == 1 and not so_far.strip())):
            return None  # "答:1.以客户为中心 2.及时": points of an answer, not the next question
        if group in ("item_n", "item_c", "item_k") and _answer_point_line(so_far, n, text, m.end()):
            return None  # "答：1. 倾听" or "答：" then "1. 倾听" "2. 记录": points that ask nothing
    if line_start and n == 1 and _explains_in_points(seg, text, m.end()):
        return None  # "答案选择C。" "RUP有9个工作流…" then "1、商业建模…" "2、需求…": its explanation's list
    if group in ("item_n", "item_c") and line_start and _point_of_unnumbered(seg, n, text, m.end()):
        return None  # "太平天国失败的原因和教训" in a 论述 part, then "1. …" "2. …": its answer's points
    if item is not None and item.slot == "stem" and not item.options and line_start and group == "item_n":
        # "**1. 什么是进程？**", its answer's paragraph ending "特征：" (or none: the numbering
        # restarts), then "1. 动态性" "2. 并发性": the answer's points, stating, not asking
        opened = bool(item.extra) or n != seg.expected
        so_far = "\n".join(item.extra)
        # (a stem that bids, "简述…的应用方法。（6分）", asks as surely, where the numbering restarts)
        bids = n != seg.expected and rules.asks_strongly(item.stem)
        if opened and (ASKED_END.search(item.stem) or bids) and _answer_point_line(so_far, n, text, m.end()):
            return None
    if group == "item_n" and not line_start and BARE_DECIMAL.match(text, m.end()):
        return None  # "B. 2.5": a decimal mid-line, never question 2 ("15.45钢…" is question 15)
    if item is not None and n > seg.expected and _own_number(item, n):
        return None  # "2021年11月第72题" above, then "72.（ 72 ）…" in its explanation: restated
    if _expected_number(seg, n, line_start) or _after_a_one_line_key(seg, n, line_start, text, m.end()):
        return ("item", n)
    if _next_part_scored(seg, n, text, m):
        return ("item", n)  # "3、（10分）某CPU…" after part "2、填空题": the next part, one problem
    if line_start and n > seg.expected and SCORED_OPENING.match(text, m.end()):
        return ("item", n)  # "29．（9分）" after question 6: a subject cut from a combined paper
    if line_start and _choice_opens(seg, text, m.end()):
        return ("item", n)  # "73. …EXCEPT ____." over "A. …" after question 68: a compilation's picks
    if line_start and _keyed_choice_opens(seg, text, m.end()):
        return ("item", n)  # "4、…（）。" over "正确答案：D" after question 2: an export that shuffled them
    return None


def _own_number(item: Item, n: int) -> bool:
    """The question's text names `n` as its number in the exam it came from ("2021年11月第72题")."""
    return re.search(rf"第\s*{n}\s*[题題]", item.stem) is not None


def _next_part_scored(seg: Segmenter, n: int, text: str, m: re.Match[str]) -> bool:
    """ "3、（10分）…" opening a line under part "2、填空题" (its questions "1）" "2）"): part 3 of the
    paper, numbered on from its parts and asking one problem for its points."""
    return (
        seg.mode == "questions"
        and SCORED_OPENING.match(text, m.end()) is not None  # (rare: the cheap test first, every item)
        and at_line_start(m)
        and _heading_number(seg.section.heading) == n - 1
    )


STEM_WORDS = re.compile(rf"[{rules.CJK}]{{2}}|[A-Za-z]{{2,}}\s+[A-Za-z]{{2,}}")


def _choice_opens(seg: Segmenter, text: str, end: int) -> bool:
    """After a choice question, a number over a stem with option A on the next line opens the next
    choice question, whatever its number (reading sets picked from several papers keep theirs)."""
    item = seg.item
    return (
        item is not None
        and len(item.options) >= 2
        and seg.mode == "questions"
        and STEM_WORDS.search(text, end) is not None
        and OPTION_A.match(seg.next_text) is not None
    )


KEY_LINE = re.compile(
    r"\s*(?:正确答案|正確答案|参考答案|參考答案|标准答案|標準答案|答案)\s*[:：]\s*[A-H]{1,8}\s*$"
)  # the line under a question: its key, the options to come


def _keyed_choice_opens(seg: Segmenter, text: str, end: int) -> bool:
    """After an answered choice question, a number over a stem with its key on the next line
    ("正确答案：D", the options below it) opens the next question, whatever its number (an exam
    system's export prints each case's questions shuffled)."""
    item = seg.item
    answered_choice = item is not None and len(item.options) >= 2 and bool(item.answer)
    return (
        (answered_choice or _a_story(item))
        and seg.mode == "questions"
        and KEY_LINE.match(seg.next_text) is not None
        and STEM_WORDS.search(text, end) is not None
    )


STORY_MIN_CHARS = 40


def _a_story(item: Item | None) -> bool:
    """A numbered text that asks nothing and has nothing under it: a case's story, its questions
    to come."""
    return (
        item is not None
        and bool(item.number)
        and not (item.options or item.answer or item.extra)
        and len(item.stem) >= STORY_MIN_CHARS
        and not rules.asks_in_words(item.stem)
    )


# A question's points right after its number, a module's name before them: "（9分）",
# "【生物——选修1：生物技术实践】（15分）"
SCORED_OPENING = re.compile(r"\s*(?:[【\[][^】\]]{1,30}[】\]]\s*)?[(（]\s*\d{1,2}\s*分\s*[)）]")
SCORED_LINE = re.compile(r"\s*\d{1,3}\s*[.．、]" + SCORED_OPENING.pattern)


WORD_BEFORE = re.compile(rf"[{rules.CJK}]")


def _point_of_unnumbered(seg: Segmenter, n: int, text: str, end: int) -> bool:
    """Under an unnumbered question of an open part, numbers that state are its answer's points:
    "1." first, then each next one."""
    item = seg.item
    if item is None or item.number or item.options or item.slot != "stem" or not item.stem:
        return False
    if seg.section.kind != "short" or COLON_END.search(item.stem) or TASKS_FOLLOW.search(item.stem):
        return False  # ("…请完成以下任务：" then "1. 列出…": the tasks of the text above)
    if not (rules.asks_in_words(item.stem) or re.search(rules.TOPIC_WORDS, item.stem)):
        return False  # ("(共60分，每小题5分)" over "1. 内环境稳态": the part's note, then its questions)
    return _answer_point_line("\n".join(item.extra), n, text, end)


ROW_LABEL_LETTER = re.compile(r"[A-Za-z]")
# "以下题目均使用上述的数据库，请用SQL语言完成下面的操作。": the numbered lines below are its tasks
TASKS_FOLLOW = re.compile(
    r"(?:完成|回答|解答|作答)(?:下面|下列|以下|如下)的?(?:操作|问题|問題|各题|各小题|小题|题目|任务|要求)"
    r"|(?:以下|下列|下面)各?(?:题目|小题|各题)"
)


def _inside_bracketed_note(item: Item) -> bool:
    """An explanation an exam system printed in brackets over several lines, not yet closed."""
    note = item.explanation if item.slot == "explanation" else None
    return (
        note is not None
        and note.lstrip().startswith(("[", "【"))
        and note.count("[") + note.count("【") > note.count("]") + note.count("】")
    )


def _open_unanswered(item: Item) -> bool:
    return bool(item.number) and not item.options and item.answer is None and item.slot == "stem"


def _answers_the_parts(item: Item | None, n: int) -> bool:
    """Under the last of bracketed parts (1)…(k), after its "答：": the n-th part's answer."""
    if item is None or not item.bracketed or item.slot != "answer" or not item.number.isdecimal():
        return False
    given = re.findall(r"^[(（]\s*(\d+)\s*[)）]", item.answer or "", re.MULTILINE)
    return n <= int(item.number) and [int(g) for g in given] == list(range(1, n))


def _after_a_one_line_key(seg: Segmenter, n: int, line_start: bool, text: str, end: int) -> bool:
    """ "正确答案：一年" closed the question above: a higher number opening a line is the next
    question, past a gap in the numbering, where it has a blank to fill or where the part asks
    no open questions (whose answers number their points)."""
    item = seg.item
    if (
        not line_start
        or item is None
        or n <= seg.expected
        or item.slot not in ("answer", "mine", "explanation")
    ):
        return False
    keyed = bool(item.answer) and "\n" not in (item.answer or "").strip()
    closed_part = seg.section.kind in ("single", "multiple", "truefalse", "fill")
    return keyed and (
        closed_part or rules.BLANK.search(text, end) is not None or rules.asks_strongly(text[end:])
    )


def _both_ask(text: str, m: re.Match[str]) -> bool:
    """The part before "（2）" on its line and the clause after it each ask ("画出…" / "求出…"),
    so they are two parts, not two points of an answer."""
    before = LEADING_PART.sub("", text[: m.start()])
    after = CLAUSE_END.split(text[m.end() :], maxsplit=1)[0]
    return rules.asks_strongly(before) and rules.asks_strongly(after)


CLAUSE_END = re.compile(r"[。；;]")
LEADING_PART = re.compile(r"^\s*[(（]\d{1,2}[)）]\s*")
SENTENCE_DONE = re.compile(rf"(?:(?<=[{rules.CJK}])[;；]|。)\s*$")  # (NFKC folds "；" to ";")
BARE_DECIMAL = re.compile(rf"\d+(?![\d{rules.CJK}])")


def _explains_in_points(seg: Segmenter, text: str, end: int) -> bool:
    """A list from 1 under a choice question already keyed, well into the paper's numbering, that
    states and goes on to its 2 (never to options): the points of the question's explanation."""
    item = seg.item
    if item is None or not item.options or not item.answer or seg.expected <= FIRST_RESTART:
        return False
    rest = text[end:]
    if item.slot not in ("answer", "explanation") or rules.BLANK.search(rest) or ASKED_END.search(rest):
        return False  # (a point may name "如何…" in passing; a question's blank or mark is certain)
    return NEXT_POINT.match(seg.next_text) is not None


FIRST_RESTART = 3  # below, a "1" may be a paper's second part numbered afresh, its heading lost
NEXT_POINT = re.compile(r"\s*2\s*[、.．]")


def _answer_point_line(so_far: str, n: int, text: str, end: int) -> bool:
    """Under an answer: "1." opening it, or the next point after a "1." it opened with; a line
    that asks is the next question however it is numbered."""
    if rules.ASKS_STRONGLY.search(text[end:]) or rules.BLANK.search(text, end):
        return False
    points = ANSWER_POINT.findall(so_far)
    # "特征：" then "1. 动态性"; "一、坚持…" then "1．贯彻…" (a part of the answer, then its points)
    opens = not so_far.strip() or bool(
        COLON_END.search(so_far) or CN_PART_LAST.search(so_far) or INTRODUCES_END.search(so_far)
    )
    return (n == 1 and opens) or (bool(points) and points[0] == "1" and n == int(points[-1]) + 1)


INTRODUCES_END = re.compile(r"(?:为|是|如下|包括|有以下几点)\s*$")  # "答：保密注意事项为" then "1. …"
CN_PART_LAST = re.compile(r"(?:^|\n)\s*[一二三四五六七八九十]{1,2}\s*[、.．][^\n]*$")
# ("答：1，…" then "2，…"; "…反作用。1.意识…；" then "2.…": a list may open after a sentence)
ANSWER_POINT = re.compile(r"(?:^|\n|(?<=[。；;]))\s*(\d{1,2})\s*[.、．，,:：](?!\d)")


DECIMAL_POINT_BEFORE = re.compile(r"\d[.．]$")
LISTED_BEFORE = re.compile(r"\d\s*[、,，]\s*$")
LIST_OPENED = re.compile(r"[:：]\s*1\s*[.、．]")  # a label's list, from 1, on its line


def matched_group(m: re.Match[str], groups: tuple[str, ...]) -> tuple[str, str]:
    """Which of a rule's alternative `groups` matched, and its text (one lookup for all of them:
    this runs for every number and label the scan meets)."""
    for group, value in zip(groups, m.group(*groups), strict=True):
        if value:
            return group, value
    raise ValueError(f"none of {groups} took part in the match")


def _nested_option(seg: Segmenter, item: Item, n: int) -> bool:
    """ "1. 软件指…" in a list nested under a choice question (its part or tag says so, its stem
    ends with the key as option numbers, or the question before had such options)."""
    choice = item.section.kind in CHOICE_KINDS or item.tag[:2] in ("单选", "多选")
    keyed_after = rules.OPTION_NUMBERS_AFTER.search(item.stem) is not None
    before = next((s.items[-1] for s in reversed(seg.sections) if s.items), None)
    # (a paper of choice questions: the one before had options, and no open part says otherwise)
    like_before = before is not None and bool(before.options) and item.section.kind not in ("short", "case")
    choice = choice or (n == 1 and (keyed_after or like_before)) or (n > 1 and item.option_family == "nested")
    return choice and item.slot in ("stem", "option") and not item.extra and n == len(item.options) + 1


def _answer_point(seg: Segmenter, n: int) -> bool:
    """A bracketed number under a question numbered "1.": a point of its answer, unless it is
    the next question's number after a finished answer ("答案：丙" then "(4) 丁是什么?")."""
    item = seg.item
    if item is None or item.slot not in ("answer", "explanation", "mine"):
        return False
    so_far = item.answer if item.slot == "answer" else item.explanation if item.slot == "explanation" else ""
    return item.slot == "mine" or n != seg.expected or FIRST_POINT.search(so_far or "") is not None


def _expects_b(item: Item) -> bool:
    """Option A read, B next: where OCR misreads the label B as 8 ("8客户", "8.错")."""
    return item.slot == "option" and len(item.options) == 1 and item.option_family in LETTER_FAMILIES


def _glued_number(seg: Segmenter, n: int, spaced: bool, line_start: bool, rest: str) -> bool:
    """ "12社會…" is question 12 only where 12 comes next and the question before is complete
    (its options or its answer read), or where it opens a line with option A on the next: else
    "3位数" is a wrapped line of a sentence. "12 社會…" with a space reads as a number in any
    part (a part of no known type too)."""
    if line_start and n in (1, seg.expected) and seg.mode == "questions" and OPTION_A.match(seg.next_text):
        return True  # (1: the numbering starts again, under a topic's title)
    # "二、判断题" then "201为了…" over "（A）正确": a part of the paper numbered from its own start
    first = line_start and not spaced and seg.item is None and not seg.section.items
    if (
        first
        and seg.mode == "questions"
        and _heading_numeral(seg.section.heading) is not None
        and OPTION_A.match(seg.next_text)
    ):
        return True
    if seg.line_heading:
        return seg.mode == "questions" and n == seg.expected  # "### 2 最小包围矩形": a question's heading
    item = seg.item
    # "9：谈谈…" over its unlabelled answer, then "10 浏览器…是什么？" opening a line: it asks anew
    asks_anew = (
        item is not None and bool(item.extra) and line_start and spaced and rules.ASKS_STRONGLY.search(rest)
    )
    if _variable_letter(rest[:1]):
        return bool(asks_anew) and seg.mode == "questions" and n == seg.expected  # ("11 js严格模式…")
    done = item is None or len(item.options) >= 2 or item.answer is not None or bool(asks_anew)
    # "1系统的定义 三要素" then "2线性定常…": a paper typing its numbers glued, the next one so
    done = done or (
        item is not None and line_start and not spaced and item.glued and not (item.extra or item.options)
    )
    if item is not None and seg.section.kind == "truefalse" and not item.extra:
        done = done or STATEMENT_END.search(item.stem) is not None  # a statement, finished
    # "正确答案：A" then "7在…": after a keyed choice question a glued number is the next one
    keyed_choice = item is not None and len(item.options) >= 2 and bool(item.answer)
    typed = spaced or seg.section.kind != "generic" or keyed_choice
    return seg.mode == "questions" and n == seg.expected and done and typed


STATEMENT_END = rules.STATEMENT_END


def _states_a_point(seg: Segmenter, text: str, end: int) -> bool:
    """ "(1) …" stating, not asking, under an open question numbered "1." that asked already
    (not "(2)" after a "(1)" that was read as a sub-question: its sibling)."""
    item = seg.item
    if item is None or not item.number or item.bracketed or item.slot != "stem" or item.options:
        return False
    if seg.section.kind not in ("short", "generic") or seg.section.number_style != "plain" or seg.case_open:
        return False
    rest = text[end:]
    stem = rules.POINTS_AFTER.sub("", item.stem)  # ("…的优点。（5分）")
    if FORWARD.search(stem) and not item.extra:
        return False  # "…下列算法的移动总量是多少？" then "（1）FCFS": the parts it named, not its answer
    # "请简述：" lists its parts; "简述厌氧原理" unpunctuated is answered by points that state
    # ("（1）缺乏呼吸酶系统。"), where "（1）客户满意度" would be a part to explain.
    # ("（1）可靠传输；（2）有序传输；（3）…": its points run along one line, after whatever the stem ends in)
    run_on = POINTS_RUN_ON.match(rest) is not None
    finished = ASKED.search(stem) or (not COLON_END.search(stem) and STATED.search(rest)) or run_on
    asked = (rules.QUESTION_WORDS.search(stem) or rules.OPEN_TOPIC.search(stem)) and finished
    return bool(asked) and not rules.ASKS_STRONGLY.search(rest) and not rules.BLANK.search(rest)


POINTS_RUN_ON = re.compile(r"[^\n;；]{1,40}[;；]\s*[(（]2[)）]")


def _next_point(item: Item | None, n: int) -> bool:
    """ "2、…" after the answer's own "1、…": the next point of its list."""
    if item is None or n < 2 or not item.extra:
        return False
    numbers = [found.group(1) for line in item.extra[-POINT_LOOKBACK:] if (found := POINT_NUMBER.match(line))]
    return bool(numbers) and numbers[-1] == str(n - 1)


POINT_NUMBER = re.compile(r"\s*(\d{1,2})\s*[、.．]")

POINT_LOOKBACK = 6  # lines back to the point before (a point may run over a few lines)


def _answer_goes_on(seg: Segmenter, text: str, end: int, n: int) -> bool:
    """ "(1) …。" stating, or any point under a label ("原因：" then "1、 …"), under a numbered
    question already answered in prose (lines under it in a part of no choice type): a point of
    that answer. "1. …的是 （1） 。" asks: its blank bears its number (papers numbering blanks)."""
    item = seg.item
    if item is None or not item.number or item.bracketed or item.options or not item.extra:
        return False
    if 0 < seg.line_depth <= item.depth:
        return False  # a Markdown list item as shallow as the question: the next question
    if rules.ASKS_FOR_PARTS.search(item.extra[-1]):
        return False  # "…，求：" "试求：" under a problem's givens: the parts it asks for, no answer's
    rest = text[end:]
    asks = rules.asks_strongly(rest) or rules.BLANK.search(rest) or f"({n})" in rest.replace(" ", "")
    listed = _introduces_a_list(item)  # under "原因：", "作用：": the points listed
    return _answering(seg, item) and (listed or STATED.search(rest) is not None) and not asks


ASKED = re.compile(r"[。?？!！]\s*$")
FORWARD = re.compile(r"下列|下面|以下|如下")  # the question names what follows it
COLON_END = re.compile(r"[:：]\s*$")
ASKED_END = rules.ASKED_END
STATED = re.compile(r"[。；;]\s*$")
FIRST_POINT = re.compile(r"[(（]1[)）]|(?<!\d)1[)）]")


def program_line(text: str, end: int) -> bool:
    """The rest of the line is a line of a program (no Chinese; a directive, a brace, a statement)."""
    if len(text) - end > MAX_PROGRAM_LINE:
        return False  # (and a line of a thousand questions run together is not walked for each)
    rest = LISTING_NUMBER.sub("", text[end:].strip())  # ("2. using namespace std;": its number too)
    # (Chinese in a comment or a string is still code: 'printf("星期天");  /*第一空*/')
    words = COMMENT_OR_STRING.sub("", rest) if ("/" in rest or '"' in rest) else rest
    return bool(rest) and not rules.HAS_CJK.search(words) and PROGRAM_LINE.match(rest) is not None


MAX_PROGRAM_LINE = 400
NOTHING_LEFT = re.compile(r"\s*\Z")
# A line of a program by its last character: "public class A {", "int x;", "}"
CODE_LINE_END = re.compile(r"[{};]\s*$")
LISTING_NUMBER = re.compile(r"^\d{1,4}[.:]?\s+")
COMMENT_OR_STRING = re.compile(r'/\*.*?\*/|//.*$|"[^"\n]*"')


PROGRAM_LINE = re.compile(
    r"#\s*(?:include|define|import)\b|[{}]\s*$|.*[;{]\s*(?://.*)?$"
    r"|</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>(?:.*>)?\s*$"  # a line of markup: "<h1 class=…>Headline</h1>"
    r"|(?:int|void|float|double|char|long|return|if|else|for|while|printf|scanf|def|class|public|import)\b"
    r"|[A-Za-z_]\w*\([^()]*\)\s*$"  # "main()", "f(int b[],int m,int n)": a function's head
)


# a dotted number before a short title ending the line (an exercise "8.6 编写一个…" reads on)
MULTI_LEVEL_NUMBER = re.compile(r"\d{1,3}[.．]\d{1,3}[.．](?:\d|\s)")  # "2.2.1 …", "1.1. 第…"
BOOK_SECTION = re.compile(rf"\d{{1,2}}\s*[.．]\s*\d{{1,2}}\s*[节節](?![{rules.CJK}])")
SECTION_NUMBER = re.compile(
    r"\d{1,2}[.．]\d{1,2}(?:[.．]\d{1,2})*\s*[^\d\s.．%℃°+\-*/×÷=<>)）][^。，,.?？]{0,15}$"
)


def _lists_statements(seg: Segmenter, m: re.Match[str], text: str) -> bool:
    """A line listing "1)…  2)…" under a stem with its blank still empty (loose above the paper's
    first question, or the stem just read): the statements the question weighs, not questions."""
    item = seg.item
    if item is None:
        above = seg.section.loose[-1].text if seg.section.loose else ""
    else:
        above = item.stem if item.slot == "stem" and not item.extra and not item.options else ""
    second = re.escape(m.group(0).strip().replace("1", "2", 1))
    return bool(rules.BLANK.search(above)) and re.search(rf"\s{second}", text[m.end() :]) is not None


def _weighs_statements(seg: Segmenter, item: Item | None, text: str, end: int) -> bool:
    """Under a numbered choice question whose stem ends announcing them (a colon), lines numbered
    in brackets are the statements its options combine ("A、（1）（4）是正确的"), not questions
    (a line with a blank to fill is a sub-question: "（2）步骤1的作用是…_______。")."""
    return (
        rules.BLANK.search(text, end) is None
        and item is not None
        and bool(item.number)
        and not item.options
        and item.slot == "stem"
        and seg.section.kind in ("single", "multiple")
        and seg.section.number_style != "paren"
        and COLON_END.search(item.stem) is not None
    )


def _lists_requirements(item: Item | None, text: str, end: int) -> bool:
    """An open question with a line ending "…, 要求：" lists its conditions next; numbered, it may
    list parts to answer instead ("要求：(1)计算…"): conditions state, parts ask."""
    if item is None or item.options or item.answer is not None:
        return False
    if not any(REQUIREMENTS.search(text) for text in (item.stem, *item.extra)):
        return False  # (first: the line may hold a thousand questions run together)
    return not (item.number and (item.extra or rules.asks_strongly(text[end:])))


# (a line "要求：" alone heads sub-questions, as "问题：" does)
REQUIREMENTS = re.compile(r"[,，。]\s*(?:具体)?要求(?:如下)?\s*[:：]\s*$", re.MULTILINE)
# "请围绕…论题，依次从以下三个方面进行论述：" (the essay of a 软考 paper): what one answer covers
ASPECTS = re.compile(
    r"(?:从|就|按)以?下(?:[\d一二三四五六七八九十几]{1,2}个)?方面[^。；;\n]{0,8}[:：。]?\s*$", re.MULTILINE
)
ITEM_GROUPS = (
    "item_n",
    "item_di",
    "item_p",
    "item_q",
    "item_v",
    "item_l",
    "item_k",
    "item_t",
    "item_c",
    "item_r",
    "item_h",
    "item_g",
    "item_a",
)


def _key_number(seg: Segmenter, m: re.Match[str], text: str, n: int) -> Verdict | None:
    if (
        m.group("item_n")
        and m.group(0).rstrip().endswith(",")
        and LISTED_NUMBER_BEFORE.search(text, 0, m.start())
    ):
        return None  # "𝛼3 = [0, 2, 0]" inside an answer: a number among numbers, not entry 2
    bracketed = m.group("item_p") or m.group("item_r")
    numbered = _keyed_part(seg)
    # (numbered "(1)" "1)", or a problem's parts "（1）" "（2）" under its "2、（10分）…")
    own_style = numbered is not None and (
        numbered.number_style in ("paren", "close") or all(i.bracketed and i.parent for i in numbered.items)
    )
    asked = len(numbered.items) if numbered is not None else 0
    # (at the line's start, or after the part's own number: "3、 1）立即寻址…")
    opens = at_line_start(m) or PART_NUMBER_ONLY.fullmatch(text, 0, m.start()) is not None
    in_turn = own_style and n == seg.key_last + 1 <= asked and opens
    own_blank = bracketed and numbered is not None and n in _blanks_numbered(seg, numbered)
    # "答案：（1）C；（2）A；…" or "（1）TIMESTAMP；（2）CASCADE" under questions numbered "1.": a
    # line of entries bracketed from its first, in turn, each after the one before has ended
    run_on = (
        n == seg.key_last + 1 and BRACKETED_KEY_LINE.match(text) is not None and n <= _answerable(seg, asked)
    )
    # (option A under it, or under the rest of it when the page's width cut it; "a." too)
    options_below = FIRST_OPTION.match(seg.next_text) or (
        seg.line_full and FIRST_OPTION.match(seg.after_next)
    )
    questions_again = not BARE_KEY.match(text, m.end()) and options_below
    if n == 1 and seg.key_last > 1 and at_line_start(m) and questions_again:
        return ("resumed", n)  # (numbered "1." or "1)" as the questions were)
    if bracketed and not (own_style and BARE_KEY.match(text, m.end())) and not in_turn and not own_blank:
        if run_on and (n == 1 or ENTRY_BEFORE.search(text, 0, m.start())):
            return ("key_item", n)
        return None  # "(1)…" in a key is a point of an answer, unless the questions were so numbered
        # (their keys then "(1)A" or, entry by entry in their order, "（1）数据清理，数据集成"), or
        # the blanks were ("(1) 态度 (2) 知识" for "…是（1）、（2）")
    if seg.key_entry is not None and seg.key_entry.number == 0:
        return None  # the answer of a lone essay question numbers its own points
    if own_blank and not _keyed(seg, n):
        return ("key_item", n)  # "(1) 165" "(7) 定点" "(3) 245": blanks keyed in any order (two columns)
    answerish = ANSWERISH.match(text, m.end())
    if n == seg.key_last + 1 or (n > seg.key_last and (answerish or _numbers_its_question(seg, n))):
        return ("key_item", n)
    restarts = n == 1 and seg.key_last > 1 and BARE_KEY.match(text, m.end()) is not None
    label = text[: m.start()].strip()
    if restarts and (not label or rules.KEY_RUN_LABEL.fullmatch(label)) and _runs_left(seg):
        return ("key_item", n)  # "Day2" "A篇：1.B 2.D": the key of the next set numbered from 1
    if at_line_start(m) and KEY_GRID_ROW.match(text) and not _keyed(seg, n):
        return ("key_item", n)  # "2、 B 27、 A 52、 D": a key printed in columns, read row by row
    return None


PART_NUMBER_ONLY = re.compile(r"\s*\d{1,2}\s*[、.．]\s*")


def _answerable(seg: Segmenter, asked: int) -> int:
    """How many questions the key may answer: its part's, or (a key for the paper) all of them."""
    return asked if seg.key_target is not None else sum(len(s.items) for s in seg.doc_sections())


def _blanks_numbered(seg: Segmenter, section: Section) -> set[int]:
    if id(section) not in seg.blanks_numbered:  # (once a part: a key may have thousands of entries)
        seg.blanks_numbered[id(section)] = set(blank_numbers(section))
    return seg.blanks_numbered[id(section)]


# A row of a key set in columns: "1、 B 26、 B 51、 D 76、 C" (each column counts on its own).
KEY_GRID_ROW = re.compile(r"\s*\d{1,4}\s*[、.．]\s*[A-H]{1,8}(?:\s+\d{1,4}\s*[、.．]\s*[A-H]{1,8}){2,}\s*$")


def _runs_left(seg: Segmenter) -> bool:
    """The questions were numbered from 1 more often than this key has started from 1 (sets of
    questions each numbered anew, "Day 1" "Day 2", keyed the same way)."""
    if seg.doc not in seg.sets_asked:  # (no question is added inside a key)
        seg.sets_asked[seg.doc] = sum(item.number == "1" for s in seg.doc_sections() for item in s.items)
    return seg.sets_asked[seg.doc] > seg.keyed_numbers[(id(seg.key_target), 1)]


def _keyed(seg: Segmenter, n: int) -> bool:
    return seg.keyed_numbers[(id(seg.key_target), n)] > 0


def _numbers_its_question(seg: Segmenter, n: int) -> bool:
    """ "5．态度、技能、知识" under the key's "一、填空题" (or, under no heading, the key of the part
    just read): the number of one of that part's questions (numbers run on through the paper, so
    the part's key need not start at 1)."""
    target = _keyed_part(seg)
    # (or the story its parts ask about: "26、阅读材料…" then "问题一：", keyed "26、问题一：…")
    return target is not None and any(item.number == str(n) or item.story == n for item in target.items)


def _keyed_part(seg: Segmenter) -> Section | None:
    """The part a key's entries answer: its target, else the paper's last part with questions (a
    key for the whole paper follows the numbering of the questions it answers)."""
    return seg.key_target or next((s for s in reversed(seg.doc_sections()) if s.items), None)


BRACKETED_KEY_LINE = re.compile(r"\s*(?:参考|參考)?答案\s*[:：]\s*[(（]?1[)）]")
ENTRY_BEFORE = re.compile(r"(?:[;；。]|\s)\s*$")  # (the entry before has ended)
OPTION_A = re.compile(r"\s*[(（]?A\s*[.、．:：)）]")
FIRST_OPTION = re.compile(r"\s*[(（]?[Aa]\s*[.、．:：)）]")  # (its label in either case)
BARE_KEY = re.compile(rf"\s*(?:[A-H]{{1,8}}|[a-h]{{1,8}}|[√×✓✗]|对|错|對|錯)(?![{rules.CJK}A-Za-z])")
ANSWERISH = re.compile(r"\s*(?:[A-H]|答|[(（]?P|[√×对错]|\d+\s*[.、]|$)")


def _asks_a_part(item: Item | None, text: str, end: int) -> bool:
    """ "2.某计算机…" then "1）画出…", "2）计算…": the parts a problem asks, before any answer; a
    part scored on its own ("1）证明…（10分）") asks even under the problem's formulas."""
    if item is None or item.slot == "answer" or item.answer or item.options:
        return False
    if rules.POINTS_AFTER.search(text, end):
        return True
    return not item.extra and rules.asks_strongly(text[end:])


def _expected_number(seg: Segmenter, n: int, line_start: bool) -> bool:
    if n == seg.expected or (not seg.section.items and seg.item is None and n == seg.last_number + 1):
        return True
    if line_start and (n == 1 or seg.expected < n <= seg.expected + 2):
        return True
    if line_start and seg.nested is not None and n == seg.nested[1]:
        return True  # the numbering resumes after a list inside the question before the restart
    item = seg.item
    if line_start and item is not None and item.shares is not None and n == item.shares[0]:
        return True  # "【41-43】" and the options the group shares, then question 41
    if line_start and item is not None and item.options and item.answer and n > seg.expected:
        return True  # after a finished choice question a higher number is the next one (a gap)
    if line_start and seg.line_heading and seg.heading_items >= HEADED_RUN and n > seg.last_number:
        return True  # "### 62." after "### 60.": a bank heading each question, some left out
    previous = seg.item or (seg.section.items[-1] if seg.section.items else None)
    if line_start and seg.line_heading and previous is not None and previous.headed == seg.line_heading:
        return True  # "### 2." after "### 4.": the level the bank heads its questions at, misnumbered
    if line_start and item is not None and not item.number and item.options and OPTION_A.match(seg.next_text):
        return True  # after a choice question whose number Word kept to itself, the printed count resumes
    empty = item is not None and not (item.stem or item.options)
    if line_start and empty and n == seg.last_number:
        return True  # "第 2 题" then "2、stem": the header's number printed again with the stem
    if line_start and seg.item is None and not seg.section.items:
        return True  # an excerpt may start at any number, and so may each section of a slice
    # a choice question printed with its neighbour's number
    return line_start and n == seg.last_number and previous is not None and bool(previous.options)


HEADED_RUN = 2  # questions already opened on headings before a gap in their numbers is trusted


def _part_asks(rest: str) -> bool:
    """A numbered line that opens asking ("写出…", "用卡诺图化简…") or ends so ("…？"): a part."""
    return (
        bool(rules.PROBLEM_ASKS.match(rest) or rules.ASKS_STRONGLY.match(rest) or PART_BY_MEANS.match(rest))
        or ASKED_END.search(rest) is not None
    )


PART_BY_MEANS = re.compile(
    r"\s*(?:用|利用|使用)\S{1,12}?(?:实现|實現|化简|化簡|写出|寫出|画出|畫出|求|设计|設計)"
)


def _numbered_on_headings(seg: Segmenter) -> bool:
    """The paper numbers its questions on Markdown headings, and so did every one of this part."""
    if seg.heading_items < HEADED_RUN or seg.section.unheaded:
        return False  # (a count kept as items close: this runs for every number a paper prints)
    item = seg.item
    return bool(item.headed) if item is not None else bool(seg.section.items)


OPTION_FAMILY = {
    "opt_punct": "punct",
    "opt_paren": "paren",
    "opt_space": "space",
    "opt_bare": "space",
    "opt_circle": "circle",
    "opt_comma": "comma",
    "opt_semi": "semi",
}
LETTER_FAMILIES = {"punct", "paren", "space"}
OPTION_GROUPS = tuple(OPTION_FAMILY)
ENUMERATION = re.compile(r"\s*B\s*[、,，]\s*C(?:\s*[、,，和及]|[^.．、:)）\s])")


def accept_type_tag(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    """A type tag opening a line starts the next question, unless a number just opened one."""
    item = seg.item
    if seg.mode != "questions" or not at_line_start(m) or seg.case_open:
        return None
    fresh = item is not None and not (item.stem or item.options or item.answer or item.extra)
    return None if fresh else ("type_tag", None)


def accept_field_stem(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    """ "题目：" opening a line: only a label in a record a number opened, else a new question;
    straight after a number ("1.【题干】…"), that question's label."""
    if seg.mode != "questions" or seg.case_open:
        return None
    item = seg.item
    fresh = item is not None and not (item.stem or item.options or item.answer or item.extra)
    if not at_line_start(m):
        return ("field_label", None) if fresh and not text[pos : m.start()].strip() else None
    if _topic_heading(item):
        return ("field_retitle", None)
    if m.group(0).lstrip()[:1] in "问問" and _asks_next(item):
        return (
            "field_label",
            None,
        )  # "1. 一个程序被…编译…" over a table, then "问：X1和X2各…？": its question
    return ("field_label", None) if fresh or BOUNDARY.match(text, m.end()) else ("field_stem", None)


def _asks_next(item: Item | None) -> bool:
    """A numbered problem that has stated its data but asked nothing yet, nor been answered."""
    if item is None or not item.number or item.options or item.answer is not None:
        return False
    return not rules.asks_in_words("\n".join([item.stem, *item.extra]))


TOPIC_LENGTH = 20


def _topic_heading(item: Item | None) -> bool:
    """ "### 12. 运算符" (or "1. 创建数组与重塑形状  【基础】", a numbered line alike) then "题目：表达式
    17 % 5 的结果是？": the number opens the question and names its topic, the labelled line is
    its stem."""
    return bool(
        item is not None
        and item.number
        and not (item.options or item.answer or item.extra)
        and 0 < len(TRAILING_TAG.sub("", item.stem)) <= TOPIC_LENGTH
        and not rules.asks_in_words(item.stem)
    )


# "【中等】", "[基础]" after a topic: its level or kind, no words of the topic
TRAILING_TAG = re.compile(r"\s*[【\[][^】\]]{1,6}[】\]]\s*$")


def _numbered_blank(text: str, at: int) -> bool:
    """A circled number on an underline, or set apart by runs of spaces where a PDF lost it."""
    before = text[max(at - 2, 0) : at][::-1]  # (read backwards from the number)
    return BLANK_SIDE.match(before) is not None and BLANK_SIDE.match(text, at + 1) is not None


BLANK_SIDE = re.compile(r"_|[ \t\u3000]{2}")


def _names_a_step(item: Item, text: str, m: re.Match[str]) -> bool:
    """A circled number glued to the word before it ("步骤①", "曲线②"), in text that has asked
    nothing yet: the problem's step or curve named, no option."""
    before = text[: m.start()]
    glued = bool(before) and WORD_BEFORE.match(before[-1]) is not None
    return glued and not rules.asks_plainly(join(item.stem, before, ""))


def _lists_steps(item: Item, text: str, m: re.Match[str]) -> bool:
    """Circled lines under a problem's text that asked nothing, themselves asking nothing."""
    return bool(item.extra) and not rules.asks_plainly(item.stem) and not rules.asks_plainly(text[m.end() :])


def _states_points(item: Item, text: str, m: re.Match[str]) -> bool:
    """A circled line ending its clause with "；" under a stem that asked nothing plainly."""
    return POINT_END.search(text, m.end()) is not None and not rules.asks_plainly(item.stem)


POINT_END = re.compile(r"[；;]\s*$")


def _runs_on(text: str, m: re.Match[str]) -> bool:
    """The label's text is a sentence of its own (clauses, a full stop), longer than an option."""
    rest = text[m.end() :]
    return len(rest) >= POINT_MIN_CHARS and CLAUSE_MARK.search(rest) is not None


POINT_MIN_CHARS = 30
CLAUSE_MARK = re.compile(r"[，,。；;：:]")


def _task_requirements(seg: Segmenter, item: Item) -> bool:
    """A programming task announcing what it asks ("…完成下列功能:") in a part of programming tasks."""
    return (
        rules.PROGRAMMING_PART.search(seg.section.heading) is not None
        and COLON_END.search(item.stem) is not None
    )


def _asked_openly(stem: str) -> bool:
    """A stem ending in its question mark (and points), with no blank for a choice to fill."""
    return OPEN_ASK_END.search(stem) is not None and rules.BLANK.search(stem) is None


OPEN_ASK_END = re.compile(r"[?？]\s*(?:[(（]\s*\d{1,2}\s*分\s*[)）])?\s*$")


def accept_option(seg: Segmenter, m: re.Match[str], text: str, pos: int) -> Verdict | None:
    """An option label, valid only as the next letter, in the style of the item's first one."""
    item = seg.item
    if seg.mode != "questions":
        return None
    group, label = matched_group(m, OPTION_GROUPS)
    if item is None:
        return ("unnumbered", OPTION_FAMILY[group]) if _first_unnumbered(seg, m, group) else None
    if _next_blank_group(item, m, group):
        return ("blank_group", OPTION_FAMILY[group])
    if _lost_number(item, m, group):
        return ("unnumbered", OPTION_FAMILY[group])
    if item.slot in ("answer", "mine", "explanation") and _key_before_options(item, m, group):
        # "客户是?【答案】A" (or "…【答案】B【解析】…") then "A. 上帝": the options follow the key
        return ("option", (0, OPTION_FAMILY[group]))
    if item.slot not in ("stem", "option"):
        return None
    if _qa_answer(seg, item, m, label):
        return ("qa_answer", None)  # "Q: 如何…" (or "Q1：") then "A: 倾听…": the answer
    if group == "opt_comma" and not _comma_label(item, m, text):
        return None  # "选A,B" in a sentence; "A," opens a line, or goes on a run of "A," labels
    if label.islower() and group not in ("opt_punct", "opt_paren"):
        return None  # ("(a) 停课…": English and Hong Kong papers bracket lower-case labels)
    if label.islower() and seg.section.kind == "case" and (seg.case_labels or not seg.case_open):
        return None  # "(a)管理员能够…；" in a case's story (or a case paper's parts): facts it lists
    if label.islower() and group == "opt_paren" and rules.asks_strongly(_label_text(text, m)):
        return None  # "(a) 求原序列的5期移动平均。": a problem's parts each ask; options answer
    if label.islower() and not item.options and not at_line_start(m):
        return None  # "c." mid-line is a label only inside a run ("a.价格" opening a line starts one)
    if group == "opt_circle" and _numbered_blank(text, m.start(group)):
        return None  # "组成：__①__、__②__" (or "   ①   ", the underline lost): numbered blanks
    if group == "opt_circle" and not item.options and _names_a_step(item, text, m):
        return None  # "（2）步骤①中，…": the step ① of the problem's text, named
    if group == "opt_circle" and not item.options and _states_points(item, text, m):
        return None  # "Hashmap和hashtable的区别" then "①、HashMap 是线程不安全的，…；": its answer's points
    if group == "opt_circle" and not item.options and _lists_steps(item, text, m):
        return None  # "…如下。" "培养基Ⅰ：…" "操作步骤：" then "①将…": a problem's steps, no choice
    if group == "opt_circle" and not item.options and seg.section.kind == "short" and _runs_on(text, m):
        return None  # "二、简答题" "1.简述…" then "① 开环控制的特点是：…，…。": its answer's points
    if group == "opt_circle" and not item.options and rules.WORD_LIMIT.search(item.stem):
        return None  # "…有怎样的区别？（限100字）" then "①…": the points of an answer set a length
    if group == "opt_circle" and not (item.options or at_line_start(m)) and _answering(seg, item):
        return None  # "…涵义：…①…②…" in the prose under an open question: its points
    if label.islower() and not item.options and _task_requirements(seg, item):
        return None  # "三、编程题" "1.写程序,完成下列功能:" then "a.提示用户输入…": what the task asks
    if label.islower() and not item.options and seg.section.kind == "short" and _asked_openly(item.stem):
        return None  # "二、问答题" "6.接口和抽象类有哪些区别？（4分）" then "a.一个类…": its answer's points
    if label.islower() and not item.options and _introduces_a_list(item):
        return None  # "简述…？" "…" "区别：" then "a. …": the points of its answer, not options
    index = "①②③④⑤⑥⑦⑧".index(label) if group == "opt_circle" else ord(label.upper()) - ord("A")
    family = OPTION_FAMILY[group]
    combines = at_line_start(m) or COMBINATION.match(text, m.end()) is not None  # (or on their line)
    if label == "A" and combines and _statements_read(item):
        return ("statements_read", family)  # "①甲 ②乙 ③丙" then "A．①② B．②③": statements, then options
    if index != len(item.options) or _not_a_label(m, group, index):
        return None
    if index == 0 and rules.states_a_programming_problem("\n".join([item.stem, *item.extra])):
        return None  # "输入描述：" "输出描述：" "示例1：" then "说明" "A、输入解释…": a sample's notes
    if index == 0:
        pending = text[pos : m.start()].strip()
        if not (item.stem or pending or item.shares or _cloze_options(item, text, m)):
            return None  # (options under "【41-43】" are the group's, shared by its stems)
        if group == "opt_bare" and not (
            (at_line_start(m) or BOX_BEFORE.search(text, 0, m.start()))
            and (
                SPACED_BARE_B.search(text, m.end())
                or NEXT_PUNCT_LABEL.search(text, m.end())
                or BARE_B_LINE.match(seg.next_text)
            )
        ):
            # "A股" in a sentence; "A享元模式 B外观模式", "A可见B.理型" opening a line, or "A达尔文…"
            # over "B孟德尔…": a run of options
            return None
        if group == "opt_paren" and FIRST_LABEL_NEXT.match(text, m.end()):
            return None  # "…是（A）A.微笑 B.争辩": the key in the blank, the options after it
        if (
            group == "opt_paren"
            and not at_line_start(m)
            and not NEXT_PAREN_LABEL.search(text, m.end())
            and not PAREN_B_LINE.match(seg.next_text)
        ):
            return None  # "唐代诗人(A)也是…": the key in the stem's blank, no option (B) after it
            # (but "…起点？（A）图灵测试" over "（B）神经网络": option A run onto the stem's line)
        if group == "opt_space" and not at_line_start(m) and not _space_label_b(text, m):
            return None  # "节点A 在一段时间内…": a letter in a sentence, with no option B after it
        if group == "opt_space" and _glued_to_words(text, m):
            return None
        if group == "opt_space" and ARTICLE_SENTENCE.match(text, m.end()) and not _space_label_b(text, m):
            return None  # "A **project milestone** is a way to…": the English article opening a sentence
        if group == "opt_semi" and not (at_line_start(m) and NEXT_SEMI_LABEL.search(text, m.end())):
            return None  # "A;" opens a run only with ",B;" after it on its line
        if group == "opt_punct" and _in_a_word(m) and not NEXT_PUNCT_LABEL.search(text, m.end()):
            return None  # "以A.java命名", "定义有A、B两个类": a name in a sentence, no option B after
    elif family != item.option_family:
        # "A.心灵…" then "B从可见世界…" opening its own line, or "A可见世界B.理型世界": a label
        # that lost its dot
        first_lost = index == 1 and item.option_family == "space" and group == "opt_punct"
        resumed = group == "opt_space" and item.option_family == "punct" and _next_punct_label(text, m, index)
        typo = (at_line_start(m) or first_lost or resumed) and {family, item.option_family} <= LETTER_FAMILIES
        if not (typo or _in_its_column(m, text, group)):
            return None
        if not first_lost:
            family = item.option_family  # (the run keeps its own style: "C." comes next)
    return ("option", (index, family))


PAREN_B_LINE = re.compile(r"\s*[(（]\s*B\s*[)）]")  # the next line opens with option (B)
# "…的治本之策是()A自由放任发展B.…": the stem's answer box, option A glued after it
BOX_BEFORE = re.compile(r"[(（][ \t\u3000]*[)）][ \t]*$")


def _next_punct_label(text: str, m: re.Match[str], index: int) -> bool:
    """ "A.组织建设 B 思想建设 C.…": a label set apart by spaces, the one after it keeping the
    run's dot, only lost its own ("A、A组织B、C服务C、B战略": a letter glued to words is none)."""
    following = "ABCDEFGH"[index + 1 : index + 2]
    spaced = text[m.start() - 1 : m.start()].isspace()
    if not (spaced and following):
        return False
    return re.search(rf"(?<![A-Za-z]){following}\s*[.、．:)）]", text[m.end() :]) is not None


def _comma_label(item: Item, m: re.Match[str], text: str) -> bool:
    """ "A,微笑  B,拒绝", "A,add \tB,addSubMenu": labels marked by a comma open a line, then go on
    after a space; before a Latin word ("A,ButtonGroup") the first needs "B," set apart after it."""
    if not at_line_start(m):
        return item.option_family == "comma" and text[m.start() - 1 : m.start()].isspace()
    return not LATIN_AFTER.match(text, m.end()) or NEXT_COMMA_LABEL.search(text, m.end()) is not None


LATIN_AFTER = re.compile(r"\s?[A-Za-z]")
NEXT_COMMA_LABEL = re.compile(r"\sB,\s?\S")


def _cloze_options(item: Item, text: str, m: re.Match[str]) -> bool:
    """ "16. (A) as (B) for (C) though (D) without": a cloze's blank 16, its options on the line of
    its number and no stem (the passage above holds the blank)."""
    return bool(item.number) and not item.extra and CLOZE_B.search(text, m.end()) is not None


CLOZE_B = re.compile(r"\s(?:B\s*[.．、:：)）]|[(（]B[)）])\s*\S")


def _glued_to_words(text: str, m: re.Match[str]) -> bool:
    """ "若模块A 和模块B 通过": option A not opening its line, glued to a word as B is, and no C
    after them ("…一见钟情A 产品B 服务C 质量" is a run glued to its stem)."""
    before = text[m.start() - 1 : m.start()]
    if before.isdigit() and NAME_DIGITS.search(text, 0, m.start()):
        return True  # "O1A 杆与 O2B 杆": the letter ends a name of letters and digits
    spaced = text[: m.start()].rstrip()[-1:]
    if (
        before.isspace()
        and (rules.HAS_CJK.match(spaced) or (spaced.isascii() and spaced.isalpha()))
        and not SPACE_LABEL_C.search(text, m.end(), m.end() + 2 * SPACE_LABEL_REACH)
    ):
        # "当 A 发送了…，而 B 接收到…" (or "Let heap A and heap B be…"): two parties named in a
        # sentence after a word, no C after
        return True
    if not before or not rules.HAS_CJK.match(before):
        return False
    b = _space_label_b(text, m)
    glued = b is not None and GLUED_SPACE_LABELS.match(text, b.start() - 1) is not None
    return glued and SPACE_LABEL_C.search(text, m.end(), m.end() + 2 * SPACE_LABEL_REACH) is None


# Characters after "A " within which a run of options set by spaces prints its "B ": options are
# short, and a paragraph read whole ("…3个座 A,B,C,开始时 A 座上有64个盘子……利用 B 座") names
# its letters far apart.
SPACE_LABEL_REACH = 40
NAME_DIGITS = re.compile(r"[A-Za-z]\d+$")


def _space_label_b(text: str, m: re.Match[str]) -> re.Match[str] | None:
    return NEXT_SPACE_LABEL.search(text, m.end(), m.end() + SPACE_LABEL_REACH)


def _in_its_column(m: re.Match[str], text: str, group: str) -> bool:
    """ "A.中共八大一次会议    B中共八届五中全会": the next label, its dot lost, after the wide gap
    that sets options in columns."""
    return group in ("opt_bare", "opt_space") and COLUMN_GAP.search(text, 0, m.start()) is not None


COLUMN_GAP = re.compile(r"(?:\s{2,}|\t|\u3000)$")


def _key_before_options(item: Item, m: re.Match[str], group: str) -> bool:
    """Option A opening a line under a stem whose answer, a bare letter, came first on its line
    (perhaps with a note, and the rest of the question under it: see key_then_question)."""
    first = m.group(group) == "A" and group in ("opt_punct", "opt_paren", "opt_space") and at_line_start(m)
    key = (item.answer or "").rstrip(")） ")  # ("…（ ）（答案：A）": the bracket the key closes)
    keyed = KEY_LETTERS.match(key) is not None or KEY_WITH_NOTE.match(item.answer or "") is not None
    return first and not item.options and item.stem != "" and keyed


# "C  （0xFFFFFFF1是十六进制…）" and lines under it: a key printed at the end of the question's
# first line, a note beside it, the question going on below (a program, a command) to its options.
KEY_WITH_NOTE = re.compile(r"\s*([A-H](?:[\s,，、]*[A-H]){0,7})\s*(?:[(（]([^()（）\n]*)[)）])?\s*(?:\n|$)")


def key_then_question(item: Item) -> None:
    """Options opening under such a key: the key stays the answer, its note the explanation, and
    the lines read after it go back to the stem they continue."""
    keyed = KEY_WITH_NOTE.match(item.answer or "")
    if keyed is None:
        return
    rest = (item.answer or "")[keyed.end() :].strip()
    item.answer = keyed.group(1)
    if keyed.group(2):
        item.explanation = join(item.explanation or "", keyed.group(2).strip(), "\n")
    if rest:
        item.stem = join(item.stem, rest, "\n")


BARE_B_LINE = re.compile(rf"\s*B(?=[{rules.BARE_OPTION_TEXT}])")
SPACED_B_LINE = re.compile(r"\s*B\s+[^\s.、．:)）]")
NEXT_PAREN_LABEL = re.compile(r"[(（【\[]\s*B\s*[)）】\]]")
FIRST_LABEL_NEXT = re.compile(r"\s*A\s*[.、．:]")
NEXT_PUNCT_LABEL = re.compile(r"(?<![A-Za-z])B\s*[.、．:)）]")
NEXT_SEMI_LABEL = re.compile(r"[,，]B;")


def _in_a_word(m: re.Match[str]) -> bool:
    """The label glued to the ideograph before it, mid-sentence."""
    before = m.string[m.start() - 1] if m.start() else ""
    return "\u3400" <= before <= "\u9fff"


ARTICLE_SENTENCE = re.compile(r"\s+(?:\*\*)?[a-z]+(?:\s+\S+){5,}")
SPACED_BARE_B = re.compile(rf"\sB(?=\s?[{rules.BARE_OPTION_TEXT}])")
NEXT_SPACE_LABEL = re.compile(r"(?<![A-Za-z])B(?=\s+[^\s)）])")
# "若模块A 和模块B 通过…": letters naming things inside a sentence, glued to the words before them;
# a run of options set with spaces has a space (or stop) before "B" as well.
GLUED_SPACE_LABELS = re.compile(rf"[{rules.CJK}]B\s")
SPACE_LABEL_C = re.compile(r"(?<![A-Za-z])C\s+[^\s)）]")
KEY_LETTERS = rules.KEY_LETTERS


def _answering(seg: Segmenter, item: Item) -> bool:
    """Text under an open question that has asked: its answer, in a part of no choice type."""
    asked = bool(item.extra) or STEM_END.search(item.stem) is not None
    return asked and seg.section.kind not in CHOICE_KINDS


def _label_text(text: str, m: re.Match[str]) -> str:
    """The text a label opens, up to the next bracketed label on the line."""
    return re.split(r"[(（][A-Ha-h][)）]", text[m.end() :], maxsplit=1)[0]


def _introduces_a_list(item: Item) -> bool:
    """Under a question already answered in prose, a short label with a colon ("区别：",
    "基本流程：") introduces a list of the answer's points."""
    lines = [line for line in item.extra if not POINT_NUMBER.match(line)]  # (back past its points)
    label = lines[-1].strip() if lines else ""
    return (
        0 < len(label) <= LIST_LABEL_MAX and COLON_END.search(label) is not None and not FORWARD.search(label)
    )


LIST_LABEL_MAX = 16


# "(39)", "（40）", "（ ）": a blank of a stem that asks several, each with its own options
STEM_BLANK = re.compile(r"[(（]\s*(?:\d{1,3})?\s*[)）]")
GROUP_SEPARATOR = "》>|｜/ "


def _next_blank_group(item: Item, m: re.Match[str], group: str) -> bool:
    """Option A again straight after a finished set (a "》" between them at most), under a stem
    with more blanks than sets read: the options of its next blank."""
    if m.group(group) != "A" or len(item.options) < 2 or not at_line_start(m) or item.slot != "option":
        return False
    between = any(extra.strip(GROUP_SEPARATOR) for extra in item.extra)  # (text there: a new question)
    if OPTION_FAMILY[group] != item.option_family or between:
        return False
    return len(STEM_BLANK.findall(item.stem)) >= len(item.groups) + 2


def on_blank_group(seg: Segmenter, m: re.Match[str], family: object, text: str, line: Line) -> int:
    item = seg.item
    assert item is not None
    item.groups.append([option.rstrip(GROUP_SEPARATOR) for option in item.options])
    item.options, item.extra = [""], []
    item.slot = "option"
    return m.end()


def _lost_number(item: Item, m: re.Match[str], group: str) -> bool:
    """Option A again after a finished set of options with text in between: that text is the
    stem of a question printed without a number ("● …", scraped banks that lost them)."""
    if m.group(group) not in ("A", "①") or len(item.options) < 2 or not at_line_start(m):
        return False
    family = OPTION_FAMILY[group]
    if (
        family != item.option_family
        and item.slot == "option"
        and {family, item.option_family} <= LETTER_FAMILIES
    ):
        above = item.extra[-1] if item.extra else "<"
        asks = (
            rules.QUESTION_WORDS.search(above) or rules.BLANK.search(above) or NUMBERED_GAP.search(above)
        ) and "<" not in above
        return bool(asks)  # a bank may label "A." here and "A 安全组" there: a question above, asking
    if family != item.option_family:
        return False
    if item.slot == "option":
        return bool(item.extra)
    key, _, rest = (item.answer or "").partition("\n")
    if item.slot == "explanation":  # "正确答案：B" "解析：…" then the next stem
        # (options labelled otherwise than the question's own, "A、物联网" under "A: internet of
        # things", are quoted in its explanation: a translation of them)
        restated = bool(item.option_mark) and label_mark(m.group(0)) != item.option_mark
        lost = KEY_LETTERS.match(key) is not None and "\n" in (item.explanation or "").strip()
        return lost and not restated
    return item.slot == "answer" and bool(rest.strip()) and KEY_LETTERS.match(key) is not None


# "…应该重点关注   41  这个过程": the question's number set in its blank (软考 papers print "（41）";
# a text copy keeps the number between runs of spaces)
NUMBERED_GAP = re.compile(r"[ \u3000]{2,}\d{1,3}[ \u3000]{2,}|[ \u3000]{2,}\d{1,3}\s*$")


def _first_unnumbered(seg: Segmenter, m: re.Match[str], group: str) -> bool:
    """Option A opening a line under loose text, before any question: a bank that prints no
    numbers at all, whose first question is the line above."""
    # "A 类客户是…" is a sentence, "①②③" an answer; "A 人民群众…" over "B 虚心…" a run of options
    spaced_run = group == "opt_space" and SPACED_B_LINE.match(seg.next_text) is not None
    return (
        m.group(group) == "A"
        and (group in ("opt_punct", "opt_paren") or spaced_run)
        and at_line_start(m)
        and bool(seg.section.loose)
        and not seg.section.items
        and seg.numbered_items == 0
    )


def _qa_answer(seg: Segmenter, item: Item, m: re.Match[str], label: str) -> bool:
    """ "A:" opening a line under a question "Q:" asked, unless "B:" follows: options after all."""
    opens = item.asked_q and not item.options and label == "A" and at_line_start(m) and ":" in m.group(0)
    return opens and not rules.NEXT_LABEL["B"].match(seg.next_text)  # ("A: 价格" over "B: 客户")


def _not_a_label(m: re.Match[str], group: str, index: int) -> bool:
    before = m.string[m.start() - 1] if m.start() else ""
    if group == "opt_punct" and before.isascii() and before.isalpha() and index == 0:
        return True  # "CRM." is not option A; "…CRMB." is option B glued to Latin text
    if group == "opt_punct" and before.isascii() and before.isalpha() and m.group(0).lstrip()[:1].islower():
        return True  # "A tourist guide." after option D: a word's end, not option e
    if group == "opt_paren" and index == 0 and _ONLY_PUNCT_LEFT.match(m.string, m.end()):
        return True  # "…的是（A）" ending the line: the answer written in the blank
    if _inside_brackets(m.string[max(0, m.start() - 80) : m.start()]):
        return True  # "（   A    ）": the answer written in the blank, not a label
    if group == "opt_space" and RELATION_AFTER.match(m.string, m.end()):
        return True  # "Let A = {1, 2, 3}, B = {2, 3, 4}": a maths paper's sets, not options
    # "三项急件A、B、C材料…": letters named in a sentence, not options
    return index == 0 and ENUMERATION.match(m.string, m.end()) is not None


def _inside_brackets(text: str) -> bool:
    depth = 0
    for ch in NOT_A_BRACKET.sub("", text):  # (only the brackets walked: this runs for every label)
        if ch in "(（":
            depth += 1
        elif depth:
            depth -= 1
    return depth > 0


NOT_A_BRACKET = re.compile(r"[^()（）]+")
INSIDE_A_LINK = re.compile(r"(?:!\[[^\]\n]*|\]\([^)\s]*)$")  # an open "![alt" or "](address"
RELATION_AFTER = re.compile(r"\s+[=≠≈<>≤≥⊂⊆∈∉≡]")
# How far back a bracketed note is looked for: a note's list is short, and a line of a thousand
# questions run together must not be walked again for each of them.
NOTE_REACH = 300


# The table, in the order the alternation tries them at one position.
RULES = [
    Rule("prose_marker", rules.PROSE_MARKER, accept_prose_marker),
    Rule("heading_chapter", rules.HEADING_CHAPTER, accept_chapter),
    Rule("heading_cn", rules.HEADING_CN, accept_heading),
    Rule("key", rules.KEY, accept_key),
    Rule("my_answer", rules.MY_ANSWER, accept_always("my_answer")),
    Rule("answer", rules.ANSWER, accept_answer),
    Rule("explanation", rules.EXPLANATION, accept_explanation),
    Rule("case_questions", rules.CASE_QUESTIONS, accept_case_questions),
    Rule("meta", rules.META, accept_meta),
    Rule("key_range", rules.KEY_RANGE, accept_in_key("key_range")),
    Rule("key_pair", rules.KEY_PAIR, accept_in_key("key_pair")),
    Rule("mark_run", rules.MARK_RUN, accept_in_key("mark_run")),
    Rule("type_tag", rules.TYPE_TAG_LINE, accept_type_tag),
    Rule("field_stem", rules.FIELD_STEM, accept_field_stem),
    Rule("item", rules.ITEM, accept_item),
    Rule("option", rules.OPTION, accept_option),
]
ONLY_A_BLANK = re.compile(r"[\s_＿]*_{3,}[\s_＿]*")  # (accept_item: a numbered slot, "1. ______")


# Every rule opens with one of these characters: a position holding none of them is passed over
# at once instead of trying each alternative there (most of a line's characters; the hot path).
FIRST_CHARS = (
    r"(?=[\[注考答请請第一二三四五六七八九十参參标標我你您学正【解詳详辩辯问問思讨討难難分知题題故试甲乙丙丁说說备備出来來依得类類用學章例"
    r"\dA-Ha-hKPQNRĐ(（√×✓✗✔✘❌①-⑧#^])"
)
ANY_RULE = "|".join(rule.pattern for rule in RULES)
BOUNDARY = re.compile(FIRST_CHARS + "(?:" + ANY_RULE + ")")
ACCEPT = {rule.name: rule.accept for rule in RULES}


def find(seg: Segmenter, text: str, pos: int) -> Found | None:
    """The next match after `pos` that its rule accepts in the segmenter's state."""
    p = pos
    while True:
        m = BOUNDARY.search(text, p)
        if m is None:
            return None
        verdict = ACCEPT[str(m.lastgroup)](seg, m, text, pos)
        if verdict is not None:
            return (m, verdict[0], verdict[1])
        p = m.start() + 1


# ---- handling: what each kind of boundary does to the state ------------------------------------
Handler = Callable[["Segmenter", re.Match[str], object, str, Line], int]
STEM_END = re.compile(r"[。.?？!！:：)）]\s*$")


def on_heading(seg: Segmenter, m: re.Match[str], title: object, text: str, line: Line) -> int:
    assert isinstance(title, re.Match)
    kind = seg.section_kind(title.group(0))
    if title.groupdict().get("answered") and seg.mode == "questions" and seg.asked(title.group(0)):
        seg.start_key()  # "二、选择题答案" after the 选择题 part: its key (start_heading finds it)
        heading = (m.group(0) + title.group(0)[: title.start("answered") - title.start()]).strip()
    else:
        heading = (m.group(0) + title.group(0)).strip().rstrip(":：。")
    seg.start_heading(heading, kind, text[title.end() :], line)
    if EMPHASIS_LEFT.fullmatch(text, title.end()) or _instructs(text, title.end()):
        return len(text)
    return title.end()


EMPHASIS_LEFT = re.compile(r"[\s*_]*")  # the "**" closing "**二、简答题**": markup, no text
INSTRUCTION_AFTER = re.compile(r"\s*[,，;；]\s*(?!\d)")
NUMBER_OPENING = re.compile(r"(?<![\d.])\d{1,3}\s*[.、．]\s*(?!\d)")


def _instructs(text: str, end: int) -> bool:
    """ "二、程序阅读题，写出程序运行的输出结果，并进行解释（每题20分）": after a comma, the part's
    instructions to the end of the line, no question (unless a number opens one there)."""
    return INSTRUCTION_AFTER.match(text, end) is not None and NUMBER_OPENING.search(text, end) is None


def on_prose_heading(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    end = heading_end(text, m.end(), rules.PROSE_HEADING_MAX)
    heading = text[m.start() : end].strip()
    if seg.mode == "key" and seg.part_of_key(heading):
        return end  # "二、核技术利用辐射安全法律法规答案": a titled part's key, not a part of prose
    seg.new_section(heading, "prose", line.lineno)
    return end


def on_prose_marker(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    seg.new_section(m.group(0), "prose", line.lineno)
    return m.end()


def on_chapter(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    gap = len(text) - len(text[m.end() :].lstrip())  # "第一章 服务": the name after a space
    end = heading_end(text, gap if gap > m.end() else m.end(), 30)
    rest = text[end:].strip()
    # "第一节 客户是企业生存与发展之本……": a textbook section, not an exercise chapter
    prose = len(rest) > 30 and not BOUNDARY.match(rest)
    heading = text[m.start() : end].strip()
    kind = "prose" if prose else seg.section_kind(heading)
    if seg.mode == "key" and seg.find_section(heading, kind) is not None:
        seg.start_heading(heading, kind, "", line)  # "第一部分：词汇选择" in the key: that part's key
        return end
    chapter = seg.chapter_section(heading) if seg.mode == "key" else None
    if chapter is not None and chapter.doc == seg.doc and id(chapter) not in seg.keyed_targets:
        seg.key_target, seg.key_last, seg.key_entry = chapter, 0, None  # "第一章" over its entries
        return end
    if kind in ("generic", "prose"):  # "第一部分 单项选择题" names a type, not a topic
        seg.chapter_title = heading
    outer = seg.section
    # "填空题" then "第一章" "1…" "第二章" "1…": the type's questions, kept by chapter
    within_type = (
        kind == "generic" and outer.kind not in ("generic", "prose") and (outer.by_chapter or not outer.items)
    )
    seg.new_section(heading, outer.kind if within_type else kind, line.lineno)
    seg.section.by_chapter = within_type
    return end


def on_chapter_key(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    seg.start_key()
    seg.key_target = seg.chapter_section(m.group(0))
    rest = re.match(r"\s*(?:参考答案|答案)?\s*[:：]?", text[m.end() :])
    end = m.end() + (rest.end() if rest else 0)
    marks = _one_mark_each(text[end:], seg.key_target)
    for k, mark in enumerate(marks):  # "第一章：ABCDAB": a letter a question of the chapter
        seg.add_key(k + 1, line).text = mark
    return len(text) if marks else end


def on_key_section(seg: Segmenter, m: re.Match[str], number: object, text: str, line: Line) -> int:
    """ "二、" in a key with only answers after it: the key of the paper's second section."""
    asked = [s for s in seg.doc_sections() if s.items]
    sections = [s for s in asked if s.kind != "prose"]
    n = int(str(number))
    # The section printed with that numeral (a bare "三、" over a problem's story and its parts
    # too), else the n-th of the question parts (a key may number them afresh).
    named = [s for s in asked if n in (_heading_numeral(s.heading), _heading_number(s.heading))]
    seg.key_target = named[0] if named else sections[n - 1] if 0 < n <= len(sections) else None
    seg.key_last = 0
    seg.key_entry = None
    marks = _one_mark_each(text[m.end() :], seg.key_target)
    if marks:
        for k, mark in enumerate(marks):  # "一、ABCDA", "一、TTFFF TTFTT": a mark a question of the part
            seg.add_key(k + 1, line).text = mark
        seg.key_entry = None
        return len(text)
    return m.end()


CHOICE_RUN = re.compile(r"[A-H]{2,}")
VERDICT_RUN = re.compile(rf"[TF{rules.MARKS}]{{2,}}")


def _one_mark_each(rest: str, target: Section | None) -> str:
    """A part's key as one run of marks, spaced in fives or not, one a question of the part: its
    letters for a single-choice part, T/F or ticks for a judgement part."""
    if target is None:
        return ""
    marks = "".join(rest.split())
    choices = target.kind == "generic" and all(item.options for item in target.items)  # (a chapter's)
    run = {"single": CHOICE_RUN, "truefalse": VERDICT_RUN}.get("single" if choices else target.kind)
    return marks if run and run.fullmatch(marks) and len(marks) == len(target.items) else ""


def _heading_numeral(heading: str) -> int | None:
    m = re.match(rf"第?\s*([{rules.CN_NUM}]{{1,3}})\s*(?:[、.．]|大?[题題])", heading)
    return chinese_number(m.group(1)) if m else None


def _heading_number(heading: str) -> int | None:
    """ "2、填空题（12*1分）": a part numbered in digits (its questions "1）" "2）" within)."""
    m = re.match(r"(\d{1,2})\s*[、.．]", heading)
    return int(m.group(1)) if m else None


# What follows a part's number in a key that answers the part's questions under it: nothing (the
# entries on the next lines) or its first entry, "1）…", "(1)…"
PART_ENTRIES_NEXT = re.compile(r"\s*(?:$|[(（]\s*1\s*[)）]|1\s*[)）])")


def _names_a_numbered_part(seg: Segmenter, n: int, text: str, m: re.Match[str]) -> bool:
    """ "2、" alone, or "3、 1）立即寻址…", in the key of a paper whose parts are headed "1、判断题"
    "2、填空题" and ask "1）" "2）" within: the part's number, not an entry's."""
    if not PART_ENTRIES_NEXT.match(text, m.end()):
        return False
    parts = [s for s in seg.doc_sections() if s.items]
    if any(_heading_numeral(s.heading) is not None for s in parts):
        return False  # (parts "一、" "二、": a "1、" under "四、" in their key is an entry or a sub-part's)
    return any(_heading_number(s.heading) == n for s in parts)


def on_key(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    seg.start_key()
    return m.end()


def on_section_key(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    section = seg.section
    seg.start_key()
    seg.key_target = section
    return m.end()


def on_local_key(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    seg.close_item()
    seg.mode = "local_key"
    return m.end()


def on_key_item(seg: Segmenter, m: re.Match[str], number: object, text: str, line: Line) -> int:
    seg.add_key(int(str(number)), line)
    # "1.解答错误。…", "4.解答 Smith 标准形": the word "answer" opens the entry, not its text
    label = rules.ANSWER_WORD.match(text, m.end())
    return label.end() if label else m.end()


LISTED_NUMBER_BEFORE = re.compile(r"[\[(（,，]\s*$")


def on_key_pair(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    seg.add_key(int(m.group("kp_n")), line).text = m.group("kp_a")
    seg.key_entry = None
    return m.end()


FIVES = 5


def on_key_marks(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    """ "1-5 ABCDA" (key_range) or "√ × √" after the last entry (mark_run): one entry a mark."""
    ranged = m.group("kr_marks") is not None
    run = m.group("kr_marks") if ranged else m.group("mark_run")
    entry = seg.key_entry
    if not ranged and not text[m.end() :].strip() and _spaced_letters_of(entry, line, text[: m.start()], run):
        assert entry is not None
        entry.text = run  # "2. A B D": one question's letters, spaced apart
        return m.end()
    # "ABD C A" (letters, a space between questions), "√×√" or "（√）（X）" (one mark a question)
    marks = run.split() if re.search(r"[A-H]\s", run) else list(re.sub(r"[\s()（）]", "", run))
    if len(marks[0]) == FIVES and all(len(mark) == FIVES for mark in marks[:-1]):
        marks = list(re.sub(r"\s", "", run))  # "ABCDA BCDAB CC": one letter a question, in fives
    first = int(m.group("kr_from")) if ranged else seg.key_last + 1
    for k, mark in enumerate(marks):
        seg.add_key(first + k, line).text = mark
    seg.key_entry = None
    return m.end()


def _spaced_letters_of(entry: KeyEntry | None, line: Line, before: str, run: str) -> bool:
    """A run of single letters, ascending, ending the line right after its entry's number
    ("2. A B D"): the letters of that one question, not one a question from the next."""
    letters = run.split()
    return (
        entry is not None
        and entry.lineno == line.lineno
        and not entry.text.strip()
        and ENTRY_NUMBER_END.search(before) is not None
        and all(len(letter) == 1 for letter in letters)
        and letters == sorted(set(letters))
    )


ENTRY_NUMBER_END = re.compile(r"\d\s*[.、．:：]?\s*$")


def on_meta(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    """ "难度:中", "知识点:…", "我的答案: B: 倾听;": read or dropped up to the next boundary."""
    nxt = find(seg, text, m.end())
    end = nxt[0].start() if nxt else len(text)
    label = m.group(0).lstrip("【")
    if seg.item is not None and label.startswith(("难", "難")):
        seg.item.difficulty = difficulty_level(text[m.end() : end])
    if seg.item is not None and label.startswith(("题型", "題型", "类型", "類型")):
        seg.item.tag = text[m.end() : end].strip()[:4]  # "题型：多选题" in a labelled record
    return end


def on_my_answer(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    """ "我的答案：" then the trainee's answers, on this line or the lines below: all dropped."""
    if seg.item is not None and seg.mode == "questions":
        seg.item.slot = "mine"
        seg.item.answered_by_trainee = True
    return on_meta(seg, m, payload, text, line)


def on_item(seg: Segmenter, m: re.Match[str], number: object, text: str, line: Line) -> int:
    if isinstance(number, int) and _next_part_scored(seg, number, text, m):
        seg.close_item()
        seg.new_section(f"{number}、", "generic", line.lineno)  # (named so its key "3、 1）…" finds it)
    item = seg.item
    if number == 1 and after_instructions(seg):
        seg.new_section(
            "", "generic", line.lineno
        )  # "考生须知 1… 2…" then "1.": the paper's own first question
    if item is not None and not item.number and number == 1 and _is_material(item):
        seg.open_case_questions()  # "针对下述文法 G：…" then "1) 拓广该文法…": the shared text
    elif KEY_LINE.match(seg.next_text) and _a_story(item):
        seg.open_case_questions()  # "202⇥某市进行旧城改造…" then "4、…（）" over "正确答案：D": its case
    if not seg.section.number_style:
        styles = (("item_p", "paren"), ("item_r", "close"), ("heading_cn", "cn"))
        seg.section.number_style = next((style for group, style in styles if m.group(group)), "plain")
    tag = _tag_before_number(item, line)
    if tag:
        seg.item = None  # "【单选】1.…": the tag opened no question of its own; it types this one
    seg.open_item(str(number), line, bracketed=bool(m.group("item_p") or m.group("item_r")))
    if seg.item is not None and m.group("item_g") and not m.group(0)[-1:].isspace():
        seg.item.glued = True
    if tag and seg.item is not None:
        seg.item.tag = tag
    if m.group("item_l") and "例" in m.group(0) and seg.item is not None:
        seg.item.example = True
    if m.group("item_q") and m.group(0).rstrip().endswith(":") and seg.item is not None:
        seg.item.asked_q = True  # "Q1：如何…" then "A：…": notes of questions and answers
    return m.end()


def _tag_before_number(item: Item | None, line: Line) -> str:
    """The tag of an item a type tag opened just before a number on the same line, else ""."""
    if item is None or item.number or not item.tag or item.lineno != line.lineno:
        return ""
    return "" if item.stem or item.options or item.answer or item.extra else item.tag


def after_instructions(seg: Segmenter) -> bool:
    """In the numbered rules under "注意事项": a "1." here starts the paper's questions."""
    section = seg.section
    return (
        section.kind == "prose"
        and bool(section.items)
        and INSTRUCTIONS.fullmatch(section.heading) is not None
    )


INSTRUCTIONS = re.compile(rules.PROSE_MARKER)


def on_resumed_questions(seg: Segmenter, m: re.Match[str], number: object, text: str, line: Line) -> int:
    """ "1." with option A under it, after a key: the next set of questions glued into the file
    (practice sets each followed by its own key), so the key ends and a new paper begins."""
    seg.mode = "questions"
    seg.new_document(line.lineno)
    return on_item(seg, m, number, text, line)


def _first_case_question(seg: Segmenter, m: re.Match[str], text: str, n: int) -> bool:
    """ "(1) 客服错在哪里？" opening a line under a case's story, with no "问题：" before it."""
    story = seg.item is not None and not seg.item.number
    asks = rules.QUESTION_WORDS.search(text, m.end()) is not None
    return story and n == 1 and at_line_start(m) and asks


def _is_material(item: Item) -> bool:
    """Unnumbered text opening an open section, then "1)": the material its questions share."""
    return item.section.kind in ("short", "case") and not (item.options or item.answer or item.explanation)


def on_nested_option(seg: Segmenter, m: re.Match[str], number: object, text: str, line: Line) -> int:
    """ "1. 软件指…" in a list nested under a choice question: its next option."""
    item = seg.item
    assert item is not None
    item.options.append("")
    item.option_family = "nested"
    item.slot = "option"
    return m.end()


def on_option(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    index, family = cast(tuple[int, str], payload)
    item = seg.item
    assert item is not None
    if index == 0 and item.slot == "answer":
        key_then_question(item)  # "…的值为 **答案：C**", its program, then "A. 0"
    if index == 0 and item.extra:
        program = any(program_line(extra, 0) for extra in item.extra)  # (its lines are no stem)
        # "—Yes, you must.": the dialogue goes on; "![图](…)": the question's figure
        turn = DIALOGUE_TURN.match(item.extra[-1]) or rules.PICTURE_ONLY.match(item.extra[-1])
        if STEM_END.search(item.stem) and rules.QUESTION_WORDS.search(item.stem) and not (program or turn):
            seg.split_unnumbered(line)
            item = seg.item
            assert item is not None
        else:
            # "运行结果是( ):" then a program, or a dialogue: lines of their own
            block = program or turn or item.stem.rstrip().endswith((":", "："))
            sep = "\n" if block else ""
            item.stem = join(item.stem, sep.join(item.extra), sep)
            item.extra = []
    if index == 0:
        item.option_mark = label_mark(m.group(0))
    item.options.append("")
    item.option_family = family
    item.slot = "option"
    return m.end()


def label_mark(label: str) -> str:
    return LABEL_LETTERS.sub("", label)


LABEL_LETTERS = re.compile(r"[A-Ha-h①-⑧\s]")


# "A．①③ B．…": an option that only combines circled statements
COMBINATION = re.compile(r"\s*[①-⑧](?:\s*[、,，]?\s*[①-⑧])+\s*(?:[B-H]\s*[.．、]|$)")


def _statements_read(item: Item) -> bool:
    """Circled options read so far, none with a blank to fill: statements a lettered run of
    options may combine ("①写出…_____。" are sub-questions, and "A." the options of the last)."""
    circled = item.option_family == "circle" and len(item.options) >= 2
    return circled and not any(rules.BLANK.search(option) for option in item.options)


def on_statements_read(seg: Segmenter, m: re.Match[str], family: object, text: str, line: Line) -> int:
    """The circled run read as options was the statements the lettered options combine: they go
    back into the stem, with their labels."""
    item = seg.item
    assert item is not None
    statements = [f"{'①②③④⑤⑥⑦⑧'[k]}{text}" for k, text in enumerate(item.options)]
    item.stem = join(item.stem, "\n".join(statements), "\n")
    item.options = [""]
    item.option_family = str(family)
    item.slot = "option"
    return m.end()


# A turn of an English exam's dialogue opens with a dash: "—Where is your father?" "—He ____."
DIALOGUE_TURN = re.compile(r"\s*(?:—{1,2}|–)(?![—–-])")


def on_unnumbered(seg: Segmenter, m: re.Match[str], family: object, text: str, line: Line) -> int:
    item = seg.item
    if item is None:  # the paper's first question: the loose line above option A is its stem
        above = seg.section.loose.pop()
        stem = above.text
        seg.roles[above.lineno] = ["stem"]
    elif item.slot == "option":
        lines = list(item.extra)
        if len(lines) >= 2 and item.answer is None and KEY_LETTERS.match(lines[0]):
            item.answer = lines.pop(0).strip()  # "D、…" "B" then the next stem: B is the key
        stem, item.extra = "".join(lines), []
    elif item.slot == "explanation":  # the explanation's last line is the next question's stem
        item.explanation, stem = _stem_after_explanation((item.explanation or "").strip())
    else:  # "正确答案 B" then the next stem: the key stays, the rest starts the next question
        key, _, stem = (item.answer or "").partition("\n")
        item.answer = key
    seg.close_item()
    seg.item = new = Item(number="", lineno=line.lineno, section=seg.section, stem=stem.strip())
    new.options.append("")
    new.option_mark = label_mark(m.group(0))
    new.option_family = str(family)
    new.slot = "option"
    return m.end()


def _stem_after_explanation(text: str) -> tuple[str, str]:
    """The explanation, and the next question's stem: its last line, or from a line that ends
    announcing a program ("对于函数定义：") over that program to the line that asks."""
    lines = text.split("\n")
    start = len(lines) - 1
    at = start - 1
    while at > 0 and _program_text(lines[at]) and not COLON_END.search(lines[at]):
        at -= 1
    if at < start - 1 and COLON_END.search(lines[at]):
        start = at
    return "\n".join(lines[:start]), "\n".join(lines[start:])


def _program_text(line: str) -> bool:
    return rules.CODE_MARKS.search(line) is not None or not rules.HAS_CJK.search(line)


def on_type_tag(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    seg.close_item()
    seg.item = Item(number="", lineno=line.lineno, section=seg.section, material=seg.material)
    seg.item.tag = re.sub(r"[\[\]【】()（）\s]", "", m.group(0))
    return m.end()


def on_field_stem(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    seg.close_item()
    seg.item = Item(number="", lineno=line.lineno, section=seg.section, material=seg.material)
    seg.item.asked_q = m.group(0).startswith("Q")
    return m.end()


def on_field_label(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    return m.end()


def on_field_retitle(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    if seg.item is not None:
        seg.item.stem = ""  # the topic the heading named gives way to the question
    return m.end()


def on_case_questions(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    seg.open_case_questions()
    return m.end()


def code_was_asked(item: Item) -> None:
    """A block read as the answer of the question above it, then an answer label: the block was
    the question's data ("每个读操作返回什么样的值？" over the operations, then "答案：")."""
    if item.code_answer:
        item.stem, item.answer, item.code_answer = join(item.stem, item.answer or "", "\n"), None, False


def on_answer_or_explanation(seg: Segmenter, m: re.Match[str], payload: object, text: str, line: Line) -> int:
    kind = "explanation" if m.lastgroup == "explanation" or payload == "explanation" else "answer"
    item = seg.item
    if seg.mode == "questions" and item is not None:
        item.slot = kind
        if kind == "answer":
            code_was_asked(item)
        if kind == "answer" and item.answer and _corrects_a_response(item, m.group(0)):
            item.answer = None  # "Answer: B" then "Correct answer: A": a review page's response, then the key
        if kind == "answer" and item.answer is None and m.group(0).startswith("故"):
            _solution_out_of_stem(item, unlettered=seg.section.kind in CHOICE_KINDS and not item.options)
        if kind == "answer" and item.answer is None:
            item.answer = ""
        elif kind == "answer" and item.answer and at_line_start(m):
            item.answer += "\n"  # "解：…" then "答：…" on its own line: the worked answer's last line
        if kind == "explanation" and item.explanation is None:
            item.explanation = ""
    elif seg.mode == "key" and seg.key_entry is not None and kind == "explanation":
        seg.key_entry.text += "\x1e"  # separator read by the linker
    elif (
        seg.mode == "key"
        and seg.key_entry is not None
        and seg.key_entry.text.lstrip(" \n").startswith("\x1e")
    ):
        entry = seg.key_entry  # "32．【解析】…【答案】（1）…": the explanation printed before the answer
        entry.aside, entry.text = entry.text.lstrip(" \n")[1:], ""
    elif seg.mode == "local_key":
        seg.section.local_key += "\x1e" if kind == "explanation" else ""
    return m.end()


# The label of the right answer, after a plain "答案:"/"Answer:" a review page printed the response under
CORRECT_LABEL = re.compile(
    r"\W*(?:正确答案|正確答案|(?:Correct|correct|CORRECT|Right|right)\s+answer|Keys?\b|KEYS?\b)"
)


MARK_CHARS = frozenset(rules.MARKS)  # (one mark: "" is in any string, never in this set)


def _corrects_a_response(item: Item, label: str) -> bool:
    """A question's first answer only letters or a mark (a choice's response), then the label of the
    correct one: the first was the candidate's, as a platform's result page prints them."""
    response = item.answer or ""
    return (
        item.slot == "answer"
        and CORRECT_LABEL.match(label) is not None
        and (KEY_LETTERS.match(response) is not None or response.strip() in MARK_CHARS)
    )


def _solution_out_of_stem(item: Item, unlettered: bool) -> None:
    """ "Unix 将 I/O 设备抽象为：______。" then "Unix 将所有 I/O 设备…统一抽象为文件…" then "故答案为：
    文件": a worked solution printed under its question unlabelled, closed by its key; what follows
    the sentence holding the question's last blank (or question mark) explains the key, and so do
    the lines under the question (but those of a choice printing no labels: its options)."""
    asks = [m.end() for m in ASKING.finditer(item.stem)]
    end = SENTENCE_OVER.search(item.stem, asks[-1]) if asks else None
    solution = item.stem[end.end() :].strip() if end else ""
    if end is not None and solution:
        item.stem = item.stem[: end.start() + 1].rstrip() if end.group().strip() else item.stem[: end.start()]
    if asks and item.extra and not unlettered:
        solution, item.extra = "\n".join([solution, *item.extra]).strip(), []
    if solution:
        item.explanation = join(solution, item.explanation or "", "\n")


ASKING = re.compile(rf"{rules.BLANK.pattern}|[?？]")
SENTENCE_OVER = re.compile(r"[。？?！!]|\n")


HANDLERS: dict[str, Handler] = {
    "heading": on_heading,
    "prose_heading": on_prose_heading,
    "prose_marker": on_prose_marker,
    "chapter": on_chapter,
    "chapter_key": on_chapter_key,
    "key": on_key,
    "key_section": on_key_section,
    "section_key": on_section_key,
    "local_key": on_local_key,
    "key_item": on_key_item,
    "key_pair": on_key_pair,
    "key_range": on_key_marks,
    "mark_run": on_key_marks,
    "meta": on_meta,
    "my_answer": on_my_answer,
    "item": on_item,
    "resumed": on_resumed_questions,
    "option": on_option,
    "statements_read": on_statements_read,
    "blank_group": on_blank_group,
    "nested_option": on_nested_option,
    "unnumbered": on_unnumbered,
    "type_tag": on_type_tag,
    "field_stem": on_field_stem,
    "qa_answer": on_answer_or_explanation,
    "field_label": on_field_label,
    "field_retitle": on_field_retitle,
    "case_questions": on_case_questions,
    "answer": on_answer_or_explanation,
    "explanation": on_answer_or_explanation,
}
# What each kind makes of the line it is on (parse_paper --explain); the rest keep their name.
ROLES = {
    "prose_heading": "heading",
    "prose_marker": "heading",
    "chapter": "heading",
    "case_questions": "heading",
    "chapter_key": "key",
    "key_section": "key",
    "section_key": "key",
    "local_key": "key",
    "key_item": "key",
    "key_pair": "key",
    "key_range": "key",
    "mark_run": "key",
    "item": "question",
    "resumed": "question",
    "unnumbered": "question",
    "nested_option": "option",
    "statements_read": "option",
    "blank_group": "option",
    "type_tag": "question",
    "field_stem": "question",
    "qa_answer": "answer",
    "field_label": "stem",
    "field_retitle": "stem",
    "my_answer": "metadata",
    "meta": "metadata",
}


def heading_end(text: str, start: int, limit: int) -> int:
    """Where a heading's words end: at the next boundary, a space, or `limit` characters."""
    stop = min(len(text), start + limit)
    nxt = BOUNDARY.search(text, start, stop)
    ws = re.search(r"\s", text[start:stop])
    ends = [stop]
    if nxt:
        ends.append(nxt.start())
    if ws:
        ends.append(start + ws.start())
    return min(ends)


def difficulty_level(value: str) -> int | None:
    value = value.strip()
    if value[:1].isdecimal():
        return max(1, min(5, int(value[0])))
    return rules.DIFFICULTY_WORDS.get(value) or rules.DIFFICULTY_WORDS.get(value[:1])
