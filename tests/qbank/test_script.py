"""Traditional-character questions show in Simplified to a Simplified-Chinese trainee (exam,
result and practice pages), as stored to English readers, trainers and the bank; grading is
the same whichever script a trainee types."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from practice import services as practice_services
from qbank import script
from qbank import services as qbank_services
from qbank.models import Bank, Question
from questiontypes import CORRECT, grade
from quizzes import services as quiz_services
from quizzes.models import Attempt, Paper
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

STEM = "請問客戶服務的核心是什麼？"
STEM_SIMPLIFIED = "请问客户服务的核心是什么？"
OPTIONS = ["顧客滿意", "銷售額"]
OPTIONS_SIMPLIFIED = ["顾客满意", "销售额"]
EXPLANATION = "服務質量決定顧客忠誠度"
EXPLANATION_SIMPLIFIED = "服务质量决定顾客忠诚度"
MATERIAL = "材料：某銀行櫃檯"
MATERIAL_SIMPLIFIED = "材料：某银行柜台"


@pytest.fixture
def traditional(bank: Bank, trainer: Any) -> Question:
    chapter = qbank_services.chapter_get_or_create(bank=bank, title="第一章 服務")
    question = qbank_services.question_create(
        bank=bank, chapter=chapter, status=Question.Status.ACTIVE, type="single",
        stem=STEM, material=MATERIAL, options=OPTIONS, answer="A", explanation=EXPLANATION,
    )  # fmt: skip
    paper = Paper.objects.create(
        title="繁體試卷", bank=bank, created_by=trainer, shuffle_options=False, attempts_allowed=5
    )
    quiz_services.rules_replace(
        paper=paper, rules=[{"type": "single", "count": 1, "points": Decimal("1"), "chapters": []}]
    )
    quiz_services.paper_publish(paper=paper)  # to everyone: the trainee may sit and practise it
    return question


def english(user: Any) -> Client:
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_converter_follows_the_language() -> None:
    assert script.converter("zh-hans")(STEM) == STEM_SIMPLIFIED
    assert script.converter("en")(STEM) == STEM
    assert script.converter("zh-hans") is script.converter("zh-cn")  # one converter per process


def sat(question: Question, trainee: Any) -> Attempt:
    paper = Paper.objects.get(title="繁體試卷")
    return quiz_services.attempt_start(paper=paper, user=trainee, rng=random.Random(1))


def test_exam_and_result_pages_show_simplified_and_store_traditional(
    traditional: Question, trainee: Any
) -> None:
    attempt = sat(traditional, trainee)
    client = client_for(trainee)
    exam = client.get(reverse("quizzes:exam", args=[attempt.pk])).content.decode()
    for text in (STEM_SIMPLIFIED, MATERIAL_SIMPLIFIED, *OPTIONS_SIMPLIFIED):
        assert text in exam
    assert STEM not in exam and OPTIONS[0] not in exam
    quiz_services.answer_save(attempt=attempt, position=1, response="A")
    quiz_services.attempt_submit(attempt=attempt)
    result = client.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    for text in (STEM_SIMPLIFIED, EXPLANATION_SIMPLIFIED, OPTIONS_SIMPLIFIED[0]):
        assert text in result
    assert EXPLANATION not in result
    # Stored as printed: the bank and the attempt's frozen copy.
    traditional.refresh_from_db()
    assert traditional.stem == STEM and traditional.explanation == EXPLANATION
    frozen = attempt.questions.get()
    assert (frozen.stem, frozen.options, frozen.state) == (STEM, OPTIONS, CORRECT)


def test_english_readers_and_trainers_see_the_bank_as_stored(
    traditional: Question, trainee: Any, trainer: Any
) -> None:
    attempt = sat(traditional, trainee)
    assert STEM in english(trainee).get(reverse("quizzes:exam", args=[attempt.pk])).content.decode()
    quiz_services.attempt_submit(attempt=attempt)
    staff = client_for(trainer)
    for url in (
        reverse("qbank:question_edit", args=[traditional.pk]),
        reverse("quizzes:result", args=[attempt.pk]),
        reverse("quizzes:attempt_review", args=[attempt.pk]),
    ):
        page = staff.get(url).content.decode()
        assert STEM in page and STEM_SIMPLIFIED not in page, url


def test_practice_pages_show_simplified(traditional: Question, trainee: Any) -> None:
    session = practice_services.session_start(
        user=trainee, bank=traditional.bank, chapter=traditional.chapter
    )
    client = client_for(trainee)
    asked = client.get(reverse("practice:session", args=[session.pk])).content.decode()
    assert STEM_SIMPLIFIED in asked and OPTIONS_SIMPLIFIED[1] in asked and STEM not in asked
    client.post(reverse("practice:session", args=[session.pk]), {"q1": "B"})
    shown = client.get(reverse("practice:feedback", args=[session.pk])).content.decode()
    assert EXPLANATION_SIMPLIFIED in shown and MATERIAL_SIMPLIFIED in shown
    assert STEM_SIMPLIFIED[:10] in client.get(reverse("practice:mistakes")).content.decode()
    assert "第一章 服务" in client.get(reverse("practice:progress")).content.decode()  # mastery
    assert STEM[:10] in english(trainee).get(reverse("practice:mistakes")).content.decode()
    assert Question.objects.get(pk=traditional.pk).stem == STEM


@pytest.mark.parametrize(
    ("key", "typed"),
    [("顧客滿意度", "顾客满意度"), ("顾客满意度", "顧客滿意度"), ("顧客滿意度|客戶滿意度", "客户满意度")],
)
def test_fill_answers_grade_the_same_in_either_script(key: str, typed: str) -> None:
    assert grade("fill", [key], [typed]).state == CORRECT
