"""The registered types, in the order pages list them; grading dispatches through here."""

from __future__ import annotations

from collections.abc import Sequence

from .base import DEFAULT_POLICY, Grade, Policy, QuestionType
from .choice import Multiple, Single
from .fill import Fill
from .short import Short
from .truefalse import TrueFalse

TYPES: tuple[QuestionType, ...] = (Single(), Multiple(), TrueFalse(), Fill(), Short())
_BY_CODE = {t.code: t for t in TYPES}
CODES = tuple(_BY_CODE)
CHOICE_CODES = frozenset(t.code for t in TYPES if t.has_options)
NAMES = {t.code: t.name for t in TYPES}
# A case (材料题) is not a type of its own: its questions share the material, and one with no type
# of its own is stored as a short answer.
CASE = "case"
CASE_TYPE = "short"


def get(code: str) -> QuestionType:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown question type {code!r}") from None


def grade(
    qtype: str,
    key: object,
    response: object,
    policy: Policy = DEFAULT_POLICY,
    *,
    terms: Sequence[str] | None = None,
) -> Grade:
    """Grade one response against its snapshot key. `terms` only apply to short answers."""
    return get(qtype).grade(key, response, policy, terms=terms)
