"""qbank.bulk: plain rows in, the same rows the ORM would have written; and questions_create_bulk
on top of it, in a number of statements that does not grow with the number of questions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from qbank import bulk
from qbank.models import Bank, Chapter, Option, Question, Tag
from qbank.services import NewQuestion, questions_create_bulk
from quizzes.models import AttemptQuestion
from tests.synthetic_bank import stock_bank

pytestmark = pytest.mark.django_db


def test_insert_values_sets_the_given_columns_and_defaults_the_rest(bank: Bank) -> None:
    stock_bank(bank=bank, questions=2, chapters=1)
    question = Question.objects.filter(type="fill").first() or Question.objects.first()
    assert question is not None
    count = bulk.insert_values(Option, ("question_id", "label", "text"), [(question.pk, "E", "选项 “五”")])
    assert count == 1
    option = Option.objects.get(question=question, label="E")
    assert (option.text, option.order) == ("选项 “五”", 0)  # order: the field's default


def test_json_and_decimal_columns_read_back_as_the_orm_wrote_them(bank: Bank, trainee: User) -> None:
    from quizzes.models import Attempt, Paper

    paper = Paper.objects.create(title="卷", bank=bank)
    attempt = Attempt.objects.create(
        paper=paper, user=trainee, started_at="2026-12-01T08:00Z", deadline="2026-12-01T09:00Z"
    )
    bulk.insert_values(
        AttemptQuestion,
        ("attempt_id", "position", "type", "stem", "options", "key", "images", "points"),
        [
            (
                attempt.pk,
                1,
                "multiple",
                "题干",
                ["甲", "乙"],
                "AB",
                [{"id": 3, "path": "p.png"}],
                Decimal("1.5"),
            )
        ],
    )
    aq = AttemptQuestion.objects.get(attempt=attempt)
    assert (aq.options, aq.key, aq.images, aq.points) == (
        ["甲", "乙"],
        "AB",
        [{"id": 3, "path": "p.png"}],
        Decimal("1.5"),
    )
    assert (aq.response, aq.flagged, aq.revision, aq.state) == (None, False, 0, "")  # defaults


def test_next_ids_are_fresh_and_usable(bank: Bank) -> None:
    stock_bank(bank=bank, questions=5, chapters=1)
    highest = Question.objects.order_by("-pk").values_list("pk", flat=True).first()
    with transaction.atomic():
        ids = bulk.next_ids(Question, 3)
        questions = [
            Question(bank_id=bank.pk, type="short", stem=f"新题 {pk}", fingerprint=f"fp-{pk}", pk=pk)
            for pk in ids
        ]
        bulk.insert_objects(Question, questions)
    assert len(set(ids)) == 3 and min(ids) > (highest or 0)
    stored = Question.objects.filter(pk__in=ids)
    assert sorted(stored.values_list("stem", flat=True)) == sorted(q.stem for q in questions)
    assert all(q.created is not None and q.updated is not None for q in stored)  # auto_now(_add)
    # The sequence moved on: the ORM's next question does not collide with them.
    assert Question.objects.create(bank=bank, type="short", stem="后来", fingerprint="later").pk > max(ids)


@pytest.mark.only_on("sqlite")
@pytest.mark.django_db(transaction=True)  # really outside any transaction
def test_next_ids_on_sqlite_refuses_to_run_outside_a_transaction(bank: Bank) -> None:
    # Outside a transaction nothing holds the write lock between reading the highest id and
    # inserting: two imports could pick the same ids.
    with pytest.raises(RuntimeError):
        bulk.next_ids(Question, 1)


def test_value_list_binds_many_ids_or_strings_as_one_parameter(bank: Bank) -> None:
    stock_bank(bank=bank, questions=30, chapters=1)
    ids = list(Question.objects.values_list("pk", flat=True))
    prints = list(Question.objects.values_list("fingerprint", flat=True)[:7])
    with CaptureQueriesContext(connection) as ctx:
        by_id = Question.objects.filter(pk__in=bulk.value_list(ids[:20])).count()
        by_print = Question.objects.filter(fingerprint__in=bulk.value_list(prints)).count()
    assert (by_id, by_print) == (20, 7)
    assert all(query["sql"].count("%s") + query["sql"].count("?") <= 2 for query in ctx.captured_queries)


def _items(count: int, chapter: Chapter) -> list[NewQuestion]:
    return [
        NewQuestion(
            type="single",
            stem=f"批量题 {i}",
            options=["甲", "乙", "丙"],
            answer="B",
            chapter=chapter,
            tags=["批量", f"组{i % 3}"],
            status=Question.Status.ACTIVE,
        )
        for i in range(count)
    ]


def test_questions_create_bulk_statements_do_not_grow_with_the_questions(bank: Bank) -> None:
    chapter = Chapter.objects.create(bank=bank, title="第一章")
    counts = []
    for size in (3, 60):
        with CaptureQueriesContext(connection) as ctx, transaction.atomic():
            results = questions_create_bulk(bank=bank, source=None, items=_items(size, chapter)[:size])
        assert all(isinstance(r, Question) for r in results)
        counts.append(len([q for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"]]))
        bank.questions.all().delete()
    assert counts[0] == counts[1], counts


def test_questions_create_bulk_stores_options_tags_and_refusals(bank: Bank) -> None:
    chapter = Chapter.objects.create(bank=bank, title="第一章")
    bad = NewQuestion(
        type="single", stem="坏题", options=["甲", "乙"], answer="E", status=Question.Status.ACTIVE
    )
    with transaction.atomic():
        results = questions_create_bulk(bank=bank, source=None, items=[*_items(2, chapter), bad])
    first, second, refused = results
    assert isinstance(first, Question) and isinstance(second, Question)
    assert not isinstance(refused, Question)  # the key E is not one of two options
    stored = Question.objects.get(pk=first.pk)
    assert stored.chapter == chapter and stored.answer == "B"
    assert list(stored.options.values_list("label", "text")) == [("A", "甲"), ("B", "乙"), ("C", "丙")]
    assert sorted(stored.tags.values_list("name", flat=True)) == ["批量", "组0"]
    assert Tag.objects.filter(name="批量").count() == 1
    assert stored.search_text and stored.fingerprint
