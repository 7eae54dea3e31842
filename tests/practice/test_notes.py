"""Notes on questions: written where the trainee sees a question answered, private to their
author (another trainee, a trainer, an admin never read them), escaped, length-limited, saved by
a plain form post or by JSON for the script."""

from __future__ import annotations

import random
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from practice import services
from practice.models import NOTE_MAX_LENGTH, Note, PracticeSession
from qbank import roles
from qbank.models import Bank, Question
from quizzes import services as quiz_services
from quizzes.models import Attempt, Cohort, Paper
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

SECRET = "只属于我的笔记内容"


@pytest.fixture
def answered(trainee: Any, practice_bank: Bank, chapters: Any) -> PracticeSession:
    """The trainee has answered the first question of chapter 1 (wrong: it is in the 错题本)."""
    session = services.session_start(user=trainee, bank=practice_bank, chapter=chapters[0])
    client_for(trainee).post(reverse("practice:session", args=[session.pk]), {"q1": "A"})
    session.refresh_from_db()
    return session


@pytest.fixture
def question(answered: PracticeSession) -> Question:
    assert answered.last_question is not None
    return answered.last_question


def save(client: Client, question: Question, text: str, *, json: bool = False, next: str = "") -> Any:
    headers = {"Accept": "application/json"} if json else {}
    data = {"text": text, "next": next or reverse("practice:mistakes")}
    return client.post(reverse("practice:note_save", args=[question.pk]), data, headers=headers)


def test_a_plain_form_post_saves_and_goes_back(trainee: Any, question: Question) -> None:
    response = save(client_for(trainee), question, SECRET, next="/practice/mistakes/#note-1")
    assert response.status_code == 302 and response["Location"] == "/practice/mistakes/#note-1"
    assert Note.objects.get(user=trainee, question=question).text == SECRET


def test_the_script_gets_json_and_no_reload(trainee: Any, question: Question) -> None:
    response = save(client_for(trainee), question, f"  {SECRET}\r\n第二行  ", json=True)
    assert response.status_code == 200
    assert response.json() == {"saved": True, "message": "笔记已保存。", "text": f"{SECRET}\n第二行"}


def test_saving_again_edits_and_empty_deletes(trainee: Any, question: Question) -> None:
    client = client_for(trainee)
    save(client, question, "第一版")
    save(client, question, "第二版")
    assert list(Note.objects.filter(user=trainee).values_list("text", flat=True)) == ["第二版"]
    assert save(client, question, "   ", json=True).json()["message"] == "笔记已删除。"
    assert not Note.objects.filter(user=trainee).exists()


def test_too_long_is_refused_and_nothing_changes(trainee: Any, question: Question) -> None:
    client = client_for(trainee)
    save(client, question, "原来的")
    response = save(client, question, "长" * (NOTE_MAX_LENGTH + 1), json=True)
    assert response.status_code == 400 and str(NOTE_MAX_LENGTH) in response.json()["message"]
    assert Note.objects.get(user=trainee).text == "原来的"
    assert save(client, question, "长" * NOTE_MAX_LENGTH).status_code == 302  # the limit itself is fine


def test_notes_are_escaped_everywhere_they_show(trainee: Any, question: Question, answered: Any) -> None:
    client = client_for(trainee)
    save(client, question, "<script>alert(1)</script>")
    for url in (
        reverse("practice:notes"),
        reverse("practice:mistakes"),
        reverse("practice:feedback", args=[answered.pk]),
    ):
        page = client.get(url).content.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url
        assert "<script>alert(1)" not in page, url


def test_the_trainee_sees_the_note_where_they_see_the_question(
    trainee: Any, question: Question, answered: PracticeSession
) -> None:
    client = client_for(trainee)
    services.favourite_toggle(user=trainee, question=question)
    save(client, question, SECRET)
    for url in (
        reverse("practice:feedback", args=[answered.pk]),
        reverse("practice:mistakes"),
        reverse("practice:favourites"),
        reverse("practice:notes"),
    ):
        assert SECRET in client.get(url).content.decode(), url


def test_a_next_address_off_the_site_is_ignored(trainee: Any, question: Question) -> None:
    response = save(client_for(trainee), question, SECRET, next="https://evil.example/")
    assert response["Location"] == reverse("practice:notes")


# ---- the access matrix ------------------------------------------------------------------------
def test_no_note_on_a_question_the_trainee_cannot_see(trainee: Any, hidden_bank: Bank) -> None:
    hidden = Question.objects.get(bank=hidden_bank)
    assert save(client_for(trainee), hidden, SECRET).status_code == 404
    assert not Note.objects.exists()


@pytest.mark.parametrize("who", [roles.ADMIN, roles.TRAINER, "anonymous"])
def test_only_trainees_write_or_list_notes(admin: Any, trainer: Any, question: Question, who: str) -> None:
    user = {roles.ADMIN: admin, roles.TRAINER: trainer, "anonymous": None}[who]
    client = client_for(user)
    for response in (save(client, question, SECRET), client.get(reverse("practice:notes"))):
        assert response.status_code == (302 if user is None else 403)
        if user is None:
            assert reverse("login") in response["Location"]
    assert not Note.objects.exists()


def test_another_trainee_never_reads_or_overwrites_my_note(
    trainee: Any, question: Question, make_other_trainee: Any
) -> None:
    save(client_for(trainee), question, SECRET)
    other = make_other_trainee
    Cohort.objects.get(name="一班").members.add(other)  # they may practise the same bank
    client = client_for(other)
    session = services.session_start(user=other, bank=question.bank, chapter=question.chapter)
    client.post(reverse("practice:session", args=[session.pk]), {"q1": "A"})  # same question, wrong
    services.favourite_toggle(user=other, question=question)
    for url in (
        reverse("practice:feedback", args=[session.pk]),
        reverse("practice:mistakes"),
        reverse("practice:favourites"),
        reverse("practice:notes"),
        reverse("practice:progress"),
    ):
        assert SECRET not in client.get(url).content.decode(), url
    # Their own note on the same question is theirs: mine stays as it was.
    save(client, question, "别人的笔记")
    assert Note.objects.get(user=trainee).text == SECRET
    assert Note.objects.get(user=other).text == "别人的笔记"


def test_a_trainer_never_sees_a_note_on_the_bank_or_the_trainees_result(
    trainee: Any, trainer: Any, admin: Any, practice_bank: Bank
) -> None:
    paper = Paper.objects.get(title="月考")
    attempt = quiz_services.attempt_start(paper=paper, user=trainee, rng=random.Random(1))
    aq = attempt.questions.get()
    quiz_services.answer_save(attempt=attempt, position=1, response="A")
    quiz_services.attempt_submit(attempt=attempt)
    assert aq.question is not None
    mine = client_for(trainee)
    save(mine, aq.question, SECRET, next=reverse("quizzes:result", args=[attempt.pk]))
    owner_page = mine.get(reverse("quizzes:result", args=[attempt.pk])).content.decode()
    assert SECRET in owner_page and "note-form" in owner_page
    for staff in (trainer, admin):
        client = client_for(staff)
        for url in (
            reverse("quizzes:result", args=[attempt.pk]),
            reverse("qbank:question_edit", args=[aq.question.pk]),
            reverse("quizzes:paper_results", args=[paper.pk]),
            reverse("quizzes:attempt_review", args=[attempt.pk]),
        ):
            page = client.get(url).content.decode()
            assert SECRET not in page and "note-form" not in page, (staff, url)


def test_a_handed_in_exam_question_may_be_noted_even_outside_practice(
    trainee: Any, practice_bank: Bank
) -> None:
    paper = Paper.objects.get(title="月考")
    attempt = quiz_services.attempt_start(paper=paper, user=trainee, rng=random.Random(1))
    question = attempt.questions.get().question
    assert question is not None
    # Retired after the exam: no longer practisable, but the trainee saw it on their paper.
    Question.objects.filter(pk=question.pk).update(status=Question.Status.RETIRED)
    assert save(client_for(trainee), question, SECRET).status_code == 404  # still running: not yet
    quiz_services.attempt_submit(attempt=attempt)
    assert Attempt.objects.get(pk=attempt.pk).status == Attempt.Status.SUBMITTED
    assert save(client_for(trainee), question, SECRET).status_code == 302
