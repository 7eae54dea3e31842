from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from importers.pipeline.model import QUESTION_TYPES
from qbank import selectors, services
from qbank.models import Bank, Chapter, Option, Question


def make(bank: Bank, stem: str = "什么是客户关系管理?", **kwargs: object) -> Question:
    fields: dict[str, object] = {
        "type": "single",
        "options": ["一种管理理念", "一种软件"],
        "answer": "A",
        **kwargs,
    }
    return services.question_create(bank=bank, stem=stem, **fields)  # type: ignore[arg-type]


def test_question_types_match_the_parser() -> None:
    assert tuple(Question.Type.values) == QUESTION_TYPES


def test_question_create_stores_options_fingerprint_and_search_text(bank: Bank) -> None:
    question = make(bank, stem="什麼是客戶關係管理?", options=["甲", "乙", "丙"], answer="c")
    assert [(o.label, o.text) for o in question.options.all()] == [("A", "甲"), ("B", "乙"), ("C", "丙")]
    assert question.answer == "C"
    assert len(question.fingerprint) == 64
    assert "客户关系管理" in question.search_text
    assert str(question) == "什麼是客戶關係管理?"


def test_multiple_answer_letters_are_normalised(bank: Bank) -> None:
    question = make(bank, type="multiple", options=["a", "b", "c", "d"], answer="DBA")
    assert question.answer == "ABD"


@pytest.mark.parametrize(
    ("type_", "options", "answer"),
    [
        ("single", ["甲", "乙"], "AB"),  # two letters for a single choice
        ("single", ["甲", "乙"], "E"),  # no such option
        ("multiple", ["甲", "乙"], "AA"),
        ("truefalse", [], "对"),
        ("fill", [], "客户"),
        ("short", [], ["客户"]),
    ],
)
def test_answer_must_fit_the_type(bank: Bank, type_: str, options: list[str], answer: object) -> None:
    with pytest.raises(ValidationError):
        make(bank, type=type_, options=options, answer=answer)
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("type_", "options", "answer"),
    [
        ("truefalse", [], False),
        ("fill", [], ["客户", "满意"]),
        ("short", [], "倾听客户"),
        ("single", ["甲", "乙"], None),
    ],
)
def test_valid_answers_are_stored(bank: Bank, type_: str, options: list[str], answer: object) -> None:
    question = make(bank, type=type_, options=options, answer=answer)
    question.refresh_from_db()
    assert question.answer == answer


def test_same_fingerprint_twice_in_a_bank_is_refused(bank: Bank, other_bank: Bank) -> None:
    first = make(bank)
    with pytest.raises(ValidationError):
        make(bank, stem="什麼是客戶關係管理？")  # same question in Traditional, full-width "？"
    # The database holds the line too, not only full_clean.
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(bank=bank, type="short", stem="x", fingerprint=first.fingerprint)
    assert make(other_bank).fingerprint == first.fingerprint  # another bank may hold it


def test_difficulty_is_checked_by_the_database(bank: Bank) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(bank=bank, type="short", stem="x", fingerprint="f", difficulty=9)


def test_chapter_title_unique_per_bank_and_appended_in_order(bank: Bank, other_bank: Bank) -> None:
    first = services.chapter_get_or_create(bank=bank, title="一、单项选择题")
    second = services.chapter_get_or_create(bank=bank, title="二、判断题")
    assert services.chapter_get_or_create(bank=bank, title=" 一、单项选择题 ") == first
    assert (first.order, second.order) == (0, 1)
    assert services.chapter_get_or_create(bank=other_bank, title="一、单项选择题") != first
    with pytest.raises(IntegrityError), transaction.atomic():
        Chapter.objects.create(bank=bank, title="二、判断题")


def test_option_label_unique_per_question(bank: Bank) -> None:
    question = make(bank)
    with pytest.raises(IntegrityError), transaction.atomic():
        Option.objects.create(question=question, label="A", text="again")


def test_question_list_filters_and_searches_either_script(bank: Bank, other_bank: Bank) -> None:
    service = make(bank, stem="售后客户服务的核心是什么?")
    make(bank, stem="判断:客户永远是对的", type="truefalse", options=[], answer=True)
    make(other_bank, stem="售后客户服务的核心是什么?")
    assert list(selectors.question_list(bank=bank, search="售後客戶服務")) == [service]
    assert list(selectors.question_list(bank=bank, search="ＳＥＲＶＩＣＥ")) == []
    assert selectors.question_list(bank=bank, type="truefalse").count() == 1
    assert selectors.question_list(status="needs_review").count() == 3


def test_refresh_after_edit_flags_a_clash_instead_of_failing(bank: Bank) -> None:
    make(bank, stem="问题一")
    second = make(bank, stem="问题二")
    second.stem = "问题一"
    second.save()
    services.question_refresh_derived(question=second)
    second.refresh_from_db()
    assert second.status == Question.Status.NEEDS_REVIEW
    assert second.warnings
    third = make(bank, stem="问题三")
    third.stem = "问题三(修订)"
    services.question_refresh_derived(question=third)
    assert third.fingerprint == services.fingerprint("问题三(修订)", ["一种管理理念", "一种软件"])
