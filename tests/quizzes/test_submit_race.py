"""attempt_submit grades before taking the write lock; an answer saved meanwhile is graded again."""

from __future__ import annotations

import random
from typing import Any

import pytest

from quizzes import grading, services
from quizzes.models import Paper

pytestmark = pytest.mark.django_db


def test_an_answer_saved_while_grading_is_graded_as_saved(
    published_paper: Paper, trainee: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt = services.attempt_start(paper=published_paper, user=trainee, rng=random.Random(1))
    single = attempt.questions.filter(type="single").first()
    wrong = "B" if single.key == "A" else "A"
    services.answer_save(attempt=attempt, position=single.position, response=wrong)
    real_grade = grading.grade
    saved: list[bool] = []

    def grade_while_trainee_saves(*args: Any, **kwargs: Any) -> Any:
        if not saved:  # the first grading pass: the trainee's last save lands meanwhile
            saved.append(True)
            services.answer_save(attempt=attempt, position=single.position, response=single.key)
        return real_grade(*args, **kwargs)

    monkeypatch.setattr(grading, "grade", grade_while_trainee_saves)
    services.attempt_submit(attempt=attempt)
    single.refresh_from_db()
    assert single.response == single.key and single.score == single.points
