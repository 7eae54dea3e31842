"""Staging for bulk imports from the browser: nothing here is in the bank until publish.

A batch is one upload (many files, or a zip of them) into one bank. Each file is parsed by a
background task into staged questions that an admin reviews, fixes or excludes; publishing
stores them through the same code as `import_papers` (importers.services).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qbank.models import Bank, Question, Source


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("待发布")
        PUBLISHING = "publishing", _("发布中")
        PUBLISHED = "published", _("已发布")

    bank = models.ForeignKey(Bank, models.CASCADE, related_name="import_batches", verbose_name=_("题库"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, verbose_name=_("上传人")
    )
    created = models.DateTimeField(_("上传时间"), auto_now_add=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.OPEN)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    # Publishing runs in the worker: who asked, when it was claimed (a worker that died
    # mid-publish leaves it "publishing"; after IMPORT_PUBLISH_TIMEOUT_SECONDS it can be asked
    # again), why it failed, and what it stored.
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("发布人"),
    )
    publish_started = models.DateTimeField(_("开始发布时间"), null=True, blank=True)
    publish_error = models.TextField(_("发布失败原因"), blank=True)
    publish_summary = models.JSONField(_("发布结果"), default=dict, blank=True)
    # Files refused at upload (too big, wrong content, zip slip…): shown with the batch.
    refusals = models.JSONField(_("未接收的文件"), default=list, blank=True)
    # Chapter title as parsed → "new" | "none" | "<chapter id>"; titles not listed mean "new".
    chapter_map = models.JSONField(_("章节对应"), default=dict, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("导入批次")
        verbose_name_plural = pgettext_lazy("plural", "导入批次")

    def __str__(self) -> str:
        return f"#{self.pk} {self.bank}"


class ImportFile(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        PARSING = "parsing", _("解析中")
        PARSED = "parsed", _("已解析")
        FAILED = "failed", _("失败")
        SKIPPED = "skipped", _("已跳过")

    DONE = (Status.PARSED, Status.FAILED, Status.SKIPPED)

    batch = models.ForeignKey(ImportBatch, models.CASCADE, related_name="files", verbose_name=_("导入批次"))
    filename = models.CharField(_("文件名"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("大小(字节)"))
    upload = models.FileField(_("上传的文件"), upload_to="imports/%Y/%m/")
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(_("错误"), blank=True)
    # importers.pipeline.coverage.Coverage.as_json(): how much of the file was read, and a verdict
    coverage = models.JSONField(_("识别情况"), default=dict, blank=True)
    found = models.PositiveIntegerField(_("识别出的题数"), default=0)  # so far, while parsing
    # Percent of this file's parse done, written by the worker while it parses: a file of
    # 20,000 questions takes many seconds, and the progress page should show it moving.
    progress = models.PositiveSmallIntegerField(_("解析进度(%)"), default=0)
    duplicates = models.PositiveIntegerField(_("重复题数"), default=0)
    created_count = models.PositiveIntegerField(_("新增题数"), default=0)
    # Why a file was skipped: the source already in the bank, or the earlier upload of it.
    same_as_source = models.ForeignKey(
        Source, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("已导入的来源")
    )
    same_as_file = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("之前上传的文件")
    )
    source = models.ForeignKey(
        Source, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("发布后的来源")
    )
    # Claims of this file by a parse task: a worker killed mid-parse leaves it "parsing", and
    # staging.recover_stale_files queues it again until IMPORT_PARSE_MAX_ATTEMPTS.
    parse_attempts = models.PositiveSmallIntegerField(_("解析次数"), default=0)
    started = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        ordering = ["batch_id", "id"]
        verbose_name = _("导入文件")
        verbose_name_plural = pgettext_lazy("plural", "导入文件")

    def __str__(self) -> str:
        return self.filename

    @property
    def is_done(self) -> bool:
        return self.status in self.DONE


class StagedQuestion(models.Model):
    file = models.ForeignKey(ImportFile, models.CASCADE, related_name="questions", verbose_name=_("导入文件"))
    seq = models.PositiveIntegerField(_("序号"))
    # ParsedQuestion.as_json() plus "difficulty" and "images": [{"path", "name", "content_type"}].
    data = models.JSONField(_("试题"))
    section = models.CharField(_("大题"), max_length=200, blank=True)
    chapter_title = models.CharField(_("章节"), max_length=200, blank=True)
    fingerprint = models.CharField(_("指纹"), max_length=64, db_index=True)
    warnings = models.JSONField(_("提示"), default=list, blank=True)
    excluded = models.BooleanField(_("不导入"), default=False)
    edited = models.BooleanField(_("已修改"), default=False)
    duplicate_of = models.ForeignKey(
        Question,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("与题库中的试题重复"),
    )
    duplicate_of_staged = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("与本批次的试题重复")
    )

    class Meta:
        ordering = ["file_id", "seq"]
        verbose_name = _("待审试题")
        verbose_name_plural = pgettext_lazy("plural", "待审试题")
        constraints = [models.UniqueConstraint(fields=["file", "seq"], name="importers_staged_unique_seq")]

    def __str__(self) -> str:
        stem = " ".join(str(self.data.get("stem", "")).split())
        return stem if len(stem) <= 40 else stem[:39] + "…"

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of_id is not None or self.duplicate_of_staged_id is not None
