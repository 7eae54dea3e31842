from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from practice import selectors, services
from practice.models import Mistake, PracticeSession
from qbank.models import Bank, Chapter, Question
from tests.practice.conftest import T0

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


def chapter_session(trainee: Any, bank: Bank, chapter: Chapter | None = None, **kw: Any) -> PracticeSession:
    return services.session_start(user=trainee, bank=bank, chapter=chapter, now=T0, **kw)


def answer(session: PracticeSession, response: object, now: Any = T0) -> str:
    question = services.session_question(session=session)
    assert question is not None
    return services.session_answer(session=session, question=question, response=response, now=now)


def test_a_chapter_holds_its_active_auto_graded_questions_in_bank_order(
    trainee: Any, practice_bank: Bank, chapters: tuple[Chapter, Chapter]
) -> None:
    session = chapter_session(trainee, practice_bank, chapters[0])
    types = [Question.objects.get(pk=pk).type for pk in session.question_ids]
    assert types == ["single", "multiple", "truefalse", "fill"]  # no short answer, nothing in review
    assert chapter_session(trainee, practice_bank).total == 5  # 顺序练习: the whole bank


def test_only_banks_published_to_the_trainee_can_be_practised(
    trainee: Any, practice_bank: Bank, hidden_bank: Bank, make_other_trainee: Any
) -> None:
    assert list(selectors.practice_banks(user=trainee)) == [practice_bank]
    with pytest.raises(PermissionDenied):
        chapter_session(trainee, hidden_bank)
    with pytest.raises(PermissionDenied):  # not in the class the paper went to
        chapter_session(make_other_trainee, practice_bank)


def test_a_session_resumes_where_it_stopped(trainee: Any, practice_bank: Bank, chapters: Any) -> None:
    session = chapter_session(trainee, practice_bank, chapters[0])
    assert answer(session, "B") == "correct"
    again = chapter_session(trainee, practice_bank, chapters[0])
    assert again.pk == session.pk and again.position == 1
    assert services.session_question(session=again).type == "multiple"  # type: ignore[union-attr]


def test_answers_are_graded_by_the_question_types(trainee: Any, practice_bank: Bank, chapters: Any) -> None:
    session = chapter_session(trainee, practice_bank, chapters[0])
    assert answer(session, "A") == "wrong"
    assert answer(session, ["A", "B"]) == "correct"
    assert answer(session, True) == "wrong"
    assert answer(session, ["一"]) == "correct"
    assert session.finished and (session.right, session.wrong) == (2, 2)
    assert services.session_question(session=session) is None


def test_an_empty_or_malformed_answer_is_refused_and_the_question_stays(
    trainee: Any, practice_bank: Bank, chapters: Any
) -> None:
    session = chapter_session(trainee, practice_bank, chapters[0])
    for bad in ("", "Z", ["B"]):
        with pytest.raises(ValidationError):
            answer(session, bad)
    assert session.position == 0 and not Mistake.objects.exists()


def test_misses_go_into_the_mistake_book_and_leave_after_three_reviews(
    trainee: Any, practice_bank: Bank, chapters: Any
) -> None:
    session = chapter_session(trainee, practice_bank, chapters[1])
    answer(session, "B")  # wrong
    mistake = Mistake.objects.get(user=trainee)
    assert (mistake.times_wrong, mistake.due_at, mistake.stage) == (1, T0 + DAY, 0)
    assert selectors.due_count(user=trainee, now=T0) == 0
    assert selectors.due_count(user=trainee, now=T0 + DAY) == 1
    for day in (1, 4, 11):
        review = services.session_start(user=trainee, source="mistakes", now=T0 + day * DAY)
        assert answer(review, "A", now=T0 + day * DAY) == "correct"
    mistake.refresh_from_db()
    assert mistake.cleared_at == T0 + 11 * DAY and mistake.due_at is None
    assert list(selectors.open_mistakes(user=trainee)) == []
    with pytest.raises(ValidationError):
        services.session_start(user=trainee, source="mistakes", now=T0 + 12 * DAY)


def test_wrong_again_counts_and_starts_over(trainee: Any, practice_bank: Bank, chapters: Any) -> None:
    answer(chapter_session(trainee, practice_bank, chapters[1]), "B")
    review = services.session_start(user=trainee, source="mistakes", now=T0 + DAY)
    answer(review, "B", now=T0 + 2 * DAY)
    mistake = Mistake.objects.get(user=trainee)
    assert (mistake.times_wrong, mistake.last_wrong_at, mistake.due_at) == (2, T0 + 2 * DAY, T0 + 3 * DAY)
    assert mistake.first_wrong_at == T0


def test_an_exam_miss_goes_into_the_mistake_book(trainee: Any, practice_bank: Bank) -> None:
    from quizzes import services as quiz_services
    from quizzes.models import Paper

    attempt = quiz_services.attempt_start(paper=Paper.objects.get(title="月考"), user=trainee)
    drawn = attempt.questions.get()
    miss = "B" if drawn.key == "A" else "A"
    quiz_services.answer_save(attempt=attempt, position=drawn.position, response=miss)
    quiz_services.attempt_submit(attempt=attempt)
    wrong = attempt.questions.get()
    assert wrong.state == "wrong"
    assert list(Mistake.objects.filter(user=trainee).values_list("question_id", flat=True)) == [
        wrong.question_id
    ]


def test_favourites_toggle_and_can_be_practised(trainee: Any, practice_bank: Bank, hidden_bank: Bank) -> None:
    question = Question.objects.filter(bank=practice_bank, type="truefalse").get()
    assert services.favourite_toggle(user=trainee, question=question) is True
    session = services.session_start(user=trainee, source="favourites", now=T0)
    assert session.question_ids == [question.pk]
    assert services.favourite_toggle(user=trainee, question=question) is False
    with pytest.raises(PermissionDenied):
        services.favourite_toggle(user=trainee, question=hidden_bank.questions.get())


def test_exam_misses_count_again_and_reopen_a_cleared_mistake(
    trainee: Any, practice_bank: Bank, chapters: Any, django_assert_num_queries: Any
) -> None:
    first = Question.objects.get(stem="客户进门先做什么?")
    second = Question.objects.get(stem="第二章的题?")
    answer(chapter_session(trainee, practice_bank, chapters[1]), "B")  # `second` wrong in practice
    Mistake.objects.filter(question=second).update(cleared_at=T0, due_at=None, stage=3)
    results = [(first.pk, "wrong"), (second.pk, "partial"), (None, "wrong"), (first.pk + 999, "correct")]
    with django_assert_num_queries(1):  # one upsert, inside the submit's write lock
        services.mistakes_from_exam(user_id=trainee.pk, results=results, now=T0 + DAY)
    reopened = Mistake.objects.get(question=second)
    assert (reopened.times_wrong, reopened.cleared_at, reopened.stage) == (2, None, 0)
    assert reopened.due_at == T0 + 2 * DAY
    added = Mistake.objects.get(question=first)
    assert (added.times_wrong, added.first_wrong_at, added.last_wrong_at) == (1, T0 + DAY, T0 + DAY)
    assert (added.stage, added.due_at, added.cleared_at) == (0, T0 + 2 * DAY, None)
    assert reopened.last_wrong_at == T0 + DAY and reopened.first_wrong_at < T0 + DAY
