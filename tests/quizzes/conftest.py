"""Quiz fixtures: a stocked bank, a second trainer, papers, and a way to sit a paper.

Generic on purpose, for every tests/quizzes module; add fixtures, don't change these.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from config.demo import ensure_user
from qbank import roles
from qbank import services as qbank_services
from qbank.models import Bank, Chapter, Question
from quizzes import services
from quizzes.models import Attempt, Paper

PASSWORD = "test-pass-123"  # as in tests/conftest.py


@pytest.fixture
def other_trainer(role_groups: dict[str, Group]) -> Any:
    from django.contrib.auth import get_user_model

    ensure_user(username="trainer2", password=PASSWORD, group=role_groups[roles.TRAINER], staff=True)
    return get_user_model().objects.get(username="trainer2")


@pytest.fixture
def make_trainee(role_groups: dict[str, Group]) -> Callable[[str], Any]:
    from django.contrib.auth import get_user_model

    def make(username: str) -> Any:
        ensure_user(username=username, password=PASSWORD, group=role_groups[roles.TRAINEE], staff=False)
        return get_user_model().objects.get(username=username)

    return make


@pytest.fixture
def cast(admin: Any, trainer: Any, trainee: Any, make_trainee: Callable[[str], Any]) -> dict[str, Any]:
    """Who asks for an attempt's pages in the access matrices: its owner, another trainee, staff."""
    return {
        "anonymous": None,
        "owner": trainee,
        "other": make_trainee("trainee2"),
        "trainer": trainer,
        "admin": admin,
    }


@pytest.fixture
def chapter(bank: Bank) -> Chapter:
    return qbank_services.chapter_get_or_create(bank=bank, title="第一章 服务礼仪")


@pytest.fixture
def stocked_bank(bank: Bank, chapter: Chapter) -> Bank:
    """3 single choice (key A), 1 true-false (true), 1 short answer, all active."""

    def active(**fields: Any) -> Question:
        status = Question.Status.ACTIVE
        return qbank_services.question_create(bank=bank, status=status, chapter=chapter, **fields)

    for i in range(3):
        active(type="single", stem=f"单选{i}?", options=["对的", "错的"], answer="A")
    active(type="truefalse", stem="客户永远是对的?", answer=True)
    active(type="short", stem="简述接待投诉的步骤?", answer="倾听客户诉求,道歉,提出解决方案并跟进")
    return bank


@pytest.fixture
def draft_paper(stocked_bank: Bank, trainer: Any) -> Paper:
    """The trainer's draft: 2 single choice at 2 points, 1 short answer at 4 (max 8)."""
    paper = Paper.objects.create(title="服务礼仪测验", bank=stocked_bank, created_by=trainer, pass_percent=60)
    services.rules_replace(
        paper=paper,
        rules=[
            {"type": "single", "count": 2, "points": Decimal("2"), "chapters": []},
            {"type": "short", "count": 1, "points": Decimal("4"), "chapters": []},
        ],
    )
    return paper


@pytest.fixture
def published_paper(draft_paper: Paper) -> Paper:
    draft_paper.attempts_allowed = 50
    draft_paper.save()
    return services.paper_publish(paper=draft_paper)


@pytest.fixture
def sit_paper() -> Callable[..., Attempt]:
    """Start, answer and submit: single choice right (or wrong), short answer as given."""

    def sit(
        paper: Paper, user: Any, *, right: bool = True, short: str = "倾听并道歉", seed: int = 1
    ) -> Attempt:
        attempt = services.attempt_start(paper=paper, user=user, rng=random.Random(seed))
        for aq in attempt.questions.all():
            if aq.type == "single":
                response: object = aq.key if right else ("B" if aq.key == "A" else "A")
            elif aq.type == "truefalse":
                response = aq.key if right else not aq.key
            else:
                response = short
            services.answer_save(attempt=attempt, position=aq.position, response=response)
        return services.attempt_submit(attempt=attempt)

    return sit


@pytest.fixture
def client_for() -> Callable[[Any], Client]:
    def make(user: Any) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


# ---- the trainee's side: every question type, with keys and explanations easy to spot -------
# Each key and explanation is a string found nowhere else, so a test can assert it never
# reaches a running attempt's page or JSON.
SECRET_EXPLANATION = "解析机密"
SECRET_FILL = "填空机密"
SECRET_SHORT = "简答机密参考答案"


@pytest.fixture
def every_type_bank(db: None) -> Bank:
    """One active question of each type: single (stem with <script>), multiple, true-false,
    fill with two blanks, short answer with material."""
    bank = Bank.objects.create(name="全题型题库")
    chapter = qbank_services.chapter_get_or_create(bank=bank, title="第二章 全题型")

    def active(**fields: Any) -> Question:
        status = Question.Status.ACTIVE
        return qbank_services.question_create(bank=bank, status=status, chapter=chapter, **fields)

    active(
        type="single",
        stem="<script>alert('x')</script>客户来电先做什么?",
        options=["问候", "挂断", "推销"],
        answer="A",
        explanation=f"{SECRET_EXPLANATION}-单选",
    )
    active(
        type="multiple",
        stem="哪些是礼貌用语?",
        options=["请", "谢谢", "走开", "对不起"],
        answer="ABD",
        explanation=f"{SECRET_EXPLANATION}-多选",
    )
    active(type="truefalse", stem="可以打断客户?", answer=False, explanation=f"{SECRET_EXPLANATION}-判断")
    active(
        type="fill",
        stem="服务三要素:____、（ ）和耐心。",
        answer=[f"{SECRET_FILL}甲", f"{SECRET_FILL}乙"],
        explanation=f"{SECRET_EXPLANATION}-填空",
    )
    active(
        type="short",
        stem="简述投诉处理步骤。",
        material="案例:客户投诉送货延迟。",
        answer=SECRET_SHORT,
        explanation=f"{SECRET_EXPLANATION}-简答",
    )
    return bank


@pytest.fixture
def make_exam_paper(every_type_bank: Bank, trainer: Any) -> Callable[..., Paper]:
    """A published paper over every_type_bank, questions in type order (1 single … 5 short)."""

    def make(**settings: Any) -> Paper:
        fields: dict[str, Any] = {
            "title": "全题型测验",
            "bank": every_type_bank,
            "created_by": trainer,
            "shuffle_questions": False,
            "shuffle_options": False,
            "attempts_allowed": 3,
            "time_limit_minutes": 30,
        }
        paper = Paper.objects.create(**(fields | settings))
        points = {"single": "2", "multiple": "2", "truefalse": "1", "fill": "2", "short": "3"}
        rules = [{"type": t, "count": 1, "points": Decimal(p), "chapters": []} for t, p in points.items()]
        services.rules_replace(paper=paper, rules=rules)
        return services.paper_publish(paper=paper)

    return make


@pytest.fixture
def exam_paper(make_exam_paper: Callable[..., Paper]) -> Paper:
    return make_exam_paper()


def page_html(client: Client, attempt: Attempt, view: str = "result") -> str:
    """One of an attempt's pages (quizzes:<view>: result, summary, exam), opened as it should."""
    response = client.get(reverse(f"quizzes:{view}", args=[attempt.pk]))
    assert response.status_code == 200
    return response.content.decode()
