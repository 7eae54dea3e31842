"""Grading short answers: the queue, the side-by-side page, the score that updates the attempt."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from quizzes import selectors
from quizzes.models import Attempt, Paper

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(trainer: Any, client_for: Callable[[Any], Client]) -> Client:
    return client_for(trainer)


def short_of(attempt: Attempt) -> Any:
    return attempt.questions.get(type="short")


def test_queue_lists_oldest_first(
    owner: Client,
    published_paper: Paper,
    make_trainee: Callable[[str], Any],
    sit_paper: Callable[..., Attempt],
) -> None:
    first = sit_paper(published_paper, make_trainee("zhang"))
    second = sit_paper(published_paper, make_trainee("li"))
    page = owner.get(reverse("quizzes:grading_queue")).content.decode()
    assert "共 2 题" in page
    first_link = reverse("quizzes:grade_answer", args=[short_of(first).pk])
    second_link = reverse("quizzes:grade_answer", args=[short_of(second).pk])
    assert page.index(first_link) < page.index(second_link)


def test_grade_page_highlights_key_terms_and_escapes(
    owner: Client, published_paper: Paper, trainee: Any, sit_paper: Callable[..., Attempt]
) -> None:
    attempt = sit_paper(published_paper, trainee, short="<script>alert(1)</script> 我会先倾听客户诉求")
    aq = short_of(attempt)
    response = owner.get(reverse("quizzes:grade_answer", args=[aq.pk]))
    page = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "<mark>" in page
    terms = response.context["terms"]
    assert terms, "the reference answer should yield key terms"
    hits = [text for text, hit in response.context["response_segments"] if hit]
    assert hits and all(f"<mark>{text}</mark>" in page for text in hits)
    assert str(aq.suggested_score) in page
    # The form starts from the suggestion in half points, a value its step=0.5 input accepts.
    initial = response.context["form"].initial["score"]
    assert initial * 2 == int(initial * 2) and abs(initial - aq.suggested_score) <= Decimal("0.25")


def test_grading_updates_the_attempt_and_moves_on(
    owner: Client,
    trainer: Any,
    published_paper: Paper,
    make_trainee: Callable[[str], Any],
    sit_paper: Callable[..., Attempt],
) -> None:
    first = sit_paper(published_paper, make_trainee("zhang"))  # both single choice right: 4 of 8
    second = sit_paper(published_paper, make_trainee("li"), right=False)
    assert first.pending_grading == 1 and first.passed is None
    aq = short_of(first)
    response = owner.post(reverse("quizzes:grade_answer", args=[aq.pk]), {"score": "3.5", "comment": "不错"})
    # On to the next answer waiting in the queue.
    assert response.status_code == 302
    assert response["Location"] == reverse("quizzes:grade_answer", args=[short_of(second).pk])
    first.refresh_from_db()
    assert first.score == Decimal("7.5") and first.pending_grading == 0 and first.passed is True
    aq.refresh_from_db()
    assert aq.score == Decimal("3.5") and aq.comment == "不错" and aq.grader == trainer
    assert selectors.grading_queue(user=trainer).count() == 1

    # The last one: wrong single choices and a zero leave 0 of 8, failed; the queue is empty.
    last = short_of(second)
    response = owner.post(reverse("quizzes:grade_answer", args=[last.pk]), {"score": "0", "comment": ""})
    assert response["Location"] == reverse("quizzes:grading_queue")
    second.refresh_from_db()
    assert second.score == Decimal("0") and second.passed is False and second.pending_grading == 0
    assert "没有待批改的题目" in owner.get(response["Location"]).content.decode()


@pytest.mark.parametrize("score", ["4.5", "-1", "1.3", "abc"])
def test_out_of_range_scores_are_refused(
    owner: Client, published_paper: Paper, trainee: Any, sit_paper: Callable[..., Attempt], score: str
) -> None:
    aq = short_of(sit_paper(published_paper, trainee))
    response = owner.post(reverse("quizzes:grade_answer", args=[aq.pk]), {"score": score})
    assert response.status_code == 200 and response.context["form"].errors
    aq.refresh_from_db()
    assert aq.score is None and aq.awaiting_grading


def test_only_short_answers_have_a_grade_page(
    owner: Client, published_paper: Paper, trainee: Any, sit_paper: Callable[..., Attempt]
) -> None:
    single = sit_paper(published_paper, trainee).questions.filter(type="single").first()
    assert single is not None
    assert owner.get(reverse("quizzes:grade_answer", args=[single.pk])).status_code == 404


def test_regrading_keeps_the_total_right(
    owner: Client, published_paper: Paper, trainee: Any, sit_paper: Callable[..., Attempt]
) -> None:
    attempt = sit_paper(published_paper, trainee)
    aq = short_of(attempt)
    url = reverse("quizzes:grade_answer", args=[aq.pk])
    owner.post(url, {"score": "4"})
    owner.post(url, {"score": "1"})
    attempt.refresh_from_db()
    assert attempt.score == Decimal("5") and attempt.passed is True  # 5 of 8 ≥ 60%
    assert owner.get(url).context["form"].initial["score"] == Decimal("1")
