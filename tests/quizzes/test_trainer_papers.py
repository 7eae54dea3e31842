"""Papers on the trainer's side: create with rules, pool counts, publish, preview."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from qbank import services as qbank_services
from qbank.models import Bank, Chapter, Question
from quizzes.models import Attempt, Cohort, Paper

pytestmark = pytest.mark.django_db


def management(total: int, initial: int = 0) -> dict[str, object]:
    return {
        "rules-TOTAL_FORMS": total,
        "rules-INITIAL_FORMS": initial,
        "rules-MIN_NUM_FORMS": 0,
        "rules-MAX_NUM_FORMS": 1000,
    }


def paper_data(bank: Bank, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "客服入职考试",
        "instructions": "认真作答",
        "bank": bank.pk,
        "time_limit_minutes": 20,
        "pass_percent": 60,
        "opens_at": "2026-12-01T09:00",
        "closes_at": "2026-12-01T18:00",
        "attempts_allowed": 2,
        "shuffle_questions": "on",
        "review_policy": "answers",
        "multiple_policy": "partial",
    }
    data.update(overrides)
    return data


def rule(index: int, **fields: object) -> dict[str, object]:
    return {f"rules-{index}-{key}": value for key, value in fields.items()}


@pytest.fixture
def owner(trainer: Any, client_for: Callable[[Any], Client]) -> Client:
    return client_for(trainer)


def test_create_paper_with_rules(owner: Client, stocked_bank: Bank, chapter: Chapter, trainer: Any) -> None:
    cohort = Cohort.objects.create(name="一班")
    data = {
        **paper_data(stocked_bank, cohorts=[cohort.pk]),
        **management(3),
        **rule(0, type="single", count=2, points="2", difficulty="", chapters=[chapter.pk]),
        **rule(1, type="short", count=1, points="4", difficulty="3"),
        # The third row was left as the page offered it: ignored, not an error.
        **rule(2, type="", count="", points="1", difficulty=""),
    }
    response = owner.post(reverse("quizzes:paper_create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    paper = Paper.objects.get()
    assert response["Location"] == reverse("quizzes:paper_edit", args=[paper.pk])
    assert paper.created_by == trainer and paper.status == Paper.Status.DRAFT
    assert paper.review_policy == "answers" and paper.multiple_policy == "partial"
    assert paper.opens_at is not None and timezone.localtime(paper.opens_at).hour == 9  # local wall clock
    assert list(paper.cohorts.all()) == [cohort]
    rules = list(paper.rules.all())
    assert [(r.type, r.count, r.points, r.difficulty) for r in rules] == [
        ("single", 2, Decimal("2"), None),
        ("short", 1, Decimal("4"), 3),
    ]
    assert list(rules[0].chapters.all()) == [chapter]


def test_edit_page_shows_rules_totals_and_problems(owner: Client, draft_paper: Paper) -> None:
    draft_paper.rules.filter(type="short").update(count=5)  # the bank has one short answer
    page = owner.get(reverse("quizzes:paper_edit", args=[draft_paper.pk])).content.decode()
    assert 'data-pool-url="/quizzes/manage/pool-count/"' in page and "js/paper_form.js" in page
    assert 'name="rules-TOTAL_FORMS" value="3"' in page  # two rules and one empty row
    assert "<strong data-total-count>7</strong>" in page
    assert "<strong data-total-points>24</strong>" in page
    assert "需要 5 题,题库中只有 1 题" in page
    assert 'type="datetime-local"' in page


def test_chapter_from_another_bank_is_refused(owner: Client, stocked_bank: Bank, other_bank: Bank) -> None:
    foreign = qbank_services.chapter_get_or_create(bank=other_bank, title="别的章节")
    data = {**paper_data(stocked_bank), **management(1), **rule(0, type="single", count=1, points="1")}
    data["rules-0-chapters"] = [foreign.pk]
    response = owner.post(reverse("quizzes:paper_create"), data)
    assert response.status_code == 200
    assert "所选章节不属于这份试卷的题库" in response.content.decode()
    assert not Paper.objects.exists()


def test_window_must_close_after_it_opens(owner: Client, stocked_bank: Bank) -> None:
    data = {**paper_data(stocked_bank, closes_at="2026-12-01T08:00"), **management(0)}
    response = owner.post(reverse("quizzes:paper_create"), data)
    assert "截止时间必须晚于开放时间" in response.content.decode()
    assert not Paper.objects.exists()


def edit_data(paper: Paper, **rule_zero: object) -> dict[str, object]:
    data = {
        **paper_data(paper.bank, title="改过的标题"),
        **management(2, initial=2),
        **rule(0, type="single", count=2, points="2", difficulty=""),
        **rule(1, type="short", count=1, points="4", difficulty=""),
    }
    data.update(rule(0, **rule_zero))
    return data


def test_published_paper_keeps_its_rules(owner: Client, published_paper: Paper) -> None:
    url = reverse("quizzes:paper_edit", args=[published_paper.pk])
    response = owner.post(url, edit_data(published_paper, count=3))
    assert response.status_code == 200
    assert "已发布的试卷不能修改规则,请先取消发布。" in response.context["form"].non_field_errors()
    published_paper.refresh_from_db()
    assert published_paper.title == "服务礼仪测验"
    assert published_paper.rules.get(type="single").count == 2
    # The same rules with new settings are fine.
    response = owner.post(url, edit_data(published_paper))
    assert response.status_code == 302
    published_paper.refresh_from_db()
    assert published_paper.title == "改过的标题" and published_paper.status == Paper.Status.PUBLISHED


def test_draft_rules_are_replaced(owner: Client, draft_paper: Paper) -> None:
    data = edit_data(draft_paper, count=3)
    data["rules-1-DELETE"] = "on"
    response = owner.post(reverse("quizzes:paper_edit", args=[draft_paper.pk]), data)
    assert response.status_code == 302
    assert [(r.type, r.count) for r in draft_paper.rules.all()] == [("single", 3)]


def test_pool_count(owner: Client, stocked_bank: Bank, chapter: Chapter, other_bank: Bank) -> None:
    url = reverse("quizzes:pool_count")
    qbank_services.question_create(bank=stocked_bank, type="single", stem="待审核?", options=["甲", "乙"])

    def available(**params: object) -> int:
        response = owner.get(url, params)
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
        return int(json.loads(response.content)["available"])

    assert available(bank=stocked_bank.pk, type="single") == 3  # active questions only
    assert available(bank=stocked_bank.pk, type="single", chapters=[chapter.pk]) == 3
    assert available(bank=stocked_bank.pk, type="single", difficulty=3) == 3
    assert available(bank=stocked_bank.pk, type="single", difficulty=5) == 0
    assert available(bank=stocked_bank.pk, type="short") == 1
    assert available(bank=other_bank.pk, type="single") == 0
    assert owner.get(url, {"bank": stocked_bank.pk, "type": "essay"}).status_code == 400
    assert owner.get(url, {"bank": "x", "type": "single"}).status_code == 400
    assert owner.get(url, {"bank": stocked_bank.pk, "type": "single", "chapters": "x"}).status_code == 400


def test_pool_count_says_how_many_wait_for_a_key(owner: Client, stocked_bank: Bank, chapter: Chapter) -> None:
    """The keying page's selector counts them, so the number matches what the link opens."""
    other_chapter = qbank_services.chapter_get_or_create(bank=stocked_bank, title="第二章")
    for i, where in enumerate([chapter, chapter, other_chapter]):
        qbank_services.question_create(
            bank=stocked_bank, chapter=where, type="single", stem=f"无答案{i}?", options=["甲", "乙"]
        )
    qbank_services.question_create(bank=stocked_bank, type="truefalse", stem="无答案判断?")
    url = reverse("quizzes:pool_count")
    keying = reverse("qbank:keying")

    def counted(**params: object) -> dict[str, Any]:
        response = owner.get(url, params)
        assert response.status_code == 200
        return dict(json.loads(response.content))

    whole = counted(bank=stocked_bank.pk, type="single")
    assert (whole["available"], whole["waiting_for_key"]) == (3, 3)
    assert whole["keying_url"] == f"{keying}?bank={stocked_bank.pk}&type=single"
    one = counted(bank=stocked_bank.pk, type="single", chapters=[chapter.pk])
    assert one["waiting_for_key"] == 2
    assert one["keying_url"] == f"{keying}?bank={stocked_bank.pk}&type=single&chapter={chapter.pk}"
    # The link opens exactly the questions counted.
    page = owner.get(one["keying_url"])
    assert page.context["left"] == 2
    assert (
        counted(bank=stocked_bank.pk, type="single", chapters=[chapter.pk, other_chapter.pk])[
            "waiting_for_key"
        ]
        == 3
    )
    assert counted(bank=stocked_bank.pk, type="truefalse")["waiting_for_key"] == 1
    assert counted(bank=stocked_bank.pk, type="single", difficulty=5)["waiting_for_key"] == 0


def test_rule_rows_hold_the_keying_link_for_the_script(owner: Client) -> None:
    page = owner.get(reverse("quizzes:paper_create")).content.decode()
    assert "data-unkeyed" in page and "data-msg-unkeyed=" in page


def test_publish_blocked_when_a_rule_asks_too_much(owner: Client, draft_paper: Paper) -> None:
    draft_paper.rules.filter(type="single").update(count=4)  # the bank has three
    url = reverse("quizzes:paper_publish", args=[draft_paper.pk])
    response = owner.post(url, follow=True)
    page = response.content.decode()
    assert "需要 4 题,题库中只有 3 题" in page and "没有发布" in page
    draft_paper.refresh_from_db()
    assert draft_paper.status == Paper.Status.DRAFT


def test_publish_then_unpublish(owner: Client, draft_paper: Paper) -> None:
    next_url = reverse("quizzes:paper_edit", args=[draft_paper.pk])
    response = owner.post(reverse("quizzes:paper_publish", args=[draft_paper.pk]), {"next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
    draft_paper.refresh_from_db()
    assert draft_paper.status == Paper.Status.PUBLISHED
    assert "已发布" in owner.get(next_url).content.decode()
    # An outside "next" is ignored: back to the list.
    response = owner.post(
        reverse("quizzes:paper_unpublish", args=[draft_paper.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("quizzes:paper_list")
    draft_paper.refresh_from_db()
    assert draft_paper.status == Paper.Status.DRAFT


def test_publish_requires_csrf(trainer: Any, draft_paper: Paper) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainer)
    assert client.post(reverse("quizzes:paper_publish", args=[draft_paper.pk])).status_code == 403
    draft_paper.refresh_from_db()
    assert draft_paper.status == Paper.Status.DRAFT


def test_preview_shows_answers_and_creates_nothing(owner: Client, draft_paper: Paper) -> None:
    page = owner.get(reverse("quizzes:paper_preview", args=[draft_paper.pk])).content.decode()
    assert page.count('class="card question"') == 3
    assert "倾听客户诉求" in page  # the short answer's reference
    assert 'class="is-key"' in page
    assert "共 3 题,满分 8 分" in page
    assert not Attempt.objects.exists()


def test_preview_reports_a_bank_that_is_too_small(owner: Client, draft_paper: Paper) -> None:
    draft_paper.rules.filter(type="short").update(count=2)
    response = owner.get(reverse("quizzes:paper_preview", args=[draft_paper.pk]))
    assert response.status_code == 200
    assert "需要 2 题,题库中只有 1 题" in response.content.decode()


def test_preview_escapes_question_text(owner: Client, draft_paper: Paper, stocked_bank: Bank) -> None:
    Question.objects.filter(type="short").update(stem="<script>alert(1)</script>", explanation="<b>x</b>")
    page = owner.get(reverse("quizzes:paper_preview", args=[draft_paper.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page


def test_paper_list_shows_status_and_counts(owner: Client, draft_paper: Paper) -> None:
    page = owner.get(reverse("quizzes:paper_list")).content.decode()
    assert draft_paper.title in page and "草稿" in page and "2 条规则" in page
    assert reverse("quizzes:paper_preview", args=[draft_paper.pk]) in page
