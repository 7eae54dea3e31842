"""Reads for papers and attempts. Selectors take the actor, so who may see what lives here."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple, cast

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Avg, Count, F, FloatField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from config import rows
from qbank import roles
from qbank.models import Question

from .models import Attempt, AttemptQuestion, GradeState, IntegrityEvent, Paper, PaperRule

User = AbstractBaseUser | AnonymousUser


def rule_pool(*, rule: PaperRule, paper_chapter_ids: list[int] | None = None) -> QuerySet[Question]:
    """Active questions a rule can draw from: its own chapters, else the paper's, else the whole
    bank. Callers going through many rules pass the paper's chapter ids, read once."""
    return rule_pool_spec(rule=rule, paper_chapter_ids=paper_chapter_ids).queryset()


def rule_pool_spec(*, rule: PaperRule, paper_chapter_ids: list[int] | None = None) -> Pool:
    chapter_ids = [c.pk for c in rule.chapters.all()]
    if not chapter_ids:
        chapter_ids = paper_chapter_ids if paper_chapter_ids is not None else paper_chapters(rule.paper)
    return Pool(
        bank_id=rule.paper.bank_id,
        type=rule.type,
        chapter_ids=frozenset(chapter_ids),
        difficulty=rule.difficulty,
    )


def paper_chapters(paper: Paper) -> list[int]:
    return list(paper.chapters.values_list("pk", flat=True))


def pool_for(
    *, bank_id: int, type: str, chapter_ids: list[int], difficulty: int | None
) -> QuerySet[Question]:
    pool = Pool(bank_id=bank_id, type=type, chapter_ids=frozenset(chapter_ids), difficulty=difficulty)
    return pool.queryset()


class Described(NamedTuple):
    """The values of a question that decide which pools hold it."""

    bank_id: int
    type: str
    status: str
    chapter_id: int | None
    difficulty: int


@dataclass(frozen=True)
class Pool:
    """The questions a rule draws from, as values: the query, and the same test on one row
    (the draw checks proposed ids in Python). No chapters: the whole bank; no difficulty: any."""

    bank_id: int
    type: str
    chapter_ids: frozenset[int]
    difficulty: int | None

    def queryset(self) -> QuerySet[Question]:
        qs = Question.objects.filter(bank_id=self.bank_id, type=self.type, status=Question.Status.ACTIVE)
        if self.chapter_ids:
            qs = qs.filter(chapter_id__in=self.chapter_ids)
        if self.difficulty:
            qs = qs.filter(difficulty=self.difficulty)
        return qs

    def holds(self, question: Described) -> bool:
        """queryset()'s conditions, on one question's values."""
        return (
            question.bank_id == self.bank_id
            and question.type == self.type
            and question.status == Question.Status.ACTIVE
            and (not self.chapter_ids or question.chapter_id in self.chapter_ids)
            and (not self.difficulty or question.difficulty == self.difficulty)
        )

    def may_share(self, other: Pool) -> bool:
        """Whether a question could be in both pools."""
        return (
            self.bank_id == other.bank_id
            and self.type == other.type
            and (not self.chapter_ids or not other.chapter_ids or bool(self.chapter_ids & other.chapter_ids))
            and (not self.difficulty or not other.difficulty or self.difficulty == other.difficulty)
        )


def paper_open_to(*, paper: Paper, user: User, now: datetime | None = None) -> bool:
    """Published, inside its window, and the trainee is in its audience (no audience: everyone)."""
    now = now or timezone.now()
    if paper.opens_at and now < paper.opens_at or paper.closes_at and now >= paper.closes_at:
        return False
    return paper_published_to(paper=paper, user=user)


def paper_published_to(*, paper: Paper, user: User) -> bool:
    """Published and the trainee is in its audience, whatever its window (模拟考试 keep none)."""
    if paper.status != Paper.Status.PUBLISHED or not user.is_authenticated:
        return False
    if not paper.cohorts.exists():
        return True
    return paper.cohorts.filter(members=user).exists()


def papers_for_trainee(*, user: User, now: datetime | None = None) -> list[Paper]:
    now = now or timezone.now()
    published = (
        Paper.objects.filter(status=Paper.Status.PUBLISHED)
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .filter(Q(cohorts__isnull=True) | Q(cohorts__members=user))
        .distinct()
        .annotate(
            used=Count("attempts", filter=Q(attempts__user=user, attempts__practice=False), distinct=True)
        )
        .order_by("closes_at", "title")
    )
    return list(published)


def practice_papers_for(*, user: User) -> list[Paper]:
    """Papers open to this trainee for 模拟考试 (published to them, flag on; any window), with
    `used`, their 模拟考试 so far."""
    if not user.is_authenticated:
        return []
    papers = (
        Paper.objects.filter(status=Paper.Status.PUBLISHED, practice_enabled=True)
        .filter(Q(cohorts__isnull=True) | Q(cohorts__members=user))
        .distinct()
        .annotate(
            used=Count("attempts", filter=Q(attempts__user=user, attempts__practice=True), distinct=True)
        )
        .order_by("title", "pk")
    )
    return list(papers)


@dataclass(frozen=True)
class MockPaper:
    """A paper the trainee may sit as a 模拟考试, with what they have left of it."""

    paper: Paper
    used: int
    left: int | None  # None: no limit
    running: Attempt | None  # their 模拟考试 of it in progress
    exam_running: bool  # their exam attempt of it in progress: no 模拟考试 until handed in

    @property
    def can_start(self) -> bool:
        return self.running is not None or (not self.exam_running and self.left != 0)


def mock_papers_for(*, user: User) -> list[MockPaper]:
    """practice_papers_for with each one's running attempts: three queries for any number."""
    papers = practice_papers_for(user=user)
    running = (
        Attempt.objects.filter(
            user=user, paper__in=[p.pk for p in papers], status=Attempt.Status.IN_PROGRESS
        ).only("pk", "paper_id", "practice", "deadline")
        if papers
        else Attempt.objects.none()
    )
    mock = {a.paper_id: a for a in running if a.practice}
    exam = {a.paper_id for a in running if not a.practice}
    rows = []
    for paper in papers:
        used: int = paper.used  # type: ignore[attr-defined]  # annotated by practice_papers_for
        limit = paper.practice_attempts_allowed
        left = None if limit is None else max(0, limit - used)
        rows.append(MockPaper(paper, used, left, mock.get(paper.pk), paper.pk in exam))
    return rows


def attempts_of(*, user: User, practice: bool = False) -> QuerySet[Attempt]:
    """The user's exam attempts, or with `practice` their 模拟考试: the two are listed apart."""
    return (
        Attempt.objects.filter(user=user, practice=practice).select_related("paper").order_by("-started_at")
    )


def regraded_unseen(*, user: User) -> list[Attempt]:
    """Attempts marked by a trainer since their owner last opened the result."""
    if not user.is_authenticated:
        return []
    qs = Attempt.objects.filter(user=user, regraded_at__isnull=False).filter(
        Q(result_seen_at__isnull=True) | Q(result_seen_at__lt=F("regraded_at"))
    )
    return list(qs.select_related("paper").order_by("-regraded_at"))


def attempt_for(*, user: User, attempt_id: int) -> Attempt | None:
    """An attempt its owner may open; trainers of its paper and admins may read any."""
    # Two plain rows (config.rows): every trainee opens a result within seconds of handing in,
    # and the ORM's select_related cost ~1.5 ms to build. The user is read only if shown.
    attempt = cast(Attempt | None, rows.instance(Attempt, "id = %s", [attempt_id]))
    if attempt is None:
        return None
    attempt.paper = rows.instance(Paper, "id = %s", [attempt.paper_id])
    if attempt.user_id == user.pk or can_manage_paper(user=user, paper=attempt.paper):
        return attempt
    return None


def own_attempt(*, user: User, attempt_id: int) -> Attempt | None:
    """An attempt only its owner may sit: trainers read attempts, they never answer for anyone."""
    if not user.is_authenticated:
        return None
    return Attempt.objects.select_related("paper").filter(pk=attempt_id, user=user).first()


def own_attempt_alone(*, user: User, attempt_id: int) -> Attempt | None:
    """As own_attempt without its paper, read as one plain row: what a hand-in needs (500 of
    them within seconds of the deadline)."""
    if not user.is_authenticated:
        return None
    return cast(Attempt | None, rows.instance(Attempt, "id = %s AND user_id = %s", [attempt_id, user.pk]))


def attempt_questions(*, attempt: Attempt) -> list[AttemptQuestion]:
    return list(attempt.questions.order_by("position"))


@dataclass(frozen=True)
class _QuestionShown:
    """What both trainee pages show of a frozen question, read as plain values."""

    position: int
    type: str
    stem: str
    material: str
    options: list[str]
    images: list[dict[str, Any]]
    points: Decimal
    response: Any

    @property
    def labelled_options(self) -> list[tuple[str, str]]:
        return [(chr(ord("A") + i), text) for i, text in enumerate(self.options)]


@dataclass(frozen=True)
class QuestionToSit(_QuestionShown):
    """A running attempt's question as the exam page may have it: no key, explanation or grade
    (there is no field for them, so no template or code can leak them)."""

    flagged: bool
    saved_at: datetime | None


_TO_SIT = tuple(f.name for f in fields(QuestionToSit))


def attempt_questions_to_sit(*, attempt: Attempt) -> list[QuestionToSit]:
    """The running attempt's questions, in order: values, not model instances (the exam page
    reads 100 of them per trainee, all within the first minute of an exam)."""
    found = rows.values(AttemptQuestion, _TO_SIT, "attempt_id = %s", [attempt.pk], suffix="ORDER BY position")
    return [QuestionToSit(*row) for row in found]


@dataclass(frozen=True)
class QuestionReviewed(_QuestionShown):
    """A handed-in question with everything the result page may show; what the review policy
    allows is decided by quizzes.views.trainee_items.review_item."""

    question_id: int | None
    key: Any
    explanation: str
    state: str
    score: Decimal | None
    comment: str
    graded_at: datetime | None


_REVIEWED = tuple(f.name for f in fields(QuestionReviewed))


def attempt_questions_to_review(*, attempt: Attempt) -> list[QuestionReviewed]:
    """The attempt's questions for its result page, in order, as values (every trainee opens
    it within seconds of handing in)."""
    found = rows.values(
        AttemptQuestion, _REVIEWED, "attempt_id = %s", [attempt.pk], suffix="ORDER BY position"
    )
    return [QuestionReviewed(*row) for row in found]


def attempt_state_counts(*, attempt: Attempt) -> dict[str, int]:
    """How many of the attempt's questions are in each grade state (one grouped count)."""
    sql = f"SELECT state, COUNT(*) FROM {AttemptQuestion._meta.db_table} WHERE attempt_id = %s GROUP BY state"
    with connection.cursor() as cursor:
        cursor.execute(sql, [attempt.pk])
        return {str(state): int(n) for state, n in cursor.fetchall()}


@dataclass(frozen=True)
class SnapshotImage:
    """A picture as the attempt froze it: the file is served from here, never the live question."""

    id: int
    path: str
    content_type: str


def attempt_image(*, attempt: Attempt, image_id: int) -> SnapshotImage | None:
    """A picture of one of the attempt's questions (and of nothing else)."""
    for images in attempt.questions.exclude(images=[]).values_list("images", flat=True):
        for image in images:
            if image.get("id") == image_id:
                return SnapshotImage(image_id, image.get("path", ""), image.get("content_type", ""))
    return None


def papers_managed_by(*, user: User) -> QuerySet[Paper]:
    qs = Paper.objects.select_related("bank", "created_by").annotate(
        rule_count=Count("rules", distinct=True),
        attempt_count=Count("attempts", filter=Q(attempts__practice=False), distinct=True),
    )
    if roles.user_role(user) == roles.ADMIN:
        return qs
    if roles.user_role(user) == roles.TRAINER:
        return qs.filter(created_by=user)
    return qs.none()


def can_manage_paper(*, user: User, paper: Paper) -> bool:
    role = roles.user_role(user)
    return role == roles.ADMIN or (role == roles.TRAINER and paper.created_by_id == user.pk)


# Times this attempt's trainee left the exam page: a correlated count, see paper_results.
_left_count = (
    IntegrityEvent.objects.filter(attempt=OuterRef("pk"), kind=IntegrityEvent.Kind.LEFT)
    .order_by()
    .values("attempt")
    .annotate(n=Count("id"))
    .values("n")
)


def paper_results(*, paper: Paper) -> QuerySet[Attempt]:
    return (
        paper.attempts.filter(status=Attempt.Status.SUBMITTED, practice=False)
        .select_related("user")
        # A correlated count, not a JOIN + GROUP BY over every column: a page of 50 from 10,000
        # attempts then reads 50 rows, and the paginator's COUNT(*) leaves it out altogether.
        .annotate(left_count=Coalesce(Subquery(_left_count), Value(0)))
        .order_by("user__username", "number")
    )


def grading_queue(*, user: User) -> QuerySet[AttemptQuestion]:
    """Short answers awaiting a trainer, on papers this user manages."""
    papers = papers_managed_by(user=user).values("pk")
    return (
        AttemptQuestion.objects.filter(state=GradeState.PENDING, attempt__paper__in=papers)
        .exclude(attempt__status=Attempt.Status.IN_PROGRESS)
        .select_related("attempt__user", "attempt__paper")
        .order_by("attempt__submitted_at", "position")
    )


# ---- trainer's results -----------------------------------------------------------------------
RESULT_OUTCOMES = ("passed", "failed", "awaiting")


def paper_results_filtered(*, paper: Paper, name: str = "", outcome: str = "") -> QuerySet[Attempt]:
    """paper_results narrowed by the results page's filters: a name fragment and an outcome."""
    qs = paper_results(paper=paper)
    if name:
        qs = qs.filter(
            Q(user__username__icontains=name)
            | Q(user__first_name__icontains=name)
            | Q(user__last_name__icontains=name)
        )
    if outcome == "passed":
        qs = qs.filter(passed=True)
    elif outcome == "failed":
        qs = qs.filter(passed=False)
    elif outcome == "awaiting":
        qs = qs.filter(pending_grading__gt=0)
    return qs


@dataclass(frozen=True)
class ResultsTotals:
    attempts: int
    trainees: int
    passed: int
    failed: int
    awaiting: int
    mean_percent: float | None  # of the attempts with a full mark above zero


def results_totals(*, attempts: QuerySet[Attempt]) -> ResultsTotals:
    """Totals over every attempt the filters let through, not just the page shown: one query."""
    percent = Cast("score", FloatField()) * 100 / Cast("max_score", FloatField())
    row = attempts.order_by().aggregate(
        n=Count("pk"),
        trainees=Count("user", distinct=True),
        n_passed=Count("pk", filter=Q(passed=True)),  # aliases apart from the field names
        n_failed=Count("pk", filter=Q(passed=False)),
        n_awaiting=Count("pk", filter=Q(passed__isnull=True)),
        mean=Avg(percent, filter=Q(max_score__gt=0)),
    )
    return ResultsTotals(
        attempts=row["n"],
        trainees=row["trainees"],
        passed=row["n_passed"],
        failed=row["n_failed"],
        awaiting=row["n_awaiting"],
        mean_percent=row["mean"],
    )


# Columns of the export's answer sheet, in order: read as tuples, never as model instances.
ANSWER_COLUMNS = (
    "attempt__user__username",
    "attempt__number",
    "position",
    "type",
    "stem",
    "response",
    "key",
    "state",
    "score",
    "points",
)


def answers_of(*, attempts: QuerySet[Attempt]) -> QuerySet[AttemptQuestion, tuple[Any, ...]]:
    """Every frozen question of these attempts as ANSWER_COLUMNS tuples, in the export's order
    (trainee, attempt, position). One query; stream it with .iterator()."""
    return (
        AttemptQuestion.objects.filter(attempt__in=attempts.order_by().values("pk"))
        .order_by("attempt__user__username", "attempt__number", "position")
        .values_list(*ANSWER_COLUMNS)
    )


@dataclass(frozen=True)
class ItemStat:
    question_id: int | None
    stem: str
    type: str
    points: Decimal
    seen: int
    correct: int
    average: Decimal | None

    @property
    def type_label(self) -> str:
        return str(Question.Type(self.type).label) if self.type in Question.Type.values else self.type

    @property
    def percent_correct(self) -> int:
        return round(self.correct * 100 / self.seen) if self.seen else 0


def item_statistics(*, paper: Paper) -> list[ItemStat]:
    """Per source question over submitted attempts, in one grouped query: hardest first."""
    rows = (
        AttemptQuestion.objects.filter(
            attempt__paper=paper, attempt__status=Attempt.Status.SUBMITTED, attempt__practice=False
        )
        .values("question_id")
        .annotate(
            seen=Count("id"),
            correct=Count("id", filter=Q(state=GradeState.CORRECT)),
            average=Avg("score"),
            points=Max("points"),
            stem=Max("stem"),
            type=Max("type"),
        )
        .order_by("question_id")
    )
    stats = [
        ItemStat(
            question_id=row["question_id"],
            stem=row["stem"],
            type=row["type"],
            points=row["points"],
            seen=row["seen"],
            correct=row["correct"],
            average=_two_places(row["average"]),
        )
        for row in rows
    ]
    return sorted(stats, key=lambda s: (s.percent_correct, s.question_id or 0))


def _two_places(value: object) -> Decimal | None:
    # SQLite averages decimals as floats: back to two places for display.
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def managed_attempt(*, user: User, attempt_id: int) -> Attempt | None:
    """An attempt on a paper this trainer (or any admin) manages; None for everyone else."""
    papers = papers_managed_by(user=user).values("pk")
    return Attempt.objects.select_related("paper", "user").filter(pk=attempt_id, paper__in=papers).first()


def managed_attempt_question(*, user: User, aq_id: int) -> AttemptQuestion | None:
    papers = papers_managed_by(user=user).values("pk")
    return (
        AttemptQuestion.objects.select_related("attempt__paper", "attempt__user")
        .filter(pk=aq_id, attempt__paper__in=papers)
        .first()
    )
