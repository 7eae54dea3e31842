"""The practice pages: trainees only, their own sessions only, and no key before the answer."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from practice import services
from practice.models import Favourite, Mistake, PracticeSession
from qbank import roles
from qbank.models import Bank, Question
from tests.conftest import client_for
from tests.practice.conftest import EXPLANATION, KEY_TEXT, T0

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(admin: Any, trainer: Any, trainee: Any) -> dict[str, Any]:
    return {roles.ADMIN: admin, roles.TRAINER: trainer, roles.TRAINEE: trainee, "anonymous": None}


@pytest.fixture
def session(trainee: Any, practice_bank: Bank, chapters: Any) -> PracticeSession:
    return services.session_start(user=trainee, bank=practice_bank, chapter=chapters[0])


def urls(session: PracticeSession) -> list[tuple[str, str]]:
    question = Question.objects.get(pk=session.question_ids[0])
    return [
        ("get", reverse("practice:home")),
        ("post", reverse("practice:start")),
        ("get", reverse("practice:session", args=[session.pk])),
        ("post", reverse("practice:session", args=[session.pk])),
        ("get", reverse("practice:feedback", args=[session.pk])),
        ("get", reverse("practice:mistakes")),
        ("get", reverse("practice:favourites")),
        ("post", reverse("practice:favourite_toggle", args=[question.pk])),
        ("get", reverse("practice:progress")),
        ("get", reverse("practice:notes")),
        ("post", reverse("practice:note_save", args=[question.pk])),
    ]


@pytest.mark.parametrize("who", [roles.ADMIN, roles.TRAINER, "anonymous"])
def test_only_trainees_get_in(cast: dict[str, Any], session: PracticeSession, who: str) -> None:
    client = client_for(cast[who])
    for method, url in urls(session):
        response = getattr(client, method)(url)
        if cast[who] is None:
            assert response.status_code == 302 and reverse("login") in response["Location"], url
        else:
            assert response.status_code == 403, url


def test_another_trainees_session_is_not_found(session: PracticeSession, make_other_trainee: Any) -> None:
    client = client_for(make_other_trainee)
    for method, url in urls(session)[2:5]:
        assert getattr(client, method)(url).status_code == 404, url


def test_the_trainee_sees_every_page(trainee: Any, session: PracticeSession) -> None:
    client = client_for(trainee)
    for method, url in urls(session):
        if method == "get":
            assert client.get(url).status_code in (200, 302), url


def test_no_key_before_answering_then_verdict_key_and_explanation(
    trainee: Any, session: PracticeSession
) -> None:
    client = client_for(trainee)
    page = client.get(reverse("practice:session", args=[session.pk])).content.decode()
    assert "客户进门先做什么" in page
    assert "看手机" in page and KEY_TEXT in page  # the options are shown, unmarked
    assert EXPLANATION not in page and "正确答案" not in page and "correct-answer" not in page
    assert "checked" not in page
    answered = client.post(reverse("practice:session", args=[session.pk]), {"q1": "A"})
    assert answered["Location"] == reverse("practice:feedback", args=[session.pk])
    feedback = client.get(answered["Location"]).content.decode()
    assert "回答错误" in feedback and EXPLANATION in feedback
    assert '<dd id="correct-answer">B</dd>' in feedback
    # The next question's page carries nothing of its own key either.
    following = client.get(reverse("practice:session", args=[session.pk])).content.decode()
    assert (
        "哪些是礼貌用语" in following and EXPLANATION not in following and "correct-answer" not in following
    )
    assert Mistake.objects.filter(user=trainee).count() == 1


def test_an_empty_answer_asks_again(trainee: Any, session: PracticeSession) -> None:
    response = client_for(trainee).post(reverse("practice:session", args=[session.pk]), {})
    assert response.status_code == 400 and "请先作答" in response.content.decode()
    session.refresh_from_db()
    assert session.position == 0


def test_every_auto_graded_type_is_answered_through_the_form(trainee: Any, session: PracticeSession) -> None:
    client = client_for(trainee)
    url = reverse("practice:session", args=[session.pk])
    for data in ({"q1": "B"}, {"q1": ["A", "B"]}, {"q1": "false"}, {"q1-1": "一"}):
        assert client.post(url, data).status_code == 302
        assert "回答正确" in client.get(reverse("practice:feedback", args=[session.pk])).content.decode()
    assert "答对 4 题" in client.get(url).content.decode()


def test_start_resumes_and_refuses_a_bank_not_published_to_the_trainee(
    trainee: Any, session: PracticeSession, practice_bank: Bank, hidden_bank: Bank, chapters: Any
) -> None:
    client = client_for(trainee)
    again = client.post(reverse("practice:start"), {"bank": practice_bank.pk, "chapter": chapters[0].pk})
    assert again["Location"] == reverse("practice:session", args=[session.pk])
    assert client.post(reverse("practice:start"), {"bank": hidden_bank.pk}).status_code == 403
    home = client.get(reverse("practice:home")).content.decode()
    assert practice_bank.name in home and hidden_bank.name not in home


def test_mistake_book_and_dashboard_count(trainee: Any, session: PracticeSession, settings: Any) -> None:
    client = client_for(trainee)
    client.post(reverse("practice:session", args=[session.pk]), {"q1": "A"})
    page = client.get(reverse("practice:mistakes")).content.decode()
    assert "客户进门先做什么" in page and "答错 1 次" in page
    assert 'data-due="0"' in client.get(reverse("quizzes:dashboard")).content.decode()
    settings.PRACTICE_DAYS_AHEAD = 1
    assert 'data-due="1"' in client.get(reverse("quizzes:dashboard")).content.decode()


def test_favourite_toggle(trainee: Any, session: PracticeSession, hidden_bank: Bank) -> None:
    client = client_for(trainee)
    question = Question.objects.get(pk=session.question_ids[0])
    client.post(reverse("practice:favourite_toggle", args=[question.pk]))
    assert Favourite.objects.filter(user=trainee, question=question).exists()
    assert "客户进门先做什么" in client.get(reverse("practice:favourites")).content.decode()
    other = hidden_bank.questions.get()
    assert client.post(reverse("practice:favourite_toggle", args=[other.pk])).status_code == 404


def test_mistake_book_query_count_is_the_same_for_one_row_and_many(
    trainee: Any, practice_bank: Bank, django_assert_num_queries: Any
) -> None:
    questions = list(Question.objects.filter(bank=practice_bank))
    client: Client = client_for(trainee)
    services.mistake_record(user_id=trainee.pk, question_id=questions[0].pk, now=T0)
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("practice:mistakes")).status_code == 200
    for question in questions[1:]:
        services.mistake_record(user_id=trainee.pk, question_id=question.pk, now=T0)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(reverse("practice:mistakes")).content.decode()
    assert page.count('class="card mistake') == len(questions)


def test_junk_in_the_start_form_is_not_found(trainee: Any, practice_bank: Bank) -> None:
    client = client_for(trainee)
    for data in ({"bank": "abc"}, {"bank": practice_bank.pk, "chapter": "x"}, {"source": "nope"}, {}):
        assert client.post(reverse("practice:start"), data).status_code == 404, data
