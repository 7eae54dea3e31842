"""The bank exported to the template and imported again: nothing changes, nothing doubles."""

from __future__ import annotations

from typing import Any

import pytest

from importers.pipeline import ParsedQuestion, parse_document
from importers.pipeline.spreadsheet import EXAMPLES, TemplateRow, read_template, write_rows
from importers.services import import_paper
from importers.spreadsheet_export import bank_rows, export_bank
from qbank.models import Bank, Question

pytestmark = pytest.mark.django_db

# Every type, with the fields that are easiest to lose: material, nine options, alternatives
# in a fill answer, several tags, a question without a chapter, a multi-line reference answer.
FILLED = [
    *EXAMPLES,
    TemplateRow(
        "第三章 团队",
        "single",
        "哪些人员参加例会?",
        material="案例:某呼叫中心每周召开例会。",
        options=list("甲乙丙丁戊己庚辛壬"),
        answer="I",
        explanation="见制度第 3 条。",
        difficulty=5,
        tags=["制度", "例会"],
    ),
    TemplateRow("第三章 团队", "fill", "服务对象是____,目标是____。", answer="客户|顾客;满意", tags=["基础"]),
    TemplateRow("", "short", "谈谈你对服务的理解。", answer="要点一;\n要点二。", difficulty=1),
]


def parsed(q: ParsedQuestion) -> tuple[Any, ...]:
    difficulty = q.difficulty or 3  # a blank difficulty is stored as 3, and exported as 3
    tags = sorted(q.tags)  # a set: the bank lists tags by name
    return (q.chapter, q.type, q.stem, q.material, q.options, q.answer, q.explanation, difficulty, tags)


def stored(bank: Bank) -> list[tuple[Any, ...]]:
    questions = Question.objects.filter(bank=bank).prefetch_related("options", "tags").order_by("stem")
    return [
        (
            q.chapter.title if q.chapter else "",
            q.type,
            q.stem,
            q.material,
            [o.text for o in q.options.all()],
            q.answer,
            q.explanation,
            q.difficulty,
            sorted(t.name for t in q.tags.all()),
            q.status,
        )
        for q in questions
    ]


def test_import_stores_every_column(bank: Bank) -> None:
    report = import_paper(bank=bank, filename="filled.xlsx", data=write_rows(FILLED))
    assert (report.ok, report.created, report.needs_review, report.notes) == (True, len(FILLED), 0, [])
    nine = Question.objects.get(stem="哪些人员参加例会?")
    assert (nine.chapter.title if nine.chapter else None, nine.answer, nine.difficulty) == (
        "第三章 团队",
        "I",
        5,
    )
    assert nine.material == "案例:某呼叫中心每周召开例会。" and nine.options.count() == 9
    assert sorted(t.name for t in nine.tags.all()) == ["例会", "制度"]
    assert Question.objects.get(type="fill", stem__startswith="服务对象").answer == ["客户|顾客", "满意"]
    assert Question.objects.get(type="truefalse").answer is False
    assert Question.objects.get(stem="谈谈你对服务的理解。").chapter is None
    assert list(bank.chapters.values_list("title", flat=True)) == [
        "第一章 客户服务理念",
        "第二章 投诉处理",
        "第三章 团队",
    ]


def test_export_reads_back_as_the_questions_imported(bank: Bank) -> None:
    imported = read_template("filled.xlsx", write_rows(FILLED)).questions
    import_paper(bank=bank, filename="filled.xlsx", data=write_rows(FILLED))
    exported = read_template("export.xlsx", export_bank(bank=bank)).questions
    # The export is in chapter order, the file was in row order: compare as sets of questions.
    assert sorted(map(parsed, exported), key=str) == sorted(map(parsed, imported), key=str)
    assert all(q.warnings == [] for q in exported)


def test_exported_file_imported_into_a_second_bank_creates_the_same_questions(bank: Bank) -> None:
    import_paper(bank=bank, filename="filled.xlsx", data=write_rows(FILLED))
    second = Bank.objects.create(name="第二题库")
    report = import_paper(bank=second, filename="export.xlsx", data=export_bank(bank=bank))
    assert (report.created, report.duplicates, report.rejected) == (len(FILLED), 0, 0)
    assert stored(second) == stored(bank)
    assert list(second.chapters.values_list("title", flat=True)) == list(
        bank.chapters.values_list("title", flat=True)
    )


def test_reimporting_into_the_same_bank_adds_nothing(bank: Bank) -> None:
    import_paper(bank=bank, filename="filled.xlsx", data=write_rows(FILLED))
    before = stored(bank)
    again = import_paper(bank=bank, filename="export.xlsx", data=export_bank(bank=bank))
    assert (again.created, again.duplicates) == (0, len(FILLED))
    # The same rows in another order, from another file: still every one a duplicate.
    shuffled = import_paper(bank=bank, filename="rows-again.xlsx", data=write_rows(list(reversed(FILLED))))
    assert (shuffled.created, shuffled.duplicates) == (0, len(FILLED))
    assert stored(bank) == before


def test_one_chapter_exports_alone(bank: Bank) -> None:
    import_paper(bank=bank, filename="filled.xlsx", data=write_rows(FILLED))
    chapter = bank.chapters.get(title="第二章 投诉处理")
    rows = parse_document("c.xlsx", export_bank(bank=bank, chapter=chapter)).questions
    assert {q.chapter for q in rows} == {"第二章 投诉处理"} and len(rows) == 3


def test_retired_questions_and_other_banks_are_not_exported(bank: Bank, other_bank: Bank) -> None:
    import_paper(bank=bank, filename="filled.xlsx", data=write_rows(FILLED))
    import_paper(
        bank=other_bank, filename="other.xlsx", data=write_rows([TemplateRow("", "short", "别的题?")])
    )
    Question.objects.filter(stem="谈谈你对服务的理解。").update(status=Question.Status.RETIRED)
    stems = [row.stem for row in bank_rows(bank=bank)]
    assert len(stems) == len(FILLED) - 1
    assert "谈谈你对服务的理解。" not in stems and "别的题?" not in stems


@pytest.mark.parametrize("copies", [1, 20])
def test_export_queries_do_not_grow_with_the_bank(
    bank: Bank, copies: int, django_assert_num_queries: Any
) -> None:
    rows = [
        TemplateRow(f"第{i % 3}章", "single", f"第 {i} 题?", options=["a", "b"], answer="A", tags=[f"t{i}"])
        for i in range(copies)
    ]
    import_paper(bank=bank, filename="many.xlsx", data=write_rows(rows))
    with django_assert_num_queries(3):  # questions + chapters (joined), options, tags
        assert len(bank_rows(bank=bank)) == copies


def test_row_problems_are_reported_and_the_rest_stored(bank: Bank) -> None:
    rows = [EXAMPLES[0], TemplateRow("章", "single", "坏题?", options=["a", "b"], answer="E")]
    report = import_paper(bank=bank, filename="bad-row.xlsx", data=write_rows(rows))
    assert report.created == 1
    assert report.notes == ["第 3 行:答案 E,但只有 2 个选项"]


def test_a_fill_mismatch_is_stored_for_review(bank: Bank) -> None:
    rows = [TemplateRow("", "fill", "____和____", answer="倾听")]
    report = import_paper(bank=bank, filename="fill.xlsx", data=write_rows(rows))
    assert (report.created, report.needs_review) == (1, 1)
    assert report.notes == ["第 2 行:题干有 2 个空,答案有 1 项(已导入,待审核)"]
    assert Question.objects.get().status == Question.Status.NEEDS_REVIEW
