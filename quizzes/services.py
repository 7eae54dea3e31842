"""Writes for papers and attempts (HackSoft style: plain functions, keyword-only arguments).

The clock is injectable: every function that depends on time takes `now`, so tests control
deadlines exactly; views pass nothing and get timezone.now().
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

import questiontypes
from practice import services as practice_services
from qbank import bulk
from qbank.fingerprint import near_key
from qbank.models import Chapter, Question

from . import autosave, distinct, draw, grading, handin
from .models import Attempt, AttemptQuestion, GradeState, IntegrityEvent, Paper, PaperRule, ReviewPolicy
from .selectors import paper_chapters, paper_open_to, paper_published_to, rule_pool
from .textcheck import is_well_formed

logger = logging.getLogger(__name__)


class AttemptClosed(Exception):
    """A save or submit arrived after the attempt ended (submitted, or past its deadline)."""


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def save_grace() -> timedelta:
    # Network latency between the last keystroke and the server: a few seconds, not minutes.
    return timedelta(seconds=getattr(settings, "QUIZ_SAVE_GRACE_SECONDS", 10))


# ---- papers ----------------------------------------------------------------------------------
def paper_problems(*, paper: Paper) -> list[str]:
    """Why a paper cannot be published yet: no rules, a rule asking more than the bank has, or
    more than its pool holds questions that are not near-duplicates of each other."""
    rules = list(paper.rules.prefetch_related("chapters"))
    if not rules:
        return [_("试卷还没有抽题规则。")]
    problems = []
    chapter_ids = paper_chapters(paper)
    for rule in rules:
        pool = rule_pool(rule=rule, paper_chapter_ids=chapter_ids)
        available = pool.count()
        if rule.count > available:
            problems.append(
                _("规则“%(rule)s”需要 %(count)d 题,题库中只有 %(available)d 题。")
                % {"rule": rule, "count": rule.count, "available": available}
            )
        elif available <= DISTINCT_CHECK_LIMIT and rule.count > (families := _families(pool)):
            problems.append(
                _(
                    "规则“%(rule)s”需要 %(count)d 题,但其中很多题几乎相同"
                    "(题干和选项相似度≥%(similar)d%%),一份试卷最多只能抽到 %(distinct)d 道"
                    "互不相似的题。请减少题数或扩大章节范围。"
                )
                % {"rule": rule, "count": rule.count, "distinct": families, "similar": distinct.SIMILAR}
            )
    return problems


# Past this many questions a pool's near-duplicates are not counted when checking a paper
# (comparing every pair grows with the square: about 0.3 s at 1,000); the draw still keeps them
# apart, and says so clearly if it ever runs out.
DISTINCT_CHECK_LIMIT = 1_000


def _families(pool: QuerySet[Question]) -> int:
    questions = pool.order_by("pk").prefetch_related("options")
    return distinct.family_count(
        [near_key(q.stem, [o.text for o in q.options.all()], q.material) for q in questions]
    )


def paper_draw(*, paper: Paper, rng: random.Random) -> list[tuple[Question, Decimal]]:
    """Questions for one candidate, rule by rule; a question is never drawn twice, nor two
    near-duplicates (quizzes.draw)."""
    with _drawing(paper):
        return draw.paper_draw(paper=paper, rng=rng)


def _paper_draw_rows(paper: Paper, rng: random.Random) -> list[tuple[draw.Drawn, Decimal]]:
    with _drawing(paper):
        return draw.paper_draw_rows(paper=paper, rng=rng)


@contextmanager
def _drawing(paper: Paper) -> Iterator[None]:
    """A draw that cannot be made, as a ValidationError naming the paper's problems."""
    try:
        yield
    except draw.NotEnoughDistinct:
        raise ValidationError(
            paper_problems(paper=paper) or [_("题库中互不相似的题目不够抽取。")], code="not_distinct"
        ) from None
    except draw.NotEnoughQuestions:
        raise ValidationError(paper_problems(paper=paper) or [_("题库中的题目不够抽取。")]) from None


@transaction.atomic
def paper_publish(*, paper: Paper, rng: random.Random | None = None) -> Paper:
    problems = paper_problems(paper=paper)
    if problems:
        raise ValidationError(problems)
    if paper.same_for_everyone:
        draw = _paper_draw_rows(paper, rng or random.Random())  # ids are all it keeps
        paper.fixed_draw = [[q.pk, str(points)] for q, points in draw]
    paper.status = Paper.Status.PUBLISHED
    paper.save(update_fields=["status", "fixed_draw"])
    return paper


def paper_unpublish(*, paper: Paper) -> Paper:
    paper.status = Paper.Status.DRAFT
    paper.save(update_fields=["status"])
    return paper


def paper_max_score(*, paper: Paper) -> Decimal:
    return sum((rule.points * rule.count for rule in paper.rules.all()), Decimal("0"))


# ---- attempts --------------------------------------------------------------------------------
def attempt_start(
    *,
    paper: Paper,
    user: AbstractBaseUser,
    now: datetime | None = None,
    rng: random.Random | None = None,
    practice: bool = False,
) -> Attempt:
    """The trainee's running attempt on this paper, or a new one with its questions frozen.
    With `practice`, a 模拟考试: a fresh draw, its own count and limit, never an exam attempt."""
    now = _now(now)
    mine = paper.attempts.filter(user=user, practice=practice)
    running = mine.filter(status=Attempt.Status.IN_PROGRESS).first()
    if running is not None and now > running.deadline + save_grace():
        # This trainee's own attempt ran out: hand it in before counting what is left. Nobody
        # else's attempts are touched here (the worker and finalise_overdue do those).
        _finalise_isolated(running, now)
        running = mine.filter(status=Attempt.Status.IN_PROGRESS).first()
    if running is not None:
        return running
    used = mine.count()
    if practice:
        _practice_allowed(paper=paper, user=user, used=used)
    else:
        if not paper_open_to(paper=paper, user=user, now=now):
            raise PermissionDenied(_("这份试卷现在不对你开放。"))
        if used >= paper.attempts_allowed:
            raise PermissionDenied(_("作答次数已用完。"))
    rng = rng or random.Random()
    # Reads only, so before the write transaction: on SQLite that takes the database's one write
    # lock at BEGIN (IMMEDIATE), and a start storm must not queue behind anyone's draw.
    drawn = _paper_draw_rows(paper, rng) if practice else _draw_for(paper, rng)
    try:
        with transaction.atomic():
            attempt = _create_attempt(
                paper=paper, user=user, number=used + 1, now=now, rng=rng, drawn=drawn, practice=practice
            )
    except IntegrityError:
        # A second tab or a double click started the same attempt a moment earlier: resume it.
        return mine.get(status=Attempt.Status.IN_PROGRESS)
    transaction.on_commit(lambda: _schedule_finalise(attempt))
    return attempt


def _practice_allowed(*, paper: Paper, user: AbstractBaseUser, used: int) -> None:
    """A 模拟考试 needs the paper's flag and audience (not its window), attempts left, and no
    exam attempt of the paper running: its review must not key the exam in the next tab."""
    if not paper.practice_enabled or not paper_published_to(paper=paper, user=user):
        raise PermissionDenied(_("这份试卷没有开放模拟考试。"))
    if paper.practice_attempts_allowed is not None and used >= paper.practice_attempts_allowed:
        raise PermissionDenied(_("模拟考试次数已用完。"))
    if paper.attempts.filter(user=user, practice=False, status=Attempt.Status.IN_PROGRESS).exists():
        raise PermissionDenied(_("你正在参加这份试卷的考试,交卷后才能做模拟考试。"))


def _schedule_finalise(attempt: Attempt) -> None:
    """Ask the worker to hand the attempt in when its time runs out, in case nobody comes back."""
    from django_tasks import default_task_backend

    from .tasks import finalise_overdue_attempts  # late: tasks imports this module

    if not default_task_backend.supports_defer:
        return  # finalise_overdue from cron (README) covers it
    try:
        run_after = attempt.deadline + save_grace() + timedelta(seconds=1)
        finalise_overdue_attempts.using(run_after=run_after).enqueue()
    except Exception:
        # A queue that is down must not stop a trainee starting; cron's finalise_overdue remains.
        logger.exception("could not schedule finalising attempt %s", attempt.pk)


def _draw_for(paper: Paper, rng: random.Random) -> list[tuple[draw.Drawn, Decimal]]:
    if paper.same_for_everyone and paper.fixed_draw:
        return _fixed_draw(paper)
    return _paper_draw_rows(paper, rng)


def _create_attempt(
    *,
    paper: Paper,
    user: AbstractBaseUser,
    number: int,
    now: datetime,
    rng: random.Random,
    drawn: list[tuple[draw.Drawn, Decimal]],
    practice: bool = False,
) -> Attempt:
    if paper.shuffle_questions:
        rng.shuffle(drawn)
    deadline = now + timedelta(minutes=paper.time_limit_minutes)
    if paper.closes_at is not None and not practice:  # practice keeps to no window
        deadline = min(deadline, paper.closes_at)
    attempt = Attempt.objects.create(
        paper=paper,
        user=user,
        number=number,
        practice=practice,
        started_at=now,
        deadline=deadline,
        max_score=sum((points for _q, points in drawn), Decimal("0")),
        multiple_policy=paper.multiple_policy,
        pass_percent=paper.pass_percent,
    )
    # The frozen questions as plain rows in one bulk insert (qbank.bulk): inside the write
    # transaction, where on SQLite every other writer waits, so it must be short.
    bulk.insert_values(
        AttemptQuestion,
        SNAPSHOT_COLUMNS,
        (
            _snapshot(attempt, i, q, points, paper.shuffle_options, rng)
            for i, (q, points) in enumerate(drawn, 1)
        ),
    )
    return attempt


def _fixed_draw(paper: Paper) -> list[tuple[draw.Drawn, Decimal]]:
    ids = [int(pk) for pk, _points in paper.fixed_draw]
    found = draw.rows_by_id(ids)
    # A question deleted since publishing drops out; the rest of the paper stands.
    return [(found[int(pk)], Decimal(points)) for pk, points in paper.fixed_draw if int(pk) in found]


SNAPSHOT_COLUMNS = (
    "attempt_id",
    "position",
    "question_id",
    "type",
    "stem",
    "material",
    "options",
    "option_order",
    "key",
    "explanation",
    "images",
    "points",
)


def _snapshot(
    attempt: Attempt, position: int, question: draw.Drawn, points: Decimal, shuffle: bool, rng: random.Random
) -> tuple[object, ...]:
    """One frozen question, as the values of SNAPSHOT_COLUMNS."""
    texts = question.options
    order = list(range(len(texts)))
    qtype = questiontypes.get(question.type)
    if shuffle and qtype.has_options:
        rng.shuffle(order)
    return (
        attempt.pk,
        position,
        question.pk,
        question.type,
        question.stem,
        question.material,
        [texts[i] for i in order],
        order if qtype.has_options else [],
        qtype.remap(question.answer, order),
        question.explanation,
        question.images,
        points,
    )


@dataclass(frozen=True)
class SavedAnswer:
    """What an autosave stored: the page is told its position, revision and time."""

    position: int
    revision: int
    saved_at: datetime


def answer_save(
    *,
    attempt: Attempt,
    position: int,
    response: object = None,
    flagged: bool | None = None,
    now: datetime | None = None,
) -> SavedAnswer:
    """Save one answer as it changes. Refused once submitted or past the deadline's grace."""
    return answer_save_to(
        attempt_id=attempt.pk, position=position, response=response, flagged=flagged, now=now
    )


def answer_save_to(
    *,
    attempt_id: int,
    position: int,
    response: object = None,
    flagged: bool | None = None,
    now: datetime | None = None,
    user: AbstractBaseUser | None = None,
) -> SavedAnswer:
    """answer_save by the attempt's id; given `user`, only into that user's attempt (else
    Attempt.DoesNotExist). The autosave runs this every few seconds for every trainee, so it is
    one read and one conditional write (quizzes.autosave), the response cleaned in between."""
    now = _now(now)
    not_before = now - save_grace()
    while True:
        slot = autosave.read(
            attempt_id=attempt_id, position=position, user_id=user.pk if user else None, not_before=not_before
        )
        if slot is None:
            if user is not None and not Attempt.objects.filter(pk=attempt_id, user=user).exists():
                raise Attempt.DoesNotExist
            raise AttemptQuestion.DoesNotExist
        if not slot.running:
            raise AttemptClosed(_("已经交卷,不能再修改。"))
        if not slot.in_time:
            raise AttemptClosed(_("考试时间已到,这次保存没有被接受。"))
        cleaned = clean_response(slot.type, slot.option_count, response)
        written = autosave.write(
            slot=slot,
            attempt_id=attempt_id,
            response=cleaned,
            flagged=flagged,
            now=now,
            not_before=not_before,
        )
        if written:
            return SavedAnswer(position=position, revision=slot.revision + 1, saved_at=now)
        # Nothing written: the attempt closed since the read, or another tab saved this
        # question (its revision moved on). Read again: the first says why, the second retries.


def clean_response(qtype: str, option_count: int, response: object) -> object:
    """Keep only a response of the question's shape: junk from a tampered page is refused."""
    if not is_well_formed(response):
        # Stored, a lone surrogate breaks every page and grading pass that reads it: refuse it here.
        raise ValidationError(_("答案中有无法识别的字符,请删除后重试。"), code="bad_text")
    if response in (None, "", []):
        return None
    try:
        return questiontypes.get(qtype).clean_response(response, option_count=option_count)
    except questiontypes.AnswerError as error:
        raise ValidationError(_(error.message), code=error.code) from error


def attempt_submit(*, attempt: Attempt, now: datetime | None = None, auto: bool = False) -> Attempt:
    """Grade and close the attempt, once: a double submit or a submit racing the deadline
    finds it already submitted and returns it unchanged."""
    now = _now(now)
    # Graded before the write transaction, as plain rows (quizzes.handin): on SQLite it holds the
    # database's one write lock, and 500 submits at the deadline must not queue behind each
    # other's grading. Inside the lock only answers saved since (a changed revision) are graded
    # again. The scoring policy was frozen with the attempt at start.
    policy = grading.Policy(multiple=attempt.multiple_policy)
    graded = handin.grade_running(attempt_id=attempt.pk, policy=policy)
    with transaction.atomic():
        locked = handin.lock(attempt_id=attempt.pk)
        if locked is None or not locked.is_running:
            return locked or Attempt.objects.get(pk=attempt.pk)  # gone: DoesNotExist, as before
        if locked.multiple_policy != attempt.multiple_policy:  # a stale instance: grade afresh
            policy, graded = grading.Policy(multiple=locked.multiple_policy), {}
        # Each grade is written only where the answer is still the one graded; fewer rows written
        # means answers were saved meanwhile (rare): those are read again and graded here.
        if handin.store(list(graded.values())) < len(graded) or not graded:
            fresh = handin.grade_stale(attempt_id=locked.pk, graded=graded, policy=policy)
            handin.store(fresh)
            graded.update((g.pk, g) for g in fresh)
        questions = list(graded.values())
        locked.status = Attempt.Status.SUBMITTED
        locked.submitted_at = min(now, locked.deadline) if auto else now
        locked.auto_submitted = auto
        _total(locked, questions)
        handin.close(attempt=locked)
        # Into the trainee's 错题本 with the same transaction: a submit either counts or not.
        practice_services.mistakes_from_exam(
            user_id=locked.user_id, results=[(g.question_id, g.state) for g in questions], now=now
        )
        return locked


def _total(attempt: Attempt, questions: Sequence[AttemptQuestion] | Sequence[handin.Graded]) -> None:
    """Scores so far; short answers count at their suggested score until a trainer grades them."""
    attempt.score = sum(
        (aq.score if aq.score is not None else (aq.suggested_score or Decimal("0")) for aq in questions),
        Decimal("0"),
    )
    attempt.pending_grading = sum(1 for aq in questions if aq.state == GradeState.PENDING)
    if attempt.pending_grading:
        attempt.passed = None
    else:
        attempt.passed = attempt.score * 100 >= attempt.max_score * attempt.pass_percent


def result_seen(*, attempt: Attempt, now: datetime | None = None) -> None:
    """The owner opened the result: a notice of a later marking has been read."""
    if attempt.regraded_unseen:
        attempt.result_seen_at = _now(now)
        attempt.save(update_fields=["result_seen_at"])


def attempt_finalise_overdue(*, now: datetime | None = None, user: AbstractBaseUser | None = None) -> int:
    """Submit every attempt whose time ran out (only `user`'s, given one), even if its trainee
    never came back. One attempt that fails to grade is logged and left; the rest go on."""
    now = _now(now)
    overdue = Attempt.objects.filter(status=Attempt.Status.IN_PROGRESS, deadline__lt=now - save_grace())
    if user is not None:
        overdue = overdue.filter(user=user)
    return sum(1 for attempt in overdue.only("pk") if _finalise_isolated(attempt, now))


def _finalise_isolated(attempt: Attempt, now: datetime) -> bool:
    try:
        attempt_submit(attempt=attempt, now=now, auto=True)
    except Exception:
        # Bad data in one attempt must never fail the worker, the cron run or anyone's page.
        logger.exception("could not finalise attempt %s", attempt.pk)
        return False
    return True


@transaction.atomic
def short_answer_grade(
    *,
    aq: AttemptQuestion,
    score: Decimal,
    comment: str,
    grader: AbstractBaseUser,
    now: datetime | None = None,
) -> AttemptQuestion:
    if aq.attempt.is_running:
        raise ValidationError(_("学员还没有交卷。"))
    if not Decimal("0") <= score <= aq.points:
        raise ValidationError(_("得分必须在 0 到 %(max)s 之间。") % {"max": aq.points}, code="score_range")
    aq.score = score
    aq.comment = comment
    aq.grader = grader  # type: ignore[assignment]
    aq.graded_at = _now(now)
    aq.state = (
        GradeState.CORRECT if score == aq.points else (GradeState.WRONG if score == 0 else GradeState.PARTIAL)
    )
    aq.save(update_fields=["score", "comment", "grader", "graded_at", "state"])
    attempt = Attempt.objects.select_for_update().get(pk=aq.attempt_id)
    _total(attempt, list(attempt.questions.all()))
    # The trainee saw a result at handing in; this one differs: their dashboard says so.
    attempt.regraded_at = aq.graded_at
    attempt.save(update_fields=["score", "pending_grading", "passed", "regraded_at"])
    return aq


def integrity_event_record(
    *, attempt: Attempt, kind: str, away_seconds: int = 0, now: datetime | None = None
) -> IntegrityEvent | None:
    if not attempt.is_running or kind not in IntegrityEvent.Kind.values:
        return None
    return IntegrityEvent.objects.create(
        attempt=attempt, kind=kind, at=_now(now), away_seconds=max(0, min(int(away_seconds), 86_400))
    )


# ---- review policy ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ReviewDisplay:
    """What the result page may show (Moodle's display options): passed to templates."""

    score: bool = False
    verdicts: bool = False
    answers: bool = False
    explanations: bool = False


def review_display(*, attempt: Attempt, now: datetime | None = None) -> ReviewDisplay:
    if attempt.is_running:
        return ReviewDisplay()
    policy = attempt.paper.review_policy
    closed = attempt.paper.closes_at is not None and _now(now) >= attempt.paper.closes_at
    if not closed and review_withheld_for_retakes(attempt=attempt):
        return ReviewDisplay(score=True)
    if policy == ReviewPolicy.EXPLANATIONS or (policy == ReviewPolicy.AFTER_CLOSE and closed):
        return ReviewDisplay(score=True, verdicts=True, answers=True, explanations=True)
    if policy == ReviewPolicy.ANSWERS:
        return ReviewDisplay(score=True, verdicts=True, answers=True)
    return ReviewDisplay(score=True)


def review_withheld_for_retakes(*, attempt: Attempt) -> bool:
    """The same questions for everyone and attempts left: attempt 1's key would answer attempt 2,
    so verdicts, answers and explanations wait for the last attempt (or the paper closing)."""
    paper = attempt.paper
    if attempt.practice or not paper.same_for_everyone or paper.attempts_allowed <= 1:
        return False  # a 模拟考试 is drawn afresh each time: its key answers no later attempt
    exams = paper.attempts.filter(user_id=attempt.user_id, practice=False)
    return exams.count() < paper.attempts_allowed


def rules_replace(*, paper: Paper, rules: Sequence[dict[str, object]]) -> list[PaperRule]:
    """Replace a draft paper's rules (the trainer's form submits them as one list)."""
    if paper.status == Paper.Status.PUBLISHED:
        raise ValidationError(_("已发布的试卷不能修改规则,请先取消发布。"))
    paper.rules.all().delete()
    created = []
    for order, data in enumerate(rules):
        chapters = data.pop("chapters", [])
        rule = PaperRule(paper=paper, order=order, **data)
        rule.full_clean(exclude=["paper"])
        rule.save()
        rule.chapters.set(chapters)  # type: ignore[arg-type]
        created.append(rule)
    return created


def _rule_signature(data: Mapping[str, Any]) -> tuple[object, ...]:
    """What makes two rules the same, whether chapters come as objects or ids."""
    chapter_ids = sorted(getattr(c, "pk", c) for c in data.get("chapters") or [])
    points = Decimal(str(data["points"]))
    return (data["type"], int(data["count"]), points, data.get("difficulty") or None, chapter_ids)


def _paper_chapters_set(paper: Paper, chapters: Sequence[Chapter | int]) -> None:
    """The paper's chapters decide every unnarrowed rule's pool: frozen once published."""
    wanted = sorted(c.pk if isinstance(c, Chapter) else int(c) for c in chapters)
    if wanted == sorted(paper_chapters(paper)):
        return
    if paper.status == Paper.Status.PUBLISHED:
        raise ValidationError(_("已发布的试卷不能修改章节,请先取消发布。"))
    if any(c.bank_id != paper.bank_id for c in Chapter.objects.filter(pk__in=wanted)):
        raise ValidationError(_("所选章节不属于这份试卷的题库。"))
    paper.chapters.set(wanted)


def rules_as_data(paper: Paper) -> list[dict[str, object]]:
    """A paper's rules as the plain values rules_replace takes (chapters as objects)."""
    return [
        {
            "type": r.type,
            "count": r.count,
            "points": r.points,
            "difficulty": r.difficulty,
            "chapters": list(r.chapters.all()),
        }
        for r in paper.rules.prefetch_related("chapters")
    ]


@transaction.atomic
def paper_save(
    *,
    paper: Paper,
    cohorts: Sequence[object],
    rules: Sequence[dict[str, object]] | None,
    user: AbstractBaseUser,
    chapters: Sequence[Chapter | int] | None = None,
) -> Paper:
    """Create or update a paper with its audience and, given a list, its rules.

    A published paper accepts its settings again with the same rules (the trainer's form always
    sends them); different rules raise, as rules_replace does.
    """
    if not paper.pk:  # a new paper
        paper.created_by = user  # type: ignore[assignment]
    paper.full_clean()
    paper.save()
    paper.cohorts.set(cohorts)  # type: ignore[arg-type]
    if chapters is not None:
        _paper_chapters_set(paper, chapters)
    if rules is not None:
        wanted = [dict(r) for r in rules]  # rules_replace pops "chapters": keep the caller's dicts whole
        unchanged = [_rule_signature(r) for r in wanted] == [_rule_signature(r) for r in rules_as_data(paper)]
        if not unchanged:
            rules_replace(paper=paper, rules=wanted)
    return paper
