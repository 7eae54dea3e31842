"""The question bank: banks with ordered chapters, questions with options, and their sources.

Models declare data and invariants only; creating and changing questions goes through
qbank.services so the fingerprint and search column stay in step with the text.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

import questiontypes

from .answers import answer_normalise, answer_validate, has_key

# Real papers print up to nine options (A–I, "哪些人员参加"); allow the alphabet, drop nothing.
OPTION_LABELS = questiontypes.LETTERS


class Bank(models.Model):
    name = models.CharField(_("名称"), max_length=100, unique=True)
    description = models.TextField(_("说明"), blank=True)
    created = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("题库")
        verbose_name_plural = pgettext_lazy("plural", "题库")

    def __str__(self) -> str:
        return self.name


class Chapter(models.Model):
    bank = models.ForeignKey(Bank, models.CASCADE, related_name="chapters", verbose_name=_("题库"))
    title = models.CharField(_("标题"), max_length=200)
    order = models.PositiveIntegerField(_("顺序"), default=0)

    class Meta:
        ordering = ["bank_id", "order", "title"]
        verbose_name = _("章节")
        verbose_name_plural = pgettext_lazy("plural", "章节")
        constraints = [
            models.UniqueConstraint(fields=["bank", "title"], name="qbank_chapter_unique_title"),
        ]

    def __str__(self) -> str:
        return self.title


class Source(models.Model):
    """A stored document; its checksum makes importing the same file twice a no-op."""

    filename = models.CharField(_("文件名"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("大小(字节)"))
    bank = models.ForeignKey(
        Bank, models.SET_NULL, null=True, blank=True, related_name="sources", verbose_name=_("导入到题库")
    )
    imported_at = models.DateTimeField(_("导入时间"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name=_("导入人")
    )

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("来源文件")
        verbose_name_plural = pgettext_lazy("plural", "来源文件")

    def __str__(self) -> str:
        return self.filename


class Tag(models.Model):
    # A table rather than a JSON list: tags filter in the admin and in quiz rules, and
    # JSONField "contains" lookups are not available on SQLite, our default database.
    name = models.CharField(_("名称"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("标签")
        verbose_name_plural = pgettext_lazy("plural", "标签")

    def __str__(self) -> str:
        return self.name


class QuestionType(models.TextChoices):
    SINGLE = "single", _("单选题")
    MULTIPLE = "multiple", _("多选题")
    TRUEFALSE = "truefalse", _("判断题")
    FILL = "fill", _("填空题")
    SHORT = "short", _("简答题")


class QuestionStatus(models.TextChoices):
    NEEDS_REVIEW = "needs_review", _("待审核")
    ACTIVE = "active", _("已启用")
    RETIRED = "retired", _("已停用")


CHOICE_TYPES = {QuestionType(code) for code in questiontypes.CHOICE_CODES}
# Papers grade what they draw: a single/multiple/true-false/fill question without a key would
# fail at grading, so only short answers (graded by hand) may go live without one.
ACTIVE_NEEDS_KEY = _("没有答案的试题不能启用(简答题除外)。")


class Question(models.Model):
    Type = QuestionType
    Status = QuestionStatus

    bank = models.ForeignKey(Bank, models.CASCADE, related_name="questions", verbose_name=_("题库"))
    chapter = models.ForeignKey(
        Chapter, models.SET_NULL, null=True, blank=True, related_name="questions", verbose_name=_("章节")
    )
    type = models.CharField(_("题型"), max_length=10, choices=Type.choices)
    stem = models.TextField(_("题干"))
    material = models.TextField(_("材料"), blank=True, help_text=_("案例题中几道小题共用的背景材料"))
    # single/multiple: "A"/"ABD"; truefalse: true/false; fill: one string per blank;
    # short: reference text; null when the paper gave no answer.
    answer = models.JSONField(_("答案"), null=True, blank=True)
    explanation = models.TextField(_("解析"), blank=True)
    difficulty = models.PositiveSmallIntegerField(
        _("难度"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="questions", verbose_name=_("标签"))
    source = models.ForeignKey(
        Source, models.SET_NULL, null=True, blank=True, related_name="questions", verbose_name=_("来源文件")
    )
    source_line = models.PositiveIntegerField(_("来源行/段"), default=0, help_text=_("0 表示未知"))
    status = models.CharField(
        _("状态"), max_length=12, choices=Status.choices, default=QuestionStatus.NEEDS_REVIEW
    )
    fingerprint = models.CharField(_("指纹"), max_length=64, db_index=True, editable=False)
    # Folded (simplified, width-normalised, lower-case) stem and options: icontains on it
    # finds a question whether the trainer types Traditional or Simplified.
    search_text = models.TextField(_("检索文本"), blank=True, editable=False)
    warnings = models.JSONField(_("导入提示"), default=list, blank=True)
    created = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["bank_id", "id"]
        verbose_name = _("试题")
        verbose_name_plural = pgettext_lazy("plural", "试题")
        constraints = [
            models.UniqueConstraint(
                fields=["bank", "fingerprint"],
                name="qbank_question_unique_fingerprint",
                violation_error_message=_("本题库中已有相同的试题。"),
            ),
            models.CheckConstraint(
                condition=Q(difficulty__gte=1, difficulty__lte=5), name="qbank_question_difficulty_range"
            ),
            models.CheckConstraint(
                condition=Q(type__in=QuestionType.values), name="qbank_question_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=QuestionStatus.values),
                name="qbank_question_status_valid",
            ),
        ]
        # Covers a paper rule's pool (quizzes.draw): counting it and finding its id range read
        # the index alone, even with chapters and a difficulty, on a bank of 100,000 questions.
        indexes = [
            models.Index(fields=["bank", "status", "type", "chapter", "difficulty"], name="qbank_q_draw"),
        ]

    def __str__(self) -> str:
        stem = " ".join(self.stem.split())
        return stem if len(stem) <= 40 else stem[:39] + "…"

    # The option labels a save is about to store, when they are not in the database yet (a new
    # question, or the admin's inline rows): set by the caller before full_clean().
    pending_option_labels: str | None = None

    def clean(self) -> None:
        """The answer fits the type and the options, and only a question with a key is active:
        here, so the admin, the bank pages, imports and the spreadsheet all get the same check."""
        super().clean()
        labels = self.pending_option_labels
        if labels is None:
            labels = "".join(self.options.values_list("label", flat=True)) if self.pk else ""
        self.answer = answer_normalise(type=self.type, answer=self.answer)
        try:
            answer_validate(type=self.type, answer=self.answer, labels=labels)
        except ValidationError as error:
            raise ValidationError({"answer": error}) from error
        if self.status == QuestionStatus.ACTIVE and not has_key(type=self.type, answer=self.answer):
            raise ValidationError({"status": ACTIVE_NEEDS_KEY}, code="active_needs_key")


class Option(models.Model):
    question = models.ForeignKey(Question, models.CASCADE, related_name="options", verbose_name=_("试题"))
    label = models.CharField(_("选项"), max_length=1, choices=[(c, c) for c in OPTION_LABELS])
    text = models.TextField(_("内容"))
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        ordering = ["question_id", "order", "label"]
        verbose_name = _("选项")
        verbose_name_plural = pgettext_lazy("plural", "选项")
        constraints = [
            models.UniqueConstraint(fields=["question", "label"], name="qbank_option_unique_label"),
        ]

    def __str__(self) -> str:
        return f"{self.label}. {self.text}"


class QuestionImage(models.Model):
    question = models.ForeignKey(Question, models.CASCADE, related_name="images", verbose_name=_("试题"))
    option = models.ForeignKey(
        Option, models.CASCADE, null=True, blank=True, related_name="images", verbose_name=_("选项")
    )
    # FileField, not ImageField: no Pillow dependency; the content type comes from the document.
    file = models.FileField(_("文件"), upload_to="questions/%Y/%m/")
    content_type = models.CharField(_("类型"), max_length=100, blank=True)

    class Meta:
        ordering = ["question_id", "id"]
        verbose_name = _("图片")
        verbose_name_plural = pgettext_lazy("plural", "图片")

    def __str__(self) -> str:
        return self.file.name or ""

    def clean(self) -> None:
        """Only a raster image whose bytes prove its type (qbank.images); the type stored is the
        proven one, never what the document or the editor claimed."""
        from .images import HEADER_BYTES, raster_type

        super().clean()
        if not self.file:
            return
        was_closed = self.file.closed
        self.file.open("rb")
        self.file.seek(0)
        header = self.file.read(HEADER_BYTES)
        self.file.seek(0)
        if was_closed and getattr(self.file, "_committed", False):
            self.file.close()  # a stored file we opened only to look at
        proven = raster_type(header)
        if proven is None:
            raise ValidationError(
                {"file": _("图片只接受 PNG、JPEG、GIF、WebP 或 BMP 格式。")}, code="not_raster"
            )
        self.content_type = proven
