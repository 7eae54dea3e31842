"""The bank, or one chapter, as the spreadsheet template: export → import round-trips."""

from __future__ import annotations

from qbank.models import Bank, Chapter, Question

from .pipeline.spreadsheet import TemplateRow, answer_cell, write_rows


def bank_rows(*, bank: Bank, chapter: Chapter | None = None) -> list[TemplateRow]:
    questions = (
        Question.objects.filter(bank=bank)
        .exclude(status=Question.Status.RETIRED)
        .select_related("chapter")
        .prefetch_related("options", "tags")
        .order_by("chapter__order", "chapter__title", "id")
    )
    if chapter is not None:
        questions = questions.filter(chapter=chapter)
    return [
        TemplateRow(
            chapter=q.chapter.title if q.chapter else "",
            type=q.type,
            stem=q.stem,
            material=q.material,
            options=[o.text for o in q.options.all()],
            answer=answer_cell(q.type, q.answer),
            explanation=q.explanation,
            difficulty=q.difficulty,
            tags=[t.name for t in q.tags.all()],
        )
        for q in questions
    ]


def export_bank(*, bank: Bank, chapter: Chapter | None = None) -> bytes:
    return write_rows(bank_rows(bank=bank, chapter=chapter))
