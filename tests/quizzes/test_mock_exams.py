"""模拟考试: fresh draws of a paper open for practice, timed and graded like exams, listed apart,
never in the trainer's results or statistics, feeding the 错题本; and the dashboard's notice of
a short answer marked after the trainee saw the result."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from practice.models import Mistake
from quizzes import selectors, services, stats_selectors
from quizzes.models import Attempt, Cohort, Paper, ReviewPolicy

pytestmark = pytest.mark.django_db


@pytest.fixture
def mock_paper(published_paper: Paper) -> Paper:
    """The trainer's paper (2 single choice, 1 short answer), open for 模拟考试, 1 exam attempt."""
    published_paper.practice_enabled = True
    published_paper.attempts_allowed = 1
    published_paper.save()
    return published_paper


def sit(paper: Paper, user: Any, *, right: bool = True, seed: int = 1, practice: bool = True) -> Attempt:
    attempt = services.attempt_start(paper=paper, user=user, rng=random.Random(seed), practice=practice)
    for aq in attempt.questions.all():
        if aq.type == "single":
            response: object = aq.key if right else ("B" if aq.key == "A" else "A")
        else:
            response = "倾听并道歉"
        services.answer_save(attempt=attempt, position=aq.position, response=response)
    return services.attempt_submit(attempt=attempt)


# ---- who may start, and how often -------------------------------------------------------------
def test_only_a_paper_with_the_flag_can_be_practised(published_paper: Paper, trainee: Any) -> None:
    with pytest.raises(PermissionDenied, match="没有开放模拟考试"):
        services.attempt_start(paper=published_paper, user=trainee, practice=True)


def test_only_the_papers_audience_may_practise(
    mock_paper: Paper, trainee: Any, make_trainee: Callable[[str], Any]
) -> None:
    cohort = Cohort.objects.create(name="一班")
    cohort.members.add(trainee)
    mock_paper.cohorts.add(cohort)
    assert services.attempt_start(paper=mock_paper, user=trainee, practice=True).practice
    with pytest.raises(PermissionDenied):
        services.attempt_start(paper=mock_paper, user=make_trainee("outsider"), practice=True)
    assert [row.paper for row in selectors.mock_papers_for(user=make_trainee("outsider2"))] == []


def test_an_unpublished_paper_cannot_be_practised(mock_paper: Paper, trainee: Any) -> None:
    services.paper_unpublish(paper=mock_paper)
    with pytest.raises(PermissionDenied):
        services.attempt_start(paper=mock_paper, user=trainee, practice=True)


def test_practice_keeps_to_no_window_but_is_still_timed(mock_paper: Paper, trainee: Any) -> None:
    now = timezone.now()
    mock_paper.opens_at, mock_paper.closes_at = now - timedelta(days=2), now - timedelta(days=1)
    mock_paper.save()
    with pytest.raises(PermissionDenied):  # the exam is closed…
        services.attempt_start(paper=mock_paper, user=trainee, now=now)
    attempt = services.attempt_start(paper=mock_paper, user=trainee, now=now, practice=True)
    # …its 模拟考试 is not, and runs on the paper's time limit.
    assert attempt.deadline == now + timedelta(minutes=mock_paper.time_limit_minutes)


def test_blank_limit_is_unlimited_and_a_number_is_kept(mock_paper: Paper, trainee: Any) -> None:
    for seed in range(4):
        sit(mock_paper, trainee, seed=seed)
    assert selectors.mock_papers_for(user=trainee)[0].left is None
    mock_paper.practice_attempts_allowed = 5
    mock_paper.save()
    sit(mock_paper, trainee, seed=9)
    row = selectors.mock_papers_for(user=trainee)[0]
    assert (row.used, row.left, row.can_start) == (5, 0, False)
    with pytest.raises(PermissionDenied, match="模拟考试次数已用完"):
        services.attempt_start(paper=mock_paper, user=trainee, practice=True)


def test_the_exam_attempt_limit_is_untouched(mock_paper: Paper, trainee: Any) -> None:
    for seed in range(3):
        sit(mock_paper, trainee, seed=seed)
    exam = sit(mock_paper, trainee, practice=False)  # the one exam attempt is still there
    assert (exam.practice, exam.number) == (False, 1)
    with pytest.raises(PermissionDenied, match="作答次数已用完"):
        services.attempt_start(paper=mock_paper, user=trainee)
    # …and practice goes on after it, numbered on its own.
    assert sit(mock_paper, trainee, seed=7).number == 4
    rows = selectors.papers_for_trainee(user=trainee)
    assert [row.used for row in rows] == [1]  # type: ignore[attr-defined]


def test_no_practice_while_the_exam_of_the_paper_runs(mock_paper: Paper, trainee: Any) -> None:
    services.attempt_start(paper=mock_paper, user=trainee)
    with pytest.raises(PermissionDenied, match="交卷后才能做模拟考试"):
        services.attempt_start(paper=mock_paper, user=trainee, practice=True)
    row = selectors.mock_papers_for(user=trainee)[0]
    assert row.exam_running and not row.can_start


def test_a_running_practice_attempt_is_resumed(mock_paper: Paper, trainee: Any) -> None:
    first = services.attempt_start(paper=mock_paper, user=trainee, practice=True)
    assert services.attempt_start(paper=mock_paper, user=trainee, practice=True) == first
    # An exam attempt may start beside it: they are counted and run apart.
    exam = services.attempt_start(paper=mock_paper, user=trainee)
    assert exam != first and not exam.practice


# ---- the draw ---------------------------------------------------------------------------------
def test_each_practice_attempt_is_a_fresh_draw_even_on_a_same_for_everyone_paper(
    draft_paper: Paper, trainee: Any
) -> None:
    draft_paper.same_for_everyone = True
    draft_paper.practice_enabled = True
    draft_paper.save()
    paper = services.paper_publish(paper=draft_paper, rng=random.Random(1))
    singles = set(paper.bank.questions.filter(type="single").values_list("pk", flat=True))
    fixed = {pk for pk, _points in paper.fixed_draw if pk in singles}
    drawn = []
    for seed in range(12):
        attempt = sit(paper, trainee, seed=seed)
        drawn.append(set(attempt.questions.filter(type="single").values_list("question_id", flat=True)))
    # 2 of 3 single choices each time: over 12 draws, others than the exam's fixed pair come up.
    assert any(ids != fixed for ids in drawn)


def test_practice_is_graded_like_an_exam_and_feeds_the_mistake_book(mock_paper: Paper, trainee: Any) -> None:
    attempt = sit(mock_paper, trainee, right=False)
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.pending_grading == 1
    assert attempt.questions.filter(type="single", state="wrong").count() == 2
    missed = set(attempt.questions.filter(type="single").values_list("question_id", flat=True))
    assert set(Mistake.objects.filter(user=trainee).values_list("question_id", flat=True)) == missed


def test_review_follows_the_papers_settings(mock_paper: Paper, trainee: Any) -> None:
    mock_paper.review_policy = ReviewPolicy.SCORE
    mock_paper.save()
    attempt = sit(mock_paper, trainee)
    assert services.review_display(attempt=attempt) == services.ReviewDisplay(score=True)
    mock_paper.review_policy = ReviewPolicy.ANSWERS
    mock_paper.same_for_everyone = True  # retakes would withhold an exam's review, not practice's
    mock_paper.attempts_allowed = 3
    mock_paper.save()
    assert services.review_display(attempt=Attempt.objects.get(pk=attempt.pk)).answers


# ---- never in the trainer's results ----------------------------------------------------------
def test_practice_is_left_out_of_results_statistics_and_counts(
    mock_paper: Paper, trainee: Any, trainer: Any, make_trainee: Callable[[str], Any]
) -> None:
    for seed in range(3):
        sit(mock_paper, trainee, seed=seed, right=False)
    exam = sit(mock_paper, make_trainee("zhang"), practice=False)
    assert list(selectors.paper_results(paper=mock_paper)) == [exam]
    assert list(stats_selectors.stats_attempts(paper=mock_paper)) == [exam]
    assert sum(stat.seen for stat in selectors.item_statistics(paper=mock_paper)) == 3
    managed = selectors.papers_managed_by(user=trainer).get(pk=mock_paper.pk)
    assert managed.attempt_count == 1  # type: ignore[attr-defined]
    mastery = stats_selectors.chapter_class_mastery(user=trainer, bank=mock_paper.bank)
    # The exam's 2 marked single choices; the 6 of practice are not there.
    assert sum(cell.answers for row in mastery.grid for cell in row if cell is not None) == 2


def test_trainer_pages_show_only_exam_attempts(
    mock_paper: Paper, trainee: Any, trainer: Any, client_for: Callable[[Any], Client]
) -> None:
    sit(mock_paper, trainee)
    client = client_for(trainer)
    results = client.get(reverse("quizzes:paper_results", args=[mock_paper.pk]))
    assert list(results.context["attempts"]) == []
    stats = client.get(reverse("quizzes:paper_stats", args=[mock_paper.pk]))
    assert stats.context["summary"].attempts == 0


def test_practice_short_answers_reach_the_grading_queue_marked_as_such(
    mock_paper: Paper, trainee: Any, trainer: Any, client_for: Callable[[Any], Client]
) -> None:
    sit(mock_paper, trainee)
    page = client_for(trainer).get(reverse("quizzes:grading_queue")).content.decode()
    assert "共 1 题" in page and "badge-mock" in page


# ---- the trainee's pages ----------------------------------------------------------------------
def test_dashboard_and_practice_area_list_practice_apart(
    mock_paper: Paper, trainee: Any, client_for: Callable[[Any], Client]
) -> None:
    practice = sit(mock_paper, trainee)
    exam = sit(mock_paper, trainee, practice=False)
    client = client_for(trainee)
    dashboard = client.get(reverse("quizzes:dashboard"))
    assert dashboard.context["attempts"] == [exam]
    assert dashboard.context["mock_attempts"] == [practice]
    page = dashboard.content.decode()
    assert f'data-mock-paper="{mock_paper.pk}"' in page and f'data-mock-attempt="{practice.pk}"' in page
    area = client.get(reverse("practice:mock_exams"))
    assert area.status_code == 200 and area.context["mock_attempts"] == [practice]
    assert "模拟第 1 次" in area.content.decode()


def test_starting_from_the_page_opens_the_exam(
    mock_paper: Paper, trainee: Any, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(trainee).post(reverse("quizzes:practice_start", args=[mock_paper.pk]))
    attempt = Attempt.objects.get(user=trainee, practice=True)
    assert response["Location"] == reverse("quizzes:exam", args=[attempt.pk])
    page = client_for(trainee).get(response["Location"]).content.decode()
    assert 'id="mock-badge"' in page


def test_a_paper_without_enough_questions_says_so_instead_of_failing(
    mock_paper: Paper, trainee: Any, client_for: Callable[[Any], Client]
) -> None:
    mock_paper.bank.questions.filter(type="single").update(status="retired")
    for url in ("quizzes:practice_start", "quizzes:start"):
        response = client_for(trainee).post(reverse(url, args=[mock_paper.pk]))
        assert response.status_code == 409
        assert "请告诉培训师" in response.content.decode()


def test_dashboard_queries_do_not_grow_with_practice(
    mock_paper: Paper, trainee: Any, client_for: Callable[[Any], Client]
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(trainee)
    counts = []
    for seed in range(2):
        sit(mock_paper, trainee, seed=seed)
        client.get(reverse("quizzes:dashboard"))
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("quizzes:dashboard"))
        counts.append(len(queries))
    assert counts[0] == counts[1]


# ---- a short answer marked later --------------------------------------------------------------
def test_a_later_marking_shows_on_the_dashboard_until_the_result_is_opened(
    published_paper: Paper, trainee: Any, trainer: Any, client_for: Callable[[Any], Client]
) -> None:
    attempt = sit(published_paper, trainee, practice=False)
    client = client_for(trainee)
    client.get(reverse("quizzes:result", args=[attempt.pk]))  # seen at handing in
    assert selectors.regraded_unseen(user=trainee) == []
    short = attempt.questions.get(type="short")
    services.short_answer_grade(aq=short, score=Decimal("3"), comment="", grader=trainer)
    page = client.get(reverse("quizzes:dashboard")).content.decode()
    link = reverse("quizzes:result", args=[attempt.pk])
    assert f'data-regraded="{attempt.pk}"' in page and link in page
    # The trainer reading the result does not clear the trainee's notice…
    client_for(trainer).get(link)
    assert selectors.regraded_unseen(user=trainee) == [attempt]
    # …the trainee opening it does.
    client.get(link)
    assert selectors.regraded_unseen(user=trainee) == []
    assert 'id="regraded"' not in client.get(reverse("quizzes:dashboard")).content.decode()


def test_a_marking_shows_again_after_being_seen(published_paper: Paper, trainee: Any, trainer: Any) -> None:
    attempt = sit(published_paper, trainee, practice=False)
    short = attempt.questions.get(type="short")
    now = timezone.now()
    services.short_answer_grade(aq=short, score=Decimal("1"), comment="", grader=trainer, now=now)
    services.result_seen(attempt=Attempt.objects.get(pk=attempt.pk), now=now + timedelta(minutes=1))
    assert selectors.regraded_unseen(user=trainee) == []
    services.short_answer_grade(
        aq=short, score=Decimal("4"), comment="改分", grader=trainer, now=now + timedelta(minutes=2)
    )
    assert selectors.regraded_unseen(user=trainee) == [attempt]


def test_nothing_to_notice_before_any_marking(published_paper: Paper, trainee: Any) -> None:
    sit(published_paper, trainee, practice=False)
    assert selectors.regraded_unseen(user=trainee) == []
