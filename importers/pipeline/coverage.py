"""How much of a paper the parse understood, and whether to trust it (pure).

Every parse reports: questions found, the share of the text that became part of a question
(stem, option, answer, explanation, material, key), lines dropped as page furniture (with the
repeated lines it recognised), lines that went nowhere, and a verdict. A parse that collapsed
(a few questions out of a long paper, one "question" holding many) is never silent: the
verdict says so and names why, so the admin looks before publishing.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from . import rules
from .model import Line, ParsedPaper, ParsedQuestion
from .self_checks import key_note, numbering_breaks, run_checks

# Roles (segment.Segmenter.trace) that put a line's text into a question.
READ_ROLES = frozenset(
    {"question", "stem", "option", "answer", "explanation", "key", "material", "unlabelled", "blank"}
    | {"metadata"}
)
LAYOUT_ROLES = frozenset({"heading", "title", "sheet", "recap"})  # read, but not question text
LOW_SHARE = 0.5
CHECK_SHARE = 0.8
SPARSE_LINES = 200  # a paper this long…
SPARSE_LINES_PER_QUESTION = 25  # …with fewer questions than this allows looks collapsed
# The same by characters, for text whose lines were joined (a PDF page a line, a scrape's
# paragraphs): a long text with fewer questions than this allows. (An essay exam's long
# materials stay under it: some two thousand characters a question.)
SPARSE_CHARS = 5_000
SPARSE_CHARS_PER_QUESTION = 3_000
OPTION_A = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?:[(（]\s*A\s*[)）]|A\s*[.、．:：)）]|A$)")
MIN_OPTION_A = 10
UNREAD_BLANKS = 3  # lines with a blank to fill that went nowhere: a layout of questions not read
NEXT_NUMBER = re.compile(r"^\s*\d{1,4}(?:\s|[.、．])")
# An option with its text ("B. 态度"), not a key's bare letter or mark ("B", "1.B", "√"): a key
# part holding a few of them likely swallowed the questions after a stray "答案".
OPTION_TEXT = re.compile(r"^\s*(?:[(（]\s*[A-H]\s*[)）]|[A-H]\s*[.、．:：)）])\s*[^\sA-H√×对错]{2,}")
KEY_OPTIONS = 2
# "2. 电话礼仪要点？" read into a key: the key began too early and swallowed the questions after it
ASKING_ENTRY = re.compile(r"^\s*\d{1,4}\s*[.、．]\s*\S.*[?？]\s*$")
KEY_QUESTIONS = 2
MISSED_CHOICES = 0.7  # fewer choice questions than this share of the option A's: misread
RUN_TOGETHER = "several questions run together"
OVERLONG = "much longer than the other questions"
NUMBERED = re.compile(r"(?:^|\s)\d{1,4}\s*[.、．]\s*\S")
LABELS = re.compile(r"(?<![A-Za-z])[A-D]\s*[.、．]")


@dataclass
class Coverage:
    lines: int = 0  # non-empty lines (or spreadsheet rows) of the file
    chars: int = 0  # characters of the lines that are not furniture (0 for a spreadsheet's rows)
    questions: int = 0
    furniture: int = 0  # lines dropped as page furniture
    repeated: list[str] = field(default_factory=list)  # running headers/footers recognised
    unread: int = 0  # lines that became nothing
    unread_blanks: int = 0  # of those, lines with a blank to fill: questions the reading missed?
    option_a: int = 0  # lines that open an option A (one per choice question in most papers)
    key_options: int = 0  # option lines ("B. 态度") read as a key's: questions taken for a key?
    key_questions: int = 0  # numbered lines that ask ("2. 电话礼仪要点？") read as a key's
    share: float = 1.0  # of the non-furniture, non-heading lines, the share read into questions
    verdict: str = "ok"  # ok · check · poor
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth saying, no sign of a misreading

    def as_json(self) -> dict[str, object]:
        return {
            "lines": self.lines,
            "questions": self.questions,
            "furniture": self.furniture,
            "repeated": self.repeated[:5],
            "unread": self.unread,
            "option_a": self.option_a,
            "share": round(self.share, 3),
            "verdict": self.verdict,
            "reasons": self.reasons,
            "notes": self.notes,
        }


# "<details>", "</div>", "<!-- markdownlint-disable -->": a line of markup alone holds no text to read
MARKUP_ONLY = re.compile(r"^\s*(?:</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>\s*)+$|^\s*<!--.*-->\s*$")


def measure(
    raw: list[Line], furniture: list[Line], roles: dict[int, list[str]], questions: list[ParsedQuestion]
) -> Coverage:
    dropped = {id(line) for line in furniture}
    content = [line for line in raw if line.text.strip()]
    kept = [line for line in content if id(line) not in dropped]
    # Headings and titles are read, but they are layout, not question text: left out of the share.
    body = [
        line
        for line in kept
        if not set(roles.get(line.lineno, ["?"])) <= LAYOUT_ROLES and not MARKUP_ONLY.match(line.text)
    ]
    unread = [line for line in body if not READ_ROLES & set(roles.get(line.lineno, ()))]
    read = len(body) - len(unread)
    # Each choice question prints one option A: far fewer choice questions than A's is a misreading.
    # (a lone "A" over the next question's number is that question's key, not a label; so is one read
    # as an answer, "Answer:" over "A" on a result page)
    option_a = sum(
        1
        for i, line in enumerate(kept)
        if OPTION_A.match(line.text)
        and not (
            line.text.strip() == "A"
            and (
                (i + 1 < len(kept) and NEXT_NUMBER.match(kept[i + 1].text))
                or roles.get(line.lineno) == ["answer"]
            )
        )
    )
    key_options = sum(
        1 for line in kept if roles.get(line.lineno) == ["key"] and OPTION_TEXT.match(line.text)
    )
    key_questions = sum(
        1 for line in kept if roles.get(line.lineno) == ["key"] and ASKING_ENTRY.match(line.text)
    )
    cov = Coverage(
        option_a=option_a,
        key_options=key_options,
        key_questions=key_questions,
        lines=len(content),
        chars=sum(len(line.text.strip()) for line in kept),
        questions=len(questions),
        furniture=len(content) - len(kept),
        repeated=sorted(text for text, n in Counter(ln.text.strip() for ln in furniture).items() if n >= 3),
        unread=len(unread),
        unread_blanks=sum(1 for line in unread if rules.BLANK.search(line.text)),
        share=read / len(body) if body else 1.0,
    )
    judge(cov, questions, roles)
    return cov


def rows_coverage(paper: ParsedPaper) -> Coverage:
    """A spreadsheet's coverage: its question rows against the rows it could not read."""
    # Rows silently passed over count too: a layout read wrongly leaves rows of text unread.
    rows = max(len(paper.questions) + len(paper.warnings), paper.text_rows)
    cov = Coverage(
        lines=rows,
        questions=len(paper.questions),
        unread=rows - len(paper.questions),
        share=len(paper.questions) / rows if rows else 1.0,
    )
    judge(cov, paper.questions, {}, rows=True)
    return cov


def judge(
    cov: Coverage, questions: list[ParsedQuestion], roles: dict[int, list[str]], rows: bool = False
) -> None:
    """The verdict: poor when the parse likely collapsed or read little, check when unsure."""
    flag_collapsed(questions)
    run_together = [q for q in questions if RUN_TOGETHER in q.warnings]
    collapsed = [q for q in questions if RUN_TOGETHER in q.warnings or OVERLONG in q.warnings]
    sparse = cov.lines >= SPARSE_LINES and cov.questions * SPARSE_LINES_PER_QUESTION < cov.lines
    dense = cov.chars >= SPARSE_CHARS and cov.questions * SPARSE_CHARS_PER_QUESTION < cov.chars
    # (a judgement printed as "A.正确 B.错误" opens an option A too, and is read as true/false)
    choices = sum(1 for q in questions if q.options or q.type == "truefalse")
    missed_choices = cov.option_a >= MIN_OPTION_A and choices < MISSED_CHOICES * cov.option_a
    if collapsed:
        cov.reasons.append(f"{len(collapsed)} question(s) look like several run together")
    if not questions:
        cov.reasons.append("no question found")
    elif sparse:
        cov.reasons.append(f"{cov.lines} lines but only {cov.questions} question(s)")
    elif dense:
        cov.reasons.append(f"{cov.chars:,} characters but only {cov.questions} question(s)")
    if missed_choices:
        cov.reasons.append(f"{cov.option_a} lines open an option A but only {choices} choice question(s)")
    if cov.key_options >= KEY_OPTIONS:
        cov.reasons.append(f"{cov.key_options} option lines were read as part of a key")
    if cov.key_questions >= KEY_QUESTIONS:
        cov.reasons.append(f"{cov.key_questions} numbered lines that ask were read as part of a key")
    if cov.share < CHECK_SHARE:
        cov.reasons.append(f"only {cov.share:.0%} of the text was read into questions")
    if cov.unread_blanks >= UNREAD_BLANKS:  # ("80分（ ）1小时20分    3小时（ ）300分钟": items a line)
        cov.reasons.append(f"{cov.unread_blanks} lines with a blank to fill were read into no question")
    # (a bank's rows or records number themselves by ids that skip and restart as they like: one
    # row a question, nothing was read in the wrong place for its numbers to tell)
    findings = run_checks(questions, roles, skip=(numbering_breaks,) if rows else ())
    cov.reasons.extend(f.reason for f in findings)
    cov.notes = [note] if (note := key_note(questions)) else []
    # One overlong question is a spot to look at; questions swallowing numbered ones, a collapse.
    poor = bool(run_together) or len(collapsed) > 1 or sparse or missed_choices or cov.share < LOW_SHARE
    poor = poor or not questions or any(f.poor for f in findings)
    cov.verdict = "poor" if poor else ("check" if cov.reasons else "ok")


def flag_collapsed(questions: list[ParsedQuestion]) -> None:
    """A question holding what looks like more numbered questions with options, or a closed
    question many times longer than the rest, is a segmentation failure: flagged for review,
    never trusted. (Open questions are long by nature: cases, essays, worked answers.)"""
    lengths = [len(_text(q)) for q in questions]
    typical = statistics.median(lengths) if lengths else 0
    for q, length in zip(questions, lengths, strict=True):
        text = _text(q)
        if len(NUMBERED.findall(text)) >= 3 and len(LABELS.findall(text)) >= 4:
            _warn(q, RUN_TOGETHER)
        elif q.type != "short" and len(questions) >= 5 and length > 400 and length > 10 * typical:
            _warn(q, OVERLONG)


def _text(q: ParsedQuestion) -> str:
    answer = q.answer if isinstance(q.answer, str) else ""
    return "\n".join([q.stem, *q.options, answer, q.explanation])


def _warn(q: ParsedQuestion, warning: str) -> None:
    if warning not in q.warnings:
        q.warnings.append(warning)
