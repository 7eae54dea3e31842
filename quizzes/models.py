"""Papers, their rules, attempts and the attempt's frozen snapshot of every question.

An attempt never reads live questions after it starts: AttemptQuestion copies stem, options
(in the order this trainee sees them), key and points, so editing the bank later changes
neither a running attempt nor a recorded result (Moodle's question engine does the same).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

import questiontypes
from qbank.models import Bank, Chapter, Question, QuestionType

from . import grading


class Cohort(models.Model):
    """A class of trainees a paper is published to (班级)."""

    name = models.CharField(_("名称"), max_length=100, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="cohorts", verbose_name=_("学员")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("班级")
        verbose_name_plural = pgettext_lazy("plural", "班级")

    def __str__(self) -> str:
        return self.name


class ReviewPolicy(models.TextChoices):
    SCORE = "score", _("交卷后只显示分数")
    ANSWERS = "answers", _("交卷后显示正确答案")
    EXPLANATIONS = "explanations", _("交卷后显示答案和解析")
    AFTER_CLOSE = "after_close", _("考试结束后显示答案和解析")


class MultiplePolicy(models.TextChoices):
    ALL_OR_NOTHING = "all_or_nothing", _("全对才得分")
    PARTIAL = "partial", _("少选得一半,错选不得分")


class GradeState(models.TextChoices):
    """A frozen question's result; the values are quizzes.grading's (pure, no Django), and
    tests/quizzes/test_grading.py checks that the two agree."""

    CORRECT = grading.CORRECT, _("正确")
    PARTIAL = grading.PARTIAL, _("部分正确")
    WRONG = grading.WRONG, _("错误")
    UNANSWERED = grading.UNANSWERED, _("未作答")
    PENDING = grading.PENDING, _("待批改")


class Paper(models.Model):
    """A paper template: rules to draw questions by, and how the exam runs."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")

    title = models.CharField(_("标题"), max_length=200)
    instructions = models.TextField(_("考试说明"), blank=True)
    bank = models.ForeignKey(Bank, models.PROTECT, related_name="papers", verbose_name=_("题库"))
    time_limit_minutes = models.PositiveIntegerField(
        _("时间限制(分钟)"), default=30, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    pass_percent = models.PositiveSmallIntegerField(
        _("及格线(%)"), default=60, validators=[MaxValueValidator(100)]
    )
    opens_at = models.DateTimeField(_("开放时间"), null=True, blank=True)
    closes_at = models.DateTimeField(_("截止时间"), null=True, blank=True)
    attempts_allowed = models.PositiveSmallIntegerField(
        _("允许作答次数"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    cohorts = models.ManyToManyField(Cohort, blank=True, related_name="papers", verbose_name=_("参加班级"))
    # 模拟考试: the trainees of the paper's audience may also sit fresh draws of it as practice,
    # whatever its window; these never count as exam attempts (Attempt.practice).
    practice_enabled = models.BooleanField(
        _("允许模拟考试"),
        default=False,
        help_text=_("学员可随时按本试卷的规则重新抽一套题计时练习,不计入考试成绩和统计。"),
    )
    practice_attempts_allowed = models.PositiveSmallIntegerField(
        _("模拟考试次数"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("每位学员最多可做几次模拟考试;留空则不限次数。"),
    )
    # Chosen once for the paper; every rule draws from them unless it names chapters of its own.
    chapters = models.ManyToManyField(Chapter, blank=True, related_name="papers", verbose_name=_("试卷章节"))
    same_for_everyone = models.BooleanField(_("所有人同一套题"), default=False)
    shuffle_questions = models.BooleanField(_("打乱题目顺序"), default=True)
    shuffle_options = models.BooleanField(_("打乱选项顺序"), default=True)
    review_policy = models.CharField(
        _("交卷后可见"), max_length=12, choices=ReviewPolicy.choices, default=ReviewPolicy.EXPLANATIONS
    )
    multiple_policy = models.CharField(
        _("多选题计分"), max_length=16, choices=MultiplePolicy.choices, default=MultiplePolicy.ALL_OR_NOTHING
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    # With same_for_everyone, the draw made at publishing: question ids in paper order.
    fixed_draw = models.JSONField(_("固定题目"), default=list, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name=_("创建人")
    )
    created = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("试卷")
        verbose_name_plural = pgettext_lazy("plural", "试卷")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True)
                | Q(opens_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="quizzes_paper_window_order",
                violation_error_message=_("截止时间必须晚于开放时间。"),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class PaperRule(models.Model):
    """Draw `count` questions of `type` from `chapters`; when empty, from the paper's chapters
    (and when those are empty too, from the whole bank)."""

    paper = models.ForeignKey(Paper, models.CASCADE, related_name="rules", verbose_name=_("试卷"))
    chapters = models.ManyToManyField(Chapter, blank=True, verbose_name=_("章节"))
    type = models.CharField(_("题型"), max_length=10, choices=QuestionType.choices)
    count = models.PositiveSmallIntegerField(
        _("题数"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    points = models.DecimalField(
        _("每题分值"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    difficulty = models.PositiveSmallIntegerField(
        _("难度"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        ordering = ["paper_id", "order", "id"]
        verbose_name = _("抽题规则")
        verbose_name_plural = pgettext_lazy("plural", "抽题规则")

    def __str__(self) -> str:
        return f"{self.get_type_display()} × {self.count}"


class Attempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("作答中")
        SUBMITTED = "submitted", _("已交卷")

    paper = models.ForeignKey(Paper, models.PROTECT, related_name="attempts", verbose_name=_("试卷"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="attempts", verbose_name=_("学员")
    )
    number = models.PositiveSmallIntegerField(_("第几次"), default=1)  # counted apart for practice
    # A 模拟考试: drawn fresh, timed and graded like an exam attempt, but never in the paper's
    # results, statistics or attempt count (its misses still go into the 错题本).
    practice = models.BooleanField(_("模拟考试"), default=False)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(_("开始时间"))
    deadline = models.DateTimeField(_("截止时间"))
    submitted_at = models.DateTimeField(_("交卷时间"), null=True, blank=True)
    auto_submitted = models.BooleanField(_("超时自动交卷"), default=False)
    score = models.DecimalField(_("得分"), max_digits=7, decimal_places=2, default=Decimal("0"))
    max_score = models.DecimalField(_("满分"), max_digits=7, decimal_places=2, default=Decimal("0"))
    pending_grading = models.PositiveSmallIntegerField(_("待批改题数"), default=0)
    passed = models.BooleanField(_("及格"), null=True, blank=True)
    # Copied from the paper at start: whatever decides a score is frozen with the questions, so
    # a trainer changing the paper mid-exam changes no running attempt's result.
    multiple_policy = models.CharField(
        _("多选题计分"), max_length=16, choices=MultiplePolicy.choices, default=MultiplePolicy.ALL_OR_NOTHING
    )
    pass_percent = models.PositiveSmallIntegerField(
        _("及格线(%)"), default=60, validators=[MaxValueValidator(100)]
    )
    # A trainer marked a written answer after the trainee handed in: the dashboard says so until
    # the trainee opens the result again.
    regraded_at = models.DateTimeField(_("补批改时间"), null=True, blank=True)
    result_seen_at = models.DateTimeField(_("学员查看成绩时间"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("作答记录")
        verbose_name_plural = pgettext_lazy("plural", "作答记录")
        constraints = [
            models.UniqueConstraint(
                fields=["paper", "user", "practice", "number"], name="quizzes_attempt_unique_number"
            ),
            # One running attempt per trainee, paper and kind: a double click cannot start two.
            models.UniqueConstraint(
                fields=["paper", "user", "practice"],
                condition=Q(status="in_progress"),
                name="quizzes_attempt_one_running",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="quizzes_attempt_due")]

    def __str__(self) -> str:
        return f"{self.paper} · {self.user} #{self.number}"

    @property
    def is_running(self) -> bool:
        return self.status == self.Status.IN_PROGRESS

    @property
    def regraded_unseen(self) -> bool:
        """Marked again since the trainee last opened the result (the dashboard's notice)."""
        return self.regraded_at is not None and (
            self.result_seen_at is None or self.result_seen_at < self.regraded_at
        )

    @property
    def percent(self) -> Decimal:
        return (
            (self.score * 100 / self.max_score).quantize(Decimal("0.1")) if self.max_score else Decimal("0")
        )

    @property
    def time_used(self) -> timedelta | None:
        """Whole seconds between starting and handing in; None while the attempt runs."""
        if self.submitted_at is None:
            return None
        return timedelta(seconds=max(0, int((self.submitted_at - self.started_at).total_seconds())))


class AttemptQuestion(models.Model):
    """One question as this attempt froze it, with the trainee's response and its grade."""

    attempt = models.ForeignKey(Attempt, models.CASCADE, related_name="questions", verbose_name=_("作答记录"))
    position = models.PositiveSmallIntegerField(_("题号"))
    question = models.ForeignKey(
        Question, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("原题")
    )
    type = models.CharField(_("题型"), max_length=10, choices=QuestionType.choices)
    stem = models.TextField(_("题干"))
    material = models.TextField(_("材料"), blank=True)
    # Option texts in the order this trainee sees them; labels are A, B, C… by position.
    options = models.JSONField(_("选项"), default=list)
    key = models.JSONField(_("答案"), null=True, blank=True)  # in display letters: never sent before review
    explanation = models.TextField(_("解析"), blank=True)
    # The question's pictures at start: [{"id", "path", "content_type"}]; served from here, so a
    # picture replaced or deleted in the bank later still shows as the trainee saw it.
    images = models.JSONField(_("图片"), default=list, blank=True)
    # The bank index of each option in `options`: the shuffle, so answers count per bank option
    # whatever order each trainee saw. Empty for types without options, or where it was lost.
    option_order = models.JSONField(_("选项原顺序"), default=list, blank=True)
    points = models.DecimalField(_("分值"), max_digits=5, decimal_places=2)
    response = models.JSONField(_("作答"), null=True, blank=True)
    flagged = models.BooleanField(_("标记"), default=False)
    saved_at = models.DateTimeField(_("保存时间"), null=True, blank=True)
    revision = models.PositiveIntegerField(_("保存次数"), default=0)
    # Empty until the attempt is submitted and graded.
    state = models.CharField(_("结果"), max_length=12, blank=True, choices=GradeState.choices)
    score = models.DecimalField(_("得分"), max_digits=5, decimal_places=2, null=True, blank=True)
    # Key and response as option letters in the bank's order ("AC"), written when graded: the
    # item analysis counts choices with GROUP BY on these short columns instead of reading every
    # response through its shuffle (quizzes/stats_selectors.py).
    key_letters = models.CharField(_("答案(题库选项顺序)"), max_length=26, blank=True, editable=False)
    chosen_letters = models.CharField(_("所选(题库选项顺序)"), max_length=26, blank=True, editable=False)
    suggested_score = models.DecimalField(
        _("建议得分"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    grader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("批改人"),
    )
    comment = models.TextField(_("评语"), blank=True)
    graded_at = models.DateTimeField(_("批改时间"), null=True, blank=True)

    class Meta:
        ordering = ["attempt_id", "position"]
        verbose_name = _("答题")
        verbose_name_plural = pgettext_lazy("plural", "答题")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="quizzes_aq_unique_position"),
            models.CheckConstraint(
                condition=Q(state="") | Q(state__in=GradeState.values), name="quizzes_aq_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}#{self.position}"

    @property
    def marked_by_hand(self) -> bool:
        """A written answer: a trainer gives its mark (the grading page)."""
        return questiontypes.get(self.type).free_text

    @property
    def labelled_options(self) -> list[tuple[str, str]]:
        return [(chr(ord("A") + i), text) for i, text in enumerate(self.options)]

    @property
    def awaiting_grading(self) -> bool:
        return self.state == GradeState.PENDING


class IntegrityEvent(models.Model):
    """Evidence, not blocking: the exam page reports when the trainee left the tab or window."""

    class Kind(models.TextChoices):
        LEFT = "left", _("离开页面")
        RETURNED = "returned", _("返回页面")

    attempt = models.ForeignKey(Attempt, models.CASCADE, related_name="events", verbose_name=_("作答记录"))
    kind = models.CharField(_("事件"), max_length=10, choices=Kind.choices)
    at = models.DateTimeField(_("时间"))
    away_seconds = models.PositiveIntegerField(_("离开秒数"), default=0)

    class Meta:
        ordering = ["attempt_id", "at"]
        verbose_name = _("离开记录")
        verbose_name_plural = pgettext_lazy("plural", "离开记录")

    def __str__(self) -> str:
        return f"{self.attempt_id} {self.kind} {self.at:%H:%M:%S}"
