"""Question banks written in a sigil markup: each line opens with a punctuation mark naming
its field, as quiz tools' import formats do ("@" a question, "#" its options, several to a
line, "%C" its key, "$…" a tag). The marks differ from tool to tool, so they are learnt from
the file: a mark followed by option letters on nearly all of its lines is the key's, the mark
that opens the line after a key is the question's, and the most frequent other mark is the
options'. The
lines are rewritten in the layout the segmenter reads (a stem, "A. …" options, "答案：C");
a file without such a pattern passes through untouched.
"""

from __future__ import annotations

import re
from collections import Counter

from .model import Line

SIGILS = "@#%$&^~!+=|"
MIN_RECORDS = 5
KEY_AFTER = re.compile(r"\s*([A-H]{1,8})(?![A-Za-z])\s*(.*)$")


def sigil_records(lines: list[Line]) -> list[Line]:
    marks = _learn(lines)
    if marks is None:
        return lines
    question, option, key = marks
    out: list[Line] = []
    letter = 0
    for line in lines:
        text = line.text.strip()
        mark = text[:1]
        if mark == question:
            letter = 0
            out.append(_line(line, text[1:].strip()))
        elif mark == option:
            for part in text[1:].split(option):
                if part.strip() and letter < 8:
                    out.append(_line(line, f"{'ABCDEFGH'[letter]}. {part.strip()}"))
                    letter += 1
        elif mark == key and (keyed := KEY_AFTER.match(text, 1)):  # (one in ten may hold no key)
            letters, rest = keyed.groups()
            note = "" if rest[:1] in SIGILS else rest  # "%C　$第一章": a tag, not an explanation
            out.append(_line(line, f"答案：{letters} {note}".strip()))
        else:
            out.append(line)
    return out


def _learn(lines: list[Line]) -> tuple[str, str, str] | None:
    """The (question, option, key) marks of a sigil bank, or None."""
    opening: Counter[str] = Counter()
    keyed: Counter[str] = Counter()
    after: Counter[tuple[str, str]] = Counter()  # (a mark, the mark of the line after it)
    text_lines = 0
    previous = ""
    for line in lines:
        text = line.text.lstrip()
        if not text:
            continue
        text_lines += 1
        mark = text[0] if text[0] in SIGILS else ""
        after[previous, mark] += 1
        previous = mark
        if mark:
            opening[mark] += 1
            if KEY_AFTER.match(text, 1):
                keyed[mark] += 1
    keys = [m for m, n in keyed.items() if n >= MIN_RECORDS and n >= 0.9 * opening[m]]
    if len(keys) != 1:
        return None
    key = keys[0]
    records = opening[key]
    question = max(opening, key=lambda m: after[key, m] if m != key else -1)
    options = [m for m, _ in opening.most_common() if m not in (key, question)]
    if after[key, question] < 0.8 * (records - 1) or not options or opening[options[0]] < 0.8 * records:
        return None
    if records + opening[question] + opening[options[0]] < 0.7 * text_lines:
        return None
    return question, options[0], key


def _line(source: Line, text: str) -> Line:
    return Line(text=text, lineno=source.lineno, images=source.images)
