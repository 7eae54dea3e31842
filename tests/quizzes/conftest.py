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
