"""The bank exported to the template and imported again: nothing changes, nothing doubles."""

from __future__ import annotations

from typing import Any

from importers.pipeline import parse_document
from importers.pipeline.spreadsheet import EXAMPLES, write_rows
from importers.services import import_paper
from importers.spreadsheet_export import export_bank
from qbank.models import Bank, Question


def snapshot(bank: Bank) -> list[tuple[Any, ...]]:
    return [
        (
            q.chapter.title if q.chapter else "",
            q.type,
            q.stem,
            [o.text for o in q.options.all()],
            q.answer,
            q.explanation,
            q.difficulty,
            sorted(t.name for t in q.tags.all()),
        )
        for q in Question.objects.filter(bank=bank).prefetch_related("options", "tags").order_by("stem")
    ]


def test_export_then_import_round_trips(bank: Bank) -> None:
    report = import_paper(bank=bank, filename="filled.xlsx", data=write_rows(EXAMPLES))
    assert report.created == len(EXAMPLES) and report.ok
    exported = export_bank(bank=bank)
    second = Bank.objects.create(name="第二题库")
    import_paper(bank=second, filename="export.xlsx", data=exported)
    assert snapshot(second) == snapshot(bank)
    # The same rows from another file: every question is recognised as already in the bank.
    again = import_paper(bank=bank, filename="rows-again.xlsx", data=write_rows(list(reversed(EXAMPLES))))
    assert (again.created, again.duplicates) == (0, len(EXAMPLES))


def test_one_chapter_exports_alone(bank: Bank) -> None:
    import_paper(bank=bank, filename="filled.xlsx", data=write_rows(EXAMPLES))
    chapter = bank.chapters.get(title="第二章 投诉处理")
    rows = parse_document("c.xlsx", export_bank(bank=bank, chapter=chapter)).questions
    assert {q.chapter for q in rows} == {"第二章 投诉处理"} and len(rows) == 3


def test_row_problems_are_reported_and_the_rest_stored(bank: Bank) -> None:
    rows = [*EXAMPLES[:1], EXAMPLES[0].__class__("章", "single", "坏题?", options=["a", "b"], answer="E")]
    report = import_paper(bank=bank, filename="bad-row.xlsx", data=write_rows(rows))
    assert report.created == 1
    assert report.notes == ["第 3 行:答案 E,但只有 2 个选项"]
