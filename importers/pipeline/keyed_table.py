"""Banks printed as a table of 編號 | 答案 | 試題 (or 序號 | 單元名稱 | 題目 | 答案): each row a
question's number, its key and its text, the options numbered (1)…(4) or lettered (A)…(D) inside
the text ("1 4依…何者不是…？ (1)經費合理性。 (2)…").

Taiwan's government procurement banks (政府電子採購網 題庫) and other exam systems' exports print
every subject this way, keying a choice by its option's number or letter and a 是非題 by O or X;
a PDF's text layer wraps each row over several lines, and a unit column's name (repeated down
the rows of a unit) comes before the question. Under such a header the rows are rewritten as
numbered questions with a labelled key; other files pass through untouched.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .model import Line

NUMBER_CELL = r"(?:編號|编号|序號|序号|題號|题号)"
QUESTION_CELL = r"(?:試題|试题|題目|题目)"
UNIT_CELL = r"(?:單元名稱|单元名称|單元|单元|章節|章节|類別|类别)"
KEY_FIRST = re.compile(rf"{NUMBER_CELL}答案{QUESTION_CELL}")
KEY_BEFORE_NUMBER = re.compile(rf"答案{NUMBER_CELL}{QUESTION_CELL}")
KEY_LAST = re.compile(rf"{NUMBER_CELL}(?P<unit>{UNIT_CELL})?{QUESTION_CELL}答案")
HEADER_OPENS = "編编序題题答"
HEADER_LINES = 8  # a narrow column's header, printed a character a line
KEY = r"[1-9]|[OXＯＸ○×]|[A-H]"
ROW_KEYED = re.compile(rf"^\s*(?P<number>\d{{1,4}})\s+(?P<key>{KEY})(?:(?<=\d)|\s)\s*(?P<text>\S.*)$")
ROW = re.compile(r"^\s*(?P<number>\d{1,4})\s+(?P<text>\S.*)$")
KEY_ALONE = re.compile(rf"^\s*(?P<key>{KEY})\s*$")
KEY_CELL = re.compile(rf"^\s*[(（]?\s*(?P<key>{KEY})\s*[)）]?\s*$")  # "(4)" over its row's number
NUMBER_ALONE = re.compile(r"^\s*(?P<number>\d{1,4})\s*$")
KEY_AT_END = re.compile(rf"\s(?P<key>{KEY})\s*$")
OPTION_NUMBER = re.compile(r"[(（]\s*([1-9])\s*[)）]")
VERDICTS = {"O": "对", "Ｏ": "对", "○": "对", "X": "错", "Ｘ": "错", "×": "错"}
MIN_UNIT = 2  # the shortest unit name cut from a row
PAGE_REACH = 3  # how far from a page's header its banner is printed
PAGE_URL = re.compile(r"^\s*https?://\S+\s*$")  # a page picture's address between a PDF's pages


@dataclass
class Table:
    key_first: bool
    unit: bool
    key_before_number: bool = False  # 答案 | 題號 | 題目, each cell a line: "(4)" "1" "金融從業人員…"


def keyed_table(lines: list[Line], furniture: list[Line]) -> list[Line]:
    """The lines rewritten; the tables' headers and page lines go to `furniture`."""
    headers = {at: found for at in range(len(lines)) if (found := _header(lines, at))}
    if not headers:
        return lines
    page_lines = _page_lines(lines, headers)
    out: list[Line] = []
    rows: list[list[Line]] = []
    table: Table | None = None
    expected = 0
    at = 0
    while at < len(lines):
        found = headers.get(at)
        if found:
            table, end = found
            furniture.extend(lines[at:end])
            expected, at = expected or 1, end
            continue
        index, line = at, lines[at]
        at += 1
        if table is None:
            out.append(line)
            continue
        if table.key_before_number:
            starts = _key_over_number(lines, index, expected)
            if starts:
                rows.append([line, lines[index + 1]])
                expected, at = int(lines[index + 1].text) + 1, at + 1
                continue
        m = (ROW_KEYED if table.key_first else ROW).match(line.text)
        starts = m is not None and int(m.group("number")) in (expected, 1)
        if starts and m is not None:
            rows.append([line])
            expected = int(m.group("number")) + 1
        elif rows and (index in page_lines or PAGE_URL.match(line.text)):
            furniture.append(line)
        elif rows and line.text.strip() and not _heading(line.text):
            rows[-1].append(line)
        else:
            out.extend(_rewritten(rows, table))
            rows, expected = [], 0 if line.text.strip() and not _heading(line.text) else expected
            table = table if expected else None
            out.append(line)
    if table is not None:
        out.extend(_rewritten(rows, table))
    return out


def _header(lines: list[Line], at: int) -> tuple[Table, int] | None:
    """The table a header starting at `at` opens, and where its rows begin."""
    first = lines[at].text.lstrip()[:1]
    if not first or first not in HEADER_OPENS:
        return None  # (checked at every line: most open with anything else)
    text = ""
    for end in range(at, min(at + HEADER_LINES, len(lines))):
        text += re.sub(r"\s+", "", lines[end].text)
        if KEY_FIRST.fullmatch(text):
            return Table(key_first=True, unit=False), end + 1
        if KEY_BEFORE_NUMBER.fullmatch(text):
            return Table(key_first=False, unit=False, key_before_number=True), end + 1
        last = KEY_LAST.fullmatch(text)
        if last:
            return Table(key_first=False, unit=bool(last.group("unit"))), end + 1
        if len(text) > len("序號單元名稱題目答案"):
            return None
    return None


def _page_lines(lines: list[Line], headers: dict[int, tuple[Table, int]]) -> set[int]:
    """Lines printed beside each page's header again (a banner over every page of a bank): the
    same text repeated, next to a repeated header."""
    near = {k for at in headers for k in range(at - PAGE_REACH, at + HEADER_LINES + PAGE_REACH)}
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    banner = {k for k in near if 0 <= k < len(lines) and counts[lines[k].text] >= 2}
    return {k for k in banner if lines[k].text.strip() and not KEY_ALONE.match(lines[k].text)}


def _heading(text: str) -> bool:
    """ "是非題", "選擇題": a part of the bank, between tables."""
    return re.fullmatch(r"\s*\S{1,6}[題题]\s*", text) is not None


def _rewritten(rows: list[list[Line]], table: Table) -> list[Line]:
    texts = [_row_text(row, table) for row in rows]
    if table.unit:
        texts = _without_units(texts)
    return [
        line
        for row, (number, key, text) in zip(rows, texts, strict=True)
        for line in _lines(row, number, key, text)
    ]


def _key_over_number(lines: list[Line], at: int, expected: int) -> bool:
    """A key's cell alone on its line, the number due next on the line under it."""
    if at + 1 >= len(lines) or not KEY_CELL.match(lines[at].text):
        return False
    number = NUMBER_ALONE.match(lines[at + 1].text)
    return number is not None and int(number.group("number")) in (expected, 1)


def _row_text(row: list[Line], table: Table) -> tuple[str, str, str]:
    """The row's number, key and text (its lines joined by newlines, as wrapped)."""
    if table.key_before_number:
        cell = KEY_CELL.match(row[0].text)
        assert cell is not None
        text = "\n".join(line.text.strip() for line in row[2:])
        return row[1].text.strip(), cell.group("key"), text
    m = (ROW_KEYED if table.key_first else ROW).match(row[0].text)
    assert m is not None
    parts = [m.group("text").strip(), *(line.text.strip() for line in row[1:])]
    key = m.group("key") if table.key_first else ""
    if not key and (alone := KEY_ALONE.match(parts[-1])) and len(parts) > 1:
        key, parts = alone.group("key"), parts[:-1]
    elif not key and (end := KEY_AT_END.search(parts[-1])):
        key, parts[-1] = end.group("key"), parts[-1][: end.start()]
    return m.group("number"), key, "\n".join(parts)


def _without_units(texts: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Each row without the unit's name before its question: the start it shares with its
    neighbouring rows, up to a space or line break (a name printed once stays)."""
    out = []
    for i, (number, key, text) in enumerate(texts):
        neighbours = [texts[j][2] for j in (i - 1, i + 1) if 0 <= j < len(texts)]
        cuts = [_boundary(text, len(os.path.commonprefix([text, other]))) for other in neighbours]
        cut = min((c for c in cuts if c >= MIN_UNIT), default=0)  # (two questions may open alike)
        out.append((number, key, text[cut:].strip() if cut else text))
    return out


def _boundary(text: str, shared: int) -> int:
    """The last space or line break within the first `shared` characters (0 when none)."""
    return max((k for k in range(min(shared, len(text) - 1) + 1) if text[k].isspace()), default=0)


def _lines(row: list[Line], number: str, key: str, text: str) -> list[Line]:
    """ "N. the question", its options "A. …" a line each when numbered (1)…(4), then the key."""
    text = text.replace("\n", "")
    numbers = list(OPTION_NUMBER.finditer(text))
    labels = [int(n.group(1)) for n in numbers]
    if key.isdecimal() and labels[:2] == [1, 2] and labels == list(range(1, len(labels) + 1)):
        ends = [n.start() for n in numbers[1:]] + [len(text)]
        options = [text[n.end() : end].strip() for n, end in zip(numbers, ends, strict=True)]
        out = [_line(row[0], f"{number}. {text[: numbers[0].start()].strip()}")]
        out += [_line(row[0], f"{'ABCDEFGH'[i]}. {option}") for i, option in enumerate(options[:8])]
        key = "ABCDEFGH"[int(key) - 1]
    else:
        out = [_line(row[0], f"{number}. {text}")]
    if key:
        out.append(_line(row[-1], f"答案：{VERDICTS.get(key, key)}"))
    return out


def _line(source: Line, text: str) -> Line:
    return Line(text=text, lineno=source.lineno, images=source.images)
