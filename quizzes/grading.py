"""Grading an attempt's frozen snapshot: the rules per type live in questiontypes (pure, one
class per type, dispatched through its registry); here only what quizzes add, the points.

Works on the snapshot (key in DISPLAY order, after shuffling), never on live questions, so a
later edit to a question can't change a finished attempt's mark. No Django here.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from questiontypes import (
    ALL_OR_NOTHING,
    CORRECT,
    DEFAULT_POLICY,
    MULTIPLE_POLICIES,
    PARTIAL,
    PARTIAL_SUBSET,
    PENDING,
    STATES,
    UNANSWERED,
    WRONG,
    Grade,
    Policy,
    grade,
    key_terms,
    suggested_fraction,
)
from questiontypes.short import highlight

__all__ = [
    "ALL_OR_NOTHING",
    "CORRECT",
    "DEFAULT_POLICY",
    "MULTIPLE_POLICIES",
    "PARTIAL",
    "PARTIAL_SUBSET",
    "PENDING",
    "STATES",
    "UNANSWERED",
    "WRONG",
    "Grade",
    "Policy",
    "grade",
    "highlight",
    "key_terms",
    "points_for",
    "suggested_fraction",
]

_CENT = Decimal("0.01")


def points_for(grade: Grade, points: Decimal) -> Decimal:
    """The question's points scaled by the grade, to the cent, half-up (as a teacher rounds)."""
    with localcontext() as ctx:
        ctx.prec = 40  # multiply before dividing, with room, so 1/3 of 0.03 doesn't drift
        scaled = Decimal(points) * grade.fraction.numerator / grade.fraction.denominator
        return scaled.quantize(_CENT, rounding=ROUND_HALF_UP)
