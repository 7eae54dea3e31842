"""The bank, or one chapter, as the spreadsheet template: export → import round-trips."""

from __future__ import annotations

from qbank.models import Bank, Chapter, Question

from .pipeline.spreadsheet import TemplateRow, answer_cell, write_rows


def bank_rows(*, bank: Bank, chapter: Chapter | None = None) -> list[TemplateRow]:
    """The bank's questions in chapter order, retired ones left out: three queries in all."""
    questions = (
        Question.objects.filter(bank=bank)
        .exclude(status=Question.Status.RETIRED)
        .select_related("chapter")
        .prefetch_related("options", "tags")
        .order_by("chapter__order", "chapter__title", "id")
    )
    if chapter is not None:
        questions = questions.filter(chapter=chapter)
    return [_row(question) for question in questions]


def _row(question: Question) -> TemplateRow:
    # The answer names option labels, so the columns follow the labels (A, B, …), whatever
    # the display order; sorted in Python to keep the prefetch a single query.
    options = sorted(question.options.all(), key=lambda option: option.label)
    return TemplateRow(
        chapter=question.chapter.title if question.chapter else "",
        type=question.type,
        stem=question.stem,
        material=question.material,
        options=[option.text for option in options],
        answer=answer_cell(question.type, question.answer),
        explanation=question.explanation,
        difficulty=question.difficulty,
        tags=[tag.name for tag in question.tags.all()],
    )


def export_bank(*, bank: Bank, chapter: Chapter | None = None) -> bytes:
    """An .xlsx in the template layout that import_paper reads back unchanged."""
    return write_rows(bank_rows(bank=bank, chapter=chapter))
