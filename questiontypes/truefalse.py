"""True/false: the key is a bool; people write it 对/错, √/×, T/F, 是/否, yes/no (words.py)."""

from __future__ import annotations

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
    Translate,
    gettext_noop,
    same,
    state_for,
)
from .words import truth

TRUE_TEXT = gettext_noop("对")
FALSE_TEXT = gettext_noop("错")


class TrueFalse(QuestionType):
    code = "truefalse"
    name = gettext_noop("判断题")
    key_missing = gettext_noop("请选择“对”或“错”。")
    keys_hint = gettext_noop("键盘:T 对,F 错,Enter 保存并下一题,S 跳过")

    def parse_text(self, text: str) -> Answer:
        if not text.strip():
            return None
        value = truth(text)
        if value is None:
            raise AnswerError(gettext_noop("判断题的答案请填“对”或“错”。"), "truefalse")
        return value

    def format_text(self, answer: Answer) -> str:
        if answer is None:
            return ""
        return TRUE_TEXT if answer else FALSE_TEXT

    def parse_cell(self, text: str, *, option_count: int) -> Answer:
        if not text:
            return None
        value = truth(text)
        if value is None:
            raise AnswerError("判断题的答案应为 对/错,这里是“%(text)s”", "truefalse", {"text": text})
        return value

    def validate(self, answer: Answer, *, labels: str = "") -> None:
        if answer is not None and not isinstance(answer, bool):
            raise AnswerError(gettext_noop("判断题的答案必须是对或错。"), "answer_bool")

    def clean_response(self, response: object, *, option_count: int) -> Answer:
        if isinstance(response, bool):
            return response
        return super().clean_response(response, option_count=option_count)

    def grade(self, key: object, response: object, policy: Policy = DEFAULT_POLICY, **extra: Any) -> Grade:
        if not isinstance(key, bool):
            raise ValueError(f"true/false key must be a bool, got {key!r}")
        chosen = truth(response)
        if chosen is None:
            # Nothing recognisable was chosen (blank or a tampered value): nothing to mark right or wrong.
            return Grade(Fraction(0), UNANSWERED, {"chosen": None})
        fraction = Fraction(int(chosen == key))
        return Grade(fraction, state_for(fraction), {"chosen": chosen})

    def bank_letters(self, value: object, order: Sequence[int]) -> str:
        """对 counts as the first option, 错 as the second (they are never shuffled)."""
        chosen = truth(value)
        return "" if chosen is None else ("A" if chosen else "B")

    def display(self, value: object, translate: Translate = same) -> str:
        if isinstance(value, bool):
            return translate(TRUE_TEXT if value else FALSE_TEXT)
        return super().display(value, translate)
