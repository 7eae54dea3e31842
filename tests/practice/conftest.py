"""Practice fixtures: a bank published to the trainee's class (two chapters, one question of each
auto-graded type, keys and explanations that are strings found nowhere else), and a bank that is
published to nobody."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from qbank import services as qbank_services
from qbank.models import Bank, Chapter, Question
from quizzes import services as quiz_services
from quizzes.models import Cohort, Paper

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
KEY_TEXT = "钥匙选项甲乙"  # the single choice's right option: only ever shown after answering
EXPLANATION = "解析独有文字丙丁"


@pytest.fixture
def chapters(bank: Bank) -> tuple[Chapter, Chapter]:
    return (
        qbank_services.chapter_get_or_create(bank=bank, title="第一章 接待"),
        qbank_services.chapter_get_or_create(bank=bank, title="第二章 投诉"),
    )


@pytest.fixture
def practice_bank(bank: Bank, chapters: tuple[Chapter, Chapter], trainee: Any, trainer: Any) -> Bank:
    first, second = chapters

    def active(chapter: Chapter, **fields: Any) -> Question:
        return qbank_services.question_create(
            bank=bank, status=Question.Status.ACTIVE, chapter=chapter, **fields
        )

    active(
        first,
        type="single",
        stem="客户进门先做什么?",
        options=["看手机", KEY_TEXT],
        answer="B",
        explanation=EXPLANATION,
    )
    active(first, type="multiple", stem="哪些是礼貌用语?", options=["您好", "请", "喂"], answer="AB")
    active(first, type="truefalse", stem="可以打断客户说话。", answer=False)
    active(first, type="fill", stem="首问负责制的“首问”是指第____位被问到的员工。", answer=["一"])
    active(first, type="short", stem="简述投诉处理流程。", answer="倾听、道歉")  # not practised
    qbank_services.question_create(
        bank=bank, chapter=first, type="single", stem="待审核的题", options=["甲", "乙"], answer="A"
    )  # needs review: not practised
    active(second, type="single", stem="第二章的题?", options=["对", "错"], answer="A")
    cohort = Cohort.objects.create(name="一班")
    cohort.members.add(trainee)
    paper = Paper.objects.create(title="月考", bank=bank, created_by=trainer)
    quiz_services.rules_replace(
        paper=paper, rules=[{"type": "single", "count": 1, "points": Decimal("1"), "chapters": []}]
    )
    paper.cohorts.add(cohort)
    quiz_services.paper_publish(paper=paper)
    return bank


@pytest.fixture
def hidden_bank(other_bank: Bank) -> Bank:
    qbank_services.question_create(
        bank=other_bank,
        status=Question.Status.ACTIVE,
        type="single",
        stem="别的题库",
        options=["甲", "乙"],
        answer="A",
    )
    return other_bank


@pytest.fixture
def make_other_trainee(role_groups: Any) -> Any:
    from django.contrib.auth import get_user_model

    from config.demo import ensure_user
    from qbank import roles

    ensure_user(username="trainee9", password="test-pass-123", group=role_groups[roles.TRAINEE], staff=False)
    return get_user_model().objects.get(username="trainee9")
