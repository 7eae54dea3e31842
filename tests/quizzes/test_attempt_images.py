"""Pictures of imported questions reach trainees through their own attempts only."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from django.test import Client
from django.urls import reverse

from qbank import services as qbank_services
from qbank.models import Bank, Question
from quizzes import services
from quizzes.models import Paper

PNG = b"\x89PNG\r\n\x1a\n-picture-"


def sit_picture_paper(bank: Bank, trainer: Any, trainee: Any) -> tuple[Any, int, int]:
    question = qbank_services.question_create(
        bank=bank,
        status=Question.Status.ACTIVE,
        type="single",
        stem="看图:哪个是投诉流程?",
        options=["甲", "乙"],
        answer="A",
    )
    image = qbank_services.question_image_create(
        question=question, name="flow.png", content_type="image/png", data=PNG
    )
    other = qbank_services.question_create(bank=bank, type="short", stem="另一题")
    other_image = qbank_services.question_image_create(
        question=other, name="x.png", content_type="image/png", data=PNG
    )
    paper = Paper.objects.create(title="看图题", bank=bank, created_by=trainer)
    services.rules_replace(paper=paper, rules=[{"type": "single", "count": 1, "points": Decimal("1")}])
    services.paper_publish(paper=paper)
    attempt = services.attempt_start(paper=paper, user=trainee, rng=random.Random(1))
    return attempt, image.pk, other_image.pk


def test_exam_page_shows_the_picture_to_its_trainee(
    bank: Bank, trainer: Any, trainee: Any, django_user_model: Any
) -> None:
    attempt, image_id, other_image_id = sit_picture_paper(bank, trainer, trainee)
    owner = Client()
    owner.force_login(trainee)
    url = reverse("quizzes:attempt_image", args=[attempt.pk, image_id])
    assert url in owner.get(reverse("quizzes:exam", args=[attempt.pk])).content.decode()
    response = owner.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG  # type: ignore[attr-defined]
    # A picture of a question outside the attempt, or someone else's attempt: not found.
    assert owner.get(reverse("quizzes:attempt_image", args=[attempt.pk, other_image_id])).status_code == 404
    stranger = Client()
    stranger.force_login(django_user_model.objects.create_user("stranger", password="x"))
    assert stranger.get(url).status_code == 404
    assert Client().get(url).status_code == 302
