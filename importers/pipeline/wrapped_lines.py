"""Lines a hard wrap cut (a PDF's text layer, a fixed-width dump), read whole again.

A line that reaches the text's wrap width was cut there: the next line goes on with it unless
the next line opens with something of its own (a number, an option's label, an answer, a
heading). Joined before the segmenter reads them, a stem, option or answer cut at the width is
one line to every rule, as the page's reader sees it, and the cut lines keep their numbers
(Line.joined) for the coverage and --explain.
"""

from __future__ import annotations

import re

from .model import Line

WRAP_FULL = 0.9  # a line this close to the wrap width was cut there
# Lines are read whole again only where the page plainly cut them: this share of the lines
# reaches the width (a bank of one record a line has a ceiling too, met by a fifth of them).
CUT_SHARE = 0.3


def display_width(text: str) -> int:
    """Columns the text takes: CJK counts two. (UTF-8 gives ASCII one byte and CJK three, so
    (bytes + characters) / 2 counts that in C rather than character by character.)"""
    return (len(text.encode("utf-8")) + len(text)) // 2


def line_ceiling(lines: list[Line]) -> int | None:
    """The width nine in ten of the text's lines (of 20 columns or more) stay within, or None
    when it has too few: a page's width where a page printed the lines."""
    return _ceiling(_long_widths(lines))


def _long_widths(lines: list[Line]) -> list[int]:
    return sorted(w for w in (display_width(line.text) for line in lines) if w >= 20)


def _ceiling(widths: list[int]) -> int | None:
    return widths[int(len(widths) * 0.9)] if len(widths) >= 20 else None


def wrap_width(lines: list[Line]) -> float | None:
    """The width at which a text was hard-wrapped (PDF text, fixed-width dumps), or None.

    Hard-wrapped text has a ceiling: many lines end within a few characters of the same
    width and almost none go past it. Text with one paragraph per line has no such ceiling.
    """
    widths = _long_widths(lines)
    ceiling = _ceiling(widths)
    if ceiling is None:
        return None
    if sum(1 for w in widths if w > ceiling * 1.15) > 0.05 * len(widths):
        return None  # (Latin runs print narrower than they count here: a few lines may pass)
    near = sum(1 for w in widths if w >= 0.85 * ceiling)
    return ceiling if near >= 0.2 * len(widths) else None


def reaches_width(line: Line, width: float | None) -> bool:
    """The line reaches the wrap width (the page cut it, or nearly)."""
    return width is not None and display_width(line.text) >= WRAP_FULL * width


# Where a line ends a sentence the width did not cut it (or cut it where a line would end anyway).
SENTENCE_END = re.compile(r"[。.？?！!：:；;）)」』”]\s*$")
LATIN_END = re.compile(r"[A-Za-z0-9]$")
LATIN_START = re.compile(r"^[A-Za-z0-9]")


def wrapped_runs(
    lines: list[Line],
    width: float | None,
    opens_own: re.Pattern[str],
    furniture: frozenset[int] = frozenset(),
) -> list[list[Line]]:
    """`lines` in runs, each a line and the lines the width cut it into (most runs hold one line).
    `opens_own` matches the start of a line that begins something of its own (the segmenter's
    boundaries); `furniture` numbers the lines dropped as page furniture, which may stand between
    two parts of a cut line (a blank line may not: the paragraph ended there)."""
    if width is None:
        return [[line] for line in lines]
    full = WRAP_FULL * width
    long = [w for w in (display_width(line.text) for line in lines) if w >= 20]
    if sum(1 for w in long if w >= full) < CUT_SHARE * len(long):
        return [[line] for line in lines]  # (records or paragraphs of like lengths: no sure sign of a cut)
    runs: list[list[Line]] = []
    for line in lines:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and _cut(last, full)
            and _next_on_page(last, line, furniture)
            and _goes_on(runs[-1][0], line, opens_own)
        ):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _cut(line: Line, full: float) -> bool:
    return (
        display_width(line.text) >= full
        and not SENTENCE_END.search(line.text)
        and not (line.heading or line.code or line.quote)
    )


def _next_on_page(last: Line, line: Line, furniture: frozenset[int]) -> bool:
    end = last.joined[-1] if last.joined else last.lineno
    gap = range(end + 1, line.lineno)
    return len(gap) <= MAX_FURNITURE_GAP and all(n in furniture for n in gap)


MAX_FURNITURE_GAP = 6  # lines: a page's footer and the next one's header


def _goes_on(head: Line, line: Line, opens_own: re.Pattern[str]) -> bool:
    text = line.text.lstrip()
    return (
        bool(text)
        and not (line.heading or line.code or line.quote or line.bullet)
        and line.depth == head.depth
        and opens_own.match(text) is None
    )


def whole(run: list[Line]) -> Line:
    """A run of cut lines as one line, glued once (a long run stays linear), keeping their numbers."""
    head = run[0]
    if len(run) == 1:
        return head
    parts = [head.text]
    for before, line in zip(run, run[1:], strict=False):
        text = line.text.lstrip()
        parts.append((" " if LATIN_END.search(before.text) and LATIN_START.match(text) else "") + text)
    return Line(
        text="".join(parts),
        lineno=head.lineno,
        images=[image for line in run for image in line.images],
        joined=[*head.joined, *(n for line in run[1:] for n in (line.lineno, *line.joined))],
        depth=head.depth,
        bullet=head.bullet,
        bold=head.bold,
        outline=head.outline,
        glyph=head.glyph,
    )
