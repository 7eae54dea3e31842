"""Reads for the trainer's statistics: aggregates computed in the database, fed to quizzes.analytics.

Every function here runs a fixed number of queries, whatever the number of attempts: the rows
they return are grouped by question, by score or by the order a question's options were shown,
never one per attempt. tests/quizzes/test_stats_pages.py counts them; tests/bench_stats.py times
them over 10,000 attempts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, F, FloatField, Max, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext as _

from qbank.models import Bank, Chapter, Option, Question

from . import analytics
from .models import Attempt, AttemptQuestion, Cohort, GradeState, Paper
from .selectors import User, papers_managed_by
from .sql import SecondsBetween

CHOICE_TYPES = ("single", "multiple", "truefalse")


def stats_attempts(*, paper: Paper, cohort: Cohort | None = None) -> QuerySet[Attempt]:
    """The submitted exam attempts the statistics count (模拟考试 never): all of them, or one
    class's members'."""
    qs = paper.attempts.filter(status=Attempt.Status.SUBMITTED, practice=False)
    if cohort is not None:
        qs = qs.filter(user__cohorts=cohort)
    return qs


def cohorts_for(*, paper: Paper) -> QuerySet[Cohort]:
    """Classes to filter a paper's statistics by: its audience, or every class when it has none."""
    audience = paper.cohorts.all()
    return audience if audience.exists() else Cohort.objects.all()


# ---- the paper as a whole --------------------------------------------------------------------
def score_summary(*, attempts: QuerySet[Attempt]) -> analytics.PaperSummary:
    """Two queries: the frequency table of scores, then pass / fail / awaiting counts."""
    table = attempts.values("score", "max_score").annotate(n=Count("id")).order_by()
    outcome = attempts.aggregate(
        n_passed=Count("id", filter=Q(passed=True)),
        n_failed=Count("id", filter=Q(passed=False)),
        n_awaiting=Count("id", filter=Q(passed__isnull=True)),
    )
    return analytics.paper_summary(
        (analytics.ScoreCount(float(row["score"]), float(row["max_score"]), row["n"]) for row in table),
        passed=outcome["n_passed"],
        failed=outcome["n_failed"],
        awaiting=outcome["n_awaiting"],
    )


def time_used(*, attempts: QuerySet[Attempt]) -> analytics.TimeUsed:
    """One query: attempts counted by whole seconds used, a table whose rows are bounded by the
    time limit, not by the attempts (reading two timestamps per attempt into Python cost more
    than the rest of the summary)."""
    table = (
        attempts.filter(submitted_at__isnull=False)
        .values(seconds=SecondsBetween("started_at", "submitted_at"))
        .annotate(n=Count("id"))
        .order_by()
    )
    return analytics.time_summary_counts((row["seconds"], row["n"]) for row in table)


def not_attempted(*, paper: Paper, cohort: Cohort | None = None) -> QuerySet[AbstractBaseUser]:
    """Members of the paper's classes (or of `cohort`) with no attempt at it, running or done.
    A paper open to everyone has no class list: nobody is listed then, unless a class is chosen."""
    audience = Cohort.objects.filter(pk=cohort.pk) if cohort is not None else paper.cohorts.all()
    return (
        get_user_model()
        .objects.filter(is_active=True, cohorts__in=audience)
        .exclude(attempts__paper=paper)
        .distinct()
        .order_by("username")
    )


# ---- item analysis ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemAnalysis:
    question_id: int | None
    stem: str
    type: str
    points: float
    sums: analytics.ItemSums
    options: list[analytics.OptionStat] = field(default_factory=list)

    @property
    def facility(self) -> float | None:
        return analytics.facility(self.sums)

    @property
    def discrimination(self) -> float | None:
        """The corrected point-biserial (item excluded from the total)."""
        return analytics.discrimination(self.sums)

    @property
    def upper_lower(self) -> float | None:
        """D = p(upper 27 %) − p(lower 27 %)."""
        return analytics.upper_lower_index(self.sums)

    @property
    def flags(self) -> list[str]:
        return analytics.item_flags(sums=self.sums, options=self.options)

    @property
    def flag_labels(self) -> list[str]:
        return [flag_label(f) for f in self.flags]

    @property
    def type_label(self) -> str:
        return str(Question.Type(self.type).label) if self.type in Question.Type.values else self.type


def flag_label(flag: str) -> str:
    labels = {
        analytics.NEGATIVE_DISCRIMINATION: _("区分度为负"),
        analytics.UNUSED_DISTRACTOR: _("有干扰项无人选"),
        analytics.DISTRACTOR_OVER_KEY: _("干扰项比答案选得多"),
    }
    return labels.get(flag, flag)


def upper_lower_groups(*, attempts: QuerySet[Attempt]) -> analytics.Groups | None:
    """The 27 % groups, from the frequency table of scores (one query)."""
    table = attempts.values("score", "max_score").annotate(n=Count("id")).order_by()
    return analytics.upper_lower_groups(
        analytics.ScoreCount(float(row["score"]), float(row["max_score"]), row["n"]) for row in table
    )


def item_analysis(*, attempts: QuerySet[Attempt]) -> list[ItemAnalysis]:
    """One row per source question over the graded answers, least facile first.

    Four queries whatever the number of attempts: the scores' frequency table (for the 27 %
    groups); the answers grouped by question, attempt total and key and choice in bank letters
    (AttemptQuestion.key_letters, chosen_letters, written at grading), whose rows grow with the
    distinct totals and choices, not with the attempts; the latest snapshot of each question
    (stem, type); the bank's option texts. The grouping reads short columns only and reads the
    answers once: on SQLite the sort behind a GROUP BY over every answer is the page's main
    cost, and grouping the shuffled options' JSON, or a second pass for the choices, doubled it."""
    groups = upper_lower_groups(attempts=attempts)
    x = Cast(Coalesce("score", Value(0)), FloatField())
    rows = (
        AttemptQuestion.objects.filter(attempt__in=attempts.values("pk"))
        .exclude(state__in=["", GradeState.PENDING])
        .values(
            "question_id",
            "key_letters",
            "chosen_letters",
            total=F("attempt__score"),
            out_of=F("attempt__max_score"),
        )
        .annotate(
            n=Count("id"),
            correct=Count("id", filter=Q(state=GradeState.CORRECT)),
            sum_points=Sum(Cast("points", FloatField())),
            sum_x=Sum(x),
            sum_xx=Sum(x * x),
            latest=Max("id"),
        )
        .order_by()
    )
    tiers: dict[int | None, dict[tuple[float, float], list[float]]] = defaultdict(dict)
    choices: dict[int | None, list[analytics.ChoiceCount]] = defaultdict(list)
    latest: dict[int | None, int] = {}
    for row in rows:
        qid: int | None = row["question_id"]
        tier = tiers[qid].setdefault((float(row["total"]), float(row["out_of"])), [0, 0, 0.0, 0.0, 0.0])
        values = (row["n"], row["correct"], row["sum_points"], row["sum_x"], row["sum_xx"])
        for i, value in enumerate(values):
            tier[i] += float(value or 0)  # merged over the choices made at this total
        if row["key_letters"] or row["chosen_letters"]:
            choices[qid].append(analytics.ChoiceCount(row["key_letters"], row["chosen_letters"], row["n"]))
        latest[qid] = max(latest.get(qid, 0), row["latest"])
    shown = {
        pk: (stem, qtype, float(points))
        for pk, stem, qtype, points in AttemptQuestion.objects.filter(pk__in=latest.values()).values_list(
            "pk", "stem", "type", "points"
        )
    }
    texts = option_texts(question_ids=[qid for qid in tiers if qid is not None])
    items = []
    for question_id, by_total in tiers.items():
        stem, qtype, points = shown[latest[question_id]]
        sums = analytics.item_sums(
            (
                analytics.TierSums(y, top, int(n), int(c), p, sx, sxx)
                for (y, top), (n, c, p, sx, sxx) in by_total.items()
            ),
            groups=groups,
        )
        options = (
            analytics.option_counts(choices.get(question_id, []), texts=texts.get(question_id or 0, ()))
            if qtype in CHOICE_TYPES
            else []
        )
        items.append(ItemAnalysis(question_id, stem, qtype, points, sums, options))
    return sorted(items, key=lambda i: (i.facility if i.facility is not None else 2, i.question_id or 0))


def option_texts(*, question_ids: list[int]) -> dict[int, list[str]]:
    """The bank's option texts in their printed order (true-false: 对, 错)."""
    texts: dict[int, list[str]] = defaultdict(list)
    for qid, text in Option.objects.filter(question_id__in=question_ids).values_list("question_id", "text"):
        texts[qid].append(text)
    tf = Question.objects.filter(pk__in=question_ids, type="truefalse").values_list("pk", flat=True)
    for qid in tf:
        texts[qid] = [_("对"), _("错")]
    return texts


# ---- chapter × class -------------------------------------------------------------------------
@dataclass(frozen=True)
class Mastery:
    chapters: list[tuple[int | None, str]]
    cohorts: list[tuple[int | None, str]]
    grid: list[list[analytics.MasteryCell | None]]


def mastery_papers(*, user: User, bank: Bank | None) -> QuerySet[Paper]:
    qs = papers_managed_by(user=user)
    return qs.filter(bank=bank) if bank is not None else qs.none()


def chapter_class_mastery(*, user: User, bank: Bank, paper: Paper | None = None) -> Mastery:
    """Share of points won per chapter and class, over graded answers on this user's papers of
    the bank (or one paper). A trainee in two classes counts in both; in none, under 未分班."""
    papers = mastery_papers(user=user, bank=bank)
    if paper is not None:
        papers = papers.filter(pk=paper.pk)
    rows = (
        AttemptQuestion.objects.filter(
            attempt__paper__in=papers.values("pk"),
            attempt__status=Attempt.Status.SUBMITTED,
            attempt__practice=False,
        )
        .exclude(state__in=["", GradeState.PENDING])
        .values(chapter=F("question__chapter_id"), cohort=F("attempt__user__cohorts"))
        .annotate(
            answers=Count("id"),
            won=Sum(Cast(Coalesce("score", Value(0)), FloatField())),
            out_of=Sum(Cast("points", FloatField())),
        )
        .order_by()
    )
    cells = [
        analytics.MasteryCell(r["chapter"], r["cohort"], r["answers"], r["won"] or 0.0, r["out_of"] or 0.0)
        for r in rows
    ]
    chapter_ids = {c.chapter_id for c in cells}
    cohort_ids = {c.cohort_id for c in cells}
    chapters: list[tuple[int | None, str]] = [
        (c.pk, c.title) for c in Chapter.objects.filter(pk__in=[i for i in chapter_ids if i is not None])
    ]
    if None in chapter_ids:
        chapters.append((None, _("未分章节或原题已删除")))
    cohorts: list[tuple[int | None, str]] = [
        (c.pk, c.name) for c in Cohort.objects.filter(pk__in=[i for i in cohort_ids if i is not None])
    ]
    if None in cohort_ids:
        cohorts.append((None, _("未分班")))
    grid = analytics.mastery_grid(cells, chapters=[c for c, _t in chapters], cohorts=[c for c, _n in cohorts])
    return Mastery(chapters, cohorts, grid)
