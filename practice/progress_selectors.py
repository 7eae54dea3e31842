"""Reads for the trainee's progress page (我的进度). Every figure is aggregated or bounded in
the database: the page costs the same few queries whether the trainee has answered ten
questions or ten thousand (tests/practice/test_progress.py counts them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber, TruncDate
from django.utils import timezone

import questiontypes
from qbank.models import Chapter
from quizzes.models import Attempt, AttemptQuestion

from . import progress
from .models import Mistake, PracticeAnswer, PracticeSession
from .selectors import User

HISTORY = 30  # latest exams and latest practice sessions on the chart
STREAK_HORIZON = 400  # days looked back for the streak: longer streaks show as this many
ANSWERED = (questiontypes.CORRECT, questiontypes.PARTIAL, questiontypes.WRONG)


@dataclass(frozen=True)
class ChapterMastery:
    chapter: Chapter
    share: progress.Share


@dataclass(frozen=True)
class HistoryPoint:
    at: datetime
    kind: str  # "exam" or "practice"
    title: str
    percent: Decimal


def _recent_per_chapter(qs: QuerySet, *, time: str) -> list[tuple[int, str, datetime]]:
    """The RECENT latest answers of each chapter: a window in the database, not every answer."""
    ranked = qs.annotate(
        rank=Window(
            RowNumber(), partition_by=[F("question__chapter_id")], order_by=[F(time).desc(), F("pk").desc()]
        )
    ).filter(rank__lte=progress.RECENT)
    return list(ranked.values_list("question__chapter_id", "state", time))


def mastery(*, user: User) -> list[ChapterMastery]:
    """Each chapter the trainee has answered in, exams and practice together (three queries)."""
    exam = AttemptQuestion.objects.filter(
        attempt__user=user,
        attempt__status=Attempt.Status.SUBMITTED,
        question__chapter__isnull=False,
        state__in=ANSWERED,
    )
    practice = PracticeAnswer.objects.filter(user=user, question__chapter__isnull=False, state__in=ANSWERED)
    rows = _recent_per_chapter(exam, time="attempt__submitted_at") + _recent_per_chapter(
        practice, time="answered_at"
    )
    shares = progress.mastery(rows)
    chapters = (
        Chapter.objects.filter(pk__in=shares).select_related("bank").order_by("bank__name", "order", "title")
    )
    return [ChapterMastery(chapter, shares[chapter.pk]) for chapter in chapters]


def history(*, user: User) -> list[HistoryPoint]:
    """Submitted exams (score as a share of the maximum) and practice sessions (share right),
    the latest HISTORY of each, oldest first (two queries)."""
    exams = (
        Attempt.objects.filter(user=user, status=Attempt.Status.SUBMITTED, max_score__gt=0)
        .order_by("-submitted_at")
        .values_list("submitted_at", "paper__title", "score", "max_score")[:HISTORY]
    )
    points = [
        HistoryPoint(at, "exam", title, (score * 100 / top).quantize(Decimal("0.1")))
        for at, title, score, top in exams
        if at is not None  # a submitted attempt always has its time
    ]
    sessions = (
        PracticeSession.objects.filter(user=user)
        .annotate(answered=F("right") + F("wrong"))
        .filter(answered__gt=0)
        .order_by("-updated_at")
        .select_related("bank", "chapter")[:HISTORY]
    )
    for session in sessions:
        title = " · ".join(
            str(part) for part in (session.get_source_display(), session.bank, session.chapter) if part
        )
        percent = Decimal(100 * session.right) / (session.right + session.wrong)
        points.append(HistoryPoint(session.updated_at, "practice", title, percent.quantize(Decimal("0.1"))))
    return sorted(points, key=lambda point: point.at)


def answer_days(*, user: User, today: date) -> set[date]:
    """Days (in the site's time zone) with an exam or practice answer, STREAK_HORIZON back (one
    query: a UNION of two day lists)."""
    zone = timezone.get_default_timezone()
    since = datetime.combine(today - timedelta(days=STREAK_HORIZON), datetime.min.time(), tzinfo=zone)
    exam = (
        AttemptQuestion.objects.filter(attempt__user=user, saved_at__gte=since)
        .annotate(day=TruncDate("saved_at", tzinfo=zone))
        .order_by()  # no default ordering inside a UNION
        .values_list("day", flat=True)
    )
    practice = (
        PracticeAnswer.objects.filter(user=user, answered_at__gte=since)
        .annotate(day=TruncDate("answered_at", tzinfo=zone))
        .order_by()
        .values_list("day", flat=True)
    )
    return set(exam.union(practice))


def streak(*, user: User, now: datetime) -> int:
    today = timezone.localdate(now, timezone.get_default_timezone())
    return progress.streak(answer_days(user=user, today=today), today=today)


def due_reviews(*, user: User, now: datetime, limit: int = 10) -> list[Mistake]:
    return list(
        Mistake.objects.filter(user=user, cleared_at__isnull=True, due_at__lte=now)
        .select_related("question", "question__chapter", "question__bank")
        .order_by("due_at")[:limit]
    )
