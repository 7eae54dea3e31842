"""One trainee's bad data never breaks the site for anyone else.

A lone surrogate ("x\\ud800" in the JSON body) is valid JSON but not text: stored, it cannot be
encoded as UTF-8, so every page that renders it, and every grading pass, raised. Answers are
refused on the way in; an attempt that still fails to grade is logged and skipped, and nobody's
request grades anyone else's attempt.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import DataError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quizzes import services
from quizzes.models import Attempt, AttemptQuestion, Paper
from quizzes.textcheck import repaired

pytestmark = pytest.mark.django_db


def raw_save(client: Client, attempt: Attempt, body: str) -> Any:
    return client.post(reverse("quizzes:save", args=[attempt.pk]), body, content_type="application/json")


@pytest.mark.parametrize(
    "body",
    [
        '{"position": 5, "response": "x\\ud800"}',  # short answer, lone high surrogate
        '{"position": 5, "response": "\\udc00y"}',  # lone low surrogate
        '{"position": 4, "response": ["ok", "x\\ud800"]}',  # one blank of a fill question
        '{"position": 5, "response": "nul\\u0000"}',  # NUL: PostgreSQL cannot store it in text
    ],
)
def test_autosave_refuses_text_that_is_not_well_formed(
    exam_paper: Paper, trainee: Any, client_for: Callable[[Any], Client], body: str
) -> None:
    attempt = services.attempt_start(paper=exam_paper, user=trainee)
    response = raw_save(client_for(trainee), attempt, body)
    assert response.status_code == 400
    assert response.json()["error"] == "答案中有无法识别的字符,请删除后重试。"
    assert AttemptQuestion.objects.filter(attempt=attempt, response__isnull=False).count() == 0


def test_a_surrogate_pair_written_as_escapes_is_fine(
    exam_paper: Paper, trainee: Any, client_for: Callable[[Any], Client]
) -> None:
    attempt = services.attempt_start(paper=exam_paper, user=trainee)
    response = raw_save(client_for(trainee), attempt, '{"position": 5, "response": "笑\\ud83d\\ude00"}')
    assert response.status_code == 200
    assert attempt.questions.get(position=5).response == "笑😀"


def plant_bad_answer(attempt: Attempt) -> None:
    """What an attempt saved before the check looks like: stored behind the service's back."""
    AttemptQuestion.objects.filter(attempt=attempt, position=5).update(response="x\ud800")


def test_a_broken_overdue_attempt_fails_nobody_elses_request(
    exam_paper: Paper,
    trainee: Any,
    make_trainee: Callable[[str], Any],
    client_for: Callable[[Any], Client],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken = services.attempt_start(paper=exam_paper, user=trainee)
    Attempt.objects.filter(pk=broken.pk).update(deadline=timezone.now() - timedelta(hours=1))

    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the database went away mid-grade")

    monkeypatch.setattr(services.grading, "grade", explode)
    other = client_for(make_trainee("trainee2"))
    assert other.get(reverse("quizzes:dashboard")).status_code == 200
    assert other.post(reverse("quizzes:start", args=[exam_paper.pk])).status_code == 302
    with caplog.at_level(logging.ERROR, logger="quizzes.services"):
        call_command("finalise_overdue", stdout=StringIO())
    assert "could not finalise attempt" in caplog.text
    assert Attempt.objects.get(pk=broken.pk).is_running  # left for a human, logged


def test_another_trainees_dashboard_does_not_grade_my_attempt(
    exam_paper: Paper, trainee: Any, make_trainee: Callable[[str], Any], client_for: Callable[[Any], Client]
) -> None:
    mine = services.attempt_start(paper=exam_paper, user=trainee)
    Attempt.objects.filter(pk=mine.pk).update(deadline=timezone.now() - timedelta(hours=1))
    client_for(make_trainee("trainee2")).get(reverse("quizzes:dashboard"))
    assert Attempt.objects.get(pk=mine.pk).is_running  # the worker's or my own visit's job
    client_for(trainee).get(reverse("quizzes:dashboard"))
    assert Attempt.objects.get(pk=mine.pk).auto_submitted


def test_finalising_grades_the_rest_when_one_attempt_fails(
    exam_paper: Paper,
    trainee: Any,
    make_trainee: Callable[[str], Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = services.attempt_start(paper=exam_paper, user=trainee)
    second = services.attempt_start(paper=exam_paper, user=make_trainee("trainee2"))
    Attempt.objects.update(deadline=timezone.now() - timedelta(hours=1))
    real_submit = services.attempt_submit

    def fail_first(*, attempt: Attempt, **kwargs: Any) -> Attempt:
        if attempt.pk == first.pk:
            raise RuntimeError("boom")
        return real_submit(attempt=attempt, **kwargs)

    monkeypatch.setattr(services, "attempt_submit", fail_first)
    assert services.attempt_finalise_overdue() == 1
    assert not Attempt.objects.get(pk=second.pk).is_running


# Only SQLite ever stored such answers: PostgreSQL's jsonb refuses them (the test below).
@pytest.mark.only_on("sqlite")
def test_answers_stored_before_the_check_are_repaired_by_a_migration(
    exam_paper: Paper, trainee: Any, client_for: Callable[[Any], Client]
) -> None:
    from django.apps import apps

    repair = importlib.import_module("quizzes.migrations.0002_repair_answer_text").repair_answers
    attempt = services.attempt_start(paper=exam_paper, user=trainee)
    plant_bad_answer(attempt)
    repair(apps, None)
    assert attempt.questions.get(position=5).response == "x\ufffd"
    assert client_for(trainee).get(reverse("quizzes:exam", args=[attempt.pk])).status_code == 200


@pytest.mark.only_on("postgresql")
@pytest.mark.parametrize("bad", ["x\ud800", "nul\u0000"])
def test_postgresql_refuses_an_answer_that_is_not_text(exam_paper: Paper, trainee: Any, bad: str) -> None:
    attempt = services.attempt_start(paper=exam_paper, user=trainee)
    with pytest.raises(DataError), transaction.atomic():
        AttemptQuestion.objects.filter(attempt=attempt, position=5).update(response=bad)
    assert attempt.questions.get(position=5).response is None


def test_repaired_replaces_only_what_is_not_text() -> None:
    assert repaired("x\ud800") == "x\ufffd"
    assert repaired(["a", {"b": "\udc00"}]) == ["a", {"b": "\ufffd"}]
    assert repaired("好") == "好"


def test_starting_asks_the_worker_to_finalise_when_time_runs_out(
    exam_paper: Paper, trainee: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django_tasks import default_task_backend

    from quizzes.tasks import finalise_overdue_attempts

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        attempt = services.attempt_start(paper=exam_paper, user=trainee)
    [queued] = default_task_backend.results  # type: ignore[attr-defined]
    assert queued.task.name == finalise_overdue_attempts.name
    assert queued.task.run_after > attempt.deadline + services.save_grace()
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(hours=1))
    assert finalise_overdue_attempts.call() == 1
    assert not Attempt.objects.get(pk=attempt.pk).is_running


def test_a_bad_key_that_got_in_anyway_goes_to_a_trainer_instead_of_crashing_the_submit(
    exam_paper: Paper, trainee: Any
) -> None:
    attempt = services.attempt_start(paper=exam_paper, user=trainee)
    attempt.questions.filter(type="truefalse").update(key="A")
    services.answer_save(attempt=attempt, position=3, response=True)
    submitted = services.attempt_submit(attempt=attempt)
    assert submitted.questions.get(type="truefalse").state == "pending"
    assert submitted.pending_grading >= 1
