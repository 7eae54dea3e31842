"""模拟考试 URLs against every role, GET and POST alike (as test_trainee_access.py does).

Only trainees practise (qbank.access.PRACTISE), and of them only the paper's audience may start
one; a practice attempt, once started, is the owner's alone like any attempt."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from quizzes import services
from quizzes.models import Cohort, Paper

pytestmark = pytest.mark.django_db

WHO = ("anonymous", "owner", "other", "trainer", "admin")

MATRIX: list[tuple[str, str, str | None, tuple[int, ...]]] = [
    # "other" is a trainee outside the paper's class: refused with the 403 page.
    ("quizzes:practice_start", "post", "paper", (302, 302, 403, 403, 403)),
    ("quizzes:practice_start", "get", "paper", (302, 405, 405, 403, 403)),
    ("practice:mock_exams", "get", None, (302, 200, 200, 403, 403)),
    ("practice:mock_exams", "post", None, (302, 405, 405, 403, 403)),
    # The attempt pages are the exam's, with the same owner-only rule.
    ("quizzes:exam", "get", "running", (302, 200, 404, 404, 404)),
    ("quizzes:result", "get", "submitted", (302, 200, 404, 200, 200)),
]

CASES = [
    pytest.param(name, method, obj, who, codes[i], id=f"{name}-{method}-{who}")
    for name, method, obj, codes in MATRIX
    for i, who in enumerate(WHO)
]


@pytest.fixture
def objects(cast: dict[str, Any], make_exam_paper: Callable[..., Paper]) -> dict[str, Any]:
    paper = make_exam_paper(practice_enabled=True)
    cohort = Cohort.objects.create(name="一班")
    cohort.members.add(cast["owner"])
    paper.cohorts.add(cohort)
    submitted = services.attempt_start(paper=paper, user=cast["owner"], rng=random.Random(1), practice=True)
    services.attempt_submit(attempt=submitted)
    running = services.attempt_start(paper=paper, user=cast["owner"], rng=random.Random(2), practice=True)
    return {"paper": paper, "submitted": submitted, "running": running}


@pytest.mark.parametrize(("name", "method", "obj", "who", "expected"), CASES)
def test_mock_matrix(
    cast: dict[str, Any],
    objects: dict[str, Any],
    client_for: Callable[[Any], Client],
    name: str,
    method: str,
    obj: str | None,
    who: str,
    expected: int,
) -> None:
    url = reverse(name, args=[objects[obj].pk] if obj else [])
    response = getattr(client_for(cast[who]), method)(url)
    assert response.status_code == expected
    if expected == 302 and who == "anonymous":
        assert "login" in response["Location"]
    if name == "quizzes:practice_start" and expected == 302 and who == "owner":
        # Starting again resumes the running one: no second attempt.
        assert response["Location"] == reverse("quizzes:exam", args=[objects["running"].pk])


def test_an_outsider_is_told_why(
    cast: dict[str, Any], objects: dict[str, Any], client_for: Callable[[Any], Client]
) -> None:
    response = client_for(cast["other"]).post(reverse("quizzes:practice_start", args=[objects["paper"].pk]))
    assert "这份试卷没有开放模拟考试。" in response.content.decode()


def test_a_draft_paper_is_not_found(
    cast: dict[str, Any], objects: dict[str, Any], client_for: Callable[[Any], Client]
) -> None:
    services.paper_unpublish(paper=objects["paper"])
    url = reverse("quizzes:practice_start", args=[objects["paper"].pk])
    assert client_for(cast["owner"]).post(url).status_code == 404
