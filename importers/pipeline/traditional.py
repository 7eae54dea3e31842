"""Papers set in Traditional characters, read through their Simplified twin.

The rules name their conventions in Simplified characters ("单选题", "参考答案", "判断"), with a
Traditional variant only here and there. A paper from Taiwan, Hong Kong or Macau, or a scraped
paper converted to Traditional, prints "單選題", "參考答案", "判斷": it is read as its Simplified
twin, character for character, and what the reading yields is turned back, so its questions keep
the characters they were printed in.

Only characters whose round trip is exact are converted (a PDF's compatibility ideographs,
U+F900…, are left to the cleaning's NFKC, as in any other paper): one character of the paper to one
Simplified character that the paper does not print itself and no other character of the paper
shares ("發" and "髮" both give "发": neither is converted where both occur).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import opencc

from .clean import with_text
from .model import Line, ParsedPaper, ParsedQuestion

# Of the distinct CJK characters a paper prints, the share that only a paper set in Traditional
# reaches: in the corpus, papers in Simplified convert at most 2% ("乾", "著"), papers in
# Traditional a quarter or more.
TRADITIONAL_SHARE = 0.1


@functools.cache
def simplified_converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")  # (loading its dictionaries once)


def simplified_twin(lines: list[Line]) -> tuple[list[Line], Callable[[ParsedPaper], None]]:
    """The lines in Simplified characters where the paper is set in Traditional, and the
    function that turns a paper read from them back into the paper's own characters."""
    to_simple, to_printed = _round_trip([line.text for line in lines])
    if not to_simple:
        return lines, _unchanged
    twins = [with_text(line, line.text.translate(to_simple)) for line in lines]
    return twins, functools.partial(_restore, table=to_printed)


def _round_trip(texts: list[str]) -> tuple[dict[int, int], dict[int, int]]:
    text = "".join(texts)
    pairs = _exact_pairs(_cjk(text[:SAMPLE]))  # (the set of a long paper's characters costs)
    if pairs and len(text) > SAMPLE:
        pairs = _exact_pairs(_cjk(text))
    return (
        {ord(char): ord(simple) for char, simple in pairs.items()},
        {ord(simple): ord(char) for char, simple in pairs.items()},
    )


SAMPLE = 100_000  # characters enough to tell the script a paper is set in


def _cjk(text: str) -> list[str]:
    return sorted(c for c in set(text) if c >= "\u3400" and not "\uf900" <= c <= "\ufaff")


def _exact_pairs(chars: list[str]) -> dict[str, str]:
    """Each character of `chars` whose Simplified form is its alone and not among `chars`
    itself; none unless they make a paper set in Traditional."""
    converted = str(simplified_converter().convert("\n".join(chars))).split("\n")
    if len(converted) != len(chars):
        return {}
    sources: dict[str, list[str]] = {}
    for char, simple in zip(chars, converted, strict=True):
        if len(simple) == 1 and simple != char:
            sources.setdefault(simple, []).append(char)
    printed = set(chars)
    pairs = {
        alone[0]: simple for simple, alone in sources.items() if len(alone) == 1 and simple not in printed
    }
    return pairs if len(pairs) >= TRADITIONAL_SHARE * len(chars) else {}


def _unchanged(paper: ParsedPaper) -> None:
    return None


def _restore(paper: ParsedPaper, table: dict[int, int]) -> None:
    """The paper's questions in the characters the paper printed (messages stay as written)."""
    for question in paper.questions:
        _restore_question(question, table)
    if paper.coverage is not None:
        paper.coverage.repeated = [text.translate(table) for text in paper.coverage.repeated]


def _restore_question(q: ParsedQuestion, table: dict[int, int]) -> None:
    q.stem = q.stem.translate(table)
    q.options = [option.translate(table) for option in q.options]
    if isinstance(q.answer, str):
        q.answer = q.answer.translate(table)
    elif isinstance(q.answer, list):
        q.answer = [part.translate(table) for part in q.answer]
    q.explanation = q.explanation.translate(table)
    q.material = q.material.translate(table)
    q.section = q.section.translate(table)
    q.chapter = q.chapter.translate(table)
    q.tags = [tag.translate(table) for tag in q.tags]
