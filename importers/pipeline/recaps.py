"""A recap of terms the paper already asked: review notes that define their terms often end with
"高频必背名词解释" over "1. 数据库（DB）" "2. 关系模式" …, the terms again, bare, to learn first.

Read line by line such a list is a part of unanswered questions, each asked a second time. A part
is a recap when every question in it is a bare term (no answer, option or material) and most of
them name a term an answered question above already asked ("NULL" of "空值（NULL）", "选择" of
"选择（Selection）"); its lines are kept as read, as a heading's are, and ask nothing. An exam's
名词解释 part lists bare terms too, but never terms its own paper answered before.
"""

from __future__ import annotations

import re
import unicodedata

from . import rules
from .model import ParsedQuestion

MIN_TERMS = 3
REPEAT_SHARE = 0.7
TERM_MAX = 30  # a term, not a sentence that asks
# "数据库（DB）": a term with its abbreviation or its English name, named by either
GLOSSED = re.compile(r"^(?P<term>[^(（]+?)\s*[(（](?P<gloss>[^)）]+)[)）]\s*$")


def drop_recaps(questions: list[ParsedQuestion], roles: dict[int, list[str]]) -> list[ParsedQuestion]:
    """`questions` without the parts that recap earlier ones; their lines get the role "recap"."""
    kept: list[ParsedQuestion] = []
    asked: set[str] = set()
    for part in _parts(questions):
        if _recaps(part, asked):
            for q in part:
                roles[q.lineno] = ["recap"]
            continue
        kept.extend(part)
        asked.update(name for q in part if q.answer for name in _names(q.stem))
    return kept


def _parts(questions: list[ParsedQuestion]) -> list[list[ParsedQuestion]]:
    """The questions in runs: a run ends where the part changes or the numbers start again."""
    parts: list[list[ParsedQuestion]] = []
    for q in questions:
        if not parts or q.section != parts[-1][-1].section or q.number == "1":
            parts.append([])
        parts[-1].append(q)
    return parts


def _recaps(part: list[ParsedQuestion], asked: set[str]) -> bool:
    if len(part) < MIN_TERMS or not all(_bare_term(q) for q in part):
        return False
    repeated = sum(1 for q in part if asked & _names(q.stem))
    return repeated >= REPEAT_SHARE * len(part)


def _bare_term(q: ParsedQuestion) -> bool:
    return not (q.answer or q.options or q.material or q.explanation) and len(q.stem) <= TERM_MAX


def _names(stem: str) -> set[str]:
    """The ways a term is named: whole, and by the term or the gloss alone."""
    texts = [stem]
    glossed = GLOSSED.match(stem)
    if glossed:
        texts += [glossed.group("term"), glossed.group("gloss")]
    keys = {rules.bare_words(unicodedata.normalize("NFKC", text)).lower() for text in texts}
    return keys - {""}
