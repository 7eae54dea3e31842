"""Reads for practice. The rule for what a trainee may practise lives here, in one place:
active, automatically graded questions of the banks of papers published to one of their classes
(or to everyone), whatever the exam window — the bank is practice material, the paper only a draw."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Model, OuterRef, Q, QuerySet, Subquery

import questiontypes
from config import rows
from qbank.bulk import value_list
from qbank.models import Bank, Chapter, Question
from quizzes.models import Attempt, AttemptQuestion, Paper

from .models import Favourite, Mistake, Note, PracticeSession

User = AbstractBaseUser | AnonymousUser

# Written answers are marked by a trainer: there is no verdict to give on the spot.
PRACTISED_TYPES = tuple(t.code for t in questiontypes.TYPES if not t.free_text)


def practice_banks(*, user: User) -> QuerySet[Bank]:
    papers = Paper.objects.filter(status=Paper.Status.PUBLISHED).filter(
        Q(cohorts__isnull=True) | Q(cohorts__members=user)
    )
    return Bank.objects.filter(pk__in=papers.values("bank_id")).order_by("name")


def practisable(*, user: User) -> QuerySet[Question]:
    return Question.objects.filter(
        bank__in=practice_banks(user=user), status=Question.Status.ACTIVE, type__in=PRACTISED_TYPES
    )


def chapter_outline(*, user: User, bank: Bank) -> list[Chapter]:
    """The bank's chapters with `count`, their practisable questions (one query)."""
    pool = practisable(user=user).filter(bank=bank)
    return list(
        Chapter.objects.filter(bank=bank)
        .annotate(count=Count("questions", filter=Q(questions__in=pool)))
        .filter(count__gt=0)
        .order_by("order", "title")
    )


def pool_ids(*, user: User, bank: Bank, chapter: Chapter | None, type: str) -> list[int]:
    pool = practisable(user=user).filter(bank=bank)
    if chapter is not None:
        pool = pool.filter(chapter=chapter)
    if type:
        pool = pool.filter(type=type)
    return list(pool.order_by("chapter__order", "id").values_list("id", flat=True))


def own_session(*, user: User, session_id: int) -> PracticeSession | None:
    return PracticeSession.objects.filter(user=user, pk=session_id).select_related("bank", "chapter").first()


def recent_sessions(*, user: User, limit: int = 10) -> list[PracticeSession]:
    return list(PracticeSession.objects.filter(user=user).select_related("bank", "chapter")[:limit])


def open_mistakes(*, user: User) -> QuerySet[Mistake]:
    """Still in the 错题本; due ones first (earliest due first), then by the last mistake."""
    return (
        Mistake.objects.filter(user=user, cleared_at__isnull=True)
        .select_related("question", "question__chapter", "question__bank")
        .order_by("due_at", "-last_wrong_at")
    )


def due_count(*, user: User, now: datetime) -> int:
    return Mistake.objects.filter(user=user, cleared_at__isnull=True, due_at__lte=now).count()


def mistake_practice_ids(*, user: User) -> list[int]:
    allowed = practisable(user=user).values("id")
    return list(open_mistakes(user=user).filter(question__in=allowed).values_list("question_id", flat=True))


def favourite_ids(*, user: User) -> set[int]:
    return set(Favourite.objects.filter(user=user).values_list("question_id", flat=True))


def favourite_practice_ids(*, user: User) -> list[int]:
    allowed = practisable(user=user).values("id")
    return list(
        Favourite.objects.filter(user=user, question__in=allowed)
        .order_by("created", "id")
        .values_list("question_id", flat=True)
    )


# ---- notes: always the author's own; nothing here takes another user's id -----------------------
def note_allowed(*, user: User, question_id: int) -> bool:
    """A question the trainee may practise, or one of a paper they have handed in: the places
    they see it answered (practice verdict, 错题本, favourites, their result page)."""
    if practisable(user=user).filter(pk=question_id).exists():
        return True
    return AttemptQuestion.objects.filter(
        attempt__user=user, attempt__status=Attempt.Status.SUBMITTED, question_id=question_id
    ).exists()


def notes_on(*, user: User, question_ids: Iterable[int | None]) -> dict[int, str]:
    """The trainee's notes on these questions, by question id (one query)."""
    wanted = sorted({pk for pk in question_ids if pk is not None})
    if not wanted or not user.is_authenticated:
        return {}
    # The ids as one parameter (qbank.bulk.value_list), so the statement is the same for any
    # number of them (config.rows keeps it): a result page asks for 100 at once.
    ids = value_list(wanted)
    where = f"user_id = %s AND question_id IN ({ids.sql})"
    return dict(rows.values(Note, ("question_id", "text"), where, [user.pk, *ids.params]))


M = TypeVar("M", bound=Model)


def with_notes(rows: QuerySet[M], *, user: User, question: str) -> QuerySet[M]:
    """Each row annotated with `note`, the trainee's own note on its question (`question` names
    the row's question id field), in the same query."""
    mine = Note.objects.filter(user=user, question=OuterRef(question)).values("text")[:1]
    return rows.annotate(note=Subquery(mine))  # type: ignore[return-value]  # annotate keeps M


def own_notes(*, user: User) -> QuerySet[Note]:
    return Note.objects.filter(user=user).select_related("question", "question__bank", "question__chapter")
