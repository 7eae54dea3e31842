"""Notes whose headings ask and whose text under each heading is its answer.

Review notes kept in Markdown (简答题, 面试题, 复习题) give each question its own heading
("## 何为脱机I/O？", "## 简述冯.诺依曼计算机的工作原理") and write the answer below it as
prose, lists, numbered points or pictures, up to the next heading. Nothing marks the answer, and
its numbered points look like numbered questions: read line by line, such a file comes out as
its answer points. So the shape of the whole document decides: when most headings with text
under them ask, and that text holds no options, each asking heading is a question and all
under it, to the next heading, its answer. A heading that asks nothing heads the questions
below it, except under a part that names an open type ("【简答6*5'=30'】", "计算题", "## 论述题"):
there every heading names a question, however briefly ("## 计算机网络定义"). Interview banks
ask the same way with a bullet ("- 什么是多态？") over answer paragraphs ("答：…"): a bullet that
asks with prose, not more bullets, under it heads its answer too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from . import rules
from .blocks import join
from .classify import NO_ANSWER, untagged_statement, verdict_and_reason
from .model import Line, ParsedQuestion
from .segment import Segmenter

MIN_QUESTIONS = 3
BLOCKS_SHARE = 0.5  # of the text lines, those the headings and their bodies must hold
# Of the headings with text under them, the share that must ask (the rest are topics).
ASKING_SHARE = 0.7
# Imperatives that ask without a question mark: "试说明…", "讨论…", "画出…", "比较…".
ASKS = re.compile(
    rf"{rules.QUESTION_WORDS.pattern}|^(?:试|試|请(?!求)|請(?!求))|讨论|討論|比较|比較|画出|畫出|列举|列舉|解释|解釋|概述|描述|区别|區別"
    r"|指出|写出|寫出|列出"
)
# "三次握手的过程", "TCP的特点": a topic an answer explains (a note's heading that asks by its noun).
TOPIC_END = re.compile(rf"(?:{rules.TOPIC_WORDS}|的理解)\s*[:：]?\s*$")
# "A. 上帝", "(B) 对手", and a task list's "[x] 上帝": options, so a quiz's headings, not notes
OPTION_LINE = re.compile(r"^\s*(?:[(（]?[A-Ha-h][)）]?\s*[.、．:：)）]|\[[ xX✓√]\])")
NUMBER = re.compile(
    r"^\s*(?:Q\s*)?(?:\d{1,4}(?:[.．]\d{1,3})+\s+|(?:\d{1,4}|[一二三四五六七八九十]{1,3})\s*[.、．:：)）]\s*(?!\d)"
    r"|\d{1,3}\s+(?=[^\d\s])|第\s*\d{1,4}\s*[题題]\s*[.、．:：]?\s*)"
)  # "1、", "Q1:", "2.3 " (a section's number, whole), "- 2 软件的特点…" (a list's bare number), "第1题 "
# A heading's own number: those, or "（1）. " (in a body, "（1）" numbers points of an answer)
HEADING_NUMBER = re.compile(rf"{NUMBER.pattern}|^\s*[(（]\s*\d{{1,3}}\s*[)）]\s*[.、．:：]?\s*")
# A paragraph wholly in bold that asks ("**什么是进程？**") heads its answer as a heading would.
BOLD_LINE = re.compile(r"\*\*[^*]+\*\*")
EMPHASIS = re.compile(r"\*\*")
# "__重要__" set off from the words around it is emphasis; "为__文件" (glued to words, as CommonMark
# reads it) and "r:__; w:__" (words not inside) are a fill's blanks
UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)__(?=\w)([^_]*?)(?<=\w)__(?!\w)")
# "答：" / "参考答案：" opening the answer is its label, not its text.
ANSWER_LABEL = re.compile(r"^\s*(?:(?:答|答案|参考答案|參考答案)\s*[:：]|【(?:答案|参考答案|參考答案)】)\s*")
# "【参考资料】：《Effective C++》条款9": where the answer came from, kept as its explanation.
SOURCES = re.compile(
    r"^\s*[【\[]?(?:参考资料|參考資料|参考文献|參考文獻|参考链接|資料來源|资料来源|出处|出處)[】\]]?\s*[:：]"
)

# "名词解释汇总", "简答题整理": a collection of one type (a notes file's title names it so)
COLLECTED = r"(?:汇总|彙總|整理|列举|列舉|大全|合集|集锦|集錦|总结|總結|复习|復習|精选|精選)"
# A line naming a part and nothing but its points: "【简答6*5'=30'】", "计算题4*5'=20'",
# "二、论述题（共20分）"
PART = re.compile(
    rf"^\s*[【\[]?\s*(?:[{rules.CN_NUM}]{{1,3}}\s*[、.．]\s*|[(（][{rules.CN_NUM}]{{1,3}}[)）]\s*)?"
    rf"(?P<kind>{rules.SECTION_WORDS}|(?:{rules.OPEN_PART_WORDS})(?!\s*[:：]))[题題]?{COLLECTED}?"
    r"\s*(?:[\d\s*×xX'′’=＝+.分()（）,，;；共每题題小]*)[】\]]?\s*[:：]?\s*$"
)
OPEN_KINDS = ("short", "case")
# A title naming the notes a set of questions to answer: interview questions, guessed exam ones
QUESTIONS_TITLE = re.compile(r"面试题|面試題|猜题|猜題|押题|押題|问答题|問答題|面试宝典|面試寶典")
# A heading that only names the field ("### 1. 题目", "### Question 3"): the question is the text
# under it, up to its answer's label
FIELD_ONLY = re.compile(
    r"(?:题目|題目|题干|題幹|试题|試題|问题|問題|Question|Problem)\s*\d{0,3}\s*[:：]?", re.I
)
KEY_HEADING = re.compile(r"(?:参考|參考|标准|標準)?答案(?:及解析|与解析|解析)?\s*$")
# Nothing but question marks where the answer goes: the note-taker did not know it yet.
NO_ANSWER_YET = re.compile(r"^[?？\s]+$")
# "P19 计算机网络是…": the textbook page an answer was copied from, not its text
PAGE_BEFORE = re.compile(r"^\s*P\s*\d{1,4}(?:\s*[-~—–]\s*\d{1,4})?(?:\s+|$)")


@dataclass
class Block:
    heading: Line
    body: list[Line]
    open_part: bool  # under a part that names an open type: every heading there asks
    over_subheadings: bool  # nothing under it but deeper headings: it heads those
    topic: bool = False  # a bold bullet over deeper points ("- **接口的意义**"): asks only as a sibling

    @property
    def level(self) -> tuple[str, int]:
        """What kind of line heads it: a heading of level n, or a bold bullet at depth n."""
        line = self.heading
        return ("heading", line.heading) if line.heading else ("bold", line.depth)


def looks_like_heading_pairs(lines: list[Line]) -> bool:
    if not any(line.heading or line.bullet or line.text.startswith(("**", "【", "[")) for line in lines):
        return False  # (plain text of numbered questions, the usual case: no heading to pair)
    listed = _lists_questions(lines)
    blocks = _paired_blocks(lines, listed)
    held = sum(1 + len(block.body) for block in blocks)
    if held < BLOCKS_SHARE * sum(1 for line in lines if line.text.strip()):
        return False  # most of the paper above the first heading: one problem's ("Sample Input:")
    asking, with_text = _asking_blocks(blocks, listed)
    if len(asking) < MIN_QUESTIONS or len(asking) < ASKING_SHARE * len(with_text):
        return False
    # "## 一、名词解释" over "1、管理的含义" / "答：…": the text numbers its own questions and
    # answers them; the headings are its parts
    answered_below = sum(_answered_numbered(block.body) for block in with_text)
    return answered_below < len(asking)


def parse_heading_pairs(
    lines: list[Line],
    roles: dict[int, list[str]],
    read_numbered: Callable[[list[Line]], list[ParsedQuestion]],
) -> list[ParsedQuestion]:
    """The questions, each line's role written into `roles` (for coverage and --explain). A part
    whose text numbers its own questions ("## 填空题" over "1、**过程**是…" in notes whose other
    parts ask by heading) is read by `read_numbered`, the line reader."""
    questions: list[ParsedQuestion] = []
    section = ""
    blocks = _paired_blocks(lines, _lists_questions(lines))
    level = _question_level(blocks)
    keys_read: set[int] = set()
    material = ""  # "##### 建表：" and its code: what the numbered questions below work on
    for at, block in enumerate(blocks):
        heading, body = block.heading, block.body
        if id(block) in keys_read:
            continue
        if _sets_up(block, blocks[at + 1 : at + 2]):
            material = "\n".join(line.text for line in body).strip()
            roles[heading.lineno] = ["heading"]
            for line in body:
                roles[line.lineno] = ["material"]
            continue
        sibling = block.level == level and bool(body) and not block.over_subheadings
        heads_others = block.over_subheadings and not body  # ("## 数据分析师SQL面试宝典" over "### 题目1")
        if (
            heads_others
            or PART.match(heading.text)
            or not (_heads_answer(block) or (sibling and not _chapter(heading)))
        ):
            section, material = _plain(heading.text), ""
            roles[heading.lineno] = ["heading"]
            if _numbers_questions(body):
                # "### 参考答案" and its table right under the part: the part's key, read with it
                key = next(iter(blocks[at + 1 : at + 2]), None)
                key_lines: list[Line] = []
                if key is not None and KEY_HEADING.search(key.heading.text) and not _asks(key.heading):
                    keys_read.add(id(key))
                    key_lines = [key.heading, *key.body]
                questions.extend(read_numbered([heading, *body, *key_lines]))
            continue
        roles[heading.lineno] = ["question", "stem"]
        for line in body:
            roles[line.lineno] = ["answer"]
        stem = _question_text(heading)
        program: list[Line] = []  # the stem's lines of code (their brackets ask nothing)
        if not stem or FIELD_ONLY.fullmatch(stem):  # "### 1. 题目" over the question, then "答案：…"
            cut = next((k for k, line in enumerate(body) if ANSWER_LABEL.match(line.text)), len(body))
            asked, body = body[:cut], body[cut:]
            stem = "\n".join(text for text in map(_answer_text, asked) if text) or stem
            program = [line for line in asked if line.code]
            for line in asked:
                roles[line.lineno] = ["stem"]
        elif (labelled := _key_label_below(body)) is not None:
            # "每个读操作返回什么值？" over its data, then "答案："
            stem = "\n".join([stem, *filter(None, map(_answer_text, body[:labelled]))])
            program = [line for line in body[:labelled] if line.code]
            for line in body[:labelled]:
                roles[line.lineno] = ["stem"]
            body = body[labelled:]
        pictured = rules.pictures_asked_about(stem, [line.text for line in body])
        if pictured:
            stem = "\n".join([stem, *(line.text.strip() for line in body[:pictured])])
            for line in body[:pictured]:
                roles[line.lineno] = ["stem"]
            body = body[pictured:]
        notes = _quoted_notes(body)  # "> **说明**：…" under the answer: why, not more of it
        body, noted = body[: len(body) - len(notes)], "\n".join(filter(None, map(_answer_text, notes)))
        for line in notes:
            roles[line.lineno] = ["explanation"]
        texts = [_answer_text(line) for line in body if line.text.strip() and not SOURCES.match(line.text)]
        answer = ANSWER_LABEL.sub("", "\n".join(text for text in texts if text)) or None
        if answer is not None and NO_ANSWER_YET.match(answer):
            answer = None
        sources = "\n".join(_plain(line.text) for line in body if SOURCES.match(line.text))
        sources = join(NOTE_LABEL.sub("", noted, count=1), sources, "\n")
        if not stem.strip() and answer is None:
            roles[heading.lineno] = ["dropped"]  # a bare "15." over nothing: a number left unfilled
            continue
        q = ParsedQuestion(type="short", stem=stem, answer=answer, section=section, explanation=sources)
        q.material = material
        q.lineno = heading.lineno
        q.number = _number(heading)
        statement = untagged_statement(stem)
        if statement is not None:  # "<summary>True or False? A branch is…</summary>" over "True"
            verdict, reason = verdict_and_reason(answer) if answer else (None, "")
            q.type, q.stem, q.answer = "truefalse", statement, verdict
            q.explanation = join(reason if verdict is not None else answer or "", sources, "\n")
        elif rules.BLANK.search(_without(stem, program)):  # a blank to fill: one answer a blank
            q.type = "fill"
            parts = answer.split() if answer else []
            blanks = len(rules.BLANK_RUN.findall(stem))
            q.answer = parts if blanks > 1 and len(parts) == blanks else [answer] if answer else None
        if q.answer is None:
            q.warnings.append(NO_ANSWER)
        questions.append(q)
    return questions


def _sets_up(block: Block, following: list[Block]) -> bool:
    """ "建表：", "数据准备" over the tables' code, numbered questions after it: not a question but
    what they are asked about (SQL exercise sets print their schema so)."""
    text = _question_text(block.heading)
    if not block.body or _number(block.heading) or _asks(block.heading):
        return False
    if not (SETUP.search(text) or text.endswith((":", "："))):
        return False
    return bool(following) and bool(_number(following[0].heading)) and _asks(following[0].heading)


SETUP = re.compile(r"建表|数据准备|准备数据|表结构|测试数据|初始化数据|数据表|已知条件|背景资料|材料")


# "答案：", "参考答案：" opening a line: the key's label (a bare "答：" may close a worked answer)
KEY_LABEL = re.compile(r"^\s*(?:(?:答案|参考答案|參考答案)\s*[:：]|【(?:答案|参考答案|參考答案)】)")
WORKED = re.compile(r"^\s*(?:解|解答|证明|證明)\s*[:：]")


def _key_label_below(body: list[Line]) -> int | None:
    """Where the key's label opens a line under lines of the question's own (its data, a program),
    none of them a worked solution's "解：": the lines above it are the question's. A bare "答："
    is such a label under a program alone ("说出执行结果" over its code, then "答：10。")."""
    cut = next((k for k, line in enumerate(body) if KEY_LABEL.match(_plain(line.text))), None)
    if cut is None:
        cut = next((k for k, line in enumerate(body) if not line.code), None)
        cut = cut if cut is not None and BARE_ANSWER_LABEL.match(_plain(body[cut].text)) else None
    if not cut or any(WORKED.match(_plain(line.text)) for line in body[:cut]):
        return None
    return cut


BARE_ANSWER_LABEL = re.compile(r"^\s*答\s*[:：]")


def _without(stem: str, program: list[Line]) -> str:
    """The stem's words without its program's lines ("a[i] = function () {" draws no blank)."""
    code = {_answer_text(line) for line in program}
    return "\n".join(text for text in stem.split("\n") if text not in code) if code else stem


# "> **说明**：本题通过自连接…", "> 注：…": a note set in a quote under the answer
NOTE_LABEL = re.compile(r"^\s*(?:说明|說明|解析|注意|注|提示|分析)\s*[:：]\s*")


def _quoted_notes(body: list[Line]) -> list[Line]:
    """The quote opening with a note's label, and all after it, under an answer above it."""
    cut = next(
        (k for k, line in enumerate(body) if k and line.quote and NOTE_LABEL.match(_plain(line.text))), None
    )
    answered = cut is not None and any(line.text.strip() for line in body[:cut])
    return body[cut:] if answered and cut is not None else []


def _asking_blocks(blocks: list[Block], listed: bool) -> tuple[list[Block], list[Block]]:
    """The blocks whose heading asks (or heads an answer), and all the blocks with text under them."""
    with_text = [block for block in blocks if block.body and not (block.topic and not _asks(block.heading))]
    asking = [
        block
        for block in with_text
        if (_heads_answer(block) or (listed and _numbered_item(block.heading)))
        and not _has_options(block.body)
    ]
    return asking, with_text


def _paired_blocks(lines: list[Line], listed: bool) -> list[Block]:
    """The blocks; where too few of them ask but the headings of one level mostly do ("### HTTPS
    建立连接的过程是怎么样的？"), the deeper headings under those that ask nothing ("#### 强缓存",
    "#### 1.二进制传输") are sections of the answer above, read into it."""
    blocks = _blocks(lines, listed)
    asking, with_text = _asking_blocks(blocks, listed)
    if len(asking) >= ASKING_SHARE * len(with_text):
        return blocks
    levels = [block.heading.heading for block in asking if block.heading.heading]
    if not levels:
        return blocks
    level = Counter(levels).most_common(1)[0][0]  # (a tie goes to the level met first)
    folded: list[Block] = []
    for block in blocks:
        line = block.heading
        above = folded[-1] if folded else None
        under_question = above is not None and above.heading.heading == level and _asks(above.heading)
        if above is not None and under_question and line.heading > level and not _asks(line):
            above.body.extend([line, *block.body])  # (its title a line of the answer)
            above.over_subheadings = False
        else:
            folded.append(block)
    return folded


def _question_level(blocks: list[Block]) -> tuple[str, int] | None:
    """The kind of line most questions are headed by ("###", or bold bullets): in notes that ask
    by heading, a line of that kind over text heads a question even when it only names its topic
    ("### 依赖注入", "- **Java的异常体系**" among "- **谈谈对java多态的理解**")."""
    levels = [
        block.level
        for block in blocks
        if block.body and _heads_answer(block) and not PART.match(block.heading.text)
    ]
    return Counter(levels).most_common(1)[0][0] if levels else None  # (a tie: the kind met first)


def _chapter(heading: Line) -> bool:
    return re.match(rules.HEADING_CHAPTER, _question_text(heading)) is not None


def _blocks(lines: list[Line], listed: bool) -> list[Block]:
    """Each heading (or bold line that asks, or line naming a part) with the lines under it, to the
    next one (text before the first: none); `listed`: the top-level list numbers questions."""
    blocks: list[Block] = []
    open_part = titled = False
    texts = [line for line in lines if line.text.strip()]
    deepest = max((line.heading for line in texts if line.heading), default=0)
    # (where bold bullets ask, as "* **int与integer的区别**", the headings name their parts)
    bullets_ask = any(line.bullet and BOLD_LINE.fullmatch(line.text.strip()) for line in texts)
    for i, line in enumerate(texts):
        # (a part's name deep in a list, "- 设计", is one of its points)
        part = PART.match(_plain(line.text)) if line.depth <= 1 else None
        if part:
            open_part = Segmenter.section_kind(part.group("kind")) in OPEN_KINDS
        elif i == 0 and line.heading and QUESTIONS_TITLE.search(_plain(line.text)):
            titled = True  # "# 猜题", "# 前端面试题": every heading of the deepest level names a question
        bold = BOLD_LINE.fullmatch(line.text.strip()) is not None
        following = texts[i + 1] if i + 1 < len(texts) else None
        under = following is not None and (
            following.depth > line.depth or not (following.bullet or following.heading)
        )
        # under a question's heading in an open part a bullet is a point of its answer ("- **特征**："
        # over points); right under the part's own heading it is a question of the part
        in_answer = open_part and bool(blocks) and bool(blocks[-1].heading.heading) and line.bullet
        in_answer = in_answer and not PART.match(_plain(blocks[-1].heading.text))
        topic = bold and line.bullet and under and not in_answer  # (deeper points, or prose, under it)
        if (
            line.heading
            or part
            or topic
            or (bold and not in_answer and ASKS.search(_question_text(line)))
            or (not in_answer and _bullet_asks(texts, i, listed, open_part))
        ):
            deeper = bool(line.heading and following and following.heading > line.heading)
            asks_as_titled = titled and line.heading == deepest and not (part or bullets_ask)
            blocks.append(Block(line, [], (open_part or asks_as_titled) and not part, deeper, topic=topic))
        elif blocks:
            blocks[-1].body.append(line)
    return blocks


def _lists_questions(lines: list[Line]) -> bool:
    """The top-level list numbers items enough to be questions (not a table of contents' one)."""
    return sum(1 for line in lines if _numbered_item(line)) >= MIN_QUESTIONS


def _numbered_item(line: Line) -> bool:
    """ "- 19 增量模型" over its points: an item of the top-level list that numbers the questions
    (naming a topic asks as well as a question does)."""
    return line.bullet and line.depth == 1 and NUMBER.match(line.text) is not None


def _numbered_heading(line: Line) -> bool:
    """ "1、查询…" at the margin over its indented answer (outline.py): numbered as questions are."""
    return line.outline and NUMBER.match(line.text) is not None


def _numbers_questions(body: list[Line]) -> bool:
    """Most of the text's lines open with a number (or an option label under one: a choice
    part), and enough of them to be questions."""
    numbered = sum(1 for line in body if NUMBER.match(line.text))
    options = sum(1 for line in body if OPTION_LINE.match(line.text))
    return numbered >= MIN_QUESTIONS and (numbered + options) * 2 > len(body)


def _answered_numbered(body: list[Line]) -> int:
    """Numbered lines of the text with "答：" opening the line under them, or set wholly in bold
    ("**1.用例的概念**" over its answer: the bold sets the question off as the label would)."""
    pairs = zip(body, body[1:], strict=False)
    answered = (line for line, below in pairs if line.bold or ANSWER_LABEL.match(below.text))
    return sum(1 for line in answered if NUMBER.match(line.text))


def _bullet_asks(lines: list[Line], i: int, listed: bool, open_part: bool = False) -> bool:
    """A bullet that asks with plain prose under it (no list item, no heading): a question, not
    one of a list's points. A top-level bullet that asks, or is numbered in a list that numbers
    questions ("- 3 举出5个…"), or sits in an open part ("# 简答题" over "* JDBC的优点"), over
    deeper points: a question, the points its answer."""
    line = lines[i]
    following = lines[i + 1] if i + 1 < len(lines) else None
    if not line.bullet or following is None:
        return False
    if not (following.bullet or following.heading or following.depth):
        return _asks(line) and not rules.STATEMENT_END.search(line.text)  # ("- 内模式是…的描述。": a point)
    if following.heading or not following.depth > line.depth == 1:
        return False
    if open_part:
        return True
    return (listed and _numbered_item(line)) or (_asks(line) and not rules.STATEMENT_END.search(line.text))


def _heads_answer(block: Block) -> bool:
    """It asks, or ("TCP三次握手：") it introduces the text under it, or an open part's heading
    ("## 计算机网络定义") names its question (a chapter's, or one over deeper headings, names none)."""
    heading = block.heading
    if _asks(heading) or (block.body and INTRODUCES.search(_plain(heading.text))):
        return True
    if _numbered_heading(heading):
        return True  # (with nothing indented under it, asked unanswered)
    if block.body and _defines(_question_text(heading), _plain(block.body[0].text)):
        return True
    if block.open_part and heading.bullet:
        return bool(block.body) and heading.depth == 1  # ("* JDBC的优点" over its points)
    return block.open_part and bool(heading.heading) and not block.over_subheadings and not _chapter(heading)


def _defines(term: str, first: str) -> bool:
    """ "### 数据库的安全性" over "数据库的安全性是指…": the text defines the heading's term."""
    return (
        0 < len(term) <= TERM_MAX
        and first.startswith(term)
        and DEFINITION.match(first, len(term)) is not None
    )


TERM_MAX = 20
DEFINITION = re.compile(r"\s*[,，]?\s*(?:是指|指的是|就是|是|指)")


def _answer_text(line: Line) -> str:
    return PAGE_BEFORE.sub("", _plain(line.text))


# A heading ending with a colon introduces what follows: a topic its text explains.
INTRODUCES = re.compile(r"[:：]\s*$")


def _asks(heading: Line) -> bool:
    text = _question_text(heading)
    # (a fill's statement asks by its blanks drawn as lines; "（）" is as often a choice's)
    return bool(ASKS.search(text) or TOPIC_END.search(text) or rules.BLANK_RUN.search(text))


def _question_text(line: Line) -> str:
    """The words that ask: no number before ("12. 请用…"), no points after ("…。[1 分]")."""
    return rules.POINTS_AFTER.sub("", HEADING_NUMBER.sub("", _plain(line.text), count=1)).strip()


def _number(line: Line) -> str:
    """ "12" of "12. 请用…", "Q3:" and "第5题", "1.2" of "1.2 简述…"; "" where nothing is numbered."""
    number = HEADING_NUMBER.match(_plain(line.text))
    digits = re.search(r"\d{1,4}(?:[.．]\d{1,3})*", number.group(0)) if number else None
    return digits.group(0) if digits else ""


def _has_options(body: list[Line]) -> bool:
    """Options under the heading, or a case's parts ("【问题1】" "【问题2】"): a quiz's or a case
    paper's heading, whose body holds its own questions."""
    return (
        sum(1 for line in body if OPTION_LINE.match(line.text)) >= 2
        or any(OPTIONS_ON_ONE_LINE.match(line.text) for line in body)
        or sum(1 for line in body if rules.CASE_PART.match(line.text)) >= 2
    )


# "A. complete  B. compete  C. complain": a question's options set on one line
OPTIONS_ON_ONE_LINE = re.compile(
    r"^\s*[(（]?A[)）]?\s*[.、．:：)）]\s*\S.*?\s[(（]?B[)）]?\s*[.、．:：)）]\s*\S"
)


def _plain(text: str) -> str:
    return UNDERSCORE_EMPHASIS.sub(r"\1", EMPHASIS.sub("", text)).strip()
