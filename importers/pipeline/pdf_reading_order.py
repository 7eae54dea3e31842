"""A PDF page's lines in the order a reader meets them, where the producer drew some out of it.

pypdf gives a page's text in the order its content stream draws it. Most producers draw top to
bottom; some draw framed blocks (a program listing in a box) after the rest of the page, so
they come out after the options or at the page's end, far from the stems that show them. Lines
drawn after the running text, above it, each go back to their height, when:
- they are more than furniture and less than most of the page (a page drawn in some other
  order, a column of numbers first, is left as pypdf reads it);
- they start where the running text does (a second column starts half a page to the right);
- they fill rows of their own (labels drawn first and their texts later share rows: pypdf's
  order, which the parser reads, keeps them together).
A listing's line numbers (1, 2, 3… in a gutter, drawn apart from the lines) go: kept, each
would read as a question.
"""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass

# Lines whose heights differ by less than this (points) are one row of the page.
ROW = 3.0
# Late text under this share of a page is furniture drawn last (a header): left where it is,
# the furniture filter finds it at the page's edge.
MIN_MOVED_SHARE = 0.05
# Over this share, the "running text" is a column of numbers or furniture drawn first: the page
# is drawn in another order, which pypdf's reading already gives as the parser knows it.
MAX_MOVED_SHARE = 0.8
# Two columns' lines start at least this far apart (share of the page's width).
COLUMN_OFFSET = 0.25
# Share of the late text that must fill rows of its own (see _rows_of_their_own).
OWN_ROWS_SHARE = 0.8


@dataclass
class PageLine:
    text: str
    down: float  # distance from the page's top edge, growing downward (points)
    left: float  # x of the line's first character


Visitor = Callable[[str, list[float], list[float], object, float], None]


def page_text_in_reading_order(extract: Callable[[Visitor], str], width: float, foot: float) -> str:
    """`extract(visitor)` runs pypdf's extract_text with the visitor on a page `width` points
    wide whose foot margin ends `foot` points up; the text it returns, with lines drawn out of the
    page's order moved to their height."""
    parts: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        parts.append((text, -y, x))

    text = extract(visit)
    if "".join(part[0] for part in parts) != text:
        return text  # the visitor saw other text than returned: nothing to place by
    lines = _lines(parts)
    if _labels_drawn_ahead(lines, width):
        return "\n".join(_row_texts(lines, width))
    numbers = _line_numbers(lines)
    body = [line for line in lines if line.text.strip() and id(line) not in numbers]
    start = _drawn_late(body, -foot)
    if start is None or not (_one_column(body, start, width) and _rows_of_their_own(body, start)):
        return text
    return "\n".join(_placed(body, start))


def _lines(parts: list[tuple[str, float, float]]) -> list[PageLine]:
    """The page's lines, each placed where its first visible character was drawn."""
    lines: list[PageLine] = []
    current: PageLine | None = None
    for text, down, left in parts:
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                current = None  # a newline ends the line being built
            if current is None:
                current = PageLine("", down, left)
                lines.append(current)
            if not current.text.strip() and piece.strip():
                current.down, current.left = down, left
            current.text += piece
    return lines


def _drawn_late(lines: list[PageLine], foot: float) -> int | None:
    """Where the lines drawn after the page's running text start: the first line drawn above
    text already read (by more than a row, and not into a row already read: a word drawn in
    later), if from there to the end is more than furniture and less than most of the page.
    Text in the page's foot (below `foot`) is furniture, or an object placed there by its own
    coordinates: the text drawn after it is not late for that."""
    lowest = -math.inf
    rows_read: set[int] = set()
    for index, line in enumerate(lines):
        row = math.floor(line.down / ROW)
        in_a_row_read = bool(rows_read & {row - 1, row, row + 1})
        if line.down < lowest - ROW and not in_a_row_read:
            start = index
            break
        if line.down < foot:
            lowest = max(lowest, line.down)
        rows_read.add(row)
    else:
        return None
    sizes = [len(line.text.strip()) for line in lines]
    late = sum(sizes[start:]) / sum(sizes)
    return start if MIN_MOVED_SHARE <= late <= MAX_MOVED_SHARE else None


# The first option's label alone: "A.", "A、", "(A)"
FIRST_LABEL = re.compile(r"\s*[(（]?A[.．、)）]?\s*")
# How near (share of the page's width) a label's text and its question start to the label
LABEL_REACH = 0.15
MIN_ABOVE = 4  # characters of the line above a label that may be its question
LOOK = 50  # lines looked through around a label (a degenerate page stays linear)


def _labels_drawn_ahead(lines: list[PageLine], width: float) -> bool:
    """A browser's print of a quiz page that draws each question's frame first (its options'
    labels, its score, its key) and then the question and the options' texts beside those labels:
    no stretch of the drawing order reads as the page does. Such a page is read row by row when
    option lists' first labels, alone in the stream, were drawn before the line just above them in
    their column (their question, or its score), and their texts just to their right after it.
    A page that draws the question, then its labels, then the texts is left as drawn: the parser
    pairs labels and texts there."""
    reach = LABEL_REACH * width
    drawn = {id(line): index for index, line in enumerate(lines)}
    page = sorted((line for line in lines if line.text.strip()), key=lambda line: line.down)
    downs = [line.down for line in page]
    for label in page:
        if not FIRST_LABEL.fullmatch(label.text):
            continue
        order = drawn[id(label)]
        above = bisect.bisect_left(downs, label.down - ROW)
        row = page[above : min(bisect.bisect_right(downs, label.down + ROW), above + LOOK)]
        column = [o for o in page[max(0, above - LOOK) : above] if abs(o.left - label.left) <= reach]
        if not column or drawn[id(column[-1])] < order or len(column[-1].text.strip()) < MIN_ABOVE:
            continue  # (a formula's fragments, "1 1", are drawn in any order)
        # (the texts after the question: not a page's header drawn last, above a question begun
        # on the page before)
        question = drawn[id(column[-1])]
        if any(drawn[id(o)] > question and 0 < o.left - label.left <= reach for o in row):
            return True  # (one such list is enough: a question's frame drawn ahead of it)
    return False


def _row_texts(lines: list[PageLine], width: float) -> list[str]:
    """The page read row by row, left to right (a label and its text one line); then, as drawn,
    what starts in the page's right half (a sidebar's answer card, its buttons), which no row of
    the questions takes."""
    main = [line for line in lines if line.left < width / 2]
    out = [
        " ".join(line.text.strip() for line in sorted(row, key=lambda line: line.left)) for row in _rows(main)
    ]
    return out + [line.text for line in lines if line.left >= width / 2 and line.text.strip()]


def _one_column(lines: list[PageLine], start: int, width: float) -> bool:
    """The late lines start where the running text does, not a column's width to either side."""
    shift = statistics.median(line.left for line in lines[start:]) - statistics.median(
        line.left for line in lines[:start]
    )
    return abs(shift) < COLUMN_OFFSET * width


def _rows_of_their_own(lines: list[PageLine], start: int) -> bool:
    """The late text fills rows alone (a box drawn later), not rows it shares with other lines
    (labels drawn first, their texts after: pypdf's order pairs those, a move would part them)."""
    late = {id(line) for line in lines[start:]}
    alone = total = 0
    for row in _rows(lines):
        for line in row:
            if id(line) in late:
                size = len(line.text.strip())
                total += size
                alone += size if len(row) == 1 else 0
    return alone >= OWN_ROWS_SHARE * total


def _line_numbers(lines: list[PageLine]) -> set[int]:
    """A listing's line numbers: bare numbers 1, 2, 3… in rows one under the other, most of them
    beside text to their right (a blank line of the listing has none). Drawn apart from their
    lines, kept they would read as questions; a question's number printed apart from its stem
    has its options' rows before the next number."""
    numbers: set[int] = set()
    run: list[tuple[PageLine, bool]] = []
    for row in _rows(lines):
        first = min(row, key=lambda line: line.left)
        number = int(first.text) if LINE_NUMBER.fullmatch(first.text) else 0
        if number and run and number == int(run[-1][0].text) + 1:
            run.append((first, len(row) > 1))
            continue
        numbers.update(_listing(run))
        run = [(first, len(row) > 1)] if number == 1 else []
    numbers.update(_listing(run))
    return numbers


def _listing(run: list[tuple[PageLine, bool]]) -> set[int]:
    beside = sum(has_text for _, has_text in run)
    return {id(line) for line, _ in run} if len(run) >= 2 and 2 * beside >= len(run) else set()


def _rows(lines: list[PageLine]) -> list[list[PageLine]]:
    """The visible lines grouped into the page's rows, top to bottom."""
    rows: list[list[PageLine]] = []
    for line in sorted((line for line in lines if line.text.strip()), key=lambda line: line.down):
        if rows and line.down - rows[-1][0].down <= ROW:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


LINE_NUMBER = re.compile(r"\s*\d{1,3}\s*")


def _placed(lines: list[PageLine], start: int) -> list[str]:
    """The running text as drawn, each late line (in drawing order) before the first line of it
    below the late line's row."""
    kept = lines[:start]
    heights = [line.down for line in kept]
    slots: dict[int, list[str]] = {}
    for line in lines[start:]:
        slots.setdefault(bisect.bisect_right(heights, line.down + ROW), []).append(line.text)
    out: list[str] = []
    for position, line in enumerate(kept):
        out.extend(slots.get(position, ()))
        out.append(line.text)
    out.extend(slots.get(len(kept), ()))
    return out
