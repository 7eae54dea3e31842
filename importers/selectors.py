"""Reads for the bulk-import pages: batches, their progress, and what the review page shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from importers import publish_progress
from importers.coverage_text import coverage_summary
from importers.models import ImportBatch, ImportFile, StagedQuestion


def batch_list() -> QuerySet[ImportBatch]:
    files = ImportFile.objects.select_related("same_as_source", "same_as_file").order_by("pk")
    return ImportBatch.objects.select_related("bank", "uploaded_by").prefetch_related(
        Prefetch("files", queryset=files)
    )


def batch_files(*, batch: ImportBatch) -> list[ImportFile]:
    return list(batch.files.select_related("same_as_source", "same_as_file").order_by("pk"))


def file_note(import_file: ImportFile) -> tuple[str, str]:
    """What to say about a file beside its status, and where to look (a URL or "")."""
    if import_file.status == ImportFile.Status.SKIPPED:
        source = import_file.same_as_source
        if source is not None:
            when = timezone.localtime(source.imported_at).strftime("%Y-%m-%d %H:%M")
            # The row already names the file: say when, and link to the stored source.
            text = _("已导入过(%(when)s),未重复导入") % {"when": when}
            return text, reverse("admin:qbank_source_change", args=[source.pk])
        earlier = import_file.same_as_file
        if earlier is not None:
            text = _("已导入过:批次 #%(batch)s,未重复导入") % {"batch": earlier.batch_id}
            return text, reverse("importers:review", args=[earlier.batch_id])
        return _("已导入过,未重复导入"), ""
    if import_file.error or not import_file.coverage:
        return import_file.error, ""
    return coverage_summary(import_file.coverage), ""


@dataclass
class Progress:
    total: int
    done: int
    found: int
    failed: int
    files: list[dict[str, Any]]
    parsing_percent: int = 0  # the sum of the files being parsed' own percentages
    publish: dict[str, Any] = field(default_factory=dict)  # publish_state()

    @property
    def finished(self) -> bool:
        return self.done == self.total

    @property
    def watching(self) -> bool:
        """Something is still moving: files being parsed, or the worker publishing."""
        return not self.finished or self.publish.get("status") == ImportBatch.Status.PUBLISHING

    @property
    def percent(self) -> int:
        """Done files count whole, files being parsed by their share: one big file moves the bar too."""
        if not self.total:
            return 100
        return min(100, round((100 * self.done + self.parsing_percent) / self.total))

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "done": self.done,
            "found": self.found,
            "failed": self.failed,
            "finished": self.finished,
            "percent": self.percent,
            "files": self.files,
            "publish": self.publish,
            "watching": self.watching,
        }


def batch_progress(*, batch: ImportBatch) -> Progress:
    files = batch_files(batch=batch)
    rows = []
    for f in files:
        note, url = file_note(f)
        rows.append(
            {
                "id": f.pk,
                "filename": f.filename,
                "status": f.status,
                "status_label": str(f.get_status_display()),
                "found": f.found,
                "progress": 100 if f.is_done else f.progress,
                "duplicates": f.duplicates,
                "note": note,
                "url": url,
            }
        )
    return Progress(
        total=len(files),
        done=sum(f.is_done for f in files),
        found=sum(f.found for f in files),
        failed=sum(f.status == ImportFile.Status.FAILED for f in files),
        files=rows,
        parsing_percent=sum(f.progress for f in files if f.status == ImportFile.Status.PARSING),
        publish=publish_state(batch=batch),
    )


def publish_state(*, batch: ImportBatch) -> dict[str, Any]:
    """Where the batch's publish stands, in words for the progress page."""
    state: dict[str, Any] = {"status": batch.status, "percent": 0, "stored": 0, "message": ""}
    if batch.status == ImportBatch.Status.PUBLISHING:
        state.update(publish_progress.read(batch.pk))
        state["message"] = _("正在后台发布到题库:已写入 %(n)d 道试题(%(p)d%%)。可以离开此页。") % {
            "n": state["stored"],
            "p": state["percent"],
        }
    elif batch.status == ImportBatch.Status.PUBLISHED:
        summary = batch.publish_summary or {}
        state["percent"] = 100
        state["message"] = _(
            "已发布:新增 %(created)d 道试题(其中 %(review)d 道待审核),跳过重复 %(dup)d 道。"
        ) % {
            "created": summary.get("created", 0),
            "review": summary.get("needs_review", 0),
            "dup": summary.get("duplicates", 0),
        }
    elif batch.publish_error:
        state["message"] = _("发布失败,题库没有任何改动,可以重新发布:%(error)s") % {
            "error": batch.publish_error
        }
    return state


def staged_for_file(*, import_file: ImportFile) -> list[StagedQuestion]:
    return list(import_file.questions.order_by("seq"))


def staged_counts(*, batch: ImportBatch) -> dict[str, int]:
    """How many staged questions the batch holds, will publish, and are flagged."""
    rows = StagedQuestion.objects.filter(file__batch=batch).values_list(
        "excluded", "warnings", "duplicate_of_id", "duplicate_of_staged_id"
    )
    counts = {"staged": 0, "to_publish": 0, "flagged": 0, "excluded": 0, "duplicates": 0}
    for excluded, warnings, dup, dup_staged in rows:
        counts["staged"] += 1
        duplicate = any(pk is not None for pk in (dup, dup_staged))
        counts["excluded"] += excluded
        counts["duplicates"] += duplicate
        counts["flagged"] += bool(warnings) and not excluded and not duplicate
        counts["to_publish"] += not excluded and not duplicate
    return counts


def chapter_titles(*, batch: ImportBatch) -> list[tuple[str, int]]:
    """Distinct chapter titles of the batch's staged questions, with how many use each."""
    rows = (
        StagedQuestion.objects.filter(file__batch=batch)
        .values_list("chapter_title")
        .annotate(n=Count("id"))
        .order_by("chapter_title")
    )
    return [(title, n) for title, n in rows]
