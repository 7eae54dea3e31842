"""A quiz page that keeps its bank as data in its own script ("const singlePool = [{"title": …,
"options": […], "answer": 1}, …]"): what the page shows is a title, a timer and a button, and
the questions are drawn from the arrays when it runs. The page's inline scripts are read as a
.js quiz file is (json_records)."""

from __future__ import annotations

import re

from .model import Line

# An inline script (one with a src attribute loads code from elsewhere and holds none)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.S | re.I)


def script_lines(page: str) -> list[Line]:
    """The page's inline scripts, each line numbered as in the page."""
    lines: list[Line] = []
    lineno, counted_to = 1, 0
    for m in INLINE_SCRIPT.finditer(page):
        lineno += page.count("\n", counted_to, m.start(1))
        counted_to = m.start(1)
        lines.extend(Line(text=part, lineno=lineno + k) for k, part in enumerate(m.group(1).split("\n")))
    return lines
