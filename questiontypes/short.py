"""Short answers (and case questions, stored as short answers with their material): the key is a
reference text; grading suggests a mark from the reference's key terms and a trainer decides."""

from __future__ import annotations

import logging
import math
import re
import warnings
from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import cache
from typing import Any

from .base import (
    DEFAULT_POLICY,
    PENDING,
    UNANSWERED,
    Answer,
    AnswerError,
    Grade,
    Policy,
    QuestionType,
    gettext_noop,
)
from .text import fold, normalise_fill
from .words import ALTERNATIVE

_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?")


@cache
def _extract_tags() -> Callable[..., list[tuple[str, float]]]:
    """jieba's TF-IDF extractor, loaded on first use.

    Importing jieba.analyse reads its IDF table and the first cut builds the prefix dict (and a
    cache file in the temp dir). Both leak file handles and jieba logs progress to stderr; under
    the suite's warnings-as-errors that would fail unrelated tests, so it is all done once, quietly.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
        import jieba.analyse

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
    extract: Callable[..., list[tuple[str, float]]] = jieba.analyse.extract_tags
    return extract


def _is_term(word: str) -> bool:
    # Single characters ("的", "和") and numbers ("3", "2.5%") say little about understanding.
    return len(word) > 1 and not _NUMBER.fullmatch(word) and bool(normalise_fill(word))


def key_terms(reference: str, limit: int = 8) -> list[str]:
    """The reference answer's most telling words (TF-IDF), heaviest first.

    Ties keep the order of first appearance, so the same reference always gives the same list.
    The reference is width- and script-folded first: jieba's dictionary is Simplified.
    """
    text = fold(reference or "").strip()
    if not text:
        return []
    weighted = _extract_tags()(text, topK=None, withWeight=True)
    ranked = sorted(weighted, key=lambda pair: (-pair[1], text.find(pair[0])))
    terms: list[str] = []
    for word, _weight in ranked:
        if _is_term(word) and word not in terms:
            terms.append(word)
    return terms[:limit]


def _term_found(term: str, normalised_text: str) -> bool:
    """A term may list alternatives too ("客户|顾客"), like a fill blank."""
    variants = {normalise_fill(v) for v in term.split(ALTERNATIVE)} - {""}
    return any(variant in normalised_text for variant in variants)


def suggested_fraction(coverage: float) -> Fraction:
    """Coverage rounded half-up to the nearest tenth, clamped to 0..1.

    Tenths because it is only a starting point for the trainer, who marks in coarse steps anyway;
    finer steps would pretend a precision that counting key words doesn't have. Half-up (not
    Python's banker's rounding) so 0.25 suggests 0.3, as a person would expect.
    """
    exact = Fraction(coverage).limit_denominator(10_000)  # 1/3 stays 1/3, not its float
    tenths = math.floor(exact * 10 + Fraction(1, 2))
    return Fraction(min(max(tenths, 0), 10), 10)


# ---- which words of a text counted: the grading page highlights them -------------------------
@cache
def _normalise_char(ch: str) -> str:
    return normalise_fill(ch)


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """normalise_fill applied char by char, remembering where each folded char came from,
    so a match found in the folded text maps back to a span of the original."""
    folded: list[str] = []
    origins: list[int] = []
    for index, ch in enumerate(text):
        for out in _normalise_char(ch):
            folded.append(out)
            origins.append(index)
    return "".join(folded), origins


def _term_spans(folded: str, origins: list[int], terms: Sequence[str]) -> list[tuple[int, int]]:
    variants = {normalise_fill(v) for term in terms for v in term.split(ALTERNATIVE)} - {""}
    taken = [False] * len(folded)
    spans: list[tuple[int, int]] = []
    # Longest first, so "客户满意度" wins over the "客户" inside it.
    for variant in sorted(variants, key=lambda v: (-len(v), v)):
        start = folded.find(variant)
        while start != -1:
            end = start + len(variant)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(variant)
                spans.append((origins[start], origins[end - 1] + 1))
            start = folded.find(variant, start + 1)
    return sorted(spans)


def highlight(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """Split text into (segment, is_term) pieces for templates; joined, they give back the text.

    Matching ignores width, script, case, spacing and punctuation like grading does, so what is
    highlighted is what counted as a hit.
    """
    if not text:
        return []
    folded, origins = _folded_with_origins(text)
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for span_start, end in _term_spans(folded, origins, terms):
        # Spans are disjoint in the folded text; one source char that folds to several ("㈱")
        # could still be shared, so never step back over what is already emitted.
        start = max(span_start, cursor)
        if end <= start:
            continue
        if start > cursor:
            pieces.append((text[cursor:start], False))
        pieces.append((text[start:end], True))
        cursor = end
    if cursor < len(text):
        pieces.append((text[cursor:], False))
    return pieces


class Short(QuestionType):
    code = "short"
    name = gettext_noop("简答题")
    needs_key = False  # graded by hand: it may go live without a reference
    free_text = True
    key_missing = gettext_noop("请填写参考答案。")
    keys_hint = gettext_noop("键盘:Ctrl+Enter 保存并下一题")

    def validate(self, answer: Answer, *, labels: str = "") -> None:
        if answer is not None and not isinstance(answer, str):
            raise AnswerError(gettext_noop("简答题的参考答案必须是文字。"), "answer_text")

    def clean_response(self, response: object, *, option_count: int) -> Answer:
        if isinstance(response, str):
            return response[:20_000]
        return super().clean_response(response, option_count=option_count)

    def grade(
        self,
        key: object,
        response: object,
        policy: Policy = DEFAULT_POLICY,
        *,
        terms: Sequence[str] | None = None,
        **extra: Any,
    ) -> Grade:
        """Never final: the fraction is a suggestion (PENDING) until a trainer confirms it.
        `terms` are the trainer's key terms; without them the reference's own are used."""
        reference = "" if key is None else str(key)
        wanted = [t for t in terms if normalise_fill(t)] if terms else key_terms(reference)
        given = "" if response is None else str(response)
        normalised = normalise_fill(given)
        hits = [term for term in wanted if _term_found(term, normalised)]
        coverage = len(hits) / len(wanted) if wanted else 0.0
        detail: dict[str, object] = {"terms": wanted, "hits": hits, "coverage": coverage}
        if not normalised:
            return Grade(Fraction(0), UNANSWERED, detail)
        return Grade(suggested_fraction(coverage), PENDING, detail)
