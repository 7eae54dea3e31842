"""Trainers browse, search, edit and retire questions; attempts already taken do not change."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qbank import services
from qbank.models import Bank, Question
from quizzes import services as quiz_services
from quizzes.models import Paper
from tests.conftest import client_for


def add(bank: Bank, stem: str, **fields: Any) -> Question:
    fields.setdefault("type", "single")
    fields.setdefault("options", ["甲", "乙", "丙", "丁"])
    fields.setdefault("answer", "A")
    return services.question_create(bank=bank, stem=stem, status=Question.Status.ACTIVE, **fields)


@pytest.mark.parametrize(
    ("who", "expected"), [("anonymous", 302), ("trainee", 403), ("trainer", 200), ("admin", 200)]
)
def test_access(who: str, expected: int, bank: Bank, admin: Any, trainer: Any, trainee: Any) -> None:
    user = {"anonymous": None, "trainee": trainee, "trainer": trainer, "admin": admin}[who]
    question = add(bank, "客户服务的核心是?")
    client = client_for(user)
    assert client.get(reverse("bank:questions")).status_code == expected
    assert client.get(reverse("bank:question_edit", args=[question.pk])).status_code == expected
    status = client.post(reverse("bank:question_status", args=[question.pk]), {"status": "retired"})
    assert status.status_code == (302 if expected == 200 else expected)


def test_search_finds_traditional_and_simplified_alike(bank: Bank, trainer: Any) -> None:
    add(bank, "售后客户服务的目标是?")
    add(bank, "售後客戶服務的重點是?")
    add(bank, "无关的题目?")
    page = client_for(trainer).get(reverse("bank:questions"), {"q": "客戶服務"}).content.decode()
    assert "售后客户服务的目标是" in page and "售後客戶服務的重點是" in page and "无关的题目" not in page


def test_filters_by_type_and_status(bank: Bank, trainer: Any) -> None:
    add(bank, "单选题一?")
    services.question_create(bank=bank, type="short", stem="简答题一?", status=Question.Status.NEEDS_REVIEW)
    page = client_for(trainer).get(reverse("bank:questions"), {"type": "short", "status": "needs_review"})
    assert "简答题一" in page.content.decode() and "单选题一" not in page.content.decode()


def test_edit_saves_and_keeps_attempts_frozen(bank: Bank, trainer: Any, trainee: Any) -> None:
    question = add(bank, "投诉处理的第一步是?", options=["倾听", "辩解"], answer="A")
    paper = Paper.objects.create(title="测验", bank=bank, created_by=trainer, shuffle_options=False)
    quiz_services.rules_replace(paper=paper, rules=[{"type": "single", "count": 1, "points": Decimal("1")}])
    quiz_services.paper_publish(paper=paper)
    attempt = quiz_services.attempt_start(paper=paper, user=trainee, rng=random.Random(1))
    response = client_for(trainer).post(
        reverse("bank:question_edit", args=[question.pk]),
        {
            "type": "single",
            "status": "active",
            "stem": "投诉处理的第一步应当是?",
            "options": "辩解\n倾听\n转交",
            "answer": "B",
            "difficulty": 2,
            "tags": "投诉、基础",
            "chapter": "",
            "material": "",
            "explanation": "先听。",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.stem, question.answer, question.difficulty) == ("投诉处理的第一步应当是?", "B", 2)
    assert [o.text for o in question.options.all()] == ["辩解", "倾听", "转交"]
    assert sorted(t.name for t in question.tags.all()) == ["基础", "投诉"]
    frozen = attempt.questions.get()
    assert (frozen.stem, frozen.options, frozen.key) == ("投诉处理的第一步是?", ["倾听", "辩解"], "A")


@pytest.mark.parametrize(
    ("answer", "message"), [("E", "答案 E,但只有 2 个选项"), ("AB", "单选题的答案只能是一个字母")]
)
def test_edit_refuses_an_answer_that_does_not_fit(
    bank: Bank, trainer: Any, answer: str, message: str
) -> None:
    question = add(bank, "甲?", options=["a", "b"])
    response = client_for(trainer).post(
        reverse("bank:question_edit", args=[question.pk]),
        {
            "type": "single",
            "status": "active",
            "stem": "甲?",
            "options": "a\nb",
            "answer": answer,
            "difficulty": 3,
        },
    )
    assert response.status_code == 200 and message in response.content.decode()


def test_edit_refuses_becoming_a_copy_of_another_question(bank: Bank, trainer: Any) -> None:
    add(bank, "甲?", options=["a", "b"])
    other = add(bank, "乙?", options=["a", "b"])
    response = client_for(trainer).post(
        reverse("bank:question_edit", args=[other.pk]),
        {
            "type": "single",
            "status": "active",
            "stem": "甲?",
            "options": "a\nb",
            "answer": "A",
            "difficulty": 3,
        },
    )
    assert "相同" in response.content.decode()
    other.refresh_from_db()
    assert other.stem == "乙?"


def test_retire_and_reactivate(bank: Bank, trainer: Any) -> None:
    question = add(bank, "甲?")
    client = client_for(trainer)
    client.post(reverse("bank:question_status", args=[question.pk]), {"status": "retired"})
    question.refresh_from_db()
    assert question.status == "retired"
    client.post(reverse("bank:question_status", args=[question.pk]), {"status": "active"})
    question.refresh_from_db()
    assert question.status == "active"
    assert (
        client.post(reverse("bank:question_status", args=[question.pk]), {"status": "x"}).status_code == 403
    )


def test_stems_are_escaped(bank: Bank, trainer: Any) -> None:
    add(bank, "<script>alert(1)</script>是什么?")
    page = client_for(trainer).get(reverse("bank:questions")).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_list_queries_do_not_grow_with_rows(bank: Bank, trainer: Any) -> None:
    client = client_for(trainer)
    add(bank, "第0题?")
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("bank:questions"))
    for i in range(1, 30):
        add(bank, f"第{i}题?")
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("bank:questions"))
    assert len(many) == len(one)


def test_chapter_filter_offers_the_chosen_banks_chapters(bank: Bank, trainer: Any) -> None:
    services.chapter_get_or_create(bank=bank, title="本库章节")
    other = Bank.objects.create(name="别的题库")
    services.chapter_get_or_create(bank=other, title="别库章节")
    page = client_for(trainer).get(reverse("bank:questions"), {"bank": bank.pk}).content.decode()
    assert "本库章节" in page and "别库章节" not in page
