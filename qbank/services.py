"""Writes to the question bank (HackSoft style: keyword-only functions, full_clean before save).

The bank knows nothing about importers or quizzes; callers hand it plain values.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import questiontypes

from . import bulk, models
from .fingerprint import fingerprint, search_text
from .images import raster_type
from .models import OPTION_LABELS, Bank, Chapter, Option, Question, QuestionImage, Source, Tag
from .review import is_key_warning
from .selectors import WAITING_FOR_KEY

# The answer rules live on the model (Question.clean); re-exported for the forms and importers.
CHOICE_TYPES = models.CHOICE_TYPES
ACTIVE_NEEDS_KEY = models.ACTIVE_NEEDS_KEY
FEW_OPTIONS = gettext_lazy("选择题至少要有两个选项。")
answer_normalise = models.answer_normalise
answer_validate = models.answer_validate
_has_key = models.has_key


def bank_get_or_create(*, name: str, description: str = "") -> tuple[Bank, bool]:
    bank = Bank.objects.filter(name=name).first()
    if bank is not None:
        return bank, False
    bank = Bank(name=name, description=description)
    bank.full_clean()
    bank.save()
    return bank, True


def chapter_get_or_create(*, bank: Bank, title: str) -> Chapter:
    """The bank's chapter with this title; a new one goes after the existing chapters."""
    title = " ".join(title.split())[: Chapter._meta.get_field("title").max_length]
    chapter = Chapter.objects.filter(bank=bank, title=title).first()
    if chapter is not None:
        return chapter
    last = Chapter.objects.filter(bank=bank).aggregate(last=Max("order"))["last"]
    chapter = Chapter(bank=bank, title=title, order=0 if last is None else last + 1)
    chapter.full_clean()
    chapter.save()
    return chapter


def source_create(
    *, filename: str, data: bytes, bank: Bank | None = None, imported_by: AbstractBaseUser | None = None
) -> Source:
    source = Source(
        filename=filename[: Source._meta.get_field("filename").max_length],
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        bank=bank,
        imported_by=imported_by,
    )
    source.full_clean()
    source.save()
    return source


def question_create(
    *,
    bank: Bank,
    type: str,
    stem: str,
    options: Sequence[str] = (),
    answer: Any = None,
    explanation: str = "",
    material: str = "",
    chapter: Chapter | None = None,
    difficulty: int = 3,
    tags: Sequence[str] = (),
    source: Source | None = None,
    source_line: int = 0,
    status: str = Question.Status.NEEDS_REVIEW,
    warnings: Sequence[str] = (),
) -> Question:
    if len(options) > len(OPTION_LABELS):
        raise ValidationError(
            _("选项最多 %(max)d 个,此题有 %(count)d 个。"),
            code="too_many_options",
            params={"max": len(OPTION_LABELS), "count": len(options)},
        )
    answer = answer_normalise(type=type, answer=answer)
    answer_validate(type=type, answer=answer, option_count=len(options))
    question = Question(
        bank=bank,
        chapter=chapter,
        type=type,
        stem=stem,
        material=material,
        answer=answer,
        explanation=explanation,
        difficulty=difficulty,
        source=source,
        source_line=source_line,
        status=status,
        fingerprint=fingerprint(stem, list(options), material),
        search_text=search_text(stem, list(options)),
        warnings=list(warnings),
    )
    question.pending_option_labels = OPTION_LABELS[: len(options)]
    question.full_clean()
    question.save()
    option_rows = [
        Option(question=question, label=label, text=text, order=index)
        for index, (label, text) in enumerate(zip(OPTION_LABELS, options, strict=False))
    ]
    for option in option_rows:
        # Labels are generated above, unique by construction: skip the per-row uniqueness query.
        option.full_clean(exclude=["question"], validate_unique=False, validate_constraints=False)
    Option.objects.bulk_create(option_rows)
    if tags:
        question.tags.set([tag_get_or_create(name=name) for name in tags])
    return question


def tag_get_or_create(*, name: str) -> Tag:
    tag = Tag.objects.filter(name=name).first()
    if tag is None:
        tag = Tag(name=name)
        tag.full_clean()
        tag.save()
    return tag


def question_image_create(
    *, question: Question, name: str, content_type: str, data: bytes, option: Option | None = None
) -> QuestionImage:
    if raster_type(data) is None:
        # Checked before the bytes are written anywhere; QuestionImage.clean() checks again.
        raise ValidationError(_("图片只接受 PNG、JPEG、GIF、WebP 或 BMP 格式。"), code="not_raster")
    image = QuestionImage(question=question, option=option, content_type=content_type)
    # FileField.save writes the bytes to MEDIA_ROOT (under a unique name) and sets image.file.
    image.file.save(name or "image", ContentFile(data), save=False)
    image.full_clean()
    image.save()
    return image


def question_refresh_derived(*, question: Question) -> Question:
    """Recompute fingerprint and search text after the stem or options were edited (admin).

    An edit that makes the question identical to another one in the bank keeps the old
    fingerprint and flags the question for review instead of failing the save.
    """
    options = list(question.options.order_by("order", "label").values_list("text", flat=True))
    new_fingerprint = fingerprint(question.stem, options, question.material)
    question.search_text = search_text(question.stem, options)
    clash = (
        Question.objects.filter(bank_id=question.bank_id, fingerprint=new_fingerprint)
        .exclude(pk=question.pk)
        .values_list("pk", flat=True)
        .first()
    )
    if clash is None:
        question.fingerprint = new_fingerprint
    else:
        question.warnings = [*question.warnings, _("修改后与试题 #%(pk)s 相同") % {"pk": clash}]
        question.status = Question.Status.NEEDS_REVIEW
        if not question.fingerprint:
            # Added in the admin as a copy: a per-row placeholder keeps (bank, fingerprint) unique.
            question.fingerprint = f"clash-{question.pk}"
    question.save(update_fields=["fingerprint", "search_text", "warnings", "status", "updated"])
    return question


@transaction.atomic
def question_update(
    *,
    question: Question,
    chapter: Chapter | None,
    type: str,
    stem: str,
    material: str,
    options: Sequence[str],
    answer: Any,
    explanation: str,
    difficulty: int,
    tags: Sequence[str],
    status: str,
) -> Question:
    """A trainer's edit. Attempts already taken keep their snapshot, so nothing there changes;
    an edit that would make the question identical to another one in the bank is refused."""
    if len(options) > len(OPTION_LABELS):
        raise ValidationError(
            {"options": _("选项最多 %(max)d 个。") % {"max": len(OPTION_LABELS)}}, code="too_many_options"
        )
    answer = answer_normalise(type=type, answer=answer)
    answer_validate(type=type, answer=answer, option_count=len(options))
    if status == Question.Status.ACTIVE and not _has_key(type=type, answer=answer):
        raise ValidationError({"status": ACTIVE_NEEDS_KEY}, code="active_needs_key")
    new_print = fingerprint(stem, list(options), material)
    clash = (
        Question.objects.filter(bank_id=question.bank_id, fingerprint=new_print)
        .exclude(pk=question.pk)
        .values_list("pk", flat=True)
        .first()
    )
    if clash is not None:
        raise ValidationError(_("修改后与试题 #%(pk)s 相同。"), code="duplicate", params={"pk": clash})
    for name, value in [
        ("chapter", chapter),
        ("type", type),
        ("stem", stem),
        ("material", material),
        ("answer", answer),
        ("explanation", explanation),
        ("difficulty", difficulty),
        ("status", status),
    ]:
        setattr(question, name, value)
    question.pending_option_labels = OPTION_LABELS[: len(options)]
    question.full_clean(exclude=["fingerprint", "search_text"], validate_unique=False)
    question.save()
    question.options.all().delete()
    Option.objects.bulk_create(
        [
            Option(question=question, label=OPTION_LABELS[i], text=text, order=i)
            for i, text in enumerate(options)
        ]
    )
    question.tags.set([tag_get_or_create(name=name) for name in dict.fromkeys(tags)])
    return question_refresh_derived(question=question)


@transaction.atomic
def question_key(*, question: Question, answer: Any) -> Question:
    """Store the key of a question that waited for one (selectors.WAITING_FOR_KEY).

    The warnings about the missing key go; the question becomes active unless others remain
    (a guessed type, a possible duplicate): then it stays in review and they say why.
    """
    # Locked and re-read: a second trainer keying the same question must not overwrite the first.
    current = Question.objects.select_for_update().filter(WAITING_FOR_KEY, pk=question.pk).first()
    if current is None:
        raise ValidationError(_("此题已有答案或已不在待审核状态,未保存。"), code="not_waiting")
    option_count = current.options.count()
    if current.type in CHOICE_TYPES and option_count < 2:
        raise ValidationError(FEW_OPTIONS, code="few_options")
    answer = answer_normalise(type=current.type, answer=answer)
    if answer is None:
        raise ValidationError(_("请先填写答案。"), code="no_answer")
    answer_validate(type=current.type, answer=answer, option_count=option_count)
    current.answer = answer
    current.warnings = [warning for warning in current.warnings if not is_key_warning(warning)]
    current.status = Question.Status.NEEDS_REVIEW if current.warnings else Question.Status.ACTIVE
    current.full_clean(exclude=["fingerprint", "search_text"], validate_unique=False)
    current.save(update_fields=["answer", "warnings", "status", "updated"])
    return current


def questions_move(*, questions: QuerySet[Question], chapter: Chapter) -> tuple[int, int]:
    """Move questions to a chapter in one UPDATE; returns (moved, skipped). A chapter belongs to
    one bank, so questions of another bank stay where they are."""
    same_bank = questions.filter(bank_id=chapter.bank_id)
    skipped = questions.count() - same_bank.count()
    moved = same_bank.exclude(chapter=chapter).update(chapter=chapter, updated=timezone.now())
    return moved, skipped


def question_set_status(*, questions: QuerySet[Question], status: str) -> tuple[int, int]:
    """Retire or (re)activate questions in one UPDATE; returns (changed, skipped).

    Retired questions are no longer drawn by papers (quizzes.selectors.pool_for draws active
    ones only); attempts already taken keep their snapshot. Activation skips questions that
    have no key yet, for the reason given at ACTIVE_NEEDS_KEY.
    """
    if status not in (Question.Status.ACTIVE, Question.Status.RETIRED):
        raise ValidationError(_("只能启用或停用试题。"), code="status")
    wanted = questions.exclude(status=status)
    skipped = 0
    if status == Question.Status.ACTIVE:
        needs_key = [t.code for t in questiontypes.TYPES if t.needs_key]
        keyless = Q(answer__isnull=True, type__in=needs_key)
        skipped = wanted.filter(keyless).count()
        wanted = wanted.exclude(keyless)
    # QuerySet.update skips auto_now, so `updated` is set by hand (the list sorts by it).
    changed = wanted.update(status=status, updated=timezone.now())
    return changed, skipped


@dataclass
class NewQuestion:
    """One question for questions_create_bulk: the values question_create takes, plus the
    fingerprint when the caller already computed it (imports do, to find duplicates)."""

    type: str
    stem: str
    options: Sequence[str] = ()
    answer: Any = None
    explanation: str = ""
    material: str = ""
    chapter: Chapter | None = None
    difficulty: int = 3
    tags: Sequence[str] = ()
    source_line: int = 0
    status: str = Question.Status.NEEDS_REVIEW
    warnings: Sequence[str] = ()
    fingerprint: str = ""


# Checked by the database at insert (constraints) or by the caller (FKs it handed us): skipping
# them here is what keeps validation free of per-row queries.
_BULK_EXCLUDE = ["bank", "chapter", "source", "fingerprint", "search_text"]


def questions_create_bulk(
    *, bank: Bank, source: Source | None, items: Sequence[NewQuestion]
) -> list[Question | ValidationError]:
    """Store many questions at once: per item the created Question, or why it was refused.

    The same rules as question_create, checked in Python once per item without a query (field
    validation and Question.clean); uniqueness and the check constraints are the database's at
    insert time, so callers drop fingerprints already in the bank first (one look-up per batch).
    Questions, options and tags go in with bulk inserts: a few statements per hundred questions
    instead of ~17 per question. Call inside a transaction.
    """
    results: list[Question | ValidationError] = []
    for item in items:
        try:
            results.append(_bulk_row(bank=bank, source=source, item=item))
        except ValidationError as error:
            results.append(error)
    pairs = [(q, item) for q, item in zip(results, items, strict=True) if isinstance(q, Question)]
    questions = [q for q, _item in pairs]
    # Ids first, so options and tags can name their question; then plain rows (qbank.bulk).
    for question, pk in zip(questions, bulk.next_ids(Question, len(questions)), strict=True):
        question.pk = pk
    bulk.insert_objects(Question, questions)
    bulk.insert_values(
        Option,
        ("question_id", "label", "text", "order"),
        (
            (question.pk, label, text, index)
            for question, item in pairs
            for index, (label, text) in enumerate(zip(OPTION_LABELS, item.options, strict=False))
        ),
    )
    _tags_bulk_set(pairs)
    return results


def _bulk_row(*, bank: Bank, source: Source | None, item: NewQuestion) -> Question:
    if len(item.options) > len(OPTION_LABELS):
        raise ValidationError(
            _("选项最多 %(max)d 个,此题有 %(count)d 个。"),
            code="too_many_options",
            params={"max": len(OPTION_LABELS), "count": len(item.options)},
        )
    options = list(item.options)
    # Foreign keys by id: setting the instances costs a descriptor call each, and nothing
    # here reads them back. The answer is normalised and checked by clean() below.
    question = Question(
        bank_id=bank.pk,
        chapter_id=item.chapter.pk if item.chapter is not None else None,
        type=item.type,
        stem=item.stem,
        material=item.material,
        answer=item.answer,
        explanation=item.explanation,
        difficulty=item.difficulty,
        source_id=source.pk if source is not None else None,
        source_line=item.source_line,
        status=item.status,
        fingerprint=item.fingerprint or fingerprint(item.stem, options, item.material),
        search_text=search_text(item.stem, options),
        warnings=list(item.warnings),
    )
    question.pending_option_labels = OPTION_LABELS[: len(options)]
    question.clean_fields(exclude=_BULK_EXCLUDE)
    question.clean()
    for name in item.tags:
        Tag(name=name).clean_fields()  # e.g. too long: refused here, as tag_get_or_create would
    return question


def _tags_bulk_set(pairs: Sequence[tuple[Question, NewQuestion]]) -> None:
    wanted = {name for _question, item in pairs for name in item.tags}
    if not wanted:
        return
    Tag.objects.bulk_create([Tag(name=name) for name in sorted(wanted)], ignore_conflicts=True)
    by_name = dict(Tag.objects.filter(name__in=wanted).values_list("name", "pk"))
    bulk.insert_values(
        Question.tags.through,
        ("question_id", "tag_id"),
        ((question.pk, by_name[name]) for question, item in pairs for name in dict.fromkeys(item.tags)),
    )
