"""Question types, one class each: how an answer is written, stored, validated, shuffled,
cleaned, graded and shown. Pure Python (no Django), shared by the importer, the bank and quizzes.

Adding a type: a module here with its class, registered in registry.TYPES; its fragments under
templates/questiontypes/<code>/; its rows in tests/questiontypes/. See the README's notes.
"""

from .base import (
    ALL_OR_NOTHING,
    CORRECT,
    DEFAULT_POLICY,
    LETTERS,
    MULTIPLE_POLICIES,
    PARTIAL,
    PARTIAL_SUBSET,
    PENDING,
    STATES,
    UNANSWERED,
    WRONG,
    Answer,
    AnswerError,
    Grade,
    Policy,
    QuestionType,
)
from .registry import CASE, CASE_TYPE, CHOICE_CODES, CODES, NAMES, TYPES, get, grade
from .short import key_terms, suggested_fraction
from .text import normalise_fill
from .words import truth

__all__ = [
    "ALL_OR_NOTHING",
    "CASE",
    "CASE_TYPE",
    "CHOICE_CODES",
    "CODES",
    "CORRECT",
    "DEFAULT_POLICY",
    "LETTERS",
    "MULTIPLE_POLICIES",
    "NAMES",
    "PARTIAL",
    "PARTIAL_SUBSET",
    "PENDING",
    "STATES",
    "TYPES",
    "UNANSWERED",
    "WRONG",
    "Answer",
    "AnswerError",
    "Grade",
    "Policy",
    "QuestionType",
    "get",
    "grade",
    "key_terms",
    "normalise_fill",
    "suggested_fraction",
    "truth",
]
