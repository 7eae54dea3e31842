"""A web page saved from a learning platform or a document site (.html, .htm, Word's "save as
web page"): the text a browser shows, one line per block (paragraph, list item, heading, table
row, <br>), the cells of a row set apart by tabs. Headings keep their level, so the rules that
read a Markdown paper's headings read these too. Scripts, styles and whatever the page hides
are no part of the paper."""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree
from lxml import html as lxml_html

from .model import Line

HTML_EXTENSIONS = (".html", ".htm")
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    }
)
UNSEEN = frozenset(
    {
        "script",
        "style",
        "head",
        "noscript",
        "template",
        "svg",
        "button",
        "select",
        "textarea",
        "iframe",
        "object",
    }
)
CELLS = frozenset(("td", "th"))
ROW_BLOCKS = frozenset(("table", "tr"))  # (a table in a cell: its rows are lines still)
# A formula's copy kept for screen readers beside the one shown (KaTeX, MathJax): read once.
UNSEEN_CLASSES = frozenset(("katex-mathml", "MJX_Assistive_MathML"))
CHOICE_INPUTS = frozenset(("radio", "checkbox"))
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


def read_html(text: str) -> list[Line]:
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return []
    page = _Page()
    page.walk(root)
    page.flush()
    return page.lines


def is_marked_up_text(text: str) -> bool:
    """A text file whose lines carry a web page's markup ("…<br><strong>【问题1】</strong>…"), as a
    crawler saves rich text: many of its lines wrap text in tags or break it with <br>. A quiz
    about HTML names tags ("<p></p>", "<br>") but rarely wraps its own words in them."""
    if "<" not in text:
        return False
    # (its first lines, each cut short, tell: a file of millions of characters is not searched whole)
    lines = [line[:SAMPLE_CHARS] for line in islice(filter(str.strip, text.splitlines()), SAMPLE_LINES)]
    marked = sum(1 for line in lines if MARKUP.search(line))
    return marked >= MARKED_LINES_MIN and marked >= MARKED_SHARE * len(lines)


# (text on both sides of a <br>, or words wrapped in a tag: an option "<br>" naming the tag is neither)
MARKUP = re.compile(
    r"\S\s*<br\s*/?>\s*\S|<(p|strong|b|span|h[1-6]|div|em|li|td|font)\b[^<>]*>[^<>]{2,}</\1>", re.I
)
MARKED_LINES_MIN = 3
MARKED_SHARE = 0.3
SAMPLE_LINES, SAMPLE_CHARS = 2000, 10_000


def read_marked_up_text(text: str) -> list[Line]:
    """Such a file as the page it was cut from, each of its line breaks kept as one."""
    return read_html(text.replace("\n", "<br>\n"))


class _Page:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.pieces: list[str] = []
        self.heading = 0
        self.choice_group: str | None = None
        self.choices = 0
        self.choice_line = False  # the line being gathered is an option an input opened
        self.in_cell = 0  # how deep in table cells the walk is

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in UNSEEN or _hidden(el) or UNSEEN_CLASSES.intersection(el.get("class", "").split()):
            self._text(el.tail)
            return
        if tag == "input" and el.get("type", "").lower() in CHOICE_INPUTS:
            self._choice(el.get("name", ""))
        # (inside a table's cell, its paragraphs and breaks are spaces: Word wraps each cell's text
        # in a <p>, and a row is one line, its cells apart by tabs)
        block = tag in BLOCKS and (not self.in_cell or tag in ROW_BLOCKS)
        if block:
            self.flush()
            if tag[:1] == "h" and tag[1:].isdecimal():
                self.heading = int(tag[1:])
        elif tag == "br" or (tag in BLOCKS and self.in_cell):
            if not self.in_cell:
                self.flush()
            elif self.pieces and not self.pieces[-1].endswith((" ", "\t")):
                self.pieces.append(" ")
        elif tag in CELLS and self.pieces:
            self.pieces.append("\t")
        if tag in CELLS:
            self.in_cell += 1
        if tag == "pre":
            self._preformatted(el)
        else:
            self._text(el.text)
            for child in el:
                self.walk(child)
        if tag in CELLS:
            self.in_cell -= 1
        if block:
            self.flush()
        self._text(el.tail)

    def _choice(self, group: str) -> None:
        """An option of the question whose inputs share `group`: its own line, labelled."""
        self.flush()
        self.choices = self.choices + 1 if group == self.choice_group else 1
        self.choice_group = group
        if self.choices <= 8:
            self.pieces.append("ABCDEFGH"[self.choices - 1] + ". ")
            self.choice_line = True

    def _preformatted(self, el: etree._Element) -> None:
        """A <pre> block keeps its own line breaks (a program, an ASCII table)."""
        for text in el.text_content().splitlines():
            self.pieces.append(text)
            self.flush(keep_spaces=True)

    def _text(self, text: str | None) -> None:
        if text:
            self.pieces.append(SPACES.sub(" ", text))

    def flush(self, keep_spaces: bool = False) -> None:
        text = "".join(self.pieces)
        text = text.rstrip() if keep_spaces else text.strip(" ")
        if self.choice_line and OWN_LABEL.match(text):
            text = text[3:]  # "A. A. 倾听": the option printed its own label; ours goes
        elif text.strip() and not self.choice_line:
            self.choice_group = None  # a line that is no option: inputs after it (unnamed) start again
        self.choice_line = False
        if text.strip():
            self.lines.append(Line(text=text.strip("\t"), lineno=len(self.lines) + 1, heading=self.heading))
        self.pieces = []
        self.heading = 0


# our label, then the option's own: "A. A. 倾听", "B. (B) 争辩"
OWN_LABEL = re.compile(r"^[A-H]\. [(（]?[A-Ha-h]\s*[.、．:：)）]")


def _hidden(el: etree._Element) -> bool:
    return "hidden" in el.attrib or bool(HIDDEN_STYLE.search(el.get("style", "")))
