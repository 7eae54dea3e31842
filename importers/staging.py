"""Writes for bulk imports in the browser: upload → parse (a background task) → review → publish.

Policy, in one place:
- Upload stores the accepted files and queues one parse task per file; nothing is parsed in
  the request. A file whose bytes are already a source of the bank, or were uploaded before
  (and not failed), is skipped by its task with a pointer to the earlier import.
- Parsing stores staged questions only. Duplicates (same fingerprint as a question in the
  bank, or as a question staged earlier in the batch) are flagged, never stored.
- Publish stores every included staged question through importers.services.store_questions,
  the code `import_papers` uses, in ONE transaction for the whole batch; it dedups again,
  since the bank may have changed since the parse. Publishing twice does nothing.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy

from importers import publish_progress
from importers.models import ImportBatch, ImportFile, StagedQuestion
from importers.pipeline import Image, PaperError, ParsedQuestion, parse_document
from importers.services import (
    ImportReport,
    checked_answer,
    files_removed_on_failure,
    store_questions,
)
from qbank.fingerprint import fingerprint
from qbank.models import Bank, Chapter
from qbank.review import NO_ANSWER
from qbank.selectors import fingerprints_in_bank, source_by_checksum
from qbank.services import chapter_get_or_create, source_create

logger = logging.getLogger(__name__)

CHAPTER_NEW = "new"
CHAPTER_NONE = "none"


def batch_create(
    *, bank: Bank, user: AbstractBaseUser | None, files: Sequence[tuple[str, bytes]], refused: Sequence[str]
) -> ImportBatch:
    """Store the accepted files as a new batch; call batch_enqueue once this has committed."""
    with files_removed_on_failure() as saved_files, transaction.atomic():
        batch = ImportBatch.objects.create(bank=bank, uploaded_by=user, refusals=list(refused))
        for name, data in files:
            import_file = ImportFile(
                batch=batch,
                filename=name[: ImportFile._meta.get_field("filename").max_length],
                sha256=hashlib.sha256(data).hexdigest(),
                size=len(data),
            )
            import_file.upload.save(_storage_name(name), ContentFile(data), save=False)
            saved_files.append(import_file.upload.name or "")
            import_file.save()
    return batch


def batch_enqueue(*, batch: ImportBatch) -> int:
    """Queue a parse task per queued file. Outside the upload's transaction on purpose: a
    worker in another process must find the rows committed when it picks the task up."""
    from importers.tasks import parse_import_file  # late: tasks imports this module

    ids = list(batch.files.filter(status=ImportFile.Status.QUEUED).values_list("pk", flat=True))
    for file_id in ids:
        parse_import_file.enqueue(file_id)
    return len(ids)


def file_parse(*, file_id: int) -> None:
    """The parse task's body: claim the file, skip it if already imported, else stage its questions."""
    claimed = ImportFile.objects.filter(pk=file_id, status=ImportFile.Status.QUEUED).update(
        status=ImportFile.Status.PARSING, started=timezone.now(), parse_attempts=F("parse_attempts") + 1
    )
    if not claimed:
        return  # already handled (a task delivered twice)
    import_file = ImportFile.objects.select_related("batch__bank").get(pk=file_id)
    _unstage(import_file)  # what an earlier claim staged before its worker died
    if _skip_if_seen(import_file):
        return
    try:
        data = import_file.upload.read()
        import_file.upload.close()
        report = _progress_reporter(import_file)
        paper = parse_document(import_file.filename, data, lambda share: report(PARSE_SHARE * share))
        del data
        _stage(import_file, paper.questions, report)
        ImportFile.objects.filter(pk=import_file.pk).update(
            # rows of a spreadsheet that could not become questions
            error="\n".join(paper.warnings),
            coverage=paper.coverage.as_json() if paper.coverage else {},
        )
    except PaperError as exc:
        _unstage(import_file)
        _finish(import_file, ImportFile.Status.FAILED, error=str(exc))
    except Exception as exc:
        # Parsing is pure, so an unexpected crash is this file's failure, not the worker's.
        logger.exception("parsing %s failed", import_file.filename)
        _unstage(import_file)
        _finish(import_file, ImportFile.Status.FAILED, error=f"{type(exc).__name__}: {exc}")


# Share of a file's progress bar for parsing (the rest is staging): each took about half the
# time on a 20,000-question text paper (tests/bench_import_worker.py).
PARSE_SHARE = 0.5
STAGE_BATCH = 1000  # staged questions written, and progress reported, per transaction


def _progress_reporter(import_file: ImportFile) -> Callable[..., None]:
    """report(share, found=None): store the file's progress when its whole percent changes
    (at most 100 small writes), and how many questions are staged so far."""
    last = -1

    def report(share: float, found: int | None = None) -> None:
        nonlocal last
        percent = min(99, int(100 * share))  # 100 % is the status PARSED
        if percent == last and found is None:
            return
        last = percent
        changes: dict[str, Any] = {"progress": percent}
        if found is not None:
            changes["found"] = found
        ImportFile.objects.filter(pk=import_file.pk).update(**changes)

    return report


def _unstage(import_file: ImportFile) -> None:
    """Remove the file's staged questions and their pictures (a failed or interrupted parse)."""
    staged = StagedQuestion.objects.filter(file=import_file)
    paths = [
        image["path"] for data in staged.values_list("data", flat=True) for image in data.get("images", [])
    ]
    staged.delete()
    for path in paths:
        default_storage.delete(path)


# --- stale claims, retry, discard ------------------------------------------------------------

GAVE_UP = gettext_lazy("解析多次中断(可能是后台进程被终止),已停止重试。可以重试或放弃这个批次。")


def recover_stale_files(*, batch: ImportBatch | None = None, now: datetime | None = None) -> int:
    """Files claimed longer ago than IMPORT_PARSE_TIMEOUT_SECONDS whose worker died: queued again,
    or failed for good after IMPORT_PARSE_MAX_ATTEMPTS claims. Returns how many were recovered."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.IMPORT_PARSE_TIMEOUT_SECONDS)
    stale = ImportFile.objects.filter(status=ImportFile.Status.PARSING, started__lt=cutoff)
    if batch is not None:
        stale = stale.filter(batch=batch)
    limit = settings.IMPORT_PARSE_MAX_ATTEMPTS
    # Conditional updates: a worker finishing the file meanwhile keeps its result.
    stale.filter(parse_attempts__gte=limit).update(
        status=ImportFile.Status.FAILED, error=str(GAVE_UP), finished=now
    )
    requeue = list(stale.filter(parse_attempts__lt=limit).values_list("pk", flat=True))
    requeued = ImportFile.objects.filter(pk__in=requeue, status=ImportFile.Status.PARSING).update(
        status=ImportFile.Status.QUEUED, started=None
    )
    if requeue:
        logger.warning("re-queued import files %s after a stale parse claim", requeue)
        _enqueue_files(requeue)
    return requeued


def batch_retry_failed(*, batch: ImportBatch) -> int:
    """Queue the batch's failed files again, with a fresh count of attempts."""
    _check_open(batch)
    ids = list(batch.files.filter(status=ImportFile.Status.FAILED).values_list("pk", flat=True))
    ImportFile.objects.filter(pk__in=ids).update(
        status=ImportFile.Status.QUEUED, error="", parse_attempts=0, started=None, finished=None
    )
    _enqueue_files(ids)
    return len(ids)


def batch_discard(*, batch: ImportBatch) -> None:
    """Delete an unpublished batch with its staged questions and stored files, so the same
    files can be uploaded again. A published batch is in the bank: it stays as its record."""
    _check_open(batch)
    paths = [f.upload.name for f in batch.files.all() if f.upload]
    for staged in StagedQuestion.objects.filter(file__batch=batch).only("data"):
        paths += [image["path"] for image in staged.data.get("images", []) if image.get("path")]
    batch.delete()
    for path in paths:
        # After the rows are gone: a file left behind by a crash here is only disk space.
        transaction.on_commit(lambda path=path: default_storage.delete(path))


def _enqueue_files(ids: Sequence[int]) -> None:
    from importers.tasks import parse_import_file  # late: tasks imports this module

    for file_id in ids:
        transaction.on_commit(lambda file_id=file_id: parse_import_file.enqueue(file_id))


def _skip_if_seen(import_file: ImportFile) -> bool:
    source = source_by_checksum(sha256=import_file.sha256)
    earlier = (
        ImportFile.objects.filter(sha256=import_file.sha256, pk__lt=import_file.pk)
        .exclude(status__in=[ImportFile.Status.FAILED, ImportFile.Status.SKIPPED])
        .order_by("pk")
        .first()
    )
    if source is None and earlier is None:
        return False
    import_file.same_as_source = source
    import_file.same_as_file = None if source is not None else earlier
    _finish(import_file, ImportFile.Status.SKIPPED)
    return True


def _stage(import_file: ImportFile, questions: Sequence[ParsedQuestion], report: Callable[..., None]) -> None:
    """Write the staged questions STAGE_BATCH at a time, each batch committed with the progress,
    so the progress page moves and only one batch of rows is in memory. A failure part-way
    leaves committed batches behind: file_parse removes them (_unstage)."""
    batch = import_file.batch
    prints = [fingerprint(q.stem, q.options, q.material) for q in questions]  # once per question
    in_bank = fingerprints_in_bank(bank=batch.bank, fingerprints=set(prints))
    in_batch = _staged_in_batch(batch=batch, fingerprints=set(prints))
    first: dict[str, int] = {}  # fingerprint → pk of its first copy in this file
    duplicates = 0
    for start in range(0, len(questions), STAGE_BATCH):
        with files_removed_on_failure() as saved_files, transaction.atomic():
            rows = []
            for seq in range(start + 1, min(start + STAGE_BATCH, len(questions)) + 1):
                q, fp = questions[seq - 1], prints[seq - 1]
                answer, warnings = checked_answer(q)
                q.answer = answer  # type: ignore[assignment]  # dropped when it did not fit (in warnings)
                rows.append(
                    StagedQuestion(
                        file=import_file,
                        seq=seq,
                        data=_as_data(import_file, seq, q, saved_files),
                        section=q.section[:200],
                        chapter_title=q.chapter[:200],
                        fingerprint=fp,
                        warnings=warnings,
                        duplicate_of_id=in_bank.get(fp),
                        duplicate_of_staged_id=in_batch.get(fp),
                    )
                )
            StagedQuestion.objects.bulk_create(rows)  # sets the pks (RETURNING, SQLite ≥ 3.35)
            # Within the file, a later copy points at the first one (its pk exists only now).
            repeats = []
            for row in rows:
                if row.fingerprint in first and not row.is_duplicate:
                    row.duplicate_of_staged_id = first[row.fingerprint]
                    repeats.append(row)
                first.setdefault(row.fingerprint, row.pk)
                duplicates += row.is_duplicate
            StagedQuestion.objects.bulk_update(repeats, ["duplicate_of_staged"])
            staged = start + len(rows)
            report(PARSE_SHARE + (1 - PARSE_SHARE) * staged / len(questions), found=staged)
    import_file.found = len(questions)
    import_file.duplicates = duplicates
    _finish(import_file, ImportFile.Status.PARSED)


def _staged_in_batch(*, batch: ImportBatch, fingerprints: set[str]) -> dict[str, int]:
    """Fingerprints already staged by other files of the batch → the first such staged question."""
    found: dict[str, int] = {}
    wanted = sorted(fingerprints)
    for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
        rows = (
            StagedQuestion.objects.filter(file__batch=batch, fingerprint__in=wanted[start : start + 500])
            .order_by("pk")
            .values_list("fingerprint", "pk")
        )
        for fp, pk in rows:
            found.setdefault(fp, pk)
    return found


def _as_data(import_file: ImportFile, seq: int, q: ParsedQuestion, saved_files: list[str]) -> dict[str, Any]:
    data = q.as_json(import_file.filename, seq)
    data["difficulty"] = q.difficulty
    data["tags"] = list(q.tags)
    images = []
    for image in q.images:
        path = default_storage.save(
            f"imports/images/{import_file.pk}/{_storage_name(image.name or 'image')}", ContentFile(image.data)
        )
        saved_files.append(path)
        images.append({"path": path, "name": image.name, "content_type": image.content_type})
    data["images"] = images
    return data


def _finish(import_file: ImportFile, status: str, error: str = "") -> None:
    import_file.status = status
    import_file.error = error
    import_file.finished = timezone.now()
    import_file.progress = 0  # a finished file counts by its status
    if status != ImportFile.Status.PARSED:
        import_file.found = 0  # counted while staging, and unstaged since
    import_file.save()


def _storage_name(name: str) -> str:
    # Zip entries are shown as "papers.zip/第一章.docx"; the stored name keeps only the last part.
    return name.replace("\\", "/").rsplit("/", 1)[-1] or "upload"


# --- review -------------------------------------------------------------------------------


class BatchPublished(Exception):
    """The batch is published: its staged questions can no longer change."""


def staged_update(
    *,
    staged: StagedQuestion,
    type: str,
    stem: str,
    options: Sequence[str],
    answer: Any,
    explanation: str,
) -> StagedQuestion:
    """A reviewer's fix. Their review replaces the parser's warnings; only "no answer" can remain."""
    _check_open(staged.file.batch)
    data = dict(staged.data)
    data.update(type=type, stem=stem, options=list(options), answer=answer, explanation=explanation)
    staged.data = data
    staged.warnings = [NO_ANSWER] if answer is None else []
    staged.edited = True
    staged.fingerprint = fingerprint(stem, list(options), data.get("material", ""))
    staged.duplicate_of_id = fingerprints_in_bank(
        bank=staged.file.batch.bank, fingerprints={staged.fingerprint}
    ).get(staged.fingerprint)
    staged.duplicate_of_staged_id = (
        StagedQuestion.objects.filter(
            file__batch_id=staged.file.batch_id, fingerprint=staged.fingerprint, pk__lt=staged.pk
        )
        .values_list("pk", flat=True)
        .first()
    )
    staged.save()
    return staged


def staged_set_excluded(*, staged: StagedQuestion, excluded: bool) -> StagedQuestion:
    _check_open(staged.file.batch)
    staged.excluded = excluded
    staged.save(update_fields=["excluded"])
    return staged


def batch_set_chapter_map(*, batch: ImportBatch, mapping: dict[str, str]) -> ImportBatch:
    """Chapter title → "new", "none" or the id of one of the bank's chapters (as a string)."""
    _check_open(batch)
    valid = {str(pk) for pk in Chapter.objects.filter(bank=batch.bank).values_list("pk", flat=True)}
    for title, choice in mapping.items():
        if choice not in {CHAPTER_NEW, CHAPTER_NONE} and choice not in valid:
            raise ValidationError(f"unknown chapter {choice!r} for {title!r}", code="chapter")
    batch.chapter_map = dict(mapping)
    batch.save(update_fields=["chapter_map"])
    return batch


def _check_open(batch: ImportBatch) -> None:
    if batch.status != ImportBatch.Status.OPEN:  # published, or being published by the worker
        raise BatchPublished


# --- publish ------------------------------------------------------------------------------


class BatchNotReady(Exception):
    """Some files are still waiting to be parsed."""


class PublishRefused(Exception):
    """The batch is published already, or the worker is publishing it now."""


def batch_publish_request(*, batch: ImportBatch, user: AbstractBaseUser | None) -> None:
    """Claim the batch for publishing and queue the worker's task: a publish of 20,000
    questions takes longer than a web request may (gunicorn's timeout is 60 s)."""
    from importers.tasks import publish_import_batch  # late: tasks imports this module

    now = timezone.now()
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        stale = now - timedelta(seconds=settings.IMPORT_PUBLISH_TIMEOUT_SECONDS)
        publishing = batch.status == ImportBatch.Status.PUBLISHING
        if batch.status == ImportBatch.Status.PUBLISHED or (
            publishing and batch.publish_started is not None and batch.publish_started > stale
        ):
            raise PublishRefused
        if not all(f.is_done for f in batch.files.all()):
            raise BatchNotReady
        batch.status = ImportBatch.Status.PUBLISHING
        batch.published_by = user  # type: ignore[assignment]
        batch.publish_started = now
        batch.publish_error = ""
        batch.save(update_fields=["status", "published_by", "publish_started", "publish_error"])
    publish_progress.write(batch.pk, percent=0)
    # After the commit, as batch_enqueue: the worker must find the claim.
    publish_import_batch.enqueue(batch.pk)


def batch_publish_run(*, batch_id: int) -> None:
    """The worker's task: publish, or on failure hand the batch back (open, with the reason)."""
    batch = ImportBatch.objects.select_related("published_by").get(pk=batch_id)
    try:
        batch_publish(
            batch_id=batch_id,
            user=batch.published_by,
            progress=lambda percent, stored: publish_progress.write(batch_id, percent=percent, stored=stored),
        )
    except Exception as error:
        logger.exception("publishing import batch %s failed", batch_id)
        ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.PUBLISHING).update(
            status=ImportBatch.Status.OPEN, publish_error=str(error)[:1000] or type(error).__name__
        )
    finally:
        publish_progress.clear(batch_id)


# Questions stored per round of a file: each round reports progress (and looks duplicates up once).
PUBLISH_CHUNK = 2_000


def batch_publish(
    *, batch_id: int, user: AbstractBaseUser | None, progress: Callable[[int, int], None] | None = None
) -> list[ImportReport] | None:
    """Store the batch's included questions in the bank, all or nothing; None if already published.
    `progress(percent, stored)` is told how far it got, chunk by chunk (publish_progress)."""
    with files_removed_on_failure() as saved_files, transaction.atomic():
        batch = ImportBatch.objects.select_for_update().select_related("bank").get(pk=batch_id)
        if batch.status == ImportBatch.Status.PUBLISHED:
            return None
        files = list(batch.files.all())
        if not all(f.is_done for f in files):
            raise BatchNotReady
        chapter_for = _chapter_resolver(batch)
        seen: dict[str, str] = {}
        reports = []
        total = StagedQuestion.objects.filter(file__batch=batch, excluded=False).count()
        done = 0

        def advanced(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(min(99, 100 * done // max(1, total)), done)  # 100 once committed

        for import_file in files:
            if import_file.status == ImportFile.Status.PARSED:
                reports.append(
                    _publish_file(
                        import_file,
                        user=user,
                        chapter_for=chapter_for,
                        seen=seen,
                        saved_files=saved_files,
                        advanced=advanced,
                    )
                )
        batch.status = ImportBatch.Status.PUBLISHED
        batch.published_at = timezone.now()
        batch.publish_summary = {
            "created": sum(r.created for r in reports),
            "duplicates": sum(r.duplicates for r in reports),
            "needs_review": sum(r.needs_review for r in reports),
            "rejected": sum(r.rejected for r in reports),
        }
        batch.save(update_fields=["status", "published_at", "publish_summary"])
    return reports


def _publish_file(
    import_file: ImportFile,
    *,
    user: AbstractBaseUser | None,
    chapter_for: Callable[[ParsedQuestion], Chapter | None],
    seen: dict[str, str],
    saved_files: list[str],
    advanced: Callable[[int], None],
) -> ImportReport:
    report = ImportReport(filename=import_file.filename)
    existing = source_by_checksum(sha256=import_file.sha256)
    if existing is not None:
        # Imported meanwhile (another batch, or import_papers): nothing from it is added.
        report.already_imported = True
        import_file.same_as_source = existing
        import_file.save(update_fields=["same_as_source"])
        advanced(import_file.questions.filter(excluded=False).count())
        return report
    with import_file.upload.open("rb") as handle:
        data = handle.read()
    bank = import_file.batch.bank
    source = source_create(filename=import_file.filename, data=data, bank=bank, imported_by=user)
    # Only the columns publishing reads, as tuples: 20,000 model instances cost seconds.
    staged = list(
        import_file.questions.filter(excluded=False)
        .order_by("seq")
        .values_list("data", "section", "chapter_title", "warnings", "fingerprint")
    )
    report.found = len(staged)
    for start in range(0, len(staged), PUBLISH_CHUNK):
        chunk = staged[start : start + PUBLISH_CHUNK]
        store_questions(
            bank=bank,
            source=source,
            questions=[
                _as_parsed(data, section, chapter, warnings)
                for data, section, chapter, warnings, _fp in chunk
            ],
            fingerprints=[row[-1] for row in chunk],
            chapter_for=chapter_for,
            seen=seen,
            seen_note=lambda q: (
                f"printed twice in this batch (first in {import_file.filename}, line {q.lineno})"
            ),
            report=report,
            saved_files=saved_files,
        )
        advanced(len(chunk))
    import_file.source = source
    import_file.created_count = report.created
    import_file.duplicates = report.duplicates
    import_file.save(update_fields=["source", "created_count", "duplicates"])
    return report


def _chapter_resolver(batch: ImportBatch) -> Callable[[ParsedQuestion], Chapter | None]:
    existing = {str(c.pk): c for c in Chapter.objects.filter(bank=batch.bank)}
    made: dict[str, Chapter | None] = {}

    def chapter_for(q: ParsedQuestion) -> Chapter | None:
        title = q.chapter
        if title not in made:
            choice = batch.chapter_map.get(title, CHAPTER_NEW)
            if choice == CHAPTER_NONE or not title.strip():
                made[title] = None
            elif choice in existing:
                made[title] = existing[choice]
            else:  # "new", or a chapter deleted since the mapping was chosen
                made[title] = chapter_get_or_create(bank=batch.bank, title=title)
        return made[title]

    return chapter_for


def _as_parsed(data: dict[str, Any], section: str, chapter: str, warnings: list[str]) -> ParsedQuestion:
    images = []
    for image in data.get("images", []):
        with default_storage.open(image["path"], "rb") as handle:
            images.append(Image(name=image["name"], content_type=image["content_type"], data=handle.read()))
    return ParsedQuestion(
        type=data["type"],
        stem=data["stem"],
        options=list(data.get("options", [])),
        answer=data.get("answer"),
        explanation=data.get("explanation", ""),
        material=data.get("material", ""),
        section=section,
        chapter=chapter,
        number=data.get("number", ""),
        lineno=data.get("line", 0),
        difficulty=data.get("difficulty"),
        tags=list(data.get("tags", [])),
        images=images,
        warnings=list(warnings),
    )
