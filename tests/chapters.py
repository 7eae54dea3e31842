"""A chapter of active single-choice questions made through the bank's services, for tests that
need a chapter tree (the paper builder, its tree picker)."""

from __future__ import annotations

from qbank import services as qbank_services
from qbank.models import Bank, Chapter, Question


def chapter_with_singles(
    *,
    bank: Bank,
    title: str,
    count: int,
    stem: str = "{title} 单选{i}?",
    options: tuple[str, str] = ("对的", "错的"),
) -> Chapter:
    """The chapter `title` (made if new) with `count` keyed single-choice questions added."""
    chapter = qbank_services.chapter_get_or_create(bank=bank, title=title)
    for i in range(count):
        qbank_services.question_create(
            bank=bank,
            chapter=chapter,
            status=Question.Status.ACTIVE,
            type="single",
            stem=stem.format(title=title, i=i),
            options=list(options),
            answer="A",
        )
    return chapter
