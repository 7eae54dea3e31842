"""Questionnaire exports (问卷星-style): no numbers, no option labels, one field per line.

A line that asks ("…哪些", "…是", "?", "( )") takes the plain lines under it as options; a
line followed by "____" is a blank to fill; a plain line on its own is a statement to judge.
Survey fields such as 您的姓名 are dropped. Options end where a line reads like a statement:
much longer than the options before it, or opening with a modal ("应该", "如果").
"""

from __future__ import annotations

import re
import statistics

from . import rules
from .classify import untick
from .model import Line, ParsedQuestion

# (an open end asks too, its blank lost in copying: "…的会议是。")
ASKS = re.compile(rf"[?？]|哪些|哪个|哪項|哪项|什么|什麼|多少|多长|多久|[(（]\s*[)）]|{rules.OPEN_END}")
# A plain line that asserts something: it is a statement to judge, not an option.
PREDICATE = re.compile(r"是(?!否)|应|應|要|需|可|能|均|都|必须|必須|属于|屬於|包括|为|為")
SURVEY_FIELD = re.compile(
    r"^(?:您|你)(?:的|所在|所属|所屬)|^(?:姓名|性别|性別|年龄|年齡|职务|職務|部门|部門|工号|工號|手机|手機|电话|電話|联系方式|聯繫方式)$"
)
STATEMENT_OPENING = re.compile(r"^(?:应该|應該|应当|應當|如果|假如|我们|我們|在.{2,12}(?:过程|過程|时|時)中)")
SHORT_FIELD_CHARS = 6
# "A __protocol__ is…", "_Encryption___ is…": the answer written on the blank's line.
FILLED_BLANK = re.compile(r"(?<![A-Za-z0-9_])(?=_{2}|_[^_]+_{2})_+([^_\s][^_\n]{0,30}?)_+(?![A-Za-z0-9_])")


def parse_survey(lines: list[Line], section: str = "", chapter: str = "") -> list[ParsedQuestion]:
    out = _parse(lines, section)
    filled = sum(1 for q in out if q.type == "fill" and q.answer)
    if filled * 2 >= len(out):
        # a worksheet of sentences with their blanks filled in ("A __protocol__ is…"): its other
        # plain lines are the title, the instructions and the word box, not statements to judge
        out = [q for q in out if not (q.type == "truefalse" and q.answer is None)]
    for q in out:
        q.chapter = chapter
    return out


def _parse(lines: list[Line], section: str) -> list[ParsedQuestion]:
    out: list[ParsedQuestion] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text
        if _blank_follows(lines, i):
            if not _is_survey_field(text, blank=True):
                out.append(
                    ParsedQuestion(
                        type="fill",
                        stem=text,
                        lineno=line.lineno,
                        section=section,
                        warnings=["no answer found"],
                    )
                )
            i += 2
            continue
        filled = [m.group(1).strip() for m in FILLED_BLANK.finditer(text)] if "_" in text else []
        if filled:
            stem = FILLED_BLANK.sub("____", text)
            out.append(
                ParsedQuestion(type="fill", stem=stem, answer=filled, lineno=line.lineno, section=section)
            )
            i += 1
            continue
        if ASKS.search(text) or SURVEY_FIELD.match(text):
            options, i = _collect_options(lines, i + 1)
            if _is_survey_field(text, blank=False):
                continue
            out.append(_question(text, options, line, section))
            continue
        out.append(
            ParsedQuestion(
                type="truefalse",
                stem=text,
                lineno=line.lineno,
                section=section,
                warnings=["no answer found", "type guessed"],
            )
        )
        i += 1
    return out


def _collect_options(lines: list[Line], i: int) -> tuple[list[str], int]:
    """The plain lines under a question are its options, up to the last one that reads like an
    option; a long assertive line is a statement only if no option-like line follows it."""
    run: list[str] = []
    while i + len(run) < len(lines):
        text = lines[i + len(run)].text
        if rules.BLANK_LINE.match(text) or ASKS.search(text) or SURVEY_FIELD.match(text):
            break
        if _blank_follows(lines, i + len(run)):
            break
        run.append(text)
    end = min(len(run), 1)
    first_statement = None
    for k in range(1, len(run)):
        typical = statistics.median(len(o) for o in run[:end] or run[:1])
        if first_statement is None and not _reads_like_statement(run[k], typical):
            end = k + 1
        elif first_statement is None:
            first_statement = k
        elif _reads_like_option(run[k], typical):
            end, first_statement = k + 1, None
    if end == 1 and run and _reads_like_statement(run[0], 0):
        end = 0
    return run[:end], i + end


def _reads_like_statement(text: str, typical: float) -> bool:
    if len(text) < 8:
        return False
    much_longer = len(text) >= 12 and len(text) >= 2.2 * typical
    return (much_longer and (len(text) >= 3 * typical or bool(PREDICATE.search(text)))) or bool(
        STATEMENT_OPENING.match(text)
    )


def _reads_like_option(text: str, typical: float) -> bool:
    return len(text) <= 1.5 * typical and not PREDICATE.search(text) and not STATEMENT_OPENING.match(text)


def _question(text: str, options: list[str], line: Line, section: str) -> ParsedQuestion:
    if len(options) >= 2:
        options, ticked = untick(options, [])  # "和平与发展√": the key ticked after its option
        key = "".join("ABCDEFGH"[k] for k in ticked if k < 8) or None
        multiple = bool(rules.CHOICE_HINT.search(text)) or len(options) >= 5 or len(ticked) > 1
        return ParsedQuestion(
            type="multiple" if multiple else "single",
            stem=text,
            options=options,
            answer=key,
            lineno=line.lineno,
            section=section,
            warnings=["type guessed"] if key else ["no answer found", "type guessed"],
        )
    # one plain line under a line that asks: no choice, its answer (a note's question and answer)
    answer = options[0] if options else None
    return ParsedQuestion(
        type="short",
        stem=text,
        answer=answer,
        lineno=line.lineno,
        section=section,
        warnings=["type guessed"] if answer else ["no answer found", "type guessed"],
    )


def _blank_follows(lines: list[Line], i: int) -> bool:
    return i + 1 < len(lines) and bool(rules.BLANK_LINE.match(lines[i + 1].text))


def _is_survey_field(text: str, blank: bool) -> bool:
    if SURVEY_FIELD.match(text):
        return True
    plain = not rules.BLANK.search(text) and not rules.QUESTION_WORDS.search(text)
    return blank and plain and len(text) <= SHORT_FIELD_CHARS
