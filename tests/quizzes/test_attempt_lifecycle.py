"""Attempt lifecycle with the clock under control: start, save, deadline, submit, overdue."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from qbank import services as qbank_services
from qbank.models import Bank, Question
from quizzes import services
from quizzes.models import Attempt, Cohort, Paper

T0 = timezone.make_aware(datetime(2026, 11, 22, 9, 0))


def active(bank: Bank, **fields: Any) -> Question:
    return qbank_services.question_create(bank=bank, status=Question.Status.ACTIVE, **fields)


@pytest.fixture
def lifecycle_paper(bank: Bank, trainer: Any) -> Paper:
    chapter = qbank_services.chapter_get_or_create(bank=bank, title="第一章")
    for i in range(3):
        active(
            bank,
            chapter=chapter,
            type="single",
            stem=f"单选{i}?",
            options=["对的", "错的", "也错"],
            answer="A",
        )
    active(bank, chapter=chapter, type="multiple", stem="多选?", options=["甲", "乙", "丙"], answer="AB")
    active(bank, chapter=chapter, type="short", stem="简述服务?", answer="倾听客户需求并及时解决问题")
    paper = Paper.objects.create(title="练习", bank=bank, time_limit_minutes=10, created_by=trainer)
    services.rules_replace(
        paper=paper,
        rules=[
            {"type": "single", "count": 3, "points": Decimal("2"), "chapters": [chapter]},
            {"type": "multiple", "count": 1, "points": Decimal("2"), "chapters": []},
            {"type": "short", "count": 1, "points": Decimal("4"), "chapters": []},
        ],
    )
    return services.paper_publish(paper=paper)


def start(paper: Paper, user: Any, now: datetime = T0, seed: int = 1) -> Attempt:
    return services.attempt_start(paper=paper, user=user, now=now, rng=random.Random(seed))


def correct_letter(attempt: Attempt, position: int) -> str:
    return str(attempt.questions.get(position=position).key)


def test_start_freezes_questions_and_points(lifecycle_paper: Paper, trainee: Any) -> None:
    attempt = start(lifecycle_paper, trainee)
    assert attempt.deadline == T0 + timedelta(minutes=10)
    assert attempt.max_score == Decimal("12")
    frozen = list(attempt.questions.values_list("type", flat=True))
    assert sorted(frozen) == ["multiple", "short", "single", "single", "single"]
    # Editing the bank afterwards changes nothing in the attempt.
    q = Question.objects.get(stem="单选0?")
    q.stem = "改过的题干"
    q.save()
    assert not attempt.questions.filter(stem="改过的题干").exists()


def test_option_shuffle_keeps_the_key_pointing_at_the_right_text(
    lifecycle_paper: Paper, trainee: Any
) -> None:
    attempt = start(lifecycle_paper, trainee, seed=7)
    for aq in attempt.questions.filter(type="single"):
        assert aq.options[ord(aq.key) - ord("A")] == "对的"
    multiple = attempt.questions.get(type="multiple")
    chosen = {multiple.options[ord(c) - ord("A")] for c in multiple.key}
    assert chosen == {"甲", "乙"}


def test_refresh_or_second_tab_resumes_the_same_attempt(lifecycle_paper: Paper, trainee: Any) -> None:
    first = start(lifecycle_paper, trainee)
    again = start(lifecycle_paper, trainee, now=T0 + timedelta(minutes=1), seed=99)
    assert again.pk == first.pk and Attempt.objects.count() == 1


def test_saves_from_two_tabs_to_different_questions_both_persist(
    lifecycle_paper: Paper, trainee: Any
) -> None:
    attempt = start(lifecycle_paper, trainee)
    tab_one, tab_two = Attempt.objects.get(pk=attempt.pk), Attempt.objects.get(pk=attempt.pk)
    services.answer_save(attempt=tab_one, position=1, response="A", now=T0 + timedelta(minutes=1))
    services.answer_save(
        attempt=tab_two, position=2, response="B", flagged=True, now=T0 + timedelta(minutes=1)
    )
    saved = dict(attempt.questions.values_list("position", "response"))
    assert saved[1] == "A" and saved[2] == "B"
    assert attempt.questions.get(position=2).flagged


def test_late_save_refused_after_grace(lifecycle_paper: Paper, trainee: Any) -> None:
    attempt = start(lifecycle_paper, trainee)
    within_grace = attempt.deadline + timedelta(seconds=5)
    services.answer_save(attempt=attempt, position=1, response="A", now=within_grace)
    with pytest.raises(services.AttemptClosed):
        services.answer_save(
            attempt=attempt, position=1, response="B", now=attempt.deadline + timedelta(seconds=30)
        )
    assert attempt.questions.get(position=1).response == "A"


def test_malformed_response_refused(lifecycle_paper: Paper, trainee: Any) -> None:
    attempt = start(lifecycle_paper, trainee)
    single = attempt.questions.filter(type="single").first()
    assert single is not None
    with pytest.raises(ValidationError):
        services.answer_save(attempt=attempt, position=single.position, response="Z", now=T0)


def test_submit_grades_once_even_when_repeated_or_racing_the_deadline(
    lifecycle_paper: Paper, trainee: Any
) -> None:
    attempt = start(lifecycle_paper, trainee)
    for aq in attempt.questions.exclude(type="short"):
        services.answer_save(
            attempt=attempt, position=aq.position, response=aq.key, now=T0 + timedelta(minutes=2)
        )
    first = services.attempt_submit(attempt=attempt, now=T0 + timedelta(minutes=3))
    second = services.attempt_submit(attempt=attempt, now=T0 + timedelta(minutes=4))
    overdue = services.attempt_finalise_overdue(now=T0 + timedelta(hours=1))
    assert (second.score, second.submitted_at) == (first.score, first.submitted_at)
    assert overdue == 0 and first.score == Decimal("8")  # 3×2 + 2; the short answer was left empty
    assert first.pending_grading == 0 and first.passed is True


def test_abandoned_attempt_is_submitted_when_its_time_runs_out(lifecycle_paper: Paper, trainee: Any) -> None:
    attempt = start(lifecycle_paper, trainee)
    services.answer_save(attempt=attempt, position=1, response=correct_letter(attempt, 1), now=T0)
    assert services.attempt_finalise_overdue(now=attempt.deadline) == 0  # still inside the grace
    assert services.attempt_finalise_overdue(now=attempt.deadline + timedelta(minutes=1)) == 1
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.auto_submitted
    assert attempt.submitted_at == attempt.deadline


def test_short_answer_awaits_a_trainer_then_counts(
    lifecycle_paper: Paper, trainee: Any, trainer: Any
) -> None:
    attempt = start(lifecycle_paper, trainee)
    short = attempt.questions.get(type="short")
    services.answer_save(attempt=attempt, position=short.position, response="要倾听客户需求", now=T0)
    attempt = services.attempt_submit(attempt=attempt, now=T0 + timedelta(minutes=1))
    short.refresh_from_db()
    assert attempt.pending_grading == 1 and attempt.passed is None and short.state == "pending"
    assert short.suggested_score is not None and short.score is None
    services.short_answer_grade(aq=short, score=Decimal("3.5"), comment="不错", grader=trainer)
    attempt.refresh_from_db()
    assert attempt.pending_grading == 0 and attempt.score == Decimal("3.5") and attempt.passed is False


def test_grade_outside_the_points_refused(lifecycle_paper: Paper, trainee: Any, trainer: Any) -> None:
    attempt = services.attempt_submit(attempt=start(lifecycle_paper, trainee), now=T0)
    short = attempt.questions.get(type="short")
    with pytest.raises(ValidationError):
        services.short_answer_grade(aq=short, score=Decimal("5"), comment="", grader=trainer)


def test_window_audience_and_attempts_allowed(
    lifecycle_paper: Paper, trainee: Any, django_user_model: Any
) -> None:
    lifecycle_paper.opens_at, lifecycle_paper.closes_at = T0, T0 + timedelta(minutes=5)
    lifecycle_paper.save()
    with pytest.raises(PermissionDenied):
        start(lifecycle_paper, trainee, now=T0 - timedelta(minutes=1))
    attempt = start(lifecycle_paper, trainee)
    assert attempt.deadline == T0 + timedelta(minutes=5)  # the window closes before the time limit
    services.attempt_submit(attempt=attempt, now=T0 + timedelta(minutes=1))
    with pytest.raises(PermissionDenied):
        start(lifecycle_paper, trainee, now=T0 + timedelta(minutes=2))  # one attempt allowed
    cohort = Cohort.objects.create(name="一班")
    lifecycle_paper.cohorts.add(cohort)
    outsider = django_user_model.objects.create_user("outsider", password="x")
    with pytest.raises(PermissionDenied):
        start(lifecycle_paper, outsider)


def test_publish_refused_when_a_rule_asks_more_than_the_bank_has(bank: Bank, trainer: Any) -> None:
    paper = Paper.objects.create(title="太多", bank=bank, created_by=trainer)
    services.rules_replace(paper=paper, rules=[{"type": "fill", "count": 5, "points": Decimal("1")}])
    with pytest.raises(ValidationError) as refused:
        services.paper_publish(paper=paper)
    assert "只有 0 题" in str(refused.value)


def test_same_paper_for_everyone_is_drawn_once(
    lifecycle_paper: Paper, trainee: Any, django_user_model: Any
) -> None:
    lifecycle_paper.same_for_everyone = True
    lifecycle_paper.shuffle_questions = False
    services.paper_publish(paper=lifecycle_paper, rng=random.Random(3))
    other = django_user_model.objects.create_user("other", password="x")
    one, two = start(lifecycle_paper, trainee, seed=1), start(lifecycle_paper, other, seed=2)
    assert list(one.questions.values_list("question_id", flat=True)) == list(
        two.questions.values_list("question_id", flat=True)
    )


def test_review_display_follows_the_policy(lifecycle_paper: Paper, trainee: Any) -> None:
    attempt = start(lifecycle_paper, trainee)
    assert services.review_display(attempt=attempt) == services.ReviewDisplay()  # nothing while running
    attempt = services.attempt_submit(attempt=attempt, now=T0)
    attempt.paper = lifecycle_paper  # one object, so the policy changes below are seen
    for policy, answers, explanations in [
        ("score", False, False),
        ("answers", True, False),
        ("explanations", True, True),
    ]:
        lifecycle_paper.review_policy = policy
        lifecycle_paper.save()
        shown = services.review_display(attempt=attempt)
        assert (shown.answers, shown.explanations) == (answers, explanations)
    lifecycle_paper.review_policy, lifecycle_paper.closes_at = "after_close", T0 + timedelta(hours=1)
    lifecycle_paper.save()
    assert not services.review_display(attempt=attempt, now=T0).answers
    assert services.review_display(attempt=attempt, now=T0 + timedelta(hours=2)).explanations


def test_retired_and_unreviewed_questions_are_never_drawn(lifecycle_paper: Paper, trainee: Any) -> None:
    Question.objects.filter(stem="单选0?").update(status=Question.Status.RETIRED)
    Question.objects.filter(stem="单选1?").update(status=Question.Status.NEEDS_REVIEW)
    assert services.paper_problems(paper=lifecycle_paper) == ["规则“单选题 × 3”需要 3 题,题库中只有 1 题。"]
