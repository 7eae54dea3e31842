"""Store parsed papers in the bank: parse first (pure, no DB), then one transaction per file.

Policy, in one place:
- A file whose checksum is already stored is skipped and reported; nothing is added.
- Each question's chapter (its "第X章…" heading, else the title of the paper it was printed
  in) becomes a chapter of the bank, created on first use. Type headings such as
  "一、单项选择题" are not topics and make no chapter. Questions with neither get no chapter:
  a chapter named after a scraped file name ("004_39fe9d03…") would mean nothing to a
  trainer, and the source file is already recorded on every question.
- Same fingerprint as a question already in the bank, or as one earlier in the same paper:
  skipped and reported as a duplicate.
- A question with parser warnings, or with no answer key, is stored as "needs review";
  the rest are active. An answer that does not fit the question (e.g. "E" with four options)
  is dropped with a warning rather than stored wrong.
- A question the bank refuses (unknown type, more than 26 options) is rejected and reported;
  the rest of the file is stored. A PaperError, or anything unexpected, stores nothing from
  that file.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from importers.pipeline import PaperError, ParsedPaper, ParsedQuestion, parse_document
from qbank.fingerprint import fingerprint
from qbank.images import raster_type
from qbank.models import Bank, Chapter, Question, Source
from qbank.review import answer_dropped
from qbank.selectors import fingerprints_in_bank, source_by_checksum
from qbank.services import (
    NewQuestion,
    answer_normalise,
    answer_validate,
    chapter_get_or_create,
    question_image_create,
    questions_create_bulk,
    source_create,
)

logger = logging.getLogger(__name__)


@dataclass
class ImportReport:
    filename: str
    found: int = 0
    created: int = 0
    duplicates: int = 0
    needs_review: int = 0
    rejected: int = 0
    already_imported: bool = False
    found_by_type: Counter[str] = field(default_factory=Counter)
    by_type: Counter[str] = field(default_factory=Counter)  # created, per type
    notes: list[str] = field(default_factory=list)  # per question: duplicates, rejections
    errors: list[str] = field(default_factory=list)  # the file failed: nothing stored from it

    @property
    def ok(self) -> bool:
        return not self.errors


def import_paper(
    *, bank: Bank, filename: str, data: bytes, user: AbstractBaseUser | None = None
) -> ImportReport:
    """Parse and store one file. PaperError becomes report.errors; other exceptions propagate
    after the transaction rolled back (import_papers turns them into report errors too)."""
    report = ImportReport(filename=filename)
    if len(data) > settings.IMPORT_MAX_FILE_BYTES:
        report.errors.append(f"{filename}: file is larger than {settings.IMPORT_MAX_FILE_BYTES} bytes")
        return report
    existing = source_by_checksum(sha256=hashlib.sha256(data).hexdigest())
    if existing is not None:
        report.already_imported = True
        report.notes.append(
            f"already imported as {existing.filename!r} into {existing.bank or '-'} "
            f"on {timezone.localtime(existing.imported_at):%Y-%m-%d %H:%M}; nothing added"
        )
        return report
    paper = _parse(filename, data, report)
    if paper is None:
        return report
    report.found = len(paper.questions)
    report.found_by_type.update(q.type for q in paper.questions)
    report.notes.extend(paper.warnings)  # e.g. the template's "第 17 行:答案 E,但只有 4 个选项"
    with files_removed_on_failure() as saved_files, transaction.atomic():
        _store(
            bank=bank,
            filename=filename,
            data=data,
            user=user,
            paper=paper,
            report=report,
            saved_files=saved_files,
        )
    return report


def import_papers(
    *, bank: Bank, files: Iterable[tuple[str, bytes]], user: AbstractBaseUser | None = None
) -> list[ImportReport]:
    """Import each file in its own transaction; one failing file does not stop the rest."""
    reports = []
    for filename, data in files:
        try:
            reports.append(import_paper(bank=bank, filename=filename, data=data, user=user))
        except Exception as exc:
            logger.exception("import of %s failed", filename)
            failed = ImportReport(filename=filename)
            failed.errors.append(f"{filename}: import failed, nothing stored ({type(exc).__name__}: {exc})")
            reports.append(failed)
    return reports


def _parse(filename: str, data: bytes, report: ImportReport) -> ParsedPaper | None:
    try:
        return parse_document(filename, data)
    except PaperError as exc:
        report.errors.append(str(exc))
    except Exception as exc:
        # Parsing is pure, so a crash on odd bytes is safe to report instead of propagate.
        logger.exception("parser crashed on %s", filename)
        report.errors.append(f"{filename}: cannot be read ({type(exc).__name__}: {exc})")
    return None


def _store(
    *,
    bank: Bank,
    filename: str,
    data: bytes,
    user: AbstractBaseUser | None,
    paper: ParsedPaper,
    report: ImportReport,
    saved_files: list[str],
) -> None:
    source = source_create(filename=filename, data=data, bank=bank, imported_by=user)
    chapters: dict[str, Chapter | None] = {}

    def chapter_for(q: ParsedQuestion) -> Chapter | None:
        if q.chapter.strip() and q.chapter not in chapters:
            chapters[q.chapter] = chapter_get_or_create(bank=bank, title=q.chapter)
        return chapters.get(q.chapter)

    store_questions(
        bank=bank,
        source=source,
        questions=paper.questions,
        chapter_for=chapter_for,
        seen={},
        seen_note=lambda q: f"printed twice in this paper (first at line {q.lineno})",
        report=report,
        saved_files=saved_files,
    )


@contextmanager
def files_removed_on_failure() -> Iterator[list[str]]:
    """Collect the names of files written during a transaction; delete them if it fails.

    The rows are rolled back with the transaction, the files on disk are not.
    """
    saved_files: list[str] = []
    try:
        yield saved_files
    except BaseException:
        for name in saved_files:
            default_storage.delete(name)
        raise


def store_questions(
    *,
    bank: Bank,
    source: Source,
    questions: Iterable[ParsedQuestion],
    chapter_for: Callable[[ParsedQuestion], Chapter | None],
    seen: dict[str, str],
    seen_note: Callable[[ParsedQuestion], str],
    report: ImportReport,
    saved_files: list[str],
    fingerprints: Sequence[str] | None = None,
) -> None:
    """Store one file's questions: the code both `import_paper` and a browser batch's publish use.

    `seen` maps fingerprints stored earlier in the same import (this file, or earlier files
    of the batch) to the note a later copy gets; it is updated here. `fingerprints`, one per
    question, when the caller has them (staged questions keep theirs, updated on every edit).
    Call inside a transaction.
    """
    questions = list(questions)
    if fingerprints is None:
        prints = [fingerprint(q.stem, q.options, q.material) for q in questions]  # once per question
    else:
        prints = list(fingerprints)
    in_bank = fingerprints_in_bank(bank=bank, fingerprints=set(prints))
    wanted: list[tuple[ParsedQuestion, NewQuestion]] = []
    for q, fp in zip(questions, prints, strict=True):
        if fp in in_bank:
            report.duplicates += 1
            report.notes.append(f"line {q.lineno}: duplicate of question #{in_bank[fp]} already in the bank")
            continue
        if fp in seen:
            report.duplicates += 1
            report.notes.append(f"line {q.lineno}: {seen[fp]}")
            continue
        seen[fp] = seen_note(q)
        wanted.append((q, _new_question(q, chapter_for(q), fp)))
    results = questions_create_bulk(bank=bank, source=source, items=[item for _q, item in wanted])
    for (q, item), result in zip(wanted, results, strict=True):
        if isinstance(result, ValidationError):
            report.rejected += 1
            report.notes.append(f"line {q.lineno}: rejected: {'; '.join(result.messages)}")
            continue
        report.created += 1
        report.by_type[q.type] += 1
        report.needs_review += item.status == Question.Status.NEEDS_REVIEW
        _store_images(result, q, report, saved_files)


def _new_question(q: ParsedQuestion, chapter: Chapter | None, fp: str) -> NewQuestion:
    answer, warnings = checked_answer(q)
    review = bool(warnings) or answer is None
    return NewQuestion(
        type=q.type,
        stem=q.stem,
        options=q.options,
        answer=answer,
        explanation=q.explanation,
        material=q.material,
        chapter=chapter,
        difficulty=q.difficulty or 3,
        tags=q.tags,
        source_line=max(q.lineno, 0),
        status=Question.Status.NEEDS_REVIEW if review else Question.Status.ACTIVE,
        warnings=warnings,
        fingerprint=fp,
    )


def _store_images(
    question: Question, q: ParsedQuestion, report: ImportReport, saved_files: list[str]
) -> None:
    for image in q.images:
        if raster_type(image.data) is None:
            # An SVG, EMF or HTML "picture" in a document is never shown: left out and reported.
            report.notes.append(
                f"line {q.lineno}: picture {image.name!r} is not a PNG/JPEG/GIF/WebP/BMP, left out"
            )
            continue
        stored = question_image_create(
            question=question, name=image.name, content_type=image.content_type, data=image.data
        )
        saved_files.append(stored.file.name or "")


def checked_answer(q: ParsedQuestion) -> tuple[object, list[str]]:
    """The answer to store and the question's warnings (plus one if the answer was dropped)."""
    warnings = list(q.warnings)
    answer = answer_normalise(type=q.type, answer=q.answer)
    try:
        answer_validate(type=q.type, answer=answer, option_count=len(q.options))
    except ValidationError:
        warnings.append(answer_dropped(answer=q.answer, type=q.type, option_count=len(q.options)))
        answer = None
    return answer, warnings
