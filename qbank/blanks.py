"""Where a fill question's blanks are: the exam page numbers them, the keying page asks one
answer per blank. The importer marks them the same way (importers/pipeline/rules.py BLANK)."""

from __future__ import annotations

import re

# "____" or an empty pair of brackets, half or full width.
BLANK = re.compile(r"_{2,}|[(（]\s*[)）]")
MAX_BLANKS = 20  # quizzes.services.clean_response keeps at most 20


def blank_count(stem: str) -> int:
    """At least one: a fill question whose stem marks no blank still has one answer."""
    return max(1, min(MAX_BLANKS, len(BLANK.findall(stem))))
