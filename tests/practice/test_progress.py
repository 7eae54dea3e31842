"""我的进度: mastery over the latest answers per chapter, the streak in the site's time zone (a
controlled clock throughout), the score history, and a page whose query count stays flat."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from practice import progress, progress_selectors, services
from practice.models import PracticeAnswer
from qbank import roles
from qbank.models import Bank, Question
from quizzes import services as quiz_services
from quizzes.models import Cohort, Paper
from tests.conftest import client_for
from tests.practice.conftest import T0

pytestmark = pytest.mark.django_db


# ---- pure ------------------------------------------------------------------------------------
def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=UTC)


def test_mastery_reads_only_the_latest_answers_of_each_chapter() -> None:
    old_misses = [(1, "wrong", at(1, h)) for h in range(10)]
    recent_rights = [(1, "correct", at(5, h)) for h in range(progress.RECENT)]
    other = [(2, "correct", at(2)), (2, "partial", at(3)), (2, "wrong", at(4))]
    shares = progress.mastery(old_misses + recent_rights + other)
    assert shares[1] == progress.Share(right=progress.RECENT, answered=progress.RECENT)
    assert shares[1].percent == 100
    assert shares[2] == progress.Share(right=1, answered=3) and shares[2].percent == 33


def test_mastery_merges_sources_by_time_not_by_source() -> None:
    # 20 exam answers (right) older than 20 practice answers (wrong): only the practice counts.
    exam = [(1, "correct", at(1) + timedelta(minutes=m)) for m in range(20)]
    practice = [(1, "wrong", at(2) + timedelta(minutes=m)) for m in range(20)]
    assert progress.mastery(exam + practice)[1].percent == 0


@pytest.mark.parametrize(
    ("days", "streak"),
    [
        ({date(2026, 3, 10), date(2026, 3, 9), date(2026, 3, 8), date(2026, 3, 6)}, 3),
        ({date(2026, 3, 9), date(2026, 3, 8)}, 2),  # nothing yet today: yesterday's streak holds
        ({date(2026, 3, 8), date(2026, 3, 7)}, 0),  # a whole day missed
        (set(), 0),
        ({date(2026, 3, 10)}, 1),
    ],
)
def test_streak_counts_consecutive_days_up_to_today(days: set[date], streak: int) -> None:
    assert progress.streak(days, today=date(2026, 3, 10)) == streak


# ---- from the database ------------------------------------------------------------------------
def practise(user: Any, bank: Bank, *, right: bool, now: datetime) -> None:
    """One practice session over the bank's first chapter, every answer right or wrong."""
    session = services.session_start(
        user=user, bank=bank, chapter=bank.chapters.order_by("order").first(), now=now
    )
    while (question := services.session_question(session=session)) is not None:
        services.session_answer(session=session, question=question, response=answer(question, right), now=now)


def answer(question: Question, right: bool) -> object:
    wrong = {"single": "A", "multiple": ["C"], "truefalse": True, "fill": ["二"]}
    key = {"single": question.answer, "multiple": list(question.answer or ""), "truefalse": question.answer}
    if question.type == "fill":
        return question.answer if right else wrong["fill"]
    return key[question.type] if right else wrong[question.type]


def sit(paper: Paper, user: Any, *, right: bool, now: datetime) -> None:
    attempt = quiz_services.attempt_start(paper=paper, user=user, now=now, rng=random.Random(1))
    for aq in attempt.questions.all():
        response = aq.key if right else ("B" if aq.key == "A" else "A")
        quiz_services.answer_save(attempt=attempt, position=aq.position, response=response, now=now)
    quiz_services.attempt_submit(attempt=attempt, now=now + timedelta(minutes=1))


def test_streak_days_are_the_sites_days_not_utc_days(trainee: Any, practice_bank: Bank) -> None:
    # 23:30 and 00:30 in Shanghai are the same UTC day (15:30 and 16:30 UTC) but two days here.
    practise(trainee, practice_bank, right=True, now=datetime(2026, 3, 2, 15, 30, tzinfo=UTC))
    practise(trainee, practice_bank, right=True, now=datetime(2026, 3, 2, 16, 30, tzinfo=UTC))
    assert progress_selectors.streak(user=trainee, now=datetime(2026, 3, 3, 12, tzinfo=UTC)) == 2
    # Two days later (Shanghai) without an answer: the streak is gone.
    assert progress_selectors.streak(user=trainee, now=datetime(2026, 3, 5, 12, tzinfo=UTC)) == 0


def test_exam_answers_count_for_the_streak_and_mastery(trainee: Any, practice_bank: Bank) -> None:
    paper = Paper.objects.get(title="月考")
    sit(paper, trainee, right=True, now=T0)
    practise(trainee, practice_bank, right=False, now=T0 + timedelta(days=1))
    assert progress_selectors.streak(user=trainee, now=T0 + timedelta(days=1, hours=2)) == 2
    rows = {row.chapter.title: row.share for row in progress_selectors.mastery(user=trainee)}
    # Chapter 1: the four practised questions wrong; the exam's single choice may be in either.
    assert sum(share.answered for share in rows.values()) == 5
    assert sum(share.right for share in rows.values()) == 1


def test_history_has_exams_and_practice_sessions_oldest_first(trainee: Any, practice_bank: Bank) -> None:
    paper = Paper.objects.get(title="月考")
    practise(trainee, practice_bank, right=True, now=T0)
    sit(paper, trainee, right=False, now=T0 + timedelta(days=1))
    points = progress_selectors.history(user=trainee)
    assert [(p.kind, int(p.percent)) for p in points] == [("practice", 100), ("exam", 0)]


def test_another_trainees_answers_are_not_mine(
    trainee: Any, practice_bank: Bank, make_other_trainee: Any
) -> None:
    Cohort.objects.get(name="一班").members.add(make_other_trainee)
    practise(make_other_trainee, practice_bank, right=True, now=T0)
    assert progress_selectors.mastery(user=trainee) == []
    assert progress_selectors.history(user=trainee) == []
    assert progress_selectors.streak(user=trainee, now=T0) == 0


# ---- the page --------------------------------------------------------------------------------
@pytest.mark.parametrize("who", [roles.ADMIN, roles.TRAINER, "anonymous"])
def test_only_trainees_have_a_progress_page(admin: Any, trainer: Any, who: str) -> None:
    user = {roles.ADMIN: admin, roles.TRAINER: trainer, "anonymous": None}[who]
    response = client_for(user).get(reverse("practice:progress"))
    assert response.status_code == (302 if user is None else 403)


def test_the_page_shows_mastery_streak_history_and_due_reviews(
    trainee: Any, practice_bank: Bank, settings: Any
) -> None:
    now = datetime.now(UTC)
    practise(trainee, practice_bank, right=False, now=now - timedelta(days=1))
    page = client_for(trainee).get(reverse("practice:progress")).content.decode()
    assert 'id="nav-progress" aria-current="page"' in page
    assert "第一章 接待" in page and 'data-percent="0"' in page
    assert 'data-streak="1"' in page  # yesterday, nothing yet today
    assert 'data-due="4"' in page and "#m-" in page
    assert 'id="history-data"' in page and "<table" in page


def page_queries(user: Any) -> int:
    client = client_for(user)
    client.get(reverse("practice:progress"))  # session, role and the like warmed up
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("practice:progress")).status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_for_one_answer_or_hundreds(
    trainee: Any, practice_bank: Bank, make_other_trainee: Any
) -> None:
    practise(trainee, practice_bank, right=False, now=T0)
    few = page_queries(trainee)
    paper = Paper.objects.get(title="月考")
    paper.attempts_allowed = 20
    paper.save()
    for day in range(1, 12):
        practise(trainee, practice_bank, right=day % 2 == 0, now=T0 + timedelta(days=day))
        sit(paper, trainee, right=day % 3 == 0, now=T0 + timedelta(days=day, hours=1))
    assert PracticeAnswer.objects.filter(user=trainee).count() > 40
    assert page_queries(trainee) == few
