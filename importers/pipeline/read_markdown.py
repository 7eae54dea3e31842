"""Markdown papers (.md): parsed as Markdown by markdown-it-py, then handed on as lines.

Structure is read as structure: headings, list items (an ordered item keeps its number, which
is the question's), block quotes, tables (one line per row, cells joined by tabs, as Word tables
reach us), fenced and indented code (its lines, not the fences), HTML blocks (<details> answers).
Inline text is kept as written (emphasis marks included: a bold option is the key, and runs of
underscores are blanks to fill, not emphasis). Every line keeps its source line number.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from . import rules
from .model import Line
from .numbered_option_lists import letter_numbered_options

MAX_NESTING = 50  # deeper lists or quotes are read as text: a hostile file cannot recurse deeper


# "###1 字符串右移", "##期末考试", "###　１、": an ATX heading typed without its space or with a
# full-width one (CommonMark reads either as text; writers of Chinese type both).
UNSPACED_HEADING = re.compile(r"^(#{1,6})(?:\u3000+|(?=[\d\u4e00-\u9fff０-９]))", re.MULTILINE)


# "4.\xa0Which of…", "-\xa0item": a list marker followed by a no-break space, as text copied
# from a web page has it (CommonMark wants a plain space or tab there to see a list item).
NBSP_MARKER = re.compile(r"^([ \t]*(?:\d{1,9}[.)]|[-*+]))\xa0+", re.MULTILINE)


# MkDocs / Python-Markdown admonitions: '!!! success ""', '??? note "答案"' over a block indented
# four spaces more (CommonMark would read that block as code). Under a question they hold its
# worked answer.
ADMONITION = re.compile(
    r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]*(?P<kind>[\w-]+)?(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)
ADMONITION_ANSWER = re.compile(r"答案|answer", re.IGNORECASE)
ADMONITION_EXPLAINS = re.compile(
    r"^(?:success|answer|solution|tip|hint|example|question)$|解析|解答|分析|solution", re.IGNORECASE
)


def unfold_admonitions(text: str) -> str:
    """Each admonition's block dedented to its marker's indent, the marker's line left empty and
    its label ("答案：", "解析：", or none for a note) opening the block's first line (so every
    line keeps its number)."""
    if "!!!" not in text and "???" not in text:
        return text
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = ADMONITION.match(lines[i])
        if m is None:
            i += 1
            continue
        indent = len(m.group("indent").expandtabs(4))
        label = _admonition_label(m.group("kind") or "", m.group("title") or "")
        lines[i] = ""
        j = i + 1
        while j < len(lines) and (
            not lines[j].strip()
            or len(lines[j].expandtabs(4)) - len(lines[j].expandtabs(4).lstrip()) > indent
        ):
            body = lines[j].expandtabs(4)
            lines[j] = body[:indent] + body[indent + 4 :] if body.strip() else ""
            if label and lines[j].strip():
                lines[j] = lines[j][: len(lines[j]) - len(lines[j].lstrip())] + label + lines[j].lstrip()
                label = ""
            j += 1
        i = j
    return "\n".join(lines)


# VuePress / VitePress / Docusaurus containers: "::: tip 答案" (or ":::details 解析") over lines at
# the marker's own indent, closed by ":::".
CONTAINER = re.compile(r"^[ \t]*:{3,}[ \t]*(?P<kind>[\w-]+)?(?:[ \t]+(?P<title>\S.*?))?[ \t]*$")


def unfold_containers(text: str) -> str:
    """Each container's markers left empty (lines keep their numbers), its label ("答案：",
    "解析：", or none) opening the first line inside."""
    if ":::" not in text:
        return text
    lines = text.split("\n")
    label, opened = "", 0
    for i, line in enumerate(lines):
        m = CONTAINER.match(line)
        if m is not None:
            # a container's kind alone only colours it (HackMD's ":::success" boxes a question's
            # program as often as its answer): its title says what it holds
            label = _admonition_label("", m.group("title") or "") if m.group("kind") else ""
            lines[i], opened = "", i
        elif label and FENCE_OPEN.match(line):
            lines[opened], label = label, ""  # (a label glued to "```go" would unmake the fence)
        elif label and line.strip():
            lines[i] = line[: len(line) - len(line.lstrip())] + label + line.lstrip()
            label = ""
    return "\n".join(lines)


FENCE_OPEN = re.compile(r"^[ \t]*(?:`{3,}|~{3,})")


def _admonition_label(kind: str, title: str) -> str:
    """'??? note "答案"' holds the answer, '!!! success ""' a worked answer (its explanation), a
    plain note neither."""
    if ADMONITION_ANSWER.search(title):
        return "答案："
    return "解析：" if ADMONITION_EXPLAINS.search(f"{kind} {title}".strip()) else ""


def markdown_lines(text: str) -> list[Line]:
    # Windows line ends: the unfolding passes below split on "\n" and read "\r" as text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unfold_containers(unfold_admonitions(UNSPACED_HEADING.sub(r"\1 ", text)))
    if "\xa0" in text:
        text = NBSP_MARKER.sub(r"\1 ", text)
    # Front matter ("---\ntags: …\n---" heading notes from Obsidian, Hugo, Jekyll) is metadata:
    # the plugin takes it as one token no handler reads, never a heading over the first question.
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").use(front_matter_plugin)
    return letter_numbered_options(_Reader().read(parser.parse(text)))


def _lazy_lists(tokens: list[Token]) -> set[int]:
    """The ordered lists (ids of their opening tokens) whose items are all written with the
    first one's number, "1." "1." "1.": written so for the renderer to count, which shows 1, 2, 3."""
    open_lists: list[tuple[Token, list[str]]] = []
    lazy = set()
    for token in tokens:
        if token.type in ("ordered_list_open", "bullet_list_open"):
            open_lists.append((token, []))
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            opening, numbers = open_lists.pop()
            if opening.type == "ordered_list_open" and len(numbers) >= 2 and len(set(numbers)) == 1:
                lazy.add(id(opening))
        elif token.type == "list_item_open" and open_lists:
            open_lists[-1][1].append(token.info)
    return lazy


class _Reader:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.number = ""  # an ordered list item's "3." waiting for the item's first line
        self.depth = 0  # lists open around the current token
        self.lists: list[bool] = []  # of the lists open around the current token: bulleted?
        self.number_depth = 0
        self.number_line = 0
        self.row: list[str] | None = None
        self.row_line = 0
        self.in_heading = 0
        self.list_position = 0
        self.item_paragraphs = 0  # paragraphs read so far in the innermost list item
        self.quotes = 0  # block quotes open around the current token
        self.question_boxes: set[int] = set()  # depths of the open quotes that are question boxes
        # <details> folds open around the current token: what a reader unfolds under a question
        # (its key, its worked explanation), read as a block quote is
        self.folds = 0
        self.lazy_lists: set[int] = set()
        self.shown_numbers: list[int | None] = []  # per open list, the next number it shows if lazy

    def read(self, tokens: list[Token]) -> list[Line]:
        self.lazy_lists = _lazy_lists(tokens)
        for token in tokens:
            handler = getattr(self, f"on_{token.type}", None)
            if handler is not None:
                handler(token)
        return self.lines

    def on_blockquote_open(self, token: Token) -> None:
        self.quotes += 1

    def on_blockquote_close(self, token: Token) -> None:
        self.question_boxes.discard(self.quotes)
        self.quotes -= 1

    def on_bullet_list_open(self, token: Token) -> None:
        self.depth += 1
        self.lists.append(token.type == "bullet_list_open")
        lazy = id(token) in self.lazy_lists
        self.shown_numbers.append(int(token.attrGet("start") or 1) if lazy else None)

    on_ordered_list_open = on_bullet_list_open

    def on_bullet_list_close(self, token: Token) -> None:
        self.depth -= 1
        self.lists.pop()
        self.shown_numbers.pop()

    on_ordered_list_close = on_bullet_list_close

    def on_list_item_open(self, token: Token) -> None:
        self.item_paragraphs = 0
        if token.info:  # ordered: "3" with markup "." or ")"
            info = token.info
            shown = self.shown_numbers[-1] if self.shown_numbers else None
            if shown is not None:  # a list numbered "1." "1." "1." shows 1, 2, 3
                info, self.shown_numbers[-1] = str(shown), shown + 1
            self.number = f"{info}{token.markup} "
            self.number_depth = self.depth
            self.number_line = _first_line(token)
            self.list_position = int(info) if info.isdecimal() else 0

    def on_list_item_close(self, token: Token) -> None:
        if self.number:  # "1." alone over a fenced program: the number stays, a line of its own
            number = Line(text=self.number.strip(), lineno=self.number_line, depth=self.number_depth)
            self.lines.append(number)
            self.number = ""

    def on_heading_open(self, token: Token) -> None:
        self.in_heading = int(token.tag[1:])  # "h2" → 2

    def on_heading_close(self, token: Token) -> None:
        self.in_heading = 0

    def on_inline(self, token: Token) -> None:
        if self.row is not None:
            self.row.append(token.content.strip())
            return
        if IN_PAGE_LINK.fullmatch(token.content.strip()):
            self.number = ""  # a table of contents' entry or "[⬆ Back to Top](#…)": navigation
            return
        first = len(self.lines)
        text = plain_inline(token.content)
        if self.number and _labels_itself(text, self.list_position):
            self.number = ""  # "2. B、内层依赖外层": the list's number is markup, the label is the option's
        self._add(text, _first_line(token), self.number)
        if self.number:  # a nested list's "1." is a point inside its parent item, not a question
            self.lines[first].depth = self.number_depth
        self.lines[first].heading = self.in_heading
        self.number = ""
        if self.lists and self.lists[-1]:
            # A later paragraph of the same item ("- 什么是进程？" then "  进程是…") goes on under
            # the item's first: text under a bullet, not a bullet of its own.
            for line in self.lines[first:]:
                line.bullet = self.item_paragraphs == 0
            if self.item_paragraphs == 0 and len(self.lines) > first:
                self.lines[first].depth = self.depth  # (how deep the bullet sits, as a number's does)
            self.item_paragraphs += 1

    def on_tr_open(self, token: Token) -> None:
        self.row, self.row_line = [], _first_line(token)

    def on_tr_close(self, token: Token) -> None:
        if self.row is not None and _navigates(self.row):
            self.row = None
            return
        if self.row is not None:
            self.lines.append(Line(text="\t".join(self.row), lineno=self.row_line))
        self.row = None

    def on_fence(self, token: Token) -> None:
        if token.info.strip().split(" ")[0].lower() in ANSWER_FENCES:
            self._add(token.content, _first_line(token) + 1, "答案：")  # "```answer" over "D": the key
            return
        # (the content starts under the fence)
        code = not (_fenced_options(token.content) or _fenced_question(token.content))
        self._add(token.content, _first_line(token) + 1, "", code=code)

    def on_code_block(self, token: Token) -> None:
        self._add(token.content, _first_line(token), "", code=True)

    def on_html_block(self, token: Token) -> None:
        first = _first_line(token)
        # (a script or a style is never shown: its lines kept empty, so the next keep their numbers)
        content = UNSHOWN.sub(lambda m: "\n" * m.group(0).count("\n"), token.content)
        for k, part in enumerate(_shown(content).rstrip("\n").split("\n")):
            title, rest = _asking_summary(part)
            heading = HTML_HEADING.match(part)
            if title:  # "<summary>什么是触发器？</summary>": the question, its answer folded under it
                self.lines.append(Line(text=title, lineno=first + k, heading=SUMMARY_HEADING))
                if rest:  # ("…</summary><br><b>You can check…": the answer opening on its line)
                    self._add(rest, first + k, "")
            elif heading:  # "<h4>参考答案</h4>": a heading as the page shows it
                text = html.unescape(TAG.sub("", heading.group(2))).strip()
                self.lines.append(Line(text=text, lineno=first + k, heading=int(heading.group(1))))
            elif part.strip():
                # (a block's indenting lays out its tags; "`C`" alone: Markdown the author meant,
                # which an HTML block leaves unread, the key in a code span)
                self._add(WHOLE_CODE_SPAN.sub(r"\1", part.strip()), first + k, "")
        lowered = token.content.lower()
        self.folds = max(0, self.folds + lowered.count("<details") - lowered.count("</details"))

    def _add(self, content: str, lineno: int, prefix: str, code: bool = False) -> None:
        for k, part in enumerate(content.rstrip("\n").split("\n")):
            if not code and "<" in part:
                part = TRAILING_BREAKS.sub("", part)  # ("…<br/>": the source's line break, said twice)
            callout = CALLOUT.match(part) if self.quotes and not code else None
            if callout:
                part = _callout_title(callout)  # (an empty line where the box has no title)
                if callout.group("kind").lower() in QUESTION_CALLOUTS:
                    self.question_boxes.add(self.quotes)  # (a question's text, not notes quoted under one)
            line = Line(
                text=(prefix if k == 0 else "") + part,
                lineno=lineno + k,
                code=code,
                quote=self.quotes > len(self.question_boxes) or self.folds > 0,
            )
            self.lines.append(line)


# What a page shows of an HTML block: its text and pictures, not the tags that lay them out
# ("<center>", "<div style=…>", "<p>"); a picture's "<img …>", over several lines as it may be, is
# written "![](src)". A heading, a summary and a line break keep their tags for the reader above;
# each tag leaves its line breaks, so every line keeps its number.
TAG = re.compile(r"<[^<>]*>")
KEPT_TAG = re.compile(r"</?(?:h[1-6]|summary|details|br)\b", re.I)
UNSHOWN = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.I | re.S)
HTML_TABLE = re.compile(r"<table\b.*?(?:</table\s*>|\Z)", re.I | re.S)
TAGS_APART = re.compile(r">\s+<")
HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.I)
IMG_SRC = re.compile(r"""^<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)""", re.I)
CELL_END = re.compile(r"</t[rdh]\s*>", re.I)
CELL_GAP, ROW_END = "\x1d", "\x1e"  # (marks while the tags go, written out as text after)
TABLE_GAPS = re.compile("[\x1d\x1e]+")
TABLE_END = re.compile(r"(?:; | )$", re.M)


def _shown(content: str) -> str:
    if "<t" in content or "<T" in content:
        content = HTML_TABLE.sub(_table_on_one_line, content)
    shown = TAG.sub(_shown_tag, content)
    if ROW_END in shown or CELL_GAP in shown:
        shown = TABLE_GAPS.sub(lambda m: "; " if ROW_END in m.group(0) else " ", shown)
        shown = TABLE_END.sub("", shown)  # (a table's last row, or a row ending its line)
    return shown


def _table_on_one_line(m: re.Match[str]) -> str:
    """A table laid out a cell a line in the source: its tags' indenting dropped, so it reads as
    one block as a table written on one line does (its line breaks kept after it)."""
    table = m.group(0)
    closed = TAGS_APART.sub("><", table)
    return closed + "\n" * (table.count("\n") - closed.count("\n"))


def _shown_tag(m: re.Match[str]) -> str:
    """A tag as the page shows it: a picture as Markdown writes one, a table's cells a space
    apart and its rows a semicolon (a table in a question's explanation stays one block of its
    text, not lines that read as questions), its line breaks kept."""
    tag = m.group(0)
    if KEPT_TAG.match(tag):
        return tag
    if CELL_END.match(tag):
        return ROW_END if tag[2:4].lower() == "tr" else CELL_GAP
    picture = IMG_SRC.match(tag)
    return (f"![]({picture.group(1)})" if picture else "") + "\n" * tag.count("\n")


# "<details><summary>什么是触发器？</summary>…</details>": interview banks fold each answer under
# its question. A summary that only names the fold ("答案", "查看解析？", "Show answer") stays the
# label of the key under a question printed above it.
SUMMARY = re.compile(r"^\s*(?:<details[^>]*>\s*)?<summary[^>]*>(.*?)</summary>(.*)$", re.I)
FOLD_NAME = re.compile(
    r"\W*(?:(?:点击|點擊)?(?:查看|展开|展開|显示|顯示)?(?:答案|解析|解答|提示|参考答案|參考答案)"
    r"|show answer|answer|solution|explanation|hint)\W*",
    re.I,
)
SUMMARY_HEADING = 6  # deeper than the page's own headings, which name its parts


def _asking_summary(line: str) -> tuple[str, str]:
    """The question a <summary> line holds and what follows it on the line ("<br><b>" and the
    answer's first words, tags left to the cleaner), or ("", "") where the summary asks nothing
    (no summary, or one naming only its fold)."""
    m = SUMMARY.match(line)
    title = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else ""
    asks = ASKS.search(title) is not None or rules.ASKS_STRONGLY.search(title) is not None
    asks = asks or rules.BLANK_RUN.search(title) is not None  # ("…分别是 __/__/__。": a fill's statement)
    if not asks or FOLD_NAME.fullmatch(title):
        return "", ""
    rest = m.group(2) if m else ""
    return title, rest if re.sub(r"<[^>]+>", "", rest).strip() else ""


# A summary that asks as English questions open (Chinese ones by rules.ASKS_STRONGLY); a topic's
# summary ("SQL 语句的优化") folds a part of the answer above it
ASKS = re.compile(r"^(?:what|why|how|which|when|where|who|explain|describe|name)\b", re.I)


# A fenced block whose language names it the key ("```answer", "```答案"): a bank that sets each
# question's key in its own block, read as the labelled answer it is.
ANSWER_FENCES = frozenset(("answer", "answers", "key", "solution", "答案", "参考答案", "答"))


# "A、transient": an option's label opening a line
# (or "A 函数体含有循环语句", labelled by a space alone, as 牛客's pages print them)
FENCED_OPTION = re.compile(r"^\s*([A-H])(?:\s*[.、．:：)）]|[ \t]+(?=\S))\s*\S")
MIN_FENCED_OPTIONS = 2
MAX_LINES_AFTER_OPTIONS = 1  # ("{correctAnswer='B'}": the key, under them)


def _fenced_options(content: str) -> bool:
    """A quiz's options set in a code block to keep their layout ("A、transient" "B、synchronized"
    a line each, the question's lines perhaps above them): text of the question, not a program.
    An option whose text is a program ("A)" then its lines) keeps the block a program."""
    lines = [line for line in content.split("\n") if line.strip()]
    labels = [FENCED_OPTION.match(line) for line in lines]
    first = next((k for k, label in enumerate(labels) if label), len(lines))
    run = 0
    while first + run < len(lines) and labels[first + run]:
        run += 1
    letters = "".join(label.group(1) for label in labels[first : first + run] if label)
    return (
        run >= MIN_FENCED_OPTIONS
        and letters == "ABCDEFGH"[:run]
        and len(lines) - first - run <= MAX_LINES_AFTER_OPTIONS
        and not any(PROGRAM.search(line) for line in lines[:first])
        and not any(SPACE_LABEL.match(line) and PROGRAM.search(line) for line in lines[first : first + run])
    )


SPACE_LABEL = re.compile(r"\s*[A-H][ \t]")  # ("A a;" "B b;": a program's objects, no options)


PROGRAM = re.compile(r"[;{}]\s*$|^\s*(?:def|class|import|public|private|int|void|return|#include)\b")


def _fenced_question(content: str) -> bool:
    """A bank's question pasted whole into a code block ("```java" over "题库中第8题:" then its
    stem in Chinese): the question's text, whatever program it quotes further down."""
    lines = [line for line in content.split("\n") if line.strip()]
    return (
        len(lines) >= 2
        and QUESTION_LABEL.match(lines[0]) is not None
        and bool(rules.HAS_CJK.search(lines[1]))
    )


# "第8题:", "题库中第8题：", "试题 3": a question's label alone on its line
QUESTION_LABEL = re.compile(
    rf"^\s*(?:[{rules.CJK}]{{0,4}}第\s*\d{{1,4}}\s*[题題]|(?:试题|試題|题目|題目)\s*\d{{1,4}})\s*[:：.、]?\s*$"
)


WHOLE_CODE_SPAN = re.compile(r"^`([^`]+)`$")

# An Obsidian callout or GitHub alert opening a block quote: "> [!answer]- 参考答案", "> [!NOTE]"
CALLOUT = re.compile(r"^\[!(?P<kind>[A-Za-z]+)\][-+]?\s*(?P<title>.*)$")
# callouts that hold a question's answer: their title is only its label
ANSWER_CALLOUTS = frozenset({"answer", "solution", "success", "check", "done"})


def _callout_title(callout: re.Match[str]) -> str:
    """The box's title as a line of text; an answer box's title becomes the answer's label, and a
    question box's "判断题 1" (or "Question 3") the question's number."""
    kind, title = callout.group("kind").lower(), callout.group("title").strip()
    if kind in ANSWER_CALLOUTS:
        return "答案："
    numbered = NUMBERED_TITLE.match(title) if kind in QUESTION_CALLOUTS else None
    if numbered:
        return f"{numbered.group('n')}. "  # (its type the part's heading names, or its options show)
    return title


# Obsidian's boxes for a question ("> [!question] 判断题 1"): its title numbers the question
QUESTION_CALLOUTS = frozenset({"question", "faq", "help"})
NUMBERED_TITLE = re.compile(
    rf"^(?:(?:{rules.SECTION_WORDS})[题題]?|(?:题目|題目|第|Question|Q)?)\s*(?P<n>\d{{1,4}})\s*[题題]?\s*$",
    re.I,
)


# A link to a place in the same document, alone on its line or in its cell (emphasis around it
# allowed): "- [事务的概念？](#事务的概念)", "| 1 | [What does …?](#what-does) |".
IN_PAGE_LINK = re.compile(r"(\*\*|__|)\[[^\]\n]+\]\(#[^)\s]*\)\1")


def _navigates(cells: list[str]) -> bool:
    """A table of contents' row: in-page links, beside nothing but their numbers."""
    links = [cell for cell in cells if IN_PAGE_LINK.fullmatch(cell)]
    return bool(links) and all(cell in links or cell.rstrip(".、").isdigit() or not cell for cell in cells)


OWN_LABEL = re.compile(r"(?:\*\*|__)?\s*([A-H])\s*[.、．:：)）]")


def _labels_itself(text: str, position: int) -> bool:
    """An ordered list item whose text opens with the option label of its own position."""
    label = OWN_LABEL.match(text)
    if label is None or KEY_LETTERS_ONLY.fullmatch(text):
        return False  # ("1. A、B、C、D" in a key: the first question's letters, not option A)
    return ord(label.group(1)) - ord("A") + 1 == position


KEY_LETTERS_ONLY = re.compile(r"[A-H](?:\s*[、,，]\s*[A-H])+")


# HTML-to-Markdown converters (turndown's default) write <i>A、</i> as "_A、_"; beside CJK
# punctuation CommonMark reads no emphasis there, so the underscores would stay in the text.
# A lone underscore with a space, a line edge or CJK punctuation on one side is such a mark;
# "stmt_list" and "a_{n}" keep theirs, and a run of two or more is a blank to fill.
STRAY_EMPHASIS = re.compile(
    r"(?<![\\_])_(?!_)(?:(?<=^_)|(?<=[\s、，。：；！？（）【】]_)|(?=$|[\s、，。：；！？（）【】]))",
    re.MULTILINE,
)
EMPHASIS_PAIR = re.compile(r"(?<![\\_])_(?!_)([^_\n]{1,20}?[、，。：；！？:])_(?!_)")  # "bin_第二空：_ x"
# A label in italics, "*正确答案:*A" (platform exports; CommonMark reads no emphasis closing after
# punctuation before a letter, so the stars stay in its text); two may touch, "*我的答案:**正确答案:*错".
_LABEL = r"[^*\n]{1,20}?[、，。：；！？:]"
ITALIC_LABEL = re.compile(
    rf"(?:(?<![\\*])|(?<=[：:]\*))\*(?!\*)({_LABEL})\*(?:(?!\*)|(?=\*(?![*\s]){_LABEL}\*))"
)
# "__存在__ 和 __思维__": strong emphasis written with underscores, as CommonMark reads it (the
# pair opens after a space or punctuation and closes before one; "是__态度__。" stays a filled blank)
STRONG_UNDERSCORES = re.compile(r"(?:^|(?<=[\s\W]))(?<!\\)__(?=[^\s_])(.+?)(?<=[^\s_])__(?=$|[\s\W])")
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # "\_\_\_" and "\[填空1\]": CommonMark escapes
# Note-taking apps' tags ending a line: "…是什么？ #anki #近代史" (Obsidian, Logseq), after the
# question's last mark or a flashcard tag; never "C#", "#3" or "预处理指令 #define". (Any line of a
# paragraph: "1. …？ #medicine/sepsis" over its options "(A) …" is one paragraph of three lines.)
_TAG = r"#(?!\d+(?:\s|$))[\w/-]{1,40}(?=\s|$)"  # (a tag's letters, digits, "_", "-" and "/")
HASHTAGS = re.compile(
    rf"(?:(?<=[?？。:：)）])[ \t]*|[ \t]+(?=#(?:anki|cards?|flashcards?|srs)\b))(?:{_TAG}[ \t]*)+$",
    re.IGNORECASE | re.MULTILINE,
)


# "```√```", "```A,B,D```": a code span holding only a key mark or letters is that mark (a platform's
# export sets its marks in code); code spans of code ("`ABCDE`", a string) keep their backticks.
KEY_CODE_SPAN = re.compile(r"(?<!`)(`+)([A-H](?:[,，、][A-H]){0,7}|[√×✓✗✔✘])\1(?!`)")
# "使用 `__________` 符号": a blank set in code (so Markdown reads no emphasis in it) is the blank
BLANK_CODE_SPAN = re.compile(r"(?<!`)(`+)\s*(_{2,})\s*\1(?!`)")


def plain_inline(content: str) -> str:
    """The inline source as a reader sees it: stray emphasis marks dropped, escapes and entities
    resolved, a link's text without its address (emphasis that CommonMark does read, "**…**",
    stays: a bold option is the key)."""
    if "*" in content:
        content = ITALIC_LABEL.sub(r"\1", content)
    if "`" in content:
        content = BLANK_CODE_SPAN.sub(r"\2", KEY_CODE_SPAN.sub(r"\2", content))
    if "__" in content:
        content = STRONG_UNDERSCORES.sub(r"**\1**", content)  # (so "__存在__" is no blank to fill)
    if "<" in content:
        content = SMALL_PRINT_NOTE.sub("", UNDERLINED.sub(_filled_blank, content))
    text = ESCAPED.sub(r"\1", STRAY_EMPHASIS.sub("", EMPHASIS_PAIR.sub(r"\1", content)))
    if "#" in text:
        text = HASHTAGS.sub("", text)
    return html.unescape(LINK.sub(r"\1", text)) if "&" in text or "](" in text else text


# "包括 <u>数据库逻辑结构设计 和 应用程序概要设计</u>": a blank printed filled in, its answer
# underlined as HTML does it (as a Word paper's underlined run: read_docx)
# (or in an MDX exam's "<Blank>序言性注释</Blank>", or HTML's inserted text "<ins>…</ins>")
UNDERLINED = re.compile(r"<(u|ins|blank)>([^<>\n]{1,120})</\1>", re.IGNORECASE)


# "## 第 1 题 <sub>qid 2262930 · 人文常识</sub>": a bank's note in small print (its record id, its
# topic) beside the question's label, never its text; a formula's "H<sub>2</sub>O" holds no words
SMALL_PRINT_NOTE = re.compile(
    r"\s*<(sub|small)>(?=[^<>\n]{8,}</\1>)[^<>\n]*?[\s·|][^<>\n]*?</\1>", re.IGNORECASE
)


def _filled_blank(m: re.Match[str]) -> str:
    inner = m.group(2).strip()
    return inner if not inner or rules.STRESSED.fullmatch(inner) else f"__{inner}__"


TRAILING_BREAKS = re.compile(r"(?:\s*<br\s*/?>)+\s*$", re.I)
LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")  # "[题干](https://…)"


def _first_line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0
