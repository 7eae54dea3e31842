"""Fill in the blanks: the key is one string per blank, a blank's alternatives joined by "|"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from .base import (
    DEFAULT_POLICY,
    UNANSWERED,
    Answer,
    AnswerError,
    Grade,
    Policy,
    QuestionType,
    gettext_noop,
    state_for,
)
from .text import normalise_fill
from .words import ALTERNATIVE, BLANK_SEPARATORS

# A spreadsheet cell separates blanks with semicolons; a text box also takes one blank a line.
CELL_SPLIT = re.compile(rf"\s*[{BLANK_SEPARATORS}]\s*")
TEXT_SPLIT = re.compile(rf"\s*[{BLANK_SEPARATORS}\n]\s*")


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]  # a one-blank question sent as plain text
    if isinstance(value, list | tuple):
        return ["" if item is None else str(item) for item in value]
    raise TypeError(f"fill answers must be a list of strings, got {type(value).__name__}")


def blank_matches(answer: str, alternatives: str) -> bool:
    given = normalise_fill(answer)
    # An alternative that normalises to nothing ("—") must not make an empty blank right.
    accepted = {normalise_fill(alt) for alt in alternatives.split(ALTERNATIVE)} - {""}
    return bool(given) and given in accepted


class Fill(QuestionType):
    code = "fill"
    name = gettext_noop("填空题")
    has_blanks = True
    key_missing = gettext_noop("每个空都要填写答案。")
    keys_hint = gettext_noop("键盘:Tab 下一空,Enter 保存并下一题")

    def parse_text(self, text: str) -> Answer:
        return [part for part in TEXT_SPLIT.split(text.strip()) if part] or None

    def format_text(self, answer: Answer) -> str:
        if isinstance(answer, list):
            return BLANK_SEPARATORS[0].join(str(part) for part in answer)
        return super().format_text(answer)

    def parse_values(self, values: Sequence[str], *, blanks: int = 0) -> Answer:
        # One answer per blank, each needed: the exam page asks exactly that many.
        return list(values) if len(values) == blanks and all(values) else None

    def parse_cell(self, text: str, *, option_count: int) -> Answer:
        if not text:
            return None
        return [part for part in CELL_SPLIT.split(text) if part]

    def validate(self, answer: Answer, *, labels: str = "") -> None:
        if answer is not None and not (
            isinstance(answer, list) and answer and all(isinstance(a, str) for a in answer)
        ):
            raise AnswerError(gettext_noop("填空题的答案必须是每空一项的列表。"), "answer_blanks")

    def clean_response(self, response: object, *, option_count: int) -> Answer:
        if isinstance(response, list) and all(isinstance(x, str) for x in response):
            return [x[:500] for x in response[:20]]
        return super().clean_response(response, option_count=option_count)

    def grade(self, key: object, response: object, policy: Policy = DEFAULT_POLICY, **extra: Any) -> Grade:
        blanks = _as_list(key)
        if not blanks:
            raise ValueError("fill key has no blanks")
        answers = _as_list(response)
        padded = answers[: len(blanks)] + [""] * (len(blanks) - len(answers))
        right = [
            blank_matches(answer, alternatives) for answer, alternatives in zip(padded, blanks, strict=True)
        ]
        detail: dict[str, object] = {"blanks": right, "extra": max(0, len(answers) - len(blanks))}
        if all(not normalise_fill(answer) for answer in padded):
            return Grade(Fraction(0), UNANSWERED, detail)
        fraction = Fraction(sum(right), len(blanks))
        return Grade(fraction, state_for(fraction), detail)
