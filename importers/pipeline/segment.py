"""SEGMENT stage: clean lines → sections of raw items and answer keys.

The driver of two rule tables. Each line is first offered to the whole-line rules
(line_rules.LINE_RULES: a blank to fill, a lone option letter, "参考答案", a bare heading…);
otherwise it is scanned for the next boundary that the boundary rules (boundaries.RULES) accept
in the current state, the text before it goes where the state says (stem, option, answer, key),
and the boundary's handler moves the state on. State decides what is a boundary: an item number
must be the one expected next ("…D.xx2.下一题" splits, "3.5%" does not); an option label must be
the next letter in the item's style. Nothing is dropped silently: text outside any item is kept
as loose lines of its section, and every line's role is traced for parse_paper --explain.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from . import boundaries, passages, rules
from .blocks import CHOICE_KINDS, Item, KeyEntry, Section, Segmented, join
from .glossary import defines_term
from .inner_points import inner_point_lines
from .line_rules import TAG_OPENING, bold_heads_questions, read_whole_line
from .link import split_enumerated
from .model import Line
from .numbers import chinese_number
from .parts_answered_again import answer_parts_asked_again
from .sheet_bank import Columns
from .wrapped_lines import line_ceiling, reaches_width, whole, wrap_width, wrapped_runs

__all__ = ["CHOICE_KINDS", "Segmenter", "chinese_number", "segment"]

STEM_END = boundaries.STEM_END
ASKED = re.compile(r"[?？]\s*(?:\*\*)?\s*$")  # ("…分别代表什么意思？", "**…是什么？**")
ASKED_END = boundaries.ASKED_END
# Parts whose key a "…题答案" title may be, told by their kind ("选择题答案" keys a 单选题 part).
ANSWERED_BY_KIND = frozenset({"single", "multiple", "truefalse", "fill"})
# Characters: an option or stem line this long may have been cut at the page's width (options
# are short; qa_pairs.WRAPPED_CHARS measures answers' prose, which runs longer)
WRAPPED_LINE = 24
LAST_OPTION_TAIL = 8  # characters: the end of an option cut at the page's width, not a note
MIN_OPTIONS_WRAPPED = 2
# "…一个关键字是": a choice stem asks by its open end ("有" too, before options; rules.OPEN_END is
# the notes' and questionnaires' narrower one, where "…有" ends statements)
OPEN_END = re.compile(r"(?:是|为|為|包括|包含|有)\s*$")
LETTERS = "ABCDEFGH"
WHOLLY_BOLD = re.compile(r"^\*\*(.+)\*\*$", re.S)
NUMBER_THEN_BOLD = re.compile(r"\d{1,4}\s*[.、．]\s*\*\*[^*]+\*\*\s*")
LABEL_ALONE = re.compile(rf"\s*(?:{rules.TICK})?\s*")  # an option's label read, its text not yet
TICKED_END = re.compile(rf"\s{rules.TICK}\s*$")  # the key ticked after an option's text
# A line opening with what never opens a phrase (a particle, closing punctuation) goes on the line before.
CONTINUES = re.compile(r"^[的了地得着吗呢吧啊、，,。；;：:）)」』”]")
# A finished answer of a question in a bank that numbers nothing: a key's letters or a verdict.
ANSWER_DONE = re.compile(rf"\s*(?:[A-H]{{1,8}}|[{rules.MARKS}]|正确|错误|正確|錯誤)\s*")
# The line after this one answers it ("答案：对"): this line is a question even where numbers are not.
ANSWER_NEXT = re.compile(rules.ANSWER)
OPTION_OPENS = re.compile(rules.OPTION)
EXPLANATION_LABEL = re.compile(rules.EXPLANATION)
# a line cut mid-question: it asks ("如何理解…") and no sentence ends on it
ASKS_ON = re.compile(rf"(?:{rules.QUESTION_WORDS.pattern})[^。；;!！]*$")
# The fields of a programming problem as online judges print it (PTA, MOOC 编程题), and of an
# exercise sheet's task ("题目：…" "要求：…" "参考数据：…").
PROBLEM_FIELD = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2}){1,3}\s*)?"  # ("3.1.2 输入格式": the fields numbered as the paper's sections)
    r"(?:(?:题目内容|题目描述|问题描述|输入格式|输出格式|输入描述|输出描述|输入样例|输出样例|样例输入|样例输出)\s*\d*\s*(?:[:：]|$)"
    r"|(?:(?:任务|具体|实验|操作)?要求|参考数据|测试数据)\s*\d*\s*[:：])"
)
# (of those, the ones only a programming problem has: what its input and output are)
IO_FIELD = re.compile(r"^(?:输入|输出)(?:描述|格式)\s*[:：]")
NEVER = 10**9  # a question number no paper reaches
# A stem ending in an equals sign or an operator: the formula goes on, on the next line
EQUATION_CUT = re.compile(r"[=＝+×÷]\s*$")
KEY_DONE = re.compile(r"\s*[A-H]{1,8}\s*[.。]?\s*")  # a choice's letters, the key complete
TAGGED_PAPER = 3  # lines type tags open (and no question numbered): a paper that numbers none
PROGRESS_LINES = 2000  # how often segment() reports (a 20,000-question paper has ~60,000 lines)


# "把以下程序…", "其脚本代码如下：", "下面C++代码", "该程序段…": the program the question is about follows
PROGRAM_FOLLOWS = re.compile(
    r"(?:以下|下列|下面|下边|下邊|如下)的?\s*(?:[\w+#]{0,8}\s*)?(?:程序|代码|代碼|程式)|(?:程序|代码|代碼)如下"
    r"|(?:程序|代码|代碼)段|(?:这段|這段|此段)(?:程序|代码|代碼|程式)"  # (not "对于该程序", one to write)
)
OPEN_PART = re.compile(rules.OPEN_PART_WORDS)  # a part named "计算" alone: open questions


def _asks(item: Item) -> bool:
    """A question of its own: it asks, or has an answer (in an open section, the lines under it)."""
    answered = item.answer or (item.extra and HAS_CJK.search(item.stem))
    return bool(answered or rules.asks_in_words(item.stem))


TASK_NOTE = re.compile(r"\s*(?:提示|選做|选做)\s*[:：]")  # a hint or an optional extra: the task's own
# "声明Patient类…", "编写一个多线程程序…": a programming task set by its imperative
PROGRAM_TASK = re.compile(
    r"\s*(?:试|試|请|請)?\s*(?:编写|編寫|编程|編程|编制|編製|声明|聲明|设计|設計|实现|實現|定义|定義)"
    r"[^。；;]{0,40}?(?:程序|程式|类|類|接口|函数|函數|方法|系统|系統)"
)


def _program_task_goes_on(stem: str, text: str) -> bool:
    """Under a programming task with no answer labelled, its prose ("声明存取方法…例子：",
    "控制台测试：" and a sample run, "要求…", "…应如何设计？") is more of the task, and so is code
    it announces ("…的例子：" then "Patient april=new Patient();"): its answer would be a program."""
    if not PROGRAM_TASK.match(stem):
        return False
    # ("template<class T>", "/**": code too; "1 3", a sample run's input, is not)
    code = not (rules.HAS_CJK.search(text) or text.replace(" ", "").isdigit())
    if code or boundaries.program_line(text, 0):
        last = stem.rsplit("\n", 1)[-1]
        return bool(boundaries.COLON_END.search(last) or not rules.HAS_CJK.search(last))
    return True


def _program_goes_on(stem: str, text: str) -> bool:
    """A line of a program, a blank line left in one ("if (n < 0)" then "________"), or a slot
    for one of its blanks' answers under it ("1. ________")."""
    if boundaries.program_line(text, 0) or ANSWER_SLOT.match(text) or _listing_number(stem, text):
        return True
    return bool(rules.BLANK_LINE.match(text)) and boundaries.program_line(stem.rsplit("\n", 1)[-1], 0)


def _listing_number(stem: str, text: str) -> bool:
    """A program's line number alone on its line ("1", "2", … as a PDF pulls them apart from the
    code): the first, or the one after the number above it."""
    if not BARE_NUMBER.fullmatch(text.strip()):
        return False
    last = stem.rsplit("\n", 1)[-1].strip()
    above = int(last) if BARE_NUMBER.fullmatch(last) else 0
    return int(text) == above + 1


BARE_NUMBER = re.compile(r"\d{1,3}")
ANSWER_SLOT = re.compile(r"\s*\d{1,2}\s*[.、．]\s*_{3,}[\s_]*$")


def _asks_more(stem: str, text: str) -> bool:
    """A line under a stem that asks too ("…？" "如何…？"): more of the question. Not one that
    only uses a weak word ("…的详细说明，可以参考…") nor a finished statement under a stem that
    had asked ("什么是伪数组？" "伪数组：…有什么特殊的行为，…。"): those are its answer."""
    if re.match(r"^[(（]?\d", text) or not rules.QUESTION_WORDS.search(text):
        return False
    asked_in_it = "?" in text or "？" in text
    if ASKED_END.search(stem) and rules.STATEMENT_END.search(text) and not asked_in_it:
        return False
    if ASKED_END.search(stem) and not asked_in_it and len(text) >= ANSWER_SENTENCE and CLAUSES.search(text):
        return False  # ("…多分类问题？" "就是…，是否在某个范围内，…": a word inside its answer)
    if _defines(stem, text):
        return False  # "20. 过程模式" over "一系列…，它只描述了…应该做什么，…。": the term's definition
    return rules.ASKS_STRONGLY.search(text) is not None or ASKED_END.search(text) is not None


def _defines(stem: str, text: str) -> bool:
    """A bare term over a long finished statement that neither asks ("？") nor sets a task: the
    term's definition, whatever words it uses ("20. 过程模式" over "…它只描述了…应该做什么，…。")."""
    return (
        BARE_TERM.fullmatch(stem.strip()) is not None
        and len(text) >= ANSWER_SENTENCE
        and CLAUSES.search(text) is not None
        and rules.STATEMENT_END.search(text) is not None
        and not re.search("[?？]", text)
        and rules.PROBLEM_ASKS.search(text) is None
    )


# "过程模式", "工作分解结构（WBS）", "COCOMO 模型": a term, nothing around it
BARE_TERM = re.compile(r"[\w\u3400-\u9fff]+(?:[ \t]*[\w\u3400-\u9fff（）()]+){0,3}")


def _named_otherwise(target: Section, heading: str) -> bool:
    """A part found only by its kind, whose questions carry no number for a key to name."""
    named = _norm_heading(target.heading) == _norm_heading(heading)
    return not named and not any(item.number for item in target.items)


def _answers_in_points(parent: Item, children: list[Item]) -> bool:
    """ "5.彩色电视中使用Y、C1、C2彩色空间的优点" over "(1)Y和C1、C2独立，…。" "(2)利用…。": a
    question that asks, nothing under it yet, over numbered statements that ask nothing: its
    answer, set out in points (never questions of their own)."""
    if parent.answer or parent.options or parent.extra:
        return False
    if not (rules.asks_in_words(parent.stem) or _names_a_topic(parent.stem)):
        return False
    if rules.PROBLEM_ASKS.search(parent.stem):
        return False  # "…试求该电机的：" "(1)输出转矩；" "(2)…": what the problem asks for
    return all(not (child.answer or child.options) and _reads_as_a_point(child.stem) for child in children)


INTRO_MAX_CHARS = 40


QUOTED_KEY = re.compile(rf"{ANSWER_DONE.pattern}|\s*[TF]\s*")  # (a key alone under a quoted question)
QUOTED_OPTION_A = re.compile(r"\s*(?:[-*+]\s+)?A\s*[.、．:：)]")
QUOTED_KINDS = ("truefalse", "single", "multiple", "fill")


def _lists_its_points(parent: Item, children: list[Item]) -> bool:
    """ "缺陷类型：" over "（1）功能缺陷" "（2）界面缺陷", "评审时要注意下列事项：" over what to mind: a
    review sheet's knowledge point, its title introducing the list that is its answer. The title
    asks nothing (not "请简述：" or "计算下列各式：", whose lists are their parts) and names no part
    ("1、名词解释："); nothing listed asks."""
    stem = parent.stem.strip()
    return (
        not (parent.answer or parent.options or parent.extra)
        and stem.endswith((":", "："))
        and len(stem) <= INTRO_MAX_CHARS
        and not rules.asks_plainly(stem)
        and not any(re.search(words, stem) for words, kind in rules.SECTION_KINDS if kind != "generic")
        and bool(children)
        and all(not (c.answer or c.options) and not rules.asks_plainly(c.stem) for c in children)
    )


def _run_numbered_alike(items: list[Item]) -> list[Item]:
    """The leading items numbered as the first is ("(1)" "(2)", or "1." "2."), up to one that is not."""
    end = next((k for k, item in enumerate(items) if item.bracketed != items[0].bracketed), len(items))
    return items[:end]


def _reads_as_a_point(stem: str) -> bool:
    """A sentence that asks nothing, or a point named then stated ("编译阶段：gcc检查…是否有语法错误")."""
    if LABELLED_POINT.match(stem):
        return "?" not in stem and "？" not in stem
    return not rules.asks_in_words(stem) and rules.STATEMENT_END.search(stem.split("\n")[-1]) is not None


TOPIC_MAX_CHARS = 30
LABELLED_POINT = re.compile(r"[^：:\s]{2,12}[：:]\s*\S")  # "编译阶段：gcc检查…", a point named, then stated


def _names_a_topic(stem: str) -> bool:
    """ "9.Gcc编译流程解析", "14.无名管道": an open question asked by naming its topic alone (a
    short line of words, not a sentence nor one ending in a colon, which would go on below)."""
    stem = stem.strip()
    return (
        0 < len(stem) <= TOPIC_MAX_CHARS
        and HAS_CJK.search(stem) is not None
        and not stem.endswith((":", "："))
        and rules.STATEMENT_END.search(stem) is None
    )


def _numbered_lines(children: list[Item], gap: str) -> list[str]:
    """Each child again as the numbered line it was printed as ("(2)…", "3. …"), its lines under it."""
    numbers = [f"({c.number})" if c.bracketed else f"{c.number}." for c in children]
    return [
        join(f"{n}{gap}{c.stem}", "\n".join(c.extra), "\n") for n, c in zip(numbers, children, strict=True)
    ]


# An answer that only names numbered lines: "(3) (2) (1)", "（1）（2）", "(1)->(3)->(4)"
NUMBERS_NAMED = re.compile(r"(?:\s*[(（]\s*\d{1,2}\s*[)）]\s*(?:->|→|[,，、;；])?)+\s*")
NUMBER_NAMED = re.compile(r"[(（]\s*(\d{1,2})\s*[)）]")


def _answered_by_its_numbers(children: list[Item]) -> bool:
    """The run's last line carries an answer made only of numbers the run printed (an order to
    put them in, the ones that are right): the lines are the statements the question above
    weighs, and the answer is its."""
    if not children or any(c.options or c.answer is not None for c in children[:-1]):
        return False
    answer = children[-1].answer
    if not answer or children[-1].options or not NUMBERS_NAMED.fullmatch(answer):
        return False
    printed = {c.number for c in children} | {n for c in children for n in NUMBER_NAMED.findall(c.stem)}
    return set(NUMBER_NAMED.findall(answer)) <= printed


def _answered_together(children: list[Item]) -> bool:
    """Parts that ask nothing on their own ("(1) 二进制转换为十进制：…"), one answer under the last
    answering each by its number in turn: the parts are the exercise's text, the answer its."""
    if len(children) < 2 or any(c.options or c.answer is not None for c in children[:-1]):
        return False
    answer = children[-1].answer or ""
    if children[-1].options or any(rules.asks_in_words(child.stem) for child in children):
        return False
    points = [int(n) for n in POINT_OPENING.findall(answer)]
    numbers = [int(c.number) for c in children if c.number.isdecimal()]
    return len(numbers) == len(children) and points[: len(numbers)] == numbers


# "(2) 十进制转换为二进制：" opening a line of the answer
POINT_OPENING = re.compile(r"(?:^|\n)\s*[(（]\s*(\d{1,2})\s*[)）]")


def _tells_a_story(item: Item) -> bool:
    """Nothing under the question, or the texts it hands out: "阅读材料，回答下列问题。" over its
    lines, "在矛盾存在的问题上：" over "材料一：" (its parts are asked below)."""
    return (
        not item.extra
        or rules.READS_MATERIAL.search(item.stem) is not None
        or MATERIAL_LABEL.match(item.extra[0]) is not None
    )


# "3．【分析】…" (菁优网's papers): a key's entry opening with its explanation
EXPLAINED_ENTRY = re.compile(r"\s*\d{1,3}\s*[.．、]\s*【(?:分析|解析|详解|詳解|答案解析|考点|考點)】")
MATERIAL_LABEL = re.compile(r"\s*(?:材料|資料|资料)\s*[一二三四五六七八九十\d]")  # "材料一：" opening a text
# "根据以上材料", "结合上述案例": an instruction pointing back at the text above it
POINTS_BACK = re.compile(r"(?:以上|上述|上面|上文)的?(?:材料|资料|資料|案例|短文|例子)")


def _unnumbered_text(item: Item) -> bool:
    return not (item.number or item.options or item.answer or item.explanation)


def _states_nothing_to_answer(item: Item) -> bool:
    """It asks nothing and has nothing to key (the lines under it are more of what it states)."""
    return not (rules.asks_in_words(item.stem) or item.answer or item.options)


def _announces_data(stem: str) -> bool:
    """A problem's long opening sentence ending "如下：" (its table, its data follow) that has not
    asked yet: the lines under it are the question's until one asks ("求…", "请绘出…")."""
    first = stem.split("\n", 1)[0]
    announced = len(first) >= WRAPPED_MIN and re.search(r"(?:[:：]|如下)\s*$", first) is not None
    return announced and not (rules.QUESTION_WORDS.search(stem) or rules.PROBLEM_ASKS.search(stem))


FILLED_BLANK = re.compile(r"__[^_\s][^_\n]*?__")  # "__皮肤__": a blank written in (an answer sheet's)


def _filled_statements(parent: Item, children: list[Item]) -> bool:
    """ "12. 人体免疫的三道防线的组成：" over "(1)第一道防线：__皮肤__、__黏膜__是…" "(2)…": statements
    with their blanks filled in, which the question's colon announces: its text, not its parts."""
    return (
        bool(children)
        and boundaries.COLON_END.search(parent.stem) is not None
        and all(
            FILLED_BLANK.search(child.stem)
            and not (child.answer or child.options or ASKED.search(child.stem))
            and not rules.asks_strongly(FILLED_BLANK.sub("", child.stem))
            for child in children
        )
    )


def _names_parts(parent: Item, children: list[Item]) -> bool:
    """ "…下列算法…是多少？" over "（1）…" "（2）…": the stem names the bracketed parts below it;
    or a problem's givens end "…，求：" ("试求："), what it asks for listed under it."""
    return (
        bool(children)
        and all(child.bracketed and not (child.answer or child.options) for child in children)
        and (boundaries.FORWARD.search(parent.stem) is not None or _asks_for_parts(parent))
    )


def _asks_for_parts(parent: Item) -> bool:
    return rules.ASKS_FOR_PARTS.search(parent.extra[-1] if parent.extra else parent.stem) is not None


CJK_CUT = re.compile(f"[{rules.CJK}]$")  # (a line stopping inside a Chinese sentence)


def _cut_mid_sentence(stem: str) -> bool:
    """A long line that stops inside a sentence ("…歹徒誘騙至指定"): the text runs on below."""
    last = stem.rsplit("\n", 1)[-1]
    return (
        len(last) >= WRAPPED_MIN and not STEM_END.search(last) and not last.endswith(("，", ",", "；", ";"))
    )


class Segmenter:
    def __init__(self) -> None:
        self.doc = 0
        self.sections: list[Section] = []
        self.by_doc: dict[int, list[Section]] = {}  # each paper's sections (a file may hold many)
        self.keyed_targets: set[int] = set()  # the sections key entries were read for (by id)
        self.key_explains = False  # the key being read explains questions already keyed
        self.keys: list[KeyEntry] = []
        self.key_part_at = -1  # in a key, the last of the paper's parts it has named
        self.key_part: str | None = None  # the titled part whose key it is (part_of_key)
        self.key_elsewhere = False  # …or a part the paper does not print: its entries are left out
        # (counted as they come, so a key of thousands of entries is never searched per entry)
        self.keyed_numbers: Counter[tuple[int, int]] = Counter()  # (id of its target, number)
        self.sets_asked: dict[int, int] = {}  # per paper, questions numbered 1: counted once a key
        self.item: Item | None = None
        self.numbered_items = 0
        self.tagged_lines = 0  # lines a type tag opens ("(判断题)", "【单选题】"), counted first
        self.bare_numbered = 0  # questions opened by a number alone on its line (line_rules.bare_number)
        self.last_bare = 0  # …and the last such number
        self.sheet_numbers: list[int] = []
        self.sheet_target: Section | None = None  # the part a key grid printed above its questions answers
        self.last_number = 0  # numbering may run on across sections of one paper
        self.heading_items = 0  # questions numbered on a Markdown heading ("### 62. …")
        self.doc_title = ""
        self.titled_from: tuple[str, int] | None = None  # the paper before a title opened this one
        self.chapter_title = ""
        self.wrap_width: float | None = None  # set by segment() for hard-wrapped text (PDF)
        self.line_ceiling: int | None = None  # the width nine in ten lines stay within (segment())
        self.prev_line: Line | None = None  # the line read before this one
        self.prev_full = False  # the previous line reached the wrap width: this one continues it
        self.line_full = False  # this line reached the wrap width: the next one continues it
        self.full_lines: set[int] = set()  # ids of the lines whose last part reached the wrap width
        self.roles: dict[int, list[str]] = {}  # line number → what its parts became, in order
        self.table: tuple[Columns, str] | None = None  # the header of the table being read
        self.data_table = 0  # the width of the table of data a question gives, while reading its rows
        self.leading_mark: str | None = None  # "(×)12.…": a mark waiting for the item it precedes
        self.leading_key: str | None = None  # "（B）1．…": so a choice's key
        self.material = ""  # a case study's shared text (new_section resets it)
        self.line_depth = 0  # the Markdown list depth of the line being read
        self.line_bold = False  # the line being read is a numbered question set wholly in bold
        self.line_heading = 0  # the Markdown heading level of the line being read
        self.quote_read = False  # the block quote the last line was in is read as any text
        self.next_text = ""  # the line after the one being read (a label alone looks ahead)
        self.after_next = ""  # and the one after that
        self.next_depth = 0  # the Markdown list depth of the next line
        self.judge_part = 0  # the part of an online judge's "2-5" numbering being read
        self.nested: tuple[Item, int] | None = None  # numbering restarted under this item (see open_item)
        self.prev_code = False  # the line read before was a code block's
        self.prev_chars = 0  # how long the line read before was (a long one may have been wrapped)
        self.prev_lineno = 0  # and where it was (a gap before this line: blank or furniture lines)
        self.bold_heads = False  # bold paragraphs head the questions (see line_rules.bold_heads_questions)
        self.case_labels = False  # the paper asks its cases' parts under "【问题1】" labels
        self.inner_points: frozenset[int] = frozenset()  # lines numbering an answer's points (inner_points)
        self.line_a_point = False  # the line being read numbers a point of an answer (inner_points)
        self.blanks_numbered: dict[int, set[int]] = {}  # a fill part's blank numbers (numbered_blanks)
        self.task_line = 0  # the line of the last unlettered "(x)…" option read (line_rules.task_option)
        self.unnumbered_item: Item | None = None  # the last question line_rules.unnumbered_line opened
        self.keyed_by_number: Item | None = None  # the question line_rules.number_and_key opened last
        self.list_parent: Item | None = None  # the question whose parts its nested list is (_list_parent)
        self.quoted_item: Item | None = None  # the last question a block quote opened (_quoted_line)
        # (questions read, their stems by first words): line_rules.restated_question_key's index
        self.stems_by_opening: tuple[int, dict[str, list[tuple[str, Item]]]] = (-1, {})
        # an option line under a stem was starred, "*脱贫攻坚" (see _asked_over_bare_options)
        self.starred_keys = False
        self.new_section("", "generic", 0)

    # ---- scanning ------------------------------------------------------------------------
    def feed(self, line: Line) -> None:
        self.line_a_point = id(line) in self.inner_points
        self.line_depth = line.depth
        # (or "1. **組織的定義為何？**": the question in bold after a Markdown list's own number)
        self.line_bold = line.bold or (line.depth > 0 and NUMBER_THEN_BOLD.fullmatch(line.text) is not None)
        self.line_heading = line.heading
        full = id(line) in self.full_lines
        self.line_full = full
        if not line.quote:
            self.quote_read = False
        role = (
            (self._code_line(line) if line.code else "")
            or (self._quoted_line(line) if line.quote else "")
            or (self._key_under_quote(line) if self.quoted_item is not None else "")
            or read_whole_line(self, line)
        )
        if line.heading and self.section.lineno == line.lineno and not self.section.level:
            self.section.level = line.heading  # "## 单项选择" (its subdivisions "### 1-10" are deeper)
        if role:
            self.trace(line, role)
        else:
            self.scan(line)
        self.prev_full = full
        self.prev_code = line.code
        self.prev_chars = len(line.text)
        self.prev_line = line
        self.prev_lineno = line.lineno

    def scan(self, line: Line) -> None:
        """Read `line` boundary by boundary (also the rest of a line whose opening a rule read)."""
        text = line.text
        pos = 0
        new_line = True
        head = key_head = None
        if self.mode == "questions" and text[:1] in "(（":
            head = rules.JUDGEMENT_HEAD.match(text) or rules.JUDGEMENT_HEAD_LETTER.match(text)
            key_head = rules.CHOICE_KEY_HEAD.match(text) if head is None else None
        if key_head and (self._first_question_ahead() or self.section.keys_lead):
            self.section.keys_lead = True  # "（B）1．…": each question's key in a box before its number
            self.leading_key, pos = key_head.group(1), key_head.end()
        bare = (
            self._bare_key_head(text, line.lineno)
            if self.mode == "questions" and not (head or key_head)
            else None
        )
        if bare is not None:  # the number due next after its key: a question, whatever its text opens with
            self.section.number_style = self.section.number_style or "plain"
            self.open_item(bare.group(3), line)
            self.trace(line, "question")
            text = text[bare.end(4) if bare.group(4) else bare.end(3) :]
        if head and self._first_question_ahead():
            self.section.marks_lead = True  # the section's first question carries its own mark
        if head and self.section.marks_lead:
            self.leading_mark = head.group(1)  # "(×)12.在…": the mark before a number is that item's
            pos = head.end()
        elif head and self.item is not None and not self.item.options:
            self.item.mark = head.group(1)  # "(错误)12. 下一题…": the mark closes the previous item
            pos = head.end()
        while pos < len(text):
            found = boundaries.find(self, text, pos)
            end = found[0].start() if found else len(text)
            fragment = text[pos:end].strip()
            if fragment and not (
                found and found[1] in ("heading", "explanation") and MARKUP_ONLY.fullmatch(fragment)
            ):
                self._place(fragment, line, new_line, found)  # (not the "**" opening "**二、简答题**")
                new_line = False
            if not found:
                break
            m, kind, payload = found
            self.trace(line, boundaries.ROLES.get(kind, kind))
            pos = boundaries.HANDLERS[kind](self, m, payload, text, line)
            new_line = False

    def _code_line(self, line: Line) -> str:
        """A line of a code block belongs, as it is, to whatever the question is reading."""
        item = self.item
        if item is None or self.mode != "questions" or item.extra:
            return ""
        if MARKER_IN_CODE.match(line.text):
            return ""  # "A.scanf" in a block: a bank that set whole questions as code
        if self._next_question_in_code(item, line.text):
            return ""  # "2.要在程式碼中…" under question 1's options: the next question, set as code too
        if item.slot == "option" and item.options and LABEL_ALONE.fullmatch(item.options[-1]):
            item.options[-1] = join(line.text, item.options[-1], " ")  # "B." (or "D.✅") over its text
            return "option"
        if item.slot == "option" and len(item.options) >= 2:
            item.slot = "explanation"  # a block under the options: the question's notes
        if (
            item.slot == "answer"
            and len(item.options) >= 2
            and KEY_ONLY.fullmatch(item.answer or "")
            and rules.CODE_MARKS.search(line.text) is not None  # (not "题库中第11题:" in a block)
        ):
            item.slot = "explanation"  # "参考答案：CD" then a program: the key's worked example
        if (
            item.slot in ("answer", "mine")
            and not item.options
            and (
                boundaries.KEY_LETTERS.match(item.answer or "")
                or boundaries.KEY_WITH_NOTE.fullmatch(item.answer or "")
            )
        ):
            # "正确答案: A D" printed first, then the program the question asks about
            item.stem = join(item.stem, line.text, "\n")
            return "stem"
        if item.slot not in CODE_SLOTS:
            return ""
        labelled = LABELLED_IN_CODE.match(line.text) if item.code_answer else None
        if labelled:
            boundaries.code_was_asked(item)
            item.slot, item.answer = "answer", line.text[labelled.end() :]
            return "answer"
        if item.slot == "stem" and self._answered_in_code(item):
            item.slot, item.answer = "answer", ""  # "简答题" "…分别代表什么意思？" then a block
            item.code_answer = True
        if item.slot == "stem":
            item.stem = join(item.stem, line.text, "\n")
        else:
            item.append(line.text, new_line=True)
        return item.slot

    def _next_question_in_code(self, item: Item, text: str) -> bool:
        """The number due next opening a line of a block: after a question's options, or under a
        question that asked (a part's questions listed in one block, "1. …？（3分）" "2. …？"),
        a question in words, never a listing's numbered line of program."""
        number = NUMBER_IN_CODE.match(text)
        if number is None or int(number.group(1)) != self.expected:
            return False
        if len(item.options) >= 2:
            return item.slot == "option"
        rest = text[number.end() :]
        return (
            item.slot == "stem"
            and rules.asks_in_words(item.stem)
            and HAS_CJK.search(rest) is not None
            and not boundaries.program_line(text, number.end())
        )

    def _answered_in_code(self, item: Item) -> bool:
        """A block under an open part's question that has asked: its answer (a course's test keeps
        every answer in a code block), not more of the question."""
        opens = not self.prev_code  # (a "?" in the block's own comment asks nothing)
        if opens and self.section.kind == "fill" and item.answer is None and not item.options:
            return BLANK_ENDS.search(item.stem) is not None  # "声明一个整型变量i____" then a block
        if not (opens and item.answer is None and not item.options and not item.extra):
            return False
        asked = ASKED.search(item.stem) is not None
        # a question set wholly in bold has asked too ("**指出下列常量的类型**" over its block), in
        # any part open questions may be in, unless it announces the program it asks about
        bold = BOLD_ONLY.fullmatch(item.stem) is not None and not (
            PROGRAM_FOLLOWS.search(item.stem) or ANNOUNCED.search(item.stem)
        )
        if bold and self.section.kind in ("short", "generic", "case", "prose"):
            return True
        if WRITE_CODE.match(item.stem) and not PROGRAM_FOLLOWS.search(item.stem):
            return True  # "请手写instanceof原理函数？" over a block: the code it asks for
        if self._sets_a_task(item):
            return True  # "三、程序设计题" "1. 首先定义…基类…" then a block: the program it asks for
        # ("下面程序的输出是什么？" over a block: the program it asks about)
        return asked and self.section.kind in ("short", "case") and not PROGRAM_FOLLOWS.search(item.stem)

    def _sets_a_task(self, item: Item) -> bool:
        """A task of a programming part ("程序设计题", "编程题") that has said all it asks: a block
        under it is the program it asks for. Not one announcing the block ("…如下：", "输入样例："),
        nor a problem whose fields (input, output, samples) the blocks hold."""
        if item.problem or self.section.kind != "short" or not HAS_CJK.search(item.stem):
            return False  # (a number and its tags alone: the block holds the question itself)
        if rules.PROGRAMMING_PART.search(self.section.heading) is None:
            return False  # (not "第1章 程序设计与C语言", a chapter of any questions)
        return not (PROGRAM_FOLLOWS.search(item.stem) or ANNOUNCED.search(item.stem))

    def _quoted_line(self, line: Line) -> str:
        """A Markdown block quote under a question's options or its key: its explanation, read
        whole (a numbered list in it holds points, not questions). In a part that numbers nothing,
        a quote after a keyed question (or opening the part) is the next question."""
        item = self.item
        if not self.quote_read and self._quoted_question(item):
            self.quote_read = True
            self.close_item()
            self.item = self.quoted_item = Item(
                number="", lineno=line.lineno, section=self.section, stem=line.text.strip()
            )
            return "question"
        answered = item is not None and (len(item.options) >= 2 or bool((item.answer or "").strip()))
        if item is None or not answered or self.mode != "questions" or self.quote_read:
            self.quote_read = True  # the quote holds the question or its options: read as any line
            return ""
        unanswered = not (item.answer or "").strip()
        labelled = (unanswered and ANSWER_NEXT.match(line.text)) or EXPLANATION_LABEL.match(line.text)
        if labelled or (unanswered and item.slot == "answer"):
            return ""  # "> 答案：A", "> 解析：…" (or the key under a fold's "答案"): read as any line
        item.explanation = join(item.explanation or "", line.text, "\n")
        item.slot = "explanation"
        return "explanation"

    def _key_under_quote(self, line: Line) -> str:
        """ "D" on the line after a quoted question (and its quoted options): its key."""
        item = self.item
        if line.quote or item is None or item is not self.quoted_item or (item.answer or "").strip():
            return ""
        if not QUOTED_KEY.fullmatch(line.text.strip()):
            return ""
        item.answer, item.slot = line.text.strip(), "answer"
        return "answer"

    def _quoted_question(self, item: Item | None) -> bool:
        """ "> For a B+ tree …" then "F" under it: a part quoting each unnumbered question, its
        key on the line after the quote."""
        if self.mode != "questions" or self.numbered_items or self.section.numbered:
            return False
        if item is None:  # (the part's first question, its key or its option A on the next line)
            under = QUOTED_KEY.fullmatch(self.next_text.strip()) or QUOTED_OPTION_A.match(self.next_text)
            return not self.section.items and self.section.kind in QUOTED_KINDS and under is not None
        # (a quote under a question read otherwise is its explanation)
        return item is self.quoted_item and bool((item.answer or "").strip() or item.mark)

    def _bare_key_head(self, text: str, lineno: int) -> re.Match[str] | None:
        """ "A1.…", "D20…", "对1…": a key glued before the number due next, in a section whose first
        question has one before "1." (sets the key, or the mark, waiting for the item)."""
        m = rules.BARE_KEY_HEAD.match(text)
        if m is not None and m.group(3) == "1" and m.group(4) and boundaries.after_instructions(self):
            self.new_section("", "generic", lineno)  # "注意事項 1.… 2.…" then "[D] 1.": the questions
        if m is None or int(m.group(3)) != self.expected:
            return None
        if not (self.section.keys_lead or self.section.marks_lead):
            apart = re.search(r"[/、,，]", m.group(1) or "")  # ("A/C3…": letters set apart, a key's)
            plainly = m.group(4) or apart or (m.group(2) and self.section.kind == "truefalse")
            if not (self._first_question_ahead() and m.group(3) == "1" and plainly):
                return None
        if m.group(1):
            self.section.keys_lead = True
            self.leading_key = re.sub(r"[/、,，]", "", m.group(1)).upper()
        else:
            self.section.marks_lead = True
            self.leading_mark = m.group(2)
        return m

    def _first_question_ahead(self) -> bool:
        """No question of this section read yet: a mark here has no earlier item to close, so
        marks in this section are printed before the numbers of the items they belong to."""
        return not self.section.items and (self.item is None or self.item.section is not self.section)

    def _place(self, fragment: str, line: Line, new_line: bool, found: boundaries.Found | None) -> None:
        title_like = (new_line or self.item is None) and len(fragment) <= 40
        if found and found[1] in ("heading", "chapter") and title_like and rules.TITLE_WORDS.search(fragment):
            self.new_document(line.lineno, fragment)  # "客户关系管理试题及答案一、单项选择题…"
            self.trace(line, "title")
        else:
            self.on_text(fragment, line, new_line)

    def trace(self, line: Line, role: str) -> None:
        self._trace(line.lineno, role)
        for lineno in line.joined:  # (most lines join none: no tuple built for every call)
            self._trace(lineno, role)

    def _trace(self, lineno: int, role: str) -> None:
        roles = self.roles.setdefault(lineno, [])
        if role not in roles:
            roles.append(role)

    # ---- text between boundaries ---------------------------------------------------------
    def on_text(self, text: str, line: Line, new_line: bool) -> None:
        if new_line and self.item is not None and self._points_nested_under(self.item, line):
            self.item.slot, self.item.answer = "answer", ""  # "1. **…請詳述之。**" over "\t- 探勘網頁…"
        self.trace(line, self._text_role())
        if self.mode == "key":
            if new_line and self.key_entry is None and BARE_KEY.fullmatch(text):
                self.add_bare_key(text, line)
            elif self.key_entry is not None and not (new_line and _key_subheading(self.key_entry.text, text)):
                self.key_entry.text = join(self.key_entry.text, text, "\n" if new_line else "")
            return
        if self.mode == "local_key":
            self.section.local_key = join(self.section.local_key, text, "\n" if new_line else "")
            return
        item = self.item
        if item is not None and item.slot == "verdict" and new_line:
            self.close_item()  # a statement judged on the lines under it: text now is the next one
            item = None
        if (
            item is not None
            and new_line
            and (
                self._next_unnumbered(item, text)
                or self._bulleted_after_options(item, line)
                or self._next_term(item, text)
                or self._next_open(item, text)
            )
        ):
            stem = text
            kept, _, first = (item.answer or "").rpartition("\n")
            if self.prev_full and kept.strip() and ASKS_ON.search(first):
                # the question's first line, cut at the page's width, was read as the answer's last
                item.answer, stem = kept, first + text
            self.close_item()  # "答案：A" closed an unnumbered question: this line opens the next
            self.item = Item(
                number="", lineno=line.lineno, section=self.section, stem=stem, material=self.material
            )
            return
        if item is not None and new_line and passages.GROUP_HEADER.match(text):
            self.close_item()  # "第21至25題為題組": the passage of the next questions follows
            item = None
        if item is None:
            self._outside_item(text, line)
            return
        if new_line and self.prev_code and item.code_answer and item.slot == "answer":
            # "**…请找出其中的错误。**" over a block, then "修改如下" over another: prose after the
            # block read as the answer says the block was the question's program; the answer
            # follows (after more of the question where the paper sets its questions in bold)
            boundaries.code_was_asked(item)
            if BOLD_ONLY.fullmatch(text):
                item.slot = "stem"
            else:
                item.answer = ""
        tag = (
            (rules.TAG_ONLY.match(text) or rules.TAG_SPANS.match(text))
            if item.slot == "stem" and (not item.stem or (new_line and not item.tag))
            else None
        )
        if tag:
            item.tag = tag.group("tag")  # the platform's type tag, not the stem (which follows)
            if tag.groupdict().get("difficulty"):
                item.difficulty = boundaries.difficulty_level(tag.group("difficulty"))
        elif new_line and item.slot == "option" and item.options and LABEL_ALONE.fullmatch(item.options[-1]):
            # a label alone on its line (maybe ticked, "D.✅"): its text is this line
            item.options[-1] = join(text, item.options[-1], " ")
        elif new_line and item.slot == "option" and item.options and not item.extra and CONTINUES.match(text):
            item.options[-1] += text  # "A. 上帝,这是服务行业" / "的基本认识": an option wrapped
        elif (
            new_line
            and item.slot == "option"
            and item.options
            and not item.extra
            and self._wraps(item, text, line)
        ):
            item.options[-1] += text  # "A. 客户服务是企业与客户之间的" / "互动过程" / "B. …"
        elif (
            new_line
            and self.prev_full
            and item.slot in ("stem", "option")
            and not item.extra
            and not (self.starred_keys and self._asked_over_bare_options(item))
        ):
            item.append(text, new_line=False)  # the line before was cut at the page's width
        elif new_line and item.slot == "stem":
            self.starred_keys = self.starred_keys or rules.STARRED_OPTION.match(text) is not None
            self._continue_stem(item, text)
        elif new_line and item.slot == "option":
            item.extra.append(text)
        else:
            item.append(text, new_line)
        item.attach_images(line)

    def _points_nested_under(self, item: Item, line: Line) -> bool:
        """A bulleted list nested in the item of a question that asks, before anything else is
        read under it: the points of its answer (Markdown notes answer so, unlabelled)."""
        return (
            line.bullet
            and line.depth > item.depth > 0
            and item.slot == "stem"
            and not (item.extra or item.options or item.answer is not None)
            and self.section.kind not in CHOICE_KINDS
            and rules.asks_strongly(item.stem)
        )

    def _wraps(self, item: Item, text: str, line: Line) -> bool:
        """A line between an option and the next letter's (below it, or after it on this line),
        under a long line, is the rest of that option, wrapped at the page's width: options come
        in turn. (Under a short option it is something else: a page's header, a program; but a
        line ticked at its end, "大会表决 ✅", is an option's rest wherever it was cut.)"""
        short = self.prev_chars < WRAPPED_LINE and not TICKED_END.search(text)
        if len(item.options) >= len(LETTERS) or short or line.code or self.prev_code:
            return False
        label = rules.NEXT_LABEL[LETTERS[len(item.options)]]
        at = line.text.find(text)
        after = line.text[at + len(text) :] if at >= 0 else ""
        if not after.strip() and self._ends_the_last_option(item, text):
            return True
        return label.match(after) is not None or (
            not after.strip() and label.match(self.next_text) is not None
        )

    def _ends_the_last_option(self, item: Item, text: str) -> bool:
        """ "④設置空調設" / "備 。" then "3. …": a few characters closing the question's sentence
        under a long line of options, the next question (or the paper's end) after them: the last
        option's rest."""
        return (
            len(item.options) >= MIN_OPTIONS_WRAPPED
            and len(text) <= LAST_OPTION_TAIL
            and STEM_END.search(text) is not None
            and (not self.next_text.strip() or boundaries.NUMBERED_LINE.match(self.next_text) is not None)
        )

    def _opens_a_stem(self, text: str) -> bool:
        """A line over option A, or one that asks or announces its program ("给出如下代码：")."""
        asks = ASKED_END.search(text) is not None or PROGRAM_FOLLOWS.search(text) is not None
        return boundaries.OPTION_A.match(self.next_text) is not None or asks

    def _bulleted_after_options(self, item: Item, line: Line) -> bool:
        """ "●技术部给采购部…" under a question's options in a plain text that bullets its
        questions: the next question, not the last option's wrapped text."""
        return line.glyph and item.slot == "option" and len(item.options) >= 2

    def _next_unnumbered(self, item: Item, text: str) -> bool:
        """In a bank that numbers nothing, a line after a finished answer (a key's letters or a
        verdict) or a line that asks, after any answer, is the next question. In any paper, an
        unnumbered line ending with a question mark with "答：" opening the line under it is."""
        if item.slot != "answer":
            return False
        if not (item.answer or "").strip():
            # "谁负责…？" "答案是：" (left empty) "…被定义为，" "答案是：4": a line answered on the
            # next is the next question, not the text of an answer label left empty
            # (but a choice's letters there are its answer: "Answer:" "A" "Keys:" "B", a result page's)
            return (
                ANSWER_NEXT.match(self.next_text) is not None
                and not ANSWER_NEXT.match(text)
                and not (item.options and ANSWER_DONE.fullmatch(text))
            )
        if ANSWER_NEXT.match(self.next_text) and (
            ASKED_END.search(text) or not (item.number or OPTION_OPENS.match(text))
        ):
            return True  # (under an unnumbered question, a line answered next is the next one)
        if item.options and KEY_DONE.fullmatch(item.answer or "") and self._opens_a_stem(text):
            return True  # "正确答案： D." then "设 str = …，正确的是：" over "A. …": the next, unnumbered
        if item.number or self.numbered_items or self.prev_full:
            return False  # (a line going on from one cut at the page's width opens nothing)
        finished = ANSWER_DONE.fullmatch(item.answer or "") is not None
        # a line that asks only by a word ("阐述了…", "…相结合") asks when it ends asking or is
        # answered next: else it is the prose of the answer above
        asks = rules.QUESTION_WORDS.search(text) is not None and (
            ASKED_END.search(text) is not None or ANSWER_NEXT.match(self.next_text) is not None
        )
        return finished or asks or rules.BLANK.search(text) is not None

    def _next_open(self, item: Item, text: str) -> bool:
        """In an open part whose questions are unnumbered (their answers' points may be numbered),
        a line under an answer that asks, or over a "1." starting points again, is the next
        question."""
        if item.number or self.section.kind != "short":
            return False
        if not item.extra:  # "…这对你有何启示？" unanswered, then "改革开放以来…取得了哪些…？"
            return ASKED_END.search(item.stem) is not None and rules.asks_strongly(text)
        if self.prev_full and not STEM_END.search(item.extra[-1]):
            return False  # (the line above was cut at the page's width: this one goes on with it)
        if not any(PROSE.search(line) for line in item.extra) or boundaries.COLON_END.search(text):
            return False  # (under a matrix, the question goes on; "请回答以下问题：" announces parts)
        points_again = POINT_ONE.match(self.next_text) is not None and not rules.asks_strongly(self.next_text)
        return rules.asks_strongly(text) or points_again

    def _next_term(self, item: Item, text: str) -> bool:
        """Under 名词解释, unnumbered "term：definition" lines are one term each."""
        unnumbered_term = not item.number and item.slot == "stem" and not item.extra
        return unnumbered_term and self.section.kind == "short" and defines_term(item.stem, text)

    def _outside_item(self, text: str, line: Line) -> None:
        if self.section.kind == "case" and self.case_open and self.expected == 1:
            self.material = join(self.material, text, "")
        elif (
            (
                self.section.kind in ("case", "short")
                or ANSWER_NEXT.match(self.next_text)
                or rules.PART_OF_POINTS.match(self.section.heading)
            )
            and not self.case_open
            and not rules.INSTRUCTIONS.search(text)
        ):
            loose = self.section.loose
            if self.prev_full and loose and loose[-1].lineno == line.lineno - 1:
                text = loose.pop().text + text  # the question's first line, cut at the page's width
            self.item = Item(number="", lineno=line.lineno, section=self.section, stem=text)
            # (a part named by its points: its lines are its problem's, up to a labelled solution,
            # or its questions' setting)
            self.item.problem = rules.PART_OF_POINTS.match(self.section.heading) is not None
        else:
            self.section.loose.append(
                Line(text=text, lineno=line.lineno, images=line.images, bullet=line.bullet, quote=line.quote)
            )

    def _text_role(self) -> str:
        """Where text read now goes, for the line-by-line explanation of a parse."""
        if self.mode != "questions":
            return "key"
        item = self.item
        if item is None:
            if self.section.kind == "case" and self.case_open and self.expected == 1:
                return "material"
            return "stem" if self.section.kind in ("case", "short") and not self.case_open else "loose"
        if item.slot == "mine":
            return "metadata"
        return "unlabelled" if item.extra else item.slot

    def _continue_stem(self, item: Item, text: str) -> None:
        """A new line under a stem: more of the question, or (for open questions) its answer."""
        if not item.extra and self.starred_keys and self._asked_over_bare_options(item):
            item.extra.append(text)  # a starred bank's options, under a stem of any part that asks
        elif not item.extra and item.answer is None and rules.KEY_LETTERS.match(item.stem):
            item.answer, item.stem = item.stem.strip(), text  # "1.⇥A" over the stem: a graded paper's key
        elif not item.extra and POINTS_ONLY.fullmatch(item.stem):
            item.stem = join(item.stem, text, "")  # under a number (and type tag, or "（9分）") alone
        elif not item.extra and (item.problem or PROBLEM_FIELD.match(text)):
            item.problem = True  # a programming problem's statement: its fields are the question
            item.stem = join(item.stem, text, "\n")
        elif item.extra and not item.options and item.answer is None and IO_FIELD.match(text):
            # "单词接龙" "…的规则是：…。" "现给定…" then "输入描述:": a programming problem's statement
            # ran on over lines that looked like its answer; they were the problem's, fields follow
            item.problem = True
            item.stem = "\n".join([item.stem, *item.extra, text])
            item.extra = []
            for lineno in reversed(self.roles):  # (so --explain tells it; the item's own lines are the last)
                if lineno <= item.lineno:
                    break
                self.roles[lineno] = ["stem" if role == "unlabelled" else role for role in self.roles[lineno]]
        elif item.extra:
            item.extra.append(text)
        elif self.section.kind in ("short", "generic", "case", "prose"):
            if self._task_goes_on(item, text):
                item.stem = join(item.stem, text, "\n")  # "编程实现…：" then its rules and sample run
            elif TASK_NOTE.match(text):
                item.stem = join(item.stem, text, "\n")  # "提示：…", "选做：…": a note on the task, no answer
            elif BOLD_ONLY.fullmatch(item.stem):
                item.extra.append(text)  # "**简述封装的作用**" then plain text: its answer
            elif _asks_more(item.stem, text):
                item.stem = join(item.stem, text, "\n")
            elif item.bold:
                item.extra.append(text)  # "**3.如何利用…的作用**" then what does not ask: its answer
            elif EQUATION_CUT.search(item.stem):
                item.stem = join(item.stem, text, " ")  # "函数 f(x) =" then its right side (a PDF's fraction)
            elif boundaries.REQUIREMENTS.search(item.stem) and CONDITION.match(text):
                item.stem = join(item.stem, text, "\n")  # "…要求：" then "（1）N从键盘输入…": its conditions
            elif boundaries.ASPECTS.search(item.stem) and (CONDITION.match(text) or POINT.match(text)):
                item.stem = join(item.stem, text, "\n")  # "…从以下四个方面进行论述：" then "（1）叙述…"
            elif _announces_data(item.stem):
                item.stem = join(item.stem, text, "\n")  # "…测量结果如下：" then its data, up to the ask
            elif PROGRAM_FOLLOWS.search(item.stem) and boundaries.program_line(text, 0):
                item.stem = join(item.stem, text, "\n")  # "把以下程序…改写…" then the program
            elif (
                _cut_mid_sentence(item.stem)
                and not self._first_point_under_topic(item, text)
                and (self.wrap_width is not None or self._cut_at_page_width(item, text))
            ):
                item.stem = join(item.stem, text, "")  # hard-wrapped text: a question runs on until it asks
            else:
                item.extra.append(text)
        elif self._prints_a_program(item) and _program_goes_on(item.stem, text):
            # "程序填空题", "下面C++代码执行后将输出10。( )": the program is the question's
            item.stem = join(item.stem, text, "\n")
        elif not STEM_END.search(item.stem) and not self._asked_over_bare_options(item):
            item.stem = join(item.stem, text, "")  # a stem wrapped across lines
        else:
            item.extra.append(text)

    @staticmethod
    def _first_point_under_topic(item: Item, text: str) -> bool:
        """ "14.“三个代表”…的理论" then "①要坚持…": under a topic that asks nothing, a line opening
        with a circled number is its answer's first point (under "①是…引入了", a fill question
        numbering its blanks so, "② 这一概念。" goes on)."""
        return (
            CIRCLED_POINT.match(text) is not None
            and not rules.asks_in_words(item.stem)
            and not any(c in item.stem for c in rules.CIRCLED)  # ("①是…引入了": blanks numbered so)
        )

    def _cut_at_page_width(self, item: Item, text: str) -> bool:
        """The line above reached the page's width inside a Chinese sentence, before the question
        asked anything, and `text` goes on in Chinese (a Word page printed a line a paragraph; a few
        long paragraphs hid the wrap width): the question runs on. (Not an option, a program or
        an answer in Latin letters under it: "…另一个是" "E. 对立统一的观点".)"""
        return (
            self.prev_line is not None
            and reaches_width(self.prev_line, self.line_ceiling)
            and CJK_CUT.search(item.stem) is not None
            and rules.HAS_CJK.match(text) is not None
            and not (rules.asks_in_words(item.stem) or rules.PROBLEM_ASKS.search(item.stem))
        )

    def tags_open_questions(self, mid_line: bool = False) -> bool:
        """Type tags opening lines ("(判断题)") open this paper's questions, and no number has: a
        number inside a question (`mid_line`, or opening a line under its text) is its answer's
        or a list's, not the next question (right under its tag, "(单选题)" "1.…", it is its own)."""
        item = self.item
        if item is None or self.mode != "questions" or self.numbered_items:
            return False
        said = bool(item.stem or item.options or item.answer is not None or item.extra)
        return (said or mid_line) and self.tagged_lines >= TAGGED_PAPER

    def _prints_a_program(self, item: Item) -> bool:
        """A fill part's question, or a judgement's that names the program under it."""
        if item.options or self.section.kind in CHOICE_KINDS:
            return False  # (a choice's program runs on to its options: see the wrapped stem below)
        return self.section.kind == "fill" or PROGRAM_FOLLOWS.search(item.stem) is not None

    def _task_goes_on(self, item: Item, text: str) -> bool:
        """In a part of programming tasks ("上机编程题"), prose under a task that announces it
        ("…计算程序：" over one line, "输入输出的形式如下:" over a sample run) is more of the task;
        an answer is a program, or labelled."""
        if ANSWER_NEXT.match(text):
            return False
        if rules.PROGRAMMING_PART.search(self.section.heading) is None:
            return _program_task_goes_on(item.stem, text)
        # "**输入格式要求：…", "程序的运行示例如下：": the task's own terms (its answer is a program)
        if TASK_TERMS.search(text) and not CODE_MARKS.search(text):
            return True
        announced = (
            boundaries.COLON_END.search(item.stem)
            or SAMPLE_RUN.search(f"{item.stem}\n{text}")
            or (LETTERED_REQUIREMENT.match(text) and COLON_LINE.search(item.stem))  # ("b.…" after "a.…")
        )
        return announced is not None and not boundaries.program_line(text, 0)

    def _asked_over_bare_options(self, item: Item) -> bool:
        """In a choice part, a short stem that has asked ("…运算包括", "一个关键字是", a blank)
        is not wrapped: the lines under it are its options, printed without letters. So in a
        paper that stars its keys among such options ("*脱贫攻坚"), of any part and length."""
        starred = self.starred_keys and self.section.kind == "generic"
        short = self.prev_chars < WRAPPED_LINE or starred
        if not (self.section.kind in CHOICE_KINDS or starred) or not short or "\n" in item.stem:
            return False
        return bool(
            rules.BLANK.search(item.stem) or OPEN_END.search(item.stem) or rules.asks_strongly(item.stem)
        )

    # ---- state changes (called by the rules) ---------------------------------------------
    def new_section(self, heading: str, kind: str, lineno: int) -> None:
        self.close_item()
        self.end_parts()
        chapter = self.chapter_title or self.doc_title
        self.section = Section(heading=heading, kind=kind, doc=self.doc, lineno=lineno, chapter=chapter)
        self.sections.append(self.section)
        self.by_doc.setdefault(self.doc, []).append(self.section)
        self.expected = 1
        self.mode = "questions"  # or "key" (a key for earlier sections) or "local_key"
        self.key_target: Section | None = None
        self.key_entry: KeyEntry | None = None
        self.key_last = 0
        self.case_open = False  # a case study's sub-questions have started ("问题:")
        self.case_number = 0  # the number its story was printed under ("1. 某客户致电…"), if any
        self.material = ""
        self.passage: passages.Passage | None = None  # a reading passage its questions share
        self.nested = None

    def close_item(self) -> None:
        if self.item is not None:
            self.item.section.items.append(self.item)
            self.item.section.unheaded += not self.item.headed
            self.item.section.numbered += bool(self.item.number)
            self.item = None

    def new_document(self, lineno: int, title: str = "") -> None:
        """A title such as "客户关系管理试题及答案" starts another paper glued into the file."""
        if self.doc_title and self.item is None and not any(s.items for s in self.doc_sections()):
            return  # a subtitle under the title just read: the same paper
        if _same_title(title, self.doc_title):
            return  # the paper's title again, as a running header between its questions
        self.doc += 1
        self.titled_from = (self.doc_title, self.last_number)
        self.last_number = 0
        # (a number before the title is a page's, "1《…》模拟试题"; never a year's "2022年…")
        self.doc_title = re.sub(r"^\d+(?=\D)(?![年级級届屆])", "", title).strip()[:60]
        self.chapter_title = ""
        self.new_section("", "generic", lineno)

    def start_heading(self, heading: str, kind: str, rest: str, line: Line) -> None:
        heading = heading.strip().rstrip(":：")
        if self.mode == "key" and not rest and self.part_of_key(heading):
            return
        if self.mode == "questions" and not rest and self._heading_again_over_key(heading):
            self.start_key()  # "一、单项选择题" again after the paper, "1．A  2．C" under it: its key
        target = self.find_section(heading, kind) if self.mode == "key" else None
        if target is not None and self.key_last and self._next_part(heading):
            target = None  # "四、论述题" after part 三's own key: no key of 三's kind, the next part
        explained = target is not None and EXPLAINED_ENTRY.match(self.next_text) is not None
        if explained and id(target) in self.keyed_targets:
            self.key_explains = True  # "二、选择" again over "3．【分析】…": its questions explained
        if target is not None and id(target) in self.keyed_targets and not self.key_explains:
            target = None  # a section already keyed named again: the next paper's, after its key
        if target is not None and not rest and _named_otherwise(target, heading):
            target = None  # "问答题" after the key: a part of its own, not the key of a lone unnumbered one
        # Inside a key, a section name followed by answers (or by nothing: the answers follow on
        # the next lines) switches the key's target; anything else ends the key.
        if target is not None and (
            re.match(r"\s*(?:\d|[A-H]|答|[√×]|$)", rest) or self._find_unnumbered(heading, kind) or explained
        ):
            self.key_target = target
            self.key_part_at = self.sections.index(target)
            self.key_last = 0
            self.key_entry = None
            if self._find_unnumbered(heading, kind):
                # "四、論述題 构建…": the key of a lone unnumbered question follows its heading
                self.add_key(0, line)
            return
        if self.mode == "key" and self.part_named_again(heading, kind):
            self.key_target, self.key_entry = None, None  # (its entries keyed by their numbers)
            return  # "四、简析题（共 20 分）" in a key set out by the paper's parts: still the key
        if self.mode == "key" and any(s.items for s in self.doc_sections()):
            self.new_document(line.lineno)  # questions again after a key: the next paper's
        if self.mode == "questions" and kind != "generic" and self._numbered_chapter():
            # "1、概述" then "一、判断题": the number opened a chapter, not a question
            assert self.item is not None
            self.chapter_title, self.roles[self.item.lineno] = self.item.stem, ["heading"]
            self.item = None
        self.new_section(heading, kind, line.lineno)

    def part_of_key(self, heading: str) -> bool:
        """ "二、核技术利用辐射安全法律法规答案" in a key set out by the paper's titled parts ("第二部分
        核技术利用辐射安全法律法规"): that part's key, its entries for the sections under it. A part
        the paper does not print (a bank's slice, a chosen part) has its entries left out."""
        named = PART_KEY.match(heading)
        if named is None or self.section_kind(named.group("title")) != "generic":
            return False
        parts = {s.chapter for s in self.doc_sections() if s.items and TITLED_PART.match(s.chapter)}
        if not parts:
            return False
        title = _bare_title(named.group("title"))
        matching = [part for part in parts if title and title == _bare_title(TITLED_PART.sub("", part))]
        self.key_part = matching[0] if len(matching) == 1 else None
        self.key_elsewhere = self.key_part is None
        self.key_target, self.key_entry, self.key_last = None, None, 0
        return True

    def part_named_again(self, heading: str, kind: str) -> bool:
        """A heading in a key numbered as a part of the paper above and of its kind ("四、简析题"
        for "四、简析题（本大题共 20 分）", "（一）…选段" for "（一）阅读…选段"), after the parts
        the key has named (a key goes through the parts in turn: "一、" after its "五、" is the
        next paper's): the key follows the paper's parts, their questions under subheadings."""
        numeral = PART_NUMERAL.match(heading)
        if numeral is None:
            return False
        for at in range(self.key_part_at + 1, len(self.sections)):
            s = self.sections[at]
            named = PART_NUMERAL.match(s.heading)
            if s.doc == self.doc and s.kind == kind and named and named.group(0) == numeral.group(0):
                self.key_part_at = at
                return not self._keyed_already(at)
        return False

    def _next_part(self, heading: str) -> bool:
        """A part numbered one past the paper's last part ("四、" after "三、…" and its key's
        entries): the paper goes on. A key repeats numerals the paper has printed, never a new one."""
        numeral = SECTION_NUMERAL.match(heading)
        if numeral is None:
            return False
        printed = [
            chinese_number(m.group(1)) for s in self.doc_sections() if (m := SECTION_NUMERAL.match(s.heading))
        ]
        return bool(printed) and chinese_number(numeral.group(1)) == max(printed) + 1

    def _keyed_already(self, at: int) -> bool:
        """The first question at or under the part at `at` has a key entry: the part was keyed."""
        first = next((s.items[0] for s in self.sections[at:] if s.items), None)
        keyed = {k.number for k in self.keys if k.doc == self.doc}
        return first is not None and first.number.isdecimal() and int(first.number) in keyed

    def _numbered_chapter(self) -> bool:
        item = self.item
        return (
            item is not None
            and bool(item.number)
            and self.section.kind == "generic"  # not the last term of a 名词解释 section
            and not self.section.items
            and not (item.options or item.answer or item.extra or item.explanation)
            and 0 < len(item.stem) <= CHAPTER_MAX_CHARS
            and not (rules.QUESTION_WORDS.search(item.stem) or rules.BLANK.search(item.stem))
            and not STEM_END.search(item.stem)
        )

    def open_item(self, number: str, line: Line, bracketed: bool = False) -> None:
        """`bracketed`: numbered "(2)" or "2)" (after "3." those are its sub-questions)."""
        parent = self.item
        self.close_item()
        list_parent = self._list_parent(parent, line)
        n = int(number)
        resumes = (
            self.nested is not None
            and n == self.nested[1]
            and (n != self.expected or self._unbrackets(bracketed))
        ) or (
            # "37．（15分）" after "32．" "（1）"-"（3）": past a gap, as a scored question may be
            self.nested is not None
            and n > self.nested[1]
            and boundaries.SCORED_LINE.match(line.text) is not None
        )
        # ("二、（15分）" over its problem's text, unnumbered, then "1." "2.": the problem's parts)
        lone_problem = parent is not None and parent.problem and not parent.number
        if (
            n == 1
            and parent is not None
            and list_parent is None  # (a Markdown list nests its parts itself)
            and (
                self.expected > 2 or (bracketed and not parent.bracketed) or lone_problem
            )  # ("1." then "(1)")
            and not (self.nested and parent.bracketed)  # (its parts numbered again)
            and (parent.number or lone_problem)
            and parent.stem
            and not (parent.options or parent.answer)
        ):
            # "46.改写以下程序" then "1. #include…": its own list? (a lone problem's parts run to
            # the part's end: no number of the paper's resumes inside it)
            self.nested = (parent, NEVER if lone_problem else self.expected)
        elif resumes:
            self._fold_nested()  # "47." after "12.": the run from 1 was a listing inside question 46
        self.numbered_items += 1
        self.heading_items += bool(line.heading)
        self.expected = int(number) + 1
        self.last_number = int(number)
        if not bracketed and self.section.kind != "case":
            self._read_passage(n)
        self.item = Item(number=number, lineno=line.lineno, section=self.section, material=self.material)
        self.item.bracketed = bracketed
        self.item.mark, self.leading_mark = self.leading_mark, None
        self.item.answer, self.leading_key = self.leading_key, None
        self.item.depth = line.depth
        self.item.bold = self.line_bold
        if list_parent is not None:
            stem = WHOLLY_BOLD.sub(r"\1", list_parent.stem.strip())  # (the marks that set it apart)
            told = join(stem, "\n".join(list_parent.extra), "\n")
            self.item.material, self.item.parent = join(told, self.item.material, "\n"), list_parent
        self.item.headed = line.heading
        self.item.attach_images(line)

    def _list_parent(self, parent: Item | None, line: Line) -> Item | None:
        """In Markdown notes that set each question as a bold list item, bold items nested in one
        ("1. **試回答下列問題：**" over "\t1. **試定義…。**" "\t1. **試列出…。**") are its parts:
        its text is their material, and it is no question of its own."""
        if self.list_parent is not None and line.depth > self.list_parent.depth:
            return self.list_parent
        self.list_parent = None
        if parent is None or not (self.line_bold and parent.bold and line.depth > parent.depth > 0):
            return None
        if parent.options:
            return None
        parent.section.drop({id(parent)})
        self.roles[parent.lineno] = ["material"]
        self.list_parent = parent
        return parent

    def _read_passage(self, number: int) -> None:
        """A passage read since the last question, serving this one, is its material and the
        material of those after it that it serves (see passages.py)."""
        section = self.section
        since = section.items[-1].lineno if section.items else section.lineno
        start = len(section.loose)
        while start and section.loose[start - 1].lineno > since:
            start -= 1  # (only the lines since the last question: never the whole part again)
        # (a block quote under a question is its note, never the next one's passage)
        loose = [(ln.lineno, ln.text) for ln in section.loose[start:] if not (ln.quote and section.items)]
        passage = passages.find_passage(loose, number) if loose else None
        if passage is not None:
            read = set(passage.lines)
            section.loose[start:] = [ln for ln in section.loose[start:] if ln.lineno not in read]
            self.roles.update({lineno: ["material"] for lineno in read})
        elif section.items and len(section.items[-1].options) >= 2:
            passage = self._passage_under(section.items[-1], number)
        if passage is not None:
            self.passage = passage
            self.material = passage.text
        elif self.passage is not None and (not self.passage.serves(number) or number == 1):
            self.passage, self.material = None, ""  # (past its questions, or a new set begins)

    @staticmethod
    def _passage_under(above: Item, number: int) -> passages.Passage | None:
        """The next passage, read under the options of the question before ("…20. (A) …" then
        the text of blanks 21-25), as lines no field took or as a note with no key to explain."""
        unkeyed_note = (above.explanation or "").split("\n") if above.answer is None else []
        for texts in (above.extra, unkeyed_note):
            if sum(len(text) for text in texts) < passages.PASSAGE_MIN:
                continue  # (the hot path: most questions have nothing under their options)
            passage = passages.find_passage([(0, text) for text in texts if text.strip()], number)
            if passage is not None:
                if texts is above.extra:
                    above.extra = []
                else:
                    above.explanation = None
                return passage
        return None

    def _unbrackets(self, bracketed: bool) -> bool:
        """ "3." after "(1)" "(2)" under "2.": the main numbering again, though 3 follows 2."""
        assert self.nested is not None
        last = self.section.items[-1] if self.section.items else None
        return not bracketed and last is not None and last.bracketed and last is not self.nested[0]

    def _fold_nested(self) -> None:
        assert self.nested is not None
        parent, _ = self.nested
        self.nested = None
        items = self.section.items
        start = next(i for i, item in enumerate(items) if item is parent) + 1
        if self._conditions_then_questions(parent, items[start:]):
            return
        children = items[start:]
        if _answered_by_its_numbers(children):
            parent.answer, children[-1].answer = children[-1].answer, None
            self._into_stem(parent, children)  # "…的顺序是：" "（1）…" "（2）…" "Answer: (2) (1)"
            return
        if _lists_its_points(parent, children):
            self._into_answer(parent, children)
            return
        if _filled_statements(parent, children):
            self._into_stem(parent, children)  # "…三道防线的组成：" over "(1)第一道防线：__皮肤__…"
            return
        if children and (all(_asks(child) for child in children) or _names_parts(parent, children)):
            self._parent_as_material(parent, children)  # "3.某客户投诉三次。" "(1)如何安抚？" "(2)…"
            return
        if _answers_in_points(parent, children):
            self._into_answer(parent, children)  # "5.…空间的优点" "(1)Y和C1独立，…。" "(2)…。"
            return
        if _answered_together(children):
            parent.answer, children[-1].answer = children[-1].answer, None
            self._into_stem(parent, children)  # "请…转换。" "(1)…" "(2)…" then "**解**" "(1)…" "(2)…"
            return
        if any(child.answer or child.options or HAS_CJK.search(child.stem) for child in children):
            return  # sub-questions, or a part printed without its heading: questions of their own
        if HAS_CJK.search(parent.stem):
            self._into_stem(parent, children)

    def _into_stem(self, parent: Item, children: list[Item]) -> None:
        """The numbered lines were a listing in the parent's text (its conditions, its program)."""
        parent.stem = join(parent.stem, "\n".join(_numbered_lines(children, " ")), "\n")
        self._fold(parent, children, "stem")

    def _into_answer(self, parent: Item, children: list[Item]) -> None:
        """The numbered lines were the points of the parent's answer."""
        parent.answer = "\n".join(_numbered_lines(children, ""))
        parent.slot = "answer"
        self._fold(parent, children, "answer")

    def _fold(self, parent: Item, children: list[Item], role: str) -> None:
        for child in children:
            self.roles[child.lineno] = [role]
        parent.section.drop({id(child) for child in children})
        self.numbered_items -= len(children)

    def _conditions_then_questions(self, parent: Item, children: list[Item]) -> bool:
        """ "35.某商场开展优惠活动：" "(1)不超过200元，不予折扣；" "(2)…" then "(1)…多少元？"
        "(2)…？": a run that states, then one numbered again from 1 that asks. The first run is
        the problem's conditions, in its text; the second its sub-questions."""
        restart = next((i for i, child in enumerate(children) if i and child.number == "1"), None)
        if restart is None or any(child.number == "1" for child in children[restart + 1 :]):
            return False
        conditions, questions = children[:restart], children[restart:]
        if not all(map(_states_nothing_to_answer, conditions)) or not all(map(_asks, questions)):
            return False
        self._into_stem(parent, conditions)
        self._parent_as_material(parent, questions)
        return True

    def end_parts(self) -> None:
        """At a part's end, a question's bracketed run its stem named ("…下列算法…是多少？" then
        "（1）FCFS" "（2）SCAN"), or a run that asks, is its sub-questions, the stem their material."""
        if self.nested is None:
            return
        parent, _ = self.nested
        self.nested = None
        items = parent.section.items
        at = next((i for i, item in enumerate(items) if item is parent), None)
        if at is None:
            return
        run = _run_numbered_alike(items[at + 1 :])  # (not the set numbered "1、" anew after it)
        if _lists_its_points(parent, run):
            self._into_answer(parent, run)
            return
        if self._conditions_then_questions(parent, items[at + 1 :]):
            return
        children = items[at + 1 :]
        lone_problem = parent.problem and not parent.number  # (its parts, asking or telling what to do)
        if _names_parts(parent, children) or (children and (lone_problem or all(map(_asks, children)))):
            self._parent_as_material(parent, children)  # (as mid-part: "已知…。" "（1）画出…" "（2）写出…")

    def _parent_as_material(self, parent: Item, children: list[Item]) -> None:
        """A numbered question whose sub-questions ask, itself asking nothing it could be keyed
        for: its text is their shared material (a case study's), not a question of its own."""
        told = "\n".join([parent.stem, *parent.extra])
        # ("设有如下一组推理规则:" over the rules and "且已知…。": givens asking nothing, then parts
        # "（1）画出…" "（2）求…" that each ask: the givens are theirs)
        givens = not rules.asks_in_words(told) and all(child.bracketed and _asks(child) for child in children)
        reads = rules.READS_MATERIAL.search(told) is not None or givens or _asks_for_parts(parent)
        answered = parent.options or parent.answer or parent.answered_by_trainee  # (a question itself)
        if answered or (parent.extra and not reads) or parent.material:
            return
        material = join(parent.stem, "\n".join(parent.extra), "\n")  # (the texts it told to read)
        asks = rules.QUESTION_WORDS.search(material) and not material.rstrip().endswith((":", "："))
        if asks and not reads and not _names_parts(parent, children):
            return  # "3.简述…？" then "(1)…？": it asks too, a question of its own
        for child in children:
            child.material = join(material, child.material, "\n")
            child.parent = parent  # (a key printed for the parent's number is shared out later)
        last = children[-1]
        if last.answer and all(child.answer is None for child in children[:-1]):
            answers = split_enumerated(last.answer, len(children))  # "答：(1)A (2)B" under the last
            if len(answers) == len(children) and all(answers):
                for child, answer in zip(children, answers, strict=True):
                    child.answer = answer
        parent.section.drop({id(parent)})
        self.roles[parent.lineno] = ["material"]

    def split_unnumbered(self, line: Line) -> None:
        """Options under a line that followed a finished stem belong to that line: a question
        whose number the scraper lost ("19.简述…。" / "CIC…,包括" / "A.…")."""
        assert self.item is not None
        stem = self.item.extra.pop()
        self.close_item()
        self.item = Item(
            number="", lineno=line.lineno, section=self.section, stem=stem, material=self.material
        )

    def open_case_questions(self) -> None:
        item = self.item
        told = item is not None and not (item.answer or item.options) and _tells_a_story(item)
        numbered = item.number if item is not None and told and item.number.isdecimal() else ""
        if item is not None and (not item.number or told):
            # (a numbered question with nothing under it, then "问题 1：": the story its parts ask about)
            self.material = join(item.stem, "\n".join(item.extra), "\n")
            self.item = None
            if item.number:
                self.roles[item.lineno] = ["material"]
            above = self.section.items[-1] if self.section.items else None
            if above is not None and POINTS_BACK.search(self.material) and _unnumbered_text(above):
                # "请根据以上材料…回答" read apart from the story above it: the story is the material too
                self.material = join(join(above.stem, "\n".join(above.extra), "\n"), self.material, "\n")
                self.section.items.pop()
                self.roles[above.lineno] = ["material"]
        self.case_open = True
        self.expected = 1
        printed = rules.STORY_NUMBER.match(self.material)
        self.case_number = int(numbered or (printed.group(1) if printed else 0))

    def add_key(self, number: int, line: Line) -> KeyEntry:
        self.key_entry = KeyEntry(number, line.lineno, self.key_target, self.doc, explains=self.key_explains)
        self.keep_key(self.key_entry)
        self.keyed_numbers[(id(self.key_target), number)] += 1
        self.key_last = number
        return self.key_entry

    def keep_key(self, entry: KeyEntry) -> None:
        if self.key_elsewhere and self.mode == "key":
            return  # (the key of a part not printed here)
        self.keys.append(entry)
        self.keyed_targets.add(id(entry.target))

    def add_bare_key(self, text: str, line: Line) -> None:
        """ "参考答案" then "A" "B" "C" a line each: the questions' keys in order. No entry stays
        open, so the next bare line is the next key."""
        self.key_last += 1
        entry = KeyEntry(self.key_last, line.lineno, self.key_target, self.doc, text, in_order=True)
        self.keep_key(entry)
        self.keyed_numbers[(id(self.key_target), self.key_last)] += 1

    def start_key(self) -> None:
        self.close_item()
        self.end_parts()
        self._title_over_key()
        self.mode = "key"
        self.key_explains = False
        self.key_part_at = -1  # the last of the paper's parts the key has named (part_named_again)
        self.key_part, self.key_elsewhere = None, False
        self.sets_asked.clear()
        self.key_target = None
        self.key_entry = None
        self.key_last = 0

    def start_explanations(self) -> None:
        """ "…试题——选择题部分解析" after the paper and its key: the explanations of its questions,
        numbered and set out by its parts as a key is."""
        self.start_key()
        self.key_explains = True

    def _title_over_key(self) -> None:
        """The paper's title printed again over its key ("2022年…考试 / 生物 / 参考答案"): a paper
        with no question yet is the key's page of the paper above, unless that one has its key."""
        if (
            self.titled_from is None
            or any(s.items for s in self.doc_sections())
            or any(k.doc == self.doc - 1 for k in self.keys)
        ):
            return
        self.doc -= 1
        self.doc_title, self.last_number = self.titled_from
        self.titled_from = None
        moved = self.section
        self.by_doc[moved.doc] = [s for s in self.by_doc.get(moved.doc, []) if s is not moved]
        moved.doc = self.doc
        self.by_doc.setdefault(self.doc, []).append(moved)

    # ---- lookups -------------------------------------------------------------------------
    def doc_sections(self) -> list[Section]:
        """The sections of the paper being read (a lookup per heading: a scan of every section of
        a file of many papers, at every heading, grew with the square of its length)."""
        return self.by_doc.get(self.doc, [])

    def asked(self, title: str) -> bool:
        """A part of the type `title` names ("选择题答案": a 单选题 part) holds questions already;
        open questions by the same word (名词解释 and 问答题 are both open, and keyed apart)."""
        word = re.search(rules.SECTION_WORDS, title)
        if word is None:
            return False
        kind = self.section_kind(word.group(0))
        open_in = self.item.section if self.item is not None else None
        return any(
            (s.kind == kind if kind in ANSWERED_BY_KIND else word.group(0) in s.heading)
            and (s.items or s is open_in)
            for s in self.doc_sections()
        )

    @staticmethod
    def section_kind(title: str) -> str:
        for words, kind in rules.SECTION_KINDS:
            if re.search(words, title):
                return kind
        return "short" if OPEN_PART.fullmatch(title.strip()) else "generic"

    def _heading_again_over_key(self, heading: str) -> bool:
        """A part's heading printed a second time with nothing but key entries under it."""
        if not KEY_ENTRIES_LINE.match(self.next_text):
            return False
        return any(
            s.items and _norm_heading(s.heading) == _norm_heading(heading) for s in self.doc_sections()
        )

    def find_section(self, heading: str, kind: str) -> Section | None:
        candidates = [s for s in self.doc_sections() if s.items and self.key_part in (None, s.chapter)]
        for s in candidates:
            if _norm_heading(s.heading) == _norm_heading(heading):
                return s
        same_kind = [s for s in candidates if s.kind == kind]
        if len(same_kind) == 1:
            return same_kind[0]
        if not same_kind and len(candidates) == 1 and not candidates[0].heading:
            # questions printed under no heading, keyed under "一、选择题": theirs if they are choices
            only = candidates[0]
            choices = sum(1 for item in only.items if item.options) * 2 >= len(only.items)
            return only if choices == (kind in CHOICE_KINDS) else None
        # "四、程序填空题" in a key for "四、读程填空": the key repeats the paper's numerals
        numeral = SECTION_NUMERAL.match(heading)
        same_numeral = [
            s
            for s in same_kind
            if numeral and (m := SECTION_NUMERAL.match(s.heading)) and m.group(1) == numeral.group(1)
        ]
        return same_numeral[0] if len(same_numeral) == 1 else None

    def _find_unnumbered(self, heading: str, kind: str) -> bool:
        target = self.find_section(heading, kind)
        return target is not None and len(target.items) == 1 and not target.items[0].number

    def chapter_section(self, label: str) -> Section | None:
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


CHAPTER_MAX_CHARS = 16
WRAPPED_MIN = 24  # characters: a term to explain is shorter, a wrapped paragraph's line longer
# "1．A  2．C", "3．AB", "1-5 ABCDA", "6．√ 7．×": a line of nothing but key entries
KEY_ENTRIES_LINE = re.compile(
    rf"^\s*(?:(?:\d{{1,3}}\s*[-~～—–]\s*)?\d{{1,3}}\s*[.、．:：]?\s*(?:[A-H]{{1,8}}|[{rules.MARKS}]+)\s*[,，;；]?\s*)+$"
)


# "二、核技术利用辐射安全法律法规答案", "第一部分 基础知识参考答案": the key of a titled part
PART_KEY = re.compile(
    rf"^\s*(?:[{rules.CN_NUM}]{{1,3}}\s*[、.．]|第[{rules.CN_NUM}\d]{{1,3}}部分)?\s*(?P<title>\S.*?)"
    r"\s*(?:参考|參考)?答案\s*(?:[(（][^)）]*[)）]?)?$"  # (a note after it, "（本部分共…）", cut or whole)
)
TITLED_PART = re.compile(rf"^\s*第[{rules.CN_NUM}\d]{{1,3}}(?:部分|篇|编|編)\s*")


def _bare_title(title: str) -> str:
    return re.sub(r"[\s\W_]+", "", title)


def _norm_heading(heading: str) -> str:
    """A part's heading without its numeral, points note and spaces ("一、单选题（每题2分）" → 单选题)."""
    return re.sub(r"\s", "", rules.SCORE_NOTE.sub("", re.sub(rf"^[{rules.CN_NUM}]+\s*[、.．]", "", heading)))


SECTION_NUMERAL = re.compile(rf"^\s*([{rules.CN_NUM}]{{1,3}})\s*[、.．]")
PART_NUMERAL = re.compile(rf"^\s*(?:[{rules.CN_NUM}]{{1,3}}\s*[、.．]|[(（][{rules.CN_NUM}]{{1,3}}[)）])")
CODE_SLOTS = ("stem", "answer", "explanation")
TASK_TERMS = re.compile(r"输入|输出|格式|示例|样例|提示|要求|原型|原形|运行|打印")
CODE_MARKS = re.compile(r"[;{}]|//|/\*|#\s*include")  # (a program's line with a Chinese comment or string)
# "输入输出的形式如下:", "运行效果如下：", "样例：": a sample run follows, to the next task
SAMPLE_RUN = re.compile(
    r"(?:形式|格式|输出|输入|结果|效果|样例|示例)[^\n]{0,6}如下\s*[:：]\s*$|(?:样例|示例)\s*[:：]\s*$", re.M
)
LETTERED_REQUIREMENT = re.compile(r"\s*[a-h]\s*[.、．)）]")
COLON_LINE = re.compile(r"[:：]\s*$", re.MULTILINE)
ANSWER_SENTENCE = 40  # characters of a line of clauses that answers, whatever words it uses
CLAUSES = re.compile(r"[，,；;]")
KEY_ONLY = re.compile(r"\s*[A-H](?:[\s,，、]*[A-H]){0,7}\s*")
POINTS_ONLY = re.compile(r"\s*(?:[【\[][^】\]]{1,30}[】\]]\s*)?(?:[(（]\s*\d{1,2}\s*分\s*[)）])?\s*")
NUMBER_IN_CODE = re.compile(r"\s*(\d{1,3})\s*[.．、](?!\d)")
MARKER_IN_CODE = re.compile(r"\s*(?:[A-H][.．、:：)）]|[(（][A-H][)）]|(?:正确)?答案|解析|【)")
# "参考答案：21" closing the block a blank's question printed its program in: the answer at last
LABELLED_IN_CODE = re.compile(r"\s*(?:参考答案|參考答案|标准答案|標準答案)\s*[:：]\s*(?=\S)")
BLANK_ENDS = re.compile(r"(?:_{3,}|＿{3,})\s*$")  # a blank the question ends on, its answer below
CONDITION = re.compile(r"\s*(?:[(（]\s?\d{1,2}\s?[)）]|\d{1,2}[)）])")
PROSE = re.compile(rf"[{rules.CJK}]{{4}}")  # words, not a matrix or a formula
POINT_ONE = re.compile(r"^\s*1\s*[.、．](?!\d)")
POINT = re.compile(r"\s*\d{1,2}\s*[.、．](?!\d)")
CIRCLED_POINT = re.compile(rf"\s*[{rules.CIRCLED}]")
BARE_KEY = re.compile(rf"[A-H]{{1,8}}|[{rules.MARKS}]")
MARKUP_ONLY = re.compile(r"[*_#]+")
BOLD_ONLY = re.compile(r"\*\*[^*]+\*\*\s*[:：]?")  # "**…几个比特**：" (its answer on the next line)
# "请手写…函数", "封装一个…方法", "编写一个…程序": asks for code, which a block under it is
WRITE_CODE = re.compile(
    r"\s*(?:请|請|试|試)?\s*(?:手写|手寫|写出|寫出|写一个|寫一個|编写|編寫|封装|封裝|实现|實現)"
    r"[^。；;\n]{0,30}?(?:函数|函數|方法|代码|代碼|程序|程式|类|類|接口)"
)
ANNOUNCED = re.compile(r"[:：]\s*(?:\*\*)?\s*$")  # "**类 ABC 定义如下：**": what follows is the question's
HAS_CJK = rules.HAS_CJK  # numbered lines without any are a program's, in a Chinese paper


def segment(
    lines: list[Line],
    on_progress: Callable[[float], None] | None = None,
    furniture: frozenset[int] = frozenset(),
) -> Segmented:
    """`on_progress` gets the share of lines read so far, every PROGRESS_LINES lines: the
    longest stage of a big paper, so a worker can show that it is moving. `furniture`: the
    numbers of the lines the cleaning dropped (a line cut at the page's width goes on past them)."""
    seg = Segmenter()
    seg.wrap_width = wrap_width(lines)
    seg.line_ceiling = line_ceiling(lines)
    runs = wrapped_runs(lines, seg.wrap_width, boundaries.BOUNDARY, furniture)
    lines = [whole(run) for run in runs]
    # (a line read whole continues on the next one only if its last cut part reached the width)
    seg.full_lines = {
        id(line) for line, run in zip(lines, runs, strict=True) if reaches_width(run[-1], seg.wrap_width)
    }
    seg.bold_heads = bold_heads_questions(lines)
    seg.inner_points = inner_point_lines(lines)
    seg.tagged_lines = sum(1 for line in lines if TAG_OPENING.match(line.text))
    seg.case_labels = (
        sum(
            1
            for line in lines
            if ("问题" in line.text or "問題" in line.text) and rules.CASE_PART.match(line.text)
        )
        >= 2
    )
    for n, line in enumerate(lines, start=1):
        seg.next_text = lines[n].text if n < len(lines) else ""
        seg.after_next = lines[n + 1].text if n + 1 < len(lines) else ""
        seg.next_depth = lines[n].depth if n < len(lines) else 0
        seg.feed(line)
        if on_progress is not None and n % PROGRESS_LINES == 0:
            on_progress(n / len(lines))
    seg.close_item()
    seg.end_parts()
    for section in seg.sections:
        seg.numbered_items -= answer_parts_asked_again(section.items, seg.roles)
    return Segmented(sections=seg.sections, keys=seg.keys, numbered_items=seg.numbered_items, roles=seg.roles)


def _same_title(title: str, doc_title: str) -> bool:
    bare = re.sub(r"\W", "", title)
    return bool(bare) and bare == re.sub(r"\W", "", doc_title)


def _key_subheading(entry_text: str, text: str) -> bool:
    """ "Day2" or "B篇：" on the line after an entry "15.C": a label of the key's next run, not
    more of that entry's answer."""
    return (
        bool(re.fullmatch(r"\s*[A-H]{1,8}\s*", entry_text))
        and rules.KEY_RUN_LABEL.fullmatch(text.strip()) is not None
    )
