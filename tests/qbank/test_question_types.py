"""The bank's type choices are the registered question types, with the same names."""

from __future__ import annotations

import questiontypes
from qbank.models import CHOICE_TYPES, QuestionType


def test_choices_are_the_registered_types_in_order() -> None:
    assert tuple(QuestionType.values) == questiontypes.CODES
    assert {str(label) for label in QuestionType.labels} == set(questiontypes.NAMES.values())
    assert set(questiontypes.CHOICE_CODES) == CHOICE_TYPES
