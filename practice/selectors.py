"""Reads for practice. The rule for what a trainee may practise lives here, in one place:
active, automatically graded questions of the banks of papers published to one of their classes
(or to everyone), whatever the exam window — the bank is practice material, the paper only a draw."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet

import questiontypes
from qbank.models import Bank, Chapter, Question
from quizzes.models import Paper

from .models import Favourite, Mistake, PracticeSession

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
