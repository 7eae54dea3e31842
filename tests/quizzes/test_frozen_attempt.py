"""Everything that decides a score is frozen when the attempt starts: editing the paper or the
bank mid-exam changes neither running attempts' scores nor what they show."""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from qbank import services as qbank_services
from qbank.models import Bank, Question, QuestionImage
from quizzes import services
from quizzes.models import Paper

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n-picture-"


def test_multiple_choice_policy_is_frozen_at_start(
    make_exam_paper: Callable[..., Paper], trainee: Any
) -> None:
    paper = make_exam_paper(multiple_policy="partial")
    attempt = services.attempt_start(paper=paper, user=trainee)
    Paper.objects.filter(pk=paper.pk).update(multiple_policy="all_or_nothing", pass_percent=100)
    services.answer_save(attempt=attempt, position=2, response="AB")  # key ABD: partial credit
    submitted = services.attempt_submit(attempt=attempt)
    assert submitted.questions.get(position=2).score == Decimal("1")  # half of 2 points
    assert (submitted.multiple_policy, submitted.pass_percent) == ("partial", 60)


def test_pass_mark_is_frozen_at_start(make_exam_paper: Callable[..., Paper], trainee: Any) -> None:
    paper = make_exam_paper(pass_percent=10)
    attempt = services.attempt_start(paper=paper, user=trainee)
    Paper.objects.filter(pk=paper.pk).update(pass_percent=100)
    services.answer_save(attempt=attempt, position=1, response="A")  # 2 of 10 points: 20 %
    submitted = services.attempt_submit(attempt=attempt)
    assert submitted.score == Decimal("2")
    assert submitted.passed is True  # 20 % against the 10 % it started with, not the 100 % now


def picture(question: Question, name: str) -> QuestionImage:
    return qbank_services.question_image_create(
        question=question, name=name, content_type="image/png", data=PNG
    )


def test_pictures_come_from_the_snapshot(bank: Bank, trainer: Any, trainee: Any) -> None:
    question = qbank_services.question_create(
        bank=bank,
        status=Question.Status.ACTIVE,
        type="single",
        stem="看图?",
        options=["甲", "乙"],
        answer="A",
    )
    image = qbank_services.question_image_create(
        question=question, name="a.png", content_type="image/png", data=PNG
    )
    paper = Paper.objects.create(title="看图题", bank=bank, created_by=trainer)
    services.rules_replace(paper=paper, rules=[{"type": "single", "count": 1, "points": Decimal("1")}])
    services.paper_publish(paper=paper)
    attempt = services.attempt_start(paper=paper, user=trainee, rng=random.Random(1))
    # The trainer swaps the picture after the exam started.
    later = qbank_services.question_image_create(
        question=question, name="b.png", content_type="image/png", data=PNG
    )
    QuestionImage.objects.filter(pk=image.pk).delete()
    owner = Client()
    owner.force_login(trainee)
    page = owner.get(reverse("quizzes:exam", args=[attempt.pk])).content.decode()
    kept = reverse("quizzes:attempt_image", args=[attempt.pk, image.pk])
    added = reverse("quizzes:attempt_image", args=[attempt.pk, later.pk])
    assert kept in page and added not in page
    response = owner.get(kept)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG  # type: ignore[attr-defined]
    assert owner.get(added).status_code == 404
