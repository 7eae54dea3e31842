"""Moodle's GIFT format, read by its own grammar (pure).

GIFT is the quiz text Moodle imports and exports, and what trainers moving a bank between
learning platforms hand over: "::Q1:: 客户关系管理的核心是? {~产品 =客户 ~价格}". Its answers
sit in braces after the question (or inside it, for a missing word), "=" marking a right answer
and "~" a wrong one; "{T}"/"{F}" judge a statement; "{=北京 =Beijing}" with no wrong answer
lists the accepted words of a blank; "{#3.14:0.01}" a number; "{}" an essay. Records are
separated by blank lines, "//" opens a comment, "$CATEGORY: 客服/礼仪" names the chapter of the
records below, and a backslash escapes the syntax characters (https://docs.moodle.org/en/GIFT_format).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from questiontypes import words

from .classify import NO_ANSWER
from .coverage import measure
from .model import Line, ParsedPaper, ParsedQuestion

MIN_RECORDS = 2  # a lone braced line is no quiz
GIFT_NOTE = "read as Moodle GIFT: answers in braces, = right, ~ wrong"

# An answer block as GIFT opens it: a right or wrong answer, a verdict, a number, or an essay's {}
# (after a space or at a line's start: "A^{T}" in a formula opens none)
BLOCK_OPENING = re.compile(r"(?:(?<=\s)|^)\{\s*(?:[=~]|(?:T|F|TRUE|FALSE)\s*(?:#|\}|$)|#|\})", re.M)
KEYED_BLOCK = re.compile(r"(?:(?<=\s)|^)\{\s*(?:[=~]|(?:T|F|TRUE|FALSE)\s*(?:#|\}|$))", re.M)
TITLE = re.compile(r"^\s*::(.*?)::\s*", re.S)
TEXT_FORMAT = re.compile(r"^\s*\[(?:html|markdown|plain|moodle)\]\s*", re.I)
CATEGORY = re.compile(r"^\s*\$CATEGORY:\s*(.+)$")
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
ESCAPED = re.compile(r"\\([~=#{}:\\n])")
TAGS = re.compile(r"<[^>]+>")
VERDICTS = {"T": True, "TRUE": True, "F": False, "FALSE": False}


@dataclass
class _Record:
    lines: list[Line]
    chapter: str


def read_gift(lines: list[Line]) -> ParsedPaper | None:
    """The questions of a GIFT file, or None where the text is not GIFT (most of its records
    carry no answer block)."""
    if sum(1 for line in lines if "{" in line.text) < MIN_RECORDS:
        return None  # (the usual paper: no braces at all, nothing to scan)
    records = _records(lines)
    texts = ["\n".join(line.text for line in r.lines) for r in records]
    answered = [t for t in texts if BLOCK_OPENING.search(t)]
    keyed = [t for t in answered if KEYED_BLOCK.search(t)]  # (a program's "{}" keys nothing)
    if len(keyed) < MIN_RECORDS or len(answered) * 2 < len(records):
        return None
    roles: dict[int, list[str]] = {}
    questions = [q for r in records if (q := _question(r, roles)) is not None]
    return ParsedPaper(
        filename="",
        questions=questions,
        notes=[GIFT_NOTE],
        coverage=measure(lines, [], roles, questions),
        line_roles=roles,
    )


def _records(lines: list[Line]) -> list[_Record]:
    """Blank-line separated records, comments and category lines taken out."""
    records: list[_Record] = []
    chapter, current = "", list[Line]()
    for line in [*lines, Line(text="", lineno=0)]:
        text = line.text.strip()
        category = CATEGORY.match(text)
        if not text or category:
            if current:
                records.append(_Record(current, chapter))
            current = []
        elif not text.startswith("//"):
            current.append(line)
        if category:  # ("$CATEGORY: $course$/top/客服/礼仪": its last part names the chapter)
            chapter = category.group(1).strip().rstrip("/").split("/")[-1]
    return records


def _question(record: _Record, roles: dict[int, list[str]]) -> ParsedQuestion | None:
    text = "\n".join(line.text.strip() for line in record.lines)
    opening = BLOCK_OPENING.search(text)
    closing = _unescaped(text, "}", opening.start() + 1) if opening else -1
    if opening is None or closing < 0:
        return None  # a description, or a record GIFT would refuse
    title = TITLE.match(text[: opening.start()])
    before = text[title.end() if title else 0 : opening.start()]
    after = text[closing + 1 :].strip()
    stem = _plain(TEXT_FORMAT.sub("", before))
    if after:  # "中国的首都是 {=北京} 。": the missing word's blank, in place
        stem = f"{stem}____{_plain(after)}"
    body, _, general = text[opening.start() + 1 : closing].partition("####")
    q = _answered(stem, body.strip())
    q.explanation = _plain(general)
    q.chapter, q.lineno = record.chapter, record.lines[0].lineno
    q.number = _plain(title.group(1)) if title and title.group(1).strip().isdigit() else ""
    for k, line in enumerate(record.lines):
        roles[line.lineno] = ["question", "stem"] if k == 0 else ["stem"]
    if q.answer is None:
        q.warnings.append(NO_ANSWER)
    return q


def _answered(stem: str, body: str) -> ParsedQuestion:
    """The question its answer block makes: a judgement, a number, an essay, accepted words or
    a choice among options."""
    verdict = VERDICTS.get(_unescaped_part(body, "#").strip().upper())
    if verdict is not None:
        return ParsedQuestion(type="truefalse", stem=stem, answer=verdict)
    if body.startswith("#"):  # "{#3.14:0.01}", "{#1..5}": the number (its tolerance dropped)
        value = re.split(r"[:]|\.\.", _plain(_unescaped_part(body[1:], "#")), maxsplit=1)[0].strip()
        return ParsedQuestion(type="fill", stem=_with_blank(stem), answer=[value] if value else None)
    answers = _answers(body)
    if not answers:
        return ParsedQuestion(type="short", stem=stem)
    if any("->" in text for _, text in answers):  # matching pairs: kept as the reference answer
        pairs = "\n".join(text.replace("->", "→") for _, text in answers)
        return ParsedQuestion(type="short", stem=stem, answer=pairs)
    if all(right for right, _ in answers):  # "{=北京 =Beijing}": the words the blank accepts
        accepted = words.ALTERNATIVE.join(text for _, text in answers)
        return ParsedQuestion(type="fill", stem=_with_blank(stem), answer=[accepted])
    letters = "".join("ABCDEFGH"[k] for k, (right, _) in enumerate(answers[:8]) if right)
    kind = "multiple" if len(letters) > 1 else "single"
    return ParsedQuestion(type=kind, stem=stem, options=[text for _, text in answers], answer=letters or None)


def _answers(body: str) -> list[tuple[bool, str]]:
    """Each "=right" or "~wrong" answer (feedback after "#" dropped); "~%50%…" counts as right
    when its weight is above nothing (a multiple-answer question)."""
    starts = [k for k, ch in enumerate(body) if ch in "=~" and (k == 0 or body[k - 1] != "\\")]
    out: list[tuple[bool, str]] = []
    for at, end in zip(starts, [*starts[1:], len(body)][: len(starts)], strict=True):
        text = _unescaped_part(body[at + 1 : end], "#").strip()
        weight = WEIGHT.match(text)
        right = body[at] == "=" or (weight is not None and float(weight.group(1)) > 0)
        if weight:
            text = text[weight.end() :].strip()
        if text:
            out.append((right, _plain(text)))
    return out


def _unescaped(text: str, char: str, start: int) -> int:
    """Where `char` next stands unescaped in `text`, from `start` (-1: nowhere)."""
    at = text.find(char, start)
    while at > 0 and text[at - 1] == "\\":
        at = text.find(char, at + 1)
    return at


def _unescaped_part(text: str, stop: str) -> str:
    """`text` up to its first unescaped `stop` (an answer's feedback begins at "#")."""
    at = _unescaped(text, stop, 0)
    return text if at < 0 else text[:at]


def _plain(text: str) -> str:
    text = ESCAPED.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), text)
    return html.unescape(TAGS.sub("", text)).strip()


def _with_blank(stem: str) -> str:
    return stem if "____" in stem else f"{stem}____"
