"""What every question type answers to, and the plain values they pass around (no Django here).

A type is one class (single.py, truefalse.py, …) registered in registry.py; the bank, the
importer, the exam and grading ask it rather than testing `type == "…"` themselves.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, ClassVar

# A stored answer (and a frozen key): "A" / "ABD"; True/False; one string per blank; text.
Answer = str | bool | list[str] | None
Translate = Callable[[str], str]

# The bank allows options A–Z; papers rarely print more than H.
LETTERS = string.ascii_uppercase

CORRECT = "correct"
PARTIAL = "partial"
WRONG = "wrong"
UNANSWERED = "unanswered"
PENDING = "pending"  # short answers: the fraction is a suggestion until a trainer confirms it
STATES = frozenset({CORRECT, PARTIAL, WRONG, UNANSWERED, PENDING})

ALL_OR_NOTHING = "all_or_nothing"
PARTIAL_SUBSET = "partial"
MULTIPLE_POLICIES = frozenset({ALL_OR_NOTHING, PARTIAL_SUBSET})


def gettext_noop(message: str) -> str:
    """Marks a message for makemessages; the Django side translates it where it is shown."""
    return message


def same(text: str) -> str:
    return text


class AnswerError(ValueError):
    """An answer (or response) that does not fit its type. `message` is a msgid with %(name)s
    placeholders: the Django side translates it into a ValidationError, the parser formats it."""

    def __init__(self, message: str, code: str, params: dict[str, Any] | None = None) -> None:
        self.message = message
        self.code = code
        self.params = params or {}
        super().__init__(self.text())

    def text(self, translate: Translate = same) -> str:
        return translate(self.message) % self.params if self.params else translate(self.message)


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


def state_for(fraction: Fraction) -> str:
    if fraction == 1:
        return CORRECT
    return WRONG if fraction == 0 else PARTIAL


BAD_RESPONSE = gettext_noop("答案格式不对。")


class QuestionType:
    """One question type: everything the project knows about it, as plain functions of plain data.

    Text: how a person types the answer (the bank's edit form, the import review, the keying page);
    cell: the spreadsheet template's answer column (same format, row-level messages);
    normalise/validate: the stored shape; remap: the key after options are shuffled;
    clean_response: what the exam page may save; grade: the mark; display: how a value reads.
    """

    code: ClassVar[str]
    name: ClassVar[str]  # the type's name as papers print it (a msgid)
    has_options: ClassVar[bool] = False  # the trainee picks among lettered options (shuffled)
    has_blanks: ClassVar[bool] = False  # the stem's blanks are answered one by one
    free_text: ClassVar[bool] = False  # the trainee writes text (graded by hand)
    needs_key: ClassVar[bool] = True  # graded automatically, so it cannot go live without a key
    key_missing: ClassVar[str]  # what the keying page says when nothing was given (a msgid)

    # The answer fragments of the exam page and of the keying page:
    # templates/questiontypes/<code>/exam.html and key.html.
    @property
    def exam_template(self) -> str:
        return f"questiontypes/{self.code}/exam.html"

    @property
    def key_template(self) -> str:
        return f"questiontypes/{self.code}/key.html"

    # ---- the answer as text -------------------------------------------------------------------
    def parse_text(self, text: str) -> Answer:
        """What a person typed → the stored answer; None when left empty. Raises AnswerError
        for text that cannot be this type's answer (shape errors that depend on the options are
        left to validate)."""
        text = text.strip()
        return text or None

    def format_text(self, answer: Answer) -> str:
        """The inverse of parse_text, to fill a form or a spreadsheet cell."""
        return "" if answer is None else str(answer)

    def parse_values(self, values: Sequence[str], *, blanks: int = 0) -> Answer:
        """The keying page's inputs (all sent under one name) → the stored answer or None."""
        return self.parse_text("\n".join(values))

    def parse_cell(self, text: str, *, option_count: int) -> Answer:
        """The spreadsheet template's answer cell → the stored answer; AnswerError names the
        problem for the row's message."""
        return self.parse_text(text)

    def format_cell(self, answer: Answer) -> str:
        return self.format_text(answer)

    # ---- the stored answer -------------------------------------------------------------------
    def normalise(self, answer: Answer) -> Answer:
        return answer

    def validate(self, answer: Answer, *, labels: str = "") -> None:
        """Raise AnswerError unless `answer` has this type's shape (None = no key yet).
        `labels` are the question's option letters."""

    def has_key(self, answer: Answer) -> bool:
        return answer is not None or not self.needs_key

    def remap(self, answer: Answer, order: Sequence[int]) -> Answer:
        """The key once the options show in `order` (original indexes, as displayed)."""
        return answer

    # ---- the exam -----------------------------------------------------------------------------
    def clean_response(self, response: object, *, option_count: int) -> Answer:
        """A non-empty response as the exam page saved it → the stored shape, or AnswerError."""
        raise AnswerError(BAD_RESPONSE, "bad_response")

    def grade(self, key: object, response: object, policy: Policy = DEFAULT_POLICY, **extra: Any) -> Grade:
        raise NotImplementedError

    # ---- statistics ---------------------------------------------------------------------------
    def bank_letters(self, value: object, order: Sequence[int]) -> str:
        """A key or a response as the letters of the options it picks in the bank's order
        (`order`: the bank index of each option as shown), so answers seen in different shuffles
        count together; "" when it picks none, or the type has no options to count."""
        return ""

    def display(self, value: object, translate: Translate = same) -> str:
        """How a key or a response reads to a person (result pages, exports)."""
        if value is None or value == "" or value == []:
            return ""
        if isinstance(value, list):
            return " | ".join(str(v) for v in value)  # blanks
        return str(value)
