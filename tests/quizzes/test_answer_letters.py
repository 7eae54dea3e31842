"""What each answer chose, in the bank's option letters: written when an attempt is graded, and
backfilled by a data migration for answers recorded before (quizzes/migrations/0007_…)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps

from qbank.models import Bank, Option, Question
from quizzes import stats_selectors
from quizzes.models import AttemptQuestion, Paper
from tests.quizzes.stats_data import CHOICES, sit
from tests.quizzes.stats_data import stats_paper as build_stats_paper

pytestmark = pytest.mark.django_db

backfill = importlib.import_module("quizzes.migrations.0008_backfill_answer_letters").backfill
LETTER = {"甲": "A", "乙": "B", "丙": "C"}  # the bank's order


@pytest.fixture
def sat(bank: Bank, trainer: Any, make_trainee: Callable[[str], Any]) -> Paper:
    paper = build_stats_paper(bank=bank, trainer=trainer)
    for name, choices in CHOICES.items():
        sit(paper, make_trainee(name), choices)
    return paper


def letters() -> dict[int, tuple[list[int], str, str]]:
    return {
        aq.pk: (aq.option_order, aq.key_letters, aq.chosen_letters)
        for aq in AttemptQuestion.objects.order_by("pk")
    }


def test_grading_writes_the_choice_in_bank_letters_whatever_the_shuffle(sat: Paper) -> None:
    shuffles = set()
    for aq in AttemptQuestion.objects.select_related("attempt__user"):
        shown = [aq.options[i] for i in range(3)]
        assert [["甲", "乙", "丙"][i] for i in aq.option_order] == shown  # the shuffle, recorded at start
        shuffles.add(tuple(aq.option_order))
        chosen = CHOICES[aq.attempt.user.username][("问一", "问二", "问三").index(aq.stem)]
        assert (aq.key_letters, aq.chosen_letters) == ("A", LETTER[chosen])
    assert len(shuffles) > 1  # the letters shown differed between trainees


def test_the_migration_backfills_what_grading_writes(sat: Paper) -> None:
    written = letters()
    AttemptQuestion.objects.update(option_order=[], key_letters="", chosen_letters="")
    backfill(apps, None)
    assert letters() == written


def test_an_unanswered_or_running_answer(
    bank: Bank, trainer: Any, make_trainee: Callable[[str], Any]
) -> None:
    from quizzes import services

    paper = build_stats_paper(bank=bank, trainer=trainer)
    running = services.attempt_start(paper=paper, user=make_trainee("late"))
    done = services.attempt_submit(attempt=services.attempt_start(paper=paper, user=make_trainee("blank")))
    AttemptQuestion.objects.update(option_order=[], key_letters="", chosen_letters="")
    backfill(apps, None)
    for aq in running.questions.all():
        assert len(aq.option_order) == 3 and (aq.key_letters, aq.chosen_letters) == ("", "")  # not graded yet
    for aq in done.questions.all():
        assert (aq.key_letters, aq.chosen_letters) == ("A", "")


def test_a_question_edited_since_keeps_its_answers_out_of_the_option_counts(sat: Paper) -> None:
    """Its shuffle cannot be found from the texts any more: the answers still count for facility
    and discrimination, only not under an option."""
    AttemptQuestion.objects.update(option_order=[], key_letters="", chosen_letters="")
    Option.objects.filter(question__stem="问二", text="乙").update(text="乙(改)")
    backfill(apps, None)
    items = {
        i.stem: i for i in stats_selectors.item_analysis(attempts=stats_selectors.stats_attempts(paper=sat))
    }
    assert [(o.text, o.count) for o in items["问二"].options] == [("甲", 0), ("乙(改)", 0), ("丙", 0)]
    assert items["问二"].sums.n == 6 and items["问二"].facility == pytest.approx(1 / 3)
    assert [(o.text, o.is_key, o.count) for o in items["问一"].options] == [
        ("甲", True, 3),
        ("乙", False, 2),
        ("丙", False, 1),
    ]


def test_an_unshuffled_paper_showed_the_bank_order(sat: Paper) -> None:
    """Without the shuffle the order is the bank's, edited texts or not."""
    Paper.objects.filter(pk=sat.pk).update(shuffle_options=False)
    AttemptQuestion.objects.filter(stem="问二").update(options=["甲", "乙", "丙"], key="A", response="B")
    Question.objects.filter(stem="问二").delete()
    AttemptQuestion.objects.update(option_order=[], key_letters="", chosen_letters="")
    backfill(apps, None)
    for aq in AttemptQuestion.objects.filter(stem="问二"):
        assert (aq.option_order, aq.key_letters, aq.chosen_letters) == ([0, 1, 2], "A", "B")
