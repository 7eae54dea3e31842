"""Single and multiple choice: the key is option letters, "B" or "ABD", in label order."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, ClassVar

from .base import (
    CORRECT,
    DEFAULT_POLICY,
    LETTERS,
    PARTIAL_SUBSET,
    UNANSWERED,
    WRONG,
    Answer,
    AnswerError,
    Grade,
    Policy,
    QuestionType,
    gettext_noop,
    state_for,
)
from .text import is_blank

# "A, C", "A、B", "B." and "ｃａ" are still letters: width folded, separators dropped.
LETTER_NOISE = re.compile(r"[\s,，、.．;；]")
WRONG_LETTERS = gettext_noop("答案 %(answer)r 与选项 %(allowed)s 不符。")


def _choice_text(value: object) -> str:
    """A letter response as one upper-case string; a list of letters is joined (form getlist)."""
    if isinstance(value, list | tuple | set | frozenset):
        value = "".join(str(item) for item in value if item is not None)
    return unicodedata.normalize("NFKC", str(value)).strip().upper()


def _letters(value: object) -> frozenset[str]:
    # Separators ("A, D", "A D") and duplicates carry no meaning for a set of options.
    return frozenset(ch for ch in _choice_text(value) if ch.isalpha())


class Choice(QuestionType):
    has_options = True
    single: ClassVar[bool]

    def parse_text(self, text: str) -> Answer:
        text = text.strip()
        if not text:
            return None
        return LETTER_NOISE.sub("", unicodedata.normalize("NFKC", text)).upper()

    def parse_values(self, values: Sequence[str], *, blanks: int = 0) -> Answer:
        return self.parse_text("".join(values))  # one ticked letter per value

    def parse_cell(self, text: str, *, option_count: int) -> Answer:
        if not text:
            return None
        letters = "".join(sorted(set(LETTER_NOISE.sub("", unicodedata.normalize("NFKC", text).upper()))))
        if not letters or any(c not in LETTERS for c in letters):
            raise AnswerError("答案“%(text)s”应为选项字母", "answer_letters", {"text": text})
        beyond = [c for c in letters if LETTERS.index(c) >= option_count]
        if beyond:
            raise AnswerError(
                "答案 %(beyond)s,但只有 %(count)d 个选项",
                "answer_letters",
                {"beyond": "".join(beyond), "count": option_count},
            )
        if self.single and len(letters) > 1:
            raise AnswerError("单选题的答案只能是一个字母,这里是“%(text)s”", "answer_letters", {"text": text})
        return letters

    def normalise(self, answer: Answer) -> Answer:
        # "DBA" and "ABD" are the same key; store letters in label order.
        if isinstance(answer, str):
            return answer.upper() if self.single else "".join(sorted(answer.upper()))
        return answer

    def validate(self, answer: Answer, *, labels: str = "") -> None:
        if answer is None:
            return
        letters = answer if isinstance(answer, str) else ""
        if (
            not letters
            or any(letter not in labels for letter in letters)
            or len(set(letters)) != len(letters)
            or (self.single and len(letters) != 1)
        ):
            raise AnswerError(WRONG_LETTERS, "answer_letters", {"answer": answer, "allowed": labels or "-"})

    def remap(self, answer: Answer, order: Sequence[int]) -> Answer:
        """The bank stores "B" for the second option as printed; shuffled, it may show as "D"."""
        if not isinstance(answer, str):
            return answer
        shown = {original: position for position, original in enumerate(order)}
        letters = [
            LETTERS[shown[LETTERS.index(c)]] for c in answer if c in LETTERS and LETTERS.index(c) in shown
        ]
        return "".join(sorted(letters))

    def bank_letters(self, value: object, order: Sequence[int]) -> str:
        # The inverse of remap; an empty order (lost for an old attempt) maps nothing.
        if is_blank(value):
            return ""
        shown = [LETTERS.index(c) for c in _letters(value) if c in LETTERS]
        return "".join(sorted(LETTERS[order[i]] for i in shown if i < len(order)))


class Single(Choice):
    code = "single"
    name = gettext_noop("单选题")
    single = True
    key_missing = gettext_noop("请选择一个选项。")
    keys_hint = gettext_noop("键盘:A–H 选择选项,Enter 保存并下一题,S 跳过")

    def clean_response(self, response: object, *, option_count: int) -> Answer:
        if isinstance(response, str) and len(response) == 1 and response in LETTERS[:option_count]:
            return response
        return super().clean_response(response, option_count=option_count)

    def grade(self, key: object, response: object, policy: Policy = DEFAULT_POLICY, **extra: Any) -> Grade:
        if is_blank(response):
            return Grade(Fraction(0), UNANSWERED, {"chosen": ""})
        chosen = _choice_text(response)
        fraction = Fraction(int(chosen == _choice_text(key)))
        return Grade(fraction, state_for(fraction), {"chosen": chosen})


class Multiple(Choice):
    code = "multiple"
    name = gettext_noop("多选题")
    single = False
    key_missing = gettext_noop("请至少选择一个选项。")
    keys_hint = Single.keys_hint

    def clean_response(self, response: object, *, option_count: int) -> Answer:
        letters = LETTERS[:option_count]
        if isinstance(response, list | str) and all(isinstance(c, str) and c in letters for c in response):
            return "".join(sorted(set(response)))
        return super().clean_response(response, option_count=option_count)

    def grade(self, key: object, response: object, policy: Policy = DEFAULT_POLICY, **extra: Any) -> Grade:
        expected = _letters(key)
        chosen = _letters(response) if not is_blank(response) else frozenset()
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
            return Grade(policy.subset_fraction, state_for(policy.subset_fraction), detail)
        return Grade(Fraction(0), WRONG, detail)
