"""Writes for practice: sessions, answers with their verdict, the 错题本 and favourites.

Grading and response cleaning are the question types' (questiontypes); the review schedule is
practice.schedule's. Every function that depends on time takes `now` (tests pass a fixed one).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

import questiontypes
from qbank.models import Bank, Chapter, Question

from . import clock, schedule, selectors
from .models import NOTE_MAX_LENGTH, Favourite, Mistake, Note, PracticeAnswer, PracticeSession
from .selectors import User

MISSED = frozenset({questiontypes.WRONG, questiontypes.PARTIAL})


# ---- sessions --------------------------------------------------------------------------------
def session_start(
    *,
    user: User,
    source: str = PracticeSession.Source.CHAPTER,
    bank: Bank | None = None,
    chapter: Chapter | None = None,
    type: str = "",
    now: datetime | None = None,
) -> PracticeSession:
    """The unfinished session of the same choice, resumed; or a new one over today's pool."""
    now = now or clock.now()
    if source == PracticeSession.Source.CHAPTER:
        if bank is None or not selectors.practice_banks(user=user).filter(pk=bank.pk).exists():
            raise PermissionDenied(_("你不能练习这个题库。"))
        if chapter is not None and chapter.bank_id != bank.pk:
            raise PermissionDenied(_("你不能练习这个题库。"))
        ids = selectors.pool_ids(user=user, bank=bank, chapter=chapter, type=type)
    elif source == PracticeSession.Source.MISTAKES:
        bank, chapter, type = None, None, ""
        ids = selectors.mistake_practice_ids(user=user)
    else:
        bank, chapter, type = None, None, ""
        ids = selectors.favourite_practice_ids(user=user)
    same = PracticeSession.objects.filter(user=user, source=source, bank=bank, chapter=chapter, type=type)
    for running in same.order_by("-updated_at"):
        # The 错题本 and favourites change between sessions: only chapter practice resumes.
        if not running.finished and source == PracticeSession.Source.CHAPTER:
            return running
    if not ids:
        raise ValidationError(_("这里还没有可练习的题目。"), code="empty")
    return PracticeSession.objects.create(
        user=user, source=source, bank=bank, chapter=chapter, type=type,
        question_ids=ids, started_at=now, updated_at=now,
    )  # fmt: skip


def session_question(*, session: PracticeSession) -> Question | None:
    """The question to ask next, or None when the session is done. A question retired since
    the session started is skipped by the caller (session_skip)."""
    if session.finished:
        return None
    return (
        selectors.practisable(user=session.user)
        .filter(pk=session.question_ids[session.position])
        .prefetch_related("options")
        .first()
    )


def session_skip(*, session: PracticeSession) -> None:
    session.position += 1
    session.save(update_fields=["position"])


@transaction.atomic
def session_answer(
    *, session: PracticeSession, question: Question, response: object, now: datetime | None = None
) -> str:
    """Grade the answer to the session's current question, move on and keep the verdict for
    the feedback page; a miss goes into the 错题本, a right answer may pass a review."""
    now = now or clock.now()
    if session.finished or session.question_ids[session.position] != question.pk:
        raise ValidationError(_("这道题已经答过了。"), code="stale")
    cleaned = clean_response(question, response)
    grade = questiontypes.grade(question.type, question.answer, cleaned)
    if grade.state in MISSED or grade.state == questiontypes.UNANSWERED:
        mistake_record(user_id=session.user_id, question_id=question.pk, now=now)
        session.wrong += 1
    elif grade.state == questiontypes.CORRECT:
        mistake_review(user_id=session.user_id, question_id=question.pk, now=now)
        session.right += 1
    PracticeAnswer.objects.create(
        user_id=session.user_id, question=question, state=grade.state, answered_at=now
    )  # the progress page's mastery and streak
    session.last_question, session.last_response, session.last_state = question, cleaned, grade.state
    session.position += 1
    session.updated_at = now
    session.save()
    return grade.state


def clean_response(question: Question, response: object) -> object:
    if response in (None, "", []) or (
        isinstance(response, list) and not any(str(x).strip() for x in response)
    ):
        raise ValidationError(_("请先作答。"), code="empty")
    try:
        return questiontypes.get(question.type).clean_response(
            response, option_count=question.options.count()
        )
    except questiontypes.AnswerError as error:
        raise ValidationError(_(error.message), code=error.code) from error


# ---- the 错题本 -----------------------------------------------------------------------------
def mistake_record(*, user_id: int, question_id: int, now: datetime) -> Mistake:
    review = schedule.after_wrong(now=now)
    mistake, created = Mistake.objects.get_or_create(
        user_id=user_id,
        question_id=question_id,
        defaults={"first_wrong_at": now, "last_wrong_at": now, "times_wrong": 1, "due_at": review.due_at},
    )
    if not created:
        mistake.times_wrong += 1
        mistake.last_wrong_at = now
        mistake.stage, mistake.due_at, mistake.cleared_at = review.stage, review.due_at, None
        mistake.save()
    return mistake


def mistake_review(*, user_id: int, question_id: int, now: datetime) -> Mistake | None:
    """A right answer: a passed review if it was due (practice.schedule); None if not a mistake."""
    mistake = Mistake.objects.filter(
        user_id=user_id, question_id=question_id, cleared_at__isnull=True
    ).first()
    if mistake is None:
        return None
    review = schedule.after_right(schedule.Review(stage=mistake.stage, due_at=mistake.due_at), now=now)
    mistake.stage, mistake.due_at = review.stage, review.due_at
    if review.cleared:
        mistake.cleared_at = now
    mistake.save(update_fields=["stage", "due_at", "cleared_at"])
    return mistake


def mistakes_from_exam(*, user_id: int, results: Iterable[tuple[int | None, str]], now: datetime) -> None:
    """An exam's (question id, state) pairs as it was graded: misses go into the 错题本 — new
    ones added, known ones counted once more and due for review again (a cleared one comes
    back). One upsert whatever the paper's length: this runs inside the submit's write
    transaction (on SQLite holding the database's one write lock)."""
    missed = sorted(
        {question_id for question_id, state in results if question_id is not None and state in MISSED}
    )
    if not missed:
        return
    review = schedule.after_wrong(now=now)
    table = Mistake._meta.db_table
    at, due = _datetime(now), _datetime(review.due_at)
    update = (
        f" ON CONFLICT (user_id, question_id) DO UPDATE SET times_wrong = {table}.times_wrong + 1,"
        " last_wrong_at = excluded.last_wrong_at, stage = excluded.stage, due_at = excluded.due_at,"
        " cleared_at = NULL"
    )
    columns = "user_id, question_id, times_wrong, first_wrong_at, last_wrong_at, stage, due_at, cleared_at"
    if connection.vendor == "postgresql":
        # The ids as one array parameter: a short statement psycopg caches, not one of 240.
        sql = (
            f"INSERT INTO {table} ({columns}) SELECT %s, q, 1, %s, %s, %s, %s, NULL"
            f" FROM unnest(%s::bigint[]) AS q{update}"
        )
        params: list[Any] = [user_id, at, at, review.stage, due, missed]
    else:
        params = []
        for question_id in missed:
            params += [user_id, question_id, at, at, review.stage, due]
        rows = ", ".join(["(%s, %s, 1, %s, %s, %s, %s, NULL)"] * len(missed))
        sql = f"INSERT INTO {table} ({columns}) VALUES {rows}{update}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _datetime(value: datetime | None) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


# ---- favourites ------------------------------------------------------------------------------
def favourite_toggle(*, user: User, question: Question) -> bool:
    """Star or unstar a question the trainee may practise; True when it is now a favourite."""
    if not selectors.practisable(user=user).filter(pk=question.pk).exists():
        raise PermissionDenied(_("你不能收藏这道题。"))
    deleted, _count = Favourite.objects.filter(user=user, question=question).delete()
    if deleted:
        return False
    Favourite.objects.create(user=user, question=question)
    return True


# ---- notes -----------------------------------------------------------------------------------
def note_save(*, user: User, question: Question, text: str, now: datetime | None = None) -> Note | None:
    """Write the trainee's own note on a question they have seen answered; empty text deletes
    it (None). Over NOTE_MAX_LENGTH characters is refused, not cut: the trainee sees why."""
    if not selectors.note_allowed(user=user, question_id=question.pk):
        raise PermissionDenied(_("你不能给这道题写笔记。"))
    text = text.replace("\r\n", "\n").strip()
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError(_("笔记最多 %(n)s 个字。") % {"n": NOTE_MAX_LENGTH}, code="too_long")
    if not text:
        Note.objects.filter(user=user, question=question).delete()
        return None
    now = now or clock.now()
    note, created = Note.objects.get_or_create(
        user=user, question=question, defaults={"text": text, "created": now, "updated": now}
    )
    if not created and note.text != text:
        note.text, note.updated = text, now
        note.save(update_fields=["text", "updated"])
    return note
