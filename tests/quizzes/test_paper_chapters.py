"""Chapters chosen once for the paper: every rule draws from them unless it narrows them."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qbank import services as qbank_services
from qbank.models import Bank, Chapter, Question
from quizzes import services
from quizzes.models import Paper
from tests.chapters import chapter_with_singles
from tests.quizzes.test_trainer_papers import management, paper_data, rule

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapters(bank: Bank) -> dict[str, Chapter]:
    """第一章 (2 single), 第二章 (3 single, 1 truefalse), made in that order."""
    made = {}
    for title, singles in (("第一章 概述", 2), ("第二章 礼仪", 3)):
        made[title] = chapter_with_singles(
            bank=bank, title=title, count=singles, stem="{title}{i}?", options=("甲", "乙")
        )
    qbank_services.question_create(
        bank=bank,
        chapter=made["第二章 礼仪"],
        status=Question.Status.ACTIVE,
        type="truefalse",
        stem="对吗?",
        answer=True,
    )
    return made


def test_rules_use_the_papers_chapters_unless_they_narrow_them(
    trainer: Any, client_for: Callable[[Any], Client], bank: Bank, chapters: dict[str, Chapter]
) -> None:
    first, second = chapters["第一章 概述"], chapters["第二章 礼仪"]
    data = {
        **paper_data(bank, chapters=[second.pk]),
        **management(2),
        **rule(0, type="single", count=2, points="1"),
        **rule(1, type="single", count=1, points="1", chapters=[second.pk]),
    }
    response = client_for(trainer).post(reverse("quizzes:paper_create"), data)
    assert response.status_code == 302
    paper = Paper.objects.get()
    assert list(paper.chapters.all()) == [second]
    assert services.paper_problems(paper=paper) == []
    drawn = services.paper_draw(paper=paper, rng=random.Random(1))
    assert {q.chapter_id for q, _points in drawn} == {second.pk}
    assert len(drawn) == 3
    # The paper's chapter alone holds 3 singles: a fourth is more than the pool.
    data["rules-0-count"] = 4
    client_for(trainer).post(reverse("quizzes:paper_edit", args=[paper.pk]), data)
    assert services.paper_problems(paper=paper)
    # Without paper chapters, the rule draws from the whole bank (第一章's 2 too).
    data["chapters"] = []
    client_for(trainer).post(reverse("quizzes:paper_edit", args=[paper.pk]), data)
    assert services.paper_problems(paper=paper) == [] and first.pk not in [c.pk for c in paper.chapters.all()]


def test_a_rule_cannot_reach_outside_the_papers_chapters(
    trainer: Any, client_for: Callable[[Any], Client], bank: Bank, chapters: dict[str, Chapter]
) -> None:
    first, second = chapters["第一章 概述"], chapters["第二章 礼仪"]
    data = {
        **paper_data(bank, chapters=[second.pk]),
        **management(1),
        **rule(0, type="single", count=1, points="1", chapters=[first.pk]),
    }
    page = client_for(trainer).post(reverse("quizzes:paper_create"), data).content.decode()
    assert "规则只能在试卷所选的章节里再缩小范围" in page and not Paper.objects.exists()


def test_chapters_of_another_bank_are_refused(
    trainer: Any, client_for: Callable[[Any], Client], bank: Bank, other_bank: Bank, chapters: Any
) -> None:
    stranger = qbank_services.chapter_get_or_create(bank=other_bank, title="第一章 别的")
    data = {
        **paper_data(bank, chapters=[stranger.pk]),
        **management(1),
        **rule(0, type="single", count=1, points="1"),
    }
    page = client_for(trainer).post(reverse("quizzes:paper_create"), data).content.decode()
    assert "所选章节不属于这份试卷的题库" in page and not Paper.objects.exists()


def test_the_picker_shows_the_tree_in_reading_order_with_counts(
    trainer: Any, client_for: Callable[[Any], Client], bank: Bank, chapters: dict[str, Chapter]
) -> None:
    qbank_services.chapter_get_or_create(bank=bank, title="第十章 总结")
    qbank_services.chapter_get_or_create(bank=bank, title="第一节 小结")  # a section of 第十章
    page = client_for(trainer).get(reverse("quizzes:paper_create")).content.decode()
    picker = page[page.index('id="chapter-picker"') :]
    assert picker.index("第一章 概述") < picker.index("第二章 礼仪") < picker.index("第十章 总结")
    assert picker.index("第十章 总结") < picker.index("第一节 小结")
    assert "单选题 3" in picker and "判断题 1" in picker and "全选本章" in picker
    # The rule's own chapter list is in the same order.
    rules = page[page.index('id="rule-rows"') :]
    assert rules.index("第二章 礼仪") < rules.index("第十章 总结")


def test_the_picker_costs_the_same_queries_for_many_chapters(
    trainer: Any, client_for: Callable[[Any], Client], bank: Bank, chapters: Any
) -> None:
    client = client_for(trainer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("quizzes:paper_create")).status_code == 200
        return len(captured)

    one = queries()
    for i in range(3, 23):
        qbank_services.chapter_get_or_create(bank=bank, title=f"第{i}章")
    assert queries() == one


def test_a_published_paper_keeps_its_chapters(bank: Bank, chapters: dict[str, Chapter], trainer: Any) -> None:
    paper = Paper.objects.create(title="p", bank=bank, status=Paper.Status.PUBLISHED)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.paper_save(
            paper=paper, cohorts=[], rules=None, user=trainer, chapters=[chapters["第一章 概述"]]
        )
