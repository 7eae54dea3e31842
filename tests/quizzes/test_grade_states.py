"""The grade states of the pure question types are the model's choices."""

from __future__ import annotations


def test_grade_states_are_the_models_choices() -> None:
    """grading.py stays free of Django; the model's TextChoices must hold exactly its states."""
    from quizzes import grading
    from quizzes.models import GradeState

    states = {grading.CORRECT, grading.PARTIAL, grading.WRONG, grading.UNANSWERED, grading.PENDING}
    assert set(GradeState.values) == states
