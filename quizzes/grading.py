"""Pure grading: one function per question type, the partial-credit policy as data.

Works on an attempt's frozen snapshot (key in DISPLAY order, after shuffling), never on live
questions, so a later edit to a question can't change a finished attempt's mark. No Django here.

Formats (see the snapshot):
- single: key "B"; response "B" / "" / None.
- multiple: key "ABD"; response "AD", ["A", "D"] or None. Case, order and duplicates don't matter.
- truefalse: key bool; response bool, "true"/"false"/"对"/"错" or None.
- fill: key list[str], one per blank, alternatives separated by "|"; response list[str] or None.
- short: key = reference answer text; optional explicit key terms. Never auto-final ("pending").
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from functools import cache
from typing import Any

import opencc

CORRECT = "correct"
PARTIAL = "partial"
WRONG = "wrong"
UNANSWERED = "unanswered"
PENDING = "pending"  # short answers: the fraction is a suggestion until a trainer confirms it
STATES = frozenset({CORRECT, PARTIAL, WRONG, UNANSWERED, PENDING})

ALL_OR_NOTHING = "all_or_nothing"
PARTIAL_SUBSET = "partial"
MULTIPLE_POLICIES = frozenset({ALL_OR_NOTHING, PARTIAL_SUBSET})

ALTERNATIVE_SEPARATOR = "|"
_TRUE_WORDS = frozenset({"true", "对"})
_FALSE_WORDS = frozenset({"false", "错"})
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?")
_CENT = Decimal("0.01")
_MEANINGFUL_PUNCTUATION = frozenset("%‰")


@dataclass(frozen=True)
class Policy:
    """How much a not-quite-right answer earns. Frozen into the attempt with the questions."""

    multiple: str = ALL_OR_NOTHING  # or "partial": a clean subset of the key earns `subset_fraction`
    subset_fraction: Fraction = Fraction(1, 2)
    # fill is always per blank (each blank earns 1/n); short is always a trainer's call.

    def __post_init__(self) -> None:
        if self.multiple not in MULTIPLE_POLICIES:
            raise ValueError(f"unknown multiple-choice policy {self.multiple!r}")
        if not 0 <= self.subset_fraction <= 1:
            raise ValueError(f"subset_fraction must be within 0..1, got {self.subset_fraction}")

    def to_data(self) -> dict[str, str]:
        """JSON-safe form for the attempt snapshot (a Fraction is not JSON)."""
        return {"multiple": self.multiple, "subset_fraction": str(self.subset_fraction)}

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> Policy:
        data = data or {}
        return cls(
            multiple=data.get("multiple", ALL_OR_NOTHING),
            subset_fraction=Fraction(data.get("subset_fraction", "1/2")),
        )


DEFAULT_POLICY = Policy()


@dataclass(frozen=True)
class Grade:
    fraction: Fraction  # 0..1 of the question's points
    state: str  # one of STATES
    detail: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.state not in STATES:
            raise ValueError(f"unknown grade state {self.state!r}")
        if not 0 <= self.fraction <= 1:
            raise ValueError(f"fraction must be within 0..1, got {self.fraction}")


# --- text helpers -------------------------------------------------------------------------------


@cache
def _t2s() -> opencc.OpenCC:
    # Building the converter loads dictionaries; do it once per process.
    return opencc.OpenCC("t2s")


def _fold(text: str) -> str:
    """NFKC width fold and Traditional → Simplified; case and punctuation kept."""
    return _t2s().convert(unicodedata.normalize("NFKC", text))


def _is_noise(ch: str) -> bool:
    # Whitespace, punctuation (P*: "，。、-_") and format chars (zero-width spaces). Symbols (S*:
    # "+", "℃") and the percent signs (Unicode calls them punctuation) are kept: "5%" is not "5".
    if ch in _MEANINGFUL_PUNCTUATION:
        return False
    category = unicodedata.category(ch)
    return ch.isspace() or category[0] in ("P", "Z") or category == "Cf"


def normalise_fill(text: str) -> str:
    """What two answers must share to count as the same: width, script, case, spacing and
    punctuation ignored, so "客戶 服務。" equals "客户服务"."""
    return "".join(ch for ch in _fold(text).lower() if not _is_noise(ch))


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset):
        return all(_is_blank(item) for item in value)
    return False


def _choice_text(value: object) -> str:
    """A letter response as one upper-case string; a list of letters is joined (form getlist)."""
    if isinstance(value, list | tuple | set | frozenset):
        value = "".join(str(item) for item in value if item is not None)
    return unicodedata.normalize("NFKC", str(value)).strip().upper()


def _letters(value: object) -> frozenset[str]:
    # Separators ("A, D", "A D") and duplicates carry no meaning for a set of options.
    return frozenset(ch for ch in _choice_text(value) if ch.isalpha())


def _state_for(fraction: Fraction) -> str:
    if fraction == 1:
        return CORRECT
    return WRONG if fraction == 0 else PARTIAL


# --- one function per question type -------------------------------------------------------------


def grade_single(key: object, response: object) -> Grade:
    if _is_blank(response):
        return Grade(Fraction(0), UNANSWERED, {"chosen": ""})
    chosen = _choice_text(response)
    fraction = Fraction(int(chosen == _choice_text(key)))
    return Grade(fraction, _state_for(fraction), {"chosen": chosen})


def _truth(value: object) -> bool | None:
    """bool for a recognisable true/false answer, None for anything else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = unicodedata.normalize("NFKC", value).strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    return None


def grade_truefalse(key: object, response: object) -> Grade:
    expected = _truth(key)
    if expected is None:
        raise ValueError(f"true/false key must be a bool, got {key!r}")
    chosen = _truth(response)
    if chosen is None:
        # Nothing recognisable was chosen (blank or a tampered value): nothing to mark right or wrong.
        return Grade(Fraction(0), UNANSWERED, {"chosen": None})
    fraction = Fraction(int(chosen == expected))
    return Grade(fraction, _state_for(fraction), {"chosen": chosen})


def grade_multiple(key: object, response: object, policy: Policy = DEFAULT_POLICY) -> Grade:
    expected = _letters(key)
    chosen = _letters(response) if not _is_blank(response) else frozenset()
    detail: dict[str, object] = {
        "chosen": "".join(sorted(chosen)),
        "missing": "".join(sorted(expected - chosen)),
        "wrong": "".join(sorted(chosen - expected)),
    }
    if not chosen:
        return Grade(Fraction(0), UNANSWERED, detail)
    if chosen == expected:
        return Grade(Fraction(1), CORRECT, detail)
    if policy.multiple == PARTIAL_SUBSET and chosen < expected and policy.subset_fraction:
        return Grade(policy.subset_fraction, _state_for(policy.subset_fraction), detail)
    return Grade(Fraction(0), WRONG, detail)


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]  # a one-blank question sent as plain text
    if isinstance(value, list | tuple):
        return ["" if item is None else str(item) for item in value]
    raise TypeError(f"fill answers must be a list of strings, got {type(value).__name__}")


def _blank_matches(answer: str, alternatives: str) -> bool:
    given = normalise_fill(answer)
    # An alternative that normalises to nothing ("—") must not make an empty blank right.
    accepted = {normalise_fill(alt) for alt in alternatives.split(ALTERNATIVE_SEPARATOR)} - {""}
    return bool(given) and given in accepted


def grade_fill(key: object, response: object) -> Grade:
    blanks = _as_list(key)
    if not blanks:
        raise ValueError("fill key has no blanks")
    answers = _as_list(response)
    padded = answers[: len(blanks)] + [""] * (len(blanks) - len(answers))
    right = [
        _blank_matches(answer, alternatives) for answer, alternatives in zip(padded, blanks, strict=True)
    ]
    detail: dict[str, object] = {"blanks": right, "extra": max(0, len(answers) - len(blanks))}
    if all(not normalise_fill(answer) for answer in padded):
        return Grade(Fraction(0), UNANSWERED, detail)
    fraction = Fraction(sum(right), len(blanks))
    return Grade(fraction, _state_for(fraction), detail)


# --- short answers: key terms, a suggested mark, a trainer decides ----------------------------


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
    return jieba.analyse.extract_tags


def _is_term(word: str) -> bool:
    # Single characters ("的", "和") and numbers ("3", "2.5%") say little about understanding.
    return len(word) > 1 and not _NUMBER.fullmatch(word) and bool(normalise_fill(word))


def key_terms(reference: str, limit: int = 8) -> list[str]:
    """The reference answer's most telling words (TF-IDF), heaviest first.

    Ties keep the order of first appearance, so the same reference always gives the same list.
    The reference is width- and script-folded first: jieba's dictionary is Simplified.
    """
    text = _fold(reference or "").strip()
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
    variants = {normalise_fill(v) for v in term.split(ALTERNATIVE_SEPARATOR)} - {""}
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


def grade_short(key: object, response: object, terms: list[str] | None = None) -> Grade:
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


# --- dispatch and points ------------------------------------------------------------------------


def grade(
    qtype: str,
    key: object,
    response: object,
    policy: Policy = DEFAULT_POLICY,
    *,
    terms: list[str] | None = None,
) -> Grade:
    """Grade one response against its snapshot key. `terms` only applies to short answers."""
    if qtype == "single":
        return grade_single(key, response)
    if qtype == "multiple":
        return grade_multiple(key, response, policy)
    if qtype == "truefalse":
        return grade_truefalse(key, response)
    if qtype == "fill":
        return grade_fill(key, response)
    if qtype == "short":
        return grade_short(key, response, terms)
    raise ValueError(f"unknown question type {qtype!r}")


def points_for(grade: Grade, points: Decimal) -> Decimal:
    """The question's points scaled by the grade, to the cent, half-up (as a teacher rounds)."""
    with localcontext() as ctx:
        ctx.prec = 40  # multiply before dividing, with room, so 1/3 of 0.03 doesn't drift
        scaled = Decimal(points) * grade.fraction.numerator / grade.fraction.denominator
        return scaled.quantize(_CENT, rounding=ROUND_HALF_UP)


# --- display ------------------------------------------------------------------------------------


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
    variants = {normalise_fill(v) for term in terms for v in term.split(ALTERNATIVE_SEPARATOR)} - {""}
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
