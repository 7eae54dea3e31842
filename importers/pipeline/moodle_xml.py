"""Moodle XML, the format Moodle's question bank exports whole (pure).

"<quiz><question type="multichoice">…<answer fraction="100">" holds every question with its
type, its right answers by their fraction of the mark, its feedback and its category: read as
such, never as text. Parsed with lxml, entities unresolved and nothing fetched (a hostile file
neither expands nor reaches out).
"""

from __future__ import annotations

import html
import re

from lxml import etree

from .classify import NO_ANSWER
from .model import PaperError, ParsedPaper, ParsedQuestion

MOODLE_NOTE = "read as Moodle XML: each <question> with its type and right answers"
UNREAD_TYPE = "a Moodle {kind} question: its text kept, its parts to be set by hand"
ROOT = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)?<quiz[\s>]",
    re.S,
)
TAGS = re.compile(r"<[^>]+>")
BREAKS = re.compile(r"<br\s*/?>|</p>|</div>|</li>", re.I)
# Moodle's own placeholders of an embedded file, and blanks of a gap-fill ("[[1]]")
PLUGINFILE = re.compile(r"@@PLUGINFILE@@/\S*")
CHOICE_TYPES = ("multichoice", "multichoiceset")


def is_moodle_xml(data: bytes) -> bool:
    return ROOT.match(data[:4096]) is not None


def read_moodle_xml(filename: str, data: bytes) -> ParsedPaper:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise PaperError(filename, f"not readable Moodle XML: {exc.msg} (line {exc.lineno})") from exc
    questions: list[ParsedQuestion] = []
    chapter, asked = "", 0
    for node in root.iter("question"):
        kind = node.get("type", "")
        if kind == "category":  # "$course$/top/客服/礼仪": its last part names the chapter below
            chapter = _text(node.find("category")).rstrip("/").split("/")[-1]
            continue
        asked += kind != "description"
        question = _question(node, kind)
        if question is not None:
            question.chapter, question.lineno = chapter, node.sourceline or 0
            if question.answer is None and question.type != "short":
                question.warnings.append(NO_ANSWER)
            questions.append(question)
    return ParsedPaper(filename=filename, questions=questions, notes=[MOODLE_NOTE], text_rows=asked)


def _question(node: etree._Element, kind: str) -> ParsedQuestion | None:
    stem = _text(node.find("questiontext"))
    if kind == "description" or not stem:
        return None  # text shown between questions, asking nothing
    answers = [(_fraction(a), _text(a)) for a in node.findall("answer")]
    q = ParsedQuestion(type="short", stem=stem, explanation=_text(node.find("generalfeedback")))
    q.number = _text(node.find("name"))
    if kind in CHOICE_TYPES:
        q.options = [text for _, text in answers]
        letters = "".join("ABCDEFGH"[k] for k, (fraction, _) in enumerate(answers[:8]) if fraction > 0)
        single = _text(node.find("single")).lower() in ("true", "1") and kind == "multichoice"
        q.type = "single" if single and len(letters) <= 1 else "multiple"
        q.answer = letters or None
    elif kind == "truefalse":
        right = next((text for fraction, text in answers if fraction > 0), "")
        q.type, q.answer = "truefalse", {"true": True, "false": False}.get(right.lower())
    elif kind in ("shortanswer", "numerical"):
        accepted = "|".join(text for fraction, text in answers if fraction >= 100) or None
        q.type, q.answer = "fill", [accepted] if accepted else None
        q.stem = stem if "____" in stem else f"{stem}____"
    elif kind == "essay":
        q.answer = _text(node.find("graderinfo")) or None
    elif kind == "matching":
        pairs = [(_text(s), _text(s.find("answer"))) for s in node.findall("subquestion")]
        q.answer = "\n".join(f"{left} → {right}" for left, right in pairs if left or right) or None
    else:  # cloze, drag-and-drop…: the text stays for a reviewer
        q.warnings.append(UNREAD_TYPE.format(kind=kind or "untyped"))
    return q


def _fraction(answer: etree._Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return 0.0


def _text(node: etree._Element | None) -> str:
    """A field's <text>, its HTML made plain: paragraphs a line each, tags and entities gone."""
    if node is None:
        return ""
    inner = node.find("text")
    holder = inner if inner is not None else node
    # (an unresolved entity is a child node: only the text around it counts)
    raw = (holder.text or "") + "".join(child.tail or "" for child in holder if child.tag is etree.Entity)
    plain = html.unescape(TAGS.sub("", BREAKS.sub("\n", PLUGINFILE.sub("", raw))))
    return "\n".join(line.strip() for line in plain.splitlines() if line.strip())
