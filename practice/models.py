"""Untimed practice: sessions over a bank/chapter/type, the 错题本 (mistakes) and favourites.

Practice reads live questions (unlike an exam attempt, nothing is scored for the record), but a
session freezes WHICH questions and in what order, so "continue where I stopped" is stable.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qbank.models import Bank, Chapter, Question, QuestionType


class PracticeSession(models.Model):
    class Source(models.TextChoices):
        CHAPTER = "chapter", _("章节练习")
        MISTAKES = "mistakes", _("错题练习")
        FAVOURITES = "favourites", _("收藏练习")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="practice_sessions", verbose_name=_("学员")
    )
    source = models.CharField(_("来源"), max_length=10, choices=Source.choices, default=Source.CHAPTER)
    bank = models.ForeignKey(
        Bank, models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("题库")
    )
    chapter = models.ForeignKey(
        Chapter, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("章节")
    )
    type = models.CharField(_("题型"), max_length=10, blank=True, choices=QuestionType.choices)
    question_ids = models.JSONField(_("题目"), default=list)  # frozen order, bank order
    position = models.PositiveIntegerField(_("当前题"), default=0)  # 0-based index of the next question
    right = models.PositiveIntegerField(_("答对"), default=0)
    wrong = models.PositiveIntegerField(_("答错"), default=0)
    # The question just answered, shown with its verdict and key until the next one is asked.
    last_question = models.ForeignKey(
        Question, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("上一题")
    )
    last_response = models.JSONField(_("上一题作答"), null=True, blank=True)
    last_state = models.CharField(_("上一题结果"), max_length=12, blank=True)
    started_at = models.DateTimeField(_("开始时间"))
    updated_at = models.DateTimeField(_("最近练习"))

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("练习记录")
        verbose_name_plural = pgettext_lazy("plural", "练习记录")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_source_display()} #{self.pk}"

    @property
    def total(self) -> int:
        return len(self.question_ids)

    @property
    def finished(self) -> bool:
        return self.position >= self.total


class Mistake(models.Model):
    """One question a trainee got wrong (exam or practice), and its spaced-review state
    (practice.schedule); it stays as history once cleared (cleared_at set, due_at null)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="mistakes", verbose_name=_("学员")
    )
    question = models.ForeignKey(Question, models.CASCADE, related_name="+", verbose_name=_("试题"))
    times_wrong = models.PositiveIntegerField(_("答错次数"), default=0)
    first_wrong_at = models.DateTimeField(_("首次答错"))
    last_wrong_at = models.DateTimeField(_("最近答错"))
    stage = models.PositiveSmallIntegerField(_("已通过复习"), default=0)
    due_at = models.DateTimeField(_("下次复习"), null=True, blank=True)
    cleared_at = models.DateTimeField(_("移出时间"), null=True, blank=True)

    class Meta:
        ordering = ["due_at", "-last_wrong_at"]
        verbose_name = _("错题")
        verbose_name_plural = pgettext_lazy("plural", "错题")
        constraints = [
            models.UniqueConstraint(fields=["user", "question"], name="practice_mistake_unique"),
            models.CheckConstraint(
                condition=Q(cleared_at__isnull=True) | Q(due_at__isnull=True), name="practice_mistake_cleared"
            ),
        ]
        indexes = [models.Index(fields=["user", "due_at"], name="practice_mistake_due")]

    def __str__(self) -> str:
        return f"{self.user} · {self.question_id}"


class Favourite(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="favourites", verbose_name=_("学员")
    )
    question = models.ForeignKey(Question, models.CASCADE, related_name="+", verbose_name=_("试题"))
    created = models.DateTimeField(_("收藏时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("收藏")
        verbose_name_plural = pgettext_lazy("plural", "收藏")
        constraints = [models.UniqueConstraint(fields=["user", "question"], name="practice_favourite_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.question_id}"


class PracticeAnswer(models.Model):
    """One answer given in practice and its verdict: with the exam's graded answers, what the
    progress page (practice.progress_selectors) reads mastery and the streak from."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="practice_answers", verbose_name=_("学员")
    )
    question = models.ForeignKey(Question, models.CASCADE, related_name="+", verbose_name=_("试题"))
    state = models.CharField(_("结果"), max_length=12)
    answered_at = models.DateTimeField(_("作答时间"))

    class Meta:
        ordering = ["-answered_at"]
        verbose_name = _("练习作答")
        verbose_name_plural = pgettext_lazy("plural", "练习作答")
        indexes = [models.Index(fields=["user", "answered_at"], name="practice_answer_user_time")]

    def __str__(self) -> str:
        return f"{self.user} · {self.question_id} · {self.state}"


NOTE_MAX_LENGTH = 2000


class Note(models.Model):
    """A trainee's private note on a question: only its author ever reads it (no trainer page,
    no admin page, no export shows notes; selectors always filter by the author)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="question_notes", verbose_name=_("学员")
    )
    question = models.ForeignKey(Question, models.CASCADE, related_name="+", verbose_name=_("试题"))
    text = models.TextField(_("笔记"), max_length=NOTE_MAX_LENGTH)
    created = models.DateTimeField(_("创建时间"))
    updated = models.DateTimeField(_("修改时间"))

    class Meta:
        ordering = ["-updated"]
        verbose_name = _("笔记")
        verbose_name_plural = pgettext_lazy("plural", "笔记")
        constraints = [
            models.UniqueConstraint(fields=["user", "question"], name="practice_note_unique"),
            # The form and the service check too; the database holds the line for anything else.
            models.CheckConstraint(
                condition=GreaterThan(Length("text"), 0) & LessThanOrEqual(Length("text"), NOTE_MAX_LENGTH),
                name="practice_note_length",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.question_id}"
